"""pandoc JSON → Article (see the package docstring for what is kept and what degrades)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from ..dates import to_iso
from ..errors import InputError
from ..locale.calendars import early_numeric
from ..locale.reading import read_date
from ..locale.script import split_list
from ..locale.text import translations_of
from ..model import (
    DATELINE_DASHES,
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
    plain_text,
    replace,
)
from ..quote_pairs import quote_in_marks, singles_inside
from ._shared import BIO_HEADINGS, DOCX_STYLES, Json, _attr, _classes, _kv, stringify

_DASH_LEAD = re.compile(r"^\s*[—―–-]+\s*")


def _merge_text(nodes: Iterable[Inline]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for n in nodes:
        if isinstance(n, Text) and out and isinstance(out[-1], Text):
            out[-1] = Text(out[-1].text + n.text)
        elif not (isinstance(n, Text) and not n.text):
            out.append(n)
    return tuple(out)


def _strip_lead_dash(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    if content and isinstance(content[0], Text):
        rest = _DASH_LEAD.sub("", content[0].text, count=1)
        return ((Text(rest),) if rest else ()) + content[1:]
    return content


def _rstrip(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    if content and isinstance(content[-1], Text):
        rest = content[-1].text.rstrip()
        return content[:-1] + ((Text(rest),) if rest else ())
    return content


@dataclass
class _Reader:
    notes: list[Note] = field(default_factory=list)
    end_notes: list[Note] = field(default_factory=list)
    bios: list[tuple[str | None, str]] = field(default_factory=list)
    used_ids: set[str] = field(default_factory=set)
    counter: int = 0
    dateline: str | None = None
    #: The dash after the dateline, as the document has it (``—``, ``–``, ``-``).
    dateline_dash: str | None = None
    language: str | None = None

    # -- ids ----------------------------------------------------------------

    def footnote_id(self) -> str:
        while True:
            self.counter += 1
            ident = f"n{self.counter}"
            if ident not in self.used_ids:
                self.used_ids.add(ident)
                return ident

    def claim_id(self, wanted: str) -> str:
        if wanted and wanted not in self.used_ids:
            self.used_ids.add(wanted)
            return wanted
        return self.footnote_id()

    # -- blocks -------------------------------------------------------------

    def blocks(self, nodes: Any) -> list[Block]:
        out: list[Block] = []
        for node in nodes:
            for block in self.block(node):
                if isinstance(block, BlockQuote) and not block.body:
                    # A lone attribution (DOCX read with +styles makes it a quote of its own)
                    # belongs to the quote before it.
                    prev = out[-1] if out else None
                    if isinstance(prev, BlockQuote) and prev.body and not prev.attribution:
                        out[-1] = BlockQuote(prev.body, block.attribution)
                        continue
                    block = BlockQuote((Paragraph(block.attribution),))
                out.append(block)
        return out

    def block(self, node: Json) -> list[Block]:
        tag: Any = node.get("t")
        c: Any = node.get("c")
        match tag:
            case "Para" | "Plain":
                return self.para(c)
            case "Header":
                content = self.inlines(c[2])
                ident = str(c[1][0]) or None
                return [Heading(min(max(int(c[0]), 1), 6), content, ident)] if content else []
            case "BlockQuote":
                return self.block_quote(c)
            case "BulletList":
                return self.list_block(c, ordered=False, start=1)
            case "OrderedList":
                return self.list_block(c[1], ordered=True, start=int(c[0][0]))
            case "DefinitionList":
                return self.definitions(c)
            case "LineBlock":
                return self.line_block(c)
            case "CodeBlock":
                langs = [k for k in _classes(c[0]) if k not in ("sourceCode", "numberLines")]
                return [CodeBlock(str(c[1]), langs[0] if langs else None)]
            case "HorizontalRule":
                return [Rule()]
            case "Table":
                return self.table(c)
            case "Figure":
                return self.figure(c)
            case "Div":
                return self.div(c)
            case _:  # RawBlock, Null and tags from a newer pandoc
                return []

    def line_block(self, lines: Any) -> list[Block]:
        content: list[Inline] = []
        for i, line in enumerate(lines):
            content.extend(((LineBreak(),) if i else ()) + self.inlines(line))
        return [Paragraph(_merge_text(content))] if content else []

    def para(self, inlines: Any) -> list[Block]:
        if inlines and self.is_dateline(inlines[0]):
            inlines = self.take_dateline(inlines)
        real = [i for i in inlines if i.get("t") not in ("Space", "SoftBreak", "LineBreak")]
        if real and all(i.get("t") == "Image" for i in real):
            return [self.image(i) for i in real]
        content = self.inlines(inlines)
        return [Paragraph(content)] if content else []

    def image(self, node: Json, caption: tuple[Inline, ...] = (), credit: str | None = None) -> Figure:
        c = node["c"]
        return Figure(str(c[2][0]), stringify(c[1]), caption, credit)

    def block_quote(self, c: Any) -> list[Block]:
        attribution: tuple[Inline, ...] = ()
        if c and c[-1].get("t") == "Div" and self.is_attribution(c[-1]["c"][0]):
            inner = self.blocks(c[-1]["c"][1])
            attribution = _strip_lead_dash(self.first_inlines(inner))
            body = self.blocks(c[:-1])
        else:
            body = self.blocks(c)
            last = body[-1] if len(body) >= 2 else None
            if isinstance(last, Paragraph) and _looks_like_attribution(last.content):
                attribution = _strip_lead_dash(last.content)
                body = body[:-1]
        return [BlockQuote(tuple(body), attribution)] if body or attribution else []

    @staticmethod
    def is_dateline(node: Json) -> bool:
        if node.get("t") != "Span":
            return False
        attr = node["c"][0]
        return "dateline" in _classes(attr) or _kv(attr).get("custom-style") == DOCX_STYLES["dateline"]

    def take_dateline(self, inlines: list[Json]) -> list[Json]:
        """Note the dateline and drop it with its dash from the paragraph's start."""
        self.dateline = self.dateline or stringify(inlines[0]["c"][1]).strip() or None
        rest = inlines[1:]
        skip = 0
        for node in rest:
            if node.get("t") == "Space" or (node.get("t") == "Str" and node["c"] in DATELINE_DASHES):
                if node.get("t") == "Str" and self.dateline_dash is None:
                    self.dateline_dash = node["c"]
                skip += 1
            else:
                break
        return rest[skip:]

    @staticmethod
    def is_attribution(attr: Any) -> bool:
        return "attribution" in _classes(attr) or _kv(attr).get("custom-style") == DOCX_STYLES["attribution"]

    @staticmethod
    def first_inlines(blocks: list[Block]) -> tuple[Inline, ...]:
        for b in blocks:
            if isinstance(b, Paragraph):
                return b.content
        return ()

    def list_block(self, items: Any, *, ordered: bool, start: int) -> list[Block]:
        converted = tuple(tuple(self.blocks(item)) for item in items)
        return [List(converted, ordered, start)] if converted else []

    def definitions(self, c: Any) -> list[Block]:
        out: list[Block] = []
        for term, defs in c:
            content = self.inlines(term)
            if content:
                out.append(Paragraph((Strong(content),)))
            for d in defs:
                out.extend(self.blocks(d))
        return out

    def cell_inlines(self, blocks: Any) -> tuple[Inline, ...]:
        parts: list[tuple[Inline, ...]] = []
        for b in blocks:
            if b.get("t") in ("Plain", "Para"):
                parts.append(self.inlines(b["c"]))
            elif text := stringify(b):
                parts.append((Text(text),))
        out: list[Inline] = []
        for i, part in enumerate(p for p in parts if p):
            out.extend(((LineBreak(),) if i else ()) + part)
        return _merge_text(out)

    def rows(self, rows: Any) -> list[tuple[tuple[Inline, ...], ...]]:
        out = []
        for row in rows:
            cells: list[tuple[Inline, ...]] = []
            for cell in row[1]:
                cells.append(self.cell_inlines(cell[4]))
                cells.extend([()] * (max(int(cell[3]), 1) - 1))  # keep the grid under a colspan
            out.append(tuple(cells))
        return out

    def table(self, c: Any) -> list[Block]:
        caption = self.caption(c[1][1])
        head = self.rows(c[3][1])
        body: list[tuple[tuple[Inline, ...], ...]] = []
        for tb in c[4]:
            body += self.rows(tb[2]) + self.rows(tb[3])
        body += self.rows(c[5][1])
        return [Table(tuple(head), tuple(body), caption)]

    def caption(self, blocks: Any) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for b in blocks:
            content = self.inlines(b["c"]) if b.get("t") in ("Plain", "Para") else (Text(stringify(b)),)
            if content and out:
                out.append(Text(" "))
            out.extend(content)
        return _merge_text(out)

    def figure(self, c: Any) -> list[Block]:
        cap_inlines = [i for b in c[1][1] if b.get("t") in ("Plain", "Para") for i in b["c"]]
        credits = [i for i in cap_inlines if i.get("t") == "Span" and "credit" in _classes(i["c"][0])]
        credit = stringify(credits[-1]["c"][1]) if credits else None
        if credits:
            cap_inlines = [i for i in cap_inlines if i is not credits[-1]]
        caption = _rstrip(self.inlines(cap_inlines)) if credits else self.caption(c[1][1])
        images = [i for i in _find_images(c[2])]
        if not images:
            return [Paragraph(caption)] if caption else []
        first = self.image(images[0], caption, credit)
        return [first, *(self.image(i) for i in images[1:])]

    def div(self, c: Any) -> list[Block]:
        attr, blocks = c
        classes, kv = _classes(attr), _kv(attr)
        if self.is_attribution(attr):
            content = _strip_lead_dash(self.first_inlines(_flatten_quotes(self.blocks(blocks))))
            return [BlockQuote((), content)] if content else []
        if "notes" in classes:
            self.read_end_notes(blocks)
            return []
        if "note" in classes or kv.get("custom-style") == DOCX_STYLES["notes"]:
            self.add_end_note(attr, blocks)
            return []
        if "bio" in classes:
            self.read_bios(blocks)
            return []
        if "author-bio" in classes or kv.get("custom-style") == DOCX_STYLES["bio"]:
            self.bios.append((kv.get("author"), plain_paragraphs(self.blocks(blocks))))
            return []
        return self.blocks(blocks)

    def read_end_notes(self, blocks: Any) -> None:
        for b in blocks:
            if b.get("t") == "Div":
                self.add_end_note(b["c"][0], b["c"][1])
            else:
                self.add_end_note(_attr(), [b])

    def add_end_note(self, attr: Any, blocks: Any) -> None:
        body = tuple(self.blocks(blocks))
        if body:
            kind = _kv(attr).get("kind") or "note"
            self.end_notes.append(Note(self.claim_id(str(attr[0])), kind, body))

    def read_bios(self, blocks: Any) -> None:
        loose: list[Json] = []
        for b in blocks:
            if b.get("t") == "Header":
                continue
            if b.get("t") == "Div" and "author-bio" in _classes(b["c"][0]):
                self.div(b["c"])
            else:
                loose.append(b)
        if loose:
            self.bios.append((None, plain_paragraphs(self.blocks(loose))))

    # -- inlines ------------------------------------------------------------

    def inlines(self, nodes: Any) -> tuple[Inline, ...]:
        out: list[Inline] = []
        for node in nodes:
            out.extend(self.inline(node))
        return _merge_text(out)

    def inline(self, node: Json) -> list[Inline]:
        tag: Any = node.get("t")
        c: Any = node.get("c")
        match tag:
            case "Str":
                return [Text(str(c))]
            case "Space" | "SoftBreak":
                return [Text(" ")]
            case "LineBreak":
                return [LineBreak()]
            case "Emph":
                return self.wrap(Emph, c)
            case "Strong":
                return self.wrap(Strong, c)
            case "Underline" | "Strikeout" | "Superscript" | "Subscript" | "SmallCaps":
                return list(self.inlines(c))
            case "Quoted":
                return [Quote(self.inlines(c[1]))]
            case "Cite":
                return list(self.inlines(c[1]))
            case "Code":
                return [Code(str(c[1]))]
            case "Math":
                return [Math(str(c[1]), display=c[0].get("t") == "DisplayMath")]
            case "Link":
                content = self.inlines(c[1]) or (Text(str(c[2][0])),)
                return [Link(content, str(c[2][0]), str(c[2][1]) or None)]
            case "Image":
                alt = stringify(c[1])
                return [Text(alt)] if alt else []
            case "Note":
                return [self.footnote(c)]
            case "Span":
                return self.span(c)
            case _:  # RawInline and tags from a newer pandoc
                return []

    def wrap(self, cls: type[Emph] | type[Strong], c: Any) -> list[Inline]:
        content = self.inlines(c)
        return [cls(content)] if content else []

    def span(self, c: Any) -> list[Inline]:
        attr, content = c
        kv = _kv(attr)
        speaker = kv.get("data-speaker") or kv.get("speaker")
        real = [i for i in content if i.get("t") not in ("Space", "SoftBreak")]
        if speaker and len(real) == 1 and real[0].get("t") == "Quoted":
            # a straight quotation (pandoc's Quoted) with the single-quoted ones typed inside it
            return [Quote(singles_inside(self.inlines(real[0]["c"][1]), self.language), speaker)]
        inlines = list(self.inlines(content))
        # the writers' quotation in typed marks (Quote.marks), which pandoc's Quoted cannot hold
        typed = quote_in_marks(inlines, speaker, self.language) if speaker else None
        return [typed] if typed is not None else inlines

    def footnote(self, blocks: Any) -> NoteRef:
        kind, wanted = "footnote", ""
        if len(blocks) == 1 and blocks[0].get("t") == "Div" and "note" in _classes(blocks[0]["c"][0]):
            attr = blocks[0]["c"][0]
            kind, wanted = _kv(attr).get("kind") or "footnote", str(attr[0])
            blocks = blocks[0]["c"][1]
        ident = self.claim_id(wanted) if wanted else self.footnote_id()
        self.notes.append(Note(ident, kind, tuple(self.blocks(blocks))))
        return NoteRef(ident)


