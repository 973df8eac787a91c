"""What Broadsheet prints itself: dates, quotation marks and labels, per language.

Everything here comes from maintained data, looked up by the article's BCP 47
tag (``None`` or an unknown language gives English):

- dates and times: CLDR through Babel (:func:`display_date`), one form for
  every exporter: the ``long`` date, then the ``short`` time when the source
  has a time, then the zone when the source has one, joined by the locale's
  own date-time pattern; in the calendar CLDR prefers for the language where
  that is Solar Hijri (Persian: ``۱۶ آذر ۱۴۰۵``), from CLDR's names of it
  (:mod:`convert.locale.calendars`);
- quotation marks: CLDR's ``delimiters`` (:func:`quote_marks`). Babel does not
  compile them, so ``data/quotes.json`` holds them, generated from the
  consortium's JSON release by ``scripts/cldr_quotes.py``;
- labels ("Notes", "Contents", "By …"): gettext catalogues in
  ``messages/<lang>/LC_MESSAGES/broadsheet.po``, read with Babel and cached
  (no compile step). Bylines join names with CLDR list patterns, numbers are
  formatted by Babel;
- digits: the locale's CLDR default numbering system (Persian and Pashto
  ``۱۲``, Egyptian Arabic ``١٢``, Bengali ``১২``, Marathi and Nepali ``१२``),
  in dates and numbers alike (:func:`native_digits`); Babel knows each
  locale's system by name but writes ASCII digits.

Strings are marked for extraction by the names :func:`label`,
:func:`plural_label` and :func:`N_` (``pybabel extract -k label
-k plural_label:1,2 -k N_``; the README says how to update the catalogues).
"""

from __future__ import annotations

import datetime as dt
import gettext
import io
import json
import re
import unicodedata
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import cast

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_month_names

from .._regex import compiled
from ..dates import parse_iso
from ._babel import global_table, prime_locale_data
from .calendars import CALENDARS, CalendarNames, calendar_names, default_calendar, from_gregorian

__all__ = [
    "N_",
    "byline",
    "catalogue_languages",
    "digit_symbols",
    "display_date",
    "label",
    "labelled",
    "month_names",
    "note_label",
    "native_digits",
    "number",
    "plural_label",
    "quote_marks",
    "printed_marks",
    "closing_mark",
    "translations_of",
]

MESSAGES = Path(__file__).parent / "messages"
DOMAIN = "broadsheet"
_QUOTES_FILE = Path(__file__).parent / "data" / "quotes.json"
_ENGLISH = Locale("en")

#: French typography (Lexique des règles typographiques de l'Imprimerie nationale)
#: sets a narrow no-break space inside guillemets, so « mots » never part from
#: their word at a line end; Swiss French sets none.
_NNBSP = "\u202f"


def N_(msgid: str) -> str:  # noqa: N802 - the gettext convention for "mark, translate later"
    """``msgid`` unchanged: marks a label for extraction where it is translated later."""
    return msgid


# --------------------------------------------------------------------------
# Locales


@lru_cache(maxsize=256)
def babel_locale(tag: str | None) -> Locale:
    """The Babel locale for a BCP 47 tag; the longest prefix Babel knows, else English.

    ``zh-TW`` gives ``zh_Hant_TW``, ``iw`` gives ``he``; extensions
    (``de-DE-u-co-phonebk``) are dropped, an unknown language gives ``en``.
    """
    parts = (tag or "").strip().replace("_", "-").split("-")
    loc = _ENGLISH
    while parts and parts[0]:
        try:
            loc = Locale.parse("-".join(parts), sep="-")
            break
        except (ValueError, TypeError, UnknownLocaleError):
            parts.pop()
    prime_locale_data(str(loc))
    return loc


