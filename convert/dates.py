"""Dates: the one contract, and the one place that reads a date from a string.

Every date in the article model (``Metadata.published``, ``Metadata.updated``)
is an ISO 8601 string:

- a date alone when there is no time: ``2024-10-14``;
- a time when one is known, at least to the minute: ``2024-10-14T22:37:00``;
- the zone kept when it was given, as an offset: ``2024-10-14T22:37:00+03:00``
  (``Z`` is read as ``+00:00``). A time without a zone is a local time; it is never
  silently taken as UTC in the model, and a zoned time is never moved to another day.

Readers turn what they find into that form; exporters turn that form into
what their format wants (W3CDTF for DOCX core properties, W3C dates for PDF
metadata). Every reading of a date from a string happens here:

- :func:`parse_iso` reads the model's form; :func:`parse_day` a user's
  ``YYYY-MM-DD`` (``--since``, ``--date``);
- :func:`parse_stamp` reads a machine-written date as markup, feeds,
  sitemaps and HTTP write them (ISO 8601 and its variants, RFC 2822, Unix
  time), within a plausibility window; :func:`zoned` reads a stamp with an
  explicit zone as an aware ``datetime``;
- :func:`parse_date` reads a date as people write it (month names in
  :data:`CALENDAR_LANGUAGES` from CLDR, times, a.m./p.m., zones), the whole
  text being the date; :func:`find_dates` finds the unambiguous written
  dates in running text, :func:`day_pattern` the written forms of one day,
  :func:`path_day` the day in a URL path;
- :func:`to_iso` reads document metadata with all of these.

:data:`MONTHS` / :data:`MONTH_PATTERN` give the English month names (from
CLDR) to code that finds English dates in running text. Rules specific to one
source stay next to that source as named wrappers over these and say why they
differ: the text reader's date lines with their labels
(``convert.readers.text.parse_date_line``), Word's midnight-UTC rule
(``convert.readers._package_meta._core_date``), the HTML reader's weighing of
which element or meta tag says what (:mod:`convert.readers.html.dates`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache, lru_cache

from ._regex import compiled, lazy

__all__ = [
    "CALENDAR_LANGUAGES",
    "MONTHS",
    "MONTH_PATTERN",
    "WRITTEN_DATE",
    "calendar_names",
    "day_of",
    "day_pattern",
    "epoch_stamp",
    "find_dates",
    "is_iso",
    "parse_date",
    "parse_day",
    "parse_iso",
    "parse_stamp",
    "path_day",
    "restates",
    "to_iso",
    "w3c_date",
    "w3cdtf",
    "zoned",
]

#: The shapes the model accepts: a date, optionally a time (minutes at least) and a zone.
_ISO_SHAPE = lazy(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?")


@cache
def _english_months() -> dict[str, int]:
    """Month names, wide and abbreviated, in CLDR's ``en`` and ``en-GB`` (which writes "Sept").

    Kept in the user's cache folder under Babel's version (:func:`convert.cache.cached_json`): reading
    two locales' calendars took a twentieth of a cold one-file conversion (issue 18).
    """
    from .cache import cached_json, installed_version

    version = installed_version("babel")
    if version is not None:
        kept = cached_json("months-en", ["babel", version, "en en_GB months"], _read_english_months)
        if isinstance(kept, dict) and all(isinstance(n, int) for n in kept.values()):
            return {str(name): n for name, n in kept.items()}
    return _read_english_months()


def _read_english_months() -> dict[str, int]:
    """:func:`_english_months`, read from Babel."""
    from babel.dates import get_month_names

    names: dict[str, int] = {}
    for tag in ("en", "en_GB"):
        for width in ("wide", "abbreviated"):
            for context in ("format", "stand-alone"):
                for number, name in get_month_names(width, context, tag).items():
                    names[name.rstrip(".")] = number
    return names


# The month tables and the patterns made of them are built on first use (``MONTHS``,
# ``MONTH_PATTERN`` and ``WRITTEN_DATE`` through the module's ``__getattr__``): loading
# Babel's calendars and compiling the patterns cost every process that imported this module
# a noticeable part of a small conversion, used or not (issue 18).

#: English month names, lower case, to their number (``"sept"`` -> 9).
MONTHS: dict[str, int]
#: An English month name as written (``October``, ``Oct.``, ``Sept``), longest first; add
#: ``re.I`` to read ``OCTOBER`` too.
MONTH_PATTERN: str
#: Unambiguous written dates: d.m.yyyy, yyyy-mm-dd, "March 5, 2024", "5. März 2024", "5 de marzo de 2024".
WRITTEN_DATE: re.Pattern[str]


def __getattr__(name: str) -> object:
    if name == "MONTHS":
        value: object = {name.lower(): n for name, n in _english_months().items()}
    elif name == "MONTH_PATTERN":
        value = rf"(?:{'|'.join(sorted(_english_months(), key=lambda n: (-len(n), n)))})\.?"
    elif name == "WRITTEN_DATE":
        value = _written_date()
    else:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    globals()[name] = value
    return value


#: The languages whose month and weekday names dates are read in: the Latin-script languages
#: most web pages are written in (and most of the corpus's dated pages).
CALENDAR_LANGUAGES = ("en", "en_GB", "de", "fr", "es", "it", "pt", "nl")


@cache
def calendar_names(kind: str, widths: tuple[str, ...], shortest: int = 3) -> dict[int, tuple[str, ...]]:
    """CLDR's month (``kind="months"``, keys 1-12) or weekday (``"days"``, keys 0-6) names, through
    Babel, in :data:`CALENDAR_LANGUAGES`: lower case, without a final full stop, ``shortest`` letters
    or more (shorter ones are words too), longest first, for matching as word prefixes.

    Kept in the user's cache folder under Babel's version (:func:`convert.cache.cached_json`):
    loading eight languages' CLDR data took a fifth of a cold one-file conversion (issue 18).
    """
    from .cache import cached_json, installed_version

    version = installed_version("babel")
    if version is None:
        import babel

        version = babel.__version__
    key = [version, CALENDAR_LANGUAGES, kind, widths, shortest]
    stored = cached_json("calendar", key, lambda: _calendar_names(kind, widths, shortest))
    try:
        return {int(k): tuple(str(n) for n in v) for k, v in stored.items()}
    except (ValueError, TypeError, AttributeError):  # a copy of another shape: Babel's answer
        return _calendar_names(kind, widths, shortest)


def _calendar_names(kind: str, widths: tuple[str, ...], shortest: int) -> dict[int, tuple[str, ...]]:
    """:func:`calendar_names`, read from Babel."""
    from babel import Locale

    found: dict[int, set[str]] = {}
    for lang in CALENDAR_LANGUAGES:
        names = getattr(Locale.parse(lang), kind)
        for context in ("format", "stand-alone"):
            for width in widths:
                for key, name in names[context][width].items():
                    name = name.casefold().rstrip(".")
                    if len(name) >= shortest:
                        found.setdefault(key, set()).add(name)
    return {k: tuple(sorted(v, key=len, reverse=True)) for k, v in sorted(found.items())}


def _calendar_months() -> dict[int, tuple[str, ...]]:
    """Month names and their abbreviations in :data:`CALENDAR_LANGUAGES` (CLDR), as written prefixes."""
    return calendar_names("months", ("wide", "abbreviated"))


@cache
def _month_of() -> dict[str, int]:
    """Every such name, casefolded, to its month's number (CLDR gives no name to two months)."""
    return {name: n for n, names in _calendar_months().items() for name in names}


