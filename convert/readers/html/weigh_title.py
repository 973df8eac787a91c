"""The title weighed across the evidence: JSON-LD, OpenGraph and Dublin Core, ``<title>``, the page's headings.

Declared titles come first, in a fixed order of trust; the page's own
headings then say which part of the declared title is the headline (the
title without its kicker or site name), and a title that only names the site
gives way to the article's heading.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from .jsonld import ARTICLE_TYPES, ld_label, ld_text, types_of
from .metatags import MetaTags, first_meta, meta_pick, strip_site_from_title
from .text import is_hidden, squash
from .text import name_key as _name_key
from .text import unescaped as _unescaped

if TYPE_CHECKING:
    from .weigh import Extracted, Where


#: The title rules that go beyond the declared title, by name; each stays only while it helps the
#: validation half too (bench/RESULTS.md). ``bench/accuracy.py --ablate NAME`` switches one off.
TITLE_RULES = {
    # an <h1> that is a link to the site's front page is the site's name (its logo), not a headline
    "home-link": True,
    # a declared title the page shows as its heading, in other typography ("quotes" for „quotes“,
    # - for –), is written as the page shows it: the heading is what the reader sees
    "shown-form": True,
    # a <meta> title cut at a quotation mark the page left unescaped (content="Calls him "unfit"")
    # is no title: the next declared one, often the whole <title>, is
    "cut-quote": True,
}

#: What :func:`as_shown` compares: a title's letters and digits, case kept.
_LETTERS = re.compile(r"[\W_]+")


def as_shown(tree: HtmlElement, extracted: Extracted, title: str | None, where: Where) -> str | None:
    """``title`` as the page's heading writes it, when one has its letters in other punctuation
    or spacing (the ``shown-form`` rule); else ``title``.

    The letters must be the same, case included: a heading set in capitals is not the title's form.
    """
    if not title or not TITLE_RULES["shown-form"]:
        return title
    key = _LETTERS.sub("", title)
    for heading in (*(squash(h1.text_content()) for h1 in tree.iter("h1")), squash(extracted.heading)):
        if heading and heading != title and _LETTERS.sub("", heading) == key:
            where["title"] = f"{where.get('title')}, as the page's heading writes it"
            return heading
    return title


def weigh_title(
    tree: HtmlElement,
    tags: MetaTags,
    ld: dict[str, Any] | None,
    extracted: Extracted,
    publisher: str | None,
    hosts: tuple[str, ...],
    where: Where,
) -> str | None:
    """The headline: declared titles first, then ``<title>``; an ``<h1>`` inside it wins.

    "Corona: Headline | Site" as the declared title and "Headline" as the
    page's ``<h1>`` give "Headline"; otherwise the site's name is cut off.
    The site's name is the publisher's (``og:site_name``, JSON-LD) and the
    text of an ``<h1>`` that links to the site's front page (a theme's logo
    or site title, :func:`home_headings`).
    """
    el = tree.find(".//title")
    html_title = el.text_content() if el is not None else None
    candidates = [
        _ld_title(ld, first_meta(tags, "og:title") or html_title),
        meta_pick(tags, "og:title"),
        meta_pick(tags, "dc.title", "dcterms.title", "citation_title", "twitter:title", "title"),
        (html_title, "<title>"),
        (extracted.title, "trafilatura (title heuristics)"),
    ]
    cut = tags.cut if TITLE_RULES["cut-quote"] else set()  # values of <meta> tags, not of <title>
    found = next(
        (
            (t, s)
            for t, s in (
                (squash(_unescaped(v)), s) for v, s in candidates if not (s.startswith("<meta") and v in cut)
            )
            if t and len(t) <= 400
        ),
        None,
    )
    if found is None:
        return None
    title, source = found
    sites = (publisher, *(home_headings(tree) if TITLE_RULES["home-link"] else ()))
    site_keys = {k for s in sites if s and (k := _name_key(s))}
    if (part := _heading_in_title(tree, extracted, title, site_keys)) is not None:
        heading, origin = part
        where["title"] = f"{origin}, the part of {source} it repeats"
        return heading
    short = strip_site_from_title(title, sites, hosts) or title
    # A title that is only the site's name names no article: the article's own heading does. The
    # whole title counts too: a site's name with a " / " or " - " in it is cut as if it named a site.
    only_site = _name_key(short) in site_keys or _name_key(title) in site_keys
    if only_site and extracted.heading and _name_key(extracted.heading) not in site_keys:
        where["title"] = f"trafilatura (first heading of the article), as {source} is the site's name"
        return squash(extracted.heading)
    if only_site and (h1 := _lone_h1(tree, site_keys)) is not None:
        where["title"] = f"the page's one <h1>, as {source} is the site's name"
        return h1
    where["title"] = source if short == title else f"{source}, with the site's name cut off"
    return short


#: An ``<h1>`` inside these is a box's heading beside the article (a newsletter, a consent dialog, a
#: search form, a footer), not its headline (HTML's sectioning and interactive elements). Not
#: ``<header>``: a page's or an article's header holds the headline as often as the logo.
_ASIDE_TAGS = frozenset({"aside", "footer", "nav", "dialog", "form"})


def _lone_h1(tree: HtmlElement, site_keys: set[str]) -> str | None:
    """The text of the page's one ``<h1>`` that is not the site's name, if there is exactly one; a
    hidden one (:func:`.text.is_hidden`, itself or a parent) or one in an aside (:data:`_ASIDE_TAGS`)
    is no candidate."""
    texts = {squash(h1.text_content()) for h1 in tree.iter("h1") if _shown_in_page(h1)}
    found = [t for t in texts if t and (k := _name_key(t)) and k not in site_keys and len(t) <= 400]
    return found[0] if len(found) == 1 else None


def _shown_in_page(el: HtmlElement) -> bool:
    """Not hidden and not in an aside, a footer, a menu, a dialog or a form."""
    return not any(
        is_hidden(a) or a.tag in _ASIDE_TAGS for a in (el, *el.iterancestors()) if isinstance(a.tag, str)
    )


def home_headings(tree: HtmlElement) -> list[str]:
    """The ``<h1>`` texts that are all one link to a site's front page: the site's name, not a headline.

    A theme's site title or logo is an ``<h1>`` linking home
    (``<h1><a href="/">Site</a></h1>``, also with the address written out);
    an article's headline links to the article, if anywhere.
    """
    out: list[str] = []
    for h1 in tree.iter("h1"):
        text = squash(h1.text_content())
        if not text:
            continue
        links = [a for a in h1.iter("a")] or [a for a in h1.iterancestors("a")][:1]
        if (
            len(links) == 1
            and _name_key(links[0].text_content()) == _name_key(text)
            and _front_page(links[0].get("href"))
        ):
            out.append(text)
    return out


def _front_page(href: str | None) -> bool:
    """Whether a link goes to a site's front page: ``/``, ``https://host/``, ``index.html``."""
    href = squash(href)
    if not href or href.startswith("#"):
        return False
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    return not parts.query and parts.path.strip("/").lower() in ("", "index.html", "index.htm", "index.php")