def _inheritance(loc: Locale) -> list[str]:
    """CLDR's chain of locale ids for ``loc``, most specific first: ``es_MX``, ``es_419``, ``es``."""
    parents: Mapping[str, str] = global_table("parent_exceptions")
    ident = str(loc)
    chain = []
    while ident and ident != "root":
        chain.append(ident)
        ident = parents.get(ident) or (ident.rsplit("_", 1)[0] if "_" in ident else "")
    return chain


# --------------------------------------------------------------------------
# Dates


def display_date(iso: str | None, tag: str | None) -> str | None:
    """The one displayed form of an ISO 8601 date or date-time in the article's language.

    ``2024-10-14`` -> ``14 octobre 2024``; ``2024-10-14T22:37:00`` ->
    ``October 14, 2024, 10:37 PM``; a zone is shown only when the value has
    one, and the time is shown in that zone, never converted, in the locale's
    CLDR ``gmtFormat`` (``GMT+03:00``, ``UTC+03:00``; Portuguese ``-03:00 GMT``).
    Where CLDR's default calendar for the language is Solar Hijri and CLDR names
    it in the language, the date is in that calendar: ``2026-12-07`` ->
    ``۱۶ آذر ۱۴۰۵`` (fa). A value that is no ISO date is returned as it is;
    ``None`` stays ``None``.
    """
    parts = display_date_parts(iso, tag)
    return iso if parts is None else "".join(text for text, _ in parts)


def display_date_parts(iso: str | None, tag: str | None) -> list[tuple[str, bool]] | None:
    """:func:`display_date` in pieces, ``(text, is_clock)``: the time and zone apart from the day
    and the words of the locale's date-time pattern, so a right-to-left page can isolate a clock
    written in Latin letters (``4:20 PM GMT+05:00`` in Urdu). ``None`` for a value that is no ISO date."""
    parsed = parse_iso(iso)
    if parsed is None:
        return None
    loc = babel_locale(tag)
    own = _own_calendar(loc)
    date = parsed.date() if isinstance(parsed, dt.datetime) else parsed
    day = (own and _calendar_date(date, *own, loc)) or format_date(date, "long", locale=loc)
    if not isinstance(parsed, dt.datetime):
        return [(native_digits(day, loc), False)]
    pattern = loc.time_formats["short"].pattern
    if parsed.tzinfo is not None:
        pattern += " ZZZZ"  # the localized GMT format, CLDR's gmtFormat: "GMT+03:00", "UTC+03:00"
        clock = format_time(parsed, pattern, tzinfo=parsed.tzinfo, locale=loc)
    else:
        clock = format_time(parsed.time(), pattern, locale=loc)
    joined = own[1]["datetime"] if own else str(loc.datetime_formats["long"])
    out: list[tuple[str, bool]] = []
    for n, piece in enumerate(compiled(r"(\{[01]\})").split(joined.replace("'", ""))):
        if n % 2:
            out.append((native_digits(day if piece == "{1}" else clock, loc), piece == "{0}"))
        elif piece:
            out.append((native_digits(piece, loc), False))
    return out


@lru_cache(maxsize=64)
def _own_calendar(loc: Locale) -> tuple[str, CalendarNames] | None:
    """The calendar a locale shows dates in when CLDR's default for it is not the Gregorian one, with
    its names: Solar Hijri for Persian (Iran and Afghanistan). ``None`` (Gregorian) where the language
    has no month names of its own for that calendar, nor the era its ``long`` pattern writes (Pashto's
    CLDR data names the months but leaves the era root's ``AP``), and for Thai: the Buddhist calendar
    is the Gregorian one with another era, and the Gregorian date carries CLDR's ``ค.ศ.``, which
    reads back unambiguously."""
    calendar = default_calendar(loc)
    if calendar not in CALENDARS:
        return None
    names = calendar_names(calendar, str(loc))
    if names is None or ("G" in names["date"]["long"] and not names["eras"]):
        return None
    return calendar, names


