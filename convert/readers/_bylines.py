"""Bylines: ``By Jane Doe, Reuters``, publishers, roles and wire sign-offs, read from one line.

Shared by the readers that find a byline in the text itself: plain text (its header and closing
lines) and Markdown (the paragraph under the title). Whether a part of a byline is a person's
name, a role or a publisher is :mod:`convert.names`' to say (:func:`~convert.names.looks_like_name`,
:func:`~convert.names.is_role`, :func:`~convert.names.looks_like_publisher`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from .._regex import compiled, lazy
from ..cache import dataclass
from ..model import Article, Author, Emph, Inline, Paragraph, Strong, Text, plain_text
from ..names import has_role_word, is_role, looks_like_name, looks_like_publisher, names_a_desk
from ._lines import clean

if TYPE_CHECKING:
    from ..locale.newsroom import LeadCredit

#: The article's language, identified when first asked (a line that may be in its words).
Language = Callable[[], "str | None"]


@dataclass(frozen=True, slots=True)
class Byline:
    """What a ``By ...`` line says: people, their role, the publisher."""

    names: tuple[str, ...] = ()
    role: str | None = None
    publisher: str | None = None
    #: A line a headline may read as: its names are weak evidence of a person, a lower-case word
    #: inside a name that is none of the language's particles (``Von Null auf Hundert``) or kana
    #: inside a name in kanji (``文・芸術の秋``). Standing first with no headline below it, it is
    #: the headline (:func:`.text.header.read_header`); a newsroom form whose names are a name's
    #: (``김민수 기자``, ``记者 王小明``) is a byline there too.
    headline_like: bool = False
    #: Read by a label with a colon in a catalogue added after the first 17 (``Autor:``, ``Teksti:``;
    #: :data:`convert.locale.reading.BARE_BYLINE_LANGUAGES`): standing first with no headline below it,
    #: it is the headline too (``Autor: Jan Kowalski Odpowiada``).
    needs_title: bool = False
    #: The short trailing parts that were read as none of these and dropped (``in Moscow``,
    #: ``March 3`` and ``2024`` of ``By Jane Doe, March 3, 2024``), in order.
    dropped: tuple[str, ...] = ()
    #: The date the dropped parts make (``March 3, 2024``), ISO, and the parser that read it.
    published: str | None = None
    published_by: str | None = None


_BY = compiled(r"(?:(?:story|words|text|reporting|written)\s+)?by\b\s*:?\s*(?P<rest>\S.*)", re.I)
_BYLINE_SEP = compiled(r"\s*[,;]\s*|\s+[-–—/]\s+")
_AND = compiled(r"\s+(?:and|&)\s+", re.I)


def tidy_name(name: str) -> str:
    """A name in capitals (``JANE DOE``) in title case; others as typed."""
    name = clean(name)
    return name.title() if name.isupper() else name


#: Wire services that close a story with their name alone on the last line.
_SIGN_OFFS = {
    "reuter": "Reuters", "reuters": "Reuters", "ap": "AP", "afp": "AFP", "upi": "UPI", "dpa": "dpa",
    "efe": "EFE", "ansa": "ANSA", "tass": "TASS", "xinhua": "Xinhua", "kyodo": "Kyodo", "yonhap": "Yonhap",
}  # fmt: skip


def find_signoff(text: str) -> str | None:
    """The agency of a closing ``Reuter`` / ``(AP)`` / ``-- AFP`` line, else ``None``."""
    key = text.strip().strip("()[]-–—. ").lower()
    return _SIGN_OFFS.get(key) if len(key) <= 8 else None


def find_byline(line: str, language: Language | None = None) -> Byline | None:
    """Parse ``By Jane Doe, Reuters`` / ``By JANE DOE and John Roe, Staff Writers``.

    ``None`` unless the line starts with "By" and its first part names people,
    a publisher or a staff role ("By Staff" is a byline with no author;
    "By the numbers" and "By the sea" are not bylines). With the article's ``language``, a byline
    in that language's words, if Broadsheet has a catalogue for it (``Par Jean
    Dupont et Marie Curie`` in French, ``بقلم …``, ``Автор: …``, ``作者：…``;
    :func:`convert.locale.reading.read_byline`), names people, joined as the
    language joins a list (CLDR); the language is identified only for a line
    that opens with such a word.
    """
    line = clean(line)
    if len(line) > 150:
        return None
    m = _BY.fullmatch(line)
    if m is None:
        return _translated_byline(line, language) if language is not None else None
    names: list[str] = []
    dropped: list[str] = []
    role = publisher = None
    for n, part in enumerate(_BYLINE_SEP.split(m.group("rest").rstrip(" ."))):
        if not part:
            continue
        people = _AND.split(part)
        if looks_like_publisher(part):
            publisher = publisher or compiled(r"\s+(?:staff|reporters?|writers?)$", re.I).sub("", part)
        elif all(looks_like_name(p) for p in people):
            names.extend(tidy_name(p) for p in people)
        elif len(part.split()) <= 5 and (is_role(part) or names_a_desk(part)):
            if n == 0 and not has_role_word(part):
                return None  # "By the Numbers", "By the sea": a determiner alone makes no byline
            role = role or part
        elif n == 0 or len(part.split()) > 4:
            return None
        else:
            dropped.append(part)  # a short trailing part, such as a place ("in Moscow")
    published, parser = _dropped_date(dropped, language)
    return Byline(
        tuple(dict.fromkeys(names)),
        role if names else None,
        publisher,
        dropped=tuple(dropped),
        published=published,
        published_by=parser,
    )


def _dropped_date(dropped: list[str], language: Language | None) -> tuple[str | None, str | None]:
    """The date the dropped parts of a byline make together (``March 3, 2024``, ``3. März 2024``
    in the article's language), ISO, and the name of the parser that read it."""
    if not dropped:
        return None, None
    from ..dates import parse_date
    from ..locale.calendars import early_numeric

    rest = ", ".join(dropped)
    early, iso = early_numeric(rest, language)  # 1405/09/16: a Solar Hijri year, not a Gregorian one
    if early:
        return (iso, "a Solar Hijri date in digits") if iso else (None, None)
    if iso := parse_date(rest):
        return iso, "parse_date"
    if language is not None and (lang := language()):
        from ..locale.reading import read_date

        if iso := read_date(rest, lang):
            return iso, "read_date"
    return None, None


def _translated_byline(line: str, language: Language) -> Byline | None:
    """A byline in the article's language's own words whose names all look like names, else ``None``.

    A part that is a role or says the author is unknown, or names a desk or a paper (``編集部``,
    ``读者来信编辑部``: :func:`~convert.locale.reading.role_words`,
    :func:`~convert.locale.reading.names_an_organisation`) names no one; one that ends in a role
    (``김민수 기자``, "reporter Kim Minsu") keeps the name before it.
    """
    if not line or line[0].isdigit():
        return None
    from ..locale import reading

    # a date may follow the byline after a comma ("김민수 기자, 2025년 3월 3일"): the words before it
    heads = [line[:i].rstrip() for i, ch in enumerate(line) if ch in ",\u060c\uff0c"]
    if not any(reading.may_be_label(h) or reading.may_be_newsroom_byline(h) for h in (line, *heads)):
        return None
    if (lang := language()) is None:
        return None
    rest = reading.read_byline(line, lang)
    newsroom = rest is None
    if rest is None and (rest := reading.read_newsroom_byline(line, lang)) is None:
        # a newsroom form, then a date: "Του Γιώργου Παπαδόπουλου, 3 Μαρτίου 2025", "김민수 기자, 2025년 3월 3일"
        return _newsroom_then_date(line, lang, language)
    rest, published, parser = _date_after_names(rest.rstrip(" ."), lang, language)
    people = [p for p in (_person(part, lang) for part in _split_names(rest, lang) if part) if p]
    if not all(looks_like_name(p) for p in people):
        # a name holding a list word ("和田"): whole, where a list is joined with no spaces
        whole = _person(rest, lang)
        if not (reading.joins_lists_unspaced(lang) and whole and looks_like_name(whole)):
            return None
        people = [whole]
    hangul = [p for p in people if any("\uac00" <= ch <= "\ud7a3" for ch in p)]
    if not all(reading.korean_family_name(p) for p in hangul):
        return None  # 청년 기자, 시민 기자: a column's name ("young", "citizen" reporters), no person
    han = [p for p in people if p and all("\u4e00" <= ch <= "\u9fff" for ch in p)]
    if (
        newsroom
        and lang.split("-")[0].split("_")[0] == "zh"
        and not all(map(reading.chinese_surname_first, han))
    ):
        return None  # 记者 观察, 本报记者 北京: a column or a place after the reporter's word, no person
    headline_like = any(_weak_name(p, lang) for p in people)
    return Byline(
        tuple(dict.fromkeys(tidy_name(p) for p in people)),
        headline_like=headline_like,
        needs_title=not newsroom and not reading.reads_bare_bylines(lang),
        published=published,
        published_by=parser,
    )


def _newsroom_then_date(line: str, lang: str, language: Language) -> Byline | None:
    """A byline in a newsroom form of the language with a date after it, the date split off as
    :func:`_date_after_names` splits it off the names (``김민수 기자, 2025년 3월 3일``), the rest read
    as :func:`_translated_byline` reads a byline; ``None`` unless both read."""
    head, published, parser = _date_after_names(line, lang, language)
    if published is None or head == line:
        return None
    found = _translated_byline(head, language)
    if found is None or not found.names:
        return None
    return replace(found, published=published, published_by=parser)


#: A comma between a byline's names and its date, or the date's weekday: the Latin one, the Arabic,
#: or the full-width one of Chinese and Japanese text (``记者 王小明，2025年3月3日``).
_DATE_COMMA = lazy(r"\s*[,\u060c\uff0c]\s*")


def _date_after_names(rest: str, lang: str, language: Language) -> tuple[str, str | None, str | None]:
    """``Anna Schmidt, Montag, 7. Dezember 2026`` -> the names (``Anna Schmidt``), the date after
    them (ISO) and the parser that read it; the longest run of comma-separated parts after the first
    that reads as a date. A weekday of the language (Babel's names) before or after the date must
    be its own, compared with the day the rest reads as (so a time after the date changes nothing:
    ``Montag, 7. Dezember 2026, 10:30 Uhr``): ``Dienstag, 7. Dezember 2026`` gives no date, as a
    wrong weekday does elsewhere, and, like a weekday alone after the names, is no name either. A
    weekday alone as the last part is dropped in any case, never read as a name, and the names before
    it stay: ``Por Ana López, Domingo`` names Ana López (a given name alone, which Domingo would be,
    is no byline's name; ``Por Ana López, Domingo Pérez`` names two people)."""
    from ..dates import parse_iso
    from ..locale.reading import split_weekday, weekday_number

    for comma in _DATE_COMMA.finditer(rest):
        head, tail = rest[: comma.start()].rstrip(" ."), rest[comma.end() :]
        if not head.strip():
            continue
        published, parser = _dropped_date([tail], language)
        if published:  # "Von Anna Schmidt, 3. März 2024", "Von Anna Schmidt, Montag, 7. Dezember 2026"
            return head, published, parser
        weekday, bare = split_weekday(tail, lang)
        if weekday is None:
            continue
        if not bare:
            return head, None, None  # "Montag" alone, "Domingo" alone: a weekday, in any case
        published, parser = _dropped_date([bare], language)
        if published:
            day = parse_iso(published[:10])
            own = isinstance(day, dt.date) and weekday_number(weekday, lang) == day.weekday()
            return (head, published, parser) if own else (head, None, None)
    return rest, None, None


#: Between names in a script written without spaces: a space or a middle dot (``本报记者 王小明 李华``,
#: ``김민수·이영희 기자``), as Chinese, Japanese and Korean bylines list their reporters.
_UNSPACED_NAMES = lazy(
    r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]{2,4}(?:[\s·・]+[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]{2,4})+"
)


