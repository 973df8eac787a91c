"""Text helpers the evidence modules share: squashed strings, comparison keys, the text a reader sees."""

from __future__ import annotations

import html
import re
from collections.abc import Collection

from lxml import etree
from lxml.html import HtmlElement


def squash(text: str | None) -> str:
    """Whitespace runs as one space, trimmed, invisible characters dropped: how metadata strings are
    compared and kept.

    ``str.split`` splits on exactly the characters ``re``'s ``\\s`` matches, four times faster. Soft
    hyphens, zero-width spaces and byte-order marks go, as :func:`convert.normalize.clean_space`
    drops them from the body: a page that hyphenates its byline ("Mat&shy;thi&shy;as") names the
    same person as one that does not.
    """
    if not text:
        return ""
    if not text.isascii():
        text = text.translate(_INVISIBLE)
    return " ".join(text.split())


#: What :func:`squash` drops: the characters :data:`convert.normalize._ZERO_WIDTH` removes from the body.
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\ufeff\u00ad"))

#: A character reference left in a value after the page was parsed: ``&#8216;``, ``&#x00E4;``, ``&quot;``.
_CHAR_REF = re.compile(r"&(?:#\d{1,7}|#x[0-9a-f]{1,6}|[a-z]{2,8});", re.IGNORECASE)


def unescaped(value: str | None) -> str | None:
    """A value its CMS escaped twice (``&amp;quot;`` in the markup) with its characters restored.

    Mozilla Readability unescapes its metadata values the same way. Only the references are
    decoded: a legacy name without its semicolon in the rest of the value stays as written
    (``?id=7&region=eu`` is no ``®ion``).
    """
    if not value or not _CHAR_REF.search(value):
        return value
    return _CHAR_REF.sub(lambda m: html.unescape(m.group()), value)


def name_key(text: str) -> str:
    """``text`` as names and titles are compared: letters and digits only, case folded."""
    return re.sub(r"[\W_]+", "", text.casefold())


#: Elements whose text no reader sees as text.
_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})
#: ``style`` values that hide an element.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def is_hidden(el: HtmlElement) -> bool:
    """An element the reader does not see, as Mozilla Readability's ``_isProbablyVisible`` decides it.

    Inline ``display: none`` or ``visibility: hidden``, the ``hidden``
    attribute (not ``hidden="until-found"``: a browser shows that content
    when it is searched for or linked to, as Wikipedia's folded sections and
    FAQ accordions are), ``aria-hidden="true"`` except on Readability's
    ``fallback-image``.
    """
    if el.get("hidden") not in (None, "until-found") or _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    return el.get("aria-hidden") == "true" and "fallback-image" not in (el.get("class") or "")


#: Class or id words of a comment thread or a part of one (``comments``, ``comment-939``,
#: ``commentlist``, ``comment-author-link``); not ``commentary``, nor a count, a link, a button or a
#: flag about the comments (``comment-count``, ``comments-link``, ``comments-enabled``,
#: ``comments-open``, as WordPress themes name them).
_COMMENT_WORD = re.compile(
    r"(?:comments?|commentlist)(?![-_](?:counts?|counter|number|num|links?|button|btn|"
    r"icon|toggle|enabled|disabled|open|closed|allowed)(?:[-_]|$))(?:[-_].*)?",
    re.IGNORECASE,
)


def _unseen(el: HtmlElement, strict: bool) -> bool:
    """An element whose text a reader does not see: a script or style; if ``strict``, also a hidden
    element (:func:`is_hidden`) or a comment thread, whose text is not the article's own.

    A name that only a hidden ``vcard`` or a reader's comment shows is not a
    byline of the article.
    """
    if not isinstance(el.tag, str) or el.tag in _NOT_TEXT:
        return True
    if not strict:
        return False
    return is_hidden(el) or is_comment_thread(el)


def is_comment_thread(el: HtmlElement) -> bool:
    """Whether ``el`` is a reader's comment or a thread of them, by its class or id words (``comments``,
    ``comment-939``, ``comment-metadata``: WordPress's and Drupal's markup; not ``commentary``)."""
    words = f"{el.get('class') or ''} {el.get('id') or ''}".split()
    return any(_COMMENT_WORD.fullmatch(w) for w in words)


def reader_text(tree: HtmlElement, *, strict: bool = False, skip: Collection[HtmlElement] = ()) -> str:
    """The text of ``<body>`` a reader sees, whitespace squashed.

    Scripts and styles are left out, and with ``strict`` hidden elements and
    comment threads too (:func:`_unseen`), and the elements in ``skip``; the text after such an
    element is kept.
    """
    body = tree.find("body")
    if body is None:
        return ""
    parts: list[str] = []
    skipping: object = None
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if event == "start":
            if skipping is None and el is not body and (el in skip or _unseen(el, strict)):
                skipping = el
            elif skipping is None:
                parts.append(el.text or "")
        else:
            if el is skipping:
                skipping = None
            if skipping is None and el is not body:
                parts.append(el.tail or "")
    return " ".join(" ".join(parts).split())


def visible_text(tree: HtmlElement) -> str:
    """The page's readable text, scripts, styles and the head left out; one space between words."""
    parts: list[str] = []
    body = tree.find("body")
    for el in (body if body is not None else tree).iter():
        if el.tag in ("script", "style", "noscript", "template") or not isinstance(el.tag, str):
            if el.tail:
                parts.append(el.tail)
            continue
        if el.text:
            parts.append(el.text)
        if el.tail:
            parts.append(el.tail)
    return " ".join(" ".join(parts).split())


def replace_with_text(el: HtmlElement, text: str = "") -> None:
    """Take ``el`` out of the tree, ``text`` and the text that followed it left in its place."""
    parent = el.getparent()
    if parent is None:
        return
    rest = text + (el.tail or "")
    prev = el.getprevious()
    if prev is not None:
        prev.tail = (prev.tail or "") + rest
    else:
        parent.text = (parent.text or "") + rest
    parent.remove(el)
