"""The DOCX reference document built from a theme's tokens.

pandoc styles a DOCX after a "reference document": it copies that
document's ``word/styles.xml`` and page setup. We start from pandoc's own
``reference.docx`` and rewrite Word's built-in styles (Normal, Body Text,
Title, Subtitle, Heading 1-9, Block Text, Footnote Text, captions,
Hyperlink) with the theme's fonts, sizes and colours, add the styles our
pandoc Divs and Spans ask for (``Notes``, ``Attribution``, ``Bio``,
``Dateline``) and set the page size and margins. So a user who restyles the DOCX in Word edits
the same named styles the theme set.

Styles are edited in place with lxml; children are inserted in the order
the OOXML schema requires, because Word refuses a document whose elements
are out of order.

The result depends on the tokens only; it is built once per process and
token set and kept in a per-user cache file, since pandoc wants a path.
"""

from __future__ import annotations

import atexit
import contextlib
import hashlib
import io
import json
import os
import re
import stat
import tempfile
import threading
import zipfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from ..errors import ExportError
from ..pandoc_ast import DOCX_STYLES
from ..pandoc_run import default_data_file
from ..theme import Theme

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_W = f"{{{W}}}"

# Schema order of children (ECMA-376 CT_Style, CT_PPr, CT_RPr, CT_SectPr).
STYLE_ORDER = (
    "name aliases basedOn next link autoRedefine hidden uiPriority semiHidden unhideWhenUsed qFormat "
    "locked personal personalCompose personalReply rsid pPr rPr tblPr trPr tcPr tblStylePr"
).split()
PPR_ORDER = (
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr shd "
    "tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN bidi "
    "adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
    "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange"
).split()
RPR_ORDER = (
    "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
    "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
    "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath"
).split()
SECTPR_ORDER = (
    "headerReference footerReference footnotePr endnotePr type pgSz pgMar paperSrc pgBorders lnNumType "
    "pgNumType cols formProt vAlign noEndnote titlePg textDirection bidi rtlGutter docGrid "
    "printerSettings sectPrChange"
).split()
PBDR_ORDER = "top left bottom right between bar".split()

#: Page sizes in millimetres (width, height).
PAGE_SIZES_MM = {
    "a3": (297.0, 420.0),
    "a4": (210.0, 297.0),
    "a5": (148.0, 210.0),
    "b5": (176.0, 250.0),
    "letter": (215.9, 279.4),
    "legal": (215.9, 355.6),
}
_UNIT_MM = {"mm": 1.0, "cm": 10.0, "in": 25.4, "pt": 25.4 / 72, "px": 25.4 / 96}

_lock = threading.Lock()
_paths: dict[str, Path] = {}


# --------------------------------------------------------------------------
# Token parsing


def length_mm(value: Any) -> float | None:
    """``"22mm"``, ``"2cm"``, ``"1in"``, ``"12pt"`` in millimetres; ``None`` if unreadable."""
    m = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*(mm|cm|in|pt|px)\s*", str(value))
    return float(m.group(1)) * _UNIT_MM[m.group(2)] if m else None


def twips(mm: float) -> int:
    return round(mm * 1440 / 25.4)


def half_points(value: Any) -> int | None:
    """A font size token (``"10.5pt"``, ``14``) in Word's half-points."""
    m = re.fullmatch(r"\s*([0-9]*\.?[0-9]+)\s*(pt|px)?\s*", str(value))
    if not m:
        return None
    pt = float(m.group(1)) * (0.75 if m.group(2) == "px" else 1.0)
    return round(pt * 2)


def hex_color(value: Any) -> str | None:
    """``#1a1a1a`` / ``#abc`` as Word's ``1A1A1A``; ``None`` for anything else."""
    m = re.fullmatch(r"\s*#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\s*", str(value))
    if not m:
        return None
    digits = m.group(1)
    if len(digits) == 3:
        digits = "".join(d * 2 for d in digits)
    return digits.upper()


