"""Whether a page writes a byline's part as a place: the evidence for "By Jane Roe, Cape Town".

A byline's part after a comma is a co-author or the writer's place. The gazetteer
(:mod:`convert.gazetteer`) knows countries, regions, capitals and CLDR's zone cities, not every town
("Cape Town", "Tel Aviv", "Bad Homburg"); a bigger list of towns would refuse people's names that
towns share. The page itself tells: an article from Cape Town writes "in Cape Town" or opens with
the dateline "CAPE TOWN —", or its markup declares the place (schema.org's ``dateline`` and
``contentLocation``, ``<meta name="geo.placename">``), and no article writes its co-author so.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement

from .jsonld import jsonld_objects, ld_text
from .metatags import meta_tags

#: Where markup gives the article's place: schema.org's CreativeWork ``contentLocation``,
#: ``locationCreated`` and ``spatialCoverage``, NewsArticle's ``dateline`` (a Place or text), and
#: the geo tags' and Open Graph's ``<meta>``.
_LD_PLACE_KEYS = ("dateline", "contentLocation", "locationCreated", "spatialCoverage")
_META_PLACE_KEYS = ("geo.placename", "og:locality", "place:location:locality")

#: The prepositions of place before a town, in English and the HTML reader's calendar languages
#: (:data:`convert.dates.CALENDAR_LANGUAGES`; Wiktionary's translations of "in", "near"): grammar,
#: the same on every page of a language. Left out are those that stand before a person as often: a
#: language's "and" or "by" (Dutch and Spanish "en", Italian and Spanish "a", "de", "di", "da",
#: "von"), and "from", "to", "with", "at" ("a letter from John Doe", French "merci à", German "bei
#: Max Muster nachgefragt", "nach Max Weber"); and on a page whose language joins a list with one
#: of them (Slovenian "in" is "and": :func:`convert.locale.reading.list_words`), that one.
_PLACE_PREPOSITIONS = ("in", "im", "near", "aus", "em", "nel", "nella", "dans")
#: What follows a place after its preposition: the sentence goes on in lower case, ends, or a
#: comma and a region follow ("in Cape Town on Monday", "in Cape Town.", "in Cape Town, South
#: Africa"). A further capitalised word ("in Sydney Smith Street"), a list word ("in John Doe and
#: colleagues", tested against the page's list words too) or a comma and lower case ("aus Max
#: Muster, einem Buch") say the name is part of something else.
_AFTER_PLACE = re.compile(r" *(?:$|\n|[.;:!?)\]]|,\s*[A-ZÀ-Þ]|(?P<word>[a-zß-ÿ][\w]*))")
_PRECEDING = re.compile(r"(?<![\w-])(\w+) +$")
_LIST_WORDS = frozenset({"and", "und", "et", "y", "e", "i", "og", "och", "en", "or", "oder", "ou", "o"})
#: A dateline after a place in capitals at the start of a block: a comma and a region, a news
#: agency in parentheses, a dash; then the lead, a capitalised sentence of four words or more
#: ("CAPE TOWN, South Africa (Reuters) — The council met ..."), not a credit ("JOHN DOE – Staff
#: photographer", "JOHN DOE — Photo editor.", "JOHN DOE - the photographer - took the picture").
_DATELINE_TAIL = re.compile(
    r" *(?:,[^—–\-,\n]{1,30})?(?:\([^)\n]{1,30}\))? *(?:—|–|-|--) +[“\"‘']?[A-ZÀ-Þ][^\s.!?]*(?: +[^\s.!?—–]+){3}"
)
#: The elements that start a new block of text (a dateline opens one).
_BLOCKS = frozenset(
    "p div h1 h2 h3 h4 h5 h6 li dt dd td th figcaption blockquote section article header footer "
    "aside main nav pre br address table tr ul ol figure".split()
)
_UNSEEN = frozenset({"script", "style", "noscript", "template"})


def written_as_place(text: str, name: str, *, joins: tuple[str, ...] = (), byline: str = "") -> bool:
    """Whether ``text`` (:func:`page_text`: a page's text, one block a line) writes ``name`` as a
    place: after a preposition of place and before what ends a place (:data:`_AFTER_PLACE`: "in Cape
    Town", "aus Bad Homburg"; not "in Jane Roe's book", "in John Doe and colleagues"); or in capitals
    at a block's start before a dateline's dash and its lead ("TEL AVIV (Reuters) — The ..."), which
    a name set in capitals in a byline or a credit does not show. ``joins``: the page language's
    list words, neither a preposition nor a place's end ("Jana Novak in Marko Kovač" in Slovenian);
    ``byline``: the byline's own text, left out of the search. "Bad Homburg (dpa) –" is not enough: a
    byline reads "Max Muster (dpa) –" as well."""
    skip = _spans(text, byline) if byline else []
    prepositions = {p for p in _PLACE_PREPOSITIONS if p not in joins}
    ends = _LIST_WORDS | set(joins)
    for at in _hits(text, name, skip):
        window = text[max(0, at - 24) : at]
        word = _PRECEDING.search(window)
        if word is None or (word.start() == 0 and at > 24) or word[1].lower() not in prepositions:
            continue
        after = _AFTER_PLACE.match(text, at + len(name))
        if after is not None and (after["word"] is None or after["word"] not in ends):
            return True
    if name.isupper():
        return False
    caps = name.upper()
    for at in _hits(text, caps, skip):
        if text[:at].rstrip(" ")[-1:] in ("", "\n") and _DATELINE_TAIL.match(text, at + len(caps)):
            return True
    return False


def _hits(text: str, name: str, skip: list[tuple[int, int]]) -> list[int]:
    """Where ``name`` stands in ``text`` as whole words (str.find: a page may be a megabyte), outside
    the spans in ``skip``."""
    out: list[int] = []
    at = text.find(name) if name else -1
    while at >= 0:
        end = at + len(name)
        whole = (at == 0 or not (text[at - 1].isalnum() or text[at - 1] in "-_")) and (
            end == len(text) or not (text[end].isalnum() or text[end] in "-_'’")
        )
        if whole and not any(a <= at < b for a, b in skip):
            out.append(at)
        at = text.find(name, end)
    return out


def _spans(text: str, part: str) -> list[tuple[int, int]]:
    spans = []
    at = text.find(part)
    while at >= 0:
        spans.append((at, at + len(part)))
        at = text.find(part, at + len(part))
    return spans


def declared_places(tree: HtmlElement) -> frozenset[str]:
    """The places the page's markup gives the article (:data:`_LD_PLACE_KEYS`,
    :data:`_META_PLACE_KEYS`), each comma part of each, case-folded: "TEL AVIV, Israel" gives
    "tel aviv" and "israel"."""
    values = [v for key in _META_PLACE_KEYS for v in meta_tags(tree).get(key, ())]
    for obj in jsonld_objects(tree):
        values.extend(v for key in _LD_PLACE_KEYS if (v := ld_text(obj.get(key))))
    return frozenset(part.strip(" .").casefold() for v in values for part in v.split(",") if part.strip(" ."))


def page_text(tree: HtmlElement) -> str:
    """The text of the page's ``<body>``, one block (:data:`_BLOCKS`) a line, spaces squashed;
    scripts and styles left out."""
    body = tree.find("body")
    if body is None:
        return ""
    parts: list[str] = []
    for event, el in etree.iterwalk(body, events=("start", "end")):
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            if tag in _BLOCKS:
                parts.append("\n")
            if tag not in _UNSEEN:
                parts.append(el.text or "")
        else:
            if tag in _BLOCKS:
                parts.append("\n")
            if el is not body:
                parts.append(el.tail or "")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)
