"""Copyable letters for shaped scripts: each glyph's ToUnicode entry from the font's own cmap.

A PDF maps each glyph of a font to one text string (its ToUnicode CMap), whatever cluster the
glyph was drawn in. WeasyPrint 70 (``draw_first_line`` in ``weasyprint/draw/text.py``) gives a
glyph the text from its cluster's start to the next glyph's cluster, the first time it draws it:
in a cluster of several glyphs (Tamil ``கோ`` is drawn ``ெ`` + ``க`` + ``ா``; Thai ``ที่`` a base,
a vowel and a tone mark; Bengali and Devanagari vowel signs) every glyph but the last gets the
empty string, and the last the whole cluster, for every later use too. So copied Tamil text read
``ரா`` as ``ரோ`` wherever the glyph of ``ா`` was first drawn in a ``ோ``, and the marks drawn first
in a cluster vanished.

Here a glyph the font's cmap gives a character for (or a single or alternate substitution makes
from such a glyph) stands for that character when WeasyPrint would give it no text, or the text of
a cluster with a mark that holds it (compared decomposed, NFKD, so ``ா`` is found in ``ோ``). Every letter then comes back; a vowel sign drawn before its consonant
comes back before it (the order it is seen in, as in most PDF writers without ``ActualText``,
which WeasyPrint does not write). A glyph for a whole cluster that no character maps to (a
ligature, a conjunct) keeps WeasyPrint's text, and so does a glyph whose cmap character is not in
its cluster (``ﬁ`` for ``fi``). The glyphs drawn and the subset are unchanged: only the text layer.

Pinned to the WeasyPrint release it was written for (the ``to_unicode`` dict of
``weasyprint.pdf.fonts.Font`` filled by ``draw_first_line``); with any other, :func:`install`
does nothing.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from typing import Any

import weasyprint

try:
    from weasyprint.pdf.stream import Stream as _Stream

    _original_add_font = _Stream.add_font
    _FOUND = True
except (ImportError, AttributeError):
    _FOUND = False

SUPPORTED_VERSION = "70.0"


class _GlyphText(dict[int, str]):
    """``Font.to_unicode``: the text of each glyph drawn, from the font's cmap where WeasyPrint's
    cluster text would be empty or the whole cluster (see the module's docstring)."""

    def __init__(self, font: Any) -> None:
        super().__init__()
        self._font = font
        self._characters: dict[int, tuple[int, ...]] | None = None

    def characters(self, glyph: int) -> tuple[int, ...]:
        """The code points ``glyph`` stands for in the font (see :func:`_glyph_characters`)."""
        if self._characters is None:
            self._characters = _glyph_characters(self._font.file_content, self._font.index)
        return self._characters.get(glyph, ())

    def __setitem__(self, glyph: int, text: str) -> None:
        # Only text with a mark (decomposed: Thai SARA AM holds NIKHAHIT) comes from a cluster that
        # can be drawn in several glyphs; a Latin ligature (fi) keeps its text without reading the font.
        parts = unicodedata.normalize("NFKD", text)
        if not text or any(unicodedata.category(ch).startswith("M") for ch in parts):
            for code in self.characters(glyph):
                if not text or chr(code) in text or chr(code) in parts:
                    text = chr(code)
                    break
        super().__setitem__(glyph, text)


#: Glyph characters of the fonts read so far, by the font file's digest (a batch draws the same faces).
_READ: dict[bytes, dict[int, tuple[int, ...]]] = {}
_MAX_READ = 64


def _glyph_characters(content: bytes, index: int) -> dict[int, tuple[int, ...]]:
    """For each glyph, the code points the font's cmap maps to it; a glyph only a single or
    alternate substitution (GSUB lookup types 1 and 3) makes from such a glyph stands for the same
    ones (Devanagari's narrower and wider ``ि``, Myanmar's medial forms). Read once per font file."""
    key = hashlib.sha256(content).digest() + index.to_bytes(4, "big")
    if key in _READ:
        return _READ[key]
    found: dict[int, tuple[int, ...]] = {}
    try:
        from fontTools.ttLib import TTFont

        number = index if content[:4] == b"ttcf" else -1
        with TTFont(io.BytesIO(content), fontNumber=number, lazy=True) as font:
            by_name: dict[str, tuple[int, ...]] = {}
            for code, name in sorted(font.getBestCmap().items()):
                by_name[name] = (*by_name.get(name, ()), code)
            pairs: list[tuple[str, str]] = []
            if "GSUB" in font:
                for lookup in font["GSUB"].table.LookupList.Lookup:
                    for table in lookup.SubTable:
                        table = getattr(table, "ExtSubTable", table)
                        kind = getattr(table, "LookupType", lookup.LookupType)
                        if kind == 1:
                            pairs += table.mapping.items()
                        elif kind == 3:
                            pairs += [(a, b) for a, alts in table.alternates.items() for b in alts]
            for _ in range(4):  # substitutions of substitutions: a few rounds reach them all
                added = False
                for source, target in pairs:
                    if source in by_name and target not in by_name:
                        by_name[target] = by_name[source]
                        added = True
                if not added:
                    break
            found = {font.getGlyphID(name): codes for name, codes in by_name.items()}
    except Exception:  # a font fontTools cannot read keeps WeasyPrint's text
        found = {}
    if len(_READ) >= _MAX_READ:
        _READ.clear()
    _READ[key] = found
    return found


def _add_font(self: Any, pango_font: Any) -> Any:
    font, size = _original_add_font(self, pango_font)
    if type(font.to_unicode) is dict and not font.to_unicode and not font.bitmap:
        font.to_unicode = _GlyphText(font)
    return font, size


def installed() -> bool:
    return _FOUND and _Stream.add_font is _add_font


def install() -> bool:
    """Put the glyph text in place (once); False when this WeasyPrint is not the one checked."""
    if not _FOUND or weasyprint.__version__ != SUPPORTED_VERSION:
        return False
    _Stream.add_font = _add_font
    return True


def uninstall() -> None:
    if _FOUND:
        _Stream.add_font = _original_add_font
