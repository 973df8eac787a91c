"""Publication dates of web pages weighed against the rest of the page: its zone, the dates it shows."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

import lxml.html
import pytest

from convert.base import ReadOptions
from convert.model import Article
from convert.readers.html import HtmlReader
from convert.readers.html.date_places import only_in_comments
from convert.readers.html.dates import (
    headline,
    headline_date,
    headline_time,
    in_page_zone,
    page_stamps,
    shown_instead,
    shows,
    url_day,
)
from convert.readers.html.text import visible_text
from convert.readers.html.weigh import DATE_RULES, Extracted, build_metadata

PAGE = """<!DOCTYPE html><html><head>{head}<title>Harbour plans</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour plans approved</h1>{byline}
<p>The council approved the harbour plans on a narrow vote after a long debate about costs and the works.</p>
<p>Residents who opposed the project said they would keep watching how the money is spent in the years ahead.</p>
</article>{footer}</body></html>"""


def read(head: str = "", byline: str = "", footer: str = "") -> Article:
    data = PAGE.format(head=head, byline=byline, footer=footer).encode("utf-8")
    return HtmlReader().read(data, ReadOptions())


def tree(html: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(html)


@contextmanager
def rules_off(*names: str) -> Iterator[None]:
    """These date rules switched off (as ``bench/accuracy.py --ablate`` does), to show what each one does."""
    saved = dict(DATE_RULES)
    DATE_RULES.update(dict.fromkeys(names, False))
    try:
        yield
    finally:
        DATE_RULES.update(saved)


# --------------------------------------------------------------------------
# The page's own time zone


def test_utc_stamp_takes_the_offset_the_page_states_for_the_same_instant() -> None:
    head = (
        '<meta property="article:published_time" content="2023-11-09T02:11:03+00:00">'
        '<meta property="article:modified_time" content="2023-11-09T04:00:00+00:00">'
    )
    byline = '<p><time datetime="2023-11-08T21:11:03-05:00">Posted in the evening</time></p>'
    assert read(head, byline).meta.published == "2023-11-08T21:11:03-05:00"


def test_utc_stamp_takes_the_offset_of_the_pages_other_stamps() -> None:
    stamps = page_stamps(
        tree('<html><head><meta name="x" content="2022-01-03T10:00:00+01:00"></head><body></body></html>'), []
    )
    assert in_page_zone("2022-01-04T23:30:00+00:00", stamps) == "2022-01-05T00:30:00+01:00"
    assert in_page_zone("2022-01-04T23:30:00+01:00", stamps) is None  # already local
    assert in_page_zone("2022-01-04T23:30:00+00:00", []) is None  # no zone stated: nothing to go on


# --------------------------------------------------------------------------
# Dates the page shows


def test_written_forms_of_a_day_are_recognised_in_several_languages() -> None:
    for text in (
        "5 March 2024",
        "March 5, 2024",
        "05.03.2024",
        "5. März 2024",
        "5 de marzo de 2024",
        "2024-03-05",
    ):
        assert shows(f"Posted {text} by the desk", "2024-03-05"), text
    assert not shows("Posted 15 March 2024", "2024-03-05")
    assert not shows("Order 105.03.20245", "2024-03-05")


def test_visible_text_leaves_out_scripts_and_styles() -> None:
    page = tree(
        "<html><body><p>Shown</p><script>var hidden = 1;</script><style>p{}</style>tail</body></html>"
    )
    assert visible_text(page) == "Shown tail"


def test_declared_day_never_shown_gives_way_to_the_modified_day_written_by_the_headline() -> None:
    text = "Harbour plans approved By Jane Roe 12.01.2022 The council approved ..."
    assert shown_instead(
        "2021-11-29T14:13:37+00:00", ["2022-01-12T14:27:30+00:00"], text, "Harbour plans"
    ) == ("2022-01-12T14:27:30+00:00")


def test_an_updated_label_keeps_the_declared_publication_date() -> None:
    text = "Harbour plans approved By Jane Roe Updated March 12, 2020 The council approved ..."
    assert shown_instead("2019-10-15T16:59:59+00:00", ["2020-03-12T14:42:17+00:00"], text, "Harbour") is None
    head = (
        '<meta property="article:published_time" content="2019-10-15T16:59:59+00:00">'
        '<meta property="article:modified_time" content="2020-03-12T14:42:17+00:00">'
    )
    meta = read(head, "<p>By Jane Roe. Updated March 12, 2020</p>").meta
    assert (meta.published or "")[:10] == "2019-10-15"
    assert (meta.updated or "")[:10] == "2020-03-12"


def test_a_shown_declared_day_is_kept() -> None:
    text = "Harbour 29 November 2021 ... last changed 12.01.2022"
    assert shown_instead("2021-11-29T14:13:37+00:00", ["2022-01-12T00:00:00"], text, "Harbour") is None


def test_an_earlier_modified_day_never_replaces_the_published_one() -> None:
    assert shown_instead("2022-01-12", ["2021-11-29"], "Harbour 29.11.2021", "Harbour") is None


def test_a_utc_stamp_stays_that_moment_whatever_day_the_page_shows() -> None:
    """Issue 12.5: no local-day substitution, even when the page writes the neighbouring day."""
    head = '<meta property="article:published_time" content="2022-05-04T02:41:00Z">'
    meta = read(head, "<p>By Jane Roe 3/5/2022 22:41</p>").meta
    assert meta.published == "2022-05-04T02:41:00+00:00"


# --------------------------------------------------------------------------
# Undeclared dates: the one written by the headline


def test_headline_date_is_the_nearest_unlabelled_date() -> None:
    text = "Menu 1 June 2019 Home News Sport Culture Harbour plans approved By Jane Roe 14.01.2022 Related: 2 May 2021"
    assert headline_date(text, "Harbour plans approved", date(2026, 1, 1)) == "2022-01-14"
    assert headline_date(text, None, date(2026, 1, 1)) is None
    assert headline_date("Harbour 1 June 2030", "Harbour", date(2026, 1, 1)) is None  # the future


def test_undeclared_page_dated_by_its_headline_not_by_a_related_story() -> None:
    byline = "<p>By Jane Roe, 14 January 2022</p>"
    filler = "<p>" + "Comments and reader letters about other matters. " * 120 + "</p>"
    footer = (
        f'<aside>{filler}<ul><li>Older story <time datetime="2021-11-24">24.11.2021</time></li></ul></aside>'
    )
    published = read(byline=byline, footer=footer).meta.published or ""
    assert published[:10] == "2022-01-14"


# --------------------------------------------------------------------------
# The URL


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("https://example.org/home/2017/7/12/a-story", "2017-07-12"),
        ("https://example.org/2017-07-12/a-story", "2017-07-12"),
        ("https://example.org/2017/13/40/a-story", None),
        ("https://example.org/story-20170712", None),
    ],
)
def test_url_day(href: str, expected: str | None) -> None:
    page = tree(f'<html><head><link rel="canonical" href="{href}"></head><body></body></html>')
    assert url_day(page) == expected


def test_url_date_beats_a_declared_date_the_page_never_shows() -> None:
    head = (
        '<link rel="canonical" href="https://example.org/home/2017/7/12/harbour-plans">'
        '<script type="application/ld+json">{"@type": "Article", "headline": "Harbour plans approved",'
        ' "datePublished": "2019-06-17T18:28:00+02:00"}</script>'
    )
    assert (read(head).meta.published or "")[:10] == "2017-07-12"
    shown = read(head, "<p>Posted 17 June 2019</p>").meta.published or ""
    assert shown[:10] == "2019-06-17"


# --------------------------------------------------------------------------
# Weighing the evidence (the metadata pass alone, on what trafilatura and htmldate would report)

ARTICLE = """<html><head>{head}</head><body><nav>Home News</nav><article><h1>Harbour plans approved</h1>
{byline}<p>The council approved the harbour plans on a narrow vote after a long debate about costs.</p>
{after}</article></body></html>"""


def weighed(
    head: str = "", byline: str = "", after: str = "", **extracted: str
) -> tuple[str | None, dict[str, str]]:
    """The published date the metadata pass picks from this page and these trafilatura/htmldate finds."""
    where: dict[str, str] = {}
    page = tree(ARTICLE.format(head=head, byline=byline, after=after))
    meta = build_metadata(page, Extracted(**extracted), where)
    return meta.published, where


def test_an_undated_page_takes_the_date_written_by_its_headline() -> None:
    """htmldate's only find is a bare year (its 1 January): the byline's date dates the page."""
    published, where = weighed(byline="<p>19. Mai 2010 von Jane Roe</p>", searched_date="2016-01-01")
    assert published == "2010-05-19"
    assert "headline" in where["published"]
    assert weighed(searched_date="2016-01-01")[0] is None  # no date anywhere: none
    with rules_off("headline-only"):
        assert weighed(byline="<p>19. Mai 2010 von Jane Roe</p>", searched_date="2016-01-01")[0] is None


def test_a_time_element_under_the_headline_is_a_shown_date() -> None:
    """A forum thread's start date reads "1 minute ago" (as of the crawl); its ``<time>`` says the day."""
    byline = '<p>Start date <time datetime="2020-03-18T12:22:42-0400">1 minute ago</time></p>'
    after = "<p>Biggie-Cheese, Joined May 11, 2017, Messages 3,066</p>"
    found = "2020-03-18T12:22:42-04:00"
    assert weighed(byline=byline, after=after, date=found)[0] == found
    with rules_off("time-shown"):  # else the only date written by the headline, the poster's join date
        assert weighed(byline=byline, after=after, date=found)[0] == "2017-05-11"


