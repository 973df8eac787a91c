"""Safety limits against hostile input, in one place.

Broadsheet reads files that came from e-mail and the web. Each limit below
caps one way such a file can make a conversion use unbounded memory or time:
a zip bomb, an XML entity bomb, a page nested ten thousand levels deep, a
Markdown paragraph that sends pandoc's parser into exponential backtracking.
The defaults are far above what real articles need (a long feature is a few
hundred blocks); a breach raises :class:`~convert.errors.LimitError` whose
message names the limit and whose hint says how to raise it.

A limit is raised for one run through the environment (which batch workers
inherit), ``BROADSHEET_LIMIT_<NAME>=VALUE`` with an optional ``k``/``M``/``G``
suffix, or in Python for a block of code::

    with limits.override(zip_expanded_bytes=2 * 1024**3):
        convert.convert("huge.docx", "out/")

The checks (each cheap, each run before the expensive step it guards):

- :func:`check_input_size` — the bytes of one input;
- :func:`check_zip` — DOCX/ODT/EPUB, from the central directory only: member
  count, total expansion, compression ratio, overlapping or truncated members;
  :func:`check_zip_xml` then refuses XML members that declare entities;
- :func:`check_xml` / :func:`parse_xml` / :func:`safe_xml_parser` — no entity
  declarations (billion laughs, quadratic blowup, XXE), no network, no DTDs;
- :func:`check_html_depth` — element nesting of a parsed HTML tree;
- :func:`check_lines` — the longest line of a text-like input;
- :func:`check_markdown` — bracket nesting in a paragraph (pandoc's Markdown
  reader takes time exponential in it: 20 ``[`` take minutes);
- :func:`check_article` — blocks, nesting, characters (in all, and per block) of the finished tree
  (these bound the PDF's layout time and memory);
- :func:`check_image` / :func:`image_refusal` — pixels of an image, from its header.
"""

from __future__ import annotations

import io
import os
import re
import struct
import warnings
import zlib
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import fields, is_dataclass, replace
from typing import TYPE_CHECKING, Any

from ._regex import compiled, lazy
from .cache import dataclass
from .errors import InputError, LimitError, UsageError

if TYPE_CHECKING:
    import zipfile

    import lxml.etree

    from .model import Article

__all__ = [
    "LIMIT_INFO",
    "Limits",
    "check_article",
    "check_html_depth",
    "check_image",
    "check_input_size",
    "check_lines",
    "check_markdown",
    "check_xml",
    "check_zip",
    "check_zip_xml",
    "current",
    "env_name",
    "image_refusal",
    "image_size",
    "override",
    "parse_xml",
    "safe_xml_parser",
    "set_from_pairs",
]

