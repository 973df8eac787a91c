"""The byline paragraph at the top of a web page's body, once the metadata holds all it says.

trafilatura keeps a plain ``<p>By Jane Roe</p>`` under the headline as the
body's first paragraph, so the exporters, which print the authors from the
metadata, printed the byline twice. The paragraph goes only when nothing in
it would be lost: the names it gives are exactly the article's authors, and
its role, publisher and date (if any) are the metadata's too.
"""

from __future__ import annotations

from typing import Any

from ...model import Block, plain_text
from .._bylines import find_byline
from .body import head_paragraphs
from .text import name_key

#: A byline is one short line; longer is prose that happens to open with "By".
_LONGEST = 150


def drop_byline_line(body: list[Block], meta: Any) -> list[Block]:
    """``body`` without the byline paragraph among its first blocks (:func:`.body.head_paragraphs`)
    that names exactly ``meta.authors`` and says nothing else the metadata lacks: ``By Jane Roe``,
    ``Von Anna Schmidt`` (the page's language's byline words), ``By Jane Roe, March 5, 2024`` when
    that is the published day. ``By Jane Roe, Staff Writer`` stays (the role is the page's only
    record of it), as does a line naming someone the authors do not include."""
    authors = {name_key(a.name) for a in meta.authors}
    if not authors:
        return body
    language = meta.language
    for i, block in head_paragraphs(body, meta.title):
        text = plain_text(block).strip()
        if len(text) > _LONGEST:
            continue
        found = find_byline(text, lambda: language)
        if found is None or not found.names:
            continue
        if {name_key(n) for n in found.names} != authors:
            return body
        if found.role is not None and not any(
            a.role and name_key(a.role) == name_key(found.role) for a in meta.authors
        ):
            return body
        if found.publisher and name_key(found.publisher) != name_key(meta.publisher or ""):
            return body
        if found.dropped and (found.published is None or found.published[:10] != (meta.published or "")[:10]):
            return body  # a place ("in Moscow") or another day than the published one
        return body[:i] + body[i + 1 :]
    return body
