"""Numbers that matter, each with the phrase that says what it measures.

Money, percentages, counts, dates, years and durations are found with
regular expressions over each sentence. The context is the clause around
the figure, cut at semicolons, brackets and dashes; when that clause only
says "it amounted to $4 billion", the measure named in the sentence before
("trade turnover") is put in front so the line stands on its own.

A number keeps the words its language writes beside it (CLDR, :mod:`convert.locale.numbers`):
a magnitude (`15만`, `300 bin`, `180 ألف`, `2 Millionen`, `15 करोड़`), which scales its value,
a percent (`80 Prozent`, `yüzde 80`), which makes it a percentage, and a year word (`15 Jahre`,
`15 лет`), which makes it a duration; a year-like number stays a year before one (`2024 роки`,
`1700 Jahre`), unless the word is the form of a count of many years only (`1700 лет`,
:func:`convert.locale.numbers.year_count_word`); a year is no count (`2024년`, `2024年`,
in an article of any language). A word ends where no letter, digit or combining mark follows: the word
characters of Python's ``re`` leave out the vowel signs, viramas and nuktas (Unicode's marks) of
Devanagari, Bengali, Tamil or Thai, so a word is never cut inside one of their syllables (NFC,
shown as typed). Thai, Lao, Khmer and Myanmar write no spaces, so a magnitude there takes only a
known word glued on (a currency, a CLDR unit, the front of one, a magnitude), else no figure.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..dates import MONTH_PATTERN as _MONTHS
from ..locale.amounts import currency_names, home_currency, home_currency_words, sign_currency
from ..locale.numbers import (
    date_time_units,
    magnitude_words,
    nfc,
    percent_affixes,
    script_year_words,
    unit_words,
    year_count_only,
    year_count_word,
    year_words,
)
from ..locale.script import CJK_SCRIPTS, UNSPACED_SCRIPTS, char_script
from ..locale.text import dotted_day_months
from .amounts import (
    ENGLISH_CURRENCIES,
    ENGLISH_SCALES,
    english_scales,
    minus_before,
    number_pattern,
    number_value,
    piece_of_run,
    read_amount,
)
from .amounts import ENGLISH_NUMBER as _NUM
from .measures import GLUED_SCRIPTS, PRONOUN_SUBJECT, clause, count_unit, in_word, named_measure
from .ranges import (
    FROM_BEFORE,
    MONTH_BEFORE,
    RANGE_KINDS,
    RANGE_WINDOW,
    YEAR_LIKE,
    Spans,
    joint_pattern,
    low_value,
    month_after,
    month_before,
    range_pattern,
    upper_at,
    year_after,
    year_listed_before,
)
from .sentences import Sentence

_SCALE = r"(?:trillion|billion|million|thousand|bn|Bn|bln|mln|m|k)\b"
#: English scale words after a space before a count (`3 million people`).
_COUNT_WORDS = r"(?:trillion|billion|million|thousand)\b"
#: Newsroom abbreviations of a scale that are no unit, attached or after a space, for any number
#: (`3bn people`, `2 mln tonnes`): The Economist's and the FT's style guides write `bn` (and `m`,
#: which is a metre as often, so money only), Reuters' wire `bln` and `mln`.
_COUNT_SCALE = r"(?:bn|Bn|bln|mln)\b"
#: A capital letter attached to an amount of money (`$3B`, `€5M`); no `T`, a tonne as often.
_LETTER_SCALE = r"[KMB](?![\w-])"
_BEFORE = r"(?<![\w.,$£€¥/-])"
_DIGIT = re.compile(r"\d")
#: Scripts written without spaces between words (Han, kana) or with particles attached (Hangul).
_HAN_HANGUL_KANA = "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
#: Thai, Lao, Khmer and Myanmar: no spaces between words (UAX #14's class SA).
_SA_SCRIPTS = UNSPACED_SCRIPTS - CJK_SCRIPTS
_CURRENCY_WORDS = (
    r"(?:dollars|dlrs|euros|pounds|sterling|yen|yuan|roubles|rubles|francs|marks|rupees|cts|cents|pence)\b"
)
_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a letter right after the amount that is no scale it reads ("$3B-plus", "$3Bx") leaves no figure;
    # nor is a sign after a letter a dollar (`R$`: the language's signs, convert.briefing.amounts)
    (
        "money",
        re.compile(
            rf"(?<![^\W\d_])(?:US\$|A\$|C\$|HK\$|[$£€¥])\s?(?:{_NUM})(?![.,]?\d)(?:\s?{_SCALE}|{_LETTER_SCALE})?(?![^\W\d_])"
        ),
    ),
    ("money", re.compile(rf"{_BEFORE}(?:{_NUM})(?:\s?{_SCALE})?\s?{_CURRENCY_WORDS}")),
    ("money", re.compile(rf"{_BEFORE}\d+(?:\.\d+)?p\b")),
    ("percent", re.compile(rf"{_BEFORE}(?:{_NUM})\s?(?:%|per cent\b|percent\b|pct\b)")),
    (
        "date",
        re.compile(
            rf"\b{_MONTHS}\s\d{{1,2}}(?:st|nd|rd|th)?(?:\s?[-–]\s?\d{{1,2}}(?:st|nd|rd|th)?)?\b(?:,?\s\d{{4}}\b)?"
        ),
    ),
    ("date", re.compile(rf"{_BEFORE}\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTHS}(?:\s\d{{4}})?\b")),
    (
        "duration",
        re.compile(
            rf"{_BEFORE}(?:{_NUM})[- ](?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centuries)(?:-old)?\b"
        ),
    ),
    (
        "year",
        re.compile(rf"{_BEFORE}(?:1[5-9]\d\d|20\d\d)\s?[-–]\s?(?:1[5-9]\d\d|20\d\d|\d\d)\b(?![\d,.]\d)"),
    ),
    ("year", re.compile(rf"{_BEFORE}(?:1[5-9]\d\d|20\d\d)s?\b(?![\d,.]\d)")),
    ("ordinal", re.compile(rf"{_BEFORE}\d+(?:st|nd|rd|th)\b")),
    (
        "count",
        re.compile(
            rf"(?:{_BEFORE}|(?<=[{_HAN_HANGUL_KANA}]))(?:{_NUM})(?:\s{_COUNT_WORDS}|\s?{_COUNT_SCALE})?(?![\w.,]*\d)(?!-)"
        ),
    ),
)


@lru_cache(maxsize=64)
def _patterns(number: str, scales: frozenset[str]) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """:data:`_PATTERNS` with ``number`` for a number, one as the article's language writes it,
    and only the English scales in ``scales`` (:func:`~.amounts.english_scales`: a language's
    CLDR word of that spelling comes first, Polish ``bln`` a trillion)."""

    def only(pattern: str, letters: bool = False) -> str:
        words = [w for w in re.findall(r"[A-Za-z]+", pattern.split(")")[0]) if w in scales]
        if letters:
            return f"[{''.join(words)}](?![\\w-])" if words else "(?!)"
        return f"(?:{'|'.join(words)})\\b" if words else "(?!)"

    swaps = (
        (_NUM, number),
        (_SCALE, only(_SCALE)),
        (_COUNT_WORDS, only(_COUNT_WORDS)),
        (_COUNT_SCALE, only(_COUNT_SCALE)),
        (_LETTER_SCALE, only("K M B", letters=True)),
    )
    out = []
    for kind, p in _PATTERNS:
        text = p.pattern
        for old, new in swaps:
            text = text.replace(old, new)
        out.append((kind, re.compile(text)))
    return tuple(out)


_SCALES = ENGLISH_SCALES
_KIND_ORDER = ("money", "percent", "count", "duration", "date", "year", "ordinal")


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure as written, what kind it is, its value and unit when known, and its context."""

    text: str
    kind: str
    value: float | None
    unit: str | None
    context: str
    sentence: int
    #: A range's lower and upper ends (`$3–4 million`: 3e6, 4e6), whose ``value`` is ``None``.
    range: tuple[float, float] | None = None


