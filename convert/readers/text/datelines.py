"""Date lines (``October 14, 2024 - 22:37``) and datelines (``MOSCOW – On ...``).

The date grammar itself is :func:`convert.dates.parse_date`; a date line adds
labels (``Updated:``) and separators around it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from ..._regex import compiled, lazy
from ...cache import dataclass
from ...dates import MONTH_PATTERN, calendar_names, parse_date
from ...locale.calendars import early_numeric
from .blocks import clean


@dataclass(frozen=True, slots=True)
class DateLine:
    """The dates a date line gives, ISO 8601."""

    published: str | None = None
    updated: str | None = None


_DATE_LABEL = compiled(
    r"(?P<label>(?:first\s+)?published|posted|(?:last\s+)?updated|(?:last\s+)?modified|dated?)"
    r"(?:\s+on)?\s*[:\-–—]?\s*",
    re.I,
)
_DATE_PARTS = compiled(r"\s*[|·•;]\s*|(?<!last),?\s+(?=(?:last\s+)?updated\b)", re.I)


#: The article's language, asked only when a date is not in a form :func:`parse_date` reads.
Language = Callable[[], "str | None"]


def parse_date_line(line: str, language: Language | None = None) -> DateLine | None:
    """A line that is nothing but dates: ``Updated: Oct. 15, 2024 | Published 14 October 2024``.

    With ``language``, a date written that language's way is read too (``14 октября
    2024 г.``, ``2024年10月14日``; :func:`convert.locale.text.read_date`).
    """
    line = clean(line)
    if len(line) > 120:
        return None
    updated = None
    dates: list[tuple[str, str]] = []  # the published dates, each with its calendar
    parts = _DATE_PARTS.split(line)
    for part in parts:
        if not part:
            continue
        label = _DATE_LABEL.match(part)
        written = part[label.end() :] if label else part
        early, iso = early_numeric(written, language)  # 1405/09/16: a Solar Hijri year, not a Gregorian one
        calendar = "persian" if early else "gregorian"
        if not early:
            iso = parse_date(written) or parse_date(_ascii_digits(written))
        if iso is None and language is not None and label is None:
            iso, calendar = _local_date(part, language) or (None, calendar)
        if iso is None and (local := _local_update(part)) is not None:
            updated = updated or local
            continue
        if iso is None:
            # a weekday alone between bars (``الاثنين | ٧ ديسمبر ٢٠٢٦``): the whole line, as between dashes
            whole = _local_date(line, language) if language is not None and len(parts) > 1 else None
            return DateLine(whole[0]) if whole else None
        if label and compiled(r"updated|modified", re.I).search(label.group("label")):
            updated = updated or iso
        else:
            dates.append((iso, calendar))
    published = dates[0][0] if dates else None
    if any(calendar != "gregorian" for _, calendar in dates):
        # one day in several calendars (``٢٧ جمادى الآخرة ١٤٤٨ هـ | ٧ ديسمبر ٢٠٢٦``): the day
        # :func:`~convert.locale.reading_dates.one_day` gives, as between dashes
        from ...locale.reading_dates import one_day

        published = day[0] if (day := one_day(dates)) else None
    if published is None and updated is None:
        return None
    return DateLine(published, updated)


def _ascii_digits(text: str) -> str:
    """A date written only in digits and separators, its digits in ASCII (``۱۴۰۵/۰۹/۱۶`` ->
    ``1405/09/16``); any other text unchanged."""
    if text.isascii() or not all(c.isdecimal() or c in "/.-" for c in text):
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _local_date(text: str, language: Language) -> tuple[str, str] | None:
    """A date in the article's language, and the calendar it is written in (Solar Hijri ``۱۶ آذر
    ۱۴۰۵`` in Persian, Hijri ``١٥ جمادى الآخرة ١٤٤٨ هـ`` in Arabic); the language is identified only
    for a text shaped like a date (:func:`_date_shaped`)."""
    if not _date_shaped(text) or (lang := language()) is None:
        return None
    from ...locale.reading_dates import read_date_calendar

    return read_date_calendar(text, lang)


#: Words besides the numbers in the longest date CLDR's patterns write with ASCII letters: weekday,
#: month and the words between them (``lunes, 14 de octubre de 2024, 22:37``; ``Montag, 14. Oktober
#: 2024 um 22:37``).
_DATE_WORDS = 5


def _date_shaped(text: str) -> bool:
    """Digits, and either letters or digits beyond ASCII (``14 октября``, ``۱۴``) or a few words:
    "British Airways has blamed … a 40% drop" is no date, and asks for no language."""
    if not any(ch.isdigit() for ch in text):
        return False
    if any(not ch.isascii() and ch.isalnum() for ch in text):
        return True
    return sum(any(ch.isalpha() for ch in word) for word in text.split()) <= _DATE_WORDS


def _local_update(text: str) -> str | None:
    """``Mis à jour le 15 octobre 2024``: an update line in a catalogue language's words, its date."""
    if not any(ch.isdigit() for ch in text):
        return None
    from ...locale.reading import read_date, read_updated

    found = read_updated(text)
    if found is None:
        return None
    lang, written = found
    early, iso = early_numeric(written, lambda: lang)
    return iso if early else parse_date(written) or read_date(written, lang)


