"""The theme's fonts as files: found through fontconfig, subset with fontTools.

WeasyPrint finds and subsets fonts itself; the EPUB and the generated cover
need the files (subset with HarfBuzz through uharfbuzz). A CSS stack such as ``'Source Serif 4', 'Noto Serif',
'DejaVu Serif', serif`` gives the first family fontconfig has installed
(``fc-match`` answers with a substitute for any name, so its family is
compared with the one asked for). A font whose licence bits (OS/2
``fsType``) forbid embedding is never embedded.
"""

from __future__ import annotations

import functools
import itertools
import shutil
import subprocess
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..theme import Theme

#: Generic CSS families: fontconfig's answer for these is not the theme's choice.
GENERIC = frozenset({"serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"})
#: OS/2 fsType bit 1: "restricted licence embedding" (OpenType spec, OS/2 table).
_RESTRICTED = 0x0002


@dataclass(frozen=True, slots=True)
class FontFace:
    family: str
    path: Path
    bold: bool
    italic: bool


def families(stack: str | None) -> list[str]:
    """The family names of a CSS font stack, generic families left out."""
    names = [part.strip().strip("'\"") for part in (stack or "").split(",")]
    return [n for n in names if n and n.lower() not in GENERIC]


#: The scripts a theme's ``[fonts]`` faces cover when its ``[fonts] scripts`` does not say (Latin,
#: Cyrillic and Greek: Source Serif, Noto Serif, Liberation and DejaVu all carry them).
COVERED_SCRIPTS = ("Latn", "Cyrl", "Grek")
#: The stacks of ``[fonts]`` a script's own faces lead.
STACK_KEYS = ("body", "heading", "sans")


def script_fonts(theme: Theme, script: str | None) -> dict[str, str]:
    """The font stacks for text in ``script`` (an ISO 15924 code) that replace the theme's ``[fonts]``.

    The theme's ``[scripts.<code>]`` table where it has one. Otherwise, for a script the ``[fonts]``
    faces do not cover (``[fonts] scripts``), the Noto faces named after the script's Unicode name
    lead each stack: ``'Noto Serif Tamil', 'Noto Sans Tamil'`` before the body and heading stacks,
    ``'Noto Sans Tamil'`` before the sans one (Noto names a family ``Noto Serif <script>`` or
    ``Noto Sans <script>`` after the script's name in Unicode's ``Scripts.txt``, fontTools'
    ``script_name``; a family not installed is skipped). The theme's own faces follow, for the Latin
    words and digits. Without this, fontconfig's per-letter fallback picks whatever face it finds
    first with the letters (DejaVu Serif for Armenian and Georgian, Noto Sans for Tamil). Empty for
    a covered script or none.
    """
    if not script:
        return {}
    own = theme.token("scripts", script, None)
    if isinstance(own, dict):
        return {k: v for k, v in own.items() if isinstance(v, str)}
    covered = theme.token("fonts", "scripts", COVERED_SCRIPTS)
    if script in covered or script.startswith("Z"):  # Zyyy, Zinh, Zzzz: no script of its own
        return {}
    from fontTools import unicodedata as ucd

    name = ucd.script_name(script, None)
    if not name:
        return {}
    name = name.replace("_", " ")
    out = {}
    for key in STACK_KEYS:
        base = theme.token("fonts", key, None)
        if not isinstance(base, str):
            continue
        lead = [f"'Noto Sans {name}'"] if key == "sans" else [f"'Noto Serif {name}'", f"'Noto Sans {name}'"]
        out[key] = ", ".join([*lead, base])
    return out


