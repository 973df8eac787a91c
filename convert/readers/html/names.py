"""The HTML reader's author filter: web bylines split into names, and what a page's byline may
not be (its site's name or domain, a desk, a role, a company, a handle). Unlike
:func:`convert.names.looks_like_name`, which the other readers and the quote pass share, it
accepts one-word names a page signs with and names in scripts written without spaces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from nameparser.config import CONSTANTS

from ...dates import calendar_names
from .text import name_key as _name_key
from .text import squash

#: What introduces a byline: "by" and the verbs of signing, in the languages of
#: :data:`convert.dates.CALENDAR_LANGUAGES` and a few more (the word a byline starts with is grammar, the
#: same on every site of a language, which is why a short list generalises).
PREFIX = re.compile(
    r"^(?:(?:written|posted|published|reported|text|words|story|photos?|article|interview|veröffentlicht|"
    r"publiziert|geschrieben|erstellt|verfasst|publié|écrit|publicado|escrito|pubblicato|scritto|zum\s+profil)\s*)?"
    r"(?:by|von|vom|par|por|door|di|da|av|af|przez|de|autor(?:in)?|author|auteur|text|verfasser(?:in)?)"
    r"(?:\b|(?-i:(?=[A-ZÄÖÜ])))\s*[:\-–]?\s*",
    re.IGNORECASE,
)
#: What separates two names in one byline: punctuation and the word "and" in the same languages.
_SEPARATORS = re.compile(
    r"\s*(?:;|,|\||/|•|·|\s&\s|\s(?:and|und|et|y|e|i|og|och|en|und\s+von|and\s+by)\s)\s*", re.IGNORECASE
)


def _alternatives(names: dict[int, tuple[str, ...]]) -> str:
    return "|".join(map(re.escape, sorted({n for v in names.values() for n in v}, key=len, reverse=True)))


# Where a byline runs on into its date: "Jane Roe March 5, 2024", "Jane Roe 05.03.2024".
# Month and weekday names come from CLDR (:func:`convert.dates.calendar_names`).
_MONTHS = _alternatives(calendar_names("months", ("wide", "abbreviated")))
_WEEKDAYS = _alternatives(calendar_names("days", ("wide", "abbreviated")))
_SHORT_DAYS = _alternatives(calendar_names("days", ("short",), shortest=2))
_DATE_TAIL = re.compile(
    rf"\s*(?:\b(?:{_MONTHS})\.?\s+\d|\b(?:{_WEEKDAYS})\b\.?,?\s+(?:\d|(?:{_MONTHS})\b)|\b(?:on|am|le|el)\s+\d|"
    rf"\b(?:{_SHORT_DAYS})[.,]\s*\d|(?:^|\s)\d).*$",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
#: "Tomas Spahn Fr, 18. Oktober 2019": cut before the list is split at its commas.
_SHORT_WEEKDAY_TAIL = re.compile(rf"\s+(?i:{_SHORT_DAYS})[.,]\s*\d.*$")
_MAX_NAME_CHARS = 50
_MAX_NAME_WORDS = 5


#: Chinese labels before a byline ("author:", "editor:", "reporter:", "text:", "photo:").
_CJK_PREFIX = re.compile(r"^(?:作者|责任编辑|编辑|记者|撰文|文|图)\s*[：:]\s*")
#: Lower-case words that may sit inside a name ("Michiel de Jong", "Walter von Aachen"): nameparser's
#: list of surname prefixes, maintained with the library, plus the conjunctions that join Spanish and
#: Portuguese double surnames (y, e) and three particles its list lacks (French des, Dutch ten, el).
_PARTICLES = frozenset(CONSTANTS.prefixes) | {"y", "e", "des", "ten", "el"}
#: Job titles written after a name without a comma ("Jane Roe Chefredakteurin"): newsroom ranks,
#: the same on every masthead of the language.
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
#: A domain name (generic or two-letter country top-level domain): a site, not a person.
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
            text = PREFIX.sub("", text).strip()
        text = _capitals_only(_ROLE_TAIL.sub("", _DATE_TAIL.sub("", text)))
        text = text.strip(" \t-–—:,|·•*~\"'“”‘’«»()[]").lstrip(".")
        if text.endswith(".") and len(text.rsplit(None, 1)[-1]) > 4:
            text = text.rstrip(".")  # "Jane Roe." loses the full stop, "Perry Bacon Jr." keeps it
        if not text or len(text) > _MAX_NAME_CHARS or len(text) < 3:
            return None
        words = text.split()
        if len(words) > _MAX_NAME_WORDS or not any(c.isalpha() for c in text):
            return None
        if _names_a_role(text) or _names_a_desk(text) or _is_company(text):
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


def _names_a_role(text: str) -> bool:
    """Whether ``text`` is a role or a title rather than a name: "Staff", "Staff Writer", "Editor".

    The words are nameparser's titles (honorifics and roles, maintained with
    the library: "Dr", "Staff", "Editor", "Correspondent"). Leading ones are
    a title before a name ("Dr. Jane Roe"), which must still have a given
    name and a surname after it; one inside the name is a role, not a name.
    The last word may be one: surnames are ("Stephen King").
    """
    words = [w for w in (w.strip(".,:'’").casefold() for w in re.split(r"[\s\-/]+", text)) if w]
    lead = 0
    while lead < len(words) and words[lead] in CONSTANTS.titles:
        lead += 1
    rest = words[lead:]
    if len(rest) < (2 if lead else 1):
        return True
    return any(w in CONSTANTS.titles for w in rest[:-1])


#: Bylines that credit an account or a desk, not a person, as the common CMSs and newsrooms print
#: them. CMS defaults: "admin" (WordPress's first account), "Unknown" (Blogger's profile without a
#: name), "Anonymous". Desks: the word for the editorial office, its staff or the news agencies in
#: :data:`convert.dates.CALENDAR_LANGUAGES` (Wiktionary's translations of "editorial office" and "agency").
#: They are the same on every site of a language, which is why the list generalises.
_DESK_WORDS = frozenset(
    """admin administrator unknown anonymous anonym anonyme anónimo anonimo
    staff newsroom editorial agencies agency wire redaktion agenturen rédaction agences redacción
    agencias redazione agenzie redactie redação agências""".split()
)


def _names_a_desk(text: str) -> bool:
    """Whether a word of ``text`` (hyphenated parts too: "Online-Redaktion") is a :data:`_DESK_WORDS`."""
    return any(w.strip(".,:'’").casefold() in _DESK_WORDS for w in re.split(r"[\s\-/]+", text))


def _is_company(text: str) -> bool:
    """Whether ``text`` ends in a company's legal form ("Bergportal GmbH", "Acme Ltd"): cleanco's
    table of legal forms by country, maintained with the library."""
    from cleanco import basename

    return _name_key(basename(text)) != _name_key(text)


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
        w[0].islower() and w not in _PARTICLES and w.isalpha() and not PREFIX.fullmatch(w + " ")
        for w in words
    )
