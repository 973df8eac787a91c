"""The words a language writes beside a number: magnitudes (`15만`, `300 bin`, `180 ألف`) and
percent (`80 Prozent`, `yüzde 80`), from CLDR through Babel.

- magnitudes: CLDR's compact decimal formats, short and long, every plural form
  (``0 Tausend``, ``0 Millionen``, ``0 Mio.``; Korean ``0만``, ``0억``), each word with the power
  of ten it stands for;
- percent: CLDR's ``concentr-percent`` unit patterns, long and short (``{0} Prozent``,
  ``yüzde {0}``, ``%{0}``), as the text before and after the number;
- date and time units: the letters CLDR's date and time patterns write straight after a
  number (Japanese ``y年M月d日``, ``H時mm分ss秒``; Korean ``h시 m분``), so that a number in a
  written date or clock time is not read as a count;
- year words: CLDR's long ``duration-year`` unit (German ``{0} Jahre``, Russian ``{0} лет``,
  Hindi ``{0} वर्ष``), so that ``15 Jahre`` is a duration and no count; and those of the
  language CLDR names for a script (Hangul: Korean ``년``; Han and kana: Japanese and Chinese
  ``年``), so that ``2024년`` is no count in an article tagged with another language, or none;
  and the one that marks a year-like number as a count of years (:func:`year_count_word`:
  ``1700 Jahre``, ``1700 лет``);
- unit words: the words CLDR's unit patterns write after a number (Thai ``ตัน``, ``ปี``), so a
  magnitude glued to the next word is read only before a word the language is known to write there.

Every word is in Unicode's NFC, as the text it is matched against (:func:`nfc`).

The briefing's figures keep these words with their number (:mod:`convert.briefing.figures`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .text import babel_locale

__all__ = [
    "date_time_units",
    "magnitude_words",
    "measure_words",
    "metric_words",
    "nfc",
    "percent_affixes",
    "script_year_words",
    "unit_words",
    "year_count_word",
    "year_words",
]

#: Marks CLDR writes into its patterns that are not text: the quote around a literal
#: (``Mio'.'``) and the direction marks of right-to-left locales.
_NOT_TEXT = str.maketrans({"'": None, "\u200e": None, "\u200f": None, "\u061c": None})


def _clean(affix: str) -> str:
    """The text of a CLDR affix: no-break spaces read as spaces, in NFC (Hindi ``करोड़``'s nukta
    apart, as typed either way)."""
    return unicodedata.normalize("NFC", " ".join(affix.translate(_NOT_TEXT).split()))


#: How many characters before a non-mark are looked at to see whether it composes with them: a
#: Hangul syllable is at most three jamo, a letter's marks are taken without looking.
_COMPOSE_WINDOW = 8


def nfc(text: str) -> tuple[str, list[int] | None]:
    """``text`` in NFC, and where each of its characters (and its end) comes from in ``text``:
    ``None`` when it is NFC already. A letter is normalised with the combining marks after it
    (U+095C ``ड़`` becomes ``ड`` and its nukta) and the characters that compose with it (Hangul's
    conjoining jamo ``ᄆ``, ``ᅡ``, ``ᆫ`` become ``만``), so a span of whole letters maps back whole."""
    if unicodedata.is_normalized("NFC", text):
        return text, None
    out: list[str] = []
    back: list[int] = []
    i = 0
    while i < len(text):
        j = i + 1
        while j < len(text):
            if unicodedata.category(text[j])[0] != "M":
                # A character that is no mark belongs to the letter only if it composes with what
                # comes just before it (Hangul's jamo); a short window keeps this linear.
                window = text[max(i, j - _COMPOSE_WINDOW) : j]
                joined = unicodedata.normalize("NFC", window + text[j])
                if len(joined) > len(unicodedata.normalize("NFC", window)):
                    break  # the next character neither is a mark nor composes with the letter
            j += 1
        piece = unicodedata.normalize("NFC", text[i:j])
        out.append(piece)
        back += [i] * len(piece)
        i = j
    return "".join(out), [*back, len(text)]


@lru_cache(maxsize=64)
def magnitude_words(tag: str | None) -> tuple[tuple[str, float], ...]:
    """``(word, scale)`` for each magnitude word after a number, longest first (``("Millionen", 1e6)``)."""
    loc = babel_locale(tag)
    found: dict[str, float] = {}
    for length in ("long", "short"):
        for patterns in loc.compact_decimal_formats.get(length, {}).values():
            for kind, pattern in patterns.items():
                word = _clean(pattern.suffix[0])
                zeros = pattern.int_prec[0]
                if word and not _clean(pattern.prefix[0]) and kind.isdigit() and zeros:
                    found.setdefault(word, int(kind) / 10 ** (zeros - 1))
    return tuple(sorted(found.items(), key=lambda item: -len(item[0])))


@lru_cache(maxsize=64)
def percent_affixes(tag: str | None) -> tuple[tuple[str, str], ...]:
    """``(before, after)`` the number for each way the language writes a percentage."""
    units = babel_locale(tag)._data["unit_patterns"].get("concentr-percent", {})
    found: set[tuple[str, str]] = set()
    for length in ("long", "short"):
        for pattern in dict(units.get(length, {})).values():
            if isinstance(pattern, str) and "{0}" in pattern:
                before, after = pattern.split("{0}", 1)
                if _clean(before) or _clean(after):
                    found.add((_clean(before), _clean(after)))
    return tuple(sorted(found, key=lambda pair: -len(pair[0] + pair[1])))


@lru_cache(maxsize=64)
def date_time_units(tag: str | None) -> frozenset[str]:
    """The letters written straight after a number of a date or time (``年``, ``時``, ``분``)."""
    loc = babel_locale(tag)
    patterns = [str(p) for table in (loc.date_formats, loc.time_formats) for p in table.values()]
    patterns += [str(p) for p in loc._data.get("datetime_skeletons", {}).values()]
    found: set[str] = set()
    for pattern in patterns:
        for m in re.finditer(r"(?<=[a-zA-Z])(\w)", re.sub(r"'[^']*'", "", pattern)):
            if not m.group(1).isascii():
                found.add(m.group(1))
    return frozenset(found)


@lru_cache(maxsize=64)
def year_words(tag: str | None) -> tuple[str, ...]:
    """The words CLDR's long ``duration-year`` unit writes after a number, longest first
    (German ``Jahre``, ``Jahr``; Russian ``года``, ``год``, ``лет``; Korean ``년``)."""
    units = babel_locale(tag)._data["unit_patterns"].get("duration-year", {}).get("long", {})
    words = {
        _clean(str(pattern)[3:])
        for count, pattern in dict(units).items()
        if count != "per" and str(pattern).startswith("{0}")
    }
    return tuple(sorted((w for w in words if w), key=len, reverse=True))


@lru_cache(maxsize=4096)
def year_count_word(tag: str | None, number: int) -> str | None:
    """The year word that makes ``number`` a count of years, not a year, when written after it:
    the form of CLDR's long ``duration-year`` unit for the number's plural category (CLDR's
    plural rules), when that category is ``many`` or ``other`` and its word is the form of no
    other category, in a language whose unit has three forms or more (Russian ``1700 лет``,
    Ukrainian ``1700 років``, Polish ``1700 lat``, Czech ``1700 let``: a genitive plural, which a
    year, one year, never takes), else ``None``. Unsure, it stays the year: a singular or a
    ``few`` form names the year itself (``2021 год``, ``2024 года``, ``2024 роки``), a form
    shared with another category may be the year's own case (Lithuanian ``metų``, CLDR's
    ``many`` and ``other``: ``2020 metų biudžetas``, the 2020 budget), and where the unit has
    only a singular and a plural (German ``Jahre``, French ``ans``, Italian ``anni``, Spanish
    ``años``) the plural may open the next phrase after the year (``Nel 2020 anni di lavoro…``,
    in 2020, years of work…)."""
    forms = _year_units(tag)
    category = babel_locale(tag).plural_form(number)
    word = forms.get(category, "")
    if category not in ("many", "other") or not word or len(set(forms.values())) < 3:
        return None
    return None if any(w == word for c, w in forms.items() if c != category) else word


@lru_cache(maxsize=64)
def _year_units(tag: str | None) -> dict[str, str]:
    """The word of CLDR's long ``duration-year`` unit after a number for each plural category
    (read once a language: Babel builds its unit data again on each ``_data`` lookup)."""
    units = dict(babel_locale(tag)._data["unit_patterns"].get("duration-year", {}).get("long", {}))
    return {
        category: _clean(str(pattern)[3:])
        for category, pattern in units.items()
        if category != "per" and str(pattern).startswith("{0}")
    }


def _year_forms(tag: str | None) -> tuple[frozenset[str], str]:
    """The forms of :func:`_year_units`, and its ``one`` form."""
    units = _year_units(tag)
    return frozenset(units.values()), units.get("one", "")


@lru_cache(maxsize=4096)
def year_count_only(tag: str | None, number: int) -> bool:
    """Whether :func:`year_count_word` for ``number`` is a word of another stem than CLDR's
    singular (its first letter differs: Russian ``лет`` and ``год``, Polish ``lat`` and ``rok``,
    Czech ``let`` and ``rok``): a form used only to count years, never the plural of several
    years (Russian writes ``2015–2020 годов``), so a count after a range or list too (``1500–2000
    лет``, ``В 1999, 2000 лет спустя``). Ukrainian ``років`` shares ``рік``'s stem: it is also the
    plural of several years (``2015–2020 років``)."""
    word = year_count_word(tag, number)
    one = _year_forms(tag)[1]
    return bool(word and one and word[0].casefold() != one[0].casefold())


#: The most letters an inflection adds to a CLDR year word (German ``Jahr`` and ``Jahren``).
_YEAR_ENDING = 2


@lru_cache(maxsize=4096)
def year_word_inflected(tag: str | None, word: str) -> bool:
    """Whether ``word`` is a plural of CLDR's year unit (a form for a category other than
    ``one``) with one or two more letters, a form CLDR does not list (German ``Jahren``, dative:
    ``vor 2000 Jahren``, 2000 years ago). A singular's case is left alone: it names the year
    itself (Russian ``в 2020 году``, in 2020, from ``год``)."""
    words, singular = _year_forms(tag)
    forms, one = {w.casefold() for w in words}, singular.casefold()
    folded = word.casefold()
    return folded not in forms and any(
        len(w) >= 3 and w != one and folded.startswith(w) and len(folded) - len(w) <= _YEAR_ENDING
        for w in forms
    )


@lru_cache(maxsize=64)
def unit_words(tag: str | None, narrow: bool = True) -> frozenset[str]:
    """The words CLDR's unit patterns, long, short and narrow (or not ``narrow``), write after a
    number (``ตัน``, ``กิโลเมตร``, ``ปี``). A narrow form may be a word cut to a letter (Hindi
    ``से``, a second's, is the postposition "from, than" too)."""
    found: set[str] = set()
    for lengths in babel_locale(tag)._data["unit_patterns"].values():
        for length, patterns in dict(lengths).items():
            if length == "narrow" and not narrow:
                continue
            for count, pattern in dict(patterns).items():
                if count != "per" and isinstance(pattern, str) and pattern.startswith("{0}"):
                    found.add(_clean(pattern[3:]))
    return frozenset(w for w in found if w)


#: CLDR unit ids of the metric units of length, mass, area and volume, SI prefixes included:
#: their names are units, not words, in every language (``tonnes``, ``Meter``, ``тонн``).
_METRIC = re.compile(
    r"(?:length|mass|area|volume)-(?:square-|cubic-)?(?:kilo|hecto|deci|centi|milli|micro|nano|pico|mega)?"
    r"(?:meter|gram|liter|tonne)|area-hectare"
)


def _unit_locales(tag: str | None) -> list[str | None]:
    """The tag and, for a tag of no region, its language's world locale where CLDR has one
    (``en_001``: British spellings, ``tonnes``, ``metres``, ``litres``)."""
    language = language_key(tag)
    if tag is not None and language != tag.replace("_", "-").casefold():
        return [tag]
    from babel.localedata import exists

    return [tag, *([f"{language}_001"] if exists(f"{language}_001") else [])]


def _long_names(tag: str | None, metric: bool) -> frozenset[str]:
    found: set[str] = set()
    for loc in _unit_locales(tag):
        for unit, lengths in babel_locale(loc)._data["unit_patterns"].items():
            if unit.startswith(("duration-", "compound-", "coordinate")):
                continue
            if metric and not _METRIC.fullmatch(unit):
                continue
            for count, pattern in dict(dict(lengths).get("long", {})).items():
                if count != "per" and isinstance(pattern, str) and pattern.startswith("{0}"):
                    found.add(_clean(pattern[3:]))
    return frozenset(w for w in found if w and " " not in w)


@lru_cache(maxsize=64)
def measure_words(tag: str | None) -> frozenset[str]:
    """The one-word forms, as written, of CLDR's long unit patterns after a number for units of no time
    or date (German ``Tonnen``, ``Kilometer``; English ``tons``, ``miles``, and its world
    locale's ``tonnes``, ``metres``; not ``Jahre``, nor the short ``in`` of an inch): a year-like
    number before one is a measure, no year (``1500 Tonnen``), unless it is a common word
    (:func:`common_word`: ``part``, ``point``, ``miles``) of no metric unit (:func:`metric_words`)."""
    return _long_names(tag, metric=False)


@lru_cache(maxsize=64)
def metric_words(tag: str | None) -> frozenset[str]:
    """The names of :func:`measure_words` of metric units of length, mass, area and volume
    (:data:`_METRIC`: ``tonnes``, ``Meter``, ``тонн``, ``litres``): a unit after a number even
    where wordfreq counts the name as a common word."""
    return _long_names(tag, metric=True)


#: wordfreq's Zipf frequency from which a word is common (4.5: about once in 30,000 words), as the
#: stored lists are built (``scripts/wordfreq_units.py``, ``scripts/wordfreq_codes.py``).
COMMON_ZIPF = 4.5

#: The one-word CLDR unit names that are common words, by language (``scripts/wordfreq_units.py``).
_COMMON_UNITS_FILE = Path(__file__).parent / "data" / "common_units.json"


def language_key(tag: str | None) -> str:
    """The language subtag of ``tag`` in small letters (``pt-BR``, ``pt_PT``: ``pt``), English
    without one: the key of the stored common words."""
    return (tag or "en").replace("_", "-").split("-")[0].casefold()


@lru_cache(maxsize=1)
def _common_units() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """The names English's list counts, and by language those its own list counts besides."""
    data = json.loads(_COMMON_UNITS_FILE.read_text(encoding="utf-8"))
    return frozenset(data["english"]), {lang: frozenset(names) for lang, names in data["words"].items()}


def common_word(tag: str | None, word: str) -> bool:
    """Whether ``word``, a name of :func:`measure_words`, is a common word (``part``, ``point``,
    ``miles``): wordfreq's frequency list of the language or of English counts it at a Zipf
    frequency of :data:`COMMON_ZIPF` or more, so it is read as a word, not a unit. The names are
    stored (:data:`_COMMON_UNITS_FILE`, wordfreq 3.1.1); a language stored under no key of its
    own is the one Babel reads the tag as (``iw``: Hebrew; an unknown one: English)."""
    english, by_language = _common_units()
    if word in english:
        return True
    words = by_language.get(language_key(tag))
    if words is None:
        words = by_language.get(babel_locale(tag).language, frozenset())
    return word in words


@lru_cache(maxsize=8)
def script_year_words(script: str) -> frozenset[str]:
    """:func:`year_words` of the language CLDR's likely subtags give for an ISO 15924 ``script``
    (``Kore``: Korean ``년``; ``Jpan``: Japanese ``年``; ``Hans``: Chinese ``年``)."""
    from babel import Locale, UnknownLocaleError

    try:
        loc = Locale.parse(f"und_{script}")
    except (ValueError, UnknownLocaleError):
        return frozenset()
    return frozenset(year_words(str(loc)))


@lru_cache(maxsize=64)
def list_and_word(tag: str | None) -> str | None:
    """The word CLDR's standard list pattern of two writes between them (``and``, ``und``,
    ``et``), or ``None`` where it is no single word of letters."""
    pattern = babel_locale(tag).list_patterns.get("standard", {}).get("2", "")
    word = pattern.replace("{0}", "").replace("{1}", "").strip()
    return word if word and " " not in word and word.isalpha() else None


@lru_cache(maxsize=64)
def day_month_words(tag: str | None) -> tuple[str, ...]:
    """The words CLDR's long date pattern writes between a day and its month's name (Spanish
    ``d 'de' MMMM``: ``de``), in order; ``()`` where it writes none or puts the month first."""
    pattern = str(babel_locale(tag).date_formats["long"].pattern)
    m = re.search(r"(?<![A-Za-z])d{1,2}((?:[^A-Za-z']|'[^']*')*)M{3,}", pattern)
    if m is None:
        return ()
    return tuple(re.findall(r"[^\W\d_]+", m.group(1).replace("'", " ")))
