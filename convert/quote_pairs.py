"""Quotation marks in a paragraph's text: which open, which close, and how they pair.

Part of :mod:`convert.quotes`, which finds the quotations and who said them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ._regex import compiled
from .cache import dataclass
from .locale.text import quote_marks
from .model import MARK_SPACES, QUOTATION_MARKS, Inline, Quote, Text

_OBJ = "\ufffc"  # stands for a non-text inline while we search the text
_DOUBLE_OPEN = "“„«"  # a mark's role when neither its place nor the language decides
_DOUBLE_CLOSE = "”»"
#: Double marks that open a quotation in one language and close one in another, by CLDR's
#: delimiters: “ opens English and closes German (`„…“`), ” closes English and opens Swedish
#: (`”…”`) and Arabic, « opens French and closes Hungarian's inner quotation (`»…«`), » the
#: reverse (tests/test_quotes.py derives the set from ``data/quotes.json``). Where a paragraph
#: holds two quotations, a wrong role pairs the words between them as the quotation.
_EITHER = "“”«»"
_WORDS = compiled(r"[^\W_]+(?:[’'\-][^\W_]+)*")


@dataclass(frozen=True)
class _Marks:
    """The double marks that open and that close a quotation in the article's language (CLDR)."""

    opens: str = "“"
    closes: str = "”"

    @classmethod
    def of(cls, language: str | None) -> _Marks:
        outer, inner = quote_marks(language, 0), quote_marks(language, 1)
        return cls(
            opens=(outer[0] + inner[0]).replace(_NNBSP, ""), closes=(outer[1] + inner[1]).replace(_NNBSP, "")
        )


_NNBSP = "\u202f"
_ENGLISH = _Marks()


def _double_role(s: str, i: int, marks: _Marks = _ENGLISH) -> tuple[bool, bool]:
    """Whether the mark at ``i`` can open and whether it can close a quotation.

    A mark with a space (or the paragraph's edge) on one side and a word on the other
    says which it is; where its place does not tell (`« mot »`, spaces both sides), the
    language's own marks do, and then the usual role of the mark.
    """
    ch = s[i]
    before = s[i - 1] if i else " "
    after = s[i + 1] if i + 1 < len(s) else " "
    if ch in _EITHER:
        opens = (before.isspace() or before in "([{—–-/:;" + _OBJ) and not (
            after.isspace() or after in ",.;:!?)]…"
        )
        closes = not before.isspace() and (after.isspace() or not after.isalnum())
        if opens != closes:
            return opens, closes
        if (ch in marks.opens) != (ch in marks.closes):
            return ch in marks.opens, ch in marks.closes
    if ch in _DOUBLE_OPEN:
        return True, False
    if ch in _DOUBLE_CLOSE:
        return False, True
    can_open = (before.isspace() or before in "([{—–-/:;" + _OBJ) and not after.isspace()
    can_close = not before.isspace() and (after.isspace() or not after.isalnum())
    if not can_open and not can_close:
        can_open = can_close = True
    return can_open, can_close


_DOUBLE_MARK = compiled("[" + re.escape('"' + _DOUBLE_OPEN + _DOUBLE_CLOSE) + "]")


def _double_pairs(s: str, continues: bool, marks: _Marks = _ENGLISH) -> list[tuple[int, int]]:
    """``(open, close)`` index pairs; ``close == len(s)`` for a quotation running to the end."""
    pairs: list[tuple[int, int]] = []
    start: int | None = None
    for mark in _DOUBLE_MARK.finditer(s):  # the marks only, not a Python step per character
        i = mark.start()
        can_open, can_close = _double_role(s, i, marks)
        if start is not None and can_close and not (can_open and not can_close):
            pairs.append((start, i))
            start = None
        elif can_open:
            if start is not None and _ends_sentence(s[start + 1 : i]):
                pairs.append((start, i))  # an unclosed paragraph of speech, then a new one
            start = i
    if start is not None and (continues or start == 0) and len(_WORDS.findall(s[start:])) >= 6:
        pairs.append((start, len(s)))
    return pairs


def _ends_sentence(text: str) -> bool:
    return bool(compiled(r"[.!?…]\s*$").search(text)) and len(_WORDS.findall(text)) >= 4


def _single_pairs(s: str, kinds: str = "'‘’", inner: tuple[str, str] = ("", "")) -> list[tuple[int, int]]:
    """Single-quoted terms: 'demonstration'. Apostrophes (Russia's, '80s, geht’s) are not marks, nor
    is a character not in ``kinds``; ``inner`` are the language's own single marks (German ‚…‘)."""
    pairs: list[tuple[int, int]] = []
    start: int | None = None
    for i, ch in enumerate(s):
        if ch not in kinds:
            continue
        before = s[i - 1] if i else " "
        after = s[i + 1] if i + 1 < len(s) else " "
        opens = (
            (ch in "‘'" or ch == inner[0]) and (before.isspace() or before in "([{—–-/") and after.isalpha()
        )
        closes = (
            (ch in "'’" or ch == inner[1]) and (before.isalnum() or before in ".,!?") and not after.isalnum()
        )
        if start is not None and closes:
            if len(_WORDS.findall(s[start:i])) <= 12:
                pairs.append((start, i))
            start = None
        elif opens:
            start = i
    return pairs


