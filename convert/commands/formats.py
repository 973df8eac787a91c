"""``broadsheet formats``: the readers, writers and themes there are, from the tables (nothing imported)."""

from __future__ import annotations

from typing import Any

import click

from .._clitools import _debug_option, guarded
from ..errors import ConvertError


@click.command("formats")
@_debug_option
@guarded
def formats_cmd() -> None:
    """List the input and output formats."""
    from ..registry import exporters, readers
    from ..theme import builtin_names, load_theme

    def describe(reg: Any, name: str) -> str:
        try:
            description = reg.description(name)  # a built-in's from the table, without importing it
            if reg.is_builtin(name):
                why = reg.absent_tool(name)
            else:  # a plugin that runs a program may say it is absent
                missing = getattr(reg.get_class(name), "missing", None)
                why = missing() if callable(missing) else None
        except ConvertError as exc:
            return f"(unavailable: {exc.message})"
        return f"{description} (unavailable: {why})" if why else description

    click.echo("Input formats (--from):")
    for name in readers.names():
        click.echo(f"  {name:<10} {describe(readers, name)}")
    click.echo("Output formats (--to):")
    for name in exporters.names():
        click.echo(f"  {name:<10} {describe(exporters, name)}")
    click.echo("Styles (--style NAME, or a theme folder):")
    for name in builtin_names():
        try:
            description = load_theme(name).description
        except ConvertError as exc:
            description = f"(unavailable: {exc.message})"
        click.echo(f"  {name:<12} {description}")
