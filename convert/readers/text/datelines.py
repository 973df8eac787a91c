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

__all__ = [
    "DateLine",
    "Dateline",
    "Language",
    "dateline_date",
    "parse_date",
    "parse_date_line",
    "split_dateline",
]


_DATELINE_DASH = compiled(r"\s*—\s*|\s+(?:[–-]|--)(?:\s+|$)")
#: The place, then after a comma (or Arabic ``،``) a region or a date.
_DATELINE_HEAD = compiled(
    r"(?P<place>[^,،()]+?)(?:(?P<comma>[,،])\s*(?P<extra>[^()]{1,40}?))?"
    r"(?:\s*\((?P<agency>[^()]{1,40})\))?\s*"
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
    #: What the comma after the place leads to: a region, a day (``Feb 26``) or a whole date.
    extra: str | None = None
    #: The dash after the place as typed: ``—``, ``–``, ``-``, ``--``.
    dash: str = "–"


#: The day a wire dateline gives after the place, last of its comma-separated parts: ``Feb 26``,
#: ``Ontario, March 2`` (English month names from CLDR, :data:`convert.dates.MONTH_PATTERN`).
_WIRE_DAY = lazy(rf"(?:.*,\s*)?{MONTH_PATTERN}\s+\d{{1,2}}", re.I)
#: The dash after a wire dateline's day, unspaced before the lead's first letter (``March 2 -The``).
_DAY_DASH = lazy(r"(?<=\d)\s*(?:[–-]|--)(?=[^\W\d_])")


def split_dateline(text: str, language: Language | None = None) -> Dateline | None:
    """``MOSCOW – On ...`` / ``NEW YORK, March 2 (Reuters) - ...`` -> place and the rest.

    The place is in capitals, at most five words, before a spaced dash (an
    em dash may be unspaced); ``rest`` is empty when the dateline stands
    alone on its line. What follows a comma after the place (a region, a
    date) is ``extra``; the caller reads a whole date there
    (:func:`dateline_date`), while a wire day (``Feb 26``) lacks the year
    and is dropped.

    A wire dateline's day (``, Feb 26 -``) marks it well enough for two looser forms:
    the place in capitalised words (``Toronto, Feb 26 -``; a lead in lower case is
    otherwise too often a sentence) and a dash without a space after it
    (``NEW YORK, March 2 -The ...``).

    In a script without capitals (Arabic, Hebrew, Devanagari, Thai, Georgian, Han ...) nothing
    marks a place but its name: it must be one CLDR or GeoNames knows
    (:func:`convert.locale.places.known_place`: ``القاهرة —``, ``नई दिल्ली —``, not
    ``في الوقت نفسه —`` "at the same time", ``इसके बाद —`` "after this").
    After an Arabic comma only a whole date may follow (``القاهرة، 12 مارس 2024 —``, read
    in ``language``): in a script without capitals, nothing else tells a place from a
    sentence's first words (``في الوقت نفسه، قال الوزير —``).
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
    # a letter's combining marks count with it: Bengali ``ঢাকা`` is two letters and two vowel signs
    letters = sum(ch.isalpha() or unicodedata.category(ch).startswith("M") for ch in place)
    dated = bool(head.group("extra")) and _WIRE_DAY.fullmatch(clean(head.group("extra"))) is not None
    capitalised = all(w[:1].isupper() for w in place.split())
    if (
        (letters < 3 and not (letters == 2 and _short_place(place, m.group(), rest, language)))
        or (unspaced and not dated)
        or not (_in_capitals(place) or (dated and capitalised))
        or len(place.split()) > 5
        or place.upper() in _NOT_PLACES
        or _names_a_weekday(place)
        or not _place_letters(place)
        or any(ch.isdigit() for ch in place)
        or (letters > 2 and _caseless(place) and not _known_place(place, language))
    ):
        return None
    agency = clean(head.group("agency")) if head.group("agency") else None
    extra = clean(head.group("extra")) if head.group("extra") else None
    if head.group("comma") == "،" and dateline_date(extra, language) is None:
        return None
    return Dateline(place, rest, agency, extra, m.group().strip())


#: Scripts in which a place's name is often two characters (``北京``, ``서울``, ``パリ``): Han, Hangul,
#: katakana, and the languages that write their places in each when the article's is not known.
#: Not hiragana, which writes Japanese grammar (``また``, "also"), not its places.
_TWO_LETTER_SCRIPTS = {"Hani": ("zh", "ja"), "Hang": ("ko",), "Kana": ("ja",)}
#: What ends a lead's first sentence, in Latin and ideographic punctuation.
_FIRST_SENTENCE = lazy(r"[^.!?。！？]*")


def _short_place(place: str, dash: str, rest: str, language: Language | None) -> bool:
    """Whether a two-letter ``place`` before ``dash`` may still be a dateline's: both letters Han,
    Hangul or katakana, the dash a single one spaced on both sides as a wire dateline sets it (Chinese,
    Japanese and Korean prose set their own dashes unspaced, ``我们——都同意``: GB/T 15834-2011 and
    the Korean orthography's 문장 부호 rules), no second spaced dash in the lead's first sentence
    (``我们 — 至少大多数人 — 都同意``: an aside in dashes, no dateline), and the place one CLDR names in
    the article's language (:func:`convert.locale.places.cldr_places`) or GeoNames names as a city of a
    million people in its own country's script (:func:`convert.locale.places.cjk_city_names`:
    ``北京``, ``부산``): Korean and Chinese copy space their dashes too (``물론 —``, ``当然 —``), so
    the dash alone tells nothing."""
    from ...locale.places import cjk_city_names, cldr_places
    from ...locale.script import char_script

    if not (dash[:1].isspace() and (dash[-1:].isspace() or not rest)) or rest.startswith(("—", "–", "-")):
        return False
    scripts = {char_script(ch) for ch in place if ch.isalpha()}
    if not scripts <= _TWO_LETTER_SCRIPTS.keys():
        return False
    first = _FIRST_SENTENCE.match(rest)
    if first is not None and _DATELINE_DASH.search(first.group()) is not None:
        return False
    lang = language() if language is not None else None
    primary = (lang or "").replace("_", "-").split("-")[0].casefold()
    if primary in ("zh", "ja", "ko"):
        langs: tuple[str, ...] = (primary,)
    else:
        langs = tuple(dict.fromkeys(code for script in scripts for code in _TWO_LETTER_SCRIPTS[script]))
    # Chinese in either script: CLDR's ``zh`` writes simplified names (东京), ``zh_Hant`` traditional (東京)
    langs = tuple(c for code in langs for c in ((code, "zh_Hant") if code == "zh" else (code,)))
    return any(place in cldr_places(code) or place in cjk_city_names(code) for code in langs)


def dateline_date(extra: str | None, language: Language | None = None) -> str | None:
    """The whole date (with its year) that ends a dateline's ``extra``, ISO 8601, or ``None``:
    ``March 12, 2024``, ``D.C., March 12, 2024``, ``12. März 2024``, ``12 مارس 2024``. A day without
    a year (``Feb 26``) or a region (``Ontario``) gives none."""
    if not extra or not re.search(r"\d{3}", extra):
        return None  # no year (``Feb 26``, ``Ontario``): the language need not be asked
    parts = [p for p in re.split(r"\s*[,،]\s*", extra) if p]
    for start in range(len(parts)):
        found = parse_date_line(", ".join(parts[start:]), language)
        if found is not None and found.published:
            return found.published
    return None


def _in_capitals(place: str) -> bool:
    """Every letter a capital, or of a script that does not capitalise: Han, Arabic, Bengali have no
    case, and Georgian Mkhedruli, whose capitals (Mtavruli) set a whole word in caps but never begin
    a name, is its own titlecase in Unicode (``თ``.title() is ``თ``, .upper() is ``Თ``)."""
    return all(ch.upper() == ch or ch.title() == ch for ch in place if ch.isalpha())


def _caseless(place: str) -> bool:
    """No letter of ``place`` has a capital that marks a name: Arabic, Han, Devanagari have no case,
    Georgian Mkhedruli is its own titlecase (``თ``); a Latin, Cyrillic, Greek or Mtavruli letter does."""
    return all(ch.upper() == ch.lower() or ch.title() == ch == ch.lower() for ch in place if ch.isalpha())


def _known_place(place: str, language: Language | None) -> bool:
    """Whether CLDR or GeoNames names ``place`` (:func:`convert.locale.places.known_place`)."""
    from ...locale.places import known_place

    return known_place(place, language() if language is not None else None)


def _place_letters(place: str) -> bool:
    """A letter, then letters with their combining marks (Devanagari ``मॉस्को``), spaces and ``.'’&/-``."""
    return place[:1].isalpha() and all(
        ch.isalpha() or ch in " .'’&/-" or unicodedata.category(ch).startswith("M") for ch in place
    )


def _names_a_weekday(place: str) -> bool:
    """``Tuesday, March 2 -``: a weekday (CLDR's names in the calendar languages) is no place."""
    days = {name for names in calendar_names("days", ("wide", "abbreviated")).values() for name in names}
    return any(word.casefold().rstrip(".") in days for word in place.split())
