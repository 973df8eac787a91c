"""The article body: trafilatura's XML mapped onto the article tree, images kept, and the clean-up steps.

trafilatura finds the article (no navigation, ads, comments or related
links) and returns it as a small XML vocabulary (``head``, ``p``, ``list``,
``quote``, ``graphic``, ``table``, ``hi``, ``ref``); :class:`Mapper` maps
that onto blocks and inlines.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher
from typing import Any
from urllib.parse import urljoin

from lxml.html import HtmlElement

from ...dates import WRITTEN_DATE, day_of, parse_date
from ...locale.reading import split_weekday
from ...model import (
    Block,
    BlockQuote,
    Code,
    CodeBlock,
    Emph,
    Figure,
    Heading,
    Inline,
    LineBreak,
    Link,
    List,
    Metadata,
    Paragraph,
    Rule,
    Strong,
    Table,
    Text,
    plain_text,
    replace,
)
from .inlines import tidy as _tidy
from .text import squash

# --------------------------------------------------------------------------
# Images: trafilatura rewrites or drops what it does not recognise, so each
# image gets a stand-in source it keeps, and the original comes back after.

_IMG_MARK = "broadsheet-img-{}.png"
_IMG_MARK_RE = re.compile(r"broadsheet-img-(\d+)\.png$")
_LAZY_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-url", "data-srcset", "srcset")
_CREDIT_CLASS = re.compile(r"credit|copyright|byline|source|photographer|attribution", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class _Image:
    src: str
    alt: str
    caption: str
    credit: str | None


def _image_src(img: HtmlElement) -> str | None:
    src = squash(img.get("src"))
    lazy = next((squash(img.get(a)) for a in _LAZY_ATTRS if squash(img.get(a))), "")
    lazy = lazy.split(",")[0].split()[0] if lazy else ""
    if not src or (src.startswith("data:") and len(src) < 300 and lazy):
        src = lazy  # a lazy-loading placeholder stands in the src
    return src or None


def _figure_of(img: HtmlElement) -> HtmlElement | None:
    node = img.getparent()
    for _ in range(4):
        if node is None:
            return None
        if node.tag == "figure":
            return node
        node = node.getparent()
    return None


def _caption_of(img: HtmlElement) -> tuple[str, str | None]:
    figure = _figure_of(img)
    if figure is None or len(figure.findall(".//img")) > 1:
        return "", None
    cap = figure.find(".//figcaption")
    if cap is None:
        return "", None
    credit = None
    for el in cap.iter():
        if el is not cap and (el.tag in ("small", "cite") or _CREDIT_CLASS.search(el.get("class") or "")):
            credit = squash(el.text_content()) or None
            break
    caption = squash(cap.text_content())
    if credit:
        caption = squash(caption.replace(credit, ""))
        # "(Bild: Hersteller)": the brackets are the page's typography; exporters add their own
        credit = re.sub(r"^[(\[](.*)[)\]]$", r"\1", credit).strip() or None
    return caption, credit


def mark_images(tree: HtmlElement) -> list[_Image]:
    """Give each image a stand-in source and remember its real one, alt text and caption."""
    images: list[_Image] = []
    for img in tree.iter("img"):
        src = _image_src(img)
        for attr in list(img.attrib):
            if attr in ("src", "title") or attr.startswith("data-src") or attr in _LAZY_ATTRS:
                del img.attrib[attr]
        if src is None:
            continue
        caption, credit = _caption_of(img)
        images.append(_Image(src, squash(img.get("alt")), caption, credit))
        img.set("src", _IMG_MARK.format(len(images) - 1))
    return images


# --------------------------------------------------------------------------
# trafilatura's XML -> blocks and inlines


class Mapper:
    """Maps trafilatura's body XML to blocks; ``images`` are the originals of the marked ones."""

    def __init__(self, images: list[_Image]) -> None:
        self.images = images

    # blocks ---------------------------------------------------------------

    def blocks(self, parent: Any) -> list[Block]:
        out: list[Block] = []
        pending: list[Inline] = []
        if parent.text and parent.text.strip():
            pending.append(Text(parent.text))
        for child in parent:
            if child.tag in _INLINE_TAGS:
                pending.extend(self.inline(child))
            else:
                self._flush(pending, out)
                out.extend(self.block(child))
                if child.tail and child.tail.strip():
                    pending.append(Text(child.tail))
        self._flush(pending, out)
        return out

    @staticmethod
    def _flush(pending: list[Inline], out: list[Block]) -> None:
        content = _tidy(pending)
        if content:
            out.append(Paragraph(content))
        pending.clear()

    def block(self, el: Any) -> list[Block]:
        match el.tag:
            case "p" | "div" | "item" | "cell" | "done":
                return self.paragraphs(el)
            case "head":
                return self.heading(el)
            case "list":
                return self.list_block(el)
            case "quote":
                body = tuple(self.blocks(el))
                return [BlockQuote(body)] if body else []
            case "code":
                text = "".join(el.itertext()).strip("\n")
                return [CodeBlock(text)] if text.strip() else []
            case "graphic":
                figure = self.figure(el)
                return [figure] if figure else []
            case "table":
                if _is_layout(el):
                    return [b for row in el if row.tag == "row" for cell in row for b in self.blocks(cell)]
                table = self.table(el)
                return [table] if table else []
            case "lb":
                return []
            case "hr":
                return [Rule()]
            case _:
                return self.blocks(el)

    def paragraphs(self, el: Any) -> list[Block]:
        return self.blocks(el)

    def heading(self, el: Any) -> list[Block]:
        m = re.fullmatch(r"h([1-6])", el.get("rend") or "")
        content = _tidy(self.inlines_of(el))
        if not content:
            return []
        return [Heading(int(m[1]) if m else 3, content)]

    def list_block(self, el: Any) -> list[Block]:
        items: list[tuple[Block, ...]] = []
        for item in el:
            if item.tag != "item":
                continue
            body = tuple(self.blocks(item))
            if body:
                items.append(body)
        if not items:
            return []
        return [List(tuple(items), ordered=(el.get("rend") or "") == "ol")]

    def figure(self, el: Any) -> Figure | None:
        m = _IMG_MARK_RE.search(el.get("src") or "")
        if m is None or int(m[1]) >= len(self.images):
            return None
        image = self.images[int(m[1])]
        caption: tuple[Inline, ...] = (Text(image.caption),) if image.caption else ()
        return Figure(image.src, alt=image.alt, caption=caption, credit=image.credit)

    def table(self, el: Any) -> Table | None:
        head: list[tuple[tuple[Inline, ...], ...]] = []
        rows: list[tuple[tuple[Inline, ...], ...]] = []
        for row in el.iter("row"):
            cells = [c for c in row if c.tag == "cell"]
            if not cells:
                continue
            values = tuple(self.cell(c) for c in cells)
            if not any(values):
                continue
            is_head = all(c.get("role") == "head" for c in cells)
            (head if is_head and not rows else rows).append(values)
        if not head and not rows:
            return None
        width = max(len(r) for r in head + rows)

        def pad(row: tuple[tuple[Inline, ...], ...]) -> tuple[tuple[Inline, ...], ...]:
            return row + ((),) * (width - len(row))  # tables must be rectangular

        return Table(tuple(pad(r) for r in head), tuple(pad(r) for r in rows))

    def cell(self, el: Any) -> tuple[Inline, ...]:
        # A cell holds inlines only: nested blocks are run together with spaces.
        parts: list[Inline] = []
        for block in self.blocks(el):
            if parts:
                parts.append(Text(" "))
            parts.extend(_block_inlines(block))
        return _tidy(parts)

    # inlines --------------------------------------------------------------

    def inlines_of(self, el: Any) -> list[Inline]:
        out: list[Inline] = []
        if el.text:
            out.append(Text(el.text))
        for child in el:
            out.extend(self.inline(child))
        return out

    def inline(self, el: Any) -> list[Inline]:
        """The element as inlines, followed by its tail text."""
        out: list[Inline] = []
        match el.tag:
            case "hi":
                content: tuple[Inline, ...] = tuple(self.inlines_of(el))
                rend = el.get("rend") or ""
                if rend == "#b":
                    out.append(Strong(content))
                elif rend == "#i":
                    out.append(Emph(content))
                elif rend == "#t":
                    out.append(Code("".join(el.itertext())))
                else:
                    out.extend(content)
            case "ref":
                content = tuple(self.inlines_of(el))
                target = squash(el.get("target"))
                out.append(Link(content, target) if target and content else Text(plain_text(content)))
            case "lb":
                out.append(LineBreak())
            case "del":
                pass  # struck-out text is not part of what the article says
            case "code":
                out.append(Code("".join(el.itertext())))
            case "graphic":
                pass  # an image inside running text: alt text is noise there
            case _:
                out.extend(self.inlines_of(el))
        if el.tail:
            out.append(Text(el.tail))
        return out


