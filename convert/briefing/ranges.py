"""Ranges of amounts: two numbers joined by a dash or a word, the scale and sign written once
(`$3-4 million`, `3–4 Mrd. Euro`, `€3m-€4m`, `between 3 and 4 million`). Read as one figure,
both ends, the scale of the upper end given to a lower end written without one; never as the
lower end alone (`$3`), a wrong figure (:func:`convert.briefing.figures.find`).

What joins the two ends:
- an en dash or figure dash, spaced or not: CLDR's number range pattern (``{0}–{1}``, numbers.xml
  ``miscPatterns``) and the dash of its date intervals;
- a hyphen, the en dash as typed on a keyboard, when the upper end is money, a percentage or
  scaled (`737-800`, `3-2`: a model, a score, a code); spaced, only after a sign (`£3 - 4
  million`; `Step 1 - $5 million`, a label), and a spaced en dash not after a word
  (`Figure 2 – 45%`; :func:`convert.briefing.figures.find`);
- the word CLDR's list patterns write between two items (``{0} and {1}``, ``{0} und {1}``,
  ``{0} et {1}``, ``{0} і {1}``), and in English ``to`` (AP style), after a lower end written
  with no scale and before an upper end with a scale to give it (`between 3 and 4 million`,
  `$3 to $4 million`): `$3 million and $4 million` are two amounts, and `fell 11,000 to 813,200`
  and `rose from 3 to 4 million` (``from`` before it) are changes: no range, and a lower end
  with no scale of its own no figure (its value is not known), as `from $3m to $4m` gives two.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..dates import MONTH_PATTERN
from ..locale.amounts import currency_signs
from ..locale.numbers import (
    common_word,
    day_month_words,
    list_and_word,
    magnitude_words,
    measure_words,
    metric_words,
    year_word_inflected,
)
from ..locale.text import month_names
from .amounts import ENGLISH_SCALES, english_scales, number_pattern, number_value

#: The kinds of figure a range is read for: an amount, not a year or date.
RANGE_KINDS = frozenset({"money", "count", "percent", "duration"})
_SPACE = "[ \u00a0\u202f]"


#: An English month's name before a range: its ends are days (`March 10–12`).
MONTH_BEFORE = re.compile(rf"\b{MONTH_PATTERN}\s$")
#: ``from`` before a lower end joined by ``to``: a change (`rose from 3 to 4 million`).
#: A word between is in small letters (`from about 3`): `Imports from China 3 to 4 million` is a range.
FROM_BEFORE = re.compile(r"\b(?i:from)[ \u00a0](?:(?![A-Z])[^\W\d_]+[ \u00a0])?$")
#: How much text after a range's joint its upper end is read from (its number, scale and currency).
RANGE_WINDOW = 120


def upper_at(probe: str, lead: str) -> tuple[int, ...]:
    """Where a range's upper end may start in ``probe`` (a space, ``lead``, the text after the
    joint): after the space, after the lower end's sign, and at the first digit (`to USD 4`)."""
    digit = next((i for i, ch in enumerate(probe) if ch.isdigit()), 1)
    return tuple(sorted({1, 1 + len(lead), digit}))


def _key(word: str) -> str:
    """A scale word as looked up: a word case-folded, a letter as written (`m` a million, `M` in
    Indonesian a billion)."""
    return word if len(word) == 1 else word.casefold()


@lru_cache(maxsize=64)
def _scales(language: str | None) -> dict[str, float]:
    """Scale words after a lower end (:func:`_key`): the English ones read in the language
    (:func:`~.amounts.english_scales`) and its CLDR magnitudes, which come first."""
    english = {_key(w): ENGLISH_SCALES[w] for w in english_scales(language)}
    return {**english, **{_key(word): factor for word, factor in magnitude_words(language)}}


@lru_cache(maxsize=64)
def range_pattern(language: str | None) -> re.Pattern[str]:
    """Where a range's lower end and its joint are written: ``sign``, ``low``, ``scale``,
    ``dash`` or ``word``; the upper end follows it (a sign, then a digit)."""
    number = number_pattern(language)
    signs = sorted(
        {"US$", "A$", "C$", "HK$", "$", "£", "€", "¥", *(s for s, _ in currency_signs(language))}, key=len
    )
    sign = "|".join(re.escape(s) for s in reversed(signs))
    words = sorted(_scales(language), key=len, reverse=True)
    scale = "|".join(re.escape(w) if len(w) > 1 else f"(?-i:{re.escape(w)})" for w in words)
    joint_words = [w for w in (list_and_word(language),) if w]
    tag = (language or "en").replace("_", "-").split("-")[0].casefold()
    if tag == "en":
        joint_words.append("to")
    joined = "|".join(re.escape(w) for w in joint_words) or "(?!)"
    joint = rf"(?:(?P<dash>{_SPACE}?[–‒]{_SPACE}?|-|{_SPACE}-{_SPACE})|{_SPACE}(?P<word>{joined}){_SPACE})"
    return re.compile(
        rf"(?<![\w.,$£€¥/-])(?:(?P<sign>{sign}){_SPACE}?)?(?P<low>{number})"
        rf"(?P<scale>{_SPACE}?(?:{scale})(?!\w))?(?P<dot>\.(?=[–‒-]))?"
        rf"{joint}(?=(?:{sign})?{_SPACE}?\d)",
        re.IGNORECASE,
    )


