"""``bench/accuracy.py --rules``: each title and author rule switched off in turn, on one read page."""

from __future__ import annotations

import importlib.util
import logging
import sys
import warnings
from pathlib import Path

from convert.readers.html import weigh_authors, weigh_title

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("bench_accuracy", ROOT / "bench" / "accuracy.py")
assert _spec is not None and _spec.loader is not None
accuracy = importlib.util.module_from_spec(_spec)
sys.modules["bench_accuracy"] = accuracy  # its dataclasses look their module up by name
_spec.loader.exec_module(accuracy)

ARTICLE = "<p>" + "The council met on Tuesday and agreed the budget for the coming year. " * 4 + "</p>"


def test_each_rule_off_is_weighed_from_the_same_read(tmp_path: Path) -> None:
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Budget agreed | Harbour Gazette</title></head><body>"
        '<h1><a href="/">Harbour Gazette</a></h1><article><h1>Budget agreed</h1>'
        f"<p>By Giovanni Gaggero | 12/10/2020</p>{ARTICLE}</article></body></html>",
        encoding="utf-8",
    )
    try:
        with warnings.catch_warnings():  # the bench silences warnings and logging for its run
            got = accuracy.run_rules(page)
    finally:
        logging.disable(logging.NOTSET)
    assert got["all"] == got["again"] == {"title": "Budget agreed", "authors": ["Giovanni Gaggero"]}
    assert set(got) == {
        "all",
        "again",
        *(f"-{r}" for r in (*weigh_title.TITLE_RULES, *weigh_authors.AUTHOR_RULES)),
    }
    assert got["-by-line"]["authors"] == []
    assert got["-signed-guesses"] == got["all"]  # a rule that does not apply changes nothing
    assert all(weigh_authors.AUTHOR_RULES.values())  # every switch is back on


def test_snippets_compare_without_quotation_marks_or_the_space_french_puts_before_them() -> None:
    # Broadsheet keeps « … » as a Quote node, printed without its marks: "effet »." reads "effet.".
    ours = accuracy.snippet_form("Elles s’y sont préparées en se restructurant à cet effet.")
    theirs = accuracy.snippet_form("Elles s’y sont préparées en se restructurant à cet effet ».")
    assert accuracy.in_text("restructurant à cet effet ».", ours)
    assert accuracy.in_text("restructurant à cet effet ».", theirs)
    assert accuracy.snippet_form("Prix : 5 €, dit-il !") == "Prix: 5 €, dit-il!"
    assert not accuracy.in_text("à cet effet.", accuracy.snippet_form("à cet effort."))


def test_the_gap_between_halves_is_read_against_its_sampling_error() -> None:
    """A half of 100 pages, half of them right, varies by about 5 points from sampling alone
    (sqrt(0.25 / 100)); a half of 400 by about 2.5; names and snippets resample by page."""
    small, large = accuracy.Score(), accuracy.Score()
    small.title = [True, False] * 50
    large.title = [True, False] * 200
    small.author_counts = [(1, 1, 2), (0, 1, 1)] * 50  # P 0.5, R 0.33
    assert 4.0 < small.spread("title %") < 6.0
    assert 2.0 < large.spread("title %") < 3.0
    assert 3.0 < small.spread("author P") < 7.0
    assert small.spread("date %") is None  # no page has a date
    both = accuracy.gap_spreads({"tuning": small, "validation": large})
    assert 4.5 < both["title %"] < 6.5  # sqrt(5² + 2.5²) ≈ 5.6
    assert "date %" not in both
    same = accuracy.Score()
    same.title = [True] * 30
    assert same.spread("title %") == 0.0  # every resample is all right


def test_a_near_title_keeps_a_site_name_and_another_heading_is_not_near() -> None:
    expected = "Saftiger Zitronenkuchen vom Blech"
    assert accuracy.near_title("Saftiger Zitronenkuchen vom Blech | Backen", expected)
    assert accuracy.near_title("“Saftiger Zitronenkuchen vom Blech”", expected)
    assert not accuracy.near_title("Backen macht glücklich", expected)
    assert not accuracy.near_title(None, expected)
    score = accuracy.Score()
    score.add(accuracy.Page("x", Path("x"), title=expected), {"title": f"{expected} | Backen"})
    assert score.title == [False] and score.title_near == [True]
    assert score.row()["title ≈ %"].startswith("100.0")


def test_the_dump_says_which_snippets_each_system_missed_and_kept() -> None:
    """``--dump`` lists a page's body misses per system, so pages where Broadsheet does worse than
    trafilatura alone can be found; a ScrapingHub page gets its token F1, precision and recall."""
    page = accuracy.Page("trafilatura", Path("x.html"), with_=["kept line", "lost line"], without=["menu"])
    got = accuracy.body_scores(page, {"text": "The kept line.\n\nHome | menu"})
    assert got == {"tp": 1, "fp": 1, "fn": 1, "missed": ["lost line"], "kept": ["menu"]}
    truth = accuracy.Page("scrapinghub", Path("y.html"), body="one two three four")
    scores = accuracy.body_scores(truth, {"text": "one two three five six"})
    assert scores == {"f1": 0.6667, "precision": 0.6, "recall": 0.75}
    assert accuracy.body_scores(accuracy.Page("readability", Path("z.html")), {"text": "x"}) == {}
