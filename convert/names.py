"""Whether a piece of text is a person's name: the one test every reader and pass uses.

A low layer (layer 0, it imports nothing from the package): the text
reader's bylines and sign-offs, Word's ``dc:creator`` and the quote pass's
speakers all ask the same question. A source with its own habits wraps this
test and says why (``convert.readers._package_meta.looks_like_person`` for Word
accounts; the quote pass also rules out the places and organisations its
gazetteer knows).
"""

from __future__ import annotations

import re

__all__ = ["looks_like_name"]

#: Name particles that stay in lower case inside a name ("Ludwig van Beethoven", "Bashar al-Assad").
_PARTICLES = frozenset(
    "de da das do dos du des del della der den van von ter ten bin ibn al el la le di y".split()
)
#: Words that mark a byline or account that names no person ("Staff Writer", "By the numbers").
_NOT_NAMES = frozenset(
    "staff writer writers reporter reporters correspondent correspondents editor editors team desk "
    "agencies agency wire wires news admin administrator guest contributor contributors anonymous "
    "unknown our the a an numbers way".split()
)
#: A word of a name: letters, with inner hyphens, apostrophes and full stops ("O'Neill", "J.").
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_'’.\-]|[-'’.](?=[^\W\d_]))*\.?")
#: A lower-case surname with an Arabic, Hebrew, French or Italian prefix ("al-Assad", "d'Alema").
_PREFIXED_WORD = re.compile(r"(?:al|el|ad|ar|as|ash|ben|d|l)[-'’][^\W\d_].*", re.I)


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words, initials or particles: ``Jean-Luc de la Cruz``.

    No digits, no lower-case words beyond particles, none of the words that
    mark a non-person byline (``Staff``, ``the``): a wrong author is worse
    than none.
    """
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > 60:
        return False
    for n, word in enumerate(words):
        bare = word.rstrip(",")
        if bare.lower().strip(".") in _NOT_NAMES or not _NAME_WORD.fullmatch(bare):
            return False
        if bare[0].isupper():
            continue
        if n == 0 or not (bare.lower() in _PARTICLES or _PREFIXED_WORD.fullmatch(bare)):
            return False
    return True
