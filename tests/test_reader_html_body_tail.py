"""The HTML reader's step against the list of other pages a body ends with ("Related articles",
"More from the column"): made-up bodies and one made-up page.
"""

from __future__ import annotations

import pytest
from bodies import para, texts

from convert.base import ReadOptions
from convert.model import Block, Figure, Heading, Link, List, Metadata, Paragraph, Text
from convert.readers.html import BODY_STEPS, HtmlReader, Page
from convert.readers.html.furniture import drop_link_lists

ARTICLE = "The article itself, a paragraph long enough to read as the prose a reporter wrote for it."
CLOSING = "The last paragraph of the story, which says what happens next and where to find the report."


def linked(text: str, url: str = "/other-story") -> Paragraph:
    return Paragraph((Link((Text(text),), url),))


def test_the_step_is_a_switch() -> None:
    body = [para(ARTICLE), linked("One story"), linked("Another story")]
    page = Page(Metadata(url="https://news.example/story"), None)
    assert BODY_STEPS["link-lists"](body, page) == [para(ARTICLE)]


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


def test_figures_between_the_links_do_not_hide_the_run_and_stay() -> None:
    body = [para(ARTICLE), linked("One story"), Figure("a.png"), linked("Another story"), Figure("b.png")]
    assert drop_link_lists(body) == [para(ARTICLE), Figure("a.png"), Figure("b.png")]


@pytest.mark.parametrize(
    "tail",
    [
        [linked("Buy the book here")],  # one link of the article's own
        [
            Paragraph((Text("Read the "), Link((Text("full report"),), "/report.pdf"), Text(".")))
        ],  # a sentence
        [linked("One story"), para(CLOSING)],  # prose after the links: they are inside the story
        [linked("One story"), para(CLOSING), linked("Another story")],  # one link at the very end
        [para("Documents"), linked("The inquiry's report", "/report.pdf"), linked("Annex", "/annex.pdf")],
        [  # sources on other sites, under a heading
            Heading(3, (Text("Sources"),)),
            List(
                tuple(
                    (linked(f"Smith J. ({y}), a study", f"https://doi.org/10.1000/{y}"),)
                    for y in (2020, 2021)
                )
            ),
        ],
        [  # further reading elsewhere, as a numbered list
            Heading(2, (Text("Further reading"),)),
            List(
                tuple(
                    (linked(f"A book on harbours, part {n}", f"https://books{n}.example/b"),) for n in (1, 2)
                )
            ),
        ],
        [
            para("Quellen und Dokumente"),
            *(linked(f"Bericht {n}", f"https://bund.example/d{n}.pdf") for n in (1, 2)),
        ],
        [  # closing sentences that are one link each, to another site
            linked(
                "Read the full report of the port authority on its website.", "https://port.example/report"
            ),
            linked("Watch the whole interview with the harbour master.", "https://port.example/video"),
        ],
        [  # items that open with a linked title and go on with prose
            para("Our picks"),
            List(tuple((linked(f"Crane model {m}", f"/crane-{m}"), para(CLOSING * 3)) for m in "AB")),
        ],
    ],
)
def test_a_link_of_the_articles_own_stays(tail: list[Block]) -> None:
    body = [para(ARTICLE), *tail]
    assert drop_link_lists(body, "https://news.example/2024/story") == body


def test_links_to_the_pages_own_site_still_go() -> None:
    body = [para(ARTICLE), linked("One story", "https://www.news.example/a"), linked("Another", "/b")]
    assert drop_link_lists(body, "https://news.example/2024/story") == [para(ARTICLE)]


@pytest.mark.parametrize(
    "sentence",
    [
        "She said: \u201cWe will keep building.\u201d",
        "港口管理局表示，明年将再安装四台起重机，工程将于四月开始。",
        "هل ستبدأ الأعمال في أبريل؟",
        "बंदरगाह पर चार नई क्रेनें लगेंगी।",
        "The cranes arrive in April (the port said so on Monday.)",
        "»Wir bauen weiter.«",
        "港口管理局表示。明年将再安装四台起重机",  # a sentence's end inside, none at the end
        "This story is the third part of our series on the port. Read the full series:",
        "Additional reporting by Jane Doe in Hamburg",  # a credit, no sentence end
        "By Jane Doe",
        "Jane Doe and John Roe in Hamburg",  # short, but more words than a label has
        "ท่าเรือจะได้เครนใหม่สี่ตัวในฤดูใบไม้ผลินี้ ตามที่การท่าเรือกล่าว",  # Thai: no sentence end, few spaces
    ],
)
def test_a_sentence_in_any_script_above_the_links_stays(sentence: str) -> None:
    body = [para(ARTICLE), para(sentence), linked("One story"), linked("Another story")]
    assert drop_link_lists(body) == [para(ARTICLE), para(sentence)]


@pytest.mark.parametrize("label", ["Related", "Read more:", "Mehr zum Thema", "関連記事：", "اقرأ أيضا:"])
def test_a_label_above_the_links_goes_with_them(label: str) -> None:
    body = [para(ARTICLE), para(label), linked("One story"), linked("Another story")]
    assert drop_link_lists(body) == [para(ARTICLE)]


def test_links_to_other_hosts_stay_when_the_page_does_not_say_its_address() -> None:
    sources = List(
        tuple(
            (linked(f"The ministry's annual report on the ports, chapter {n}", f"https://gov{n}.example/r"),)
            for n in range(3)
        )
    )
    body = [para(ARTICLE), Heading(3, (Text("Sources"),)), sources]
    assert drop_link_lists(body) == body
    assert drop_link_lists([*body[:2], linked("One story"), linked("Another story")]) == [para(ARTICLE)]


def test_items_that_go_on_with_prose_stay_under_a_long_story() -> None:
    picks = List(tuple((linked(f"Crane model {m}", f"/crane-{m}"), para(CLOSING * 3)) for m in "AB"))
    body = [para(ARTICLE), *(para(CLOSING) for _ in range(8)), para("Our picks"), picks]
    assert drop_link_lists(body, "https://news.example/2024/story") == body


def test_a_briefing_whose_stories_are_the_article_is_kept() -> None:
    """A digest's stories, a headline and a teaser each, outweigh its intro: they are the article."""
    intro = para("Good morning. Here are the stories from the harbour you need to know about today.")
    stories = List(
        tuple(
            (
                linked(f"Headline {n}: the harbour gets news of its own", f"/2024/05/{n}"),
                para("The port authority said on Monday what happens next, and when work starts."),
            )
            for n in range(4)
        )
    )
    body = [Heading(1, (Text("Morning briefing"),)), intro, stories]
    assert drop_link_lists(body, "https://news.example/briefing") == body


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
        "<!DOCTYPE html><html><head><title>A story</title>"
        "<link rel='canonical' href='https://news.example/a-story'></head><body>"
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
