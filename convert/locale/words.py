"""A language's most frequent words as it writes them: the stop lists jusText ships.

jusText (a dependency of trafilatura, maintained with it) keeps, for about a hundred languages, the
most frequent words of the language's Wikipedia, each in the case it is written in: Polish ``przez``
("by", "through") is there in lower case, ``Katarzyna`` only capitalised. A word the language
writes in lower case among its commonest is a word of its grammar, not a given name.
"""

from __future__ import annotations

import importlib.util
import unicodedata
from functools import lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError

__all__ = ["frequent_lower_case"]


def _stop_list_file(tag: str) -> Path | None:
    """jusText's stop list for the language of ``tag`` (named in English: ``Polish.txt``,
    ``Norwegian_Bokmal.txt``), ``None`` when it has none or jusText is not installed. The package
    is found, not imported (importing it loads its HTML parser)."""
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        return None
    try:
        name = Locale.parse(tag.replace("_", "-").split("-")[0]).english_name
    except (ValueError, TypeError, UnknownLocaleError):
        return None
    if not name:
        return None
    plain = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    path = Path(next(iter(spec.submodule_search_locations))) / "stoplists" / f"{plain.replace(' ', '_')}.txt"
    return path if path.is_file() else None


@lru_cache(maxsize=16)
def _lower_case_words(tag: str) -> frozenset[str]:
    path = _stop_list_file(tag)
    if path is None:
        return frozenset()
    words = path.read_text(encoding="utf-8").split()
    return frozenset(w for w in words if w[:1].islower())


def frequent_lower_case(word: str, tag: str | None) -> bool:
    """Whether ``word``, in lower case, is one of the most frequent words of the language of ``tag``
    as it writes them in lower case (``Przez`` in Polish, ``By`` in English); ``False`` for a
    language jusText has no list for."""
    return bool(tag) and word.lower() in _lower_case_words(str(tag))
