"""What the article's language asks of a PDF beyond its fonts: the digits of page and note
numbers, the reading order a viewer lays pages out in, Korean words kept whole, and Lao, Khmer and
Myanmar lines broken between words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .._regex import compiled
from ..locale.script import article_direction
from ..locale.segment import UNBROKEN_BY_PANGO, mark_breaks
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


#: Hangul letters: the Hangul Jamo, Compatibility Jamo, Jamo Extended-A and -B and Syllables blocks.
_HANGUL = "\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\uac00-\ud7ff"
#: Beside a Hangul letter, anything but a space (or a tag's edge) is part of its word: a letter or
#: digit, and punctuation too (`45%가`, `[속보]에서`, `(사장)는`, `『서울』에`), as the plain-text wrapper has it.
_INSIDE_A_WORD = compiled(rf"(?<=[{_HANGUL}])(?=[^\s<>])|(?<=[^\s<>])(?=[{_HANGUL}])")
_TEXT = compiled(r">[^<]+<")  # the text between two tags (the renderer escapes ``<`` and ``>`` in text)
_WORD_JOINER = "\u2060"


def hangul_words_kept(html: str) -> str:
    """``html`` with a WORD JOINER between a Hangul letter and the character beside it (not a space), in the
    text of its body (never in an attribute or the head).

    Korean spaces its words and breaks lines there (``word-break: keep-all``, the theme's rule
    for ``:lang(ko)``), but WeasyPrint knows no ``keep-all`` and Pango breaks between any two
    Hangul syllables (UAX #14 classes H2 and H3): `혼|잡이`. A joiner forbids the break
    (UAX #14 class WJ); it has no width, and text taken out of the PDF does not hold it.
    """
    start = max(0, html.find("<body"))
    if not compiled(f"[{_HANGUL}]").search(html, start):
        return html
    return html[:start] + _TEXT.sub(lambda m: _INSIDE_A_WORD.sub(_WORD_JOINER, m.group(0)), html[start:])


_ZERO_WIDTH_SPACE = "\u200b"


def words_broken(html: str) -> str:
    """``html`` with a ZERO WIDTH SPACE between two words of Lao, Khmer or Myanmar in the text of its
    body, where ICU's dictionaries find them, else between two letters (:mod:`convert.locale.segment`).

    These scripts put no spaces between words, and Pango, which breaks Thai through libthai, has no
    dictionary for them: a heading or a long sentence ran past its column as one unbreakable word
    (trial h55: a Khmer headline 197 pt past the page's edge). CSS ``overflow-wrap`` is no way out in
    the PDF: WeasyPrint 70 then breaks words that would fit on the next line wherever an inline
    element follows (``brown foxe|s jumped``). The space is a break opportunity of no width
    (UAX #14 class ZW); text taken out of the PDF and its bookmarks do not hold it.
    """
    start = max(0, html.find("<body"))
    if not compiled(f"[{UNBROKEN_BY_PANGO}]").search(html, start):
        return html
    return html[:start] + _TEXT.sub(lambda m: mark_breaks(m.group(0), _ZERO_WIDTH_SPACE), html[start:])


def joiners_out_of_bookmarks(document: Any) -> None:
    """Take the joiners :func:`hangul_words_kept` and the spaces :func:`words_broken` added out of the
    PDF's bookmarks (WeasyPrint labels them with the headings' text), so a viewer's outline holds the
    text as typed."""
    invisible = {ord(_WORD_JOINER): None, ord(_ZERO_WIDTH_SPACE): None}
    for page in document.pages:
        page.bookmarks = [
            (level, label.translate(invisible), *rest) for level, label, *rest in page.bookmarks
        ]
