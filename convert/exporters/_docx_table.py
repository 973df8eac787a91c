"""Tables for the direct DOCX writer, as pandoc's ``Writers/Docx/Table.hs`` writes them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..pandoc_ast import Json, stringify
from ._docx_direct import TEXT_WIDTH, Unsupported, esc

if TYPE_CHECKING:
    from ._docx_direct import Writer


def table(w: Writer, c: list[Any]) -> str:
    """A pandoc ``Table`` (our mapping's shape: plain cells, default widths and alignment)."""
    (ident, _classes, _kvs), (_short, caption), colspecs, head, bodies, foot = c
    if (
        ident
        or foot[1]
        or any(spec[0]["t"] != "AlignDefault" or spec[1]["t"] != "ColWidthDefault" for spec in colspecs)
    ):
        raise Unsupported("a table with widths, alignment, an id or a foot")
    head_rows = head[1]
    body_rows = [row for body in bodies for row in (*body[2], *body[3])]
    ncols = len(colspecs)
    out = []
    if caption:
        with w.with_para_style("TableCaption"):
            out.append(w.blocks(caption))
    look = (
        '<w:tblLook w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" '
        'w:noVBand="0" w:val="0020" />'
        if head_rows
        else '<w:tblLook w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" '
        'w:noVBand="0" w:val="0000" />'
    )
    cap = f'<w:tblCaption w:val="{esc(stringify(caption))}" />' if caption else ""
    grid = f'<w:gridCol w:w="{TEXT_WIDTH // ncols}" />' * ncols if ncols else ""
    rows = [_row(w, row, header=True) for row in head_rows] + [
        _row(w, row, header=False) for row in body_rows
    ]
    out.append(
        f'<w:tbl><w:tblPr><w:tblStyle w:val="Table" /><w:tblW w:type="auto" w:w="0" />{look}{cap}</w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
    )
    return "".join(out)


def _row(w: Writer, row: list[Any], *, header: bool) -> str:
    _attr, cells = row
    out = ['<w:tr><w:trPr><w:tblHeader w:val="on" /></w:trPr>' if header else "<w:tr>"]
    for cell in cells:
        _cattr, align, rowspan, colspan, blocks = cell
        if align["t"] != "AlignDefault" or rowspan != 1 or colspan != 1:
            raise Unsupported("a table cell with alignment or spans")
        out.append(f"<w:tc><w:tcPr />{_cell(w, blocks)}</w:tc>")
    out.append("</w:tr>")
    return "".join(out)


def _cell(w: Writer, blocks: list[Json]) -> str:
    old = w.in_table
    w.in_table = True
    with w.local(list_level=-1):
        body = w.blocks(blocks)
        if not blocks:
            with w.with_para_style("Compact"):
                body = w.wrap_para(w.ppr("Compact"), "")
    w.in_table = old
    return body
