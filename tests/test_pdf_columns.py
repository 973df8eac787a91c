"""The carried column-layout speed-up: the same PDF bytes as WeasyPrint's own layout, with less work."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import pytest
import weasyprint
from test_exporter_pdf import sample_like

import convert
from convert.base import ExportOptions
from convert.exporters import _weasyprint_columns as columns
from convert.exporters.pdf import render_pdf
from convert.model import Article, Heading, Metadata, Note, NoteRef, Paragraph, Table, Text
from convert.theme import Theme, load_theme

pytestmark = pytest.mark.skipif(
    weasyprint.__version__ != columns.SUPPORTED_VERSION,
    reason=f"the speed-up is written for WeasyPrint {columns.SUPPORTED_VERSION}",
)


@contextmanager
def without(patch: Any) -> Iterator[None]:
    """WeasyPrint's own code for the block: one carried patch module taken out, then put back."""
    patch.uninstall()
    try:
        yield
    finally:
        patch.install()


def stock_layout() -> AbstractContextManager[None]:
    return without(columns)


def corpus_documents(corpus: Path, pages: int) -> list[Path]:
    """Eight BBC stories and ``pages`` Readability pages spread over the corpus (both halves)."""
    bbc = sorted((corpus / "bbc-news" / "bbc").glob("*/*.txt"))
    html = sorted((corpus / "readability" / "test" / "test-pages").glob("*/source.html"))
    chosen = bbc[:: max(1, len(bbc) // 8)][:8] + html[:: max(1, len(html) // pages)][:pages]
    assert chosen
    return chosen


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


def case_article(case: str, sample_path: Path, kitchen_sink: Article) -> Article:
    """The articles the carried patches' byte-identity tests render, by name."""
    return {
        "sample": lambda: sample_like(sample_path),
        "short": short_article,
        "footnote": lambda: sample_like(sample_path, footnote=True),
        "short-footnote": lambda: short_article(footnote=True),
        "kitchen": lambda: kitchen_sink,
        "read-sample": lambda: convert.read(sample_path),
    }[case]()


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme("default")


@pytest.mark.parametrize("case", ["sample", "short", "footnote", "short-footnote", "kitchen"])
def test_same_bytes_as_weasyprint_alone(
    case: str, theme: Theme, sample_path: Path, kitchen_sink: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    article = case_article(case, sample_path, kitchen_sink)
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


def test_the_real_sample_lays_out_no_column_twice(theme: Theme, sample_path: Path) -> None:
    """First page: the trials lay out as if the page were empty, the final run knows the masthead
    is above; last page: balancing trials say "not empty", the final run says "empty". Neither
    difference can change the sample's columns, so every final run takes its trial's columns."""
    data, kept, again = render(convert.read(sample_path), theme)
    assert (kept, again) == (6, 0)  # three pages of two columns
    with stock_layout():
        assert render_pdf(convert.read(sample_path), theme, ExportOptions()).data == data


def test_a_column_opening_with_a_table_is_laid_out_again(theme: Theme, sample_path: Path) -> None:
    """Table layout reads "page is empty" its own ways: a first-page column opening with one is not
    taken from a trial laid out as if the page were empty."""
    cells = tuple((Text(c),) for c in ("Rule", "From"))
    table = Table(head=(cells,), rows=(((Text("Permits"),), (Text("April"),)),))
    article = sample_like(sample_path)
    article = Article(meta=article.meta, body=(table, *article.body), notes=article.notes)
    data, kept, again = render(article, theme)
    assert again >= 1 and kept >= 1
    with stock_layout():
        assert render_pdf(article, theme, ExportOptions()).data == data


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


@pytest.mark.slow
def test_same_bytes_on_corpus_documents(corpus: Path, theme: Theme, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both halves: four BBC stories and two readability pages each (keys split as bench/pdf_cost.py
    splits them); bench/pdf_columns_bytes.py runs the same check on more."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    for path in corpus_documents(corpus, 4):
        article = convert.read(path)
        if not article.body:
            continue
        data = render_pdf(article, theme, ExportOptions()).data
        with stock_layout():
            assert render_pdf(article, theme, ExportOptions()).data == data, path
