"""Author helpers for :mod:`._html_meta`: where a page shows a name as its byline.

trafilatura's author guess is often right for blogs that sign with a first
name or a handle ("Heiko", "tlow"), and as often a word from the page
("Bildung", "Münster"). A one-word guess is kept only when the page prints
it the way bylines are printed: as a link to the author's page, or right
after "by" / "von" / "par" with nothing name-like following it.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

#: Path segments of the pages CMSs keep for a writer: ``/author/heiko/``, ``/members/tlow``.
_AUTHOR_PATH = re.compile(
    r"/(?:author|authors|autor|autoren|auteur|auteurs|autore|user|users|profile|profil|members?|people)"
    r"(?:/|=|$)",
    re.IGNORECASE,
)
#: The words that introduce a byline, in the languages of the pages we read.
_BY = r"(?:by|von|vom|par|por|door|di|da|av|af|przez|autor(?:in)?|author|auteur)"


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


#: Elements whose text no reader sees as text.
_NOT_TEXT = frozenset({"script", "style", "noscript", "template"})
#: ``style`` values that hide an element.
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
#: Class or id words of a comment thread (``comments``, ``comment-939``, ``commentlist``; not ``commentary``).
_COMMENT_WORD = re.compile(r"(?:comments?|commentlist)(?:[-_].*)?", re.IGNORECASE)


def _unseen(el: HtmlElement, strict: bool) -> bool:
    """An element whose text a reader does not see: a script or style; if ``strict``, also a hidden
    element or a comment thread, whose text is not the article's own.

    A name that only a hidden ``vcard`` or a reader's comment shows is not a
    byline of the article.
    """
    if not isinstance(el.tag, str) or el.tag in _NOT_TEXT:
        return True
    if not strict:
        return False
    if el.get("hidden") is not None:
        return True
    if _HIDDEN_STYLE.search(el.get("style") or ""):
        return True
    words = f"{el.get('class') or ''} {el.get('id') or ''}".split()
    return any(_COMMENT_WORD.fullmatch(w) for w in words)


def reader_text(tree: HtmlElement, *, strict: bool = False) -> str:
    """The text of ``<body>`` a reader sees, whitespace squashed.

    Scripts and styles are left out, and with ``strict`` hidden elements and
    comment threads too (:func:`_unseen`); the text after such an element is kept.
    """
    body = tree.find("body")
    if body is None:
        return ""
    parts: list[str] = []
    skipping: object = None
    for event, el in etree.iterwalk(body, events=("start", "end")):
        if event == "start":
            if skipping is None and el is not body and _unseen(el, strict):
                skipping = el
            elif skipping is None:
                parts.append(el.text or "")
        else:
            if el is skipping:
                skipping = None
            if skipping is None and el is not body:
                parts.append(el.tail or "")
    return " ".join(" ".join(parts).split())


def linked_as_author(tree: HtmlElement, name: str) -> bool:
    """Whether a link to a writer's page (``/author/...``, ``rel=author``) reads exactly ``name``."""
    key = _key(name)
    for a in tree.iter("a"):
        href = a.get("href") or ""
        if (_AUTHOR_PATH.search(href) or "author" in (a.get("rel") or "").lower().split()) and _key(
            a.text_content()
        ) == key:
            return True
    return False


def signed_as(text: str, name: str) -> bool:
    """Whether the page's text (:func:`reader_text`) reads "by NAME" (or "von", "par" ...) with no
    further name word after it.

    "Von Henry In Aktuell" or "By Todd Bates" do not sign with "Henry" or
    "Todd": a capitalised word right after the name may be the rest of it.
    """
    for m in re.finditer(rf"(?<!\w){_BY}\s*:?\s+{re.escape(name)}(?!\w)", text, re.IGNORECASE):
        after = re.match(r"\s*(\S)", text[m.end() :])
        if after is None or not after[1].isupper():
            return True
    return False


def bylined(tree: HtmlElement, text: str, name: str) -> bool:
    """Whether the page shows ``name`` as a byline: linked to an author page or signed "by NAME"
    in its ``text`` (:func:`reader_text`)."""
    return linked_as_author(tree, name) or signed_as(text, name)


def page_spelling(text: str, name: str) -> str | None:
    """How the page's visible ``text`` spells ``name`` (case aside), or ``None`` if it never shows it.

    trafilatura title-cases what it finds: "selbst ist der Mann" (a magazine)
    and "giampiero maggio" (a tag) come back as "Selbst Ist Der Mann" and
    "Giampiero Maggio". The page's own spelling is what the name checks must see.
    Initials may have lost their full stop ("Günter W Kienitz" for "Günter W. Kienitz").
    """
    words = name.split()
    if not words:
        return None
    pattern = r"(?<!\w)" + r"\.?\s+".join(re.escape(w.rstrip(".")) for w in words) + r"(?!\w)"
    found = [m[0] for m in re.finditer(pattern, text, re.IGNORECASE)]
    if not found:
        return None
    return name if name in found else found[0]