def _split_names(rest: str, lang: str) -> list[str]:
    """The names of a byline, split as the language joins a list (CLDR), and in scripts without
    spaces also at a space or a middle dot between names."""
    from ..locale.reading import list_separators

    out = []
    for part in list_separators(lang).split(rest):
        out.extend(compiled(r"[\s·・]+").split(part) if _UNSPACED_NAMES.fullmatch(part) else [part])
    return out


def _person(part: str, lang: str) -> str:
    """``part`` of a byline in the language's own words without its role word (:func:`_without_role`);
    empty when it names no person: a role alone, a desk or a paper (``編集部``, ``社会部``, ``人民网``)."""
    from ..locale import reading

    name = _without_role(part, reading.role_words(lang))
    return "" if reading.names_an_organisation(name, lang) else name


def _without_role(part: str, roles: tuple[str, ...]) -> str:
    """``part`` without a role word before or after the name (``김민수 기자``, ``王小明记者``);
    empty when it is nothing but a role (``佚名``, ``رئيس التحرير``)."""
    part = part.strip()
    for role in roles:
        if part == role:
            return ""
        if part.endswith(role) and (part[: -len(role)].endswith(" ") or _unspaced(role)):
            return part[: -len(role)].strip()
        if part.startswith(role + " "):
            return part[len(role) :].strip()
    return part


