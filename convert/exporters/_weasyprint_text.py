"""Carried speed-ups for WeasyPrint 70 outside column layout: the same PDF, with less work.

1. **No throw-away layout for justified text.** ``add_word_spacing``
   (``weasyprint/layout/inline.py``) gives every text box of a justified
   line a new Pango layout, built with a Pango context, font description and
   text attributes, and deactivates it at once: drawing sets it up again
   (``Layout.reactivate``) from what deactivation keeps, which is the text,
   the justification spacing and the maximum width. Here the box gets a
   layout holding just those, the same values ``Layout.set_text`` would
   have left, so nothing is built that is thrown away. A text with a
   decoration keeps WeasyPrint's own path: drawing reads the underline and
   line-through metrics set up with the throw-away layout before it sets the
   layout up again.

2. **Page references counted once while tagging.** ``add_tags``
   (``weasyprint/pdf/tags.py``) asks ``pdf.page_references`` for every
   structure element, and pydyf builds the tuple of all page references
   anew each time; tagging adds no page, so it sees the tuple built once.

Checked by byte-identical PDFs with and without them (``tests/test_pdf_speedups.py``).
Pinned to the WeasyPrint and pydyf versions they were written for: with any
other, :func:`install` does nothing.
"""

from __future__ import annotations

from typing import Any

import pydyf
import weasyprint
import weasyprint.layout.inline as _inline
import weasyprint.pdf as _pdf
from weasyprint.formatting_structure import boxes as _boxes
from weasyprint.text.line_break import Layout as _Layout

#: The releases whose ``add_word_spacing``, ``Layout`` and ``add_tags`` this was checked against.
SUPPORTED_VERSIONS = {"weasyprint": "70.0", "pydyf": "0.13.0"}

_original_add_word_spacing = _inline.add_word_spacing
_original_add_tags = _pdf.add_tags


def installed() -> bool:
    return _inline.add_word_spacing is _add_word_spacing


def install() -> bool:
    """Put the speed-ups in place (once); False when these versions are not the ones checked."""
    if weasyprint.__version__ != SUPPORTED_VERSIONS["weasyprint"] or (
        pydyf.__version__ != SUPPORTED_VERSIONS["pydyf"]
    ):
        return False
    _inline.add_word_spacing = _add_word_spacing
    _pdf.add_tags = _add_tags
    return True


def uninstall() -> None:
    _inline.add_word_spacing = _original_add_word_spacing
    _pdf.add_tags = _original_add_tags


class _ParkedLayout(_Layout):
    """A text box's layout as ``create_layout(text, style, …, max_width=None)`` then ``deactivate()``
    leave it: ``reactivate(style)`` sets it up when the box is drawn."""

    def __init__(self, text: str, style: Any, justification_spacing: float) -> None:
        self.justification_spacing = justification_spacing
        self.max_width = None
        self.first_line_direction = 0
        # Layout.setup leaves these None when the style has no text decoration.
        self.ascent = self.underline_position = self.strikethrough_position = None
        # Layout.set_text (not justified): the first line and one more character; a lone space
        # with word spacing becomes a space and a zero-width space.
        index = text.find("\n")
        if index != -1:
            text = text[: index + 2]
        if text == " " and style["word_spacing"]:
            text = " \u200b"
        self.text = text


def _add_word_spacing(context: Any, box: Any, justification_spacing: float, x_advance: float) -> float:
    # weasyprint/layout/inline.py, add_word_spacing, with the parked layout.
    if isinstance(box, _boxes.TextBox):
        box.justification_spacing = justification_spacing
        box.position_x += x_advance
        nb_spaces = _inline.count_expandable_spaces(box)
        if nb_spaces > 0:
            if box.style["text_decoration_line"] != "none":
                layout = _inline.create_layout(
                    box.text, box.style, context, max_width=None, justification_spacing=justification_spacing
                )
                layout.deactivate()
            else:
                layout = _ParkedLayout(box.text, box.style, justification_spacing)
            extra_space = justification_spacing * nb_spaces
            x_advance += extra_space
            box.width += extra_space
            box.pango_layout = layout
    elif isinstance(box, (_boxes.LineBox, _boxes.InlineBox)):
        box.position_x += x_advance
        previous_x_advance = x_advance
        children = box.children
        if box.style["direction"] == "rtl":
            children = children[::-1]
        for child in children:
            if child.is_in_normal_flow():
                x_advance = _add_word_spacing(context, child, justification_spacing, x_advance)
        box.width += x_advance - previous_x_advance
    else:  # an atomic inline-level box
        box.translate(x_advance, 0)
    return x_advance


class _FixedPages:
    """``pdf`` with its page references read once (tagging adds objects, never pages)."""

    def __init__(self, pdf: Any) -> None:
        self._pdf = pdf
        self.page_references = pdf.page_references

    def __getattr__(self, name: str) -> Any:
        return getattr(self._pdf, name)


def _add_tags(pdf: Any, *args: Any, **kwargs: Any) -> Any:
    return _original_add_tags(_FixedPages(pdf), *args, **kwargs)