def page_size_mm(value: Any) -> tuple[float, float]:
    """``"A4"``, ``"letter landscape"`` or ``"210mm 297mm"``; A4 when unreadable."""
    words = str(value or "A4").lower().split()
    landscape = "landscape" in words
    words = [w for w in words if w not in ("landscape", "portrait")]
    size = PAGE_SIZES_MM.get(words[0]) if len(words) == 1 else None
    if len(words) == 2:
        w, h = length_mm(words[0]), length_mm(words[1])
        size = (w, h) if w and h else None
    width, height = size or PAGE_SIZES_MM["a4"]
    return (height, width) if landscape else (width, height)


def first_family(value: Any) -> str | None:
    """The first family of a CSS font stack (``"'Source Serif 4', serif"`` -> ``Source Serif 4``)."""
    if not value:
        return None
    head = str(value).split(",")[0].strip().strip("'\"")
    return head or None


# --------------------------------------------------------------------------
# XML helpers


def _w(tag: str) -> str:
    return _W + tag


def _child(parent: etree._Element, tag: str, order: Sequence[str]) -> etree._Element:
    """``parent``'s ``w:tag`` child, created in its schema position if missing."""
    found = parent.find(_w(tag))
    if found is not None:
        return found
    new = etree.Element(_w(tag))
    rank = order.index(tag)
    for i, existing in enumerate(parent):
        local = etree.QName(existing).localname
        if local in order and order.index(local) > rank:
            parent.insert(i, new)
            return new
    parent.append(new)
    return new


def _set(el: etree._Element, **attrs: str) -> None:
    for key, value in attrs.items():
        el.set(_w(key), value)


def _style(
    root: etree._Element,
    style_id: str,
    *,
    name: str | None = None,
    based_on: str = "BodyText",
    kind: str = "paragraph",
) -> etree._Element:
    """The style ``style_id``; a new paragraph style when ``name`` is given and it is missing."""
    for el in root.iterfind(_w("style")):
        if el.get(_w("styleId")) == style_id:
            return el
    if name is None:
        raise ExportError(f"pandoc's reference.docx has no {style_id!r} style")
    el = etree.SubElement(root, _w("style"))
    _set(el, type=kind, customStyle="1", styleId=style_id)
    _set(_child(el, "name", STYLE_ORDER), val=name)
    _set(_child(el, "basedOn", STYLE_ORDER), val=based_on)
    _child(el, "qFormat", STYLE_ORDER)
    return el


def _run_props(
    rpr: etree._Element,
    *,
    font: str | None = None,
    size: int | None = None,
    color: str | None = None,
    bold: bool | None = None,
    italic: bool | None = None,
) -> None:
    if font:
        fonts = _child(rpr, "rFonts", RPR_ORDER)
        for attr in list(fonts.attrib):
            if attr.endswith("Theme") or attr.endswith("theme"):
                del fonts.attrib[attr]  # a theme font would win over the name in Word
        _set(fonts, ascii=font, hAnsi=font, cs=font, eastAsia=font)
    for tag, flag in (("b", bold), ("i", italic)):
        if flag is not None:
            _set(_child(rpr, tag, RPR_ORDER), val="1" if flag else "0")
    if color:
        el = _child(rpr, "color", RPR_ORDER)
        for attr in list(el.attrib):
            del el.attrib[attr]
        _set(el, val=color)
    if size:
        _set(_child(rpr, "sz", RPR_ORDER), val=str(size))
        _set(_child(rpr, "szCs", RPR_ORDER), val=str(size))


def _restyle(style: etree._Element, **props: Any) -> None:
    _run_props(_child(style, "rPr", STYLE_ORDER), **props)


def _ppr(style: etree._Element) -> etree._Element:
    return _child(style, "pPr", STYLE_ORDER)


# --------------------------------------------------------------------------
# Building


def _tokens_key(theme: Theme) -> str:
    data = json.dumps(theme.tokens, sort_keys=True, default=str).encode()
    return hashlib.sha256(data).hexdigest()[:24]


