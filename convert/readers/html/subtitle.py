"""The subtitle a page declares under its headline, when trafilatura's body leaves it out.

A page declares the line under its headline in two ways: JSON-LD's ``alternativeHeadline`` (read with
the rest of the metadata, :mod:`.weigh`), and the element right under the ``<h1>`` marked
``itemprop="alternativeHeadline"`` or with a subtitle's class word (``<h2 class="subtitle">``,
``<p class="article-dek">``, ``<p class="e-standfirst">``) whose text is the page's description too.
trafilatura's body leaves such a line out when it sits in the page's header (the telegraph's
standfirst, CNET's dek): then it is the subtitle, which every exporter prints under the title. When the
body holds it (as its first heading or paragraph), it stays there and is not the subtitle: the two
benchmarks disagree on it (on the tuning half ScrapingHub's article bodies leave it out on three pages,
trafilatura's evaluation keeps it in on two), and moving it would lower trafilatura's score.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from ...model import Block, Metadata, plain_text, replace
from .._bylines import find_byline
from .text import name_key, squash

#: The trade's names for the line under a headline, as a whole part of a class name (``dek``,
#: ``article-dek``, ``c-article-head__subtitle``, ``single-header-subheading``; not ``imageSubtitle``):
#: subtitle, subhead (subheading, subheadline), dek (US newsrooms), standfirst (UK newsrooms). Where the
#: words come from: the class names of the accuracy bench's tuning half (trafilatura, ScrapingHub and
#: Readability pages), counted by element: ``subtitle`` (``subtitle`` 53, ``entry-subtitle`` 11 —
#: WordPress themes —, ``article-subtitle`` 10, ``sub-title``), ``dek`` (``item__dek`` 60, ``dek`` 12,
#: ``Article__dek``, ``content-header__dek``), ``subheadline`` 15, ``subhead`` 3 (``article-subhead``),
#: ``subheading`` (``mntl-sc-block-subheading`` 10, Dotdash Meredith's CMS) and ``standfirst``
#: (``nature-briefing-box__standfirst``, Springer Nature's). The same words mark figures' and teasers'
#: lines too (``figure__subtitle``, ``slider-element-subtitle``, ``c-article-most-popular__dek``): a
#: class is a page's own word, so the element must also sit right under the article's headline and hold
#: the page's description (:func:`declared_subtitle`).
_SUBTITLE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:sub-?title|sub-?head(?:ing|line)?|dek|standfirst)(?:$|[\s_-])", re.IGNORECASE
)
#: The text under a ``<h1>`` no reader sees, or that is a picture's caption, not a line of the article.
_UNSEEN = (
    "ancestor::script or ancestor::style or ancestor::noscript or ancestor::template"
    " or ancestor::figure or ancestor::figcaption"
)
#: Where a ``<h1>`` is another story's or the site's headline, not the article's.
_ELSEWHERE = "ancestor::aside or ancestor::nav or ancestor::footer or ancestor::figure"


def _headline(tree: HtmlElement, title: str | None) -> HtmlElement | None:
    """The article's headline element: the first ``<h1>`` whose text is ``title`` (the title the
    reader chose), outside an ``<aside>``, ``<nav>``, ``<footer>`` or ``<figure>`` (a related story's
    or the site's headline is not the article's); when none is, the page's only such ``<h1>`` if it holds
    half the title's words or more."""
    want = name_key(title or "")
    if not want:
        return None
    shown = [h1 for h1 in tree.iter("h1") if not h1.xpath(_ELSEWHERE)]
    for h1 in shown:
        if name_key("".join(h1.itertext())) == want:
            return h1
    # Review r40b: the chosen title may differ from the <h1> (og:title shorter, a kicker or
    # screen-reader text inside it): then the page's one such <h1>, if it shares most of the
    # title's words (a site's name in its only <h1> shares none).
    if len(shown) != 1:
        return None
    words = set(re.findall(r"\w+", (title or "").casefold()))
    said = set(re.findall(r"\w+", "".join(shown[0].itertext()).casefold()))
    return shown[0] if words and len(words & said) * 2 >= len(words) else None


def declared_subtitle(
    tree: HtmlElement, description: str | None, title: str | None = None
) -> tuple[str, str] | None:
    """The subtitle the page marks right under the article's headline (:func:`_headline`), and where
    it is: the element holding the first text after the headline (a caption is skipped), marked
    ``itemprop="alternativeHeadline"`` (not a byline), or with a subtitle's class word
    (:data:`_SUBTITLE_CLASS`) and the page's ``description`` as its text (give or take a full stop).
    ``None`` when the headline is not followed so."""
    want = name_key(description or "")
    if not want and not tree.xpath("//*[@itemprop='alternativeHeadline']"):
        return None
    h1 = _headline(tree, title)
    if h1 is None:
        return None
    found = h1.xpath(f"following::text()[normalize-space()][not({_UNSEEN})][1]")
    if not found or not isinstance(parent := found[0].getparent(), HtmlElement):
        return None
    first = parent.getparent() if found[0].is_tail else parent
    if first is None:
        return None
    for el in (first, *first.iterancestors()):
        if el in h1.iterancestors():
            break  # up to the box that holds the headline too
        marked = el.get("itemprop") == "alternativeHeadline"
        cls = el.get("class") or ""
        if not (marked or (want and _SUBTITLE_CLASS.search(cls))):
            continue
        text = squash("".join(el.itertext()))
        if marked and text and find_byline(text) is None:
            return text, f'<{str(el.tag)} itemprop="alternativeHeadline"> under the <h1>'
        if not marked and name_key(text) == want:
            return (
                text,
                f'<{str(el.tag)} class="{squash(cls)}"> under the <h1>, the page\'s description too',
            )
    return None


def take_subtitle(
    meta: Metadata, body: list[Block], tree: HtmlElement, provenance: dict[str, str] | None = None
) -> Metadata:
    """The metadata with the subtitle the page declares under its headline (:func:`declared_subtitle`)
    when JSON-LD gives none and the body does not hold its text: trafilatura's body keeps such a line
    as a heading or a paragraph on some pages and leaves it out on others, and a line the body holds
    stays where it is (see the module's note)."""
    if meta.subtitle or (found := declared_subtitle(tree, meta.description, meta.title)) is None:
        return meta
    subtitle, where = found
    if name_key(subtitle) in name_key(plain_text(tuple(body))):
        return meta
    if provenance is not None:
        provenance["subtitle"] = where
    return replace(meta, subtitle=subtitle)
