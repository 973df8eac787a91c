"""DOCX styled by a reference document built from the theme: written directly, or by pandoc.

The article is mapped to pandoc's JSON (:mod:`convert.pandoc_ast`) either way.
By default :mod:`._docx_direct` writes the WordprocessingML from that JSON
in this process, element for element as pandoc's DOCX writer would, inside
the parts pandoc writes around every document (:mod:`._docx_package`); an
article holding something only pandoc renders falls back to pandoc. Setting
``BROADSHEET_DOCX=pandoc`` always uses pandoc, for comparison.

On the pandoc path the JSON goes to one sandboxed pandoc process per document
with ``--reference-doc``; afterwards the package is touched up: the core
properties get the article's real dates (sandboxed pandoc writes 1970) and
the ``data:`` URIs pandoc copies into image descriptions are dropped, since
the image itself is already embedded. The output is deterministic: the same
article and theme give the same bytes.

Images: ``data:`` URIs are embedded by pandoc; local files are read here
(pandoc's sandbox reads no files), only below ``options.base_dir`` and
only if they are images; remote images are fetched only with
``options.allow_remote`` (within ``allowed_hosts``), as the other exporters
fetch them (:class:`~convert.fetch.ImageLoader`). An image over the
``image_pixels`` limit (a "pixel bomb": pandoc decodes some PNGs whole and
runs out of heap) or an SVG declaring XML entities is dropped too. A dropped
image shows its alt text and caption, and is named with ``base.warn``.
"""

from __future__ import annotations

import base64
import functools
import io
import mimetypes
import os
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar
from urllib.parse import unquote, urlparse

from lxml import etree

from .. import limits
from ..base import ExportOptions, warn
from ..dates import w3cdtf
from ..errors import ExportError, LimitError
from ..locale.language import likely_script
from ..locale.script import article_direction
from ..model import Article, Metadata
from ..pandoc_ast import Json, article_to_pandoc, xml_safe
from ..pandoc_run import write_from_json
from ..theme import Theme
from ._docx_direct import Unsupported, Writer, make_sections
from ._docx_package import assemble, core_xml, custom_xml, numbering, relationships, skeleton
from ._docx_reference import reference_docx, rewrite_members
from ._docx_source import docx_json
from ._shared import BookByBundle, decode_data_uri

if TYPE_CHECKING:
    from ..fetch import ImageLoader

#: Local images larger than this are left out (pandoc shows the alt text).
MAX_IMAGE_BYTES = 20 * 1024 * 1024

_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_DATA_DESCR = re.compile(rb'(<pic:cNvPr descr=")data:[^"]*(")')
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_M = "http://schemas.openxmlformats.org/officeDocument/2006/math"
#: ``w:pPr`` children that follow ``w:bidi`` in the schema's sequence (ECMA-376 Part 1, §17.3.1.26).
_AFTER_BIDI = frozenset(
    f"{{{_W}}}{name}"
    for name in (
        "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc"
        " textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
    ).split()
)


class DocxExporter(BookByBundle):
    book_builder: ClassVar[str] = "bundle_docx_book"
    name: ClassVar[str] = "docx"
    extension: ClassVar[str] = "docx"
    media_type: ClassVar[str] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    description: ClassVar[str] = "Word document styled from the theme (as pandoc writes it)"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        reference = reference_docx(style)
        # The direct writer knows page-foot notes only; end notes (``--notes end``) go to pandoc.
        if options.notes == "foot" and os.environ.get("BROADSHEET_DOCX", "").strip().lower() != "pandoc":
            inliner = ImageInliner(options.base_dir, remote_loader(options))
            try:
                data = write_direct(article, reference, inliner)
            except Unsupported:
                pass  # pandoc writes what the direct writer does not know
            else:
                for src, why in inliner.skipped:
                    warn(f"docx: skipped image {_shown(src)} ({why})")
                return data
        return self.export_pandoc(article, reference, options)

    def export_pandoc(self, article: Article, reference: Path, options: ExportOptions) -> bytes:
        """The DOCX pandoc writes (one process), touched up by :func:`finish_docx`."""
        inliner = ImageInliner(options.base_dir, remote_loader(options))
        doc = article_to_pandoc(article, for_docx=True, resolve_src=inliner, notes=options.notes)
        args = ["--reference-doc", str(reference)]
        if article_direction(article) == "rtl":
            args += ["--metadata", "dir=rtl"]  # pandoc: w:bidi on paragraphs, w:rtl on runs
        data = write_from_json(doc, "docx", extra_args=args)
        for src, why in inliner.skipped:
            warn(f"docx: skipped image {_shown(src)} ({why})")
        return finish_docx(data, article.meta, rtl=article_direction(article) == "rtl")


