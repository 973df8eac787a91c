"""Metadata of a web page: title, authors, dates, site, language and more.

Sources, most trusted first: JSON-LD (``NewsArticle``, ``Article`` ...),
``<meta>`` tags (OpenGraph, Dublin Core, ``citation_*``, Parse.ly ...),
``<time>`` and byline elements, then what trafilatura found. Every value is
checked before it is kept: a wrong author or a guessed date is worse than
none, so doubtful values are dropped, never repaired by guessing.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from lxml.html import HtmlElement

from ..locale.language import normalise_tag
from ..model import Author, Metadata
from ._html_authors import bylined, page_spelling, reader_text
from ._html_dates import (
    headline,
    headline_date,
    in_page_zone,
    page_stamps,
    shown_by_headline,
    shown_day,
    shown_instead,
    shows,
    url_day,
    visible_text,
)

_WS = re.compile(r"\s+")


def squash(text: str | None) -> str:
    """Whitespace runs as one space, trimmed: how metadata strings are compared and kept."""
    return _WS.sub(" ", text or "").strip()


# --------------------------------------------------------------------------
# Raw sources: <meta> tags and JSON-LD


class MetaTags(dict[str, list[str]]):
    """``<meta>`` contents by lower-cased key, plus each key as the page wrote it, for provenance."""

    def __init__(self) -> None:
        super().__init__()
        #: key -> ``<meta property="og:title">``: the first tag that gave the key a value.
        self.labels: dict[str, str] = {}

    def label(self, key: str) -> str:
        return self.labels.get(key, f'<meta name="{key}">')


def meta_tags(tree: HtmlElement) -> MetaTags:
    """``<meta>`` contents by lower-cased name, property, itemprop or http-equiv, in page order."""
    found = MetaTags()
    for el in tree.iter("meta"):
        content = squash(el.get("content"))
        if not content:
            continue
        for attr in ("name", "property", "itemprop", "http-equiv"):
            for part in squash(el.get(attr)).split():  # property="og:title twitter:title"
                key = part.lower()
                found.setdefault(key, []).append(content)
                found.labels.setdefault(key, f'<meta {attr}="{part}">')
    return found


def meta_pick(tags: MetaTags, *names: str) -> tuple[str | None, str]:
    """The first non-empty value among ``names`` and the tag it came from (``""`` when none)."""
    for name in names:
        for value in tags.get(name, ()):
            if value:
                return value, tags.label(name)
    return None, ""


def first_meta(tags: MetaTags, *names: str) -> str | None:
    return meta_pick(tags, *names)[0]


#: schema.org types whose fields describe the article itself.
ARTICLE_TYPES = frozenset(
    "article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle reviewnewsarticle "
    "backgroundnewsarticle askpublicnewsarticle blogposting socialmediaposting liveblogposting "
    "scholarlyarticle techarticle report medicalscholarlyarticle satiricalarticle advertisertarticle "
    "posting discussionforumposting".split()
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "collectionpage"})


def jsonld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, flattened out of lists and ``@graph``."""
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        data = _load_json(script.text)
        if data is not None:
            objects.extend(_flatten(data, depth=0))
    return objects


def _load_json(text: str) -> Any:
    text = text.strip()
    text = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", text)
    for attempt in (text, re.sub(r",\s*([}\]])", r"\1", text)):  # trailing commas are common
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def _flatten(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"], depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _flatten(main, depth + 1)


def types_of(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1].lower() for k in kinds if isinstance(k, str)}


def article_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The JSON-LD object describing the article: the first of an article type, else a web page."""
    for obj in objects:
        if types_of(obj) & ARTICLE_TYPES:
            return obj
    for obj in objects:
        if types_of(obj) & _PAGE_TYPES:
            return obj
    return None


def ld_label(obj: dict[str, Any], key: str) -> str:
    """Where a JSON-LD value came from, for provenance: ``JSON-LD NewsArticle.headline``."""
    kind = obj.get("@type")
    kind = next((k for k in kind if isinstance(k, str)), None) if isinstance(kind, list) else kind
    name = kind.rsplit("/", 1)[-1] if isinstance(kind, str) and kind else "object"
    return f"JSON-LD {name}.{key}"


def _ld_text(value: Any) -> str | None:
    """A JSON-LD value as one string (``{"@value": ...}``, lists: the first)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return squash(str(value)) or None
    return None


def _ld_names(value: Any, depth: int = 0) -> Iterator[tuple[str, bool]]:
    """``(name, typed_person)`` for the people in a JSON-LD ``author``; organisations are skipped."""
    if depth > 4:
        return
    if isinstance(value, str):
        yield value, False
    elif isinstance(value, list):
        for item in value:
            yield from _ld_names(item, depth + 1)
    elif isinstance(value, dict):
        kinds = types_of(value)
        if kinds - {"person"}:
            return  # Organization, NewsMediaOrganization ...: not a byline
        person = "person" in kinds
        name = value.get("name")
        if isinstance(name, list | dict):
            yield from ((n, person) for n, _ in _ld_names(name, depth + 1))
        elif isinstance(name, str):
            yield name, person
        elif value.get("givenName") or value.get("familyName"):
            given, family = _ld_text(value.get("givenName")) or "", _ld_text(value.get("familyName")) or ""
            yield squash(f"{given} {family}"), person


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


# --------------------------------------------------------------------------
# Language


_LANG = re.compile(r"^([a-z]{2,3})(?:[-_]([a-z]{4}))?(?:[-_]([a-z]{2}|\d{3}))?(?:[-_].*)?$", re.IGNORECASE)


def bcp47(value: str | None) -> str | None:
    """``en_US`` -> ``en-US``, ``EN`` -> ``en``, ``zh-hant-tw`` -> ``zh-Hant-TW``; junk -> ``None``."""
    text = squash(value).split(",")[0].split(";")[0].strip()
    m = _LANG.match(text)
    if m is None or m[1].lower() in ("und", "mul", "zxx", "xx"):
        return None
    tag = m[1].lower()
    if m[2]:
        tag += "-" + m[2].title()
    if m[3]:
        tag += "-" + m[3].upper()
    return tag


# --------------------------------------------------------------------------
# Authors

