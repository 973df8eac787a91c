"""Is this unnamed text Markdown? (bytes, stdin, or a name no reader claims)

A file named ``.md`` is Markdown and one named ``.txt`` is plain text, whatever
they hold; this decides only for text that comes without a name. Plain-text
articles (a byline line, a date line, ``*`` notes) are the text reader's, so
only marks that mean nothing outside Markdown count, each the CommonMark form
(spec 0.31, ``../shared/corpus/commonmark-spec``):

- an ATX heading: ``#`` to ``######``, a space, then text (§4.2);
- a footnote definition ``[^1]: …`` (pandoc's and GitHub's extension) or a
  link reference definition ``[label]: https://…`` (§4.7);
- an inline link or image: ``[text](url)`` (§6.3, §6.4);
- a fenced code block opening with three backticks or tildes (§4.5);
- emphasis, ``*…*``, ``**…**`` or ``_…_`` opening after a space and closing
  before one (§6.2), on at least two lines: one pair of stars can be a
  plain-text writer's own marking, two lines of it are a habit.

YAML front matter (``---`` on the first line) is told apart in
:func:`convert.api.sniff` itself. Measured both ways in the README (*Inputs*).
"""

from __future__ import annotations

import re

from .._regex import lazy

#: How much of the text is looked at: the marks show near the top.
_SAMPLE = 65536

_STRONG = lazy(
    r"""
    ^[ ]{0,3}\#{1,6}[ \t]+\S                  # ATX heading
    | ^[ ]{0,3}\[\^?[^\]\n]{1,200}\]:[ \t]*\S    # footnote or link reference definition
    | !?\[[^\]\n]{1,500}\]\([^)\s]+(?:[ ]+"[^"\n]*")?\)  # inline link or image
    | ^[ ]{0,3}(?:```|~~~)                    # fenced code block
    """,
    re.MULTILINE | re.VERBOSE,
)

#: Emphasis whose markers hug the words they wrap and stand apart from the words around them.
_EMPHASIS = lazy(r"(?:^|(?<=[\s(\[\"'“‘«]))(\*\*|\*|__|_)(?=[^\s*_])[^\n]*?(?<=[^\s*_])\1(?![\w*])")


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` carries marks only Markdown gives meaning to (see the module's list)."""
    sample = text[:_SAMPLE]
    if _STRONG.search(sample):
        return True
    lines = {sample.count("\n", 0, m.start()) for m in _EMPHASIS.finditer(sample)}
    return len(lines) >= 2
