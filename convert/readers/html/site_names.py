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
from .text import name_key, squash

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
    ``og:site_name``, ``application-name``, JSON-LD's publisher and its site and organisation objects,
    and the microdata publisher's name. A name JSON-LD types ``Person`` anywhere (even as an
    organisation too, as Yoast writes a personal site's owner) is left out: the owner. An author typed
    as an organisation is not counted: a CMS types a co-author so as often as an organisation."""
    whole: list[str] = []
    for name in ("og:site_name", "application-name"):
        whole.extend(tags.get(name, ())[:3])
    if ld is not None:
        whole.extend(_ld_organisations(ld.get("publisher")))
    for obj in objects:
        if types_of(obj) & _ORGANISATION_TYPES and "person" not in types_of(obj):
            whole.extend(n for n in (ld_text(obj.get("name")),) if n)
    body = tree.find("body")
    if body is not None:
        whole.extend(_microdata_publishers(body))
    people = {name_key(n) for n in declared_people(objects, ld)}
    out: list[str] = []
    for name in whole:
        text = squash(name)
        if not text or len(text) > 80:
            continue
        for part in [text, *_SEGMENTS.split(text)]:
            part = part.strip()
            if part and part not in out and name_key(part) not in people:
                out.append(part)
    return tuple(out)


def declared_publishers(
    tree: HtmlElement, objects: list[dict[str, Any]], ld: dict[str, Any] | None
) -> tuple[str, ...]:
    """The publishers the page's markup types as an organisation, whole: JSON-LD's ``publisher``
    object and the microdata publisher (not a ``Person``, nor a name JSON-LD types Person elsewhere).
    A byline equal to one is the organisation's credit ("Bundesverband WindEnergie" as both the
    microdata author and publisher), where a site's name alone (og:site_name) may be its owner's."""
    found = [n for v in ((ld or {}).get("publisher"),) for n in _ld_organisations(v, typed=True)]
    body = tree.find("body")
    if body is not None:
        found.extend(_microdata_publishers(body))
    people = {name_key(n) for n in declared_people(objects, ld)}
    return tuple(n for n in (squash(f) for f in found) if n and name_key(n) not in people)


def declared_people(objects: list[dict[str, Any]], ld: dict[str, Any] | None) -> list[str]:
    """The names JSON-LD types ``Person`` (Yoast's ``["Person", "Organization"]`` too) anywhere on the
    page: a personal site's owner ("Jane Roe" of "Jane Roe – Writer") is a person, whatever else
    names them."""
    found = [n for obj in objects if "person" in types_of(obj) for n in (ld_text(obj.get("name")),) if n]
    authors = ld.get("author") if ld is not None else None
    for item in authors if isinstance(authors, list) else [authors]:
        if isinstance(item, dict) and "person" in types_of(item) and (n := ld_text(item.get("name"))):
            found.append(n)
    return found


def _microdata_publishers(body: HtmlElement) -> list[str]:
    """The microdata publisher's name: the ``itemprop=name`` of the publisher's own item, not of an
    item inside it (a founder's), and none when its ``itemtype`` is a Person (a personal site)."""
    out: list[str] = []
    for el in body.iter():
        if not isinstance(el.tag, str) or "publisher" not in (el.get("itemprop") or "").split():
            continue
        if "person" in (el.get("itemtype") or "").casefold():
            continue
        for inner in el.iterfind(".//*[@itemprop]"):
            if "name" not in (inner.get("itemprop") or "").split():
                continue
            owner = next((a for a in inner.iterancestors() if a.get("itemscope") is not None), None)
            scoped = el.get("itemscope") is not None
            if owner is el or (not scoped and (owner is None or el not in owner.iterancestors())):
                out.append(squash(inner.get("content") or inner.text_content()))
                break
    return out


def _ld_organisations(value: Any, *, typed: bool = False, depth: int = 0) -> list[str]:
    """The names in a JSON-LD ``publisher``, but a ``Person``'s (``typed``: only those typed as an
    organisation)."""
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