def write_direct(article: Article, reference: Path, inliner: ImageInliner) -> bytes:
    """The DOCX written in this process; :class:`Unsupported` if only pandoc can write it."""
    rtl = article_direction(article) == "rtl"
    doc = docx_json(article, inliner)
    meta = doc["meta"]
    if rtl:
        meta["dir"] = {"t": "MetaString", "c": "rtl"}  # as the pandoc path's --metadata dir=rtl
    base = skeleton(reference)
    writer = Writer(rtl=rtl, load_image=functools.partial(load_image, print_width_pt=base.print_width_pt))
    head = title_block(writer, meta)
    writer.first_para = True
    body = writer.blocks(make_sections(doc["blocks"]))
    document = f"{base.document_open}<w:body>{head}{body}{base.sect_pr}</w:body></w:document>"
    separators = "".join(
        f'<w:footnote w:type="{kind}" w:id="{num}"><w:p>{writer.ppr(None)}<w:r><w:{kind} /></w:r></w:p></w:footnote>'
        for kind, num in (("continuationSeparator", "0"), ("separator", "-1"))
    )
    footnotes = f"{base.footnotes_open}{separators}{''.join(writer.footnotes)}</w:footnotes>"
    images = [writer.images[src] for src in sorted(writer.images)]  # pandoc lists them by source
    media = "".join(f'<Override PartName="/word/{img.part}" ContentType="{img.mime}" />' for img in images)
    rels_open = '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    parts = {
        "[Content_Types].xml": (base.content_types + media + "</Types>").encode("utf-8"),
        "_rels/.rels": base.parts["_rels/.rels"],
        "word/document.xml": document.encode("utf-8"),
        "word/_rels/document.xml.rels": relationships(base.document_rels, images, writer.links),
        "word/_rels/footnotes.xml.rels": relationships(rels_open, [], writer.links),
        "word/numbering.xml": numbering(writer.lists),
        "word/styles.xml": _styles(base.parts["word/styles.xml"], article.meta.language),
        "word/footnotes.xml": footnotes.encode("utf-8"),
        "docProps/core.xml": core_xml(meta, article.meta),
        "docProps/custom.xml": custom_xml(meta),
    }
    for name in (
        "word/comments.xml",
        "word/settings.xml",
        "docProps/app.xml",
        "word/theme/theme1.xml",
        "word/fontTable.xml",
        "word/webSettings.xml",
    ):
        if name in base.parts:
            parts[name] = base.parts[name]
    for img in images:
        parts[f"word/{img.part}"] = img.data
    return assemble(parts)


def title_block(writer: Writer, meta: Json) -> str:
    """Title, subtitle, one paragraph per author and the date, styled as pandoc's template does."""
    out = []

    def para(style: str, inlines: list[Json]) -> None:
        out.append(writer.wrap_para(writer.ppr(style), writer.inlines(inlines)))

    def inlines_of(value: Json) -> list[Json]:
        if value["t"] == "MetaString":
            return [{"t": "Str", "c": value["c"]}]
        return list(value["c"])

    for key, style in (("title", "Title"), ("subtitle", "Subtitle")):
        if key in meta:
            para(style, inlines_of(meta[key]))
    author = meta.get("author")
    if isinstance(author, dict):
        for name in author["c"]:
            para("Author", inlines_of(name))
    if "date" in meta:
        para("Date", inlines_of(meta["date"]))
    return "".join(out)