#: What trafilatura keeps as a block inside a table cell: a cell holding these is a page's layout.
_CELL_BLOCKS = frozenset({"p", "list", "head", "quote", "table", "code"})


def _is_layout(table: Any) -> bool:
    """A table of one row or one column whose cells hold paragraphs (or lists, headings) is layout.

    Old pages lay themselves out in tables: the article sits in one cell of a
    one-row table, its paragraphs as ``<p>``. Read as a data table, those
    paragraphs run together into one cell. Mozilla Readability
    (``_markDataTables``) takes a table of one row or one column as layout,
    and one with header cells as data; this follows it, for tables where
    most cells that hold anything hold blocks (one of short inline cells
    stays a table, and so does one whose last cell is a note in a ``<p>``).
    """
    rows = [row for row in table if row.tag == "row"]
    cells = [cell for row in rows for cell in row if cell.tag == "cell"]
    if not cells or any(cell.get("role") == "head" for cell in cells):
        return False
    if len(rows) > 1 and max(len(row) for row in rows) > 1:
        return False
    filled = [cell for cell in cells if len(cell) or "".join(cell.itertext()).strip()]
    blocks = sum(any(child.tag in _CELL_BLOCKS for child in cell) for cell in filled)
    return blocks > 0 and 2 * blocks >= len(filled)


