"""The HTML reader's author filter: web bylines split into names, cleaned of what surrounds a
name on a page (a "By", a date, a job title), and what only the page can refuse: its site's name
or domain, a login handle, running text. Whether a cleaned name is a person's is the shared test,
:func:`convert.names.looks_like_name`, with one-word names allowed (a page may sign "Heiko").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml.html import HtmlElement

from ...dates import calendar_names
from ...locale.agencies import agency_key, agency_keys
from ...names import (
    PARTICLES,
    SUFFIXES,
    a_newsrooms_initials,
    has_domain,
    has_role_word,
    is_paper_word,
    is_role,
    looks_like_name,
    looks_like_publisher,
    names_a_desk,
    names_a_paper,
    names_a_unit,
    names_an_institution,
    one_word,
)
from .byline_places import declared_places, page_text, written_as_place
from .text import name_key as _name_key
from .text import squash

#: What introduces a byline: "by" and the verbs of signing, in the languages of
#: :data:`convert.dates.CALENDAR_LANGUAGES` and a few more (the word a byline starts with is grammar, the
#: same on every site of a language, which is why a short list generalises).
PREFIX = re.compile(
    r"^(?:(?:written|posted|published|reported|text|words|story|photos?|article|interview|veröffentlicht|"
    r"publiziert|geschrieben|erstellt|verfasst|publié|écrit|publicado|escrito|pubblicato|scritto|zum\s+profil)\s*)?"
    r"(?:(?:by|von|vom|par|por|door|przez|autor(?:in)?|author|auteur|text|verfasser(?:in)?)(?:\b|(?-i:(?=[A-ZÄÖÜ])))"
    # the particle-like ones only as words of their own: "DeShawn", "DaVinci" are names, not "de Shawn"
    r"|(?:di|da|av|af|de)\b)\s*[:\-–]?\s*",
    re.IGNORECASE,
)


def _is_place(part: str) -> bool:
    """Whether ``part`` is, whole, a country, region or city the gazetteer knows (:mod:`convert.gazetteer`)."""
    from ... import gazetteer

    return squash(part).strip(" .") in gazetteer.PLACES


#: What separates two names in one byline: punctuation and the word "and" in the same languages.
_SEPARATORS = re.compile(
    r"\s*(?:;|,|\||/|•|·|\s&\s|\s(?:and|und|et|y|e|i|og|och|en|und\s+von|and\s+by)\s)\s*", re.IGNORECASE
)


#: A photographer's credit: the words for photos in the same languages ("Photos by Jane Roe",
#: "Fotos: Max Muster", "Foto von …"): from there on a byline names who took the pictures, not who
#: wrote the article ("By Jane Roe; photos by Max Muster" is Jane Roe's).
PHOTO_WORDS = (
    r"(?:photo(?:graph)?s?|photography|pictures?|images?|fotos?|foto's|fotografie(?:n)?|fotograf[íi]as?|"
    r"bild(?:er)?|photographies?|immagin[ei])"
)
#: A credit: the word and then "by" (in the same languages), a colon or a dash before the name;
#: or the photographer named as such ("Fotografin Anna Roe"); or an agency's ("AP Photo").
#: "Picture Editor" (a role) and "Image Smith" (a name) are neither.
_PHOTO_CREDIT = re.compile(
    rf"^(?:{PHOTO_WORDS}\s*(?:(?:by|von|par|por|di|da|door|de|av|af)\b|[:\-–])|"
    r"(?:photographer|fotograf(?:in)?)\b|\S+\s+photos?$)",
    re.IGNORECASE,
)
#: Where a writer's part starts again after a credit ("Fotos: Max Muster, Text: Jane Roe").
_WRITER_LABEL = re.compile(
    r"^(?:text|texte?|texto|testo|tekst|words|story|reporting|by|von|par|por|door)\b", re.I
)
_WRITING = r"(?:text|texte?|texto|testo|tekst|words|story|reporting)"
#: "Text and photos by Jane Roe", "Photos and text: …", "Tekst og foto: …": the writer took the
#: pictures too.
_TEXT_AND_PHOTOS = re.compile(
    rf"^(?:{_WRITING}\s+(?:and|&|und|et|y|e|en|og|och|i)\s+{PHOTO_WORDS}|"
    rf"{PHOTO_WORDS}\s+(?:and|&|und|et|y|e|en|og|och|i)\s+{_WRITING})\b",
    re.IGNORECASE,
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
#: "Carrie ArnoldNovember 5", "Jeff FoustMonday": a page that sets the byline and its date side by
#: side with no space between them. A month or weekday name (CLDR's wide names, five letters or
#: more, so that "DeMay" stays a name) glued capitalised to a lower-case letter starts the date.
_GLUED_DATE = re.compile(
    r"(?<=[a-zß-ÿ])(?:"
    + "|".join(
        re.escape(n[:1].upper() + n[1:])
        for n in sorted(
            {
                n
                for names in (calendar_names("months", ("wide",)), calendar_names("days", ("wide",)))
                for v in names.values()
                for n in v
            },
            key=len,
            reverse=True,
        )
        if len(n) >= 5
    )
    + r")(?![^\W\d_]).*$"
)
_PARENS = re.compile(r"\s*[(\[][^)\]]*[)\]]")
#: "Tomas Spahn Fr, 18. Oktober 2019": cut before the list is split at its commas.
_SHORT_WEEKDAY_TAIL = re.compile(rf"\s+(?i:{_SHORT_DAYS})[.,]\s*\d.*$")
#: "Jane Roe on Monday, March 5", "Jane Roe am Samstag, 19. Oktober": the word for "on" (a date) in
#: the calendar languages, then a day, a weekday or a month: cut before the running-text test, which
#: would take "on" for prose.
#: A date follows: a day, a weekday and then a comma or a number, or a month and a number ("Sarah Le
#: Mai", "Mohamed El Mayo" are names).
_ON_DATE_TAIL = re.compile(
    rf"\s+(?i:on|am|le|el|il|op|em)\s+(?:\d|(?i:{_WEEKDAYS})\b\.?(?:,|\s*\d)|(?i:{_MONTHS})\b\.?\s*\d).*$"
)
#: "Jane Roe at 10:32 AM", "Jane Roe um 10:32 Uhr", "Jane Roe 3 hours ago": a clock time after the
#: word for "at" (the same languages), or an English "N units ago" (Blogger's and WordPress's footers).
_CLOCK_TAIL = re.compile(
    r"\s+(?:(?i:at|um|à|a\s+las|alle|om|às)\s+\d{1,2}[:.h]\d{2}\b|\d+\s+(?i:(?:second|minute|hour|day|week)s?\s+ago)\b).*$"
)
#: A CMS login written as the byline, "Given.Family" ("Isabella.DiBiase"): two capitalised names.
_DOTTED_HANDLE = re.compile(r"([A-ZÀ-Þ][^\W\d_]+)\.([A-ZÀ-Þ][^\W\d_]+)")


#: Chinese labels before a byline ("author:", "editor:", "reporter:", "text:", "photo:").
_CJK_PREFIX = re.compile(r"^(?:作者|责任编辑|编辑|记者|撰文|文|图)\s*[：:]\s*")
# "Posted on 5 March 2024 by Jane Roe": the name follows the last "by".
_POSTED_BY = re.compile(
    r"^.*?\b(?:posted|published|veröffentlicht|publiziert|geschrieben|erstellt|publié|publicado|pubblicato|"
    r"written|updated|aktualisiert)\b.*?\b(?:by|von|par|por|da|di)\s+(?P<name>.+)$",
    re.IGNORECASE,
)

#: The author rules that go beyond reading a declared name, by name; each stays only while it helps
#: the validation half too (bench/RESULTS.md). ``bench/accuracy.py --ablate NAME`` switches one off.
#: The table is shared with :mod:`.weigh_authors` and :mod:`.byline` (``weigh_authors.AUTHOR_RULES``
#: is this dict); the rules the name filter applies are these:
AUTHOR_RULES = {
    # "on DATE" after a byline is cut ("Jane Roe on Monday, March 5") and a dotted login
    # ("Isabella.DiBiase") read as the two names it joins
    "on-dates": True,
    # a month or weekday glued to the end of a name is the date the page set beside it
    # ("Carrie ArnoldNovember 5, 2019" is Carrie Arnold)
    "glued-dates": True,
    # a photographer's credit ("Photos by Jane Roe", "Foto: Max Muster/Reuters") names no author, and
    # ends the byline it is part of; "Text and photos by Jane Roe" is Jane Roe's
    "photo-credits": True,
    # a byline field with running text in any part (a site description) names nobody
    "running-text": True,
    # a line of the page that reads "By NAME" with no byline markup is a byline candidate (:mod:`.byline`)
    "by-line": True,
    # an element reading "Autor: NAME" (or "Author", "Auteur" ...), or a label element with the name
    # right after it, is a byline candidate (:mod:`.byline`)
    "author-label": True,
    # "Autorin: NAME, Projektleiterin der ...": the role after a labelled name's comma is cut (:mod:`.byline`)
    "label-role": True,
    # "<h4>Autor</h4><p>NAME</p>", "<dt>Author</dt><dd>NAME</dd>": an element that is only the label,
    # with the name in the element after it, is a byline candidate (:mod:`.byline`)
    "label-field": True,
    # a line of the page that reads "Posted by NAME" ("Geschrieben von", "Veröffentlicht am DATE von",
    # "Publié par") with no byline markup is a byline candidate, as "By NAME" is (:mod:`.byline`)
    # (:mod:`.byline`: only below and near the headline, before the body's first long paragraph, not a
    # publisher's, a photo's or a film's credit, no agency, desk or role; ranks below "By NAME")
    "posted-by-line": True,
    # a name the page gives itself is the site, not a person: og:site_name, application-name, the
    # JSON-LD or microdata publisher, and each segment of them ("Infoportal - Diakonie Deutschland"
    # names "Diakonie Deutschland"); a JSON-LD Person keeps it (a personal site named after its owner)
    "site-names": True,
    # an agency's or a paper's whole name (:func:`names_an_agency`: "Reuters", "BBC News", "The
    # Washington Post") is no person's, from any source; a name JSON-LD types Person only when it is an
    # agency's whole name or initials (a surname or a given name may be a paper's word: "Emily Post")
    "agency-names": True,
    # a name with a word for a newsroom's unit ("Sports Desk", "Washington Bureau") is no person's,
    # from any source (:func:`convert.names.names_a_unit`)
    "desk-names": True,
    # "Von Muster, Max": a byline that is one surname, a comma and a given name (initials or a
    # particle may follow) is one name in catalogue order, "Max Muster" (:func:`_inverted`)
    "inverted-names": True,
    # "By Jane Roe, Cape Town": a part after a byline's first name that the page writes as a place
    # ("in Cape Town", the dateline "CAPE TOWN —") is the writer's place, not a co-author
    # (:mod:`.byline_places`; the gazetteer knows no such town)
    "byline-places": True,
    # "Olli Virtanen ja Maija Korhonen": the page's language's word for "and" (CLDR's list patterns,
    # :func:`convert.locale.reading.list_words`) separates names too, beside :data:`_SEPARATORS`
    "list-words": True,
    # a "By NAME" line ends at a line break: "Von Jane Roe und John Doe<br>Kakuma /Kenia" names
    # two, the next line is the dateline's place (:mod:`.byline`)
    "byline-lines": True,
    # a byline element's line breaks separate its parts as a comma would: "Jane Roe<br>John Doe" is
    # two names, "Jane Roe<br>Staff Writer" one (its text runs the lines together) (:mod:`.byline`)
    "byline-breaks": True,
}


@dataclass(slots=True)
class AuthorFilter:
    """Rejects what is not a person's name: site names, dates, links, boilerplate.

    ``publisher`` and ``host`` are the page's own name and domain; an
    "author" equal to either is the site, not a person.
    """

    publisher: str | None = None
    host: str | None = None
    site_names: tuple[str, ...] = ()
    #: The names the page declares for itself (:func:`.site_names.declared_site_names`).
    declared: tuple[str, ...] = ()
    #: The publishers the markup types as an organisation (:func:`.site_names.declared_publishers`):
    #: refused from a byline too.
    publishers: tuple[str, ...] = ()
    #: the page, whose text tells a town from a co-author (:mod:`.byline_places`)
    page: HtmlElement | None = None
    #: the page's language, whose word for "and" joins names too (rule ``list-words``)
    language: str | None = None
    _page_text: str | None = None
    _places: frozenset[str] = frozenset()
    _place_memo: dict[tuple[str, str], bool] = field(default_factory=dict)
    _publisher_key: str = ""
    _host_keys: set[str] = field(default_factory=set)
    _site_keys: set[str] = field(default_factory=set)
    _declared_keys: set[str] = field(default_factory=set)
    _publishers_keys: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self._publishers_keys = {k for k in (_name_key(n) for n in self.publishers) if k}
        self._publisher_key = _name_key(self.publisher or "")
        self._site_keys = {k for k in (_name_key(n) for n in self.site_names) if k}
        self._declared_keys = {k for k in (_name_key(n) for n in self.declared) if k}
        if self.host:
            host = self.host.lower().removeprefix("www.")
            self._host_keys.add(_name_key(host))
            parts = host.split(".")
            if len(parts) >= 2:
                self._host_keys.add(_name_key(parts[-2]))
            self._host_keys.discard("")

    def names(
        self,
        raw: str | None,
        *,
        person: bool = False,
        single_words: bool = True,
        whole: bool = True,
        byline: bool = False,
    ) -> list[str]:
        """The people named in one byline string, in order; ``[]`` if in doubt.

        ``person``: the source says these are people (JSON-LD ``Person``),
        so a name equal to the site's is the site's owner, not the site.
        ``single_words``: accept one-word names ("Heiko"), which bylines
        carry but ``<meta name=author>`` mostly uses for site handles.
        ``whole``: the string is one field, so running text in any part
        (a site description) condemns all of it; trafilatura's joined
        guesses are judged part by part instead.
        ``byline``: the page prints the string as its byline, so a name it
        also gives itself (:attr:`declared`) is its owner's, not the site's.
        """
        text = squash(raw)
        if not text or len(text) > 200 or re.search(r"https?:|www\.|@|\{\{|\}\}|<|>", text, re.IGNORECASE):
            return []
        if has_domain(text):
            return []
        text = _PARENS.sub("", text)
        text = _SHORT_WEEKDAY_TAIL.sub("", text)
        if AUTHOR_RULES["photo-credits"]:
            text = _TEXT_AND_PHOTOS.sub("", text)
        if AUTHOR_RULES["glued-dates"]:
            text = " ".join(_unglued(word) for word in text.split(" "))
        if m := _POSTED_BY.match(text):
            text = m["name"]
        if AUTHOR_RULES["on-dates"]:
            text = _CLOCK_TAIL.sub("", _ON_DATE_TAIL.sub("", text))
        out: list[str] = []
        parts = self._split(text)
        if AUTHOR_RULES["inverted-names"] and (natural := _inverted(text, parts)):
            given = self._given(parts, raw)
            if given is None:
                return []  # "By Roe, Doe", "By Muster, Max": one name or two surnames, unknown
            if given:
                parts = [natural]
        if AUTHOR_RULES["photo-credits"]:
            parts = _without_photo_credits(parts)  # "By Jane Roe; photos by Max Muster/Reuters": Jane Roe
        if whole and AUTHOR_RULES["running-text"] and any(_running_text(part) for part in parts):
            return []  # "Iberische Weine in Berlin - ...": a description, so none of its parts is a byline
        credit = False  # a newsroom's credit came first: what follows is its place, as after a name
        for part in parts:
            if not part.strip():
                continue  # "By Jane Roe,; John Doe": a comma before a line break
            if (out and looks_like_publisher(part)) or (
                (out or credit) and self._is_site(_name_key(part), False)
            ):
                break  # "By Jane Roe, BBC News, New York": after the newsroom comes its place
            if kind := self._a_credit(part, person=person):
                if out and kind == "agency":
                    break  # "By Robert Roe, Hoover Institution": the writer's employer, then its place
                credit = credit or not out
                continue  # "Reuters", "Agencia EFE", "Web Desk": an agency's, a paper's or a desk's credit
            if (out or credit) and _is_place(part):
                continue  # "By Jane Roe, New York": the writer's place, a city or country the gazetteer
                # knows; a co-author may follow ("Markus Haefliger, London, Beat Bumbacher")
            name = self.name(part, person=person, byline=byline)
            if name is None or (not single_words and one_word(name)):
                continue
            if " " not in name and name.islower() and len(name) > 8:
                continue  # "arianschlichenmayer": a login handle, not the name the page prints
            if len(parts) > 1 and " " not in name and name.islower():
                continue  # "posted in news and politics": a lower-case word in a list is not a handle
            if out and AUTHOR_RULES["byline-places"] and self._written_as_place(name, squash(raw)):
                continue  # "By Jane Roe, Cape Town" on a page that writes "in Cape Town"
            if name.casefold() not in {n.casefold() for n in out}:
                out.append(name)
        return out

    def _split(self, text: str) -> list[str]:
        """``text`` split at :data:`_SEPARATORS` and at the page's language's word for "and"."""
        parts = _SEPARATORS.split(text)
        if not AUTHOR_RULES["list-words"] or not self.language:
            return parts
        from ...locale.reading import list_words

        # never a name's particle (Hausa "da": "Luiz Inácio da Silva")
        words = tuple(w for w in list_words(self.language) if w.casefold() not in PARTICLES)
        if not words:
            return parts
        joins = re.compile(rf"\s+(?:{'|'.join(map(re.escape, words))})\s+")
        # a part in a script without capitals ("آخرین اخبار ایران و جهان", a site's motto) stays
        # whole: the name test has no case to go by, and a shorter part is no more a name
        return [piece for part in parts for piece in (joins.split(part) if _cased(part) else [part])]

    def _given(self, parts: list[str], raw: str | None) -> bool | None:
        """Whether a catalogue-order byline's second part (:func:`_inverted`) is a given name: not a
        role ("Von Heiko, Redakteur"), nor a place the page writes as one ("Heiko, Kakuma"); and a
        lone word ("Roe, Doe" may list two surnames) only on a page that writes it before the
        surname ("Max Muster" beside "Muster, Max"): ``None`` when the page does not tell."""
        given, surname = parts[1].strip(), parts[0].strip().rsplit(None, 1)[-1]
        if has_role_word(given) or self._written_as_place(given, squash(raw)):
            return False
        if self.page is None or not _LONE_WORD.fullmatch(given):
            return True
        return (
            re.search(rf"(?<!\w){re.escape(given)}\s+{re.escape(surname)}(?!\w)", self._text()) is not None
            or None
        )

    def _text(self) -> str:
        """The page's text (:func:`.byline_places.page_text`), read once; its declared places too."""
        if self._page_text is None:
            self._page_text = page_text(self.page) if self.page is not None else ""
            self._places = declared_places(self.page) if self.page is not None else frozenset()
        return self._page_text

    def _written_as_place(self, name: str, byline: str) -> bool:
        if self.page is None or not name:
            return False
        text = self._text()
        if name.casefold() in self._places:
            return True
        key = (name, byline)
        if key not in self._place_memo:
            from ...locale.reading import list_words

            joins = list_words(self.language) if self.language else ()
            self._place_memo[key] = written_as_place(text, name, joins=joins, byline=byline)
        return self._place_memo[key]

    def _a_credit(self, part: str, *, person: bool) -> str:
        """What newsroom's credit a byline's part is, if it names no person: ``"agency"``, an agency or
        a paper (:func:`names_an_agency`, rule ``agency-names``; an institution too unless JSON-LD
        types it Person); ``"desk"``, a desk, a newsroom's unit or a role (``desk-names``: "Web Desk",
        "Washington Bureau", "Redaktion", "Staff Writer"); ``""``, neither."""
        text = self._cleaned(part)
        if not text:
            return ""
        if AUTHOR_RULES["agency-names"] and (
            names_an_agency(text, papers=not person) or (not person and names_an_institution(text))
        ):
            return "agency"
        if AUTHOR_RULES["desk-names"] and (
            names_a_unit(text) or names_a_desk(text) or is_role(text) or _a_paper_role(text)
        ):
            return "desk"
        return ""

    def _cleaned(self, raw: str) -> str:
        """One candidate name without what surrounds it on a page: a label, "By", a date, quotes."""
        text = squash(raw)
        text = _CJK_PREFIX.sub("", text)
        for _ in range(2):
            text = PREFIX.sub("", text).strip()
        text = _capitals_only(_DATE_TAIL.sub("", text))
        text = text.strip(" \t-–—:,|·•*~\"'“”‘’«»()[]").lstrip(".")
        if text.endswith(".") and len(text.rsplit(None, 1)[-1]) > 4:
            text = text.rstrip(".")  # "Jane Roe." loses the full stop, "Perry Bacon Jr." keeps it
        if AUTHOR_RULES["on-dates"] and (m := _DOTTED_HANDLE.fullmatch(text)):
            text = f"{m[1]} {m[2]}"
        return text

    def name(self, raw: str, *, person: bool = False, byline: bool = False) -> str | None:
        """One candidate name, cleaned, or ``None`` if it is not plausibly a person (``person``,
        ``byline``: as for :meth:`names`)."""
        text = self._cleaned(raw)
        if not looks_like_name(text, one_word=True):
            return None
        if AUTHOR_RULES["agency-names"] and _holds_an_agency(text):
            return None  # "Tom Roe Associated Press Published": a byline run on into its credit
        if not person and self._is_site(_name_key(text), one_word(text), declared=not byline):
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

    def _is_site(self, key: str, single: bool, *, declared: bool = True) -> bool:
        if not key or key in self._host_keys or (single and key in self._site_keys):
            return True  # title tails name the site ("Headline | Brand") or the author ("... | Jane Roe")
        if AUTHOR_RULES["site-names"] and key in (self._declared_keys if declared else self._publishers_keys):
            return True
        pub = self._publisher_key
        return bool(pub) and (key == pub or (len(pub) > 3 and pub in key))


