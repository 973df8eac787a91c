"""The dates of a line, as every reader reads them: ``Updated: Oct. 15, 2024 | Published 14 October
2024``, ``۲ تیر ۱۳۹۹ - 12:09:08 ب.ظ``, ``٢٧ جمادى الآخرة ١٤٤٨ هـ | ٧ ديسمبر ٢٠٢٦``.

The plain-text reader's date lines (:mod:`.text.datelines`) and the HTML reader's byline dates
(:mod:`.html.dates`) both read a line here: its labels (English ``Published``/``Updated``, and
a catalogue language's ``Updated {date}``, :func:`~convert.locale.reading.read_updated`), a Solar
Hijri date in digits (:func:`~convert.locale.calendars.early_numeric`), the date grammar
(:func:`~convert.dates.parse_date`), dates written the language's way
(:func:`~convert.locale.reading_dates.read_date_calendar`, or with a clock and nothing else
besides: :func:`~convert.locale.reading_lines.read_dated_line`), and one day of several calendars
(:func:`~convert.locale.reading_dates.one_day`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from .._regex import compiled
from ..cache import dataclass
from ..dates import parse_date
from ..locale.calendars import early_numeric
from ._lines import clean


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


def parse_date_line(line: str, language: Language | None = None, *, unread: bool = True) -> DateLine | None:
    """A line that is nothing but dates: ``Updated: Oct. 15, 2024 | Published 14 October 2024``.

    With ``language``, a date written that language's way is read too (``14 октября
    2024 г.``, ``2024年10月14日``; :func:`convert.locale.text.read_date`); ``unread``: a word it does
    not read between a date and its clock leaves the date alone (a text's date line, ``3 marca 2025
    o 14:30``), else no date (the HTML reader's bylines: a caption, a deadline;
    :func:`~convert.locale.reading_lines.newsroom_clock`).
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
            if iso and len(iso) == 19 and language is not None and (zone := _ZONE.search(written)):
                iso = (
                    _zoned(iso, zone[0], language) or iso
                )  # ``09:20 WIB``: a zone CLDR names in the language
        if iso is None and language is not None and label is None:
            iso, calendar = _local_date(part, language, unread) or (None, calendar)
        if iso is None and (local := _local_update(part)) is not None:
            updated = updated or local
            continue
        if iso is None:
            # a weekday alone between bars (``الاثنين | ٧ ديسمبر ٢٠٢٦``): the whole line, as between dashes
            whole = _local_date(line, language, unread) if language is not None and len(parts) > 1 else None
            return DateLine(whole[0]) if whole else None
        if label and compiled(r"updated|modified", re.I).search(label.group("label")):
            updated = updated or iso
        else:
            dates.append((iso, calendar))
    published = dates[0][0] if dates else None
    if any(calendar != "gregorian" for _, calendar in dates):
        # one day in several calendars (``٢٧ جمادى الآخرة ١٤٤٨ هـ | ٧ ديسمبر ٢٠٢٦``): the day
        # :func:`~convert.locale.reading_dates.one_day` gives, as between dashes
        from ..locale.reading_dates import one_day

        published = day[0] if (day := one_day(dates)) else None
    if published is None and updated is None:
        return None
    return DateLine(published, updated)


#: A zone's short name after a clock, ending the line (``09:20 WIB``); not the a.m. or p.m.
#: :func:`parse_date` reads there.
_ZONE = compiled(r"(?<=\d\s)(?![ap]\.?m\.?$)[^\W\d_]{2,5}$", re.I)


def _zoned(stamp: str, zone: str, language: Language) -> str | None:
    from ..locale.reading_lines import with_zone

    return with_zone(stamp, zone, language())


def _ascii_digits(text: str) -> str:
    """A date written only in digits and separators, its digits in ASCII (``۱۴۰۵/۰۹/۱۶`` ->
    ``1405/09/16``); any other text unchanged."""
    if text.isascii() or not all(c.isdecimal() or c in "/.-" for c in text):
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def _local_date(text: str, language: Language, unread: bool = True) -> tuple[str, str] | None:
    """A date in the article's language, and the calendar it is written in (Solar Hijri ``۱۶ آذر
    ۱۴۰۵`` in Persian, Hijri ``١٥ جمادى الآخرة ١٤٤٨ هـ`` in Arabic), a clock after it or not (``۲ تیر
    ۱۳۹۹ - 12:09:08 ب.ظ``); the language is identified only for a text shaped like a date
    (:func:`_date_shaped`)."""
    if not date_shaped(text) or (lang := language()) is None:
        return None
    from ..locale.reading_dates import read_date_calendar
    from ..locale.reading_lines import read_dated_line

    return read_date_calendar(text, lang) or read_dated_line(text, lang, unread=unread)


#: Words besides the numbers in the longest date CLDR's patterns write with ASCII letters: weekday,
#: month and the words between them (``lunes, 14 de octubre de 2024, 22:37``; ``Montag, 14. Oktober
#: 2024 um 22:37``).
_DATE_WORDS = 5
#: Words CLDR writes about a clock after the date, in a text with a clock (``14:30``, ``14.30``): an
#: atTime phrase before it (``a las``), or after it a day period, an hour word or a zone (``p. m.``,
#: ``de la tarde``, ``Uhr MESZ``). A clock with more words after it is a sentence's (review r45).
_CLOCK_WORDS = 3
_CLOCK = compiled(r"(?<!\d)\d{1,2}[:.]\d{2}(?!\d)")


def date_shaped(text: str) -> bool:
    """Digits, and either letters or digits beyond ASCII (``14 октября``, ``۱۴``) or a few words (a
    date's, and a clock's: at most :data:`_CLOCK_WORDS` more before it and as many after it):
    "British Airways has blamed … a 40% drop" is no date, and asks for no language."""
    if not any(ch.isdigit() for ch in text):
        return False
    if any(not ch.isascii() and ch.isalnum() for ch in text):
        return True
    clocks = list(_CLOCK.finditer(text))
    head, tail = (text[: clocks[-1].start()], text[clocks[-1].end() :]) if clocks else (text, "")
    before, after = (sum(any(ch.isalpha() for ch in word) for word in part.split()) for part in (head, tail))
    if before + after <= _DATE_WORDS:
        return True
    return bool(clocks) and before <= _DATE_WORDS + _CLOCK_WORDS and after <= _CLOCK_WORDS


def _local_update(text: str) -> str | None:
    """``Mis à jour le 15 octobre 2024``: an update line in a catalogue language's words, its date."""
    if not any(ch.isdigit() for ch in text):
        return None
    from ..locale.reading import read_date, read_updated

    found = read_updated(text)
    if found is None:
        return None
    lang, written = found
    early, iso = early_numeric(written, lambda: lang)
    return iso if early else parse_date(written) or read_date(written, lang)
