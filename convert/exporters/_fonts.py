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
from typing import Any

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


@functools.lru_cache(maxsize=256)
def _match(family: str, bold: bool, italic: bool) -> FontFace | None:
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
    if index.strip() not in ("", "0") or path.suffix.lower() not in (".ttf", ".otf") or not path.is_file():
        return None  # a face inside a collection (.ttc): not embedded
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
