"""Stopping a batch: signals, killed workers, a killed parent, two runs on one folder.

These run ``broadsheet convert`` as a real process tree and look for
leftovers in ``/proc``: every process of a run carries a marker in its
environment (workers and their pandoc inherit it), so a worker that outlived
its parent is found even after it was re-parented.
"""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from convert import api, model
from convert.batch import MANIFEST_NAME
from convert.cli import cli

pytestmark = pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc")

#: Outputs with a PDF, so that 60 small inputs take some seconds on two workers.
FORMATS = "pdf,txt"
N_INPUTS = 60


def _paragraphs(i: int) -> list[str]:
    return [
        f"Paragraph {k} of article {i} says something worth printing, at some length. " * 4 for k in range(4)
    ]


def _make_inputs(folder: Path, kitchen_sink: model.Article, n: int = N_INPUTS) -> list[str]:
    """``n`` small articles in four input formats; returns their relative names."""
    folder.mkdir(parents=True)
    names = []
    for i in range(n):
        title = f"Article number {i}"
        kind = i % 4
        if kind == 0:
            name = f"a{i:02d}.txt"
            (folder / name).write_text(title + "\n\n" + "\n\n".join(_paragraphs(i)) + "\n", encoding="utf-8")
        elif kind == 1:
            name = f"a{i:02d}.md"
            (folder / name).write_text(
                f"# {title}\n\n" + "\n\n".join(_paragraphs(i)) + "\n", encoding="utf-8"
            )
        elif kind == 2:
            name = f"a{i:02d}.html"
            body = "".join(f"<p>{p}</p>" for p in _paragraphs(i))
            (folder / name).write_text(
                f"<!doctype html><html lang='en'><head><title>{title}</title></head>"
                f"<body><article><h1>{title}</h1>{body}</article></body></html>",
                encoding="utf-8",
            )
        else:
            name = f"a{i:02d}.json"
            meta = model.replace(kitchen_sink.meta, title=title)
            (folder / name).write_bytes(api.to_json_bytes(model.replace(kitchen_sink, meta=meta)))
        names.append(name)
    return names


def _marked(marker: str) -> list[int]:
    """Live processes (not zombies) whose environment carries ``marker``."""
    needle = f"BROADSHEET_TEST_MARK={marker}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            env = (entry / "environ").read_bytes()
        except OSError:
            continue
        if needle in env.split(b"\0"):
            found.append(int(entry.name))
    return found


def _wait_until_gone(marker: str, seconds: float) -> list[int]:
    deadline = time.monotonic() + seconds
    while (left := _marked(marker)) and time.monotonic() < deadline:
        time.sleep(0.1)
    return left


def _manifest_outputs(out: Path) -> set[str]:
    path = out / MANIFEST_NAME
    if not path.exists():
        return set()
    listed = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            listed.add(json.loads(line)["out"])
        except (ValueError, KeyError):
            continue
    return listed


def _files(out: Path) -> set[str]:
    return {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and p.name != MANIFEST_NAME}


def _broadsheet() -> list[str]:
    return [sys.executable, "-m", "convert"]


