"""Copyable letters for shaped scripts: a glyph's ToUnicode text split out of its cluster.

A PDF maps each glyph of a font to one text string (its ToUnicode CMap), whatever cluster the
glyph was drawn in. WeasyPrint 70 (``draw_first_line`` in ``weasyprint/draw/text.py``) gives a
glyph the text from its cluster's start to the next glyph's cluster, the first time it draws it:
in a cluster of several glyphs (Tamil ``கோ`` is drawn ``ெ`` + ``க`` + ``ா``; Thai ``ที่`` a base,
a vowel and a tone mark) every glyph but the last gets the empty string, and the last the whole
cluster, for every later use too. So copied Tamil text read ``ரா`` as ``ரோ`` wherever the glyph
of ``ா`` was first drawn in a ``ோ``, and the marks drawn first in a cluster vanished.

Here, after WeasyPrint has drawn a line, each cluster it first drew a glyph in is looked at again:
when EVERY glyph of the cluster stands for one character in the font (its cmap, or a single or
alternate substitution reached from one code point only, see :func:`_glyph_characters`) and those
characters, with the texts its other glyphs already copy as, are exactly the cluster's (a multiset,
compared decomposed: ``ோ`` is ``ெ`` + ``ா``), the glyphs first drawn there take their own
characters; one glyph with no character of its own (a conjunct) may take the letters left over
when they stay in reading order. A cluster that does not add up is tried with the next one (Pango
gives the ``ே`` of a precomposed ``ோ`` to the consonant's cluster). Otherwise (a reph or a
prescript ``്ര`` with no character, a ligature, a glyph missing) WeasyPrint's text stays: the split
itself drops or doubles no letter. A vowel sign drawn before its consonant then copies before it
(the order drawn, as in most PDF writers without ``ActualText``, which WeasyPrint does not write),
so the split is made only for the scripts where it was measured to find more words
(:data:`SPLIT_SCRIPTS`). The glyphs drawn and the subset are unchanged: only the text layer.

Pinned to the WeasyPrint release it was written for (``draw_first_line`` and the ``to_unicode``
dict of ``weasyprint.pdf.fonts.Font``); with any other, :func:`install` does nothing.
"""

from __future__ import annotations

import hashlib
import io
import unicodedata
from collections import Counter
from typing import Any

import weasyprint

from ..locale.script import char_script

try:
    from weasyprint.draw import text as _draw_text
    from weasyprint.pdf.stream import Stream as _Stream
    from weasyprint.text.ffi import ffi as _ffi
    from weasyprint.text.ffi import pango as _pango

    _original_add_font = _Stream.add_font
    _original_draw_first_line = _draw_text.draw_first_line
    _FOUND = True
except (ImportError, AttributeError):
    _FOUND = False

SUPPORTED_VERSION = "70.0"

#: ISO 15924 scripts (of a cluster's first letter) whose clusters are split. A vowel sign drawn
#: before its consonant copies before it once split (``ெம`` for ``மெ``), so a split finds some words
#: and loses others; it is done only where it was measured to find more words in pdftotext's output
#: than WeasyPrint's own text (README, *Scripts*): Tamil, Malayalam, Myanmar; Thai (as many words,
#: no letter lost). Not Devanagari, Sinhala (fewer words), Bengali (more in one article, fewer in
#: another), Khmer (as many words, a letter doubled) or a script not measured.
SPLIT_SCRIPTS: frozenset[str] = frozenset({"Taml", "Mlym", "Mymr", "Thai"})


