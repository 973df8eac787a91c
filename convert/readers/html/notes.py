"""Footnotes on web pages, kept as the article's notes; and the author's bio box.

A page links each footnote mark to its note by the note's ``id`` (``<sup><a
href="#fn1" id="r1">1</a></sup>`` and ``<li id="fn1">… <a href="#r1">↩</a></li>``;
pandoc writes ``role="doc-noteref"`` and a ``role="doc-endnotes"`` section;
Wikipedia ``<sup id="cite_ref-1"><a href="#cite_note-1">[1]</a></sup>``).
trafilatura keeps neither the ids nor, always, the links, so the pairs are
found before it sees the page (:func:`mark_notes`): each mark becomes a
placeholder in the text, which it keeps, and each note leaves the page, its
back-link arrow dropped. :func:`with_notes` turns the placeholders of the
extracted body into :class:`~convert.model.NoteRef` nodes; a note whose mark
did not reach the body (trafilatura dropped its paragraph) goes with it.

A link is a footnote mark when its text is a short label (``1``, ``[2]``,
``*``) and the page says so: the note links back to it, or either end
carries the DPUB-ARIA / EPUB roles (``doc-noteref``, ``doc-endnotes``,
``doc-footnote``) or a ``footnote`` / ``endnote`` class.

An author bio sits in a box the page marks as one (``<footer class="bio">``,
``<div class="author-bio">``), which trafilatura drops with the page's other
boxes: :func:`bio_boxes` collects them, and the reader keeps the one that
names an author of the article (a site's "about us" box names none).
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field
from typing import NamedTuple

from lxml.html import HtmlElement

from ...model import (
    Author,
    Block,
    BlockQuote,
    Code,
    Emph,
    Heading,
    Inline,
    LineBreak,
    Link,
    List,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
    plain_text,
    replace,
    walk,
)
from .._bylines import find_byline
from .byline import _BY_WORD_LANGUAGES
from .inlines import tidy as _tidy
from .text import replace_with_text, squash

_MARK = "[[broadsheet-note-{}]]"
_MARK_RE = re.compile(r"\[\[broadsheet-note-(\d+)\]\]")
#: A footnote mark's label: a number, a letter or a symbol, bracketed or not.
_LABEL = re.compile(r"[\[(]?(?:\d{1,3}|[a-z]{1,2}|[ivxlc]{1,5}|[*†‡§¶#]{1,3})[\])]?", re.IGNORECASE)
_NOTE_ROLES = re.compile(
    r"\bdoc-(?:noteref|endnotes?|footnote|backlink)\b|\b(?:noteref|footnotes?|endnotes?|rearnotes?)\b"
)
_NOTE_CLASS = re.compile(r"(?:^|[\s_-])(?:foot|end)notes?(?:$|[\s_-])", re.IGNORECASE)
_EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
#: A note longer than this is a section the link jumps to, not a note.
_MAX_NOTE = 3000


@dataclass
class Notes:
    """The notes :func:`mark_notes` took off the page, by placeholder number."""

    bodies: dict[int, tuple[Block, ...]] = field(default_factory=dict)
    #: The headings that stood over a list of notes taken off (``Notes and references``): the body
    #: drops one whose section is empty, as the page's other blocks may keep it on the page.
    headings: set[str] = field(default_factory=set)


def _marked(el: HtmlElement) -> bool:
    """The element, or one of its three nearest ancestors, is marked as a note or a list of them."""
    node: HtmlElement | None = el
    for _ in range(4):
        if node is None or not isinstance(node.tag, str):
            return False
        roles = f"{node.get('role') or ''} {node.get(_EPUB_TYPE) or ''} {node.get('epub:type') or ''}"
        if _NOTE_ROLES.search(roles) or _NOTE_CLASS.search(node.get("class") or ""):
            return True
        node = node.getparent()
    return False


def _outer_mark(a: HtmlElement) -> HtmlElement:
    """The inline element around the mark's link that holds nothing but its label (``<sup>``,
    SPIP's ``<span>[<a>1</a>]</span>``), else the link."""
    label = squash(a.text_content())
    outer, parent = a, a.getparent()
    while parent is not None and parent.tag in _INLINE_WRAPS and len(parent) == 1:
        if squash(parent.text_content()).strip("[]()") != label.strip("[]()"):
            break
        outer, parent = parent, parent.getparent()
    return outer


