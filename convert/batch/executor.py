"""Running jobs: on Broadsheet's own worker processes, or on any executor.

**The local pool** (:class:`WorkerPool`) starts each worker as a fresh
interpreter that runs :func:`.worker.serve`; it is not a
:mod:`multiprocessing` pool, whose spawn and forkserver workers import the
caller's ``__main__`` again (a script's top-level code would run once per
worker) and whose pool cannot say which job a dead worker held. Here each
worker holds one job at a time, so:

- a worker that dies (a crash, ``SIGKILL``, the out-of-memory killer) fails
  exactly its own job, and a fresh worker takes its place;
- a job past its ``timeout`` is stopped by the worker's own alarm, or, if
  stuck in C code, by the worker's watchdog, or at last by the parent;
- a worker is replaced after ``max_tasks_per_child`` jobs, so a slow leak
  cannot grow without bound (its successor warms up during its last job).

**Stopping.** SIGINT, SIGTERM and SIGHUP (:class:`StopSignals`) stop a batch
at a safe point: the parent sends SIGTERM to every worker, takes the results
of jobs that were already committing their outputs, waits (``STOP_GRACE``,
then SIGKILL) until no worker is left, removes the temporaries of the jobs
that did not finish and raises :class:`Interrupted` (exit 128 + the signal).
The workers die with the parent, too, if it is killed outright.

**Any other executor** (Dask's, a thread pool) is used as given; a job it
loses fails alone, and ``timeout`` is then measured from submission.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import Pipe, connection
from pathlib import Path
from types import FrameType
from typing import Any

from ..errors import MissingDependencyError
from .plan import stale_temporaries
from .worker import HARD_KILL_GRACE, STOP_SIGNALS, JobResult, JobSpec, run_job

#: A worker is replaced after this many jobs, so a slow leak cannot grow without bound. A new
#: worker costs about 2 s of CPU (import and warm-up): every 100 jobs that was a third more CPU
#: per plain-text input in the soak (bench/RESULTS.md), whose workers' memory grew 3 % over
#: 4,000 inputs without any replacement.
MAX_TASKS_PER_CHILD = 500
#: How often the loop wakes to check deadlines and stop signals, in seconds.
_POLL = 0.25
#: Seconds stopped workers get to exit after SIGTERM, and again after SIGKILL.
STOP_GRACE = 3.0
#: Seconds past a job's timeout (and the worker's own watchdog) before the parent kills the worker.
PARENT_KILL_GRACE = HARD_KILL_GRACE + 5.0
#: Workers that die before their first job, in a row, after which the pool gives up.
MAX_FAILED_STARTS = 3

#: What a worker runs: take the parent's import path first (the job function, the
#: package itself may live on it), then serve. SIGINT waits for the parent's word
#: until serve() installs its own handler.
_BOOT = (
    "import signal, sys\n"
    "signal.signal(signal.SIGINT, signal.SIG_IGN)\n"
    "from multiprocessing.connection import Connection\n"
    "conn = Connection(int(sys.argv[1]))\n"
    "sys.path[:] = conn.recv()\n"
    "from convert.batch.worker import serve\n"
    "serve(conn, int(sys.argv[2]))\n"
)


class Interrupted(KeyboardInterrupt):
    """A stop signal ended the batch; the command line exits with :attr:`exit_code`."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum
        self.exit_code = 128 + signum

    def __str__(self) -> str:
        return f"stopped by {signal.Signals(self.signum).name}"


class StopSignals:
    """While active (a context manager), SIGINT, SIGTERM and SIGHUP stop the batch.

    The handler raises :class:`Interrupted` at once, except while
    :attr:`holding` (the run loop, which checks :meth:`check` at each turn so
    that no result in hand is lost). Handlers are installed explicitly: a job
    started in the background by a non-interactive shell begins with SIGINT
    ignored, and must still stop on it. A SIGHUP that is ignored (``nohup``)
    stays ignored, and a handler of the caller's own is left in place. Only the
    main thread can take signals; elsewhere this does nothing.
    """

    def __init__(self) -> None:
        self.pending = 0
        self.holding = False
        self._previous: dict[int, Any] = {}

    def __enter__(self) -> StopSignals:
        if threading.current_thread() is not threading.main_thread():
            return self
        for signum in STOP_SIGNALS:
            current = signal.getsignal(signum)
            ours = current in (signal.SIG_DFL, None) or current is signal.default_int_handler
            if current == signal.SIG_IGN:
                ours = signum != getattr(signal, "SIGHUP", None)
            if ours:
                self._previous[signum] = signal.signal(signum, self._on_signal)
        return self

    def __exit__(self, *_exc: object) -> None:
        for signum, previous in self._previous.items():
            signal.signal(signum, previous if previous is not None else signal.SIG_DFL)
        self._previous.clear()

    def _on_signal(self, signum: int, _frame: FrameType | None) -> None:
        self.pending = self.pending or signum
        if not self.holding:
            raise Interrupted(signum)

    def check(self) -> None:
        """Raise :class:`Interrupted` if a stop signal came."""
        if self.pending:
            raise Interrupted(self.pending)