#: A given name after a catalogue-order comma: a capitalised word, then initials ("F.", "J.R.") or
#: lower-case surname particles ("Jong, Michiel de").
_GIVEN = re.compile(r"[A-ZÀ-Þ][^\W\d_]*\.?(?:[\s-]+(?:[A-ZÀ-Þ]\.)+|\s+[a-zß-ÿ]+)*")


#: A given name that is one capitalised word, no initial, no particle ("Max", "Doe").
_LONE_WORD = re.compile(r"[A-ZÀ-Þ][^\W\d_]+")


def _inverted(text: str, parts: list[str]) -> str | None:
    """A byline that is one name in catalogue order, ``Muster, Max``, in reading order ("Max
    Muster"), the way library records and some CMSs print it (and the bench's ground truth reads it):
    one comma, no other separator, one capitalised word before it and a given name after it, not a
    suffix ("Bacon, Jr.").
    "Jane Roe, John Doe" (two words before), "Heiko, Berlin" (a place) are lists."""
    if len(parts) != 2 or text.count(",") != 1:
        return None
    surname = parts[0]
    for _ in range(2):
        surname = PREFIX.sub("", surname).strip()
    given = parts[1].strip()
    if " " in surname or not _GIVEN.fullmatch(given) or not surname[:1].isupper():
        return None
    if given.split()[0].strip(".").replace(".", "").lower() in SUFFIXES:
        return None  # "Bacon, Jr.", "Roe, PhD": a surname's suffix (nameparser's), not a given name
    if (
        any(_is_place(p) or looks_like_publisher(p) for p in (surname, given))
        or given.casefold() == surname.casefold()
    ):
        return None
    return f"{given} {surname}"