_PREFIX = re.compile(
    r"^(?:(?:written|posted|published|reported|text|words|story|photos?|article|interview|veröffentlicht|"
    r"publiziert|geschrieben|erstellt|verfasst|publié|écrit|publicado|escrito|pubblicato|scritto|zum\s+profil)\s*)?"
    r"(?:by|von|vom|par|por|door|di|da|av|af|przez|de|autor(?:in)?|author|auteur|text|verfasser(?:in)?)"
    r"(?:\b|(?-i:(?=[A-ZÄÖÜ])))\s*[:\-–]?\s*",
    re.IGNORECASE,
)
_SEPARATORS = re.compile(
    r"\s*(?:;|,|\||/|•|·|\s&\s|\s(?:and|und|et|y|e|i|og|och|en|und\s+von|and\s+by)\s)\s*", re.IGNORECASE
)
_MONTHS = (
    "jan(?:uary|uar|vier)?|feb(?:ruary|ruar)?|f[ée]vrier|m[aä]r(?:ch|z|s)?|apr(?:il)?|avril|may|mai|"
    "june?|juni|juin|july?|juli|juillet|aug(?:ust)?|ao[uû]t|sept?(?:ember)?|septembre|oct(?:ober)?|"
    "okt(?:ober)?|octobre|nov(?:ember)?|novembre|dec(?:ember)?|dez(?:ember)?|d[ée]cembre"
)
# Where a byline runs on into its date: "Jane Roe March 5, 2024", "Jane Roe 05.03.2024".
_WEEKDAYS = (
    "mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|"
    "montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
_DATE_TAIL = re.compile(
    rf"\s*(?:\b(?:{_MONTHS})\.?\s+\d|\b(?:{_WEEKDAYS})\b\.?,?\s+(?:\d|(?:{_MONTHS})\b)|\b(?:on|am|le|el)\s+\d|"
    r"\b(?:mo|di|mi|do|fr|sa|so)[.,]\s*\d|(?:^|\s)\d).*$",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
#: "Tomas Spahn Fr, 18. Oktober 2019": cut before the list is split at its commas.
_SHORT_WEEKDAY_TAIL = re.compile(r"\s+(?:Mo|Di|Mi|Do|Fr|Sa|So|Lu|Ma|Me|Je|Ve)[.,]\s*\d.*$")
_JUNK_WORDS = frozenset(
    """staff staffer editor editors editorial redaktion redaktionen rédaction redacción redazione team admin
    administrator webmaster wordpressadmin unknown anonymous anonym anonyme guest user username name
    follow email e-mail mail contact contributor contributors contributing reporter reporters correspondent
    correspondents writer writers columnist press presse news nachrichten newsroom desk agency agencies
    agentur agenturen wire wires service services online magazine magazin blog blogger view posts post
    posted says said comment comments share tweet twitter facebook instagram linkedin read more updated
    update published modified subscribe login sign home menu search copyright rights reserved profile
    the on at in of for with is are was from to this that our your my all about here click
    photo photos foto fotos image images video bild bilder credit credits source quelle getty reuters afp
    dpa apa epa kna epd sid ap ddp ansa efe associated
    kommentar kommentare verschieben gesponserte inhalte profil archives archive github website youtube stand
    phd mehr alle beiträge artikel autorenseite control unknown veröffentlicht publiziert geschrieben
    theme unbenannt anónimo anonimo anónima datum fecha hecho www co kg ag eg e.v e.v. ev stiftung foundation
    ministerium bundesministerium ministry verband bundesverband verein association landesanstalt abteilung
    feuerwehr departement department institut institute university universität deutschland germany
    来源
    gmbh ltd llc inc corp company verlag media médias group gruppe deutsche deutscher deutschen
    """.split()
)
_MAX_NAME_CHARS = 50
_MAX_NAME_WORDS = 5


_CJK_PREFIX = re.compile(r"^(?:作者|责任编辑|编辑|记者|撰文|文|图)\s*[：:]\s*")
# Lower-case words that may sit inside a name: "Michiel de Jong", "Walter von Aachen".
_PARTICLES = frozenset(
    "de da di del della der den des do dos das du la le van von zu ter ten y e al bin ibn el".split()
)
_ROLE_TAIL = re.compile(
    r"[\s,]+(?:chefredakteur(?:in)?|redakteur(?:in)?|editor-in-chief|senior editor|contributing editor|"
    r"staff writer|staff reporter|correspondent|columnist|journalist(?:in)?)$",
    re.IGNORECASE,
)
# "Posted on 5 March 2024 by Jane Roe": the name follows the last "by".
_POSTED_BY = re.compile(
    r"^.*?\b(?:posted|published|veröffentlicht|publiziert|geschrieben|erstellt|publié|publicado|pubblicato|"
    r"written|updated|aktualisiert)\b.*?\b(?:by|von|par|por|da|di)\s+(?P<name>.+)$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(r"\w\.(?:com|net|org|info|biz|[a-z]{2})\b", re.IGNORECASE)


@dataclass(slots=True)
class AuthorFilter:
    """Rejects what is not a person's name: site names, dates, links, boilerplate.

    ``publisher`` and ``host`` are the page's own name and domain; an
    "author" equal to either is the site, not a person.
    """

    publisher: str | None = None
    host: str | None = None
    site_names: tuple[str, ...] = ()
    _publisher_key: str = ""
    _host_keys: set[str] = field(default_factory=set)
    _site_keys: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._publisher_key = _name_key(self.publisher or "")
        self._site_keys = {k for k in (_name_key(n) for n in self.site_names) if k}
        if self.host:
            host = self.host.lower().removeprefix("www.")
            self._host_keys.add(_name_key(host))
            parts = host.split(".")
            if len(parts) >= 2:
                self._host_keys.add(_name_key(parts[-2]))
            self._host_keys.discard("")

    def names(
        self, raw: str | None, *, person: bool = False, single_words: bool = True, whole: bool = True
    ) -> list[str]:
        """The people named in one byline string, in order; ``[]`` if in doubt.

        ``person``: the source says these are people (JSON-LD ``Person``),
        so a name equal to the site's is the site's owner, not the site.
        ``single_words``: accept one-word names ("Heiko"), which bylines
        carry but ``<meta name=author>`` mostly uses for site handles.
        ``whole``: the string is one field, so running text in any part
        (a site description) condemns all of it; trafilatura's joined
        guesses are judged part by part instead.
        """
        text = squash(raw)
        if not text or len(text) > 200 or re.search(r"https?:|www\.|@|\{\{|\}\}|<|>", text, re.IGNORECASE):
            return []
        if _DOMAIN.search(text):
            return []
        text = _PARENS.sub("", text)
        text = _SHORT_WEEKDAY_TAIL.sub("", text)
        if m := _POSTED_BY.match(text):
            text = m["name"]
        out: list[str] = []
        parts = _SEPARATORS.split(text)
        if whole and any(_running_text(part) for part in parts):
            return []  # "Iberische Weine in Berlin - ...": a description, so none of its parts is a byline
        for part in parts:
            name = self.name(part, person=person)
            if name is None or (not single_words and " " not in name):
                continue
            if " " not in name and name.islower() and len(name) > 8:
                continue  # "arianschlichenmayer": a login handle, not the name the page prints
            if len(parts) > 1 and " " not in name and name.islower():
                continue  # "posted in news and politics": a lower-case word in a list is not a handle
            if name.casefold() not in {n.casefold() for n in out}:
                out.append(name)
        return out

    def name(self, raw: str, *, person: bool = False) -> str | None:
        """One candidate name, cleaned, or ``None`` if it is not plausibly a person."""
        text = squash(raw)
        text = _CJK_PREFIX.sub("", text)
        for _ in range(2):
            text = _PREFIX.sub("", text).strip()
        text = _capitals_only(_ROLE_TAIL.sub("", _DATE_TAIL.sub("", text)))
        text = text.strip(" \t-–—:,|·•*~\"'“”‘’«»()[]").lstrip(".")
        if text.endswith(".") and len(text.rsplit(None, 1)[-1]) > 4:
            text = text.rstrip(".")  # "Jane Roe." loses the full stop, "Perry Bacon Jr." keeps it
        if not text or len(text) > _MAX_NAME_CHARS or len(text) < 3:
            return None
        words = text.split()
        if len(words) > _MAX_NAME_WORDS or not any(c.isalpha() for c in text):
            return None
        if any(w.strip(".,:'’").casefold() in _JUNK_WORDS for w in re.split(r"[\s\-/]+", text)):
            return None
        if re.search(r"\d|[!?#=+_]", text):
            return None
        if text.isupper() and len(text) <= 4:
            return None  # AP, DPA, KJ: agencies and initials
        if len(words) == 1 and len(text) <= 3:
            return None  # "red", "zvg", "cpm": abbreviations, not names
        if len(words) > 1 and any(w[0].islower() and w not in _PARTICLES for w in words):
            return None  # "posted in news", "Empresa busca reactivar turismo": running text
        if not person and self._is_site(_name_key(text), len(words) == 1):
            return None
        return text

    def brand_word(self, name: str) -> bool:
        """Whether ``name`` is part of the site's name: a word of it ("Google" on "Google Security
        Blog"), or for full names any part of it ("Iberische Weine" of "Iberische Weine in Berlin").

        Strong sources (a byline element, JSON-LD) may sign with such a name; a guess may not.
        """
        key = _name_key(name)
        if not key:
            return False
        if " " in name.strip():
            return len(key) > 3 and key in self._publisher_key and key != self._publisher_key
        words = {_name_key(w) for w in re.split(r"[\s\-_.]+", self.publisher or "")}
        return key in words

    def _is_site(self, key: str, one_word: bool) -> bool:
        if not key or key in self._host_keys or (one_word and key in self._site_keys):
            return True  # title tails name the site ("Headline | Brand") or the author ("... | Jane Roe")
        pub = self._publisher_key
        return bool(pub) and (key == pub or (len(pub) > 3 and pub in key))


def _capitals_only(text: str) -> str:
    """``GILLIAN MOHNEY March`` -> ``GILLIAN MOHNEY``: a name set in capitals ends where the capitals do."""
    words = text.split()
    lead = 0
    while lead < len(words) and words[lead].isupper() and len(words[lead].strip(".")) > 1:
        lead += 1
    return " ".join(words[:lead]) if lead >= 2 and lead < len(words) else text


def _running_text(part: str) -> bool:
    """A byline part of three or more words with a lower-case word in it that no name has."""
    words = squash(_PARENS.sub("", part)).split()
    return len(words) >= 3 and any(
        w[0].islower() and w not in _PARTICLES and w.isalpha() and not _PREFIX.fullmatch(w + " ")
        for w in words
    )


def _name_key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def ld_author_names(obj: dict[str, Any] | None) -> list[tuple[str, bool]]:
    """``(name, typed_person)`` pairs from the article object's ``author`` (else ``creator``)."""
    if obj is None:
        return []
    for key in ("author", "creator"):
        if names := list(_ld_names(obj.get(key))):
            return names
    return []


# --------------------------------------------------------------------------
# Page elements: byline and <time>

_BYLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:byline|by-line|author|authors|author-name|authorname|byline-name|writer|"
    r"contributor|article-author|post-author|entry-author|c-byline|p-author)(?:$|[\s_-])",
    re.IGNORECASE,
)
_NOT_BYLINE = re.compile(
    r"comment|reply|respond|related|sidebar|widget|footer|share|social|bio|avatar|teaser|recommend|"
    r"promo(?!ted)|newsletter|more-from|popular|trending|img|image|photo|caption|credit",
    re.IGNORECASE,
)


#: Elements a byline is written in: blocks, and headings and inline runs ("<h4 class=author>").
_BYLINE_TAGS = frozenset(
    "div span p address a li section header cite small strong em b h2 h3 h4 h5 h6 dd td".split()
)


_OFF_TOPIC_TAGS = frozenset(("aside", "nav", "figure", "figcaption", "footer", "form"))
#: How many elements, the candidate itself included, :class:`_Ancestry` looks at on the way up.
_ANCESTRY_DEPTH = 12


class _Ancestry:
    """Whether no element around a byline candidate is a comment, sidebar, teaser, caption ... block.

    ``<body>`` and ``<html>`` are not looked at: their classes describe the
    whole page ("has-sidebar", "single-format-image"), not the part an element
    is in. Each element's own verdict (its tag, its class list) is worked out
    once per page and remembered, so a page with thousands of elements and
    dozens of candidates costs one look per element on the candidates' paths,
    not one per element per candidate.
    """

    def __init__(self) -> None:
        self._labels: dict[HtmlElement, bool] = {}

    def _off_topic_label(self, node: HtmlElement) -> bool:
        verdict = self._labels.get(node)
        if verdict is None:
            label = _state_free(f"{node.get('class') or ''} {node.get('id') or ''}")
            verdict = self._labels[node] = bool(_NOT_BYLINE.search(label))
        return verdict

    def ok(self, el: HtmlElement) -> bool:
        """Whether ``el`` and its nearest ancestors (up to ``<body>``) are all on-topic markup."""
        node: HtmlElement | None = el
        depth = 0
        while node is not None and depth < _ANCESTRY_DEPTH and node.tag not in ("body", "html"):
            if node.tag in _OFF_TOPIC_TAGS or (node is not el and self._off_topic_label(node)):
                return False
            node = node.getparent()
            depth += 1
        return True


_STATE_CLASS = re.compile(
    r"(?:^|\s)(?:has|hasnt|hasn-t|with|without|no|not|is-not|format|single-format|post-format)[-_]\S*",
    re.IGNORECASE,
)


def _state_free(label: str) -> str:
    """A class list without the classes that say what an element holds, not what it is.

    ``<article class="post has-post-thumbnail format-image">`` is an article
    with a picture, not a picture: such state classes must not make its
    byline look like a caption or a teaser.
    """
    return _STATE_CLASS.sub(" ", label)


def byline_texts(tree: HtmlElement) -> Iterator[str]:
    """Candidate byline strings from the page body, most specific markup first."""
    return (text for text, _ in byline_candidates(tree))


def byline_candidates(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    """:func:`byline_texts` with the element each came from (``byline element .author``).

    The cheap test (an attribute) comes first and the ancestry second, so
    only the few elements marked as bylines have their surroundings checked.
    """
    body = tree.find("body")
    if body is None:
        return
    ancestry = _Ancestry()
    marked = [
        el
        for el in body.iter()
        if isinstance(el.tag, str) and "author" in (el.get("itemprop") or "").split() and ancestry.ok(el)
    ]
    for group in _co_authors(marked):
        yield ", ".join(_itemprop_name(el) for el in group), f'<{_tag(group[0])} itemprop="author"> element'
    for el in body.iter("a", "span", "link"):
        if "author" in (el.get("rel") or "").lower().split() and ancestry.ok(el):
            yield squash(el.text_content()), f"<{_tag(el)} rel=author> link"
    for el in body.iter(*_BYLINE_TAGS):
        if _BYLINE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}") and ancestry.ok(el):
            text = squash(el.text_content())
            if len(text) <= 120:
                yield text, f"byline element {_byline_selector(el)}"


def _itemprop_name(el: HtmlElement) -> str:
    inner = el.find(".//*[@itemprop='name']")
    shown = inner if inner is not None else el
    return squash(shown.get("content") or shown.text_content())


#: How far up two ``itemprop=author`` elements may have to go to meet and still be one byline.
_BYLINE_REACH = 3


def _co_authors(marked: list[HtmlElement]) -> Iterator[list[HtmlElement]]:
    """``itemprop=author`` elements grouped by byline: "By A and B" marks A and B separately.

    Consecutive elements that meet within :data:`_BYLINE_REACH` levels up
    are one byline; an author element elsewhere on the page starts another.
    """
    group: list[HtmlElement] = []
    reach: set[HtmlElement] = set()
    for el in marked:
        near = set(itertools.islice(el.iterancestors(), _BYLINE_REACH))
        if group and not near & reach:
            yield group
            group, reach = [], set()
        if not group:
            reach = near
        group.append(el)
    if group:
        yield group


def _tag(el: HtmlElement) -> str:
    return str(el.tag)


def _byline_selector(el: HtmlElement) -> str:
    """The class (``.author``) or id (``#byline``) that made ``el`` a byline candidate."""
    for prefix, value in ((".", el.get("class") or ""), ("#", el.get("id") or "")):
        for token in value.split():
            if _BYLINE_CLASS.search(token):
                return prefix + token
    return f"<{_tag(el)}>"


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
    return f"<{_tag(el)} {why} {attr}> in the page"


# --------------------------------------------------------------------------
# Putting it together

_TITLE_SEPARATORS = re.compile(r"\s+[|–—·•»:~/\\-]\s+|\s+::\s+")


def _host(url: str | None) -> str | None:
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return host.lower() if host else None


def absolute_url(value: str | None) -> str | None:
    text = squash(value)
    if not re.match(r"https?://[^\s/]+\.[^\s/]+", text, re.IGNORECASE):
        return None
    return text


def _title_tails(tree: HtmlElement, tags: MetaTags) -> tuple[str, ...]:
    """The short side parts of ``<title>`` and ``og:title`` ("Headline | Site"): likely site names."""
    el = tree.find(".//title")
    tails: list[str] = []
    for title in (el.text_content() if el is not None else None, first_meta(tags, "og:title")):
        parts = _TITLE_SEPARATORS.split(squash(title))
        if len(parts) >= 2:
            tails.extend(p for p in (parts[0], parts[-1]) if len(p.split()) <= 4)
    return tuple(tails)


def strip_site_from_title(title: str, site_names: Iterable[str | None]) -> str:
    """``"Headline | Site"`` -> ``"Headline"`` when one end is the site's name."""
    keys = {_name_key(s) for s in site_names if s}
    keys.discard("")
    parts = _TITLE_SEPARATORS.split(title)
    if len(parts) < 2:
        return title
    for candidate, rest in ((parts[-1], parts[:-1]), (parts[0], parts[1:])):
        key = _name_key(candidate)
        if key and any(key == k or (len(k) > 3 and k in key) or key in k for k in keys):
            head = _TITLE_SEPARATORS.search(title)
            joiner = head.group(0) if head else " - "
            return joiner.join(rest).strip()
    return title


@dataclass(slots=True)
class Extracted:
    """What trafilatura's own metadata pass found; any field may be ``None``."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    description: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    #: The first heading of the extracted article, if any.
    heading: str | None = None
    #: htmldate's date with its free-text search on: the last resort, and the local day of a UTC stamp.
    searched_date: str | None = None


#: Field -> where its value came from (``{"title": '<meta property="og:title">'}``), for ``--explain``.
Where = dict[str, str]


def _keywords(
    tags: MetaTags, ld: dict[str, Any] | None, extracted: Extracted, where: Where
) -> tuple[str, ...]:
    raw: list[str] = []
    sources: list[str] = []
    ld_kw = ld.get("keywords") if ld else None
    if isinstance(ld_kw, list):
        raw.extend(str(k) for k in ld_kw if isinstance(k, str | int))
    elif isinstance(ld_kw, str):
        raw.extend(ld_kw.split(","))
    if raw and ld is not None:
        sources.append(ld_label(ld, "keywords"))
    for name in ("keywords", "news_keywords", "article:tag", "og:article:tag", "dc.subject"):
        for value in tags.get(name, ()):
            raw.extend(value.split(","))
            sources.append(tags.label(name))
    if not raw:
        raw.extend(extracted.tags)
        sources.append("trafilatura (tags)")
    out: list[str] = []
    seen: set[str] = set()
    for item in raw:
        word = squash(item)
        if word and len(word) <= 60 and word.casefold() not in seen:
            seen.add(word.casefold())
            out.append(word)
    if out:
        where["keywords"] = ", ".join(dict.fromkeys(sources))
    return tuple(out[:30])


def build_metadata(tree: HtmlElement, extracted: Extracted, provenance: Where | None = None) -> Metadata:
    """The page's :class:`Metadata` from its markup and trafilatura's findings.

    ``provenance``, when given, learns where each field's value came from;
    each field function records its own source as it picks the value.
    """
    where: Where = {}
    tags = meta_tags(tree)
    objects = jsonld_objects(tree)
    ld = article_object(objects)
    publisher = _publisher(tags, ld, objects, extracted, where)
    url = _canonical(tree, tags, ld, extracted, where)
    title = _title(tree, tags, ld, extracted, publisher, where)
    published, updated = _dates(tree, tags, ld, extracted, where)
    if updated is not None and updated == published:
        updated = None
        where.pop("updated", None)
    check = AuthorFilter(publisher, _host(url), _title_tails(tree, tags))
    authors = _authors(tree, tags, ld, extracted, check, where)
    subtitle = _ld_text(ld.get("alternativeHeadline")) if ld else None
    if subtitle and ld is not None:
        where["subtitle"] = ld_label(ld, "alternativeHeadline")
    rights, where["rights"] = meta_pick(tags, "copyright", "dc.rights", "dcterms.rights", "rights")
    meta = Metadata(
        title=title,
        subtitle=subtitle,
        authors=tuple(Author(n) for n in authors),
        published=published,
        updated=updated,
        publisher=publisher,
        language=_language(tree, tags, ld, where),
        description=_description(tags, ld, extracted, where),
        keywords=_keywords(tags, ld, extracted, where),
        url=url,
        rights=rights,
    )
    if provenance is not None:
        provenance.update((k, v) for k, v in where.items() if v)
    return meta


def _first_of(candidates: Iterable[tuple[str | None, str]], field: str, where: Where) -> str | None:
    """The first candidate with a value, noting its source in ``where[field]``."""
    for value, source in candidates:
        if value:
            where[field] = source
            return value
    return None


def _description(tags: MetaTags, ld: dict[str, Any] | None, extracted: Extracted, where: Where) -> str | None:
    return _first_of(
        [
            (_ld_text(ld.get("description")) if ld else None, ld_label(ld, "description") if ld else ""),
            meta_pick(tags, "og:description", "description", "dc.description", "twitter:description"),
            (extracted.description, "trafilatura (description)"),
        ],
        "description",
        where,
    )


def _publisher(
    tags: MetaTags,
    ld: dict[str, Any] | None,
    objects: list[dict[str, Any]],
    extracted: Extracted,
    where: Where,
) -> str | None:
    candidates: list[tuple[str | None, str]] = [meta_pick(tags, "og:site_name")]
    if ld is not None:
        candidates.append((_ld_text(ld.get("publisher")), ld_label(ld, "publisher")))
    for obj in objects:
        if types_of(obj) & {"website", "newsmediaorganization", "organization"}:
            candidates.append((_ld_text(obj.get("name")), ld_label(obj, "name")))
    candidates.append(meta_pick(tags, "application-name", "dc.publisher", "citation_publisher", "publisher"))
    candidates.append(
        (
            extracted.sitename if extracted.sitename and "." not in extracted.sitename else None,
            "trafilatura (site name)",
        )
    )
    for value, source in candidates:
        text = squash(value)
        if text and len(text) <= 80 and not text.lower().startswith("http"):
            where["publisher"] = source
            return text
    return None


def _canonical(
    tree: HtmlElement, tags: MetaTags, ld: dict[str, Any] | None, extracted: Extracted, where: Where
) -> str | None:
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and (url := absolute_url(el.get("href"))):
            where["url"] = "<link rel=canonical>"
            return url
    ld_url, ld_where = None, ""
    if ld is not None:
        main = ld.get("mainEntityOfPage")
        ld_url, ld_where = _ld_text(ld.get("url")), ld_label(ld, "url")
        if not ld_url:
            ld_url = main.get("@id") if isinstance(main, dict) else _ld_text(main)
            ld_where = ld_label(ld, "mainEntityOfPage")
    for value, source in (
        meta_pick(tags, "og:url", "twitter:url", "dc.identifier"),
        (ld_url, ld_where),
        (extracted.url, "trafilatura (page URL)"),
    ):
        if url := absolute_url(value):
            where["url"] = source
            return url
    return None


def _title(
    tree: HtmlElement,
    tags: MetaTags,
    ld: dict[str, Any] | None,
    extracted: Extracted,
    publisher: str | None,
    where: Where,
) -> str | None:
    """The headline: declared titles first, then ``<title>``; an ``<h1>`` inside it wins.

    "Corona: Headline | Site" as the declared title and "Headline" as the
    page's ``<h1>`` give "Headline"; otherwise the site's name is cut off.
    """
    el = tree.find(".//title")
    html_title = el.text_content() if el is not None else None
    candidates = [
        _ld_title(ld, first_meta(tags, "og:title") or html_title),
        meta_pick(tags, "og:title"),
        meta_pick(tags, "dc.title", "dcterms.title", "citation_title", "twitter:title", "title"),
        (html_title, "<title>"),
        (extracted.title, "trafilatura (title heuristics)"),
    ]
    found = next(((t, s) for t, s in ((squash(v), s) for v, s in candidates) if t and len(t) <= 400), None)
    if found is None:
        return None
    title, source = found
    h1 = tree.find(".//h1")
    for heading, origin in (
        (squash(h1.text_content()) if h1 is not None else "", "<h1> in the page"),
        (squash(extracted.heading), "trafilatura (first heading of the article)"),
    ):
        key = _name_key(heading)
        if len(key) > 10 and key != _name_key(title) and key in _name_key(title):
            where["title"] = f"{origin}, the part of {source} it repeats"
            return heading
    short = strip_site_from_title(title, (publisher,)) or title
    where["title"] = source if short == title else f"{source}, with the site's name cut off"
    return short


def _ld_title(ld: dict[str, Any] | None, reference: str | None) -> tuple[str | None, str]:
    """An article object's headline; its ``name`` instead when only that matches the page title."""
    if ld is None or not types_of(ld) & ARTICLE_TYPES:
        return None, ""
    headline, name = _ld_text(ld.get("headline")), _ld_text(ld.get("name"))
    if headline and name and _name_key(headline) != _name_key(name):
        ref = _name_key(reference or "")
        if _name_key(name) and _name_key(name) in ref and _name_key(headline) not in ref:
            return name, ld_label(ld, "name")
    return (headline, ld_label(ld, "headline")) if headline else (name, ld_label(ld, "name"))


#: Tags that name the publication date and nothing else, most specific first.
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
)
#: Tags some sites fill with the crawl, print or change date: trusted last.
_GENERIC_DATE_META = ("dc.date", "dcterms.date", "dc:date", "date")
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "article.updated",
    "lastmod",
)
_SEARCHED = "htmldate (date found in the page text)"


