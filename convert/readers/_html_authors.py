"""Author helpers for :mod:`._html_meta`: where a page shows a name as its byline.

trafilatura's author guess is often right for blogs that sign with a first
name or a handle ("Heiko", "tlow"), and as often a word from the page
("Bildung", "Münster"). A one-word guess is kept only when the page prints
it the way bylines are printed: as a link to the author's page, or right
after "by" / "von" / "par" with nothing name-like following it.
"""

from __future__ import annotations

import re

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


def reader_text(tree: HtmlElement) -> str:
    """The text of ``<body>`` a reader sees (no scripts or styles), whitespace squashed."""
    body = tree.find("body")
    if body is None:
        return ""
    parts: list[str] = []
    for el in body.iter():
        if isinstance(el.tag, str) and el.tag not in ("script", "style", "noscript", "template"):
            parts.append(el.text or "")
        if el is not body:
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


def signed_as(tree: HtmlElement, name: str) -> bool:
    """Whether the page text reads "by NAME" (or "von", "par" ...) with no further name word after it.

    "Von Henry In Aktuell" or "By Todd Bates" do not sign with "Henry" or
    "Todd": a capitalised word right after the name may be the rest of it.
    """
    text = reader_text(tree)
    for m in re.finditer(rf"(?<!\w){_BY}\s*:?\s+{re.escape(name)}(?!\w)", text, re.IGNORECASE):
        after = re.match(r"\s*(\S)", text[m.end() :])
        if after is None or not after[1].isupper():
            return True
    return False


def bylined(tree: HtmlElement, name: str) -> bool:
    """Whether the page shows ``name`` as a byline: linked to an author page or signed "by NAME"."""
    return linked_as_author(tree, name) or signed_as(tree, name)


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
