"""The ``brief`` and ``brief.json`` exporters, on the sample and on the BBC / Reuters corpus."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

import convert
from convert.briefing import Briefing, build, render_text
from convert.briefing.sentences import split
from convert.exporters.brief import BriefExporter
from convert.exporters.brief_json import BriefJsonExporter
from convert.model import Article, plain_text
from convert.registry import exporters

GOLDEN = Path(__file__).parent / "golden" / "brief"
_MARKS = re.compile(r"[\"“”‘’'«»„]")


@pytest.fixture(scope="module", autouse=True)
def _register() -> None:
    # Until pyproject declares the entry points.
    exporters.register("brief", BriefExporter, override=True)
    exporters.register("brief.json", BriefJsonExporter, override=True)


@pytest.fixture(scope="module")
def sample_article(sample_path: Path) -> Article:
    return convert.read(sample_path)


@pytest.fixture(scope="module")
def sample_brief(sample_article: Article) -> Briefing:
    return build(sample_article)


def flat(text: str) -> str:
    """Text without quotation marks or extra spaces: quote marks are the exporters' business."""
    return " ".join(_MARKS.sub("", text).split())


def article_text(article: Article) -> str:
    return flat(" ".join(plain_text(b) for b in article.body))


def check_properties(b: Briefing) -> None:
    """What must hold for any article."""
    text = article_text(b.article)
    for q in b.quotes:
        assert flat(q.text) in text, q
    for f in b.figures:
        assert flat(f.text) in text, f
    for s in (*b.bottom_line, *b.key_points):
        assert flat(s.text) in text, s
    assert not set(b.bottom_line) & set(b.key_points)
    assert len(b.key_points) <= 5 and len(b.bottom_line) <= 3


def test_sample_golden(sample_article: Article, golden) -> None:  # type: ignore[no-untyped-def]
    out = convert.write(sample_article, "brief")
    assert isinstance(out, bytes)
    golden(out.decode("utf-8"), GOLDEN / "ashgabat-oped.brief.txt")


def test_sample_sections(sample_brief: Briefing) -> None:
    text = render_text(sample_brief)
    heads = [h for h in ("BOTTOM LINE", "KEY POINTS", "WHO SAID WHAT", "FIGURES", "PEOPLE, PLACES", "NOTES")]
    positions = [text.index(h) for h in heads]
    assert positions == sorted(positions)
    assert text.startswith("Putin and Pezeshkian’s meeting in Ashgabat\n")
    assert "By Vladimir Sazhin · October 14, 2024, 10:37\u202fPM · Moscow" in text
    assert re.search(r"\d+ min read · 1,\d{3} words", text)
    check_properties(sample_brief)


def test_sample_bottom_line_names_the_meeting(sample_brief: Briefing) -> None:
    bottom = " ".join(s.text for s in sample_brief.bottom_line)
    assert 2 <= len(sample_brief.bottom_line) <= 3
    assert "Ashgabat" in bottom and "meeting" in bottom.lower() or "met in Ashgabat" in bottom


def test_sample_quotes_by_speaker(sample_brief: Briefing) -> None:
    groups = sample_brief.by_speaker()
    assert list(groups) == ["Vladimir Putin", "Masoud Pezeshkian"]
    assert len(groups["Vladimir Putin"]) >= 3 and len(groups["Masoud Pezeshkian"]) >= 2
    spoken = " ".join(q.text for q in sample_brief.quotes)
    for term in (
        "something",
        "demonstration",
        "deadly",
        "Axis of Resistance",
        "phantom",
        "synchronized watches",
    ):
        assert not any(q.text == term for q in sample_brief.quotes), term
    assert "Axis of Resistance" not in spoken


@pytest.mark.parametrize(
    ("figure", "words"),
    [
        ("$4 billion", ("trade turnover",)),
        ("$57 billion", ("trade turnover", "Turkey")),
        ("81.1%", ("exports",)),
        ("57.8%", ("imports",)),
        ("1.6 million", ("residents",)),
        ("20%", ("population",)),
        ("25 years", ("agreement",)),
    ],
)
def test_sample_figures_have_context(sample_brief: Briefing, figure: str, words: tuple[str, ...]) -> None:
    found = {f.text: f for f in sample_brief.figures}
    assert figure in found
    for word in words:
        assert word in found[figure].context, found[figure]