#: What may wrap a footnote mark's link.
_INLINE_WRAPS = frozenset({"sup", "span", "small"})


def mark_notes(page: HtmlElement) -> tuple[HtmlElement, Notes]:
    """A copy of the page with each footnote mark replaced by a placeholder and its note taken off,
    and the notes; the page itself when it has none (the metadata is read from the page as it is)."""
    notes = Notes()
    ids = {el.get("id"): el for el in page.iter() if isinstance(el.tag, str) and el.get("id")}
    if not any(_LABEL.fullmatch(squash(a.text_content())) and _href_id(a) in ids for a in page.iter("a")):
        return page, notes
    tree = copy.deepcopy(page)
    ids = {el.get("id"): el for el in tree.iter() if isinstance(el.tag, str) and el.get("id")}
    targets: list[HtmlElement] = []  # the notes, in the order of their first mark
    numbers: dict[HtmlElement, int] = {}
    marks = _marks_by_target(tree)
    for a in list(tree.iter("a")):
        target = _note_of(ids.get(_href_id(a)))
        if target is None or not _LABEL.fullmatch(squash(a.text_content())) or _not_a_note(target):
            continue
        # a mark in the headline or a caption, which the body does not hold: the note stays on the page
        if _in_caption(a):
            continue
        # a link inside a note (its back-link), or one whose mark or note has left the page
        ancestors = list(a.iterancestors())
        if any(anc is target or anc in numbers for anc in ancestors) or ancestors[-1:] != [
            tree.getroottree().getroot()
        ]:
            continue
        outer = _outer_mark(a)
        own = {i for i in (a.get("id"), outer.get("id")) if i}
        back = [b for b in target.iter("a") if (b.get("href") or "").strip()[1:] in own]
        if not back and not _marked(a) and not _marked(target):
            continue
        if len(squash(target.text_content())) > _MAX_NOTE:
            continue
        if target not in numbers:
            targets.append(target)
            numbers[target] = len(targets)
            notes.bodies[len(targets)] = _note_body(target, own | marks.get(_href_id(a), set()))
        _unbracket(outer)
        replace_with_text(outer, _MARK.format(numbers[target]))
    _drop_notes(targets, notes.headings)
    return tree, notes


#: Where a mark sits outside the article's body: the headline (read from the page as it is) and
#: figure captions (read before the marks are placed).
_OUTSIDE_BODY = frozenset({"h1", "figure", "figcaption"})
#: The class words of a caption or an image gallery (``wp-caption-text``, ``lightbox-caption``,
#: ``wikia-gallery``, ``gallery-item``), the CMS vocabulary for what ``<figure>`` marks: a whole
#: part of a class name, so that ``captions-on`` (a page setting) is none.
_CAPTION = re.compile(r"(?:^|[\s_-])(?:caption|gallery|figcaption)(?:$|[\s_-])", re.IGNORECASE)


def _in_caption(a: HtmlElement) -> bool:
    """Whether the mark is in the headline, a figure or a caption: its ancestors up to the article
    are read, not the article's own classes or the page's, nor the taxonomy classes of a post
    (WordPress's ``format-gallery``, ``single-format-gallery``)."""
    for anc in a.iterancestors():
        if anc.tag in ("article", "body", "html"):
            return False
        if anc.tag in _OUTSIDE_BODY or _CAPTION.search(_TAXONOMY.sub(" ", anc.get("class") or "")):
            return True
    return False


def _not_a_note(target: HtmlElement) -> bool:
    """A heading or a section is where a table of contents points, never a note."""
    return (
        target.tag in _HEADINGS
        or target.tag == "section"
        or any(el.tag in _HEADINGS for el in target.iterdescendants())
    )


