"""EPUB 3 through ebooklib: a title page, the article chapter, nav and NCX.

The chapter body is the shared semantic XHTML (``render_xhtml_article``)
inside a document written here, handed to ebooklib as a plain item: its
``EpubHtml`` would re-parse the markup with an HTML parser, and its page-list
code takes every element with an ``epub:type`` and an id for a page.

An EPUB is a closed container, so the tree is fitted to it before rendering:
images become manifest items through :class:`convert.fetch.ImageLoader`, the
policy the PDF exporter follows: ``data:`` images, files in the input's folder
(``options.base_dir``) and below, and remote images only with
``options.allow_remote`` (fetched then, within ``allowed_hosts``). Any other
image falls back to its alt text and caption and is named with
``base.warn``, as are images that do not decode, are over the
``image_pixels`` limit or are not PNG, JPEG, GIF, WebP or SVG;
links to files outside the book or to missing anchors lose their ``href``,
heading ids are made unique. ebooklib stamps zip entries
with the wall clock and ``dcterms:modified`` with "now", so both are pinned:
the same article always gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import io
import json
import struct
import zipfile
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ebooklib import epub

from ..base import ExportOptions, warn
from ..dates import parse_iso
from ..errors import ExportError
from ..locale import is_rtl, primary
from ..locale.script import article_direction
from ..locale.text import N_, byline, label
from ..model import (
    Article,
    Figure,
    Metadata,
    plain_text,
    to_json,
)
from ..theme import Theme
from ._cover import CoverImage, cover_image
from ._epub_fonts import EmbeddedFont, embedded_fonts
from ._shared import BookByBundle, author_names, decode_data_uri
from .html import (
    code_stylesheet,
    date_markup,
    dir_attr,
    figure_as_text,
    head_meta,
    render_xhtml_article,
    script_css,
)

if TYPE_CHECKING:
    pass

from ._epub_fit import (  # noqa: E402  (kept importable from here)
    EmbeddedImage,
    _e,
    _xml_safe,
    book_language,
    embed_image,
    fit_article,
    sections,
    skipped_lines,
    xml_text,
)

__all__ = ["EpubExporter", "decode_data_uri", "embed_image", "figure_as_text", "fit_article", "xml_text"]

COVER_HREF = "cover.xhtml"
CHAPTER_HREF = "chapter.xhtml"
NAV_HREF = "nav.xhtml"
CSS_HREF = "style/epub.css"
#: The title of an article without one (translated with :func:`convert.locale.text.label`).
UNTITLED = N_("Untitled article")
#: dcterms:modified and zip dates when the article has no date at all.
EPOCH = dt.datetime(1980, 1, 1)

# --------------------------------------------------------------------------
# Dates


def modified_stamp(meta: Metadata) -> dt.datetime:
    """``dcterms:modified`` as naive UTC: updated, else published, else EPOCH.

    Derived from the article, never from the clock, so output is reproducible.
    """
    for value in (meta.updated, meta.published):
        parsed = parse_iso(value)
        if isinstance(parsed, dt.datetime):
            if parsed.tzinfo is not None:
                parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
            return parsed.replace(microsecond=0)
        if isinstance(parsed, dt.date):
            return dt.datetime(parsed.year, parsed.month, parsed.day)
    return EPOCH


def zip_stamp(moment: dt.datetime) -> tuple[int, int, int, int, int, int]:
    """A zip entry date (1980-2107, even seconds) for ``moment``."""
    moment = min(max(moment, EPOCH), dt.datetime(2107, 12, 31, 23, 59, 58))
    return (moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second // 2 * 2)


def content_identifier(article: Article) -> str:
    """``urn:sha256:`` of the article's JSON form, for articles without an identifier."""
    data = json.dumps(to_json(article), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return "urn:sha256:" + hashlib.sha256(data.encode("utf-8")).hexdigest()


# --------------------------------------------------------------------------
# Documents


def xhtml_document(lang: str, head: list[str], body: str, body_type: str, direction: str = "ltr") -> bytes:
    """An EPUB XHTML content document linking the theme's stylesheet; ``direction`` from the locale layer."""
    text = (
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"'
        f' lang="{_e(lang)}" xml:lang="{_e(lang)}"{dir_attr(direction)}>\n<head>\n'
        + "\n".join(head)
        + f'\n<link rel="stylesheet" type="text/css" href="{CSS_HREF}"/>\n</head>\n'
        f'<body epub:type="{body_type}">\n{body}\n</body>\n</html>\n'
    )
    return _xml_safe(text).encode("utf-8")


def title_page(meta: Metadata, article: Article) -> bytes:
    """The cover: publisher, title, subtitle, byline and dates, as text."""
    lang = book_language(meta)
    title_page_label = label("Title page", meta.language)
    out = [f'<section class="title-page" epub:type="titlepage" aria-label="{_e(title_page_label)}">']
    if meta.publisher:
        out.append(f'<p class="kicker">{_e(meta.publisher)}</p>')
    out.append(f'<h1 class="title">{_e(meta.title or label(UNTITLED, meta.language))}</h1>')
    if meta.subtitle:
        out.append(f'<p class="subtitle">{_e(meta.subtitle)}</p>')
    by = byline(author_names(article), meta.language)
    if by:
        out.append(f'<p class="byline">{_e(by)}</p>')
    if meta.published:
        shown = date_markup(meta.published, meta.language, article_direction(article) == "rtl")
        out.append(f'<p class="dates"><time datetime="{_e(meta.published)}">{shown}</time></p>')
    out.append("</section>")
    head = [f"<title>{_e(meta.title or label(UNTITLED, meta.language))}</title>"]
    return xhtml_document(lang, head, "\n".join(out), "frontmatter", article_direction(article))


def chapter(article: Article, theme: Theme | None = None, notes: str = "foot") -> bytes:
    """The article itself: the shared XHTML, with the page head the HTML exporter writes."""
    lang = book_language(article.meta)
    body = render_xhtml_article(article, theme, notes)
    return xhtml_document(lang, head_meta(article), body, "bodymatter", article_direction(article))


# --------------------------------------------------------------------------
# The book


def add_metadata(book: Any, meta: Metadata, identifier: str) -> None:
    """Dublin Core fields; empty values are left out (epubcheck rejects empty elements)."""
    book.set_identifier(identifier)
    book.set_title(xml_text(meta.title) or label(UNTITLED, meta.language))
    book.set_language(book_language(meta))
    names = [n for n in (xml_text(a.name) for a in meta.authors) if n]
    for i, name in enumerate(names, 1):
        book.add_author(name, role="aut", uid=f"creator-{i}")
    if meta.published:
        book.add_metadata("DC", "date", meta.published.strip())
    for name, value in (
        ("publisher", meta.publisher),
        ("description", meta.description),
        ("rights", meta.rights),
        ("source", meta.url),
    ):
        text = xml_text(value)
        if text:
            book.add_metadata("DC", name, text)
    for keyword in meta.keywords:
        text = xml_text(keyword)
        if text:
            book.add_metadata("DC", "subject", text)
    book.set_unique_metadata("OPF", "generator", "", {"name": "generator", "content": "Broadsheet"})


# --------------------------------------------------------------------------
# Accessibility (EPUB Accessibility 1.1, schema.org vocabulary)

#: The conformance claim, spelled as EPUB Accessibility 1.1 section 4.1 lists it
#: (and as DAISY Ace checks it).
CONFORMS_TO = "EPUB Accessibility 1.1 - WCAG 2.1 Level AA"
#: Who makes the claim: the generator, from the structure it writes (see the README).
CERTIFIED_BY = "Broadsheet"


@dataclass(frozen=True, slots=True)
class Accessibility:
    """What a book holds that its accessibility metadata describes."""

    articles: int
    images: int
    #: Images with alt text (a caption alone does not count as a text alternative).
    described: int
    #: Images with alt text or a caption: their content is available as text.
    with_text: int

    @classmethod
    def of(cls, articles: list[Article]) -> Accessibility:
        """Counted on the fitted articles, so images left out (written as text) do not count."""
        from ..model import walk

        figures = [
            node
            for article in articles
            for node in walk((*article.body, *(b for note in article.notes for b in note.body)))
            if isinstance(node, Figure)
        ]
        return cls(
            articles=len(articles),
            images=len(figures),
            described=sum(1 for f in figures if f.alt.strip()),
            with_text=sum(1 for f in figures if f.alt.strip() or plain_text(f.caption).strip()),
        )

    def access_modes(self) -> list[str]:
        return ["textual", "visual"] if self.images else ["textual"]

    def sufficient(self) -> list[str]:
        """Sets of access modes that each convey the whole content."""
        if not self.images:
            return ["textual"]
        if self.with_text == self.images:
            return ["textual", "textual,visual"]
        return ["textual,visual"]

    def features(self) -> list[str]:
        out = ["structuralNavigation", "tableOfContents", "readingOrder", "displayTransformability"]
        if self.images and self.described == self.images:
            out.append("alternativeText")
        return out

    def summary(self) -> str:
        """``schema:accessibilitySummary``: a sentence a person reads before choosing the book."""
        what = "one article" if self.articles == 1 else f"{self.articles} articles"
        parts = [
            f"A reflowable EPUB 3 of {what}: headings mark its structure, a table of contents "
            "and landmarks lead to each part, and the reading order is the order of the text.",
            "The text reflows and takes the reading system's font and size; "
            "links are underlined, not told apart by colour alone.",
        ]
        if self.images:
            if self.described == self.images:
                parts.append("Every image has a text alternative.")
            elif self.with_text == self.images:
                parts.append("Every image is described by its alt text or its caption.")
            else:
                missing = self.images - self.with_text
                parts.append(f"{missing} of {self.images} images have no text alternative.")
        parts.append("No flashing, motion or sound hazards.")
        return " ".join(parts)

    def conforms(self) -> bool:
        """Whether the book may claim WCAG AA: every image has a text alternative."""
        return self.with_text == self.images


def add_accessibility(book: Any, info: Accessibility, language: str) -> None:
    """schema.org accessibility metadata and the conformance claim, in the package document.

    The summary is written in English; a book in another language marks it ``xml:lang="en"``.
    """

    def meta(prop: str, value: str, **extra: str) -> None:
        book.add_metadata(None, "meta", value, {"property": prop, **extra})

    for mode in info.access_modes():
        meta("schema:accessMode", mode)
    for modes in info.sufficient():
        meta("schema:accessModeSufficient", modes)
    for feature in info.features():
        meta("schema:accessibilityFeature", feature)
    meta("schema:accessibilityHazard", "none")
    english = {} if primary(language) == "en" else {"{http://www.w3.org/XML/1998/namespace}lang": "en"}
    meta("schema:accessibilitySummary", info.summary(), **english)
    if info.conforms():
        meta("dcterms:conformsTo", CONFORMS_TO)
        meta("a11y:certifiedBy", CERTIFIED_BY)


def make_nav(language: str) -> Any:
    """The navigation document: contents and landmarks, right to left for an RTL language."""
    return epub.EpubNav(
        uid="nav", file_name=NAV_HREF, title=label("Contents", language), direction=direction_of(language)
    )


def direction_of(language: str | None) -> str | None:
    """``"rtl"`` for a right-to-left language, else ``None`` (ebooklib then writes no ``dir``)."""
    return "rtl" if is_rtl(language) else None


def content_item(uid: str, file_name: str, content: bytes) -> Any:
    """An XHTML content document, with the manifest ``properties`` its markup calls for.

    EPUB 3 requires ``mathml`` on a document holding MathML (epubcheck OPF-014)
    and ``svg`` on one holding inline SVG.
    """
    item = epub.EpubItem(uid=uid, file_name=file_name, media_type="application/xhtml+xml", content=content)
    item.properties = [p for p, tag in (("mathml", b"<math"), ("svg", b"<svg")) if tag in content]
    return item


def build_book(
    article: Article,
    images: dict[str, EmbeddedImage],
    css: str,
    identifier: str,
    theme: Theme | None = None,
    notes: str = "foot",
    cover_image: CoverImage | None = None,
    fonts: tuple[EmbeddedFont, ...] = (),
) -> Any:
    meta = article.meta
    title = xml_text(meta.title) or label(UNTITLED, meta.language)
    book = epub.EpubBook()
    add_metadata(book, meta, identifier)
    rtl = article_direction(article) == "rtl"
    if rtl:
        book.set_direction("rtl")  # page-progression-direction on the spine, dir on the package

    style = epub.EpubItem(uid="style", file_name=CSS_HREF, media_type="text/css", content=css.encode("utf-8"))
    cover = epub.EpubItem(
        uid="cover",
        file_name=COVER_HREF,
        media_type="application/xhtml+xml",
        content=title_page(meta, article),
    )
    text = content_item("chapter", CHAPTER_HREF, chapter(article, theme, notes))
    nav = epub.EpubNav(
        uid="nav",
        file_name=NAV_HREF,
        title=label("Contents", meta.language),
        direction="rtl" if rtl else None,
    )
    nav.add_item(style)
    for item in (style, cover, text, nav, epub.EpubNcx(uid="ncx", file_name="toc.ncx")):
        book.add_item(item)
    if cover_image is not None:
        # The cover-image property (and EPUB 2's <meta name="cover">): the picture e-reader
        # libraries show. No page of its own: the title page opens the book.
        book.set_cover(f"images/cover.{cover_image.extension}", cover_image.data, create_page=False)
    for font in fonts:
        book.add_item(
            epub.EpubItem(uid=font.uid, file_name=font.href, media_type=font.media_type, content=font.data)
        )
    for image in sorted(images.values(), key=lambda i: i.href):
        book.add_item(
            epub.EpubItem(
                uid=image.uid, file_name=image.href, media_type=image.media_type, content=image.data
            )
        )

    chapter_link = epub.Link(CHAPTER_HREF, title, "toc-chapter")
    subs = [
        epub.Link(f"{CHAPTER_HREF}#{sid}", name, f"toc-{n}")
        for n, (sid, name) in enumerate(sections(article.body), 1)
    ]
    book.toc = [(chapter_link, subs)] if subs else [chapter_link]
    book.spine = [cover, text]
    book.guide = [
        {"type": "cover", "href": COVER_HREF, "title": label("Title page", meta.language)},
        {"type": "text", "href": CHAPTER_HREF, "title": title},
    ]
    add_accessibility(book, Accessibility.of([article]), book.language)
    return book


class _Writer(epub.EpubWriter):  # type: ignore[misc]
    """ebooklib's writer, with ``xml:lang`` on the package element (Ace's epub-lang)."""

    def _write_opf_file(self, root: Any) -> None:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", self.book.language)
        super()._write_opf_file(root)


def write_book(book: Any, modified: dt.datetime, language: str | None = None) -> bytes:
    options = {
        "mtime": modified,
        "epub3_pages": False,
        "epub3_landmark": True,
        "epub2_guide": True,
        "landmark_title": label("Guide", language),  # the heading ebooklib gives the landmarks nav
        "package_direction": True,
        "compresslevel": 0,  # pin_zip compresses every entry once, afterwards
    }
    buffer = io.BytesIO()
    writer = _Writer(buffer, book, options)
    writer.process()
    writer.write()
    return buffer.getvalue()


#: Entries whose bytes recur from book to book: font subsets, kept per face and character
#: set by ``_fonts.subset``, so a batch of articles in one script embeds the same few files.
_RECURRING = (".ttf", ".otf", ".woff", ".woff2")
#: Images whose own entropy coding leaves deflate almost nothing to take (0.2-0.3 % on
#: photographs, at about 30 ms of CPU per MB): stored, unless a probe finds them compressible.
_PACKED = (".jpg", ".jpeg", ".webp")
#: How much of a packed image the probe deflates (fast level), and the saving that keeps deflate.
_PROBE_BYTES = 1 << 16
_PROBE_SAVING = 0.03
#: zipfile's limit above which an entry needs ZIP64 records (it checks ``size * 1.05``).
_ZIP64_LIMIT = (1 << 31) - 1


@functools.lru_cache(maxsize=64)
def _deflated_recurring(data: bytes) -> bytes:
    return _deflate(data)


def _deflate(data: bytes) -> bytes:
    """Raw deflate at level 9: what ``zipfile`` writes for a ``ZIP_DEFLATED`` entry."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    return compressor.compress(data) + compressor.flush()


def stored(name: str, data: bytes) -> bool:
    """Whether ``pin_zip`` stores an entry: ``mimetype`` (OCF requires it) and packed images.

    A JPEG or WebP is stored when a fast deflate of its first 64 KiB saves under 3 %
    (an image with a large uncompressed thumbnail or profile is still deflated).
    """
    if name == "mimetype":
        return True
    if not name.lower().endswith(_PACKED):
        return False
    head = data[:_PROBE_BYTES]
    probe = zlib.compressobj(1, zlib.DEFLATED, -15)
    return len(probe.compress(head) + probe.flush()) > len(head) * (1 - _PROBE_SAVING)


def pin_zip(raw: bytes, stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """The same entries with fixed dates and attributes, ``mimetype`` first; see :func:`stored`.

    ebooklib's ``writestr`` dates every entry with the local wall clock.
    The records are the bytes ``zipfile`` writes for these entries
    (:func:`_pin_zip_zipfile`, which a test compares with), written here so
    that a font subset seen in an earlier book is not deflated again.
    """
    with zipfile.ZipFile(io.BytesIO(raw)) as src:
        entries = [(info.filename, src.read(info)) for info in src.infolist()]
    entries.sort(key=lambda entry: entry[0] != "mimetype")  # stable: the rest keep their order
    if len(entries) > 0xFFFF or any(len(data) * 1.05 > _ZIP64_LIMIT for _, data in entries):  # ZIP64
        return _pin_zip_zipfile(entries, stamp)
    year, month, day, hour, minute, second = stamp
    dosdate = (year - 1980) << 9 | month << 5 | day
    dostime = hour << 11 | minute << 5 | second // 2
    out = bytearray()
    central = bytearray()
    for name, data in entries:
        try:
            encoded, flags = name.encode("ascii"), 0
        except UnicodeEncodeError:
            encoded, flags = name.encode("utf-8"), 0x800  # zipfile's UTF-8 name flag
        if stored(name, data):
            method, body = zipfile.ZIP_STORED, data
        else:
            recurring = name.lower().endswith(_RECURRING)
            method, body = zipfile.ZIP_DEFLATED, _deflated_recurring(data) if recurring else _deflate(data)
        crc = zlib.crc32(data)
        offset = len(out)
        # version 2.0 to extract and made by, as zipfile's ZipInfo; no extra field
        out += struct.pack(
            "<4s2B4HL2L2H",
            b"PK\x03\x04",
            20,
            0,
            flags,
            method,
            dostime,
            dosdate,
            crc,
            len(body),
            len(data),
            len(encoded),
            0,
        )
        out += encoded
        out += body
        central += struct.pack(
            "<4s4B4HL2L5H2L",
            b"PK\x01\x02",
            20,
            3,
            20,
            0,
            flags,
            method,
            dostime,
            dosdate,
            crc,
            len(body),
            len(data),
            len(encoded),
            0,
            0,
            0,
            0,
            0o100644 << 16,
            offset,
        )
        central += encoded
    start = len(out)
    if start + len(central) > _ZIP64_LIMIT:
        return _pin_zip_zipfile(entries, stamp)
    out += central
    out += struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), start, 0)
    return bytes(out)


def _pin_zip_zipfile(entries: list[tuple[str, bytes]], stamp: tuple[int, int, int, int, int, int]) -> bytes:
    """:func:`pin_zip`'s records through ``zipfile``: the reference, and the path for ZIP64 sizes."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            if stored(name, data):
                info.compress_type = zipfile.ZIP_STORED
                dst.writestr(info, data)
            else:
                info.compress_type = zipfile.ZIP_DEFLATED
                dst.writestr(info, data, compresslevel=9)
    return out.getvalue()


class EpubExporter(BookByBundle):
    book_builder: ClassVar[str] = "bundle_epub"
    name: ClassVar[str] = "epub"
    extension: ClassVar[str] = "epub"
    media_type: ClassVar[str] = "application/epub+zip"
    description: ClassVar[str] = (
        "an EPUB 3 e-book: cover image, title page, the article, contents, the theme's CSS and fonts"
    )

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        skipped: list[tuple[str, str]] = []
        fitted, images = fit_article(
            article,
            skipped,
            base_dir=options.base_dir,
            allow_remote=options.allow_remote,
            allowed_hosts=options.allowed_hosts,
        )
        identifier = xml_text(article.meta.identifier) or content_identifier(article)
        modified = modified_stamp(fitted.meta)
        try:
            parts = (
                style.css("css", "epub_css"),
                script_css(fitted, style, kinds=("css", "epub_css")),
                code_stylesheet(style, [fitted]),
            )
            css = "\n".join(c for c in parts if c)
            fonts = embedded_fonts(fitted, style)
            css = "\n".join([*(f.rule() for f in fonts), css])
            cover = cover_image(fitted, style, options.cover)
            book = build_book(fitted, images, css, identifier, style, options.notes, cover, fonts)
            raw = write_book(book, modified, article.meta.language)
        except (ValueError, TypeError, OSError, zipfile.BadZipFile) as exc:
            raise ExportError(f"epub: cannot write the book: {exc}") from exc
        for line in skipped_lines(skipped):
            warn(line)
        return pin_zip(raw, zip_stamp(modified))
