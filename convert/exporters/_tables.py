"""How wide a table is, in characters: the class the HTML gives its wrapper, for the theme's CSS."""

from __future__ import annotations

from ..model import Table, plain_text

#: Table width classes, by the estimated width in characters a table needs (its
#: longest word per column) and wants (its longest cell per column, up to
#: ``_CELL_WANT``), cell padding included. The theme's CSS decides what each does
#: (print.css: ``narrow`` stays in its column, the others span the page and get
#: smaller type). Bounds: a column of the default two-column A4 page holds about
#: 45 characters at table size, the full measure about 95.
TABLE_WIDTHS = ("table-narrow", "table-wide", "table-wider", "table-widest")
_CELL_PAD = 2.5
_CELL_WANT = 40


def table_extent(table: Table) -> tuple[float, float]:
    """(characters the table needs, characters it would like): see :data:`TABLE_WIDTHS`."""
    from ..locale.script import display_width

    rows = (*table.head, *table.rows)
    columns = max((len(r) for r in rows), default=0)
    need = want = 0.0
    for c in range(columns):
        cells = [" ".join(plain_text(r[c]).split()) for r in rows if c < len(r)]
        word = max((display_width(w) for cell in cells for w in cell.split(" ")), default=0)
        whole = max((display_width(cell) for cell in cells), default=0)
        need += word + _CELL_PAD
        want += min(whole, max(word, _CELL_WANT)) + _CELL_PAD
    return need, want


def table_width_class(table: Table) -> str:
    """One of :data:`TABLE_WIDTHS` for ``table``."""
    need, want = table_extent(table)
    if want <= 45:
        return TABLE_WIDTHS[0]
    if need <= 95:
        return TABLE_WIDTHS[1]
    if need <= 120:
        return TABLE_WIDTHS[2]
    return TABLE_WIDTHS[3]
