"""Read a web page: the main article only, with its metadata.

trafilatura finds the article (no navigation, ads, comments or related
links) and returns it as a small XML vocabulary (``head``, ``p``, ``list``,
``quote``, ``graphic``, ``table``, ``hi``, ``ref``); this module maps that
onto the article tree. Metadata comes from :mod:`._html_meta`. Nothing is
ever fetched: image sources stay as the page gives them, and the exporters
decide what may be loaded.
"""

from __future__ import annotations

import codecs
import copy
import logging
import re
from dataclasses import dataclass
from typing import Any, ClassVar

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from ..base import ReadOptions
from ..errors import InputError
from ..io import decode_mixed
from ..model import (
    Article,
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
from ._html_meta import Extracted, build_metadata, squash

# trafilatura logs every page it gives up on; that is our InputError's job.
for _name in ("trafilatura", "htmldate", "justext", "readability", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# --------------------------------------------------------------------------
# Bytes to text

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
# WHATWG: these labels mean windows-1252 in a browser, and pages rely on it.
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819", "8859_1"}


def decode_html(data: bytes, warnings: list[str] | None = None) -> str:
    """The page as text: BOM first, then the declared charset, then UTF-8, then a guess.

    UTF-8 with some lines in a legacy code page keeps its UTF-8 lines and has
    the others decoded alone (:func:`convert.io.decode_mixed`, with a warning).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    declared = _declared_charset(data[:4096])
    for candidate in (declared, "utf-8"):
        if candidate:
            try:
                return data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    if declared in (None, "utf-8"):
        mixed = decode_mixed(data, warnings)
        if mixed is not None:
            return mixed
    mostly_utf8 = _mostly_utf8(data)
    return mostly_utf8 if mostly_utf8 is not None else _guess_decode(data, declared)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a page pasted together from two sources) stays UTF-8.

    A statistical guess on such a page often picks a legacy code page and
    garbles every accented letter to repair one stray byte.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for c in text if ord(c) > 127)
    return text if non_ascii >= 20 and bad <= 0.02 * non_ascii else None


def _declared_charset(head: bytes) -> str | None:
    m = _META_CHARSET.search(head)
    if m is None:
        return None
    label = (m[1] or m[2]).decode("ascii").lower()
    if label in _WINDOWS_1252:
        return "cp1252"
    if label.startswith("utf-16") or label.startswith("utf-32"):
        return "utf-8"  # an ASCII-readable page cannot really be UTF-16; browsers read it as UTF-8
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _guess_decode(data: bytes, declared: str | None) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else declared or "utf-8"
    return data.decode(encoding, errors="replace")


def _looks_binary(data: bytes) -> bool:
    """NUL bytes outside UTF-16/32 text: an image, an archive, not a page."""
    head = data[:4096]
    return b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def parse_html(text: str) -> HtmlElement:
    """An lxml tree of the whole document; :class:`InputError` when there is none."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    text = text.replace("\x00", "")
    if not text.strip():
        raise InputError("no article text found: the page is empty")
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
    )
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"no article text found: cannot parse the page ({exc})") from None
    if not isinstance(tree, HtmlElement):
        raise InputError("no article text found: the page has no HTML document")
    return tree


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


class _Mapper:
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


_INLINE_TAGS = frozenset({"hi", "ref", "lb", "del", "span", "a", "b", "i", "em", "strong", "sub", "sup"})


def _block_inlines(block: Block) -> tuple[Inline, ...]:
    match block:
        case Paragraph(content=c) | Heading(content=c):
            return c
        case _:
            return (Text(plain_text(block)),)


