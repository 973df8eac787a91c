"""The names a page gives itself: its site's and its publisher's, as the page declares them.

An author equal to one of these is the site, not a person (``AUTHOR_RULES["site-names"]`` in
:mod:`.names`): ``<meta name=author content="Diakonie Deutschland">`` on a site whose
``og:site_name`` is "Infoportal - Diakonie Deutschland", or a microdata author with the same name
as the microdata publisher. The evidence is the page's own, so no list of organisations is needed.
"""

from __future__ import annotations

import re
from typing import Any

from lxml.html import HtmlElement

from .jsonld import ld_text, types_of
from .metatags import MetaTags
from .text import squash

#: What a site's name is divided at ("Infoportal - Diakonie Deutschland", "Blog | Acme", "Acme:
#: News"): the separators of ``<title>``'s site tail, with spaces around them (a hyphen inside a word
#: is part of the name: "Baden-Württemberg").
_SEGMENTS = re.compile(r"\s+[|–—·•»:~/\\-]\s+|\s+::\s+|:\s+")
#: schema.org types of a site or an organisation (schema.org/Organization and its subtypes a
#: publisher is written with).
_ORGANISATION_TYPES = frozenset(
    {"organization", "newsmediaorganization", "corporation", "ngo", "governmentorganization", "website"}
)


def declared_site_names(
    tree: HtmlElement, tags: MetaTags, objects: list[dict[str, Any]], ld: dict[str, Any] | None
) -> tuple[str, ...]:
    """The page's names for itself, whole and each segment of them (:data:`_SEGMENTS`):
    ``og:site_name``, ``application-name``, JSON-LD's publisher and its site and organisation objects
    (and an author JSON-LD types as an organisation), and the microdata publisher's name. An object
    typed ``Person`` is left out, even as an organisation too: a personal site's owner."""
    whole: list[str] = []
    for name in ("og:site_name", "application-name"):
        whole.extend(tags.get(name, ())[:3])
    if ld is not None:
        whole.extend(_ld_organisations(ld.get("publisher")))
        whole.extend(_ld_organisations(ld.get("author"), typed=True))
    for obj in objects:
        if types_of(obj) & _ORGANISATION_TYPES and "person" not in types_of(obj):
            whole.extend(n for n in (ld_text(obj.get("name")),) if n)
    body = tree.find("body")
    if body is not None:
        for el in body.iter():
            if isinstance(el.tag, str) and "publisher" in (el.get("itemprop") or "").split():
                inner = el.find(".//*[@itemprop='name']")
                if inner is not None:
                    whole.append(squash(inner.get("content") or inner.text_content()))
    out: list[str] = []
    for name in whole:
        text = squash(name)
        if not text or len(text) > 80:
            continue
        for part in [text, *_SEGMENTS.split(text)]:
            part = part.strip()
            if part and part not in out:
                out.append(part)
    return tuple(out)


def _ld_organisations(value: Any, *, typed: bool = False, depth: int = 0) -> list[str]:
    """The names in a JSON-LD ``publisher`` (``typed``: only those typed as an organisation)."""
    if depth > 3:
        return []
    if isinstance(value, list):
        return [n for item in value for n in _ld_organisations(item, typed=typed, depth=depth + 1)]
    if isinstance(value, str):
        return [] if typed else [value]
    if isinstance(value, dict):
        kinds = types_of(value)
        if "person" in kinds or (typed and not kinds & _ORGANISATION_TYPES):
            return []  # Yoast types a personal site's owner ["Person", "Organization"]: a person
        name = ld_text(value.get("name"))
        return [name] if name else []
    return []
