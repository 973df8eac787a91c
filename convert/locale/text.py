"""What Broadsheet prints itself: dates, quotation marks and labels, per language.

Everything here comes from maintained data, looked up by the article's BCP 47
tag (``None`` or an unknown language gives English):

- dates and times: CLDR through Babel (:func:`display_date`), one form for
  every exporter: the ``long`` date, then the ``short`` time when the source
  has a time, then the zone when the source has one, joined by the locale's
  own date-time pattern;
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
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.dates import format_date, format_time, get_month_names

from ..dates import parse_iso
from ._babel import global_table, prime_locale_data

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
    "read_byline",
    "read_date",
    "read_updated",
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
    one, and the time is shown in that zone, never converted. A value that is
    no ISO date is returned as it is; ``None`` stays ``None``.
    """
    parsed = parse_iso(iso)
    if parsed is None:
        return iso
    loc = babel_locale(tag)
    if not isinstance(parsed, dt.datetime):
        return native_digits(format_date(parsed, "long", locale=loc), loc)
    day = format_date(parsed.date(), "long", locale=loc)
    pattern = loc.time_formats["short"].pattern
    if parsed.tzinfo is not None:
        pattern += " ZZZZ"  # localized GMT format: "GMT+03:00", "UTC+03:00"
        clock = format_time(parsed, pattern, tzinfo=parsed.tzinfo, locale=loc)
    else:
        clock = format_time(parsed.time(), pattern, locale=loc)
    joined = str(loc.datetime_formats["long"]).replace("'", "")
    return native_digits(joined.replace("{1}", day).replace("{0}", clock), loc)


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
    guillemets. Only :class:`~convert.model.Quote` nodes get these marks:
    quotation marks the author typed are text and stay as typed.
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


# --------------------------------------------------------------------------
# Reading dates back


def read_date(text: str, tag: str | None) -> str | None:
    """ISO 8601 for a date written the language's way, the inverse of :func:`display_date`.

    ``14 октября 2024 г.`` (ru) -> ``2024-10-14``; ``2024年10月14日 22:37`` (zh)
    -> ``2024-10-14T22:37:00``; ``۱۴ اکتبر ۲۰۲۴`` (fa) -> ``2024-10-14``. The
    forms are CLDR's ``full``, ``long`` and ``medium`` date patterns of the
    language (Babel), each optionally followed by its ``short`` time joined
    by the locale's date-time pattern, a comma or a dash; digits may be the
    language's own. The whole text must be the date. Only the Gregorian
    calendar is read (Babel has no other), in the era the language counts in:
    Thai ``14 ตุลาคม 2567`` is 2024 (Buddhist era) unless CLDR's ``ค.ศ.`` says
    otherwise. A year after next year in any other language gives ``None``.
    """
    text = " ".join(_FORMAT_MARKS.sub("", _ascii_digits(text)).split())
    if not text or len(text) > 80 or not any(ch.isdigit() for ch in text):
        return None
    for form, month_of in _date_readers(str(babel_locale(tag))):
        m = form.fullmatch(text)
        if m is None:
            continue
        found = _read_match(m, month_of, _ERA_OFFSET.get(babel_locale(tag).language, 0))
        if found is not None:
            return found
    return None


#: Commas CLDR sets between a date's parts that writers often leave out (``14 اکتوبر 2024`` in Urdu).
_LITERAL = {",": ",?", "\u060c": "\u060c?"}

#: Unicode format characters (RLM, LRM, ALM …) that right-to-left text and CLDR's patterns carry.
_FORMAT_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _ascii_digits(text: str) -> str:
    """Every decimal digit (``۱``, ``১``, ``١``, ``１``) as its ASCII digit."""
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


def _words(names: Mapping[object, str]) -> str:
    found = {n.lower().rstrip(".") for n in names.values() if n}
    return "|".join(re.escape(n) for n in sorted(found, key=lambda n: (-len(n), n)))