def test_headline_time_is_the_first_time_element_near_the_headline() -> None:
    stamp = '<time datetime="2020-03-18T12:22:42-0400">1 minute ago</time>'
    before = f"<html><body><p>{stamp}</p><h1>Thread</h1><p>No date here</p></body></html>"
    assert headline_time(tree(before)) is None  # before the headline: another thread's
    assert headline_time(tree(f"<html><body><h1>Thread</h1><p>{stamp}</p></body></html>")) == "2020-03-18"
    far = "<p>" + "Forum rules and other threads. " * 200 + "</p>"
    assert headline_time(tree(f"<html><body><h1>Thread</h1>{far}<p>{stamp}</p></body></html>")) is None


def test_a_declared_utc_stamp_keeps_its_day_against_the_neighbouring_local_day() -> None:
    """Issue 12.5: 01:09 UTC on the 9th, shown as the 8th in Denver, stays the stamp it is."""
    head = '<meta property="article:published_time" content="2023-11-09T01:09:55+00:00">'
    assert (
        weighed(head, "<p>By Jane Roe, November 8, 2023 at 6:09 p.m.</p>")[0] == "2023-11-09T01:09:55+00:00"
    )


def test_a_headline_written_with_another_break_is_placed_by_its_first_words() -> None:
    """``<h1>Strompreisbremse:<br>Bundesregierung …</h1>``: the element's text and the page's differ at the break."""
    title = "Strompreisbremse – Erlösabschöpfung:Bundesregierung drosselt Bioenergie"
    text = "Menu 1 June 2019 Strompreisbremse – Erlösabschöpfung: Bundesregierung drosselt Bioenergie 29.11.2022 – Mehrfach"
    assert headline_date(text, title, date(2026, 1, 1)) == "2022-11-29"


