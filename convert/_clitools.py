"""Helpers every ``broadsheet`` subcommand shares: ``--debug``, one-line errors.

Kept apart from :mod:`convert.cli` so command modules (``convert.commands``)
can use them without importing the command group that imports them.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import click

from . import _gc
from .errors import ConvertError
from .errors import shown as _safe

#: Longest line quoted from an error or warning (controls are removed from all of it).
_LINE = 10_000

F = TypeVar("F", bound=Callable[..., Any])

#: Exit code for a bug (an exception that is not a ConvertError).
EXIT_INTERNAL = 70


def _debug_option(f: F) -> F:
    def callback(ctx: click.Context, _param: click.Parameter, value: bool) -> bool:
        if value:
            ctx.ensure_object(dict)["debug"] = True
        return value

    return click.option(
        "--debug", is_flag=True, expose_value=False, callback=callback, help="Show tracebacks on errors."
    )(f)


def notes_and_cover_options(notes_help: str) -> Callable[[F], F]:
    """``--notes foot|end`` and ``--cover FILE``, as ``convert`` and ``bundle`` take them."""

    def add(f: F) -> F:
        f = click.option(
            "--cover",
            type=click.Path(dir_okay=False, path_type=Path),
            help="EPUB: this PNG or JPEG as the cover image, instead of the one generated from the theme.",
        )(f)
        return click.option(
            "--notes",
            type=click.Choice(("foot", "end")),  # base.NOTE_PLACES, not imported: --help stays light
            default="foot",
            show_default=True,
            help=notes_help,
        )(f)

    return add


def _is_debug() -> bool:
    ctx = click.get_current_context(silent=True)
    while ctx is not None:
        if isinstance(ctx.obj, dict) and ctx.obj.get("debug"):
            return True
        ctx = ctx.parent
    return False


def _print_traceback(exc: BaseException) -> None:
    import traceback  # only with --debug: it and textwrap were 1 % of a cold conversion's start

    traceback.print_exception(exc, file=sys.stderr)


def fail(exc: BaseException, where: str | None = None) -> int:
    """Print one line for ``exc``; return the exit code it calls for."""
    if isinstance(exc, ConvertError):
        if where:
            exc.with_path(where)
        click.echo(f"error: {_safe(exc.one_line(), _LINE)}", err=True)
        if _is_debug():
            _print_traceback(exc)
        return exc.exit_code
    prefix = f"{where}: " if where else ""
    click.echo(
        f"error: {prefix}internal error: {type(exc).__name__}: {exc}"
        + ("" if _is_debug() else " (run with --debug for the traceback, and please report it)"),
        err=True,
    )
    if _is_debug():
        _print_traceback(exc)
    return EXIT_INTERNAL


def guarded(f: F) -> F:
    """Turn exceptions escaping a command into one line and an exit code."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return f(*args, **kwargs)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except KeyboardInterrupt as exc:  # Ctrl-C, or a batch stopped by SIGTERM/SIGHUP (exit 143/129)
            click.echo(f"interrupted ({exc})" if str(exc) else "interrupted", err=True)
            sys.exit(getattr(exc, "exit_code", 130))
        except BrokenPipeError:
            # The reader of our output went away (`broadsheet formats | head`).
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(141)
        except Exception as exc:
            sys.exit(fail(exc))

    return wrapper  # type: ignore[return-value]


#: A page with thirty remote images would print thirty lines per format;
#: after this many lines of one kind the rest are counted, not shown.
WARNINGS_SHOWN = 3


def condensed_warnings(warnings: list[str], limit: int = WARNINGS_SHOWN) -> list[str]:
    """``warnings`` without repeats, at most ``limit`` of each kind, then a count of the rest.

    The kind is the text before the resource, such as ``pdf: skipped
    resource`` or ``epub: skipped image``; ``--report`` keeps them all.
    """
    shown: list[str] = []
    hidden: dict[str, int] = {}
    seen: dict[str, int] = {}
    for warning in dict.fromkeys(warnings):
        kind = " ".join(warning.split(" ", 3)[:3])
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= limit:
            shown.append(warning)
        else:
            hidden[kind] = hidden.get(kind, 0) + 1
    shown.extend(f"{kind}: {count} more not shown" for kind, count in hidden.items())
    return shown


def _print_warnings(src: str, warnings: list[str]) -> None:
    label = "<stdin>" if src == "-" else src
    for warning in condensed_warnings(warnings):
        click.echo(f"warning: {_safe(label, _LINE)}: {_safe(warning, _LINE)}", err=True)


def progress_printer(mode: str, quiet: bool) -> Callable[[dict[str, Any]], None] | None:
    """JSON lines on stdout when asked; a bar on a terminal unless quiet or in CI; else failures only."""
    from .batch.progress import Bar, JsonLines

    if mode == "json":
        return JsonLines(sys.stdout)
    if quiet or mode == "none":
        return Bar(sys.stderr, live=False)  # failures are still printed, one line each
    live = mode == "bar" or (sys.stderr.isatty() and not os.environ.get("CI"))
    return Bar(sys.stderr, live=live)


#: Set by the ``broadsheet`` entry point (:func:`convert.cli.main`): the process is the command's own,
#: not a program's that runs the click command inside itself (``CliRunner`` in tests).
own_process = False


def startup_frozen() -> None:
    """Keep what the command has built so far (modules, the command line, the API) out of the cyclic
    collector's passes, and turn the collector back on if the entry point paused it for the start.

    All of it lives until the process ends: a cold one-file conversion spent 7 % of its
    instructions in collections during its imports and walking the imported objects again in
    every older-generation pass after them (issue 18; :func:`gc.freeze`). Only in the command's own
    process (frozen objects are never collected, nor garbage left before the freeze: a few
    import-time cycles).
    """
    if own_process:
        gc.freeze()
        gc.enable()


@contextlib.contextmanager
def collector_paused(last: bool = False) -> Iterator[None]:
    """The cyclic collector off while the command converts one input, then one young sweep
    (:func:`convert._gc.collector_paused`).

    After the ``last`` input of the command's own process, which then ends, the collector is left
    off and nothing is swept (the sweep walks every object the conversion made).
    """
    if last and own_process and gc.isenabled():
        gc.disable()  # the process ends with this input: nothing to sweep, nothing to turn back on
        yield
        return
    with _gc.collector_paused():
        yield
