"""A generated cover: title, author, publisher and date on the theme's colour.

The EPUB declares it as its cover image (what e-reader libraries show);
bundle and digest PDFs can put :func:`cover_pdf`'s one page first. The image
is drawn with Pillow in the theme's own faces (found through fontconfig,
:mod:`._fonts`), with the article's script stack from ``[scripts.*]`` when it
has one. With Pillow's Raqm layout (HarfBuzz, FriBiDi) Arabic and Hebrew are
shaped and set right to left, and the language is passed on for its forms;
CJK titles break between characters. The same article and theme always give
the same bytes: no clock, no random state.
"""

from __future__ import annotations

import base64
import functools
import io
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from PIL import Image, ImageDraw, ImageFont, features

from ..errors import UsageError
from ..locale.script import UNSPACED_SCRIPTS, article_direction, article_script
from ..locale.text import byline, display_date, label
from ..model import Article
from ..theme import Theme
from ._fonts import font_face, script_fonts
from ._shared import author_names

#: Pixels: 1,600 x 2,560 is the size and 1.6 ratio Kindle Direct Publishing asks for.
COVER_SIZE = (1600, 2560)
COVER_MEDIA_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}
_MARGIN = 130
_TITLE_SIZES = (150, 132, 116, 102, 90, 80, 70)
_TITLE_LINES = 7
_UNTITLED = "Untitled article"
_PAGE_SIZE = re.compile(r"[A-Za-z0-9 .%+-]+")


@dataclass(frozen=True, slots=True)
class CoverImage:
    data: bytes
    media_type: str
    extension: str


