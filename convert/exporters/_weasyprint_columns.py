"""Carried speed-ups for WeasyPrint 70's multi-column layout: the same boxes, laid out with less work.

WeasyPrint lays out the columns of every page several times: trial runs find
the column height (full height, then balancing heights for the last page),
and a final run lays the columns out again at the height found, with the same
arguments as the last trial (``weasyprint/layout/column.py``; upstream
discussion of the algorithm's cost: https://github.com/Kozea/WeasyPrint/pull/1597
and https://github.com/Kozea/WeasyPrint/issues/1642). Every run breaks the
same paragraphs into the same lines at the same width again. Two-column
pages took about twice the time of one column.

1. **The final run keeps the trial's columns** when the result cannot differ:

   - the final call has exactly the trial's arguments (space below, skip
     stack, whether the page is empty, width, top) and the layout context is
     in the same state (page bottom, footnote area, footnotes on the page,
     excluded shapes, forced break), so WeasyPrint's deterministic layout
     would return the same boxes;
   - the trial column holds nothing that registers itself with the context
     while it is laid out (footnotes, running elements, floats, absolutely or
     fixed positioned boxes, boxes broken out of flow): WeasyPrint's trials
     unregister those afterwards, so such a column is laid out again as before.

   The kept column moves to its place across the page (``translate``), which
   is all the final run does differently.

   The trials and the final run may differ in one argument, whether the
   page is empty: the first full-height trial says it is, balancing trials
   say it is not, and the final run passes what the page really holds (on
   the first page, content above the columns; on a later one, none). The
   flag only changes how the column's first block is placed (margins
   truncated at the top of a later page, a first line or block allowed to
   overflow, an avoided break inside it ignored) and whether an avoided
   break between blocks may be ignored when no earlier break is found
   (``weasyprint/layout/block.py``). The trial is kept across that
   difference only when none of these can apply (:func:`_same_when_empty`):
   its first block is whole, nothing in it overflows, it holds no table,
   flex or grid box, every box opening it has no top margin on a later
   page (none declared, when the trial's page was the empty one), and the
   column does not end at an avoided break.

2. **Lines are broken once per column set**: while one multi-column box is
   laid out, ``split_first_line`` (Pango's line breaking, hyphenation) keeps
   its result per text, computed style, width and spacing, so the trial,
   balancing and final runs reuse it. The function depends on nothing else;
   its layout object is only read afterwards (justification makes a new one;
   only ``text-overflow``/``block-ellipsis`` drawing edits it, and those
   styles are not cached).

Both are checked by byte-identical PDFs with and without them
(``tests/test_pdf_columns.py``; the corpus run in ``bench/RESULTS.md``).
Pinned to the WeasyPrint version they were written for: with any other,
:func:`install` does nothing.
"""

from __future__ import annotations

import threading
from collections import Counter
from math import inf
from typing import Any

import weasyprint
import weasyprint.formatting_structure.boxes as _boxes
import weasyprint.layout.block as _block
import weasyprint.layout.column as _column
import weasyprint.layout.inline as _inline

#: The WeasyPrint release whose ``columns_layout`` this was checked against.
SUPPORTED_VERSION = "70.0"

_local = threading.local()
#: Per process: final column layouts taken from a trial ("kept") or laid out again ("again"),
#: and lines whose breaking was reused ("line kept").
counts: Counter[str] = Counter()
_original_block_box_layout = _block.block_box_layout
_original_columns_layout = _column.columns_layout
_original_split_first_line = _inline.split_first_line


def installed() -> bool:
    return _block.block_box_layout is _block_box_layout


def install() -> bool:
    """Put the speed-up in place (once); False when this WeasyPrint is not the one it was checked on."""
    if weasyprint.__version__ != SUPPORTED_VERSION:
        return False
    _block.block_box_layout = _block_box_layout
    _column.columns_layout = _columns_layout
    _block.columns_layout = _columns_layout  # block.py imported the name at load time
    _inline.split_first_line = _split_first_line
    return True


def uninstall() -> None:
    _block.block_box_layout = _original_block_box_layout
    _column.columns_layout = _original_columns_layout
    _block.columns_layout = _original_columns_layout
    _inline.split_first_line = _original_split_first_line


def _columns_layout(*args: Any, **kwargs: Any) -> Any:
    outer = getattr(_local, "memo", None)
    lines = getattr(_local, "lines", None)
    _local.memo = {}
    if lines is None:
        _local.lines = {}
    try:
        return _original_columns_layout(*args, **kwargs)
    finally:
        _local.memo = outer
        if lines is None:
            _local.lines = None


def _split_first_line(
    text: str,
    style: Any,
    context: Any,
    max_width: Any,
    justification_spacing: float,
    is_line_start: bool = True,
    minimum: bool = False,
) -> Any:
    lines = getattr(_local, "lines", None)
    if lines is None or style["text_overflow"] != "clip" or style["block_ellipsis"] != "none":
        return _original_split_first_line(
            text, style, context, max_width, justification_spacing, is_line_start, minimum
        )
    key = (text, id(style), max_width, justification_spacing, is_line_start, minimum)
    hit = lines.get(key)
    if hit is not None and hit[0] is style:
        counts["line kept"] += 1
        return hit[1]
    result = _original_split_first_line(
        text, style, context, max_width, justification_spacing, is_line_start, minimum
    )
    lines[key] = (style, result)
    return result


