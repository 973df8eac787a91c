"""The Python API: read, write, convert.

>>> import convert
>>> article = convert.read("samples/ashgabat-oped.txt")
>>> article.meta.authors[0].name
'Vladimir Sazhin'
>>> pdf_bytes = convert.write(article, "pdf")
>>> convert.convert("samples/ashgabat-oped.txt", "out/", to=["epub", "txt"])  # doctest: +SKIP
[PosixPath('out/ashgabat-oped.epub'), PosixPath('out/ashgabat-oped.txt')]

The library never prints and never exits; it raises
:class:`~convert.errors.ConvertError` subclasses with messages for users.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeGuard, overload

from . import limits, model
from .base import NOTE_PLACES, ExportOptions, ExportResult, ReadOptions, collect_warnings
from .cache import sha256
from .errors import (
    ConvertError,
    ExportError,
    InputError,
    LimitError,
    MissingDependencyError,
    OutputError,
    UsageError,
)
from .io import atomic_write, atomic_write_all
from .locale import normalise_tag
from .model import Article, Source
from .normalize import given_language_in, normalize, override, with_source
from .readers.markdown_sniff import looks_like_markdown
from .registry import exporters, readers
from .theme import Theme, load_theme

#: Inputs larger than this are refused by default (``max_bytes=`` or
#: ``BROADSHEET_LIMIT_INPUT_BYTES`` raises it); see :mod:`convert.limits`.
MAX_INPUT_BYTES = limits.Limits().input_bytes

# Content signatures of formats Broadsheet does not read, for a clear error.
UNSUPPORTED_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/AVI/WAV) file"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old binary Office file (.doc/.xls)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
)


def _is_url(src: object) -> TypeGuard[str]:
    """:func:`convert.web.is_url`, without importing the web package (its feeds, its HTTP client)
    for the ordinary case of a file; tests/test_startup.py keeps the two the same."""
    return isinstance(src, str) and src[:8].lower().startswith(("http://", "https://"))


def reader_extensions() -> dict[str, str]:
    """File name ending -> reader name, from every registered reader's ``extensions``.

    Built-in readers and those a package adds through the
    ``broadsheet.readers`` entry point count alike; the second opinion after
    the content in :func:`sniff`, and what a folder walk takes. A reader
    that cannot load is left out (asking for it by name explains why). When
    two readers claim an ending, one registered in this process keeps it,
    then a built-in one, then the first plugin by name.
    """
    return readers.extension_map()


#: Formats whose bytes are lines of text: long lines are refused before parsing.
_PLAIN_FORMATS = frozenset({"text", "markdown", "rst", "latex", "org"})


def sniff(data: bytes, path: Path | None = None) -> str:
    """The reader name for ``data``: content first, then the file name ending.

    A DOCX renamed ``.txt`` is still read as DOCX; a PDF or an image raises
    :class:`InputError`.
    """
    head = data[:4096]
    for magic, what in UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            raise InputError(
                f"this is {what}, not an article Broadsheet can read",
                hint="give text, Markdown, HTML, DOCX, ODT, EPUB, RST, LaTeX, Org or JSON",
            )
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        return _sniff_zip(data, path)
    ext = path.suffix.lower() if path is not None else ""
    # A built-in (or registered) reader's ending is settled without loading any plugin.
    by_ext = (readers.claimed(ext) or reader_extensions().get(ext)) if ext else None
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith(b"{") and b'"broadsheet.article"' in data[:65536]:
        return "json"
    if by_ext and by_ext not in ("text", "json"):
        return by_ext
    claimed = next(iter(_content_sniffers(head)), None) if by_ext is None else None
    if claimed is not None:
        return claimed
    if text.startswith((b"<!doctype html", b"<html", b"<?xml")) and b"<html" in data[:65536].lower():
        return "html"
    if by_ext == "json":
        return "json"
    if text.startswith(b"---\n") or text.startswith(b"---\r\n"):
        # YAML front matter: Markdown.
        return "markdown" if by_ext is None else by_ext
    if by_ext is None and looks_like_markdown(data[:65536].decode("utf-8", "replace")):
        return "markdown"
    if b"\x00" in head and not (head.startswith((b"\xff\xfe", b"\xfe\xff"))):
        # UTF-16 without BOM still shows NULs; let the text reader decide.
        return by_ext or "text"
    return by_ext or "text"


def _content_sniffers(head: bytes) -> Iterable[str]:
    """The readers whose optional ``sniff(data)`` claims ``head``, by name.

    Asked only when the file name ending does not settle the format (bytes,
    stdin, or an ending no reader claims), so a plugin's sniffer never takes
    a ``.txt`` or ``.html`` file from the reader that claims it.
    """
    for name in readers.names():
        if readers.is_builtin(name):
            continue  # no built-in reader sniffs (tests/test_registry.py): none is imported to ask
        try:
            if not callable(getattr(readers.get_class(name), "sniff", None)):
                continue
            if readers.get(name).sniff(head):  # type: ignore[attr-defined]  # optional in the contract
                yield name
        except ConvertError:  # a reader that cannot load claims nothing
            continue


def _sniff_zip(data: bytes, path: Path | None) -> str:
    """EPUB, ODT or DOCX from the archive's names and its two small type files; nothing is extracted."""
    import io
    import zipfile
    import zlib

    limits.check_zip(data, what="the file")  # sizes and ratios; the reader checks the XML members

    def small(zf: zipfile.ZipFile, name: str, limit: int) -> bytes:
        info = zf.getinfo(name)
        return zf.read(info) if info.file_size <= limit else b""

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
            mimetype = small(zf, "mimetype", 200).strip() if "mimetype" in names else b""
            # A DOCX whose main part is not at word/document.xml names it in [Content_Types].xml.
            types = small(zf, "[Content_Types].xml", 1_000_000) if "[Content_Types].xml" in names else b""
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError, OSError, zlib.error) as exc:
        raise InputError(f"a damaged zip archive ({exc})", hint="is the file complete?") from None
    if mimetype == b"application/epub+zip" or "META-INF/container.xml" in names:
        return "epub"
    if mimetype.startswith(b"application/vnd.oasis.opendocument.text"):
        return "odt"
    if "word/document.xml" in names or b"wordprocessingml.document.main+xml" in types:
        return "docx"
    raise InputError(
        "a zip archive that is not a DOCX, ODT or EPUB document",
        hint="unpack it and convert the article inside",
    )