def _cased(text: str) -> bool:
    """Whether ``text`` has a capital letter (a script with case: Latin, Cyrillic, Greek ...)."""
    return any(ch.isupper() for ch in text)


#: What a credit may carry after the agency's name: "Reuters Staff", "Reuters Updated".
_CREDIT_TAIL = re.compile(r"\s+(?i:staff|updated|wire)$")


def names_an_agency(text: str, *, papers: bool = True) -> bool:
    """Whether ``text``, whole (a trailing "Staff" or "Updated" aside), is a news agency's name
    (:func:`convert.locale.agencies.agency_keys`: "Reuters", "Deutsche Presse-Agentur"), its initials
    ("AP", "DPA") or a paper's or a broadcaster's name (:func:`convert.names.names_a_paper`). A word of
    one in a person's name is no credit: "Emily Post", "Michael R. Bloomberg", "Ria Misra". Without
    ``papers`` (a name JSON-LD or microdata types Person) only an agency's whole name or initials are."""
    text = text.strip()
    if text.isupper() and text.isalpha() and 2 <= len(text) <= 6:
        return True  # "AP", "DPA"; not what stays of "SARAH WIRE" without its tail
    if (bare := _CREDIT_TAIL.sub("", text)) != text and not text.isupper() and a_newsrooms_initials(bare):
        return True  # "AP Wire", "CNN Staff"; not "TJ Wire", "SARAH WIRE"
    return agency_key(bare) in agency_keys() or (papers and names_a_paper(bare))


