"""Sentences of an article, with the paragraph they come from.

The splitter is our own: a few rules that know English abbreviations
("Mr.", "U.S.", "Oct."), initials, decimals and quotation marks. It never
splits inside a quotation the tree marks as a :class:`~convert.model.Quote`,
so a quoted remark stays one sentence with its attribution. Sentence text is
a verbatim slice of the paragraph's text, which is what lets the briefing
promise that its summary sentences are the article's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..locale.text import dotted_day_months, printed_marks
from ..model import (
    Article,
    BlockQuote,
    Code,
    Emph,
    LineBreak,
    Link,
    List,
    Math,
    NoteRef,
    Paragraph,
    Quote,
    Strong,
    Text,
)

#: Words that end with a full stop without ending the sentence.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr gen col lt sgt capt cmdr adm gov sen rep rev hon pres supt insp det
    inc corp ltd co plc bros no nos vs v etc al approx dept est fig vol pp
    jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri sat sun
    e.g i.e a.m p.m u.s u.k u.n u.s.a e.u mt ft ave blvd rd""".split()
)

#: Words that usually open a sentence: after "U.S." they mark a boundary.
_STARTERS = frozenset("the a an he she it they we i but and in this that there its his her their".split())

_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"“‘'(\[]?[A-Z0-9])")
_WORDS = re.compile(r"[^\W_]+(?:[’'.-][^\W_]+)*", re.UNICODE)
#: A note's mark typed in the text (`aus.* Im`, `said.” †`): an asterisk, dagger or double dagger
#: right after a sentence's closing punctuation or a closing quotation mark after it (one space
#: allowed), before the end or a space and a word that may start a sentence (:func:`_note_marks`).
#: Never after a letter or digit: `a 5* hotel`, `simply f***.`, `grade A* Maths` are words. In an
#: article with notes it is a call the reader left as text; the briefing drops it as a NoteRef.
_NOTE_MARK = re.compile(r"[.!?…。！？؟।][\"'”’»›」』)]*( ?[*†‡]{1,3})(?![\w*†‡])(?:\s+(\w))?")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its number, its paragraph's number and its text (a verbatim slice).

    ``referent`` is the person a "He …"/"She …" opener stands for, when the
    sentence before names exactly one: :attr:`shown` puts it in brackets.
    """

    index: int
    paragraph: int
    text: str
    referent: str | None = None

    @property
    def shown(self) -> str:
        """The text as a summary shows it: "He [Jol] conceded …" when a referent is known."""
        if not self.referent:
            return self.text
        head, _, rest = self.text.partition(" ")
        return f"{head} [{self.referent}] {rest}"

    @property
    def words(self) -> int:
        return len(_WORDS.findall(self.text))


def word_count(text: str) -> int:
    return len(_WORDS.findall(text))


def render_inlines(
    nodes: tuple[object, ...],
    language: str | None,
    spans: list[tuple[int, int]] | None = None,
    depth: int = 0,
    offset: int = 0,
) -> str:
    """Inline text with quotation marks restored; records each Quote's span in ``spans``."""
    out: list[str] = []
    pos = offset
    for node in nodes:
        match node:
            case Math(display=True):
                piece = ""  # a displayed equation is not a sentence of the story
            case Text(text=t) | Code(text=t) | Math(tex=t):
                piece = t
            case Emph(content=c) | Strong(content=c) | Link(content=c):
                piece = render_inlines(c, language, spans, depth, pos)
            case Quote(content=c, marks=marks):
                open_, close = printed_marks(marks, language, depth)
                inner = render_inlines(c, language, spans, depth + 1, pos + len(open_))
                piece = open_ + inner + close
                if spans is not None and depth == 0:
                    spans.append((pos, pos + len(piece)))
            case LineBreak():
                piece = " "
            case NoteRef():
                piece = ""
            case _:
                piece = ""
        out.append(piece)
        pos += len(piece)
    return "".join(out)


