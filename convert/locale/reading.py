"""Reading back what :mod:`convert.locale.text` writes: dates, bylines and update lines in the
article's language.

- :func:`read_date` is :func:`~convert.locale.text.display_date` reversed: CLDR's date patterns of
  the language (Babel), its month and weekday names, its digits; Solar Hijri and Hijri dates by
  CLDR's names of those calendars (:mod:`convert.locale.calendars`), read as the Gregorian day
  (:mod:`convert.locale.reading_dates`, re-exported here);
- :func:`read_byline` recognises a line in the article's language's own words for ``By {names}``,
  :func:`read_updated` one in any catalogue language's words for ``Updated {date}``: the
  catalogues are the source (CLDR has no byline words); ``data/read_back.json`` keeps their forms
  so no catalogue is parsed to read a line, and :data:`LABEL_STARTS` their first words, so most
  lines do not even open the file;
- :func:`list_separators` splits names as the language joins a list (CLDR list patterns);
- the newsrooms' own byline forms and the name checks that go with them, and the wire credits that
  open a Japanese or Chinese lead (:func:`read_lead_credit`), live in :mod:`convert.locale.newsroom`
  and are re-exported here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .newsroom import (
    NAME_PARTICLES,
    NEWSROOM_BYLINES,
    greek_nominative,
    known_japanese_place,
    may_be_lead_credit,
    may_be_newsroom_byline,
    name_particles_fit,
    names_an_organisation,
    read_lead_credit,
    read_newsroom_byline,
    reporter_roles,
    role_words,
)
from .reading_dates import read_date, read_date_calendar, weekday_names_pattern, weekday_number
from .surnames import chinese_surname_first, korean_family_name
from .text import _catalogue, _inheritance, babel_locale, catalogue_languages

__all__ = [
    "LABEL_STARTS",
    "READ_BACK",
    "joins_lists_unspaced",
    "label_starts_in_file",
    "list_separators",
    "list_words",
    "may_be_label",
    "NEWSROOM_BYLINES",
    "chinese_surname_first",
    "greek_nominative",
    "known_japanese_place",
    "korean_family_name",
    "NAME_PARTICLES",
    "name_particles_fit",
    "names_an_organisation",
    "may_be_lead_credit",
    "may_be_newsroom_byline",
    "read_back_forms_from_catalogues",
    "read_byline",
    "reads_bare_bylines",
    "read_lead_credit",
    "read_newsroom_byline",
    "reporter_roles",
    "role_words",
    "read_date",
    "read_date_calendar",
    "read_updated",
    "split_weekday",
    "weekday_number",
]


# --------------------------------------------------------------------------
# Reading labels back: bylines and update lines

_READ_BACK_FILE = Path(__file__).parent / "data" / "read_back.json"
#: The labels a reader recognises in every catalogue language, each with its one placeholder.
READ_BACK = {"By {names}": "names", "Updated {date}": "date"}


#: The catalogues whose ``By {names}`` is read back even as a bare word (``Par``, ``Von``, ``di``):
#: the first 17 translated, whose readers were tested on such bylines. In every later catalogue a
#: bare word is an everyday preposition too (ro ``de``, sv/no ``Av``, da ``Af``, id/ms ``Oleh``:
#: ``De Ziua Națională``, ``Oleh Presiden Jokowi`` are headlines), so only a form whose label ends
#: in a colon (``Teksti:``, ``Írta:``, ``Autor:``) is read; "prefer no byline to a wrong one".
BARE_BYLINE_LANGUAGES = frozenset(
    ("ar", "de", "el", "es", "fa", "fr", "he", "hi", "it", "ja", "ko", "nl", "pt", "ru", "tr", "zh", "zh_Hant")
)  # fmt: skip


def _read_as_byline(form: str, ident: str) -> bool:
    """Whether a reader takes ``form`` (a translation of ``By {names}`` in ``ident``) for a byline."""
    return ident in BARE_BYLINE_LANGUAGES or form.partition("{names}")[0].rstrip().endswith((":", "\uff1a"))


def reads_bare_bylines(tag: str) -> bool:
    """Whether the catalogue whose byline forms an article in ``tag`` reads is one of
    :data:`BARE_BYLINE_LANGUAGES` (``fr``: yes; ``pl``, read by ``Autor:`` only: no)."""
    return _catalogue_of("By {names}", tag) in BARE_BYLINE_LANGUAGES


def read_back_forms_from_catalogues() -> dict[str, dict[str, list[str]]]:
    """Every catalogue's translations of the :data:`READ_BACK` labels (all plural forms),
    by label and catalogue language; of ``By {names}`` only those :func:`_read_as_byline` keeps.

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
            kept = sorted(
                f for f in found if f != msgid and (msgid != "By {names}" or _read_as_byline(f, ident))
            )
            if kept or msgid != "By {names}":
                forms[msgid][ident] = kept
    return forms


