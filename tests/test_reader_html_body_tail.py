"""The HTML reader's step against the list of other pages a body ends with ("Related articles",
"More from the column"): made-up bodies and one made-up page.
"""

from __future__ import annotations

import pytest

from convert.base import ReadOptions
from convert.model import Block, Figure, Heading, Link, List, Paragraph, Text, plain_text
from convert.readers.html import BODY_STEPS, HtmlReader
from convert.readers.html.furniture import drop_link_lists

ARTICLE = "The article itself, a paragraph long enough to read as the prose a reporter wrote for it."
CLOSING = "The last paragraph of the story, which says what happens next and where to find the report."


def para(text: str) -> Paragraph:
    return Paragraph((Text(text),))


def linked(text: str, url: str = "/other-story") -> Paragraph:
    return Paragraph((Link((Text(text),), url),))


def texts(body: list[Block]) -> list[str]:
    return [plain_text(b) for b in body]


def test_the_step_is_a_switch() -> None:
    assert "link-lists" in BODY_STEPS


def test_a_labelled_run_of_linked_headlines_at_the_end_is_dropped() -> None:
    body = [
        para(ARTICLE),
        para(CLOSING),
        Heading(3, (Text("More from the column:"),)),
        linked("How values shape a company"),
        linked("Pulse checks: the heartbeat of change"),
        linked("Jobs of the future"),
    ]
    assert texts(drop_link_lists(body)) == [ARTICLE, CLOSING]


def test_a_list_of_teasers_under_a_short_label_is_dropped() -> None:
    teasers = List(
        (
            (linked("Coach fired"), para("The club reached the final in June.")),
            (linked("Draft results"), para("Here is what you need to know.")),
        )
    )
    body = [para(ARTICLE), para(CLOSING), para("Read more"), teasers]
    assert texts(drop_link_lists(body)) == [ARTICLE, CLOSING]


def test_figures_between_the_links_do_not_hide_the_run() -> None:
    body = [para(ARTICLE), linked("One story"), Figure("a.png"), linked("Another story")]
    assert drop_link_lists(body) == [para(ARTICLE)]


@pytest.mark.parametrize(
    "tail",
    [
        [linked("Buy the book here")],  # one link of the article's own
        [
            Paragraph((Text("Read the "), Link((Text("full report"),), "/report.pdf"), Text(".")))
        ],  # a sentence
        [linked("One story"), para(CLOSING)],  # prose after the links: they are inside the story
        [linked("One story"), para(CLOSING), linked("Another story")],  # one link at the very end
    ],
)
def test_a_link_of_the_articles_own_stays(tail: list[Block]) -> None:
    body = [para(ARTICLE), *tail]
    assert drop_link_lists(body) == body


def test_a_sentence_above_the_links_stays() -> None:
    lead = para("These are the sources this story draws on.")
    body = [para(ARTICLE), lead, linked("The ministry's report"), linked("The court's ruling")]
    assert drop_link_lists(body) == [para(ARTICLE), lead]


def test_a_body_of_nothing_but_links_is_kept_whole() -> None:
    body = [linked("One story"), linked("Another story"), linked("A third story")]
    assert drop_link_lists(body) == body


STORY = "".join(
    f"<p>The {n} paragraph of the story is long enough to look like real prose written by a reporter, with"
    " more words about the harbour, its cranes and the people who work there every day of the year.</p>"
    for n in ("first", "second", "third", "fourth", "fifth", "sixth")
)
RELATED = "<h2>Related</h2>" + "".join(
    f'<p><a href="https://news.example/story-{n}">Headline number {n} of another story on this site</a></p>'
    for n in range(5)
)


def test_a_page_whose_article_ends_with_related_stories() -> None:
    page = (
        "<!DOCTYPE html><html><head><title>A story</title></head><body>"
        f"<article><div class='entry-content'>{STORY}{RELATED}</div></article></body></html>"
    ).encode()
    steps = dict(BODY_STEPS)
    try:
        BODY_STEPS.pop("link-lists")
        before = texts(list(HtmlReader().read(page, ReadOptions()).body))
    finally:
        BODY_STEPS.clear()
        BODY_STEPS.update(steps)
    after = texts(list(HtmlReader().read(page, ReadOptions()).body))
    assert sum("Headline number" in t for t in before) >= 2  # trafilatura keeps some of them
    assert after == before[: before.index("Related")]
    assert after[-1].startswith("The sixth paragraph")
