"""Is this unnamed text Markdown? (bytes, stdin, or a name no reader claims)

A file named ``.md`` is Markdown and one named ``.txt`` is plain text, whatever
they hold; this decides only for text that comes without a name. Plain-text
articles (a byline line, a date line, ``*`` notes, ``[1]: Smith J, Nature``
references, ``# of passengers`` lines) are the text reader's, so each mark is
the strict CommonMark form (spec 0.31, ``../shared/corpus/commonmark-spec``)
and no single loose mark decides. These decide alone:

- a fenced code block: three backticks or tildes, then a closing fence (§4.5);
- a footnote definition ``[^label]: …`` (pandoc's and GitHub's extension);
- a real link: an inline link or image ``[text](url)`` whose destination is a
  URL or a path (§6.3, §6.4), or a link reference definition (§4.7: a label, a
  destination, an optional quoted title, nothing else on the line) that a
  ``[text][label]`` or ``[label][]`` uses;
- an ATX heading (``#`` to ``######``, a space, text, §4.2) as the first line.

Weak marks count only two kinds together: an ATX heading further down, a setext
heading (a line underlined with ``=``, §4.3), emphasis ``*…*``, ``**…**``,
``_…_`` or ``__…__`` opening after a space and closing before one (§6.2).

YAML front matter (``---`` on the first line) is told apart in
:func:`convert.api.sniff` itself. Measured both ways in the README (*Inputs*).
"""

from __future__ import annotations

import re

from .._regex import lazy

#: How much of the text is looked at: the marks show near the top.
_SAMPLE = 65536

_FENCE = lazy(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*\n(?:[^\n]*\n)*?[ ]{0,3}\1[ \t]*$", re.MULTILINE)
_FOOTNOTE = lazy(r"^[ ]{0,3}\[\^[^\]\s]{1,200}\]:", re.MULTILINE)
#: An inline link's destination that is a URL (a scheme), an address, a path or an anchor.
_INLINE_LINK = lazy(
    r"""!?\[[^\]\n]{1,500}\]\(
    (?:[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s)]+ | www\.[^\s)]+ | \.{0,2}/[^\s)]* | \#[^\s)]+
       | [^\s()/]+\.[A-Za-z0-9]{2,5} | <[^>\n]+>)
    (?:[ ]+(?:"[^"\n]*"|'[^'\n]*'))?\)""",
    re.VERBOSE,
)
#: A link reference definition, whole: label, destination, optional title, nothing else.
_REF_DEF = lazy(
    r"""^[ ]{0,3}\[(?!\^)([^\]\n]{1,999})\]:[ \t]*
    (?:<[^>\n]*>|[^\s<][^\s]*)
    (?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*$""",
    re.MULTILINE | re.VERBOSE,
)
#: A full or collapsed reference link: ``[text][label]`` or ``[label][]``.
_REF_USE = lazy(r"\[([^\]\n]{1,999})\]\[([^\]\n]{0,999})\]")
_ATX = lazy(r"^[ ]{0,3}\#{1,6}[ \t]+\S", re.MULTILINE)
_SETEXT = lazy(r"^[ ]{0,3}\S[^\n]*\n[ ]{0,3}=+[ \t]*$", re.MULTILINE)
#: Runs of emphasis markers, with the character before and after.
_RUN = lazy(r"(\*+|_+)")
#: What may stand before an opener (start of line is handled apart).
_OPEN_AFTER = frozenset(" \t([\"'“‘«")


def _label(text: str) -> str:
    """A link label as CommonMark matches it: case-folded, inner white space collapsed."""
    return " ".join(text.split()).casefold()


def _real_link(sample: str) -> bool:
    if _INLINE_LINK.search(sample):
        return True
    labels = {_label(m.group(1)) for m in _REF_DEF.finditer(sample)}
    if not labels:
        return False
    return any(_label(m.group(2) or m.group(1)) in labels for m in _REF_USE.finditer(sample))


def _emphasis(line: str) -> bool:
    """Whether ``line`` holds one emphasis pair, in one pass over its marker runs."""
    opened: set[str] = set()
    for m in _RUN.finditer(line):
        run = m.group(1)
        if len(run) > 2:
            continue
        before = line[m.start() - 1] if m.start() else ""
        after = line[m.end()] if m.end() < len(line) else ""
        closes = before and not before.isspace() and before not in ("*", "_")
        if run in opened and closes and not (after.isalnum() or after in ("*", "_")):
            return True
        if (not before or before in _OPEN_AFTER) and after and not after.isspace():
            opened.add(run)
    return False


def looks_like_markdown(text: str) -> bool:
    """Whether ``text`` carries marks only Markdown gives meaning to (see the module's list)."""
    sample = text[:_SAMPLE]
    if _FENCE.search(sample) or _FOOTNOTE.search(sample) or _real_link(sample):
        return True
    first = sample.lstrip("\n").partition("\n")[0]
    if _ATX.match(first):
        return True
    weak = 0
    weak += any(_ATX.match(line) for line in sample.lstrip("\n").splitlines()[1:])
    weak += bool(_SETEXT.search(sample))
    weak += any(_emphasis(line) for line in sample.splitlines())
    return weak >= 2
