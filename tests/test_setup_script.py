"""scripts/system-deps.sh: the quick start's first step must never stop the set-up."""

from __future__ import annotations

import ast
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


def _fake_tools(folder: Path, *extra: str, apt_refuses: str = "") -> Path:
    """A PATH where nothing is installed (``dpkg -s`` fails), we are root, and ``apt-get`` records its arguments.

    ``apt_refuses``: a package ``apt-get`` fails on, as it does on a name it does not know; then the
    whole command fails, the other packages in it uninstalled.
    """
    folder.mkdir()
    record = folder / "apt-get.args"
    refuse = f'case " $* " in *" {apt_refuses} "*) exit 100;; esac\n' if apt_refuses else ""
    scripts = {
        "dpkg": "#!/bin/sh\nexit 1\n",
        "id": "#!/bin/sh\necho 0\n",
        "apt-get": f'#!/bin/sh\necho "$@" >> {record}\n{refuse}exit 0\n',
        **{name: "#!/bin/sh\nexit 0\n" for name in extra},
    }
    for name, text in scripts.items():
        (folder / name).write_text(text, encoding="utf-8")
        (folder / name).chmod(0o755)
    return record


#: The programs the test suite runs, and the Debian package each comes from.
TEST_TOOLS = {"chromium": "chromium", "pdftotext": "poppler-utils", "fc-list": "fontconfig"}


def _run_script(path: Path) -> subprocess.CompletedProcess[str]:
    """system-deps.sh with only ``path`` on PATH (the fake dpkg, apt-get and id)."""
    return subprocess.run(
        ["/bin/sh", str(SCRIPT)], env={"PATH": str(path)}, capture_output=True, text=True, check=False
    )


def test_it_installs_what_the_tests_run(tmp_path: Path) -> None:
    record = _fake_tools(tmp_path / "bin")
    r = _run_script(tmp_path / "bin")
    assert r.returncode == 0, r.stderr
    installed = record.read_text(encoding="utf-8").split()
    assert installed[:3] == ["install", "-y", "-qq"]
    assert {*TEST_TOOLS.values(), "default-jdk-headless", "fonts-noto-core", "fonts-liberation2"} <= set(
        installed
    )
    # No python3 on this PATH, as in a minimal image: python3-venv brings it, venv included.
    assert "python3-venv" in installed


def test_a_package_apt_cannot_install_costs_only_itself(tmp_path: Path) -> None:
    """Ubuntu's chromium is a snap a container cannot install: the PDF's Pango and fonts still come."""
    record = _fake_tools(tmp_path / "bin", apt_refuses="chromium")
    r = _run_script(tmp_path / "bin")
    assert r.returncode == 0, r.stderr
    calls = [line.split() for line in record.read_text(encoding="utf-8").splitlines()]
    succeeded = {pkg for call in calls if call[0] == "install" and "chromium" not in call for pkg in call[3:]}
    assert {"libpango-1.0-0", "libpangoft2-1.0-0", "fonts-noto-core", "poppler-utils"} <= succeeded
    assert "system-deps: could not install chromium (" in r.stdout
    assert "libpango-1.0-0" in r.stdout.split("system-deps: installed", 1)[1].splitlines()[0]


def test_the_test_session_installs_ace_in_its_install_step() -> None:
    """`nox -s tests --install-only` prepares everything the suite uses: nox skips ``session.run`` there
    (and runs ``session.run_install``), so a scripts/install-*.sh run by ``session.run`` would be left out."""
    tree = ast.parse((ROOT / "noxfile.py").read_text(encoding="utf-8"))
    installers = [
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and any(
            isinstance(a, ast.Constant) and str(a.value).startswith("scripts/install-") for a in node.args
        )
    ]
    assert installers == ["run_install"], installers


def test_a_jdk_already_on_the_path_is_kept(tmp_path: Path) -> None:
    """Java for epubcheck comes from any JDK: Debian's is installed only when there is no javac."""
    record = _fake_tools(tmp_path / "bin", "javac")
    subprocess.run(
        ["/bin/sh", str(SCRIPT)], env={"PATH": str(tmp_path / "bin")}, capture_output=True, check=True
    )
    installed = record.read_text(encoding="utf-8").split()
    assert "poppler-utils" in installed and "default-jdk-headless" not in installed
