"""Family names as maintained lists give them, for the scripts without capitals in which a
byline's or a credit's name cannot be told from a word by its case: Korean (Statistics Korea's
census, ``data/ko_surnames.json``) and Chinese (the Hundred Family Surnames, ``data/zh_surnames.json``).

:mod:`convert.locale.reading` re-exports these; the readers ask it.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

__all__ = ["chinese_surname_first", "korean_family_name"]

_KO_SURNAMES_FILE = Path(__file__).parent / "data" / "ko_surnames.json"


@lru_cache(maxsize=1)
def _korean_surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    data = json.loads(_KO_SURNAMES_FILE.read_text(encoding="utf-8"))
    return frozenset(data["one_syllable"]), tuple(data["two_syllable"])


def korean_family_name(name: str) -> bool:
    """Whether ``name`` is a Korean name: two to four Hangul syllables opening with a family name
    (``data/ko_surnames.json``, Statistics Korea's 2015 census), so ``김민수`` is one and ``청년``
    ("youth", as in 청년 기자, a young reporters' column) is none."""
    if not 2 <= len(name) <= 4 or not all("\uac00" <= ch <= "\ud7a3" for ch in name):
        return False
    one, two = _korean_surnames()
    return name[0] in one or (len(name) >= 3 and name.startswith(two))


_ZH_SURNAMES_FILE = Path(__file__).parent / "data" / "zh_surnames.json"


@lru_cache(maxsize=1)
def _chinese_surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    data = json.loads(_ZH_SURNAMES_FILE.read_text(encoding="utf-8"))
    singles = frozenset(data["single"] + data["traditional_single"])
    return singles, tuple(data["compound"] + data["traditional_compound"])


def chinese_surname_first(name: str) -> bool:
    """Whether ``name`` opens with a surname of the Hundred Family Surnames (``data/zh_surnames.json``,
    simplified and traditional) and has a given name after it: ``王小明``, ``欧阳修`` and ``陳大文`` do,
    ``观察`` and ``北京`` do not. A surname outside the classic text (肖, 覃) is missed: the README's
    Limits say so."""
    singles, compounds = _chinese_surnames()
    return (len(name) >= 2 and name[0] in singles) or (len(name) >= 3 and name.startswith(compounds))
