"""A body step: a picture's credit line printed under it as a paragraph of its own ("Foto: Max Muster",
"(Bild: Hersteller)") is the figure's credit, not the article's text.
"""

from __future__ import annotations

import re

from ...model import Block, Figure, Paragraph, plain_text, replace
from .names import PHOTO_WORDS

#: Longer than this, a paragraph under a picture is running text, not its credit line.
_CREDIT_CHARS = 120

#: A credit line: a word for pictures (:data:`.names.PHOTO_WORDS`, the languages the byline rules
#: read) and a colon, or "by" in those languages, then the holder; in brackets or not.
_CREDIT_LINE = re.compile(
    rf"[(\[]?\s*{PHOTO_WORDS}\s*(?P<sep>:|\b(?:by|von|par|por|di|da|door|av|af)\b)\s*(?P<holder>\S.*?)\s*[)\]]?",
    re.IGNORECASE,
)

#: More words than this, a holder is a sentence ("Photo: the calf stood up within an hour …"), not a
#: name or an agency ("M. Rädel", "Oakland Zoo", "dpa/picture alliance/Max Muster").
_HOLDER_WORDS = 5

#: Name particles a holder's name may have in lower case (von, van, de …: the byline rules' languages).
_PARTICLES = frozenset(
    {"von", "van", "de", "der", "den", "di", "da", "del", "du", "la", "le", "y", "und", "and", "&"}
)


def _name_like(holder: str, by: bool) -> bool:
    """A credit's holder: a few capitalised words (particles between them), or an agency's credit joined
    by ``/``, with no sentence's end; one word in any case after a colon (``Foto: privat``, ``dpa``).
    After "by" (``von``, ``di`` …) the holder must open with a capital: ``Bilder von der Flut …`` is
    pictures *of* something."""
    if re.search(r"[.!?…]$", holder) and not re.search(r"(?:^|\s)\w\.$", holder):
        return False  # a sentence's end, not an initial's full stop
    words = holder.split()
    if not words or len(words) > _HOLDER_WORDS:
        return False
    if not by and ("/" in holder or len(words) == 1):
        return True
    return words[0][0].isupper() and all(
        w[0].isupper() or not w[0].isalpha() or w.lower() in _PARTICLES for w in words[1:]
    )


def credit_lines(body: list[Block]) -> list[Block]:
    """A short paragraph right under a figure that is only a picture credit becomes that figure's
    credit (when it has none) and leaves the text; trafilatura's evaluation, like a printed page,
    does not count a picture's caption and credit as the article's body."""
    out: list[Block] = []
    for block in body:
        prev = out[-1] if out else None
        if isinstance(prev, Figure) and isinstance(block, Paragraph):
            text = " ".join(plain_text(block).split())
            if (
                len(text) <= _CREDIT_CHARS
                and (m := _CREDIT_LINE.fullmatch(text))
                and _name_like(m.group("holder"), by=m.group("sep") != ":")
            ):
                credit = text.strip("()[] ")
                if not prev.credit:
                    out[-1] = replace(prev, credit=credit)
                    continue
                if " ".join(prev.credit.split()) in (credit, m.group("holder")):
                    continue
        out.append(block)
    return out