def _value(kind: str, text: str, language: str | None = None) -> tuple[float | None, str | None]:
    value = number_value(text, language)
    if value is None:
        return None, None
    scale = re.search(rf"\d\s?({_SCALE})", text) or re.search(rf"\d({_LETTER_SCALE})", text)
    if scale and kind in ("money", "count"):
        value *= _SCALES[scale.group(1)]
    if kind == "money":
        sym = re.match(r"US\$|A\$|C\$|HK\$|[$£€¥]", text)
        word = re.search(rf"{_CURRENCY_WORDS}|p$", text)
        key = sym.group(0) if sym else (word.group(0) if word else "")
        if key in ("cts", "cents", "pence", "p"):
            value /= 100
        if language is not None and key in ("$", "£", "€", "¥"):
            return value, sign_currency(language, key)  # the locale's `$`, or none (pt-BR, en-HK)
        return value, _word_currency(key, language)
    if kind == "percent":
        return value, "%"
    if kind == "duration":
        unit = re.search(r"(year|month|week|day|hour|minute|second|decade|centur)", text)
        return value, (unit.group(1) + "s").replace("centurs", "centuries") if unit else None
    if kind == "year":
        return value, "year"
    if kind == "date":
        return None, None
    return value, None


#: The word of a currency's name each English word of :data:`ENGLISH_CURRENCIES` stands for.
_NAMED_BY = {"dlrs": "dollar", "cts": "dollar", "cents": "dollar", "pence": "pound", "p": "pound"}
#: Words that name many currencies, none first in English news (CLDR: the pound of GBP, EGP, LBP,
#: SYP…, and a weight; the franc of CHF and the CFA francs), and the words of a hundredth, which
#: name no currency alone (a cent is a dollar's, a euro's, a rand's…): only the locale's own
#: currency (``cents`` in ``en`` and ``en-AU``: a dollar's; in ``fr`` none).
_NO_DEFAULT = frozenset({"pounds", "pence", "p", "francs", "cents", "cts"})


