"""The canonical article tree.

Every reader produces an :class:`Article`; every exporter consumes one. The
tree is a closed set of frozen, slotted dataclasses holding tuples, so a tree
is immutable, hashable and safe to share between threads and processes.

Shape::

    Article
      meta:  Metadata (title, authors[Author], published, dateline, source ...)
      body:  tuple[Block, ...]
      notes: tuple[Note, ...]         footnotes and end matter (disclaimers ...)

    Block  = Paragraph | Heading | BlockQuote | List | Figure | Table
           | CodeBlock | Rule
    Inline = Text | Emph | Strong | Link | Code | LineBreak | Quote | NoteRef
           | Math

JSON form
---------
:func:`to_json` and :func:`from_json` convert between a tree and its JSON
form, which is a public contract (``broadsheet inspect --json``, the ``json``
exporter, the Python API)::

    {"schema": "broadsheet.article", "version": [1, 2],
     "meta": {...}, "body": [...], "notes": [...]}

Nodes encode as objects tagged with ``"type"`` (``{"type": "paragraph",
"content": [...]}``); tuples become arrays; ``None`` stays ``null``. The
JSON Schema lives in ``convert/schema/article.schema.json``.
``from_json(to_json(a)) == a`` holds for every tree (a property test checks
it).

Versioning: ``API_VERSION`` is ``(major, minor)``. A minor bump adds a node
or an optional field; a major bump renames or removes something. This build
reads any ``major.m`` with ``m <= minor``.

This module imports nothing from the rest of the package but
:func:`convert.cache.dataclass` (the standard decorator, its generated methods
compiled once per Python: standard library only, below every layer); it raises
:class:`ModelError` (a ``ValueError``) for malformed input, and callers wrap
it into their own errors.
"""

from __future__ import annotations

import dataclasses
from dataclasses import field
from typing import Any, TypeVar

from .cache import dataclass

SCHEMA = "broadsheet.article"
API_VERSION = (1, 4)  # 1.1: meta.direction; 1.2: Math; 1.3: meta.dateline_dash; 1.4: Quote.marks

#: Note kinds the readers produce; other strings are allowed.
NOTE_KINDS = ("footnote", "author-note", "disclaimer", "editor-note", "correction", "note")


class ModelError(ValueError):
    """A tree or its JSON form breaks the model's rules."""


# --------------------------------------------------------------------------
# Inlines


@dataclass(frozen=True, slots=True)
class Text:
    """A run of plain text. Spaces are significant and kept as given."""

    text: str


@dataclass(frozen=True, slots=True)
class Emph:
    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Strong:
    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Link:
    content: tuple[Inline, ...]
    url: str
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Code:
    text: str


@dataclass(frozen=True, slots=True)
class LineBreak:
    """A hard line break inside a paragraph."""


@dataclass(frozen=True, slots=True)
class Quote:
    """An inline quotation; ``speaker`` names who said it (speech only).

    The quotation marks are not part of ``content``. ``marks`` holds the opening and closing
    marks the source typed (API 1.4), with a space typed inside them (``("« ", " »")``,
    ``("“ ", " ”")``) and ``""`` for a closing mark never typed (a quotation that runs on
    into the next paragraph); exporters print them as typed. ``None``: the language's own
    marks (CLDR), which exporters add: what a reader marked itself (Markdown's straight
    quotes, HTML's ``<q>``), straight quotes, and marks typed as the language sets them.
    """

    content: tuple[Inline, ...]
    speaker: str | None = None
    marks: tuple[str, str] | None = None

    def __post_init__(self) -> None:
        if self.marks is not None and not typed_marks(self.marks):
            raise ModelError(f"quote marks must be two typed quotation marks or null, got {self.marks!r}")


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A reference to the note in ``Article.notes`` with the same ``id``."""

    id: str


@dataclass(frozen=True, slots=True)
class Math:
    """A formula in TeX notation (API 1.2), as pandoc's ``Math`` holds it.

    ``tex`` is the source without its delimiters (``E = mc^2``, not
    ``$E = mc^2$``). ``display`` sets the formula on a line of its own
    (``$$...$$``, ``\\[...\\]``); a displayed formula is still an inline,
    alone in its paragraph, as pandoc has it. Exporters never show the TeX
    where they can draw the formula: MathML in HTML and EPUB, a drawing in
    PDF, Word's own equations in DOCX; text formats keep ``$tex$``.
    """

    tex: str
    display: bool = False


Inline = Text | Emph | Strong | Link | Code | LineBreak | Quote | NoteRef | Math

# --------------------------------------------------------------------------
# Blocks


@dataclass(frozen=True, slots=True)
class Paragraph:
    content: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Heading:
    """A section heading inside the body; the article's title is in meta."""

    level: int
    content: tuple[Inline, ...]
    id: str | None = None

    def __post_init__(self) -> None:
        if not 1 <= self.level <= 6:
            raise ModelError(f"heading level must be 1-6, got {self.level}")