def rewrite_styles(styles_xml: bytes, theme: Theme) -> bytes:
    """``word/styles.xml`` with the theme's fonts, sizes and colours."""
    root = etree.fromstring(styles_xml)
    tok = theme.token
    body_font = tok("fonts", "docx_body") or first_family(tok("fonts", "body"))
    head_font = tok("fonts", "docx_heading") or first_family(tok("fonts", "heading")) or body_font
    mono_font = tok("fonts", "docx_mono")
    body = half_points(tok("sizes", "body", "11pt")) or 22
    small = half_points(tok("sizes", "small")) or max(body - 4, 12)
    title = half_points(tok("sizes", "title")) or body * 2
    subtitle = half_points(tok("sizes", "subtitle")) or round(body * 1.25)
    h2 = half_points(tok("sizes", "h2")) or round(body * 1.35)
    h3 = half_points(tok("sizes", "h3")) or round(body * 1.15)
    h1 = half_points(tok("sizes", "h1")) or max(h2 + 4, round((title + h2) / 2))
    text = hex_color(tok("colors", "text"))
    muted = hex_color(tok("colors", "muted")) or text
    accent = hex_color(tok("colors", "accent")) or text
    quote_bg = hex_color(tok("colors", "quote_bg"))
    rule = hex_color(tok("colors", "rule")) or accent

    defaults = root.find(f"{_w('docDefaults')}/{_w('rPrDefault')}/{_w('rPr')}")
    if defaults is not None:
        _run_props(defaults, font=body_font, size=body, color=text)
    for sid in ("Normal", "BodyText"):
        _restyle(_style(root, sid), font=body_font, size=body, color=text)
    line_height = _float(tok("sizes", "line_height"))
    if line_height:
        _set(
            _child(_ppr(_style(root, "BodyText")), "spacing", PPR_ORDER),
            line=str(round(240 * line_height)),
            lineRule="auto",
        )

    _restyle(_style(root, "Title"), font=head_font, size=title, color=text, bold=True)
    _restyle(_style(root, "TitleChar"), font=head_font, size=title, color=text, bold=True)
    _restyle(_style(root, "Subtitle"), font=head_font, size=subtitle, color=muted, bold=False)
    _restyle(_style(root, "SubtitleChar"), font=head_font, size=subtitle, color=muted)
    for sid in ("Title", "Subtitle", "Author", "Date"):
        _set(_child(_ppr(_style(root, sid)), "jc", PPR_ORDER), val="left")
    for sid in ("Author", "Date"):
        _restyle(_style(root, sid), font=body_font, size=body, color=muted)
    sizes = {1: h1, 2: h2, 3: h3}
    for level in range(1, 10):
        size = sizes.get(level, body)
        for sid in (f"Heading{level}", f"Heading{level}Char"):
            _restyle(_style(root, sid), font=head_font, size=size, color=text, bold=True)

    block = _style(root, "BlockText")
    _restyle(block, font=body_font, size=body, color=text)
    if quote_bg:
        _set(_child(_ppr(block), "shd", PPR_ORDER), val="clear", color="auto", fill=quote_bg)
    if rule:
        left = _child(_child(_ppr(block), "pBdr", PPR_ORDER), "left", PBDR_ORDER)
        _set(left, val="single", sz="18", space="8", color=accent or rule)

    for sid in ("FootnoteText", "FootnoteBlockText"):
        _restyle(_style(root, sid), font=body_font, size=small, color=text)
    for sid in ("Caption", "ImageCaption", "TableCaption"):
        _restyle(_style(root, sid), font=body_font, size=small, color=muted, italic=True)
    if accent:
        _restyle(_style(root, "Hyperlink"), color=accent)
    if mono_font:
        _restyle(_style(root, "VerbatimChar"), font=mono_font)

    notes = _style(root, DOCX_STYLES["notes"], name=DOCX_STYLES["notes"])
    _restyle(notes, font=body_font, size=small, color=muted)
    bio = _style(root, DOCX_STYLES["bio"], name=DOCX_STYLES["bio"])
    _restyle(bio, font=body_font, size=small, color=muted, italic=True)
    attribution = _style(
        root, DOCX_STYLES["attribution"], name=DOCX_STYLES["attribution"], based_on="BlockText"
    )
    _restyle(attribution, italic=True, color=muted)
    _set(_child(_ppr(attribution), "jc", PPR_ORDER), val="right")
    dateline = _style(
        root,
        DOCX_STYLES["dateline"],
        name=DOCX_STYLES["dateline"],
        based_on="DefaultParagraphFont",
        kind="character",
    )
    _restyle(dateline, bold=True)
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _float(value: Any) -> float | None:
    try:
        return float(value) if value is not None else None
    except (TypeError, ValueError):
        return None


