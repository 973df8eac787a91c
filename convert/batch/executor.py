"""Running jobs on an executor, surviving workers that crash or hang.

A :class:`concurrent.futures.ProcessPoolExecutor` fails *every* pending
future when one worker dies (``BrokenProcessPool``), and cannot say which
job killed it. So when a pool breaks, the jobs it held are set aside as
suspects, a fresh pool is started, and the suspects run one at a time: a
suspect that breaks the pool again, alone, is the culprit and fails; the
others convert as usual. Then the run goes back to full parallelism.

A broken pool fails its futures *before* its other workers are stopped, so
those workers may still be writing. Before any suspect runs again, every
worker of the old pool is stopped and waited for, and the temporary files
of the jobs it held are removed: otherwise a killed worker leaves a
``.NAME.*.tmp`` behind, or a late one renames a stale file over a new one.

Any other executor (Dask's, a thread pool) is used as given; a job it loses
fails alone, and ``timeout`` is then measured from submission.
"""

from __future__ import annotations

import multiprocessing
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from importlib.metadata import entry_points
from multiprocessing import connection
from multiprocessing.process import BaseProcess
from pathlib import Path

from .plan import stale_temporaries
from .worker import JobResult, JobSpec, run_job, warm_up

#: A worker is replaced after this many jobs, so a slow leak cannot grow without bound.
MAX_TASKS_PER_CHILD = 100
#: How often the loop wakes to check deadlines, in seconds.
_POLL = 0.25
#: Seconds a stopped worker gets to exit after SIGTERM, and again after SIGKILL.
STOP_GRACE = 5.0


@dataclass
class _InFlight:
    spec: JobSpec
    submitted: float
    probe: bool


def _context() -> multiprocessing.context.BaseContext:
    """forkserver where there is one (cheap worker replacement), else spawn; never fork."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _exporter_modules(formats: Sequence[str]) -> list[str]:
    modules = []
    for fmt in formats:
        for ep in entry_points(group="broadsheet.exporters", name=fmt):
            modules.append(ep.value.split(":", 1)[0])
    return modules


def local_pool_factory(
    jobs: int, formats: Sequence[str], style: str, max_tasks_per_child: int | None = MAX_TASKS_PER_CHILD
) -> Callable[[], Executor]:
    """A maker of process pools whose workers warm up once before their first job."""
    ctx = _context()
    if ctx.get_start_method() == "forkserver":
        # The fork server imports these once; every worker forked from it starts with them.
        ctx.set_forkserver_preload(["convert.batch.worker", *_exporter_modules(formats)])

    def make() -> Executor:
        return ProcessPoolExecutor(
            max_workers=jobs,
            mp_context=ctx,
            initializer=warm_up,
            initargs=(tuple(formats), style, True),
            max_tasks_per_child=max_tasks_per_child,
        )

    return make


def shutdown_now(pool: Executor, grace: float = STOP_GRACE) -> None:
    """Stop a pool without waiting for its running jobs, and wait (``grace``) until its workers are gone.

    The workers are taken before ``shutdown``, which forgets them.
    """
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for proc in procs:
        _signal(proc, proc.terminate)
    if grace and not _await_exit(procs, grace):
        for proc in procs:
            _signal(proc, proc.kill)
        _await_exit(procs, grace)


def _signal(proc: BaseProcess, send: Callable[[], None]) -> None:
    try:
        if proc.exitcode is None:
            send()
    except (OSError, ValueError):  # already gone, or closed
        pass


def _await_exit(procs: Sequence[BaseProcess], grace: float) -> bool:
    """Wait until every process has exited; False if some still run after ``grace`` seconds.

    Waits on the sentinels rather than ``join`` so as not to race the pool's
    own thread, which joins the same processes.
    """
    sentinels = set()
    for proc in procs:
        try:
            sentinels.add(proc.sentinel)
        except ValueError:  # closed: it has exited
            continue
    deadline = time.monotonic() + grace
    while sentinels:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        try:
            ready = connection.wait(list(sentinels), timeout=left)
        except (OSError, ValueError):
            return True
        sentinels.difference_update(ready)
    return True


def _remove_temporaries(specs: Iterable[JobSpec]) -> None:
    """Delete the temporary files that stopped workers left beside these jobs' outputs."""
    for tmp in stale_temporaries(Path(out) for spec in specs for _fmt, out in spec.outputs):
        tmp.unlink(missing_ok=True)