def _calendar_date(day: dt.date, calendar: str, names: CalendarNames, loc: Locale) -> str | None:
    """``day`` written by CLDR's ``long`` pattern of ``calendar`` (``16 آذر 1405``); ``None`` when
    the converter does not reach that day or the pattern has a field this does not write."""
    from babel.dates import get_day_names, tokenize_pattern

    ymd = from_gregorian(calendar, day)
    if ymd is None:
        return None
    year, month, mday = ymd
    out: list[str] = []
    for kind, value in tokenize_pattern(names["date"]["long"]):
        if kind == "chars":
            out.append(str(value))
            continue
        char, count = cast("tuple[str, int]", value)
        if char == "d":
            out.append(f"{mday:0{count}d}")
        elif char in "ML":
            out.append(names["months"][month - 1][0] if count >= 3 else f"{month:0{count}d}")
        elif char == "y":
            out.append(f"{year:0{count if count > 2 else 1}d}")
        elif char == "G":
            out.append(names["eras"][0])
        elif char in "Ec":
            out.append(get_day_names("wide", "format", loc)[day.weekday()])
        else:
            return None
    return "".join(out)


def month_names(tag: str | None) -> tuple[str, ...]:
    """The language's month names, wide and abbreviated, in both CLDR contexts, for reading dates.

    Longest first, trailing full stops removed (``Sept.`` -> ``Sept``), so a
    regular expression alternation of them matches whole names first.
    """
    loc = babel_locale(tag)
    names: set[str] = set()
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            names.update(n.rstrip(".") for n in get_month_names(width, context, loc).values())
    return tuple(sorted(names, key=lambda n: (-len(n), n)))


@lru_cache(maxsize=64)
def dotted_day_months(tag: str | None) -> tuple[str, ...]:
    """The month names (:func:`month_names`) of a language whose CLDR long date writes the day
    as an ordinal with a full stop before the month (German, Norwegian, Czech ``d. MMMM y``):
    ``10. März`` is a date, no sentence's end; ``()`` for any other (English ``MMMM d, y``)."""
    if tag is None:
        return ()
    pattern = str(babel_locale(tag).date_formats["long"].pattern)
    dotted = re.search(r"(?<![A-Za-z])d{1,2}\.\s*M{3,}", pattern)
    return month_names(tag) if dotted else ()


# --------------------------------------------------------------------------
# Quotation marks


@lru_cache(maxsize=1)
def _cldr_quotes() -> dict[str, str]:
    locales: dict[str, str] = json.loads(_QUOTES_FILE.read_text(encoding="utf-8"))["locales"]
    return locales


@lru_cache(maxsize=256)
def _marks(tag: str | None) -> str:
    loc = babel_locale(tag)
    table = _cldr_quotes()
    marks = next(
        (table[i.replace("_", "-")] for i in _inheritance(loc) if i.replace("_", "-") in table), None
    )
    return marks or table["en"]


def quote_marks(tag: str | None, depth: int = 0) -> tuple[str, str]:
    """Opening and closing marks for a quotation ``depth`` levels deep (CLDR).

    Even depths take CLDR's quotation marks, odd depths the alternate ones.
    In French (but Swiss French) a narrow no-break space sits inside
    guillemets. Only :class:`~convert.model.Quote` nodes without typed marks
    (``Quote.marks``) get these; a quotation typed otherwise keeps its marks.
    """
    marks = _marks(tag)
    open_, close = (marks[2], marks[3]) if depth % 2 else (marks[0], marks[1])
    loc = babel_locale(tag)
    if loc.language == "fr" and loc.territory != "CH":
        if open_ in "«‹":
            open_ += _NNBSP
        if close in "»›":
            close = _NNBSP + close
    return open_, close


# --------------------------------------------------------------------------
# Labels


def catalogue_languages() -> tuple[str, ...]:
    """The languages with a catalogue (``fr``, ``zh_Hant`` …); English is the source language."""
    return tuple(sorted(p.name for p in MESSAGES.iterdir() if (p / "LC_MESSAGES" / f"{DOMAIN}.po").is_file()))


