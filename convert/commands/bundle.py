"""``broadsheet bundle``: many articles in one EPUB, PDF or DOCX."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .._clitools import _debug_option, condensed_warnings, guarded, notes_and_cover_options
from ..errors import shown

if TYPE_CHECKING:
    from ..model import Article

from ._web import (
    allow_host_option,
    expand_all,
    has_web_inputs,
    label,
    read_entry,
    selection,
    selection_options,
)


@click.command("bundle")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False), help="The book, e.g. collection.epub."
)
@click.option(
    "-t", "--to", "to", help="Formats, comma-separated (default: from the -o ending): epub,pdf,docx."
)
@click.option("--title", default="Collection", show_default=True, help="The collection's title.")
@click.option("--subtitle", help="A line under the title on the cover.")
@click.option("--language", help="The collection's language (default: the articles', if they agree).")
@click.option("-s", "--style", default="default", show_default=True, help="Theme name or theme folder.")
@click.option("-f", "--from", "from_", help="Input format (default: sniffed).")
@notes_and_cover_options(
    "Footnotes at the page foot (PDF), as pop-ups (EPUB) and Word footnotes, or 'end': after each article."
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@allow_host_option
@selection_options
@_debug_option
@guarded
def bundle_cmd(
    inputs: tuple[str, ...],
    output: str,
    to: str | None,
    title: str,
    subtitle: str | None,
    language: str | None,
    style: str,
    from_: str | None,
    notes: str,
    cover: Path | None,
    quiet: bool,
    allow_hosts: tuple[str, ...],
    since: str | None,
    max_items: int | None,
) -> None:
    """Put INPUT articles (files or folders) into one book with a cover and contents.

    Chapters follow the order of the INPUTs (a folder's files in name
    order). The -o ending is replaced per format. Exit codes: 0 written,
    2 bad options or -o names an input, 3 an input cannot be read or no
    input was found, 4 the book could not be made, 5 a tool is missing.

    \b
    Examples:
      broadsheet bundle op-eds/ -o collection.epub --title "Autumn op-eds"
      broadsheet bundle a.txt b.md -o book.epub --to epub,pdf,docx
      broadsheet bundle essays/ -o essays.epub --cover cover.jpg --notes end
      broadsheet bundle https://example.org/feed.xml -o week.epub --max-items 30
    """
    from ..batch.bundle import bundle

    formats = [f.strip() for f in to.split(",") if f.strip()] if to else None
    warnings: list[str] = []
    if since is not None or max_items is not None or has_web_inputs(inputs):
        chosen = selection(since, max_items)
        written = _bundle_web(inputs, output, formats, title, subtitle, language, style, from_,
                              allow_hosts, chosen, warnings, notes, cover)  # fmt: skip
    else:
        written = bundle(
            list(inputs),
            output,
            to=formats,
            title=title,
            subtitle=subtitle,
            language=language,
            style=style,
            from_=from_,
            warnings=warnings,
            notes=notes,
            cover=cover,
        )
    for warning in condensed_warnings(warnings):
        click.echo(f"warning: {shown(warning, 10_000)}", err=True)
    if not quiet:
        for path in written:
            click.echo(f"wrote {path}")


def _bundle_web(
    inputs: tuple[str, ...],
    output: str,
    formats: list[str] | None,
    title: str,
    subtitle: str | None,
    language: str | None,
    style: str,
    from_: str | None,
    allow_hosts: tuple[str, ...],
    chosen: dict[str, Any],
    warnings: list[str],
    notes: str = "foot",
    cover: Path | None = None,
) -> list[Path]:
    """A bundle whose inputs include URLs, feeds or sitemaps: every page and item is a chapter, in order.

    Any input, page or item that cannot be read stops the bundle (as a file
    that cannot be read does), before anything is written.
    """
    from .. import api, web
    from ..batch.bundle import book_formats, book_options, destinations, write_books
    from ..batch.plan import discover
    from ..errors import InputError

    dest = Path(output)
    outs = destinations(dest, book_formats(dest, formats))
    options = book_options(notes, cover)  # a bad --cover stops here, before any page is fetched
    errors: list[Exception] = []
    bylines: dict[str, tuple[str, ...]] = {}  # a feed item's authors, by its URL
    entries = expand_all(inputs, allow_hosts, chosen, lambda exc, src: errors.append(exc), bylines)
    if errors:
        raise errors[0]
    articles: list[Article] = []
    folders: list[Path | None] = []
    for entry in entries:
        if isinstance(entry, str) and not web.is_url(entry):
            files = [src for src, _rel in discover([Path(entry)], None, skip=outs.values())]
            for out in outs.values():
                api.ensure_not_input(out, files)
            articles.extend(api.read(f, from_=from_) for f in files)
            folders.extend(f.resolve().parent for f in files)
        else:
            articles.append(read_entry(entry, from_, allow_hosts, bylines.get(label(entry), ())))
            folders.append(None)  # a web page loads no local file
    if not articles:
        raise InputError("no article found in the inputs", path=" ".join(inputs))
    return write_books(
        articles, folders, outs, title=title, subtitle=subtitle, language=language, style=style,
        warnings=warnings, options=options,
    )  # fmt: skip
