"""What runs in a worker: one job, from reading the input to the atomic writes.

Everything here crosses process (and, with Dask, machine) boundaries, so a
job is a plain picklable :class:`JobSpec` and its answer a :class:`JobResult`.
A worker warms up once (:func:`warm_up`): it imports the exporters and
renders a tiny article in each format, so WeasyPrint, fonts, the parsed
theme CSS and pandoc are ready before the first real file.

The local pool (:mod:`.executor`) starts each worker as a fresh interpreter
running :func:`serve` (never through :mod:`multiprocessing`, which would
import the caller's ``__main__`` again in every worker). A worker:

- takes jobs over one socket and answers each with its :class:`JobResult`;
- stops at SIGTERM, SIGINT or SIGHUP, except between renaming a job's first
  output into place and handing the result to the parent: a stop that
  comes then waits until the parent has the result, so every output on
  disk reaches the manifest;
- dies with its parent: ``PR_SET_PDEATHSIG`` on Linux and, everywhere, a
  thread that watches :func:`os.getppid`; if the parent is gone when the
  result is ready, the job's new outputs are removed again.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from .. import api
from ..base import ExportOptions
from ..errors import ConvertError
from ..io import atomic_write_all
from ..model import Article, Metadata, Paragraph, Text
from ..theme import load_theme

#: Extra seconds a job may run past its timeout (stuck in C code) before its worker is killed.
HARD_KILL_GRACE = 5.0

_warm: set[tuple[tuple[str, ...], str]] = set()
_warm_lock = threading.Lock()
#: True in a worker process this package started; only there may a hung job kill its process.
_own_process = False
#: The signals that stop a worker (and, in :mod:`.executor`, a batch).
STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
#: How often a worker checks that its parent is alive, in seconds.
PARENT_CHECK = 0.5


class Stopped(BaseException):
    """A stop signal reached a worker (a BaseException: no job may turn it into a failure)."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


class _StopState:
    """Stop signals arriving in :func:`serve`: raised at once, or held while outputs are committed."""

    def __init__(self) -> None:
        self.serving = False
        self.holding = False
        self.pending = 0

    def on_signal(self, signum: int, _frame: FrameType | None) -> None:
        if self.holding:
            self.pending = self.pending or signum
            return
        raise Stopped(signum)

    def hold(self) -> None:
        """From here to :meth:`release`, a stop waits (only in a served worker)."""
        if self.serving:
            self.holding = True
            if hasattr(signal, "setitimer"):
                signal.setitimer(signal.ITIMER_REAL, 0)  # nor may the job's alarm cut the commit short

    def release(self) -> None:
        self.holding = False
        if self.pending:
            raise Stopped(self.pending)


_stop = _StopState()


@dataclass(frozen=True, slots=True)
class JobSpec:
    """One input to convert into ``outputs`` (format -> path)."""

    src: str
    rel: str
    outputs: tuple[tuple[str, str], ...]
    style: str = "default"
    from_: str | None = None
    metadata: Mapping[str, Any] | None = None
    width: int | None = None
    allow_remote: bool = False
    allowed_hosts: tuple[str, ...] = ()
    pdf_variant: str | None = None
    notes: str = "foot"
    timeout: float | None = None


@dataclass(frozen=True, slots=True)
class JobResult:
    """How a job ended: ``ok`` with the outputs written, or the one-line ``reason``."""

    rel: str
    ok: bool
    outputs: tuple[tuple[str, str], ...] = ()
    sha256: str = ""
    seconds: float = 0.0
    reason: str | None = None
    pid: int = 0
    peak_rss_kb: int = 0
    warnings: tuple[str, ...] = field(default=())


class JobTimeout(Exception):
    """The job ran past its ``timeout``."""


_TINY = Article(meta=Metadata(title="Warm-up", language="en"), body=(Paragraph((Text("Warm-up."),)),))