def _marks_by_target(tree: HtmlElement) -> dict[str, set[str]]:
    """The ids of the links to each id on the page (and of the inline element around each link):
    a link in a note to one of them is a back-link to a mark of that note."""
    out: dict[str, set[str]] = {}
    for a in tree.iter("a"):
        if hid := _href_id(a):
            parent = a.getparent()
            for el in (a, parent if parent is not None and parent.tag in _INLINE_WRAPS else None):
                if el is not None and (mark_id := el.get("id")):
                    out.setdefault(hid, set()).add(mark_id)
    return out


def _href_id(a: HtmlElement) -> str:
    """The id a link points to on its own page (``#fn1``), or ``""``."""
    href = (a.get("href") or "").strip()
    return href[1:] if href.startswith("#") else ""


def unmark(text: str | None) -> str | None:
    """``text`` without placeholders (trafilatura's metadata, read from the marked copy)."""
    return _MARK_RE.sub("", text) if text and "[[broadsheet-note-" in text else text


def _note_of(target: HtmlElement | None) -> HtmlElement | None:
    """The note an ``id`` names: the element itself, or the block around it when the id sits on an
    inline one (SPIP puts it on the note's back-link)."""
    while target is not None and target.tag in ("a", "span", "sup", "small", "b", "strong", "em", "i"):
        target = target.getparent()
    return target


def _unbracket(mark: HtmlElement) -> None:
    """Drop the brackets typed around a mark (``[<a>1</a>]``): the reference is the note's now."""
    prev, parent = mark.getprevious(), mark.getparent()
    before = prev.tail if prev is not None else parent.text if parent is not None else None
    if not (before or "").endswith("[") or not (mark.tail or "").startswith("]"):
        return
    mark.tail = (mark.tail or "")[1:]
    if prev is not None:
        prev.tail = (prev.tail or "")[:-1]
    elif parent is not None:
        parent.text = (parent.text or "")[:-1]


def _drop_notes(targets: list[HtmlElement], headings: set[str]) -> None:
    """Take the notes off the page, each list or section that held them once nothing else is left,
    and a heading over one (``Notes``, ``References``) whose section is then empty. Each element
    is looked at once, so a page of thousands of notes costs what its size does."""
    parents = []
    for target in targets:
        parent = target.getparent()
        if parent is not None:
            _drop(target, headings)
            parents.append(parent)
    seen: set[HtmlElement] = set()
    for parent in parents:
        gone: HtmlElement | None = None
        node: HtmlElement | None = parent
        while (
            node is not None and node not in seen and node.getparent() is not None and node.tag not in _STOPS
        ):
            seen.add(node)
            if squash(node.text_content()) or node.find(".//img") is not None:
                break
            gone, node = node, node.getparent()
        if gone is not None:
            _drop(gone, headings)


_STOPS = frozenset({"body", "article", "main", "html"})


def _drop(gone: HtmlElement, headings: set[str]) -> None:
    before = gone.getprevious()
    replace_with_text(gone)
    if before is not None and before.tag in _HEADINGS:
        headings.add(_key(squash(before.text_content())))
    if before is not None and before.tag in _HEADINGS:
        after = before.getnext()
        if after is None or after.tag in _HEADINGS:
            replace_with_text(before)


_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


def _is_back(el: HtmlElement, own: set[str]) -> bool:
    """A back-link to a mark of the note (``↩``, ``^``, ``[1]``), or a box of them (Wikipedia's
    ``mw-cite-backlink``, pandoc's ``footnote-back``): a note's other links are its text."""
    href = (el.get("href") or "").strip()
    role = f"{el.get('role') or ''} {el.get('class') or ''}"
    if re.search(r"backlink|backref|footnote-back", role):
        return True
    return el.tag == "a" and href.startswith("#") and href[1:] in own