def rewrite_page(document_xml: bytes, theme: Theme) -> bytes:
    """``word/document.xml`` whose final section has the theme's page size and margins."""
    root = etree.fromstring(document_xml)
    body = root.find(_w("body"))
    if body is None:
        raise ExportError("pandoc's reference.docx has no document body")
    sect = body.find(_w("sectPr"))
    if sect is None:
        sect = etree.SubElement(body, _w("sectPr"))
    width, height = page_size_mm(theme.token("page", "size"))
    _set(_child(sect, "pgSz", SECTPR_ORDER), w=str(twips(width)), h=str(twips(height)))

    def margin(key: str, default: float = 25.0) -> str:
        return str(twips(length_mm(theme.token("page", key)) or default))

    _set(
        _child(sect, "pgMar", SECTPR_ORDER),
        top=margin("margin_top"),
        bottom=margin("margin_bottom"),
        left=margin("margin_inside"),
        right=margin("margin_outside"),
        header="708",
        footer="708",
        gutter="0",
    )
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def rewrite_members(data: bytes, edits: Mapping[str, Callable[[bytes], bytes]]) -> bytes:
    """The zip package ``data`` with the members named in ``edits`` passed through their function.

    Every member gets a fixed timestamp, so the same input gives the same
    bytes. Raises ``zipfile.BadZipFile`` or ``etree.XMLSyntaxError`` for a
    damaged package; callers say whose package it was.
    """
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = src.read(info)
            if (edit := edits.get(info.filename)) is not None:
                member = edit(member)
            dst.writestr(zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0)), member)
    return out.getvalue()


def build_reference_docx(theme: Theme) -> bytes:
    """A reference document for ``theme``, as DOCX bytes (deterministic)."""
    edits = {
        "word/styles.xml": lambda data: rewrite_styles(data, theme),
        "word/document.xml": lambda data: rewrite_page(data, theme),
    }
    try:
        return rewrite_members(default_data_file("reference.docx"), edits)
    except (zipfile.BadZipFile, etree.XMLSyntaxError) as exc:
        raise ExportError(f"pandoc's reference.docx is unreadable: {exc}") from None


def _cache_dir() -> Path | None:
    """A folder only this user can write, shared by this user's processes; ``None`` if unsafe."""
    folder = Path(tempfile.gettempdir()) / f"broadsheet-{os.getuid() if hasattr(os, 'getuid') else 'user'}"
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None
    if hasattr(os, "getuid") and (
        not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077
    ):
        return None
    return folder


def reference_docx(theme: Theme) -> Path:
    """The path of ``theme``'s reference document, built on first use in this process.

    The file lives in a per-user cache folder under the temporary directory,
    named after the tokens, so the workers of a batch share one file and a
    worker that exits without cleanup leaves nothing new behind. Its bytes
    are checked once per process and rewritten (atomically) if they differ.
    """
    key = _tokens_key(theme)
    with _lock:
        path = _paths.get(key)
        if path is not None and path.is_file():
            return path
        data = build_reference_docx(theme)
        folder = _cache_dir()
        if folder is None:
            path = _private_copy(data, key)
        else:
            path = folder / f"reference-{key}.docx"
            try:
                current: bytes | None = path.read_bytes()
            except OSError:
                current = None
            if current != data:
                fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".reference-{key}.", suffix=".tmp")
                with os.fdopen(fd, "wb") as fh:
                    fh.write(data)
                os.replace(tmp, path)
        _paths[key] = path
        return path


def _private_copy(data: bytes, key: str) -> Path:
    fd, name = tempfile.mkstemp(prefix=f"broadsheet-ref-{key[:8]}-", suffix=".docx")
    with os.fdopen(fd, "wb") as fh:
        fh.write(data)
    path = Path(name)
    atexit.register(_unlink, path)
    return path


def _unlink(path: Path) -> None:
    with contextlib.suppress(OSError):
        path.unlink()
