"""DOCX through pandoc, styled by a reference document built from the theme.

The article goes to pandoc as JSON (one sandboxed process per document)
with ``--reference-doc``; afterwards the package is touched up: the core
properties get the article's real dates (sandboxed pandoc writes 1970) and
the ``data:`` URIs pandoc copies into image descriptions are dropped, since
the image itself is already embedded. The output is deterministic: the same
article and theme give the same bytes.

Images: ``data:`` URIs are embedded by pandoc; local files are read here
(pandoc's sandbox reads no files), only below ``options.base_dir`` and
only if they are images; remote images are not fetched. An image over the
``image_pixels`` limit (a "pixel bomb": pandoc decodes some PNGs whole and
runs out of heap) or an SVG declaring XML entities is dropped too. A dropped
image shows its alt text and caption, and is named with ``base.warn``.
"""

from __future__ import annotations

import base64
import mimetypes
import re
import zipfile
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlparse

from lxml import etree

from .. import limits
from ..base import ExportOptions, warn
from ..dates import w3cdtf
from ..errors import ExportError, LimitError
from ..locale.language import likely_script
from ..locale.script import article_direction
from ..model import Article, Metadata
from ..pandoc_ast import article_to_pandoc, xml_safe
from ..pandoc_run import write_from_json
from ..theme import Theme
from ._docx_reference import reference_docx, rewrite_members
from ._shared import BookByBundle, decode_data_uri

#: Local images larger than this are left out (pandoc shows the alt text).
MAX_IMAGE_BYTES = 20 * 1024 * 1024

_CP = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties"
_DC = "http://purl.org/dc/elements/1.1/"
_DCTERMS = "http://purl.org/dc/terms/"
_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_DATA_DESCR = re.compile(rb'(<pic:cNvPr descr=")data:[^"]*(")')
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
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
    description: ClassVar[str] = "Word document (pandoc), styled from the theme"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        reference = reference_docx(style)
        inliner = ImageInliner(options.base_dir)
        doc = article_to_pandoc(article, for_docx=True, resolve_src=inliner, notes=options.notes)
        args = ["--reference-doc", str(reference)]
        if article_direction(article) == "rtl":
            args += ["--metadata", "dir=rtl"]  # pandoc: w:bidi on paragraphs, w:rtl on runs
        data = write_from_json(doc, "docx", extra_args=args)
        for src, why in inliner.skipped:
            warn(f"docx: skipped image {_shown(src)} ({why})")
        return finish_docx(data, article.meta, rtl=article_direction(article) == "rtl")


class _Skipped(Exception):
    """An image that is not embedded; the message says why."""


class ImageInliner:
    """Decides each figure's image: a ``data:`` URI pandoc embeds, or ``None`` (dropped).

    Local files become ``data:`` URIs, confined to ``base_dir``. ``skipped``
    collects ``(src, reason)`` for every image dropped.
    """

    def __init__(self, base_dir: Path | None) -> None:
        self.base = base_dir.resolve() if base_dir is not None else None
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
            raise _Skipped("remote images are not fetched")
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
            if not mime.startswith("image/") or not path.is_file():
                raise _Skipped("not an image file")
            if path.stat().st_size > MAX_IMAGE_BYTES:
                raise _Skipped(f"larger than {MAX_IMAGE_BYTES // 2**20} MiB")
            data = path.read_bytes()
        except OSError as exc:
            raise _Skipped(f"cannot be read: {exc.strerror or exc}") from None
        _check(data)
        return f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"


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


def finish_docx(data: bytes, meta: Metadata, *, rtl: bool = False) -> bytes:
    """pandoc's DOCX with fixed core properties, document language and lean image descriptions; ``rtl`` marks every paragraph."""
    edits = {
        "docProps/core.xml": lambda member: fix_core(member, meta),
        "word/styles.xml": lambda member: fix_styles_language(member, meta.language),
        "word/document.xml": lambda member: _DATA_DESCR.sub(rb"\1\2", member),
    }
    if rtl:
        edits["word/document.xml"] = lambda member: bidi_paragraphs(_DATA_DESCR.sub(rb"\1\2", member))
        edits["word/footnotes.xml"] = bidi_paragraphs
    try:
        return rewrite_members(data, edits)
    except (zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise ExportError(f"pandoc wrote a damaged DOCX: {exc}") from None
