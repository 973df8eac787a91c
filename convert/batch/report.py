"""The outcome of a batch: one line per job, counts, an exit code, JSON.

Exit codes (the command line uses :attr:`BatchReport.exit_code`)::

    0  every input converted or already up to date
    1  some inputs failed, the others were converted or up to date
    3  nothing was converted: every input failed, or no input was found
       (:func:`~convert.batch.plan.discover` raises InputError, exit 3)
    128 + N  stopped by signal N: 130 SIGINT, 143 SIGTERM, 129 SIGHUP; the
       inputs left undone are listed as ``not-started``
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Literal

Status = Literal["converted", "skipped", "failed", "not-started"]

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_ALL_FAILED = 3


@dataclass(frozen=True, slots=True)
class JobOutcome:
    """How one input ended; ``reason`` says why it failed, in one line."""

    src: str
    rel: str
    status: Status
    outputs: tuple[str, ...] = ()
    seconds: float = 0.0
    reason: str | None = None
    warnings: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "src": self.src,
            "rel": self.rel,
            "status": self.status,
            "outputs": list(self.outputs),
            "seconds": round(self.seconds, 4),
            "reason": self.reason,
            "warnings": list(self.warnings),
        }


@dataclass
class BatchReport:
    """Every job's outcome and the run's totals."""

    out: str
    formats: tuple[str, ...]
    workers: int
    outcomes: list[JobOutcome] = field(default_factory=list)
    elapsed: float = 0.0
    #: The largest peak resident memory any worker reported, in MiB.
    peak_worker_rss_mb: float = 0.0
    interrupted: bool = False
    #: Files a folder walk passed over, each with the reason (``(rel, why)``).
    ignored: list[tuple[str, str]] = field(default_factory=list)
    #: The signal that stopped the run (0: none).
    stop_signal: int = 0

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def converted(self) -> int:
        return self.count("converted")

    @property
    def skipped(self) -> int:
        return self.count("skipped")

    @property
    def failed(self) -> int:
        return self.count("failed")

    @property
    def not_started(self) -> int:
        return self.count("not-started")

    @property
    def failures(self) -> list[JobOutcome]:
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def exit_code(self) -> int:
        """0 all ok, 1 some failed, 3 all failed (nothing converted or up to date); 128 + signal if stopped."""
        if self.stop_signal:
            return 128 + self.stop_signal
        if not self.failed:
            return EXIT_OK
        if self.converted or self.skipped:
            return EXIT_SOME_FAILED
        return EXIT_ALL_FAILED

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": "broadsheet.batch-report",
            "version": 1,
            "out": self.out,
            "formats": list(self.formats),
            "workers": self.workers,
            "elapsed": round(self.elapsed, 3),
            "interrupted": self.interrupted,
            "counts": {
                "converted": self.converted,
                "skipped": self.skipped,
                "failed": self.failed,
                # a stopped run also counts the inputs it left undone
                **({"not_started": self.not_started} if self.interrupted else {}),
            },
            "exit_code": self.exit_code,
            "peak_worker_rss_mb": round(self.peak_worker_rss_mb, 1),
            "jobs": [o.to_json() for o in self.outcomes],
            "ignored": [{"path": rel, "reason": why} for rel, why in self.ignored],
        }

    def to_json_bytes(self) -> bytes:
        return (json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n").encode("utf-8")

    def summary(self) -> str:
        """A small table for the end of a run."""
        rate = self.converted / self.elapsed if self.elapsed > 0 else 0.0
        rows = [
            ("converted", str(self.converted)),
            ("skipped", f"{self.skipped}  (up to date)"),
            ("failed", str(self.failed)),
            *([("ignored", self._ignored_line())] if self.ignored else []),
            *([("not started", str(self.not_started))] if self.not_started else []),
            ("time", f"{self.elapsed:.2f} s  ({rate:.1f} inputs/s, {self.workers} workers)"),
        ]
        return "\n".join(f"  {name:<10} {value}" for name, value in rows)

    def _ignored_line(self) -> str:
        """``4  (not articles: 3 .css, 1 .pdf; the report lists them)``: files the walk passed over."""
        from collections import Counter
        from pathlib import PurePosixPath

        kinds = Counter(PurePosixPath(rel).suffix.lower() or "no ending" for rel, _why in self.ignored)
        shown = ", ".join(f"{n} {kind}" for kind, n in kinds.most_common(4))
        if len(kinds) > 4:
            shown += ", ..."
        return f"{len(self.ignored)}  (files no reader claims: {shown}; --report lists each and why)"