# --------------------------------------------------------------------------
# Readers' comments

COMMENTS = (
    '<section id="comments"><ol class="commentlist"><li class="comment"><div class="comment-metadata">'
    '<time datetime="2019-08-24T03:36:11+02:00">24. August 2019 um 03:36 Uhr</time></div>'
    "<p>Peter sagt: a fine episode, thank you.</p></li></ol></section>"
)


def test_a_date_only_in_the_comments_gives_way_to_the_date_by_the_headline() -> None:
    """htmldate's first element marked as a date is a comment's ``<time>``; the byline writes the article's."""
    found = "2019-08-24"
    byline = "<p>Veröffentlicht am 16.08.2019</p>"
    published, where = weighed(byline=byline, after=COMMENTS, date=found)
    assert published == "2019-08-16"
    assert "comments" in where["published"]
    assert weighed(after=COMMENTS, date=found)[0] is None  # nothing else dates the page: no date
    with rules_off("comments"):
        assert weighed(byline=byline, after=COMMENTS, date=found)[0] == found


def test_a_date_the_article_also_writes_is_not_a_comments_date() -> None:
    byline = "<p>Veröffentlicht am 24.08.2019</p>"
    assert weighed(byline=byline, after=COMMENTS, date="2019-08-24")[0] == "2019-08-24"


