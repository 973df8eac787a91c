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


def _quick_start() -> list[str]:
    """The README's two quick-start commands."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = [block.split("```", 1)[0].strip() for block in section.split("```sh\n")[1:]]
    assert len(blocks) == 2 and all("\n" not in b for b in blocks), "the quick start is two one-line commands"
    return blocks


def test_the_quick_start_never_installs_into_the_system_python() -> None:
    for command in _quick_start():
        assert command.startswith(
            "sh scripts/system-deps.sh && python3 -m venv .venv && .venv/bin/pip install -U pip"
        )
        steps = command.split(" && ")
        # After the venv exists, every step runs from it (PEP 668: the system pip refuses to install).
        assert all(step.startswith(".venv/bin/") for step in steps[2:]), steps
    convert, tests = _quick_start()
    assert "broadsheet convert samples/ashgabat-oped.txt --to pdf,epub,docx,txt -o out/" in convert
    assert tests.endswith("nox -s tests")


def test_ci_runs_the_readme_test_command() -> None:
    lines = [
        line
        for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith(("#", "set ", "cd "))
    ]
    assert lines == [_quick_start()[1]]


def _fake_tools(folder: Path, *extra: str) -> Path:
    """A PATH where nothing is installed (``dpkg -s`` fails), we are root, and ``apt-get`` records its arguments."""
    folder.mkdir()
    record = folder / "apt-get.args"
    scripts = {
        "dpkg": "#!/bin/sh\nexit 1\n",
        "id": "#!/bin/sh\necho 0\n",
        "apt-get": f'#!/bin/sh\necho "$@" >> {record}\nexit 0\n',
        **{name: "#!/bin/sh\nexit 0\n" for name in extra},
    }
    for name, text in scripts.items():
        (folder / name).write_text(text, encoding="utf-8")
        (folder / name).chmod(0o755)
    return record


#: The programs the test suite runs, and the Debian package each comes from.
TEST_TOOLS = {"chromium": "chromium", "pdftotext": "poppler-utils", "fc-list": "fontconfig"}


def test_it_installs_what_the_tests_run(tmp_path: Path) -> None:
    record = _fake_tools(tmp_path / "bin")
    r = subprocess.run(
        ["/bin/sh", str(SCRIPT)],
        env={"PATH": str(tmp_path / "bin")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    installed = record.read_text(encoding="utf-8").split()
    assert installed[:3] == ["install", "-y", "-qq"]
    assert {*TEST_TOOLS.values(), "default-jdk-headless", "fonts-noto-core", "fonts-liberation2"} <= set(
        installed
    )


def test_a_jdk_already_on_the_path_is_kept(tmp_path: Path) -> None:
    """Java for epubcheck comes from any JDK: Debian's is installed only when there is no javac."""
    record = _fake_tools(tmp_path / "bin", "javac")
    subprocess.run(
        ["/bin/sh", str(SCRIPT)], env={"PATH": str(tmp_path / "bin")}, capture_output=True, check=True
    )
    installed = record.read_text(encoding="utf-8").split()
    assert "poppler-utils" in installed and "default-jdk-headless" not in installed
