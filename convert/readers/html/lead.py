"""The lead trafilatura's teaser filter takes, put back: a body step (``teaser-lead`` in
:data:`convert.readers.html.BODY_STEPS`).
"""

from __future__ import annotations

import logging
from typing import cast

from lxml import etree
from lxml.html import HtmlElement, defs

from ...model import Block, Figure, Paragraph, Text, plain_text
from .text import is_hidden, name_key, squash

_log = logging.getLogger(__name__)

#: The elements whose text no reader sees as the page's text.
_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})

#: The parts of a page around its article (HTML's ``nav`` and ``aside``, and a ``header`` or ``footer``
#: that is the page's, not inside an article, section or main part) and the text no reader sees: a
#: teaser inside one is a slogan, a menu or another story's card, not the lead.
_AROUND = frozenset({"nav", "aside"}) | _NOT_TEXT
_PAGE_EDGES = frozenset({"header", "footer"})
_SECTIONS = frozenset({"article", "section", "main"})

#: The elements a browser sets on lines of their own: lxml's block tags, HTML5's sectioning and
#: grouping ones, and a line break. Their text is kept apart by a space.
_BREAKS = (
    frozenset(defs.block_tags)
    | frozenset({"article", "aside", "details", "figcaption", "figure", "footer", "header"})
    | frozenset({"hgroup", "main", "nav", "section", "summary", "br"})
)

#: More letters and digits than this between the page's ``<h1>`` and a teaser, it is not the
#: headline's lead: room for a kicker, a byline, a date and a picture's caption, not for a story.
_NEAR_HEADLINE = 400

#: A body block with fewer letters and digits than this is a kicker, a credit or a trail, not yet the
#: story's first paragraph, which the lead comes before.
_FIRST_PARAGRAPH = 80

#: Fewer letters and digits than this, a description is a label, not a lead.
_MIN_LEAD = 20

#: What went wrong with trafilatura's teaser XPath, said once each in the debug log.
_told: set[str] = set()


def _teasers(tree: HtmlElement) -> list[HtmlElement]:
    """The elements trafilatura's teaser filter takes out (its ``TEASER_DISCARD_XPATH``: every
    block whose class or id says "teaser"); none when this trafilatura has no such XPath or it does
    not work on the tree, and the step then does nothing."""
    try:
        from trafilatura.xpaths import TEASER_DISCARD_XPATH

        return [el for xpath in TEASER_DISCARD_XPATH for el in xpath(tree) if isinstance(el, HtmlElement)]
    except Exception as err:  # noqa: BLE001 - another trafilatura: the step is off, the read goes on
        reason = f"{type(err).__name__}: {err}"
        if reason not in _told:
            _told.add(reason)
            _log.debug(
                "teaser-lead is off: trafilatura's TEASER_DISCARD_XPATH does not work here (%s)", reason
            )
        return []


def _unseen(el: object) -> bool:
    if not isinstance(el, etree._Element) or not isinstance(el.tag, str):
        return True  # a comment or a processing instruction
    return el.tag in _NOT_TEXT or is_hidden(cast(HtmlElement, el))


def _keys(root: HtmlElement, memo: dict[HtmlElement, str]) -> None:
    """The :func:`~.text.name_key` of each element's shown text under ``root`` (hidden elements,
    scripts and the like left out) into ``memo``, each text keyed once: keys join as texts do."""
    for _event, el in etree.iterwalk(root, events=("end",)):
        if el in memo:
            continue
        if _unseen(el):
            memo[el] = ""
            continue
        parts = [name_key(el.text or "")]
        for child in el:
            parts.append(memo.get(child, ""))
            parts.append(name_key(child.tail or ""))
        memo[el] = "".join(parts)


def _shown_as(teasers: list[HtmlElement], key: str, cut: bool) -> HtmlElement | None:
    """The innermost element among ``teasers`` (and inside them) whose text has ``key``; a ``cut``
    description only begins it. ``None`` when it is hidden, inside a link (a card that links to
    another page) or in the page's furniture (:data:`_AROUND`)."""
    memo: dict[HtmlElement, str] = {}
    for teaser in teasers:
        if key not in name_key(
            teaser.text_content()
        ):  # all its text, quickly: most teasers are another story's
            continue
        _keys(teaser, memo)
        el = teaser
        if key not in memo[el]:
            continue
        while True:  # down to the innermost element that still holds the whole description
            inner = next((c for c in el if isinstance(c.tag, str) and key in memo.get(c, "")), None)
            if inner is None:
                break
            el = inner
        text = memo[el]
        if not (text == key or (cut and text.startswith(key) and len(text) < 3 * len(key))):
            continue
        if any(is_hidden(a) or a.tag == "a" or a.tag in _AROUND for a in [el, *el.iterancestors()]):
            continue
        if _at_page_edge(el):
            continue
        return el
    return None


