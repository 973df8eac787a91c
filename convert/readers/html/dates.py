"""Evidence about a web page's dates beyond the one declared value: its time zone, the dates it shows.

:mod:`.weigh` picks a publication date from what the markup declares
(:func:`iso_date` reads each declared value, :func:`marked_dates` finds
``<time>`` and ``itemprop`` dates); the helpers here weigh that pick against
the rest of the page, on general grounds only:

- a UTC stamp is moved to the page's own zone when the page states its
  offset elsewhere (the same instant written ``-05:00`` in a ``<time>``,
  or every other stamp in ``+01:00``): readers date a story by their
  local calendar day, not by Greenwich's;
- a declared publication day that the page never shows, when the page
  shows its declared modification day instead, is the stamp of an earlier
  version or of a CMS migration: the page presents itself as of the day it
  shows.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any

from lxml.html import HtmlElement

from .text import squash

#: JSON-LD keys whose values are timestamps of the page or its parts.
_LD_DATE_KEYS = ("datePublished", "dateCreated", "dateModified", "uploadDate")
#: An ISO stamp with a time and an explicit offset (``Z`` counts as one).
_STAMP = re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})")


def _aware(text: str) -> datetime | None:
    """An ISO stamp with an explicit zone, as an aware datetime; ``None`` for anything else."""
    if not _STAMP.fullmatch(text):
        return None
    text = text.replace("Z", "+00:00")
    if re.search(r"[+-]\d{4}$", text):
        text = f"{text[:-2]}:{text[-2:]}"
    try:
        stamp = datetime.fromisoformat(text)
    except ValueError:
        return None
    return stamp if stamp.utcoffset() is not None else None


def _ld_stamps(objects: Iterable[dict[str, Any]]) -> Iterator[str]:
    for obj in objects:
        for key in _LD_DATE_KEYS:
            value = obj.get(key)
            if isinstance(value, str):
                yield value.strip()


def page_stamps(tree: HtmlElement, objects: Iterable[dict[str, Any]]) -> list[datetime]:
    """Every zoned timestamp the page declares: ``<meta content>``, ``datetime=`` attributes, JSON-LD dates."""
    texts: list[str] = [*_ld_stamps(objects)]
    for el in tree.iter("meta", "time", "span", "abbr", "div", "p"):
        for attr in ("content", "datetime"):
            value = el.get(attr)
            if value and len(value) <= 40:
                texts.append(value.strip())
    return [stamp for text in texts if (stamp := _aware(text)) is not None]


def local_zone(stamp: datetime, stamps: list[datetime]) -> timezone | None:
    """The page's own zone for a UTC ``stamp``, from the offsets its other stamps state; else ``None``.

    The same instant written with a non-zero offset settles it; otherwise
    the offset most of the page's zoned, non-UTC stamps use.
    """
    zoned = [s for s in stamps if s.utcoffset() != timedelta(0)]
    for other in zoned:
        if other == stamp:
            return timezone(other.utcoffset() or timedelta(0))
    if not zoned:
        return None
    offset, _ = Counter(s.utcoffset() for s in zoned).most_common(1)[0]
    return timezone(offset) if offset is not None else None


def in_page_zone(value: str, stamps: list[datetime]) -> str | None:
    """``value`` (an ISO stamp in UTC) in the page's own zone, when the page states one; else ``None``."""
    stamp = _aware(value)
    if stamp is None or stamp.utcoffset() != timedelta(0):
        return None
    zone = local_zone(stamp, stamps)
    if zone is None:
        return None
    return stamp.astimezone(zone).isoformat()


# --------------------------------------------------------------------------
# Dates the page shows its readers

#: The languages whose month and weekday names dates are read in: the Latin-script languages
#: most web pages are written in (and most of the corpus's dated pages).
CALENDAR_LANGUAGES = ("en", "de", "fr", "es", "it", "pt", "nl")


def calendar_names(kind: str, widths: tuple[str, ...], shortest: int = 3) -> dict[int, tuple[str, ...]]:
    """CLDR's month (``kind="months"``, keys 1-12) or weekday (``"days"``, keys 0-6) names, through
    Babel, in :data:`CALENDAR_LANGUAGES`: lower case, without a final full stop, ``shortest`` letters
    or more (shorter ones are words too), longest first, for matching as word prefixes."""
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