def _weak_name(name: str, lang: str) -> bool:
    """Whether ``name``, read from a byline in the language's own words, is weak evidence of a
    person: a lower-case word inside it that is none of the language's name particles
    (:func:`~convert.locale.reading.name_particles_fit`), or hiragana beside kanji (``芸術の秋``:
    a name is written in kanji or in kana, hiragana with kanji is a phrase's grammar)."""
    from ..locale import reading

    if not reading.name_particles_fit(name, lang):
        return True
    han = any("\u3400" <= ch <= "\u9fff" for ch in name)
    return han and any("\u3040" <= ch <= "\u309f" for ch in name)


def _unspaced(word: str) -> bool:
    """Han or Kana: scripts that write a role straight after the name (``王小明记者``)."""
    return all("\u3040" <= ch <= "\u30ff" or "\u3400" <= ch <= "\u9fff" for ch in word)


# --------------------------------------------------------------------------
# Credits that open the lead: 【ワシントン＝山田太郎】, 新华社北京12月6日电（记者王小明）


def read_credit(lead: str, language: Language | None) -> LeadCredit | None:
    """The wire credit ``lead`` opens with, in the article's language's newsroom form
    (:func:`convert.locale.reading.read_lead_credit`); the language is identified only for a lead that
    opens like one."""
    from ..locale import reading

    if language is None or not reading.may_be_lead_credit(lead):
        return None
    lang = language()
    credit = reading.read_lead_credit(lead, lang)
    if credit is None or lang is None:
        return credit
    # the checks a byline's names pass (:func:`_translated_byline`): 【東京＝編集部】 names no one
    if not all(_person(n, lang) == n and not _weak_name(n, lang) for n in credit.names):
        return None
    return credit


