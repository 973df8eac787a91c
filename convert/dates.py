"""Dates: the one contract, and the shared parsers and formatters that keep it.

Every date in the article model (``Metadata.published``, ``Metadata.updated``)
is an ISO 8601 string:

- a date alone when there is no time: ``2024-10-14``;
- a time when one is known, at least to the minute: ``2024-10-14T22:37:00``;
- the zone kept when it was given, as an offset: ``2024-10-14T22:37:00+03:00``
  (``Z`` is read as ``+00:00``). A time without a zone is a local time; it is
  never silently taken as UTC in the model.

Readers turn what they find into that form; exporters turn that form into
what their format wants (W3CDTF for DOCX core properties, W3C dates for PDF
metadata). This module is the one home of date parsing outside the HTML
reader: :func:`parse_iso` reads the model's form, :func:`parse_date` reads a
date as people write it (English month names, times, a.m./p.m., zones),
:func:`to_iso` reads document metadata with both, and :data:`MONTHS` /
:data:`MONTH_PATTERN` give the English month names (from CLDR) to code that
finds dates in running text. Rules specific to one source stay next to that
source as named wrappers over these and say why they differ: the text
reader's date lines with their labels (``convert.readers.text.parse_date_line``),
Word's midnight-UTC rule (``convert.readers._package_meta._core_date``). The HTML
reader's machine dates (:mod:`convert.readers.html.dates`, with a plausibility
window) are still its own.
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import get_month_names

__all__ = [
    "MONTHS",
    "MONTH_PATTERN",
    "is_iso",
    "parse_date",
    "parse_iso",
    "restates",
    "to_iso",
    "w3c_date",
    "w3cdtf",
]

#: The shapes the model accepts: a date, optionally a time (minutes at least) and a zone.
_ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?")


def _english_months() -> dict[str, int]:
    """Month names, wide and abbreviated, in CLDR's ``en`` and ``en-GB`` (which writes "Sept")."""
    names: dict[str, int] = {}
    for tag in ("en", "en_GB"):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, tag).items():
                    names[name.rstrip(".")] = number
    return names


_MONTH_NUMBERS = _english_months()
#: English month names, lower case, to their number (``"sept"`` -> 9).
MONTHS: dict[str, int] = {name.lower(): n for name, n in _MONTH_NUMBERS.items()}
_MONTH_NAMES = "|".join(sorted(_MONTH_NUMBERS, key=lambda n: (-len(n), n)))
#: An English month name as written (``October``, ``Oct.``, ``Sept``), longest first; add
#: ``re.I`` to read ``OCTOBER`` too.
MONTH_PATTERN = rf"(?:{_MONTH_NAMES})\.?"

_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = (
    r"(?:(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\.?,?\s+)?"
)
_TIME = (
    r"(?:(?:\s*[-–—,|@]\s*|\s+at\s+|\s+|T)"
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    r"(?:\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}))?)?"
)
#: The written forms :func:`parse_date` reads. Slash dates with the day first or second
#: (``14/10/2024``, ``10/14/2024``) are ambiguous and not among them; dotted ones are day first.
_DATE_FORMS = tuple(
    re.compile(rf"{_WEEKDAY}{form}{_TIME}", re.I | re.A)
    for form in (
        rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
        rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
        rf"{_YEAR}-(?P<mon>\d{{1,2}})-{_DAY}",
        rf"{_YEAR}/(?P<mon>\d{{2}})/{_DAY}",
        rf"(?P<day>\d{{1,2}})\.(?P<mon>\d{{1,2}})\.{_YEAR}",
    )
)
#: Fixed-offset zone names; ambiguous ones (ET, CST, IST) keep the local time only.
_ZONES = {
    "Z": 0, "UTC": 0, "GMT": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "MSK": 180, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480,
    "PDT": -420, "JST": 540, "AEST": 600, "AEDT": 660,
}  # fmt: skip
_SPACES = re.compile(r"\s+")


def parse_iso(value: str | None) -> dt.datetime | dt.date | None:
    """An ISO string as a ``date`` (date alone) or ``datetime`` (naive or aware); ``None`` if unreadable.

    Lenient on purpose: anything :meth:`datetime.fromisoformat` takes is read,
    so exporters can format whatever a reader or a user put in the metadata.
    """
    if not value:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def is_iso(value: str) -> bool:
    """``2024-10-14``, ``2024-10-14T22:37``, ``…:00+03:00``: the model's shape, and a real date and time.

    Strict where :func:`parse_iso` is lenient: this is what the model
    validates, so compact (``20241014``) and week (``2024-W42``) forms fail.
    """
    return _ISO_SHAPE.fullmatch(value) is not None and parse_iso(value) is not None


