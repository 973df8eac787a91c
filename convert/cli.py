"""The ``broadsheet`` command: a thin click layer over :mod:`convert.api`.

Every expected failure is one line on stderr, ``error: FILE: what (hint:
...)``, and a non-zero exit; tracebacks appear only with ``--debug``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

import click

from . import _clitools
from ._clitools import (
    EXIT_INTERNAL,
    F,
    _debug_option,
    _print_warnings,
    collector_paused,
    condensed_warnings,
    fail,
    guarded,
    notes_and_cover_options,
    progress_printer,
    startup_frozen,
)
from ._version import __version__
from .cache import dataclass
from .commands._web import has_web_inputs, is_url_list, selection_options
from .errors import ConvertError, OutputError, UsageError, shown

if TYPE_CHECKING:
    from .base import ExportOptions
    from .model import Article

# What a command needs is imported when it runs: ``--version``, ``--help`` and
# ``formats`` load neither :mod:`convert.api` (the readers and passes) nor the
# batch engine, and a one-file conversion loads only its reader and exporters
# (tests/test_startup.py keeps it so).

__all__ = ["EXIT_INTERNAL", "cli", "fail", "guarded", "main"]


def _parse_meta(pairs: tuple[str, ...], **named: str | None) -> dict[str, Any]:
    meta: dict[str, Any] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--meta {pair!r}: expected KEY=VALUE")
        meta[key.strip()] = value
    for name, given in named.items():
        if given is not None:
            meta[name] = given
    return meta


def _stdin_bytes() -> bytes:
    """stdin, read one byte past the input size limit at most (``yes | broadsheet convert -`` ends)."""
    from . import limits

    return sys.stdin.buffer.read(limits.current().input_bytes + 1)


def _read_input(
    src: str,
    from_: str | None,
    meta: dict[str, Any],
    allow_remote: bool,
    *,
    require_text: bool = True,
    warnings: list[str] | None = None,
    allowed_hosts: tuple[str, ...] = (),
) -> Article:
    from . import api

    if src == "-":
        data = _stdin_bytes()
        return api.read(
            data,
            from_=from_,
            metadata=meta,
            allow_remote=allow_remote,
            name="<stdin>",
            require_text=require_text,
            warnings=warnings,
        )
    return api.read(
        src,
        from_=from_,
        metadata=meta,
        allow_remote=allow_remote,
        require_text=require_text,
        warnings=warnings,
        allowed_hosts=allowed_hosts,
    )


#: Commands kept in their own modules, imported when run: name -> (``module:attribute``, the
#: first line of its help, which ``broadsheet --help`` shows; tests/test_startup.py checks both).
LAZY_COMMANDS: dict[str, tuple[str, str]] = {
    "bundle": (
        "convert.commands.bundle:bundle_cmd",
        "Put INPUT articles (files or folders) into one book with a cover and contents.",
    ),
    "digest": ("convert.commands.digest:digest", "One briefing for many INPUT articles (files or folders)."),
    "inspect": (
        "convert.commands.inspect:inspect_cmd",
        "Show the article tree Broadsheet recovers from INPUT.",
    ),
    "formats": ("convert.commands.formats:formats_cmd", "List the input and output formats."),
}


class _ShortOptionsFirst(click.Command):
    """A command whose parser takes ``-o`` for a short option without first building an error.

    click looks a single-dash argument up among the long options first and, when it is not one,
    raises and catches a ``NoSuchOption`` before trying the short ones; building that error
    imports :mod:`difflib` and ranks the long options by likeness, a cost of every
    ``convert a.txt -o out/ -q`` (issue 18). Here the error is built without suggestions, which
    click never shows for it: the parse, its errors and their messages are click's
    (tests/test_startup.py compares them). A click without the parser attributes this relies on
    gets its stock parser.
    """

    def make_parser(self, ctx: click.Context) -> Any:
        parser = super().make_parser(ctx)
        long_opts = getattr(parser, "_long_opt", None)
        prefixes = getattr(parser, "_opt_prefixes", None)
        match_long = getattr(parser, "_match_long_opt", None)
        if isinstance(long_opts, dict) and isinstance(prefixes, set) and callable(match_long):

            def match(opt: str, explicit_value: str | None, state: Any) -> None:
                if opt not in long_opts and opt[:2] not in prefixes:  # click goes on to the short ones
                    raise click.NoSuchOption(opt, ctx=ctx)
                match_long(opt, explicit_value, state)

            parser._match_long_opt = match  # type: ignore[method-assign]
        return parser


class _LazyGroup(click.Group):
    """click's "lazily loading subcommands" pattern: a command module is imported when it runs.

    ``--help`` lists a command that is not loaded from :data:`LAZY_COMMANDS`
    instead of importing it (``inspect`` alone would import the readers).
    """

    command_class = _ShortOptionsFirst

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *LAZY_COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in LAZY_COMMANDS:
            from importlib import import_module

            module, _, attr = LAZY_COMMANDS[cmd_name][0].partition(":")
            self.add_command(getattr(import_module(module), attr), cmd_name)
        return super().get_command(ctx, cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        names = self.list_commands(ctx)
        limit = formatter.width - 6 - max(map(len, names))
        rows = []
        for name in names:
            cmd = self.commands.get(name)
            if cmd is None:  # a stand-in with the same help shortens it the way click does
                cmd = click.Command(name, help=LAZY_COMMANDS[name][1])
            if not cmd.hidden:
                rows.append((name, cmd.get_short_help_str(limit)))
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=_LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="broadsheet")
@_debug_option
def cli() -> None:
    """Turn articles into print-ready PDF, EPUB 3, DOCX and plain text.

    \b
    Examples:
      broadsheet convert op-ed.txt --to pdf,epub,docx,txt -o out/
      broadsheet inspect op-ed.txt --json
      broadsheet formats
    """


meta_options = [
    click.option("--title", help="Override the article's title."),
    click.option("--author", help="Override the author(s): 'A' or 'A, B'."),
    click.option("--date", "published", help="Override the publication date (ISO 8601)."),
    click.option("--language", help="Override the language (BCP 47, e.g. en, en-GB)."),
    click.option(
        "--meta", "meta_pairs", multiple=True, metavar="KEY=VALUE", help="Override any metadata field."
    ),
]


def _with_meta_options(f: F) -> F:
    for option in reversed(meta_options):
        f = option(f)
    return f


def _collect_meta(
    meta_pairs: tuple[str, ...],
    title: str | None,
    author: str | None,
    published: str | None,
    language: str | None,
) -> dict[str, Any]:
    meta = _parse_meta(meta_pairs, title=title, published=published, language=language)
    if author is not None:
        meta["author"] = [a.strip() for a in author.split(",") if a.strip()]
    return meta


@cli.command("convert")
@click.argument("inputs", nargs=-1, required=True, metavar="INPUT...")
@click.option("-t", "--to", "to", default="pdf", show_default=True, help="Output formats, comma-separated.")
@click.option(
    "-o",
    "--output",
    type=click.Path(),
    help="Output folder, or the output file for one format ('-' for stdout).",
)
@click.option("-s", "--style", default="default", show_default=True, help="Theme name or theme folder.")
@click.option("-f", "--from", "from_", help="Input format (default: sniffed from content and name).")
@click.option("--width", type=click.IntRange(20, 400), help="Wrap width for plain-text outputs.")
@click.option("--allow-remote", is_flag=True, help="Allow fetching remote images and resources.")
@click.option("--pdf-variant", metavar="NAME", help="PDF/A or PDF/UA output, e.g. pdf/a-3b, pdf/ua-1.")
@notes_and_cover_options(
    "Footnotes at the foot of the page (PDF), as pop-ups (EPUB) and Word footnotes, or 'end': end notes everywhere."
)
@click.option(
    "--limit",
    "limit_pairs",
    multiple=True,
    metavar="NAME=VALUE",
    help="Raise a safety limit for a file you trust, e.g. input_bytes=200M (see README).",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="HOST",
    help="Allow remote resources from HOST (and its subdomains) only; implies --allow-remote.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
@click.option(
    "-j", "--jobs", type=click.IntRange(1, 1024), help="Folders: worker processes (default: the cores)."
)
@click.option(
    "--include", multiple=True, metavar="GLOB", help="Folders: take only matching files (repeatable)."
)
@click.option(
    "--exclude", multiple=True, metavar="GLOB", help="Folders: skip matching files and folders (repeatable)."
)
@click.option("--force", is_flag=True, help="Folders: reconvert even what is up to date.")
@click.option(
    "--report", "report_path", type=click.Path(dir_okay=False), help="Folders: write every outcome as JSON."
)
@click.option("--timeout", type=click.FloatRange(min=0.1), help="Folders: seconds one input may take.")
@click.option(
    "--progress",
    type=click.Choice(["auto", "bar", "json", "none"]),
    default="auto",
    show_default=True,
    help="Folders: a bar on a terminal, JSON lines on stdout, or nothing.",
)
@click.option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    help="Run on this Dask cluster (pip install 'broadsheet[dask]').",
)
@selection_options
@click.option("--ignore-robots", is_flag=True, help="URL lists: fetch pages robots.txt disallows.")
@_with_meta_options
@_debug_option
@guarded
def convert_cmd(**options: Any) -> None:
    """Convert INPUT files (or '-' for stdin) to every format in --to.

    \b
    A folder is walked and its tree mirrored under -o, in parallel and
    incrementally (only what changed is converted again). Exit codes for
    folders: 0 all converted or up to date, 1 some failed, 3 all failed.

    An http(s):// URL is fetched and read as a web page; a feed (RSS, Atom,
    JSON Feed) or sitemap, as a URL or a file, gives one output per item.
    """
    args = _parse_convert_options(**options)
    startup_frozen()
    if args.from_ == "urls" or any(map(is_url_list, args.inputs)):
        from .commands.convert_web import convert_url_lists

        sys.exit(convert_url_lists(args))
    if args.web.since is not None or args.web.max_items is not None or has_web_inputs(args.inputs):
        from .commands.convert_web import convert_web

        sys.exit(convert_web(args))
    if args.batch.scheduler or any(src != "-" and Path(src).is_dir() for src in args.inputs):
        sys.exit(_convert_folders(args))
    if args.output == "-":
        _convert_to_stdout(args)
        return
    worst = _convert_files(args)
    if worst:
        sys.exit(worst)


@dataclass(frozen=True)
class _WebArgs:
    """``--since``, ``--max-items`` (feeds and sitemaps) and ``--ignore-robots`` (URL lists)."""

    since: str | None
    max_items: int | None
    ignore_robots: bool


@dataclass(frozen=True)
class _ConvertArgs:
    """``convert``'s options, parsed and checked before any input is read."""

    inputs: tuple[str, ...]
    formats: list[str]
    output: str | None
    style: str
    from_: str | None
    width: int | None
    allow_remote: bool  #: ``--allow-remote``, or implied by ``--allow-host``.
    allow_hosts: tuple[str, ...]
    pdf_variant: str | None
    quiet: bool
    meta: dict[str, Any]
    batch: _BatchArgs
    web: _WebArgs
    notes: str = "foot"
    #: ``--cover``: checked (a PNG or JPEG) before any input is read.
    cover: Path | None = None

    def export_options(self, src: str) -> ExportOptions:
        options = _export_options(
            src, self.width, self.allow_remote, self.allow_hosts, self.pdf_variant, self.notes
        )
        return replace(options, cover=self.cover)