def warm_up(formats: Sequence[str], style: str, own_process: bool = True) -> None:
    """Load every exporter, the theme and their caches once per process.

    A failure here is ignored: the job that needs the broken format reports it.
    """
    global _own_process
    _own_process = _own_process or own_process
    key = (tuple(formats), style)
    with _warm_lock:
        if key in _warm:
            return
        _warm.add(key)
        try:
            theme = load_theme(style)
        except ConvertError:
            return
        for fmt in formats:
            try:
                api.write(_TINY, fmt, style=theme)
            except Exception:  # noqa: S112 - reported by the real job
                continue


def unavailable(formats: Sequence[str]) -> tuple[str, str | None] | None:
    """``(message, hint)`` for the first format whose exporter cannot be loaded here, else ``None``."""
    from ..registry import exporters

    for fmt in formats:
        try:
            exporters.get_class(fmt)
        except ConvertError as exc:
            return exc.message, exc.hint
    return None


def _peak_rss_kb() -> int:
    try:
        import resource

        return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    except (ImportError, OSError):
        return 0


@contextmanager
def _time_limit(seconds: float | None) -> Iterator[None]:
    """Raise :class:`JobTimeout` after ``seconds``; kill the process if the job is stuck in C code.

    The alarm only works in a process's main thread (a process-pool worker);
    elsewhere (Dask threads) the scheduler enforces the limit.
    """
    if (
        not seconds
        or threading.current_thread() is not threading.main_thread()
        or not hasattr(signal, "setitimer")
    ):
        yield
        return

    def on_alarm(_signum: int, _frame: FrameType | None) -> None:
        raise JobTimeout(f"timed out after {seconds:g} s")

    watchdog: threading.Timer | None = None
    if _own_process:
        watchdog = threading.Timer(seconds + HARD_KILL_GRACE, _die)
        watchdog.daemon = True
        watchdog.start()
    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if watchdog is not None:
            watchdog.cancel()


def _die() -> None:
    # The main thread is stuck where no signal reaches it: end the process;
    # the pool reports the job as failed and carries on without it.
    sys.stderr.flush()
    os._exit(75)


def run_job(spec: JobSpec) -> JobResult:
    """Convert one input; expected failures come back as a result, never raised."""
    start = time.perf_counter()
    warm_up([fmt for fmt, _ in spec.outputs], spec.style, own_process=False)
    sha = ""
    try:
        with _time_limit(spec.timeout):
            src = Path(spec.src)
            try:
                sha = hashlib.sha256(src.read_bytes()).hexdigest()
            except OSError as exc:
                raise _input_error(exc) from None
            written, warnings = _convert(spec, src)
    except ConvertError as exc:
        return _failed(spec, exc.with_path(spec.rel).one_line(), sha, start)
    except JobTimeout as exc:
        return _failed(spec, f"{spec.rel}: {exc}", sha, start)
    except RecursionError:
        return _failed(spec, f"{spec.rel}: the document is nested too deeply", sha, start)
    except MemoryError:
        return _failed(spec, f"{spec.rel}: out of memory", sha, start)
    except Exception as exc:
        return _failed(spec, f"{spec.rel}: internal error: {type(exc).__name__}: {exc}", sha, start)
    return JobResult(
        rel=spec.rel,
        ok=True,
        outputs=written,
        sha256=sha,
        seconds=time.perf_counter() - start,
        pid=os.getpid(),
        peak_rss_kb=_peak_rss_kb(),
        warnings=warnings,
    )


def _input_error(exc: OSError) -> ConvertError:
    from ..errors import InputError

    return InputError(f"cannot read: {exc.strerror or exc}")