@lru_cache(maxsize=1)
def _read_back_forms() -> dict[str, dict[str, tuple[str, ...]]]:
    data: dict[str, dict[str, list[str]]] = json.loads(_READ_BACK_FILE.read_text(encoding="utf-8"))["forms"]
    return {msgid: {ident: tuple(f) for ident, f in by_lang.items()} for msgid, by_lang in data.items()}


#: The first word of every form in ``data/read_back.json``, casefolded: a line that opens with none
#: of them is no label, and the file is not opened for it (an English article never opens it).
#: ``tests/test_locale_reading.py`` checks the words against the file.
LABEL_STARTS = (
    "actualizado", "actualizat:", "aggiornato", "aktualisiert", "aktualizacja:", "aktualizované",
    "aktualizováno", "atnaujinta", "atualizado", "autor:", "autori:", "autoriai:", "autorius:", "autorzy:",
    "autoři:", "ažurirano:", "bijgewerkt", "cập", "di", "dikemas", "diperbarui", "door",
    "frissítve:", "güncelleme:", "mis", "müəllif:", "müəlliflər:", "opdateret", "oppdatert", "par",
    "piše:", "pišu:", "por", "päivitetty", "teksti:", "tác", "uppdaterad", "von", "yazan:", "yenilənib:",
    "írta:", "ενημερώθηκε", "συντάκτεσ:", "συντάκτησ:", "автор:", "автори:", "авторы:", "ажурирано:",
    "актуализирано:", "обновлено", "оновлено", "пише:", "пишу:", "מאת", "עודכן", "بقلم", "به\u200cروزرسانی:",
    "حُدّث", "نوشتهٔ", "अपडेट:", "लेखक:", "作者：", "更新于", "更新於", "更新：", "著者：", "글", "수정",
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


def read_updated(text: str) -> tuple[str, str] | None:
    """``Mis à jour le 15 octobre 2024`` -> ``("fr", "15 octobre 2024")``: an update line in a
    catalogue's words (``Updated {date}``), its language and its date as written (:func:`read_date`)."""
    return _read_label("Updated {date}", text)


#: "Last update" and "Created" in many languages (mkdocs-material's translators;
#: ``scripts/update_labels.py``).
_UPDATE_LABELS_FILE = Path(__file__).parent / "data" / "update_labels.json"


def _label_key(text: str) -> str:
    """A label as compared: its words, NFKC, casefolded, no marks (Arabic harakat), no joiners or
    tatweel, the alef's hamza and madda forms as a bare alef (``آخر`` as ``اخر``), the Arabic yeh
    and kaf as the Persian ones (as :func:`~convert.locale.reading_dates.plain_name` reads names),
    no colon or full stop, each word between single spaces (`` اخرین بهروزرسانی ``)."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(
        " " if ch.isspace() else ch
        for ch in text
        if ch.isspace() or (ch.isalnum() and unicodedata.category(ch)[0] != "M" and ch != _TATWEEL)
    )
    return " " + " ".join(unicodedata.normalize("NFKC", text).translate(_LETTERS).split()) + " "


#: The alef with madda or hamza, written bare as often as not; the Arabic yeh and kaf, which
#: Persian and Urdu text writes as often as their own.
_LETTERS = str.maketrans("آأإٱيىك", "اااایی" + "ک")
#: The Arabic tatweel, which stretches a word (``آخـر``) and is no letter of it.
_TATWEEL = "\u0640"


def _mkdocs_labels(key: str) -> list[str]:
    return list(json.loads(_UPDATE_LABELS_FILE.read_text(encoding="utf-8"))[key].values())


@lru_cache(maxsize=1)
def _update_label_keys() -> frozenset[str]:
    catalogue = (
        form.replace("{date}", "")
        for forms in _read_back_forms()["Updated {date}"].values()
        for form in forms
    )
    return frozenset(
        key for label in (*_mkdocs_labels("labels"), *catalogue) if len(key := _label_key(label)) >= 4
    )


@lru_cache(maxsize=1)
def _publication_label_keys() -> frozenset[str]:
    return frozenset(key for label in _mkdocs_labels("created") if len(key := _label_key(label)) >= 4)


def is_update_label(label: str) -> bool:
    """Whether ``label`` (the words before a date: ``آخر تحديث:``, ``Mis à jour le``) is, word for
    word, a catalogue's ``Updated {date}`` label or mkdocs-material's "Last update", in any of their
    languages (``ما حدث في``, "what happened on", is no ``حُدّث في``)."""
    return _label_key(label) in _update_label_keys()


def is_publication_label(label: str) -> bool:
    """Whether ``label`` (the words before a date) is, word for word, mkdocs-material's "Created"
    (``source.file.date.created``) in one of its translators' languages (``Erstellt``, ``ایجاد شده``):
    the one maintained list of labels that name the day a page was first published. Any other
    label (a birth, an event, a deadline, an access, a caption) dates no page."""
    return _label_key(label) in _publication_label_keys()


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
def list_words(tag: str | None) -> tuple[str, ...]:
    """The words the language joins a list's last items with, as CLDR's list patterns write them
    spaced on both sides (``ja`` in Finnish, ``a`` in Czech, ``és`` in Hungarian); none for the
    separators written joined to a name (Arabic and Hebrew ``و``, ``ו``) or without spaces (``和``),
    which split a name as often as a list."""
    patterns = babel_locale(tag).list_patterns["standard"].values()
    seps = {p.replace("{0}", "\x00").replace("{1}", "\x00").split("\x00")[1] for p in patterns}
    return tuple(
        sorted({s.strip() for s in seps if s[:1].isspace() and s[-1:].isspace() and s.strip().isalpha()})
    )


@lru_cache(maxsize=64)
def joins_lists_unspaced(tag: str | None) -> bool:
    """Whether the language joins a list with no space around its separator (``、``, ``和``: Chinese,
    Japanese; CLDR list patterns), so a name may hold a list word (``和田``)."""
    patterns = babel_locale(tag).list_patterns["standard"].values()
    seps = {p.replace("{0}", "\x00").replace("{1}", "\x00").split("\x00")[1] for p in patterns}
    return any(sep and sep == sep.strip() for sep in seps)


@lru_cache(maxsize=64)
def _weekday_edges(tag: str) -> re.Pattern[str] | None:
    """A weekday name of the language (Babel's wide and abbreviated names, as :func:`read_date`
    knows them) at the start or the end of a text, apart from the rest by a comma or a space, or by
    nothing in a language that joins a list without spaces (``2026年12月7日月曜日``)."""
    names = weekday_names_pattern(tag)
    if names is None:
        return None
    day = "(?P<day>" + names + r")\.?"
    sep = r"(?:\s*[,\u060c、]\s*|\s*)" if joins_lists_unspaced(tag) else r"(?:\s*[,\u060c]\s*|\s+)"
    return re.compile(
        f"{day}(?:{sep}(?P<after>.+))?|(?P<before>.+?){sep}{day.replace('day', 'end')}", re.I | re.S
    )


def split_weekday(text: str, tag: str | None) -> tuple[str | None, str]:
    """``Montag, 7. Dezember 2026`` in German -> ``("Montag", "7. Dezember 2026")``: a weekday name of
    the language (Babel's) that opens or closes ``text``, and the rest (empty when the text is
    nothing but the weekday); ``(None, text)`` when no weekday stands there."""
    pattern = _weekday_edges(tag) if tag else None
    m = pattern.fullmatch(text.strip()) if pattern is not None else None
    if m is None or weekday_number(m.group("day") or m.group("end"), tag) is None:
        return None, text
    return m.group("day") or m.group("end"), (m.group("after") or m.group("before") or "").strip()