def _check_size(size: int, max_bytes: int | None) -> None:
    if max_bytes is None:
        limits.check_input_size(size)
    elif size > max_bytes:
        raise LimitError(
            f"input is {size:,} bytes, over the {max_bytes:,}-byte limit",
            hint="pass a larger max_bytes=",
        )


def _read_source(src: str | os.PathLike[str] | bytes, max_bytes: int | None) -> tuple[bytes, Path | None]:
    if isinstance(src, bytes | bytearray):
        data = bytes(src)
        _check_size(len(data), max_bytes)
        return data, None
    path = Path(src)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise InputError("is a folder, not a file", path=str(path))
        try:
            _check_size(size, max_bytes)
            # A device or pipe reports no size (/dev/zero never ends): read one byte past the limit.
            limit = max_bytes if max_bytes is not None else limits.current().input_bytes
            with path.open("rb") as fh:
                data = fh.read(limit + 1)
            _check_size(len(data), max_bytes)
        except LimitError as exc:
            raise exc.with_path(str(path)) from None
    except FileNotFoundError:
        raise InputError("no such file", path=str(path)) from None
    except PermissionError:
        raise InputError("permission denied", path=str(path)) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=str(path)) from None
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    return data, path


def read(
    src: str | os.PathLike[str] | bytes,
    *,
    from_: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    allow_remote: bool = False,
    max_bytes: int | None = None,
    name: str | None = None,
    provenance: dict[str, str] | None = None,
    require_text: bool = True,
    warnings: list[str] | None = None,
    allowed_hosts: Iterable[str] = (),
) -> Article:
    """Read an article from a path, from bytes, or from an ``http(s)://`` URL.

    ``from_`` forces the reader (``"text"``, ``"html"``, ``"docx"`` ...);
    otherwise it is sniffed from the content and the file name. ``metadata``
    overrides fields of the result (``{"title": "...", "author": "..."}``).
    ``name`` labels bytes input in errors and in ``meta.source.path``.
    ``provenance``, a dict, is filled with where each metadata field came
    from, by readers that know (``inspect --explain``). ``require_text=False``
    returns a web page's metadata even when the page has no article text
    (its body is then empty); by default such a page is refused.
    ``warnings``, a list, collects what the reader repaired (lines not in
    the file's encoding ...).

    A URL is fetched (:mod:`convert.web`: timeouts, the ``input_bytes`` cap,
    checked redirects); private and loopback hosts are refused unless
    ``allowed_hosts`` names them. When ``name`` is a URL (a fetched page)
    it becomes ``meta.url`` unless the page names its canonical URL.
    """
    if _is_url(src):
        from . import web

        page = web.fetch_page(src, allowed_hosts=tuple(allowed_hosts))
        src, name, from_ = page.data, page.url, from_ or page.reader
    try:
        data, path = _read_source(src, max_bytes)
    except LimitError as exc:
        raise exc.with_path(name or "<bytes>") from None
    label = str(path) if path is not None else (name or "<bytes>")
    try:
        fmt = from_.lower() if from_ else sniff(data, path or (Path(name) if name else None))
        reader = readers.get(fmt)
        if fmt in _PLAIN_FORMATS:
            limits.check_lines(data, what="input")
        if fmt == "markdown":
            limits.check_markdown(data.decode("utf-8", "replace"), what="Markdown")
        options = ReadOptions(
            path=path,
            base_dir=path.resolve().parent if path is not None else None,
            allow_remote=allow_remote,
            provenance=provenance,
            require_text=require_text,
            warnings=warnings,
            url=name if path is None and name and _is_url(name) else None,
            language=given_language_in(metadata),
        )
        article = reader.read(data, options)
        if options.language:  # before the passes: quotations read the given language's marks
            article = model.replace(article, meta=model.replace(article.meta, language=options.language))
        source = Source(
            path=str(path) if path is not None else name,
            format=reader.name,
            sha256=sha256(data).hexdigest(),
        )
        if article.meta.source is None:  # a JSON tree keeps the source it names
            article = with_source(article, source)
        if path is None and name and _is_url(name) and not article.meta.url:
            article = model.replace(article, meta=model.replace(article.meta, url=name))
            if provenance is not None:
                provenance["url"] = "the URL the page was fetched from"
        limits.check_article(article)  # before the passes walk a huge or deep tree
        before = article.meta
        article = normalize(article)
        if provenance is not None:
            if article.meta.language and not normalise_tag(before.language):
                provenance["language"] = "identified from the text (py3langid)"
            provenance.setdefault("identifier", "sha256 of the input bytes")
        if metadata:
            try:
                article = override(article, metadata)
            except ValueError as exc:
                raise UsageError(str(exc)) from exc
            if provenance is not None:
                for key in metadata:
                    provenance[key.replace("-", "_")] = "given on the command line / API"
    except ConvertError as exc:
        raise exc.with_path(label) from exc.__cause__
    except RecursionError:
        raise LimitError("the document is nested too deeply to read", path=label) from None
    return article


