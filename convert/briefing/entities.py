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
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import gazetteer as gz
from ..gazetteer import NOT_NAMES, ORG_WORDS, ORGANISATIONS

if TYPE_CHECKING:
    from ..quotes import PersonIndex

_ORG_RUN = re.compile(
    r"(?:[A-Z][\w&’'-]*\s(?:of\s(?:the\s)?)?){1,4}(?:"
    + "|".join(sorted(ORG_WORDS, key=len, reverse=True)).replace(".", r"\.")
    + r")\b"
)


# "Bank of England", "University of Tokyo": an organisation word, "of", capitalised words
_ORG_OF = re.compile(
    r"(?:[A-Z][\w&’'-]*\s){0,2}(?:"
    + "|".join(sorted(ORG_WORDS, key=len, reverse=True)).replace(".", r"\.")
    + r")\sof\s(?:the\s)?[A-Z][\w’'-]*(?:\s(?:of\s(?:the\s)?)?[A-Z][\w’'-]*){0,5}"
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
    # a surname alone when one person has it, else the full name; one pass over the text for all
    forms: dict[str, str] = {}
    for name in index.names:
        surname = name.split()[-1]
        forms.setdefault(surname if len(index.by_surname.get(surname, ())) == 1 else name, name)
    if not forms:
        return []
    alts = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    found = [forms[m.group(0)] for m in re.finditer(rf"(?<![\w-])(?:{alts})(?![\w-])", text)]
    return _ranked(_tally(found), "person", limit)


def sole_person(index: PersonIndex) -> Callable[[str], str | None]:
    """A function naming the one person a text mentions (by surname), or ``None`` for none or several."""

    def find(text: str) -> str | None:
        found = {n for n in index.names if _mentions(text, n, index)}
        return next(iter(found)).split()[-1] if len(found) == 1 else None

    return find


def _mentions(text: str, name: str, index: PersonIndex) -> bool:
    surname = name.split()[-1]
    pattern = surname if len(index.by_surname.get(surname, ())) == 1 else name
    return re.search(rf"(?<![\w-]){re.escape(pattern)}(?![\w-])", text) is not None


def places(text: str, limit: int = 12, index: PersonIndex | None = None) -> list[Entity]:
    """Places from the gazetteer; a word of a known person's name is not one ("Lewis Hamilton")."""
    taken = {w for n in index.names for w in n.split()} if index is not None else set()
    names = [
        gz.ALIASES.get(m.group(0), m.group(0))
        for m in _gazetteer_pattern(gz.PLACES).finditer(text)
        if m.group(0) not in taken
    ]
    return _ranked(_tally(names), "place", limit)


def organisations(text: str, limit: int = 12) -> list[Entity]:
    hits: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for m in _gazetteer_pattern(ORGANISATIONS).finditer(text):
        hits.append((m.start(), m.group(0)))
        spans.append((m.start(), m.end()))
    runs = [(m, True) for m in _ORG_OF.finditer(text)] + [(m, False) for m in _ORG_RUN.finditer(text)]
    for m, of in runs:
        name = m.group(0)
        first = name.split()[0]
        while first in NOT_NAMES and len(name.split()) > 2 and not (of and first in ORG_WORDS):
            name = name.split(" ", 1)[1]
            first = name.split()[0]
        if (
            (first in NOT_NAMES and not (of and first in ORG_WORDS))
            or name in gz.PLACES
            or any(a <= m.start() < b or a < m.end() <= b for a, b in spans)
        ):
            continue
        hits.append((m.start(), name))
        spans.append((m.start(), m.end()))
    return _ranked(_tally([n for _, n in sorted(hits)]), "organisation", limit)
