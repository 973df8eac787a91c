"""Code blocks coloured by Pygments, for HTML, EPUB and PDF.

The colours are written as inline ``style`` attributes, so the same markup
works in a standalone page and WeasyPrint without a second stylesheet; EPUB
chapters take classes (``tok-k`` ...) and :func:`stylesheet` instead, because
Kobo advises against inline styles in books (see :mod:`._ereader`). The Pygments style comes from the theme (``[code] pygments`` in
``theme.toml``); any of its colours that would read below WCAG 2.1's 4.5:1
against the block's background (``[colors] quote_bg``) is darkened until it
passes, and background colours of single tokens are dropped, so every theme
and every Pygments style gives legible code.
"""

from __future__ import annotations

import colorsys
from functools import lru_cache
from typing import Any

#: WCAG 2.1 success criterion 1.4.3: normal text.
MIN_CONTRAST = 4.5
DEFAULT_STYLE = "default"
DEFAULT_BACKGROUND = "#ffffff"


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    h = hex_colour.lstrip("#")
    if len(h) == 3:
        h = "".join(c * 2 for c in h)
    return int(h[0:2], 16) / 255, int(h[2:4], 16) / 255, int(h[4:6], 16) / 255


def _luminance(rgb: tuple[float, float, float]) -> float:
    def lin(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """The WCAG 2.1 contrast ratio of two ``#rrggbb`` colours."""
    la, lb = sorted((_luminance(_rgb(a)), _luminance(_rgb(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def legible(colour: str, background: str) -> str:
    """``colour``, darkened (same hue) until it reads at :data:`MIN_CONTRAST` on ``background``."""
    if contrast(colour, background) >= MIN_CONTRAST:
        return colour
    h, lightness, s = colorsys.rgb_to_hls(*_rgb(colour))
    while lightness > 0:
        lightness = max(0.0, lightness - 0.02)
        r, g, b = colorsys.hls_to_rgb(h, lightness, s)
        candidate = f"#{round(r * 255):02x}{round(g * 255):02x}{round(b * 255):02x}"
        if contrast(candidate, background) >= MIN_CONTRAST:
            return candidate
    return "#000000"


def _is_hex(value: Any) -> bool:
    if not isinstance(value, str) or not value.startswith("#") or len(value) not in (4, 7):
        return False
    return all(c in "0123456789abcdefABCDEF" for c in value[1:])


@lru_cache(maxsize=16)
def _style(name: str, background: str) -> Any:
    """A Pygments style class: ``name``'s fonts and colours, each colour legible on ``background``."""
    from pygments.style import Style
    from pygments.styles import get_style_by_name
    from pygments.util import ClassNotFound

    try:
        base = get_style_by_name(name)
    except ClassNotFound:
        base = get_style_by_name(DEFAULT_STYLE)
    styles = {}
    for token, spec in base:
        parts = [word for word, on in (("bold", spec["bold"]), ("italic", spec["italic"])) if on]
        if spec["underline"]:
            parts.append("underline")
        if spec["color"]:
            parts.append(legible("#" + spec["color"], background))
        styles[token] = " ".join(parts) or ""
    return type("BroadsheetCodeStyle", (Style,), {"styles": styles, "background_color": background})


#: The prefix of the token classes ``highlight(..., classes=True)`` writes.
CLASS_PREFIX = "tok-"


def _background(background: str) -> str:
    return (background if _is_hex(background) else DEFAULT_BACKGROUND).lower()


def stylesheet(scope: str, *, style: str = DEFAULT_STYLE, background: str = "") -> str:
    """The CSS rules for the token classes of code blocks under ``scope`` (``"pre"``)."""
    from pygments.formatters import HtmlFormatter

    formatter = HtmlFormatter(style=_style(style, _background(background)), classprefix=CLASS_PREFIX)
    return "\n".join(formatter.get_token_style_defs(scope))


def highlight(
    text: str,
    language: str | None,
    *,
    style: str = DEFAULT_STYLE,
    background: str = "",
    classes: bool = False,
) -> str | None:
    """``text`` as escaped HTML with coloured ``<span>``\\ s, or ``None`` for a language Pygments lacks.

    No language is guessed: a block without one stays plain. ``classes``
    writes token classes (styled by :func:`stylesheet`) instead of inline styles.
    """
    if not language:
        return None
    from pygments import highlight as pygments_highlight
    from pygments.formatters import HtmlFormatter
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        lexer = get_lexer_by_name(language.lower(), stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None
    formatter = HtmlFormatter(
        nowrap=True,
        noclasses=not classes,
        classprefix=CLASS_PREFIX,
        style=_style(style, _background(background)),
    )
    return str(pygments_highlight(text, lexer, formatter))