def _holds_an_agency(text: str) -> bool:
    """Whether ``text`` holds an agency's name of two words or more as a run of its words ("Jane Roe
    Associated Press"): a name and its credit with nothing between them (one word of an agency's
    name in a name is a surname: "Michael R. Bloomberg")."""
    words = agency_key(text).split()
    keys = agency_keys()
    return any(
        " ".join(words[i:j]) in keys for i in range(len(words)) for j in range(i + 2, len(words) + 1)
    ) and not names_an_agency(text)


def _a_paper_role(text: str) -> bool:
    """A role of a paper's desk: a role's or title's word after a paper's word (:func:`is_paper_word`),
    with no given name before that ("Herald Reporter", "Online News Editor"; "Sports Editor" is not:
    no paper's word; "Lizzie Post Judge" is a name: a given name, a surname, a surname that is a title)."""
    words = text.split()
    if len(words) < 2 or not is_role(words[-1]):
        return False
    first = next((n for n, w in enumerate(words[:-1]) if is_paper_word(w)), None)
    return first is not None and all(_no_given_name(w) for w in words[:first])


def _no_given_name(word: str) -> bool:
    """Whether a word before a paper's word is no given name: "The", a word the gazetteer knows for a
    common word ("Online"), an initialism, a place."""
    from ...gazetteer import NOT_NAMES

    return (
        word.casefold() == "the" or word in NOT_NAMES or (word.isupper() and len(word) > 2) or _is_place(word)
    )


