"""The HTML reader's step that puts back the lead trafilatura's teaser filter takes (``teaser-lead``):
made-up pages, read through the reader and step by step.
"""

from __future__ import annotations

import logging
import sys

import lxml.html
import pytest

from convert.base import ReadOptions
from convert.model import Metadata, Paragraph, Text, plain_text
from convert.readers.html import BODY_STEPS, HtmlReader, Page
from convert.readers.html.lead import restore_lead

LEAD = "The harbour will get four new cranes this spring, the port authority said on Monday."
STORY = "".join(
    f"<p>The {n} paragraph of the story is long enough to look like real prose written by a reporter, with"
    " more words about the harbour, its cranes and the people who work there every day of the year.</p>"
    for n in ("first", "second", "third", "fourth")
)
BODY = [Paragraph((Text("The first paragraph of the story."),))]


def page(lead_markup: str, description: str = LEAD, before: str = "", after: str = "") -> bytes:
    return (
        "<!DOCTYPE html><html><head><title>Cranes</title>"
        f'<meta name="description" content="{description}"></head><body>{before}'
        f'<div class="news-single"><h1>Cranes</h1>{lead_markup}<div class="news-text">{STORY}</div></div>'
        f"{after}</body></html>"
    ).encode()


def read(html: bytes) -> list[str]:
    return [plain_text(b) for b in HtmlReader().read(html, ReadOptions()).body]


def tree(markup: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(f"<html><body>{markup}</body></html>")


def test_the_step_is_a_switch() -> None:
    lead = f'<div class="teaser-text"><p>{LEAD}</p></div>'
    step = BODY_STEPS["teaser-lead"](BODY, Page(Metadata(description=LEAD), tree(lead)))
    assert [plain_text(b) for b in step] == [LEAD, plain_text(BODY[0])]


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


@pytest.mark.parametrize(
    ("markup", "description", "lead"),
    [
        (  # two paragraphs: a space between them
            "<p>The harbour will get four new cranes.</p><p>The port authority said so on Monday.</p>",
            "The harbour will get four new cranes. The port authority said so on Monday.",
            "The harbour will get four new cranes. The port authority said so on Monday.",
        ),
        (  # a line break: a space
            "<p>The harbour will get four new cranes<br>The port authority said so on Monday</p>",
            "The harbour will get four new cranes The port authority said so on Monday",
            "The harbour will get four new cranes The port authority said so on Monday",
        ),
        (  # hidden text and a script left out, a link's words kept
            f'<p>{LEAD} Work starts in <a href="/april">April</a>.<span style="display:none">tracking pixel</span>'
            "<script>var x = 1;</script></p>",
            LEAD[:70] + "…",
            LEAD + " Work starts in April.",
        ),
    ],
)
def test_the_lead_reads_as_the_page_shows_it(markup: str, description: str, lead: str) -> None:
    assert read(page(f'<div class="teaser-text">{markup}</div>', description))[0] == lead


SLOGAN = "Harbour Times: news, analysis and opinion from the northern coast since 1921"


@pytest.mark.parametrize(
    ("kwargs", "shown"),
    [
        ({"lead_markup": f'<noscript><div class="teaser-text"><p>{LEAD}</p></div></noscript>'}, LEAD),
        ({"lead_markup": f'<template><div class="teaser-text"><p>{LEAD}</p></div></template>'}, LEAD),
        (  # the site's slogan in its header, which is also its description
            {
                "lead_markup": "",
                "description": SLOGAN,
                "before": f'<header><div class="header-teaser"><p>{SLOGAN}</p></div></header>',
            },
            SLOGAN,
        ),
        (  # a "Most read" card that repeats this story's description
            {
                "lead_markup": "",
                "after": f'<aside><h3>Most read</h3><div class="teaser"><h4><a href="/c">Cranes</a></h4><p>{LEAD}</p></div></aside>',
            },
            LEAD,
        ),
        (  # a card in the page, not the headline's, after the story's first paragraph
            {"lead_markup": "", "after": f'<div class="teaser"><p>{LEAD}</p></div>'},
            LEAD,
        ),
        (  # a card in the page's navigation, right above the headline
            {"lead_markup": "", "before": f'<nav><div class="teaser"><p>{LEAD}</p></div></nav>'},
            LEAD,
        ),
        (  # after the story's first paragraph, near the headline all the same
            {
                "lead_markup": "<p>The story opens with a paragraph of its own, long enough to be one by any measure,"
                f' and the card follows it.</p><div class="teaser"><p>{LEAD}</p></div>'
            },
            LEAD,
        ),
        (  # far from the headline: a story's worth of text between them
            {
                "lead_markup": "",
                "before": f'<div class="teaser"><p>{LEAD}</p></div><div>{STORY.replace("<p>The ", "<p>An unrelated ")}</div>',
            },
            LEAD,
        ),
    ],
)
def test_a_teaser_that_is_not_the_shown_lead_stays_out(kwargs: dict[str, str], shown: str) -> None:
    assert not any(shown in t for t in read(page(**kwargs)))


@pytest.mark.parametrize("xpaths", [["//div[contains(@class, 'teaser')]"], None, [lambda tree: 1 / 0]])
def test_another_trafilatura_turns_the_step_off(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, xpaths: object
) -> None:
    import trafilatura.xpaths

    monkeypatch.setattr(trafilatura.xpaths, "TEASER_DISCARD_XPATH", xpaths)
    monkeypatch.setattr("convert.readers.html.lead._told", set())
    markup = tree(f'<div class="teaser-text"><p>{LEAD}</p></div>')
    with caplog.at_level(logging.DEBUG, logger="convert.readers.html.lead"):
        assert restore_lead(BODY, markup, LEAD) == BODY
        assert restore_lead(BODY, markup, LEAD) == BODY
    assert len([r for r in caplog.records if "teaser-lead is off" in r.getMessage()]) == 1


def test_no_trafilatura_xpaths_turns_the_step_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "trafilatura.xpaths", None)  # import fails
    assert restore_lead(BODY, tree(f'<div class="teaser-text"><p>{LEAD}</p></div>'), LEAD) == BODY


def test_a_lead_in_the_articles_own_header_after_a_credit_is_read() -> None:
    """An ``<article>``'s ``<header>`` holds its headline and lead (HTML scopes a header to its
    section); a photo credit the body opens with is no first paragraph the lead must come before."""
    html = (
        "<!DOCTYPE html><html><head><title>Cranes</title>"
        f'<meta name="description" content="{LEAD}"></head><body><header><nav><a href="/">Home</a></nav></header>'
        "<main><article><p>Photo: Harbour Times</p><header><h1>Cranes</h1>"
        f'<div class="teaser"><p>{LEAD}</p></div></header><div class="news-text">{STORY}</div></article></main>'
        "</body></html>"
    ).encode()
    assert read(html)[:2] == [LEAD, "Photo: Harbour Times"]


def test_a_lead_in_a_header_with_the_pages_headline_is_read() -> None:
    """A ``<header>`` that holds the page's only ``<h1>`` is the article's, whatever element the
    site puts the article in (a ``<div class="article">``, not an ``<article>``)."""
    html = (
        "<!DOCTYPE html><html><head><title>Cranes</title>"
        f'<meta name="description" content="{LEAD}"></head><body>'
        '<header class="site"><nav><a href="/">Home</a></nav></header>'
        '<div class="article"><header class="article-header"><h1>Cranes</h1>'
        f'<div class="teaser-text"><p>{LEAD}</p></div></header><div class="news-text">{STORY}</div></div>'
        "</body></html>"
    ).encode()
    assert read(html)[0] == LEAD
