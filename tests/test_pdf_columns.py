"""The carried column-layout speed-up: the same PDF bytes as WeasyPrint's own layout, with less work."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import weasyprint
from test_exporter_pdf import sample_like

from convert.base import ExportOptions
from convert.exporters import _weasyprint_columns as columns
from convert.exporters.pdf import render_pdf
from convert.model import Article, Heading, Metadata, Note, NoteRef, Paragraph, Text
from convert.theme import Theme, load_theme

pytestmark = pytest.mark.skipif(
    weasyprint.__version__ != columns.SUPPORTED_VERSION,
    reason=f"the speed-up is written for WeasyPrint {columns.SUPPORTED_VERSION}",
)


@contextmanager
def stock_layout() -> Iterator[None]:
    columns.uninstall()
    try:
        yield
    finally:
        columns.install()


def render(article: Article, theme: Theme) -> tuple[bytes, int, int]:
    """The PDF, and how many final column layouts were kept from a trial or laid out again."""
    kept, again = columns.counts["kept"], columns.counts["again"]
    data = render_pdf(article, theme, ExportOptions()).data
    return data, columns.counts["kept"] - kept, columns.counts["again"] - again


def short_article(*, footnote: bool = False) -> Article:
    """One page: WeasyPrint balances the two columns by trial and error."""
    words = "The ministry said the new rules would take effect next spring after a review. "
    body = [Heading(2, (Text("What changes"),))] + [Paragraph((Text(words * (3 + i % 4)),)) for i in range(9)]
    notes: tuple[Note, ...] = ()
    if footnote:
        body[2] = Paragraph((Text(words), NoteRef("n1")))
        notes = (Note("n1", "footnote", (Paragraph((Text("The review ends in March."),)),)),)
    return Article(meta=Metadata(title="A short report", language="en"), body=tuple(body), notes=notes)


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme("default")


def test_installed_with_the_pdf_exporter() -> None:
    assert columns.installed()


def test_another_weasyprint_is_left_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    columns.uninstall()
    try:
        monkeypatch.setattr(weasyprint, "__version__", "999.0")
        assert columns.install() is False
        assert not columns.installed()
    finally:
        monkeypatch.undo()
        columns.install()
    assert columns.installed()


@pytest.mark.parametrize("case", ["sample", "short", "footnote", "short-footnote", "kitchen"])
def test_same_bytes_as_weasyprint_alone(
    case: str, theme: Theme, sample_path: Path, kitchen_sink: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    article = {
        "sample": lambda: sample_like(sample_path),
        "short": short_article,
        "footnote": lambda: sample_like(sample_path, footnote=True),
        "short-footnote": lambda: short_article(footnote=True),
        "kitchen": lambda: kitchen_sink,
    }[case]()
    data, kept, again = render(article, theme)
    with stock_layout():
        stock = render_pdf(article, theme, ExportOptions()).data
    assert data == stock
    assert kept + again > 0  # the article is set in columns: the patch saw every final layout


def test_a_column_is_laid_out_once_less_where_nothing_registers_itself(
    theme: Theme, sample_path: Path
) -> None:
    _, kept, _ = render(short_article(), theme)
    assert kept == 2  # both columns of the one balanced page
    _, kept, _ = render(sample_like(sample_path), theme)
    assert kept >= 2


def test_trial_runs_share_their_line_breaks(theme: Theme) -> None:
    before = columns.counts["line kept"]
    render(short_article(), theme)
    assert columns.counts["line kept"] > before


def test_a_column_holding_a_footnote_is_laid_out_again(theme: Theme) -> None:
    """Trials take their footnotes back out of the page, so WeasyPrint's final run must put them in."""
    assert render(short_article(), theme)[1:] == (2, 0)
    assert render(short_article(footnote=True), theme)[1:] == (1, 1)


@pytest.mark.slow
def test_cost_benchmark_prints_each_row_against_the_floor() -> None:
    root = Path(__file__).resolve().parent.parent
    run = subprocess.run(
        [sys.executable, str(root / "bench" / "pdf_cost.py"), "--only", "sample", "--repeat", "1",
         "--variants", "columns,tagging"],
        capture_output=True, text=True, timeout=600, check=True,
    )  # fmt: skip
    rows = {line.split()[0]: line.split() for line in run.stdout.splitlines() if line.startswith("  ")}
    assert set(rows) >= {"floor", "theme", "stock-columns", "−columns", "−tagging"}
    assert rows["floor"][2] == rows["floor"][4] == "1.00"  # ratios against itself, on both clocks
    assert all(float(rows[r][1]) > 0 for r in ("theme", "−columns", "−tagging"))
