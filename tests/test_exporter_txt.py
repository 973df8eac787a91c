"""The plain-text exporter: golden files for the sample and the kitchen sink."""

from __future__ import annotations

from pathlib import Path

import convert
from convert.base import ExportOptions
from convert.model import Article

GOLDEN = Path(__file__).parent / "golden" / "txt"


def test_sample_text_matches_golden(sample_path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    text = convert.write(convert.read(sample_path), "txt")
    assert isinstance(text, bytes)
    golden(text.decode("utf-8"), GOLDEN / "ashgabat-oped.txt")


def test_kitchen_sink_text_matches_golden(kitchen_sink: Article, golden) -> None:  # type: ignore[no-untyped-def]
    text = convert.write(kitchen_sink, "txt")
    assert isinstance(text, bytes)
    golden(text.decode("utf-8"), GOLDEN / "kitchen-sink.txt")


def test_wraps_at_the_theme_width_or_the_option(sample_path: Path) -> None:
    article = convert.read(sample_path)
    for width in (72, 50):
        opts = ExportOptions(width=width) if width != 72 else None
        data = convert.write(article, "txt", options=opts)
        assert isinstance(data, bytes)
        lines = data.decode("utf-8").splitlines()
        assert max(len(line) for line in lines) <= width
        assert max(len(line) for line in lines) >= width - 10
        assert all(line == line.rstrip() for line in lines)


def test_every_paragraph_appears_in_order(sample_path: Path) -> None:
    article = convert.read(sample_path)
    data = convert.write(article, "txt")
    assert isinstance(data, bytes)
    marks = str.maketrans("", "", "“”‘’\"'")
    flat = " ".join(data.decode("utf-8").translate(marks).split())
    pos = 0
    for block in article.body:
        words = " ".join(convert.model.plain_text(block).translate(marks).split())
        found = flat.find(words[:60], pos)
        assert found >= pos, words[:60]
        pos = found
    assert "About the author: Vladimir Sazhin is Senior Researcher" in flat
    assert flat.index("Authors note:") < flat.index("Disclaimer:")
