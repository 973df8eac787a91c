"""Whether a piece of text is a person's name: the one test every reader and pass uses.

The text reader's bylines and sign-offs, the HTML reader's author evidence,
Word's ``dc:creator`` and the quote pass's speakers all ask
:func:`looks_like_name`. What differs between them is an option of the test,
not a test of their own:

- ``one_word``: a web byline may sign with one name ("Heiko"); a text byline
  or a document property needs a given name and a surname.
- ``prose``: a capitalised run found in running text (a quotation's speaker)
  is as often a place, an organisation or an acronym; those the gazetteer
  knows are refused.

Page-specific evidence (the site's own name, a login handle, a date after
the name) stays with the reader that has it (``convert.readers.html.names``).

The words that mark a role, a desk, a publisher or a company come from
maintained data where it exists: nameparser's titles and surname particles,
cleanco's legal forms; the few short lists here name their source.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from ._regex import compiled
from .cache import cached_json, installed_version

__all__ = [
    "PARTICLES",
    "SUFFIXES",
    "has_domain",
    "is_company",
    "is_role",
    "looks_like_name",
    "a_newsrooms_initials",
    "is_paper_word",
    "looks_like_publisher",
    "names_a_desk",
    "names_a_paper",
    "names_a_unit",
    "names_an_institution",
    "one_word",
]


def _nameparser_words() -> dict[str, list[str]]:
    """nameparser's surname prefixes and titles, from the library."""
    from nameparser.config import CONSTANTS

    return {
        "prefixes": sorted(CONSTANTS.prefixes),
        "titles": sorted(CONSTANTS.titles),
        "suffixes": sorted(CONSTANTS.suffix_acronyms | CONSTANTS.suffix_not_acronyms),
    }


def _load_nameparser_words() -> dict[str, list[str]]:
    """:func:`_nameparser_words`, kept in the user's cache folder under nameparser's version: its
    whole parser loads with the word lists, a sixth of a cold one-file conversion (issue 18)."""
    version = installed_version("nameparser")
    if version is None:
        return _nameparser_words()
    keys = ("prefixes", "titles", "suffixes")
    words = cached_json("nameparser", ["nameparser", version, " ".join(keys)], _nameparser_words)
    if isinstance(words, dict) and all(isinstance(words.get(k), list) for k in keys):
        return {k: [str(w) for w in words[k]] for k in keys}
    return _nameparser_words()  # a copy of another shape: not ours


_NAMEPARSER = _load_nameparser_words()

#: Lower-case words that may sit inside a name ("Michiel de Jong", "Walter von Aachen"): nameparser's
#: surname prefixes, maintained with the library, plus the conjunctions that join Spanish and
#: Portuguese double surnames (y, e) and three particles its list lacks (French des, Dutch ten, el).
PARTICLES = frozenset(_NAMEPARSER["prefixes"]) | {"y", "e", "des", "ten", "el"}
#: What follows a surname ("Jr.", "III", "PhD", "Esq."): nameparser's suffixes, maintained with the
#: library, lower case without full stops.
SUFFIXES = frozenset(_NAMEPARSER["suffixes"])
#: nameparser's prefixes written joined to the surname ("al-Assad", "d'Alema", "l’Hôpital").
_JOINED_PREFIXES = tuple(p for p in _NAMEPARSER["prefixes"] if p[-1] in "-'’")