def _tidy(content: list[Inline] | tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Whitespace runs (newlines too) to one space; empty runs and edges dropped."""
    out: list[Inline] = []
    for node in content:
        match node:
            case Text(text=t):
                t = re.sub(r"\s+", " ", t)
                if not t:
                    continue
                if out and isinstance(out[-1], Text):
                    out[-1] = Text(re.sub(r" +", " ", out[-1].text + t))
                else:
                    out.append(Text(t))
            case Emph(content=c) | Strong(content=c) | Link(content=c):
                inner = _tidy_inner(c)
                if inner:
                    out.append(replace(node, content=inner))
            case _:
                out.append(node)
    while (
        out
        and isinstance(out[0], Text | LineBreak)
        and not (isinstance(out[0], Text) and out[0].text.strip())
    ):
        out.pop(0)
    while (
        out
        and isinstance(out[-1], Text | LineBreak)
        and not (isinstance(out[-1], Text) and out[-1].text.strip())
    ):
        out.pop()
    if out and isinstance(out[0], Text):
        out[0] = Text(out[0].text.lstrip())
    if out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].text.rstrip())
    return tuple(out)


def _tidy_inner(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in content:
        if isinstance(node, Text):
            t = re.sub(r"\s+", " ", node.text)
            if out and isinstance(out[-1], Text):
                out[-1] = Text(re.sub(r" +", " ", out[-1].text + t))
            elif t:
                out.append(Text(t))
        elif isinstance(node, Emph | Strong | Link):
            inner = _tidy_inner(node.content)
            if inner:
                out.append(replace(node, content=inner))
        else:
            out.append(node)
    return tuple(out) if any(plain_text(n).strip() or not isinstance(n, Text) for n in out) else ()


# --------------------------------------------------------------------------
# Clean-up of the mapped body


def _key(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold())


def drop_title_heading(body: list[Block], title: str | None) -> list[Block]:
    """The title lives in meta; drop its copy at the top of the body."""
    if title and body and isinstance(body[0], Heading) and _key(plain_text(body[0])) == _key(title):
        return body[1:]
    return body


def drop_caption_echoes(body: list[Block]) -> list[Block]:
    """A caption that trafilatura also kept as a paragraph after its figure appears once."""
    out: list[Block] = []
    for block in body:
        prev = out[-1] if out else None
        if (
            isinstance(block, Paragraph)
            and isinstance(prev, Figure)
            and prev.caption
            and _key(plain_text(block))
            in (_key(plain_text(prev.caption)), _key(plain_text(prev.caption) + (prev.credit or "")))
        ):
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
# The reader


#: Fewer letters than this in the extracted body is a menu or a stub, not an article.
_MIN_LETTERS = 20


class HtmlReader:
    name: ClassVar[str] = "html"
    extensions: ClassVar[tuple[str, ...]] = (".html", ".htm", ".xhtml")
    description: ClassVar[str] = "Web pages: the main article and its metadata (trafilatura)"

    def read(self, data: bytes, options: ReadOptions) -> Article:
        if _looks_binary(data):
            raise InputError("no article text found: this is binary data, not a web page")
        tree = parse_html(decode_html(data, options.warnings))
        images = mark_images(tree)
        searched_date = _searched_date(tree)  # before trafilatura, which prunes the tree it is given
        illustrated = _extract(copy.deepcopy(tree), images=True)
        document = _extract(tree, images=False)
        extracted = _extracted_meta(document, searched_date)
        meta: Metadata = build_metadata(tree, extracted, options.provenance)
        body_xml = getattr(document, "body", None) if document is not None else None
        if body_xml is None:
            if not options.require_text:
                return Article(meta=meta)
            raise InputError(
                "no article text found", hint="is this the article page itself, not an index or a login page?"
            )
        body = _Mapper(images).blocks(body_xml)
        if illustrated is not None and getattr(illustrated, "body", None) is not None:
            body = place_figures(body, _Mapper(images).blocks(illustrated.body))
        body = drop_caption_echoes(drop_title_heading(body, meta.title))
        letters = sum(c.isalpha() for b in body if not isinstance(b, Figure) for c in plain_text(b))
        if letters < _MIN_LETTERS:
            if not options.require_text:
                return Article(meta=meta, body=tuple(body))
            raise InputError(
                "no article text found", hint="is this the article page itself, not an index or a login page?"
            )
        return Article(meta=meta, body=tuple(body))


def _extract(tree: HtmlElement, *, images: bool) -> Any:
    """trafilatura's article; ``images`` also keeps the images, which changes what it picks as the article.

    With images on, trafilatura keeps more of the blocks around them (credits,
    teasers, galleries); so the text comes from a run without images, and the
    figures from a run with them (see :func:`place_figures`).
    """
    import trafilatura

    try:
        return trafilatura.bare_extraction(
            tree,
            with_metadata=True,
            include_comments=False,
            include_formatting=True,
            include_links=True,
            include_images=images,
            include_tables=True,
            # No free-text date hunting: a date must be marked up as one (or sit in the URL).
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, lxml.etree.LxmlError):
        return None


def _searched_date(tree: HtmlElement) -> str | None:
    """htmldate's best date, free text included: used only when the markup declares none or a UTC one."""
    import htmldate

    try:
        found = htmldate.find_date(tree, original_date=True, extensive_search=True)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, lxml.etree.LxmlError):
        return None
    return found if isinstance(found, str) else None


def _extracted_meta(document: Any, searched_date: str | None = None) -> Extracted:
    if document is None:
        return Extracted(searched_date=searched_date)
    body = getattr(document, "body", None)
    head = body.find(".//head") if body is not None else None
    return Extracted(
        heading="".join(head.itertext()) if head is not None else None,
        title=document.title,
        author=document.author,
        date=document.date,
        sitename=document.sitename,
        description=document.description,
        url=document.url,
        tags=tuple(document.tags or ()),
        searched_date=searched_date,
    )
