"""What DOCX, ODT and EPUB packages say about themselves: core properties, meta.xml, the OPF.

Part of :mod:`convert.readers.pandoc`, which re-exports these names.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from lxml import etree

from .. import limits
from ..dates import to_iso
from ..errors import InputError
from ..locale.script import split_list
from ..model import (
    Author,
)
from ..names import looks_like_name

#: Property files (core.xml, meta.xml, the OPF) larger than this are not parsed.
MAX_PROPS_BYTES = 2 * 1024 * 1024

_NS = {
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "cust": "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "opf": "http://www.idpf.org/2007/opf",
    "container": "urn:oasis:names:tc:opendocument:xmlns:container",
    "app": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}

# ==========================================================================
# Archives


def open_archive(data: bytes) -> zipfile.ZipFile:
    """The archive in ``data`` once it passes :func:`convert.limits.check_zip_xml`; nothing is extracted."""
    limits.check_zip_xml(data, what="the document")
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError) as exc:
        raise InputError(f"a damaged zip archive ({exc})", hint="is the file complete?") from None


def read_member(zf: zipfile.ZipFile, name: str, limit: int, start: bool = False) -> bytes | None:
    """A member's bytes, or ``None`` when it is absent, too large or unreadable.

    ``start``: a larger member gives its first ``limit`` bytes instead.
    """
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    if (info.file_size > limit and not start) or info.flag_bits & 0x1:  # too big, or encrypted
        return None
    try:
        with zf.open(info) as fh:
            return fh.read(limit + 1)[:limit]
    except limits.zip_errors() + (RuntimeError,):  # a damaged member (zlib.error included) is unreadable
        return None


def parse_xml(data: bytes | None) -> Any:
    """An XML tree parsed without DTDs, entities or network; ``None`` if it is not XML."""
    if not data:
        return None
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, huge_tree=False
    )
    try:
        return etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return None


def _texts(root: Any, path: str) -> list[str]:
    found = root.xpath(path, namespaces=_NS) if root is not None else []
    out = []
    for node in found:
        text = " ".join("".join(node.itertext()).split()) if hasattr(node, "itertext") else str(node).strip()
        if text:
            out.append(text)
    return out


def _first(root: Any, path: str) -> str | None:
    found = _texts(root, path)
    return found[0] if found else None


# ==========================================================================
# Embedded images


@dataclass
class Props:
    """Metadata found outside pandoc, each value with where it was found."""

    values: dict[str, Any] = field(default_factory=dict)
    where: dict[str, str] = field(default_factory=dict)
    #: Fields the package shows to be a tool's stamp, not the article's: pandoc's value goes too.
    stamps: set[str] = field(default_factory=set)

    def put(self, key: str, value: Any, where: str) -> None:
        if value and key not in self.values:
            self.values[key] = value
            self.where[key] = where


def _authors(names: Iterable[str]) -> tuple[Author, ...]:
    out: list[Author] = []
    for raw in names:
        for name in re.split(r"\s*;\s*", raw):
            name = natural_order(name)
            if name and all(a.name != name for a in out):
                out.append(Author(name))
    return tuple(out)


_SURNAME_FIRST = re.compile(
    r"([^\W\d][\w'’-]*(?: [^\W\d][\w'’-]*)?), ((?:[^\W\d][\w'’.-]*)(?: [^\W\d][\w'’.-]*)*)"
)


_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv", "phd", "md", "esq"})


def natural_order(name: str) -> str:
    """``Eaton, Alfred`` (a library catalogue's order, common in Word's author field) -> ``Alfred Eaton``."""
    match = _SURNAME_FIRST.fullmatch(name.strip())
    if not match or len(match.group(2).split()) > 3 or match.group(2).rstrip(".").lower() in _SUFFIXES:
        return name
    return f"{match.group(2)} {match.group(1)}"


def _keywords(values: Iterable[str]) -> tuple[str, ...]:
    out: list[str] = []
    for v in values:
        out += [k.strip() for k in split_list(v, also=";") if k.strip() and k.strip() not in out]
    return tuple(out)


#: Document properties that name the article's dates, by their lower-cased name: ours
#: (``published``, ``updated``) and pandoc's (``date``: its DOCX custom.xml and ODT ``meta:user-defined``).
_DATE_PROPS = {"published": "published", "date": "published", "updated": "updated"}


def docx_props(zf: zipfile.ZipFile) -> Props:
    """``docProps/custom.xml`` (our exporter's keys) first, then ``docProps/core.xml``.

    core.xml's ``dcterms:created`` and ``dcterms:modified`` are when the file was made and
    saved (a template's, a script's run), not when the article was published: never read.
    """
    props = Props()
    custom = parse_xml(read_member(zf, "docProps/custom.xml", MAX_PROPS_BYTES))
    if custom is not None:
        found = []
        for prop in custom.xpath("cust:property", namespaces=_NS):
            name, value = str(prop.get("name") or "").lower(), " ".join("".join(prop.itertext()).split())
            where = f"docProps/custom.xml property {name!r}"
            if name in _DATE_PROPS:
                found.append((name, value, where))
            elif name in ("dateline", "publisher", "rights", "url", "identifier", "subtitle"):
                props.put(name, value, where)
        for name, value, where in sorted(found, key=lambda f: f[0] == "date"):  # ours first, then pandoc's
            props.put(_DATE_PROPS[name], to_iso(value), where)
    app = parse_xml(read_member(zf, "docProps/app.xml", MAX_PROPS_BYTES))
    generator = _first(app, "//app:Application") if app is not None else None
    core = parse_xml(read_member(zf, "docProps/core.xml", MAX_PROPS_BYTES))
    if core is not None:
        core_fields: list[tuple[str, str, str]] = [
            ("title", "dc:title", "dc:title"),
            ("authors", "dc:creator", "dc:creator"),
            ("language", "dc:language", "dc:language"),
            ("description", "dc:description", "dc:description"),
            ("keywords", "cp:keywords", "cp:keywords"),
        ]
        for key, path, label in core_fields:
            found_texts = _texts(core, f"{path}")
            where = f"docProps/core.xml {label}"
            if key == "authors":
                props.put(key, _authors(n for n in found_texts if looks_like_person(n)), where)
            elif key == "keywords":
                props.put(key, _keywords(found_texts), where)
            elif key == "title":
                props.put(key, next((t for t in found_texts if re.search(r"\w{2}", t)), None), where)
            elif key == "description":
                props.put(key, next((t for t in found_texts if not tool_stamp(t, generator)), None), where)
            else:
                props.put(key, found_texts[0] if found_texts else None, where)
    return props


#: Descriptions a writer library leaves in every file it makes, exactly: python-docx's
#: ``docx/templates/default.docx`` (and ``default-docx-template/docProps/core.xml``) carries
#: ``<dc:description>generated by python-docx</dc:description>``.
_LIBRARY_STAMPS = frozenset({"generated by python-docx"})

#: At most this many words before the program's name ("Created with"): a stamp, not a summary.
_STAMP_WORDS = 3


def tool_stamp(text: str, generator: str | None = None) -> bool:
    """Whether a description only names the program that wrote the file: a writer library's
    template stamp, or the document's own ``generator`` (DOCX ``docProps/app.xml``
    ``<Application>``, ODT ``meta:generator``, EPUB ``<meta name="generator">``) with a few words.
    """
    said = " ".join(text.split()).rstrip(".").casefold()
    if said in _LIBRARY_STAMPS:
        return True
    # the program's name: "LibreOffice/7.6.4.1$Linux_X86_64 …" is LibreOffice's
    stamp = (generator or "").casefold()
    name = re.split(r"[/$(]|\s\d", stamp)[0].strip()
    found = re.search(rf"(?<!\w){re.escape(name)}(?!\w)", said) if len(name) >= 3 else None
    if found is None:  # whole words: "A word of warning" is not Word's
        return False
    # a few words before the name ("Created with"), after it only a version or the generator's own words
    after = said[found.end() :].split()
    return len(said[: found.start()].split()) <= _STAMP_WORDS and all(
        any(c.isdigit() for c in w) or w in stamp for w in after
    )


def looks_like_person(name: str) -> bool:
    """Word's ``dc:creator`` is often an account ("Microsoft account", "admin", "Online2PDF.com").

    Each of its ``;``-separated names must pass :func:`convert.names.looks_like_name`
    (which also refuses a domain): no author is better than a wrong one.
    """
    return all(looks_like_name(n) for n in re.split(r"\s*;\s*", name.strip()))


def odt_props(zf: zipfile.ZipFile) -> Props:
    """``meta.xml``: title, subject, creator, the dates its user-defined properties name, language, keywords."""
    props = Props()
    root = parse_xml(read_member(zf, "meta.xml", MAX_PROPS_BYTES))
    if root is None:
        return props
    base = "office:meta/"
    props.put("title", _first(root, base + "dc:title"), "meta.xml dc:title")
    generator = _first(root, base + "meta:generator")
    described = [t for t in _texts(root, base + "dc:description") if not tool_stamp(t, generator)]
    props.put("description", described[0] if described else None, "meta.xml dc:description")
    creators = _texts(root, base + "meta:initial-creator") or _texts(root, base + "dc:creator")
    people = [c for c in creators[:1] if looks_like_person(c)]
    props.put("authors", _authors(people), "meta.xml meta:initial-creator / dc:creator")
    # meta:creation-date and dc:date are when the file was made and saved: never the article's date.
    for prop in root.xpath(base + "meta:user-defined", namespaces=_NS):
        name = str(prop.get(f"{{{_NS['meta']}}}name") or "").lower()
        if name in _DATE_PROPS:
            where = f"meta.xml meta:user-defined {name!r}"
            props.put(_DATE_PROPS[name], to_iso(" ".join("".join(prop.itertext()).split())), where)
    props.put("language", _first(root, base + "dc:language"), "meta.xml dc:language")
    props.put("keywords", _keywords(_texts(root, base + "meta:keyword")), "meta.xml meta:keyword")
    return props


def epub_props(zf: zipfile.ZipFile) -> Props:
    """The package document's Dublin Core: creators in order, date, publisher, rights, subjects."""
    props = Props()
    container = parse_xml(read_member(zf, "META-INF/container.xml", MAX_PROPS_BYTES))
    opf_path = _first(container, "//container:rootfile/@full-path") if container is not None else None
    if not opf_path:
        return props
    opf = parse_xml(read_member(zf, opf_path, MAX_PROPS_BYTES))
    if opf is None:
        return props
    md = "//opf:metadata/"
    where = f"EPUB package {opf_path}"
    props.put("title", _first(opf, md + "dc:title"), f"{where} dc:title")
    props.put("authors", _authors(_epub_creators(opf)), f"{where} dc:creator")
    date = _first(opf, md + "dc:date")
    made = _first(opf, md + "opf:meta[@property='dcterms:modified']")
    generator = _first(opf, md + "opf:meta[@name='generator']/@content")
    if date and made and "T" in date and to_iso(date) == to_iso(made) and generator != "Broadsheet":
        # pandoc (3.9) writes the conversion's clock as dc:date when the source has none; ours writes
        # the published time as dcterms:modified when there is no update (epub.modified_stamp).
        date = None
        props.stamps.add("published")
    props.put("published", to_iso(date), f"{where} dc:date")
    # The package's dcterms:modified is when the book was made (EPUB 3.3 requires it: pandoc writes
    # the conversion's clock): never the article's update. A content document's head may name one,
    # as a web page's Dublin Core does (ours, from meta.updated, zone as written).
    props.put("updated", *_head_modified(zf, opf, opf_path))
    for key, tag in (
        ("publisher", "publisher"),
        ("rights", "rights"),
        ("language", "language"),
        ("identifier", "identifier"),
    ):
        props.put(key, _first(opf, md + f"dc:{tag}"), f"{where} dc:{tag}")
    described = [t for t in _texts(opf, md + "dc:description") if not tool_stamp(t, generator)]
    props.put("description", described[0] if described else None, f"{where} dc:description")
    props.put("keywords", _keywords(_texts(opf, md + "dc:subject")), f"{where} dc:subject")
    return props


