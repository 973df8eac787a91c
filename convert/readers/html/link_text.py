"""A body step: the paragraphs a body ends with that the page shows only as links to its own site.

trafilatura's main path keeps a link's text but not always the link: a site's
closing bar of links ("Corrections", "Weather  Press releases", "All our
accounts") reaches the body as plain paragraphs, which the steps of
:mod:`.furniture` that look for links cannot see. The page still can: each
such paragraph is, in the page, an element whose whole text is link text.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from ...model import Block, Figure, Heading, Paragraph, plain_text
from .furniture import _chars, _has_link, _host, _is_label, _site_link, _text
from .text import name_key as _key

#: A closing run of links is at least this many blocks: two links at an article's end may be its own
#: ("Read the full report", a correction), a bar has more.
_RUN_BLOCKS = 3

#: Longer than this, a paragraph is running text, not a link's words (as :data:`.furniture._LABEL_CHARS`).
_LINK_CHARS = 80

#: A link that ends a sentence or puts a colon after its first word ("Correction: an earlier version
#: misstated …") is the article's own line, not a bar's label (Latin and CJK full stops, marks, colons).
_SENTENCE = re.compile(r"[.!?。！？…]\s*$|^\S+\s*[:：]")

_CONTROLS = frozenset({"a", "button", "label"})


def drop_link_text(body: list[Block], tree: HtmlElement | None, page_url: str | None) -> list[Block]:
    """The run of paragraphs at the body's end that the page shows only as link text, each link to
    another page of the same site, is the site's closing furniture, not the article.

    A paragraph qualifies when it has no link of its own in the body, is at most
    :data:`_LINK_CHARS` long, and every element of the page whose text is the
    paragraph's holds that text inside links (``<a>``, none of its own words
    outside them), those links going to pages of the same site: relative, or
    to a host of the page's registered domain (``weather.example.com`` on
    ``www.example.com``; the domain from the Public Suffix List through
    tld, as trafilatura's courlan reads it) and not to a document (:func:`.furniture._site_link`). This is
    Mozilla Readability's link density at its limit, read from the page where
    the body lost the links. The run is dropped, with a label right above it
    (:func:`.furniture._is_label`), when it has :data:`_RUN_BLOCKS` blocks or
    more and less text than the body above it; figures among it stay.
    """
    if tree is None:
        return body
    text = [i for i, block in enumerate(body) if not isinstance(block, Figure)]
    tail: dict[str, int] = {}
    for start in range(len(text) - 1, 0, -1):
        block = body[text[start]]
        key = _key(plain_text(block))
        if not _bare(block) or not key or key in tail:
            break
        tail[key] = start
    if len(tail) < _RUN_BLOCKS:
        return body
    linked = _link_only(tree, set(tail), _domain(page_url))
    start = len(text)
    while start > 1 and _key(plain_text(body[text[start - 1]])) in linked:
        start -= 1
    if len(text) - start < _RUN_BLOCKS:
        return body
    cut = text[start]
    if _chars(body[cut:]) >= _chars(body[:cut]):
        return body
    if start > 1 and _is_label(body[text[start - 1]]):
        cut = text[start - 1]
    return [*body[:cut], *(b for b in body[cut:] if isinstance(b, Figure))]


def _bare(block: Block) -> bool:
    """A short paragraph or heading without a link of its own, no sentence and no notice with a colon."""
    return (
        isinstance(block, Paragraph | Heading)
        and not _has_link(block.content)
        and len(plain_text(block).strip()) <= _LINK_CHARS
        and not _SENTENCE.search(plain_text(block).strip())
    )


def _link_only(tree: HtmlElement, wanted: set[str], domain: str | None) -> set[str]:
    """Which ``wanted`` keys every element of the page showing them holds as link text only, all of
    those links to the same site."""
    longest = 2 * _LINK_CHARS + 100
    as_links: set[str] = set()
    as_text: set[str] = set()
    body = tree.find(".//body")
    for el in _short_elements(body if body is not None else tree, longest):
        if (key := _key(_text(el))) not in wanted:
            continue
        if key in as_text:
            continue
        control = next((a for a in el.iterancestors() if a.tag in _CONTROLS), None)
        if control is None and el.tag in _CONTROLS:
            control = el
        if control is not None:
            links = [control] if control.tag == "a" else []
        elif _key(_text(el, controls=False)):
            as_text.add(key)
            continue
        else:
            links = [a for a in el.iter("a") if _key(_text(a))]  # an icon's link has no words to show
        hrefs = [a.get("href") or "" for a in links]
        if hrefs and all(_same_site(href, domain) for href in hrefs):
            as_links.add(key)
        else:
            as_text.add(key)
    return as_links - as_text


def _short_elements(root: HtmlElement, longest: int) -> list[HtmlElement]:
    """The elements under ``root`` (scripts and style sheets left out) whose text is at most
    ``longest`` characters, each length summed once from its children's (linear in the page)."""
    size: dict[HtmlElement, int] = {}
    short: list[HtmlElement] = []
    for _event, el in etree.iterwalk(root, events=("end",)):
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            size[el] = 0
            continue
        size[el] = n = len(el.text or "") + sum(size.pop(c, 0) + len(c.tail or "") for c in el)
        if n <= longest:
            short.append(el)
    return short


def _same_site(href: str, domain: str | None) -> bool:
    """A link to another page of the site: :func:`.furniture._site_link`, or an address whose
    registered domain is the page's."""
    if not href.strip() or href.strip().startswith("#"):
        return False
    if _site_link(href, None):
        return True
    if urlsplit(href).scheme not in ("http", "https") or domain is None or _domain(href) != domain:
        return False
    return _site_link(href, _host(href))  # on the site, and not a document


def _domain(url: str | None) -> str | None:
    """The registered domain of ``url`` (``nikkei.com``, ``bbc.co.uk``); its host when the Public
    Suffix List knows no such domain (``127.0.0.1``, ``localhost``); ``None`` without a host."""
    if not url:
        return None
    from tld import get_fld  # the Public Suffix List, as trafilatura's courlan reads it

    try:
        return get_fld(url, fail_silently=True) or _host(url)
    except (ValueError, TypeError):
        return None