@dataclass
class _InFlight:
    spec: JobSpec
    submitted: float


@dataclass(eq=False)
class _Worker:
    proc: subprocess.Popen[bytes]
    conn: Any  # multiprocessing.connection.Connection
    ready: bool = False
    job: _InFlight | None = None
    done: int = 0
    last: bool = False  # running its last job before retiring
    started: float = field(default_factory=time.monotonic)


class WorkerPool:
    """``size`` worker processes that warm up for ``formats`` and ``style``, one job each at a time."""

    def __init__(
        self,
        size: int,
        formats: Sequence[str],
        style: str,
        max_tasks_per_child: int | None = MAX_TASKS_PER_CHILD,
    ) -> None:
        self.size = max(1, size)
        self.formats = tuple(formats)
        self.style = style
        self.max_tasks = max_tasks_per_child
        self.workers: list[_Worker] = []
        self.retired: list[subprocess.Popen[bytes]] = []
        self.failed_starts = 0

    # -- workers ---------------------------------------------------------------------------

    def _spawn(self) -> _Worker:
        ours, theirs = Pipe(duplex=True)
        try:
            errors = sys.stderr.fileno()
        except (AttributeError, OSError, ValueError):
            errors = subprocess.DEVNULL
        try:
            proc = subprocess.Popen(
                [sys.executable, "-c", _BOOT, str(theirs.fileno()), str(os.getpid())],
                pass_fds=(theirs.fileno(),),
                stdin=subprocess.DEVNULL,
                stdout=errors,  # a worker's stray prints must not mix into --progress json
                # Its own process group: the terminal's Ctrl-C reaches the parent, which stops
                # the workers in order, and a stop can end a worker's children (pandoc) with it.
                start_new_session=True,
            )
        finally:
            theirs.close()
        ours.send(sys.path)
        ours.send((self.formats, self.style))
        worker = _Worker(proc, ours)
        self.workers.append(worker)
        return worker

    def _retire(self, worker: _Worker, *, kill: bool = False) -> None:
        self.workers.remove(worker)
        if kill:
            _send_signal(worker.proc, signal.SIGKILL)
        else:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
        worker.conn.close()
        self.retired.append(worker.proc)
        self.retired = [p for p in self.retired if p.poll() is None]

    def _serving(self) -> int:
        return sum(1 for w in self.workers if not w.last)

    # -- the run ---------------------------------------------------------------------------

    def run(
        self,
        specs: Iterable[JobSpec],
        on_result: Callable[[JobResult], None],
        fn: Callable[[JobSpec], JobResult],
        stop: StopSignals | None,
    ) -> None:
        pending = deque(specs)
        if stop is not None:
            stop.holding = True
        try:
            while True:
                if stop is not None:
                    stop.check()
                while pending and self._serving() < self.size:
                    self._spawn()
                for worker in list(self.workers):  # _assign may retire a worker that died
                    if pending and worker.ready and worker.job is None and not worker.last:
                        self._assign(worker, pending.popleft(), fn, on_result)
                if not pending and not any(w.job for w in self.workers):
                    return
                if self.failed_starts >= MAX_FAILED_STARTS:
                    for spec in pending:
                        on_result(_lost(spec, "not run: the worker processes exit as they start"))
                    pending.clear()
                    continue
                self._poll(on_result)
        except BaseException:
            self.stop(on_result)
            raise
        finally:
            if stop is not None:
                stop.holding = False
            self.close()

    def _assign(
        self,
        worker: _Worker,
        spec: JobSpec,
        fn: Callable[[JobSpec], JobResult],
        on_result: Callable[[JobResult], None],
    ) -> None:
        worker.job = _InFlight(spec, time.monotonic())
        worker.last = self.max_tasks is not None and worker.done + 1 >= self.max_tasks
        try:
            worker.conn.send((fn, spec))
        except OSError:  # it died while idle: the job is reported like any crash
            self._crashed(worker, on_result)

    def _poll(self, on_result: Callable[[JobResult], None]) -> None:
        watched = {w.conn: w for w in self.workers if w.job is not None or not w.ready}
        for conn in connection.wait(list(watched), timeout=_POLL):
            worker = watched[conn]
            try:
                message = worker.conn.recv()
            except (EOFError, OSError):
                self._crashed(worker, on_result)
                continue
            if message == "ready":
                worker.ready = True
                self.failed_starts = 0
            elif isinstance(message, tuple) and message[:1] == ("unavailable",):
                raise MissingDependencyError(message[1], hint=message[2])  # run() stops the pool
            elif isinstance(message, JobResult) and worker.job is not None:
                worker.job = None
                worker.done += 1
                on_result(message)  # the manifest line is written: only now may the worker go on
                with contextlib.suppress(OSError):
                    worker.conn.send("ack")
                if worker.last:
                    self._retire(worker)
        now = time.monotonic()
        for worker in list(self.workers):
            info = worker.job
            if info and info.spec.timeout and now - info.submitted > info.spec.timeout + PARENT_KILL_GRACE:
                self._crashed(worker, on_result)

    def _crashed(self, worker: _Worker, on_result: Callable[[JobResult], None]) -> None:
        """A worker died (or must): its job, if any, fails; the pool replaces it when needed."""
        self._retire(worker, kill=True)
        _wait_exit([worker.proc], STOP_GRACE)
        if worker.job is None:
            if not worker.ready:
                self.failed_starts += 1
            return
        _remove_temporaries([worker.job.spec])
        on_result(_crashed(worker.job))

    def stop(self, on_result: Callable[[JobResult], None]) -> None:
        """Stop every worker now; take the results of jobs that were committing; clean up after the rest."""
        procs = [w.proc for w in self.workers] + self.retired
        for proc in procs:
            _send_signal(proc, signal.SIGTERM)
        busy = {w.conn: w for w in self.workers if w.job is not None}
        deadline = time.monotonic() + STOP_GRACE
        while busy and time.monotonic() < deadline:
            for conn in connection.wait(list(busy), timeout=max(0.0, deadline - time.monotonic())):
                worker = busy.pop(conn)
                try:
                    message = worker.conn.recv()
                    while not isinstance(message, JobResult):
                        message = worker.conn.recv()
                except (EOFError, OSError):
                    continue
                worker.job = None
                try:
                    on_result(message)
                except Exception:  # already stopping; unrecorded, so no "ack": the worker removes them
                    continue
                with contextlib.suppress(OSError):
                    worker.conn.send("ack")
        if not _wait_exit(procs, max(0.1, deadline - time.monotonic())):
            for proc in procs:
                _send_signal(proc, signal.SIGKILL)
            _wait_exit(procs, STOP_GRACE)
        _end_groups(procs)
        _remove_temporaries(w.job.spec for w in self.workers if w.job is not None)
        for worker in self.workers:
            worker.conn.close()
        self.workers.clear()
        self.retired.clear()

    def close(self) -> None:
        """Retire every worker and wait until all have exited."""
        for worker in list(self.workers):
            self._retire(worker)
        procs = self.retired
        if not _wait_exit(procs, STOP_GRACE):
            for proc in procs:
                _send_signal(proc, signal.SIGKILL)
            _wait_exit(procs, STOP_GRACE)
        _end_groups(procs)
        self.retired = []


