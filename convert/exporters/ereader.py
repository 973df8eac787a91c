"""Books for e-readers: Kobo's kepub (written here) and Kindle's azw3 (through calibre).

**kepub** is an EPUB with the markup Kobo's own store adds, so that a
side-loaded book gets Kobo's reading statistics, highlights and page turns:
the body's content inside ``div#book-columns > div#book-inner``, a
``kobostylehacks`` style, and every run of text in a
``<span class="koboSpan" id="kobo.P.S">`` (P counts paragraphs, S the
segments in one), as kepubify does (github.com/pgaskin/kepubify,
``kepub/transform.go``). Text is cut at sentence ends found by Unicode's
sentence segmentation (UAX #29 through ``uniseg``), so Japanese and Arabic
split at their own full stops; text in ``pre``, ``script``, ``style``,
MathML and SVG is left alone, images are wrapped whole. The text itself is
not changed. The file ending is ``.kepub.epub``; no tool is needed.

**azw3** (Kindle Format 8) is the EPUB converted by calibre's
``ebook-convert``, found on ``PATH``; without it the exporter fails with a
:class:`~convert.errors.MissingDependencyError` before anything is written.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path
from typing import ClassVar

from lxml import etree
from uniseg.sentencebreak import sentences

from ..base import ExportOptions
from ..errors import ExportError, MissingDependencyError
from ..model import Article
from ..theme import Theme
from .epub import EpubExporter

XHTML = "http://www.w3.org/1999/xhtml"
#: Elements whose text keeps its form: kepubify's list, with MathML and SVG (no <span> may go there).
KEEP = frozenset({"script", "style", "pre", "audio", "video", "math", "svg", "head"})
#: Elements that start a new Kobo paragraph number (kepubify: p, ol, ul, table).
PARAGRAPHS = frozenset({"p", "ol", "ul", "table"})
#: Kobo's own style for the wrapper, as kepubify writes it.
KOBO_STYLE = "div#book-inner { margin-top: 0; margin-bottom: 0; }"
#: calibre's converter, and how long one conversion may take.
EBOOK_CONVERT = "ebook-convert"
CONVERT_TIMEOUT = 300
TOOL_HINT = "install calibre (apt-get install calibre, or calibre-ebook.com) and put ebook-convert on PATH"


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


class _Spans:
    """Numbers spans the way Kobo does: a new paragraph at each p/ol/ul/table that has text."""

    def __init__(self) -> None:
        self.para = 0
        self.seg = 0
        self.next_para = False

    def span(self, text: str | None = None) -> etree._Element:
        if self.next_para:
            self.para += 1
            self.seg = 0
            self.next_para = False
        self.seg += 1
        el = etree.Element(f"{{{XHTML}}}span", {"class": "koboSpan", "id": f"kobo.{self.para}.{self.seg}"})
        el.text = text
        return el

    def pieces(self, text: str, parent: etree._Element) -> list[etree._Element | str]:
        """``text`` cut into sentences, each in a span; blank runs stay text unless in a ``p``."""
        out: list[etree._Element | str] = []
        for sentence in sentences(text):
            if not sentence.strip() and _local(parent) != "p":
                out.append(sentence)
            else:
                out.append(self.span(sentence))
        return out


def _insert(parent: etree._Element, index: int, pieces: list[etree._Element | str]) -> int:
    """Put ``pieces`` into ``parent`` from child ``index`` on; strings become text or tails."""
    for piece in pieces:
        if isinstance(piece, str):
            if index == 0:
                parent.text = (parent.text or "") + piece
            else:
                prev = parent[index - 1]
                prev.tail = (prev.tail or "") + piece
        else:
            parent.insert(index, piece)
            index += 1
    return index


def _wrap(el: etree._Element, spans: _Spans) -> None:
    """Kobo spans in ``el``'s text, its children and their tails, in document order."""
    local = _local(el)
    if local in KEEP or etree.QName(el).namespace not in (XHTML, None):
        return
    if local in PARAGRAPHS:
        spans.next_para = True
    children = list(el)
    text, el.text = el.text, None
    if text:
        _insert(el, 0, spans.pieces(text, el))
    for child in children:
        tail, child.tail = child.tail, None
        if _local(child) == "img":
            spans.para += 1
            spans.seg = 0
            spans.next_para = False
            holder = spans.span()
            el.replace(child, holder)
            holder.append(child)
            child = holder
        elif isinstance(child.tag, str):
            _wrap(child, spans)
        if tail:
            _insert(el, el.index(child) + 1, spans.pieces(tail, el))


def kobo_document(data: bytes) -> bytes:
    """One XHTML content document with Kobo's divs, style and spans."""
    root = etree.fromstring(data)
    head = root.find(f"{{{XHTML}}}head")
    body = root.find(f"{{{XHTML}}}body")
    if head is None or body is None or body.find(".//*[@class='koboSpan']") is not None:
        return data
    style = etree.SubElement(head, f"{{{XHTML}}}style", {"type": "text/css", "class": "kobostylehacks"})
    style.text = KOBO_STYLE
    columns = etree.Element(f"{{{XHTML}}}div", {"id": "book-columns"})
    inner = etree.SubElement(columns, f"{{{XHTML}}}div", {"id": "book-inner"})
    inner.text, body.text = body.text, None
    for child in list(body):
        inner.append(child)  # moves the child and its tail
    body.append(columns)
    _wrap(inner, _Spans())
    return etree.tostring(
        root.getroottree(), xml_declaration=True, encoding="utf-8", doctype="<!DOCTYPE html>"
    )


