"""The README's quick start on a Python that is "externally managed" (PEP 668), as on stock Debian 12
and Ubuntu 24.04, where ``python3 -m pip install`` is refused.

No clean Debian container is at hand, so the test makes such a Python: a copy of the running
interpreter's executable in a folder of its own, whose standard library folder holds links to the
real one plus an ``EXTERNALLY-MANAGED`` marker (a venv cannot stand in: pip never applies the marker
inside one). That copy is ``python3`` on PATH while the README's first command runs, end to end, in a
copy of the repository. Package downloads come from the configured registries or a local wheel cache.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _externally_managed_python(prefix: Path) -> Path:
    """``prefix/bin/python3``: this interpreter, with its own stdlib folder carrying the marker."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    base = Path(sys.base_prefix)
    binary, stdlib = base / "bin" / version, base / "lib" / version
    if not sys.platform.startswith("linux") or not binary.is_file() or not (stdlib / "os.py").is_file():
        pytest.skip("needs a Linux Python laid out as PREFIX/bin and PREFIX/lib")
    (prefix / "bin").mkdir(parents=True)
    (prefix / "lib" / version).mkdir(parents=True)
    shutil.copy2(binary, prefix / "bin" / version)
    (prefix / "bin" / "python3").symlink_to(version)
    for entry in stdlib.iterdir():
        if entry.name != "EXTERNALLY-MANAGED":
            (prefix / "lib" / version / entry.name).symlink_to(entry)
    (prefix / "lib" / version / "EXTERNALLY-MANAGED").write_text(
        "[externally-managed]\nError=This Python is managed by the system (a test stand-in for Debian's).\n",
        encoding="utf-8",
    )
    python = prefix / "bin" / "python3"
    probe = subprocess.run(
        [str(python), "-c", "import sys, sysconfig; print(sys.prefix, sysconfig.get_path('stdlib'))"],
        capture_output=True,
        text=True,
        check=False,
    )
    if probe.returncode != 0 or probe.stdout.split() != [str(prefix), str(prefix / "lib" / version)]:
        pytest.skip(f"this interpreter cannot be relocated: {probe.stdout or probe.stderr}")
    return python


def _copy_repository(dest: Path) -> None:
    listed = subprocess.run(
        ["git", "ls-files", "-co", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    if listed.returncode != 0:
        pytest.skip("needs a git checkout to copy")
    for name in listed.stdout.splitlines():
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)


def _readme_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return [block.split("```", 1)[0].strip() for block in section.split("```sh\n")[1:]]


@pytest.mark.slow
def test_the_quick_start_works_on_an_externally_managed_python(tmp_path: Path) -> None:
    python = _externally_managed_python(tmp_path / "system")
    env = {**os.environ, "PATH": f"{python.parent}{os.pathsep}{os.environ['PATH']}"}
    env.pop("VIRTUAL_ENV", None)
    env.pop("PYTHONPATH", None)

    refused = subprocess.run(
        ["python3", "-m", "pip", "install", "--dry-run", "--no-index", "broadsheet"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if "No module named pip" in refused.stderr:
        pytest.skip("the interpreter has no pip of its own")
    assert refused.returncode != 0 and "externally-managed-environment" in refused.stderr, refused.stderr

    repo = tmp_path / "repo"
    _copy_repository(repo)
    first, _tests = _readme_commands()
    run = subprocess.run(
        ["/bin/sh", "-c", first], cwd=repo, env=env, capture_output=True, text=True, timeout=1800, check=False
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-4000:]
    out = repo / "out"
    assert sorted(p.name for p in out.iterdir()) == [
        "ashgabat-oped.docx",
        "ashgabat-oped.epub",
        "ashgabat-oped.pdf",
        "ashgabat-oped.txt",
    ]
    assert (out / "ashgabat-oped.pdf").read_bytes().startswith(b"%PDF-")
    assert "Ashgabat" in (out / "ashgabat-oped.txt").read_text(encoding="utf-8")
    # The venv was made from the externally managed Python, not from another one on PATH.
    cfg = (repo / ".venv" / "pyvenv.cfg").read_text(encoding="utf-8")
    assert f"home = {python.parent}" in cfg
