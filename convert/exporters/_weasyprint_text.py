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

2. **One Pango context per language and direction, one font description
   per font.** ``Layout.setup`` (``weasyprint/text/line_break.py``) runs for
   every text layout (each line is laid out three to five times while lines
   are broken, hyphenated and drawn) and builds a new Pango context and font
   description each time. A context holds only what setup gives it (font
   map, base direction, language, unrounded glyph positions) and is never
   changed afterwards; Pango copies a font description into the layout. So
   both are made once per font configuration and kept: per (direction,
   language), and per the style values the description is made of.

3. **A style's strut measured once.** ``strut`` (``weasyprint/text/line_break.py``)
   gives a line's height and baseline from its style. WeasyPrint keeps the
   answer per font configuration under a string built from sixteen style
   values (``_font_style_cache_key``), but builds and hashes that string on
   every call: several times for each line laid out, from some 25 styles. The
   answer for a string is stored once and never replaced, and the same value
   objects (strings, numbers and tuples of them, which cannot change) make the
   same string; so a style asked again, holding the very same values and font
   configuration, gets the answer it got the first time.

4. **Page references counted once while tagging.** ``add_tags``
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

#: The releases whose ``add_word_spacing``, ``Layout.setup``, ``strut`` and ``add_tags`` this was checked against.
SUPPORTED_VERSIONS = {"weasyprint": "70.0", "pydyf": "0.13.0"}

try:  # names of WeasyPrint 70's internals; an older or newer release may lack some (62 has no add_tags)
    import weasyprint.layout.inline as _inline
    import weasyprint.pdf as _pdf
    from weasyprint.formatting_structure import boxes as _boxes
    from weasyprint.text.constants import LST_TO_ISO, PANGO_DIRECTION
    from weasyprint.text.ffi import FROM_UNITS, ffi, gobject, pango, unicode_to_char_p
    from weasyprint.text.fonts import font_features, get_font_description
    from weasyprint.text.line_break import Layout as _Layout

    _original_add_word_spacing = _inline.add_word_spacing
    _original_strut = _inline.strut
    _original_add_tags = _pdf.add_tags
    _original_setup = _Layout.setup
    _FOUND = True
except (ImportError, AttributeError):
    _FOUND = False
#: Past this many kept font descriptions (distinct fonts and sizes) in one font configuration, start again.
_MAX_DESCRIPTIONS = 4096
#: The same for Pango contexts (one per direction and language: a page's ``lang`` values decide).
_MAX_CONTEXTS = 256


def installed() -> bool:
    return _FOUND and _inline.add_word_spacing is _add_word_spacing


def install() -> bool:
    """Put the speed-ups in place (once); False when these versions are not the ones checked."""
    if (
        not _FOUND
        or weasyprint.__version__ != SUPPORTED_VERSIONS["weasyprint"]
        or pydyf.__version__ != SUPPORTED_VERSIONS["pydyf"]
    ):
        return False
    _inline.add_word_spacing = _add_word_spacing
    _inline.strut = _strut
    _pdf.add_tags = _add_tags
    _Layout.setup = _setup
    return True


def uninstall() -> None:
    if not _FOUND:
        return
    _inline.add_word_spacing = _original_add_word_spacing
    _inline.strut = _original_strut
    _pdf.add_tags = _original_add_tags
    _Layout.setup = _original_setup


class _Kept:
    """What one font configuration's layouts share: Pango contexts and font descriptions."""

    def __init__(self) -> None:
        self.contexts: dict[tuple[str, str | None], tuple[Any, Any]] = {}
        self.descriptions: dict[tuple[Any, ...], Any] = {}


def _kept(font_config: Any) -> _Kept:
    kept: _Kept | None = font_config.__dict__.get("_broadsheet_kept")
    if kept is None:
        kept = font_config._broadsheet_kept = _Kept()
    return kept


def _context(style: Any, kept: _Kept) -> tuple[Any, Any]:
    """The Pango context and language ``Layout.setup`` would make for ``style``."""
    if style["font_language_override"] != "normal":
        override = style["font_language_override"]
        lang = LST_TO_ISO.get(override.lower(), override)
    else:
        lang = style["lang"] or None
    key = (style["direction"], lang)
    found = kept.contexts.get(key)
    if found is None:
        if len(kept.contexts) >= _MAX_CONTEXTS:  # a page of many lang= values: start again
            kept.contexts.clear()
        context = ffi.gc(
            pango.pango_font_map_create_context(style.font_config.font_map), gobject.g_object_unref
        )
        pango.pango_context_set_round_glyph_positions(context, False)
        pango.pango_context_set_base_dir(context, PANGO_DIRECTION[style["direction"]])
        if lang:
            lang_p, _ = unicode_to_char_p(lang)
            language = pango.pango_language_from_string(lang_p)
            pango.pango_context_set_language(context, language)
        else:
            language = pango.pango_language_get_default()
        found = kept.contexts[key] = (context, language)
    return found


