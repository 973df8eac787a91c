"""Reading back what :mod:`convert.locale.text` writes: dates, bylines and update lines in the
article's language.

- :func:`read_date` is :func:`~convert.locale.text.display_date` reversed: CLDR's date patterns of
  the language (Babel), its month and weekday names, its digits;
- :func:`read_byline` recognises a line in the article's language's own words for ``By {names}``,
  :func:`read_updated` one in any catalogue language's words for ``Updated {date}``: the
  catalogues are the source (CLDR has no byline words); ``data/read_back.json`` keeps their forms
  so no catalogue is parsed to read a line, and :data:`LABEL_STARTS` their first words, so most
  lines do not even open the file;
- :func:`list_separators` splits names as the language joins a list (CLDR list patterns).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import cast

from babel import Locale
from babel.dates import get_month_names

from .._regex import compiled, lazy
from .text import _catalogue, _inheritance, babel_locale, catalogue_languages

__all__ = [
    "LABEL_STARTS",
    "READ_BACK",
    "joins_lists_unspaced",
    "label_starts_in_file",
    "list_separators",
    "may_be_label",
    "NEWSROOM_BYLINES",
    "greek_nominative",
    "korean_family_name",
    "NAME_PARTICLES",
    "name_particles_fit",
    "may_be_newsroom_byline",
    "read_back_forms_from_catalogues",
    "read_byline",
    "read_newsroom_byline",
    "read_date",
    "read_updated",
]


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
_FORMAT_MARKS = lazy("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


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
        out: list[str] = []
        numeric: list[bool] = []  # whether each part of ``out`` is a field written in digits
        for kind, value in tokenize_pattern(pattern):
            if kind == "chars":
                # a space in CLDR may be typed as any space, or left out; format marks (RLM) are dropped
                chars = _FORMAT_MARKS.sub("", str(value))
                literal = "".join(_LITERAL.get(ch, r"\s*" if ch.isspace() else re.escape(ch)) for ch in chars)
                if chars.isspace() and numeric[-1:] == [True]:
                    literal = "\x00"  # between two numbers a space must stay: "122024" is no "d MM y"
                out.append(literal)
                numeric.append(False)
                continue
            char, count = cast("tuple[str, int]", value)
            if char in "ML" and count >= 3:
                out.append(rf"(?P<month>{months})\.?")
            elif char in fields:
                out.append(fields[char])
            else:
                return None  # a field this reader does not read (week numbers, quarters …)
            numeric.append(char in "dyhHm" or (char in "ML" and count < 3))
        for i, part in enumerate(out):
            if part == "\x00":
                out[i] = r"\s+" if i + 1 < len(out) and numeric[i + 1] else r"\s*"
        return "".join(out)

    time = compile_pattern(str(loc.time_formats["short"].pattern))
    zone = re.escape(_FORMAT_MARKS.sub("", loc.zone_formats["gmt"])).replace(
        "%s", r"(?P<zone>[+-]\d{2}:\d{2})?"
    )
    joined = str(loc.datetime_formats["long"]).replace("'", "")
    forms: list[str] = []
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


#: The first word of every form in ``data/read_back.json``, casefolded: a line that opens with none
#: of them is no label, and the file is not opened for it (an English article never opens it).
#: ``tests/test_locale_reading.py`` checks the words against the file.
LABEL_STARTS = (
    "actualizado", "aggiornato", "aktualisiert", "atualizado", "bijgewerkt", "di", "door", "güncelleme:",
    "mis", "par", "por", "von", "yazan:", "ενημερώθηκε", "συντάκτεσ:", "συντάκτησ:", "автор:", "авторы:",
    "обновлено", "מאת", "עודכן", "بقلم", "به\u200cروزرسانی:", "حُدّث", "نوشتهٔ", "अपडेट:", "लेखक:", "作者：",
    "更新于", "更新於", "更新：", "著者：", "글", "수정",
)  # fmt: skip


def may_be_label(text: str) -> bool:
    """Whether ``text`` opens with the first word of a :data:`READ_BACK` label in some catalogue."""
    return text.lstrip().casefold().startswith(LABEL_STARTS)


def label_starts_in_file() -> tuple[str, ...]:
    """:data:`LABEL_STARTS` as ``data/read_back.json`` gives them (every form opens with its label)."""
    firsts = set()
    for msgid, by_lang in _read_back_forms().items():
        field = "{" + READ_BACK[msgid] + "}"
        firsts |= {form.split(field)[0].split()[0].casefold() for forms in by_lang.values() for form in forms}
    return tuple(sorted(firsts))


def _as_written(text: str) -> str:
    """``text`` as a pattern that matches it as written, or with its first letter capitalised."""
    first, rest = text[:1], re.escape(text[1:])
    if first.islower() and first.upper() != first:
        return f"[{re.escape(first)}{re.escape(first.upper())}]{rest}"
    return re.escape(first) + rest


@lru_cache(maxsize=32)
def _label_pattern(msgid: str, ident: str | None) -> re.Pattern[str] | None:
    """One pattern for the translations of ``msgid`` in the catalogue ``ident`` (all catalogues
    with ``None``), the form's language in the group's name; the label as the catalogue writes it
    (a capitalised first letter allowed: ``di``, ``Di``; not ``DI``)."""
    field = "{" + READ_BACK[msgid] + "}"
    alternatives = []
    for n, (lang, forms) in enumerate(sorted(_read_back_forms()[msgid].items())):
        if ident is not None and lang != ident:
            continue
        for k, form in enumerate(forms):
            before, _, after = form.partition(field)
            parts = [re.sub(r"\\\s+|\s+", r"\\s*", _as_written(p.strip())) for p in (before, after)]
            if not any(parts):
                continue
            # "Par" ends in a letter: a space must follow ("Paris …" is no byline); "著者：" needs none
            gap = r"\s+" if before.strip()[-1:].isalnum() else r"\s*"
            alternatives.append(rf"(?:{parts[0]}{gap}(?P<l{n}_{k}>\S.*?)\s*{parts[1]})")
    return re.compile("|".join(alternatives)) if alternatives else None


def _catalogue_of(msgid: str, tag: str) -> str | None:
    """The catalogue whose forms of ``msgid`` an article in ``tag`` writes (``zh-Hant`` -> ``zh_Hant``)."""
    forms = _read_back_forms()[msgid]
    return next((ident for ident in _inheritance(babel_locale(tag)) if ident in forms), None)


def _read_label(msgid: str, text: str, tag: str | None = None) -> tuple[str, str] | None:
    text = text.strip()
    if not may_be_label(text):
        return None  # most lines: the forms are not even loaded
    ident = None
    if tag is not None and (ident := _catalogue_of(msgid, tag)) is None:
        return None
    pattern = _label_pattern(msgid, ident)
    m = pattern.fullmatch(text) if pattern is not None else None
    if m is None or m.lastgroup is None:
        return None
    idents = sorted(_read_back_forms()[msgid])
    return idents[int(m.lastgroup[1:].split("_")[0])], m.group(m.lastgroup)


def read_byline(text: str, tag: str | None) -> str | None:
    """``Par Ann et Bo`` in French -> ``Ann et Bo``: the names of a byline in the words of the
    article's language (``tag``), else ``None``.

    The inverse of :func:`byline` for every catalogue language: the words are
    the catalogues' translations of ``By {names}``, so a byline Broadsheet
    writes in plain text reads back, and so does one a person writes the same
    way. Only the article's own language's words count, and as written (or
    capitalised): ``Di Caprio Wins Oscar`` in an English article is a headline,
    whatever Italian's ``di`` says. ``None`` for English (the readers know ``By``)
    and for an unknown language.
    """
    if tag is None:
        return None
    found = _read_label("By {names}", text, tag)
    return found[1] if found is not None else None


#: Bylines as the language's newspapers print them where the catalogue's ``By {names}`` is not the
#: usual form, by language (the article's, as identified; Traditional Chinese is identified as ``zh``,
#: so ``zh`` holds both scripts). No maintained list exists (CLDR has none); each form is a
#: newsroom convention printed the same way on every paper of the language, which is why it
#: generalises: Chinese ``记者 NAME`` ("reporter") and ``本报记者 NAME`` ("this paper's reporter",
#: People's Daily and Xinhua style), ``文/NAME`` and ``撰文：NAME`` ("text"); Japanese ``文・NAME`` /
#: ``文：NAME`` / ``文＝NAME`` ("text") and ``取材・文：NAME`` ("reporting and text"); Korean
#: ``NAME 기자`` ("NAME, reporter", after the name) and ``글·사진 NAME`` ("text and photos"); Greek
#: ``Γράφει ο/η NAME`` ("writes") and ``Του/Της NAME`` (the name in the genitive: "[the article] of
#: NAME", read back in the nominative by :func:`greek_nominative`); Arabic ``كتب:``/``كتبت:`` ("wrote",
#: Egyptian and Gulf dailies; with its colon or dash only, for ``كتب`` is also "books"); Russian
#: ``Текст: NAME`` ("text"). A space in a form is a space the line
#: must have, none that it may have: ``记者王小明`` is read only after ``本报记者``, and ``记者招待会``
#: ("press conference") is no byline. An e-mail address may follow the name (Korean closing bylines).
NEWSROOM_BYLINES: dict[str, tuple[str, ...]] = {
    "ar": ("كتب: {names}", "كتبت: {names}", "كتب - {names}", "كتبت - {names}", "بقلم: {names}"),
    "el": ("Γράφει ο {names}", "Γράφει η {names}", "Του {names}", "Της {names}"),
    "ja": ("文・{names}", "文：{names}", "文:{names}", "文＝{names}", "文/{names}", "文／{names}",
           "取材・文：{names}", "取材・文・{names}", "取材・文＝{names}"),
    "ko": ("{names}기자", "{names} 기자", "글·사진 {names}", "글・사진 {names}"),
    "ru": ("Текст: {names}",),
    "zh": ("记者 {names}", "本报记者{names}", "記者 {names}", "本報記者{names}", "记者：{names}", "記者：{names}",
           "文/{names}", "文／{names}", "文｜{names}", "撰文：{names}", "撰文:{names}"),
}  # fmt: skip
#: The Greek article before a name in the genitive, and whether it is the feminine one.
_GENITIVE_LABELS = {"Του": False, "Της": True}
_EMAIL_TAIL = r"(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?"


@lru_cache(maxsize=16)
def _newsroom_pattern(lang: str) -> re.Pattern[str] | None:
    """One pattern for :data:`NEWSROOM_BYLINES` of ``lang``: group ``n<k>`` holds form k's names."""
    alternatives = []
    for k, form in enumerate(NEWSROOM_BYLINES.get(lang, ())):
        before, _, after = form.partition("{names}")
        parts = [re.escape(p.strip()) for p in (before, after)]
        gaps = [r"\s+" if before.endswith(" ") else r"\s*", r"\s+" if after.startswith(" ") else r"\s*"]
        names = rf"(?P<n{k}>\S.*?)"
        alternatives.append(
            f"(?:{parts[0]}{gaps[0]}{names}{_EMAIL_TAIL})"
            if not parts[1]
            else f"(?:{names}{gaps[1]}{parts[1]}{_EMAIL_TAIL})"
        )
    return compiled("|".join(alternatives)) if alternatives else None


