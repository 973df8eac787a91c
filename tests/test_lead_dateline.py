"""A dateline opening the lead of a Markdown, DOCX, ODT or EPUB article, read as the text reader reads one."""

from __future__ import annotations

import pytest

import convert
from convert.model import plain_text

LEAD = "Thousands of commuters packed the platforms on Monday as the new line opened to the public."


def md(lead: str, front: str = "title: Metro opens\nlang: en") -> convert.Article:
    return convert.read(
        f"---\n{front}\n---\n\n{lead}\n\nA second paragraph follows here.\n".encode(), from_="markdown"
    )


@pytest.mark.parametrize(
    ("lead", "place", "dash", "publisher"),
    [
        (f"CAIRO — {LEAD}", "CAIRO", "—", None),
        (f"NEW YORK (Reuters) - {LEAD}", "NEW YORK", "-", "Reuters"),
        (f"**BERLIN** – {LEAD}", "BERLIN", "–", None),  # a bold place is plain enough
    ],
)
def test_a_markdown_lead_gives_its_dateline(lead: str, place: str, dash: str, publisher: str | None) -> None:
    article = md(lead)
    assert (article.meta.dateline, article.meta.dateline_dash, article.meta.publisher) == (
        place,
        dash,
        publisher,
    )
    assert plain_text(article.body[:1]) == LEAD


def test_a_whole_date_after_the_place_is_the_published_date() -> None:
    article = md(f"CAIRO, March 12, 2024 — {LEAD}")
    assert (article.meta.dateline, article.meta.published) == ("CAIRO", "2024-03-12")
    # the front matter's date wins
    article = md(f"CAIRO, March 12, 2024 — {LEAD}", "title: Metro opens\nlang: en\ndate: 2024-03-13")
    assert article.meta.published == "2024-03-13"


@pytest.mark.parametrize(
    "lead",
    [
        LEAD,  # no dateline
        f"The council — after a long debate — agreed. {LEAD}",  # a dash in a sentence
        f"[CAIRO](https://example.org/cairo) — {LEAD}",  # a linked place stays where it is printed
        "CAIRO",  # a place alone on its line
    ],
)
def test_a_lead_without_a_plain_dateline_is_left_as_written(lead: str) -> None:
    article = md(lead)
    assert article.meta.dateline is None
    assert plain_text(article.body[:1]) == plain_text(md(lead).body[:1])
    assert "CAIRO" in plain_text(article.body[:1]) or "CAIRO" not in lead


def test_a_dateline_the_front_matter_gives_wins() -> None:
    article = md(f"CAIRO — {LEAD}", "title: Metro opens\nlang: en\ndateline: GIZA")
    assert article.meta.dateline == "GIZA"
    assert plain_text(article.body[:1]).startswith("CAIRO — ")


def test_a_docx_lead_gives_its_dateline(tmp_path) -> None:  # type: ignore[no-untyped-def]
    docx = pytest.importorskip("docx")
    doc = docx.Document()
    doc.add_paragraph("Metro opens", style="Title")
    doc.add_paragraph(f"ISTANBUL — {LEAD}")
    path = tmp_path / "lead.docx"
    doc.save(path)
    article = convert.read(path)
    assert (article.meta.dateline, article.meta.dateline_dash) == ("ISTANBUL", "—")
    assert plain_text(article.body[:1]) == LEAD
