"""``bench/title_evidence.py``: a page's title is counted under the evidence that gave it."""

from __future__ import annotations

import importlib.util
import logging
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_title_evidence", ROOT / "bench" / "title_evidence.py")
assert _spec is not None and _spec.loader is not None
evidence = importlib.util.module_from_spec(_spec)
sys.modules["bench_title_evidence"] = evidence
_spec.loader.exec_module(evidence)

ARTICLE = "<p>" + "The council met on Tuesday and agreed the budget for the coming year. " * 4 + "</p>"


@pytest.mark.parametrize(
    ("head", "heading", "expected_title", "label", "near"),
    [
        (
            "<title>Budget agreed | Harbour Gazette</title>",
            "<h1>Budget agreed</h1>",
            "Budget agreed",
            "an <h1> (or trafilatura's heading) a declared title holds",
            True,
        ),
        (
            "<title>Budget agreed</title>",
            "",
            "Budget agreed",
            "<title> alone, whole or with the site's name cut",
            True,
        ),
        (
            '<meta property="og:title" content="Council budget"><title>Other</title>',
            "",
            "Harbour closed",
            "og:title, whole, cut or as the heading writes it",
            False,
        ),
    ],
)
def test_a_title_is_counted_under_its_evidence(
    tmp_path: Path, head: str, heading: str, expected_title: str, label: str, near: bool
) -> None:
    path = tmp_path / "page.html"
    path.write_text(f"<html><head>{head}</head><body><article>{heading}{ARTICLE}</article></body></html>")
    page = evidence.accuracy.Page("trafilatura", path, title=expected_title)
    try:
        assert evidence._one(page) == (page.half, label, near)
    finally:
        logging.disable(logging.NOTSET)
