"""People, places and organisations an article mentions, most frequent first.

People come from the quote pass's :class:`~convert.quotes.PersonIndex`
(full names with evidence: a title, a first name we know, "Mr X"); a later
bare surname counts as a mention of the full name. Places and organisations
come from the built-in gazetteers, plus capitalised runs that end with an
organisation word ("Monument Securities", "Cabinet Office").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .gazetteer import NOT_NAMES, ORG_WORDS, ORGANISATIONS, PLACES

if TYPE_CHECKING:
    from ..quotes import PersonIndex

ALIASES = {
    "Russian Federation": "Russia",
    "US": "United States",
    "USA": "United States",
    "U.S.": "United States",
    "UK": "United Kingdom",
    "U.K.": "United Kingdom",
    "Kiev": "Kyiv",
    "Tories": "Conservatives",
    "Tory": "Conservatives",
    "Lib Dem": "Liberal Democrats",
    "Lib Dems": "Liberal Democrats",
    "United Nations": "UN",
}
_ORG_RUN = re.compile(
    r"(?:[A-Z][\w&’'-]*\s(?:of\s(?:the\s)?)?){1,4}(?:"
    + "|".join(sorted(ORG_WORDS, key=len, reverse=True)).replace(".", r"\.")
    + r")\b"
)


@dataclass(frozen=True, slots=True)
class Entity:
    name: str
    kind: str  # "person", "place", "organisation"
    count: int


@functools.cache
def _gazetteer_pattern(words: frozenset[str]) -> re.Pattern[str]:
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")


def _tally(names: list[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for n in names:
        counts[n] = counts.get(n, 0) + 1
    return counts


def _ranked(counts: dict[str, int], kind: str, limit: int) -> list[Entity]:
    order = list(counts)
    ranked = sorted(order, key=lambda n: (-counts[n], order.index(n)))
    return [Entity(n, kind, counts[n]) for n in ranked[:limit]]


def people(text: str, index: PersonIndex | None = None, limit: int = 12) -> list[Entity]:
    if index is None:
        from ..quotes import PersonIndex

        index = PersonIndex.build(text)
    found: list[tuple[int, str]] = []
    for name in index.names:
        surname = name.split()[-1]
        owners = index.by_surname.get(surname, set())
        pattern = re.escape(surname) if len(owners) == 1 else re.escape(name)
        found += [(m.start(), name) for m in re.finditer(rf"(?<![\w-]){pattern}(?![\w-])", text)]
    return _ranked(_tally([n for _, n in sorted(found)]), "person", limit)


def places(text: str, limit: int = 12) -> list[Entity]:
    names = [ALIASES.get(m.group(0), m.group(0)) for m in _gazetteer_pattern(PLACES).finditer(text)]
    return _ranked(_tally(names), "place", limit)


def organisations(text: str, limit: int = 12) -> list[Entity]:
    hits: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for m in _gazetteer_pattern(ORGANISATIONS).finditer(text):
        hits.append((m.start(), ALIASES.get(m.group(0), m.group(0))))
        spans.append((m.start(), m.end()))
    for m in _ORG_RUN.finditer(text):
        name = m.group(0)
        first = name.split()[0]
        while first in NOT_NAMES and len(name.split()) > 2:
            name = name.split(" ", 1)[1]
            first = name.split()[0]
        if (
            first in NOT_NAMES
            or name in PLACES
            or any(a <= m.start() < b or a < m.end() <= b for a, b in spans)
        ):
            continue
        hits.append((m.start(), name))
    return _ranked(_tally([n for _, n in sorted(hits)]), "organisation", limit)