def parse_formats(to: str | Iterable[str]) -> list[str]:
    """``"pdf, epub,pdf"`` or ``["pdf", "epub"]`` -> ``["pdf", "epub"]``; :class:`UsageError` when empty."""
    items = to.split(",") if isinstance(to, str) else list(to)
    formats: list[str] = []
    for item in items:
        item = item.strip().lower()
        if item and item not in formats:
            formats.append(item)
    if not formats:
        raise UsageError("no output format given", hint=f"choose from: {', '.join(exporters.names())}")
    return formats


def render(
    article: Article,
    to: str,
    *,
    style: str | os.PathLike[str] | Theme = "default",
    options: ExportOptions | None = None,
) -> ExportResult:
    """Export ``article`` as ``to``: the document and, as values, the warnings its exporter gave.

    Exporters report what they left out with :func:`convert.base.warn`;
    this collects those lines for this one call (threads and asyncio tasks
    each collect their own) into :attr:`ExportResult.warnings`.
    """
    exporter = exporters.get(to)
    theme = style if isinstance(style, Theme) else load_theme(str(style))
    opts = options or ExportOptions()
    from ._session import resource_session

    try:
        with collect_warnings() as found, resource_session():  # a resource is fetched once per call
            data: bytes = exporter.export(article, theme, opts)
    except ConvertError:
        raise
    except RecursionError:
        raise ExportError(f"{to}: the article is nested too deeply to write") from None
    return ExportResult(data=data, warnings=tuple(found))


@overload
def write(
    article: Article,
    to: str,
    dest: None = None,
    *,
    style: str | os.PathLike[str] | Theme = "default",
    options: ExportOptions | None = None,
) -> bytes: ...