_INLINE_TAGS = frozenset({"hi", "ref", "lb", "del", "span", "a", "b", "i", "em", "strong", "sub", "sup"})


def _block_inlines(block: Block) -> tuple[Inline, ...]:
    match block:
        case Paragraph(content=c) | Heading(content=c):
            return c
        case _:
            return (Text(plain_text(block)),)


# --------------------------------------------------------------------------
# Clean-up of the mapped body


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


#: How many blocks at the top of the body may come before the article's own headline: a date
#: line, a kicker, a standfirst. The headline further down is a section heading that repeats it.
_HEAD_BLOCKS = 3


def drop_title_heading(body: list[Block], title: str | None) -> list[Block]:
    """The title lives in meta; drop its copy among the first blocks of the body.

    Pages put a date line or a kicker above the headline, so the copy is
    looked for in the first :data:`_HEAD_BLOCKS` blocks of text (images
    above it, a sponsor's logo, not counted), as a heading only.
    """
    if not title:
        return body
    text_blocks = [i for i, block in enumerate(body) if not isinstance(block, Figure)][:_HEAD_BLOCKS]
    for i in text_blocks:
        block = body[i]
        if isinstance(block, Heading) and _key(plain_text(block)) == _key(title):
            return body[:i] + body[i + 1 :]
    return body


#: A time of day as pages write it after a date: ``12:46``, ``12:46 Uhr``, ``3:05 pm``, ``14h30``.
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}(?::\d{2})?\s*(?:uhr|am|pm|a\.m\.|p\.m\.|h)?", re.IGNORECASE)


def head_paragraphs(body: list[Block], title: str | None) -> Iterator[tuple[int, Paragraph]]:
    """The paragraphs among the first :data:`_HEAD_BLOCKS` blocks of the body, with their places,
    until a heading or another block: pictures and the article's own headline are passed over."""
    seen = 0
    for i, block in enumerate(body):
        if isinstance(block, Figure) or (
            isinstance(block, Heading) and title and _same_text(plain_text(block), title)
        ):
            continue
        if seen == _HEAD_BLOCKS or not isinstance(block, Paragraph):
            return
        seen += 1
        yield i, block


def drop_date_line(body: list[Block], meta: Any) -> list[Block]:
    """A paragraph at the top that holds nothing but a date (and time) is the page's date line.

    The date belongs in the metadata (``published``); as the first lines of
    the body it is not part of what the article says. Only a paragraph that
    is a date and nothing more (``08.04.2015 12:46``, ``March 5, 2024``; a
    weekday of the page's language before or after it, ``Mittwoch,
    01.11.2023``, Babel's names) among the first :data:`_HEAD_BLOCKS` blocks,
    before any heading, counts. The article's own headline, which
    :func:`drop_title_heading` takes away next, and pictures (a lead picture
    above the date line) are passed over, not counted. The line's one date
    must be the day the page was published or updated: an event's day or a
    range (two dates) under the headline is what the article says.
    """
    language = getattr(meta, "language", None)
    days = {day_of(getattr(meta, key, None)) for key in ("published", "updated")} - {None}
    if not days:
        return body
    for i, block in head_paragraphs(body, getattr(meta, "title", None)):
        text = plain_text(block).strip()
        if len(text) > 60:
            return body
        dates = list(WRITTEN_DATE.finditer(text))
        if not dates:
            continue
        rest = _TIME.sub(" ", WRITTEN_DATE.sub(" ", text)).strip(" ,")
        if rest and split_weekday(rest, language)[1] == "":
            rest = ""
        if not re.search(r"\w", rest) and len(dates) == 1 and day_of(parse_date(dates[0].group())) in days:
            return body[:i] + body[i + 1 :]
    return body


