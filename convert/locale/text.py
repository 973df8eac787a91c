"""What Broadsheet prints itself: dates, quotation marks and labels, per language."""

from __future__ import annotations

# SKELETON: the locale-text work replaces these with Babel (CLDR) and gettext catalogues.


def display_date(iso: str | None, tag: str | None) -> str | None:
    """The one displayed form of an ISO 8601 date or date-time in the article's language."""
    from ..exporters._shared import human_date

    return human_date(iso, tag)


def quote_marks(tag: str | None, depth: int = 0) -> tuple[str, str]:
    """Opening and closing marks for a quotation ``depth`` levels deep (CLDR)."""
    from ..exporters._shared import quote_marks as _qm

    return _qm(tag, depth)


def label(key: str, tag: str | None) -> str:
    """A word Broadsheet prints itself (``"Notes"``, ``"Contents"``, …), translated."""
    return key


def byline(names: list[str], tag: str | None) -> str | None:
    """``By A``, ``By A and B``, ``By A, B and C``, in the article's language."""
    if not names:
        return None
    if len(names) == 1:
        return f"By {names[0]}"
    return "By " + ", ".join(names[:-1]) + " and " + names[-1]
