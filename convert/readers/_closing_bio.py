"""The closing author bio, for readers that have the tree already (pandoc's formats).

The text reader takes a closing paragraph about the writer off the body and onto the author
(:func:`convert.readers.text.notes.find_bio`: ``Jane Doe is …``, ``By …`` / ``About the author: …``,
or in any language a short closing paragraph that opens with the bylined writer's whole name).
Markdown, DOCX, ODT and EPUB gave the same article with that paragraph left in the body, where a
briefing then summarised it. The same test now reads their last paragraph too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from ..locale.text import printed_marks
from ..model import Article, Emph, Inline, Link, Paragraph, Quote, Strong, plain_text
from .text.notes import find_bio, with_bio


def take_closing_bio(article: Article, provenance: dict[str, str] | None = None) -> Article:
    """The article with its closing paragraph about an author read as that author's bio: off the
    body, onto the author (who is added when only the bio's ``By …`` names them). The article as it
    is when an author has a bio already (the document's own bio block), when the body does not end
    with a paragraph, or when that paragraph is the only one."""
    meta, body = article.meta, article.body
    if any(a.bio for a in meta.authors) or len(body) < 2 or not isinstance(last := body[-1], Paragraph):
        return article
    text = _with_marks(last.content, meta.language).strip()
    found = find_bio(text, tuple(a.name for a in meta.authors))
    if found is None:
        return article
    name, bio = found
    if provenance is not None:
        provenance["bio"] = f"the closing paragraph about {name}: {text[:40]!r} (find_bio)"
        if name not in {a.name for a in meta.authors}:
            provenance["authors"] = "named by the closing bio (find_bio)"
    authors = tuple(with_bio(list(meta.authors), name, bio))
    return Article(replace(meta, authors=authors), body[:-1], article.notes)


def _with_marks(nodes: Iterable[Inline], language: str | None, depth: int = 0) -> str:
    """Inline text with each quotation in its marks, as exporters print it (pandoc reads Markdown's
    `"The Long Road"` as a quotation, whose marks plain text drops): a bio keeps the marks round a
    title it names, and a paragraph that quotes someone still shows that it does."""
    out: list[str] = []
    for node in nodes:
        if isinstance(node, Quote):
            open_, close = printed_marks(node.marks, language, depth)
            out.append(open_ + _with_marks(node.content, language, depth + 1) + close)
        elif isinstance(node, Emph | Strong | Link):
            out.append(_with_marks(node.content, language, depth))
        else:
            out.append(plain_text(node))
    return "".join(out)