#: Month names and their abbreviations, as prefixes of the written month (CLDR, through Babel).
_MONTH_NAMES = calendar_names("months", ("wide", "abbreviated"))


def _shown_forms(day: date) -> re.Pattern[str]:
    """The usual written forms of ``day``: numeric (d.m.y, y-m-d, d/m/y, m/d/y) and with a month name."""
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
    for name in map(re.escape, _MONTH_NAMES[m]):
        forms.append(rf"\b{name}\w*\.?\s+0?{d}(?:st|nd|rd|th)?,?\s+{y}(?!\d)")
        forms.append(
            rf"(?<!\d)0?{d}(?:\.|er|º|st|nd|rd|th)?\s+(?:de\s+)?{name}\w*\.?,?\s+(?:de\s+)?{y}(?!\d)"
        )
    return re.compile("|".join(forms), re.IGNORECASE)


def shows(text: str, day: str) -> bool:
    """Whether the page text writes the calendar day ``day`` (``2024-03-05``) in a usual form."""
    try:
        when = date.fromisoformat(day[:10])
    except ValueError:
        return False
    return _shown_forms(when).search(text) is not None


#: Words that label a shown date as a revision, an access or a retrieval rather than the article's date,
#: in :data:`CALENDAR_LANGUAGES`.
_REVISION_LABEL = re.compile(
    r"(?:updated?|modified|edited|revised|revision|retrieved|accessed|aktualisiert|geändert|bearbeitet|"
    r"mis\s+à\s+jour|modifié|actualizado|modificado|aggiornato|bijgewerkt)\W*(?:\w+\W+){0,4}$",
    re.IGNORECASE,
)
#: How far (in characters of page text) from the start of the headline a date still belongs to it.
_NEAR_HEADLINE = 5000
#: Dates above the headline (a dateline, a kicker) still belong to it this close.
_BEFORE_HEADLINE = 300


def shown_instead(
    published: str, others: Iterable[str | None], text: str, headline: str | None
) -> str | None:
    """The first of ``others`` the page shows by its headline, when it never shows the ``published`` day.

    A CMS stamp of an earlier draft, an import or a migration is declared
    but not shown; the day the page writes under its headline for its
    readers is the article's date. Only a later day qualifies (a first
    publication cannot follow its own revision), only when the declared day
    appears nowhere in a usual written form, and only when the page does not
    label the shown day as an update, an edit or a retrieval: "Updated
    12 March" is the updated date, not the published one.
    """
    if shows(text, published):
        return None
    start = text.find(headline) if headline else -1
    for other in others:
        if other and other[:10] > published[:10] and _shown_near(text, other, start):
            return other
    return None


def headline(tree: HtmlElement) -> str | None:
    """The text of the page's first ``<h1>``, as :func:`visible_text` writes it; ``None`` without one."""
    for h1 in tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if text:
            return text
    return None


def _shown_near(text: str, day: str, start: int) -> bool:
    """Whether ``day`` is written by the headline (``start``: its offset, -1 when unknown) and not as a revision."""
    try:
        when = date.fromisoformat(day[:10])
    except ValueError:
        return False
    for m in _shown_forms(when).finditer(text):
        if start >= 0 and not start - _BEFORE_HEADLINE <= m.start() <= start + _NEAR_HEADLINE:
            continue
        if not _REVISION_LABEL.search(text[max(0, m.start() - 60) : m.start()]):
            return True
    return False


def shown_day(stamp: str, text: str, title: str | None) -> str | None:
    """The adjacent calendar day the page shows for a UTC ``stamp`` whose own day it never shows; else ``None``.

    A UTC stamp late in the evening is the next morning east of Greenwich,
    and one early in the morning the previous evening west of it; when the
    page writes that neighbouring day by its headline and never the UTC one,
    the written day is the article's (its time, in an unknown zone, is dropped).
    """
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00", stamp) or shows(text, stamp):
        return None
    day, hour = date.fromisoformat(stamp[:10]), int(stamp[11:13])
    other = (day - timedelta(days=1) if hour < 12 else day + timedelta(days=1)).isoformat()
    start = text.find(title) if title else -1
    return other if _shown_near(text, other, start) else None


