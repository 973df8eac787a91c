"""``bench/pdf_instructions.py``: instruction counts per warm render, read from cachegrind."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "bench" / "pdf_instructions.py"
_spec = importlib.util.spec_from_file_location("bench_pdf_instructions", SCRIPT)
assert _spec is not None and _spec.loader is not None
bench = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench)

SUMMARY = """==123== Cachegrind, a high-precision tracing profiler
==123== Command: python bench/pdf_instructions.py --child theme
==123==
==123== I   refs:      6,027,052,912
"""


def test_the_total_is_read_from_cachegrinds_summary() -> None:
    assert bench.instructions(SUMMARY) == 6_027_052_912
    with pytest.raises(ValueError, match="I refs"):
        bench.instructions("==1== Command: python\n")


@pytest.mark.slow
@pytest.mark.parametrize("row", ["floor", "theme", "stock", "tagging", "hyphenation"])
def test_each_row_renders_in_its_child_process(row: str) -> None:
    """The child side, without valgrind: one warm-up and one counted render of the sample."""
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--child", row, "--renders", "1"], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr


def test_an_unknown_row_is_one_line() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--child", "nonesuch", "--renders", "0"], capture_output=True, text=True
    )
    assert done.returncode == 1
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "unknown row 'nonesuch'" in lines[0]


def test_rows_and_the_document_are_checked_before_any_measuring() -> None:
    for args, message in [
        (["--rows", "theme,nonesuch"], "unknown row 'nonesuch'"),
        (["--doc", "/nonexistent/a.txt"], "no such file"),
    ]:
        done = subprocess.run(
            [sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=60
        )
        assert done.returncode == 2 and message in done.stderr.strip().splitlines()[-1], done.stderr