@lru_cache(maxsize=1)
def _newsroom_labels() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The first words of the :data:`NEWSROOM_BYLINES` forms that open with their label, and the
    last words of those that end with it (``기자``)."""
    forms = [f for by_lang in NEWSROOM_BYLINES.values() for f in by_lang]
    starts = {f.split("{names}")[0].split()[0] for f in forms if not f.startswith("{")}
    ends = {f.split("{names}")[1].strip() for f in forms if f.startswith("{")}
    return tuple(sorted(starts)), tuple(sorted(ends))


_EMAIL_AT_END = lazy(_EMAIL_TAIL + "$")


def may_be_newsroom_byline(text: str) -> bool:
    """Whether ``text`` opens (or, for a form that names first, ends) like a :data:`NEWSROOM_BYLINES` form."""
    starts, ends = _newsroom_labels()
    text = text.strip()
    if text.startswith(starts):
        return True
    return any(end in text for end in ends) and _EMAIL_AT_END.sub("", text).endswith(ends)


def read_newsroom_byline(text: str, tag: str | None) -> str | None:
    """``记者 王小明`` in Chinese -> ``王小明``: the names of a byline in one of the language's
    :data:`NEWSROOM_BYLINES` forms, else ``None``; Greek names after ``Του``/``Της`` in the nominative."""
    if tag is None:
        return None
    lang = babel_locale(tag).language
    pattern = _newsroom_pattern(lang)
    m = pattern.fullmatch(text.strip()) if pattern is not None else None
    if m is None or m.lastgroup is None:
        return None
    names = m.group(m.lastgroup)
    label = NEWSROOM_BYLINES[lang][int(m.lastgroup[1:])].split()[0]
    if lang == "el" and label in _GENITIVE_LABELS:
        return greek_nominative(names, feminine=_GENITIVE_LABELS[label])
    return names


#: Greek genitive endings and the nominative each comes from, for names (Wikipedia, "Modern Greek
#: grammar": the masculine nouns in -ος, -ης, -ας and the feminine ones in -α, -η), compared
#: without accents and case (:func:`_greek_fold`, so ``σ`` stands for ``ς``). A feminine surname is
#: the same in both cases (Παπαδοπούλου). ``-οπούλου`` is the learned genitive of the commonest
#: surname ending, ``-όπουλος``, whose stress it moves back.
_MASCULINE_GENITIVE = (("οπουλου", "οπουλοσ"), ("ου", "οσ"), ("η", "ησ"), ("α", "ασ"))
_FEMININE_GENITIVE = (("ασ", "α"), ("ησ", "η"))
_GREEK_VOWELS = "αεηιουω"
#: Men's surnames that are a genitive themselves and stay so in the nominative, after a consonant
#: (after a vowel, -ίου, -άου, -έου, every one does): the patronymic surnames made from the genitive
#: of a given name in -ος and the occupational Οικονόμου (Wikipedia, "Greek surnames": "surnames
#: in the genitive of the father's name", Γεωργίου, Παύλου, Πέτρου). Compared folded.
_GENITIVE_SURNAMES = frozenset(
    "αλεξανδρου δημου θεοδωρου κωνσταντινου μαρκου οικονομου παυλου πετρου σταυρου στεφανου "
    "φιλιππου χριστοδουλου χριστοφορου".split()
)
#: An initial: one or two letters and a full stop (Κ., Χρ.), passed through as written.
_GREEK_INITIAL = lazy(r"[^\W\d_]{1,2}\.")


def _greek_fold(word: str) -> str:
    """``word`` without accents or diaeresis, case-folded: ``Σαμαρά`` -> ``σαμαρα``."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
    return bare.casefold()