@dataclass(frozen=True, slots=True)
class BlockQuote:
    body: tuple[Block, ...]
    attribution: tuple[Inline, ...] = ()


@dataclass(frozen=True, slots=True)
class List:
    """A list; each item is a tuple of blocks."""

    items: tuple[tuple[Block, ...], ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True, slots=True)
class Figure:
    """An image. ``src`` is a relative path, a URL or a ``data:`` URI."""

    src: str
    alt: str = ""
    caption: tuple[Inline, ...] = ()
    credit: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    """A simple table: cells are inline runs; ``head`` rows come first."""

    head: tuple[tuple[tuple[Inline, ...], ...], ...]
    rows: tuple[tuple[tuple[Inline, ...], ...], ...]
    caption: tuple[Inline, ...] = ()


@dataclass(frozen=True, slots=True)
class CodeBlock:
    text: str
    language: str | None = None


@dataclass(frozen=True, slots=True)
class Rule:
    """A section break (``* * *``, ``<hr>``)."""


Block = Paragraph | Heading | BlockQuote | List | Figure | Table | CodeBlock | Rule

# --------------------------------------------------------------------------
# Notes, metadata, article


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote or a piece of end matter.

    ``kind`` is one of :data:`NOTE_KINDS` (``footnote`` for notes referenced
    by a :class:`NoteRef`; ``author-note``, ``disclaimer``, ``editor-note``,
    ``correction`` for end matter).
    """

    id: str
    kind: str
    body: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Author:
    name: str
    role: str | None = None
    bio: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """Where the article was read from: path (or ``-``), reader name, hash."""

    path: str | None = None
    format: str | None = None
    sha256: str | None = None


#: Unicode's ``Quotation_Mark`` property (PropList.txt): the characters a quotation may be typed with.
QUOTATION_MARKS = "\"'«»‘’‚‛“”„‟‹›⹂「」『』〝〞〟﹁﹂﹃﹄＂＇｢｣"
#: The spaces a mark may have typed inside it (French `« mot »`; no-break spaces as CLDR sets them).
MARK_SPACES = " \u00a0\u202f"


def typed_marks(marks: Any) -> bool:
    """Whether ``marks`` is a :attr:`Quote.marks` value: an opening mark (then a space at most) and
    a closing one (after a space at most), or ``""`` for a closing mark never typed."""
    if not isinstance(marks, tuple | list) or len(marks) != 2 or not all(isinstance(m, str) for m in marks):
        return False
    open_, close = marks
    return (
        len(open_) in (1, 2)
        and open_[0] in QUOTATION_MARKS
        and open_[1:] in ("", *MARK_SPACES)
        and (
            close == ""
            or (len(close) in (1, 2) and close[-1] in QUOTATION_MARKS and close[:-1] in ("", *MARK_SPACES))
        )
    )


#: The dashes a dateline may be followed by, as typed: em, en, hyphen, and the typewriter's double hyphen.
DATELINE_DASHES = ("—", "–", "-", "--")


@dataclass(frozen=True, slots=True)
class Metadata:
    """What is known about the article. Unknown values are ``None``.

    Dates are ISO 8601 strings: ``2024-10-14T22:37:00`` when the source gives
    a time (with its zone when it gives one), ``2024-10-14`` when it does not.
    """

    title: str | None = None
    subtitle: str | None = None
    authors: tuple[Author, ...] = ()
    published: str | None = None
    updated: str | None = None
    dateline: str | None = None
    publisher: str | None = None
    language: str | None = None
    description: str | None = None
    keywords: tuple[str, ...] = ()
    url: str | None = None
    rights: str | None = None
    source: Source | None = None
    identifier: str | None = None
    #: ``"rtl"`` or ``"ltr"`` when the source declares the direction (``<html dir>``); ``None``:
    #: it follows the language (API 1.1).
    direction: str | None = None
    #: The dash the source typed after the dateline (one of :data:`DATELINE_DASHES`), printed as
    #: typed; ``None``: the exporters' en dash (API 1.3).
    dateline_dash: str | None = None

    def __post_init__(self) -> None:
        if self.direction not in (None, "ltr", "rtl"):
            raise ModelError(f"direction must be 'ltr', 'rtl' or null, got {self.direction!r}")
        if self.dateline_dash not in (None, *DATELINE_DASHES):
            raise ModelError(
                f"dateline_dash must be one of {DATELINE_DASHES} or null, got {self.dateline_dash!r}"
            )


@dataclass(frozen=True, slots=True)
class Article:
    meta: Metadata = field(default_factory=Metadata)
    body: tuple[Block, ...] = ()
    notes: tuple[Note, ...] = ()


# --------------------------------------------------------------------------
# Small helpers


_N = TypeVar("_N")


def replace(node: _N, **changes: Any) -> _N:
    """``dataclasses.replace`` under a short name, typed."""
    return dataclasses.replace(node, **changes)  # type: ignore[type-var]


def plain_text(nodes: Any) -> str:
    """The text of an inline run, a block, or a sequence of either.

    Blocks are joined by blank lines; quotation marks are not added.
    """
    if isinstance(nodes, tuple | list):
        parts = [plain_text(n) for n in nodes]
        if nodes and not _is_inline(nodes[0]):
            return "\n\n".join(p for p in parts if p)
        return "".join(parts)
    node = nodes
    match node:
        case Text(text=t) | Code(text=t) | CodeBlock(text=t) | Math(tex=t):
            return t
        case LineBreak():
            return "\n"
        case NoteRef() | Rule():
            return ""
        case Emph(content=c) | Strong(content=c) | Link(content=c) | Quote(content=c):
            return plain_text(c)
        case Paragraph(content=c) | Heading(content=c):
            return plain_text(c)
        case BlockQuote(body=b):
            return plain_text(b)
        case List(items=items):
            return "\n".join(plain_text(i) for i in items)
        case Figure(caption=c, alt=alt):
            return plain_text(c) or alt
        case Table(head=head, rows=rows):
            return "\n".join("\t".join(plain_text(c) for c in r) for r in head + rows)
    raise ModelError(f"not a node: {node!r}")


def _is_inline(node: Any) -> bool:
    return isinstance(node, INLINE_TYPES)


def walk(blocks: tuple[Block, ...]) -> Any:
    """Yield every block and inline below ``blocks``, depth first."""
    for block in blocks:
        yield from _walk(block)


def _walk(node: Any) -> Any:
    yield node
    match node:
        case Emph(content=c) | Strong(content=c) | Link(content=c) | Quote(content=c):
            for n in c:
                yield from _walk(n)
        case Paragraph(content=c) | Heading(content=c):
            for n in c:
                yield from _walk(n)
        case BlockQuote(body=b, attribution=a):
            for child in (*b, *a):
                yield from _walk(child)
        case List(items=items):
            for item in items:
                for block in item:
                    yield from _walk(block)
        case Figure(caption=c):
            for n in c:
                yield from _walk(n)
        case Table(head=head, rows=rows, caption=cap):
            for row in head + rows:
                for cell in row:
                    for n in cell:
                        yield from _walk(n)
            for n in cap:
                yield from _walk(n)


# --------------------------------------------------------------------------
# JSON form

#: JSON ``type`` tag -> node class, for every block and inline.
NODE_TYPES: dict[str, type] = {
    "text": Text,
    "emph": Emph,
    "strong": Strong,
    "link": Link,
    "code": Code,
    "line_break": LineBreak,
    "quote": Quote,
    "note_ref": NoteRef,
    "math": Math,
    "paragraph": Paragraph,
    "heading": Heading,
    "block_quote": BlockQuote,
    "list": List,
    "figure": Figure,
    "table": Table,
    "code_block": CodeBlock,
    "rule": Rule,
}
TYPE_NAMES: dict[type, str] = {cls: name for name, cls in NODE_TYPES.items()}
INLINE_TYPES = (Text, Emph, Strong, Link, Code, LineBreak, Quote, NoteRef, Math)
BLOCK_TYPES = (Paragraph, Heading, BlockQuote, List, Figure, Table, CodeBlock, Rule)


def to_json(article: Article) -> dict[str, Any]:
    """The article's JSON form, as plain dicts, lists and scalars."""
    return {
        "schema": SCHEMA,
        "version": list(API_VERSION),
        "meta": _enc_record(article.meta),
        "body": [_enc_node(b) for b in article.body],
        "notes": [_enc_record(n) for n in article.notes],
    }