def _word_currency(key: str, language: str | None) -> str | None:
    """The currency an English currency word names in ``language``: the locale's own where its
    CLDR name has the word (``dollars`` in en-AU is AUD, ``rupees`` in en-PK PKR, ``francs`` in
    fr-CH CHF), else :data:`ENGLISH_CURRENCIES`'s, none for a word of many (:data:`_NO_DEFAULT`)."""
    if language is not None and key in ENGLISH_CURRENCIES and not key.startswith(("$", "£", "€", "¥")):
        word = _NAMED_BY.get(key, key)
        words = home_currency_words(language)
        if word in words or word.rstrip("s") in words:
            return home_currency(language)
        if key in _NO_DEFAULT:
            return None
    return ENGLISH_CURRENCIES.get(key)


@lru_cache(maxsize=1024)
def _magnitude_after(word: str, factor: float) -> str:
    """The pattern of a magnitude word just after a number (at the start of the text after it).

    A word (`million`, `Milliarden`, `ألف`) stands alone after the number or a space. A
    one-letter abbreviation is a word or a unit as often (`5 T-shirts`, `Room 5 B`, `4 K TVs`,
    Turkish `5 B blokta`): it counts only attached to the number (`5K`, `$3B`) and followed by
    no letter or hyphen. Han and Hangul magnitudes take a counter or particle straight after
    them (`15만명이`, `15万人`), and Thai, Lao, Khmer and Myanmar ones the next word
    (:func:`_glued_known`). A one-letter trillion or more (Korean `조`, a group too; `T`, a
    tonne too) is left out: the figure stays unscaled rather than wrong.
    """
    if char_script(word[0]) in _SA_SCRIPTS:
        return rf"[ \u00a0]?{re.escape(word)}(?![\d-])"
    if len(word) > 1:
        return rf"[ \u00a0]?{re.escape(word)}(?![\w-])"
    if factor >= 1e12:
        return r"(?!)"
    if _han_hangul_kana(word):
        return rf"{re.escape(word)}(?![\d-])"
    return rf"{re.escape(word)}(?![\w-])"


@lru_cache(maxsize=64)
def _one_letter_places(language: str | None) -> frozenset[str]:
    """The magnitude words of one letter (Korean ``만``, Japanese ``億``)."""
    return frozenset(word for word, _ in magnitude_words(language) if len(word) == 1)


