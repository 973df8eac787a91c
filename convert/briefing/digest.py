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
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..exporters._shared import human_date, quote_marks
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

#: Briefings an earlier run wrote beside the articles: never read as articles.
_OUTPUT_ENDINGS = (".brief.txt", ".brief.json")
#: Figures per article in a digest: money, percentages and counts come first.
DIGEST_FIGURES = 8


def collect_inputs(
    paths: Iterable[str | os.PathLike[str]], skip: Iterable[str | os.PathLike[str]] = ()
) -> list[Path]:
    """Files as given, and the article files inside folders, in the order given.

    Folders are walked as a batch walks them (:func:`convert.batch.plan.gather`:
    no hidden files, no symlinks out of the tree, every readable ending),
    passing over earlier briefings (``*.brief.txt``) and the files in
    ``skip`` (the digest being written). A path that does not exist is kept,
    so reading it fails with a one-line error while the rest still make the digest.
    """
    from ..batch.plan import gather

    skipped = [Path(p) for p in skip]
    out: list[Path] = []
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = [
                src
                for src, _rel in gather([path], None, skip=skipped)
                if not src.name.endswith(_OUTPUT_ENDINGS)
            ]
        else:
            found = [path]
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                out.append(file)
    return out


def digest_date(value: str | None = None) -> str:
    """The header date: ``value``, else ``SOURCE_DATE_EPOCH`` (reproducible builds), else today.

    A date alone, never a time (see :mod:`convert.dates`). Unlike the lenient
    :func:`convert.dates.parse_iso`, a bad ``value`` raises ``ValueError``: it is
    the user's ``--date``, and the command reports it.
    """
    if value:
        return dt.date.fromisoformat(value).isoformat()
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date().isoformat()
    return dt.date.today().isoformat()


@dataclass(frozen=True, slots=True)
class Digest:
    date: str
    briefings: tuple[Briefing, ...]

    @property
    def title(self) -> str:
        return f"Digest — {human_date(self.date) or self.date}"

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
                    f"{b.minutes} min",
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


def _clip(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def _table(rows: Sequence[Sequence[str]], width: int) -> list[str]:
    """A plain-text table; the title column shrinks so a row fits ``width``."""
    head = ("#", "Title", "Author", "Outlet", "Date", "Read")
    body = [(str(i), *r) for i, r in enumerate(rows, 1)]
    widths = [max(len(r[c]) for r in [head, *body]) for c in range(len(head))]
    widths[3] = min(widths[3], 18)
    widths[2] = min(widths[2], 22)
    widths[4] = min(widths[4], 18)
    others = sum(widths) - widths[1] + 2 * (len(head) - 1)
    widths[1] = max(12, min(widths[1], width - others))
    lines = []
    for n, r in enumerate([head, *body]):
        cells = [_clip(c, w).ljust(w) for c, w in zip(r, widths, strict=True)]
        lines.append("  ".join(cells).rstrip())
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    return lines


def render_text(digest: Digest, width: int = 72) -> str:
    w = _Text(width)
    w.para(digest.title)
    w.lines.append("=" * min(w.width, len(digest.title)))
    n = len(digest.briefings)
    w.para(f"{n} article{'s' if n != 1 else ''} · {sum(b.minutes for b in digest.briefings)} min of reading")
    w.heading("At a glance")
    w.lines += _table(digest.glance_rows(), w.width)
    for i, b in enumerate(digest.briefings, 1):
        w.lines += ["", ""]
        w.para(f"{i}. {b.title}")
        w.lines.append("=" * min(w.width, max(len(x) for x in w.lines[-1].split("\n"))))
        src = source_line(b.article)
        w.para((src + " · " if src else "") + f"{b.minutes} min read")
        render_sections(b, w, full=False, figure_limit=DIGEST_FIGURES)
    people = digest.people_quoted()
    if people:
        w.heading("People quoted")
        for speaker, numbers in people:
            w.para(f"{speaker}: " + ", ".join(f"#{k}" for k in numbers), "      ", "  ")
    return w.text()


def _quote_item(speaker: str, text: str) -> tuple[Block, ...]:
    content: tuple[Inline, ...] = (
        Strong((Text(speaker),)),
        Text(": "),
        Quote((Text(text),), speaker=speaker),
    )
    return (Paragraph(content),)


def as_article(digest: Digest) -> Article:
    """The digest as an article tree, for the PDF and EPUB exporters."""
    body: list[Block] = [Heading(2, (Text("At a glance"),), id="at-a-glance")]
    head = (tuple((Text(h),) for h in ("#", "Title", "Author", "Outlet", "Date", "Read")),)
    rows = tuple(tuple((Text(c),) for c in (str(i), *r)) for i, r in enumerate(digest.glance_rows(), 1))
    body.append(Table(head, rows))
    for i, b in enumerate(digest.briefings, 1):
        body.append(Heading(2, (Text(f"{i}. {b.title}"),), id=f"article-{i}"))
        src = source_line(b.article)
        body.append(Paragraph((Text((src + " · " if src else "") + f"{b.minutes} min read"),)))
        body.append(Heading(3, (Text("Bottom line"),)))
        body.append(Paragraph((Text(" ".join(s.shown for s in b.bottom_line) or "—"),)))
        if b.quotes:
            body.append(Heading(3, (Text("Who said what"),)))
            body.append(List(tuple(_quote_item(q.speaker, q.text) for q in b.quotes)))
        if b.figures:
            body.append(Heading(3, (Text("Figures"),)))
            items = tuple(
                (Paragraph((Strong((Text(f.text),)), Text(f" — {f.context}"))),)
                for f in b.figures[:DIGEST_FIGURES]
            )
            body.append(List(items))
    people = digest.people_quoted()
    if people:
        body.append(Heading(2, (Text("People quoted"),), id="people-quoted"))
        body.append(
            List(
                tuple(
                    (Paragraph((Text(f"{s}: " + ", ".join(f"#{k}" for k in nums)),)),) for s, nums in people
                )
            )
        )
    langs = {b.article.meta.language for b in digest.briefings}
    meta = Metadata(
        title=digest.title,
        published=digest.date,
        publisher="Broadsheet digest",
        language=langs.pop() if len(langs) == 1 else "en",
        identifier="urn:broadsheet:digest:"
        + digest.date
        + ":"
        + ",".join((b.article.meta.identifier or b.title) for b in digest.briefings)[:200],
    )
    _ = quote_marks  # the exporters add the marks for Quote nodes
    return Article(meta=meta, body=tuple(body))
