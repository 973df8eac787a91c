"""Is this unnamed text Markdown? (bytes, stdin, or a name no reader claims)

A file named ``.md`` is Markdown and one named ``.txt`` is plain text, whatever
they hold; this decides only for text that comes without a name. Plain-text
articles (a byline line, a date line, ``*`` notes, ``[1]: Smith J, Nature``
references, ``# of passengers`` lines) are the text reader's, so each mark is
the strict CommonMark form (spec 0.31, ``../shared/corpus/commonmark-spec``)
and no single loose mark decides. These decide alone:

- a fenced code block: three backticks or tildes, then a closing fence of the
  same mark, at least as long, with nothing after it (§4.5), found in one pass;
- a footnote definition ``[^label]: …`` (pandoc's and GitHub's extension);
- a real link: an inline link or image ``[text](url)`` whose destination is a
  URL or a path (§6.3, §6.4), or a link reference definition (§4.7: a label, a
  destination, an optional quoted title, nothing else on the line) that a
  ``[text][label]`` or ``[label][]`` uses;
- an ATX heading (``#`` to ``######``, a space, text, §4.2) as the first
  non-blank line (after a BOM, CRLF or white-space-only lines);
- two ATX headings further down (or one and a shortcut link, below).

The first line's heading decides whatever its text starts with; further down, a heading counts
only when it reads as a heading, not as a sentence: its text starts with a capital or a non-Latin
letter (``# of passengers`` or ``#1 seed`` is no heading), and :func:`_sentence` does not hold
(``# The mayor said she would decide by June.``, ``# 市长说，她将在六月前作出决定。`` are
sentences; ``## Decisions.``, ``## Install:``, ``## Why, then, should you use Foo?`` headings).
Weak marks count only two kinds together: one ATX heading further down, one named label that a
definition names and a shortcut reference ``[label]`` uses (``[Smith]``), a setext heading (a
line underlined with ``=``, §4.3), and emphasis ``*…*``, ``**…**``, ``_…_`` or ``__…__`` opening
after a space and closing before one (§6.2); two headings, two such labels, or one of each
decide. A named shortcut is weak because ``[Smith]`` with ``[Smith]: https://…`` below is also
how plain text cites a source; a numbered one (``[1]``) counts not at all, being plain text's
usual way. A setext underline pairs only with emphasis on two or
more lines: an underlined title with one starred word is plain text's.

YAML front matter (``---`` on the first line) is told apart in
:func:`convert.api.sniff` itself. Measured both ways in the README (*Inputs*).
"""

from __future__ import annotations

import re
import unicodedata
from itertools import dropwhile, pairwise

from .._regex import lazy
from ..locale.script import UNSPACED_SCRIPTS, char_script

#: How much of the text is looked at: the marks show near the top.
_SAMPLE = 65536

#: A fence line: its run of backticks or tildes and what follows (§4.5).
_FENCE_LINE = lazy(r"[ ]{0,3}(`{3,}|~{3,})(.*)")
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
#: A shortcut reference link ``[label]``: not an image, a definition, or a full or inline link.
_REF_SHORTCUT = lazy(r"(?<![\]!\\])\[([^\[\]\n]{1,999})\](?![\[(:])")
_ATX = lazy(r"[ ]{0,3}\#{1,6}[ \t]+(\S)")
#: An ATX heading's optional closing sequence of ``#`` (§4.2).
_CLOSING_HASHES = lazy(r"[ \t]+\#+[ \t]*$")
#: The sentence ends among what markdownlint's MD026 (no-trailing-punctuation) refuses at a
#: heading's end by default (``.,;:!``); ``:`` and ``!`` end headings as often, as ``?`` does.
_SENTENCE_END = tuple(".,;\u0964\u06d4")  # and the Devanagari danda and Urdu full stop (Sentence_Terminal)
_HEADING_END = tuple("?!:？！：")
#: A full stop in scripts without spaces: CJK's ideographic and full-width ones, Khmer's and
#: Myanmar's (Unicode's Sentence_Terminal characters of those scripts that are no ``?`` or ``!``).
_FULL_STOP = tuple("。．\u17d4\u104b")
#: A comma or semicolon inside a line: clauses joined (Latin and Arabic before a space).
_INNER_COMMA = lazy(r"[,;،؛]\s")
#: The same in scripts without spaces: full-width comma and semicolon (not the ideographic comma
#: ``、``, which numbers headings: ``## 一、安装``), in a line of some length.
_UNSPACED_COMMA = lazy(r"[，；].")
#: Characters a line without spaces needs before its inner comma makes it a sentence
#: (``## 准备，安装`` is a heading; ``# 市长说，她将在六月前作出决定`` is not).
_UNSPACED_SENTENCE_CHARS = 12
#: An ordered list item's marker (CommonMark §5.2): a number, then ``.`` or ``)``, then a space.
_ORDERED_ITEM = lazy(r"\d{1,9}[.)](?:\s|$)")
#: Several words: fewer make a heading whatever its punctuation (``## Hello, World!``).
_SENTENCE_WORDS = 4
_SETEXT = lazy(r"^[ ]{0,3}\S[^\n]*\n[ ]{0,3}=+[ \t]*$", re.MULTILINE)
#: Runs of emphasis markers, with the character before and after.
_RUN = lazy(r"(\*+|_+)")
#: What may stand before an opener (start of line is handled apart).
_OPEN_AFTER = frozenset(" \t([\"'“‘«")