def _as_written_in(ending: str, written: str) -> str:
    """A nominative ``ending`` (folded, as in the tables) in the case and stress of the genitive
    ending ``written`` it replaces: ``ός`` for ``ού``, ``ΗΣ`` for ``Η``, ``άς`` for ``ά``, ``όπουλος``
    for ``οπούλου`` (the stress the genitive's ending carries goes on the nominative's first vowel)."""
    out = ending[:-1] + "ς" if ending.endswith("σ") else ending
    if any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", written)):
        first = next(i for i, ch in enumerate(out) if ch in _GREEK_VOWELS)
        out = out[:first] + unicodedata.normalize("NFC", out[first] + "\u0301") + out[first + 1 :]
    return out.upper() if written.isupper() else out


def _nominative_word(word: str, table: tuple[tuple[str, str], ...]) -> str | None:
    """One name word's genitive ending undone by ``table``, each part of a hyphenated name apart;
    ``None`` when a part has no such ending."""
    parts = []
    for part in word.split("-"):
        folded = _greek_fold(part)
        pair = next((p for p in table if folded.endswith(p[0]) and len(folded) > len(p[0])), None)
        if pair is None:
            return None
        cut = len(part) - len(pair[0])
        parts.append(part[:cut] + _as_written_in(pair[1], part[cut:]))
    return "-".join(parts)


