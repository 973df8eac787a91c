"""A Python process that imports the command line once and forks one child per run of it.

``python -m convert convert FILE ...`` spends most of a short run importing (WeasyPrint, lxml,
pandoc's wrapper ...). ``tests/test_hostile.py`` runs a hundred corpus inputs through the command
line; each still gets a process of its own, forked from this one: a new session, its own working
directory, environment (TMPDIR), standard streams and address-space cap, running ``convert`` as
``python -m`` does (:func:`runpy.run_module`, ``__main__``). Its exit status and peak memory come
from ``wait4`` as for any child; an exception it does not catch prints its traceback and exits 1,
as in a new interpreter, and ``atexit`` handlers run. What a new interpreter does while importing
is the same for every input; the crafted inputs still start one each.

The server reads one JSON request a line on stdin and answers on stdout: ``{"pid": N}`` once the
child runs (the caller may kill its process group), then ``{"code": C, "maxrss": KB}``. Every reply
is awaited with a deadline (:class:`ReplyTimeout`), so a child that never ends, or a server that
hangs, fails the test that ran it instead of hanging the test session.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from pathlib import Path

#: How long the server may take to import its modules, and to fork a child.
START_SECONDS = 120.0
#: How long a run may take when the caller gives no deadline of its own (:meth:`ForkServer.wait`).
WAIT_SECONDS = 600.0
#: After a run's deadline: how long the server has to report the child it was told to kill.
GRACE_SECONDS = 10.0


def gone(pid: int) -> bool:
    """No such process, or a zombie: dead, and reaped by whoever adopted it once its parent was gone.

    For the tests that check nothing outlives a run (psutil: imported here, never by the server).
    """
    import psutil

    try:
        return bool(psutil.Process(pid).status() == psutil.STATUS_ZOMBIE)
    except psutil.NoSuchProcess:
        return True


class ReplyTimeout(TimeoutError):
    """The fork server did not answer in time (the run it waited for was killed)."""


class ForkServer:
    """One server process; one run at a time."""

    def __init__(self, env: Mapping[str, str], modules: Sequence[str]) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, __file__, *modules],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=dict(env),
        )
        self._pending = b""  # what the server wrote after the last complete reply
        self._running: int | None = None
        self.stopped = False  # by _stop: a server that did not answer takes no more runs
        try:
            ready = self._reply(START_SECONDS)
        except ReplyTimeout:
            self._stop()
            raise
        assert ready == {"ready": True}, "the fork server did not start"

    def _reply(self, seconds: float) -> dict[str, int]:
        """The server's next reply line; :class:`ReplyTimeout` when none comes within ``seconds``."""
        assert self.proc.stdout is not None
        fd = self.proc.stdout.fileno()  # read raw: a buffered reader would hide lines from select()
        deadline = time.monotonic() + seconds
        while b"\n" not in self._pending:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                raise ReplyTimeout(f"the fork server sent no reply within {seconds:g} s")
            chunk = os.read(fd, 65536)
            if not chunk:
                raise RuntimeError(f"the fork server ended (exit {self.proc.wait()})")
            self._pending += chunk
        line, _, self._pending = self._pending.partition(b"\n")
        return json.loads(line)  # type: ignore[no-any-return]

    def start(
        self,
        args: Sequence[str],
        cwd: Path,
        env: Mapping[str, str],
        streams: Sequence[Path],
        address_space: int,
    ) -> int:
        """Fork a child running ``python -m convert ARGS``; its pid (and process group)."""
        if self.stopped:
            raise RuntimeError("the fork server was stopped after an earlier run did not end; see that run")
        assert self.proc.stdin is not None
        request = {
            "args": list(args),
            "cwd": str(cwd),
            "env": dict(env),
            "streams": [str(p) for p in streams],  # stdin, stdout, stderr
            "address_space": address_space,
        }
        self.proc.stdin.write(json.dumps(request).encode() + b"\n")
        self.proc.stdin.flush()
        try:
            self._running = self._reply(START_SECONDS)["pid"]
        except ReplyTimeout:
            self._stop()
            raise
        return self._running

    def wait(self, seconds: float = WAIT_SECONDS) -> tuple[int, int]:
        """The child's exit code (negative: the signal that killed it) and peak memory in KiB.

        A child still running after ``seconds`` is killed (its process group) and
        :class:`ReplyTimeout` raised; the server stays usable once it has reported that child,
        and is stopped when it does not within :data:`GRACE_SECONDS`.
        """
        pid = self._running
        try:
            reply = self._reply(seconds)
        except ReplyTimeout:
            self._kill_child()
            try:
                self._reply(GRACE_SECONDS)  # the killed child's report: the next run starts clean
            except (ReplyTimeout, RuntimeError):
                self._stop()
            raise ReplyTimeout(f"the run (pid {pid}) did not end within {seconds:g} s") from None
        finally:
            self._running = None
        return reply["code"], reply["maxrss"]

    def _kill_child(self) -> None:
        if self._running is None:
            return
        try:
            os.killpg(self._running, signal.SIGKILL)
        except ProcessLookupError:  # not yet its own group (before its setsid), or already gone
            with contextlib.suppress(ProcessLookupError):
                os.kill(self._running, signal.SIGKILL)

    def _stop(self) -> None:
        """Kill the server (and the child it may be running): it can no longer be trusted to answer."""
        self.stopped = True
        self._kill_child()
        self.proc.kill()
        self.proc.wait()
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None:
                with contextlib.suppress(OSError):
                    stream.close()

    def close(self) -> None:
        if self.proc.stdin is not None:
            with contextlib.suppress(OSError):  # closed already by _stop, or the server is gone
                self.proc.stdin.close()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        if self.proc.stdout is not None:
            self.proc.stdout.close()