def credit_date(credit: LeadCredit, other: str | None) -> str | None:
    """The credit's month and day (``12月6日电``), ISO, in the year that puts it at most
    :data:`_CREDIT_DAYS_AFTER` days after the day of the article's ``other`` date (its updated date),
    in UTC when the stamp gives its offset, and within a year before that (``12月31日`` with 2027-01-02
    is 2026-12-31, ``1月3日`` with 2026-12-31 is 2026-01-03: a story is wired before it is updated;
    ``12月6日`` with ``2026-12-05T20:00:00Z`` is 2026-12-06, wired in Beijing the morning after);
    ``None`` without another date (no year is a guess) or for a day no such year has (``2月30日``)."""
    if credit.month is None or credit.day is None or not other:
        return None
    from ..dates import parse_iso

    stamp = parse_iso(other)
    if isinstance(stamp, dt.datetime):
        stamp = (stamp.astimezone(dt.UTC) if stamp.tzinfo else stamp).date()
    if not isinstance(stamp, dt.date):
        stamp = parse_iso(other[:10])  # a stamp parse_iso reads only as its day
    if not isinstance(stamp, dt.date):
        return None
    latest = stamp + dt.timedelta(days=_CREDIT_DAYS_AFTER)
    found = []
    for year in (latest.year, latest.year - 1):
        try:
            day = dt.date(year, credit.month, credit.day)
        except ValueError:
            continue
        if day <= latest and (latest - day).days < 366:
            found.append(day)
    return max(found).isoformat() if found else None


