"""One line of text cleaned as every reader that reads lines cleans it (plain text, the Markdown byline)."""

from __future__ import annotations

from .._regex import compiled

#: Every character ``str.split()`` splits at (``str.isspace``: no-break, ideographic, ``\x0b``,
#: ``\u1680`` ... too), as the ``" ".join(text.split())`` this replaced did.
_SPACE_RUN = compiled(r"\s+")


def clean(text: str) -> str:
    """Spaces of every kind (no-break included) collapsed to one, ends trimmed."""
    return _SPACE_RUN.sub(" ", text).strip()