def _month(word: str) -> int | None:
    word = word.lower()
    return next((n for n, names in _MONTH_NAMES.items() if any(word.startswith(x) for x in names)), None)


_MONTH_WORD = "|".join(
    map(re.escape, sorted({n for names in _MONTH_NAMES.values() for n in names}, key=len, reverse=True))
)
#: Unambiguous written dates: d.m.yyyy, yyyy-mm-dd, "March 5, 2024", "5. März 2024", "5 de marzo de 2024".
WRITTEN_DATE = re.compile(
    r"(?<!\d)(?P<d1>\d{1,2})\.\s?(?P<m1>\d{1,2})\.\s?(?P<y1>(?:19|20)\d\d)(?!\d)"
    r"|(?<!\d)(?P<y2>(?:19|20)\d\d)-(?P<m2>\d\d)-(?P<d2>\d\d)(?!\d)"
    rf"|\b(?P<n3>(?:{_MONTH_WORD})\w*)\.?\s+(?P<d3>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y3>(?:19|20)\d\d)(?!\d)"
    rf"|(?<!\d)(?P<d4>\d{{1,2}})(?:\.|er|º|st|nd|rd|th)?\s+(?:de\s+)?(?P<n4>(?:{_MONTH_WORD})\w*)\.?,?\s+"
    r"(?:de\s+)?(?P<y4>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)


def written_dates(text: str) -> Iterator[tuple[int, date]]:
    """Every unambiguous date written in ``text``, with its offset (no m/d versus d/m guessing)."""
    for m in WRITTEN_DATE.finditer(text):
        try:
            if m["y1"]:
                yield m.start(), date(int(m["y1"]), int(m["m1"]), int(m["d1"]))
            elif m["y2"]:
                yield m.start(), date(int(m["y2"]), int(m["m2"]), int(m["d2"]))
            elif m["y3"]:
                yield m.start(), date(int(m["y3"]), _month(m["n3"]) or 0, int(m["d3"]))
            else:
                yield m.start(), date(int(m["y4"]), _month(m["n4"]) or 0, int(m["d4"]))
        except ValueError:
            continue


def headline_date(text: str, title: str | None, latest: date) -> str | None:
    """The written date nearest the headline, not labelled as an update; ``None`` without a headline.

    That is where pages put their dateline and byline date; dates of related
    stories, comments and the footer sit further away. Dates after ``latest``
    (tomorrow, or later) are announcements, not publication dates.
    """
    start = text.find(title) if title else -1
    if start < 0:
        return None
    end = start + len(title or "")
    near = [
        (start - pos if pos < start else max(0, pos - end), day)
        for pos, day in written_dates(text)
        if start - _BEFORE_HEADLINE <= pos <= start + _NEAR_HEADLINE
        and day.year >= 1970
        and day <= latest
        and not _REVISION_LABEL.search(text[max(0, pos - 60) : pos])
    ]
    return min(near)[1].isoformat() if near else None


def shown_by_headline(text: str, day: str, title: str | None) -> bool:
    """Whether ``day`` is written by the headline, not as an update (anywhere, when there is no headline)."""
    return _shown_near(text, day, text.find(title) if title else -1)


#: A full date as URL path segments: ``/2017/7/12/``, ``/2017-07-12/``.
_URL_DATE = re.compile(r"/((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?=/|$)")


def url_day(tree: HtmlElement) -> str | None:
    """The calendar day in the page's canonical URL path (``…/2017/7/12/slug``), if it has one."""
    for value in (
        *tree.xpath("//link[@rel='canonical']/@href"),
        *tree.xpath("//meta[@property='og:url']/@content"),
    ):
        if m := _URL_DATE.search(str(value)):
            try:
                return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                return None
    return None


# --------------------------------------------------------------------------
# Dates


_ISO_DATE = re.compile(
    r"(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})"
    r"(?:(?:T|\s+|\s*,\s*)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<z>Z|UTC|GMT|[+-]\d{2}:?\d{2}|[+-]\d{2}(?!\d))?)?",
    re.IGNORECASE,
)
_COMPACT_DATE = re.compile(
    r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})(?:T?(?P<H>\d{2})(?P<M>\d{2})(?P<S>\d{2})?)?"
)
_EARLIEST = 1970