#: Bylines that credit an account or a desk, not a person, as the common CMSs and newsrooms print
#: them. CMS defaults: "admin" (WordPress's first account), "Unknown" (Blogger's profile without a
#: name), "Anonymous". Desks: the word for the editorial office, its staff or the news agencies in
#: the HTML reader's calendar languages (Wiktionary's translations of "editorial office" and
#: "agency"). They are the same on every site of a language, which is why the list generalises.
_DESK_WORDS = frozenset(
    """admin administrator unknown anonymous anonym anonyme anónimo anonimo
    staff newsroom editorial agencies agency redaktion agenturen agentur rédaction agences agence
    redacción agencias agencia redazione agenzie agenzia redactie redação agências agência""".split()
)
#: Roles and titles: nameparser's titles (honorifics and roles, maintained with the library: "Dr",
#: "Staff", "Editor", "Correspondent"), and the newsroom ranks and units it lacks, the same on
#: every masthead of the language: English, and German (Redakteur, Chefredakteurin, Journalistin).
NEWSROOM_WORDS = frozenset(
    """reporter reporters correspondents writers editors columnist columnists contributor contributors
    contributing journalist journalists analyst analysts bureau desk team wire redakteur redakteurin
    chefredakteur chefredakteurin journalistin""".split()
)
_ROLE_WORDS = frozenset(_NAMEPARSER["titles"]) | NEWSROOM_WORDS
#: English determiners and possessives: "By Our Correspondent", "By The Associated Press" name no
#: one (grammar, not a list of pages' words).
_DETERMINERS = frozenset("the a an our my your his her their this that these those".split())
#: A domain name (generic or two-letter country top-level domain): a site, not a person.
_DOMAIN = compiled(r"\w\.(?:com|net|org|info|biz|[a-z]{2})\b", re.IGNORECASE)
#: The letters of the scripts written without spaces between words, where a full name is one "word"
#: of two to four characters (李明, 司马相如, 김민준, 宮崎駿): Unicode's Han, Hiragana, Katakana and Hangul.
UNSPACED_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
_UNSPACED = compiled(rf"[{UNSPACED_LETTERS}・·]{{2,4}}")
_MAX_CHARS = 50
_MAX_WORDS = 5


def looks_like_name(text: str, *, one_word: bool = False, prose: bool = False) -> bool:
    """Whether ``text`` is a person's name: ``Jean-Luc de la Cruz``, ``J. R. Hartley``, ``李明``.

    Two to five words (one too with ``one_word``, even a lower-case login
    handle: the caller checks that the page signs with it) of letters, with inner
    hyphens, apostrophes and full stops; each capitalised (or in a script
    without case) except surname particles ("de", "al-"). Refused: digits and
    symbols, a domain, a role or title ("Staff Writer", nameparser's titles), a
    desk or CMS account ("Redaktion", "admin"), a company's legal form
    ("Acme Ltd", cleanco), an agency's initials ("AP", "DPA"). A name in a
    script written without spaces (Han, Kana, Hangul) is one word of two to
    four characters. With ``prose``, also the places, organisations and
    acronyms the gazetteer knows (:mod:`convert.gazetteer`). A wrong author is
    worse than none.
    """
    text = " ".join(text.split())
    if _UNSPACED.fullmatch(text):
        return True
    if any("\uac00" <= ch <= "\ud7af" for ch in text):
        return False  # a Korean name is one word (Hangul spelling rules, art. 48): "쓰는 법" is none
    words = [w.rstrip(",") for w in text.split()]
    if not (1 if one_word else 2) <= len(words) <= _MAX_WORDS or len(text) > _MAX_CHARS:
        return False
    if len(text) < 3 or (len(words) == 1 and len(text) <= 3):
        return False  # "red", "zvg", "cpm": abbreviations, not names
    if text.isupper() and len(text) <= 4:
        return False  # AP, DPA, KJ: agencies and initials
    for n, word in enumerate(words):
        if not _name_word(word):
            return False
        if word[0].isupper() or not word[0].islower():
            continue  # capitalised, or a script without case (Arabic, Hebrew, Devanagari ...)
        if len(words) == 1 and one_word:
            continue  # "tlow": a login handle the page signs with (the caller says whether it does)
        if n == 0 or not (word.lower() in PARTICLES or _joined_prefix(word)):
            return False
    if has_domain(text) or is_role(text) or names_a_desk(text) or is_company(text):
        return False
    return not prose or _not_place_or_organisation(words, text)


def has_domain(text: str) -> bool:
    """Whether ``text`` holds a domain name ("Jane Doe.com", "by example.de"): a site, not a person."""
    return bool(_DOMAIN.search(text))


def one_word(name: str) -> bool:
    """Whether ``name`` is a single word of a script written with spaces: a first name or a handle
    ("Heiko"), not a full name (``李明`` is one)."""
    return " " not in name.strip() and not _UNSPACED.fullmatch(name.strip())


def _name_word(word: str) -> bool:
    """Letters and combining marks, with hyphens, apostrophes and full stops inside or a full stop
    at the end ("O'Neill", "J.", "Jean-Luc"); no digits or other symbols."""
    if not word or not unicodedata.category(word[0]).startswith("L"):
        return False
    for i, ch in enumerate(word):
        if ch in "-'’.":
            if ch != "." and (i + 1 == len(word) or not word[i + 1].isalpha()):
                return False
            continue
        if not unicodedata.category(ch).startswith(("L", "M")):
            return False
    return ".." not in word


