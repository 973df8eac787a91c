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

from lxml.html import HtmlElement

from .jsonld import jsonld_objects, ld_text
from .metatags import meta_tags
from .text import reader_text

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
#: Max Muster nachgefragt", "nach Max Weber").
_PLACE_PREPOSITIONS = r"(?i:in|im|near|aus|em|nel|nella|dans)"
#: What follows a dateline's place: a comma and a region, a news agency in parentheses, a dash.
_DATELINE_TAIL = r"\s*(?:,[^—–\-,]{1,30})?(?:\([^)]{1,30}\))?\s*(?:—|–|-|--)\s"


def written_as_place(text: str, name: str) -> bool:
    """Whether ``text`` (a page's reader text) writes ``name`` as a place: after a preposition of
    place ("in Cape Town", "aus Bad Homburg"), not as a possessive ("in Jane Roe's book"); or in
    capitals before a dateline's dash ("TEL AVIV (Reuters) —"), which a name set in capitals in the
    byline itself does not show (it might be the byline), nor one after a comma, "by" or a word in
    capitals ("BY JANE ROE, JOHN DOE - MARCH 5", "By JOHN DOE -" are bylines). "Bad Homburg (dpa) –" is not enough: a
    byline reads "Max Muster (dpa) –" as well."""
    escaped = re.escape(name)
    if re.search(rf"(?<![\w-]){_PLACE_PREPOSITIONS}\s+{escaped}(?![\w'’-])", text):
        return True
    return not name.isupper() and bool(
        re.search(
            rf"(?<![\w-])(?<![,&]\s)(?<![A-Z]\s)(?<!\b[Bb][Yy]\s){re.escape(name.upper())}{_DATELINE_TAIL}",
            text,
        )
    )


def declared_places(tree: HtmlElement) -> frozenset[str]:
    """The places the page's markup gives the article (:data:`_LD_PLACE_KEYS`,
    :data:`_META_PLACE_KEYS`), each comma part of each, case-folded: "TEL AVIV, Israel" gives
    "tel aviv" and "israel"."""
    values = [v for key in _META_PLACE_KEYS for v in meta_tags(tree).get(key, ())]
    for obj in jsonld_objects(tree):
        values.extend(v for key in _LD_PLACE_KEYS if (v := ld_text(obj.get(key))))
    return frozenset(part.strip(" .").casefold() for v in values for part in v.split(",") if part.strip(" ."))


def page_text(tree: HtmlElement) -> str:
    """The text of the page a reader sees (:func:`~.text.reader_text`)."""
    return reader_text(tree)