def _dates(
    tree: HtmlElement, tags: MetaTags, ld: dict[str, Any] | None, extracted: Extracted, where: Where
) -> tuple[str | None, str | None]:
    """Published and updated dates: declared ones, then htmldate's (marked-up dates only)."""
    (t_pub, t_pub_where), (t_upd, t_upd_where) = marked_dates(tree)
    declared = _valid_dates(
        (_ld_text(ld.get("datePublished")) if ld else None, ld_label(ld, "datePublished") if ld else ""),
        (_ld_text(ld.get("dateCreated")) if ld else None, ld_label(ld, "dateCreated") if ld else ""),
        *(meta_pick(tags, name) for name in _PUBLISHED_META),
    )
    marked = _valid_dates((t_pub, t_pub_where), *(meta_pick(tags, name) for name in _GENERIC_DATE_META))
    found = _valid_dates((extracted.date, "htmldate via trafilatura (a date marked up in the page)"))
    searched = iso_date(extracted.searched_date)
    stamps = page_stamps(tree, jsonld_objects(tree))
    declared, marked = _in_page_zone(declared, stamps), _in_page_zone(marked, stamps)
    published: tuple[str | None, str]
    if declared:
        published = _corroborated([*declared, *marked], searched)
    elif found or marked:
        published = _local_day([*found, *marked][0], searched)
    else:
        published = (searched, _SEARCHED)
    updated = _first_date(
        (_ld_text(ld.get("dateModified")) if ld else None, ld_label(ld, "dateModified") if ld else ""),
        *(meta_pick(tags, name) for name in _MODIFIED_META),
        (t_upd, t_upd_where),
    )
    if (value := published[0]) is not None:
        if declared:
            published = _as_shown((value, published[1]), updated, tree)
        else:
            published = _by_headline((value, published[1]), _valid_dates((t_pub, t_pub_where)), tree)
    for name, (value, source) in (("published", published), ("updated", updated)):
        if value:
            where[name] = source
    return published[0], updated[0]