def to_json_bytes(article: Article) -> bytes:
    """The article's JSON form, UTF-8, indented, with a final newline."""
    import json

    return (json.dumps(to_json(article), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def from_json(data: Any) -> Article:
    """Rebuild an article from its JSON form; :class:`ModelError` if malformed."""
    if not isinstance(data, dict):
        raise ModelError("an article must be a JSON object")
    if data.get("schema") != SCHEMA:
        raise ModelError(f"not a broadsheet article (schema is {data.get('schema')!r})")
    version = data.get("version")
    if not isinstance(version, list) or len(version) < 2 or not all(isinstance(v, int) for v in version[:2]):
        raise ModelError("the article's version must be [major, minor]")
    major, minor = version[:2]
    if major != API_VERSION[0] or minor > API_VERSION[1]:
        raise ModelError(
            f"article tree is version {major}.{minor}; this build reads "
            f"{API_VERSION[0]}.0-{API_VERSION[0]}.{API_VERSION[1]}"
        )
    try:
        meta = _dec_meta(data.get("meta") or {})
        body = tuple(_dec_block(b) for b in _array(data.get("body", []), "body"))
        notes = tuple(_dec_note(n) for n in _array(data.get("notes", []), "notes"))
    except (TypeError, KeyError, AttributeError) as exc:
        raise ModelError(f"malformed article tree: {exc}") from exc
    return Article(meta=meta, body=body, notes=notes)


def _enc_value(value: Any) -> Any:
    if isinstance(value, tuple):
        return [_enc_value(v) for v in value]
    if type(value) in TYPE_NAMES:
        return _enc_node(value)
    if dataclasses.is_dataclass(value):
        return _enc_record(value)
    return value


def _enc_node(node: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"type": TYPE_NAMES[type(node)]}
    for f in dataclasses.fields(node):
        out[f.name] = _enc_value(getattr(node, f.name))
    return out


def _enc_record(record: Any) -> dict[str, Any]:
    return {f.name: _enc_value(getattr(record, f.name)) for f in dataclasses.fields(record)}


def _array(value: Any, where: str) -> list[Any]:
    if not isinstance(value, list):
        raise ModelError(f"{where} must be an array")
    return value


def _dec_meta(data: Any) -> Metadata:
    if not isinstance(data, dict):
        raise ModelError("meta must be an object")
    known = {f.name for f in dataclasses.fields(Metadata)}
    unknown = set(data) - known
    if unknown:
        raise ModelError(f"unknown meta field(s): {', '.join(sorted(unknown))}")
    kwargs: dict[str, Any] = dict(data)
    kwargs["authors"] = tuple(
        Author(**_check_fields(a, Author, "author")) for a in _array(data.get("authors", []), "authors")
    )
    kwargs["keywords"] = tuple(_array(data.get("keywords", []), "keywords"))
    src = data.get("source")
    kwargs["source"] = Source(**_check_fields(src, Source, "source")) if src is not None else None
    if kwargs.get("dateline_dash") not in (None, *DATELINE_DASHES):
        # version 1.3 trees written before the dashes were listed may hold any string: a dash this
        # version does not know is read as unknown (the exporters' en dash), not a broken tree
        kwargs["dateline_dash"] = None
    return Metadata(**kwargs)


def _check_fields(data: Any, cls: type, what: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise ModelError(f"{what} must be an object")
    known = {f.name for f in dataclasses.fields(cls)}
    unknown = set(data) - known
    if unknown:
        raise ModelError(f"unknown {what} field(s): {', '.join(sorted(unknown))}")
    return data


def _dec_note(data: Any) -> Note:
    _check_fields(data, Note, "note")
    body = tuple(_dec_block(b) for b in _array(data.get("body", []), "note body"))
    return Note(id=str(data["id"]), kind=str(data["kind"]), body=body)


def _dec_node(data: Any, allowed: tuple[type, ...], what: str) -> Any:
    if not isinstance(data, dict) or "type" not in data:
        raise ModelError(f"{what} must be an object with a 'type'")
    cls = NODE_TYPES.get(data["type"])
    if cls is None or cls not in allowed:
        raise ModelError(f"unknown {what} type {data['type']!r}")
    fields = {f.name for f in dataclasses.fields(cls)}
    kwargs: dict[str, Any] = {}
    for key, value in data.items():
        if key == "type":
            continue
        if key not in fields:
            raise ModelError(f"{data['type']} has no field {key!r}")
        kwargs[key] = _dec_field(cls, key, value)
    return cls(**kwargs)


def _dec_block(data: Any) -> Any:
    return _dec_node(data, BLOCK_TYPES, "block")


def _dec_inline(data: Any) -> Any:
    return _dec_node(data, INLINE_TYPES, "inline")


def _inlines(value: Any) -> tuple[Any, ...]:
    return tuple(_dec_inline(i) for i in _array(value, "inline content"))


def _blocks(value: Any) -> tuple[Any, ...]:
    return tuple(_dec_block(b) for b in _array(value, "block content"))


def _dec_field(cls: type, key: str, value: Any) -> Any:
    if cls is Quote and key == "marks":
        # what this version does not read as typed marks (a later version's) is unknown: the
        # language's own marks, not a broken tree
        return tuple(value) if typed_marks(value) else None
    if key in ("content", "caption", "attribution"):
        return _inlines(value)
    if key == "body":
        return _blocks(value)
    if cls is List and key == "items":
        return tuple(_blocks(item) for item in _array(value, "list items"))
    if cls is Table and key in ("head", "rows"):
        return tuple(
            tuple(_inlines(cell) for cell in _array(row, "table row")) for row in _array(value, "table rows")
        )
    return value
