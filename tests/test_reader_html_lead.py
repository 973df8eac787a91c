"""The HTML reader's step that puts back the lead trafilatura's teaser filter takes (``teaser-lead``):
made-up pages, read through the reader and step by step.
"""

from __future__ import annotations

import lxml.html
import pytest

from convert.base import ReadOptions
from convert.model import Paragraph, Text, plain_text
from convert.readers.html import BODY_STEPS, HtmlReader
from convert.readers.html.lead import restore_lead

LEAD = "The harbour will get four new cranes this spring, the port authority said on Monday."
STORY = "".join(
    f"<p>The {n} paragraph of the story is long enough to look like real prose written by a reporter, with"
    " more words about the harbour, its cranes and the people who work there every day of the year.</p>"
    for n in ("first", "second", "third", "fourth")
)
BODY = [Paragraph((Text("The first paragraph of the story."),))]


def page(lead_markup: str, description: str = LEAD) -> bytes:
    return (
        "<!DOCTYPE html><html><head><title>Cranes</title>"
        f'<meta name="description" content="{description}"></head><body>'
        f'<div class="news-single"><h1>Cranes</h1>{lead_markup}<div class="news-text">{STORY}</div></div>'
        "</body></html>"
    ).encode()


def tree(markup: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><body>{markup}</body></html>")


def test_the_step_is_a_switch() -> None:
    assert "teaser-lead" in BODY_STEPS


def test_a_lead_marked_as_a_teaser_is_read() -> None:
    markup = f'<div class="teaser-text"><p>{LEAD}</p></div>'
    body = [plain_text(b) for b in HtmlReader().read(page(markup), ReadOptions()).body]
    assert body[0] == LEAD
    assert body[1].startswith("The first paragraph")
    steps = dict(BODY_STEPS)
    try:
        BODY_STEPS.pop("teaser-lead")
        without = [plain_text(b) for b in HtmlReader().read(page(markup), ReadOptions()).body]
    finally:
        BODY_STEPS.clear()
        BODY_STEPS.update(steps)
    assert LEAD not in without  # trafilatura alone drops it
    assert without == body[1:]


def test_a_cut_description_finds_the_whole_lead() -> None:
    whole = LEAD + " Work starts in April and ends before the summer season."
    body = restore_lead(BODY, tree(f'<p id="teaser">{whole}</p>'), LEAD[:60] + "…")
    assert plain_text(body[0]) == whole
    assert body[1:] == BODY


@pytest.mark.parametrize(
    "markup",
    [
        f'<div class="intro"><p>{LEAD}</p></div>',  # not what trafilatura's teaser filter takes
        f'<div class="teaser" style="display: none"><p>{LEAD}</p></div>',  # hidden
        f'<div class="teaser"><a href="/other"><p>{LEAD}</p></a></div>',  # a card linking elsewhere
        '<div class="teaser"><p>Another story entirely, about the ferry timetable for winter.</p></div>',
    ],
)
def test_other_teasers_and_shown_descriptions_stay_out(markup: str) -> None:
    assert restore_lead(BODY, tree(markup), LEAD) == BODY


def test_a_lead_the_body_has_is_not_repeated() -> None:
    body = [Paragraph((Text(LEAD),)), *BODY]
    assert restore_lead(body, tree(f'<div class="teaser-text"><p>{LEAD}</p></div>'), LEAD) == body


def test_a_short_description_is_no_lead() -> None:
    assert restore_lead(BODY, tree('<p class="teaser">Cranes</p>'), "Cranes") == BODY
