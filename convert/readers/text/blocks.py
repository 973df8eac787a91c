"""Lines, blocks and paragraphs: how plain text falls into body items.

Blank lines separate blocks; a block is a rule, a list, or paragraphs
(hard-wrapped lines joined, or one per line when the layout says so).
"""

from __future__ import annotations

from ..._regex import compiled, lazy
from ...model import Block, List, Paragraph, Rule, Text
from .._lines import clean

_LINE_BREAK = compiled(r"\r\n|[\r\n\x1c-\x1e\x85\u2028]")
_RULE = compiled(r"(?:[*•·]\s*){3,}|(?:[-_=~#+]\s*){3,}")
_BULLET = lazy(r"\s*(?:[-*•–]|(?P<num>\d{1,3})[.)])\s+(?P<text>\S.*)")
#: A block whose lines (but the last) run longer than this is not hard-wrapped:
#: it holds one paragraph per line.
_WRAP_LIMIT = 100
#: Bidi marks of no width (LRM, RLM, ALM): a right-to-left text's writer puts one
#: before a line of neutrals (``===``, ``* * *``) so it aligns with the text.
_BIDI_MARKS = "\u200e\u200f\u061c"
#: Lines all indented alike and no longer than this are rows, one paragraph each.
_ROW_LIMIT = 50


def split_lines(text: str) -> list[str]:
    """The lines of ``text``, split at every kind of line break."""
    return _LINE_BREAK.split(text)


def split_blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks of lines; lines keep their indent."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in _LINE_BREAK.split(text.replace("\u2029", "\n\n")):
        line = raw.expandtabs(4).rstrip()
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def join_wrapped(lines: list[str]) -> str:
    """Hard-wrapped lines as one paragraph: joined with spaces.

    A line ending in a hyphenated word part (``well-``) joins the next
    directly, keeping the hyphen: dropping it would be a guess.
    """
    parts: list[str] = []
    for line in (clean(x) for x in lines):
        if not parts:
            if line:
                parts.append(line)
        elif parts[-1].endswith("-") and parts[-1][-2:-1].isalpha() and line[:1].islower():
            # only the last line's tail is looked at: joining takes time in proportion to the block
            parts.append(line)
        elif line:
            parts.extend((" ", line))
    return "".join(parts)


def split_paragraphs(lines: list[str]) -> list[str]:
    """The paragraphs of one block of lines.

    Lines longer than :data:`_WRAP_LIMIT` mean one paragraph per line, and so
    do short lines all indented alike (rows, as in a wire story's earnings
    table); first-line indents (an indented line that wrapped lines at the
    base indent follow) mean each indented line starts a paragraph, whether
    or not the block's own first line is indented (wire copy often loses the
    dateline's indent); otherwise the block is one hard-wrapped paragraph. A
    hanging indent (first line out, all others in) stays one paragraph.
    """
    if any(len(clean(x)) > _WRAP_LIMIT for x in lines[:-1]):
        return [p for p in (clean(x) for x in lines) if p]
    indents = [len(x) - len(x.lstrip()) for x in lines]
    base = min(indents)
    if (
        len(lines) > 1
        and base > 0
        and max(indents) == base
        and all(len(clean(x)) <= _ROW_LIMIT for x in lines)
    ):
        # every line indented alike and short: rows (a wire story's earnings table), not wrapped prose
        return [p for p in (clean(x) for x in lines) if p]
    if (
        len(lines) > 2
        and min(indents[1:]) == max(indents[1:]) > indents[0]
        and all(len(clean(x)) <= _ROW_LIMIT for x in lines[1:])
    ):
        # a lead line (a dateline standing alone) over such rows
        return [p for p in (clean(x) for x in lines) if p]
    deeper = [n for n, indent in enumerate(indents) if indent > base]
    indented_starts = bool(deeper) and (
        indents[0] > base
        or deeper[0] >= 2  # a flush first paragraph that wraps, then indented starts
        or any(indents[n + 1] == base for n in deeper if n + 1 < len(lines))
    )
    groups: list[list[str]] = []
    for line, indent in zip(lines, indents, strict=True):
        if not groups or (indented_starts and indent > base):
            groups.append([line])
        else:
            groups[-1].append(line)
    return [join_wrapped(g) for g in groups]


def unmarked(line: str) -> str:
    """``line`` trimmed of spaces and of the bidi marks around it."""
    return line.strip().strip(_BIDI_MARKS).strip()


def is_rule(lines: list[str]) -> bool:
    """A section break: one line of ``* * *``, ``***``, ``---``, ``###`` ..."""
    return len(lines) == 1 and _RULE.fullmatch(unmarked(lines[0])) is not None


def find_list(lines: list[str]) -> List | None:
    """A block whose every line is a bullet (``- ``, ``* ``, ``1. ``) or its indented continuation."""
    if len(lines) < 2:
        return None
    items: list[list[str]] = []
    ordered: bool | None = None
    start = 1
    for line in lines:
        m = _BULLET.fullmatch(line)
        if m:
            numbered = m.group("num") is not None
            if ordered is None:
                ordered = numbered
                start = int(m.group("num")) if numbered else 1
            elif ordered != numbered:
                return None
            items.append([m.group("text")])
        elif items and line[:1].isspace():
            items[-1].append(line)
        else:
            return None
    if len(items) < 2:
        return None
    body = tuple((Paragraph((Text(join_wrapped(i)),)),) for i in items)
    return List(items=body, ordered=bool(ordered), start=start)


def body_items(blocks: list[list[str]]) -> list[Block | str]:
    """Rules, lists, and paragraphs still as strings for the passes that follow."""
    items: list[Block | str] = []
    for lines in blocks:
        if is_rule(lines):
            items.append(Rule())
        elif (found := find_list(lines)) is not None:
            items.append(found)
        else:
            items.extend(p for p in split_paragraphs(lines) if p)
    return items