def _joined_prefix(word: str) -> bool:
    """A lower-case surname prefix joined to a capitalised surname ("al-Assad", "d'Alema")."""
    low = word.lower()
    return any(low.startswith(p) and word[len(p) : len(p) + 1].isalpha() for p in _JOINED_PREFIXES)


def _words(text: str) -> list[str]:
    return [w for w in (w.strip(".,:'’").casefold() for w in compiled(r"[\s\-/]+").split(text)) if w]


def is_role(text: str) -> bool:
    """Whether ``text`` is a role or a title rather than a name: "Staff", "Staff Writer", "Editor".

    The words are :data:`_ROLE_WORDS`. Leading titles are a title before a name ("Dr. Jane Roe"),
    which must still have a given name and a surname after it; one inside the
    name is a role, not a name. The last word may be a title: surnames are
    ("Stephen King"). A determiner makes it a role too ("Our Correspondent").
    """
    words = _words(text)
    if any(w in _DETERMINERS for w in words):
        return True
    lead = 0
    while lead < len(words) and words[lead] in _ROLE_WORDS:
        lead += 1
    rest = words[lead:]
    if len(rest) < (2 if lead else 1):
        return True
    return any(w in _ROLE_WORDS for w in rest[:-1])


def has_role_word(text: str) -> bool:
    """Whether a word of ``text`` is a role's or a desk's ("Our Correspondent", "the editors"), not
    only a determiner ("the Numbers", "the sea": :func:`is_role` counts those as roles)."""
    return any(w in _ROLE_WORDS for w in _words(text)) or names_a_desk(text)


#: A firm's departments, signed as a team beside a writer ("AMP Project Marketing"): nameparser
#: counts them as titles, which a surname can be, but these are no surname.
_DEPARTMENTS = frozenset("marketing sales communications engineering support".split())


#: The words of :data:`NEWSROOM_WORDS` and :data:`_DEPARTMENTS` that are family names too: "Sarah D.
#: Wire", "Jean Bureau", "Nancy Jo Sales".
_SURNAME_UNITS = frozenset("bureau wire sales".split())


def names_a_role(text: str, *, surname_last: bool = False) -> bool:
    """Whether ``text`` holds a desk's or a newsroom role's word ("Marketing Team", "Sports Desk") or
    a title inside it. A title leading it is an honorific ("Dr. John Doe") and one ending it a
    surname ("John King", "Ann Bishop", "Max Graf"): nameparser's titles are surnames as often.
    ``surname_last``: the last word may be one of :data:`_SURNAME_UNITS` ("Nancy Jo Sales")."""
    words = _words(text)
    unit = [w in NEWSROOM_WORDS or w in _DEPARTMENTS for w in words]
    if unit and surname_last and len(words) > 1 and words[-1] in _SURNAME_UNITS:
        unit[-1] = False
    if any(unit) or names_a_desk(text):
        return True
    lead = 0
    while lead < len(words) and words[lead] in _ROLE_WORDS:
        lead += 1
    return any(w in _ROLE_WORDS for w in words[lead:-1])


#: The words of :data:`NEWSROOM_WORDS` that name a newsroom's unit: "desk" never a person nor a pen
#: name ("Sports Desk", "Web Desk"), even as the last word; "bureau" and "wire" are surnames too
#: ("Sarah D. Wire", "Jean Bureau"), so only after a place or a newsroom's name ("Washington Bureau",
#: "Reuters Wire", "AP Wire").
_UNIT_WORDS = frozenset({"desk"})
_PLACED_UNIT_WORDS = frozenset("bureau wire".split())


def names_a_unit(text: str) -> bool:
    """Whether ``text`` names a newsroom's unit: a word of :data:`_UNIT_WORDS` ("NDTV Sports Desk"), or
    one of :data:`_PLACED_UNIT_WORDS` after a place the gazetteer knows, an initialism or a word of a
    paper's or an agency's name (:data:`_PUBLISHER_WORDS`): "Washington Bureau", "News Wire"."""
    if any(w in _UNIT_WORDS for w in _words(text)):
        return True
    words = text.split()
    capitals = text.isupper()
    return any(
        w.strip(".,").casefold() in _PLACED_UNIT_WORDS and n and _a_newsroom_or_place(words[:n], capitals)
        for n, w in enumerate(words)
    )


