"""One briefing for many articles.

A dated header, an at-a-glance table (title, author, outlet, date, reading
time), each article's bottom line, quotes and figures, and an index of the
people quoted across all of them. :func:`render_text` writes it as plain
text; :func:`as_article` builds an :class:`~convert.model.Article` so the
PDF and EPUB exporters (and the shared styles) can render the same digest.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..dates import epoch_stamp, parse_day
from ..locale.script import display_width, join_sentences, wrap
from ..locale.text import N_, display_date, label, labelled, plural_label
from ..model import (
    Article,
    Block,
    Heading,
    Inline,
    List,
    Metadata,
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
)
from . import Briefing, _Text, render_sections, source_line

#: Figures per article in a digest: money, percentages and counts come first.
DIGEST_FIGURES = 8
#: The columns of the at-a-glance table (translated when shown).
GLANCE_COLUMNS = ("#", N_("Title"), N_("Author"), N_("Outlet"), N_("Date"), N_("Read"))


def digest_date(value: str | None = None) -> str:
    """The header date: ``value``, else ``SOURCE_DATE_EPOCH`` (reproducible builds), else today.

    A date alone, never a time (see :mod:`convert.dates`). Unlike the lenient
    :func:`convert.dates.parse_iso`, a bad ``value`` raises (:func:`convert.dates.parse_day`) ``ValueError``: it is
    the user's ``--date``, and the command reports it.
    """
    if value:
        return parse_day(value).isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return epoch_stamp(int(epoch))[:10]
    return dt.date.today().isoformat()


@dataclass(frozen=True, slots=True)
class Digest:
    date: str
    briefings: tuple[Briefing, ...]

    @property
    def language(self) -> str | None:
        """The articles' language when they share one, else ``None`` (English labels)."""
        langs = {b.article.meta.language for b in self.briefings}
        return langs.pop() if len(langs) == 1 else None

    @property
    def title(self) -> str:
        return label(
            "Digest — {date}", self.language, date=display_date(self.date, self.language) or self.date
        )

    def head(self) -> tuple[str, ...]:
        """The at-a-glance column heads."""
        return tuple(label(c, self.language) if c != "#" else c for c in GLANCE_COLUMNS)

    def minutes(self, n: int) -> str:
        """``4 min read`` in the digest's language."""
        return plural_label("{n} min read", "{n} min read", n, self.language)

    def glance_rows(self) -> list[tuple[str, str, str, str, str]]:
        rows = []
        for b in self.briefings:
            m = b.article.meta
            rows.append(
                (
                    b.title,
                    ", ".join(a.name for a in m.authors) or "—",
                    m.publisher or "—",
                    (m.published or "—")[:10],
                    plural_label("{n} min", "{n} min", b.minutes, self.language),
                )
            )
        return rows

    def people_quoted(self) -> list[tuple[str, list[int]]]:
        """Each speaker with the numbers (1-based) of the articles quoting them, by speaker name."""
        index: dict[str, list[int]] = {}
        for n, b in enumerate(self.briefings, 1):
            for q in b.quotes:
                numbers = index.setdefault(q.speaker, [])
                if n not in numbers:
                    numbers.append(n)
        return sorted(index.items(), key=lambda kv: (re.sub(r"(?i)^(the|an?)\s+", "", kv[0]).lower(), kv[0]))


#: Widest the author, outlet and date columns get before their cells wrap; the
#: title column takes the rest of the line, and never less than TITLE_MIN unless the
#: others cannot give way (each keeps its longest word and _COLUMN_MIN).
_COLUMN_CAPS = {2: 22, 3: 22, 4: 10}
TITLE_MIN = 24
_COLUMN_MIN = 10


