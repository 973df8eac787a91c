"""How a language writes a date with the time of day, beyond what Babel compiles: CLDR's
"date at time" patterns (``dateTimeFormats-atTime``: French ``{1} 'à' {0}``, German ``{1} 'um'
{0}``, Russian ``{1} 'в' {0}``) and the word it writes after an hour (``availableFormats`` ``H``:
German ``HH 'Uhr'``, French ``HH 'h'``), kept in ``data/date_times.json``
(``scripts/cldr_date_times.py`` writes it from CLDR's JSON release) for
:mod:`convert.locale.reading_dates` to read ``3. März 2025 um 14:30 Uhr`` and ``3 mars 2025 à
14h30``."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale

from .text import _inheritance

__all__ = [
    "SHORT_YEAR",
    "at_time_patterns",
    "at_time_words",
    "clock_patterns",
    "dated_clocks",
    "hour_word",
    "hour_words",
    "joined_forms",
    "minute_words",
    "day_period_names",
    "named_period_hour",
    "period_hour",
    "short_date",
    "with_hour_word",
    "year_word",
    "year_words",
    "zone_offset",
]

_FILE = Path(__file__).parent / "data" / "date_times.json"


@lru_cache(maxsize=1)
def _table() -> dict[str, dict[str, Any]]:
    locales: dict[str, dict[str, Any]] = json.loads(_FILE.read_text(encoding="utf-8"))["locales"]
    return locales


def _entry(ident: str) -> dict[str, Any]:
    """The locale's entry, or the nearest parent's (``de_AT`` -> ``de``); empty for none."""
    table = _table()
    return next((table[i] for i in _inheritance(Locale.parse(ident)) if i in table), {})


def at_time_patterns(ident: str) -> tuple[str, ...]:
    """CLDR's atTime patterns of a Babel locale id that differ from its plain date-time patterns:
    ``("{1} 'um' {0}",)`` for ``de``."""
    return tuple(_entry(ident).get("at", ()))


def at_time_words(ident: str) -> frozenset[str]:
    """The words CLDR's atTime patterns of the locale write between the date and the time, whole and
    each alone, lower case: ``{"alle ore", "alle", "ore"}`` in Italian, ``{"kl."}`` in Swedish."""
    found = set()
    for pattern in at_time_patterns(ident):
        words = " ".join(re.sub(r"\{[01]\}", " ", pattern).replace("'", "").split()).lower()
        found |= {words, *words.split()} if words else set()
    return frozenset(found)


def period_hour(hour: int, pm: bool, ident: str) -> int | None:
    """The hour of the day (0 to 23) an ``hour`` of the locale's 12-hour clock gives with its AM or
    (``pm``) PM name, as CLDR's ``h`` skeleton of the locale counts that clock: 1 to 12 (Korean ``a
    h시``: ``오전 12시`` is 0 o'clock) or 0 to 11 (Japanese ``aK時``: ``午後0時`` is noon). ``None`` for
    an hour that clock does not count: ``14時`` with a period, and on a clock counted from 0 the hour
    12, which Japanese usage writes both for noon and for midnight (``午前12時``, ``午後12時``):
    which is meant is a guess."""
    skeleton = str(Locale.parse(ident).datetime_skeletons.get("h", "h"))
    if not (0 <= hour <= 11 if "K" in skeleton else 1 <= hour <= 12):
        return None
    return hour % 12 + (12 if pm else 0)


def named_period_hour(hour: int, minute: int, name: str, ident: str) -> int | None:
    """The hour of the day (0 to 23) a clock's ``hour`` gives with ``name``, one of the locale's CLDR
    day periods besides AM and PM (Spanish ``de la tarde``, ``evening1``; Russian ``вечера``), by
    CLDR's day period rules of the locale (Babel's :func:`~babel.dates.get_period_id`): the one of
    the hour on the 12-hour clock and that hour after noon (an hour past 12 alone) that falls in
    the period (``2:30 de la tarde``: 14:30, es ``evening1`` is 12:00 to 20:00); ``None`` for a
    name no period of the locale has, or for no hour or both in it (``8:30 de la tarde``: 20:30 is
    ``night1`` by CLDR's rules, which usage does not always follow)."""
    from babel.dates import get_period_id, get_period_names

    loc = Locale.parse(ident)
    written = " ".join(name.lower().split())
    keys = {
        key
        for width in ("abbreviated", "wide", "narrow")
        for context in ("format", "stand-alone")
        for key, said in get_period_names(width, context, loc).items()
        if key not in ("am", "pm") and said and " ".join(str(said).lower().split()) == written
    }
    if not keys or not 0 <= minute <= 59:
        return None
    hours = {hour} if 12 < hour < 24 else {hour % 12, hour % 12 + 12} if 1 <= hour <= 12 else set()
    found = {h for h in hours if get_period_id(dt.time(h, minute), locale=loc) in keys}
    return found.pop() if len(found) == 1 else None


def day_period_names(ident: str) -> frozenset[str]:
    """The names of the locale's CLDR day periods besides AM and PM (Spanish ``de la tarde``,
    Russian ``вечера``), every width and context, lower case, spaces made single."""
    from babel.dates import get_period_names

    loc = Locale.parse(ident)
    return frozenset(
        " ".join(str(said).lower().split())
        for width in ("abbreviated", "wide", "narrow")
        for context in ("format", "stand-alone")
        for key, said in get_period_names(width, context, loc).items()
        if key not in ("am", "pm") and said
    )


def hour_word(ident: str) -> str | None:
    """The word CLDR writes after an hour alone in the locale (``Uhr`` in German, ``h`` in French,
    ``時`` in Japanese), else ``None``."""
    word = _entry(ident).get("hour")
    return str(word) if word else None


def clock_patterns(loc: Locale) -> tuple[str, ...]:
    """CLDR's patterns of an hour and its minutes in ``loc`` beyond its short time (``H:mm``): its
    full time pattern up to the minutes' word where it writes one (Japanese ``H時mm分ss秒 zzzz``:
    ``H時mm分``; Korean ``a h시 m분``), and that with the other clock's hour, as the ``H`` and ``h``
    skeletons write an hour alone (Japanese ``H時`` and ``aK時``: ``aK時mm分``, ``午後2時30分``)."""
    from babel.dates import tokenize_pattern, untokenize_pattern

    tokens = tokenize_pattern(str(loc.time_formats["full"].pattern))
    minute = next((i for i, (kind, v) in enumerate(tokens) if kind == "field" and v[0] == "m"), None)
    if minute is None or minute + 1 >= len(tokens) or tokens[minute + 1][0] != "chars":
        return ()
    following = [str(v) for kind, v in tokens[minute + 1 :]]
    after = "".join(
        following[: next((i for i, (k, _) in enumerate(tokens[minute + 1 :]) if k == "field"), None)]
    )
    word = after[: len(after) - len(after.lstrip())] + (after.split() or [""])[0]
    if not any(ch.isalpha() for ch in word):
        return ()  # ``HH:mm:ss``: the short time's own
    cut = untokenize_pattern([*tokens[: minute + 1], ("chars", word)])
    found = [cut]
    skeletons = loc.datetime_skeletons
    hours = [str(skeletons[k]) for k in ("H", "h") if k in skeletons]
    for own, other in zip(hours, reversed(hours), strict=True):
        if own != other and cut.startswith(own) and cut[len(own) :].lstrip().startswith("m"):
            found.append(other + cut[len(own) :])
    return tuple(found)


def with_hour_word(clock: str, word: str) -> str:
    """A compiled clock pattern (``(?P<hour>…):(?P<minute>…)``) that also reads the language's hour
    ``word`` between the hour and the minutes, as CLDR's own ``HH 'h' mm`` (fr-CA ``Hm``) writes
    it (``14h30``, ``14 h 30``), or after the clock (``14:30 Uhr``, as ``HH 'Uhr'`` writes it after
    the hour); where the minutes end the clock, also the hour alone with its word, as that pattern
    writes it (``14h``, ``14 Uhr``: no minutes given, so ``:00``)."""
    hour, minute = r"(?P<hour>\d{1,2})", r"(?P<minute>\d{2})"
    start, end = clock.find(hour), clock.find(minute)
    if start < 0 or end < start:
        return clock
    written = r"\s*".join(re.escape(w) for w in word.split())
    between = clock[start + len(hour) : end]
    alone = rf"|\s*{written}(?![^\W_])" if clock.endswith(minute) else ""
    return (
        clock[: start + len(hour)]
        + rf"(?:(?:{between}|\s*{written}\s*)"
        + clock[end:]
        + rf"(?:\s*{written}(?![^\W_]))?{alone})"
    )


def joined_forms(patterns: Iterable[str], date: str, clock: str) -> list[str]:
    """CLDR date-time ``patterns`` (``{1} 'um' {0}``: ``{1}`` the date, ``{0}`` the time) as
    patterns with the compiled ``date`` and ``clock`` in place; a space in CLDR's may be any space,
    or none."""
    forms = []
    for pattern in patterns:
        own = re.escape(pattern.replace("'", "")).replace(r"\{1\}", "\x00").replace(r"\{0\}", "\x01")
        own = re.sub(r"\\\s+|\s+", r"\\s*", own)
        forms.append(own.replace("\x00", date).replace("\x01", clock))
    return forms


def dated_clocks(date: str, clocks: Iterable[str], patterns: Iterable[str]) -> list[str]:
    """A compiled ``date`` with each of the compiled ``clocks`` as the locale's date-time
    ``patterns`` join them (:func:`joined_forms`: its own, and CLDR's "date at time" ones, ``{1} 'um'
    {0}``), then after the date or not, a space, comma or dash before it; the date alone for none."""
    patterns = tuple(patterns)
    found = [
        form
        for clock in clocks
        for form in (*joined_forms(patterns, date, clock), rf"{date}(?:\s*[,،\-–—]?\s*{clock})?")
    ]
    return found or [date]


def year_word(abbreviation: str, loc: Locale) -> str:
    """A pattern of the word a date pattern writes after its year (Russian ``'г'.``, Ukrainian
    ``'р'.``), with its stop or without, or written out in one of the year's own words in ``loc``'s
    language, as CLDR writes its long ``duration-year`` unit (Russian ``{0} год``, ``года``,
    ``лет``; Ukrainian ``рік``, ``роки``, ``років``, ``року``); not followed by more letters, so no
    word after the date is taken for it (``3 марта 2025 Гродно``). The locative (``году``, ``році``)
    is not among CLDR's forms, so a date written with it is not read: no date rather than a guess."""
    units = loc._data["unit_patterns"].get("duration-year", {}).get("long", {})
    patterns = [str(p) for count, p in units.items() if count != "per" and str(p).startswith("{0}")]
    words = {w for p in patterns if (w := p.replace("{0}", "", 1).strip()).isalpha()}
    alternatives = {re.escape(abbreviation.removesuffix(".")) + r"\.?", *map(re.escape, words)}
    return rf"(?:{'|'.join(sorted(alternatives, key=len, reverse=True))})(?![^\W\d_])"


#: The year of a :func:`short_date`, 1900 or later: digits name no calendar, and a year far before
#: now is another calendar's (Hijri ``١٥/٦/١٤٤٨`` in Arabic copy), not a Gregorian article date.
SHORT_YEAR = r"(?P<year>(?:19|[2-9]\d)\d{2})"


@lru_cache(maxsize=64)
def short_date(ident: str) -> str | None:
    """CLDR's short date pattern of a Babel locale id (Vietnamese ``d/M/yy``), its year read in four
    digits (``3/12/2026``: a two-digit year's century would be a guess), where the language's
    every locale that writes the year last puts the day and month in one order: Spanish
    (``es_US`` ``MM/dd/yy``, ``es`` ``d/M/yy``) and English (``M/d/yy``, ``dd/MM/y``) have none.
    ``None`` for a pattern with a month name or without a year, and where CLDR's default calendar of
    the language's region is not the Gregorian one: digits name no calendar, and Persian copy's
    ``۱۳۹۹/۰۴/۰۲`` is Solar Hijri (:func:`~.calendars.early_numeric`)."""
    from babel.localedata import locale_identifiers

    from .calendars import default_calendar

    loc = Locale.parse(ident)
    pattern = str(loc.date_formats["short"].pattern)
    if "y" not in pattern or "MMM" in pattern or default_calendar(loc) != "gregorian":
        return None
    if pattern.lstrip("'\u200f").startswith("y"):
        return re.sub(r"y+", "y", pattern)  # year first (``y/M/d``): no locale reads it the other way
    base = loc.language + (f"_{loc.script}" if loc.script else "")
    orders = set()
    for other in locale_identifiers():
        if other == loc.language or other.startswith(loc.language + "_"):
            own = Locale.parse(other)
            if (own.language + (f"_{own.script}" if own.script else "")) != base and own.script:
                continue
            letters = [c for c in str(own.date_formats["short"].pattern) if c in "dMy"]
            if letters and letters[-1] == "y":
                orders.add(letters.index("d") < letters.index("M"))
    return re.sub(r"y+", "y", pattern) if len(orders) <= 1 else None


def hour_words(ident: str) -> frozenset[str]:
    """The words CLDR writes after a number of hours in the locale (its ``duration-hour`` unit, every
    width: Dutch ``uur`` and ``u``, Polish ``godz.``), and its hour word (:func:`hour_word`), lower case."""
    loc = Locale.parse(ident)
    units = loc._data["unit_patterns"].get("duration-hour", {})
    words = {
        str(p).replace("{0}", "").strip().lower()
        for width in units.values()
        for count, p in width.items()
        if count != "per" and str(p).startswith("{0}")
    }
    return frozenset(w for w in words | {(hour_word(ident) or "").lower()} if w)


def _unit_words(ident: str, unit: str) -> frozenset[str]:
    """The words CLDR writes after a number in the locale's ``unit`` pattern (every width), lower case."""
    units = Locale.parse(ident)._data["unit_patterns"].get(unit, {})
    return frozenset(
        word
        for width in units.values()
        for count, p in width.items()
        if count != "per" and str(p).startswith("{0}")
        if (word := str(p).replace("{0}", "").strip().lower())
    )


def minute_words(ident: str) -> frozenset[str]:
    """The words CLDR writes after a number of minutes in the locale (its ``duration-minute`` unit,
    every width: Chinese ``分``, ``分钟``), lower case."""
    return _unit_words(ident, "duration-minute")


def year_words(ident: str) -> frozenset[str]:
    """The words CLDR writes after a number of years in the locale (its ``duration-year`` unit, every
    width: Polish ``rok``, ``lat``, ``r.``), lower case."""
    return _unit_words(ident, "duration-year")


def zone_offset(name: str, ident: str, when: dt.datetime) -> dt.timezone | None:
    """The UTC offset (a ``datetime.timezone``) a zone's short name in the locale's CLDR metazone
    names (Indonesian ``WIB``: Indonesia_Western, Asia/Jakarta and Asia/Pontianak, +07:00) gives at
    the naive datetime ``when``, if every zone of that metazone agrees (a summer name, every zone
    keeping summer time then: Central European ``MESZ`` is +02:00 in July, no time in January);
    else ``None``."""
    from zoneinfo import ZoneInfo

    from babel.core import get_global

    loc = Locale.parse(ident)
    for metazone, names in loc._data["meta_zones"].items():
        for kind, short in names.get("short", {}).items():
            if str(short) != name:
                continue
            offsets = set()
            for tz in (z for z, m in get_global("meta_zones").items() if m == metazone):
                local = when.replace(tzinfo=ZoneInfo(tz))
                summer, offset = local.dst() or dt.timedelta(0), local.utcoffset() or dt.timedelta(0)
                if kind != "daylight" or summer:
                    offsets.add(offset - summer if kind == "standard" else offset)
            return dt.timezone(offsets.pop()) if len(offsets) == 1 else None
    return None