def _month(word: str) -> int | None:
    """The month a written month name (or a word it begins, ``Sept``, ``Septembre``) stands for."""
    word = word.casefold().rstrip(".")
    month_of = _month_of()
    if word in month_of:
        return month_of[word]
    return next(
        (n for n, names in _calendar_months().items() if any(word.startswith(x) for x in names)), None
    )


_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = (
    r"(?:(?P<weekday>mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)"
    r"\.?,?\s+)?"
)
#: A weekday's first three letters, as :data:`_WEEKDAY` reads it, and its number (Monday 0).
_WEEKDAY_NUMBER = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_TIME = (
    r"(?:(?:\s*[-–—,|@]\s*|\s+at\s+|\s+|T)"
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    r"(?:\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|(?-i:[A-Z]{2,5})))?)?"
)
#: The written forms :func:`parse_date` reads, month names in :data:`CALENDAR_LANGUAGES`
#: (``14 October 2024``, ``14. Oktober 2024``, ``14 de octubre de 2024``). Slash dates with the day first or second
#: (``14/10/2024``, ``10/14/2024``) are ambiguous and not among them; dotted ones are day first.
#: ``MONTH`` stands for the month names; each form is compiled when first tried (:func:`_date_form`).
_DATE_FORMS = (
    rf"MONTH\s+{_DAY},?\s+{_YEAR}",
    rf"{_DAY}(?:\.|er|º)?\s+(?:of\s+|de\s+)?MONTH,?\s+(?:de\s+)?{_YEAR}",
    rf"{_YEAR}-(?P<mon>\d{{1,2}})-{_DAY}",
    rf"{_YEAR}/(?P<mon>\d{{2}})/{_DAY}",
    rf"(?P<day>\d{{1,2}})\.(?P<mon>\d{{1,2}})\.{_YEAR}",
)
#: Every form has a four-digit year: text without four digits in a row is no date (and loads nothing).
_HAS_YEAR = compiled(r"\d{4}")