def _unglued(word: str) -> str:
    """``word`` without a month or weekday glued to its end (``FoustMonday``), unless what stays is a
    name's particle or prefix (``DiMaggio``, ``McAugust``, ``VanAugust``: three letters or fewer)."""
    m = _GLUED_DATE.search(word)
    if m is None or m.start() <= 3 or word[: m.start()].casefold() in PARTICLES:
        return word
    return word[: m.start()]


def _without_photo_credits(parts: list[str]) -> list[str]:
    """A byline's parts without its photographers' credits: each credit, and the parts after it
    until one that a writer's label opens ("Fotos: Max Muster, Text: Jane Roe" is Jane Roe's)."""
    kept: list[str] = []
    credit = False
    for part in parts:
        if _PHOTO_CREDIT.match(part):
            credit = True
        elif not credit or _WRITER_LABEL.match(part):
            credit = False
            kept.append(part)
    return kept


def _capitals_only(text: str) -> str:
    """``GILLIAN MOHNEY March`` -> ``GILLIAN MOHNEY``: a name set in capitals ends where the capitals do."""
    words = text.split()
    lead = 0
    while lead < len(words) and words[lead].isupper() and len(words[lead].strip(".")) > 1:
        lead += 1
    return " ".join(words[:lead]) if lead >= 2 and lead < len(words) else text


def not_a_co_author(name: str) -> bool:
    """Whether a byline's further name (one :meth:`AuthorFilter.names` kept) is no co-author after
    all: a name a capitalised run in prose would not be (a place, an organisation, a common word a
    headline capitalises: "World Cup", "Election Day"). "Nancy Jo Sales" is refused too ("Sales"):
    no maintained list of given names and surnames tells her from a section's label."""
    return not looks_like_name(name, prose=True)


def running_text(part: str) -> bool:
    """Whether a byline's part is running text, not a name (:func:`_running_text`)."""
    return _running_text(part)


def _running_text(part: str) -> bool:
    """A byline part of three or more words with a lower-case word in it that no name has."""
    words = squash(_PARENS.sub("", part)).split()
    return len(words) >= 3 and any(
        w[0].islower() and w not in PARTICLES and w.isalpha() and not PREFIX.fullmatch(w + " ") for w in words
    )
