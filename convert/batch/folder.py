"""A folder batch: the run behind :func:`convert.batch.convert_batch` (see :mod:`convert.batch`)."""

from __future__ import annotations

import errno
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor
from pathlib import Path
from typing import Any

from .. import api
from ..errors import ConvertError, MissingDependencyError
from ..io import output_error
from ..registry import exporters
from ..theme import Theme, load_theme
from .executor import MAX_TASKS_PER_CHILD, Interrupted, StopSignals, local_pool_factory, run_all
from .fingerprint import file_sha256, options_key, output_fingerprint
from .manifest import MANIFEST_NAME, Entry, Manifest
from .plan import Job, plan, stale_temporaries
from .progress import Event
from .report import EXIT_ALL_FAILED, EXIT_OK, EXIT_SOME_FAILED, BatchReport, JobOutcome
from .worker import JobResult, JobSpec

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
]  # the names convert.batch gives

PathLike = str | os.PathLike[str]


def _version() -> str:
    from .. import __version__

    return __version__


def _style_for_workers(style: PathLike | Theme, theme: Theme) -> str:
    """A name for a built-in theme (found on any machine), else the folder's absolute path."""
    if isinstance(style, str) and "/" not in style and "\\" not in style and not style.startswith("."):
        return style
    return str(theme.path)


