"""The HTML reader's step against a closing run of paragraphs that the page shows only as links to
its own site, when the body lost the links (issue 12's Nikkei page): made-up bodies and pages.
"""

from __future__ import annotations

import pytest
from bodies import para, texts

from convert.model import Figure, Metadata
from convert.readers.html import BODY_STEPS, Page, parse_html
from convert.readers.html.link_text import drop_link_text

ARTICLE = "The article itself, a paragraph long enough to read as the prose a reporter wrote for it."
CLOSING = "The last paragraph of the story, which says what happens next and where to find the report."
URL = "https://www.example.com/2024/story"


def page(tail: str) -> str:
    return (
        f"<html><head><link rel=canonical href='{URL}'></head><body>"
        f"<article><p>{ARTICLE}</p><p>{CLOSING}</p></article>{tail}</body></html>"
    )


SITE_BAR = (
    "<div class=services><p><a href='http://weather.example.com/'><span>Weather</span></a>"
    " <a href='/press/'>Press releases</a></p>"
    "<p><a href='https://twitter.com/news'><i class=icon></i></a>"
    "<a href='https://www.example.com/accounts/'>All our accounts</a></p>"
    "<p><a href='/corrections/'>Corrections</a></p></div>"
)
BAR_BODY = [
    para(ARTICLE),
    para(CLOSING),
    para("Weather Press releases"),
    para("All our accounts"),
    para("Corrections"),
]


def test_a_closing_bar_of_site_links_whose_links_the_body_lost_is_dropped() -> None:
    tree = parse_html(page(SITE_BAR))
    assert texts(drop_link_text(BAR_BODY, tree, URL)) == [ARTICLE, CLOSING]


def test_the_step_is_a_switch() -> None:
    step = BODY_STEPS["link-text"]
    assert texts(step(BAR_BODY, Page(Metadata(url=URL), parse_html(page(SITE_BAR))))) == [ARTICLE, CLOSING]


def test_a_short_label_above_the_run_goes_with_it_and_figures_stay() -> None:
    body = [*BAR_BODY[:2], para("Our services"), BAR_BODY[2], Figure("a.png"), *BAR_BODY[3:]]
    got = drop_link_text(body, parse_html(page("<p>Our services</p>" + SITE_BAR)), URL)
    assert texts(got) == [ARTICLE, CLOSING, ""]
    assert isinstance(got[-1], Figure)


@pytest.mark.parametrize(
    ("tail", "lines"),
    [
        # links to other sites are the article's sources
        (
            "<p><a href='https://ministry.example/report'>The report</a></p>"
            "<p><a href='https://court.example/ruling'>The ruling</a></p>",
            ["The report", "The ruling"],
        ),
        # a document on the site is a source too
        (
            "<p><a href='/files/report.pdf'>The full report</a></p><p><a href='/files/data.csv'>The data</a></p>",
            ["The full report", "The data"],
        ),
        # text the page also shows outside a link
        (
            "<p>Corrections</p><p><a href='/corrections/'>Corrections</a></p><p><a href='/press/'>Press releases</a></p>",
            ["Corrections", "Press releases"],
        ),
        # a paragraph with words of its own around its link
        (
            "<p>Read <a href='/a'>the first part</a> here</p><p>See <a href='/b'>the second part</a> too</p>",
            ["Read the first part here", "See the second part too"],
        ),
    ],
)
def test_closing_links_that_are_no_bar_of_the_sites_stay(tail: str, lines: list[str]) -> None:
    body = [para(ARTICLE), para(CLOSING), *map(para, lines)]
    assert drop_link_text(body, parse_html(page(tail)), URL) == body


def test_an_articles_own_closing_links_stay() -> None:
    # Review of h26: a short article's last lines may be its own links to the site, a report and a
    # correction, with or without an address for the page; two links are no bar, and neither is a
    # sentence or a notice with a colon.
    tail = (
        "<p><a href='/reports/budget-2024'><span>Read the full budget report</span></a></p>"
        "<p><a href='/corrections'><span>Correction: an earlier version misstated the rate</span></a></p>"
    )
    lines = ["Read the full budget report", "Correction: an earlier version misstated the rate"]
    body = [para(ARTICLE), para(CLOSING), *map(para, lines)]
    for url in (URL, None):
        assert drop_link_text(body, parse_html(page(tail)), url) == body
    more = tail + "<p><a href='/about'>About us</a></p><p><a href='/jobs'>Read our jobs page.</a></p>"
    body = [*body, para("About us"), para("Read our jobs page.")]
    assert drop_link_text(body, parse_html(page(more)), URL) == body


def test_one_link_alone_is_too_few() -> None:
    body = [para(ARTICLE), para(CLOSING), para("Corrections")]
    assert (
        drop_link_text(body, parse_html(page("<p><a href='/corrections/'>Corrections</a></p>")), URL) == body
    )


def test_a_body_of_nothing_but_links_is_kept_whole() -> None:
    tail = "".join(f"<p><a href='/s{n}'>Story number {n}</a></p>" for n in range(4))
    body = [para(f"Story number {n}") for n in range(4)]
    assert drop_link_text(body, parse_html(f"<html><body>{tail}</body></html>"), URL) == body


def test_without_a_page_the_body_stays() -> None:
    assert drop_link_text(BAR_BODY, None, URL) == BAR_BODY