#: How many days a dispatch's own date may fall after the updated stamp's (UTC) day: the dispatch is
#: dated where it is wired, up to 14 hours ahead of UTC (UTC+14, the IANA zone database's easternmost
#: offset), and a stamp without an offset may be a day off UTC itself, so two days.
_CREDIT_DAYS_AFTER = 2


def take_lead_credit(
    article: Article, language: Language | None = None, provenance: dict[str, str] | None = None
) -> Article:
    """The article with the wire credit its lead paragraph opens with read into the tree, as the text
    reader reads one (:func:`convert.readers.text.take_credit`): the dateline, the publisher if none,
    the date when another date gives its year, and the reporters as the authors when the metadata
    names none (the metadata wins). Taken off the lead, as a dateline is, only when everything it
    names went into the tree (its reporters are the authors, and it is plain or emphasised text);
    else it stays where it is printed. The article as it is when the lead opens with no credit or
    the article has a dateline. For readers that have the tree already (Markdown, HTML). Without
    ``language``, the metadata's (front matter, ``<html lang>``), else the one identified from the
    body when first asked."""
    meta, body = article.meta, article.body
    at = next((i for i, b in enumerate(body[:3]) if isinstance(b, Paragraph)), None)
    if at is None or meta.dateline:
        return article
    lead = body[at]
    assert isinstance(lead, Paragraph)
    text = plain_text(lead)
    indent = len(text) - len(text.lstrip())  # 　　新华社…: Chinese copy indents with ideographic spaces
    credit = read_credit(text[indent:], language or _language_of(article))
    if credit is None:
        return article
    authors = meta.authors or tuple(Author(n) for n in credit.names)
    rest = _without_prefix(lead.content, indent + credit.end)
    if not set(credit.names) <= {a.name for a in authors}:
        rest = None  # the metadata names other authors: the credit's names stay where they are printed
    published = meta.published or credit_date(credit, meta.updated)
    if provenance is not None:
        written = text[indent : indent + credit.end].strip()
        how = f"the wire credit opening the lead: {written!r} (read_lead_credit)"
        for key, found in (("dateline", credit.place), ("publisher", credit.agency and not meta.publisher)):
            if found:
                provenance[key] = how
        if credit.names and not meta.authors:
            provenance["authors"] = how
        if published and not meta.published:
            provenance["published"] = how + ", its year from the updated date"
    new_meta = replace(
        meta,
        dateline=credit.place,
        authors=authors,
        publisher=meta.publisher or credit.agency,
        published=published,
    )
    if rest is None:
        return Article(new_meta, body, article.notes)
    kept = (Paragraph(rest),) if rest else ()
    return Article(new_meta, (*body[:at], *kept, *body[at + 1 :]), article.notes)


def _language_of(article: Article) -> Language:
    """The article's language: its metadata's, else identified from its first blocks."""

    def language() -> str | None:
        from ..locale.language import identify

        return article.meta.language or identify(plain_text(article.body[:8]))

    return language


def _without_prefix(content: tuple[Inline, ...], n: int) -> tuple[Inline, ...] | None:
    """``content`` without its first ``n`` characters of text and the spaces after them; ``None``
    when they are not all plain, bold or italic text (a link, a note)."""
    out: list[Inline] = []
    for i, node in enumerate(content):
        if n <= 0:
            out.extend(content[i:])
            break
        if isinstance(node, (Strong, Emph)):
            inner = _without_prefix(node.content, min(n, len(plain_text(node))))
            if inner is None:
                return None
            n -= len(plain_text(node))
            if inner:
                out.append(replace(node, content=inner))
            continue
        if not isinstance(node, Text):
            return None
        if len(node.text) <= n:
            n -= len(node.text)
            continue
        out.append(Text(node.text[n:]))
        n = 0
    if n > 0:
        return None
    if out and isinstance(out[0], Text):
        first = out[0].text.lstrip()
        out = ([Text(first)] if first else []) + out[1:]
    return tuple(out)