def _flatten_quotes(blocks: list[Block]) -> list[Block]:
    return [inner for b in blocks for inner in (b.body if isinstance(b, BlockQuote) else (b,))]


def _find_images(node: Any) -> list[Json]:
    """Every ``Image`` below ``node``, in document order."""
    found: list[Json] = []
    if isinstance(node, list):
        for n in node:
            found += _find_images(n)
    elif isinstance(node, dict):
        if node.get("t") == "Image":
            return [node]
        found += _find_images(node.get("c"))
    return found


def _looks_like_attribution(content: tuple[Inline, ...]) -> bool:
    """A short last paragraph opening with a dash: "— A. Speaker"."""
    if not content or not isinstance(content[0], Text):
        return False
    text = content[0].text.lstrip()
    words = len(re.findall(r"\S+", "".join(n.text for n in content if isinstance(n, Text))))
    return text.startswith(("—", "―")) and words <= 15


def plain_paragraphs(blocks: Sequence[Block]) -> str:
    """Blocks as plain text, one blank line between paragraphs (for bios)."""
    return "\n\n".join(t for t in (plain_text(b).strip() for b in blocks) if t)


def _meta_value_text(value: Any) -> str | None:
    if not isinstance(value, dict):
        return None
    tag: Any = value.get("t")
    c: Any = value.get("c")
    if tag == "MetaList":
        parts = [_meta_value_text(v) for v in c]
        return ", ".join(p for p in parts if p) or None
    if tag == "MetaMap":
        return None
    return stringify(value if tag in ("MetaString", "MetaBool") else c).strip() or None