def _part_of_more(text: str, start: int, digits_end: int, end: int, language: str | None) -> bool:
    """Whether the number at ``text[start:end]`` is one piece of a larger number, date or time.

    Such a piece is no figure, since its value alone is wrong: the `5` of Korean `1억5천만`
    or the `15` of Japanese `3時15分` (a number just after a letter that follows a digit); `3천`
    of `3천억` or `15` of `15조` (a magnitude or digit follows that was not read with it: a
    magnitude word of the language or a Han numeral of ten or more, Unicode's numeric value);
    `12` of `12月` (a letter the language's CLDR date and time patterns write after a number);
    `2024` of `2024년` in an article tagged with another language (the year word of the language
    CLDR's likely subtags give for the letter's script).
    """
    if start >= 2 and text[start - 2].isdigit() and _han_hangul_kana(text[start - 1]):
        return True
    after = text[end : end + 1]
    places = _one_letter_places(language)
    if after and (after.isdigit() or after in places or unicodedata.numeric(after, 0) >= 10):
        return True
    # Korean and Japanese space a number at its myriad places (`3억 2천만`, `1兆 2000億`): a piece
    # with such a place just before or after it, across the one space, is part of the number too
    han = {p for p in places if _han_hangul_kana(p)}
    if han and (
        (text[end - 1 : end] in han and re.match(r"[ \u00a0]\d", text[end : end + 2]))
        or re.search(rf"\d[{''.join(sorted(han))}][ \u00a0]$", text[max(0, start - 3) : start])
    ):
        return True
    unit = text[digits_end : digits_end + 1]
    if unit in date_time_units(language):
        return True
    # a year written with the number (`2024년`, `2024年`) in an article tagged otherwise, or untagged:
    # the year word of the languages CLDR gives for the letter's script (a magnitude read is none)
    if end > digits_end or not _han_hangul_kana(unit):
        return False
    scripts = ("Kore",) if char_script(unit) == "Hang" else ("Jpan", "Hans")
    return any(unit in script_year_words(script) for script in scripts)


def _han_hangul_kana(ch: str) -> bool:
    """Whether ``ch`` is a Han, kana or Hangul letter: a counter, particle or year word is
    written straight after a number in them (``15만명``, ``15万人``, ``2024년``)."""
    return bool(ch) and char_script(ch[0]) in GLUED_SCRIPTS - _SA_SCRIPTS


@lru_cache(maxsize=32)
def _known_words(language: str | None) -> tuple[str, ...]:
    """The words a magnitude may have glued on (:func:`_glued_known`), case-folded: the language's
    CLDR currency names and unit words, whole with their spaces and zero-width spaces (U+200B,
    Khmer's and Lao's word breaks) taken out and each word of them, and its magnitudes."""
    found: set[str] = set()
    for name in (*(w for w, _ in currency_names(language)), *unit_words(language)):
        name = unicodedata.normalize("NFC", name).casefold()
        found.add(re.sub(r"[\s\u200b]+", "", name))
        found.update(w for w in re.split(r"[\s\u200b]+", name) if len(w) > 1)
    found.update(unicodedata.normalize("NFC", w).casefold() for w, _ in magnitude_words(language))
    return tuple(w for w in found if w)


def _glued_known(text: str, i: int, language: str | None) -> bool:
    """Whether no letter follows at ``text[i]``, or a word the language is known to write after a
    magnitude: a currency's name (Thai ``ล้านบาท``, million baht), a CLDR unit (``ล้านตัน``,
    ``ล้านปี``) or another magnitude, or the front of one up to where the letters stop (news writes
    ``ล้านดอลลาร์``, CLDR ``ดอลลาร์สหรัฐ``; Myanmar ``သန်းဒေါ်လာ``, CLDR ``... ဒေါ်လာ``). Thai, Lao,
    Khmer and Myanmar put no space between words, and with no dictionary a glued word cannot be
    told from the rest of a longer one: ``พัน`` (a thousand) opens ``พันธุ์`` (a variety) and
    ``พันธมิตร`` (an ally)."""
    if not in_word(text, i):
        return True
    stop = i
    while in_word(text, stop):
        stop += 1
    run, after = text[i:stop].casefold(), text[i:].casefold()  # ``find`` gives the text in NFC
    return any(after.startswith(w) or (len(run) > 1 and w.startswith(run)) for w in _known_words(language))


