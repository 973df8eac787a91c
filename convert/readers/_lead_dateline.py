"""The dateline a document's lead opens with, for readers that have the tree already (pandoc's formats).

The text reader takes ``CAIRO — …`` off its lead paragraph (:func:`convert.readers.text.take_dateline`);
Markdown, DOCX, ODT and EPUB gave the same article without a dateline, with the place left in the
lead. The same test (:func:`convert.readers.text.datelines.split_dateline`) now reads their first
paragraph too.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Article, Paragraph, plain_text
from ._bylines import _language_of, _without_prefix
from .text.datelines import dateline_date, split_dateline


def take_lead_dateline(article: Article, provenance: dict[str, str] | None = None) -> Article:
    """The article with the dateline its first paragraph opens with read into the tree: the place,
    the dash as typed, the wire agency as the publisher if none, a whole date after the place's comma
    as the published date if none; taken off the lead, whose text goes on as written. The article as
    it is when it has a dateline already, when the body does not open with a paragraph, or when the
    place is not all plain, bold or italic text (a link, a note: it stays where it is printed)."""
    meta, body = article.meta, article.body
    if meta.dateline or not body or not isinstance(lead := body[0], Paragraph):
        return article
    text = plain_text(lead)
    language = _language_of(article)
    found = split_dateline(text, language)
    if found is None or not found.rest:
        return article  # a place alone on its line is a heading or a caption as often as a dateline
    content = _without_prefix(lead.content, len(text.rstrip()) - len(found.rest))
    if content is None:
        return article
    dated = None if meta.published else dateline_date(found.extra, language)
    if provenance is not None:
        how = f"the place the first paragraph opens with: {text[:40]!r} (split_dateline)"
        provenance["dateline"] = how
        if found.agency and not meta.publisher:
            provenance["publisher"] = how
        if dated:
            provenance["published"] = how + ", its whole date"
    new_meta = replace(
        meta,
        dateline=found.place,
        dateline_dash=found.dash,
        publisher=meta.publisher or found.agency,
        published=meta.published or dated,
    )
    return Article(new_meta, (Paragraph(content), *body[1:]), article.notes)
