"""Article → pandoc JSON (see the package docstring for what goes where)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, assert_never

from ..locale.text import display_date, label, plural_label, printed_marks
from ..model import (
    Article,
    Author,
    Block,
    BlockQuote,
    Code,
    CodeBlock,
    Emph,
    Figure,
    Heading,
    Inline,
    LineBreak,
    Link,
    List,
    Math,
    Metadata,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Rule,
    Strong,
    Table,
    Text,
    walk,
)
from ._shared import DOCX_STYLES, Json, _attr, _el

_WS = re.compile(r"[ \t\r\n]+")
#: Characters XML 1.0 forbids: C0 controls but tab, newline and CR; lone surrogates; U+FFFE, U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` without the characters XML 1.0 forbids.

    pandoc copies them into DOCX (and other XML formats) as they are, and a
    single form feed leaves ``word/document.xml`` unparseable: Word and
    python-docx refuse the whole file.
    """
    return _NOT_XML.sub("", text)


def _xml_safe_strings(doc: Json) -> Json:
    """``doc`` (pandoc JSON) with :func:`xml_safe` applied to every string, in place.

    Iterative, so a deeply nested document cannot exhaust the recursion limit.
    """
    todo: list[Any] = [doc]
    while todo:
        node = todo.pop()
        keys: Iterable[Any] = node.keys() if isinstance(node, dict) else range(len(node))
        for key in keys:
            value = node[key]
            if isinstance(value, str):
                if _NOT_XML.search(value):
                    node[key] = xml_safe(value)
            elif isinstance(value, (dict, list)):
                todo.append(value)
    return doc


def text_inlines(text: str) -> list[Json]:
    """``Str``/``Space`` nodes for ``text``; a run holding a newline becomes ``SoftBreak``.

    Only ASCII whitespace splits: no-break spaces stay inside a ``Str``.
    """
    out: list[Json] = []
    pos = 0
    for m in _WS.finditer(text):
        if m.start() > pos:
            out.append(_el("Str", text[pos : m.start()]))
        out.append(_el("SoftBreak" if "\n" in m.group() else "Space"))
        pos = m.end()
    if pos < len(text):
        out.append(_el("Str", text[pos:]))
    return out


def _raw_mark(mark: str) -> str:
    """A typed quotation mark as Markdown that reads back as typed: a straight one escaped, a space
    inside it no-break (pandoc would wrap the line there)."""
    return mark.replace('"', '\\"').replace("'", "\\'").replace(" ", "\u00a0")


