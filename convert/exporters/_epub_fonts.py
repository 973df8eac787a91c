"""The theme's faces inside the EPUB: subset to the book's letters, declared with ``@font-face``.

Reading systems only have their own fonts; a book that wants its theme's
faces carries them. Only the faces the CSS uses are embedded: the body family
in its four styles, the heading family bold, the sans family regular and bold
(kicker, byline, table heads), each for the article's script stack when the
theme has one. Each is cut (by HarfBuzz) to the characters of the book (article, metadata
and the labels around them), which takes a few hundred kilobytes of faces
down to tens. A family fontconfig does not have, a face in a collection
(the CJK ``.ttc`` files), one whose licence forbids embedding, or one without
most of the article's letters is left to the reading system.
"""

from __future__ import annotations

import json
import string
from dataclasses import dataclass
from typing import Any

from ..locale.script import article_script
from ..locale.text import label
from ..model import Article, to_json
from ..theme import Theme
from ._fonts import FontFace, coverage, embeddable, font_face, script_fonts, subset

#: (stack key, bold, italic) for each face the theme's CSS uses.
FACES = (
    ("body", False, False),
    ("body", False, True),
    ("body", True, False),
    ("body", True, True),
    ("heading", True, False),
    ("sans", False, False),
    ("sans", True, False),
)
#: Share of the article's letters a face must have to be embedded.
MIN_COVERAGE = 0.9
_LABELS = ("Contents", "Title page", "Guide", "Notes", "Untitled article")


@dataclass(frozen=True, slots=True)
class EmbeddedFont:
    uid: str
    href: str
    media_type: str
    data: bytes
    family: str
    bold: bool
    italic: bool

    def rule(self) -> str:
        family = self.family.replace("\\", "").replace("'", "")
        return (
            f"@font-face {{ font-family: '{family}'; src: url({self.href.removeprefix('style/')});"
            f" font-weight: {'bold' if self.bold else 'normal'};"
            f" font-style: {'italic' if self.italic else 'normal'}; }}"
        )


def _stacks(article: Article, theme: Theme) -> dict[str, Any]:
    stacks = dict(theme.tokens.get("fonts", {}))
    script = article_script(article)
    stacks.update(script_fonts(theme, script))
    return stacks


def article_letters(article: Article) -> str:
    """The title and the start of the body: the letters the faces must cover."""
    from ..locale.script import sample_text

    return sample_text(article)


def book_text(article: Article) -> str:
    """Every character the book can show: the article's strings and the labels around them."""
    language = article.meta.language
    strings = json.dumps(to_json(article), ensure_ascii=False)
    return strings + string.printable + "“”‘’–—…·•" + "".join(label(t, language) for t in _LABELS)


def embedded_fonts(article: Article, theme: Theme) -> tuple[EmbeddedFont, ...]:
    """The faces to put in the book, subset to its text; in a stable order (same bytes each run)."""
    stacks = _stacks(article, theme)
    text = frozenset(book_text(article))  # once, not once per face
    letters = {ch for ch in article_letters(article) if ch.isalpha()}
    faces: list[FontFace] = []
    for key, bold, italic in FACES:
        face = font_face(stacks.get(key), bold=bold, italic=italic)
        if face is None or face.bold != bold or face.italic != italic:
            continue  # the family lacks this style: the reading system synthesises it
        if any(f.path == face.path for f in faces) or not embeddable(face.path):
            continue
        # A face for the Latin words of a Japanese article (its CJK face is a collection,
        # not embedded) would carry weight for little: the reading system sets all of it.
        if coverage(face.path, letters) >= MIN_COVERAGE:
            faces.append(face)
    if not faces:
        return ()
    out = []
    for n, face in enumerate(faces, 1):
        suffix = face.path.suffix.lower()
        out.append(
            EmbeddedFont(
                uid=f"font-{n}",
                href=f"style/fonts/{face.path.stem}{suffix}",
                media_type="font/otf" if suffix == ".otf" else "font/ttf",
                data=subset(face.path, text),
                family=face.family,
                bold=face.bold,
                italic=face.italic,
            )
        )
    return tuple(out)