@functools.lru_cache(maxsize=64)
def _styles(styles_xml: bytes, language: str | None) -> bytes:
    return fix_styles_language(styles_xml, language)


#: Image formats the direct writer embeds, by Pillow's name, with their media type.
_IMAGE_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg", "GIF": "image/gif"}


def load_image(src: str, *, print_width_pt: int) -> tuple[str, bytes, tuple[int, int]]:
    """A figure's image (a ``data:`` URI by now): media type, bytes and pandoc's size in EMU.

    pandoc sizes an image at its pixels over its resolution (72 dpi unless the file
    says), scaled down to the text width when wider.
    """
    from PIL import Image, UnidentifiedImageError

    data = decode_data_uri(src)
    if data is None:
        raise Unsupported("an image pandoc would leave out")
    try:
        with Image.open(io.BytesIO(data)) as img:
            kind, (px, py), dpi = img.format, img.size, img.info.get("dpi")
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, ValueError) as exc:
        raise Unsupported(f"an image Pillow cannot size ({exc})") from None
    mime = _IMAGE_TYPES.get(kind or "")
    declared = src[5:].split(",", 1)[0].split(";", 1)[0].lower()
    if mime is None or declared != mime:
        raise Unsupported(f"a {declared or kind} image")
    # pandoc truncates the resolution to whole dots per inch (3779 dots per metre: 95 dpi).
    dx, dy = (int(dpi[0]), int(dpi[1])) if dpi and int(dpi[0]) > 0 and int(dpi[1]) > 0 else (72, 72)
    x, y = px * 72 / dx * 12700, py * 72 / dy * 12700
    page = print_width_pt * 12700
    if x > page:
        return mime, data, (page, int(page / x * y))
    return mime, data, (int(x), int(y))


class _Skipped(Exception):
    """An image that is not embedded; the message says why."""


class ImageInliner:
    """Decides each figure's image: a ``data:`` URI pandoc embeds, or ``None`` (dropped).

    Local files become ``data:`` URIs, confined to ``base_dir``. ``skipped``
    collects ``(src, reason)`` for every image dropped.
    """

    def __init__(self, base_dir: Path | None, remote: ImageLoader | None = None) -> None:
        self.base = base_dir.resolve() if base_dir is not None else None
        self.remote = remote
        self.skipped: list[tuple[str, str]] = []

    def __call__(self, src: str) -> str | None:
        try:
            return self.data_uri(src)
        except _Skipped as why:
            self.skipped.append((src, str(why)))
            return None

    def data_uri(self, src: str) -> str:
        """The image as a ``data:`` URI; :class:`_Skipped` when it is not embedded."""
        if src.lower().startswith("data:"):
            data = decode_data_uri(src)
            if data is None:
                raise _Skipped("a malformed data: URI")
            _check(data)
            return src
        parsed = urlparse(src)
        if parsed.scheme not in ("", "file"):
            if self.remote is None:
                raise _Skipped("remote resources are off: --allow-remote")
            got = self.remote.load(src)
            if isinstance(got, str):
                raise _Skipped(got)
            _check(got.data)
            return got.data_uri()
        if self.base is None or not src.strip():
            raise _Skipped("no folder to read local images from")
        return self.local(parsed.path, self.base)

    @staticmethod
    def local(url_path: str, base: Path) -> str:
        path = (base / unquote(url_path)).resolve()
        mime = mimetypes.guess_type(path.name)[0] or ""
        try:
            if not path.is_relative_to(base):
                raise _Skipped("outside the input's folder")
            if not path.exists():
                raise _Skipped("no such file")  # as the other exporters say it
            if not mime.startswith("image/") or not path.is_file():
                raise _Skipped("not an image file")
            if path.stat().st_size > MAX_IMAGE_BYTES:
                raise _Skipped(f"larger than {MAX_IMAGE_BYTES // 2**20} MiB")
            data = path.read_bytes()
        except OSError as exc:
            raise _Skipped(f"cannot be read: {exc.strerror or exc}") from None
        _check(data)
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