def _own_genitive_surname(word: str) -> bool:
    """A man's surname in -ου that is its own nominative: after a vowel (Νικολάου, Γεωργίου,
    Ανδρέου, the genitive of a given name or a saint's) or one of :data:`_GENITIVE_SURNAMES`
    (Οικονόμου, Δήμου). Any other in -ου (Παπαδόπουλου, Βενιζέλου, Λαμπράκου) is the genitive of -ος."""
    folded = _greek_fold(word)
    return folded.endswith("ου") and (folded[-3:-2] in tuple(_GREEK_VOWELS) or folded in _GENITIVE_SURNAMES)


def greek_nominative(names: str, *, feminine: bool) -> str | None:
    """``Γιώργου Παπαδόπουλου`` -> ``Γιώργος Παπαδόπουλος``; ``Μαρίας Παπαδοπούλου`` (feminine) ->
    ``Μαρία Παπαδοπούλου``: a Greek byline's names in the genitive, read back in the nominative.

    Endings are compared without case or stress and written back in the word's own (``Του Αντώνη
    Σαμαρά`` -> ``Αντώνης Σαμαράς``, ``ΓΙΑΝΝΗ`` -> ``ΓΙΑΝΝΗΣ``); each part of a hyphenated name
    changes; an initial (``Κ.``) is passed through. For a woman only the given names change, and a
    later word in -ας or -ης refuses the line (a woman's surname is never in those forms: ``Της
    Αγίας Σοφίας`` is no byline). ``None`` whenever a word cannot be read back: unknown beats a guess.
    """
    table = _FEMININE_GENITIVE if feminine else _MASCULINE_GENITIVE
    out = []
    words = unicodedata.normalize("NFC", names).split()
    for n, word in enumerate(words):
        if _GREEK_INITIAL.fullmatch(word) and 0 < n < len(words) - 1:
            out.append(word)
            continue
        if n > 0 and feminine:
            if any(_greek_fold(part).endswith(("ασ", "ησ")) for part in word.split("-")):
                return None
            out.append(word)
            continue
        if n > 0 and _own_genitive_surname(word):
            out.append(word)
            continue
        found = _nominative_word(word, table)
        if found is None:
            return None
        out.append(found)
    return " ".join(out)


