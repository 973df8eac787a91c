"""Evidence from ``<meta>`` tags: OpenGraph, Dublin Core, ``citation_*``, Parse.ly and plain names.

Also the page's ``<title>``, ``<html lang>`` and ``<link rel=canonical>``:
what the page declares about itself in its head.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .text import name_key, squash

# --------------------------------------------------------------------------
# Raw sources: <meta> tags and JSON-LD


class MetaTags(dict[str, list[str]]):
    """``<meta>`` contents by lower-cased key, plus each key as the page wrote it, for provenance."""

    def __init__(self) -> None:
        super().__init__()
        #: key -> ``<meta property="og:title">``: the first tag that gave the key a value.
        self.labels: dict[str, str] = {}
        #: The values cut short at a quotation mark the page left unescaped (:func:`cut_at_quote`).
        self.cut: set[str] = set()

    def label(self, key: str) -> str:
        return self.labels.get(key, f'<meta name="{key}">')


def meta_tags(tree: HtmlElement) -> MetaTags:
    """``<meta>`` contents by lower-cased name, property, itemprop or http-equiv, in page order."""
    found = MetaTags()
    for el in tree.iter("meta"):
        content = squash(el.get("content"))
        if not content:
            continue
        if cut_at_quote(el):
            found.cut.add(content)
        for attr in ("name", "property", "itemprop", "http-equiv"):
            for part in squash(el.get(attr)).split():  # property="og:title twitter:title"
                key = part.lower()
                # Dublin Core in RDFa (property="dc:title") is DC-HTML's name="DC.title".
                for name in {key, re.sub(r"^(dc|dcterms):", r"\1.", key)}:
                    found.setdefault(name, []).append(content)
                    found.labels.setdefault(name, f'<meta {attr}="{part}">')
    return found


def cut_at_quote(el: HtmlElement) -> bool:
    """Whether an element's attribute value was cut at a quotation mark the page left unescaped.

    ``content="Senator calls Biden "unfit""`` parses as ``content="Senator calls Biden "`` and the
    rest as attribute names that hold a quotation mark (``unfit""``), which no valid name does
    (HTML's attribute names exclude ``"`` and ``'``).
    """
    return any('"' in name or "'" in name for name in el.attrib)


def meta_pick(tags: MetaTags, *names: str) -> tuple[str | None, str]:
    """The first non-empty value among ``names`` and the tag it came from (``""`` when none)."""
    for name in names:
        for value in tags.get(name, ()):
            if value:
                return value, tags.label(name)
    return None, ""


def first_meta(tags: MetaTags, *names: str) -> str | None:
    return meta_pick(tags, *names)[0]


# --------------------------------------------------------------------------
# Language


_LANG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?(?:[-_].*)?$", re.IGNORECASE)


def bcp47(value: str | None) -> str | None:
    """``en_US`` -> ``en-US``, ``EN`` -> ``en``, ``zh-hant-tw`` -> ``zh-Hant-TW``; junk -> ``None``."""
    text = squash(value).split(",")[0].split(";")[0].strip()
    m = _LANG.match(text)
    if m is None or m[1].lower() in ("und", "mul", "zxx", "xx"):
        return None
    tag = m[1].lower()
    if m[2]:
        tag += "-" + m[2].title()
    if m[3]:
        tag += "-" + m[3].upper()
    return tag


# --------------------------------------------------------------------------
# Putting it together

_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•»:~/\\-]\s+|\s+::\s+")


def host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def absolute_url(value: str | None) -> str | None:
    text = squash(value)
    if not re.match(r"https?://[^\s/]+\.[^\s/]+", text, re.IGNORECASE):
        return None
    return text


def site_title_tails(tree: HtmlElement, tags: MetaTags) -> tuple[str, ...]:
    """The short side parts of ``<title>`` and ``og:title`` ("Headline | Site"): likely site names."""
    el = tree.find(".//title")
    tails: list[str] = []
    for title in (el.text_content() if el is not None else None, first_meta(tags, "og:title")):
        parts = _TITLE_SEPARATORS.split(squash(title))
        if len(parts) >= 2:
            tails.extend(p for p in (parts[0], parts[-1]) if len(p.split()) <= 4)
    return tuple(tails)


def host_names(url: str | None) -> tuple[str, ...]:
    """What a site's address calls it: ``www.heizung.de`` -> ``heizung.de``, ``heizung``; every
    label but the last (``arsnova.thm.de`` -> ``arsnova.thm.de``, ``arsnova``, ``thm``)."""
    name = host(url)
    if not name or "." not in name:
        return ()
    name = name.removeprefix("www.")
    return (name, *name.split(".")[:-1])


def strip_site_from_title(title: str, site_names: Iterable[str | None], hosts: Iterable[str] = ()) -> str:
    """``"Headline | Site"`` -> ``"Headline"`` when one end is the site's name, or exactly its address
    (``"Headline | heizung.de"``, ``"Headline – ARSnova"`` on ``arsnova.thm.de``)."""
    keys = {name_key(s) for s in site_names if s}
    keys.discard("")
    exact = {name_key(h) for h in hosts} - {""}
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    for candidate, rest in ((parts[-1], parts[:-1]), (parts[0], parts[1:])):
        key = name_key(candidate)
        # The site's name is the shorter side: a part that holds it and is longer than the rest
        # is the headline that names its site ("Headline @ Blog :: Host ::"), not the site.
        if len(key) > len(name_key(" ".join(rest))):
            continue
        if key and (key in exact or any(key == k or (len(k) > 3 and k in key) or key in k for k in keys)):
            head = _TITLE_SEPARATORS.search(title)
            joiner = head.group(0) if head else " - "
            return joiner.join(rest).strip()
    return title