def _rebuild(s: str, objects: Iterator[Inline]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for piece in compiled(f"({_OBJ})").split(s):
        if piece == _OBJ:
            out.append(next(objects))
        elif piece:
            out.append(Text(piece))
    return tuple(out)


def _with_singles(
    s: str, objects: Iterator[Inline], language: str | None = None, *, wrap: bool = True, kinds: str = "'‘’"
) -> tuple[Inline, ...]:
    """Single-quoted spans inside a quotation become nested quotes, in the marks typed.

    Outside any quotation (``wrap=False``) they are left as typed: a single
    quote there is the author's choice of mark for a term, not speech, and
    exporters would otherwise print it with double marks.
    """
    if not wrap:
        return _rebuild(s, objects)
    out: list[Inline] = []
    pos = 0
    # the language's inner marks when they are single ones (CLDR: German and Czech ‚…‘)
    opening, closing = (m.strip(_NNBSP) for m in quote_marks(language, 1))
    if not (len(opening) == len(closing) == 1) or _DOUBLE_MARK.match(opening):
        opening = closing = ""
    for a, b in _single_pairs(s, kinds + opening + closing, (opening, closing)):
        out.extend(_rebuild(s[pos:a], objects))
        out.append(Quote(_rebuild(s[a + 1 : b], objects), marks=typed_marks(s[a], s[b], language, 1)))
        pos = b + 1
    out.extend(_rebuild(s[pos:], objects))
    return tuple(out)


_AS_SPACE = str.maketrans(dict.fromkeys(MARK_SPACES, " "))


def typed_marks(open_: str, close: str, language: str | None, depth: int = 0) -> tuple[str, str] | None:
    """:attr:`~convert.model.Quote.marks` for a quotation typed between ``open_`` and ``close``
    (a space typed inside them included; ``""`` for a closing mark never typed).

    ``None`` for straight marks, a keyboard's stand-in for whichever marks the language uses
    (``('"', "")`` where the quotation runs on: the language's opening mark and no closing one).
    Other marks are kept whatever the language, so a language set later (``--language``,
    ``--meta language=``) still prints them as typed; where they are the language's own marks
    (CLDR, at ``depth``) but for the kind of space, the language's spaces are kept (the
    whitespace pass has made every no-break space a space; French sets `« mot »` with narrow
    no-break spaces).
    """
    if any(m in "\"'" for m in open_ + close):  # running on: no closing mark printed (`('"', "")`)
        return (open_, "") if open_ == '"' and close == "" else None
    own_open, own_close = quote_marks(language, depth)
    if (open_.translate(_AS_SPACE), close.translate(_AS_SPACE)) == (
        own_open.translate(_AS_SPACE),
        own_close.translate(_AS_SPACE),
    ):
        return own_open, own_close
    return open_.replace("\u00a0", " "), close.replace("\u00a0", " ")  # printed no-break (Markdown's)


def quote_in_marks(content: list[Inline], speaker: str | None, language: str | None) -> Quote | None:
    """A reader's run that opens and closes with a quotation mark as a quotation in those marks (a
    space inside them kept): how pandoc gives back a speaker's quotation the writers wrote in its
    typed marks. ``None`` when the run is not one."""
    if not content or not isinstance(content[0], Text) or not isinstance(content[-1], Text):
        return None
    first, last = content[0].text, content[-1].text
    if first[:1] not in QUOTATION_MARKS or len("".join((first, last))) < 3:
        return None
    open_ = first[:2] if first[1:2] in MARK_SPACES else first[:1]
    close = last[-2:] if last[-2:-1] in MARK_SPACES else last[-1:]
    if close[-1:] not in QUOTATION_MARKS or (close[-1] in "’'" and last[-2:-1].isalpha()):
        close = ""  # a quotation running on (`… the workers’`: an apostrophe, not a mark)
    inner = [*content]
    inner[0] = Text(first[len(open_) :])
    end = inner[-1]
    if isinstance(end, Text):
        inner[-1] = Text(end.text[: len(end.text) - len(close)])
    return Quote(singles_inside(inner, language), speaker, typed_marks(open_, close, language))


def singles_inside(inner: list[Inline] | tuple[Inline, ...], language: str | None) -> tuple[Inline, ...]:
    """A quotation pandoc read, with the quotations typed inside it in curly single marks as nested
    ones, as the text reader finds them (`“He said ‘no’”`, `"He said ‘no’"`). Straight ones stay
    as read: pandoc's reader made a quotation of each the Markdown writer wrote as one, and the
    writer escaped the others (`'rock 'n' roll'` read in text as `'rock ` + `'n'` + ` roll'`)."""
    text = "".join(n.text.replace(_OBJ, "") if isinstance(n, Text) else _OBJ for n in inner)
    objects = iter([n for n in inner if not isinstance(n, Text)])
    return _with_singles(text, objects, language, kinds="‘’")