def _block_box_layout(
    context: Any,
    box: Any,
    bottom_space: float,
    skip_stack: Any,
    containing_block: Any,
    page_is_empty: bool,
    absolute_boxes: Any,
    fixed_boxes: Any,
    adjoining_margins: Any,
    first_letter_style: Any,
    first_line_style: Any,
    discard: bool,
    max_lines: Any,
) -> Any:
    args = (
        context, box, bottom_space, skip_stack, containing_block, page_is_empty, absolute_boxes,
        fixed_boxes, adjoining_margins, first_letter_style, first_line_style, discard, max_lines,
    )  # fmt: skip
    memo = getattr(_local, "memo", None)
    # Only the calls columns_layout makes for a whole column; "inf" is its probe of the next box.
    if memo is None or not box.is_column or bottom_space == inf:
        return _original_block_box_layout(*args)
    key = _key(context, box, bottom_space, skip_stack, containing_block, first_letter_style,
               first_line_style, discard, max_lines)  # fmt: skip
    if adjoining_margins is None:  # the final run (trials pass a fresh list)
        kept = memo.pop(key, None)
        if kept is not None:
            result, position_x, trial_empty = kept
            same = bool(page_is_empty) == trial_empty or _same_when_empty(
                context, box, result, bottom_space, skip_stack, trial_empty
            )
            if same and _self_contained(context, result[0]):
                result[0].translate(box.position_x - position_x, 0)
                counts["kept"] += 1
                return result
        counts["again"] += 1
        return _original_block_box_layout(*args)
    result = _original_block_box_layout(*args)
    if result[0] is not None:
        memo[key] = (result, box.position_x, bool(page_is_empty))
    return result


def _key(
    context: Any,
    box: Any,
    bottom_space: float,
    skip_stack: Any,
    containing_block: Any,
    first_letter_style: Any,
    first_line_style: Any,
    discard: bool,
    max_lines: Any,
) -> tuple[Any, ...]:
    area = context.current_footnote_area
    return (
        box.width,
        box.position_y,
        bottom_space,
        repr(skip_stack),  # nested dicts of ints and None
        id(containing_block),
        id(first_letter_style),
        id(first_line_style),
        discard,
        max_lines,
        context.page_bottom,
        None if area is None or area.height == "auto" else area.margin_height(),
        len(context.current_page_footnotes),
        len(context.reported_footnotes),
        tuple(id(shape) for shape in context.excluded_shapes),
        len(context.broken_out_of_flow),
        context.forced_break,
        context.current_page,
    )


def _self_contained(context: Any, column: Any) -> bool:
    """Whether nothing in ``column`` registered itself with the layout context."""
    for node in column.descendants(placeholders=True):
        if getattr(node, "footnote", None) is not None or getattr(node, "note", None) is not None:
            return False
        style = getattr(node, "style", None)
        if style is not None and (style["position"] in ("absolute", "fixed") or style["float"] != "none"):
            return False
        if node in context.broken_out_of_flow:
            return False
    return True


#: Boxes whose layout reads "page is empty" in ways of their own (``weasyprint/layout/table.py``,
#: ``flex.py``, ``grid.py``): a column holding one at its top is laid out again.
_OWN_BREAKING = (_boxes.TableBox, _boxes.FlexContainerBox, _boxes.GridContainerBox)


def _same_when_empty(
    context: Any, box: Any, result: Any, bottom_space: float, skip_stack: Any, trial_empty: bool
) -> bool:
    """Whether a column laid out with the page empty (or not) is the same with the flag flipped.

    ``block_container_layout`` of the column passes the flag to its first
    in-flow child only (later children get "not empty" either way) and reads
    it itself when a child that does not fit follows an avoided break with no
    earlier break to take: an empty page ignores the "avoid", a page with
    content gives the column up. The first child reads it for margins at the
    top of a later page and for what overflows.
    """
    column, resume_at = result[0], result[1]
    if _block.avoid_page_break(box.style["break_inside"], context):
        return False
    children = [c for c in column.children if c.is_in_normal_flow()]
    if not children or len(children) != len(column.children):
        return False  # out-of-flow boxes: _self_contained refuses them anyway
    if any(isinstance(c, _boxes.LineBox) for c in children):
        return False
    first = children[0]
    start = next(iter(skip_stack)) if skip_stack else 0
    if getattr(first, "index", None) != start:
        return False
    if resume_at is not None:
        if len(resume_at) != 1:
            return False  # not a skip stack this check knows: lay the column out again
        ((index, rest),) = resume_at.items()
        if index <= start:
            return False  # the first block is cut: where it breaks depends on the flag
        if rest is None and trial_empty:
            # The final run's page holds content: an avoided break here would give the column up.
            sibling = box.children[index]
            if _block.avoid_page_break(_block.block_level_page_break(children[-1], sibling), context):
                return False
    if context.current_page > 1:
        # At the top of a later page an empty-page run sets the top margins of the boxes opening
        # the column to zero: the other run must find them zero too. The trial that truncated
        # them shows zeros, so then the declared margin is what must be zero.
        chain: Any = first
        while chain is not None:
            declared = chain.style["margin_top"]
            if chain.margin_top or (trial_empty and getattr(declared, "value", None) != 0):
                return False
            inner = [c for c in getattr(chain, "children", ()) if c.is_in_normal_flow()]
            chain = inner[0] if inner and isinstance(inner[0], _boxes.BlockLevelBox) else None
    bottom = context.page_bottom - bottom_space
    for node in first.descendants():
        if isinstance(node, _OWN_BREAKING):
            return False
        try:
            node_bottom = node.position_y + node.margin_height()
        except (AttributeError, TypeError):  # a box WeasyPrint left without a used height
            return False
        if context.overflows(bottom, node_bottom):
            return False
    return True
