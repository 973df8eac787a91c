"""The closing author bio, for readers that have the tree already (pandoc's formats).

The text reader takes a closing paragraph about the writer off the body and onto the author
(:func:`convert.readers.text.notes.find_bio`: ``Jane Doe is …``, ``By …`` / ``About the author: …``,
or in any language a short closing paragraph that opens with the bylined writer's whole name).
Markdown, DOCX, ODT and EPUB gave the same article with that paragraph left in the body, where a
briefing then summarised it. The same test now reads their last paragraph too.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Article, Paragraph, plain_text
from .text.notes import find_bio, with_bio


def take_closing_bio(article: Article, provenance: dict[str, str] | None = None) -> Article:
    """The article with its closing paragraph about an author read as that author's bio: off the
    body, onto the author (who is added when only the bio's ``By …`` names them). The article as it
    is when an author has a bio already (the document's own bio block), when the body does not end
    with a paragraph, or when that paragraph is the only one."""
    meta, body = article.meta, article.body
    if any(a.bio for a in meta.authors) or len(body) < 2 or not isinstance(last := body[-1], Paragraph):
        return article
    text = plain_text(last).strip()
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
