"""How a language writes a date with the time of day, beyond what Babel compiles: CLDR's
"date at time" patterns (``dateTimeFormats-atTime``: French ``{1} 'à' {0}``, German ``{1} 'um'
{0}``, Russian ``{1} 'в' {0}``) and the word it writes after an hour (``availableFormats`` ``H``:
German ``HH 'Uhr'``, French ``HH 'h'``), kept in ``data/date_times.json``
(``scripts/cldr_date_times.py`` writes it from CLDR's JSON release) for
:mod:`convert.locale.reading_dates` to read ``3. März 2025 um 14:30 Uhr`` and ``3 mars 2025 à
14h30``."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Any

from babel import Locale

from .text import _inheritance

__all__ = [
    "at_time_patterns",
    "clock_patterns",
    "dated_clocks",
    "hour_word",
    "joined_forms",
    "with_hour_word",
    "year_word",
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
