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
    rf"[(\[]?\s*{PHOTO_WORDS}\s*(?::|\b(?:by|von|par|por|di|da|door|av|af)\b)\s*(?P<holder>\S.*?)\s*[)\]]?",
    re.IGNORECASE,
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
            if len(text) <= _CREDIT_CHARS and (m := _CREDIT_LINE.fullmatch(text)):
                credit = text.strip("()[] ")
                if not prev.credit:
                    out[-1] = replace(prev, credit=credit)
                    continue
                if " ".join(prev.credit.split()) in (credit, m.group("holder")):
                    continue
        out.append(block)
    return out
