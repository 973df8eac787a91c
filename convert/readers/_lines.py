"""One line of text cleaned as every reader that reads lines cleans it (plain text, the Markdown byline)."""

from __future__ import annotations

from .._regex import compiled

_SPACE_RUN = compiled(r"[ \t\u00a0\u2007\u202f\u2000-\u200a\u3000]+")


def clean(text: str) -> str:
    """Spaces of every kind (no-break included) collapsed to one, ends trimmed."""
    return _SPACE_RUN.sub(" ", text).strip()