def _description(style: Any, kept: _Kept) -> Any:
    """The font description ``get_font_description`` makes for ``style`` (read only: Pango copies it)."""
    key = (
        style["font_family"],
        style["font_style"],
        style["font_stretch"],
        style["font_weight"],
        style["font_size"],
        style["font_variant_caps"],
        style["font_variation_settings"],
    )
    try:
        found = kept.descriptions.get(key)
    except TypeError:  # a value this was not written for (unhashable): no keeping
        return get_font_description(style)
    if found is None:
        if len(kept.descriptions) >= _MAX_DESCRIPTIONS:
            kept.descriptions.clear()
        found = kept.descriptions[key] = get_font_description(style)
    return found


def _setup(self: Any, style: Any) -> None:
    # weasyprint/text/line_break.py, Layout.setup, with the kept context and font description.
    self.style = style
    self.first_line_direction = 0
    kept = _kept(style.font_config)
    pango_context, self.language = _context(style, kept)
    assert not isinstance(style["font_family"], str), "font_family should be a list"
    font_description = _description(style, kept)
    self.layout = ffi.gc(pango.pango_layout_new(pango_context), gobject.g_object_unref)
    pango.pango_layout_set_auto_dir(self.layout, False)
    pango.pango_layout_set_font_description(self.layout, font_description)

    if style["text_decoration_line"] != "none":
        metrics = ffi.gc(
            pango.pango_context_get_metrics(pango_context, font_description, self.language),
            pango.pango_font_metrics_unref,
        )
        self.ascent = FROM_UNITS * pango.pango_font_metrics_get_ascent(metrics)
        self.underline_position = FROM_UNITS * pango.pango_font_metrics_get_underline_position(metrics)
        self.strikethrough_position = FROM_UNITS * pango.pango_font_metrics_get_strikethrough_position(
            metrics
        )
        self.underline_thickness = FROM_UNITS * pango.pango_font_metrics_get_underline_thickness(metrics)
        self.strikethrough_thickness = FROM_UNITS * pango.pango_font_metrics_get_strikethrough_thickness(
            metrics
        )
    else:
        self.ascent = None
        self.underline_position = None
        self.strikethrough_position = None

    features = font_features(
        style["font_kerning"],
        style["font_variant_ligatures"],
        style["font_variant_position"],
        style["font_variant_caps"],
        style["font_variant_numeric"],
        style["font_variant_alternates"],
        style["font_variant_east_asian"],
        style["font_feature_settings"],
    )
    if features:
        encoded = ",".join(f"{key} {value}" for key, value in features.items()).encode()
        attr = style.font_config.font_features.setdefault(
            encoded, pango.pango_attr_font_features_new(encoded)
        )
        attr_list = pango.pango_attr_list_new()
        pango.pango_attr_list_insert(attr_list, attr)
        pango.pango_layout_set_attributes(self.layout, attr_list)


#: The style values ``_font_style_cache_key(style, include_size=True)`` is made of, in its order,
#: after ``font_size`` (which ``strut`` reads first).
_STRUT_VALUES = (
    "font_size", "font_family", "font_style", "font_stretch", "font_weight", "font_variant_ligatures",
    "font_variant_position", "font_variant_caps", "font_variant_numeric", "font_variant_alternates",
    "font_variant_east_asian", "font_feature_settings", "font_variation_settings", "font_language_override",
    "lang", "line_height",
)  # fmt: skip


def _fixed(value: Any) -> bool:
    """Whether ``value`` and all it holds cannot change (so its ``repr`` cannot either)."""
    if value is None or type(value) in (str, int, float, bool):
        return True
    return isinstance(value, tuple) and all(_fixed(item) for item in value)


def _strut(style: Any) -> Any:
    # weasyprint/text/line_break.py, strut, answered again for a style whose key values are the same objects.
    values = tuple([style[name] for name in _STRUT_VALUES])
    kept = style.__dict__.get("_broadsheet_strut")
    if (
        kept is not None
        and kept[1] is style.font_config
        and all([a is b for a, b in zip(kept[0], values, strict=True)])
    ):
        return kept[2]
    result = _original_strut(style)
    if _fixed(values):
        style._broadsheet_strut = (values, style.font_config, result)
    return result


class _ParkedLayout(_Layout):  # type: ignore[misc]  # WeasyPrint has no type information
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