def _parse_convert_options(
    inputs: tuple[str, ...],
    to: str,
    output: str | None,
    style: str,
    from_: str | None,
    width: int | None,
    allow_remote: bool,
    pdf_variant: str | None,
    notes: str,
    cover: Path | None,
    limit_pairs: tuple[str, ...],
    allow_hosts: tuple[str, ...],
    quiet: bool,
    jobs: int | None,
    include: tuple[str, ...],
    exclude: tuple[str, ...],
    force: bool,
    report_path: str | None,
    timeout: float | None,
    progress: str,
    scheduler: str | None,
    since: str | None,
    max_items: int | None,
    ignore_robots: bool,
    meta_pairs: tuple[str, ...],
    title: str | None,
    author: str | None,
    published: str | None,
    language: str | None,
) -> _ConvertArgs:
    """The options as :class:`_ConvertArgs`; unknown formats, an unknown style or bad --meta fail here, once."""
    from . import api
    from .registry import exporters
    from .theme import load_theme

    formats = api.parse_formats(to)
    for fmt in formats:
        exporters.check(fmt)  # by name: a folder rerun with nothing to do never imports an exporter
    load_theme(style)  # an unknown style fails once, before any input
    if cover is not None:
        from .exporters._cover import read_cover

        read_cover(cover)  # not a PNG or JPEG: one clear line before any input
    meta = _collect_meta(meta_pairs, title, author, published, language)
    if limit_pairs:
        from . import limits

        limits.set_from_pairs(limit_pairs)  # the environment, so batch workers see them too
    batch = _BatchArgs(
        jobs,
        include,
        exclude,
        force,
        report_path,
        timeout,
        progress,
        scheduler,
        quiet,
        allow_hosts,
        pdf_variant,
        notes,
    )
    return _ConvertArgs(
        inputs,
        formats,
        output,
        style,
        from_,
        width,
        allow_remote or bool(allow_hosts),
        allow_hosts,
        pdf_variant,
        quiet,
        meta,
        batch,
        _WebArgs(since, max_items, ignore_robots),
        notes,
        cover.resolve() if cover is not None else None,
    )