_DATELINE_DASH = compiled(r"\s*—\s*|\s+(?:[–-]|--)(?:\s+|$)")
_DATELINE_HEAD = compiled(
    r"(?P<place>[^,()]+?)(?:,\s*(?P<extra>[^()]{1,40}?))?(?:\s*\((?P<agency>[^()]{1,40})\))?\s*"
)
_NOT_PLACES = frozenset(
    "BREAKING UPDATE UPDATED EXCLUSIVE ANALYSIS OPINION EDITORIAL COMMENT WATCH LIVE FACTBOX "
    "EXPLAINER INTERVIEW REVIEW NOTE CORRECTION UPDATE:".split()
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place a lead paragraph opens with, the text after it, and any wire credit."""

    place: str
    rest: str
    agency: str | None = None


#: The day a wire dateline gives after the place, last of its comma-separated parts: ``Feb 26``,
#: ``Ontario, March 2`` (English month names from CLDR, :data:`convert.dates.MONTH_PATTERN`).
_WIRE_DAY = lazy(rf"(?:.*,\s*)?{MONTH_PATTERN}\s+\d{{1,2}}", re.I)
#: The dash after a wire dateline's day, unspaced before the lead's first letter (``March 2 -The``).
_DAY_DASH = lazy(r"(?<=\d)\s*(?:[–-]|--)(?=[^\W\d_])")


def split_dateline(text: str) -> Dateline | None:
    """``MOSCOW – On ...`` / ``NEW YORK, March 2 (Reuters) - ...`` -> place and the rest.

    The place is in capitals, at most five words, before a spaced dash (an
    em dash may be unspaced); ``rest`` is empty when the dateline stands
    alone on its line. The date after a comma is dropped: it lacks the
    year, so it cannot fill ``published``.

    A wire dateline's day (``, Feb 26 -``) marks it well enough for two looser forms:
    the place in capitalised words (``Toronto, Feb 26 -``; a lead in lower case is
    otherwise too often a sentence) and a dash without a space after it
    (``NEW YORK, March 2 -The ...``).
    """
    m = _DATELINE_DASH.search(text, 0, 90)
    unspaced = m is None
    if unspaced:
        m = _DAY_DASH.search(text, 0, 90)
    if m is None or m.start() == 0:
        return None
    rest = text[m.end() :].strip()
    head = _DATELINE_HEAD.fullmatch(text[: m.start()])
    if head is None:
        return None
    place = clean(head.group("place"))
    letters = sum(ch.isalpha() for ch in place)
    dated = bool(head.group("extra")) and _WIRE_DAY.fullmatch(clean(head.group("extra"))) is not None
    capitalised = all(w[:1].isupper() for w in place.split())
    if (
        letters < 3
        or (unspaced and not dated)
        or not (place == place.upper() or (dated and capitalised))
        or len(place.split()) > 5
        or place.upper() in _NOT_PLACES
        or _names_a_weekday(place)
        or not _place_letters(place)
        or any(ch.isdigit() for ch in place)
    ):
        return None
    agency = clean(head.group("agency")) if head.group("agency") else None
    return Dateline(place, rest, agency)


def _place_letters(place: str) -> bool:
    """A letter, then letters with their combining marks (Devanagari ``मॉस्को``), spaces and ``.'’&/-``."""
    return place[:1].isalpha() and all(
        ch.isalpha() or ch in " .'’&/-" or unicodedata.category(ch).startswith("M") for ch in place
    )


def _names_a_weekday(place: str) -> bool:
    """``Tuesday, March 2 -``: a weekday (CLDR's names in the calendar languages) is no place."""
    days = {name for names in calendar_names("days", ("wide", "abbreviated")).values() for name in names}
    return any(word.casefold().rstrip(".") in days for word in place.split())
