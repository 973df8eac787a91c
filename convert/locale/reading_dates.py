"""Reading dates back: :func:`read_date` is :func:`~convert.locale.text.display_date` reversed.

CLDR's date patterns of the language (Babel), its month and weekday names, its digits; Solar Hijri
and Hijri dates by CLDR's names of those calendars (:mod:`convert.locale.calendars`), read as the
Gregorian day. :mod:`convert.locale.reading` re-exports both functions.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import cast

from babel import Locale
from babel.dates import get_month_names

from .._regex import lazy
from ..dates import parse_iso
from .calendars import CALENDARS, CalendarNames, calendar_names, regional_names
from .date_times import at_time_patterns, clock_patterns, dated_clocks, hour_word, with_hour_word, year_word
from .text import babel_locale

__all__ = [
    "one_day",
    "plain_name",
    "read_date",
    "read_date_calendar",
    "search_dates",
    "search_spans",
    "spaced_name",
    "weekday_names_pattern",
    "weekday_number",
]


def read_date(text: str, tag: str | None) -> str | None:
    """ISO 8601 for a date written the language's way, the inverse of :func:`display_date`.

    ``14 октября 2024 г.`` (ru) -> ``2024-10-14``; ``2024年10月14日 22:37`` (zh) -> ``2024-10-14T22:37:00``;
    ``۱۴ اکتبر ۲۰۲۴`` (fa) -> ``2024-10-14``. The forms are CLDR's ``full``, ``long`` and ``medium`` date
    patterns of the language (Babel), and its ``short`` one where the language's locales agree on it
    (:func:`~.date_times.short_date`: vi ``d/M/y``), each optionally followed by its ``short`` time joined
    by the locale's date-time pattern, a comma or a dash; digits may be the language's own. The whole text
    must be the date, or dates of one day in several calendars between dashes, bars or brackets (then the
    Gregorian one counts). Gregorian dates are read in the era the language counts in: Thai ``14 ตุลาคม
    2567`` is 2024 (Buddhist era) unless CLDR's ``ค.ศ.`` says otherwise; a year after next year gives
    ``None``. Where the language has CLDR names of its own for them, Solar Hijri (``۱۶ آذر ۱۴۰۵`` ->
    ``2026-12-07``) and Hijri dates (``١٥ جمادى الآخرة ١٤٤٨ هـ`` -> ``2026-11-25``, Umm al-Qura) are read
    too, by CLDR's patterns of those calendars, the era and a leading weekday optional
    (:mod:`convert.locale.calendars`). A weekday written must be the date's (a Hijri date's within two days
    of Umm al-Qura's, :func:`_on_weekday`).
    """
    found = read_date_calendar(text, tag)
    return found[0] if found else None


def read_date_calendar(text: str, tag: str | None) -> tuple[str, str] | None:
    """:func:`read_date`, and the calendar the text wrote it in (``gregorian``, ``persian``, ``islamic``)."""
    text = " ".join(plain_name(text).split())
    if not text or len(text) > 120 or not any(ch.isdigit() for ch in text):
        return None
    ident = str(babel_locale(tag))
    era_offset = _ERA_OFFSET.get(babel_locale(tag).language, 0)
    whole = _read_whole(text, ident, era_offset)
    if whole is not None:
        return whole[:2]
    return _read_parts(text, ident, era_offset) if _CALENDAR_SEPARATORS.search(text) else None


def search_dates(text: str, tag: str | None) -> list[tuple[int, str, str]]:
    """Every date :func:`read_date` reads, written anywhere in a longer ``text``: its offset in
    ``text``, its day (ISO, no time: a clock in running text may have seconds or a period the
    form does not read) and its calendar, in the order they are written.

    The same forms as :func:`read_date` (CLDR's patterns of the language, and of the calendars it names),
    each found between non-letters; where two overlap, the longer one counts. A weekday written must be the
    date's. ``منتشر شده: ۲ تير ۱۳۹۹ - 12:09:08 ب.ظ`` (fa) -> ``[(11, "2020-06-22", "persian")]``.
    """
    return [(start, day, calendar) for start, _, day, calendar in search_spans(text, tag)]


def search_spans(text: str, tag: str | None) -> list[tuple[int, int, str, str]]:
    """:func:`search_dates`, each date with where it ends in ``text`` too."""
    plain = plain_name(text)
    # each character of ``plain`` and where it was in ``text`` (format marks are dropped)
    kept = [i for i, ch in enumerate(text) if not _FORMAT_MARKS.fullmatch(ch)]
    if len(kept) != len(plain) or not any(ch.isdigit() for ch in plain):
        return []
    ident = str(babel_locale(tag))
    era_offset = _ERA_OFFSET.get(babel_locale(tag).language, 0)
    other = any(key in _month_key(plain) for key in _calendar_month_keys(ident))
    found: list[tuple[int, int, str, str]] = []
    refused: list[tuple[int, int, str, str]] = []  # a date with another day's weekday: no date at all
    for other_calendars in (False, True) if other else (False,):
        for form, month_of, calendar in _date_readers(ident, other_calendars)[0]:
            for m in _searching(form).finditer(plain):
                iso = _read_match(m, month_of, era_offset if calendar == "gregorian" else 0, calendar)
                if iso is None:
                    continue
                if named := m.groupdict().get("weekday") or m.groupdict().get("lead"):
                    iso = _on_weekday(iso, calendar, named, ident)
                # a shorter form inside a refused one (the date without its weekday) is refused too
                (found if iso else refused).append((m.start(), m.end(), (iso or "")[:10], calendar))
    taken = list(refused)
    for hit in sorted(found, key=lambda h: (h[0] - h[1], h[0])):
        if all(hit[1] <= t[0] or hit[0] >= t[1] for t in taken):
            taken.append(hit)
    taken = [hit for hit in taken if hit[2]]
    return [(kept[start], kept[end - 1] + 1, day, calendar) for start, end, day, calendar in sorted(taken)]


@lru_cache(maxsize=256)
def _searching(form: re.Pattern[str]) -> re.Pattern[str]:
    """A :func:`read_date` form found inside a text: not within a word or a number."""
    return re.compile(rf"(?<![^\W_])(?:{form.pattern})(?![^\W_])", form.flags)


#: Commas CLDR sets between a date's parts that writers often leave out (``14 اکتوبر 2024`` in Urdu).
_LITERAL = {",": ",?", "\u060c": "\u060c?"}

#: Unicode format characters (RLM, LRM, ALM …) that right-to-left text and CLDR's patterns carry, and
#: the joiner and tatweel that lengthen Arabic letters (``هـ`` for ``ه``, CLDR's ``ه\u200d.ش.``).
_FORMAT_MARKS = lazy("[\u061c\u0640\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069]")

#: What stands between the dates of one day in several calendars (``٢٧ جمادى الآخرة ١٤٤٨ هـ - ٧
#: ديسمبر ٢٠٢٦ م``, ``۱۶ آذر ۱۴۰۵ (۷ دسامبر ۲۰۲۶)``), or between them and a weekday (``2025年3月3日（月）``).
_CALENDAR_SEPARATORS = lazy(r"(\s+[-–—|/]\s+|\s*[|()\[\]（）،,]\s*|\s*[–—]\s*)")


def _ascii_digits(text: str) -> str:
    """Every decimal digit (``۱``, ``১``, ``١``, ``１``) as its ASCII digit."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def plain_name(name: str) -> str:
    """A name from Babel as :func:`read_date_calendar` sees the text: its format marks and joiners
    dropped (Sinhala's Thursday ``බ්‍රහස්පතින්දා`` has a zero-width joiner), its digits ASCII."""
    return _FORMAT_MARKS.sub("", _ascii_digits(name)).translate(_LETTER_FORMS)


#: Letters Unicode encodes apart that Persian and Urdu text is often typed with, from Arabic
#: keyboards and older encodings: the Arabic yeh and alef maksura for the Farsi yeh, the Arabic kaf
#: for the keheh (``تير`` for CLDR's ``تیر``). Names and text are both read with one form of each.
_FOLDED = {"\u064a": "\u06cc", "\u0649": "\u06cc", "\u0643": "\u06a9"}
_LETTER_FORMS = str.maketrans(_FOLDED)
#: Each letter :data:`_LETTER_FORMS` reads another as, matching either: a pattern of folded names
#: matched against text as written (``الاثنین`` finds ``الاثنين``).
_EITHER_FORM = str.maketrans(
    {
        kept: "[" + kept + "".join(k for k, v in _FOLDED.items() if v == kept) + "]"
        for kept in set(_FOLDED.values())
    }
)


def _words(names: Mapping[object, str]) -> str:
    """An alternation of names (weekdays), longest first, with no full stop after them; a space
    inside one may be any space or none (Cree's no-break space). Each as written and in lower
    case: lower-casing may add letters (Laz ``İ`` becomes ``i`` and a combining dot) that a
    case-blind match of the capital no longer finds."""
    found = {
        w for n in names.values() if n for w in (plain_name(n).rstrip("."), plain_name(n).lower().rstrip("."))
    }
    return "|".join(spaced_name(n) for n in sorted(found, key=lambda n: (-len(n), n)))


def spaced_name(name: str) -> str:
    """A name as a pattern where any space inside it (CLDR's no-break and narrow no-break spaces,
    ``p.\u202fm.``) may be any space, or none."""
    return r"\s*".join(re.escape(w) for w in name.split())


def _month_key(name: str) -> str:
    """A month name as looked up: its digits ASCII, lower case, no full stop after it, no spaces or
    zero-width non-joiners inside (``ربیع‌الاول``, ``ربیع الاول`` and ``ربیعالاول`` are one name)."""
    return re.sub(r"[\s\u200c]+", "", plain_name(name).lower().rstrip("."))


def _name_pattern(names: Iterable[str]) -> str:
    """An alternation of month names as CLDR writes them, longest first; where a name has a space or
    non-joiner, either may be typed, or none."""
    written = sorted(
        {plain_name(n).lower().rstrip(".") for n in names},
        key=lambda n: (-len(n), n),
    )
    return "|".join(r"[\s\u200c]*".join(re.escape(w) for w in re.split(r"[\s\u200c]+", n)) for n in written)


#: A compiled form, the month names it reads to numbers, and its calendar.
_Form = tuple[re.Pattern[str], dict[str, int], str]


@lru_cache(maxsize=64)
def _date_readers(ident: str, other_calendars: bool = False) -> tuple[tuple[_Form, ...], re.Pattern[str]]:
    """Compiled :func:`read_date` forms for a Babel locale id, and its weekday names (a weekday alone
    before dates): the Gregorian calendar's, or with ``other_calendars`` those of the calendars the
    language names in CLDR (built, and their names loaded, only when a Gregorian date was not found)."""
    from babel.dates import get_day_names, get_era_names, get_period_names, tokenize_pattern

    from .date_times import SHORT_YEAR, short_date

    loc = Locale.parse(ident)
    days = "|".join(
        _words(get_day_names(w, c, loc)) for w in ("wide", "abbreviated") for c in ("format", "stand-alone")
    )
    periods = {
        k: plain_name(get_period_names("abbreviated", "format", loc).get(k) or "") for k in ("am", "pm")
    }
    fields = {
        "d": r"(?P<day>\d{1,2})",
        "M": r"(?P<mon>\d{1,2})",
        "L": r"(?P<mon>\d{1,2})",
        "y": r"(?P<year>\d{4})",
        "E": rf"(?P<weekday>{days})\.?",
        "c": rf"(?P<weekday>{days})\.?",
        "h": r"(?P<hour>\d{1,2})",
        "H": r"(?P<hour>\d{1,2})",
        "K": r"(?P<hour>\d{1,2})(?P<from_zero>)",  # the 12-hour clock counted 0 to 11
        "m": r"(?P<minute>\d{2})",
        "a": rf"(?:(?P<am>{spaced_name(periods['am'] or 'AM')})|(?P<pm>{spaced_name(periods['pm'] or 'PM')}))",
    }

    def compile_pattern(pattern: str, months: str = "", era: str = "") -> str | None:
        out: list[str] = []
        numeric: list[bool] = []  # whether each part of ``out`` is a field written in digits
        raw: list[str | None] = []  # each literal of ``out`` as CLDR writes it (None: a field)
        last_field = ""  # the last field's letter (``y``, ``d`` …)
        for kind, value in tokenize_pattern(pattern):
            if kind == "chars":
                # a space in CLDR may be typed as any space, or left out; format marks (RLM) are dropped
                chars = plain_name(str(value))
                literal = "".join(_LITERAL.get(ch, r"\s*" if ch.isspace() else re.escape(ch)) for ch in chars)
                if chars.isspace() and numeric[-1:] == [True]:
                    literal = "\x00"  # between two numbers a space must stay: "122024" is no "d MM y"
                out.append(literal)
                numeric.append(False)
                raw.append(chars)
                continue
            char, count = cast("tuple[str, int]", value)
            if char in "ML" and count >= 3:
                out.append(rf"(?P<month>{months})\.?")
            elif char == "G":
                out.append(era)
            elif char == "m" and count == 1:  # minutes unpadded (Korean ``a h시 m분``: ``2시 5분``)
                out.append(r"(?P<minute>\d{1,2})")
            elif char in fields:
                out.append(fields[char])
            else:
                return None  # a field this reader does not read (week numbers, quarters …)
            numeric.append(char in "dyhHm" or (char in "ML" and count < 3))
            raw.append(None)
            last_field = char
        for i, part in enumerate(out):
            if part == "\x00":
                out[i] = r"\s+" if i + 1 < len(out) and numeric[i + 1] else r"\s*"
        last = max((i for i, r in enumerate(raw) if r is None), default=-1)
        tail = "".join(r or "" for r in raw[last + 1 :])
        if (
            0 <= last < len(out) - 1
            and numeric[last]
            and tail[:1].isspace()
            and any(c.isalpha() for c in tail)
        ):
            if last_field == "y":
                # the year's own word after it (Russian ``d MMMM y 'г'.``, Ukrainian ``'р'.``), which
                # writers often leave out, write without its stop, or write out (``24 августа 2019
                # года``) in one of CLDR's words for the year (:func:`.date_times.year_word`)
                out[last + 1 :] = [rf"(?:\s*{year_word(tail.strip(), loc)})?"]
            else:
                # another field's word (Lithuanian ``y 'm'. MMMM d 'd'.``: the day's), its stop optional
                word = re.sub(r"\\\.$", r"\\.?", "".join(out[last + 1 :]))
                out[last + 1 :] = [f"(?:{word})?"]
        return "".join(out)

    unit = hour_word(ident)
    zone = re.escape(plain_name(loc.zone_formats["gmt"])).replace("%s", r"(?P<zone>[+-]\d{2}:\d{2})?")
    times = (compile_pattern(p) for p in (str(loc.time_formats["short"].pattern), *clock_patterns(loc)))
    clocks = [rf"(?:\s*{with_hour_word(t, unit) if unit else t}(?:\s*{zone})?)" for t in times if t]
    at = at_time_patterns(ident)

    def with_clock(date: str, joined: str) -> list[str]:
        # a clock after a bar or a dot is no part of the date (a video's length: ``۲ تیر ۱۳۹۹ | 03:45``)
        return dated_clocks(date, clocks, (joined, *at))

    forms: dict[str, tuple[dict[str, int], str]] = {}
    weekday = re.compile(rf"(?:{days})\.?", re.I)
    if other_calendars:
        for calendar in CALENDARS:
            if (names := _reading_names(calendar, ident)) is not None:
                for form, numbers in _calendar_forms(names, compile_pattern, with_clock, days).items():
                    forms.setdefault(form, (numbers, calendar))
        return tuple((re.compile(form, re.I), m, cal) for form, (m, cal) in forms.items()), weekday
    # Gregorian: Babel's names. Only the era of the Common Era: a year before it is no article's date.
    month_of: dict[str, int] = {}
    written: set[str] = set()
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for n, name in get_month_names(width, context, loc).items():
                month_of.setdefault(_month_key(name), n)
                written.add(name)
    months = _name_pattern(written)
    era = "|".join(re.escape(plain_name(get_era_names(w, loc)[1])) for w in ("wide", "abbreviated", "narrow"))
    # the era a pattern does not write may follow the year (Arabic ``٧ ديسمبر ٢٠٢٦ م``)
    trailing = "|".join(re.escape(plain_name(get_era_names(w, loc)[1])) for w in ("wide", "abbreviated"))
    joined = str(loc.datetime_formats["long"])
    short = short_date(ident)  # digits only (``d/M/y``): a weekday before it is read as the full pattern's
    for pattern in (*(str(loc.date_formats[w].pattern) for w in ("full", "long", "medium")), short or ""):
        date = compile_pattern(pattern, months, rf"(?P<era>{era})") if pattern else None
        if date is None:
            continue
        if "MMM" not in pattern:  # digits alone (ar ``dd/MM/y``): :data:`~.date_times.SHORT_YEAR`
            date = date.replace(r"(?P<year>\d{4})", SHORT_YEAR)
        date = rf"(?:(?P<lead>{days})\.?[,،]?\s*)?{date}" if pattern == short else date
        date = re.sub(r"\\\.$", r"\\.?", date)  # a full stop ending CLDR's pattern ("г.") may be left out
        if "G" not in pattern:
            date += rf"(?:\s*(?P<era>{trailing}))?"
        for form in with_clock(date, joined):
            forms.setdefault(form, (month_of, "gregorian"))
    return tuple((re.compile(form, re.I), m, cal) for form, (m, cal) in forms.items()), weekday


def _calendar_forms(
    names: CalendarNames,
    compile_pattern: Callable[[str, str, str], str | None],
    with_clock: Callable[[str, str], list[str]],
    days: str,
) -> dict[str, dict[str, int]]:
    """The forms of a calendar besides the Gregorian one, by CLDR's names of it in the language
    (``data/calendars.json``): its patterns, the era optional, a weekday before the date allowed."""
    month_of = {_month_key(n): i for i, spellings in enumerate(names["months"], 1) for n in spellings}
    months = _name_pattern(n for spellings in names["months"] for n in spellings)
    era = "|".join(re.escape(plain_name(e)) for e in names["eras"]) or "(?!)"
    forms: dict[str, dict[str, int]] = {}
    for width in ("full", "long", "medium"):
        pattern = names["date"][width]
        date = compile_pattern(pattern, months, rf"(?P<era>{era})?")
        if date is None:
            continue
        if "G" not in pattern:
            date += rf"(?:\s*(?P<era>{era}))?"
        if not pattern.lstrip().startswith(("E", "c")):
            date = rf"(?:(?P<lead>{days})\.?[,،]?\s*)?{date}"
        for form in with_clock(date, names["datetime"]):
            forms.setdefault(form, month_of)
    return forms


@lru_cache(maxsize=64)
def _reading_names(calendar: str, ident: str) -> CalendarNames | None:
    """:func:`calendar_names` of a Babel locale id, and where it names no region, also the month
    names its regions write (:func:`regional_names`: a text identified as ``fa`` may be Dari,
    ``۱۶ قوس ۱۴۰۵``), each unless it is already a month name of the language, in any calendar,
    or one region's name for one month and another's for another."""
    names = calendar_names(calendar, ident)
    if names is None or "_" in ident or not (regions := regional_names(calendar, ident)):
        return names
    loc = Locale.parse(ident)
    taken = {
        _month_key(n)
        for c in CALENDARS
        if (own := calendar_names(c, ident))
        for spellings in own["months"]
        for n in spellings
    }
    taken |= {
        _month_key(n)
        for width in ("wide", "abbreviated")
        for context in ("format", "stand-alone")
        for n in get_month_names(width, context, loc).values()
    }
    months = _merge_months(names["months"], [region["months"] for region in regions], taken)
    return {**names, "months": months}


def _merge_months(
    own: list[list[str]], regions: Iterable[list[list[str]]], taken: set[str]
) -> list[list[str]]:
    """Each month's names (``own``) and the regions' names for it, but no name in ``taken`` (by its
    :func:`_month_key`) and none that one region gives one month and another a different month."""
    months_of: dict[str, set[int]] = {}
    written: dict[str, str] = {}
    for region in regions:
        for month, spellings in enumerate(region):
            for n in spellings:
                months_of.setdefault(_month_key(n), set()).add(month)
                written.setdefault(_month_key(n), n)
    months = [list(spellings) for spellings in own]
    for key, found in months_of.items():
        if key not in taken and len(found) == 1:
            months[found.pop()].append(written[key])
    return months


@lru_cache(maxsize=64)
def _calendar_month_keys(ident: str) -> frozenset[str]:
    """The month names (as :func:`_month_key` writes them) of the other calendars the language names."""
    found = (_reading_names(c, ident) for c in CALENDARS)
    return frozenset(
        _month_key(n) for names in found if names for spellings in names["months"] for n in spellings
    )


def _read_whole(text: str, ident: str, era_offset: int) -> tuple[str, str, str | None] | None:
    """The date the whole text gives, its calendar, and the weekday it names (if it does: the
    date is its day, :func:`_on_weekday`)."""
    for other_calendars in (False, True):
        if other_calendars:
            squashed = _month_key(text)
            if not any(key in squashed for key in _calendar_month_keys(ident)):
                return None  # no month of theirs: their forms are not built
        for form, month_of, calendar in _date_readers(ident, other_calendars)[0]:
            m = form.fullmatch(text)
            if m is None:
                continue
            found = _read_match(m, month_of, era_offset if calendar == "gregorian" else 0, calendar)
            named = m.groupdict().get("weekday") or m.groupdict().get("lead")
            if found is not None and named:
                found = _on_weekday(found, calendar, named, ident)
            if found is not None:
                return found, calendar, named
    return None


def _read_parts(text: str, ident: str, era_offset: int) -> tuple[str, str] | None:
    """Dates of one day in several calendars, and weekday names, between separators: the day
    :func:`one_day` gives, if it falls on every weekday named, alone or in a date (:func:`_on_weekday`).
    Each run of parts is read as long as it can be (a comma inside a date)."""
    tokens = _CALENDAR_SEPARATORS.split(text)
    parts = tokens[0::2]
    dates: list[tuple[str, str]] = []
    weekdays: list[str] = []
    i = 0
    while i < len(parts):
        for j in range(len(parts), i, -1):
            piece = "".join(tokens[2 * i : 2 * j - 1]).strip()
            if not piece or _date_readers(ident)[1].fullmatch(piece):
                weekdays += [piece] if piece else []
                break
            read = _read_whole(piece, ident, era_offset)
            if read is not None:
                dates.append(read[:2])
                weekdays += [read[2]] if read[2] else []
                break
        else:
            return None
        i = j
    found = one_day(dates)
    for weekday in weekdays:
        iso = _on_weekday(found[0], found[1], weekday, ident) if found else None
        found = (iso, found[1]) if iso and found else None
    return found


@lru_cache(maxsize=64)
def _weekday_numbers(ident: str) -> dict[str, int]:
    """The language's weekday names (Babel's, as :func:`_weekday_key` writes them) and their days,
    Monday 0; a name two days share (an abbreviation) is left out."""
    from babel.dates import get_day_names

    loc = Locale.parse(ident)
    found: dict[str, set[int]] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for n, name in get_day_names(width, context, loc).items():
                found.setdefault(_weekday_key(name), set()).add(n)
    return {key: days.pop() for key, days in found.items() if len(days) == 1}


def weekday_number(name: str, tag: str | None, *, as_written: bool = False) -> int | None:
    """The day of the week (Monday 0) a weekday name of the language names (Babel's wide and
    abbreviated names, either case, a full stop after it or none), else ``None``. ``as_written``: only
    in the case CLDR writes the name (``Montag`` in German, ``domingo`` in Spanish, where the
    capitalised ``Domingo`` is also a given name)."""
    if not tag:
        return None
    ident = str(babel_locale(tag))
    number = _weekday_numbers(ident).get(_weekday_key(name))
    if number is None or not as_written:
        return number
    written = " ".join(plain_name(name).rstrip(".").split())
    return number if written in _weekdays_as_written(ident) else None


@lru_cache(maxsize=64)
def _weekdays_as_written(ident: str) -> frozenset[str]:
    from babel.dates import get_day_names

    loc = Locale.parse(ident)
    return frozenset(
        " ".join(plain_name(name).rstrip(".").split())
        for width in ("wide", "abbreviated")
        for context in ("format", "stand-alone")
        for name in get_day_names(width, context, loc).values()
    )


def weekday_names_pattern(tag: str) -> str | None:
    """The language's weekday names (:func:`weekday_number`'s) as a pattern's alternatives, longest
    first, any space inside one any space or none; ``None`` for a language Babel names none for."""
    names = sorted(_weekday_numbers(str(babel_locale(tag))), key=lambda n: (-len(n), n))
    return "|".join(spaced_name(n).translate(_EITHER_FORM) for n in names) if names else None


def _weekday_key(name: str) -> str:
    return " ".join(plain_name(name).lower().rstrip(".").split())


def _on_weekday(iso: str, calendar: str, weekday: str, ident: str) -> str | None:
    """The date a text gives with a weekday: ``iso`` if that is its weekday, else ``None``; for a
    Hijri date, the day of that weekday within two days of Umm al-Qura's (:data:`_SIGHTING_DAYS`):
    a paper that follows the moon sighted where it is printed names its own day."""
    number = _weekday_numbers(ident).get(_weekday_key(weekday))
    day = _day(iso)
    if number is None or number == day.weekday():
        return iso
    shift = (number - day.weekday() + 3) % 7 - 3
    if calendar != "islamic" or abs(shift) > _SIGHTING_DAYS:
        return None
    return (day + dt.timedelta(days=shift)).isoformat() + iso[10:]


def one_day(dates: Sequence[tuple[str, str]]) -> tuple[str, str] | None:
    """The day a line gives in several calendars (ISO dates and their calendars, as
    :func:`read_date_calendar` reads them), whatever separates them.

    The Gregorian date is the day, else the Solar Hijri one, else the Hijri one; every other date
    must confirm it: a Solar Hijri date on the very day (its calendar is arithmetic), a Hijri date
    within two days (:data:`_SIGHTING_DAYS`: a paper following the local sighting). Two dates of
    one calendar are a range, and dates that disagree a contradiction: no day."""
    calendars = [c for _, c in dates]
    if not dates or len(set(calendars)) < len(calendars):
        return None  # two dates of one calendar (a range): no one day
    found = min(dates, key=lambda d: _TRUSTED.index(d[1]) if d[1] in _TRUSTED else len(_TRUSTED))
    for iso, calendar in dates:
        slack = _SIGHTING_DAYS if "islamic" in (calendar, found[1]) else 0
        if abs((_day(iso) - _day(found[0])).days) > slack:
            return None
    return found


#: Which calendar's date a line's day is, first first: the Hijri one last, its months set by sighting.
_TRUSTED = ("gregorian", "persian", "islamic")


def _day(iso: str) -> dt.date:
    found = parse_iso(iso)
    return found.date() if isinstance(found, dt.datetime) else found or dt.date.min


#: How far a paper's Hijri date may stand from Umm al-Qura's: months begin with the crescent seen
#: where the paper is printed, which can be a day or two from Saudi Arabia's computed calendar.
_SIGHTING_DAYS = 2


#: Years the language's preferred calendar counts ahead of the Gregorian one, where that calendar
#: is the Gregorian one with another era: CLDR ``calendarPreferenceData`` puts the Buddhist calendar
#: first for Thailand, and its ``calendarData`` starts the Buddhist era in 543 BCE (2567 BE = 2024).
_ERA_OFFSET = {"th": 543}


def _read_match(
    m: re.Match[str], month_of: Mapping[str, int], era_offset: int = 0, calendar: str = "gregorian"
) -> str | None:
    g = m.groupdict()
    month = month_of.get(_month_key(g["month"])) if g.get("month") else int(g["mon"] or 0)
    if not month or not g.get("year") or not g.get("day"):
        return None
    year = int(g["year"])
    if era_offset and not g.get("era") and year > dt.date.today().year + 1:
        year -= era_offset  # no Gregorian era written: the language's own era
    try:
        if calendar == "gregorian":
            day = dt.date(year, month, int(g["day"]))
        else:
            from .calendars import to_gregorian

            found = to_gregorian(calendar, year, month, int(g["day"]))
            if found is None:
                return None
            day = found
        if day.year > dt.date.today().year + 1:
            return None  # a year in an era we do not read: no date rather than a wrong one
        if g.get("hour") is None:
            return day.isoformat()
        hour = int(g["hour"])
        if g.get("am") or g.get("pm"):
            if not 0 <= hour <= 12 or (hour == 12 and g.get("from_zero") is not None):
                return None if hour > 12 else day.isoformat()  # ``K`` (0 to 11): is ``午前12時`` noon?
            hour = hour % 12 + (12 if g.get("pm") else 0)
        stamp = dt.datetime(day.year, day.month, day.day, hour, int(g["minute"] or 0))
    except (ValueError, TypeError):
        return None
    if g.get("zone"):
        sign = 1 if g["zone"][0] == "+" else -1
        hours, minutes = g["zone"][1:].split(":")
        stamp = stamp.replace(tzinfo=dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes))))
    return stamp.isoformat()