def _child(request: dict, control: tuple[int, int]) -> None:  # type: ignore[type-arg]
    import resource
    import runpy
    import tempfile

    for fd in control:
        os.close(fd)
    os.setsid()
    cap = request["address_space"]
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    os.chdir(request["cwd"])
    stdin, stdout, stderr = request["streams"]
    for fd, path, flags in (
        (0, stdin, os.O_RDONLY),
        (1, stdout, os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
        (2, stderr, os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
    ):
        opened = os.open(path, flags, 0o644)
        os.dup2(opened, fd)
        os.close(opened)
    # sys.stdin, sys.stdout and sys.stderr are the interpreter's own, on descriptors 0-2, unread and
    # flushed: they now read and write the run's files.
    os.environ.clear()
    os.environ.update(request["env"])
    tempfile.tempdir = None  # found again from TMPDIR
    # The compiled stores (convert.cache.CompiledStore) the server read keep its cache folder's
    # name: a child keeps what they hold but never writes them back there, outside its TMPDIR.
    from convert import _regex, cache

    for store in (_regex._STORE, cache._DATACLASS_METHODS):
        if store is not None:
            store._path, store._added = None, False
    # A backstop should the caller that kills a hung run be gone: CPU seconds, as a new interpreter has.
    resource.setrlimit(resource.RLIMIT_CPU, (600, 600))
    sys.argv = ["-m", *request["args"]]
    runpy.run_module("convert", run_name="__main__", alter_sys=True)
    raise SystemExit(0)


def _serve(modules: Sequence[str]) -> None:
    import importlib

    # The requests come on copies of descriptors 0 and 1; the interpreter's own streams are left
    # unread and unwritten (on /dev/null) for the children.
    control = os.dup(0), os.dup(1)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    os.close(null)
    control_in = open(control[0], closefd=False)  # noqa: SIM115
    control_out = open(control[1], "w", closefd=False)  # noqa: SIM115
    for name in modules:
        importlib.import_module(name)
    control_out.write(json.dumps({"ready": True}) + "\n")
    control_out.flush()
    for line in control_in:
        request = json.loads(line)
        sys.stdout.flush()
        sys.stderr.flush()
        pid = os.fork()
        if pid == 0:
            _child(
                request, control
            )  # ends the child: SystemExit or its own exception, as in a new interpreter
        control_out.write(json.dumps({"pid": pid}) + "\n")
        control_out.flush()
        _, status, usage = os.wait4(pid, 0)
        control_out.write(
            json.dumps({"code": os.waitstatus_to_exitcode(status), "maxrss": usage.ru_maxrss}) + "\n"
        )
        control_out.flush()


if __name__ == "__main__":
    _serve(sys.argv[1:])