def _as_shown(
    published: tuple[str, str], updated: tuple[str | None, str], tree: HtmlElement
) -> tuple[str, str]:
    """The declared date checked against the dates the page shows by its headline.

    A declared day the page never writes gives way to the one it does write:
    the later declared modification day (:func:`shown_instead`), or the
    neighbouring local day of a UTC stamp (:func:`shown_day`).
    """
    value, source = published
    text, title = visible_text(tree), headline(tree)
    if (shown := shown_instead(value, [updated[0]], text, title)) is not None:
        return shown, f"{updated[1]} (the page shows this date, never {source})"
    day = url_day(tree)
    if day and day != value[:10] and not shows(text, value):
        return day, f"the date in the page's URL, which the page shows (never {source})"
    if (day := shown_day(value, text, title)) is not None:
        return day, f"{source}, as the local day the page shows"
    return published


def _by_headline(found: tuple[str, str], marked: list[tuple[str, str]], tree: HtmlElement) -> tuple[str, str]:
    """A date nothing declares, checked against the date written by the headline.

    htmldate's pick among undeclared dates can be a related story's, a
    comment's or the footer's; when the page has a headline and does not
    write that day by it, the date it does write there is the article's,
    unless an element marked as the publication date (``<time pubdate>``,
    ``itemprop="datePublished"``) names the same day.
    """
    text, title = visible_text(tree), headline(tree)
    if title is None or any(value[:10] == found[0][:10] for value, _ in marked):
        return found
    if shown_by_headline(text, found[0], title):
        return found
    latest = datetime.now(UTC).date() + timedelta(days=1)
    day = headline_date(text, title, latest)
    return (day, "the date written by the headline") if day else found