@lru_cache(maxsize=32)
def _date_readers(ident: str) -> tuple[tuple[re.Pattern[str], dict[str, int]], ...]:
    """Compiled :func:`read_date` forms for a Babel locale id, and its month names to numbers."""
    from babel.dates import get_day_names, get_era_names, get_period_names, tokenize_pattern

    loc = Locale.parse(ident)
    month_of: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            for n, name in get_month_names(width, context, loc).items():
                month_of.setdefault(_ascii_digits(name).lower().rstrip("."), n)
    months = "|".join(re.escape(n) for n in sorted(month_of, key=lambda n: (-len(n), n)))
    days = "|".join(
        _words(get_day_names(w, c, loc)) for w in ("wide", "abbreviated") for c in ("format", "stand-alone")
    )
    # Only the era of the Common Era: a year before it is no article's date.
    era = "|".join(re.escape(get_era_names(w, loc)[1]) for w in ("wide", "abbreviated", "narrow"))
    periods = {k: get_period_names("abbreviated", "format", loc).get(k) for k in ("am", "pm")}
    fields = {
        "d": r"(?P<day>\d{1,2})",
        "M": r"(?P<mon>\d{1,2})",
        "L": r"(?P<mon>\d{1,2})",
        "y": r"(?P<year>\d{4})",
        "E": rf"(?:{days})\.?",
        "c": rf"(?:{days})\.?",
        "G": rf"(?P<era>{era})",
        "h": r"(?P<hour>\d{1,2})",
        "H": r"(?P<hour>\d{1,2})",
        "m": r"(?P<minute>\d{2})",
        "a": rf"(?:(?P<am>{re.escape(periods['am'] or 'AM')})|(?P<pm>{re.escape(periods['pm'] or 'PM')}))",
    }

    def compile_pattern(pattern: str) -> str | None:
        out = []
        for kind, value in tokenize_pattern(pattern):
            if kind == "chars":
                # a space in CLDR may be typed as any space, or left out; format marks (RLM) are dropped
                value = _FORMAT_MARKS.sub("", value)
                out.append(
                    "".join(_LITERAL.get(ch, r"\s*" if ch.isspace() else re.escape(ch)) for ch in value)
                )
                continue
            char, count = value
            if char in "ML" and count >= 3:
                out.append(rf"(?P<month>{months})\.?")
            elif char in fields:
                out.append(fields[char])
            else:
                return None  # a field this reader does not read (week numbers, quarters …)
        return "".join(out)

    time = compile_pattern(str(loc.time_formats["short"].pattern))
    zone = re.escape(_FORMAT_MARKS.sub("", loc.zone_formats["gmt"])).replace(
        "%s", r"(?P<zone>[+-]\d{2}:\d{2})?"
    )
    joined = str(loc.datetime_formats["long"]).replace("'", "")
    forms = []
    for width in ("full", "long", "medium"):
        date = compile_pattern(str(loc.date_formats[width].pattern))
        if date is None:
            continue
        # a full stop that ends CLDR's pattern ("г.") may be left out
        date = re.sub(r"\\\.$", r"\\.?", date)
        clock = rf"(?:\s*{time}(?:\s*{zone})?)" if time else ""
        own = re.escape(joined).replace(r"\{1\}", "\x00").replace(r"\{0\}", "\x01")
        own = re.sub(r"\\\s+|\s+", r"\\s*", own)
        with_time = own.replace("\x00", date).replace("\x01", clock) if clock else ""
        plain = rf"{date}(?:\s*[,،،\-–—|·]?\s*{clock})?" if clock else date
        forms.extend(f for f in (with_time, plain) if f)
    return tuple((re.compile(form, re.I), month_of) for form in dict.fromkeys(forms))


#: Years the language's preferred calendar counts ahead of the Gregorian one, where that calendar
#: is the Gregorian one with another era: CLDR ``calendarPreferenceData`` puts the Buddhist calendar
#: first for Thailand, and its ``calendarData`` starts the Buddhist era in 543 BCE (2567 BE = 2024).
_ERA_OFFSET = {"th": 543}


def _read_match(m: re.Match[str], month_of: Mapping[str, int], era_offset: int = 0) -> str | None:
    g = m.groupdict()
    month = month_of.get(g["month"].lower()) if g.get("month") else int(g["mon"] or 0)
    if not month or not g.get("year") or not g.get("day"):
        return None
    year = int(g["year"])
    if era_offset and not g.get("era") and year > dt.date.today().year + 1:
        year -= era_offset  # no Gregorian era written: the language's own era
    try:
        day = dt.date(year, month, int(g["day"]))
        if day.year > dt.date.today().year + 1:
            return None  # a year in an era we do not read: no date rather than a wrong one
        if g.get("hour") is None:
            return day.isoformat()
        hour = int(g["hour"])
        if g.get("am") or g.get("pm"):
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if g.get("pm") else 0)
        stamp = dt.datetime(day.year, day.month, day.day, hour, int(g["minute"]))
    except (ValueError, TypeError):
        return None
    if g.get("zone"):
        sign = 1 if g["zone"][0] == "+" else -1
        hours, minutes = g["zone"][1:].split(":")
        stamp = stamp.replace(tzinfo=dt.timezone(sign * dt.timedelta(hours=int(hours), minutes=int(minutes))))
    return stamp.isoformat()


# --------------------------------------------------------------------------
# Reading labels back: bylines and update lines

_READ_BACK_FILE = Path(__file__).parent / "data" / "read_back.json"
#: The labels a reader recognises in every catalogue language, each with its one placeholder.
READ_BACK = {"By {names}": "names", "Updated {date}": "date"}