def _start(src: Path, out: Path, marker: str, *extra: str) -> subprocess.Popen[str]:
    env = {**os.environ, "BROADSHEET_TEST_MARK": marker}
    # A batch leaves an ignored SIGHUP ignored (nohup); the suite itself may run under nohup, so the
    # batch starts with SIGHUP's default disposition, as from a terminal (inherited across exec).
    hup = getattr(signal, "SIGHUP", None)
    previous = signal.signal(hup, signal.SIG_DFL) if hup is not None else None
    try:
        return subprocess.Popen(
            [*_broadsheet(), "convert", str(src), "-o", str(out), "--to", FORMATS, "-j", "2", "-q", *extra],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
    finally:
        if hup is not None and previous is not None:
            signal.signal(hup, previous)


def _wait_for_progress(proc: subprocess.Popen[str], out: Path, lines: int) -> None:
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and proc.poll() is None:
        if len(_manifest_outputs(out)) >= lines:
            return
        time.sleep(0.05)
    assert proc.poll() is None, f"the run ended before it could be stopped: {proc.communicate()}"
    raise AssertionError("the run made no progress")


@pytest.mark.slow
@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_stops_the_whole_run_and_a_rerun_completes_it(
    how: signal.Signals, tmp_path: Path, kitchen_sink: model.Article
) -> None:
    src, out, report = tmp_path / "in", tmp_path / "out", tmp_path / "report.json"
    names = _make_inputs(src, kitchen_sink)
    marker = uuid.uuid4().hex
    proc = _start(src, out, marker, "--report", str(report))
    _wait_for_progress(proc, out, 4)

    # A second batch on the same folder is refused while this one runs, in one line.
    second = subprocess.run(
        [*_broadsheet(), "convert", str(src), "-o", str(out), "--to", "txt"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert second.returncode == 1
    assert second.stderr.strip().splitlines() == [
        f"error: {out}: another batch is writing to this output folder "
        "(hint: wait until it ends, or give another -o)"
    ]

    assert len(_marked(marker)) >= 3  # the parent and its two workers
    stopped_at = time.monotonic()
    proc.send_signal(how)  # to the parent alone: it must stop its workers itself
    _, errors = proc.communicate(timeout=30)
    assert errors.strip() == f"interrupted (stopped by {how.name})"
    assert proc.returncode == 128 + how
    assert not _wait_until_gone(marker, 5.0), "processes of the run outlived it"
    assert time.monotonic() - stopped_at < 10

    # Nothing on disk that the manifest does not list, and no temporaries.
    files = _files(out)
    assert files and files <= _manifest_outputs(out)
    assert not [f for f in files if f.endswith(".tmp")]
    saved = json.loads(report.read_text(encoding="utf-8"))
    assert saved["interrupted"] is True and saved["exit_code"] == 128 + how
    by_status: dict[str, set[str]] = {}
    for job in saved["jobs"]:
        by_status.setdefault(job["status"], set()).add(job["rel"])
    assert by_status.get("not-started"), "the report lists no input left undone"
    assert set().union(*by_status.values()) == set(names)
    assert saved["counts"]["not_started"] == len(by_status["not-started"])
    for rel in by_status["converted"]:
        stem = rel.rsplit(".", 1)[0]
        assert {f"{stem}.pdf", f"{stem}.txt"} <= files

    if how != signal.SIGTERM:
        return
    rerun = subprocess.run(
        [*_broadsheet(), "convert", str(src), "-o", str(out), "--to", FORMATS, "-j", "2", "-q",
         "--report", str(report)],
        capture_output=True, text=True, timeout=600, check=False,
    )  # fmt: skip
    assert rerun.returncode == 0, rerun.stderr
    counts = json.loads(report.read_text(encoding="utf-8"))["counts"]
    assert counts == {"converted": N_INPUTS - len(by_status["converted"]), "skipped": len(by_status["converted"]),
                      "failed": 0}  # fmt: skip
    assert _files(out) == {f"{n.rsplit('.', 1)[0]}.{ext}" for n in names for ext in ("pdf", "txt")}
    assert _files(out) <= _manifest_outputs(out)


@pytest.mark.slow
def test_sigint_stops_a_batch_started_in_the_background_by_a_script(
    tmp_path: Path, kitchen_sink: model.Article
) -> None:
    """``cmd &`` in a non-interactive shell starts ``cmd`` with SIGINT ignored; the batch still stops on it."""
    src, out = tmp_path / "in", tmp_path / "out"
    _make_inputs(src, kitchen_sink, 24)
    marker = uuid.uuid4().hex
    pidfile = tmp_path / "pid"
    command = " ".join(
        [*_broadsheet(), "convert", str(src), "-o", str(out), "--to", FORMATS, "-j", "2", "-q"]
    )
    script = f'{command} & echo $! > {pidfile}; wait $!; echo "exit $?"'
    shell = subprocess.Popen(
        ["/bin/sh", "-c", script],
        env={**os.environ, "BROADSHEET_TEST_MARK": marker},
        stdout=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline and len(_manifest_outputs(out)) < 2:
        time.sleep(0.05)
    pid = int(pidfile.read_text())
    status = Path(f"/proc/{pid}/status").read_text()
    ignored = int(next(line for line in status.splitlines() if line.startswith("SigIgn:")).split()[1], 16)
    assert ignored & (1 << (signal.SIGINT - 1)) == 0, "SIGINT is still ignored while the batch runs"
    os.kill(pid, signal.SIGINT)
    output, _ = shell.communicate(timeout=30)
    assert output.strip() == "exit 130"
    assert not _wait_until_gone(marker, 5.0)
    assert _files(out) <= _manifest_outputs(out)


@pytest.mark.slow
def test_workers_of_a_killed_parent_exit_and_leave_nothing_unlisted(
    tmp_path: Path, kitchen_sink: model.Article
) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _make_inputs(src, kitchen_sink, 24)
    marker = uuid.uuid4().hex
    proc = _start(src, out, marker)
    _wait_for_progress(proc, out, 2)
    proc.kill()
    proc.communicate(timeout=10)
    assert not _wait_until_gone(marker, 8.0), "workers kept running after their parent was killed"
    files = _files(out)
    assert not [f for f in files if f.endswith(".tmp")]
    assert files <= _manifest_outputs(out)


def test_a_second_batch_on_a_locked_folder_is_refused(tmp_path: Path, kitchen_sink: model.Article) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    _make_inputs(src, kitchen_sink, 2)
    out.mkdir()
    fd = os.open(out, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)  # as a running batch holds it
        result = CliRunner().invoke(cli, ["convert", str(src), "-o", str(out), "--to", "txt"])
    finally:
        os.close(fd)
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"error: {out}: another batch is writing to this output folder "
        "(hint: wait until it ends, or give another -o)"
    ]
    assert list(out.iterdir()) == []
    again = CliRunner().invoke(cli, ["convert", str(src), "-o", str(out), "--to", "txt", "-q"])
    assert again.exit_code == 0, again.output
    assert _files(out) == {"a00.txt", "a01.txt"}


#: A user's script with top-level side effects and no ``if __name__ == "__main__"`` guard.
UNGUARDED = """
import sys
from pathlib import Path

import convert

with open(sys.argv[1], "a", encoding="utf-8") as counter:
    counter.write("ran\\n")
report = convert.convert_batch(sys.argv[2], sys.argv[3], to=["txt"], jobs=2)
print(report.converted, report.failed, report.exit_code)
"""


@pytest.mark.parametrize("how", ["script", "stdin"])
def test_convert_batch_needs_no_main_guard(how: str, tmp_path: Path, kitchen_sink: model.Article) -> None:
    """Workers never run the caller's top-level code again: from a script, or code read from stdin (a REPL)."""
    src, out, counter = tmp_path / "in", tmp_path / "out", tmp_path / "count"
    _make_inputs(src, kitchen_sink, 4)
    script = tmp_path / "example.py"
    script.write_text(UNGUARDED, encoding="utf-8")
    args = [str(counter), str(src), str(out)]
    if how == "script":
        r = subprocess.run([sys.executable, str(script), *args], capture_output=True, text=True, timeout=300)
    else:
        r = subprocess.run(
            [sys.executable, "-", *args], input=UNGUARDED, capture_output=True, text=True, timeout=300
        )
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["4", "0", "0"]
    assert counter.read_text(encoding="utf-8") == "ran\n"
    assert _files(out) == {"a00.txt", "a01.txt", "a02.txt", "a03.txt"}