def _in_page_zone(dated: list[tuple[str, str]], stamps: list[datetime]) -> list[tuple[str, str]]:
    """UTC stamps moved to the zone the page states elsewhere (:func:`in_page_zone`), noted in the source."""
    out = []
    for value, source in dated:
        zoned = in_page_zone(value, stamps)
        out.append((zoned, f"{source}, in the page's own time zone") if zoned else (value, source))
    return out


def _valid_dates(*values: tuple[str | None, str]) -> list[tuple[str, str]]:
    """The values that are plausible machine dates, as ISO 8601, each with its source."""
    return [(d, source) for value, source in values if value and (d := iso_date(value))]


def _corroborated(declared: list[tuple[str, str]], searched: str | None) -> tuple[str, str]:
    """The first declared date on the day htmldate found, else the first declared date.

    A page that declares two publication dates (JSON-LD says the 3rd, the
    OpenGraph tag the 6th) is resolved by the dates shown on the page.
    """
    if searched:
        for value, source in declared:
            if value[:10] == searched[:10]:
                return value, source
    return _local_day(declared[0], searched)


def _local_day(dated: tuple[str, str], day: str | None) -> tuple[str, str]:
    """:func:`local_day` on a date with its source; the source says when htmldate moved the day."""
    stamp, source = dated
    moved = local_day(stamp, day)
    return (stamp, source) if moved == stamp else (moved, f"{source}, as the local day of {_SEARCHED}")


