"""Numbers and amounts as the article's language writes them (CLDR, :mod:`convert.locale.amounts`).

- A number's decimal and group signs are the language's: ``2,4`` is 2.4 and ``1.200`` is 1200 in
  Dutch, German, Polish, Indonesian; ``1,00,000`` is a lakh where digits are grouped the Indian way.
- A magnitude written before the number scales it (Swahili ``bilioni 120``), and magnitudes in a
  row multiply, each larger than the one before (Bengali ``৪৫ হাজার কোটি``, 45 thousand crore).
- A currency sign before or after the number (``R$ 50 milhões``, ``Rp 1,5 triliun``, ``₹63,246``,
  ``289 mld zł``) or a currency's name after it (``2,4 miljard euro``, ``2,3 млрд гривень``; Thai
  ``1,200 ล้านบาท``, the name glued to the magnitude) makes it money in that currency.
- Where the language groups digits the Indian way but CLDR gives it no word for a lakh or a crore
  (Tamil), an amount of money followed by a word is no figure: the word may be a crore.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..locale.amounts import (
    currency_names,
    currency_signs,
    indian_words_unknown,
    magnitude_words_before,
    number_signs,
)
from ..locale.numbers import magnitude_words, percent_affixes

#: A number with a comma between thousands and a point before decimals (English, CLDR's root).
ENGLISH_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SPACE = "[ \u00a0\u202f]?"


@lru_cache(maxsize=64)
def number_pattern(language: str | None) -> str:
    """The regular expression of a number written as ``language`` writes it (CLDR's signs)."""
    decimal, group, indian = number_signs(language)
    if (decimal, group, indian) == (".", ",", False):
        return ENGLISH_NUMBER
    # a group sign that is a space is typed as any space (`40 000`, CLDR's French sign U+202F)
    groups = {group} | ({" ", "\u00a0", "\u202f"} if group.isspace() else set())
    g = "[" + "".join(re.escape(sign) for sign in sorted(groups)) + "]"
    d = re.escape(decimal)
    grouped = rf"\d{{1,3}}(?:{g}\d{{3}})+"
    if indian:
        grouped = rf"\d{{1,2}}(?:{g}\d{{2}})+{g}\d{{3}}|{grouped}"
    return rf"(?:{grouped})(?:{d}\d+)?|\d+(?:{d}\d+)?"


def number_value(text: str, language: str | None) -> float | None:
    """The value of the first number in ``text`` as ``language`` writes it."""
    found = re.search(number_pattern(language), text)
    if found is None:
        return None
    decimal = number_signs(language)[0]
    digits = "".join(ch for ch in found.group(0) if ch.isdigit() or ch == decimal)
    return float(digits.replace(decimal, "."))


@dataclass(frozen=True, slots=True)
class Amount:
    """A number with what is written beside it: its span, scale, currency (ISO 4217) and whether it
    is a percentage; ``unsure`` when a word beside it may change its value unread."""

    start: int
    end: int
    scale: float
    currency: str | None = None
    percent: bool = False
    unsure: bool = False


def _in_word(ch: str) -> bool:
    """A letter, digit or combining mark (a vowel sign goes on with its word), or a hyphen."""
    return ch.isalnum() or ch in "_-" or unicodedata.category(ch)[0] == "M"


def _ends_word(text: str, i: int) -> bool:
    """Whether a word ends before ``text[i]``: no letter, digit or mark goes on. Also in Thai,
    written without spaces between words: ``บาท`` (baht) opens ``บาทหลวง`` (a priest) too."""
    return i >= len(text) or not _in_word(text[i])


def _currency_after(text: str, end: int, language: str | None) -> tuple[int, str] | None:
    after = text[end:]
    space = re.match(_SPACE, after)
    at = space.end() if space else 0
    folded = after[at:].casefold()
    for name, code in (*currency_signs(language), *currency_names(language)):
        if folded.startswith(name.casefold()) and _ends_word(text, end + at + len(name)):
            return end + at + len(name), code
    return None


def _currency_before(text: str, start: int, language: str | None) -> tuple[int, str] | None:
    """A sign just before ``start`` (``R$ 50``, ``₹63``), or at it (``$5`` read as money)."""
    for sign, code in currency_signs(language):
        for at in (start, start - len(sign), start - len(sign) - 1):
            if at < 0 or not text.startswith(sign, at) or (at > 0 and _in_word(text[at - 1])):
                continue
            if re.fullmatch(_SPACE, text[at + len(sign) : max(start, at + len(sign))]):
                return min(at, start), code
    return None


def _magnitude_after(text: str, end: int, language: str | None, above: float) -> tuple[int, float] | None:
    """A magnitude word of two letters or more after ``text[:end]`` larger than ``above``."""
    for word, factor in magnitude_words(language):
        if len(word) < 2 or factor <= above:
            continue
        m = re.match(rf"{_SPACE}{re.escape(word)}", text[end:])
        if m and (_ends_word(text, end + m.end()) or _currency_after(text, end + m.end(), language)):
            return end + m.end(), factor
    return None


def _abbreviated_percent(text: str, end: int, language: str | None) -> int | None:
    """A percent word of the language cut short with a full stop (Polish ``proc.`` of CLDR's
    ``procent``): four letters or more, the way a word is abbreviated in writing."""
    m = re.match(rf"{_SPACE}(\w{{4,}})\.", text[end:])
    if m is None:
        return None
    cut = m.group(1).casefold()
    words = {w.casefold() for _, after in percent_affixes(language) for w in after.split()}
    return end + m.end() if any(w.startswith(cut) and w != cut for w in words) else None


def read_amount(text: str, start: int, end: int, scale: float, language: str | None) -> Amount:
    """The number at ``text[start:end]``, already read with ``scale``, and what its language
    writes beside it: more magnitudes, one before it, a currency, an abbreviated percent word."""
    last = scale
    while (found := _magnitude_after(text, end, language, last if last > 1 else 0.0)) is not None:
        end, last = found
        scale = scale * last if scale > 1 else last
    if scale == 1.0:
        for word, factor in magnitude_words_before(language):
            m = re.search(rf"(?<!\w){re.escape(word)}{_SPACE}$", text[:start])
            if m:
                start, scale = m.start(), factor
                break
    after = _currency_after(text, end, language)
    before = _currency_before(text, start, language)
    currency = after[1] if after else (before[1] if before else None)
    if after:
        end = after[0]
    if before:
        start = before[0]
    percent = _abbreviated_percent(text, end, language) if currency is None else None
    unsure = (
        currency is not None
        and indian_words_unknown(language)
        and bool(re.match(r"[ \u00a0]?[^\W\d_]", text[end:]))
    )
    return Amount(start, percent or end, scale, currency, percent is not None, unsure)