@dataclass
class _Writer:
    notes: dict[str, Note]
    referenced: set[str]
    for_docx: bool
    resolve_src: Callable[[str], str | None] | None
    #: The article's language: for DOCX, quotation marks and labels are written as text in it.
    language: str | None = None
    #: ``True``: referenced notes become a numbered list after the body, not pandoc ``Note``\ s.
    end_notes_only: bool = False

    def __post_init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def style(self, role: str) -> list[tuple[str, str]]:
        return [("custom-style", DOCX_STYLES[role])] if self.for_docx else []

    # -- blocks -------------------------------------------------------------

    def blocks(self, blocks: Iterable[Block], *, in_note: bool = False, plain: bool = False) -> list[Json]:
        out: list[Json] = []
        for b in blocks:
            out.extend(self.block(b, in_note=in_note, plain=plain))
        return out

    def block(self, b: Block, *, in_note: bool, plain: bool = False) -> list[Json]:
        match b:
            case Paragraph(content=c):
                return [_el("Plain" if plain else "Para", self.inlines(c, in_note))]
            case Heading(level=level, content=c, id=ident):
                return [_el("Header", [level, _attr(ident or ""), self.inlines(c, in_note)])]
            case BlockQuote(body=body, attribution=attribution):
                inner = self.blocks(body, in_note=in_note)
                if attribution:
                    inner.append(self.attribution(attribution, in_note))
                return [_el("BlockQuote", inner)]
            case List():
                return [self.list_block(b, in_note)]
            case Figure():
                return self.figure(b, in_note)
            case Table():
                return self.table(b, in_note)
            case CodeBlock(text=text, language=lang):
                return [_el("CodeBlock", [_attr("", [lang] if lang else []), text])]
            case Rule():
                return [_el("HorizontalRule")]
            case _:
                assert_never(b)

    def attribution(self, content: tuple[Inline, ...], in_note: bool) -> Json:
        para = _el("Para", [_el("Str", "—"), _el("Space"), *self.inlines(content, in_note)])
        return _el("Div", [_attr("", ["attribution"], self.style("attribution")), [para]])

    def list_block(self, lst: List, in_note: bool) -> Json:
        # A list whose items hold one paragraph each is "tight" (Plain), as pandoc reads it.
        tight = all(sum(isinstance(x, Paragraph) for x in item) <= 1 for item in lst.items)
        items = [self.blocks(item, in_note=in_note, plain=tight) for item in lst.items]
        if lst.ordered:
            return _el("OrderedList", [[lst.start, _el("Decimal"), _el("Period")], items])
        return _el("BulletList", items)

    def figure(self, fig: Figure, in_note: bool) -> list[Json]:
        src = self.resolve_src(fig.src) if self.resolve_src else fig.src
        caption = self.inlines(fig.caption, in_note)
        if fig.credit:
            if caption:
                caption.append(_el("Space"))
            caption.append(_el("Span", [_attr("", ["credit"]), text_inlines(fig.credit)]))
        if src is None:
            return self.dropped_figure(text_inlines(fig.alt), caption)
        image = _el("Image", [_attr(), text_inlines(fig.alt), [src, ""]])
        cap_blocks = [_el("Plain", caption)] if caption else []
        return [_el("Figure", [_attr(), [None, cap_blocks], [_el("Plain", [image])]])]

    def dropped_figure(self, alt: list[Json], caption: list[Json]) -> list[Json]:
        """A figure whose image ``resolve_src`` dropped: its alt text and caption as paragraphs.

        For DOCX they get the Word styles pandoc gives an image it cannot
        fetch (the alt text in "Captioned Figure" or "Figure", then "Image
        Caption"); a figure with neither alt text nor caption vanishes.
        """
        out = []
        for content, style in (
            (alt, "Captioned Figure" if caption else "Figure"),
            (caption, "Image Caption"),
        ):
            if not content:
                continue
            para = _el("Para", content)
            if self.for_docx:
                para = _el("Div", [_attr("", [], [("custom-style", style)]), [para]])
            out.append(para)
        return out

    def table(self, table: Table, in_note: bool) -> list[Json]:
        ncols = max((len(r) for r in table.head + table.rows), default=0)
        if ncols == 0:
            return []

        def row(cells: tuple[tuple[Inline, ...], ...]) -> list[Any]:
            padded = list(cells) + [()] * (ncols - len(cells))
            return [
                _attr(),
                [
                    [
                        _attr(),
                        _el("AlignDefault"),
                        1,
                        1,
                        [_el("Plain", self.inlines(c, in_note))] if c else [],
                    ]
                    for c in padded
                ],
            ]

        caption = [_el("Plain", self.inlines(table.caption, in_note))] if table.caption else []
        colspecs = [[_el("AlignDefault"), _el("ColWidthDefault")] for _ in range(ncols)]
        head = [_attr(), [row(r) for r in table.head]]
        bodies = [[_attr(), 0, [], [row(r) for r in table.rows]]]
        return [_el("Table", [_attr(), [None, caption], colspecs, head, bodies, [_attr(), []]])]

    # -- inlines ------------------------------------------------------------

    def inlines(self, nodes: Iterable[Inline], in_note: bool, depth: int = 0) -> list[Json]:
        out: list[Json] = []
        for node in nodes:
            out.extend(self.inline(node, in_note, depth))
        return out

    def inline(self, node: Inline, in_note: bool, depth: int) -> list[Json]:
        match node:
            case Text(text=t):
                return text_inlines(t)
            case Emph(content=c):
                return [_el("Emph", self.inlines(c, in_note, depth))]
            case Strong(content=c):
                return [_el("Strong", self.inlines(c, in_note, depth))]
            case Link(content=c, url=url, title=title):
                return [_el("Link", [_attr(), self.inlines(c, in_note, depth), [url, title or ""]])]
            case Code(text=t):
                return [_el("Code", [_attr(), t])]
            case LineBreak():
                return [_el("LineBreak")]
            case Quote(content=c, speaker=speaker, marks=marks):
                # Nested quotations alternate double and single marks. Pandoc's Quoted knows only
                # double and single: marks typed otherwise are written as text.
                inner = self.inlines(c, in_note, depth + 1)
                if self.for_docx:
                    left, right = printed_marks(marks, self.language, depth)
                    quoted = _el("Span", [_attr(), [*text_inlines(left), *inner, *text_inlines(right)]])
                elif marks:  # Markdown: raw, or pandoc's smart writer would make them straight quotes
                    # (a straight mark escaped, or pandoc's smart reader makes it a curly one)
                    raw = [_el("RawInline", ["markdown", _raw_mark(m)]) for m in marks if m]
                    quoted = _el("Span", [_attr(), [raw[0], *inner, *raw[1:]]])
                else:
                    kind = "SingleQuote" if depth % 2 else "DoubleQuote"
                    quoted = _el("Quoted", [_el(kind), inner])
                if speaker:
                    return [_el("Span", [_attr("", ["quote"], [("data-speaker", speaker)]), [quoted]])]
                return [quoted]
            case NoteRef(id=ident):
                return self.note_ref(ident, in_note)
            case Math(tex=tex, display=display):
                return [_el("Math", [_el("DisplayMath" if display else "InlineMath"), tex])]
            case _:
                assert_never(node)

    def note_ref(self, ident: str, in_note: bool) -> list[Json]:
        note = self.notes.get(ident)
        if note is None or in_note:  # a dangling ref, or a note inside a note: pandoc has no place for it
            return []
        if self.end_notes_only:
            num = self.numbers.setdefault(ident, len(self.numbers) + 1)
            link = _el("Link", [_attr(f"fnref-{num}"), [_el("Str", str(num))], [f"#fn-{num}", ""]])
            return [_el("Superscript", [link])]
        body = self.blocks(note.body, in_note=True)
        if note.kind != "footnote":
            body = [_el("Div", [_attr(note.id, ["note"], [("kind", note.kind)]), body])]
        return [_el("Note", body)]

    def with_dateline(self, blocks: list[Json], dateline: str | None, dash: str | None = None) -> list[Json]:
        """The dateline leads the first paragraph ("MOSCOW – On ..."), as in print: ``dash`` as the
        source typed it, else an en dash."""
        if not dateline:
            return blocks
        span = _el("Span", [_attr("", ["dateline"], self.style("dateline")), text_inlines(dateline)])
        if blocks and blocks[0]["t"] == "Para":
            lead = [span, _el("Space"), _el("Str", dash or "–"), _el("Space")]
            return [_el("Para", lead + blocks[0]["c"]), *blocks[1:]]
        return [_el("Para", [span]), *blocks]

    # -- end matter ---------------------------------------------------------

    def referenced_end_notes(self) -> list[Json]:
        """With ``end_notes_only``: a "Notes" heading and the referenced notes, numbered as in the text."""
        if not self.end_notes_only or not self.numbers:
            return []
        items = []
        for ident, num in self.numbers.items():
            body = self.blocks(self.notes[ident].body, in_note=True)
            items.append([_el("Div", [_attr(f"fn-{num}"), body])])
        header = _el("Header", [2, _attr("", ["unnumbered"]), text_inlines(label("Notes", self.language))])
        return [header, _el("OrderedList", [[1, _el("Decimal"), _el("Period")], items])]

    def end_notes(self, notes: Iterable[Note]) -> list[Json]:
        divs = [
            _el(
                "Div",
                [
                    _attr(n.id, ["note"], [("kind", n.kind), *self.style("notes")]),
                    self.blocks(n.body, in_note=True),
                ],
            )
            for n in notes
            if n.id not in self.referenced
        ]
        return [_el("Div", [_attr("", ["notes"]), divs])] if divs else []

    def bios(self, authors: Iterable[Author]) -> list[Json]:
        with_bio = [a for a in authors if a.bio]
        if not with_bio:
            return []
        title = plural_label("About the author", "About the authors", len(with_bio), self.language)
        header = _el("Header", [2, _attr("", ["unnumbered"]), text_inlines(title)])
        divs = [
            _el(
                "Div",
                [
                    _attr("", ["author-bio"], [("author", a.name), *self.style("bio")]),
                    [_el("Para", text_inlines(p)) for p in _paragraphs(a.bio or "")],
                ],
            )
            for a in with_bio
        ]
        return [_el("Div", [_attr("", ["bio"]), [header, *divs]])]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def _meta_inlines(text: str) -> Json:
    return _el("MetaInlines", text_inlines(text))