def _written_with(
    text: str, start: int, end: int, language: str | None
) -> tuple[int, int, str | None, float]:
    """The number at ``text[start:end]`` with the magnitude or percent words beside it, as
    ``(start, end, kind, scale)``; ``kind`` is ``"percent"`` for a percentage, ``"duration"`` for
    a number of years (a year word of the language after it), ``"unsure"`` for a Thai, Lao, Khmer
    or Myanmar magnitude glued to a word not known (:func:`_glued_known`: a magnitude, or the
    front of a longer word, whose value cannot be told), else ``None``."""
    scale = 1.0
    for word, factor in magnitude_words(language):
        m = re.match(_magnitude_after(word, factor), text[end:])
        if m and not _mark(text, end + m.end()):
            if char_script(word[0]) in _SA_SCRIPTS and not _glued_known(text, end + m.end(), language):
                return start, end, "unsure", scale
            end, scale = end + m.end(), factor
            break
    for before, after in percent_affixes(language):
        near = max(0, start - len(before) - 2)  # only just before it: linear in a long sentence
        b = (
            re.compile(rf"(?<!\w){re.escape(before)}[ \u00a0]?$").search(text, near, start)
            if before
            else None
        )
        a = re.match(rf"[ \u00a0]?{re.escape(after)}(?!\w)", text[end:]) if after else None
        if b and _mark(text, b.start() - 1) or a and _mark(text, end + a.end()):
            continue
        if (b or not before) and (a or not after):
            return (b.start() if b else start), (end + a.end() if a else end), "percent", scale
    if scale == 1.0:
        for word in year_words(language):
            if (past := _year_word_after(text, end, word)) is not None:
                return start, past, "duration", scale
    return start, end, None, scale


def _year_word_after(text: str, end: int, word: str) -> int | None:
    """Where the year word ``word`` ends when it is written just after ``text[:end]``: a word of
    one letter (CLDR's root ``{0}y``) only attached, as a one-letter magnitude; a word of Han,
    Hangul, kana, Thai, Lao, Khmer or Myanmar letters may have the next word glued on."""
    space = r"[ \u00a0]?" if len(word) > 1 else ""
    m = re.match(rf"{space}{re.escape(word)}", text[end:])
    if m is None or _mark(text, end + m.end()):
        return None
    glued = char_script(word[0]) in GLUED_SCRIPTS
    return None if not glued and in_word(text, end + m.end()) else end + m.end()


def _counts_years(text: str, start: int, end: int, language: str | None) -> int | None:
    """Where the year word ends that makes the year-like number at ``text[start:end]`` a count of
    years (:func:`convert.locale.numbers.year_count_word`: ``1700 Jahre``, ``1700 лет``)."""
    digits = text[start:end]
    if language is None or not digits.isdigit():
        return None
    if year_listed_before(text, start, language) and not year_count_only(language, int(digits)):
        return None  # `2015–2020 років`: several years; `В 1999, 2000 лет спустя`: a count
    word = year_count_word(language, int(digits))
    return _year_word_after(text, end, unicodedata.normalize("NFC", word)) if word else None


def _mark(text: str, i: int) -> bool:
    """Whether ``text[i]`` is a combining mark: a word that stops before it is cut in a syllable."""
    return 0 <= i < len(text) and unicodedata.category(text[i])[0] == "M"


class _Reading(NamedTuple):
    """A figure read in a sentence's NFC text: its span and kind, the number as the pattern of
    ``pattern`` matched it, the scale and currency written beside it; ``low`` for a range's lower
    end. Its value and unit are worked out only for a figure kept (:func:`_value_unit`)."""

    start: int
    end: int
    kind: str
    pattern: str
    number: str
    scale: float
    currency: str | None
    low: float | None = None


def _value_unit(r: _Reading, language: str | None) -> tuple[float | None, str | None]:
    """The value and unit of a reading; a count's unit ``None``, read from the text shown."""
    value, unit = _value(r.pattern, r.number, language)
    if value is not None:
        value *= r.scale
    if r.kind == "percent":
        unit = "%"
    elif r.pattern in ("count", "year") and r.kind == "duration":
        unit = "years"
    elif r.pattern == "count":
        unit = None
    return value, r.currency or unit


