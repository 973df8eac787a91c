"""Batch conversion: folders in, a mirrored tree of outputs out, in parallel.

>>> import convert
>>> report = convert.convert_batch("articles/", "out/", to=["pdf", "txt"], jobs=4)  # doctest: +SKIP
>>> report.converted, report.skipped, report.failed, report.exit_code  # doctest: +SKIP
(198, 0, 2, 1)

The pieces: :mod:`.plan` (inputs -> output paths), :mod:`.fingerprint` and
:mod:`.manifest` (what is up to date), :mod:`.worker` (one job),
:mod:`.executor` (the pool, crash and timeout handling), :mod:`.report`.
A rerun converts only outputs whose fingerprint changed or whose file is
missing, and never reads the outputs of an earlier run back as inputs; a stopped run leaves no partial files (writes are atomic) and the
manifest keeps every output finished before the stop.

SIGINT, SIGTERM and SIGHUP stop a run and all its workers within seconds;
the report then lists the inputs not started, and the run raises
:class:`Interrupted` (exit 130, 143 or 129). One batch at a time writes to an
output folder: a second one is refused (a ``flock`` on the folder).

The package itself imports nothing: :mod:`.folder` (the run, with the pool and its processes)
loads on first use of a name below, so reading a manifest (:mod:`.manifest`, :mod:`.local`)
costs no more than those modules.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .executor import Interrupted
    from .folder import convert_batch, dask_executor
    from .manifest import MANIFEST_NAME
    from .report import EXIT_ALL_FAILED, EXIT_OK, EXIT_SOME_FAILED, BatchReport, JobOutcome

__all__ = [
    "EXIT_ALL_FAILED",
    "EXIT_OK",
    "EXIT_SOME_FAILED",
    "MANIFEST_NAME",
    "BatchReport",
    "Interrupted",
    "JobOutcome",
    "convert_batch",
    "dask_executor",
]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from . import folder

        return getattr(folder, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