def _heading_in_title(
    tree: HtmlElement, extracted: Extracted, title: str, site_keys: set[str]
) -> tuple[str, str] | None:
    """The longest page heading the declared ``title`` holds with more around it, and where it is.

    Every ``<h1>`` counts, not only the first: a theme's menu button or logo
    is often an ``<h1>`` before the article's. So does each element of an
    ``<h1>`` made of elements only, for one that holds a kicker and the
    headline in elements of their own (``<h1><span>Kicker</span>
    <span>Headline</span></h1>``); words of the ``<h1>``'s own ("Welcome to
    <span>Name</span>") make it one headline. A heading that is only the
    site's name is not the article's.
    """
    whole = _name_key(title)
    best: tuple[int, str, str] | None = None
    headings: list[tuple[str, str]] = []
    for h1 in tree.iter("h1"):
        headings.append((squash(h1.text_content()), "<h1> in the page"))
        own = (h1.text or "") + "".join(part.tail or "" for part in h1)
        if not re.search(r"\w", own):
            headings.extend(
                (squash(part.text_content()), "a part of the <h1> in the page")
                for part in h1
                if isinstance(part.tag, str)
            )
    headings.append((squash(extracted.heading), "trafilatura (first heading of the article)"))
    for heading, origin in headings:
        key = _name_key(heading)
        if (
            len(key) > 10
            and key != whole
            and key not in site_keys
            and key in whole
            and (best is None or len(key) > best[0])
        ):
            best = (len(key), heading, origin)
    return (best[1], best[2]) if best else None


def _ld_title(ld: dict[str, Any] | None, reference: str | None) -> tuple[str | None, str]:
    """An article object's headline; its ``name`` instead when only that matches the page title."""
    if ld is None or not types_of(ld) & ARTICLE_TYPES:
        return None, ""
    headline, name = ld_text(ld.get("headline")), ld_text(ld.get("name"))
    if headline and name and _name_key(headline) != _name_key(name):
        ref = _name_key(reference or "")
        if _name_key(name) and _name_key(name) in ref and _name_key(headline) not in ref:
            return name, ld_label(ld, "name")
    return (headline, ld_label(ld, "headline")) if headline else (name, ld_label(ld, "name"))