def _meta_string(text: str) -> Json:
    return _el("MetaString", text)


def meta_to_pandoc(meta: Metadata, *, for_docx: bool = False) -> Json:
    """Pandoc's ``meta`` for ``meta``; see the module docstring for the keys."""
    out: Json = {}
    texts = {
        "title": meta.title,
        "subtitle": meta.subtitle,
        "description": meta.description,
        "rights": meta.rights,
        "publisher": meta.publisher,
        "dateline": meta.dateline,
    }
    for key, value in texts.items():
        if value:
            out[key] = _meta_inlines(value)
    strings = {
        "lang": meta.language,
        "dir": meta.direction,
        "updated": meta.updated,
        "url": meta.url,
        "identifier": meta.identifier,
    }
    for key, value in strings.items():
        if value:
            out[key] = _meta_string(value)
    if meta.authors:
        out["author"] = _el("MetaList", [_meta_inlines(a.name) for a in meta.authors])
        if not for_docx and any(a.role for a in meta.authors):
            maps = [
                _el(
                    "MetaMap",
                    {"name": _meta_inlines(a.name), **({"role": _meta_inlines(a.role)} if a.role else {})},
                )
                for a in meta.authors
            ]
            out["authors"] = _el("MetaList", maps)
    if meta.published:
        # pandoc shows ``date`` as it is (DOCX "Date" paragraph, Markdown front matter): the one
        # displayed form every exporter prints; the ISO value rides along in ``published``.
        out["date"] = _meta_string(display_date(meta.published, meta.language) or meta.published)
        out["published"] = _meta_string(meta.published)
    if meta.keywords:
        out["keywords"] = _el("MetaList", [_meta_inlines(k) for k in meta.keywords])
    return out