def run_all(
    specs: Iterable[JobSpec],
    on_result: Callable[[JobResult], None],
    *,
    executor: Executor | None = None,
    factory: Callable[[], Executor] | None = None,
    window: int,
    timeout: float | None = None,
    fn: Callable[[JobSpec], JobResult] = run_job,
) -> None:
    """Run every spec; call ``on_result`` once per spec, in completion order.

    Give ``factory`` for pools this function owns (rebuilt when broken, shut
    down at the end) or ``executor`` for one the caller owns. ``fn`` runs
    one job (tests swap in jobs that crash or hang).
    """
    if (executor is None) == (factory is None):
        raise ValueError("give exactly one of executor and factory")
    owned = executor is None
    pool: Executor = factory() if factory is not None else executor  # type: ignore[assignment]
    is_process_pool = isinstance(pool, ProcessPoolExecutor)
    pending = iter(specs)
    suspects: deque[JobSpec] = deque()
    flying: dict[Future[JobResult], _InFlight] = {}
    lost: list[JobSpec] = []  # in flight when the pool broke; their workers may have been mid-write
    exhausted = False
    try:
        while True:
            if suspects:
                if not flying:
                    spec = suspects.popleft()
                    flying[pool.submit(fn, spec)] = _InFlight(spec, time.monotonic(), probe=True)
            else:
                while not exhausted and len(flying) < window:
                    spec_or_none = next(pending, None)
                    if spec_or_none is None:
                        exhausted = True
                        break
                    flying[pool.submit(fn, spec_or_none)] = _InFlight(spec_or_none, time.monotonic(), False)
            if not flying:
                if exhausted and not suspects:
                    return
                continue
            done, _ = wait(flying, timeout=_POLL, return_when=FIRST_COMPLETED)
            broken = False
            for fut in done:
                info = flying.pop(fut)
                broken |= _settle(fut, info, on_result, suspects, lost)
            if broken:
                # The other futures of a broken pool fail at once; settle them all.
                rest, _ = wait(flying)
                for fut in rest:
                    _settle(fut, flying.pop(fut), on_result, suspects, lost)
                if owned:
                    assert factory is not None
                    # No suspect may run again while a worker of the old pool can still write.
                    shutdown_now(pool)
                    _remove_temporaries(lost)
                    lost.clear()
                    pool = factory()
                else:
                    _fail_rest(pending, suspects, on_result)
                    return
            elif timeout and not is_process_pool:
                _expire(flying, timeout, on_result)
    except BaseException:
        if owned:
            shutdown_now(pool)
            _remove_temporaries(info.spec for info in flying.values())
        raise
    finally:
        if owned:
            pool.shutdown(wait=True)


def _settle(
    fut: Future[JobResult],
    info: _InFlight,
    on_result: Callable[[JobResult], None],
    suspects: deque[JobSpec],
    lost: list[JobSpec],
) -> bool:
    """Report a finished future; True when it shows the pool is broken."""
    try:
        result = fut.result()
    except BrokenProcessPool:
        lost.append(info.spec)
        if info.probe:
            on_result(_crashed(info))
        else:
            suspects.append(info.spec)
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


def _fail_rest(
    pending: Iterable[JobSpec], suspects: deque[JobSpec], on_result: Callable[[JobResult], None]
) -> None:
    for spec in [*suspects, *pending]:
        on_result(_lost(spec, "not run: the executor broke down"))