_KO_SURNAMES_FILE = Path(__file__).parent / "data" / "ko_surnames.json"


@lru_cache(maxsize=1)
def _korean_surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    data = json.loads(_KO_SURNAMES_FILE.read_text(encoding="utf-8"))
    return frozenset(data["one_syllable"]), tuple(data["two_syllable"])


def korean_family_name(name: str) -> bool:
    """Whether ``name`` is a Korean name: two to four Hangul syllables opening with a family name
    (``data/ko_surnames.json``, Statistics Korea's 2015 census), so ``김민수`` is one and ``청년``
    ("youth", as in 청년 기자, a young reporters' column) is none."""
    if not 2 <= len(name) <= 4 or not all("\uac00" <= ch <= "\ud7a3" for ch in name):
        return False
    one, two = _korean_surnames()
    return name[0] in one or (len(name) >= 3 and name.startswith(two))


#: The lower-case words a name may hold between its capitalised ones, by language: the nobiliary
#: and surname particles (Wikipedia, "Nobiliary particle"; Dutch "Tussenvoegsel"; Spanish and
#: Portuguese "naming customs"), each a run as written inside a name (``de la``, ``van der``).
#: ``Von Ursula von der Leyen`` and ``Por María de la Cruz`` name someone; ``Von Null auf Hundert``
#: and ``Por Amor al Arte`` name no one.
NAME_PARTICLES: dict[str, tuple[str, ...]] = {
    "da": ("af", "von", "de"),
    "de": ("von", "vom", "von der", "von dem", "von und zu", "zu", "zum", "zur"),
    "es": ("de", "del", "de la", "de las", "de los"),
    "fr": ("de", "du", "des", "de la", "d'", "d’"),
    "it": ("di", "de", "da", "del", "della", "dei", "degli", "dal", "dalla", "dello", "d'", "d’"),
    "nl": ("van", "de", "der", "den", "van der", "van den", "van de", "ter", "ten", "te", "'t", "in 't"),
    "pt": ("de", "da", "do", "das", "dos"),
    "sv": ("af", "von", "de"),
}  # fmt: skip


def name_particles_fit(name: str, tag: str | None) -> bool:
    """Whether every run of lower-case words inside ``name`` is a particle of the language
    (:data:`NAME_PARTICLES`) with a capitalised word after it, and no word is repeated (``Mensch
    zu Mensch``, ``Haus zu Haus``: an idiom, not a given name and a surname). A name without
    lower-case words fits; in a language the table does not hold, none that has one does."""
    words = name.split()
    if len({w.casefold() for w in words}) < len(words):
        return False
    particles = NAME_PARTICLES.get(babel_locale(tag).language, ()) if tag else ()
    run: list[str] = []
    for word in words[1:]:
        joined = any(p[-1] in "'’" and word.startswith(p) and word[len(p) :][:1].isupper() for p in particles)
        if word[:1].islower() and not joined:
            run.append(word)
            continue
        if run and " ".join(run).casefold() not in particles:
            return False
        run = []
    return not run


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


@lru_cache(maxsize=64)
def joins_lists_unspaced(tag: str | None) -> bool:
    """Whether the language joins a list with no space around its separator (``、``, ``和``: Chinese,
    Japanese; CLDR list patterns), so a name may hold a list word (``和田``)."""
    patterns = babel_locale(tag).list_patterns["standard"].values()
    seps = {p.replace("{0}", "\x00").replace("{1}", "\x00").split("\x00")[1] for p in patterns}
    return any(sep and sep == sep.strip() for sep in seps)