def read_cover(path: Path) -> CoverImage:
    """A cover the user supplied (``--cover FILE``): a PNG or JPEG, checked by its first bytes."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the cover image: {exc.strerror or exc}") from exc
    for magic, media_type in COVER_MEDIA_TYPES.items():
        if data.startswith(magic):
            from ..limits import check_image

            check_image(data, what=f"cover image {path}")
            return CoverImage(data, media_type, "png" if media_type == "image/png" else "jpg")
    raise UsageError(f"{path}: the cover must be a PNG or JPEG image")


def _rgb(value: Any, default: tuple[int, int, int]) -> tuple[int, int, int]:
    text = str(value or "").strip().lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    try:
        return (int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)) if len(text) == 6 else default
    except ValueError:
        return default


def _luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG 2.1 relative luminance."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


class _Setter:
    """Draws wrapped lines of text in one direction and language."""

    def __init__(
        self, draw: ImageDraw.ImageDraw, direction: str, language: str | None, unspaced: bool
    ) -> None:
        self.draw = draw
        self.raqm = features.check("raqm")
        self.kwargs: dict[str, Any] = {}
        if self.raqm:
            self.kwargs = {"direction": direction}
            if language:
                self.kwargs["language"] = language
        self.rtl = direction == "rtl"
        self.unspaced = unspaced

    def font(self, stack: str | None, size: int, bold: bool = False, italic: bool = False) -> Any:
        face = font_face(stack, bold=bold, italic=italic)
        engine = ImageFont.Layout.RAQM if self.raqm else ImageFont.Layout.BASIC
        if face is not None:
            return ImageFont.truetype(str(face.path), size, layout_engine=engine)
        return ImageFont.load_default(size)

    def options(self, font: Any) -> dict[str, Any]:
        """Direction and language for a font Raqm lays out; Pillow refuses them for any other
        (its built-in font, the one left when no theme font is installed, is laid out without Raqm)."""
        return self.kwargs if getattr(font, "layout_engine", None) == ImageFont.Layout.RAQM else {}

    def width(self, text: str, font: Any) -> float:
        return float(self.draw.textlength(text, font=font, **self.options(font)))

    def wrap(self, text: str, font: Any, room: float) -> list[str]:
        tokens = list(text) if self.unspaced else text.split()
        joiner = "" if self.unspaced else " "
        lines: list[str] = []
        current = ""
        for token in tokens:
            trial = current + joiner + token if current else token
            if current and self.width(trial, font) > room:
                lines.append(current)
                current = token
            else:
                current = trial
        if current:
            lines.append(current.strip())
        return lines

    def lines(self, lines: list[str], font: Any, y: float, fill: Any, leading: float) -> float:
        size = font.size if hasattr(font, "size") else 40
        for line in lines:
            x = COVER_SIZE[0] - _MARGIN - self.width(line, font) if self.rtl else _MARGIN
            self.draw.text((x, y), line, font=font, fill=fill, **self.options(font))
            y += size * leading
        return y


def cover_png(article: Article, theme: Theme) -> bytes:
    """The cover of ``article`` in ``theme`` as PNG bytes (see the module's docstring)."""
    meta = article.meta
    script = article_script(article)
    fonts = dict(theme.tokens.get("fonts", {}))
    fonts.update(script_fonts(theme, script))
    background = _rgb(theme.token("colors", "accent"), (0x8B, 0x1A, 0x1A))
    dark = _rgb(theme.token("colors", "text"), (0x1A, 0x1A, 0x1A))
    colour = max(((255, 255, 255), dark), key=lambda c: _contrast(c, background))
    ink = 255

    # Drawn as coverage (0 background, 255 ink, antialiased edges between) and saved
    # as a palette PNG whose 256 colours run from the background to the ink: the
    # same picture as drawing in RGB (text over one flat colour only blends those
    # two), a third of the pixels to compress, half the bytes, a fifth of the time.
    image = Image.new("L", COVER_SIZE, 0)
    draw = ImageDraw.Draw(image)
    unspaced = script in UNSPACED_SCRIPTS or script in ("Hans", "Hant", "Jpan", "Hani")  # Korean is spaced
    setter = _Setter(draw, article_direction(article), meta.language, unspaced)
    room = COVER_SIZE[0] - 2 * _MARGIN

    y: float = _MARGIN + 20
    if meta.publisher:
        kicker = setter.font(fonts.get("sans"), 54, bold=True)
        y = setter.lines(setter.wrap(meta.publisher.upper(), kicker, room)[:2], kicker, y, ink, 1.3)
    draw.rectangle((_MARGIN, y + 30, COVER_SIZE[0] - _MARGIN, y + 36), fill=ink)
    y += 140

    title = meta.title or label(_UNTITLED, meta.language)
    for size in _TITLE_SIZES:
        title_font = setter.font(fonts.get("heading"), size, bold=True)
        title_lines = setter.wrap(title, title_font, room)
        if len(title_lines) <= _TITLE_LINES:
            break
    title_lines = title_lines[:_TITLE_LINES]
    y = setter.lines(title_lines, title_font, y, ink, 1.16)
    if meta.subtitle:
        sub = setter.font(fonts.get("body"), 62, italic=True)
        y = setter.lines(setter.wrap(meta.subtitle, sub, room)[:4], sub, y + 50, ink, 1.3)

    foot = []
    by = byline(author_names(article), meta.language)
    if by:
        foot.append((by, setter.font(fonts.get("sans"), 66, bold=True)))
    if meta.published:
        shown = display_date(meta.published, meta.language) or meta.published
        foot.append((shown, setter.font(fonts.get("sans"), 56)))
    blocks = [(setter.wrap(text, font, room)[:3], font) for text, font in foot]
    height = sum(len(lines) * font.size * 1.3 for lines, font in blocks)
    y = max(y + 80, COVER_SIZE[1] - _MARGIN - height)
    start = COVER_SIZE[0] - _MARGIN - 220 if setter.rtl else _MARGIN
    draw.rectangle((start, y - 50, start + 220, y - 44), fill=ink)
    for lines, font in blocks:
        y = setter.lines(lines, font, y, ink, 1.3)

    image.putpalette(_gradient(background, colour), "RGB")  # an "L" image becomes "P", pixels untouched
    out = io.BytesIO()
    image.save(out, format="PNG", compress_level=1)  # flat colour: fast zlib loses little here
    return out.getvalue()


@functools.lru_cache(maxsize=16)
def _gradient(start: tuple[int, int, int], end: tuple[int, int, int]) -> bytes:
    """256 RGB colours from ``start`` to ``end``: the palette of a coverage image."""
    return bytes(round(a + (b - a) * i / 255) for i in range(256) for a, b in zip(start, end, strict=True))


def cover_image(article: Article, theme: Theme, supplied: Path | None = None) -> CoverImage:
    """The user's cover when one is given, else the generated one."""
    if supplied is not None:
        return read_cover(supplied)
    return CoverImage(cover_png(article, theme), "image/png", "png")


def cover_html(article: Article, theme: Theme, supplied: Path | None = None) -> str:
    """A one-page HTML document: the cover, edge to edge on the theme's page size."""
    cover = cover_image(article, theme, supplied)
    uri = f"data:{cover.media_type};base64,{base64.b64encode(cover.data).decode('ascii')}"
    alt = escape(article.meta.title or label(_UNTITLED, article.meta.language), quote=True)
    size = str(theme.token("page", "size", "A4")).strip()
    if not _PAGE_SIZE.fullmatch(size):  # the PDF exporter's own check, for a page of its size
        raise UsageError(f"theme {theme.name!r}: [page] size = {size!r} is not a CSS page size")
    background = "#{:02x}{:02x}{:02x}".format(*_rgb(theme.token("colors", "accent"), (0x8B, 0x1A, 0x1A)))
    lang = f' lang="{escape(article.meta.language, quote=True)}"' if article.meta.language else ""
    return (
        f"<!DOCTYPE html><html{lang}><head><title>{alt}</title><style>@page {{ size: {size}; margin: 0; }}"
        f" html, body {{ margin: 0; height: 100%; background: {background}; }}"
        " img { display: block; width: 100%; height: 100%; object-fit: contain; }</style></head>"
        f'<body><img src="{uri}" alt="{alt}"></body></html>'
    )


def cover_document(
    article: Article, theme: Theme, supplied: Path | None = None, font_config: Any = None
) -> Any:
    """The cover page laid out by WeasyPrint, for a PDF exporter to put before its pages."""
    import weasyprint

    return weasyprint.HTML(string=cover_html(article, theme, supplied)).render(font_config=font_config)


def cover_pdf(article: Article, theme: Theme, supplied: Path | None = None) -> bytes:
    """One PDF page of the theme's page size holding the cover (for a merge to put first)."""
    return bytes(cover_document(article, theme, supplied).write_pdf())
