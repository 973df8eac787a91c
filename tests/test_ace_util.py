"""``tests/ace_util.py``'s batch runner: a timed-out run leaves no process behind.

The stand-in for Node.js here is a small Python script (a test double for the timeout path only;
the real Ace runs are in ``tests/test_accessibility.py``). Like Ace's Node.js it starts a child,
and like Puppeteer's Chromium one of them in a session of its own, then never ends.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from ace_util import run_batch
from forkserver import gone

FAKE_NODE = """
import os, subprocess, sys, time
sleeper = [sys.executable, "-c", "import time; time.sleep(600)"]
grouped = subprocess.Popen(sleeper)  # in Node's process group, as most of its children are
detached = subprocess.Popen(sleeper, start_new_session=True)  # as Puppeteer starts Chromium
with open(sys.argv[1] + ".part", "w") as fh:
    fh.write(f"{os.getpid()} {grouped.pid} {detached.pid}")
os.replace(sys.argv[1] + ".part", sys.argv[1])
print("started", flush=True)
time.sleep(600)
"""


def test_a_timed_out_batch_leaves_no_process_behind(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    script = tmp_path / "fake-node.py"
    script.write_text(FAKE_NODE, encoding="utf-8")
    with pytest.raises(subprocess.TimeoutExpired) as info:
        run_batch(
            [sys.executable, str(script), str(pids)], os.environ, timeout=8
        )  # time to start on a busy machine
    assert "started" in (info.value.output or ""), "the stand-in did not start its children in time"
    started = [int(pid) for pid in pids.read_text().split()]
    assert len(started) == 3
    deadline = time.monotonic() + 10
    while not all(gone(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [pid for pid in started if not gone(pid)] == []


def test_a_batch_that_ends_gives_its_code_and_output() -> None:
    code = "import sys; print('out'); print('err', file=sys.stderr); sys.exit(3)"
    done = run_batch([sys.executable, "-c", code], os.environ, timeout=30)
    assert (done.returncode, done.stdout, done.stderr) == (3, "out\n", "err\n")
