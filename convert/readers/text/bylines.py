"""Bylines: ``By Jane Doe, Reuters``, publishers, roles and wire sign-offs.

Whether a part of a byline is a person's name, a role or a publisher is
:mod:`convert.names`' to say (:func:`~convert.names.looks_like_name`,
:func:`~convert.names.is_role`, :func:`~convert.names.looks_like_publisher`).
"""

from __future__ import annotations

import re

from ..._regex import compiled
from ...cache import dataclass
from ...names import is_role, looks_like_name, looks_like_publisher, names_a_desk
from .blocks import clean


@dataclass(frozen=True, slots=True)
class Byline:
    """What a ``By ...`` line says: people, their role, the publisher."""

    names: tuple[str, ...] = ()
    role: str | None = None
    publisher: str | None = None


_BY = compiled(r"(?:(?:story|words|text|reporting|written)\s+)?by\b\s*:?\s*(?P<rest>\S.*)", re.I)
_BYLINE_SEP = compiled(r"\s*[,;]\s*|\s+[-–—/]\s+")
_AND = compiled(r"\s+(?:and|&)\s+", re.I)


def tidy_name(name: str) -> str:
    """A name in capitals (``JANE DOE``) in title case; others as typed."""
    name = clean(name)
    return name.title() if name.isupper() else name


#: Wire services that close a story with their name alone on the last line.
_SIGN_OFFS = {
    "reuter": "Reuters", "reuters": "Reuters", "ap": "AP", "afp": "AFP", "upi": "UPI", "dpa": "dpa",
    "efe": "EFE", "ansa": "ANSA", "tass": "TASS", "xinhua": "Xinhua", "kyodo": "Kyodo", "yonhap": "Yonhap",
}  # fmt: skip


def find_signoff(text: str) -> str | None:
    """The agency of a closing ``Reuter`` / ``(AP)`` / ``-- AFP`` line, else ``None``."""
    key = text.strip().strip("()[]-–—. ").lower()
    return _SIGN_OFFS.get(key) if len(key) <= 8 else None


def find_byline(line: str) -> Byline | None:
    """Parse ``By Jane Doe, Reuters`` / ``By JANE DOE and John Roe, Staff Writers``.

    ``None`` unless the line starts with "By" and its first part names people,
    a publisher or a staff role ("By Staff" is a byline with no author;
    "By the numbers" is not a byline). A byline in the words of a language
    Broadsheet has a catalogue for (``Par Jean Dupont et Marie Curie``,
    ``بقلم …``, ``Автор: …``, ``作者：…``; :func:`convert.locale.text.read_byline`)
    names people only, joined as that language joins a list (CLDR).
    """
    line = clean(line)
    if len(line) > 150:
        return None
    m = _BY.fullmatch(line)
    if m is None:
        return _translated_byline(line)
    names: list[str] = []
    role = publisher = None
    for n, part in enumerate(_BYLINE_SEP.split(m.group("rest").rstrip(" ."))):
        if not part:
            continue
        people = _AND.split(part)
        if looks_like_publisher(part):
            publisher = publisher or compiled(r"\s+(?:staff|reporters?|writers?)$", re.I).sub("", part)
        elif all(looks_like_name(p) for p in people):
            names.extend(tidy_name(p) for p in people)
        elif len(part.split()) <= 5 and (is_role(part) or names_a_desk(part)):
            role = role or part
        elif n == 0 or len(part.split()) > 4:
            return None
        # else a short trailing part, such as a place ("in Moscow"): dropped.
    return Byline(tuple(dict.fromkeys(names)), role if names else None, publisher)


def _translated_byline(line: str) -> Byline | None:
    """A byline in a catalogue language's own words whose names all look like names, else ``None``."""
    if not line or line[0].isdigit():
        return None
    from ...locale.reading import list_separators, read_byline

    found = read_byline(line)
    if found is None:
        return None
    lang, rest = found
    rest = rest.rstrip(" .")
    people = [p for p in list_separators(lang).split(rest) if p]
    if not (people and all(looks_like_name(p) for p in people)):
        people = [rest]  # a name holding a list word ("和田"): whole, or no byline
        if not looks_like_name(rest):
            return None
    return Byline(tuple(dict.fromkeys(tidy_name(p) for p in people)))