def _send_signal(proc: subprocess.Popen[bytes], signum: int) -> None:
    try:
        if proc.poll() is None:
            proc.send_signal(signum)
    except OSError:  # already gone
        pass


def _end_groups(procs: Iterable[subprocess.Popen[bytes]]) -> None:
    """SIGKILL whatever is left in the workers' process groups (a pandoc a stopped worker started)."""
    for proc in procs:
        with contextlib.suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)


def _wait_exit(procs: Sequence[subprocess.Popen[bytes]], grace: float) -> bool:
    """Wait until every process has exited (and is reaped); False if some still run after ``grace``."""
    deadline = time.monotonic() + grace
    for proc in procs:
        try:
            proc.wait(timeout=max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            return False
    return True


def local_pool_factory(
    jobs: int, formats: Sequence[str], style: str, max_tasks_per_child: int | None = MAX_TASKS_PER_CHILD
) -> Callable[[], WorkerPool]:
    """A maker of local worker pools whose workers warm up once before their first job."""

    def make() -> WorkerPool:
        return WorkerPool(jobs, formats, style, max_tasks_per_child)

    return make


def _remove_temporaries(specs: Iterable[JobSpec]) -> None:
    """Delete the temporary files that stopped workers left beside these jobs' outputs."""
    for tmp in stale_temporaries(Path(out) for spec in specs for _fmt, out in spec.outputs):
        tmp.unlink(missing_ok=True)


def run_all(
    specs: Iterable[JobSpec],
    on_result: Callable[[JobResult], None],
    *,
    executor: Executor | None = None,
    factory: Callable[[], WorkerPool] | None = None,
    window: int = 0,
    timeout: float | None = None,
    fn: Callable[[JobSpec], JobResult] = run_job,
    stop: StopSignals | None = None,
) -> None:
    """Run every spec; call ``on_result`` once per spec, in completion order.

    Give ``factory`` for a local :class:`WorkerPool` (this function owns it and
    stops it at the end) or ``executor`` for one the caller owns (``window``
    jobs in flight at a time). ``fn`` runs one job; on a local pool it must be
    importable by name (tests swap in jobs that crash or hang). ``stop``
    makes the loop stop at a safe point on SIGINT, SIGTERM or SIGHUP.
    """
    if (executor is None) == (factory is None):
        raise ValueError("give exactly one of executor and factory")
    if factory is not None:
        factory().run(specs, on_result, fn, stop)
        return
    assert executor is not None
    is_process_pool = isinstance(executor, ProcessPoolExecutor)
    pending = iter(specs)
    flying: dict[Future[JobResult], _InFlight] = {}
    exhausted = False
    if stop is not None:
        stop.holding = True
    try:
        while True:
            if stop is not None:
                stop.check()
            while not exhausted and len(flying) < max(1, window):
                spec_or_none = next(pending, None)
                if spec_or_none is None:
                    exhausted = True
                    break
                flying[executor.submit(fn, spec_or_none)] = _InFlight(spec_or_none, time.monotonic())
            if not flying:
                return
            done, _ = wait(flying, timeout=_POLL, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                broken |= _settle(fut, flying.pop(fut), on_result)
            if broken:
                rest, _ = wait(flying)
                for fut in rest:
                    _settle(fut, flying.pop(fut), on_result)
                _fail_rest(pending, on_result)
                return
            if timeout and not is_process_pool:
                _expire(flying, timeout, on_result)
    except BaseException:
        for fut in flying:
            fut.cancel()
        raise
    finally:
        if stop is not None:
            stop.holding = False


def _settle(fut: Future[JobResult], info: _InFlight, on_result: Callable[[JobResult], None]) -> bool:
    """Report a finished future; True when it shows the executor is broken."""
    try:
        result = fut.result()
    except BrokenProcessPool:
        on_result(_lost(info.spec, "the worker process crashed (the executor broke down)"))
        return True
    except Exception as exc:  # the executor lost the job (a Dask worker died, pickling ...)
        on_result(_lost(info.spec, f"the worker failed: {type(exc).__name__}: {exc}"))
        return False
    on_result(result)
    return False


def _crashed(info: _InFlight) -> JobResult:
    elapsed = time.monotonic() - info.submitted
    limit = info.spec.timeout
    if limit and elapsed >= limit:
        return _lost(info.spec, f"timed out after {limit:g} s (the worker was stopped)", elapsed)
    return _lost(info.spec, "the worker process crashed while converting it", elapsed)


def _lost(spec: JobSpec, why: str, seconds: float = 0.0) -> JobResult:
    return JobResult(rel=spec.rel, ok=False, reason=f"{spec.rel}: {why}", seconds=seconds)


def _expire(
    flying: dict[Future[JobResult], _InFlight], timeout: float, on_result: Callable[[JobResult], None]
) -> None:
    now = time.monotonic()
    for fut, info in list(flying.items()):
        if now - info.submitted > timeout:
            fut.cancel()
            del flying[fut]
            on_result(_lost(info.spec, f"timed out after {timeout:g} s", now - info.submitted))


def _fail_rest(pending: Iterable[JobSpec], on_result: Callable[[JobResult], None]) -> None:
    for spec in pending:
        on_result(_lost(spec, "not run: the executor broke down"))
