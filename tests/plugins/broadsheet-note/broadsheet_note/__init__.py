"""Read and write ``.note`` files: Broadsheet's plugin contract, worked through.

Only Broadsheet's public modules are used: :mod:`convert.base` (the
contract), :mod:`convert.model` (the article tree) and :mod:`convert.errors`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import ClassVar

from convert.base import ExportOptions, ReadOptions, warn
from convert.errors import InputError
from convert.model import Article, Author, Figure, Heading, Metadata, Paragraph, Text, plain_text
from convert.theme import Theme

HEADER_KEYS = ("title", "author", "date", "language")


class NoteReader:
    name: ClassVar[str] = "note"
    extensions: ClassVar[tuple[str, ...]] = (".note",)
    media_types: ClassVar[tuple[str, ...]] = ("text/x-broadsheet-note",)
    description: ClassVar[str] = "a .note file: Title:/Author:/Date: lines, then paragraphs"

    def sniff(self, data: bytes) -> bool:
        """A note starts with its ``Title:`` line."""
        return data.lstrip(b"\xef\xbb\xbf").startswith(b"Title: ")

    def read(self, data: bytes, options: ReadOptions) -> Article:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"a .note file is UTF-8; byte {exc.start} is not") from None
        blocks = text.replace("\r\n", "\n").split("\n\n")
        header: dict[str, list[str]] = {}
        for line in blocks[0].splitlines():
            key, sep, value = line.partition(":")
            if not sep or key.strip().lower() not in HEADER_KEYS:
                raise InputError(f"a .note header line is 'Key: value' ({', '.join(HEADER_KEYS)}): {line!r}")
            header.setdefault(key.strip().lower(), []).append(value.strip())
        if not header.get("title", [""])[0]:
            raise InputError("a .note file starts with a 'Title:' line")
        meta = Metadata(
            title=header["title"][0],
            authors=tuple(Author(name=name) for name in header.get("author", []) if name),
            published=(header.get("date") or [None])[0],
            language=(header.get("language") or [None])[0],
        )
        body: list[Paragraph | Heading] = []
        for block in blocks[1:]:
            words = " ".join(block.split())
            if not words:
                continue
            if block.lstrip().startswith("# "):
                body.append(Heading(level=2, content=(Text(words[2:]),)))
            else:
                body.append(Paragraph(content=(Text(words),)))
        return Article(meta=meta, body=tuple(body))


class NoteExporter:
    name: ClassVar[str] = "note"
    extension: ClassVar[str] = "note"
    media_type: ClassVar[str] = "text/x-broadsheet-note"
    description: ClassVar[str] = "a .note file (example plugin)"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        meta = article.meta
        head = [f"Title: {meta.title or 'Untitled'}"]
        head += [f"Author: {a.name}" for a in meta.authors]
        head += [f"Date: {meta.published}"] if meta.published else []
        head += [f"Language: {meta.language}"] if meta.language else []
        return ("\n".join(head) + "\n\n" + _body(article) + "\n").encode("utf-8")

    def export_many(
        self,
        articles: Sequence[Article],
        style: Theme,
        options: ExportOptions,
        *,
        title: str,
        subtitle: str | None = None,
        language: str | None = None,
        folders: Sequence[Path | None] = (),
    ) -> bytes:
        """One note: the book's title, then each article under a ``# `` heading."""
        parts = [f"Title: {title}" + (f"\nLanguage: {language}" if language else "")]
        for n, article in enumerate(articles, 1):
            parts.append(f"# {article.meta.title or f'Article {n}'}")
            parts.append(_body(article))
        return ("\n\n".join(p for p in parts if p) + "\n").encode("utf-8")


def _body(article: Article) -> str:
    out = []
    for block in article.body:
        if isinstance(block, Figure):
            warn(f"note: left out the image {block.src}")  # a note is text only
            continue
        words = " ".join(plain_text(block).split())
        if words:
            out.append(f"# {words}" if isinstance(block, Heading) else words)
    return "\n\n".join(out)