@lru_cache(maxsize=64)
def joint_pattern(language: str | None) -> re.Pattern[str]:
    """A joint of :func:`range_pattern` between digits, with no more than a scale word and a sign
    between: a quick test that a sentence may hold a range at all."""
    words = "|".join(re.escape(w) for w in (list_and_word(language), "to") if w)
    return re.compile(
        rf"\d\D{{0,14}}?(?:[ \u00a0\u202f]?[–‒-]|[ \u00a0\u202f](?:{words})[ \u00a0\u202f])\D{{0,4}}\d",
        re.IGNORECASE,
    )


def low_value(m: re.Match[str], language: str | None, high_scale: float) -> float | None:
    """The lower end of the range matched by ``m``: its own scale (`€3m-€4m`), else the upper
    end's (`$3-4 million`, `between $3 and $4 million`); ``None`` when a word joins an end written
    with a scale of its own: two amounts (`$3 million and $4 million`; `from $3m to $4m`)."""
    value = number_value(m.group("low"), language)
    if value is None:
        return None
    own = m.group("scale")
    if m.group("word") and own:
        return None
    if own:
        return value * _scales(language)[_key(own.strip(" \u00a0\u202f"))]
    return value * high_scale


#: A year-like number: the shape the ``year`` patterns read (`_PATTERNS`).
YEAR_LIKE = r"(?:1[5-9]\d\d|20\d\d)"


def year_listed_before(text: str, start: int, language: str | None) -> bool:
    """Whether a year-like number and a dash, a comma or the language's CLDR "and" (or English
    ``and``, ``or``) are written just before ``text[start]``: a range or list of years whose year
    word is plural because there are several years (Ukrainian ``2019 і 2020 років``, ``2015–2020
    років``), not a count of years."""
    words = "|".join(re.escape(w) for w in sorted({list_and_word(language) or "and", "and", "or"}))
    joint = rf"(?:[ \u00a0\u202f]?[–‒-][ \u00a0\u202f]?|,[ \u00a0]|[ \u00a0](?:{words})[ \u00a0])"
    return re.search(rf"(?<![\w.,]){YEAR_LIKE}{joint}$", text[max(0, start - 24) : start], re.I) is not None


@lru_cache(maxsize=64)
def month_before(language: str | None) -> re.Pattern[str]:
    """A month's name of the language (CLDR; English ones: ``figures._MONTH_BEFORE``) just before
    a range (Hungarian `március 10–12.`, Lithuanian `kovo 10–12 d.`): its ends may be days."""
    names = set(month_names(language)) - set(month_names("en"))
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{alternation})\.?[ \u00a0]$", re.IGNORECASE)


@lru_cache(maxsize=64)
def month_after(language: str | None) -> re.Pattern[str]:
    """A month's name of the language or English (CLDR, :func:`convert.locale.text.month_names`)
    after a range's upper end, with the words CLDR's long date writes between a day and its month
    (:func:`convert.locale.numbers.day_month_words`): its ends are days (`10–12 mars`, `10–12
    марта`, Spanish `10–12 de marzo`)."""
    names = {*month_names(language), *month_names("en")}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    between = "".join(rf"(?:[ \u00a0]{re.escape(w)})?" for w in day_month_words(language))
    return re.compile(rf"\.?{between}[ \u00a0]?(?:{alternation})(?!\w)", re.IGNORECASE)


_WORD_AFTER = re.compile(r"[ \u00a0](\w+)")


def year_after(text: str, end: int, language: str | None, year: str) -> str | None:
    """What the word after the year-like number or range ``year`` ending at ``text[end]`` makes
    it: ``"measure"`` before a CLDR unit (:func:`~convert.locale.numbers.measure_words`: `1500
    Tonnen`, `1500–2000 Tonnen`, a count), ``"inflected"`` before a year word's plural in a case
    CLDR does not list after one number (`vor 2000 Jahren`: unsure, no figure; not `2015–2020
    годах` nor a year listed after another, `В 1999 и 2000 годах`: several years), else ``None`` (a year)."""
    w = _WORD_AFTER.match(text, end)
    if w is None or language is None:
        return None
    if w[1] in metric_words(language) or (
        w[1] in measure_words(language) and not common_word(language, w[1])  # not `2020 part`
    ):
        return "measure"
    if year.isdigit() and year_listed_before(text, end - len(year), language):
        return None  # `В 1999 и 2000 годах`, `Между 2000 и 2010 годами`: several years' plural
    return "inflected" if year.isdigit() and year_word_inflected(language, w[1]) else None


class Spans(list[tuple[int, int]]):
    """The spans of a sentence already read (``(start, end)``), kept also by where they start,
    so that whether a match overlaps one looks at the spans near it only: linear work in a
    long sentence (it looked at every span for every match: quadratic)."""

    _BUCKET = 64

    def __init__(self) -> None:
        super().__init__()
        self._near: dict[int, list[tuple[int, int]]] = {}
        self._longest = 0

    def append(self, span: tuple[int, int]) -> None:
        super().append(span)
        self._near.setdefault(span[0] // self._BUCKET, []).append(span)
        self._longest = max(self._longest, span[1] - span[0])

    def extend(self, spans: object) -> None:
        for span in spans:  # type: ignore[attr-defined]
            self.append(span)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether a span taken overlaps ``[start, end)``."""
        first, last = (start - self._longest) // self._BUCKET, (end - 1) // self._BUCKET
        return any(
            a < end and start < b for key in range(first, last + 1) for a, b in self._near.get(key, ())
        )