def to_iso(text: str | None) -> str | None:
    """An ISO 8601 date from metadata text: ISO kept as written, "14 October 2024" converted.

    ``None`` when the text is no date we can read: the model holds ISO dates
    only. Used for document metadata (pandoc's ``date``, Dublin Core), where
    the value is one date and nothing else.
    """
    if not text:
        return None
    text = text.strip()
    if re.match(r"\d{4}-\d{2}-\d{2}", text) and parse_iso(text) is not None:
        return text
    return parse_date(text)


def parse_date(text: str) -> str | None:
    """ISO 8601 for a date in a common written form, with its time and zone if given.

    ``October 14, 2024 - 22:37`` -> ``2024-10-14T22:37:00``; ``14 October
    2024`` -> ``2024-10-14``; ``14.10.2024`` -> ``2024-10-14``. The whole text
    must be the date: anything else (``October 14, 2024 was a Monday``), an
    impossible day or time, or an ambiguous slash date is ``None``. A zone
    name with one fixed offset (``BST``) becomes the offset; an ambiguous one
    (``ET``) leaves a local time.
    """
    text = _SPACES.sub(" ", text).strip()
    for form in _DATE_FORMS:
        m = form.fullmatch(text)
        if m:
            return _iso(m)
    return None


def _zone_offset(zone: str) -> int | None:
    """Minutes east of UTC for a zone token, or ``None`` when it does not say."""
    zone = zone.upper().replace(" ", "")
    if zone in _ZONES:
        return _ZONES[zone]
    m = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", zone)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    return minutes if m.group(1) == "+" else -minutes


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    month = MONTHS[g["month"].rstrip(".").lower()] if g.get("month") else int(g["mon"])
    try:
        day = dt.date(int(g["year"]), month, int(g["day"]))
        if g["hour"] is None:
            return day.isoformat()
        if g["minute"] is None and g["ampm"] is None:
            return None
        hour = int(g["hour"])
        if g["ampm"]:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if g["ampm"][0].lower() == "p" else 0)
        stamp = dt.datetime(day.year, day.month, day.day, hour, int(g["minute"] or 0), int(g["second"] or 0))
    except ValueError:
        return None
    offset = _zone_offset(g["zone"]) if g["zone"] else None
    if offset is not None:
        if abs(offset) > 14 * 60:
            return None
        stamp = stamp.replace(tzinfo=dt.timezone(dt.timedelta(minutes=offset)))
    return stamp.isoformat()


def w3cdtf(iso: str | None) -> str | None:
    """An article date as a W3CDTF value for DOCX ``core.xml``; ``None`` if unreadable.

    A time with a zone becomes the UTC timestamp Word writes (``…Z``). W3CDTF
    allows no time without a zone, and a local time is never passed off as
    UTC: a time without a zone, like a date alone, is written as its date (the
    exact value travels in the DOCX's custom ``published`` property).
    """
    parsed = parse_iso(iso)
    if isinstance(parsed, dt.datetime) and parsed.tzinfo is not None:
        return parsed.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(parsed, dt.date):
        return (parsed.date() if isinstance(parsed, dt.datetime) else parsed).isoformat()
    return None


def restates(stamp: str | None, published: str | None) -> bool:
    """Whether a modification ``stamp`` only restates ``published``: no evidence of an update.

    Formats that must give a UTC timestamp (EPUB ``dcterms:modified``, DOCX
    ``dcterms:modified``) get a local time or a date alone stamped as if it
    were UTC (``2024-10-14T22:37:00`` -> ``…T22:37:00Z``, ``2024-10-14`` ->
    ``…T00:00:00Z``), a zoned time in UTC, or only the date. Any of those,
    read back, is the publication moment again, not an update.
    """
    moment, base = parse_iso(stamp), parse_iso(published)
    if moment is None or base is None:
        return False
    if not isinstance(moment, dt.datetime):  # a date alone says no more than the day
        return moment == (base.date() if isinstance(base, dt.datetime) else base)
    if not isinstance(base, dt.datetime):
        return moment.date() == base and moment.time() == dt.time(0)
    if base.tzinfo is not None and moment.tzinfo is not None:
        return moment == base
    wall = moment.replace(tzinfo=None)
    if base.tzinfo is None:
        return wall == base
    return wall in (base.replace(tzinfo=None), base.astimezone(dt.UTC).replace(tzinfo=None))


def w3c_date(value: str | None) -> str | None:
    """An article date as a W3C date for PDF metadata, zone kept; ``None`` if unreadable.

    WeasyPrint rejects a time with no zone, so such a value is reduced to its
    date rather than guessed into UTC; an aware time keeps its offset, to the second.
    """
    parsed = parse_iso(value)
    if isinstance(parsed, dt.datetime):
        if parsed.tzinfo is None:
            return parsed.date().isoformat()
        return parsed.isoformat(timespec="seconds")
    if isinstance(parsed, dt.date):
        return parsed.isoformat()
    return None
