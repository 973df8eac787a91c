"""scripts/system-deps.sh: the quick start's first step must never stop the set-up."""

from __future__ import annotations

import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "system-deps.sh"


def test_script_is_valid_shell() -> None:
    subprocess.run(["/bin/sh", "-n", str(SCRIPT)], check=True)


def test_without_apt_it_says_what_to_install_and_succeeds(tmp_path: Path) -> None:
    r = subprocess.run(
        ["/bin/sh", str(SCRIPT)], env={"PATH": str(tmp_path)}, capture_output=True, text=True, check=False
    )
    assert r.returncode == 0
    assert "no apt here" in r.stdout


def test_the_quick_start_runs_it_first() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    first = readme.split("```sh\n", 1)[1].split("\n", 1)[0]
    assert first.startswith("sh scripts/system-deps.sh && ")
