"""``broadsheet digest``: one briefing for many articles (txt, pdf, epub)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from .._clitools import _debug_option, fail, guarded
from ..batch.plan import gather
from ._web import (
    allow_host_option,
    expand_all,
    has_web_inputs,
    label,
    read_entry,
    selection,
    selection_options,
)

_FORMATS = ("txt", "pdf", "epub")
#: Briefings an earlier run wrote beside the articles: never read as articles.
_OUTPUT_ENDINGS = (".brief.txt", ".brief.json")


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


def _outputs(output: str, formats: list[str]) -> dict[str, Path]:
    """``-o digest.txt --to txt,pdf`` -> digest.txt, digest.pdf; a folder gets digest.<ext>."""
    out = Path(output)
    if out.is_dir() or output.endswith(("/", "\\")):
        return {fmt: out / f"digest.{fmt}" for fmt in formats}
    stem = out.with_suffix("") if out.suffix.lower().lstrip(".") in _FORMATS else out
    return {
        fmt: (out if out.suffix.lower() == f".{fmt}" else stem.with_name(f"{stem.name}.{fmt}"))
        for fmt in formats
    }


@click.command("digest")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o", "--output", required=True, type=click.Path(), help="The digest file, e.g. digest.txt (or a folder)."
)
@click.option(
    "-t", "--to", "to", help="Formats, comma-separated: txt,pdf,epub (default: from the -o ending, else txt)."
)
@click.option("--width", type=click.IntRange(30, 400), help="Wrap width of the text digest.")
@click.option("-s", "--style", default="default", show_default=True, help="Theme name or theme folder.")
@click.option("--date", "date", metavar="YYYY-MM-DD", help="The date in the header (default: today).")
@click.option("-f", "--from", "from_", help="Input format (default: sniffed).")
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@allow_host_option
@selection_options
@_debug_option
@guarded
def digest(
    inputs: tuple[str, ...],
    output: str,
    to: str | None,
    width: int | None,
    style: str,
    date: str | None,
    from_: str | None,
    quiet: bool,
    allow_hosts: tuple[str, ...],
    since: str | None,
    max_items: int | None,
) -> None:
    """One briefing for many INPUT articles (files or folders).

    Folders are walked like `convert DIR` walks them, passing over the
    digest being written. Exit codes: 0 written, 2 bad options or -o names
    an input, 3 an input cannot be read or no input was found (the digest
    still holds the others), 4 the digest could not be written.

    \b
    Examples:
      broadsheet digest today/ -o digest.txt
      broadsheet digest a.txt b.html -o digest.txt --to txt,pdf,epub
      broadsheet digest https://example.org/feed.xml -o today.pdf --since 2026-12-01
    """
    from .. import api, web
    from ..base import ExportOptions
    from ..batch.plan import no_inputs
    from ..briefing import build
    from ..briefing.digest import Digest, as_article, digest_date, render_text
    from ..errors import UsageError
    from ..io import atomic_write_all
    from ..theme import load_theme

    suffix = Path(output).suffix.lower().lstrip(".")
    formats = api.parse_formats(to or (suffix if suffix in _FORMATS else "txt"))
    for fmt in formats:
        if fmt not in _FORMATS:
            raise UsageError(f"the digest cannot be written as {fmt!r}", hint="choose from: txt, pdf, epub")
    theme = load_theme(style)
    try:
        day = digest_date(date)
    except ValueError:
        raise UsageError(f"--date {date!r}: expected YYYY-MM-DD") from None
    destinations = _outputs(output, formats)
    worst = 0
    entries: list[Any] = []
    bylines: dict[str, tuple[str, ...]] = {}  # a feed item's authors, by its URL
    failed: list[int] = []  # an input, or a feed's item, that failed before it could be read
    if since is not None or max_items is not None or has_web_inputs(inputs):
        chosen = selection(since, max_items)
        on_error = lambda exc, src: failed.append(fail(exc, src))  # noqa: E731
        for entry in expand_all(inputs, allow_hosts, chosen, on_error, bylines):
            local = isinstance(entry, str) and not web.is_url(entry)
            entries.extend(collect_inputs([entry], skip=destinations.values()) if local else [entry])
        worst = max(failed, default=0)
    else:
        entries.extend(collect_inputs(inputs, skip=destinations.values()))
    files = [e for e in entries if isinstance(e, Path)]
    if not entries and not worst:
        raise no_inputs(inputs)
    for path in destinations.values():
        api.ensure_not_input(path, files)
    briefings = []
    for entry in entries:
        try:
            briefings.append(build(read_entry(entry, from_, allow_hosts, bylines.get(label(entry), ()))))
        except Exception as exc:  # one bad input never stops the rest
            worst = max(worst, fail(exc, label(entry)))
    if not briefings:
        sys.exit(worst or 1)
    result = Digest(day, tuple(briefings))
    rendered: dict[Path, bytes] = {}
    for fmt, path in destinations.items():
        if fmt == "txt":
            rendered[path] = render_text(result, width or theme.width).encode("utf-8")
        else:
            data = api.write(as_article(result), fmt, style=theme, options=ExportOptions(cover_page=True))
            assert isinstance(data, bytes)
            rendered[path] = data
    atomic_write_all(rendered.items())
    for path in rendered:
        if not quiet:
            click.echo(f"wrote {path}")
    if worst:
        click.echo(f"{len(briefings)} of {len(entries) + len(failed)} inputs in the digest", err=True)
        sys.exit(worst)
