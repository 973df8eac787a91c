"""The lead trafilatura's teaser filter takes, put back: a body step (``teaser-lead`` in
:data:`convert.readers.html.BODY_STEPS`).
"""

from __future__ import annotations

from lxml.html import HtmlElement

from ...model import Block, Figure, Paragraph, Text, plain_text
from .text import is_hidden, name_key, squash

#: An element whose class or id says "teaser": trafilatura drops these (its ``TEASER_DISCARD_XPATH``,
#: the same test) unless it is asked to favour recall; a news site's lead often is one.
_TEASER = "teaser"

#: The elements whose text no reader sees as the page's text.
_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})


def _teasers(tree: HtmlElement) -> list[HtmlElement]:
    """The elements trafilatura's teaser filter takes out, by its own XPath when it has one."""
    try:
        from trafilatura.xpaths import TEASER_DISCARD_XPATH
    except ImportError:  # another trafilatura: the same test, written out
        return [
            el
            for el in tree.iter("div", "p", "section", "span")
            if _TEASER in (el.get("class") or "").lower() or _TEASER in (el.get("id") or "").lower()
        ]
    return [el for xpath in TEASER_DISCARD_XPATH for el in xpath(tree)]


def _shown_as(teasers: list[HtmlElement], key: str, cut: bool) -> HtmlElement | None:
    """The innermost element among ``teasers`` (and inside them) whose text has ``key``; a ``cut``
    description only begins it. ``None`` when it is hidden or inside a link (a card that links to
    another page)."""
    for teaser in teasers:
        el, text = teaser, name_key(teaser.text_content())
        if key not in text:
            continue
        while True:  # down to the innermost element that still holds the whole description
            inner = next(
                (
                    (child, child_text)
                    for child in el
                    if isinstance(child.tag, str)
                    and child.tag not in _NOT_TEXT
                    and key in (child_text := name_key(child.text_content()))
                ),
                None,
            )
            if inner is None:
                break
            el, text = inner
        if not (text == key or (cut and text.startswith(key) and len(text) < 3 * len(key))):
            continue
        if any(is_hidden(a) or a.tag == "a" for a in [el, *el.iterancestors()]):
            continue
        return el
    return None


#: Fewer letters and digits than this, a description is a label, not a lead.
_MIN_LEAD = 20


def restore_lead(body: list[Block], tree: HtmlElement | None, description: str | None) -> list[Block]:
    """The page's lead, which trafilatura dropped as a teaser, put back at the top of the body.

    trafilatura takes out every block whose class or id says "teaser"
    (``TEASER_DISCARD_XPATH``) unless asked to favour recall; many news sites
    (TYPO3's news pages among them, ``<div class="teaser-text">``) mark the
    article's lead that way. When the page shows its own description (the
    ``<meta>`` or JSON-LD one, in the metadata) as such a block, visible and
    not inside a link, and the body does not already have it, that block is
    the lead. A description that ends in an ellipsis is a cut one: the block
    need only begin with it.
    """
    if tree is None or not description:
        return body
    cut = description.rstrip().endswith(("…", "..."))
    key = name_key(description.rstrip(" .…"))
    if len(key) < _MIN_LEAD:
        return body
    text = name_key(plain_text(tuple(b for b in body if not isinstance(b, Figure))))
    if key[:60] in text:
        return body
    shown = _shown_as(_teasers(tree), key, cut)
    if shown is None:
        return body
    return [Paragraph((Text(squash(shown.text_content())),)), *body]
