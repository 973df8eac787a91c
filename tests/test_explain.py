"""Provenance: ``read_explained`` and ``broadsheet inspect --explain``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from convert.cli import cli
from convert.explain import UNKNOWN_SOURCE, explain_fields, explain_text, read_explained
from convert.model import Article, Author, Metadata
from convert.readers import pandoc as P
from convert.registry import readers


@pytest.fixture(autouse=True, scope="module")
def _registered() -> Iterator[None]:
    readers.register("markdown", P.MarkdownReader, override=True)
    yield


def test_sample_fields_name_their_lines_and_heuristics(sample_path: Path) -> None:
    article, where = read_explained(sample_path)
    assert article.meta.title is not None
    assert where["title"] == "line 3 (first short line without a final period)"
    assert where["authors"] == "line 1: 'By Vladimir Sazhin' (byline, find_byline)"
    assert where["published"] == "line 5: 'October 14, 2024 - 22:37' (parse_date_line)"
    assert where["dateline"].startswith("line 7: 'MOSCOW – On October")
    assert "split_dateline" in where["dateline"]
    assert "find_bio" in where["bio"]
    assert where["notes.n1"].startswith("line 62: '*The author") and "author-note" in where["notes.n1"]
    assert "disclaimer" in where["notes.n2"]


def test_wire_story_byline_and_agency() -> None:
    text = (
        b"Oil prices climb on supply worries\n\nBy Jane Doe, Reuters\n\n"
        b"NEW YORK, March 2 (Reuters) - Oil prices rose on Monday as traders weighed supply.\n\n"
        b"Brent crude futures gained 2 percent by midday in London trading.\n"
    )
    article, where = read_explained(text, from_="text")
    assert [a.name for a in article.meta.authors] == ["Jane Doe"]
    assert where["authors"] == "line 3: 'By Jane Doe, Reuters' (byline, find_byline)"
    assert where["title"].startswith("line 1 ")
    assert article.meta.dateline == "NEW YORK"
    assert where["dateline"].startswith("line 5: 'NEW YORK, March 2")
    assert "publisher" in where


def test_overrides_and_markdown_front_matter() -> None:
    md = b"---\ntitle: From the front matter\ndate: 2024-03-02\n---\n\nBody text here.\n"
    article, where = read_explained(md, name="a.md", metadata={"title": "Given"})
    assert article.meta.title == "Given"
    assert where["title"] == "given on the command line / API"
    assert where["published"] == "YAML front matter: date"


def test_read_explained_refuses_a_provenance_argument(sample_path: Path) -> None:
    with pytest.raises(TypeError):
        read_explained(sample_path, provenance={})


def test_fields_without_a_source_say_so() -> None:
    article = Article(meta=Metadata(title="T", publisher="P"))
    rows = explain_fields(article, {"title": "somewhere"})
    assert rows == [("title", "T", "somewhere"), ("publisher", "P", UNKNOWN_SOURCE)]
    assert "<- somewhere" in explain_text(article, {"title": "somewhere"})


def test_cli_inspect_explain(sample_path: Path) -> None:
    r = CliRunner().invoke(cli, ["inspect", "--explain", str(sample_path)])
    assert r.exit_code == 0, r.output
    lines = r.output.splitlines()
    i = next(n for n, line in enumerate(lines) if line.strip().startswith("published:"))
    assert lines[i + 1].strip() == "<- line 5: 'October 14, 2024 - 22:37' (parse_date_line)"
    assert "27 blocks (27 paragraph), 2 notes" in r.output


def test_cli_inspect_explain_json(sample_path: Path) -> None:
    r = CliRunner().invoke(cli, ["inspect", "--explain", "--json", str(sample_path)])
    assert r.exit_code == 0, r.output
    data = json.loads(r.output)
    assert data["provenance"]["title"].startswith("line 3")
    assert data["article"]["schema"] == "broadsheet.article"


def test_web_page_fields_name_the_evidence_that_won() -> None:
    page = (
        b'<html lang="en"><head><title>Harbour plans approved | Millbrook Gazette</title>'
        b'<meta property="og:site_name" content="Millbrook Gazette">'
        b'<meta property="article:published_time" content="2024-03-05T08:30:00+01:00">'
        b'<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour plans approved",'
        b' "author": {"@type": "Person", "name": "Jane Roe"}}</script></head><body><article>'
        b"<h1>Harbour plans approved</h1><p class='byline'>By Jane Roe</p>"
        + b"<p>The council approved the harbour plans on Monday after a long debate in the town hall.</p>" * 4
        + b"</article></body></html>"
    )
    article, where = read_explained(page, from_="html")
    assert article.meta.title == "Harbour plans approved"
    assert where["title"] == "JSON-LD NewsArticle.headline"
    assert [a.name for a in article.meta.authors] == ["Jane Roe"]
    assert where["authors"].startswith("JSON-LD NewsArticle.author, confirmed by byline element .byline")
    assert article.meta.published == "2024-03-05T08:30:00+01:00"
    assert where["published"] == '<meta property="article:published_time">'
    assert where["publisher"] == '<meta property="og:site_name">'


def test_joiners_are_shown_as_they_are_and_controls_stay_escaped() -> None:
    """U+200C and U+200D are parts of words (Persian `دانشگاه‌ها`); bidi overrides are not."""
    from convert.explain import _joiners_shown

    text = (
        "عنوان\n\nنوشتهٔ علی رضایی\n\nتهران — مدارس و دانشگاه\u200cهای تهران تعطیل شد.\n\nمتن دوم اینجا است.\n"
    )
    article, where = read_explained(text.encode("utf-8"), from_="text")
    shown = explain_text(article, where)
    assert "دانشگاه\u200cهای" in shown and "\\u200c" not in shown
    assert all("\\u200c" not in w for w in where.values())
    assert _joiners_shown(repr("a\u200db\u202ec")) == "'a\u200db\\u202ec'"
    assert _joiners_shown(repr("typed \\u200c")) == repr("typed \\u200c")  # a backslash the text holds


def test_direction_and_bio_text_are_shown() -> None:
    """Tester h34's ur.html: ``direction:`` was printed empty, and the bio row showed only the name."""
    meta = Metadata(
        title="T",
        authors=(Author("Mariana Oliveira", bio="Mariana Oliveira é repórter de cidades."),),
        direction="rtl",
    )
    where = {"bio": "a bio box", "direction": "<html dir>"}
    rows = {name: value for name, value, _ in explain_fields(Article(meta=meta), where)}
    assert rows["direction"] == "rtl"
    assert rows["bio"] == "Mariana Oliveira é repórter de cidades."
    assert "   direction: rtl\n" in explain_text(Article(meta=meta), where)
    two = Metadata(title="T", authors=(Author("Ana Lima", bio="Repórter."), Author("Rui Sá", bio="Editor.")))
    rows = {name: value for name, value, _ in explain_fields(Article(meta=two), where)}
    assert rows["bio"] == "Ana Lima: Repórter.; Rui Sá: Editor."
