"""Date lines (``October 14, 2024 - 22:37``) and datelines (``MOSCOW – On ...``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from .blocks import clean


@dataclass(frozen=True, slots=True)
class DateLine:
    """The dates a date line gives, ISO 8601."""

    published: str | None = None
    updated: str | None = None


_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
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
_DATE_FORMS = tuple(
    re.compile(rf"{_WEEKDAY}{form}{_TIME}", re.I | re.A)
    for form in (
        rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
        rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
        rf"{_YEAR}-(?P<mon>\d{{1,2}})-{_DAY}",
        rf"{_YEAR}/(?P<mon>\d{{2}})/{_DAY}",
    )
)
#: Fixed-offset zone names; ambiguous ones (ET, CST, IST) keep the local time only.
_ZONES = {
    "Z": 0, "UTC": 0, "GMT": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "MSK": 180, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480,
    "PDT": -420, "JST": 540, "AEST": 600, "AEDT": 660,
}  # fmt: skip
_DATE_LABEL = re.compile(
    r"(?P<label>(?:first\s+)?published|posted|(?:last\s+)?updated|(?:last\s+)?modified|dated?)"
    r"(?:\s+on)?\s*[:\-–—]?\s*",
    re.I,
)
_DATE_PARTS = re.compile(r"\s*[|·•;]\s*|(?<!last),?\s+(?=(?:last\s+)?updated\b)", re.I)


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


def parse_date(text: str) -> str | None:
    """ISO 8601 for a date in a common English form, with its time and zone if given.

    ``October 14, 2024 - 22:37`` -> ``2024-10-14T22:37:00``; ``14 October
    2024`` -> ``2024-10-14``. Slash dates with the day first or second are
    ambiguous and not read.

    Not :func:`convert.dates.to_iso`: a plain-text date line carries times,
    "a.m./p.m." and zone names ("EST"), and must refuse whatever is not a date
    line, so its grammar stays here.
    """
    text = clean(text)
    for form in _DATE_FORMS:
        m = form.fullmatch(text)
        if m:
            return _iso(m)
    return None


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    month = _MONTHS[g["month"][:3].lower()] if g.get("month") else int(g["mon"])
    try:
        day = date(int(g["year"]), month, int(g["day"]))
        if g["hour"] is None:
            return day.isoformat()
        if g["minute"] is None and g["ampm"] is None:
            return None
        hour = int(g["hour"])
        if g["ampm"]:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if g["ampm"][0].lower() == "p" else 0)
        stamp = datetime(day.year, day.month, day.day, hour, int(g["minute"] or 0), int(g["second"] or 0))
    except ValueError:
        return None
    offset = _zone_offset(g["zone"]) if g["zone"] else None
    if offset is not None:
        if abs(offset) > 14 * 60:
            return None
        stamp = stamp.replace(tzinfo=timezone(timedelta(minutes=offset)))
    return stamp.isoformat()


def parse_date_line(line: str) -> DateLine | None:
    """A line that is nothing but dates: ``Updated: Oct. 15, 2024 | Published 14 October 2024``."""
    line = clean(line)
    if len(line) > 120:
        return None
    published = updated = None
    for part in _DATE_PARTS.split(line):
        if not part:
            continue
        label = _DATE_LABEL.match(part)
        iso = parse_date(part[label.end() :] if label else part)
        if iso is None:
            return None
        if label and re.search(r"updated|modified", label.group("label"), re.I):
            updated = updated or iso
        else:
            published = published or iso
    if published is None and updated is None:
        return None
    return DateLine(published, updated)


_DATELINE_DASH = re.compile(r"\s*—\s*|\s+(?:[–-]|--)(?:\s+|$)")
_DATELINE_HEAD = re.compile(
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


def split_dateline(text: str) -> Dateline | None:
    """``MOSCOW – On ...`` / ``NEW YORK, March 2 (Reuters) - ...`` -> place and the rest.

    The place is in capitals, at most five words, before a spaced dash (an
    em dash may be unspaced); ``rest`` is empty when the dateline stands
    alone on its line. The date after a comma is dropped: it lacks the
    year, so it cannot fill ``published``.
    """
    m = _DATELINE_DASH.search(text, 0, 90)
    if m is None or m.start() == 0:
        return None
    rest = text[m.end() :].strip()
    head = _DATELINE_HEAD.fullmatch(text[: m.start()])
    if head is None:
        return None
    place = clean(head.group("place"))
    letters = sum(ch.isalpha() for ch in place)
    if (
        letters < 3
        or place != place.upper()
        or len(place.split()) > 5
        or place in _NOT_PLACES
        or not re.fullmatch(r"[^\W\d_][\w .'’&/-]*", place)
        or any(ch.isdigit() for ch in place)
    ):
        return None
    agency = clean(head.group("agency")) if head.group("agency") else None
    return Dateline(place, rest, agency)
