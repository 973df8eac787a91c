"""Fitting an article to a closed EPUB container: images as manifest items, links and ids that resolve.

Part of :mod:`convert.exporters.epub` (which re-exports these names).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, assert_never
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from ..dates import parse_iso
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
    Math,
    Metadata,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Rule,
    Strong,
    Table,
    Text,
    plain_text,
    replace,
)
from ._shared import footnotes
from ._structure import nested_headings
from .html import figure_as_text, has_figures

if TYPE_CHECKING:
    from ..fetch import ImageLoader


_LANG_RE = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
_ID_RE = re.compile(r"[^\W\d][\w.-]*")
_RENDERER_ID_RE = re.compile(r"fn(ref)?-\d+")  # ids html.Renderer writes for footnotes
_LINK_SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
_NOT_IN_HOST = frozenset('<>"{}|\\^`')
_BAD_PERCENT_RE = re.compile(r"%(?![0-9A-Fa-f]{2})")
_LONG_FRACTION_RE = re.compile(r"(\.\d{3})\d+")
# Characters XML 1.0 forbids, plus C1 controls (mis-decoded cp1252 in practice).
_NOT_XML_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _xml_safe(text: str) -> str:
    return _NOT_XML_RE.sub("", text)


def _e(text: str) -> str:
    return escape(_xml_safe(text), quote=True)


# --------------------------------------------------------------------------
# Images


@dataclass(frozen=True)
class EmbeddedImage:
    href: str
    uid: str
    media_type: str
    data: bytes


def embed_image(src: str, loader: ImageLoader | None = None) -> EmbeddedImage | str:
    """An EPUB item for a figure's image; when it is not embedded, why not.

    ``loader`` applies the resource policy (see :class:`convert.fetch.ImageLoader`);
    without one only ``data:`` images are embedded. Items are named by content,
    so the same image twice is one item.
    """
    from ..fetch import ImageLoader

    image = (loader or ImageLoader()).load(src)
    if isinstance(image, str):
        return image
    digest = hashlib.sha256(image.data).hexdigest()[:16]
    return EmbeddedImage(f"images/{digest}.{image.ext}", f"img-{digest}", image.media_type, image.data)


# --------------------------------------------------------------------------
# Fitting the tree to a closed container


class TreeMap:
    """Rebuilds a tree node by node; subclasses override what they change.

    Blocks and inlines map to tuples, so a node can vanish (an image with no
    text) or unwrap into its children (a link without a usable target).
    """

    def blocks(self, nodes: tuple[Block, ...]) -> tuple[Block, ...]:
        return tuple(out for node in nodes for out in self.block(node))

    def block(self, node: Block) -> tuple[Block, ...]:
        match node:
            case Paragraph(content=c):
                return (Paragraph(self.inlines(c)),)
            case Heading():
                return (self.heading(node),)
            case BlockQuote(body=body, attribution=attribution):
                return (BlockQuote(self.blocks(body), self.inlines(attribution)),)
            case List(items=items, ordered=ordered, start=start):
                return (List(tuple(self.blocks(item) for item in items), ordered, start),)
            case Figure():
                return self.figure(node)
            case Table(head=head, rows=rows, caption=caption):
                return (Table(self.rows(head), self.rows(rows), self.inlines(caption)),)
            case CodeBlock() | Rule():
                return (node,)
            case _:
                assert_never(node)

    def rows(
        self, rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    ) -> tuple[tuple[tuple[Inline, ...], ...], ...]:
        return tuple(tuple(self.inlines(cell) for cell in row) for row in rows)

    def heading(self, node: Heading) -> Heading:
        return Heading(node.level, self.inlines(node.content), node.id)

    def figure(self, node: Figure) -> tuple[Block, ...]:
        return (replace(node, caption=self.inlines(node.caption)),)

    def inlines(self, nodes: tuple[Inline, ...]) -> tuple[Inline, ...]:
        return tuple(out for node in nodes for out in self.inline(node))

    def inline(self, node: Inline) -> tuple[Inline, ...]:
        match node:
            case Text() | Code() | LineBreak() | NoteRef() | Math():
                return (node,)
            case Emph(content=c):
                return (Emph(self.inlines(c)),)
            case Strong(content=c):
                return (Strong(self.inlines(c)),)
            case Quote(content=c):
                return (replace(node, content=self.inlines(c)),)
            case Link():
                return self.link(node)
            case _:
                assert_never(node)

    def link(self, node: Link) -> tuple[Inline, ...]:
        return (replace(node, content=self.inlines(node.content)),)

    def notes(self, notes: tuple[Note, ...]) -> tuple[Note, ...]:
        return tuple(replace(n, body=self.blocks(n.body)) for n in notes)


@dataclass
class Anchors(TreeMap):
    """First pass: unique, valid heading ids, and ``data:`` images as items.

    ``id_map`` maps each id the source gave to the id written, so links to
    it can follow in the second pass. Footnote bodies are written as flat
    text (``flattened``): their headings get no id and their images no item.
    """

    #: Loads images under the resource policy; ``None``: ``data:`` images only.
    loader: ImageLoader | None = None
    images: dict[str, EmbeddedImage] = field(default_factory=dict)
    #: ``(src, reason)`` of every image left out.
    skipped: list[tuple[str, str]] = field(default_factory=list)
    id_map: dict[str, str] = field(default_factory=dict)
    used: set[str] = field(default_factory=set)
    flattened: bool = False
    #: The article's language, for the label of an image left out.
    language: str | None = None

    def block(self, node: Block) -> tuple[Block, ...]:
        if isinstance(node, Heading) and not plain_text(node.content).strip():
            return ()  # a heading with no text names nothing (WCAG 2.4.6; Ace's empty-heading)
        return super().block(node)

    def heading(self, node: Heading) -> Heading:
        content = self.inlines(node.content)
        return Heading(node.level, content, None if self.flattened else self.claim(node.id))

    def claim(self, wanted: str | None) -> str:
        ok = wanted and _ID_RE.fullmatch(wanted) and not _RENDERER_ID_RE.fullmatch(wanted)
        new = wanted if ok and wanted not in self.used else None
        n = len(self.used) + 1
        while new is None or new in self.used:
            new, n = f"section-{n}", n + 1
        self.used.add(new)
        if wanted and wanted not in self.id_map:
            self.id_map[wanted] = new
        return new

    def figure(self, node: Figure) -> tuple[Block, ...]:
        caption = self.inlines(node.caption)
        image = (
            "in a footnote, which the book holds as text"
            if self.flattened
            else embed_image(node.src, self.loader)
        )
        if isinstance(image, EmbeddedImage):
            self.images[image.href] = image
            return (Figure(image.href, node.alt, caption, node.credit),)
        self.skipped.append((node.src, image))
        return figure_as_text(node.alt, caption, node.credit, self.language)

    def article(self, article: Article) -> Article:
        self.language = article.meta.language
        body = self.blocks(article.body)
        referenced = {n.id for n in footnotes(article)}
        notes = []
        for note in article.notes:
            self.flattened = note.id in referenced
            notes.append(replace(note, body=self.blocks(note.body)))
        self.flattened = False
        return Article(article.meta, body, tuple(notes))


@dataclass
class Links(TreeMap):
    """Second pass: keep links a reading system can follow, unwrap the rest."""

    id_map: dict[str, str]

    def link(self, node: Link) -> tuple[Inline, ...]:
        content = self.inlines(node.content)
        href = self.href(node.url)
        if href is None:
            return content
        return (Link(content, href, node.title),)

    def href(self, url: str) -> str | None:
        url = url.strip()
        if url.startswith("#"):
            target = self.id_map.get(unquote(url[1:]))
            return f"#{target}" if target else None
        try:
            parts = urlsplit(url)
        except ValueError:
            return None
        scheme = parts.scheme.lower()
        if scheme not in _LINK_SCHEMES or (scheme != "mailto" and not parts.hostname):
            return None
        netloc = parts.netloc
        if any(c.isspace() or c in _NOT_IN_HOST for c in netloc):
            return None
        if not netloc.isascii():
            try:
                netloc = netloc.encode("idna").decode("ascii")
            except UnicodeError:
                return None
        path, query, fragment = (_quote_url_part(p) for p in (parts.path, parts.query, parts.fragment))
        return urlunsplit((parts.scheme, netloc, path, query, fragment))


def _quote_url_part(text: str) -> str:
    """Percent-encode spaces, non-ASCII and stray ``%``; keep what is already valid."""
    return quote(_BAD_PERCENT_RE.sub("%25", text), safe="!$%&'()*+,/:;=?@~")


def fit_article(
    article: Article,
    skipped: list[tuple[str, str]] | None = None,
    *,
    base_dir: Path | None = None,
    allow_remote: bool = False,
    allowed_hosts: tuple[str, ...] = (),
) -> tuple[Article, dict[str, EmbeddedImage]]:
    """The article as the book holds it, and the images to add to the manifest.

    ``skipped``, when given, receives ``(src, reason)`` for each image left out.
    Local images are read from ``base_dir`` (and below) only; remote ones are
    fetched only with ``allow_remote`` (and, if given, from ``allowed_hosts``).
    """
    loader = None
    if has_figures(article):
        from ..fetch import ImageLoader  # only when there are images

        loader = ImageLoader.for_input(base_dir, allow_remote=allow_remote, allowed_hosts=allowed_hosts)
    anchors = Anchors(loader=loader)
    fitted = anchors.article(nested_headings(article))
    links = Links(anchors.id_map)
    fitted = Article(_fit_meta(fitted.meta), links.blocks(fitted.body), links.notes(fitted.notes))
    if skipped is not None:
        skipped.extend(anchors.skipped)
    return fitted, anchors.images


def skipped_lines(skipped: list[tuple[str, str]]) -> list[str]:
    """One warning line per image left out: ``epub: skipped image SRC (REASON)``."""
    lines = []
    for src, why in skipped:
        shown = src.strip() or "(empty source)"
        shown = shown if len(shown) <= 100 else shown[:99] + "…"
        lines.append(f"epub: skipped image {_xml_safe(shown)} ({why})")
    return lines


def _fit_meta(meta: Metadata) -> Metadata:
    """A language tag the book can declare, dates ``<time>`` accepts, named authors only.

    A title of nothing but spaces or control characters counts as none: ``<title>`` must not be empty.
    """
    return replace(
        meta,
        title=meta.title if xml_text(meta.title) else None,
        authors=tuple(a for a in meta.authors if xml_text(a.name)),
        language=book_language(meta),
        published=_valid_date(meta.published),
        updated=_valid_date(meta.updated),
    )


def _valid_date(value: str | None) -> str | None:
    """An ISO date as HTML's ``datetime`` takes it (at most milliseconds), else ``None``.

    Readable means :func:`convert.dates.parse_iso` reads it; the trim is EPUB's own.
    """
    if not value or parse_iso(value.strip()) is None:
        return None
    return _LONG_FRACTION_RE.sub(r"\1", value.strip())


def book_language(meta: Metadata) -> str:
    """``meta.language`` if well formed, else ``und`` (undetermined, ISO 639-2).

    EPUB requires a ``dc:language``; an article whose language is unknown says ``und``
    there and in its content documents rather than claim a language it may not be in.
    """
    lang = (meta.language or "").strip()
    if not lang:
        return "und"
    return lang if _LANG_RE.fullmatch(lang) else "und"


def sections(body: tuple[Block, ...]) -> list[tuple[str, str]]:
    """(id, label) of the top-level section headings (h2 once rendered)."""
    out = []
    for block in body:
        if isinstance(block, Heading) and block.level <= 2 and block.id:
            label = " ".join(_xml_safe(plain_text(block.content)).split())
            if label:
                out.append((block.id, label))
    return out


def xml_text(value: str | None) -> str | None:
    """``value`` with XML-invalid characters removed and spaces folded; ``None`` when nothing is left."""
    cleaned = " ".join(_xml_safe(value or "").split())
    return cleaned or None
