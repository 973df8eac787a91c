"""Where a line may break inside the scripts that put no spaces between words, and grapheme clusters.

Thai, Lao, Khmer and Myanmar write no spaces between words (UAX #14 class SA): a line may break
only between words, and finding them needs a dictionary. ICU has one for each of the four
(through PyICU, the ``icu`` extra; scripts/system-deps.sh installs the ICU library it builds
against). Without PyICU no word is found and the callers fall back on syllables, as far as Unicode's
properties show them (:func:`syllables`): the PDF may break such a run between any two, plain text
only where it is wider than its line.

Grapheme clusters come from wcwidth's UAX #29 implementation (Unicode 17 and later), whose rule
GB9c keeps a Khmer or Myanmar consonant stack (``ដ្ឋា``, coeng and subscript) in one cluster.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator
from typing import Any

from .._regex import compiled

#: The letters, signs and digits of Lao, Khmer and Myanmar (Unicode Blocks.txt: Lao U+0E80-U+0EFF;
#: Khmer U+1780-U+17FF and Khmer Symbols U+19E0-U+19FF; Myanmar U+1000-U+109F, Myanmar Extended-B
#: U+A9E0-U+A9FF and Extended-A U+AA60-U+AA7F): the scripts ICU has a dictionary for and Pango,
#: which lays out WeasyPrint's text, has none (Pango breaks Thai itself, through libthai).
UNBROKEN_BY_PANGO = "\u0e80-\u0eff\u1780-\u17ff\u19e0-\u19ff\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f"
#: The same with Thai (U+0E00-U+0E7F): the scripts whose words plain text finds through ICU.
DICTIONARY_SCRIPTS = "\u0e00-\u0e7f" + UNBROKEN_BY_PANGO

_RUN = compiled(f"[{DICTIONARY_SCRIPTS}]{{2,}}")
_local = threading.local()  # one ICU break iterator per thread: an iterator holds its text


def _iterator() -> Any:
    """ICU's line break iterator (UAX #14 with its dictionaries), or ``None`` without PyICU."""
    found = getattr(_local, "iterator", False)
    if found is False:
        try:
            import icu
        except ImportError:
            found = None
        else:
            found = icu.BreakIterator.createLineInstance(icu.Locale.getRoot())
        _local.iterator = found
    return found


def has_dictionary() -> bool:
    """Whether ICU's word dictionaries are at hand (PyICU installed)."""
    return _iterator() is not None


def _breaks(run: str) -> list[int]:
    """The offsets inside ``run`` (all in the Basic Multilingual Plane, so ICU's UTF-16 offsets are
    Python's) where ICU lets a line break."""
    it = _iterator()
    it.setText(run)
    # Never before a repetition mark (Lao ``ໆ``, Khmer ``ៗ``, Thai ``ๆ``: general category Lm), which
    # repeats the word before it; ICU's dictionaries break there.
    return [i for i in it if 0 < i < len(run) and unicodedata.category(run[i]) != "Lm"]


def words(text: str) -> list[str]:
    """``text`` cut where ICU lets a line break inside a Thai, Lao, Khmer or Myanmar run (``ទន្លេ``,
    ``មេគង្គ``); ``[text]`` when it holds no such run or PyICU is missing."""
    if not _RUN.search(text) or _iterator() is None:  # PyICU loads only for these scripts
        return [text]
    cuts = [m.start() + i for m in _RUN.finditer(text) for i in _breaks(m.group(0))]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]


def mark_breaks(text: str, mark: str, ranges: str = UNBROKEN_BY_PANGO) -> str:
    """``text`` with ``mark`` (a ZERO WIDTH SPACE, say) where ICU lets a line break inside a run of
    the scripts in ``ranges``; without PyICU between the pieces :func:`syllables` finds, as a line of
    Chinese breaks between characters."""
    pattern = compiled(f"[{ranges}]{{2,}}")
    if not pattern.search(text):
        return text
    dictionary = _iterator() is not None

    def marked(m: Any) -> str:
        run = m.group(0)
        if dictionary:
            cuts = _breaks(run)
            return mark.join(run[a:b] for a, b in zip([0, *cuts], [*cuts, len(run)], strict=True))
        return mark.join(syllables(run))

    return pattern.sub(marked, text)


_ATTACHED = None


def _attached() -> tuple[Any, Any]:
    """Two patterns (regex's Unicode properties): a cluster that may not start a line, and one that
    may not end it. Indic_Syllabic_Category (IndicSyllabicCategory.txt) marks the vowels written after
    their consonant as letters of their own (Lao ``ະ`` ``າ``, Thai ``ะ``: Vowel_Dependent), the medial
    ``ຽ`` (Consonant_Medial) and the killers that end a syllable on its final consonant (Myanmar asat
    ``်`` in ``န်``: Pure_Killer; Khmer ``៍``: Consonant_Killer); a sign or a repetition mark (``ໆ``
    ``ៗ``, Lm) belongs to what comes before. PropList.txt's Logical_Order_Exception lists the vowels
    Thai and Lao write before their consonant (``ເ`` ``ແ`` ``ໂ`` ``ໃ`` ``ໄ``): never at a line's end."""
    global _ATTACHED
    if _ATTACHED is None:
        import regex  # type: ignore[import-untyped]

        starts = regex.compile(
            r"[^\p{L}]|\p{Lm}|(?!\p{LOE})\p{InSC=Vowel_Dependent}|\p{InSC=Consonant_Medial}"
            r"|.*[\p{InSC=Pure_Killer}\p{InSC=Consonant_Killer}]",
            regex.DOTALL,
        )
        _ATTACHED = (starts, regex.compile(r"\p{LOE}$"))
    return _ATTACHED


def syllables(run: str) -> list[str]:
    """``run`` cut where a line may break without a dictionary: between grapheme clusters, but not
    inside a syllable as Unicode's properties show it (:func:`_attached`): ``ປະ`` ``ເສັ`` ``ရန်``
    whole. A syllable's final consonant without a killer (``ງ`` in ``ເສັງ``) still starts a piece."""
    starts, ends = _attached()
    pieces: list[str] = []
    for cluster in graphemes(run):
        if pieces and (starts.match(cluster) or ends.search(pieces[-1])):
            pieces[-1] += cluster
        else:
            pieces.append(cluster)
    return pieces


def graphemes(text: str) -> Iterator[str]:
    """The grapheme clusters of ``text`` (UAX #29, wcwidth's tables): what a line never splits."""
    from wcwidth import iter_graphemes

    return iter_graphemes(text)  # type: ignore[no-any-return]
