"""DAISY Ace, the EPUB accessibility checker, for the tests: where it is and how to run it.

``scripts/install-ace.sh`` installs it into ``.tools/ace`` (the nox ``tests`` session runs it);
Debian's chromium runs its checks. Without either, the tests that need Ace fail in CI and skip
elsewhere.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import signal
import subprocess
from collections.abc import Mapping, Sequence
from pathlib import Path

import psutil
import pytest

ROOT = Path(__file__).resolve().parent.parent
ACE = ROOT / ".tools" / "ace" / "node_modules" / ".bin" / "ace-puppeteer"
CHROMIUM = os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Ace gives the browser 5 s to start by default: too little on a busy machine.
ACE_ENV = {"ACE_TIMEOUT_INITIAL": os.environ.get("ACE_TIMEOUT_INITIAL", "60000")}


def ace_path() -> Path:
    """Ace's command; the calling test fails in CI and skips elsewhere when it (or chromium) is missing."""
    if ACE.exists() and Path(CHROMIUM).exists():
        return ACE
    missing = "DAISY Ace" if not ACE.exists() else f"Chromium ({CHROMIUM})"
    how = "run scripts/install-ace.sh (Node.js 20+) and scripts/system-deps.sh (chromium)"
    if os.environ.get("CI"):
        pytest.fail(f"{missing} is not installed: CI must run the accessibility checker; {how}")
    pytest.skip(f"{missing} is not installed; {how}")


#: Ace's own command line checks one EPUB a run, in a new Node.js process that starts a new Chromium.
#: This runner (Ace's API, the same ``@daisy/ace-core`` check with the same Puppeteer runner) checks
#: several in one process and one browser, each into its own report folder.
_RUNNER = """
const ace = require('@daisy/ace-core');
const logger = require('@daisy/ace-logger');
const puppeteerRunner = require('@daisy/ace-axe-runner-puppeteer');

let launched = false;
const runner = {
    ...puppeteerRunner,
    launch: async () => { if (!launched) { await puppeteerRunner.launch(); launched = true; } },
    close: async () => {},  // each book's check closes the browser; it is closed once, at the end
};

(async () => {
    logger.initLogger({ verbose: false, silent: true });
    const args = process.argv.slice(2);
    let failed = 0;
    for (let i = 0; i + 1 < args.length; i += 2) {
        try {
            await ace(args[i], { cwd: process.cwd(), outdir: args[i + 1], silent: true, jobId: '' }, runner);
        } catch (err) {
            console.error(`${args[i]}: ${err && err.message ? err.message : err}`);
            failed = 1;
        }
    }
    if (launched) await puppeteerRunner.close();
    process.exit(failed);
})();
"""


def run_ace(ace: Path, book: bytes, folder: Path) -> list[tuple[str, str, str, str]]:
    """Ace's violations on ``book``: ``(document, rule, impact, html)`` each."""
    return run_ace_many(ace, {"book": book}, folder)["book"]


def run_ace_many(
    ace: Path, books: dict[str, bytes], folder: Path
) -> dict[str, list[tuple[str, str, str, str]]]:
    """Ace's violations on each of ``books`` (``name: bytes``), checked in one Node.js process."""
    folder.mkdir(parents=True, exist_ok=True)
    args, reports = [], {}
    for name, book in books.items():
        path, reports[name] = folder / f"{name}.epub", folder / f"{name}-report"
        path.write_bytes(book)
        args += [str(path), str(reports[name])]
    script = folder / "run-ace.js"
    script.write_text(_RUNNER, encoding="utf-8")
    node = shutil.which("node") or "node"
    env = dict(
        os.environ,
        NODE_PATH=str(ace.parent.parent),  # .tools/ace/node_modules
        PUPPETEER_EXECUTABLE_PATH=CHROMIUM,
        PUPPETEER_SKIP_DOWNLOAD="1",
        **ACE_ENV,
    )
    done = run_batch([node, str(script), *args], env, timeout=120 + 120 * len(books))
    assert done.returncode == 0, f"ace failed: {done.stderr or done.stdout}"
    return {name: _violations(report / "report.json") for name, report in reports.items()}


def run_batch(cmd: Sequence[str], env: Mapping[str, str], timeout: float) -> subprocess.CompletedProcess[str]:
    """``cmd``'s exit code and output, as :func:`subprocess.run` gives them, in a session of its own.

    On a timeout (or an interrupt) every process it started is killed and reaped before
    :class:`subprocess.TimeoutExpired` is raised: :func:`subprocess.run` would kill Node.js alone
    and leave its Chromium running. Puppeteer starts the browser ``detached``, in a session of its
    own, so the process groups of all of Node's descendants are killed, not only Node's.
    """
    with subprocess.Popen(
        list(cmd),
        env=dict(env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    ) as proc:
        try:
            out, err = proc.communicate(timeout=timeout)
        except BaseException as exc:
            _kill_tree(proc.pid)
            try:
                out, err = proc.communicate(timeout=10)  # reaps Node; its pipes close once all are gone
            except subprocess.TimeoutExpired:  # a descendant holds the pipes still: say so, do not hang
                proc.wait()
                out, err = "", "a process Ace started was still holding its output"
            if isinstance(exc, subprocess.TimeoutExpired):
                raise subprocess.TimeoutExpired(proc.args, timeout, out, err) from None
            raise
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def _kill_tree(pid: int) -> None:
    """SIGKILL to ``pid`` (a session leader), its descendants and the process groups they lead."""
    try:
        leader = psutil.Process(pid)
        procs = [leader, *leader.children(recursive=True)]
    except psutil.NoSuchProcess:
        return
    groups = {pid}
    for p in procs:
        with contextlib.suppress(ProcessLookupError):
            groups.add(os.getpgid(p.pid))
    groups.discard(os.getpgrp())  # never the test session's own group
    for group in groups:  # a whole group: also what a descendant started after the list was taken
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(group, signal.SIGKILL)
    for p in procs:
        with contextlib.suppress(psutil.NoSuchProcess):
            p.kill()


def _violations(path: Path) -> list[tuple[str, str, str, str]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    found = []
    for subject in data["assertions"]:
        for test in subject["assertions"]:
            if test["earl:result"]["earl:outcome"] == "fail":
                found.append(
                    (
                        subject["earl:testSubject"]["url"],
                        test["earl:test"]["dct:title"],
                        test["earl:test"]["earl:impact"],
                        test["earl:result"].get("html", "")[:200],
                    )
                )
    return found