def _label(text: str) -> str:
    """A link label as CommonMark matches it: case-folded, inner white space collapsed."""
    return " ".join(text.split()).casefold()


def _links(sample: str) -> tuple[bool, int]:
    """Whether ``sample`` holds a real link, and how many defined labels shortcut links use.

    Each named label a shortcut ``[label]`` uses is only a weak mark: ``[Smith]`` with
    ``[Smith]: https://…`` below is also how plain text cites a source. A numbered one (``[1]``
    with ``[1]: https://…``) is no mark at all: that is plain-text mail's and articles' way.
    """
    if _INLINE_LINK.search(sample):
        return True, 0
    labels = {_label(m.group(1)) for m in _REF_DEF.finditer(sample)}
    if not labels:
        return False, 0
    if any(_label(m.group(2) or m.group(1)) in labels for m in _REF_USE.finditer(sample)):
        return True, 0
    used = {_label(m.group(1)) for m in _REF_SHORTCUT.finditer(sample)}
    return False, sum(not label.isdigit() for label in used & labels)


def _closed_fence(lines: list[str]) -> bool:
    """Whether a fenced code block opens and closes, in one pass over ``lines`` (§4.5).

    A closing fence is the opening one's character, at least as long, with nothing after it;
    a backtick fence's info string holds no backtick.
    """
    opened = ""
    for line in lines:
        m = _FENCE_LINE.match(line)
        if m is None:
            continue
        run, rest = m.group(1), m.group(2)
        if not opened:
            if not (run[0] == "`" and "`" in rest):
                opened = run
        elif run[0] == opened[0] and len(run) >= len(opened) and not rest.strip():
            return True
    return False


def _heading(line: str, following: str = "") -> bool:
    """An ATX heading that reads as one, not as a sentence (``following`` is the next line).

    Its text starts as a title does: not a lower-case Latin word, not a digit (``# of
    passengers: 4,000`` and ``#1 seed`` are plain text's; a heading in Greek, Cyrillic or an
    uncased script may start with any letter of it), and :func:`_sentence` does not hold.
    """
    m = _ATX.match(line)
    if m is None:
        return False
    c = m.group(1)
    if not c.isalpha():
        return False
    if c.islower() and unicodedata.name(c, "").startswith("LATIN"):
        return False
    text = _CLOSING_HASHES.sub("", line).strip().lstrip("#").strip()
    return not _sentence(text, following, char_script(c) in UNSPACED_SCRIPTS)


def _sentence(text: str, following: str, unspaced: bool) -> bool:
    """Whether a ``#`` line's ``text`` reads as a sentence; ``following`` is the next line.

    Its end is read inside any closing quotes or brackets (``build."``, ``(eight did not.)``).
    One ending in ``?``, ``!`` or ``:`` is a heading whatever else it has (``## Why, then,
    should you use Foo?``, ``## Install:``, ``## Thanks!``). In a script that puts no spaces
    between words (:data:`~convert.locale.script.UNSPACED_SCRIPTS`) a line is one "word", so
    the marks alone decide: a full stop (``。``, ``．``, Khmer's, Myanmar's) at its end, or a
    comma (``，``, ``；``) inside a line of twelve characters or more (``## 一、安装`` and
    ``## 准备，安装`` are headings). Elsewhere a line of fewer than four words is a heading whatever its
    punctuation (``## Decisions.``, ``## Hello, World!``); one of four or more is a sentence
    when it ends in MD026's ``.``, ``,`` or ``;`` (or a danda ``।``, Urdu's ``۔``), or when two weaker marks show: a comma or
    semicolon inside it, before a space, and its text carrying on onto the next line in lower
    case or a digit (prose, not a list item, quote, fence or code; a capitalised line is no
    sign, headings are followed by one as often).
    """
    end = len(text)
    while end and (text[end - 1] in "\"'" or unicodedata.category(text[end - 1]) in ("Pe", "Pf")):
        end -= 1  # closing quotes and brackets (Unicode's Pe, Pf; straight quotes close as often)
    core = text[:end]
    if core.endswith(_HEADING_END):
        return False
    if unspaced:
        long = len(core) >= _UNSPACED_SENTENCE_CHARS
        return core.endswith(_FULL_STOP) or (long and _UNSPACED_COMMA.search(core) is not None)
    if len(text.split()) < _SENTENCE_WORDS:
        return False
    if core.endswith(_SENTENCE_END):
        return True
    nxt = following.lstrip(" ")
    goes_on = (nxt[:1].islower() or nxt[:1].isdigit()) and len(following) - len(nxt) < 4
    goes_on = goes_on and not _ORDERED_ITEM.match(nxt)
    return _INNER_COMMA.search(text) is not None and goes_on


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
    sample = text[:_SAMPLE].lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = sample.split("\n")
    if _closed_fence(lines) or _FOOTNOTE.search(sample):
        return True
    link, shortcuts = _links(sample)
    if link:
        return True
    body = list(dropwhile(lambda line: not line.strip(), lines))
    if body and _ATX.match(body[0]):
        return True  # any heading opening the document (`# 10 things`, `# ¿Qué pasa?`, `# iPhone 17`)
    headings = sum(_heading(line, nxt) for line, nxt in pairwise([*body[1:], ""]))
    if headings + shortcuts >= 2:
        return True
    setext = _SETEXT.search(sample) is not None
    emphasis = sum(_emphasis(line) for line in lines)
    if headings or shortcuts:
        return setext or emphasis > 0
    return setext and emphasis >= 2