class _GlyphText(dict[int, str]):
    """``Font.to_unicode``: WeasyPrint's text, with the glyphs set since the last line drawn kept
    aside until :meth:`split` sees their clusters."""

    def __init__(self, font: Any) -> None:
        super().__init__()
        self._font = font
        self._characters: dict[int, tuple[int, ...]] | None = None
        self.fresh: set[int] = set()

    def characters(self, glyph: int) -> tuple[int, ...]:
        """The code points ``glyph`` stands for in the font (see :func:`_glyph_characters`)."""
        if self._characters is None:
            self._characters = _glyph_characters(self._font.file_content, self._font.index)
        return self._characters.get(glyph, ())

    def __setitem__(self, glyph: int, text: str) -> None:
        self.fresh.add(glyph)
        super().__setitem__(glyph, text)

    def split(self, clusters: list[tuple[list[int], str] | None], rtl: bool = False) -> None:
        """Give the fresh glyphs of each cluster of a run (``glyphs`` drawn for ``text``, in the
        order drawn; None for one with a missing glyph) their own characters when, with the texts
        the others already copy as, they make exactly the cluster's letters; one fresh glyph with no
        character of its own (a conjunct, a reph) takes the letters left over. A cluster that does
        not add up is tried with the next one drawn (``rtl``: the letters before it) (Pango puts the ``ே`` of a precomposed Tamil ``ோ``
        with the consonant before it and the ``ா`` alone). Otherwise WeasyPrint's text stays."""
        i = 0
        while i < len(clusters):
            here, after = clusters[i], clusters[i + 1] if i + 1 < len(clusters) else None
            i += 1
            if here is None:
                continue
            fresh = [g for g in here[0] if g in self.fresh]
            if not fresh:
                continue
            chosen = self._choose(*here, rtl)
            if chosen is None and after is not None:
                text = after[1] + here[1] if rtl else here[1] + after[1]
                chosen = self._choose(here[0] + after[0], text, rtl)
                if chosen is not None:
                    self.fresh.difference_update(after[0])
                    i += 1
            self.fresh.difference_update(fresh)
            for glyph, character in (chosen or {}).items():
                super().__setitem__(glyph, character)

    def _choose(self, glyphs: list[int], text: str, rtl: bool) -> dict[int, str] | None:
        fresh = [g for g in glyphs if g in self.fresh]
        if len(glyphs) < 2 or not fresh or _script(text) not in SPLIT_SCRIPTS:
            return None
        left = Counter(unicodedata.normalize("NFKD", text))
        for glyph in glyphs:
            if glyph not in fresh:
                have = Counter(unicodedata.normalize("NFKD", self[glyph]))
                if have - left:
                    return None
                left -= have
        chosen: dict[int, str] = {}
        lacking = []
        for glyph in dict.fromkeys(fresh):
            for code in self.characters(glyph):
                parts = unicodedata.normalize("NFKD", chr(code))
                if not Counter(parts) - left:
                    left -= Counter(parts)
                    # a presentation form (Arabic ﻳ, the cmap's name for a contextual glyph) copies as its letter
                    chosen[glyph] = chr(code) if chr(code) in text else unicodedata.normalize("NFC", parts)
                    break
            else:
                lacking.append(glyph)
        if len(lacking) > 1 or (not lacking and +left) or (lacking and not +left):
            return None
        for glyph in lacking:
            rest = "".join(
                ch for ch in unicodedata.normalize("NFKD", text) if left[ch] and not left.subtract(ch)
            )
            chosen[glyph] = unicodedata.normalize("NFC", rest)
            if _reordered([chosen.get(g) or self[g] for g in (glyphs[::-1] if rtl else glyphs)], text):
                return (
                    None  # the letters left over would copy out of place (Malayalam's ്ര before its consonant)
                )
        return chosen


def _reordered(characters: list[str], text: str) -> bool:
    """Whether the glyphs' characters, in reading order, are not in the cluster's order."""
    parts = unicodedata.normalize("NFKD", text)
    places = [parts.find(unicodedata.normalize("NFKD", ch)[:1]) for ch in characters if ch]
    return places != sorted(places)


def _script(text: str) -> str | None:
    """ISO 15924 code of the first letter of ``text``."""
    return next((char_script(ch) for ch in text if ch.isalpha()), None)


#: Glyph characters of the fonts read so far, by font file and face (a batch draws the same faces).
_READ: dict[bytes, dict[int, tuple[int, ...]]] = {}
_MAX_READ = 64