def remote_loader(options: ExportOptions) -> ImageLoader | None:
    """The loader that fetches remote images under ``options`` (``--allow-remote``), or ``None``."""
    if not options.allow_remote:
        return None
    from ..fetch import ImageLoader  # only when remote images are allowed

    return ImageLoader.for_input(options.base_dir, allow_remote=True, allowed_hosts=options.allowed_hosts)


def _check(data: bytes) -> None:
    """Refuse image bytes that must not reach pandoc: too many pixels, or an SVG with XML entities."""
    refusal = limits.image_refusal(data)
    if refusal:
        raise _Skipped(refusal)
    try:
        limits.check_xml(data, what="SVG image")
    except LimitError:
        raise _Skipped("an SVG image declaring XML entities") from None


def _shown(src: str) -> str:
    """``src`` short enough for a warning line."""
    src = xml_safe(src.strip()) or "(empty source)"  # no control characters on the terminal
    return src if len(src) <= 100 else src[:99] + "…"


def fix_core(core_xml: bytes, meta: Metadata) -> bytes:
    """docProps/core.xml with the article's creation and update dates, or none."""
    root = etree.fromstring(core_xml)
    created = w3cdtf(meta.published)
    modified = w3cdtf(meta.updated) or created
    for tag, value in (("created", created), ("modified", modified)):
        el = root.find(f"{{{_DCTERMS}}}{tag}")
        if value is None:
            if el is not None:
                root.remove(el)
            continue
        if el is None:
            el = etree.SubElement(root, f"{{{_DCTERMS}}}{tag}")
            el.set(f"{{{_XSI}}}type", "dcterms:W3CDTF")
        el.text = value
    if meta.authors and root.find(f"{{{_DC}}}creator") is None:
        etree.SubElement(root, f"{{{_DC}}}creator").text = "; ".join(a.name for a in meta.authors)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


#: Scripts whose characters Word gives the East Asian language slot (ECMA-376 Part 1, 17.3.2.26
#: rFonts: East Asian ranges use ``w:eastAsia``; Latin, Greek and Cyrillic ``w:val``; complex
#: scripts such as Arabic, Hebrew, Thai and the Indic scripts ``w:bidi``).
_EAST_ASIAN = frozenset({"Hans", "Hant", "Hani", "Jpan", "Hira", "Kana", "Kore", "Hang", "Bopo"})
_SIMPLE = frozenset({"Latn", "Cyrl", "Grek"})


def fix_styles_language(styles_xml: bytes, language: str | None) -> bytes:
    """The document default ``w:lang`` from the article's language, never pandoc's ``en-US``.

    pandoc's ``lang`` sets only one of Word's three slots (``w:val``, ``w:eastAsia``,
    ``w:bidi``) and leaves ``en-US`` in ``w:val``, so a Chinese or Arabic document claims
    to be English. Here every slot that applies to the language's script carries its tag,
    the others are dropped (Word's own defaults apply), and an unknown language drops the
    element: a document then claims no language rather than a wrong one.
    """
    root = etree.fromstring(styles_xml)
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    for el in list(root.iterfind(f"{{{w}}}docDefaults/{{{w}}}rPrDefault/{{{w}}}rPr/{{{w}}}lang")):
        if not language:
            parent = el.getparent()
            if parent is not None:
                parent.remove(el)
            continue
        script = likely_script(language)
        slots = {"val": language}
        if script in _EAST_ASIAN:
            slots["eastAsia"] = language
        elif script not in _SIMPLE:
            slots["bidi"] = language
        el.attrib.clear()
        for slot in ("val", "eastAsia", "bidi"):
            if slot in slots:
                el.set(f"{{{w}}}{slot}", slots[slot])
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def bidi_paragraphs(xml: bytes) -> bytes:
    """Every paragraph of a WordprocessingML part marked right to left (``w:bidi``).

    pandoc's ``dir: rtl`` marks the body's paragraphs but not the title block
    (title, author, date) it writes from the metadata.
    """
    root = etree.fromstring(xml)
    for para in root.iter(f"{{{_W}}}p"):
        ppr = para.find(f"{{{_W}}}pPr")
        if ppr is None:
            ppr = etree.Element(f"{{{_W}}}pPr")
            para.insert(0, ppr)
        if ppr.find(f"{{{_W}}}bidi") is not None:
            continue
        bidi = etree.Element(f"{{{_W}}}bidi")
        after = next((child for child in ppr if child.tag in _AFTER_BIDI), None)
        if after is None:
            ppr.append(bidi)
        else:
            after.addprevious(bidi)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