def test_only_in_comments_needs_a_thread_that_is_not_the_whole_page() -> None:
    stamp = '<time datetime="2019-08-24T03:36:11+02:00">24. August 2019</time>'
    thread = f'<html><body><h1>Story</h1><div class="comment">{stamp}</div></body></html>'
    assert only_in_comments(tree(thread), "2019-08-24")
    assert not only_in_comments(tree(thread), "2019-08-25")  # not written at all
    whole = f'<html><body><div class="comments-open"><h1>Story</h1><div class="comment">{stamp}</div></div></body></html>'
    assert only_in_comments(tree(whole), "2019-08-24")  # the comment's own element still marks it
    page = f'<html><body><div id="comments"><h1>Story</h1><p>{stamp}</p></div></body></html>'
    assert not only_in_comments(tree(page), "2019-08-24")  # a "thread" holding the headline is the page


def test_a_date_in_the_url_is_not_only_the_comments() -> None:
    """``/2014/05/18/slug``: htmldate's day is the URL's, which a comment also writes; it stays."""
    head = '<link rel="canonical" href="https://example.org/2019/08/24/harbour-plans/">'
    assert weighed(head, after=COMMENTS, date="2019-08-24")[0] == "2019-08-24"


def test_the_headline_is_the_articles_heading_not_the_sites_name() -> None:
    """A site's name in an ``<h1>`` above a list of other stories: the article's own heading places
    the date the page writes by its headline."""
    filler = "<p>" + "Other news from the region and beyond. " * 20 + "</p>"
    page = tree(
        '<html><head><title>Harbour plans approved</title></head><body><header><h1><a href="/">Zoll</a></h1>'
        f"</header><aside><ul><li>Older story 24.11.2021</li></ul>{filler}</aside>"
        "<article><h1>Harbour plans approved</h1><p>Datum: 14.01.2022</p>"
        "<p>The council approved the harbour plans on a narrow vote after a long debate about costs.</p>"
        "</article></body></html>"
    )
    assert headline(page) == "Harbour plans approved"
    assert build_metadata(page, Extracted(date="2021-11-24")).published == "2022-01-14"


# --------------------------------------------------------------------------
# The byline's date

RELATED = "<aside><ul><li>Older story, 24.11.2021</li><li>Seminar 19.1.23, 10:00-11:30</li></ul></aside>"


@pytest.mark.parametrize(
    "byline",
    [
        "<p>Datum: 14.01.2022</p>",
        "<p>Written: 2022-01-14 15:03:30 / Updated: 2022-01-14 15:30:46</p>",
        "<p>January 14, 2022</p>",
        "<p>14.01.2022 | Politik</p>",
    ],
)
def test_the_bylines_date_beats_a_related_storys_written_near_the_headline(byline: str) -> None:
    """htmldate's first element marked as a date is another story's, which the page writes near the
    headline too; the line under the headline opens with the article's date."""
    published, where = weighed(byline=byline, after=RELATED, date="2021-11-24")
    assert published == "2022-01-14"
    assert "byline" in where["published"]
    with rules_off("byline-day"):
        assert weighed(byline=byline, after=RELATED, date="2021-11-24")[0] == "2021-11-24"


@pytest.mark.parametrize(
    "byline",
    [
        "<p>Updated: 14.01.2022</p>",  # a revision's date, not the publication's
        "<p>Photo taken on 14.01.2022 in the harbour</p>",  # a caption, not a byline
        "<p>Jane Roe</p><p>The council met on 14.01.2022 to vote on the plans.</p>",  # a sentence
        "<p>Datum: 14.01.2030</p>",  # after tomorrow
    ],
)
def test_a_line_under_the_headline_that_is_no_byline_date_moves_nothing(byline: str) -> None:
    assert weighed(byline=byline, after=RELATED, date="2021-11-24")[0] == "2021-11-24"


def test_the_urls_day_is_not_outweighed_by_the_byline() -> None:
    head = '<link rel="canonical" href="https://example.org/2021/11/24/harbour-plans/">'
    assert weighed(head, "<p>Datum: 14.01.2022</p>", RELATED, date="2021-11-24")[0] == "2021-11-24"
