"""What Send-to-Kindle and Kobo ask of an EPUB, checked on the finished book.

epubcheck says whether a book is valid EPUB; a valid book can still be
refused or shown badly by the two big e-reader services. :func:`check_epub`
reads an EPUB's bytes and returns one :class:`Problem` per rule it breaks.
Each rule names the published requirement it comes from (the README's
*E-readers* section links them):

- ``kindle-size``: at most 50 MB, the limit of a Send-to-Kindle e-mail
  (Amazon, "Using Your Send to Kindle Email Address").
- ``kobo-image-size`` / ``kobo-document-size``: at most 5 MB per image and
  10 MB per XHTML document (Kobo EPUB Guidelines, *Limitations and Maximums*).
- ``file-name``: entry names of ASCII letters, digits, ``. _ - /`` only
  (Kobo, *OPF*; Kindle Publishing Guidelines, *File Path and File Name
  Requirements*).
- ``identifier`` / ``ncx-uid``: a ``dc:identifier`` that the package's
  ``unique-identifier`` names, with ``dc:title`` and ``dc:language``, and
  the same identifier in the NCX (Kobo, *OPF*).
- ``ncx``: an NCX for older readers, named by the spine's ``toc``
  (Kindle Publishing Guidelines, *NCX Guidelines*).
- ``nav`` / ``toc-link``: a ``toc`` nav whose every link reaches a file and
  an id in the book (Kindle Publishing Guidelines, *Navigation*: the table of
  contents must have working links).
- ``script``: no ``<script>``, no ``on…`` event attributes, no ``scripted``
  manifest property (Kobo, *JavaScript Support*: none on e-ink and desktop).
- ``inline-style``: no ``style`` attributes (Kobo, *CSS*, *Inline Styling*).
- ``fixed-position``: no ``position: fixed`` in a stylesheet (reflowable
  pages have no viewport to fix to; Kobo, *CSS*, advises against layout
  that depends on the screen).
- ``font``: embedded fonts are TTF, OTF or WOFF 1 (Kobo, *Supported Fonts*),
  and ``@font-face`` only names files inside the book (Kobo, *Embedded
  Fonts*: do not reference fonts that are not embedded).
- ``duplicate-id`` / ``nested-link``: ids unique in a document, no link
  inside a link (Kindle Publishing Guidelines, *Duplicate IDs*, and the
  nested-anchor rule of its *Navigation* section).
- ``cover``: a manifest item with the ``cover-image`` property (Kindle
  Publishing Guidelines, *Cover Image Guidelines*; Kobo, *Cover Images*).
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from urllib.parse import unquote, urldefrag

from lxml import etree

#: Send-to-Kindle's limit for the documents of one e-mail.
KINDLE_MAX_BYTES = 50 * 1024 * 1024
#: Kobo's recommended maximum per image and per XHTML document.
KOBO_MAX_IMAGE_BYTES = 5 * 1024 * 1024
KOBO_MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
#: Font formats every Kobo platform reads.
FONT_TYPES = frozenset(
    {
        "font/ttf",
        "font/otf",
        "font/woff",
        "application/font-sfnt",
        "application/x-font-ttf",
        "application/x-font-truetype",
        "application/vnd.ms-opentype",
        "application/font-woff",
    }
)

NS = {
    "c": "urn:oasis:names:tc:opendocument:xmlns:container",
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
    "h": "http://www.w3.org/1999/xhtml",
}
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"
SAFE_NAME = re.compile(r"[A-Za-z0-9._/-]+")
FIXED = re.compile(r"position\s*:\s*fixed", re.IGNORECASE)
FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Problem:
    """One broken rule: its name, the entry it is about and what is wrong."""

    rule: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message} [{self.rule}]"


def check_epub(data: bytes) -> list[Problem]:
    """Every rule ``data`` (an EPUB) breaks; an empty list when the book is fit for both."""
    out: list[Problem] = []
    if len(data) > KINDLE_MAX_BYTES:
        out.append(Problem("kindle-size", "book", f"{len(data)} bytes, over Send-to-Kindle's 50 MB"))
    try:
        book = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        return [*out, Problem("zip", "book", f"not a zip file: {exc}")]
    with book:
        names = set(book.namelist())
        for name in sorted(names):
            if not SAFE_NAME.fullmatch(name):
                out.append(Problem("file-name", name, "name has characters other than A-Z a-z 0-9 . _ - /"))
        opf_path = _opf_path(book)
        if opf_path is None:
            return [*out, Problem("package", "META-INF/container.xml", "names no package document")]
        opf = etree.fromstring(book.read(opf_path))
        base = posixpath.dirname(opf_path)
        manifest = {item.get("id"): item for item in opf.iterfind("opf:manifest/opf:item", NS)}

        def path_of(item: etree._Element) -> str:
            return posixpath.normpath(posixpath.join(base, unquote(item.get("href", ""))))

        identifier = _check_package(opf, opf_path, out)
        _check_manifest(book, manifest, path_of, names, out)
        _check_ncx(book, opf, manifest, path_of, identifier, out)
        documents = {
            path_of(item): item
            for item in manifest.values()
            if item.get("media-type") == "application/xhtml+xml" and path_of(item) in names
        }
        ids: dict[str, set[str]] = {}
        trees: dict[str, etree._Element] = {}
        for path in sorted(documents):
            tree = etree.fromstring(book.read(path))
            trees[path] = tree
            ids[path] = _check_document(path, tree, out)
        _check_nav(manifest, path_of, trees, ids, out)
    return out


def _opf_path(book: zipfile.ZipFile) -> str | None:
    try:
        container = etree.fromstring(book.read("META-INF/container.xml"))
    except KeyError:
        return None
    found = container.find("c:rootfiles/c:rootfile", NS)
    return None if found is None else found.get("full-path")


def _check_package(opf: etree._Element, where: str, out: list[Problem]) -> str | None:
    metadata = opf.find("opf:metadata", NS)
    if metadata is None:
        out.append(Problem("identifier", where, "no metadata"))
        return None
    for field in ("title", "language"):
        if not (metadata.findtext(f"dc:{field}", "", NS) or "").strip():
            out.append(Problem("identifier", where, f"no dc:{field}"))
    uid = opf.get("unique-identifier")
    named = [el for el in metadata.iterfind("dc:identifier", NS) if el.get("id") == uid]
    if not named or not (named[0].text or "").strip():
        out.append(Problem("identifier", where, "no dc:identifier named by unique-identifier"))
        return None
    return (named[0].text or "").strip()


def _check_manifest(book, manifest, path_of, names, out: list[Problem]) -> None:  # type: ignore[no-untyped-def]
    covers = 0
    for item in manifest.values():
        path = path_of(item)
        media = item.get("media-type", "")
        properties = (item.get("properties") or "").split()
        covers += "cover-image" in properties
        if "scripted" in properties:
            out.append(Problem("script", path, "manifest item is scripted"))
        if path not in names:
            continue
        size = book.getinfo(path).file_size
        if media.startswith("image/") and size > KOBO_MAX_IMAGE_BYTES:
            out.append(Problem("kobo-image-size", path, f"image of {size} bytes, over Kobo's 5 MB"))
        if media == "application/xhtml+xml" and size > KOBO_MAX_DOCUMENT_BYTES:
            out.append(Problem("kobo-document-size", path, f"document of {size} bytes, over Kobo's 10 MB"))
        if "font" in media and media not in FONT_TYPES:
            out.append(Problem("font", path, f"font type {media} is not TTF, OTF or WOFF 1"))
        if media == "text/css":
            _check_css(path, book.read(path).decode("utf-8", "replace"), names, out)
    if not covers:
        out.append(Problem("cover", "package", "no manifest item has the cover-image property"))


def _check_css(path: str, css: str, names: set[str], out: list[Problem]) -> None:
    if FIXED.search(css):
        out.append(Problem("fixed-position", path, "uses position: fixed"))
    folder = posixpath.dirname(path)
    for face in FONT_FACE.findall(css):
        for url in CSS_URL.findall(face):
            target = posixpath.normpath(posixpath.join(folder, unquote(urldefrag(url).url)))
            if "://" in url or target not in names:
                out.append(Problem("font", path, f"@font-face names {url}, which is not in the book"))


def _check_ncx(book, opf, manifest, path_of, identifier, out: list[Problem]) -> None:  # type: ignore[no-untyped-def]
    spine = opf.find("opf:spine", NS)
    toc = None if spine is None else spine.get("toc")
    item = manifest.get(toc) if toc else None
    if item is None or item.get("media-type") != "application/x-dtbncx+xml":
        out.append(Problem("ncx", "package", "the spine names no NCX (toc attribute)"))
        return
    path = path_of(item)
    try:
        ncx = etree.fromstring(book.read(path))
    except KeyError:
        out.append(Problem("ncx", path, "the NCX is missing"))
        return
    uid = ncx.find("ncx:head/ncx:meta[@name='dtb:uid']", NS)
    if identifier and (uid is None or (uid.get("content") or "").strip() != identifier):
        out.append(Problem("ncx-uid", path, "dtb:uid differs from the package's dc:identifier"))


def _check_document(path: str, tree: etree._Element, out: list[Problem]) -> set[str]:
    seen: set[str] = set()
    for el in tree.iter():
        if not isinstance(el.tag, str):
            continue
        local = etree.QName(el).localname
        if local == "script":
            out.append(Problem("script", path, "has a <script> element"))
        for name in el.attrib:
            if isinstance(name, str) and name.lower().startswith("on"):
                out.append(Problem("script", path, f"<{local}> has an event attribute {name}"))
        if el.get("style") is not None:
            out.append(Problem("inline-style", path, f"<{local}> has a style attribute"))
        ident = el.get("id")
        if ident is not None:
            if ident in seen:
                out.append(Problem("duplicate-id", path, f"id {ident!r} is used twice"))
            seen.add(ident)
        if local == "a" and el.get("href") is not None:
            outer = el.getparent()
            while outer is not None:
                if isinstance(outer.tag, str) and etree.QName(outer).localname == "a":
                    out.append(Problem("nested-link", path, "a link inside a link"))
                    break
                outer = outer.getparent()
    return seen


def _check_nav(manifest, path_of, trees, ids, out: list[Problem]) -> None:  # type: ignore[no-untyped-def]
    navs = [path_of(i) for i in manifest.values() if "nav" in (i.get("properties") or "").split()]
    if not navs or navs[0] not in trees:
        out.append(Problem("nav", "package", "no navigation document"))
        return
    path = navs[0]
    tocs = [n for n in trees[path].iter("{http://www.w3.org/1999/xhtml}nav") if n.get(EPUB_TYPE) == "toc"]
    links = [a.get("href", "") for toc in tocs for a in toc.iter("{http://www.w3.org/1999/xhtml}a")]
    if not links:
        out.append(Problem("nav", path, "no toc nav with links"))
    folder = posixpath.dirname(path)
    for href in links:
        file, fragment = urldefrag(href)
        target = posixpath.normpath(posixpath.join(folder, unquote(file))) if file else path
        if target not in trees:
            out.append(Problem("toc-link", path, f"{href} names no document of the book"))
        elif fragment and unquote(fragment) not in ids[target]:
            out.append(Problem("toc-link", path, f"{href} names no id of {target}"))