def _glyph_characters(content: bytes, index: int) -> dict[int, tuple[int, ...]]:
    """For each glyph, the code points the font's cmap maps to it; a glyph a single or alternate
    substitution (GSUB lookup types 1 and 3) makes from glyphs of one code point only, and that no
    ligature substitution (type 4) makes anywhere, stands for that code point (Devanagari's
    narrower and wider ``ि``, Myanmar's medial forms); one reached from several code points or
    also a ligature (Bengali ``ে`` + ``ং`` drawn as one glyph) stands for none. Read once per file."""
    key = hashlib.sha256(content).digest() + index.to_bytes(4, "big")
    if key in _READ:
        return _READ[key]
    found: dict[int, tuple[int, ...]] = {}
    try:
        from fontTools.ttLib import TTFont

        number = index if content[:4] == b"ttcf" else -1
        with TTFont(io.BytesIO(content), fontNumber=number, lazy=True) as font:
            by_name: dict[str, set[int]] = {}
            for code, name in font.getBestCmap().items():
                by_name.setdefault(name, set()).add(code)
            pairs: list[tuple[str, str]] = []
            ligatures: set[str] = set()
            if "GSUB" in font:
                for lookup in font["GSUB"].table.LookupList.Lookup:
                    for table in lookup.SubTable:
                        table = getattr(table, "ExtSubTable", table)
                        kind = getattr(table, "LookupType", lookup.LookupType)
                        if kind == 1:
                            pairs += table.mapping.items()
                        elif kind == 3:
                            pairs += [(a, b) for a, alts in table.alternates.items() for b in alts]
                        elif kind == 4:
                            ligatures.update(
                                lig.LigGlyph for ligs in table.ligatures.values() for lig in ligs
                            )
            mapped = set(by_name)
            derived: dict[str, set[int]] = {}
            for _ in range(4):  # substitutions of substitutions: a few rounds reach them all
                before = {name: len(codes) for name, codes in derived.items()}
                for source, target in pairs:
                    if target not in mapped and target not in ligatures:
                        codes = by_name.get(source) or derived.get(source) or set()
                        derived.setdefault(target, set()).update(codes)
                if before == {name: len(codes) for name, codes in derived.items()}:
                    break
            by_name.update({name: codes for name, codes in derived.items() if len(codes) == 1})
            found = {font.getGlyphID(name): tuple(sorted(codes)) for name, codes in by_name.items()}
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
    _DRAWN[pango_font] = font
    return font, size


#: The fonts of the line being drawn, by Pango font (``draw_first_line`` asks for each run's font).
_DRAWN: dict[Any, Any] = {}


def _draw_first_line(stream: Any, textbox: Any, *args: Any) -> Any:
    _DRAWN.clear()
    result = _original_draw_first_line(stream, textbox, *args)
    if any(type(font.to_unicode) is _GlyphText and font.to_unicode.fresh for font in _DRAWN.values()):
        _split_line(textbox)
    _DRAWN.clear()
    return result


def _split_line(textbox: Any) -> None:
    """Hand each cluster of the line just drawn to its font's :meth:`_GlyphText.split`, in the
    order WeasyPrint drew them (so a glyph's first cluster is the one its text came from)."""
    line, _ = textbox.pango_layout.get_first_line()
    utf8 = textbox.pango_layout.text.encode()
    run = line.runs[0] if line.runs != _ffi.NULL else _ffi.NULL
    while run != _ffi.NULL:
        item = run.data
        run = run.next
        font = _DRAWN.get(item.item.analysis.font)
        if font is None or type(font.to_unicode) is not _GlyphText or not font.to_unicode.fresh:
            continue
        infos, starts = item.glyphs.glyphs, item.glyphs.log_clusters
        count, offset, length = item.glyphs.num_glyphs, item.item.offset, item.item.length
        bounds = sorted(set(starts[0:count]))
        ends = dict(zip(bounds, [*bounds[1:], length], strict=True))
        clusters: list[tuple[list[int], str] | None] = []
        i = 0
        while i < count:
            j = i
            while j < count and starts[j] == starts[i]:
                j += 1
            glyphs = [infos[k].glyph for k in range(i, j)]
            if any(g == _pango.PANGO_GLYPH_EMPTY or g & _pango.PANGO_GLYPH_UNKNOWN_FLAG for g in glyphs):
                font.to_unicode.fresh.difference_update(glyphs)
                clusters.append(None)
            else:
                clusters.append((glyphs, utf8[offset + starts[i] : offset + ends[starts[i]]].decode()))
            i = j
        font.to_unicode.split(clusters, bool(item.item.analysis.level % 2))


def installed() -> bool:
    return _FOUND and _Stream.add_font is _add_font


def install() -> bool:
    """Put the glyph text in place (once); False when this WeasyPrint is not the one checked."""
    if not _FOUND or weasyprint.__version__ != SUPPORTED_VERSION:
        return False
    _Stream.add_font = _add_font
    _draw_text.draw_first_line = _draw_first_line
    return True


def uninstall() -> None:
    if _FOUND:
        _Stream.add_font = _original_add_font
        _draw_text.draw_first_line = _original_draw_first_line