@functools.lru_cache(maxsize=256)
def _match(family: str, bold: bool, italic: bool, collections: bool = False) -> FontFace | None:
    """The face fontconfig has for ``family`` in the nearest style; one inside a collection
    (``.ttc``, not embedded) only with ``collections``."""
    fc_match = shutil.which("fc-match")
    if fc_match is None:
        return None
    pattern = family + (":weight=bold" if bold else "") + (":slant=italic" if italic else "")
    try:
        found = subprocess.run(
            [fc_match, "--format=%{family}\t%{style}\t%{file}\t%{index}", pattern],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    parts = found.stdout.split("\t")
    if found.returncode != 0 or len(parts) != 4:
        return None
    names, style, file, index = parts
    if family.casefold() not in (n.strip().casefold() for n in names.split(",")):
        return None  # a substitute, not the family asked for
    path = Path(file)
    style = style.lower()
    kinds = (".ttf", ".otf", ".ttc", ".otc") if collections else (".ttf", ".otf")
    if (index.strip() not in ("", "0") and not collections) or path.suffix.lower() not in kinds:
        return None  # a face inside a collection (.ttc): not embedded
    if not path.is_file():
        return None
    # fontconfig falls back to the regular face when a family has no bold or italic.
    return FontFace(
        family, path, bold and "bold" in style, italic and ("italic" in style or "oblique" in style)
    )


def font_face(stack: str | None, *, bold: bool = False, italic: bool = False) -> FontFace | None:
    """The first installed family of ``stack`` in the nearest style fontconfig has."""
    for family in families(stack):
        face = _match(family, bold, italic)
        if face is not None:
            return face
    return None


def has_italic(stack: str | None, text: str) -> bool:
    """Whether the face that sets ``text``'s letters in ``stack`` has an italic or oblique of its own.

    That face is the first installed family of the stack with glyphs for at least half the letters
    (a stack leads with the script's face, then Latin faces for the odd Latin word). ``True`` when
    no installed family has them, or for text without letters: nothing to say then.
    """
    family = _setting_family(stack, text)
    if family is None:
        return True
    found = _match(family, False, True, collections=True)
    return found is not None and found.italic


def _setting_family(stack: str | None, text: str) -> str | None:
    """The first installed family of ``stack`` with glyphs for at least half of ``text``'s letters."""
    letters = {ch for ch in text if ch.isalpha()}
    if not letters:
        return None
    for family in families(stack):
        face = _match(family, False, False, collections=True)  # CJK faces come in collections
        if face is not None and coverage(face.path, letters) >= 0.5:
            return family
    return None


#: How Noto names a family's sloped faces when they are a family of their own (Noto Serif Tamil
#: Slanted: fontconfig lists it with the styles Regular and Bold, not as an italic of Noto Serif Tamil).
SLANTED = " Slanted"


def slanted_faces(stack: str | None, text: str) -> tuple[FontFace, ...]:
    """The installed ``<family> Slanted`` faces (regular, then bold where there is one) of the family
    that sets ``text`` in ``stack`` (see :func:`has_italic`), with ``family`` that family's name:
    declared as its italic (:func:`slanted_italics`), they set italics where it has none. Empty when the
    family has no slanted sibling installed, or an italic of its own."""
    family = _setting_family(stack, text)
    return _slanted(family) if family in slanted_families() else ()


@functools.lru_cache(maxsize=1)
def slanted_families() -> tuple[str, ...]:
    """The installed families with a ``<family> Slanted`` sibling family and no italic of their
    own (fontconfig's ``fc-list``): Noto Serif Tamil on Debian's ``fonts-noto-core``."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return ()
    try:
        found = subprocess.run(
            [fc_list, "--format=%{family}\n"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return ()
    names = {n.strip() for line in found.stdout.splitlines() for n in line.split(",")}
    bases = sorted(n.removesuffix(SLANTED) for n in names if n.endswith(SLANTED))
    return tuple(b for b in bases if (own := _match(b, False, True)) is not None and not own.italic)


def slanted_italics() -> tuple[FontFace, ...]:
    """The slanted faces of every :func:`slanted_families` family, to declare as its italic.

    The PDF exporter gives them to its process-wide font configuration when it makes it, before any
    document (:func:`face_rule`): declared by one document only, they would stay for every later
    one, so an article's PDF would depend on what the process rendered before it (review r48 #2).
    """
    return tuple(face for family in slanted_families() for face in _slanted(family))


def face_rule(face: FontFace) -> str:
    """The ``@font-face`` rule that declares ``face`` a style of ``face.family``."""
    return (
        f"@font-face {{ font-family: '{face.family}'; font-style: {'italic' if face.italic else 'normal'}; "
        f"font-weight: {'bold' if face.bold else 'normal'}; src: url('{face.path.as_uri()}'); }}"
    )


def _slanted(family: str) -> tuple[FontFace, ...]:
    faces = []
    for bold in (False, True):
        face = _match(family + SLANTED, bold, False)
        if face is None or face.bold != bold:
            break  # no regular slanted face: none; no bold one: the regular only
        faces.append(FontFace(family, face.path, bold, True))
    return tuple(faces)


@functools.lru_cache(maxsize=64)
def embeddable(path: Path) -> bool:
    """Whether the font's licence bits allow embedding it (read once per process)."""
    from fontTools.ttLib import TTFont

    try:
        with TTFont(str(path), lazy=True) as font:
            return "OS/2" not in font or not (font["OS/2"].fsType & _RESTRICTED)
    except Exception:  # fontTools raises many kinds on a broken file
        return False


@functools.lru_cache(maxsize=64)
def _code_points(path: Path) -> frozenset[int]:
    import uharfbuzz as hb

    try:
        return frozenset(hb.Face(hb.Blob.from_file_path(str(path))).unicodes)
    except Exception:  # a file HarfBuzz cannot read has no letters for us
        return frozenset()


def coverage(path: Path, letters: set[str]) -> float:
    """The share of ``letters`` the font at ``path`` has glyphs for (1.0 for no letters)."""
    if not letters:
        return 1.0
    have = _code_points(path)
    return sum(1 for ch in letters if ord(ch) in have) / len(letters)


def subset(path: Path, text: Iterable[str]) -> bytes:
    """The font at ``path`` with only the glyphs ``text`` needs, without hinting.

    HarfBuzz's subsetter (uharfbuzz) keeps the layout tables the kept glyphs
    use; it takes about a millisecond a face where fontTools' took a second.
    Reading systems scale and smooth outlines themselves, so hinting goes
    (a third of the bytes). The font's own dates are kept: same input, same bytes.
    A batch asks again and again for the same characters (the stories of one
    language mostly share them), so each cut is kept per (font, characters).
    """
    return _subset(path, frozenset(itertools.chain.from_iterable(text)) | _ALWAYS)


#: Characters every subset keeps (numbers the reading system may set, such as page numbers).
_ALWAYS = frozenset(" 0123456789")


@functools.lru_cache(maxsize=64)
def _hb_face(path: Path) -> Any:
    """The font file as a HarfBuzz face, read once per process (faces are immutable)."""
    import uharfbuzz as hb

    return hb.Face(hb.Blob.from_file_path(str(path)))


@functools.lru_cache(maxsize=128)
def _subset(path: Path, chars: frozenset[str]) -> bytes:
    import uharfbuzz as hb

    request = hb.SubsetInput()
    request.unicode_set.update(sorted(ord(c) for c in chars))
    request.flags = hb.SubsetFlags.NO_HINTING
    result = hb.subset(_hb_face(path), request)
    if result is None:
        raise OSError(f"HarfBuzz could not subset {path}")
    return bytes(result.blob.data)
