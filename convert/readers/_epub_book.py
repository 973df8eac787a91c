"""An EPUB's book furniture, told apart from its article before pandoc's tree is mapped.

Part of :mod:`convert.readers.pandoc`'s EPUB reader. pandoc reads a book as
one run of blocks: the cover image first (it puts the package's cover there),
then each spine document after an empty anchor ``Span`` named after the
document's file. What is the book's and not the article's goes:

- the cover image pandoc puts first: the manifest item with the EPUB 3
  ``cover-image`` property, or the one EPUB 2's ``<meta name="cover">`` names;
- the cover document: the OPF guide's ``reference type="cover"`` and the
  navigation document's ``cover`` landmark (EPUB 3.3, *Package document*
  and *EPUB Navigation Document*).

An ``<aside class="note …">`` pandoc keeps as raw HTML around its
paragraphs (ours: end notes, ``note-KIND`` naming the kind) becomes the
note ``Div`` the tree mapping reads as an end note.
"""

from __future__ import annotations

import json
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from typing import Any

from ._package_meta import _NS, MAX_PROPS_BYTES, parse_xml, read_member

_EPUB_OPS = "http://www.idpf.org/2007/ops"
_XHTML = "http://www.w3.org/1999/xhtml"
_ASIDE_OPEN = re.compile(r"<aside\b[^>]*>\s*\Z", re.IGNORECASE)
_ASIDE_CLOSE = re.compile(r"\s*</aside>\s*\Z", re.IGNORECASE)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)


@dataclass
class Furniture:
    """The archive members that are the book's own: its cover image and cover documents."""

    cover_image: str | None = None
    cover_documents: set[str] = field(default_factory=set)
    #: Documents a cover reference points into with a ``#fragment``: a place, not the whole file.
    cover_places: set[str] = field(default_factory=set)
    #: The package document's folder, which pandoc's image paths are relative to.
    base: str = ""


def furniture(zf: zipfile.ZipFile) -> Furniture:
    """The cover image and cover documents the package names; nothing when it names none."""
    found = Furniture()
    container = parse_xml(read_member(zf, "META-INF/container.xml", MAX_PROPS_BYTES))
    paths = (
        container.xpath("//container:rootfile/@full-path", namespaces=_NS) if container is not None else []
    )
    opf_path = str(paths[0]) if paths else ""
    opf = parse_xml(read_member(zf, opf_path, MAX_PROPS_BYTES)) if opf_path else None
    if opf is None:
        return found
    base = found.base = posixpath.dirname(opf_path)

    def member(href: str, relative_to: str = base) -> str:
        return posixpath.normpath(posixpath.join(relative_to, href.split("#")[0]))

    def add_cover(href: str, relative_to: str = base) -> None:
        (found.cover_places if "#" in href else found.cover_documents).add(member(href, relative_to))

    items = opf.xpath("//opf:manifest/opf:item", namespaces=_NS)
    cover = [i for i in items if "cover-image" in (i.get("properties") or "").split()]
    if not cover:
        named = opf.xpath("//opf:metadata/opf:meta[@name='cover']/@content", namespaces=_NS)
        cover = [i for i in items if named and i.get("id") == str(named[0])]
    if cover and cover[0].get("href"):
        found.cover_image = member(str(cover[0].get("href")))
    for href in opf.xpath("//opf:guide/opf:reference[@type='cover']/@href", namespaces=_NS):
        add_cover(str(href))
    for item in items:
        if "nav" in (item.get("properties") or "").split() and item.get("href"):
            nav_path = member(str(item.get("href")))
            nav = parse_xml(read_member(zf, nav_path, MAX_PROPS_BYTES))
            if nav is None:
                continue
            for a in nav.iter(f"{{{_XHTML}}}a"):
                if "cover" in (a.get(f"{{{_EPUB_OPS}}}type") or "").split() and a.get("href"):
                    add_cover(str(a.get("href")), posixpath.dirname(nav_path))
    return found


def _anchor(block: Any) -> str | None:
    """The document name of pandoc's empty anchor paragraph that opens a spine document."""
    if block.get("t") != "Para" or len(block.get("c") or []) != 1:
        return None
    span = block["c"][0]
    if span.get("t") != "Span" or span["c"][1]:
        return None
    ident = str(span["c"][0][0])
    return ident if ident.lower().endswith((".xhtml", ".html", ".htm", ".xml")) else None