def test_figure_values(sample_brief: Briefing) -> None:
    found = {f.text: f for f in sample_brief.figures}
    assert (found["$4 billion"].value, found["$4 billion"].unit) == (4e9, "USD")
    assert (found["81.1%"].value, found["81.1%"].unit) == (81.1, "%")
    assert found["1.6 million"].value == 1.6e6 and found["1.6 million"].kind == "count"
    assert found["25 years"].kind == "duration"
    assert {"October 11th", "2023", "1941"} <= set(found)


def test_width_option(sample_article: Article) -> None:
    out = convert.write(sample_article, "brief", options=convert.base.ExportOptions(width=60))
    assert isinstance(out, bytes)
    lines = out.decode().splitlines()
    assert max(len(line) for line in lines) <= 60
    assert not any(line != line.rstrip() for line in lines)


def test_deterministic(sample_article: Article) -> None:
    assert convert.write(sample_article, "brief") == convert.write(sample_article, "brief")


def test_json_sidecar(sample_article: Article, sample_brief: Briefing) -> None:
    out = convert.write(sample_article, "brief.json")
    assert isinstance(out, bytes)
    data = json.loads(out)
    assert data["schema"] == "broadsheet.brief" and data["version"] == [1, 0]
    assert [s["index"] for s in data["bottom_line"]] == [s.index for s in sample_brief.bottom_line]
    assert {q["speaker"] for q in data["quotes"]} == {"Vladimir Putin", "Masoud Pezeshkian"}
    money = [f for f in data["figures"] if f["kind"] == "money"]
    assert money[0] == {**money[0], "text": "$4 billion", "value": 4e9, "unit": "USD"}
    assert data["meta"]["words"] == sample_brief.words
    assert data["entities"]["people"][0]["name"] == "Vladimir Putin"


def test_kitchen_sink(kitchen_sink: Article) -> None:
    text = convert.write(kitchen_sink, "brief")
    assert isinstance(text, bytes) and text.decode().startswith("Kitchen Sink")
    json.loads(convert.write(kitchen_sink, "brief.json"))  # type: ignore[arg-type]


def test_empty_article() -> None:
    b = build(Article())
    assert "BOTTOM LINE" in render_text(b) and b.figures == () and b.quotes == ()


def test_splitter_knows_abbreviations() -> None:
    text = (
        "Mr. Smith went to the U.S. on Oct. 3 with Dr. J. K. Rowling. Prices rose 2.5% in the U.S. The end."
    )
    assert split(text) == [
        "Mr. Smith went to the U.S. on Oct. 3 with Dr. J. K. Rowling.",
        "Prices rose 2.5% in the U.S.",
        "The end.",
    ]


# --------------------------------------------------------------------------
# Corpus: properties that hold for any article


def bbc_files(corpus: Path) -> list[Path]:
    return sorted((corpus / "bbc-news" / "bbc").glob("*/*.txt"))


def reuters_stories(corpus: Path, limit: int = 100) -> list[tuple[str, bytes]]:
    """The first ``limit`` Reuters stories with a body, as "title, blank line, body" text."""
    out: list[tuple[str, bytes]] = []
    for sgm in sorted((corpus / "reuters21578" / "reuters21578").glob("*.sgm")):
        raw = sgm.read_text(encoding="latin-1")
        for story in re.findall(r"<REUTERS.*?</REUTERS>", raw, re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", story, re.S)
            if body is None:
                continue
            title = re.search(r"<TITLE>(.*?)</TITLE>", story, re.S)
            newid = re.search(r'NEWID="(\d+)"', story)
            text = html.unescape(body.group(1)).replace("\x03", "").strip()
            head = html.unescape(title.group(1)).strip() if title else "Reuters story"
            out.append((newid.group(1) if newid else str(len(out)), f"{head}\n\n{text}\n".encode()))
            if len(out) == limit:
                return out
    return out


@pytest.mark.corpus
def test_corpus_bbc(corpus: Path) -> None:
    files = bbc_files(corpus)
    if not files:
        pytest.skip("no BBC stories in the corpus")
    spoken = 0
    for file in files:
        b = build(convert.read(file))
        render_text(b)
        check_properties(b)
        spoken += len(b.quotes)
        assert b.bottom_line, file
    assert spoken > len(files)  # BBC stories quote people: the pass must find them


@pytest.mark.corpus
def test_corpus_reuters(corpus: Path) -> None:
    stories = reuters_stories(corpus)
    if not stories:
        pytest.skip("no Reuters stories in the corpus")
    figures = 0
    for newid, data in stories:
        b = build(convert.read(data, from_="text", name=f"reuters-{newid}.txt"))
        render_text(b)
        check_properties(b)
        figures += len(b.figures)
    assert figures > len(stories)