def _initialism(word: str, capitals: bool) -> bool:
    """Whether ``word`` is a newsroom's initialism ("BBC", "CNN"): three to six capitals, in a name not
    written all in capitals ("EMILY POST" is a name in capitals). Two capitals are a given name's
    initials as often ("TJ Holmes", "JD Post"); the agencies' two ("AP") are :data:`_PUBLISHER_WORDS`."""
    return not capitals and word.isupper() and word.isalpha() and 3 <= len(word) <= 6


def a_newsrooms_initials(word: str) -> bool:
    """Whether ``word`` is a newsroom's initials: three to six capitals ("CNN", "DPA") or an agency's two
    ("AP"), not a given name's two ("TJ", "JD")."""
    return _initialism(word, False) or (word.isupper() and word.casefold() in _PUBLISHER_WORDS)


def _a_place(words: list[str], capitals: bool) -> bool:
    """Whether ``words`` are a place the gazetteer knows ("New York"; "NEW YORK" in a name in capitals)."""
    from . import gazetteer

    text = " ".join(words).strip(".,")
    return (text.title() if capitals else text) in gazetteer.PLACES


def _a_newsroom_or_place(words: list[str], capitals: bool = False) -> bool:
    """Whether ``words`` end in a place the gazetteer knows ("New York"), an initialism ("CNN",
    :func:`_initialism`) or a word of a paper's or an agency's name ("Reuters", "News", "AP");
    ``capitals``: the name is written all in capitals."""
    last = words[-1].strip(".,")
    if last.casefold() in _PUBLISHER_WORDS or _initialism(last, capitals):
        return True
    return any(_a_place(words[n:], capitals) for n in range(max(0, len(words) - 3), len(words)))


#: The head words of an institution's name, never a person's: the words of the gazetteer's
#: ``ORG_WORDS`` (:mod:`convert.gazetteer`) that are no English surname, chosen by hand, and
#: "Institution" and "Society". The others (Court, Bank, Trust, Union, Board, Service, Fund, Office,
#: Group, Party, Records, Capital, Exchange, Reserve, Energy …) are family names too ("Margaret Court",
#: "Melissa Bank"), and left out.
_INSTITUTION_WORDS = frozenset(
    """academy agency assembly association authority college commission committee congress corporation
    council department federation foundation institute institution ministry organisation organization
    parliament senate society university""".split()
)


def names_an_institution(text: str) -> bool:
    """Whether a word of ``text`` heads an institution's name (:data:`_INSTITUTION_WORDS`): "Acme
    Foundation", "Hoover Institution"."""
    return any(w.strip(".,()").casefold() in _INSTITUTION_WORDS for w in text.split())


def names_a_desk(text: str) -> bool:
    """Whether a word of ``text`` (hyphenated parts too: "Online-Redaktion") is a desk or an account."""
    return any(w in _DESK_WORDS for w in _words(text))


def is_company(text: str) -> bool:
    """Whether ``text`` ends in a company's legal form ("Bergportal GmbH", "Acme Ltd"): cleanco's
    table of legal forms by country, maintained with the library."""
    return _company_base(text) != _key(text)


@functools.lru_cache(maxsize=4096)
def _company_base(text: str) -> str:
    if text.isascii():
        # cleanco strips a legal form only when the name's last word is one's last word; for ASCII
        # its normalising is lower-casing, and its tail and punctuation rules are these two patterns
        # (cleanco.clean.strip_tail, strip_punct). Importing cleanco prepares its 321 forms (2 ms
        # of a cold txt conversion, issue 18); the words they end in are kept in the cache folder.
        words = compiled(r"[^.\w]+$").sub("", text).lower().split()
        if not words or compiled(r"[.,\-]").sub("", words[-1]) not in _legal_form_ends():
            return _key(text)
    from cleanco import basename

    return _key(basename(text))


@functools.cache
def _legal_form_ends() -> frozenset[str]:
    """The last word of each of cleanco's legal forms as cleanco matches them (normalised)."""

    def build() -> list[str]:
        from cleanco import basename

        return sorted({parts[-1] for _, parts in basename.keywords["terms"] if parts})

    version = installed_version("cleanco")
    ends = cached_json("cleanco-ends", ["cleanco", version], build) if version else None
    return frozenset(ends if isinstance(ends, list) else build())