def _convert_to_stdout(args: _ConvertArgs) -> None:
    """``-o -``: one input in one format, written to stdout."""
    from . import api

    if len(args.formats) != 1 or len(args.inputs) != 1:
        raise UsageError("-o - (stdout) takes one input and one output format")
    src = args.inputs[0]
    warnings: list[str] = []
    article = _read_input(src, args.from_, args.meta, args.allow_remote, warnings=warnings)
    result = api.render(article, args.formats[0], style=args.style, options=args.export_options(src))
    _print_warnings(src, warnings + list(result.warnings))
    sys.stdout.buffer.write(result.data)
    sys.stdout.buffer.flush()


def _convert_files(args: _ConvertArgs) -> int:
    """Each input file to every format, one after another; the worst exit code (0 when all were written)."""
    from .commands.local import convert_local

    inputs, output = args.inputs, args.output
    if len(inputs) > 1 and output and Path(output).suffix and not Path(output).is_dir():
        raise UsageError(f"-o {output}: several inputs need an output folder, not a file")
    _check_outputs(inputs, output, args.formats)
    worst = 0
    done = 0
    for i, src in enumerate(inputs, 1):
        try:
            warnings: list[str] = []
            with collector_paused(last=i == len(inputs)):
                written = convert_local(
                    _stdin_bytes() if src == "-" else src,
                    output,
                    args.formats,
                    style=args.style,
                    from_=args.from_,
                    metadata=args.meta,
                    options=args.export_options(src),
                    allow_remote=args.allow_remote,
                    warnings=warnings,
                    name="<stdin>" if src == "-" else None,
                )
            _print_warnings(src, warnings)
            done += 1
            if not args.quiet:
                for path in written:
                    click.echo(f"wrote {path}")
        except ConvertError as exc:
            worst = max(worst, fail(exc, src))
        except Exception as exc:
            worst = max(worst, fail(exc, src))
    if worst and len(inputs) > 1 and not args.quiet:
        click.echo(f"{done} of {len(inputs)} inputs converted", err=True)
    return worst


