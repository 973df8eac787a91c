"""The Markdown exporter: YAML front matter + pandoc Markdown that reads back."""

from __future__ import annotations

import pytest

from convert import pandoc_run
from convert.base import ExportOptions
from convert.exporters.md import MarkdownExporter
from convert.model import Article, CodeBlock, Paragraph, replace
from convert.pandoc_ast import pandoc_to_article
from convert.registry import exporters
from convert.theme import Theme, load_theme


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme("default")


@pytest.fixture(scope="module")
def kitchen_md(kitchen_sink: Article, theme: Theme) -> str:
    return MarkdownExporter().export(kitchen_sink, theme, ExportOptions()).decode("utf-8")


def _read_back(text: str, fmt: str = "markdown") -> Article:
    return pandoc_to_article(pandoc_run.read_json(text.encode("utf-8"), fmt))


def test_registered_under_md() -> None:
    assert isinstance(exporters.get("md"), MarkdownExporter)
    assert MarkdownExporter.extension == "md"


def test_front_matter_holds_the_metadata(kitchen_md: str) -> None:
    head, sep, _ = kitchen_md.partition("\n---\n")
    assert kitchen_md.startswith("---\n") and sep
    for line in (
        "- Ada Lovelace",
        "dateline: LONDON",
        "lang: en",
        "publisher: The Test Gazette",
        "- typography",
    ):
        assert line in head.splitlines(), line
    assert "## A section heading {#section}" in kitchen_md
    assert "[^1]: A footnote with *emphasis*." in kitchen_md


def test_reads_back_with_same_title_authors_paragraphs(kitchen_md: str, kitchen_sink: Article) -> None:
    back = _read_back(kitchen_md)
    assert back.meta.title == kitchen_sink.meta.title
    assert back.meta.authors == kitchen_sink.meta.authors  # names, roles and bios
    paragraphs = [b for b in back.body if isinstance(b, Paragraph)]
    assert paragraphs == [b for b in kitchen_sink.body if isinstance(b, Paragraph)]
    assert back.notes == kitchen_sink.notes


def test_round_trip_is_exact_but_for_documented_losses(kitchen_md: str, kitchen_sink: Article) -> None:
    # Losses: meta.source (a reader records its own) and a code block's final newline.
    back = _read_back(kitchen_md, "markdown-auto_identifiers")
    body = tuple(
        replace(b, text=b.text.rstrip("\n")) if isinstance(b, CodeBlock) else b for b in kitchen_sink.body
    )
    assert back == replace(kitchen_sink, meta=replace(kitchen_sink.meta, source=None), body=body)


def test_width_option_wraps_lines(kitchen_sink: Article, theme: Theme) -> None:
    text = MarkdownExporter().export(kitchen_sink, theme, ExportOptions(width=40)).decode()
    body = text.split("\n---\n", 1)[1]
    prose = [ln for ln in body.splitlines() if not ln.startswith(("![", "Test]", "  ---", "-----"))]
    assert max(len(ln) for ln in prose) <= 40
    assert _read_back(text).body[0] == kitchen_sink.body[0]


def test_empty_article(theme: Theme) -> None:
    assert MarkdownExporter().export(Article(), theme, ExportOptions()) == b""