def _note_body(target: HtmlElement, own: set[str]) -> tuple[Block, ...]:
    paras = [p for p in target.iter("p") if p is not target]
    blocks = (
        [_tidy(_opening(_inlines(p, own))) for p in paras]
        if paras
        else [_tidy(_opening(_inlines(target, own)))]
    )
    return tuple(Paragraph(c) for c in blocks if c)


_OPENING = re.compile(r"^\s*(?:(?:\[\s*\]|\(\s*\)|[\^↑↩\ufe0e\ufe0f])\s*)+")


def _opening(content: list[Inline]) -> list[Inline]:
    """The note's text without the arrow or the brackets its back-link leaves before it (``[] Text``)."""
    while len(content) > 1 and isinstance(content[0], Text) and isinstance(content[1], Text):
        content[:2] = [Text(content[0].text + content[1].text)]
    if content and isinstance(content[0], Text):
        content[0] = Text(_OPENING.sub("", content[0].text))
    return content


def _inlines(el: HtmlElement, own: set[str]) -> list[Inline]:
    """The element's content as inlines (its tail not included), back-links left out."""
    out: list[Inline] = [Text(el.text)] if el.text else []
    for child in el:
        if isinstance(child.tag, str):
            out.extend(_inline(child, own))
        if child.tail:
            out.append(Text(child.tail))
    return out


def _inline(el: HtmlElement, own: set[str]) -> list[Inline]:
    if _is_back(el, own):
        return []
    content = tuple(_inlines(el, own))
    match el.tag:
        case "a":
            href = (el.get("href") or "").strip()
            return [Link(content, href)] if href and not href.startswith("#") else list(content)
        case "em" | "i":
            return [Emph(content)]
        case "strong" | "b":
            return [Strong(content)]
        case "code":
            return [Code(el.text_content())]
        case "br":
            return [LineBreak()]
        case "script" | "style" | "template":
            return []
        case _:
            return list(content)


# --------------------------------------------------------------------------
# Placeholders in the extracted body -> NoteRef


def with_notes(blocks: list[Block], notes: Notes) -> tuple[list[Block], tuple[Note, ...]]:
    """The body with its placeholders made note references, and the notes they reference, in order."""
    if not notes.bodies:
        return blocks, ()
    seen: list[int] = []
    body = _blocks(blocks, notes, seen)
    body = [
        b
        for i, b in enumerate(body)
        if not isinstance(b, Heading)
        or _key(plain_text(b)) not in notes.headings
        or (i + 1 < len(body) and not isinstance(body[i + 1], Heading))
    ]
    return body, tuple(Note(f"n{n}", "footnote", notes.bodies[n]) for n in seen)


def _blocks(blocks: list[Block] | tuple[Block, ...], notes: Notes, seen: list[int]) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        match block:
            case Paragraph(content=c) | Heading(content=c):
                block = replace(block, content=_refs(c, notes, seen))
            case BlockQuote(body=b, attribution=a):
                block = replace(block, body=tuple(_blocks(b, notes, seen)), attribution=_refs(a, notes, seen))
            case List(items=items):
                block = replace(block, items=tuple(tuple(_blocks(i, notes, seen)) for i in items))
            case Table(head=head, rows=rows, caption=cap):
                block = replace(
                    block,
                    head=tuple(tuple(_refs(c, notes, seen) for c in r) for r in head),
                    rows=tuple(tuple(_refs(c, notes, seen) for c in r) for r in rows),
                    caption=_refs(cap, notes, seen),
                )
        if not isinstance(block, Paragraph) or block.content:
            out.append(block)
    return out