def read_back_forms_from_catalogues() -> dict[str, dict[str, list[str]]]:
    """Every catalogue's translations of the :data:`READ_BACK` labels (all plural forms),
    by label and catalogue language.

    What ``data/read_back.json`` holds (``scripts/read_back_forms.py`` writes it),
    so reading a line never parses every catalogue.
    """
    forms: dict[str, dict[str, list[str]]] = {msgid: {} for msgid in READ_BACK}
    for ident in catalogue_languages():
        catalogue = _catalogue(ident)
        if catalogue is None:
            continue
        for msgid in READ_BACK:
            found = {catalogue.gettext(msgid)} | {
                catalogue.ngettext(msgid, msgid, n) for n in (1, 2, 5, 11, 21, 100)
            }
            forms[msgid][ident] = sorted(f for f in found if f != msgid)
    return forms


@lru_cache(maxsize=1)
def _read_back_forms() -> dict[str, dict[str, tuple[str, ...]]]:
    data: dict[str, dict[str, list[str]]] = json.loads(_READ_BACK_FILE.read_text(encoding="utf-8"))["forms"]
    return {msgid: {ident: tuple(f) for ident, f in by_lang.items()} for msgid, by_lang in data.items()}


@lru_cache(maxsize=4)
def _label_starts(msgid: str) -> tuple[str, ...] | None:
    """The first word of every form (``Par``, ``بقلم``, ``著者：``); ``None`` if one opens with its field."""
    field = "{" + READ_BACK[msgid] + "}"
    forms = _read_back_forms()[msgid].values()
    firsts = [form.split(field)[0].split() for group in forms for form in group]
    return None if not all(firsts) else tuple(sorted({f[0].casefold() for f in firsts}))


@lru_cache(maxsize=4)
def _label_pattern(msgid: str) -> re.Pattern[str] | None:
    """One pattern for every translation of ``msgid``, the form's language in the group's name."""
    field = "{" + READ_BACK[msgid] + "}"
    alternatives = []
    for n, (_ident, forms) in enumerate(sorted(_read_back_forms()[msgid].items())):
        for k, form in enumerate(forms):
            before, _, after = form.partition(field)
            parts = [re.sub(r"\\\s+|\s+", r"\\s*", re.escape(p.strip())) for p in (before, after)]
            if not any(parts):
                continue
            # "Par" ends in a letter: a space must follow ("Paris …" is no byline); "著者：" needs none
            gap = r"\s+" if before.strip()[-1:].isalnum() else r"\s*"
            alternatives.append(rf"(?:{parts[0]}{gap}(?P<l{n}_{k}>\S.*?)\s*{parts[1]})")
    return re.compile("|".join(alternatives), re.I) if alternatives else None


def _read_label(msgid: str, text: str) -> tuple[str, str] | None:
    text = text.strip()
    starts = _label_starts(msgid)
    if starts is not None and not text.casefold().startswith(starts):
        return None  # most lines: no pattern compiled
    pattern = _label_pattern(msgid)
    m = pattern.fullmatch(text) if pattern is not None else None
    if m is None or m.lastgroup is None:
        return None
    idents = sorted(_read_back_forms()[msgid])
    return idents[int(m.lastgroup[1:].split("_")[0])], m.group(m.lastgroup)


def read_byline(text: str) -> tuple[str, str] | None:
    """``Par Ann et Bo`` -> ``("fr", "Ann et Bo")``: a byline in a catalogue's words, and its names.

    The inverse of :func:`byline` for every catalogue language: the words are
    the catalogues' translations of ``By {names}``, so a byline Broadsheet
    writes in plain text reads back, and so does one a person writes the same
    way. ``None`` for any other text, English included (the readers know ``By``).
    """
    return _read_label("By {names}", text)


def read_updated(text: str) -> tuple[str, str] | None:
    """``Mis à jour le 15 octobre 2024`` -> ``("fr", "15 octobre 2024")``: an update line in a
    catalogue's words (``Updated {date}``), its language and its date as written (:func:`read_date`)."""
    return _read_label("Updated {date}", text)


@lru_cache(maxsize=64)
def list_separators(tag: str | None) -> re.Pattern[str]:
    """What joins names in a list in the language (CLDR list patterns): ``, `` and `` et `` in French."""
    patterns = babel_locale(tag).list_patterns["standard"]
    found = {p.replace("{0}", "\x00").replace("{1}", "\x00").split("\x00")[1] for p in patterns.values()}
    found |= {", ", "; "}

    def spaced(sep: str) -> str:
        """A separator's spaces as required runs of any space; none where CLDR has none (``、``, `` و``)."""
        before = r"\s+" if sep[:1].isspace() else r"\s*"
        after = r"\s+" if sep[-1:].isspace() else r"\s*"
        return before + re.escape(sep.strip()) + after if sep.strip() else r"\s+"

    seps = sorted(found, key=lambda s: (-len(s.strip()), s))
    return re.compile("|".join(spaced(s) for s in seps if s.strip()))