def _readings(text: str, language: str | None, taken: Spans, at: tuple[int, ...] = ()) -> list[_Reading]:
    """The figures in ``text``, each as the first pattern that reads it and no span ``taken``;
    only those that start at a place in ``at``, when it names any."""
    out: list[_Reading] = []
    for kind, pattern in _patterns(number_pattern(language), english_scales(language)):
        found = [m for p in at if (m := pattern.match(text, p))] if at else pattern.finditer(text)
        for m in found:
            if taken.overlaps(m.start(), m.end()):
                continue
            start, end, scale = m.start(), m.end(), 1.0
            if kind == "count":
                start, end, percent, scale = _written_with(text, start, end, language)
                if percent == "unsure" or _part_of_more(text, start, m.end(), end, language):
                    continue
                kind_here = percent or kind
            else:  # a year-like number is a year, unless its year word counts years (README)
                kind_here = kind
                if kind == "year" and (past := _counts_years(text, start, end, language)):
                    end, kind_here = past, "duration"
                elif kind == "year" and (after := year_after(text, end, language, m[0])):
                    taken.extend([(start, end)] if after == "inflected" else [])
                    continue  # `vor 2000 Jahren`: no figure; `1500 Tonnen`: a count (`count` reads it)
            amount = (
                read_amount(text, start, end, scale, language) if kind_here in ("money", "count") else None
            )
            if amount is not None:
                if amount.unsure:
                    continue  # a word beside it may scale it unread: no figure rather than a wrong one
                start, end, scale = amount.start, amount.end, amount.scale
                kind_here = "money" if amount.currency else "percent" if amount.percent else kind_here
            taken.append((start, end))
            figure = text[start:end].strip()
            if (
                kind_here == "count"
                and re.fullmatch(number_pattern(language), figure)
                and (number_value(figure, language) or 0) < 10
            ):
                continue  # small bare numbers are words in disguise: "3 ministers"
            bare = kind_here == "count" and not at and re.fullmatch(number_pattern(language), figure)
            if (
                bare
                and text[end : end + 1] == "."
                and dotted_day_months(language)
                and month_after(language).match(text, end)
            ):
                continue  # a dotted day before a month's name (`am 10. März`, CLDR `d. MMMM`): a date
            if minus_before(text, start):
                continue  # `−$3 million`, ` -$3 million`: a minus sign no pattern reads; no figure
            if piece_of_run(text, m.start(), m.end(), kind_here == "count" and scale == 1.0):
                continue  # `10 000 Euro` in German, `06 12 34 56 78`, `601 234 567`: value unsure
            currency = amount.currency if amount is not None else None
            out.append(_Reading(start, end, kind_here, kind, m.group(0).strip(), scale, currency))
    return out


def _joins(text: str, m: re.Match[str], lead: str, offset: int, high: _Reading, language: str | None) -> bool:
    """Whether ``m`` joins its lower end to ``high`` (read with ``lead``, from ``text[offset]``): a
    spaced dash after a sign or no word (`Figure 2 – 45%`); a signed lower end its currency or a
    bare end with nothing counted after (`$3 to 4 million`; not `$1 to 2 million households`)."""
    dash, sign = m.group("dash") or "", m.group("sign")
    spaced = dash != dash.strip(" \u00a0\u202f")
    if spaced and not sign and ("-" in dash or re.fullmatch(r"[^\W\d_]\s", text[m.start() - 2 : m.start()])):
        return False
    if not sign or not (m.group("word") or spaced):
        return True
    alone = (
        high
        if not lead
        else next(iter(_readings(f" {text[m.end() : m.end() + 60]}", language, Spans(), (1,))), None)
    )
    if alone is not None and alone.kind == "money":  # `$3 to $4 million`, `$3 to 4 million dollars`
        if re.fullmatch(r"[A-Z]{3}", sign):  # an ISO code (`USD 3 to 4 million`) is its currency
            return sign == _value_unit(alone, language)[1]
        mine = next(iter(_readings(f" {sign} 5 ", language, Spans(), (1, len(sign) + 2))))
        return _value_unit(mine, language)[1] == (_value_unit(alone, language)[1] or "none")
    return (
        alone is not None and alone.kind == "count" and count_unit(text, offset + high.end, language) is None
    )


