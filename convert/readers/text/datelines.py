"""Date lines (``October 14, 2024 - 22:37``) and datelines (``MOSCOW – On ...``).

The date grammar itself is :func:`convert.dates.parse_date`; a date line adds
labels (``Updated:``) and separators around it, read as every reader reads a
line's dates (:mod:`convert.readers._datelines`, re-exported here).
"""

from __future__ import annotations

import re
import unicodedata

from ..._regex import compiled, lazy
from ...cache import dataclass
from ...dates import MONTH_PATTERN, calendar_names, parse_date
from .._datelines import DateLine, Language, parse_date_line
from .blocks import clean

__all__ = ["DateLine", "Dateline", "Language", "parse_date", "parse_date_line", "split_dateline"]


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