#: Spine documents whose ``<head>`` is looked at for ``dcterms.modified``, and how much of each.
_HEAD_DOCS, _HEAD_BYTES = 4, 64 * 1024
_HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)


def _head_modified(zf: zipfile.ZipFile, opf: Any, opf_path: str) -> tuple[str | None, str]:
    """``<meta name="dcterms.modified">`` in the head of the one article among the first spine
    documents, and where. A book of several articles (a head naming an author or a date in two
    documents: Broadsheet's bundle) has no one update: one chapter's is not the book's."""
    hrefs = {
        str(i.get("id")): str(i.get("href") or "")
        for i in opf.xpath("//opf:manifest/opf:item", namespaces=_NS)
    }
    spine = opf.xpath("//opf:spine/opf:itemref/@idref", namespaces=_NS)
    base = posixpath.dirname(opf_path)
    parser = etree.HTMLParser(no_network=True)
    articles = 0
    found: tuple[str | None, str] = (None, "")
    for idref in spine[:_HEAD_DOCS]:
        href = hrefs.get(str(idref), "").split("#")[0]
        name = posixpath.normpath(posixpath.join(base, href))
        data = read_member(zf, name, _HEAD_BYTES, start=True) if href else None
        data = _COMMENT.sub(b"", data) if data else None  # a "</head>" inside a comment ends nothing
        end = _HEAD_END.search(data) if data else None
        head = etree.fromstring(data[: end.end()], parser) if data and end else None
        if head is None:
            continue
        if head.xpath(_ARTICLE_META):
            articles += 1
        modified = head.xpath(_MODIFIED)
        if modified and to_iso(str(modified[0]).strip()) and found[0] is None:
            found = to_iso(str(modified[0]).strip()), f"EPUB {name} <meta name=dcterms.modified>"
    return found if articles <= 1 else (None, "")


_COMMENT = re.compile(rb"<!--.*?(?:-->|$)", re.DOTALL)
_LOWER = "translate(@name, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz')"
_MODIFIED = f"//meta[{_LOWER}='dcterms.modified']/@content"
#: A head that describes an article: its author or its dates (as Broadsheet's chapters and web pages write them).
_ARTICLE_META = f"//meta[{_LOWER}='author' or {_LOWER}='dcterms.created' or {_LOWER}='dcterms.modified']"


def _epub_creators(opf: Any) -> list[str]:
    """Creators whose role, if stated (EPUB 2 ``opf:role`` or EPUB 3 ``refines``), is author."""
    roles = {
        str(m.get("refines") or "").lstrip("#"): (m.text or "").strip()
        for m in opf.xpath("//opf:metadata/opf:meta[@property='role']", namespaces=_NS)
    }
    names = []
    for el in opf.xpath("//opf:metadata/dc:creator", namespaces=_NS):
        role = el.get(f"{{{_NS['opf']}}}role") or roles.get(el.get("id") or "", "")
        name = " ".join("".join(el.itertext()).split())
        if name and role in ("", "aut"):
            names.append(name)
    return names


# ==========================================================================
# Readers
