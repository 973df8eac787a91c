"""Bundles: many articles in one book per format, with a cover and a table of contents.

The book itself is made by the format's exporter, through the registry:
any exporter with an ``export_many`` method can bundle (built in: EPUB,
PDF and DOCX, see :mod:`convert.exporters._bundle`; a plugin's exporter
alike). This module reads the inputs, names the outputs and writes them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import cast

from .. import api
from ..base import NOTE_PLACES, BookExporter, ExportOptions, can_bundle, collect_warnings
from ..errors import ConvertError, UsageError
from ..exporters._bundle import Collection, bundle_docx, bundle_epub, bundle_pdf
from ..io import atomic_write_all
from ..model import Article
from ..registry import exporters
from ..theme import load_theme


def bundle_formats() -> list[str]:
    """The output formats whose exporter can make a book (has ``export_many``), by name."""
    found = []
    for name in exporters.names():
        try:
            if can_bundle(exporters.get_class(name)):
                found.append(name)
        except ConvertError:  # a plugin that cannot load bundles nothing
            continue
    return found


def _can_bundle(fmt: str) -> bool:
    """Whether ``fmt`` names a registered exporter with ``export_many`` (loads that one only)."""
    try:
        return fmt in exporters.names() and can_bundle(exporters.get_class(fmt))
    except ConvertError:
        return False


def _ending(dest: Path) -> str | None:
    """The bundling format whose whole file ending ``dest`` has (``b.kepub.epub`` -> ``kepub``), longest first."""
    name = dest.name.lower()
    endings = {fmt: exporters.get_class(fmt).extension.lower() for fmt in bundle_formats()}
    found = [fmt for fmt, ext in endings.items() if name.endswith(f".{ext}") and len(name) > len(ext) + 1]
    return max(found, key=lambda fmt: len(endings[fmt]), default=None)


def _format_of(dest: Path, to: str | None) -> str:
    fmt = (to or _ending(dest) or dest.suffix.lstrip(".")).lower()
    if not _can_bundle(fmt):
        raise UsageError(
            f"cannot bundle as {fmt or 'that'!r}", hint=f"choose from: {', '.join(bundle_formats())}"
        )
    return fmt


def destinations(dest: Path, formats: Sequence[str]) -> dict[str, Path]:
    """Each format's file: ``dest`` with its ending replaced (``book.epub`` -> ``book.pdf``).

    The ending always matches the format's exporter, so ``-o b.epub --to
    pdf`` writes ``b.pdf``, never a PDF named ``b.epub``; an ending that is
    no bundling format's is kept (``book.v2`` -> ``book.v2.pdf``).
    """
    ending = _ending(dest)
    stem = dest.with_name(dest.name[: -len(exporters.get_class(ending).extension) - 1]) if ending else dest
    return {fmt: stem.with_name(f"{stem.name}.{exporters.get_class(fmt).extension}") for fmt in formats}


def bundle(
    inputs: Sequence[str | os.PathLike[str]],
    dest: str | os.PathLike[str],
    *,
    to: Iterable[str] | None = None,
    title: str = "Collection",
    subtitle: str | None = None,
    language: str | None = None,
    style: str | os.PathLike[str] = "default",
    from_: str | None = None,
    warnings: list[str] | None = None,
    notes: str = "foot",
    cover: str | os.PathLike[str] | None = None,
) -> list[Path]:
    """Read ``inputs`` (files, or folders walked like a batch) and write them as one book per format.

    Chapters follow the order of ``inputs``; a folder's files come in name
    order. ``dest`` names the book; its ending is replaced per format
    (``collection.epub`` -> ``collection.pdf``). A folder walk passes over
    the books being written; naming one of them as an input is a
    :class:`UsageError`, and finding no input an :class:`InputError`.
    Resources left out are described in ``warnings``. ``notes="end"`` puts
    each article's footnotes after it (not at the page foot, as pop-ups or
    Word footnotes); ``cover`` is a PNG or JPEG for the EPUB's cover image,
    checked (a :class:`UsageError`) before any input is read. Returns the paths written.
    """
    from .plan import discover

    dest_path = Path(dest)
    outs = destinations(dest_path, book_formats(dest_path, to))
    options = book_options(notes, cover)
    files = [src for src, _rel in discover([Path(p) for p in inputs], None, skip=outs.values())]
    for out in outs.values():
        api.ensure_not_input(out, files)
    articles = tuple(api.read(f, from_=from_) for f in files)
    folders = tuple(f.resolve().parent for f in files)
    return write_books(
        articles, folders, outs, title=title, subtitle=subtitle, language=language, style=style,
        warnings=warnings, options=options,
    )  # fmt: skip


def book_options(notes: str = "foot", cover: str | os.PathLike[str] | None = None) -> ExportOptions:
    """The books' :class:`ExportOptions`; a :class:`UsageError` for a ``notes`` place or a ``cover`` that will not do."""
    if notes not in NOTE_PLACES:
        raise UsageError(
            f"notes={notes!r}: not a place for notes", hint=f"choose from: {', '.join(NOTE_PLACES)}"
        )
    if cover is None:
        return ExportOptions(notes=notes)
    from ..exporters._cover import read_cover

    read_cover(Path(cover))  # not a PNG or JPEG: one clear line, before any input is read
    return ExportOptions(notes=notes, cover=Path(cover).resolve())


def book_formats(dest: Path, to: Iterable[str] | None) -> list[str]:
    """The formats to bundle ``dest`` as: those of ``to``, or its ending's; a :class:`UsageError` for one that cannot."""
    asked: list[str | None] = list(to) if to else [None]
    return list(dict.fromkeys(_format_of(dest, f) for f in asked))


def write_books(
    articles: Sequence[Article],
    folders: Sequence[Path | None],
    outs: dict[str, Path],
    *,
    title: str,
    subtitle: str | None = None,
    language: str | None = None,
    style: str | os.PathLike[str] = "default",
    warnings: list[str] | None = None,
    options: ExportOptions | None = None,
) -> list[Path]:
    """Each format's book of ``articles`` (``folders``: where each one's local images may come from), all or nothing."""
    theme = load_theme(style if isinstance(style, str) else Path(style))
    rendered = []
    for fmt, out in outs.items():
        exporter = cast(BookExporter, exporters.get(fmt))  # _format_of checked it has export_many
        with collect_warnings() as found:
            data = exporter.export_many(
                tuple(articles),
                theme,
                options or ExportOptions(),
                title=title,
                subtitle=subtitle,
                language=language,
                folders=tuple(folders),
            )
        if warnings is not None:
            warnings.extend(found)
        rendered.append((out, data))
    atomic_write_all(rendered)  # all or nothing: a full disk leaves no partial bundle
    return [out for out, _data in rendered]


__all__ = [
    "Collection",
    "bundle",
    "bundle_docx",
    "bundle_epub",
    "bundle_pdf",
    "book_formats",
    "book_options",
    "bundle_formats",
    "destinations",
    "write_books",
]
