"""Running pandoc: the binary shipped by the pypandoc-binary wheel.

Every call is one short-lived process with ``--sandbox`` (pandoc may read
only what it is given on stdin and the files named on its command line, and
fetches nothing from the network), a heap limit and a timeout. Failures
become :class:`~convert.errors.ConvertError` subclasses with one-line
messages: :class:`InputError` when pandoc cannot read an input,
:class:`ExportError` when it cannot write an output.

The binary's path, its pandoc-api-version and its default data files are
looked up once per process.
"""

from __future__ import annotations

import functools
import json
import os
import subprocess
from collections.abc import Mapping, Sequence
from typing import Any

from .errors import ConvertError, ExportError, InputError, LimitError, MissingDependencyError

#: Seconds one pandoc run may take before it is killed.
DEFAULT_TIMEOUT = 60.0
#: pandoc's heap limit (GHC runtime option), against hostile inputs; with the
#: runtime's own overhead it keeps one pandoc process under 1 GiB of memory.
HEAP_LIMIT = "768m"


@functools.cache
def pandoc_path() -> str:
    """The pandoc executable (pypandoc-binary's own unless ``PYPANDOC_PANDOC`` says otherwise)."""
    try:
        import pypandoc

        path = pypandoc.get_pandoc_path()
    except (ImportError, OSError) as exc:
        raise MissingDependencyError(
            f"pandoc is not available ({exc})", hint="pip install pypandoc-binary"
        ) from None
    return str(path)


def run(
    args: Sequence[str],
    data: bytes = b"",
    *,
    timeout: float = DEFAULT_TIMEOUT,
    error: type[ConvertError] = ExportError,
    env: Mapping[str, str] | None = None,
) -> bytes:
    """Run pandoc in its sandbox with ``data`` on stdin; its stdout.

    ``error`` is the class raised when pandoc fails or times out; stderr's
    warnings (a missing image ...) are ignored when pandoc succeeds.
    """
    cmd = [pandoc_path(), "--sandbox", *args, "+RTS", f"-M{HEAP_LIMIT}", "-RTS"]
    full_env = None if env is None else {**os.environ, **env}
    try:
        done = subprocess.run(
            cmd, input=data, capture_output=True, timeout=timeout, env=full_env, check=False
        )
    except subprocess.TimeoutExpired:
        raise error(
            f"pandoc took longer than {timeout:g} s and was stopped",
            hint="the input may be built to make the parser backtrack; check it, or split it",
        ) from None
    except OSError as exc:
        raise MissingDependencyError(
            f"cannot run pandoc: {exc.strerror or exc}", hint="pip install pypandoc-binary"
        ) from None
    if done.returncode != 0:
        raise error(f"pandoc failed: {_first_error_line(done.stderr)}")
    return done.stdout


def _first_error_line(stderr: bytes) -> str:
    """The most telling line of pandoc's stderr, short enough for one line."""
    lines = [ln.strip() for ln in stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
    if not lines:
        return "no message (exit status non-zero)"
    # Prefer the error itself over warnings printed before it.
    picked = next((ln for ln in lines if not ln.startswith("[WARNING]")), lines[-1])
    picked = picked.removeprefix("pandoc: ")
    return picked if len(picked) <= 200 else picked[:197] + "..."


@functools.cache
def api_version() -> tuple[int, ...]:
    """The pandoc-api-version the bundled pandoc reads and writes (``(1, 23, 1, 1)``)."""
    doc = read_json(b"", "markdown", error=MissingDependencyError)
    version = doc.get("pandoc-api-version")
    if not isinstance(version, list) or not all(isinstance(v, int) for v in version):
        raise MissingDependencyError("pandoc did not report its pandoc-api-version")
    return tuple(version)


def read_json(
    data: bytes,
    fmt: str,
    *,
    extra_args: Sequence[str] = (),
    timeout: float = DEFAULT_TIMEOUT,
    error: type[ConvertError] = InputError,
) -> dict[str, Any]:
    """Parse ``data`` in pandoc's input format ``fmt``; pandoc's JSON AST."""
    out = run(["-f", fmt, "-t", "json", *extra_args], data, timeout=timeout, error=error)
    try:
        doc = json.loads(out)
    except RecursionError:
        raise LimitError(
            "the document is nested too deeply to read",
            hint="flatten its deepest quotes or lists; real articles never nest this far",
        ) from None
    except json.JSONDecodeError as exc:
        raise error(f"pandoc returned an unreadable document ({exc.__class__.__name__})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("blocks"), list):
        raise error("pandoc returned a document without blocks")
    return doc


def write_from_json(
    doc: Mapping[str, Any],
    fmt: str,
    *,
    extra_args: Sequence[str] = (),
    timeout: float = DEFAULT_TIMEOUT,
    env: Mapping[str, str] | None = None,
) -> bytes:
    """Write pandoc's JSON AST ``doc`` in the output format ``fmt``; the bytes."""
    data = json.dumps(doc, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return run(["-f", "json", "-t", fmt, "-o", "-", *extra_args], data, timeout=timeout, env=env)


@functools.cache
def default_data_file(name: str) -> bytes:
    """One of pandoc's default data files (``reference.docx``), as bytes."""
    return run(["--print-default-data-file", name], error=MissingDependencyError)
