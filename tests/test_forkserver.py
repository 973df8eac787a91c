"""``tests/forkserver.py``: every reply has a deadline, so a run that never ends cannot hang the session."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import forkserver
import pytest
from forkserver import ForkServer, ReplyTimeout, gone

CAP = 3 * 1024**3  # the hostile sweep's address-space cap


def exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def server() -> ForkServer:
    server = ForkServer(os.environ, ())
    yield server  # type: ignore[misc]
    server.close()


def version(server: ForkServer, folder: Path) -> tuple[int, str]:
    """``broadsheet --version`` run by ``server``: its exit code and output."""
    out, err = folder / "version.out", folder / "version.err"
    server.start(["--version"], folder, os.environ, (Path(os.devnull), out, err), CAP)
    code, _ = server.wait(60)
    return code, out.read_text(encoding="utf-8") + err.read_text(encoding="utf-8")


def test_a_run_that_never_ends_times_out_and_the_server_goes_on(tmp_path: Path, server: ForkServer) -> None:
    fifo = tmp_path / "stdin"
    os.mkfifo(fifo)  # no writer ever opens it: the child waits for its stdin for good
    streams = (fifo, tmp_path / "out", tmp_path / "err")
    pid = server.start(
        ["convert", "-", "--to", "txt", "-o", str(tmp_path)], tmp_path, os.environ, streams, CAP
    )
    started = time.monotonic()
    with pytest.raises(ReplyTimeout, match="did not end within 1 s"):
        server.wait(1)
    assert time.monotonic() - started < 1 + forkserver.GRACE_SECONDS
    assert not exists(pid), "the run was not killed and reaped"
    code, text = version(server, tmp_path)  # the server answered for the killed run and takes the next
    assert code == 0 and "broadsheet" in text.lower()


def test_a_server_that_never_answers_is_stopped(
    tmp_path: Path, server: ForkServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(forkserver, "GRACE_SECONDS", 0.5)
    fifo = tmp_path / "stdin"
    os.mkfifo(fifo)
    streams = (fifo, tmp_path / "out", tmp_path / "err")
    pid = server.start(["convert", "-", "--to", "txt"], tmp_path, os.environ, streams, CAP)
    os.kill(server.proc.pid, signal.SIGSTOP)  # the server itself hangs: it will not report the child
    with pytest.raises(ReplyTimeout):
        server.wait(0.5)
    assert server.proc.poll() is not None, "the hung server is still running"
    deadline = time.monotonic() + 10
    while not gone(pid) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert gone(pid), "the run outlived its hung server"
    with pytest.raises(RuntimeError, match="stopped"):  # a stopped server says so, not a closed pipe
        server.start(["--version"], tmp_path, os.environ, streams, CAP)