def _table(head: Sequence[str], rows: Sequence[Sequence[str]], width: int) -> list[str]:
    """A plain-text table whose cells wrap onto more lines rather than being cut.

    The title column takes what the others leave of ``width`` (at least
    ``TITLE_MIN``); a row's cells then wrap within their columns.
    """
    body = [(str(i), *r) for i, r in enumerate(rows, 1)]
    table = [tuple(head), *body]
    natural = [max(display_width(r[c]) for r in table) for c in range(len(head))]
    # No column narrower than its longest word, so wrapping never cuts one.
    longest = [max(display_width(w) for r in table for w in (r[c].split() or [""])) for c in range(len(head))]
    widths = [max(longest[c], min(natural[c], _COLUMN_CAPS.get(c, natural[c]))) for c in range(len(head))]
    others = sum(widths) - widths[1] + 2 * (len(head) - 1)
    widths[1] = max(longest[1], min(natural[1], max(TITLE_MIN, width - others)))
    # Still too wide: outlet, then author, then title give way, down to their longest word.
    excess = sum(widths) + 2 * (len(head) - 1) - width
    for c in (3, 2, 1):
        give = max(0, min(excess, widths[c] - max(longest[c], _COLUMN_MIN)))
        widths[c] -= give
        excess -= give
    lines = []
    for n, r in enumerate(table):
        cells = [wrap(c, w) or [""] for c, w in zip(r, widths, strict=True)]
        for k in range(max(len(c) for c in cells)):
            parts = [(c[k] if k < len(c) else "") for c in cells]
            lines.append(
                "  ".join(
                    p + " " * (w - display_width(p)) for p, w in zip(parts, widths, strict=True)
                ).rstrip()
            )
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def render_text(digest: Digest, width: int = 72) -> str:
    w = _Text(width)
    w.para(digest.title)
    w.lines.append("=" * min(w.width, display_width(digest.title)))
    n = len(digest.briefings)
    lang = digest.language
    total = sum(b.minutes for b in digest.briefings)
    w.para(
        plural_label("{n} article", "{n} articles", n, lang)
        + " · "
        + plural_label("{n} min of reading", "{n} min of reading", total, lang)
    )
    w.heading(label("At a glance", lang), lang)
    w.lines += _table(digest.head(), digest.glance_rows(), w.width)
    for i, b in enumerate(digest.briefings, 1):
        w.lines += ["", ""]
        w.para(f"{i}. {b.title}")
        w.lines.append("=" * min(w.width, max(display_width(x) for x in w.lines[-1].split("\n"))))
        src = source_line(b.article)
        w.para((src + " · " if src else "") + digest.minutes(b.minutes))
        render_sections(b, w, full=False, figure_limit=DIGEST_FIGURES)
    people = digest.people_quoted()
    if people:
        w.heading(label("People quoted", lang), lang)
        for speaker, numbers in people:
            w.para(labelled(speaker, ", ".join(f"#{k}" for k in numbers), lang), "      ", "  ")
    return w.text()


def _quote_item(speaker: str, text: str, marks: tuple[str, str] | None) -> tuple[Block, ...]:
    content: tuple[Inline, ...] = (
        Strong((Text(speaker),)),
        Text(": "),
        Quote((Text(text),), speaker=speaker, marks=marks),
    )
    return (Paragraph(content),)


def as_article(digest: Digest) -> Article:
    """The digest as an article tree, for the PDF and EPUB exporters."""
    lang = digest.language
    body: list[Block] = [Heading(2, (Text(label("At a glance", lang)),), id="at-a-glance")]
    head = (tuple((Text(h),) for h in digest.head()),)
    rows = tuple(tuple((Text(c),) for c in (str(i), *r)) for i, r in enumerate(digest.glance_rows(), 1))
    body.append(Table(head, rows))
    for i, b in enumerate(digest.briefings, 1):
        body.append(Heading(2, (Text(f"{i}. {b.title}"),), id=f"article-{i}"))
        src = source_line(b.article)
        body.append(Paragraph((Text((src + " · " if src else "") + digest.minutes(b.minutes)),)))
        body.append(Heading(3, (Text(label("Bottom line", lang)),)))
        body.append(Paragraph((Text(join_sentences([s.shown for s in b.bottom_line]) or "—"),)))
        if b.quotes:
            body.append(Heading(3, (Text(label("Who said what", lang)),)))
            body.append(List(tuple(_quote_item(q.speaker, q.text, q.marks) for q in b.quotes)))
        if b.figures:
            body.append(Heading(3, (Text(label("Figures", lang)),)))
            items = tuple(
                (Paragraph((Strong((Text(f.text),)), Text(f" — {f.context}"))),)
                for f in b.figures[:DIGEST_FIGURES]
            )
            body.append(List(items))
    people = digest.people_quoted()
    if people:
        body.append(Heading(2, (Text(label("People quoted", lang)),), id="people-quoted"))
        body.append(
            List(
                tuple(
                    (Paragraph((Text(labelled(s, ", ".join(f"#{k}" for k in nums), lang)),)),)
                    for s, nums in people
                )
            )
        )
    meta = Metadata(
        title=digest.title,
        published=digest.date,
        publisher=label("Broadsheet digest", lang),
        language=lang or "en",
        identifier="urn:broadsheet:digest:"
        + digest.date
        + ":"
        + ",".join((b.article.meta.identifier or b.title) for b in digest.briefings)[:200],
    )
    return Article(meta=meta, body=tuple(body))