def _lock_folder(out_dir: Path) -> int | None:
    """Take the output folder for this run (made if missing); refuse if another run has it.

    The lock is a ``flock`` on the folder itself, so no file is left behind
    and the kernel drops it when the process ends, however it ends. Without
    ``fcntl`` (Windows) there is no lock.
    """
    try:
        import fcntl
    except ImportError:
        out_dir.mkdir(parents=True, exist_ok=True)
        return None
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(out_dir, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError as exc:  # exit 4, as for one file: the output folder cannot be written
        raise output_error(out_dir, exc, "cannot use the output folder") from None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            raise ConvertError(
                "another batch is writing to this output folder",
                hint="wait until it ends, or give another -o",
                path=str(out_dir),
            ) from None
        raise ConvertError(
            f"cannot lock the output folder: {exc.strerror or exc}", path=str(out_dir)
        ) from None
    return fd


def dask_executor(address: str) -> tuple[Executor, int, Callable[[], None]]:
    """An executor on the Dask cluster at ``address``, its thread count and a closer."""
    try:
        from distributed import Client
    except ImportError as exc:
        raise MissingDependencyError(
            "--scheduler needs Dask's distributed package", hint="pip install 'broadsheet[dask]'"
        ) from exc
    client = Client(address)  # type: ignore[no-untyped-call]
    threads = sum(client.nthreads().values()) or 1  # type: ignore[no-untyped-call]
    return client.get_executor(), threads, client.close  # type: ignore[no-untyped-call]


class _Run:
    """The state of one batch: manifest, fingerprints, the report being filled."""

    def __init__(
        self,
        report: BatchReport,
        manifest: Manifest,
        fingerprint_parts: tuple[str, str, str],
        on_event: Callable[[Event], None] | None,
    ) -> None:
        self.report = report
        self.manifest = manifest
        self.parts = fingerprint_parts
        self.on_event = on_event
        self.jobs: dict[str, Job] = {}
        self.rss: dict[int, int] = {}
        self.done = 0
        self.todo = 0

    def fingerprint(self, sha: str, fmt: str) -> str:
        options, theme, version = self.parts
        return output_fingerprint(sha, fmt, options, theme, version)

    def emit(self, event: Event) -> None:
        if self.on_event is not None:
            self.on_event(event)

    def add(self, outcome: JobOutcome) -> None:
        self.report.outcomes.append(outcome)
        if outcome.status != "skipped":
            self.done += 1
            self.emit(
                {
                    "event": "job",
                    "status": outcome.status,
                    "src": outcome.src,
                    "outputs": list(outcome.outputs),
                    "seconds": round(outcome.seconds, 4),
                    "reason": outcome.reason,
                    "warnings": list(outcome.warnings),
                    "done": self.done,
                    "todo": self.todo,
                }
            )

    def on_result(self, result: JobResult) -> None:
        job = self.jobs.pop(result.rel)
        if result.pid and result.peak_rss_kb:
            self.rss[result.pid] = max(self.rss.get(result.pid, 0), result.peak_rss_kb)
        if not result.ok:
            self.add(
                JobOutcome(str(job.src), job.rel, "failed", seconds=result.seconds, reason=result.reason)
            )
            return
        for fmt, out in result.outputs:
            path = Path(out)
            fingerprint = self.fingerprint(result.sha256, fmt)
            self.manifest.record(
                Entry(
                    self.manifest.key(path), fingerprint, job.rel, result.sha256, path=str(job.src.resolve())
                )
            )
        outputs = tuple(out for _fmt, out in result.outputs)
        self.add(
            JobOutcome(str(job.src), job.rel, "converted", outputs, result.seconds, warnings=result.warnings)
        )


def convert_batch(
    src: PathLike | Sequence[PathLike],
    out: PathLike,
    *,
    to: str | Iterable[str] = ("pdf",),
    jobs: int | None = None,
    executor: Executor | None = None,
    scheduler: str | None = None,
    style: PathLike | Theme = "default",
    from_: str | None = None,
    metadata: Mapping[str, Any] | None = None,
    width: int | None = None,
    allow_remote: bool = False,
    allowed_hosts: Sequence[str] = (),
    pdf_variant: str | None = None,
    notes: str = "foot",
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    force: bool = False,
    timeout: float | None = None,
    report: PathLike | None = None,
    on_event: Callable[[Event], None] | None = None,
    max_tasks_per_child: int | None = MAX_TASKS_PER_CHILD,
) -> BatchReport:
    """Convert every article under ``src`` (folders and files) into ``out``, mirroring the tree.

    ``jobs`` worker processes (default: the machine's cores) run on a local
    pool unless ``executor`` (any :class:`concurrent.futures.Executor`) or
    ``scheduler`` (a Dask address, ``tcp://host:8786``) is given. Outputs
    that are up to date are skipped unless ``force``. ``timeout`` bounds
    each input, in seconds. ``report`` names a JSON file for the outcome;
    ``on_event`` receives progress events. A failing input never stops the
    others: see :attr:`BatchReport.exit_code`. Finding no input at all
    (an empty folder, an ``include`` that matches nothing) raises
    :class:`~convert.errors.InputError` (exit 3) before any work.
    """
    started = time.perf_counter()
    formats = api.parse_formats(to)
    for fmt in formats:
        exporters.check(fmt)  # unknown formats fail before any work (by name: nothing is imported)
    theme = (
        style if isinstance(style, Theme) else load_theme(style if isinstance(style, str) else Path(style))
    )
    inputs = [Path(p) for p in ([src] if isinstance(src, str | os.PathLike) else src)]
    out_dir = Path(out).resolve()
    options = {
        "from": from_,
        "metadata": dict(metadata or {}),
        "width": width,
        "allow_remote": allow_remote or bool(allowed_hosts),
        "allowed_hosts": list(allowed_hosts),
        "pdf_variant": pdf_variant,
        # Only when not the default, so outputs made before the option existed stay up to date.
        **({"notes": notes} if notes != "foot" else {}),
    }
    with StopSignals() as stop:
        ignored: list[tuple[str, str]] = []
        planned = plan(inputs, out_dir, formats, include, exclude, ignored)
        lock = _lock_folder(out_dir)
        try:
            return _run(
                planned, out_dir, formats, style, theme, options, force, timeout, jobs, executor,
                scheduler, report, on_event, max_tasks_per_child, stop, started, ignored,
            )  # fmt: skip
        finally:
            if lock is not None:
                os.close(lock)


def _run(
    planned: list[Job],
    out_dir: Path,
    formats: list[str],
    style: PathLike | Theme,
    theme: Theme,
    options: dict[str, Any],
    force: bool,
    timeout: float | None,
    jobs: int | None,
    executor: Executor | None,
    scheduler: str | None,
    report: PathLike | None,
    on_event: Callable[[Event], None] | None,
    max_tasks_per_child: int | None,
    stop: StopSignals,
    started: float,
    ignored: list[tuple[str, str]],
) -> BatchReport:
    manifest = Manifest(out_dir)
    result = BatchReport(out=str(out_dir), formats=tuple(formats), workers=0, ignored=ignored)
    run = _Run(result, manifest, (options_key(options), theme.fingerprint, _version()), on_event)
    specs = _specs(run, planned, formats, force, _style_for_workers(style, theme), options, timeout)
    # Only the formats some job still needs are loaded (a missing dependency fails once, before
    # any job); a rerun with nothing to do never imports WeasyPrint or ebooklib. On the local pool
    # the workers load them, as they must anyway, and the first to find one missing says so: this
    # process, which only plans and records, need not spend a second importing them too.
    needed = list(dict.fromkeys(fmt for spec in specs for fmt, _ in spec.outputs))
    if executor is not None or scheduler is not None:
        for fmt in needed:
            exporters.get_class(fmt)
    for tmp in stale_temporaries(path for job in planned for _fmt, path in job.outputs):
        tmp.unlink(missing_ok=True)
    run.todo = len(specs)
    closer: Callable[[], None] | None = None
    try:
        if specs:
            manifest.open()
            if scheduler is not None and executor is None:
                executor, threads, closer = dask_executor(scheduler)
                jobs = jobs or threads
            workers = max(1, min(jobs or os.cpu_count() or 1, len(specs)))
            result.workers = workers
            run.emit({"event": "start", "total": len(planned), "todo": len(specs), "workers": workers})
            if executor is not None:
                run_all(specs, run.on_result, executor=executor, window=workers, timeout=timeout, stop=stop)
            else:
                factory = local_pool_factory(
                    workers, needed, _style_for_workers(style, theme), max_tasks_per_child
                )
                run_all(specs, run.on_result, factory=factory, timeout=timeout, stop=stop)
        else:
            run.emit({"event": "start", "total": len(planned), "todo": 0, "workers": 0})
    except BaseException as exc:
        result.interrupted = True
        if isinstance(exc, KeyboardInterrupt):
            result.stop_signal = exc.signum if isinstance(exc, Interrupted) else 2
        for job in run.jobs.values():  # planned, but no result: a rerun does them
            result.outcomes.append(JobOutcome(str(job.src), job.rel, "not-started"))
        raise
    finally:
        stop.holding = True  # the report and the manifest are finished whatever comes now
        manifest.close()
        if closer is not None:
            closer()
        result.elapsed = time.perf_counter() - started
        result.peak_worker_rss_mb = max(run.rss.values(), default=0) / 1024
        result.outcomes.sort(key=lambda o: o.rel)
        if report is not None:
            api.atomic_write(Path(report), result.to_json_bytes())
        run.emit(
            {
                "event": "end",
                "converted": result.converted,
                "skipped": result.skipped,
                "failed": result.failed,
                "not_started": result.not_started,
                "elapsed": round(result.elapsed, 3),
                "interrupted": result.interrupted,
            }
        )
    return result


def _specs(
    run: _Run,
    planned: list[Job],
    formats: Sequence[str],
    force: bool,
    style: str,
    options: Mapping[str, Any],
    timeout: float | None,
) -> list[JobSpec]:
    """The jobs with outputs to make; the rest are reported as skipped (or failed, if unreadable)."""
    specs = []
    for job in planned:
        if job.problem is not None:
            run.report.outcomes.append(JobOutcome(str(job.src), job.rel, "failed", reason=job.problem))
            continue
        try:
            sha = file_sha256(job.src)
        except OSError as exc:
            reason = f"{job.rel}: cannot read: {exc.strerror or exc}"
            run.report.outcomes.append(JobOutcome(str(job.src), job.rel, "failed", reason=reason))
            continue
        needed = [
            (fmt, path)
            for fmt, path in job.outputs
            if force or not run.manifest.is_fresh(path, run.fingerprint(sha, fmt))
        ]
        if not needed:
            outputs = tuple(str(p) for _f, p in job.outputs)
            run.report.outcomes.append(JobOutcome(str(job.src), job.rel, "skipped", outputs))
            continue
        run.jobs[job.rel] = job
        specs.append(
            JobSpec(
                src=str(job.src.resolve()),
                rel=job.rel,
                outputs=tuple((fmt, str(path)) for fmt, path in needed),
                style=style,
                from_=options["from"],
                metadata=options["metadata"] or None,
                width=options["width"],
                allow_remote=options["allow_remote"],
                allowed_hosts=tuple(options["allowed_hosts"]),
                pdf_variant=options["pdf_variant"],
                notes=options.get("notes", "foot"),
                timeout=timeout,
            )
        )
    return specs
