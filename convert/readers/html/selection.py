"""The article's blocks as trafilatura selects them without inline formatting, with the formatting kept.

trafilatura selects less well when it keeps emphasis (``include_formatting``): text right
after a ``<p>`` that holds a ``<b>`` or an ``<em>`` is lost (its ``handle_paragraphs`` rebuilds
the paragraph without the source's tail; trafilatura issue #829 is another case of the same
option dropping text), and a caption or a call to subscribe set in bold is weighed as text.
Without formatting it strips those elements first and selects better: on the tuning and
validation halves of its own evaluation pages alike (``bench/RESULTS.md``). So the text is
read both ways: the blocks are the plain run's, and each block the formatted run has word for
word is taken from it, with its emphasis; a block only the plain run has stays plain.
"""

from __future__ import annotations

from difflib import SequenceMatcher

from ...model import Block, plain_text
from .text import squash


def _key(block: Block) -> str:
    return squash(plain_text(block))


def with_formatting(plain: list[Block], formatted: list[Block]) -> list[Block]:
    """``plain``'s blocks, each one ``formatted`` has with the same text replaced by that one."""
    if not formatted:
        return plain
    keys = [_key(b) for b in plain]
    matcher = SequenceMatcher(None, keys, [_key(b) for b in formatted], autojunk=False)
    out: list[Block] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        out.extend(formatted[j1:j2] if tag == "equal" else plain[i1:i2])
    return out