def _ranges(text: str, language: str | None, taken: Spans) -> list[_Reading]:
    """The ranges in ``text`` (:mod:`convert.briefing.ranges`): the upper end read alone from a
    window after the joint (linear work) with the lower end's sign, its scale given to a bare
    lower end (`$3-4 million`); a range's span is ``taken``, so neither end is read alone."""
    out: list[_Reading] = []
    if not joint_pattern(language).search(text):
        return out
    for m in range_pattern(language).finditer(text):
        if minus_before(text, m.start()):
            continue  # after a minus sign: no figure (`find`)
        if MONTH_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue  # `March 10–12`: days of a date, read as one (`_PATTERNS`)
        sign = m.group("sign") or ""
        lead = f"{sign} " if sign and text[m.end() : m.end() + 1].isdigit() else ""
        probe = " " + lead + text[m.end() : m.end() + RANGE_WINDOW]  # the upper end alone: `$4 million`
        offset = m.end() - 1 - len(lead)  # `text`'s index of the probe's first character
        high = next(iter(_readings(probe, language, Spans(), upper_at(probe, lead))), None)
        number = number_value(probe[high.start : high.end], language) if high is not None else None
        value = _value_unit(high, language)[0] if high is not None else None
        day = high is not None and high.kind == "count" and number is not None and value == number
        if high is not None and (
            high.kind == "date"
            or (day and month_after(language).match(text, offset + high.end))
            or (day and month_before(language).search(text, max(0, m.start() - 24), m.start()))
        ):  # a month only by a bare day number (`10–12 mars`; not `3 and 4 million may lose`)
            taken.append((m.start(), m.end()))  # `10–12 March`: the first day alone is no count
            if high.kind != "date":
                taken.append((m.start(), offset + high.end))  # `10–12 mars`: nor the second
            continue
        if high is None or value is None or number is None or high.kind not in RANGE_KINDS or m.group("dot"):
            continue  # `1990–2000`: years, read as such
        counted = high.kind == "duration" and year_count_only(language, int(number))  # `1500–2000 лет`
        if high.pattern == "year" and re.fullmatch(YEAR_LIKE, m.group("low")) and not counted:
            continue  # `2015–2020 років`: years (the years' word plural)
        if not _joins(text, m, lead, offset, high, language):  # a label, a count, another currency
            if m.group("sign") and not m.group("scale") and value != number:  # `$3 to 4 million a year`:
                taken.append((m.start(), m.start("low") + len(m.group("low"))))  # `$3`? none (r46c)
            continue
        if (m.group("dash") or "").strip(" \u00a0\u202f") == "-" and high.kind == "count" and value == number:
            continue  # `737-800`, `3-2`: a hyphen between bare numbers is a model, a score, a code
        measured = (  # `between 1500 and 2000 tons`: year-like ends before a unit, one count range
            m.group("word")
            and re.fullmatch(YEAR_LIKE, m.group("low"))
            and year_after(text, offset + high.end, language, probe[high.start : high.end].strip())
            == "measure"
        )
        if m.group("word") and value == number and not measured:
            continue  # `fell 11,000 to 813,200`: a change; a word joins a range only to share a scale
        if m.group("word") == "to" and FROM_BEFORE.search(text, max(0, m.start() - 24), m.start()):
            if not m.group("scale"):  # `from 3 to 4 million`: a change, the lower end's value unknown
                taken.append((m.start(), m.start("low") + len(m.group("low"))))
            continue
        low = low_value(m, language, value / number)
        if low is None or low >= value:
            continue
        taken.append((m.start(), offset + high.end))
        out.append(high._replace(start=m.start(), end=offset + high.end, low=low))
    return out


def find(sentences: list[Sentence], limit: int = 40, language: str | None = None) -> list[Figure]:
    """The figures in ``sentences``: one entry per distinct figure text, grouped by kind."""
    found: list[Figure] = []
    seen: set[str] = set()
    for i, sentence in enumerate(sentences):
        # words are matched in NFC (a precomposed nukta, U+095C `ड़`, as CLDR's `ड` and nukta);
        # the figure, its unit and its context are shown as the sentence writes them
        shown = sentence.text
        if not _DIGIT.search(shown):
            continue  # every figure has a digit (`_PATTERNS`, the language's number pattern)
        text, back = nfc(shown)
        taken = Spans()
        ranges = _ranges(text, language, taken)
        for r in (*ranges, *_readings(text, language, taken)):
            at, to = (back[r.start], back[r.end]) if back else (r.start, r.end)
            figure = shown[at:to].strip()
            if figure in seen:
                continue
            seen.add(figure)
            context = clause(shown, at, to)
            if PRONOUN_SUBJECT.search(context) and i > 0 and sentences[i - 1].paragraph == sentence.paragraph:
                measure = named_measure(sentences[i - 1].text)
                if measure:
                    context = f"{measure}: {context}"
            value, unit = _value_unit(r, language)
            if r.kind == "count" and r.pattern == "count":
                unit = count_unit(shown, to, language)
            span = (r.low, value) if r.low is not None and value is not None else None
            value = None if span else value
            found.append(Figure(figure, r.kind, value, unit, context, sentence.index, span))
    found.sort(key=lambda f: (_KIND_ORDER.index(f.kind), f.sentence))
    return found[:limit]