#: A Unix time: 10 digits (seconds) or 13 (milliseconds), 2001-09-09 to 2286.
_EPOCH = re.compile(r"[1-9]\d{9}(?:\d{3})?")


def iso_date(value: str | None, today: date | None = None) -> str | None:
    """``value`` as ISO 8601, or ``None`` when it is not a plain, plausible machine date.

    A time and zone are kept when given (``2024-03-05T08:30:00+01:00``); a
    date alone stays a date. Free text ("last Tuesday") is not parsed here.

    Not :func:`convert.dates.to_iso`: page markup needs its own rules. It
    accepts ``2024/3/5``, ``20240305``, RFC 2822, ``UTC``/``GMT`` suffixes and
    Unix times (``1676551869``, or in milliseconds), and rejects dates before 1970 or after the day after tomorrow (CMS
    placeholders, scheduled posts), which document metadata never needs.
    """
    text = squash(value)
    if not text or len(text) > 64:
        return None
    today = today or datetime.now(UTC).date()
    m = _ISO_DATE.match(text) or _COMPACT_DATE.fullmatch(text)
    if m is not None:
        return _from_match(m, today)
    if _EPOCH.fullmatch(text):  # a Unix time, in seconds or (13 digits) milliseconds, as some CMSs write it
        stamp = datetime.fromtimestamp(int(text[:10]), UTC)
        return stamp.isoformat() if _plausible(stamp.date(), today) else None
    try:
        parsed = parsedate_to_datetime(text)  # RFC 2822: "Tue, 05 Mar 2024 08:30:00 GMT"
    except (TypeError, ValueError, IndexError):
        return None
    if parsed is None or not _plausible(parsed.date(), today):
        return None
    return parsed.replace(microsecond=0).isoformat()


def _from_match(m: re.Match[str], today: date) -> str | None:
    try:
        day = date(int(m["y"]), int(m["m"]), int(m["d"]))
    except ValueError:
        return None
    if not _plausible(day, today):
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


def _plausible(day: date, today: date) -> bool:
    return day.year >= _EARLIEST and day <= today + timedelta(days=2)


def time_dates(tree: HtmlElement) -> tuple[str | None, str | None]:
    """Published and updated dates marked up as such on ``<time>`` (or similar) elements."""
    (published, _), (updated, _) = marked_dates(tree)
    return published, updated


def marked_dates(tree: HtmlElement) -> tuple[tuple[str | None, str], tuple[str | None, str]]:
    """:func:`time_dates`, each with the element it came from (``<time pubdate datetime> in the page``)."""
    published = updated = None
    pub_where = upd_where = ""
    for el in tree.iter("time", "span", "abbr", "meta", "div", "p"):
        prop = (el.get("itemprop") or "").lower()
        attr = next((a for a in ("datetime", "content") if el.get(a)), "title" if el.tag == "abbr" else "")
        value = el.get(attr) if attr else None
        if not value:
            continue
        label = f"{el.get('class') or ''} {prop}".lower()
        if published is None and (
            "datepublished" in prop or el.get("pubdate") is not None or re.search(r"published|pubdate", label)
        ):
            published, pub_where = iso_date(value), _date_element(el, attr)
        elif updated is None and ("datemodified" in prop or re.search(r"updated|modified", label)):
            updated, upd_where = iso_date(value), _date_element(el, attr)
    return (published, pub_where), (updated, upd_where)


def _date_element(el: HtmlElement, attr: str) -> str:
    """``<time class="published" datetime> in the page``: what marked it as a date, and the attribute."""
    if el.get("itemprop"):
        why = f'itemprop="{squash(el.get("itemprop"))}"'
    elif el.get("pubdate") is not None:
        why = "pubdate"
    else:
        why = f'class="{squash(el.get("class"))}"'
    return f"<{el.tag!s} {why} {attr}> in the page"
