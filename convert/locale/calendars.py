"""The calendars besides the Gregorian one that Broadsheet reads and shows: Solar Hijri and Hijri.

Babel formats CLDR's Gregorian calendar only and ships no other calendar's names,
so:

- names and patterns: CLDR's ``persian`` (Solar Hijri) and ``islamic`` (Hijri)
  calendars, copied from the consortium's JSON release into ``data/calendars.json``
  by ``scripts/cldr_calendars.py``, for the locales whose month names are their own
  (``آذر``, ``جمادى الآخرة``), not root's transliteration (``Azar``, ``Jumada II``);
- which calendar a locale shows by default: CLDR's ``calendarPreferenceData`` (the
  first calendar of the locale's region, its region from ``likelySubtags`` when the
  tag names none): ``persian`` for Iran and Afghanistan, ``buddhist`` for Thailand,
  ``gregorian`` everywhere else (Saudi Arabia included, in CLDR 48);
- days: ``persiantools`` converts Solar Hijri days (the 33-year rule with the corrections
  that keep it on the astronomical calendar Iran uses, as ICU4X has them), ``hijridate``
  Hijri days by Saudi Arabia's Umm al-Qura calendar (1343-1500 AH, 1924-2077); both are
  pure Python. A Hijri date in a paper set by local moon sighting may differ by a day.

The tree keeps the Gregorian ISO date whatever calendar the source wrote.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any, TypedDict

from babel import Locale

from .._regex import lazy

__all__ = [
    "CALENDARS",
    "CalendarNames",
    "calendar_names",
    "default_calendar",
    "from_gregorian",
    "regional_names",
    "to_gregorian",
]

#: The calendars besides the Gregorian one that dates are read in, in the order they are tried.
CALENDARS = ("islamic", "persian")

_FILE = Path(__file__).parent / "data" / "calendars.json"
_DEFAULTS_FILE = Path(__file__).parent / "data" / "calendar_defaults.json"


class CalendarNames(TypedDict):
    """One locale's names and patterns for one calendar (CLDR)."""

    months: list[list[str]]  #: each month's names, the format context's wide name first
    eras: list[str]  #: the calendar's era (AP, AH): abbreviated, wide, narrow
    date: dict[str, str]  #: ``full``, ``long`` and ``medium`` date patterns
    datetime: str  #: the ``long`` date-time pattern, ``{1}`` the date and ``{0}`` the time


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(_FILE.read_text(encoding="utf-8"))
    return data


@lru_cache(maxsize=1)
def _defaults() -> dict[str, Any]:
    """Apart from the names: a date shown in English reads this small file only."""
    data: dict[str, Any] = json.loads(_DEFAULTS_FILE.read_text(encoding="utf-8"))
    return data


def _chain(ident: str) -> list[str]:
    """``fa_AF`` -> ``fa-AF``, ``fa``: the file's keys for a Babel locale id, most specific first."""
    parts = ident.split("_")
    return ["-".join(parts[:n]) for n in range(len(parts), 0, -1)]


def calendar_names(calendar: str, ident: str) -> CalendarNames | None:
    """CLDR's month and era names and date patterns of ``calendar`` for the Babel locale ``ident``;
    ``None`` when the language has no names of its own for that calendar."""
    locales = _data()["calendars"].get(calendar, {})
    # a ``null`` (uz-Arab) stops the walk: that locale has root's names, not its parent's
    found: CalendarNames | None = next((locales[key] for key in _chain(ident) if key in locales), None)
    return found


def regional_names(calendar: str, language: str) -> list[CalendarNames]:
    """The names of ``calendar`` in the regional locales of a language that have names of their own,
    in the language's default script (``fa-AF``'s Dari months for ``fa``; not ``sr-Latn`` for ``sr``):
    a text's identified language names no region."""
    locales = _data()["calendars"].get(calendar, {})
    return [
        names
        for key, names in locales.items()
        if names and re.fullmatch(rf"{language}-(?:[A-Z]{{2}}|\d{{3}})", key)
    ]


def default_calendar(loc: Locale) -> str:
    """CLDR's default calendar for a locale: the first of its region's preferences (``fa`` ->
    ``persian`` by its likely region ``IR``, ``fa_AF`` -> ``persian``, ``th`` -> ``buddhist``,
    ``ar`` and ``ar_SA`` -> ``gregorian``)."""
    default = _defaults()
    region = loc.territory
    if region is None:
        likely = default["likely_regions"]
        keys = [f"{loc.language}-{loc.script}"] if loc.script else []
        region = next((likely[k] for k in [*keys, loc.language] if k in likely), None)
    calendar: str = default["regions"].get(region or "", "gregorian")
    return calendar