def local_day(stamp: str, day: str | None) -> str:
    """The page's own calendar day instead of a UTC stamp's, when the two are one day apart.

    CMSs often declare ``2020-02-18T02:18:11Z`` for a story the page (and
    its readers) date 17 February: the UTC day is not the local one. When
    htmldate, which reads the dates shown on the page, finds the adjacent
    day in the direction the hour allows (the day before for a morning UTC
    stamp, the day after for an evening one), that day is the publication
    date; the time is dropped since its zone is unknown.
    """
    if day is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00", stamp):
        return stamp
    stamp_day, hour, other = date.fromisoformat(stamp[:10]), int(stamp[11:13]), date.fromisoformat(day[:10])
    if (other == stamp_day - timedelta(days=1) and hour < 12) or (
        other == stamp_day + timedelta(days=1) and hour >= 12
    ):
        return other.isoformat()
    return stamp


def _first_date(*values: tuple[str | None, str]) -> tuple[str | None, str]:
    for value, source in values:
        if value and (found := iso_date(value)):
            return found, source
    return None, ""


def _authors(
    tree: HtmlElement,
    tags: MetaTags,
    ld: dict[str, Any] | None,
    extracted: Extracted,
    check: AuthorFilter,
    where: Where,
) -> list[str]:
    """:func:`_author_names`, a lone first name completed from the page ("Henry" -> "Henry Steinhau")."""
    names = _author_names(tree, tags, ld, extracted, check, where)
    if len(names) == 1 and " " not in names[0] and (full := _full_form(names[0], reader_text(tree), check)):
        where["authors"] += f", completed from the page text ({full})"
        return [full]
    return names


