"""DAISY Ace, the EPUB accessibility checker, for the tests: where it is and how to run it.

``scripts/install-ace.sh`` installs it into ``.tools/ace`` (the nox ``tests`` session runs it);
Debian's chromium runs its checks. Without either, the tests that need Ace fail in CI and skip
elsewhere.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

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


def run_ace(ace: Path, book: bytes, folder: Path) -> list[tuple[str, str, str, str]]:
    """Ace's violations on ``book``: ``(document, rule, impact, html)`` each."""
    folder.mkdir(parents=True, exist_ok=True)
    path, report = folder / "book.epub", folder / "report"
    path.write_bytes(book)
    env = dict(os.environ, PUPPETEER_EXECUTABLE_PATH=CHROMIUM, PUPPETEER_SKIP_DOWNLOAD="1", **ACE_ENV)
    done = subprocess.run(
        [str(ace), "--silent", "--force", "--outdir", str(report), str(path)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, f"ace failed: {done.stderr or done.stdout}"
    data = json.loads((report / "report.json").read_text(encoding="utf-8"))
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
