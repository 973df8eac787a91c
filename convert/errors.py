"""Errors Broadsheet expects and explains.

Anything raised from the package that is not a :class:`ConvertError` is a
bug: the command line prints a :class:`ConvertError` as one line (``error:
FILE: what is wrong`` and, when there is one, a hint) and exits with the
class's ``exit_code``; any other exception is reported as an internal error,
with its traceback only under ``--debug``.

::

    ConvertError                 exit 1   base class
    ├── UsageError               exit 2   bad option values, unknown style
    │   └── UnknownFormatError   exit 2   no reader/exporter by that name
    ├── InputError               exit 3   the input cannot be read as an article
    │   └── LimitError           exit 3   the input breaks a safety limit
    ├── ExportError              exit 4   an exporter failed on a valid tree
    │   └── OutputError          exit 4   an output cannot be written (read-only,
    │                                     disk full, a file where a folder should be ...)
    └── MissingDependencyError   exit 5   a library or tool is not installed

Messages are written for users: ``where: what`` and, in ``hint``, what to do.
"""

from __future__ import annotations

from typing import ClassVar


class ConvertError(Exception):
    """An expected failure, explained in one line."""

    exit_code: ClassVar[int] = 1

    def __init__(self, message: str, *, hint: str | None = None, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.path = path

    def one_line(self) -> str:
        """``path: message (hint)`` on one line, for logs and reports."""
        text = (
            f"{shown(self.path, 10_000)}: {self.message}" if self.path else self.message
        )  # controls out, not cut
        if self.hint:
            text += f" (hint: {self.hint})"
        return text

    def with_path(self, path: str) -> ConvertError:
        """Set the file this error is about, unless one is already set."""
        if self.path is None:
            self.path = path
        return self

    def __str__(self) -> str:
        return self.one_line()


class UsageError(ConvertError):
    """The user asked for something that cannot be done as asked."""

    exit_code = 2


class UnknownFormatError(UsageError):
    """No reader or exporter is registered under that name."""

    def __init__(self, name: str, kind: str, known: list[str]) -> None:
        super().__init__(
            f"unknown {kind} format {name!r}",
            hint=f"known {kind} formats: {', '.join(known)}",
        )
        self.name = name
        self.kind = kind


class InputError(ConvertError):
    """The input cannot be read as an article (wrong format, bad bytes, ...)."""

    exit_code = 3


class LimitError(InputError):
    """The input breaks one of the safety limits (size, nesting, expansion)."""


class ExportError(ConvertError):
    """An exporter could not write the article."""

    exit_code = 4


class OutputError(ExportError):
    """An output cannot be written: the path names the output, the message the cause.

    ``out/a.pdf: cannot write: no space left on device``. Raised by
    :func:`convert.io.atomic_write`, which leaves nothing partial behind.
    """


class MissingDependencyError(ConvertError):
    """A library or external tool the format needs is missing."""

    exit_code = 5


#: What a terminal would act on rather than print: C0, DEL and C1 controls (escape sequences, BEL,
#: new lines), the bidirectional embeddings, overrides and isolates that reorder the rest of a line
#: (U+202A–U+202E, U+2066–U+2069: "Trojan Source"), and the line and paragraph separators. Each is
#: written as its escape (``\x1b``, ``\u202e``), so a path holding one stays a different path from one
#: without it. The marks right-to-left text needs (U+200E, U+200F) stay.
_CONTROLS = {
    c: f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"
    for c in [
        *range(0x20),
        *range(0x7F, 0xA0),
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
        0x2028,
        0x2029,
    ]
}


def shown(text: object, limit: int = 200) -> str:
    """Text from outside (a URL a server redirected to, a server's reason phrase) made safe to
    quote in a message: the characters of :data:`_CONTROLS` escaped, and cut to ``limit``
    characters with an ellipsis."""
    clean = str(text).translate(_CONTROLS)
    return clean if len(clean) <= limit else clean[: limit - 1] + "…"
