"""What the article's language asks of a PDF beyond its fonts: the digits of page and note
numbers, and the reading order a viewer lays pages out in."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..locale.script import article_direction
from ..locale.text import digit_symbols
from ..model import Article


def digits_css(article: Article) -> str:
    """``article-digits``, the counter style of page and note numbers in the theme's print CSS, in
    the language's own digits (Persian ``۱۲``, Bengali ``১২``); undefined, so decimal, elsewhere."""
    symbols = digit_symbols(article.meta.language)
    if symbols is None:
        return ""
    listed = " ".join(_css_string(d) for d in symbols)
    return f"@counter-style article-digits {{ system: numeric; symbols: {listed}; }}"


def finisher(article: Article, mark: Callable[[Any, Any], None]) -> Callable[[Any, Any], None]:
    """WeasyPrint's ``finisher``: ``mark`` (the PDF exporter's artifact marking), and for a
    right-to-left article the order a viewer sets pages side by side in, ``/ViewerPreferences
    /Direction /R2L`` (ISO 32000-1 §12.2), as EPUB's ``page-progression-direction="rtl"``."""
    if article_direction(article) != "rtl":
        return mark

    def finish(document: Any, pdf: Any) -> None:
        mark(document, pdf)
        prefs = pdf.catalog.get("ViewerPreferences")
        if prefs is None:
            prefs = pdf.catalog["ViewerPreferences"] = type(pdf.catalog)()  # pydyf's Dictionary
        prefs["Direction"] = "/R2L"

    return finish


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