def _at_page_edge(el: HtmlElement) -> bool:
    """Whether ``el`` is inside the page's own ``<header>`` or ``<footer>``: one with no article,
    section or main part around it (HTML scopes a header to its nearest section; an article's
    header, with the headline and lead, is the article's) and without the page's only ``<h1>``
    (the headline: a ``<div class="article">`` scopes its header to the article as well)."""
    ancestors = list(el.iterancestors())
    h1s: list[HtmlElement] | None = None
    for i, a in enumerate(ancestors):
        if a.tag in _PAGE_EDGES and not any(b.tag in _SECTIONS for b in ancestors[i + 1 :]):
            if h1s is None:
                h1s = list(el.getroottree().iter("h1"))
            if not (len(h1s) == 1 and any(a is h or a in h.iterancestors() for h in h1s)):
                return True
    return False


def _in_place(tree: HtmlElement, shown: HtmlElement, first: str) -> bool:
    """Whether ``shown`` sits where a lead does: before the body's first paragraph (``first``, its
    key's start) in the order a reader sees the page, and near its ``<h1>`` (:data:`_NEAR_HEADLINE`)
    when it has one (a page of several headlines of that rank names none)."""
    root = tree.find("body")
    if root is None:
        root = tree
    parts: list[str] = []
    size = 0
    at: dict[str, int] = {}
    skipping: object = None
    for event, el in etree.iterwalk(root, events=("start", "end")):
        if event == "start":
            if skipping is None and el is not root and _unseen(el):
                skipping = el
                continue
            if skipping is not None:
                continue
            if el is shown:
                at["lead"] = size
            if el.tag == "h1":
                at["h1s"] = at.get("h1s", 0) + 1
                at["h1"] = size
            piece = el.text or ""
        else:
            if el is skipping:
                skipping = None
            elif skipping is not None:
                continue
            if el is shown:
                at["lead_end"] = size
            if el.tag == "h1":
                at["h1_end"] = size
            piece = el.tail or "" if el is not root else ""
        parts.append(piece)
        size += len(piece)
    if "lead" not in at:
        return False
    raw = "".join(parts)  # keyed once, piece by piece between the places (keys join as texts do)
    h1s = at.pop("h1s", 0)
    keyed: list[str] = []
    done = 0
    for name, n in sorted(at.items(), key=lambda item: item[1]):
        keyed.append(name_key(raw[done:n]))
        done, at[name] = n, sum(map(len, keyed))
    text = "".join(keyed) + name_key(raw[done:])
    para = text.find(first) if first else -1
    if para != -1 and para < at["lead"]:
        return False
    if h1s == 1:
        gap = at["lead"] - at["h1_end"] if at["lead"] >= at["h1_end"] else at["h1"] - at["lead_end"]
        return gap <= _NEAR_HEADLINE
    return True


def _shown_text(el: HtmlElement) -> str:
    """``el``'s text as a reader sees it: hidden elements, scripts and the like left out, a space
    where a block or line ends."""
    parts: list[str] = []
    skipping: object = None
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if skipping is None and node is not el and _unseen(node):
                skipping = node
            elif skipping is None:
                if node.tag in _BREAKS:
                    parts.append(" ")
                parts.append(node.text or "")
        else:
            if node is skipping:
                skipping = None
            elif skipping is not None:
                continue
            if node is el:
                break
            if node.tag in _BREAKS:
                parts.append(" ")
            parts.append(node.tail or "")
    return squash("".join(parts))


def restore_lead(body: list[Block], tree: HtmlElement | None, description: str | None) -> list[Block]:
    """The page's lead, which trafilatura dropped as a teaser, put back at the top of the body.

    trafilatura takes out every block whose class or id says "teaser"
    (``TEASER_DISCARD_XPATH``) unless asked to favour recall; many news sites
    (TYPO3's news pages among them, ``<div class="teaser-text">``) mark the
    article's lead that way. When the page shows its own description (the
    ``<meta>`` or JSON-LD one, in the metadata) as such a block, visible, not
    inside a link and not in the page's header, navigation, sidebar or footer,
    before the body's first paragraph and near the ``<h1>``, and the body
    does not already have it, that block is the lead. A description that ends
    in an ellipsis is a cut one: the block need only begin with it. The lead
    goes first, above a lead picture too: a standfirst sits under its headline.
    """
    if tree is None or not description:
        return body
    cut = description.rstrip().endswith(("…", "..."))
    key = name_key(description.rstrip(" .…"))
    if len(key) < _MIN_LEAD:
        return body
    blocks = [name_key(plain_text(b)) for b in body if not isinstance(b, Figure)]
    if key[:60] in "".join(blocks):
        return body
    shown = _shown_as(_teasers(tree), key, cut)
    first = next((k[:40] for k in blocks if len(k) >= _FIRST_PARAGRAPH), "")
    if shown is None or not _in_place(tree, shown, first):
        return body
    return [Paragraph((Text(_shown_text(shown)),)), *body]
