"""The DOCX package around the direct writer's document: parts, relationships, properties, numbering.

The parts that do not depend on the article (styles, settings, theme, font
table, web settings, comments, app properties, the base relationships and
content types, the section properties) come from a *skeleton*: what pandoc
writes for an empty document with the theme's reference document. It is
made once per process and theme, so it holds exactly what pandoc puts
around every article (its highlighting styles included) and follows the
bundled pandoc when it changes. Everything else is written here.
"""

from __future__ import annotations

import functools
import io
import re
import threading
import zipfile
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ..dates import w3cdtf
from ..errors import ExportError
from ..model import Metadata
from ..pandoc_ast import Json, stringify
from ..pandoc_run import api_version, write_from_json
from ._docx_direct import BASE_LIST_ID, Image, esc

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_ZIP_DATE = (1980, 1, 1, 0, 0, 0)
#: Metadata pandoc writes to core.xml, not custom.xml (its ``extraCoreProps`` and the three it always writes).
_CORE_KEYS = frozenset({"title", "author", "keywords", "subject", "lang", "category", "description"})
#: Bullet characters and fonts by level, as pandoc's numbering.xml has them (Word's default bullets).
_BULLETS = (("\uf0b7", "Symbol"), ("o", "Courier New"), ("\uf0a7", "Wingdings"))


@dataclass(frozen=True)
class Skeleton:
    """The article-independent parts of pandoc's DOCX for one reference document."""

    parts: dict[str, bytes]
    content_types: str
    document_rels: str
    document_open: str
    footnotes_open: str
    sect_pr: str
    #: Width of the text column in points (pandoc's ``envPrintWidth``; images wider are scaled down).
    print_width_pt: int


_lock = threading.Lock()


@functools.lru_cache(maxsize=8)
def _skeleton_cached(reference: str, mtime_ns: int) -> Skeleton:
    doc = {"pandoc-api-version": list(api_version()), "meta": {}, "blocks": []}
    data = write_from_json(doc, "docx", extra_args=["--reference-doc", reference])
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            members = {name: zf.read(name) for name in zf.namelist()}
    except zipfile.BadZipFile as exc:
        raise ExportError(f"pandoc wrote a damaged DOCX: {exc}") from None
    document = members["word/document.xml"].decode("utf-8")
    footnotes = members["word/footnotes.xml"].decode("utf-8")
    sect = re.search(r"<w:sectPr>.*</w:sectPr>", document, re.S)
    if sect is None:
        raise ExportError("pandoc's DOCX has no section properties")
    sect_pr = re.sub(r">\s+<", "><", sect.group())
    keep = (
        "_rels/.rels word/styles.xml word/settings.xml word/comments.xml docProps/app.xml "
        "word/theme/theme1.xml word/fontTable.xml word/webSettings.xml"
    ).split()
    return Skeleton(
        parts={name: members[name] for name in keep if name in members},
        content_types=_strip_close(members["[Content_Types].xml"], "</Types>"),
        document_rels=_strip_close(members["word/_rels/document.xml.rels"], "</Relationships>"),
        document_open=document[: document.index("<w:body>")],
        footnotes_open=footnotes[: footnotes.index("<w:footnote ")],
        sect_pr=sect_pr,
        print_width_pt=_print_width(sect_pr),
    )


def skeleton(reference: Path) -> Skeleton:
    """The skeleton for ``reference`` (built by one pandoc run per process and file)."""
    with _lock:
        return _skeleton_cached(str(reference), reference.stat().st_mtime_ns)


def _strip_close(xml: bytes, close: str) -> str:
    text = xml.decode("utf-8")
    if text.rstrip().endswith("/>") and close not in text:  # an empty root: <Relationships ... />
        head = text.rstrip()[:-2].rstrip()
        return head + ">"
    return text[: text.rindex(close)]


def _print_width(sect_pr: str) -> int:
    root = etree.fromstring(f'<r xmlns:w="{_W}">{sect_pr}</r>'.encode())
    size, margins = root.find(f".//{{{_W}}}pgSz"), root.find(f".//{{{_W}}}pgMar")
    if size is None or margins is None:
        return 420
    twips = (
        int(size.get(f"{{{_W}}}w", 0))
        - int(margins.get(f"{{{_W}}}left", 0))
        - int(margins.get(f"{{{_W}}}right", 0))
    )
    return max(72, twips // 20)


def numbering(lists: list[int | None]) -> bytes:
    """numbering.xml for the lists in document order (``None``: bullets, else a decimal list's start)."""
    markers: list[tuple[str, int | None]] = [("none", None)]
    markers += [("bullet", None) if start is None else ("decimal", start) for start in lists]
    abstract = []
    seen: set[str] = set()
    nums = []
    for k, (kind, start) in enumerate(markers):
        ident = "990" if kind == "none" else "991" if kind == "bullet" else f"9941{start}"
        if ident not in seen:
            seen.add(ident)
            abstract.append(_abstract_num(ident, kind, start))
        override = ""
        if start is not None:
            override = "".join(
                f'<w:lvlOverride w:ilvl="{i}"><w:startOverride w:val="{start}" /></w:lvlOverride>'
                for i in range(9)
            )
        nums.append(
            f'<w:num w:numId="{BASE_LIST_ID + k}"><w:abstractNumId w:val="{ident}" />{override}</w:num>'
        )
    body = "".join(abstract) + "".join(nums)
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:numbering xmlns:w="{_W}">{body}</w:numbering>'
    ).encode()


