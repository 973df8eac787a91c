"""``python -m convert`` and the ``broadsheet`` command's entry point.

``broadsheet --version`` is answered here, before the command line (click
and every command's options) is built: scripts call it to check an install,
and it should cost no more than starting Python. Everything else goes to
:func:`convert.cli.main`; ``tests/test_startup.py`` checks both give the
same version line.
"""

from __future__ import annotations

import sys

from ._version import __version__


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        sys.stdout.write(f"broadsheet, version {__version__}\n")
        raise SystemExit(0)
    if sys.argv[1:2] == ["convert"]:
        import gc

        gc.disable()  # for the start: convert.cli's startup_frozen() turns it on with the modules frozen
    from .cli import main as run

    run()


if __name__ == "__main__":
    main()