#: Paragraph styles after which pandoc's next body paragraph is a First Paragraph (``stFirstPara``:
#: the title block, a heading, a block quote, a code block, a figure without a caption).
_STARTS_AGAIN = (
    "Title",
    "Subtitle",
    "Author",
    "Date",
    "BlockText",
    "SourceCode",
    "Figure",
    "CaptionedFigure",
)


def rtl_body_styles(xml: bytes) -> bytes:
    """pandoc's right-to-left body paragraphs with the style a left-to-right one gets.

    pandoc writes a Body Text or First Paragraph style only into an empty ``w:pPr``, and
    ``dir: rtl`` has put ``w:bidi`` there, so Word showed them in Normal. A paragraph whose
    ``w:pPr`` holds ``w:bidi`` alone and that has text gets the style pandoc's ``stFirstPara``
    would give it (as the direct writer does): First Paragraph at the start and after a heading,
    a block quote, code, a list, a rule, an uncaptioned figure or display math; Body Text after any other.
    """
    root = etree.fromstring(xml)
    first = True
    for para in root.iter(f"{{{_W}}}p"):
        ppr = para.find(f"{{{_W}}}pPr")
        children = [etree.QName(child).localname for child in ppr] if ppr is not None else []
        style_el = ppr.find(f"{{{_W}}}pStyle") if ppr is not None else None
        style = style_el.get(f"{{{_W}}}val", "") if style_el is not None else ""
        has_text = para.find(f".//{{{_W}}}t") is not None or para.find(f".//{{{_M}}}t") is not None
        if ppr is not None and children == ["bidi"] and has_text:
            style_el = etree.Element(f"{{{_W}}}pStyle")
            style_el.set(f"{{{_W}}}val", "FirstParagraph" if first else "BodyText")
            ppr.insert(0, style_el)
            first = para.find(f".//{{{_M}}}oMathPara") is not None  # as pandoc after display math
        elif style.startswith("Heading") or style in _STARTS_AGAIN or "numPr" in children:
            first = True
        elif para.find(f".//{{{_W}}}pict") is not None:
            first = True  # a rule
        elif has_text:
            first = False  # pandoc's Para in another style (a caption, notes, a cell)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def finish_docx(data: bytes, meta: Metadata, *, rtl: bool = False) -> bytes:
    """pandoc's DOCX with fixed core properties, document language and lean image descriptions; ``rtl`` marks every paragraph."""
    edits = {
        "docProps/core.xml": lambda member: fix_core(member, meta),
        "word/styles.xml": lambda member: fix_styles_language(member, meta.language),
        "word/document.xml": lambda member: _DATA_DESCR.sub(rb"\1\2", member),
    }
    if rtl:
        edits["word/document.xml"] = lambda member: rtl_body_styles(
            bidi_paragraphs(_DATA_DESCR.sub(rb"\1\2", member))
        )
        edits["word/footnotes.xml"] = bidi_paragraphs
    try:
        return rewrite_members(data, edits)
    except (zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise ExportError(f"pandoc wrote a damaged DOCX: {exc}") from None
