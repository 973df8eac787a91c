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
_STYLE = "translate(@style, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ \t\r\n', 'abcdefghijklmnopqrstuvwxyz')"
_HIDDEN_TEST = (
    f"@hidden or contains({_STYLE}, 'display:none') or contains({_STYLE}, 'visibility:hidden') or "
    "(@aria-hidden = 'true' and not(contains(@class, 'fallback-image')))"
)
_HIDDEN = etree.XPath(f"//body//*[{_HIDDEN_TEST}][not(ancestor::*[{_HIDDEN_TEST}])]")
_SHOWN_TEXT = etree.XPath(
    f"//body//text()[not(ancestor::*[{_HIDDEN_TEST}] or ancestor::script or ancestor::style)]"
)

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
    roots = _HIDDEN(tree)
    if not roots:
        return body
    keys = [_key(plain_text(b)) if not isinstance(b, Figure) else "" for b in body]
    everything = _key(" ".join(_text(root) for root in roots))
    if not any(k and k in everything for k in keys):
        return body  # the common case, decided without a key for every hidden element
    hidden = {_key(_text(el)) for root in roots for el in root.iter() if isinstance(el.tag, str)}
    drop = {k for k in keys if k and k in hidden}
    if any(len(k) >= _SHOWN_TWICE for k in drop):
        shown = _key("".join(_SHOWN_TEXT(tree)))
        drop = {k for k in drop if len(k) < _SHOWN_TWICE or k not in shown}
    if not drop or 2 * sum(len(k) for k in keys if k in drop) >= sum(len(k) for k in keys):
        return body
    return [b for b, k in zip(body, keys, strict=True) if k not in drop]


def _text(el: HtmlElement) -> str:
    """An element's text, its scripts, style sheets and comments left out."""
    if not isinstance(el.tag, str) or el.tag in ("script", "style"):
        return ""
    parts = [el.text or ""]
    for child in el:
        parts.append(_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


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
