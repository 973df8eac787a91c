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
metadata). The pieces several modules need live here. Parsers whose rules are
specific to one source stay next to that source as named wrappers and say
why they differ: the text reader's English date lines
(:func:`convert.readers.text.parse_date`), the HTML reader's machine dates
with a plausibility window and local-day correction
(:mod:`convert.readers.html.dates`), Word's midnight-UTC rule
(``convert.readers.pandoc._core_date``).
"""

from __future__ import annotations

import datetime as dt
import re

__all__ = ["is_iso", "parse_iso", "to_iso", "w3c_date", "w3cdtf"]

#: The shapes the model accepts: a date, optionally a time (minutes at least) and a zone.
_ISO_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?")

#: Written forms of a date alone, tried in turn by :func:`to_iso` (English month names).
_WRITTEN_FORMS = (
    "%d %B %Y",
    "%B %d, %Y",
    "%B %d %Y",
    "%d %b %Y",
    "%b %d, %Y",
    "%b %d %Y",
    "%Y/%m/%d",
    "%d.%m.%Y",
)


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
    for fmt in _WRITTEN_FORMS:
        try:
            return dt.datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    return None


def w3cdtf(iso: str | None) -> str | None:
    """An article date as the UTC timestamp DOCX ``core.xml`` wants; ``None`` if unreadable.

    A time without a zone is taken as UTC; a date alone as its midnight. Parsed
    with :meth:`datetime.fromisoformat` as given (no ``Z`` rewrite), which
    Python 3.11 reads the same for every value the model holds.
    """
    if not iso:
        return None
    try:
        stamp = dt.datetime.fromisoformat(iso)
    except ValueError:
        return None
    if stamp.tzinfo is not None:
        stamp = stamp.astimezone(dt.UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%SZ")


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