def _abstract_num(ident: str, kind: str, start: int | None) -> str:
    levels = []
    for i in range(9):
        indent = f'<w:pPr><w:ind w:left="{720 * (i + 1)}" w:hanging="360" /></w:pPr>'
        if kind == "decimal":
            lvl = (
                f'<w:start w:val="{start}" /><w:numFmt w:val="decimal" /><w:lvlText w:val="%{i + 1}." />'
                f'<w:lvlJc w:val="left" />{indent}'
            )
        elif kind == "bullet":
            char, font = _BULLETS[i % 3]
            lvl = (
                f'<w:numFmt w:val="bullet" /><w:lvlText w:val="{char}" /><w:lvlJc w:val="left" />{indent}'
                f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:cs="{font}" w:hint="default" /></w:rPr>'
            )
        else:
            lvl = f'<w:numFmt w:val="bullet" /><w:lvlText w:val=" " /><w:lvlJc w:val="left" />{indent}'
        levels.append(f'<w:lvl w:ilvl="{i}">{lvl}</w:lvl>')
    nsid = ("A" + ident).rjust(8, "0")  # pandoc's: the id behind an "A", eight hex digits
    return (
        f'<w:abstractNum w:abstractNumId="{ident}"><w:nsid w:val="{nsid}" />'
        f'<w:multiLevelType w:val="multilevel" />{"".join(levels)}</w:abstractNum>'
    )


def core_xml(meta: Json, article_meta: Metadata) -> bytes:
    """docProps/core.xml as pandoc writes it, with the article's own dates (never pandoc's 1970)."""
    title = stringify(meta["title"]) if "title" in meta else ""
    authors = [stringify(a) for a in meta["author"]["c"]] if "author" in meta else []
    parts = [f"<dc:title>{esc(title)}</dc:title>" if title else "<dc:title />"]
    parts.append(f"<dc:creator>{esc('; '.join(authors))}</dc:creator>" if authors else "<dc:creator />")
    if "description" in meta:
        parts.append(f"<dc:description>{esc(stringify(meta['description']))}</dc:description>")
    if "lang" in meta:
        parts.append(f"<dc:language>{esc(stringify(meta['lang']))}</dc:language>")
    keywords = ", ".join(stringify(k) for k in meta["keywords"]["c"]) if "keywords" in meta else ""
    parts.append(f"<cp:keywords>{esc(keywords)}</cp:keywords>" if keywords else "<cp:keywords />")
    created = w3cdtf(article_meta.published)
    modified = w3cdtf(article_meta.updated) or created
    for tag, value in (("created", created), ("modified", modified)):
        if value:
            parts.append(f'<dcterms:{tag} xsi:type="dcterms:W3CDTF">{esc(value)}</dcterms:{tag}>')
    return (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
        + "".join(parts)
        + "</cp:coreProperties>"
    ).encode("utf-8")


def custom_xml(meta: Json) -> bytes:
    """docProps/custom.xml: every metadata key core.xml has no place for, by name, as text."""
    props = []
    for pid, key in enumerate(sorted(k for k in meta if k not in _CORE_KEYS), start=2):
        value = meta[key]
        text = value["c"] if value["t"] == "MetaString" else stringify(value["c"])
        props.append(
            f'<property fmtid="{{D5CDD505-2E9C-101B-9397-08002B2CF9AE}}" pid="{pid}" name="{esc(key)}">'
            f"<vt:lpwstr>{esc(text)}</vt:lpwstr></property>"
        )
    ns = (
        'xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"'
    )
    body = f"<Properties {ns}>{''.join(props)}</Properties>" if props else f"<Properties {ns} />"
    return ('<?xml version="1.0" encoding="UTF-8"?>' + body).encode("utf-8")


def relationships(base: str, images: list[Image], links: dict[str, str]) -> bytes:
    """A part's relationships: ``base`` (the opening and any fixed ones), images, then external links."""
    rels = [
        f'<Relationship Type="{_REL}/image" Id="{img.rid}" Target="{esc(img.part)}" />' for img in images
    ] + [
        f'<Relationship Type="{_REL}/hyperlink" Id="{rid}" Target="{esc(url)}" TargetMode="External" />'
        for url, rid in sorted(links.items())  # pandoc lists them by address
    ]
    return (base + "".join(rels) + "</Relationships>").encode("utf-8")


def assemble(parts: dict[str, bytes]) -> bytes:
    """The zip package, members stored (as the pandoc path writes them) with a fixed timestamp."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zf:
        for name, data in parts.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=_ZIP_DATE), data)
    return out.getvalue()
