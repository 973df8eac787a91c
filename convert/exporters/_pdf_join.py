"""Join separately rendered tagged PDFs into one: pages, structure tree, bookmarks, destinations.

A long bundle is laid out in parts, each its own WeasyPrint document (see
:func:`._bundle.bundle_pdf`), because WeasyPrint keeps every laid-out page of
a document in memory. The first part (cover and contents) is the base: its
catalog keeps the book's ``/Lang``, ``/MarkInfo``, ``/ViewerPreferences`` and
document info. Each later part's pages are appended; its structure elements go
under the base's ``Document`` element, with its parent-tree keys (the pages'
``/StructParents``, the annotations' ``/StructParent``) moved past the base's;
its bookmarks and named destinations are added, pointing at the copied pages.
A link written as a ``DEST_SCHEME:name`` URI (a contents line, whose target is
in another part) becomes a link to the named destination ``name``.
"""

from __future__ import annotations

import io
import tempfile
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pikepdf
from pikepdf import Array, Dictionary, Name, OutlineItem, Pdf, String

#: The URI scheme of links to a named destination in another part.
DEST_SCHEME = "x-broadsheet-dest"


#: Parts copied between two saves of the growing document. A part must stay open until the
#: document that copied from it is saved (qpdf copies stream data then), and an open part keeps
#: every object it was asked for in memory: the document is saved to a temporary file every few
#: parts and opened again, so that the parts copied so far can be closed.
FLUSH_PARTS = 8


def join(parts: Sequence[bytes]) -> bytes:
    """One PDF of ``parts`` in order (see the module's description)."""
    with tempfile.TemporaryDirectory(prefix="broadsheet-join-") as tmp:
        path = Path(tmp) / "0.pdf"
        path.write_bytes(parts[0])
        for n, start in enumerate(range(1, len(parts), FLUSH_PARTS), 1):
            sources = [Pdf.open(io.BytesIO(data)) for data in parts[start : start + FLUSH_PARTS]]
            with Pdf.open(path) as base:
                _append(base, sources)
                following = Path(tmp) / f"{n}.pdf"
                base.save(following)
            for src in sources:
                src.close()
            path.unlink()
            path = following
        with Pdf.open(path) as base:
            for page in base.pages:
                _local_links(page)
            out = io.BytesIO()
            base.save(out, deterministic_id=True)
        return out.getvalue()


def _append(base: Pdf, sources: Sequence[Pdf]) -> None:
    """Each of ``sources`` appended to ``base``: pages, structure elements, parent tree, bookmarks, destinations."""
    tree = base.Root.StructTreeRoot
    document = tree.K[0]
    nums = _pairs(tree.ParentTree.Nums)
    next_key = max((int(k) for k, _v in nums), default=-1) + 1
    names = base.Root.get("/Names")
    dests = dict(_pairs(names.Dests.Names)) if names is not None and "/Dests" in names else {}
    with base.open_outline() as outline:
        for src in sources:
            first = len(base.pages)
            shift = _shift_keys(src, next_key)
            with warnings.catch_warnings():  # named destinations are carried over below
                warnings.simplefilter("ignore", pikepdf.PageCopyWarning)
                base.pages.extend(src.pages)
            src_tree = src.Root.StructTreeRoot
            for kid in _copy(base, src, src_tree.K[0].K):
                kid.P = document
                document.K.append(kid)
            nums += _pairs(_copy(base, src, src_tree.ParentTree.Nums))
            next_key += shift
            if "/Names" in src.Root and "/Dests" in src.Root.Names:
                dests.update(_pairs(_copy(base, src, src.Root.Names.Dests.Names)))
            pages: dict[Any, int] = {page.objgen: n for n, page in enumerate(src.pages)}
            with src.open_outline() as theirs:
                outline.root.extend(_moved(item, pages, first) for item in theirs.root)
    ordered = sorted(nums, key=lambda pair: int(pair[0]))
    tree.ParentTree = base.make_indirect(Dictionary(Nums=Array([x for pair in ordered for x in pair])))
    tree.ParentTreeNextKey = next_key
    if dests:
        listed = Array([x for name in sorted(dests) for x in (String(name), dests[name])])
        base.Root.Names = Dictionary(Dests=Dictionary(Names=listed))


def _pairs(array: Any) -> list[tuple[Any, Any]]:
    items = list(array)
    return [
        (str(items[i]) if isinstance(items[i], String) else items[i], items[i + 1])
        for i in range(0, len(items) - 1, 2)
    ]


def _copy(base: Pdf, src: Pdf, obj: Any) -> Any:
    """``obj`` of ``src`` in ``base``, its page and annotation references mapped to the copies."""
    return base.copy_foreign(obj if obj.is_indirect else src.make_indirect(obj))


def _shift_keys(src: Pdf, by: int) -> int:
    """Move ``src``'s parent-tree keys up by ``by``; returns how many keys it uses."""
    nums = src.Root.StructTreeRoot.ParentTree.Nums
    keys = [int(nums[i]) for i in range(0, len(nums), 2)]
    for i in range(0, len(nums), 2):
        nums[i] = int(nums[i]) + by
    for page in src.pages:
        if "/StructParents" in page.obj:
            page.obj.StructParents = int(page.obj.StructParents) + by
        for annot in page.obj.get("/Annots", ()):
            if "/StructParent" in annot:
                annot.StructParent = int(annot.StructParent) + by
    return max(keys, default=-1) + 1


def _moved(item: OutlineItem, pages: dict[Any, int], first: int) -> OutlineItem:
    """A bookmark of a later part, pointing at its page in the joined document."""
    dest = item.destination
    page = first + pages.get(dest[0].objgen, 0) if isinstance(dest, Array) and len(dest) else first
    left = top = None
    if isinstance(dest, Array) and len(dest) >= 4:
        left, top = float(dest[2]), float(dest[3])
    moved = OutlineItem(item.title, page, pikepdf.PageLocation.XYZ, left=left, top=top)
    moved.is_closed = item.is_closed
    moved.children.extend(_moved(child, pages, first) for child in item.children)
    return moved


def _local_links(page: pikepdf.Page) -> None:
    """``DEST_SCHEME:name`` URI links of ``page`` made links to the named destination ``name``."""
    prefix = DEST_SCHEME + ":"
    for annot in page.obj.get("/Annots", ()):
        action = annot.get("/A")
        uri = str(action.get("/URI", "")) if action is not None else ""
        if action is not None and action.get("/S") == Name.URI and uri.startswith(prefix):
            del annot.A
            annot.Dest = String(uri.removeprefix(prefix))
            if "/Contents" in annot:
                annot.Contents = String(uri.removeprefix(prefix))
