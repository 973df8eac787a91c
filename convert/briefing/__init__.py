"""Briefings: what an article says, who said what, and the numbers, as data.

:func:`build` analyses an article (the quote pass, sentences, TextRank
summary, figures, entities) into a :class:`Briefing`; :func:`render_text`
and :func:`to_json` turn it into the ``brief`` and ``brief.json`` outputs;
:mod:`.digest` combines many. Everything is deterministic and offline.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from ..article_parts import bios, end_notes
from ..locale import text as loc
from ..locale.casing import capitals_drop_accents, lower, upper
from ..locale.script import (
    article_direction,
    display_width,
    fill,
    join_sentences,
    reading_minutes,
    rtl_lines,
    word_count,
)
from ..model import Article, Quote, plain_text, walk
from . import entities as ent
from .figures import Figure, find
from .sentences import Sentence, paragraphs, sentences
from .summary import summarise

__all__ = ["Briefing", "SpokenQuote", "build", "render_text", "source_line", "to_json"]

SCHEMA = "broadsheet.brief"
_WORD = re.compile(r"[^\W\d_][^\W_]*")
#: Runs of the spaces a line may break at; no-break spaces are not among them.
_ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")
#: 1.1: a figure may give a range's ends as ``range`` (and no ``value``).
VERSION = (1, 1)
#: "Who said what" shows the first this many quotations the summary does not (``brief.json`` has
#: them all); as the figures stop at 40, a book-length input does not give a book-length briefing.
QUOTES_SHOWN = 40


@dataclass(frozen=True, slots=True)
class SpokenQuote:
    speaker: str
    text: str
    paragraph: int
    #: the marks the quotation was typed with (:attr:`~convert.model.Quote.marks`), a closing mark
    #: added to one that runs on (:func:`~convert.locale.text.closing_mark`); ``None``: the language's
    marks: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True)
class Briefing:
    article: Article
    words: int
    minutes: int
    bottom_line: tuple[Sentence, ...]
    key_points: tuple[Sentence, ...]
    quotes: tuple[SpokenQuote, ...]
    figures: tuple[Figure, ...]
    people: tuple[ent.Entity, ...]
    places: tuple[ent.Entity, ...]
    organisations: tuple[ent.Entity, ...]
    notes: tuple[str, ...]

    @property
    def title(self) -> str:
        return self.article.meta.title or loc.label("Untitled article", self.article.meta.language)

    def by_speaker(self) -> dict[str, list[SpokenQuote]]:
        """Quotes grouped by speaker: speakers in order of first quote, quotes in article order."""
        groups: dict[str, list[SpokenQuote]] = {}
        for q in self.quotes:
            groups.setdefault(q.speaker, []).append(q)
        return groups


def _spoken(article: Article) -> list[SpokenQuote]:
    out: list[SpokenQuote] = []
    lang = article.meta.language
    from .sentences import render_inlines

    for number, block in enumerate(b for b in walk(article.body) if type(b).__name__ == "Paragraph"):
        for node in walk((block,)):
            if isinstance(node, Quote) and node.speaker:
                text = " ".join(render_inlines(node.content, lang, depth=1).split()).rstrip(",;: ")
                marks = node.marks
                if marks and not marks[1]:  # the excerpt closes a quotation typed running on
                    marks = (marks[0], loc.closing_mark(marks[0], lang))
                out.append(SpokenQuote(node.speaker, text, number, marks))
    return out


def _flat(text: str) -> str:
    return "".join(ch for ch in text if ch.isalnum())


def _shown(quote: str, summary: list[str]) -> bool:
    """Whether a summary sentence (given :func:`_flat`) already shows ``quote``: "Who said what" does not repeat it."""
    flat = _flat(quote)
    return any(flat in s for s in summary)


def build(article: Article) -> Briefing:
    """Analyse ``article`` into a briefing (runs the quote pass first; it is idempotent)."""
    from ..quotes import PersonIndex, find_quotes

    article = find_quotes(article)
    sents = sentences(article)
    index = PersonIndex.build("\n\n".join(plain_text(b) for b in article.body))
    bottom, key = summarise(sents, article.meta.title, referent=ent.sole_person(index))
    text = "\n\n".join(t for t, _ in paragraphs(article))
    words = word_count(text)
    lang = article.meta.language
    notes = tuple(
        loc.labelled(loc.note_label(n.kind, lang), " ".join(plain_text(n.body).split()), lang)
        for n in end_notes(article)
    )
    about = loc.plural_label("About the author", "About the authors", 1, lang)
    return Briefing(
        article=article,
        words=words,
        minutes=reading_minutes(text, article.meta.language),
        bottom_line=tuple(bottom),
        key_points=tuple(key),
        quotes=tuple(_spoken(article)),
        figures=tuple(find(sents, language=lang)),
        people=tuple(ent.people(text, index)),
        places=tuple(ent.places(text, index=index)),
        organisations=tuple(ent.organisations(text)),
        notes=notes + tuple(loc.labelled(about, b, lang) for b in bios(article)),
    )


def source_line(article: Article) -> str:
    """Author, publisher, date and time, dateline place: the parts the article has."""
    m = article.meta
    parts = []
    if m.authors:
        parts.append(loc.byline([a.name for a in m.authors], m.language) or "")
    if m.publisher:
        parts.append(m.publisher)
    if m.published:
        parts.append(loc.display_date(m.published, m.language) or m.published)
    if m.dateline:
        parts.append(_place(m.dateline, article) if m.dateline.isupper() else m.dateline)
    return " · ".join(parts)


def _fold(word: str) -> str:
    """A word without case or accents, to find one spelling in another (``ΘΕΣΣΑΛΟΝΙΚΗ``, ``Θεσσαλονίκη``)."""
    bare = "".join(c for c in unicodedata.normalize("NFD", word.casefold()) if not unicodedata.combining(c))
    return bare.replace("ı", "i")


def _place(capitals: str, article: Article) -> str:
    """A dateline set in capitals, in small letters: as the article spells the place elsewhere with a
    capital (never an ordinary word's spelling: `READING` is not `reading`), else with the language's
    casing where capitals keep every letter's accents, else as typed."""
    lang = article.meta.language
    wanted = [_fold(w) for w in _WORD.findall(capitals)]
    text = "\n".join([article.meta.title or "", *(plain_text(b) for b in article.body)])
    words = list(_WORD.finditer(text))
    for i in range(len(words) - len(wanted) + 1):
        run = words[i : i + len(wanted)]
        first = run[0].group(0)
        if [_fold(m.group(0)) for m in run] == wanted and first[:1].isupper() and not first.isupper():
            return text[run[0].start() : run[-1].end()]
    if capitals_drop_accents(lang):
        return capitals  # small letters would lack the accents capitals do not show (Θεσσαλονικη)
    return _WORD.sub(lambda m: m.group(0)[:1] + lower(m.group(0)[1:], lang), capitals)


class _Text:
    def __init__(self, width: int) -> None:
        self.width = max(30, width)
        self.lines: list[str] = []

    def para(self, text: str, indent: str = "", first: str | None = None) -> None:
        self.lines.append(
            fill(
                _ASCII_SPACE.sub(" ", text).strip(" "),  # no-break spaces (« guillemets », 10:37 PM) stay
                self.width,
                initial_indent=indent if first is None else first,
                subsequent_indent=indent,
            )
        )

    def heading(self, text: str, lang: str | None) -> None:
        self.lines += ["", upper(text, lang), "-" * min(self.width, display_width(text))]

    def text(self) -> str:
        out = "\n".join(self.lines)
        return "\n".join(line.rstrip() for line in out.split("\n")).strip("\n") + "\n"


def render_sections(b: Briefing, w: _Text, *, full: bool = True, figure_limit: int | None = None) -> None:
    """The body of a briefing: bottom line, key points, quotes, figures (and entities, notes when ``full``)."""
    lang = b.article.meta.language
    w.heading(loc.label("Bottom line", lang), lang)
    w.para(
        join_sentences([s.shown for s in b.bottom_line])
        or loc.label("(the article has no text to summarise)", lang)
    )
    if full and b.key_points:
        w.heading(loc.label("Key points", lang), lang)
        for s in b.key_points:
            w.para(s.shown, "    ", "  • ")
    summary = [_flat(s.text) for s in ((*b.bottom_line, *b.key_points) if full else b.bottom_line)]
    said: dict[str, list[SpokenQuote]] = {}  # what the summary already shows is not repeated
    shown = 0
    for q in b.quotes:
        if shown < QUOTES_SHOWN and not _shown(q.text, summary):
            said.setdefault(q.speaker, []).append(q)
            shown += 1
    if said:
        w.heading(loc.label("Who said what", lang), lang)
        for speaker, quotes in said.items():
            w.para(loc.labelled(speaker, "", lang).rstrip(), "  ")
            for q in quotes:
                open_, close = loc.printed_marks(q.marks, lang)
                w.para(f"{open_}{q.text}{close}", "      ", "    – ")
    if b.figures:
        w.heading(loc.label("Figures", lang), lang)
        for f in b.figures[:figure_limit]:
            w.para(f"{f.text} — {f.context}", "      ", "  • ")
    if not full:
        return
    groups = (
        (loc.label("People", lang), b.people),
        (loc.label("Places", lang), b.places),
        (loc.label("Organisations", lang), b.organisations),
    )
    if any(g for _, g in groups):
        w.heading(loc.label("People, places, organisations", lang), lang)
        for name, group in groups:
            if group:
                names = ", ".join(
                    f"{e.name} ({loc.number(e.count, lang)})" if e.count > 1 else e.name for e in group
                )
                w.para(loc.labelled(name, names, lang), "    ", "  ")
    if b.notes:
        w.heading(loc.label("Notes", lang), lang)
        for note in b.notes:
            one = note if len(note) <= 200 else note[:199].rsplit(" ", 1)[0] + "…"
            w.para(one, "    ", "  ")


def reading_line(b: Briefing) -> str:
    """``4 min read · 812 words``, in the article's language."""
    lang = b.article.meta.language
    minutes = loc.plural_label("{n} min read", "{n} min read", b.minutes, lang)
    return minutes + " · " + loc.plural_label("{n} word", "{n} words", b.words, lang)


def render_text(b: Briefing, width: int = 72) -> str:
    """The plain-text briefing, wrapped at ``width``."""
    w = _Text(width)
    w.para(b.title)
    w.lines.append("=" * min(w.width, max(display_width(line) for line in w.lines[-1].split("\n"))))
    if b.article.meta.subtitle:
        w.para(b.article.meta.subtitle)
    src = source_line(b.article)
    if src:
        w.para(src)
    w.para(reading_line(b))
    render_sections(b, w)
    return rtl_lines(w.text()) if article_direction(b.article) == "rtl" else w.text()


def _figure_json(f: Figure) -> dict[str, Any]:
    found = {
        "text": f.text,
        "kind": f.kind,
        "value": f.value,
        "unit": f.unit,
        "context": f.context,
        "sentence": f.sentence,
    }
    # a range (`$3–4 million`) has no one value: its two ends, in a key only ranges have
    return {**found, "range": list(f.range)} if f.range else found


def to_json(b: Briefing) -> dict[str, Any]:
    """The briefing as data for scripts (the ``brief.json`` output)."""
    m = b.article.meta

    def sent(s: Sentence) -> dict[str, Any]:
        return {"index": s.index, "paragraph": s.paragraph, "text": s.text, "referent": s.referent}

    return {
        "schema": SCHEMA,
        "version": list(VERSION),
        "meta": {
            "title": m.title,
            "authors": [a.name for a in m.authors],
            "publisher": m.publisher,
            "published": m.published,
            "dateline": m.dateline,
            "language": m.language,
            "url": m.url,
            "identifier": m.identifier,
            "words": b.words,
            "reading_minutes": b.minutes,
        },
        "bottom_line": [sent(s) for s in b.bottom_line],
        "key_points": [sent(s) for s in b.key_points],
        "quotes": [{"speaker": q.speaker, "text": q.text, "paragraph": q.paragraph} for q in b.quotes],
        "figures": [_figure_json(f) for f in b.figures],
        "entities": {
            "people": [{"name": e.name, "count": e.count} for e in b.people],
            "places": [{"name": e.name, "count": e.count} for e in b.places],
            "organisations": [{"name": e.name, "count": e.count} for e in b.organisations],
        },
        "notes": list(b.notes),
    }
