"""Where a byline's text stops: a role written after its names, a line of running text, a list
that runs on from one line into the next (:mod:`.byline` reads a byline's lines with these)."""

from __future__ import annotations

import re

from .names import _SEPARATORS, running_text


def without_role(text: str) -> str:
    """A labelled byline without the role written after its names: "Uta Roe, Projektleiterin der HSS
    in Tunesien" gives "Uta Roe", "Jane Roe, John Doe, head of the unit" gives "Jane Roe, John Doe";
    a list of names ("Jane Roe, John Doe and Mary Major") stays whole. The role is the first part after
    a comma that reads as running text, each of its names (split as a byline is) tested alone."""
    parts = text.split(",")
    for n in range(1, len(parts)):
        if any(running_text(name) for name in _SEPARATORS.split(parts[n])):
            return ",".join(parts[:n]).rstrip()
    return text


def running_line(line: str) -> bool:
    """Whether a byline's line is running text: a part of it between separators is
    ("John Doe and Max Muster" is two names, "Mehr von diesem Autor" running text)."""
    return any(running_text(part) for part in _SEPARATORS.split(line))


#: A line that a list goes on from (a separator or "and" at its end) or on with (at its start):
#: "By Jane Roe,<br>John Doe and Max Muster", "By Jane Roe<br>and John Doe".
_LIST_GOES_ON = re.compile(r"(?:[,;&|/]|\s(?:and|und|et|y|e|i|og|och|en))$", re.IGNORECASE)
_LIST_GOES_ON_FROM = re.compile(r"^(?:[,;&|/]|(?:and|und|et|y|e|i|og|och|en)\s)", re.IGNORECASE)


def list_goes_on(line: str, following: str) -> bool:
    """Whether a byline's list runs on from ``line`` into the ``following`` line (:data:`_LIST_GOES_ON`)."""
    return bool(_LIST_GOES_ON.search(line.rstrip()) or _LIST_GOES_ON_FROM.match(following.lstrip()))
