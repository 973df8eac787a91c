"""Body steps against a site's own furniture in trafilatura's result: hidden pop-ups (a paywall's
"members only", a login form), trails of links (breadcrumbs, bars of site links) and tables of
site links. Each is a switch in :data:`convert.readers.html.BODY_STEPS`.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from ...model import Block, Emph, Figure, Inline, Link, Paragraph, Strong, Table, Text, plain_text
from .text import name_key as _key

#: An element the reader does not see, as Mozilla Readability's ``_isProbablyVisible`` decides it
#: (inline ``display: none`` or ``visibility: hidden``, the ``hidden`` attribute, ``aria-hidden="true"``
#: except on its ``fallback-image``) and trafilatura's own ``OVERALL_DISCARD_XPATH`` drops on its main
#: path (its fallback extractors do not).
_MAYBE_HIDDEN = etree.XPath("//body//*[@style or @hidden or @aria-hidden]")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def _is_hidden(el: HtmlElement) -> bool:
    if el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    return el.get("aria-hidden") == "true" and "fallback-image" not in (el.get("class") or "")


#: A text this long (in letters and digits) that is hidden and shown too is the page's text twice
#: (a "send by e-mail" box quoting the lede, a plain copy of highlighted code); a shorter one is a
#: word of a control ("Log in") that a hidden pop-up shares with a shown button.
_SHOWN_TWICE = 20


def drop_hidden(body: list[Block], tree: HtmlElement | None) -> list[Block]:
    """Blocks whose text is a hidden element's are not the article.

    A paywall's "members only" pop-up, a login form, a share menu: pages
    carry them hidden until a button opens them. trafilatura drops hidden
    elements on its main path but not in its fallbacks. A block is dropped
    when its whole text is that of a hidden element, unless the page also
    shows that text (:data:`_SHOWN_TWICE`); when such blocks would be half
    the body or more, the page hides its article until a script
    shows it, and all is kept.
    """
    if tree is None:
        return body
    roots = _hidden_roots(tree)
    if not roots:
        return body
    texts = [plain_text(b) if not isinstance(b, Figure) else "" for b in body]
    keys = [_key(t) for t in texts]
    everything = _key(" ".join(_text(root) for root in roots))
    found = [len(t) for t, k in zip(texts, keys, strict=True) if k and k in everything]
    if not found:
        return body  # the common case, decided without a key for every hidden element
    longest = 2 * max(found) + 100  # an element's text longer than this is no block's: not keyed
    hidden = {
        _key(text)
        for root in roots
        for el in root.iter()
        if isinstance(el.tag, str) and len(text := el.text_content()) <= longest
    }
    drop = {k for k in keys if k and k in hidden}
    if any(len(k) >= _SHOWN_TWICE for k in drop):
        shown = _key(_shown_text(tree, roots))
        drop = {k for k in drop if len(k) < _SHOWN_TWICE or k not in shown}
    if not drop or 2 * sum(len(k) for k in keys if k in drop) >= sum(len(k) for k in keys):
        return body
    return [b for b, k in zip(body, keys, strict=True) if k not in drop]


def _hidden_roots(tree: HtmlElement) -> list[HtmlElement]:
    """The hidden elements of ``<body>`` that are not inside another one."""
    marked = [el for el in _MAYBE_HIDDEN(tree) if _is_hidden(el)]
    inside = set(marked)
    return [el for el in marked if not any(a in inside for a in el.iterancestors())]


def _text(el: HtmlElement) -> str:
    """An element's text, its scripts, style sheets and comments left out."""
    if not isinstance(el.tag, str) or el.tag in ("script", "style"):
        return ""
    parts = [el.text or ""]
    for child in el:
        parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _shown_text(tree: HtmlElement, hidden: list[HtmlElement]) -> str:
    """The text of ``<body>`` outside the ``hidden`` elements, scripts, style sheets and comments."""
    body = tree.find("body")
    if body is None:
        return ""
    skip = set(hidden)
    parts: list[str] = []
    skipping: object = None
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if event == "start":
            if skipping is None and (
                el in skip or not isinstance(el.tag, str) or el.tag in ("script", "style")
            ):
                skipping = el
            elif skipping is None:
                parts.append(el.text or "")
        else:
            if el is skipping:
                skipping = None
            if skipping is None and el is not body:
                parts.append(el.tail or "")
    return " ".join(parts)


#: The characters a trail of links is set with (``Home > News > Story``, ``Home › News``, ``A | B``):
#: the separators of the WAI-ARIA Authoring Practices breadcrumb example (``/``) and schema.org's
#: BreadcrumbList examples (``>``, ``›``, ``»``), with their full-width and arrow forms.
_TRAIL_SEPARATORS = ">›»/|→＞≫／｜"
_TRAIL_GAP = re.compile(rf"[\s{re.escape(_TRAIL_SEPARATORS)}]*")
_TRAIL_END = re.compile(rf"\s*[{re.escape(_TRAIL_SEPARATORS)}][^{re.escape(_TRAIL_SEPARATORS)}]*")


def _is_link_trail(block: Block) -> bool:
    """A paragraph of two or more links set apart by separators alone (a last unlinked step allowed).

    That is a breadcrumb trail or a bar of site links (``Home > News > This
    story``, ``About | Contact``), not a sentence: no text but separators
    between the links, and after the last link at most a separator and the
    page's own name.
    """
    if not isinstance(block, Paragraph):
        return False
    links = separators = 0
    last = len(block.content) - 1
    for i, node in enumerate(block.content):
        if isinstance(node, Link):
            links += 1
        elif isinstance(node, Text) and _TRAIL_GAP.fullmatch(node.text):
            separators += any(c in _TRAIL_SEPARATORS for c in node.text)
        elif isinstance(node, Text) and i == last and links and _TRAIL_END.fullmatch(node.text):
            separators += 1
        else:
            return False
    return links >= 2 and separators >= links - 1


def drop_link_trails(body: list[Block]) -> list[Block]:
    """Paragraphs that are trails of links (breadcrumbs, bars of site links) are the site's, not the article's."""
    return [b for b in body if not _is_link_trail(b)]


#: A table of site links: at least this many cells, this share of them with a link, none longer.
_LINK_TABLE_CELLS = 3
_LINK_TABLE_SHARE = 0.8
_LINK_TABLE_CELL_CHARS = 100


def _has_link(content: tuple[Inline, ...]) -> bool:
    return any(
        isinstance(n, Link) or (isinstance(n, Emph | Strong) and _has_link(n.content)) for n in content
    )


def _is_link_table(block: Block) -> bool:
    """A one-column (or one-row) table without a header whose short cells nearly all hold a link.

    That is a page's menu laid out as a table (Mozilla Readability's
    ``_markDataTables`` takes a table of one row or one column as layout, not
    data): "today's links", "our other sites", one label and one link a cell.
    """
    if not isinstance(block, Table) or block.head:
        return False
    if len(block.rows) > 1 and max(sum(1 for c in r if c) for r in block.rows) > 1:
        return False
    cells = [c for row in block.rows for c in row if plain_text(c).strip()]
    if len(cells) < _LINK_TABLE_CELLS or any(len(plain_text(c)) > _LINK_TABLE_CELL_CHARS for c in cells):
        return False
    return sum(_has_link(c) for c in cells) >= _LINK_TABLE_SHARE * len(cells)


def drop_link_tables(body: list[Block]) -> list[Block]:
    """Tables that are menus of site links (:func:`_is_link_table`) are not the article."""
    return [b for b in body if not _is_link_table(b)]