def _export_options(
    src: str,
    width: int | None,
    allow_remote: bool,
    allow_hosts: tuple[str, ...],
    pdf_variant: str | None = None,
    notes: str = "foot",
) -> ExportOptions:
    """The options every exporter gets for ``src``: its folder is the only one local files come from."""
    from .base import ExportOptions

    return ExportOptions(
        width=width,
        allow_remote=allow_remote,
        allowed_hosts=allow_hosts,
        base_dir=None if src == "-" else Path(src).resolve().parent,
        pdf_variant=pdf_variant,
        notes=notes,
    )


def _check_outputs(inputs: tuple[str, ...], output: str | None, formats: list[str]) -> None:
    """Before any work: every format's tool is there, no output is an input, no two inputs share one."""
    from . import api

    api.ensure_tools(formats)
    files = [src for src in inputs if src != "-"]
    claimed: dict[Path, str] = {}
    for src in files:
        if not os.path.lexists(src):
            continue  # reported as missing when it is read, not as an output that overwrites it
        for out in api.plan_outputs(Path(src), output, formats, Path(src).stem).values():
            api.ensure_not_input(out, files)
            key = out.resolve()
            if key in claimed and claimed[key] != src:
                raise UsageError(
                    f"{claimed[key]} and {src} would both be written to {out}",
                    hint="convert them one at a time with -o, or convert their folder (names keep their endings)",
                )
            claimed[key] = src


@dataclass(frozen=True)
class _BatchArgs:
    jobs: int | None
    include: tuple[str, ...]
    exclude: tuple[str, ...]
    force: bool
    report: str | None
    timeout: float | None
    progress: str
    scheduler: str | None
    quiet: bool
    allowed_hosts: tuple[str, ...] = ()
    pdf_variant: str | None = None
    notes: str = "foot"


def _convert_folders(args: _ConvertArgs) -> int:
    """The batch engine behind ``convert DIR...``; returns the exit code (0, 1 or 3)."""
    from .batch import convert_batch

    inputs, output, batch = args.inputs, args.output, args.batch
    if "-" in inputs:
        raise UsageError("stdin ('-') cannot be mixed with folders")
    if not output or output == "-":
        raise UsageError("converting a folder needs an output folder", hint="add -o OUT")
    if os.path.lexists(output) and not Path(output).is_dir():
        raise OutputError(
            "is a file, not a folder", hint="converting a folder needs an output folder", path=output
        )
    report = convert_batch(
        list(inputs),
        output,
        to=args.formats,
        jobs=batch.jobs,
        scheduler=batch.scheduler,
        style=args.style,
        from_=args.from_,
        metadata=args.meta or None,
        width=args.width,
        allow_remote=args.allow_remote,
        allowed_hosts=batch.allowed_hosts,
        pdf_variant=batch.pdf_variant,
        notes=batch.notes,
        include=batch.include,
        exclude=batch.exclude,
        force=batch.force,
        timeout=batch.timeout,
        report=batch.report,
        on_event=progress_printer(batch.progress, batch.quiet),
    )
    if batch.progress != "json":
        for outcome in report.outcomes:
            for warning in condensed_warnings(list(outcome.warnings)):
                click.echo(f"warning: {shown(outcome.rel, 10_000)}: {shown(warning, 10_000)}", err=True)
    if batch.progress != "json" and not batch.quiet:
        click.echo(report.summary(), err=True)
    return report.exit_code


def main() -> NoReturn:
    _clitools.own_process = True
    cli(prog_name="broadsheet")
    sys.exit(0)
