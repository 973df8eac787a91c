"""The news agencies by the names they sign with in Latin script (``data/newsroom_words.json``,
``agencies``: Wikipedia's "News agency" article and each agency's own), for the HTML reader's
author filter: a byline or author field that is one of them, whole, names no person."""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

__all__ = ["agency_keys", "agency_key"]

_WORDS_FILE = Path(__file__).parent / "data" / "newsroom_words.json"


def agency_key(name: str) -> str:
    """``name`` compared as the list is: case, accents' forms, hyphens and spaces folded."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(text.replace("-", " ").split())


@lru_cache(maxsize=1)
def agency_keys() -> frozenset[str]:
    """The agencies' names (:func:`agency_key` of each)."""
    words = json.loads(_WORDS_FILE.read_text(encoding="utf-8"))
    return frozenset(agency_key(str(n)) for n in words["agencies"])
