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
from collections.abc import Callable, Iterator
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


#: Where a name from a word list may end: before a character that is neither a word character nor "-".
_NAME_END = re.compile(r"[^\w-]")


class _WordList:
    r"""Whole-word occurrences of a word list's entries, leftmost first, the longest at each place.

    What ``(?<![\w-])(?:longest|...|short)(?![\w-])`` finds, by set
    lookups: such an alternation of 1,600 place names tried every branch at
    every capital letter (3 s on an 800 KB input). Here a name is extended
    one boundary at a time ("Bosnia", "Bosnia and", "Bosnia and Herzegovina")
    while what it has read begins some entry.
    """

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        prefixes = set(words)
        for word in words:
            prefixes.update(word[: m.start()] for m in _NAME_END.finditer(word))
        self.prefixes = frozenset(prefixes)
        initials = "".join(sorted({w[0] for w in words if w}))
        self._starts = re.compile(rf"(?<![\w-])[{re.escape(initials)}]") if initials else None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """``(start, end, name)`` for each occurrence, not overlapping."""
        if self._starts is None:
            return
        done = 0
        for m in self._starts.finditer(text):
            start = m.start()
            if start < done:
                continue
            found = None
            pos = start + 1
            while True:
                boundary = _NAME_END.search(text, pos)
                end = boundary.start() if boundary is not None else len(text)
                piece = text[start:end]
                if piece in self.words:
                    found = end
                if boundary is None or piece not in self.prefixes:
                    break
                pos = end + 1
            if found is not None:
                yield start, found, text[start:found]
                done = found


@functools.cache
def _word_list(words: frozenset[str]) -> _WordList:
    return _WordList(words)


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
    # Each name's pattern is compiled once; a substring test rules most names out before the regex
    # (asked for every "He ..." sentence, with hundreds of names on a long input).
    patterns = [(n, form, _mention_pattern(form)) for n in index.names for form in [_mention_form(n, index)]]

    def find(text: str) -> str | None:
        found = {n for n, form, pattern in patterns if form in text and pattern.search(text)}
        return next(iter(found)).split()[-1] if len(found) == 1 else None

    return find


def _mention_form(name: str, index: PersonIndex) -> str:
    """The surname when one person has it, else the full name."""
    surname = name.split()[-1]
    return surname if len(index.by_surname.get(surname, ())) == 1 else name


@functools.lru_cache(maxsize=4096)
def _mention_pattern(form: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(form)}(?![\w-])")


def places(text: str, limit: int = 12, index: PersonIndex | None = None) -> list[Entity]:
    """Places from the gazetteer; a word of a known person's name is not one ("Lewis Hamilton")."""
    taken = {w for n in index.names for w in n.split()} if index is not None else set()
    names = [
        gz.ALIASES.get(name, name) for _, _, name in _word_list(gz.PLACES).finditer(text) if name not in taken
    ]
    return _ranked(_tally(names), "place", limit)


def organisations(text: str, limit: int = 12) -> list[Entity]:
    hits: list[tuple[int, str]] = []
    spans: list[tuple[int, int]] = []
    for start, end, name in _word_list(ORGANISATIONS).finditer(text):
        hits.append((start, name))
        spans.append((start, end))
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