def to_gregorian(calendar: str, year: int, month: int, day: int) -> dt.date | None:
    """The Gregorian day of a day in ``calendar``; ``None`` for a day the calendar does not have
    (``30 Esfand`` of a common year) or outside the converter's range."""
    try:
        if calendar == "persian":
            from persiantools.jdatetime import JalaliDate

            return JalaliDate(year, month, day).to_gregorian()  # type: ignore[no-untyped-call]
        if calendar == "islamic":
            from hijridate import Hijri

            found = Hijri(year, month, day).to_gregorian()
            return dt.date(found.year, found.month, found.day)
    except (ValueError, OverflowError, TypeError):
        return None
    raise ValueError(f"unknown calendar {calendar!r}")


def from_gregorian(calendar: str, day: dt.date) -> tuple[int, int, int] | None:
    """Year, month and day of a Gregorian day in ``calendar``; ``None`` outside the converter's range."""
    try:
        if calendar == "persian":
            from persiantools.jdatetime import JalaliDate

            found = JalaliDate(day)  # type: ignore[no-untyped-call]
            return found.year, found.month, found.day
        if calendar == "islamic":
            from hijridate import Gregorian

            hijri = Gregorian(day.year, day.month, day.day).to_hijri()
            return hijri.year, hijri.month, hijri.day
    except (ValueError, OverflowError, TypeError):
        return None
    raise ValueError(f"unknown calendar {calendar!r}")


#: No article is dated before this year: a date of ``1405/09/16`` or ``16.9.1405`` is a year of
#: another calendar (the Solar Hijri year 1405 is 2026-27), never a Gregorian one.
FIRST_YEAR = 1600
#: The Solar Hijri years an article can have (1300 began in March 1921; 1500 ends in 2122).
_SOLAR_HIJRI_YEARS = range(1300, 1501)
#: A date in digits alone: year first (``1405/09/16``, ``1405-09-16``) or day first (``16.9.1405``).
_NUMERIC = lazy(
    r"(?P<y>\d{4})([/.-])(?P<m>\d{1,2})\2(?P<d>\d{1,2})|(?P<d2>\d{1,2})\.(?P<m2>\d{1,2})\.(?P<y2>\d{4})"
)


def early_numeric(text: str, language: Callable[[], str | None] | None) -> tuple[bool, str | None]:
    """Whether ``text`` is a date in digits whose year no article has (before :data:`FIRST_YEAR`),
    and if so its day: read in the Solar Hijri calendar where that is the language's default
    (CLDR: Persian, Dari; ``1405/09/16`` -> ``2026-12-07``) and the year is one an article can have,
    else ``None``. ``(False, None)`` for any other text, which is read as it is written. The
    ``language`` is asked only for such a date.

    Digits in any script count (``۱۴۰۵/۰۹/۱۶``); the day is taken as written, so a Solar Hijri day
    no Gregorian month has (``1405/02/31``) is read too.
    """
    text = text.strip()
    if not text or not all(c.isdecimal() or c in "/.-" for c in text):
        return False, None  # most date lines: no pattern compiled, no language asked
    text = "".join(str(int(c)) if not c.isascii() else c for c in text)
    m = _NUMERIC.fullmatch(text)
    if m is None:
        return False, None
    year, month, day = (int(m[k] or m[k + "2"]) for k in ("y", "m", "d"))
    if year >= FIRST_YEAR:
        return False, None
    if language is None or year not in _SOLAR_HIJRI_YEARS or (lang := language()) is None:
        return True, None
    from .text import babel_locale

    if default_calendar(babel_locale(lang)) != "persian":
        return True, None
    found = to_gregorian("persian", year, month, day)
    return True, found.isoformat() if found else None


#: 一 … 三十九: a month or a day in Chinese numerals, as a 电头 (dispatch head) may write its date
#: (``十二月六日电``) as readily as in digits (``12月6日电``).
_ZH_NUMBERS = {n: i + 1 for i, n in enumerate("一二三四五六七八九十")} | {
    t + "十" + o: 10 * (1 + i) + j
    for i, t in enumerate(["", "二", "三"])
    for j, o in enumerate(["", *"一二三四五六七八九"])
}


def month_day_number(text: str) -> int | None:
    """A month's or day's number written in digits or in Chinese numerals (``十二`` 12, ``二十一``
    21); ``None`` for what is no such number (``十十``)."""
    return int(text) if text.isdigit() else _ZH_NUMBERS.get(text)