def _full_form(name: str, text: str, check: AuthorFilter) -> str | None:
    """The full name the page gives a one-word author, most often written right after it, if any.

    A CMS account or a ``rel=author`` link often shows the first name only
    while the page names "Henry Steinhau" again and again. Only capitalised
    following words that pass the name checks count, and one mention is not
    enough ("Krimiblogger Okay, ...": the next sentence).
    """
    counts: dict[str, int] = {}
    for m in re.finditer(rf"(?<!\w){re.escape(name)}\s+([^\W\d_][\w'’-]+)(?!\w)", text):
        last = m[1]
        if (
            not last[0].isupper()
            or last.isupper() != name.isupper()
            or _name_key(last) == _name_key(name)
            or _PREFIX.fullmatch(last + " ")
        ):
            continue
        full = check.name(f"{name} {last}")
        if full is not None and full.count(" ") == 1:
            counts[full] = counts.get(full, 0) + 1
    ranked = sorted(counts.items(), key=lambda item: -item[1])
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return ranked[0][0]


def _author_names(
    tree: HtmlElement,
    tags: MetaTags,
    ld: dict[str, Any] | None,
    extracted: Extracted,
    check: AuthorFilter,
    where: Where,
) -> list[str]:
    """The authors, from the most trusted source that passes its test; sources are never merged.

    JSON-LD and ``<meta name=author>`` are often filled by a CMS with the
    site or an editor account, so they count only when another source names
    one of the same people: a byline, or trafilatura, whose own checks
    (it also reads the meta tag) reject handles and site accounts. A
    catalogue entry (``citation_author``) or a byline element stands on its
    own; trafilatura's guess alone is kept only for full names, or for a
    one-word name the page signs with.

    Every source counts only for names the page shows its reader: a name
    found only in markup (JSON-LD, ``<meta>``, a hidden ``itemprop``) is the
    CMS account that posted the page more often than the writer.
    """
    meta_keys = [
        k for k in ("author", "parsely-author", "sailthru.author", "byl", "article:author") if tags.get(k)
    ]
    # Every value, not the first: CMSs write one tag per author (``parsely-author`` twice).
    meta_values = [v for name in meta_keys for v in tags[name][:12]]
    catalogue_keys = [
        k
        for k in ("citation_author", "dc.creator", "dcterms.creator", "dc:creator", "dcterms:creator")
        if tags.get(k)
    ]
    catalogued = [v for name in catalogue_keys for v in tags[name]]
    ld_pairs = ld_author_names(ld)
    ld_names = _unique(n for name, person in ld_pairs for n in check.names(name, person=person))
    catalogue_names = _unique(n for v in catalogued for n in check.names(_uninvert(v)))
    meta_names = _unique(n for v in meta_values for n in check.names(v, single_words=False))
    byline_names: list[str] = []
    byline_where = ""
    for raw, source in byline_candidates(tree):
        if names := check.names(raw):
            byline_names, byline_where = names, source
            break
    extracted_names = check.names(
        extracted.author.replace(";", ",") if extracted.author else None, whole=False
    )
    ld_where = ld_label(ld, "author" if any(_ld_names(ld.get("author"))) else "creator") if ld else ""
    shown = _visible_key(tree)
    ld_names, catalogue_names, meta_names, byline_names, extracted_names = (
        [n for n in names if _is_shown(n, shown)]
        for names in (ld_names, catalogue_names, meta_names, byline_names, extracted_names)
    )
    catalogue_where = ", ".join(tags.label(k) for k in catalogue_keys)
    meta_where = ", ".join(tags.label(k) for k in meta_keys)
    traf_where = "trafilatura (author heuristics)"
    everything = [
        (ld_names, ld_where),
        (catalogue_names, catalogue_where),
        (meta_names, meta_where),
        (byline_names, byline_where),
        (extracted_names, traf_where),
    ]
    if ld_names and (
        other := _agreeing(ld_names, [*everything[1:], _owners(ld_pairs, meta_values, shown, byline_names)])
    ):
        where["authors"] = f"{ld_where}, confirmed by {other}"
        fields = [
            ([n for n in check.names(v, single_words=False) if _is_shown(n, shown)], tags.label(k))
            for k in meta_keys
            for v in tags[k][:12]
        ]
        if fuller := _fuller(ld_names, [(byline_names, byline_where), *fields]):
            where["authors"] += f", with the co-authors {fuller[1]} lists"
            return fuller[0][:12]
        return ld_names[:12]
    if catalogue_names:
        where["authors"] = catalogue_where
        return catalogue_names[:12]
    if meta_names:
        other = _agreeing(meta_names, [everything[0], everything[3]])
        if other is None and all(_name_key(n) in shown for n in meta_names):
            other = _agreeing(meta_names, [everything[4]])
            other = f"{other} and the page text" if other else None
        if other:
            where["authors"] = f"{meta_where}, confirmed by {other}"
            return meta_names[:12]
    if byline_names:
        where["authors"] = byline_where
        return byline_names[:6]
    if extracted_names and (guessed := _shown_guesses(tree, extracted_names, check)):
        where["authors"] = f"{traf_where}, {guessed[1]}"
        return guessed[0][:6]
    return []