@cache
def _date_form(i: int) -> re.Pattern[str]:
    form = _DATE_FORMS[i]
    if "MONTH" in form:
        names = "|".join(sorted(_month_of(), key=lambda n: (-len(n), n)))
        form = form.replace("MONTH", rf"(?P<month>{names})\.?")
    return compiled(rf"{_WEEKDAY}{form}{_TIME}", re.I | re.A)


#: Digits alone name no calendar: a year before this is another's (Hijri ``1448``), no article's.
_DIGITS_SINCE = 1900

#: Fixed-offset zone names; ambiguous ones (ET, CST, IST) keep the local time only.
_ZONES = {
    "Z": 0, "UTC": 0, "GMT": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "MSK": 180, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480,
    "PDT": -420, "JST": 540, "AEST": 600, "AEDT": 660,
}  # fmt: skip
_SPACES = compiled(r"\s+")


def parse_iso(value: str | None) -> dt.datetime | dt.date | None:
    """An ISO string as a ``date`` (date alone) or ``datetime`` (naive or aware); ``None`` if unreadable.

    Lenient on purpose: anything :meth:`datetime.fromisoformat` takes is read,
    so exporters can format whatever a reader or a user put in the metadata.
    """
    if not value:
        return None
    try:
        if compiled(r"\d{4}-\d{2}-\d{2}").fullmatch(value):
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
    the value is one date and nothing else. A year after next year is no
    article's date (the guard :func:`convert.locale.reading_dates.read_date` keeps): ``None``.
    """
    if not text:
        return None
    text = text.strip()
    iso = compiled(r"\d{4}-\d{2}-\d{2}").match(text) and parse_iso(text) is not None
    found = text if iso else parse_date(text, digits_since=1)  # a document may be dated 18.10.1851
    return found if found is None or int(found[:4]) <= dt.date.today().year + 1 else None


def parse_date(text: str, digits_since: int = _DIGITS_SINCE) -> str | None:
    """ISO 8601 for a date in a common written form, with its time and zone if given.

    ``October 14, 2024 - 22:37`` -> ``2024-10-14T22:37:00``; ``14 October
    2024`` -> ``2024-10-14``; ``14.10.2024`` -> ``2024-10-14``. The whole text
    must be the date: anything else (``October 14, 2024 was a Monday``), an
    impossible day or time, or an ambiguous slash date is ``None``. A zone
    name with one fixed offset (``BST``) becomes the offset; an ambiguous one
    (``ET``) leaves a local time. A date in digits alone needs a year from ``digits_since``.
    """
    text = _SPACES.sub(" ", text).strip()
    if not _HAS_YEAR.search(text):
        return None
    for i in range(len(_DATE_FORMS)):
        m = _date_form(i).fullmatch(text)
        if m:
            return _iso(m, digits_since)
    return None


def _zone_offset(zone: str) -> int | None:
    """Minutes east of UTC for a zone token, or ``None`` when it does not say."""
    zone = zone.upper().replace(" ", "")
    if zone in _ZONES:
        return _ZONES[zone]
    m = compiled(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?").fullmatch(zone)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    return minutes if m.group(1) == "+" else -minutes


def _iso(m: re.Match[str], digits_since: int = _DIGITS_SINCE) -> str | None:
    g = m.groupdict()
    month = _month(g["month"]) if g.get("month") else int(g["mon"])
    if month is None or (g.get("mon") and int(g["year"]) < digits_since):
        return None  # ``15.06.1448``: digits name no calendar, and that year is no Gregorian article's
    try:
        day = dt.date(int(g["year"]), month, int(g["day"]))
        if g["weekday"] and _WEEKDAY_NUMBER[g["weekday"][:3].lower()] != day.weekday():
            return None  # "Tuesday, December 7, 2026" (a Monday): which of the two is wrong is a guess
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


# --------------------------------------------------------------------------
# Machine dates: what markup, feeds, sitemaps and HTTP headers declare

_STAMP_DATE = lazy(
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:(?:T|\s+|\s*,\s*)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<z>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2}(?!\d))?)?",
    re.IGNORECASE,
)
_COMPACT_DATE = lazy(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T?(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?)?")
#: A Unix time: 10 digits (seconds) or 13 (milliseconds), 2001-09-09 to 2286.
_EPOCH = lazy(r"[1-9]\d{9}(?:\d{3})?")
#: Machine dates before this year are CMS placeholders (``1970-01-01``, ``0000-00-00``).
_EARLIEST = 1970


def parse_stamp(value: str | None, *, today: dt.date | None = None, window: bool = True) -> str | None:
    """ISO 8601 for a machine-written date, or ``None`` when ``value`` is not a plain, plausible one.

    Reads ISO 8601 and the variants markup and feeds write (``2024/3/5``,
    ``2024-03-05 08:30 UTC``, ``20240305``, ``+0100``), RFC 2822 (mail, RSS,
    HTTP: ``Tue, 05 Mar 2024 08:30:00 GMT``) and Unix times (``1676551869``,
    or in milliseconds). A time and zone are kept when given
    (``2024-03-05T08:30:00+01:00``, ``Z``/``UTC``/``GMT`` as ``+00:00``); a
    date alone stays a date. Free text ("last Tuesday") is not read here.
    With ``window`` (the default), dates before 1970 or after the day after
    ``today`` (CMS placeholders, scheduled posts) are ``None`` too.
    """
    text = _SPACES.sub(" ", value or "").strip()
    if not text or len(text) > 64:
        return None
    today = today or dt.datetime.now(dt.UTC).date()
    m = _STAMP_DATE.match(text) or _COMPACT_DATE.fullmatch(text)
    if m is not None:
        return _from_stamp(m, today if window else None)
    if _EPOCH.fullmatch(text):  # a Unix time, in seconds or (13 digits) milliseconds, as some CMSs write it
        stamp = epoch_stamp(int(text[:10]))
        return stamp if not window or _plausible(dt.date.fromisoformat(stamp[:10]), today) else None
    try:
        from email.utils import parsedate_to_datetime

        parsed = parsedate_to_datetime(text)  # RFC 2822: "Tue, 05 Mar 2024 08:30:00 GMT"
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or (window and not _plausible(parsed.date(), today)):
        return None
    return parsed.replace(microsecond=0).isoformat()


def epoch_stamp(seconds: int) -> str:
    """A Unix time (``SOURCE_DATE_EPOCH``, a UTC tuple through ``calendar.timegm``) as an ISO stamp in UTC."""
    return dt.datetime.fromtimestamp(seconds, dt.UTC).isoformat()


def _from_stamp(m: re.Match[str], today: dt.date | None) -> str | None:
    try:
        day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if today is not None and not _plausible(day, today):
        return None
    if m["H"] is None:
        return day.isoformat()
    hour, minute, second = int(m["H"]), int(m["M"]), int(m["S"] or 0)
    if hour > 23 or minute > 59 or second > 59:
        return day.isoformat()
    stamp = f"{day.isoformat()}T{hour:02d}:{minute:02d}:{second:02d}"
    zone = (m.groupdict().get("z") or "").upper()
    if zone in ("Z", "UTC", "GMT"):
        return stamp + "+00:00"
    if zone:
        digits = zone[1:].replace(":", "")
        digits = digits + "00" if len(digits) == 2 else digits
        if int(digits[:2]) > 14 or int(digits[2:]) > 59:
            return stamp
        return f"{stamp}{zone[0]}{digits[:2]}:{digits[2:]}"
    return stamp


def _plausible(day: dt.date, today: dt.date) -> bool:
    return day.year >= _EARLIEST and day <= today + dt.timedelta(days=2)


#: An ISO stamp with a time and an explicit offset (``Z`` counts as one).
_ZONED_STAMP = lazy(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})")


def zoned(text: str) -> dt.datetime | None:
    """An ISO stamp with a time and an explicit zone, as an aware datetime; ``None`` for anything else."""
    if not _ZONED_STAMP.fullmatch(text):
        return None
    text = text.replace("Z", "+00:00")
    if compiled(r"[+-]\d{4}$").search(text):
        text = f"{text[:-2]}:{text[-2:]}"
    stamp = parse_iso(text)
    return stamp if isinstance(stamp, dt.datetime) and stamp.utcoffset() is not None else None


def parse_day(text: str) -> dt.date:
    """A calendar day a user typed as ``YYYY-MM-DD``; ``ValueError`` for anything else.

    Strict, unlike :func:`parse_iso`: the command line reports the bad value.
    """
    value = text.strip()
    if not compiled(r"\d{4}-\d{2}-\d{2}").fullmatch(value):
        raise ValueError(f"{text!r} is not a YYYY-MM-DD date")
    return dt.date.fromisoformat(value)


def day_of(iso: str | None) -> dt.date | None:
    """The calendar day an ISO date or stamp names, as written (no zone conversion); ``None`` if unreadable."""
    if not iso or not compiled(r"\d{4}-\d{2}-\d{2}").match(iso):
        return None
    try:
        return dt.date.fromisoformat(iso[:10])
    except ValueError:
        return None


#: A full date as URL path segments: ``/2017/7/12/``, ``/2017-07-12/``.
_PATH_DATE = lazy(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=/|$)")


def path_day(url: str) -> str | None:
    """The calendar day in a URL's path (``…/2017/7/12/slug``) as ISO, if it has a real one."""
    m = _PATH_DATE.search(url)
    if m is None:
        return None
    try:
        return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
    except ValueError:
        return None