def _meta_items(value: Any) -> list[Any]:
    if isinstance(value, dict) and value.get("t") == "MetaList":
        return list(value.get("c") or [])
    return [value] if value is not None else []


def _meta_authors(meta: Json) -> list[Author]:
    detailed = _meta_items(meta.get("authors"))
    source = (
        detailed
        if detailed and all(v.get("t") == "MetaMap" for v in detailed)
        else _meta_items(meta.get("author"))
    )
    authors: list[Author] = []
    for item in source:
        if isinstance(item, dict) and item.get("t") == "MetaMap":
            fields = item["c"]
            name = _meta_value_text(fields.get("name"))
            if name:
                authors.append(
                    Author(name, _meta_value_text(fields.get("role")), _meta_value_text(fields.get("bio")))
                )
        elif name := _meta_value_text(item):
            authors.append(Author(name))
    return authors


def _meta_keywords(value: Any) -> tuple[str, ...]:
    items = _meta_items(value)
    if len(items) == 1 and items[0].get("t") != "MetaList":
        text = _meta_value_text(items[0]) or ""
        return tuple(k.strip() for k in split_list(text) if k.strip())
    return tuple(k for k in (_meta_value_text(v) for v in items) if k)


def meta_from_pandoc(meta: Json) -> tuple[Metadata, list[Author]]:
    """The metadata in pandoc's ``meta``; the authors are returned apart so bios can join them."""

    def text(*keys: str) -> str | None:
        for key in keys:
            found = _meta_value_text(meta.get(key))
            if found:
                return found
        return None

    lang = text("lang", "language")

    def date(*keys: str) -> str | None:
        """ISO, English or in the declared language's way (``date: 14 октября 2024 г.`` with ``lang: ru``)."""
        found = text(*keys)
        early, iso = early_numeric(found or "", lambda: lang)  # 1405-09-16: a Solar Hijri year in Persian
        if early:
            return iso
        return to_iso(found) or (read_date(found, lang) if found and lang else None)

    result = Metadata(
        title=text("title"),
        subtitle=text("subtitle"),
        published=date("published", "date"),
        updated=date("updated"),
        dateline=text("dateline"),
        publisher=text("publisher"),
        language=lang,
        direction=d if (d := (text("dir") or "").strip().lower()) in ("ltr", "rtl") else None,
        description=text("description", "abstract", "subject"),
        keywords=_meta_keywords(meta.get("keywords")),
        url=text("url"),
        rights=text("rights", "copyright"),
        identifier=text("identifier"),
    )
    return result, _meta_authors(meta)


