"""The README's Python example runs as written."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_readme_python_api_example_runs(tmp_path: Path) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## Python API\n\n```python\n(.*?)```", readme, re.S)
    assert block, "README has no Python API example"
    code = block.group(1).replace('"out/', f'"{tmp_path}/out/')
    script = tmp_path / "example.py"
    script.write_text(code, encoding="utf-8")
    r = subprocess.run([sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0] == "Putin and Pezeshkian’s meeting in Ashgabat Vladimir Sazhin 2024-10-14T22:37:00"
    assert lines[-1] == "1 0 0 0"
    out = tmp_path / "out"
    assert {p.name for p in out.iterdir()} >= {
        "op-ed.epub",
        "ashgabat-oped.docx",
        "ashgabat-oped.txt",
        "batch",
    }
    assert (out / "batch" / "ashgabat-oped.brief.txt").is_file()

    # As the README's comment says: a second run finds the batch up to date and skips it.
    again = subprocess.run(
        [sys.executable, str(script)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert again.returncode == 0, again.stderr
    second = again.stdout.splitlines()
    assert second[0] == lines[0]
    assert second[-1] == "0 1 0 0"
