"""Capitals and small letters by the language's rules, where Python's own casing has none.

Python's ``str.upper`` and ``str.lower`` apply Unicode's default mappings. The language-dependent
ones are what Unicode's SpecialCasing.txt lists under a condition (Turkish and Azerbaijani, Lithuanian)
and what CLDR's ``el-Upper`` transform adds for Greek; no dependency of Broadsheet carries them
(PyICU would), so they are here:

- Turkish and Azerbaijani (SpecialCasing.txt, conditions ``tr`` and ``az``): ``i`` is ``İ`` in
  capitals and ``I`` is ``ı`` in small letters (`ÖNEMLİ NOKTALAR`, `Diyarbakır`);
- Lithuanian (``lt``): a dot above kept on a small ``i`` before another accent goes in capitals;
- Greek (CLDR ``el-Upper``): capitals carry no tonos, grave, perispomeni or breathings
  (`ΣΥΜΠΕΡΑΣΜΑ`, not `ΣΥΜΠΈΡΑΣΜΑ`); the dialytika stays, and an accented vowel before ``ι`` or
  ``υ`` gives that letter one so the pair is not read as a diphthong (`Μάιος` → `ΜΑΪΟΣ`); the
  conjunction ``ή`` alone keeps its accent (`Ή`), as el-Upper keeps it.

Capitals that drop accents cannot be turned back: :func:`capitals_drop_accents` says where.
"""

from __future__ import annotations

import unicodedata

from .language import primary

__all__ = ["capitals_drop_accents", "lower", "upper"]

_TURKIC = frozenset({"tr", "az"})
#: Greek marks el-Upper removes: varia, oxia/tonos, perispomeni, psili, dasia, koronis, dialytika-tonos.
_GREEK_ACCENTS = frozenset("\u0300\u0301\u0342\u0313\u0314\u0343\u0344")
_DIALYTIKA = "\u0308"


def upper(text: str, tag: str | None) -> str:
    """``text`` in capitals, by the language's rules."""
    language = primary(tag) if tag else None
    if language in _TURKIC:
        return text.replace("i", "İ").upper()
    if language == "lt":
        return unicodedata.normalize(
            "NFC", unicodedata.normalize("NFD", text).replace("i\u0307", "i").upper()
        )
    if language == "el":
        return _greek_upper(text)
    return text.upper()


def lower(text: str, tag: str | None) -> str:
    """``text`` in small letters, by the language's rules."""
    language = primary(tag) if tag else None
    if language in _TURKIC:
        return text.replace("İ", "i").replace("I", "ı").lower()
    return text.lower()


def capitals_drop_accents(tag: str | None) -> bool:
    """Whether the language writes its capitals without the accents of its small letters (Greek)."""
    return bool(tag) and primary(tag or "") == "el"


def _greek_upper(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text)
    out: list[str] = []
    dropped = False  # the letter before lost an accent
    for i, ch in enumerate(decomposed):
        if ch in _GREEK_ACCENTS:
            if ch == "\u0301" and decomposed[i - 1 : i] in ("η", "Η") and _alone(decomposed, i - 1):
                out.append(ch)  # the conjunction ή: el-Upper keeps its accent
                continue
            if ch == "\u0344":
                out.append(_DIALYTIKA)
            dropped = True
            continue
        if unicodedata.combining(ch):
            out.append(ch)
            continue
        before = next((c for c in reversed(out) if not unicodedata.combining(c)), "")
        out.append(ch)
        if (
            dropped
            and ch.lower() in "ιυ"
            and before.lower() in "αεηου"
            and decomposed[i + 1 : i + 2] != _DIALYTIKA
        ):
            out.append(_DIALYTIKA)  # `Μάιος` -> `ΜΑΪΟΣ`: the two vowels stay two syllables
        dropped = False
    return unicodedata.normalize("NFC", "".join(out).upper())


def _alone(text: str, i: int) -> bool:
    """Whether the letter at ``text[i]`` is a word by itself."""
    before = text[i - 1] if i else " "
    j = i + 1
    while j < len(text) and unicodedata.combining(text[j]):
        j += 1
    after = text[j] if j < len(text) else " "
    return not before.isalpha() and not after.isalpha()