@lru_cache(maxsize=64)
def _catalogue(ident: str) -> gettext.GNUTranslations | None:
    path = MESSAGES / ident / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not path.is_file():
        return None
    from babel.messages.mofile import write_mo  # English, the source language, needs no catalogue
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle, locale=ident, domain=DOMAIN)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)  # in memory: gettext then evaluates the plural forms
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


@lru_cache(maxsize=256)
def _translations(tag: str | None) -> gettext.NullTranslations:
    for ident in _inheritance(babel_locale(tag)):
        found = _catalogue(ident)
        if found is not None:
            return found
    return gettext.NullTranslations()


def label(msgid: str, tag: str | None, **fields: object) -> str:
    """A word Broadsheet prints itself (``"Notes"``, ``"Contents"``, …), translated.

    ``fields`` fill the ``{name}`` placeholders of the translation.
    """
    text = _translations(tag).gettext(msgid)
    return text.format(**fields) if fields else text


def plural_label(singular: str, plural: str, count: int, tag: str | None, **fields: object) -> str:
    """A label that depends on a count, in the language's plural form; ``{n}`` is the count, formatted."""
    text = _translations(tag).ngettext(singular, plural, count)
    return text.format(n=number(count, tag), **fields)


def labelled(name: str, text: str, tag: str | None) -> str:
    """``Disclaimer: text``, punctuated as the language does (``Avertissement : …``, ``免责声明：…``)."""
    return label("{label}: {text}", tag, label=name, text=text)


def number(value: int | float, tag: str | None) -> str:
    """A number in the language's format (``1,234``, ``1 234``, ``1.234``)."""
    from babel.numbers import format_decimal

    loc = babel_locale(tag)
    return native_digits(format_decimal(value, locale=loc, numbering_system="default"), loc)


#: CLDR numbering systems whose id is not the ISO 15924 code of the script whose
#: digits they use (CLDR ``numberingSystems.xml``: ``arab`` is U+0660..0669
#: ARABIC-INDIC, ``arabext`` U+06F0..06F9 EXTENDED ARABIC-INDIC, ``tamldec``
#: U+0BE6..0BEF TAMIL, ``fullwide`` U+FF10..FF19 FULLWIDTH). Every other numeric
#: system is named by its script's code (``beng``, ``deva``, ``mymr``, ``thai`` …).
_SYSTEM_ZERO = {"arab": "\u0660", "arabext": "\u06f0", "tamldec": "\u0be6", "fullwide": "\uff10"}


@lru_cache(maxsize=64)
def _digit_table(system: str) -> dict[int, str] | None:
    """``str.translate`` table from ASCII digits to the digits of a CLDR numbering system.

    ``None`` for ``latn`` and for a system that is no run of ten decimal digits
    (``hanidec``, the algorithmic ``roman`` …): those keep ASCII digits.
    """
    if system == "latn":
        return None
    zero = _SYSTEM_ZERO.get(system)
    if zero is None:
        from fontTools import unicodedata as ucd

        name = ucd.script_name(system.title(), default=None)
        if name is None:
            return None
        try:
            zero = unicodedata.lookup(f"{name.replace('_', ' ').upper()} DIGIT ZERO")
        except KeyError:
            return None
    digits = [chr(ord(zero) + i) for i in range(10)]
    if [unicodedata.decimal(d, None) for d in digits] != list(range(10)):
        return None
    return {ord(str(i)): d for i, d in enumerate(digits)}


def native_digits(text: str, loc: Locale) -> str:
    """``text`` with its ASCII digits written in the locale's default numbering system.

    ``7 دسامبر 2026`` -> ``۷ دسامبر ۲۰۲۶`` for Persian (CLDR: ``arabext``); unchanged
    where CLDR's default is ``latn`` (English, French, Arabic, Hindi …).
    """
    table = _digit_table(loc.default_numbering_system or "latn")
    return text.translate(table) if table else text


