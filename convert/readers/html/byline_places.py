"""Whether a page writes a byline's part as a place: the evidence for "By Jane Roe, Cape Town".

A byline's part after a comma is a co-author or the writer's place. The gazetteer
(:mod:`convert.gazetteer`) knows countries, regions, capitals and CLDR's zone cities, not every town
("Cape Town", "Tel Aviv", "Bad Homburg"); a bigger list of towns would refuse people's names that
towns share. The page itself tells: an article from Cape Town writes "in Cape Town" or opens with
the dateline "CAPE TOWN —", and no article writes its co-author so.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from .text import reader_text

#: The prepositions of place before a town, in English and the HTML reader's calendar languages
#: (:data:`convert.dates.CALENDAR_LANGUAGES`; Wiktionary's translations of "in", "from", "near"):
#: grammar, the same on every page of a language. Left out are those that are also a language's
#: "and" or "by" (Dutch and Spanish "en", Italian and Spanish "a", "de", "di", "da", "von"), which
#: stand before a co-author's name as often.
_PLACE_PREPOSITIONS = r"(?i:in|im|from|near|aus|nach|bei|à|em|nel|nella|dans)"
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


def page_text(tree: HtmlElement) -> str:
    """The text of the page a reader sees (:func:`~.text.reader_text`)."""
    return reader_text(tree)