@overload
def write(
    article: Article,
    to: str,
    dest: str | os.PathLike[str],
    *,
    style: str | os.PathLike[str] | Theme = "default",
    options: ExportOptions | None = None,
) -> Path: ...


def write(
    article: Article,
    to: str,
    dest: str | os.PathLike[str] | None = None,
    *,
    style: str | os.PathLike[str] | Theme = "default",
    options: ExportOptions | None = None,
) -> bytes | Path:
    """Export ``article`` as ``to``: the bytes, or the :class:`Path` written when ``dest`` is given.

    ``dest`` is written atomically (a temporary file beside it, then a
    rename), so a reader of ``dest`` never sees half a document. The
    exporter's warnings are dropped; :func:`render` returns them.
    """
    data = render(article, to, style=style, options=options).data
    if dest is None:
        return data
    out = Path(dest)
    atomic_write(out, data)
    return out


def output_name(src_stem: str, fmt: str) -> str:
    """``article`` + ``pdf`` -> ``article.pdf`` (the exporter's extension)."""
    return f"{src_stem}.{exporters.extension(fmt)}"


def ensure_tools(formats: Sequence[str]) -> None:
    """Before any work: raise :class:`MissingDependencyError` for a format whose external tool is absent.

    An exporter that needs a program (azw3: calibre's ``ebook-convert``) has
    a ``missing()`` static method giving the reason, or ``None`` when the
    program is there, and a ``tool_hint`` saying how to install it.
    """
    for fmt in formats:
        if exporters.is_builtin(fmt) and exporters.absent_tool(fmt) is None:
            continue  # a built-in whose program, if it runs one, is there: nothing to import
        cls = exporters.get_class(fmt)
        missing = getattr(cls, "missing", None)
        why = missing() if callable(missing) else None
        if why:
            raise MissingDependencyError(f"{fmt} {why}", hint=getattr(cls, "tool_hint", None))


def plan_outputs(
    src: Path | None, dest: str | os.PathLike[str] | None, formats: list[str], stem: str
) -> dict[str, Path]:
    """Where each format goes: ``dest`` as a folder, or as the file for one format (see :func:`dest_is_file`)."""
    if dest is None:
        folder = src.parent if src is not None else Path.cwd()
        outs = {fmt: folder / output_name(stem, fmt) for fmt in formats}
    else:
        d = Path(dest)
        outs = (
            {formats[0]: d}
            if dest_is_file(dest, formats)
            else {fmt: d / output_name(stem, fmt) for fmt in formats}
        )
    if src is not None and os.path.lexists(src):  # a missing input is reported as missing, not as overwritten
        for out in outs.values():
            ensure_not_input(out, [src])
    return outs


def dest_is_file(dest: str | os.PathLike[str], formats: list[str]) -> bool:
    """Whether ``-o dest`` names the output file rather than the output folder.

    A path ending in ``/`` or an existing folder is a folder. With one
    format, a name with an ending (``out.pdf``) or an existing file or
    device (``/dev/stdout``) is the file. With several formats a folder is
    needed: an existing file raises :class:`OutputError`, and a new name
    that looks like a file name (an ending with a media type, such as
    ``out.txt``) raises :class:`UsageError` instead of becoming a folder
    called ``out.txt``.
    """
    text = str(dest)
    d = Path(dest)
    if text.endswith(("/", os.sep)) or d.is_dir():
        return False
    exists = os.path.lexists(d)
    if len(formats) == 1:
        return d.suffix != "" or exists
    if exists:
        raise OutputError(
            f"is a file, and {len(formats)} formats need a folder",
            hint="name a folder with -o, or convert one format at a time",
            path=text,
        )
    import mimetypes

    if mimetypes.guess_type(d.name, strict=False)[0] is not None:
        raise UsageError(
            f"-o {text} looks like a file name, but {len(formats)} formats need a folder",
            hint=f"end it with / for a folder ({text}/), or give one format with --to",
        )
    return False


def ensure_not_input(out: str | os.PathLike[str], inputs: Iterable[str | os.PathLike[str]]) -> None:
    """Raise :class:`UsageError` when ``out`` is (a link to) one of ``inputs``: inputs are never overwritten."""
    target = Path(out).resolve()
    for src in inputs:
        if str(src) != "-" and Path(src).resolve() == target:
            raise UsageError(
                f"the output {out} would overwrite the input {src}",
                hint="choose another output file or folder with -o",
            )


