"""The dates of a line or a text, as the readers' date lines read them: :func:`read_dated_line` (a
line that is dates and a clock) and :func:`written_dates` (every date in a text), both by
:func:`~convert.locale.reading_dates.search_dates`'s forms and, in Persian, a Solar Hijri date in
digits (:func:`~convert.locale.calendars.early_numeric`)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from babel import Locale

from .._regex import lazy
from .calendars import early_numeric
from .reading_dates import one_day, plain_name, search_spans, spaced_name
from .text import babel_locale

__all__ = ["read_dated_line", "with_zone", "written_dates"]


def read_dated_line(text: str, tag: str | None, *, unread: bool = False) -> tuple[str, str] | None:
    """:func:`_dated_line`, or a day and the clock a newsroom writes after it (:func:`newsroom_clock`;
    ``unread``: a word it does not read before the clock leaves the day, as the text reader's date
    lines take it)."""
    return _dated_line(text, tag) or newsroom_clock(text, tag, unread=unread)


def newsroom_clock(text: str, tag: str | None, *, unread: bool = False) -> tuple[str, str] | None:
    """A day (:func:`_dated_line`, nothing else besides) and a clock after it as newsrooms write it
    whatever CLDR's date-time patterns say: at most three words between them, each one CLDR writes
    about a time in the language (:func:`_joining`: its atTime words, Italian ``alle``, Portuguese
    ``às``, Swedish ``kl.``, Spanish ``a las``; its words for a number of years and of hours,
    Polish ``r.`` and ``godz.``, Turkish ``saat``), and the hours and minutes in one unambiguous
    form, ``H:MM``, ``H.MM``, or about a word CLDR writes after hours in the language (``7h42``:
    Portuguese ``{0} h``; Chinese ``14时30``, its ``H时``) (``22 novembre 2026 alle 08:15``, ``19
    de fevereiro de 2026, às 7h42``, ``2 april 2026 kl. 06.30``, ``3 marca 2025 r., godz.
    14:30``). The language's AM or PM name just before the clock (Japanese ``午後2時``, ``午後
    2時``) or after it (Spanish ``2:30 p. m.``) is kept, by the locale's 12-hour clock
    (:func:`~.date_times.period_hour`). After the clock only a word CLDR writes after hours in the
    language (:func:`~.date_times.hour_words`: Dutch ``14.30 uur``), a zone's short name in its
    CLDR metazone names (Indonesian ``09:20 WIB``: +07:00, :func:`with_zone`) or a CLDR day period
    may stand: any other word makes the line a sentence, no date line (review r45: ``3 March 2025
    at 14:30 the police arrived``). The day is read without the time when the clock is not one (an
    hour alone, ``alle 8``: morning or evening?; ``25:10``; Japanese ``午前12時``), an hour alone
    has CLDR's unit for a number of hours after it and no atTime word before it (``2 godz.``, ``2
    hours``: a length of time; Dutch ``om 14 uur`` is a time), or, with ``unread``, a word before
    it is not CLDR's (Polish ``do 14:30``, "until", ``o 14:30``; German ``bis 14:30``, ``ab 14
    Uhr``; English ``to 14:30``): a clock part not understood never gives a time. Without
    ``unread`` such a word is no date line (the HTML reader's bylines: a caption, a deadline), nor
    ever a weekday that is not the day's (``3 Mart 2025 Salı 14:30``), or words besides an hour
    alone (``3 marca 2025 zginęło 14 osób``)."""
    m = _NEWSROOM_CLOCK.search(text)
    if m is None:
        return None
    from .date_times import (
        at_time_words,
        day_period_names,
        hour_word,
        hour_words,
        minute_words,
        named_period_hour,
        period_hour,
    )

    ident = str(babel_locale(tag))
    words_before = (m["words"] or "").split()
    head, period = _period_before(text[: m.start("h")], ident, words_before[-1] if words_before else "")
    found = _day_and_words(head, tag, ident)
    if found is None:
        return None
    day, between = found
    if (names := _weekday_names(ident)) is not None and any(names.fullmatch(w.lower()) for w in between):
        return None  # a weekday not the day's (the day's own is read with it, :func:`_day_and_words`)
    hours = hour_words(ident)
    after = (m["after"] or "").split()
    worded = bool(after) and _hour_unit(after[0], hours)
    clock = m["m"] is not None or worded
    read = all(_joining(word, ident) for word in between)
    if not read and not (unread and (clock or all(_preposition(w) for w in between))):
        return None  # a word CLDR does not write about a time; words besides a number
    zone = " ".join(after[1:] if worded else after)
    hour, minute = int(m["h"]), int(m["m"] or (0 if worded else 99))
    said: int | None = hour
    if zone and not period:
        # the name, or its letters with stops between them (English ``p.m.``)
        written = (zone.lower(), re.sub(r"[.\s]", "", zone.lower()))
        period = next((w for w in ("am", "pm") if any(_periods(ident, w).fullmatch(n) for n in written)), "")
        named = None if period else named_period_hour(hour, minute, zone, ident)  # ``de la tarde``
        if named is None and " ".join(zone.lower().split()) in day_period_names(ident):
            return day  # ``8:30 de la tarde``: CLDR's rules put no hour or both in the period
        said, zone = (named, "") if named is not None else (hour, "" if period else zone)
    if (
        zone
        and m["m"]
        and m.end("m") == m.start("after")
        and any(w.startswith(zone.lower()) for w in minute_words(ident))
    ):
        return day  # ``14时30分``: CLDR's unit for minutes (zh ``分钟``), its first letters, on them: the day
    if zone and not _zone_shaped(zone) and with_zone(f"{day[0]}T12:00:00", zone, tag) is None:
        return None  # words after the clock that are no zone: a sentence
    if not read:
        return day  # ``do 14:30`` (until): the day
    if hour > 23 or minute > 59 or (m["sep"] or ":").lower() not in (":", ".", *hours):
        return day  # an hour alone (``alle 8``: morning or evening?), or no clock
    if (
        worded
        and m["m"] is None
        and after[0].lower() != (hour_word(ident) or "").lower()
        and (not words_before or words_before[-1].lower() not in at_time_words(ident))
    ):
        return day  # ``2 godz.``, ``2 hours``: a length of time
    said = period_hour(hour, period == "pm", ident) if period else said
    if said is None:
        return day  # ``午前12時``: noon or midnight?
    stamp = f"{day[0]}T{said:02d}:{minute:02d}:00"
    found_zone = with_zone(stamp, zone, tag) if zone else stamp
    return (found_zone, day[1]) if found_zone else day


def _zone_shaped(word: str) -> bool:
    """A zone's abbreviation as :func:`convert.dates.parse_date` reads one, two to five capitals
    (``EST``; Russian ``МСК``), in any language: where CLDR's metazone names do not name it
    (:func:`with_zone`), the day alone."""
    return word.isalpha() and word.isupper() and 2 <= len(word) <= 5


def _hour_unit(word: str, hours: frozenset[str]) -> bool:
    """Whether ``word`` is one of CLDR's words after hours in the language (``hours``,
    :func:`~.date_times.hour_words`), with its stop or without (Swedish ``kl``), or its first letters
    and a stop, as an abbreviation is written (Czech ``hod.`` for ``hodin``)."""
    bare = word.lower().rstrip(".")
    return bare in {w.rstrip(".") for w in hours} or (
        word.endswith(".") and len(bare) >= 2 and any(w.startswith(bare) for w in hours)
    )


def _day_and_words(head: str, tag: str | None, ident: str) -> tuple[tuple[str, str], list[str]] | None:
    """The day ``head`` (the text before a clock) gives and the words after it: the shortest run
    of it that is a day (:func:`_dated_line`), unless a longer one reads as that day with only
    words CLDR writes about a time after it (Arabic ``هـ``, the Hijri era, is the date's); a word
    that is an AM or PM name is never the date's (English ``a``, review r43)."""
    tail = _TAIL_WORDS.search(head)
    tokens = list(_WORD.finditer(head, tail.start() if tail else len(head)))
    cuts = [t.start() for t in tokens] + [len(head)]
    first: tuple[tuple[str, str], list[str]] | None = None
    for i, cut in enumerate(cuts):
        if i and first is not None and _periods(ident).fullmatch(tokens[i - 1][0].lower()):
            break  # ``March 3, 2025 a``: the date does not take an AM/PM name
        day = _dated_line(head[:cut], tag)
        if day is None or len(day[0]) != 10 or (first is not None and day != first[0]):
            continue
        words = [t[0] for t in tokens[i:]]
        first = first or (day, words)
        if all(_joining(word, ident) for word in words):
            return day, words
    return first


def _period_before(head: str, ident: str, word: str) -> tuple[str, str]:
    """``head`` (the text before a clock's hour) without the language's AM or PM name that ends it
    (Japanese ``午後``, as CLDR's ``aK時`` writes it before the hour), and which it is: ``am``,
    ``pm``, or ``""`` for none (``head`` unchanged), as for a ``word`` CLDR writes before a time
    and for a name CLDR gives an era too (Arabic ``م``, PM and the Common Era: ``٢٠٢٦ م ١٠:٣٠``)."""
    from babel.dates import get_era_names

    from .date_times import at_time_words

    if word.lower() in at_time_words(ident) or not _period_first(ident):
        return head, ""  # the locale writes its AM/PM name after the hour (en, es ``h:mm a``)
    eras = {
        str(n).lower()
        for w in ("wide", "abbreviated", "narrow")
        for n in get_era_names(w, locale=ident).values()
    }
    for which in ("am", "pm"):
        found = re.search(rf"(?:{_periods(ident, which).pattern})\s*$", head, re.I)
        if found:
            named = found[0].strip().lower()
            if len(named.rstrip(".")) < 2:
                return (
                    head,
                    "",
                )  # review r43: a one-letter name (en ``p``, it ``m.``) is no period before a clock
            return (
                (head, "") if named in eras or named.rstrip(".") in eras else (head[: found.start()], which)
            )
    return head, ""


def _period_first(ident: str) -> bool:
    """Whether the locale's 12-hour clock (CLDR's ``hm`` skeleton, else ``h``) writes the AM/PM name
    or day period before the hour: zh ``ah:mm``, ja ``aK:mm``, ko and my ``a h:mm``, zh_Hant
    ``Bh:mm``; not en or es ``h:mm a``, whose name before a clock is read as no period."""
    skeletons = babel_locale(ident).datetime_skeletons
    pattern = re.sub(r"'[^']*'", "", str(skeletons.get("hm") or skeletons.get("h") or "")).lstrip()
    return pattern[:1] in ("a", "b", "B")


def _joining(word: str, ident: str) -> bool:
    """Whether ``word`` (before a clock) is one CLDR writes about a time in the language: a word of
    its atTime patterns (:func:`~.date_times.at_time_words`: Italian ``alle``, Swedish ``kl.``,
    Spanish ``a las``), or of its units for a number of years (:func:`~.date_times.year_words`:
    Polish ``r.``, Russian ``г.``, after the date's year) or of hours
    (:func:`~.date_times.hour_words`: Polish ``godz.``, Turkish ``saat``, which newsrooms write
    before the clock, "hour 14:30"). Those are the only words read: CLDR is the named, maintained
    source of them. Telling "a short word that is not a preposition" by its shape is no rule: Polish
    ``o`` ("at", which CLDR does not write before a time) and ``do`` ("until") are both two lower-case
    letters, and review r43 found the word CLDR's name for midnight adds (Polish ``o północy``) to be
    "and" in Albanian ``e`` and "of the" in Galician ``da``. Any other word leaves the day alone."""
    from .date_times import at_time_words, hour_words, year_words

    known = at_time_words(ident) | year_words(ident) | hour_words(ident)
    # with its stop or without (Swedish ``kl 14.30`` for CLDR's ``kl.``), as writers leave it out
    return word.lower().rstrip(".") in {w.rstrip(".") for w in known}


def _preposition(word: str) -> bool:
    """A one- or two-letter word in lower case, as a preposition is written in a script with
    capitals (Polish ``do``, "until", ``od``, "from"; German ``ab``; English ``to``)."""
    return len(word.rstrip(".")) <= 2 and word.islower()


def with_zone(stamp: str, zone: str, tag: str | None) -> str | None:
    """``stamp`` (a local time, ISO) with the UTC offset of ``zone``, a short name in the CLDR metazone
    names of the language (:func:`~.date_times.zone_offset`), or ``None`` where CLDR names no such
    zone. Not in English, whose abbreviations :func:`convert.dates.parse_date` reads by its own
    table: English copy names several zones with one (CST, IST, AST), CLDR's ``en`` only America's."""
    import datetime as dt

    from ..dates import parse_iso
    from .date_times import zone_offset

    loc, when = babel_locale(tag), parse_iso(stamp)
    if not zone.isalpha() or loc.language == "en" or not isinstance(when, dt.datetime):
        return None
    offset = zone_offset(zone, str(loc), when)
    return when.replace(tzinfo=offset).isoformat() if offset else None


def _dated_line(text: str, tag: str | None) -> tuple[str, str] | None:
    """The day and calendar of a ``text`` that is dates of one day (:func:`search_dates`, in several
    calendars: :func:`one_day`) with nothing besides them but clocks, the language's AM/PM names and
    punctuation: ``2 تير 1399 - 12:09:08 ب.ظ`` (fa, a clock with seconds no CLDR form writes) ->
    ``("2020-06-22", "persian")``; also a Solar Hijri date in digits where that is the language's
    calendar (:func:`~convert.locale.calendars.early_numeric`: ``۱۳۹۹/۰۴/۰۲ - ۱۲:۰۹``). Words
    besides (a label, a sentence) give ``None``. One clock after the dates is kept, a PM name making
    it afternoon (``Mar. 5, 2024 / 10:30 AM`` -> ``2024-03-05T10:30:00``, ``4 marca 2024 10:30:15``
    -> ``2024-03-04T10:30:15``) when only a space, a comma, a dash or a slash stands between them:
    a clock in brackets or after a bar (``۲ تیر ۱۳۹۹ | 03:45``, a video's length) gives the day
    alone unless an AM/PM name marks it as a time of day (``March 5, 2024 | 10:30 AM``), and a
    line with a UTC offset (``mardi 5 mars 2024 (+01:00)``) gives the day alone."""
    if len(text) > _LINE_LIMIT:
        return None
    offsets = list(_OFFSET.finditer(text))
    text = _OFFSET.sub(lambda m: " " * len(m[0]), text)  # ``(+01:00)``: a zone, no time of day
    clocks = list(_CLOCK.finditer(text))
    text = _CLOCK.sub(lambda m: " " * len(m[0]), text)  # a clock with seconds is no part of a form
    found = _written(text, tag)
    rest = list(text)
    for start, end, _, _ in found:
        rest[start:end] = " " * (end - start)
    left = plain_name("".join(rest)).lower()
    ident = str(babel_locale(tag))
    if not found:
        return None
    day = one_day([(day, calendar) for _, _, day, calendar in sorted(found)])
    left, weekdays = _weekdays_apart(left, ident)  # ``2025年3月3日（月）``: the day's weekday
    if _periods(ident).sub(" ", left).strip(_NOT_WORDS) or (weekdays and not _on_day(weekdays, day, tag)):
        return None
    if (
        day is None
        or len(clocks) != 1
        or len(day[0]) != 10
        or offsets
        or clocks[0].start() < (end := max(e for _, e, _, _ in found))
    ):
        return day
    # the day's weekday in brackets between them (``2025年3月3日（月）14:30``) is the date's
    gap = re.sub(r"[(（]\s*[)）]", " ", _weekdays_apart(text[end : clocks[0].start()].lower(), ident)[0])
    named = _periods(ident).search(gap.lower())
    if named and (len(named[0].strip().rstrip(".")) < 2 or not _period_first(ident)):
        return day  # review r43: a one-letter name before the clock (en ``p 10:30``) is no period
    am, pm = (_periods(ident, which).search(left) is not None for which in ("am", "pm"))
    gap = _periods(ident).sub(" ", gap.lower()) if am or pm else gap  # ``午後2:30``, as CLDR's ``aK:mm``
    if not (_CLOCK_GAP.fullmatch(gap) or ((am or pm) and _MARKED_GAP.fullmatch(gap))):
        return day  # a bare clock after a bar is a video's length; ``| 10:30 AM`` is a time of day
    clock = _clock(clocks[0], "pm" if pm and not am else "am" if am and not pm else "", ident)
    return (f"{day[0]}T{clock}", day[1]) if clock else day


def _weekdays_apart(left: str, ident: str) -> tuple[str, list[str]]:
    """``left`` (a date line's words besides its dates) without the language's weekday names
    standing apart from other words (Japanese ``2025年3月3日（月）``, Korean ``(월)``), and the names."""
    found = _weekday_names(ident)
    if found is None:
        return left, []
    return found.sub(" ", left), [m[0] for m in found.finditer(left)]


@lru_cache(maxsize=64)
def _weekday_names(ident: str) -> re.Pattern[str] | None:
    from .reading_dates import weekday_names_pattern

    names = weekday_names_pattern(ident)
    return re.compile(rf"(?<![^\W_])(?:{names})\.?(?![^\W_])") if names else None


def _on_day(names: list[str], day: tuple[str, str] | None, tag: str | None) -> bool:
    """Whether every weekday name falls on the day a line gives (a Gregorian or Solar Hijri one:
    a Hijri date's own weekday is checked with its forms)."""
    from ..dates import parse_iso
    from .reading_dates import weekday_number

    found = parse_iso(day[0][:10]) if day is not None and day[1] != "islamic" else None
    return found is not None and all(weekday_number(name, tag) == found.weekday() for name in names)


def _clock(m: re.Match[str], period: str, ident: str) -> str | None:
    """``10:30`` (``period``: ``pm``, ``am`` or none said) as ``22:30:00``; ``12:30`` AM as
    ``00:30:00`` on a clock counted 1 to 12 (:func:`~.date_times.period_hour`); ``None`` for no time
    of day."""
    from .date_times import period_hour

    said, minute, second = int(m["h"]), int(m["m"]), int(m["s"] or 0)
    hour = period_hour(said, period == "pm", ident) if period else said
    if hour is None:
        return None  # ``14:30 PM``, ``午前12:30``: which is meant is a guess
    if hour > 23 or minute > 59 or second > 59:
        return None
    return f"{hour:02d}:{minute:02d}:{second:02d}"


def written_dates(text: str, tag: str | None) -> list[tuple[int, str, str]]:
    """:func:`search_dates`, and the Solar Hijri dates in digits where that is the language's
    calendar (``۱۳۹۹/۰۴/۰۲`` in Persian, :func:`~convert.locale.calendars.early_numeric`), in order."""
    return [(start, day, calendar) for start, _, day, calendar in _written(text, tag)]


def _written(text: str, tag: str | None) -> list[tuple[int, int, str, str]]:
    found = search_spans(text, tag)
    for m in _DIGIT_DATE.finditer(text):
        early, day = early_numeric(m[0], lambda: tag)
        if early and day:
            found.append((m.start(), m.end(), day, "persian"))
    return sorted(found)


#: A word of a date line: letters, an apostrophe inside (French ``jusqu'à``), a full stop after.
_WORD_PATTERN = r"[^\W\d_]+(?:['’][^\W\d_]+)*\.?"
_WORD = lazy(_WORD_PATTERN)
#: What may stand between a date line's words and its clock: spaces, a comma, a dash.
_GAP = r"[\s,\u060c\-\u2013\u2014]"
#: Up to three words ending a text (the words between a day and its clock).
_TAIL_WORDS = lazy(rf"(?:(?<![^\W_]){_WORD_PATTERN}{_GAP}*){{1,3}}$")
#: A clock at the end of a line after its day, as :func:`newsroom_clock` reads it: at most three
#: words before it, three after it (``p. m.``, ``Uhr MESZ``).
_NEWSROOM_CLOCK = lazy(
    rf"{_GAP}*(?:(?<![^\W_])(?P<words>{_WORD_PATTERN}(?:{_GAP}+{_WORD_PATTERN}){{0,2}}){_GAP}+)?"
    r"(?<![\d.:])(?P<h>\d{1,2})"
    r"(?:(?P<sep>[:.]|[^\W\d_]{1,2})(?P<m>\d{2}))?(?![\d.:])"
    rf"(?:\s*(?P<after>{_WORD_PATTERN}(?:\s*{_WORD_PATTERN}){{0,2}}))?\s*$"
)
#: The longest line :func:`read_dated_line` reads, as :func:`read_date_calendar`.
_LINE_LIMIT = 120
#: A clock: hours, minutes, seconds (no sign before it: that is a UTC offset).
_CLOCK = lazy(r"(?<![\d+\-\u2212])(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?(?!\d)")
#: A UTC offset: ``+01:00``, ``-0500``, ``−04:30``.
_OFFSET = lazy(r"(?<![\d:])[+\-\u2212]\d{2}:?\d{2}(?![\d:])")
#: What may stand between the dates and the clock kept with them: spaces, a comma (Latin or
#: Arabic), a dash, a slash; no bracket, no bar (a clock there is a video's length or a zone).
_CLOCK_GAP = lazy(r"\s*[,\u060c\-\u2013\u2014/]?\s*")
#: The same after a bar, a dot or a bracket, for a clock the language's AM/PM name marks as a time
#: of day (``March 5, 2024 | 10:30 AM``, ``March 5, 2024 (10:30 AM)``).
_MARKED_GAP = lazy(r"\s*[|\u00b7\u2022(\[]?\s*")
#: A date in digits of any script, year first (``۱۳۹۹/۰۴/۰۲``) or day first (``2.4.1399``).
_DIGIT_DATE = lazy(r"(?<!\d)(?:\d{4}([/.-])\d{1,2}\1\d{1,2}|\d{1,2}\.\d{1,2}\.\d{4})(?!\d)")
#: What may stand between dates and clocks in a date line: spaces, punctuation, symbols, and the
#: CJK and full-width ones (``2025年3月3日（月）``).
_NOT_WORDS = "".join(
    chr(c)
    for c in (*range(0x3000), *range(0x3000, 0x3040), *range(0xFF00, 0xFF66))
    if unicodedata.category(chr(c))[0] in "ZPS" or chr(c).isspace()
)


@lru_cache(maxsize=64)
def _periods(ident: str, which: str = "am pm") -> re.Pattern[str]:
    """The language's AM and PM names (Babel's, every width; ``which``: ``am``, ``pm`` or both), a
    full stop after them optional."""
    from babel.dates import get_period_names

    loc = Locale.parse(ident)
    names = {
        plain_name(name).lower().rstrip(".")
        for width in ("abbreviated", "wide", "narrow")
        for key, name in get_period_names(width, "format", loc).items()
        if key in which.split() and name
    } | set(which.split())
    words = "|".join(spaced_name(n) for n in sorted(names, key=lambda n: (-len(n), n)))
    return re.compile(rf"(?<![^\W_])(?:{words})\.?(?![^\W_])")