# --------------------------------------------------------------------------
# Dates written in running text


@cache
def _written_date() -> re.Pattern[str]:
    """:data:`WRITTEN_DATE`, compiled when first asked for.

    Unambiguous written dates: d.m.yyyy, yyyy-mm-dd, "March 5, 2024", "5. März 2024", "5 de marzo de
    2024", and the year-month-day form CLDR gives Chinese, Japanese and Korean (``y年M月d日``, ``y년 M월 d일``).
    """
    month_word = "|".join(map(re.escape, sorted(_month_of(), key=len, reverse=True)))
    return compiled(
        r"(?<!\d)(?P<d1>\d{1,2})\.\s?(?P<m1>\d{1,2})\.\s?(?P<y1>(?:19|20)\d\d)(?!\d)"
        r"|(?<!\d)(?P<y2>(?:19|20)\d\d)-(?P<m2>\d\d)-(?P<d2>\d\d)(?!\d)"
        rf"|\b(?P<n3>(?:{month_word})\w*)\.?\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y3>(?:19|20)\d\d)(?!\d)"
        rf"|(?<!\d)(?P<d4>\d{{1,2}})(?:\.|er|º|st|nd|rd|th)?\s+(?:de\s+)?(?P<n4>(?:{month_word})\w*)\.?,?\s+"
        r"(?:de\s+)?(?P<y4>(?:19|20)\d\d)(?!\d)"
        r"|(?<!\d)(?P<y5>(?:19|20)\d\d)\s?[年년]\s?(?P<m5>\d{1,2})\s?[月월]\s?(?P<d5>\d{1,2})\s?[日일]",
        re.IGNORECASE,
    )