def _refs(content: tuple[Inline, ...], notes: Notes, seen: list[int]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in content:
        match node:
            case Text(text=t) if "[[broadsheet-note-" in t:
                pos = 0
                for m in _MARK_RE.finditer(t):
                    if m.start() > pos:
                        out.append(Text(t[pos : m.start()]))
                    n = int(m[1])
                    if n in notes.bodies:
                        out.append(NoteRef(f"n{n}"))
                        if n not in seen:
                            seen.append(n)
                    pos = m.end()
                if pos < len(t):
                    out.append(Text(t[pos:]))
            case Emph(content=c) | Strong(content=c) | Link(content=c) | Quote(content=c):
                out.append(replace(node, content=_refs(c, notes, seen)))
            case _:
                out.append(node)
    return _tidy(out) if out != list(content) else content


def referenced(notes: tuple[Note, ...], body: list[Block]) -> tuple[Note, ...]:
    """The notes a reference in ``body`` still points to (a clean-up step may have dropped one)."""
    refs = {node.id for node in walk(tuple(body)) if isinstance(node, NoteRef)}
    return tuple(n for n in notes if n.id in refs)


# --------------------------------------------------------------------------
# The author's bio box

#: Class or id words of an author-bio box (``bio``, ``author-bio``, ``c-bio__text``, ``about-the-author``).
_BIO_CLASS = re.compile(r"(?:^|[\s_-])(?:bio|biography|about-(?:the-)?author)(?:$|[\s_-])", re.IGNORECASE)
#: Where a box is the site's, not the article's: an ancestor of these tags, or of these class or id
#: words (WordPress's ``widget-area``, ``sidebar-left``), up to the article. The article's own
#: classes, the page's (``<body>``) and the box's own tag are not read, nor the taxonomy classes
#: ``post_class`` writes (``category-*``, ``tag-*``, ``format-*``), which name the post's topics.
_SITE_PARTS = frozenset({"aside", "nav"})
_SITE_CLASS = re.compile(r"(?:^|[\s_-])(?:sidebar|widget)s?(?:$|[\s_-])", re.IGNORECASE)
_TAXONOMY = re.compile(r"(?:^|\s)(?:category|tag|format|post-format|single-format)-\S*", re.IGNORECASE)
_MAX_BIO = 800


class _Box(NamedTuple):
    whole: str  # the box's text, a heading naming the author included
    bio: str  # the text kept: its paragraphs, when it has some
    unlinked: str  # the text kept without its links' text
    last_link: str  # the text of a link closing the text kept ("View all posts by NAME"), or ""


def bio_boxes(tree: HtmlElement) -> list[_Box]:
    """The boxes the page marks as a bio, outside the site's sidebars and widget areas."""
    out: list[_Box] = []
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in ("html", "body", "head", "article", "main"):
            continue
        if not _BIO_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            continue
        # a box around the headline is the article's (WordPress's ``category-bio`` post)
        if el.find(".//h1") is not None or _in_site_part(el):
            continue
        whole = squash(el.text_content())
        # its paragraphs, less a row of links ("Weitere Artikel von NAME", "Alle Autoren"); none left:
        # the box is its links (a linked byline, "More by NAME")
        paragraphs = [p for p in el.iter("p") if squash(p.text_content())]
        kept = [p for p in paragraphs if _letters(_unlinked(p))] if paragraphs else [el]
        if not kept:
            continue
        bio = "\n\n".join(squash(p.text_content()) for p in kept)
        links = [a for p in kept for a in p.iter("a")]
        unlinked = bio
        for a in links:
            unlinked = unlinked.replace(squash(a.text_content()), " ", 1)
        last = links[-1] if links else None
        closing = (
            squash(last.text_content())
            if last is not None and bio.endswith(squash(last.text_content()))
            else ""
        )
        if bio and len(whole) <= _MAX_BIO:
            out.append(_Box(whole, bio, unlinked, closing))
    return out


def _unlinked(el: HtmlElement) -> str:
    """The element's text less its links' text."""
    text = squash(el.text_content())
    for a in el.iter("a"):
        text = text.replace(squash(a.text_content()), " ", 1)
    return text


def _in_site_part(el: HtmlElement) -> bool:
    """Whether ``el`` is in a part of the site beside the article: every ancestor up to ``<main>``
    (which holds the article, so a theme's wrapper of content and sidebar above it says nothing)
    or ``<body>``. An ``<article>``'s own class words are its taxonomy and are not read, but the
    look goes on above it: a related-story card is an ``<article>`` inside an ``<aside>`` or a
    widget area (review r31c)."""
    for anc in el.iterancestors():
        if anc.tag in ("main", "body", "html"):
            return False
        if anc.tag in _SITE_PARTS:
            return True
        if anc.tag == "article":
            continue
        words = _TAXONOMY.sub(" ", f"{anc.get('class') or ''} {anc.get('id') or ''}")
        if _BIO_CLASS.search(words) or _SITE_CLASS.search(words):
            return True
    return False


def with_bios(
    authors: tuple[Author, ...], boxes: list[_Box], body: list[Block]
) -> tuple[tuple[Author, ...], list[str]]:
    """The authors with the bio of each box that names one of them, and the bios taken. A box
    holding most of the paragraphs of the extracted ``body`` is the article, not a bio; a box
    that says nothing but its links (``More by NAME``, a row of social links) is no bio, and a link
    naming the author that closes the bio (``View all posts by NAME``) is cut from it."""
    out, taken = list(authors), []
    paragraphs = [_key(plain_text(b)) for b in body if isinstance(b, Paragraph)]
    for box in boxes:
        keys = {_key(p) for p in box.bio.split("\n\n")}
        if 2 * sum(key in keys for key in paragraphs) > len(paragraphs):
            continue
        key = box.whole.casefold()
        i = next(
            (
                i
                for i, a in enumerate(out)
                if not a.bio and _about(a.name.casefold(), key, box.bio, box.unlinked)
            ),
            None,
        )
        if i is not None:
            bio = box.bio
            if box.last_link and out[i].name.casefold() in box.last_link.casefold():
                bio = _without_closing_link(bio, box.last_link)
            out[i] = replace(out[i], bio=bio)
            taken.append(box.bio)
    return tuple(out), taken


def _without_closing_link(bio: str, link: str) -> str:
    """``bio`` without the line its closing ``link`` ends: a link alone, or after at most four words
    that end no sentence ("View all posts by NAME", "More stories by NAME"). A link that ends a
    sentence of the bio ("Her latest book is NAME on Rails") stays (review r31c)."""
    head, sep, last = bio.rpartition("\n\n")
    lines = last.rsplit("\n", 1)
    line = lines[-1]
    if not line.endswith(link):
        return bio
    before = line[: -len(link)]
    # the words after the line's last sentence end: "View all posts by", "More stories by"
    cut = max((m.end() for m in re.finditer(r"[.!?…。！？]\s", before)), default=0)
    lead = before[cut:].strip()
    words = lead.split()
    if len(words) > 4 or (words and words[-1].casefold() not in {"by", *_BY_WORD_LANGUAGES}):
        return bio  # a link a sentence of the bio ends with ("Her latest book is NAME on Rails")
    kept = [*lines[:-1], before[:cut].rstrip()]
    return "\n\n".join(p for p in (head.rstrip() if sep else "", "\n".join(k for k in kept if k)) if p) or bio


def _letters(text: str) -> int:
    return sum(c.isalpha() for c in text)


def _about(name: str, whole: str, bio: str, unlinked: str) -> bool:
    """The box names ``name`` and the text kept as the bio says more about them than the name, outside
    its links, and is no byline (``By Jane Doe``): more letters besides the name than in it, which
    counts alike in every script."""
    if name not in whole or any(find_byline(p) for p in bio.split("\n\n")):
        return False
    return _letters(unlinked.casefold().replace(name, " ")) > _letters(name)


def drop_bios(body: list[Block], bios: list[str]) -> list[Block]:
    """The body without the paragraphs that repeat a bio (trafilatura kept the box)."""
    if not bios:
        return body
    keys = {_key(p) for bio in bios for p in bio.split("\n\n")}
    return [b for b in body if not (isinstance(b, Paragraph) and _key(plain_text(b)) in keys)]


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


__all__ = ["Notes", "bio_boxes", "drop_bios", "mark_notes", "referenced", "unmark", "with_bios", "with_notes"]
