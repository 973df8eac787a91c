"""Writing direction, script and display width."""

from __future__ import annotations

import textwrap

from .language import primary

# SKELETON: the direction/script work replaces these with CLDR data.
_RTL = frozenset({"ar", "arc", "ckb", "dv", "fa", "he", "ks", "ps", "sd", "ug", "ur", "yi"})


def is_rtl(tag: str | None) -> bool:
    """Whether the language is written right to left."""
    return primary(tag) in _RTL


def direction(tag: str | None) -> str:
    """``"rtl"`` or ``"ltr"``."""
    return "rtl" if is_rtl(tag) else "ltr"


def script_of(tag: str | None, text: str | None = None) -> str | None:
    """The ISO 15924 script code (``Latn``, ``Arab``, ``Hans`` …) of the language or text, or ``None``."""
    return None


def display_width(text: str) -> int:
    """Columns the text takes in a terminal (East Asian wide characters count two)."""
    return len(text)


def wrap(text: str, width: int, *, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """Lines of at most ``width`` display columns."""
    return textwrap.wrap(text, width, initial_indent=initial_indent, subsequent_indent=subsequent_indent)


def reading_minutes(text: str, tag: str | None = None) -> int:
    """Minutes to read ``text`` (characters count where words are not separated by spaces)."""
    return max(1, round(len(text.split()) / 230))