def convert(
    src: str | os.PathLike[str] | bytes,
    dest: str | os.PathLike[str] | None = None,
    *,
    to: str | Iterable[str] = ("pdf",),
    style: str | os.PathLike[str] = "default",
    from_: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    options: ExportOptions | None = None,
    allow_remote: bool = False,
    warnings: list[str] | None = None,
    name: str | None = None,
    notes: str | None = None,
    stem: str | None = None,
) -> list[Path]:
    """Read ``src`` once and write it in every format of ``to`` (named ``stem`` in a folder, if given).

    ``dest`` is a folder (outputs named after the input: ``x.txt`` ->
    ``dest/x.pdf``), or the output file when there is one format. Returns the
    paths written. An input is never overwritten. ``warnings``, a list,
    collects what the exporters left out (refused remote images ...);
    ``name`` labels bytes input in errors. ``notes="end"`` (or
    ``ExportOptions(notes="end")``) writes footnotes as end notes in every format.
    """
    formats = parse_formats(to)
    for fmt in formats:
        exporters.check(fmt)  # unknown formats fail before any work; a built-in is not imported for it
        if not exporters.is_builtin(fmt):
            exporters.get_class(fmt)  # a plugin that cannot load fails before any work too
    theme = load_theme(str(style))
    if _is_url(src):
        name = name or src
    src_path = None if isinstance(src, bytes | bytearray) or _is_url(src) else Path(src)
    base = src_path.resolve().parent if src_path is not None else None
    opts = options or ExportOptions(base_dir=base, allow_remote=allow_remote)
    if opts.base_dir is None and base is not None:
        opts = model.replace(opts, base_dir=base)
    if notes is not None:
        if notes not in NOTE_PLACES:
            raise UsageError(
                f"notes={notes!r}: not a place for notes", hint=f"choose from: {', '.join(NOTE_PLACES)}"
            )
        opts = model.replace(opts, notes=notes)
    article = read(
        src,
        from_=from_,
        metadata=metadata,
        allow_remote=allow_remote,
        name=name,
        warnings=warnings,
        allowed_hosts=opts.allowed_hosts,
    )
    stem = stem or (src_path.stem if src_path is not None else slug(article.meta.title or "article"))
    outs = plan_outputs(src_path, dest, formats, stem)
    label = str(src_path) if src_path is not None else (name or "<bytes>")
    # Render everything first, then write: a failing format leaves no files.
    rendered: dict[str, bytes] = {}
    from ._session import resource_session

    with resource_session():  # every format shares what the first fetched
        for fmt in outs:
            try:
                result = render(article, fmt, style=theme, options=opts)
            except ConvertError as exc:
                raise exc.with_path(label) from exc.__cause__
            if warnings is not None:
                warnings.extend(result.warnings)
            rendered[fmt] = result.data
    if src_path is None and (dest is None or not dest_is_file(dest, formats)):
        outs = _unclaimed(outs, rendered, stem, article)
    atomic_write_all((outs[fmt], data) for fmt, data in rendered.items())
    return list(outs.values())


def _unclaimed(
    outs: dict[str, Path], rendered: dict[str, bytes], stem: str, article: Article
) -> dict[str, Path]:
    """Names for outputs of bytes or stdin that keep clear of outputs made from other inputs.

    Such outputs are named after the title, and many titles slugify alike
    (every title in a non-Latin script, every missing title, is
    ``article``). The title's name is kept when its files are free or hold
    exactly what would be written (the same input converted again);
    otherwise the stem gets the first 8 hex digits of the input's sha256,
    ``article-3f2a9c1b.txt``, the same on every run for the same input.
    """

    def clashes(path: Path, data: bytes) -> bool:
        try:
            return not path.is_file() or path.read_bytes() != data
        except OSError:
            return True

    if not any(os.path.lexists(out) and clashes(out, rendered[fmt]) for fmt, out in outs.items()):
        return outs
    source = article.meta.source
    digest = (
        source.sha256
        if source is not None and source.sha256
        else sha256(b"".join(rendered.values())).hexdigest()
    )
    unique = f"{stem}-{digest[:8]}"
    return {fmt: out.with_name(output_name(unique, fmt)) for fmt, out in outs.items()}


def slug(text: str) -> str:
    """A safe file name stem from a title: letters, digits and dashes."""
    import re
    import unicodedata

    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-").lower()
    return text[:80] or "article"


#: The article's JSON form as bytes; it lives in :mod:`convert.model` (exporters use it too).
to_json_bytes = model.to_json_bytes