def digit_symbols(tag: str | None) -> str | None:
    """The ten digits 0-9 of the language's default numbering system (``۰۱۲۳۴۵۶۷۸۹`` for Persian);
    ``None`` where that system is ASCII's (English, Arabic, Hindi …). For a CSS ``@counter-style``."""
    loc = babel_locale(tag)
    table = _digit_table(loc.default_numbering_system or "latn")
    return "".join(table[ord(str(i))] for i in range(10)) if table else None


def byline(names: list[str], tag: str | None) -> str | None:
    """``By A``, ``By A and B``, ``By A, B, and C``: names joined by CLDR's list pattern, translated."""
    if not names:
        return None
    from babel.lists import format_list

    joined = format_list(list(names), locale=babel_locale(tag))
    return plural_label("By {names}", "By {names}", len(names), tag, names=joined)


#: The note kinds of the model, with the label printed before such a note.
NOTE_KINDS = {
    "footnote": N_("Note"),
    "note": N_("Note"),
    "author-note": N_("Author’s note"),
    "disclaimer": N_("Disclaimer"),
    "editor-note": N_("Editor’s note"),
    "correction": N_("Correction"),
}


def note_label(kind: str, tag: str | None) -> str:
    """The label of a note kind (``disclaimer`` -> ``Disclaimer``); an unknown kind is its own name."""
    msgid = NOTE_KINDS.get(kind)
    if msgid is None:
        return kind.replace("-", " ").capitalize()
    return label(msgid, tag)


def translations_of(msgid: str) -> frozenset[str]:
    """``msgid`` and its translation in every catalogue: for recognising a label read back."""
    found = {msgid}
    for ident in catalogue_languages():
        catalogue = _catalogue(ident)
        if catalogue is not None:
            found.add(catalogue.gettext(msgid))
    return frozenset(found)


#: How a space typed inside a quotation's marks prints: no-break, so a mark never wraps away from
#: its word (a narrow no-break space as typed or as CLDR sets it is kept).
_MARK_SPACE = str.maketrans({" ": "\u00a0"})


def printed_marks(marks: tuple[str, str] | None, tag: str | None, depth: int = 0) -> tuple[str, str]:
    """The marks exporters print round a quotation with :attr:`~convert.model.Quote.marks` ``marks``.

    ``None``: the language's (:func:`quote_marks`). Typed marks print as typed, a space inside
    them as a no-break space; a straight opening mark (a quotation typed in straight quotes that
    runs on into the next paragraph, ``('"', "")``) as the language's own, and no closing mark.
    """
    if marks is None:
        return quote_marks(tag, depth)
    open_, close = marks
    if open_[:1] in "\"'":
        open_ = quote_marks(tag, depth)[0]
    return open_.translate(_MARK_SPACE), close.translate(_MARK_SPACE)


def closing_mark(open_: str, tag: str | None, depth: int = 0) -> str:
    """The closing mark for a quotation opened with ``open_`` and never closed (a briefing's
    excerpt closes it): the language's own where ``open_`` is its opening mark, else the closing
    mark CLDR's locales most often pair with it, after the space typed inside ``open_`` as
    :func:`printed_marks` prints it and no other (`«\u00a0…\u00a0»`, `«…»`, `“\u202f…\u202f”`).
    A straight mark prints as the language's own opening mark, so its closing mark is the
    language's, spaces and all."""
    own_open, own_close = quote_marks(tag, depth)
    mark, space = open_[:1], open_[1:].translate(_MARK_SPACE)
    if mark in "\"'":
        return own_close
    pairs = Counter(
        m[i + 1] for m in _cldr_quotes().values() for i in (0, 2) if len(m) >= i + 2 and m[i] == mark
    )
    close = own_close if mark == own_open[:1] or not pairs else pairs.most_common(1)[0][0]
    return space + close.strip(" \u00a0\u202f")
