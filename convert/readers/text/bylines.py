"""Bylines: ``By Jane Doe, Reuters``, publishers, roles and wire sign-offs.

Whether a part of a byline is a person's name is :func:`convert.names.looks_like_name`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...names import looks_like_name
from .blocks import clean


@dataclass(frozen=True, slots=True)
class Byline:
    """What a ``By ...`` line says: people, their role, the publisher."""

    names: tuple[str, ...] = ()
    role: str | None = None
    publisher: str | None = None


_BY = re.compile(r"(?:(?:story|words|text|reporting|written)\s+)?by\b\s*:?\s*(?P<rest>\S.*)", re.I)
_BYLINE_SEP = re.compile(r"\s*[,;]\s*|\s+[-–—/]\s+")
_AND = re.compile(r"\s+(?:and|&)\s+", re.I)
_ROLE_WORDS = frozenset(
    "staff writer writers reporter reporters correspondent correspondents editor editors columnist "
    "contributor contributors contributing analyst chief bureau producer researcher fellow professor "
    "director special senior political economics foreign diplomatic desk team agencies".split()
)
_PUBLISHER_WORDS = frozenset(
    "reuters bloomberg afp ap upi tass ria interfax xinhua bbc cnn associated press agence france-presse "
    "times post news journal herald tribune telegraph guardian gazette chronicle daily magazine media "
    "network agency wire service dpa efe ansa kyodo yonhap anadolu irna".split()
)


def tidy_name(name: str) -> str:
    """A name in capitals (``JANE DOE``) in title case; others as typed."""
    name = clean(name)
    return name.title() if name.isupper() else name


def looks_like_publisher(text: str) -> bool:
    """A news organisation: a wire acronym (``AP``), a known name, or a site."""
    words = [w.strip(".,()").lower() for w in text.split()]
    if not 1 <= len(words) <= 6 or not text[:1].isupper():
        return False
    if text.isupper() and text.isalpha() and 2 <= len(text) <= 6:
        return True
    if re.fullmatch(r"[\w\-]+\.(?:com|org|net|co\.uk|ru|ir|news)", text, re.I):
        return True
    return any(w in _PUBLISHER_WORDS for w in words)


#: Wire services that close a story with their name alone on the last line.
_SIGN_OFFS = {
    "reuter": "Reuters", "reuters": "Reuters", "ap": "AP", "afp": "AFP", "upi": "UPI", "dpa": "dpa",
    "efe": "EFE", "ansa": "ANSA", "tass": "TASS", "xinhua": "Xinhua", "kyodo": "Kyodo", "yonhap": "Yonhap",
}  # fmt: skip


def find_signoff(text: str) -> str | None:
    """The agency of a closing ``Reuter`` / ``(AP)`` / ``-- AFP`` line, else ``None``."""
    key = text.strip().strip("()[]-–—. ").lower()
    return _SIGN_OFFS.get(key) if len(key) <= 8 else None


def looks_like_role(text: str) -> bool:
    """A job title or desk (``Staff Writer``, ``Moscow Bureau Chief``)."""
    words = text.lower().split()
    return 1 <= len(words) <= 5 and any(w in _ROLE_WORDS for w in words)


def find_byline(line: str) -> Byline | None:
    """Parse ``By Jane Doe, Reuters`` / ``By JANE DOE and John Roe, Staff Writers``.

    ``None`` unless the line starts with "By" and its first part names people,
    a publisher or a staff role ("By Staff" is a byline with no author;
    "By the numbers" is not a byline).
    """
    line = clean(line)
    m = _BY.fullmatch(line) if len(line) <= 150 else None
    if m is None:
        return None
    names: list[str] = []
    role = publisher = None
    for n, part in enumerate(_BYLINE_SEP.split(m.group("rest").rstrip(" ."))):
        if not part:
            continue
        people = _AND.split(part)
        if looks_like_publisher(part):
            publisher = publisher or re.sub(r"\s+(?:staff|reporters?|writers?)$", "", part, flags=re.I)
        elif all(looks_like_name(p) for p in people):
            names.extend(tidy_name(p) for p in people)
        elif looks_like_role(part):
            role = role or part
        elif n == 0 or len(part.split()) > 4:
            return None
        # else a short trailing part, such as a place ("in Moscow"): dropped.
    return Byline(tuple(dict.fromkeys(names)), role if names else None, publisher)