def paragraphs(article: Article) -> list[tuple[str, list[tuple[int, int]]]]:
    """The text of every body paragraph (block quotes and list items too), with quote spans."""
    lang = article.meta.language
    out: list[tuple[str, list[tuple[int, int]]]] = []

    def visit(blocks: tuple[object, ...]) -> None:
        for block in blocks:
            match block:
                case Paragraph(content=c):
                    spans: list[tuple[int, int]] = []
                    text = render_inlines(c, lang, spans)
                    if article.notes:
                        text, spans = _without_note_marks(text, spans)
                    if text.strip():
                        out.append((text, spans))
                case BlockQuote(body=b):
                    visit(b)
                case List(items=items):
                    for item in items:
                        visit(item)
                case _:
                    pass

    visit(article.body)
    return out


def _without_note_marks(text: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """``text`` without the note marks typed in it, and ``spans`` moved to match."""
    cuts = _note_marks(text)
    if not cuts:
        return text, spans

    def moved(pos: int) -> int:
        return pos - sum(min(b, pos) - a for a, b in cuts if a < pos)

    kept = "".join(
        text[a:b] for a, b in zip([0] + [b for _, b in cuts], [a for a, _ in cuts] + [len(text)], strict=True)
    )
    return kept, [(moved(a), moved(b)) for a, b in spans]


def _note_marks(text: str) -> list[tuple[int, int]]:
    """Where note marks stand in ``text``: after a sentence's end, not where a lower-case word
    follows (`etc.* and`), which a note's call never precedes."""
    cuts: list[tuple[int, int]] = []
    for m in _NOTE_MARK.finditer(text):
        if m.group(2) is None or not m.group(2).islower():
            cuts.append(m.span(1))
    return cuts


def _word_before(text: str, dot: int) -> str:
    """The run of word characters, apostrophes, full stops and hyphens ending at ``text[dot]``,
    found walking back from it (a search from the paragraph's start is quadratic work)."""
    start = dot + 1
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_’'.-"):
        start -= 1
    return text[start : dot + 1]


def _is_abbreviation(text: str, dot: int) -> bool:
    """Whether the full stop at ``dot`` ends an abbreviation, an initial or a dotted acronym."""
    whole = _word_before(text, dot)
    if not whole:
        return False
    word = whole.rstrip(".").lstrip("'’")
    low = word.lower()
    if low in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. K. Rowling"
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))  # "U.S", "a.m"


def _next_word(text: str, pos: int) -> str:
    m = re.match(r"\s+[\"“‘'(\[]?([\w’']+)", text[pos:])
    return m.group(1) if m else ""


@lru_cache(maxsize=64)
def _dotted_day(language: str | None) -> re.Pattern[str] | None:
    """A day of the month written with a full stop, then a space and a month's name, where the
    language's CLDR long date writes the day so (:func:`~convert.locale.text.dotted_day_months`:
    German ``10. März``, ``10.–12. März``): a date, no sentence's end."""
    names = dotted_day_months(language)
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in names)
    return re.compile(rf"(?<![\d.,])(?:0?[1-9]|[12]\d|3[01])\.\s+(?:{alternation})(?!\w)", re.IGNORECASE)


def split(
    text: str, protected: list[tuple[int, int]] | None = None, language: str | None = None
) -> list[str]:
    """Split ``text`` into sentences; never inside a ``protected`` span, nor after a dotted day
    before a month in the ``language`` (:func:`_dotted_day`). Slices are verbatim, stripped."""
    cuts: list[int] = []
    day = _dotted_day(language)
    for m in _BOUNDARY.finditer(text):
        end = m.end()
        if any(a < end < b for a, b in protected or ()):
            continue
        last = m.group(0)
        if (
            day is not None
            and last == "."
            and any(day.match(text, p) for p in (m.start() - 2, m.start() - 1))
        ):
            continue  # `10. März`
        if last.startswith(".") and len(last.rstrip("\"'”’)]")) == 1 and _is_abbreviation(text, m.start()):
            acronym = "." in _word_before(text, m.start()).rstrip(".")
            if not (acronym and _next_word(text, end).lower() in _STARTERS):
                continue
        cuts.append(end)
    pieces: list[str] = []
    start = 0
    for cut in [*cuts, len(text)]:
        piece = text[start:cut].strip()
        if piece:
            pieces.append(piece)
        start = cut
    return pieces


def sentences(article: Article) -> list[Sentence]:
    """Every sentence of the body, numbered in article order."""
    out: list[Sentence] = []
    for p, (text, spans) in enumerate(paragraphs(article)):
        for piece in split(text, spans, article.meta.language):
            out.append(Sentence(len(out), p, piece))
    return out
