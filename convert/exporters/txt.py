"""The whole article as clean plain text, wrapped at the theme's width.

Title underlined, byline and date, the body, then footnotes, end notes and
the author bio. Quotations get the language's marks; footnote references
become ``[1]``. Output ends with one newline and has no trailing spaces.
"""

from __future__ import annotations

from typing import ClassVar

from ..base import ExportOptions
from ..errors import ExportError
from ..locale.casing import upper
from ..locale.script import article_direction, display_width, rtl_lines, wrap
from ..locale.text import byline, display_date, label, labelled, note_label, plural_label, printed_marks
from ..model import (
    Article,
    BlockQuote,
    Code,
    CodeBlock,
    Emph,
    Figure,
    Heading,
    LineBreak,
    Link,
    List,
    Math,
    NoteRef,
    Paragraph,
    Quote,
    Rule,
    Strong,
    Table,
    Text,
    plain_text,
)
from ..theme import Theme
from ._shared import author_names, bios, end_notes, footnotes


class _Writer:
    def __init__(self, article: Article, width: int) -> None:
        self.article = article
        self.width = max(20, width)
        self.lang = article.meta.language
        self.refs = {n.id: i for i, n in enumerate(footnotes(article), 1)}

    def inlines(self, nodes: tuple[object, ...], depth: int = 0) -> str:
        out = []
        for node in nodes:
            match node:
                case Text(text=t) | Code(text=t):
                    out.append(t)
                case Emph(content=c) | Strong(content=c):
                    out.append(self.inlines(c, depth))
                case Link(content=c, url=url):
                    text = self.inlines(c, depth)
                    out.append(text if text == url or url.startswith("#") else f"{text} <{url}>")
                case Quote(content=c, marks=marks):
                    open_, close = printed_marks(marks, self.lang, depth)
                    out.append(open_ + self.inlines(c, depth + 1) + close)
                case LineBreak():
                    out.append("\n")
                case NoteRef(id=nid):
                    if nid in self.refs:
                        out.append(f"[{self.refs[nid]}]")
                case Math(tex=tex, display=display):
                    out.append(f"$${tex}$$" if display else f"${tex}$")  # TeX, as Markdown writes it
                case _:
                    raise ExportError(f"txt: cannot write inline node {type(node).__name__}")
        return "".join(out)

    def fill(self, text: str, indent: str = "", first: str | None = None) -> str:
        lines = []
        first_indent = indent if first is None else first
        for i, part in enumerate(text.split("\n")):
            wrapped = wrap(
                part, self.width, initial_indent=first_indent if i == 0 else indent, subsequent_indent=indent
            )
            lines.append("\n".join(wrapped) or (first_indent if i == 0 else indent).rstrip())
        return "\n".join(lines)

    def blocks(self, nodes: tuple[object, ...], indent: str = "") -> list[str]:
        return [self.block(b, indent) for b in nodes]

    def block(self, node: object, indent: str = "", lead: str = "") -> str:
        match node:
            case Paragraph(content=c):
                return self.fill(lead + self.inlines(c), indent)
            case Heading(content=c, level=level):
                text = self.inlines(c)
                return self.fill(upper(text, self.lang) if level <= 2 else text, indent)
            case BlockQuote(body=b, attribution=a):
                parts = self.blocks(b, indent + "    ")
                if a:
                    parts.append(self.fill("— " + self.inlines(a), indent + "    "))
                return "\n\n".join(parts)
            case List(items=items, ordered=ordered, start=start):
                out = []
                for i, item in enumerate(items):
                    marker = f"{start + i}. " if ordered else "• "
                    sub = indent + " " * (len(marker) + 2)
                    first, *rest = self.blocks(item, sub) or [""]
                    out.append(indent + "  " + marker + first.lstrip())
                    out.extend(rest)
                return "\n".join(out)
            case Figure(alt=alt, caption=cap, credit=credit):
                text = self.inlines(cap) or alt or label("image", self.lang)
                if credit:
                    text += f" ({credit})"
                return self.fill(label("[Figure: {text}]", self.lang, text=text), indent)
            case Table(head=head, rows=rows, caption=cap):
                return self.table(head + rows, len(head), cap, indent)
            case CodeBlock(text=t):
                return "\n".join((indent + "    " + line).rstrip() for line in t.rstrip("\n").split("\n"))
            case Rule():
                return "* * *".center(self.width).rstrip()
        raise ExportError(f"txt: cannot write block node {type(node).__name__}")

    def table(
        self,
        rows: tuple[tuple[tuple[object, ...], ...], ...],
        nhead: int,
        cap: tuple[object, ...],
        indent: str,
    ) -> str:
        cells = [[self.inlines(c).replace("\n", " ") for c in r] for r in rows]
        ncols = max((len(r) for r in cells), default=0)
        widths = [max((display_width(r[i]) for r in cells if i < len(r)), default=0) for i in range(ncols)]
        out = [self.fill(self.inlines(cap), indent)] if cap else []
        for n, r in enumerate(cells):
            cols = (c + " " * (w - display_width(c)) for c, w in zip(r, widths, strict=False))
            out.append((indent + "  ".join(cols)).rstrip())
            if n == nhead - 1:
                out.append(indent + "  ".join("-" * w for w in widths))
        return "\n".join(out)

    def document(self) -> str:
        m = self.article.meta
        parts: list[str] = []
        head: list[str] = []
        if m.title:
            title = self.fill(m.title)
            rule_len = min(self.width, max(display_width(line) for line in title.split("\n")))
            head += [title, "=" * rule_len]
        if m.subtitle:
            head.append(self.fill(m.subtitle))
        if head:
            parts.append("\n".join(head))
        by = byline(author_names(self.article), self.lang)
        info = [x for x in (by, m.publisher, display_date(m.published, self.lang)) if x]
        if m.updated:
            info.append(label("Updated {date}", self.lang, date=display_date(m.updated, self.lang)))
        if info:
            parts.append("\n".join(self.fill(x) for x in info))
        for i, block in enumerate(self.article.body):
            lead = (
                f"{m.dateline} {m.dateline_dash or '–'} "
                if i == 0 and m.dateline and isinstance(block, Paragraph)
                else ""
            )
            parts.append(self.block(block, lead=lead))
        notes = footnotes(self.article)
        if notes:
            heading = label("Notes", self.lang)
            lines = [heading, "-" * len(heading)]
            for i, note in enumerate(notes, 1):
                lines.append(self.fill(plain_text(note.body).replace("\n\n", " "), "    ", f"[{i}] "))
            parts.append("\n".join(lines))
        for note in end_notes(self.article):
            name = note_label(note.kind, self.lang)
            texts = [
                self.inlines(b.content) if isinstance(b, Paragraph) else plain_text(b) for b in note.body
            ]
            parts.append(self.fill(labelled(name, " ".join(texts), self.lang)))
        about = plural_label("About the author", "About the authors", 1, self.lang)
        for bio in bios(self.article):
            parts.append(self.fill(labelled(about, bio, self.lang)))
        if m.rights:
            parts.append(self.fill(m.rights))
        text = "\n\n".join(p for p in parts if p.strip())
        return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n") + "\n"


class TextExporter:
    name: ClassVar[str] = "txt"
    extension: ClassVar[str] = "txt"
    media_type: ClassVar[str] = "text/plain; charset=utf-8"
    description: ClassVar[str] = "the whole article as wrapped plain text"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        width = options.width or style.width
        text = _Writer(article, width).document()
        if article_direction(article) == "rtl":
            text = rtl_lines(text)
        return text.encode("utf-8")