def article_to_pandoc(
    article: Article,
    *,
    for_docx: bool = False,
    resolve_src: Callable[[str], str | None] | None = None,
    api_version: Sequence[int] | None = None,
    notes: str = "foot",
) -> Json:
    """The pandoc JSON document for ``article``.

    ``resolve_src`` may rewrite each figure's ``src`` (the DOCX exporter
    turns local files into ``data:`` URIs, since sandboxed pandoc reads no
    files) or drop the image by returning ``None`` (its alt text stays).
    ``api_version`` defaults to the bundled pandoc's. ``notes="end"`` writes
    the referenced notes as a numbered "Notes" list after the body, linked
    from superscript numbers, instead of pandoc ``Note`` nodes (footnotes in
    DOCX). Every string is passed through :func:`xml_safe`: characters XML
    forbids never reach pandoc.
    """
    if api_version is None:
        from ..pandoc_run import api_version as bundled

        api_version = bundled()
    notes_by_id = {n.id: n for n in article.notes}
    referenced = {n.id for n in walk(article.body) if isinstance(n, NoteRef) and n.id in notes_by_id}
    writer = _Writer(notes_by_id, referenced, for_docx, resolve_src, article.meta.language, notes == "end")
    blocks = writer.with_dateline(
        writer.blocks(article.body), article.meta.dateline, article.meta.dateline_dash
    )
    blocks += writer.referenced_end_notes()
    blocks += writer.end_notes(article.notes)
    blocks += writer.bios(article.meta.authors)
    doc = {
        "pandoc-api-version": list(api_version),
        "meta": meta_to_pandoc(article.meta, for_docx=for_docx),
        "blocks": blocks,
    }
    return _xml_safe_strings(doc)