def _spine_documents(book: zipfile.ZipFile) -> set[str]:
    """The zip names of the XHTML documents in the spine (the nav is left as it is)."""
    from ._ereader import NS, _opf_path

    opf_path = _opf_path(book)
    if opf_path is None:
        return set()
    opf = etree.fromstring(book.read(opf_path))
    base = Path(opf_path).parent.as_posix()
    items = {i.get("id"): i for i in opf.iterfind("opf:manifest/opf:item", NS)}
    out = set()
    for ref in opf.iterfind("opf:spine/opf:itemref", NS):
        item = items.get(ref.get("idref"))
        if item is not None and item.get("media-type") == "application/xhtml+xml":
            out.add(f"{base}/{item.get('href')}" if base not in ("", ".") else str(item.get("href")))
    return out


def to_kepub(epub: bytes) -> bytes:
    """An EPUB's bytes as a kepub: the same entries, dates and order, spine documents with Kobo spans."""
    with zipfile.ZipFile(io.BytesIO(epub)) as src:
        documents = _spine_documents(src)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as dst:
            for info in src.infolist():
                data = src.read(info)
                if info.filename in documents:
                    data = kobo_document(data)
                dst.writestr(info, data, compress_type=info.compress_type)
    return out.getvalue()


class KepubExporter(EpubExporter):
    """Kobo's kepub: the EPUB with Kobo's spans and divs, ending in ``.kepub.epub``."""

    name: ClassVar[str] = "kepub"
    extension: ClassVar[str] = "kepub.epub"
    media_type: ClassVar[str] = "application/epub+zip"
    description: ClassVar[str] = "a Kobo kepub: the EPUB with Kobo's koboSpan markup (.kepub.epub)"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        return to_kepub(super().export(article, style, options))

    def export_many(self, articles, style, options, **kwargs):  # type: ignore[no-untyped-def]
        return to_kepub(super().export_many(articles, style, options, **kwargs))


def ebook_convert() -> str | None:
    """calibre's ``ebook-convert`` on ``PATH``, or ``None``."""
    return shutil.which(EBOOK_CONVERT)


def calibre_convert(epub: bytes, extension: str) -> bytes:
    """``epub`` converted by ``ebook-convert`` to the format of ``extension``; nothing left on disk."""
    tool = ebook_convert()
    if tool is None:
        raise MissingDependencyError(
            f"{extension} needs calibre's ebook-convert",
            hint=TOOL_HINT,
        )
    with tempfile.TemporaryDirectory(prefix="broadsheet-calibre-") as tmp:
        folder = Path(tmp)
        source, target = folder / "book.epub", folder / f"book.{extension}"
        source.write_bytes(epub)
        env = {
            **os.environ,
            "CALIBRE_CONFIG_DIRECTORY": str(folder / "config"),  # leave the user's calibre settings alone
            "QT_QPA_PLATFORM": "offscreen",
        }
        try:
            run = subprocess.run(
                [tool, str(source), str(target)],
                capture_output=True,
                timeout=CONVERT_TIMEOUT,
                env=env,
                check=False,
            )
        except subprocess.TimeoutExpired:
            raise ExportError(f"{extension}: ebook-convert took more than {CONVERT_TIMEOUT} s") from None
        except OSError as exc:
            raise ExportError(f"{extension}: cannot run ebook-convert: {exc}") from None
        if run.returncode != 0 or not target.is_file():
            lines = run.stderr.decode("utf-8", "replace").strip().splitlines() or ["no output"]
            raise ExportError(f"{extension}: ebook-convert failed: {lines[-1]}")
        return target.read_bytes()


class Azw3Exporter(EpubExporter):
    """Kindle Format 8: the EPUB converted by calibre's ``ebook-convert``."""

    name: ClassVar[str] = "azw3"
    extension: ClassVar[str] = "azw3"
    media_type: ClassVar[str] = "application/vnd.amazon.ebook"
    description: ClassVar[str] = "a Kindle book (KF8), converted from the EPUB by calibre's ebook-convert"
    tool_hint: ClassVar[str] = TOOL_HINT

    @staticmethod
    def missing() -> str | None:
        """Why the format cannot be written here, or ``None`` (``broadsheet formats`` shows it)."""
        return None if ebook_convert() else "needs calibre's ebook-convert"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        if ebook_convert() is None:  # fail before the EPUB is made
            calibre_convert(b"", self.extension)
        return calibre_convert(super().export(article, style, options), self.extension)

    def export_many(self, articles, style, options, **kwargs):  # type: ignore[no-untyped-def]
        if ebook_convert() is None:
            calibre_convert(b"", self.extension)
        return calibre_convert(super().export_many(articles, style, options, **kwargs), self.extension)