def _key(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKC", text).casefold() if ch.isalnum())


#: The world's largest news agencies by the names they sign with (Wikipedia, "News agency": the
#: global and national agencies), and the generic words of a newspaper's or a broadcaster's name.
_PUBLISHER_WORDS = frozenset(
    "reuters bloomberg afp ap upi tass ria interfax xinhua bbc cnn associated press agence france-presse "
    "times post news journal herald tribune telegraph guardian gazette chronicle daily magazine media "
    "network agency wire service dpa efe ansa kyodo yonhap anadolu irna".split()
)


#: The words of :data:`_PUBLISHER_WORDS` that are a paper's or a broadcaster's generic words, not an
#: agency's name (some of which are given names: Ria, Efe, Ansa).
_PAPER_WORDS = frozenset(
    "times post news journal herald tribune telegraph guardian gazette chronicle daily magazine media "
    "network wire service".split()
)


def is_paper_word(word: str) -> bool:
    """Whether ``word`` is one of a paper's or a broadcaster's generic words ("Post", "News"), not an
    agency's name, whose words are given names too ("Ria", "Efe")."""
    return word.strip(".,()").casefold() in _PAPER_WORDS


def looks_like_publisher(text: str) -> bool:
    """A news organisation: a wire acronym (``AP``), a news agency or paper's name, or a site."""
    words = [w.strip(".,()").lower() for w in text.split()]
    if not 1 <= len(words) <= 6 or not text[:1].isupper():
        return False
    if text.isupper() and text.isalpha() and 2 <= len(text) <= 6:
        return True
    if compiled(r"[\w\-]+\.(?:com|org|net|co\.uk|ru|ir|news)", re.I).fullmatch(text):
        return True
    return any(w in _PUBLISHER_WORDS for w in words)


def names_a_paper(text: str) -> bool:
    """Whether ``text``, whole, is a paper's or a broadcaster's name: two of a paper's words together
    ("Metric Media News Service"), or two words or more, the last a word of :data:`_PUBLISHER_WORDS`,
    each before it a place the gazetteer knows, an initialism (:func:`_initialism`) or such a word too
    ("BBC News", "New York Daily News", "The Washington Post"). A person's surname may be one of the
    words ("Emily Post", "Lisa Daily", "EMILY POST"), and their given name a paper's word ("Post
    Malone", "Herald Tamrat") or a place's ("Georgia Bloomberg", "Sydney Post"): a place and one word
    of a paper's are a paper only after "The" ("The Washington Post") or before another word of one."""
    words = [w.strip(".,()") for w in text.split()]
    folded = [w.casefold() for w in words]
    if not 2 <= len(words) <= 6:
        return False
    if any(a in _PAPER_WORDS and b in _PAPER_WORDS for a, b in zip(folded, folded[1:], strict=False)):
        return True  # "Metric Media News Service": two of a paper's words together
    if folded[-1] not in _PUBLISHER_WORDS:
        return False
    the = folded[0] == "the"
    rest = words[1:] if the else words
    capitals = text.isupper()
    n = 0
    while n < len(rest) - 1:
        if rest[n].casefold() in _PUBLISHER_WORDS or _initialism(rest[n], capitals):
            n += 1
            continue
        span = next((k for k in (3, 2, 1) if n + k < len(rest) and _a_place(rest[n : n + k], capitals)), 0)
        if not span or (not the and len(rest) == 2):
            return False  # "Georgia Bloomberg", "Paris Press": a given name that is a place's
        n += span
    return len(rest) >= 2


def _not_place_or_organisation(words: list[str], name: str) -> bool:
    """A capitalised run in prose is not a country, city, organisation or acronym the gazetteer knows,
    nor a run holding one of its :data:`~convert.gazetteer.NOT_NAMES`."""
    from . import gazetteer as gz

    if name in gz.COUNTRIES or name in gz.CITIES or name in gz.ORGANISATIONS:
        return False
    for t in words:
        if t in gz.NOT_NAMES:
            return False
        # a country ("Japan"), not any place: Hamilton and Victoria are cities and names of people
        if t in gz.COUNTRIES or t in gz.ORGANISATIONS or t in gz.ORG_WORDS:
            return False
        if t in gz.DEMONYMS or (t.isupper() and len(t) > 1):
            return False  # "Russian", and acronyms: "BRICS", "UN"
    return True
