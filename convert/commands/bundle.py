"""``broadsheet bundle``: many articles in one EPUB, PDF or DOCX."""

from __future__ import annotations

import click

from .._clitools import _debug_option, condensed_warnings, guarded


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
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
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
    quiet: bool,
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
    """
    from ..batch.bundle import bundle

    formats = [f.strip() for f in to.split(",") if f.strip()] if to else None
    warnings: list[str] = []
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
    )
    for warning in condensed_warnings(warnings):
        click.echo(f"warning: {warning}", err=True)
    if not quiet:
        for path in written:
            click.echo(f"wrote {path}")