def _shown_guesses(
    tree: HtmlElement, guesses: list[str], check: AuthorFilter
) -> tuple[list[str], str] | None:
    """trafilatura's names, as the page spells them, when the page shows them as a byline; else ``None``.

    A guess alone is weak: full names count only as the page prints them
    (not title-cased from a tag or a magazine's name) and when they are not
    part of the site's name; a one-word name ("Heiko") only when the page
    signs with it ("von Heiko", a link to the author's page).
    """
    text = reader_text(tree)
    names: list[str] = []
    for guess in guesses:
        spelled = page_spelling(text, guess)
        name = check.name(spelled) if spelled else None
        if name is None or check.brand_word(name):
            return None
        names.append(name)
    if all(" " in n for n in names):
        return names, "names shown in the page text"
    if len(names) == 1 and bylined(tree, text, names[0]):
        return names, "shown as the page's byline"
    return None


def _is_shown(name: str, shown: str) -> bool:
    """Whether each word of ``name`` is in the page's visible text (``shown``, a :func:`_visible_key`).

    Word by word, so "Richard (R.J.) Eskow" on the page shows "Richard Eskow".
    """
    keys = [k for k in (_name_key(w) for w in name.split()) if k]
    return bool(keys) and all(k in shown for k in keys)


def _visible_key(tree: HtmlElement) -> str:
    """The page's visible text as one name key: a name only in ``<meta>`` or scripts is not a byline.

    trafilatura reads the same ``<meta name=author>``, so its agreeing with
    the tag proves nothing; a name the reader can see on the page does.
    """
    return _name_key(reader_text(tree, strict=True))


def _unique(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name.casefold() not in {n.casefold() for n in out}:
            out.append(name)
    return out


def _agreeing(names: list[str], others: list[tuple[list[str], str]]) -> str | None:
    """The source of the first other list naming one of ``names`` (keys compared, case ignored)."""
    keys = {_name_key(n) for n in names}
    for other, source in others:
        if any(_name_key(o) in keys for o in other):
            return source
    return None


def _owners(
    ld_pairs: list[tuple[str, bool]], meta_values: list[str], shown: str, byline: list[str]
) -> tuple[list[str], str]:
    """The ``<meta name=author>`` names that JSON-LD types as a ``Person``, the site's name or not.

    A personal site is named after its owner ("Jane Roe | Notes"), so the
    author checks reject her name as the site's. When the JSON-LD says the
    author is a person and the meta tag names the same person, the two agree
    on a writer, not on a brand, unless a byline on the page names someone
    else (then the "person" is a magazine's name in a CMS's author field).
    """
    if byline:
        return [], ""
    people = {_name_key(name) for name, person in ld_pairs if person}
    check = AuthorFilter()
    names = [
        n
        for v in meta_values
        for n in check.names(v, person=True, single_words=False)
        if _name_key(n) in people and _is_shown(n, shown)
    ]
    return names, "<meta name=author> naming the same person"


def _fuller(names: list[str], fields: list[tuple[list[str], str]]) -> tuple[list[str], str] | None:
    """One field's list that names everyone in ``names`` and more people besides, if one does.

    JSON-LD often carries the first author only while the byline or a meta
    tag writes them all out in one string ("Jane Roe, John Doe"). Only a
    single field counts: names gathered from separate tags or by
    trafilatura's joined guesses add the publisher ("Condé Nast") as often
    as a co-author.
    """
    keys = {_name_key(n) for n in names}
    for other, source in fields:
        if keys < {_name_key(o) for o in other}:
            return other, source
    return None


def _uninvert(value: str) -> str:
    """Library catalogue order to reading order: ``Kooman, F.`` -> ``F. Kooman``."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) == 2 and len(parts[0].split()) == 1 and 1 <= len(parts[1].split()) <= 2:
        return f"{parts[1]} {parts[0]}"
    return value


def _language(tree: HtmlElement, tags: MetaTags, ld: dict[str, Any] | None, where: Where) -> str | None:
    values = [
        (tree.get("lang"), "<html lang>"),
        (tree.get("{http://www.w3.org/XML/1998/namespace}lang"), "<html xml:lang>"),
        (tree.get("xml:lang"), "<html xml:lang>"),
        meta_pick(tags, "og:locale"),
        meta_pick(tags, "content-language", "language", "dc.language", "dcterms.language"),
        (_ld_text(ld.get("inLanguage")) if ld else None, ld_label(ld, "inLanguage") if ld else ""),
    ]
    for value, source in values:
        if tag := normalise_tag(value):
            where["language"] = source
            return tag
    return None