def _convert(spec: JobSpec, src: Path) -> tuple[tuple[tuple[str, str], ...], tuple[str, ...]]:
    """Read once, render every format, then write them all (a failing format writes nothing)."""
    read_warnings: list[str] = []
    article = api.read(
        src, from_=spec.from_, metadata=spec.metadata, allow_remote=spec.allow_remote, warnings=read_warnings
    )
    theme = load_theme(spec.style)
    options = ExportOptions(
        width=spec.width,
        base_dir=src.resolve().parent,
        allow_remote=spec.allow_remote,
        allowed_hosts=spec.allowed_hosts,
        pdf_variant=spec.pdf_variant,
        notes=spec.notes,
    )
    warnings = list(read_warnings)
    rendered: list[tuple[str, Path, bytes]] = []
    from .._session import resource_session

    with resource_session():  # the formats share what the first fetched
        for fmt, out in spec.outputs:
            result = api.render(article, fmt, style=theme, options=options)
            warnings += result.warnings
            rendered.append((fmt, Path(out), result.data))
    _stop.hold()  # released by serve() once the parent has the result
    atomic_write_all((target, data) for _fmt, target, data in rendered)  # all of the job's outputs or none
    return tuple((fmt, str(target)) for fmt, target, _ in rendered), tuple(dict.fromkeys(warnings))


def _failed(spec: JobSpec, reason: str, sha: str, start: float) -> JobResult:
    return JobResult(
        rel=spec.rel,
        ok=False,
        sha256=sha,
        seconds=time.perf_counter() - start,
        reason=reason,
        pid=os.getpid(),
        peak_rss_kb=_peak_rss_kb(),
    )


def serve(conn: Any, parent_pid: int) -> None:
    """A pool worker's life: warm up, then run jobs from ``conn`` until told to stop.

    ``conn`` is a :class:`multiprocessing.connection.Connection`. Messages in:
    ``(formats, style)`` once (answered by ``"ready"``, or by ``("unavailable", message, hint)``
    when a format's exporter cannot be loaded), then ``(fn, spec)`` per job (``fn`` is
    :func:`run_job` or a stand-in from the tests) and ``None`` to retire.
    Out: one :class:`JobResult` per job, answered by ``"ack"`` once the parent has
    recorded it; a worker whose parent dies before that removes the job's outputs.
    """
    os.set_inheritable(conn.fileno(), False)  # pandoc and friends must not hold the socket open
    _stop.serving = True
    for signum in STOP_SIGNALS:
        signal.signal(signum, _stop.on_signal)
    _die_with_parent(parent_pid)
    try:
        formats, style = conn.recv()
        problem = unavailable(formats)
        if problem is not None:
            conn.send(("unavailable", *problem))  # the pool raises it: the batch fails once, up front
            return
        warm_up(formats, style, own_process=True)
        conn.send("ready")
        while True:
            try:
                message = conn.recv()
            except (EOFError, OSError):
                return  # the parent is gone
            if message is None:
                return
            fn, spec = message
            result = fn(spec)
            try:
                conn.send(result)
                conn.recv()  # the parent's "ack": the result is recorded (its manifest line written)
            except (EOFError, OSError):
                _unlink_outputs(result)  # nobody recorded them: leave nothing unlisted
                return
            _stop.release()
    except Stopped as stop:
        _exit_quietly(128 + stop.signum)


def _unlink_outputs(result: JobResult) -> None:
    for _fmt, out in result.outputs:
        with contextlib.suppress(OSError):
            os.unlink(out)


def _exit_quietly(code: int) -> None:
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.flush()
    os._exit(code)


def _die_with_parent(parent_pid: int) -> None:
    """End this worker soon after the process that started it ends, however it ended."""
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError, AttributeError):
            import ctypes

            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)
    if os.getppid() != parent_pid:  # it died before the line above took effect
        _exit_quietly(128 + signal.SIGTERM)
    watcher = threading.Thread(target=_watch_parent, args=(parent_pid, os.kill), daemon=True)
    watcher.start()


def _watch_parent(parent_pid: int, kill: Callable[[int, int], None]) -> None:
    while os.getppid() == parent_pid:
        time.sleep(PARENT_CHECK)
    kill(os.getpid(), signal.SIGTERM)  # stop like any other stop (held while committing) ...
    time.sleep(HARD_KILL_GRACE)
    _exit_quietly(128 + signal.SIGTERM)  # ... unless the main thread is stuck in C code