def find_dates(text: str) -> Iterator[tuple[int, dt.date]]:
    """Every unambiguous date written in ``text``, with its offset (no m/d versus d/m guessing)."""
    for m in _written_date().finditer(text):
        try:
            if m["y1"]:
                yield m.start(), dt.date(int(m["y1"]), int(m["m1"]), int(m["d1"]))
            elif m["y2"]:
                yield m.start(), dt.date(int(m["y2"]), int(m["m2"]), int(m["d2"]))
            elif m["y3"]:
                yield m.start(), dt.date(int(m["y3"]), _month(m["n3"]) or 0, int(m["d3"]))
            elif m["y5"]:
                yield m.start(), dt.date(int(m["y5"]), int(m["m5"]), int(m["d5"]))
            else:
                yield m.start(), dt.date(int(m["y4"]), _month(m["n4"]) or 0, int(m["d4"]))
        except ValueError:
            continue


@lru_cache(maxsize=512)
def day_pattern(day: dt.date) -> re.Pattern[str]:
    """The usual written forms of ``day``, to search text for: numeric (d.m.y, y-m-d, d/m/y, m/d/y,
    y. m. d., CJK) and with a month name in :data:`CALENDAR_LANGUAGES`."""
    y, m, d = day.year, day.month, day.day
    forms = [
        rf"(?<!\d)0?{d}\.\s?0?{m}\.\s?(?:{y}|{y % 100:02d})(?!\d)",
        rf"(?<!\d){y}[-/.]0?{m}[-/.]0?{d}(?!\d)",
        rf"(?<!\d)0?{d}/0?{m}/(?:{y}|{y % 100:02d})(?!\d)",
        rf"(?<!\d)0?{m}/0?{d}/(?:{y}|{y % 100:02d})(?!\d)",
        rf"(?<!\d)0?{d}-0?{m}-{y}(?!\d)",
        rf"(?<!\d){y}\.\s?0?{m}\.\s?0?{d}(?!\d)",  # Hungarian, Korean: 2020. 08. 18.
        rf"{y}\s?[年년]\s?0?{m}\s?[月월]\s?0?{d}\s?[日일]",
    ]
    for name in map(re.escape, _calendar_months()[m]):
        forms.append(rf"\b{name}\w*\.?\s+0?{d}(?:st|nd|rd|th)?,?\s+{y}(?!\d)")
        forms.append(
            rf"(?<!\d)0?{d}(?:\.|er|º|st|nd|rd|th)?\s+(?:de\s+)?{name}\w*\.?,?\s+(?:de\s+)?{y}(?!\d)"
        )
    return re.compile("|".join(forms), re.IGNORECASE)  # built from data: not for the compiled store


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
