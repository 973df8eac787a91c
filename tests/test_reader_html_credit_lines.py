"""The HTML reader's credit-lines step: a picture's credit printed under it as a paragraph of its own
is the figure's credit, not the article's text (issue 12's heise credit, and the German pages like it).
Made-up bodies and one made-up page.
"""

from __future__ import annotations

import pytest
from bodies import para

from convert.base import ReadOptions
from convert.model import Block, Figure, plain_text
from convert.readers.html import BODY_STEPS, HtmlReader
from convert.readers.html.credit_lines import credit_lines

STORY = "The council approved the harbour plans on a narrow vote after a long debate about the costs."


def texts(body: list[Block]) -> list[str]:
    return [plain_text(b) for b in body if not isinstance(b, Figure)]


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Foto: Max Muster", "Foto: Max Muster"),
        ("Fotos: Moritz Muster/Agentur", "Fotos: Moritz Muster/Agentur"),
        ("(Bild: Hersteller)", "Bild: Hersteller"),
        ("Photo by Jane Roe", "Photo by Jane Roe"),
        ("Image: example.com", "Image: example.com"),
        ("Foto: M. Rädel", "Foto: M. Rädel"),
        ("Foto: privat", "Foto: privat"),
        ("Foto: dpa/picture alliance/Max Muster", "Foto: dpa/picture alliance/Max Muster"),
        ("Photo: Ludwig van Beethoven", "Photo: Ludwig van Beethoven"),
    ],
)
def test_a_credit_line_under_a_figure_becomes_its_credit(line: str, credit: str) -> None:
    body = [para(STORY), Figure("a.jpg", alt="The harbour"), para(line), para(STORY)]
    got = credit_lines(body)
    assert texts(got) == [STORY, STORY]
    assert [b.credit for b in got if isinstance(b, Figure)] == [credit]


def test_a_credit_line_the_figure_already_has_is_dropped() -> None:
    body = [Figure("a.jpg", credit="Max Muster"), para("Foto: Max Muster"), para(STORY)]
    got = credit_lines(body)
    assert texts(got) == [STORY]
    assert [b.credit for b in got if isinstance(b, Figure)] == ["Max Muster"]


@pytest.mark.parametrize(
    "line",
    [
        "Bilder zeigen, wie es war: schön und warm.",  # a sentence that opens with the word
        "Quelle: Landesregierung",  # a source, not a picture's credit
        "Foto: " + "sehr lang " * 20,  # running text
        # sentences that open with a word for pictures (review of h26): "von" is "of" before a noun
        "Bilder von der Flutkatastrophe zeigen das ganze Ausmaß der Schäden in der Altstadt.",
        "Photo: the calf stood up within an hour of birth and was nursing by the afternoon.",
        "Image: a chart of births at the zoo since 1990",
        "Photos by the zoo show the keeper with the calf.",
    ],
)
def test_other_paragraphs_under_a_figure_stay(line: str) -> None:
    body = [Figure("a.jpg"), para(line), para(STORY)]
    assert credit_lines(body) == body


def test_a_credit_line_not_under_a_figure_stays() -> None:
    body = [para(STORY), para("Foto: Max Muster"), para(STORY)]
    assert credit_lines(body) == body


def test_the_step_is_a_switch_on_a_page() -> None:
    page = (
        "<html><head><link rel=canonical href='https://news.example/a'></head><body><article>"
        f"<p>{STORY}</p><figure><img src='https://news.example/a.jpg' alt='The harbour'></figure>"
        f"<p>Foto: Max Muster</p><p>{STORY} And more words follow here.</p></article></body></html>"
    ).encode()
    body = list(HtmlReader().read(page, ReadOptions()).body)
    assert not any("Foto: Max Muster" in t for t in texts(body))
    steps = dict(BODY_STEPS)
    try:
        BODY_STEPS.pop("credit-lines")
        before = list(HtmlReader().read(page, ReadOptions()).body)
    finally:
        BODY_STEPS.clear()
        BODY_STEPS.update(steps)
    assert any("Foto: Max Muster" in t for t in texts(before))