def _echo_text(block: Block) -> tuple[Inline, ...] | None:
    """The inlines of a paragraph, or of a list of one paragraph; ``None`` for anything else."""
    if isinstance(block, List) and len(block.items) == 1 and len(block.items[0]) == 1:
        block = block.items[0][0]
    return block.content if isinstance(block, Paragraph) else None


def _same_text(a: str, b: str) -> bool:
    """The same words, give or take a typo or a full stop (keys of 20 letters or more compared)."""
    a, b = _key(a), _key(b)
    if not a or not b:
        return False
    if a == b:
        return True
    return min(len(a), len(b)) >= 20 and SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9


#: Longer than this, a block after a figure is running text, not its caption.
_MAX_CAPTION = 400


def drop_caption_echoes(body: list[Block]) -> list[Block]:
    """A figure's caption that the page also has as text right after the figure appears once.

    A paragraph that repeats the figure's caption (or its alt text, when the
    figure has none) is that caption's echo. A list of one item right after a
    figure with no caption is the caption itself, marked up as a list (a list
    of one thing is not a list in running text): it becomes the caption.
    """
    out: list[Block] = []
    for block in body:
        prev = out[-1] if out else None
        content = _echo_text(block)
        if isinstance(prev, Figure) and content and len(text := plain_text(content)) <= _MAX_CAPTION:
            if prev.caption and (
                _same_text(text, plain_text(prev.caption))
                or _same_text(text, plain_text(prev.caption) + " " + (prev.credit or ""))
            ):
                continue
            if not prev.caption and (isinstance(block, List) or _same_text(text, prev.alt)):
                out[-1] = replace(prev, caption=content)
                continue
        out.append(block)
    return out


def place_figures(body: list[Block], illustrated: list[Block]) -> list[Block]:
    """``body`` with the figures of ``illustrated`` (the same page, read with images) put back.

    A figure goes after the block it followed in ``illustrated`` (or before
    the one it preceded, at the top), and only if that block is in ``body``:
    a figure among blocks that are not part of the article is not part of it
    either.
    """
    keys = [_key(plain_text(b)) for b in body]
    after: dict[int, list[Figure]] = {}
    before_first: list[Figure] = []
    anchor: str | None = None
    waiting: list[Figure] = []
    for block in illustrated:
        if isinstance(block, Figure):
            if anchor is None:
                waiting.append(block)
            elif anchor in keys:
                after.setdefault(keys.index(anchor), []).append(block)
            continue
        key = _key(plain_text(block))
        if not key:
            continue
        if anchor is None and waiting and keys and key == keys[0]:
            before_first.extend(waiting)
        waiting = []
        anchor = key
    out: list[Block] = list(before_first)
    for i, block in enumerate(body):
        out.append(block)
        out.extend(f for f in after.get(i, ()) if f not in out)
    return out


# --------------------------------------------------------------------------
# Image addresses

_log = logging.getLogger("convert.readers.html")


#: An address with a scheme (``https:``, ``data:``): already absolute.
_SCHEME = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def base_href(tree: HtmlElement) -> str | None:
    """The page's ``<base href>``, when it is an absolute web address."""
    for el in tree.iter("base"):
        href = squash(el.get("href"))
        if re.match(r"https?://[^/\s]+", href, re.IGNORECASE):
            return href
    return None


def resolve_images(body: list[Block], page_url: str | None, *, relative: bool = False) -> list[Block]:
    """Image addresses that name the site (``//host/x.jpg``, ``/path/x.jpg``) made absolute.

    On a saved page such an address points to the web site, never to the
    disk: ``//`` takes https, ``/path`` the page's own address (its
    ``<base href>``, canonical or ``og:url``). Without that address the
    figure is dropped with a warning: it could only come out as a wrong
    local path. Relative addresses (``page_files/x.jpg``) stay: a saved
    page keeps its images beside it. A fetched page (``relative``, with
    ``page_url`` the address it was fetched from) has every address on its
    site, so each is resolved as a browser would.
    """
    out: list[Block] = []
    for block in body:
        if relative and page_url and isinstance(block, Figure) and not _SCHEME.match(block.src):
            block = replace(block, src=urljoin(page_url, block.src))
        if isinstance(block, Figure) and block.src.startswith("/"):
            if block.src.startswith("//"):
                block = replace(block, src="https:" + block.src)
            elif page_url is not None:
                block = replace(block, src=urljoin(page_url, block.src))
            else:
                _log.warning("image %s dropped: the page does not say which site it is from", block.src)
                continue
        out.append(block)
    return out


# --------------------------------------------------------------------------
# What each body step is given


@dataclass(frozen=True, slots=True)
class Page:
    """What a body step may consult: the page's metadata and its parsed tree (which it must not change)."""

    meta: Metadata
    tree: HtmlElement | None = None