def _attach_bios(authors: list[Author], bios: list[tuple[str | None, str]]) -> list[Author]:
    """Give each bio to the author it names (or the next author without one)."""
    out = list(authors)
    for name, bio in bios:
        if not bio:
            continue
        idx = next((i for i, a in enumerate(out) if name and a.name == name), None)
        if idx is None and name is None:
            idx = next((i for i, a in enumerate(out) if bio.startswith(a.name) and not a.bio), None)
            if idx is None:
                idx = next((i for i, a in enumerate(out) if not a.bio), None)
        if idx is None:
            if name:  # a bio for an author the metadata does not list
                out.append(Author(name, bio=bio))
            continue
        a = out[idx]
        out[idx] = Author(a.name, a.role, f"{a.bio}\n\n{bio}" if a.bio else bio)
    return out


def _trailing_bio(
    body: list[Block], has_authors: bool, have_bios: bool
) -> tuple[list[Block], list[tuple[str | None, str]]]:
    """A closing "About the author" heading and its paragraphs, as bios (DOCX has no Divs).

    The heading alone is dropped too when the bios themselves were found in styled Divs.
    """
    if not has_authors:
        return body, []
    for i in range(len(body) - 1, -1, -1):
        b = body[i]
        if isinstance(b, Heading):
            rest = body[i + 1 :]
            is_bio = plain_text(b).strip().casefold() in _bio_headings()
            if is_bio and (rest or have_bios) and all(isinstance(x, Paragraph) for x in rest):
                return body[:i], [(None, plain_text(p).strip()) for p in rest]
            break
    return body, []