def _is_cover_image(block: Any, cover: str | None, base: str) -> bool:
    """A paragraph holding nothing but the cover image (its ``src`` is relative to the package document)."""
    if cover is None or not _image_only(block):
        return False
    image = next(i for i in block["c"] if i.get("t") == "Image")
    return posixpath.normpath(posixpath.join(base, str(image["c"][2][0]).split("#")[0])) == cover


def _image_only(block: Any) -> bool:
    """A paragraph holding nothing but one image."""
    if block.get("t") not in ("Para", "Plain"):
        return False
    content = [i for i in block.get("c") or [] if i.get("t") not in ("Space", "SoftBreak")]
    return len(content) == 1 and content[0].get("t") == "Image"


def _has_text(blocks: list[Any]) -> bool:
    """Whether ``blocks`` hold any words outside an image-only paragraph."""
    return any(not _image_only(b) and '"Str"' in json.dumps(b) for b in blocks)


def _flat(blocks: list[Any]) -> list[Any]:
    """``blocks`` with each ``Div`` opened into the blocks it holds."""
    out: list[Any] = []
    for b in blocks:
        out.extend(_flat(b["c"][1]) if b.get("t") == "Div" else [b])
    return out


def _cover_only(blocks: list[Any]) -> bool:
    """Whether a cover document holds no more than its image and a title or caption (two blocks)."""
    flat = _flat(blocks)
    return sum(map(_image_only, flat)) <= 1 and sum(not _image_only(b) for b in flat) <= 2


def _without_opening_image(blocks: list[Any]) -> list[Any]:
    """``blocks`` without the image-only paragraph that opens them, looked for inside a ``Div`` too."""
    if not blocks:
        return blocks
    first = blocks[0]
    if _image_only(first):
        return blocks[1:]
    if first.get("t") == "Div":
        return [{**first, "c": [first["c"][0], _without_opening_image(first["c"][1])]}, *blocks[1:]]
    return blocks


def without_furniture(blocks: list[Any], found: Furniture) -> list[Any]:
    """``blocks`` without the cover image pandoc put first and without the cover documents' blocks.

    A cover document goes only when it holds no more than its image and a title or caption, and
    another spine document with text is left (a book whose cover page is its only text keeps it);
    a cover the package names by a ``#fragment`` is a place in a document, not the document, so
    at most the image opening it goes (inside a ``Div`` too). A cover document that is kept loses
    only that opening image too.
    """
    whole = {posixpath.basename(d) for d in found.cover_documents}  # pandoc names a document by its file
    parts = {posixpath.basename(d) for d in found.cover_places}
    head: list[Any] = []
    docs: list[tuple[str, list[Any]]] = []
    for block in blocks:
        name = _anchor(block)
        if name is not None:
            docs.append((name, [block]))
        elif docs:
            docs[-1][1].append(block)
        elif not _is_cover_image(block, found.cover_image, found.base):
            head.append(block)
    text_left = any(name not in whole and _has_text(body[1:]) for name, body in docs)
    out = head
    for name, body in docs:
        if name in whole and text_left and _cover_only(body[1:]):
            out.append(body[0])  # its anchor
            continue
        if name in whole or name in parts:
            body = body[:1] + _without_opening_image(body[1:])
        out.extend(body)
    return out


def asides_as_divs(blocks: list[Any]) -> list[Any]:
    """``<aside class="note note-KIND">`` … ``</aside>`` raw blocks around blocks: a note ``Div``."""
    out: list[Any] = []
    stack: list[tuple[list[Any], list[str]]] = []
    for block in blocks:
        raw = str(block["c"][1]) if block.get("t") == "RawBlock" and block["c"][0] == "html" else None
        if raw is not None and _ASIDE_OPEN.match(raw):
            match = _CLASS.search(raw)
            stack.append((out, (match.group(1) or match.group(2) or "").split() if match else []))
            out = []
            continue
        if raw is not None and _ASIDE_CLOSE.match(raw) and stack:
            inner, (out, classes) = out, stack.pop()
            kinds = [c[5:] for c in classes if c.startswith("note-") and len(c) > 5]
            out.append({"t": "Div", "c": [["", classes, [["kind", kinds[0]]] if kinds else []], inner]})
            continue
        if block.get("t") == "Div":
            block = {"t": "Div", "c": [block["c"][0], asides_as_divs(block["c"][1])]}
        out.append(block)
    while stack:  # an aside never closed: its blocks stay where they were
        inner, (out, _classes) = out, stack.pop()
        out.extend(inner)
    return out