_MiB = 1024 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits in force; every field is a maximum."""

    #: Bytes of one input file.
    input_bytes: int = 50 * _MiB
    #: Members of a DOCX/ODT/EPUB archive.
    zip_members: int = 10_000
    #: Total bytes a DOCX/ODT/EPUB archive expands to (from its central directory).
    zip_expanded_bytes: int = 256 * _MiB
    #: Expanded/compressed ratio of one archive member (checked for members over 1 MiB).
    zip_ratio: int = 200
    #: Element nesting depth of an HTML page.
    html_depth: int = 200
    #: Characters on one line of a text-like input (text, Markdown, RST, LaTeX, Org).
    line_chars: int = 1_000_000
    #: Nesting of ``[`` / ``(`` in one Markdown paragraph.
    markdown_brackets: int = 12
    #: Blocks in the article (paragraphs, headings, list items' blocks, notes' blocks ...).
    blocks: int = 20_000
    #: Nesting depth of the article tree (quotes in lists in quotes, emphasis in links ...).
    nesting: int = 100
    #: Characters of text in the article (about 170,000 words; a PDF of some 300 pages, 30 s).
    text_chars: int = 1_000_000
    #: Characters of text in one block (a paragraph of some 16,000 words; WeasyPrint lays one
    #: paragraph out at about 20,000 characters a second).
    block_chars: int = 100_000
    #: Pixels of one image (width x height).
    image_pixels: int = 50_000_000


#: For each limit: its unit and what it guards, for messages and the README table.
LIMIT_INFO: Mapping[str, tuple[str, str]] = {
    "input_bytes": ("bytes", "size of one input file"),
    "zip_members": ("members", "members of a DOCX/ODT/EPUB archive"),
    "zip_expanded_bytes": ("bytes", "total expanded size of a DOCX/ODT/EPUB archive"),
    "zip_ratio": ("x", "compression ratio of one archive member over 1 MiB"),
    "html_depth": ("levels", "element nesting of an HTML page"),
    "line_chars": ("characters", "longest line of a text, Markdown, RST, LaTeX or Org input"),
    "markdown_brackets": ("levels", "nesting of [ and ( in one Markdown paragraph"),
    "blocks": ("blocks", "blocks in the article"),
    "nesting": ("levels", "nesting depth of the article tree"),
    "text_chars": ("characters", "characters of text in the article"),
    "block_chars": ("characters", "characters of text in one block (a paragraph, a code block ...)"),
    "image_pixels": ("pixels", "pixels of one image"),
}

_ENV_PREFIX = "BROADSHEET_LIMIT_"
_SUFFIXES = {"": 1, "k": 1024, "m": _MiB, "g": 1024 * _MiB}
_NUMBER = lazy(r"\s*([0-9][0-9_]*)\s*([kKmMgG]?)(?:i?[bB])?\s*")
_override: ContextVar[Limits | None] = ContextVar("broadsheet_limits", default=None)


def env_name(name: str) -> str:
    """``zip_ratio`` -> ``BROADSHEET_LIMIT_ZIP_RATIO``."""
    return _ENV_PREFIX + name.upper()


def _parse_value(name: str, text: str, where: str) -> int:
    m = _NUMBER.fullmatch(text)
    if m is None or int(m.group(1).replace("_", "")) <= 0:
        raise UsageError(
            f"{where}: {text!r} is not a positive whole number", hint="write e.g. 100000, 64M or 2G"
        )
    return int(m.group(1).replace("_", "")) * _SUFFIXES[m.group(2).lower()]


def from_env(environ: Mapping[str, str] | None = None) -> Limits:
    """The defaults, with any ``BROADSHEET_LIMIT_*`` variables applied."""
    env = os.environ if environ is None else environ
    changes = {}
    for f in fields(Limits):
        raw = env.get(env_name(f.name))
        if raw is not None and raw.strip():
            changes[f.name] = _parse_value(f.name, raw, env_name(f.name))
    return replace(Limits(), **changes) if changes else Limits()


def current() -> Limits:
    """The limits in force here: an :func:`override` block, else the environment, else the defaults."""
    active = _override.get()
    return active if active is not None else from_env()


@contextmanager
def override(**changes: int) -> Iterator[Limits]:
    """Change some limits for the code in the ``with`` block (this thread / task only)."""
    unknown = set(changes) - {f.name for f in fields(Limits)}
    if unknown:
        raise UsageError(f"unknown limit {sorted(unknown)[0]!r}", hint=f"limits: {', '.join(LIMIT_INFO)}")
    token = _override.set(replace(current(), **changes))
    try:
        yield _override.get() or Limits()
    finally:
        _override.reset(token)


def set_from_pairs(pairs: Iterable[str]) -> None:
    """Apply ``NAME=VALUE`` pairs (a ``--limit`` option) to this process and its workers.

    They are written to the environment, so batch worker processes started
    later see them too.
    """
    for pair in pairs:
        name, sep, value = pair.partition("=")
        name = name.strip().lower().replace("-", "_")
        if not sep or name not in LIMIT_INFO:
            raise UsageError(
                f"--limit {pair!r}: expected NAME=VALUE", hint=f"limits: {', '.join(LIMIT_INFO)}"
            )
        os.environ[env_name(name)] = str(_parse_value(name, value, f"--limit {name}"))


def _breach(name: str, message: str, needed: int | None = None) -> LimitError:
    """A :class:`LimitError` for limit ``name``: the message, and a hint saying how to raise it."""
    value = getattr(current(), name)
    suggestion = _round_up(max(value * 2, (needed or 0) + 1))
    return LimitError(
        f"{message}, over the {name} limit of {_amount(name, value)}",
        hint=f"only for a file you trust: raise it, e.g. {env_name(name)}={suggestion}",
    )


def _round_up(value: int) -> int:
    """``1048576001`` -> ``1100000000``: a suggestion easy to type, never below ``value``."""
    digits = len(str(value)) - 2
    if digits <= 0:
        return value
    step = 10**digits
    return int(-(-value // step) * step)


def _amount(name: str, value: int) -> str:
    unit = LIMIT_INFO[name][0]
    if unit == "bytes" and value >= _MiB:
        return f"{value / _MiB:,.0f} MiB"
    return f"{value:,}" + ("x" if unit == "x" else f" {unit}")


# --------------------------------------------------------------------------
# Size of the input


def check_input_size(size: int, *, what: str = "input") -> None:
    """Refuse an input of ``size`` bytes over ``input_bytes`` (before reading it)."""
    if size > current().input_bytes:
        raise _breach("input_bytes", f"{what} is {size:,} bytes", size)


# --------------------------------------------------------------------------
# Zip archives (DOCX, ODT, EPUB)

_LOCAL_HEADER = struct.Struct("<4sHHHHHIIIHH")
_LOCAL_MAGIC = b"PK\x03\x04"
#: Members smaller than this are not ratio-checked: a small file of spaces may compress 1000:1.
_RATIO_FLOOR = _MiB


def zip_errors() -> tuple[type[BaseException], ...]:
    """The errors the standard library's zipfile raises on damaged archives.

    :mod:`zipfile` is imported when an archive is read, not with this module: a
    plain-text conversion never opens one (issue 18).
    """
    import zipfile

    return (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        EOFError,
        ValueError,
        NotImplementedError,
        OSError,
        struct.error,
        IndexError,
        KeyError,
    )


def check_zip(data: bytes, *, what: str = "archive") -> None:
    """Refuse a zip archive that would expand too far, before anything is extracted.

    Only the central directory and the members' local headers are read. Raises
    :class:`LimitError` for too many members, too many expanded bytes or a
    member compressed beyond ``zip_ratio``; :class:`InputError` for a damaged
    archive, an encrypted member, or members that overlap or run past the end
    of the file (how non-recursive zip bombs reuse one compressed stream).
    """
    import zipfile

    lim = current()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
    except zip_errors() as exc:
        raise InputError(f"{what} is not a readable zip archive ({_zip_reason(exc)})",
                         hint="is the file complete? re-save or re-download it") from None  # fmt: skip
    if len(infos) > lim.zip_members:
        raise _breach("zip_members", f"{what} holds {len(infos):,} members", len(infos))
    total = sum(info.file_size for info in infos)
    if total > lim.zip_expanded_bytes:
        raise _breach("zip_expanded_bytes", f"{what} expands to {total:,} bytes", total)
    for info in infos:
        if info.file_size > _RATIO_FLOOR and info.file_size > lim.zip_ratio * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise _breach("zip_ratio", f"{what}: member {info.filename!r} expands {ratio:,} times", ratio)
        if info.flag_bits & 0x1:
            raise InputError(f"{what} is encrypted (password-protected)",
                             hint="remove the password in the program that made it, then convert again")  # fmt: skip
    _check_layout(data, infos, what)


def _zip_reason(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"


def _check_layout(data: bytes, infos: list[zipfile.ZipInfo], what: str) -> None:
    """Each member's bytes lie inside the file and after the previous member's."""
    end_of_previous = 0
    for info in sorted(infos, key=lambda i: i.header_offset):
        start = info.header_offset
        if start < end_of_previous:
            raise InputError(f"{what}: members overlap (a zip bomb, or a damaged archive)",
                             hint="this archive cannot be read safely")  # fmt: skip
        header = data[start : start + _LOCAL_HEADER.size]
        if len(header) < _LOCAL_HEADER.size or not header.startswith(_LOCAL_MAGIC):
            raise InputError(f"{what}: member {info.filename!r} is missing or damaged",
                             hint="is the file complete? re-save or re-download it")  # fmt: skip
        fields_ = _LOCAL_HEADER.unpack(header)
        data_end = start + _LOCAL_HEADER.size + fields_[9] + fields_[10] + info.compress_size
        if data_end > len(data):
            raise InputError(f"{what}: member {info.filename!r} runs past the end of the file (truncated?)",
                             hint="is the file complete? re-save or re-download it")  # fmt: skip
        end_of_previous = data_end


#: Member names whose content is XML and goes to an XML parser (ours or pandoc's).
_XML_MEMBER = lazy(r"\.(xml|rels|xhtml|html?|opf|ncx|svg|smil|xsl)$", re.IGNORECASE)


def check_zip_xml(data: bytes, *, what: str = "archive") -> None:
    """:func:`check_zip`, then refuse XML members that declare entities (or are not readable).

    Safe to call on any input: the members are read only after the central
    directory passed :func:`check_zip`, and never beyond their declared sizes.
    """
    import zipfile

    check_zip(data, what=what)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            for info in zf.infolist():
                if _XML_MEMBER.search(info.filename) and not info.is_dir():
                    with zf.open(info) as fh:
                        check_xml(fh.read(info.file_size + 1), what=f"{what}: {info.filename}")
    except zip_errors() + (RuntimeError,) as exc:
        raise InputError(f"{what} is not a readable zip archive ({_zip_reason(exc)})",
                         hint="is the file complete? re-save or re-download it") from None  # fmt: skip


# --------------------------------------------------------------------------
# XML

_DOCTYPE = compiled(rb"<!DOCTYPE", re.IGNORECASE)
_ENTITY = compiled(rb"<!ENTITY", re.IGNORECASE)


def _ascii_view(data: bytes) -> bytes:
    """``data`` re-encoded so ASCII markup can be searched, whatever its Unicode encoding."""
    for bom, codec in (
        (b"\x00\x00\xfe\xff", "utf-32-be"), (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\xfe\xff", "utf-16-be"), (b"\xff\xfe", "utf-16-le"),
        (b"\x00\x00\x00<", "utf-32-be"), (b"<\x00\x00\x00", "utf-32-le"),
        (b"\x00<", "utf-16-be"), (b"<\x00", "utf-16-le"),
    ):  # fmt: skip
        if data.startswith(bom):
            return data.decode(codec, "replace").encode("utf-8", "replace")
    return data


def check_xml(data: bytes, *, what: str = "XML") -> None:
    """Refuse XML whose DOCTYPE declares entities: billion laughs, quadratic blowup, XXE.

    Real documents (DOCX, ODT, EPUB, XHTML) never declare entities; a
    DOCTYPE naming an external DTD is allowed (it is never loaded).
    """
    view = _ascii_view(data)
    doctype = _DOCTYPE.search(view)
    if doctype is not None and _ENTITY.search(view, doctype.end()):
        raise LimitError(
            f"{what} declares XML entities (an entity-expansion or external-entity attack?)",
            hint="documents never need them; this file cannot be read safely",
        )


def safe_xml_parser() -> lxml.etree.XMLParser:
    """An lxml parser that expands no entities, loads no DTD and never touches the network."""
    import lxml.etree

    return lxml.etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        huge_tree=False,
        load_dtd=False,
        dtd_validation=False,
        remove_pis=True,
    )


def parse_xml(data: bytes, *, what: str = "XML") -> lxml.etree._Element:
    """Parse ``data`` safely: :func:`check_xml`, :func:`safe_xml_parser`, and one-line errors."""
    import lxml.etree

    check_xml(data, what=what)
    try:
        root = lxml.etree.fromstring(data, safe_xml_parser())
    except lxml.etree.XMLSyntaxError as exc:
        raise InputError(f"{what} is not well-formed XML ({_zip_reason(exc)})") from None
    if root is None:
        raise InputError(f"{what} holds no XML element")
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise LimitError(f"{what} declares XML entities (an entity-expansion or external-entity attack?)",
                         hint="documents never need them; this file cannot be read safely")  # fmt: skip
    return root


# --------------------------------------------------------------------------
# HTML and text


def check_html_depth(root: Any, *, what: str = "HTML page") -> None:
    """Refuse an (lxml) element tree nested deeper than ``html_depth``; iterative, so never recursion."""
    limit = current().html_depth
    stack: list[tuple[Any, int]] = [(root, 1)]
    while stack:
        element, depth = stack.pop()
        if depth > limit:
            raise _breach("html_depth", f"{what} is nested too deeply")
        stack.extend((child, depth + 1) for child in element)


def check_lines(data: bytes | str, *, what: str = "input") -> None:
    """Refuse a text-like input with a line longer than ``line_chars`` (counted in bytes for bytes)."""
    limit = current().line_chars
    newline: Any = b"\n" if isinstance(data, bytes) else "\n"
    if len(data) <= limit:
        return
    start = 0
    while start < len(data):
        end = data.find(newline, start)
        end = len(data) if end < 0 else end
        if end - start > limit:
            line_no = data.count(newline, 0, start) + 1
            raise _breach(
                "line_chars", f"{what}: line {line_no:,} is {end - start:,} characters long", end - start
            )
        start = end + 1


_FENCE = compiled(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = compiled(r"(`+)(?:(?!\1).)+?\1")


def check_markdown(text: str, *, what: str = "Markdown") -> None:
    """Refuse a paragraph nesting ``[`` and ``(`` deeper than ``markdown_brackets``.

    pandoc's Markdown reader backtracks over every way to close an open
    bracket: 18 nested ``[`` take seconds, 20 take minutes. Code (fenced
    blocks, code spans) and escaped brackets are not counted.
    """
    limit = current().markdown_brackets
    if text.count("[") + text.count("(") <= limit:
        return
    depth = 0
    fence: str | None = None
    for line_no, line in enumerate(text.splitlines(), 1):
        marker = _FENCE.match(line)
        if fence is not None:
            if marker is not None and marker.group(1)[0] == fence:
                fence = None
            continue
        if marker is not None:
            fence, depth = marker.group(1)[0], 0
            continue
        if not line.strip():
            depth = 0  # a blank line ends the paragraph
            continue
        depth = _bracket_depth(_CODE_SPAN.sub("", line.replace("\\\\", "").replace("\\[", "").replace("\\(", "")),
                               depth, limit, what, line_no)  # fmt: skip


def _bracket_depth(line: str, depth: int, limit: int, what: str, line_no: int) -> int:
    for ch in line:
        if ch in "[(":
            depth += 1
            if depth > limit:
                message = f"{what}: line {line_no:,} nests [ and ( too deeply (pandoc would take minutes)"
                raise _breach("markdown_brackets", message)
        elif ch in "])":
            depth = max(0, depth - 1)
    return depth


# --------------------------------------------------------------------------
# The article tree


def check_article(article: Article, *, what: str = "article") -> None:
    """Refuse a tree over ``blocks``, ``nesting``, ``text_chars`` or ``block_chars``.

    Iterative, so a tree of any depth is judged without recursion. A block's
    characters are those of its own inlines (a quote's paragraphs count
    separately, each against ``block_chars``, and so does each table cell).
    """
    from .model import BlockQuote, CodeBlock, Figure, Heading, List, Paragraph, Rule, Table

    block_types = (Paragraph, Heading, BlockQuote, List, Figure, Table, CodeBlock, Rule)
    lim = current()
    blocks = chars = cells = 0
    per_block: dict[int, int] = {}
    # (node, depth, id of the innermost block holding it)
    stack: list[tuple[Any, int, int]] = [(node, 1, 0) for node in (*article.body, *article.notes)]
    while stack:
        node, depth, owner = stack.pop()
        if depth > lim.nesting:
            raise _breach("nesting", f"{what} is nested too deeply")
        if isinstance(node, block_types):
            blocks += 1
            owner = blocks
            if blocks > lim.blocks:
                raise _breach("blocks", f"{what} has too many blocks")
        children: Iterable[tuple[Any, int]] = ((child, owner) for child in _children(node))
        if isinstance(node, Table):
            # Every format lays out (or wraps) each cell on its own, so a cell, not the
            # whole table, is held to block_chars; the table counts as one block.
            cell_owners = []
            for row in (*node.head, *node.rows):
                for cell in row:
                    cells += 1
                    cell_owners += [(child, -cells) for child in _flatten(cell)]
            children = (*((child, owner) for child in _flatten(node.caption)), *cell_owners)
        for child, held_by in children:
            if isinstance(child, str):
                chars += len(child)
                per_block[held_by] = per_block.get(held_by, 0) + len(child)
                if per_block[held_by] > lim.block_chars:
                    raise _breach("block_chars", f"{what} has a block of over {lim.block_chars:,} characters")
            else:
                stack.append((child, depth + 1, held_by))
    if chars > lim.text_chars:
        raise _breach("text_chars", f"{what} holds {chars:,} characters of text", chars)


def _children(node: Any) -> Iterator[Any]:
    """The nodes and text strings directly inside ``node`` (tuples of tuples flattened)."""
    if not is_dataclass(node):
        return
    for f in fields(node):
        value = getattr(node, f.name)
        if f.name in ("text", "alt", "credit", "attribution", "content", "body", "items", "head", "rows",
                      "caption") or f.name == "speaker":  # fmt: skip
            yield from _flatten(value)


def _flatten(value: Any) -> Iterator[Any]:
    todo = [value]
    while todo:
        item = todo.pop()
        if isinstance(item, tuple):
            todo.extend(reversed(item))
        elif isinstance(item, str) or is_dataclass(item):
            yield item


# --------------------------------------------------------------------------
# Images


def image_size(data: bytes) -> tuple[int, int] | None:
    """``(width, height)`` from an image's header, or ``None`` when Pillow does not know it.

    Pillow refuses headers of more than twice its own pixel limit outright;
    such images are reported as that many pixels, which is over ours too.
    """
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # DecompressionBombWarning: judged against our limit instead
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
    except Image.DecompressionBombError:
        side = int((2 * (Image.MAX_IMAGE_PIXELS or 0)) ** 0.5) + 1
        return side, side
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, struct.error):
        return None
    return width, height


def image_refusal(data: bytes) -> str | None:
    """Why ``data`` is an image with too many pixels, or ``None``; reads only the header."""
    size = image_size(data)
    limit = current().image_pixels
    if size is None or size[0] * size[1] <= limit:
        return None
    return f"a {size[0]:,} x {size[1]:,} image, over the image_pixels limit of {limit:,} pixels"


def check_image(data: bytes, *, what: str = "image") -> None:
    """Refuse an image over ``image_pixels`` (from its header; nothing is decoded)."""
    size = image_size(data)
    if size is not None and size[0] * size[1] > current().image_pixels:
        raise _breach("image_pixels", f"{what} is {size[0]:,} x {size[1]:,} pixels", size[0] * size[1])