def _bio_headings() -> frozenset[str]:
    """The bio heading in English and every catalogue's language, case-folded."""
    return frozenset(t.casefold() for msgid in BIO_HEADINGS for t in translations_of(msgid))


def pandoc_to_article(doc: Any) -> Article:
    """The article in pandoc's JSON document ``doc``; :class:`InputError` if it is malformed."""
    if not isinstance(doc, dict) or not isinstance(doc.get("blocks"), list):
        raise InputError("not a pandoc document (no blocks)")
    version = doc.get("pandoc-api-version")
    if isinstance(version, list) and version and version[0] != 1:
        raise InputError(f"pandoc-api-version {version} is not supported")
    reader = _Reader()
    try:
        meta, authors = meta_from_pandoc(doc.get("meta") or {})
        reader.language = meta.language
        body = reader.blocks(doc["blocks"])
    except (KeyError, IndexError, TypeError, ValueError, AttributeError) as exc:
        raise InputError(
            f"pandoc returned an unexpected document structure ({exc.__class__.__name__})"
        ) from None
    body, loose_bios = _trailing_bio(body, bool(authors), bool(reader.bios))
    authors = _attach_bios(authors, reader.bios + loose_bios)
    if meta.dateline is None and reader.dateline:
        meta = replace(meta, dateline=reader.dateline)
    if meta.dateline and reader.dateline_dash not in (None, "–"):
        # the en dash is what the writers print for none: read back, it stays none
        meta = replace(meta, dateline_dash=reader.dateline_dash)
    return Article(
        meta=_replace_authors(meta, authors),
        body=tuple(body),
        notes=tuple(reader.notes + reader.end_notes),
    )


def _replace_authors(meta: Metadata, authors: list[Author]) -> Metadata:
    result: Metadata = replace(meta, authors=tuple(authors))
    return result
