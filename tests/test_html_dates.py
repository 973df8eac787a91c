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
from convert.readers.html.date_places import comment_threads, comments_date
from convert.readers.html.dates import (
    REVISION_LABEL,
    headline,
    headline_date,
    headline_element,
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
    with rules_off("comments"):
        assert weighed(byline=byline, after=COMMENTS, date=found)[0] == found


def test_a_comments_date_stays_when_the_article_writes_no_other_date() -> None:
    """ "No date" is no better than htmldate's pick when nothing else dates the page."""
    assert weighed(after=COMMENTS, date="2019-08-24")[0] == "2019-08-24"


def test_a_date_the_article_also_writes_is_not_a_comments_date() -> None:
    byline = "<p>Veröffentlicht am 24.08.2019</p>"
    assert weighed(byline=byline, after=COMMENTS, date="2019-08-24")[0] == "2019-08-24"


RU_PAGE = """<html lang="{lang}"><head><title>Совет одобрил планы гавани</title></head><body><article>
<h1>Совет одобрил планы гавани</h1><div class="meta"><span class="date">{byline}</span></div>
<p>Городской совет одобрил планы по реконструкции гавани после долгих споров о расходах и сроках работ.</p>
</article><section id="comments"><ol class="commentlist"><li class="comment"><div class="comment-metadata">
<time datetime="2019-08-24T21:10:00+03:00">24.08.2019 21:10</time></div><p>Отлично!</p></li></ol></section>
</body></html>"""


@pytest.mark.parametrize(
    ("lang", "byline"),
    [("ru", "24 августа 2019"), ("ru", "24 августа 2019 г., 10:00"), ("ar", "٢٤/٠٨/٢٠١٩")],
)
def test_a_same_day_comment_keeps_a_date_the_page_writes_its_own_way(lang: str, byline: str) -> None:
    page = tree(RU_PAGE.format(lang=lang, byline=byline))
    assert build_metadata(page, Extracted(date="2019-08-24")).published == "2019-08-24"


def test_a_comment_classed_wrapper_around_the_page_is_no_thread() -> None:
    """``class="comments-open"`` around the whole page (a flag) and a thread holding the headline are
    the page: only the comment inside is skipped."""
    html = (
        '<html><head><title>Story of the harbour</title></head><body><div class="comments-open">'
        "<h1>Story of the harbour</h1><p>Posted 16.08.2019</p><p>The council approved the plans.</p>"
        '<div class="comment"><time datetime="2019-08-24T03:36:11+02:00">24. August 2019</time><p>Nice.</p>'
        "</div></div></body></html>"
    )
    assert [el.get("class") for el in comment_threads(tree(html), "Story of the harbour")] == ["comment"]
    assert build_metadata(tree(html), Extracted(date="2019-08-24")).published == "2019-08-16"
    wrapped = html.replace('class="comments-open"', 'id="comments"')
    assert build_metadata(tree(wrapped), Extracted(date="2019-08-24")).published == "2019-08-16"


def test_an_opinion_article_in_a_comment_class_keeps_its_date() -> None:
    html = (
        '<html><head><title>Why the harbour plan fails</title></head><body><header class="page-header">'
        '<h1>Why the harbour plan fails</h1></header><div class="comment"><p class="byline">By Jane Roe, '
        '<span class="date">1 February 2024</span></p><p>The plan fails for three reasons.</p></div>'
        '<div class="comments"><p>Reader, 3 February 2024: agreed.</p></div></body></html>'
    )
    assert build_metadata(tree(html), Extracted(date="2024-02-01")).published == "2024-02-01"
    assert comments_date(tree(html), "2024-02-01", "Why the harbour plan fails") is None


@pytest.mark.parametrize("word", ["comment-count", "comments-link", "comments-enabled", "comments-open"])
def test_counts_links_and_flags_about_comments_are_no_threads(word: str) -> None:
    html = (
        f'<html><body><h1>Harbour plans approved</h1><div class="{word}"><span>1 February 2024</span></div>'
        "<p>Posted 3 February 2024</p></body></html>"
    )
    assert comment_threads(tree(html), "Harbour plans approved") == []
    assert comments_date(tree(html), "2024-02-01", "Harbour plans approved") is None


def test_a_date_in_the_url_is_not_only_the_comments() -> None:
    """``/2014/05/18/slug``: htmldate's day is the URL's, which a comment also writes; it stays."""
    head = '<link rel="canonical" href="https://example.org/2019/08/24/harbour-plans/">'
    byline = "<p>Veröffentlicht am 16.08.2019</p>"
    assert weighed(head, byline, after=COMMENTS, date="2019-08-24")[0] == "2019-08-24"


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


def test_the_headline_is_the_whole_title_in_an_h1_not_a_teaser() -> None:
    """A related story's heading that begins like the title, in an ``<aside>`` or all one link to
    another page, comes before the article's ``<h1>``: the ``<h1>`` that writes the title whole is
    the headline."""
    new, old = (f"Live: Russia-Ukraine war, day {n} – what we know" for n in (123, 122))
    canonical = '<link rel="canonical" href="https://example.org/live-123">'
    for teaser in (
        f'<aside class="latest"><h3><a href="/live-122">{old}</a></h3><p>06.12.2024</p></aside>',
        f'<div class="latest"><h3><a href="/live-122">{old}</a></h3><p>06.12.2024</p></div>',
        f"<div><h2>{new} (part 2)</h2></div>",
    ):
        page = tree(
            f"<html><head><title>{new}</title>{canonical}</head><body>{teaser}<article><h1>{new}</h1>"
            "<p>By Jane Roe, 07.12.2024</p></article></body></html>"
        )
        found = headline_element(page, new)
        assert found is not None and found.tag == "h1", teaser


def test_a_headline_linking_to_its_own_page_is_the_headline() -> None:
    page = tree(
        '<html><head><link rel="canonical" href="https://example.org/harbour/"></head><body>'
        '<h2><a href="https://example.org/harbour/">Harbour plans approved</a></h2></body></html>'
    )
    found = headline_element(page, "Harbour plans approved")
    assert found is not None and found.tag == "h2"


def test_the_headline_time_is_the_articles_not_a_site_widgets() -> None:
    """A site name's ``<h1>`` and the site's "today" ``<time>`` above the article's heading."""
    today = date.today().isoformat()
    html = (
        '<html><head><title>Harbour plans approved</title></head><body><header><h1><a href="/">Zoll</a></h1>'
        f'<p class="today"><time datetime="{today}">today</time></p></header>'
        "<main><h2>Harbour plans approved</h2><p>Datum: 14.01.2022</p></main></body></html>"
    )
    assert headline_time(tree(html), "Harbour plans approved") is None
    article = html.replace("<p>Datum: 14.01.2022</p>", '<p><time datetime="2022-01-14">Friday</time></p>')
    assert headline_time(tree(article), "Harbour plans approved") == "2022-01-14"


def test_a_word_that_only_begins_with_an_update_label_labels_nothing() -> None:
    assert REVISION_LABEL.search("Live blog: all the updates By Jane Roe, ") is None
    assert REVISION_LABEL.search("Updated by Jane Roe, ") is not None
    assert REVISION_LABEL.search("unmodified copy of ") is None


@pytest.mark.parametrize(
    "byline",
    [
        "<p>Termin: 5.3.2024</p>",  # an event's date
        "<p>12.05.2024 – 14.05.2024, Stadtpark</p>",  # a range's start
        "<p>Stand: 3.2.2024</p>",  # an update's
        "<p>Aktualizacja: 03.02.2024</p>",
    ],
)
def test_a_date_line_under_the_headline_does_not_outweigh_the_marked_date(byline: str) -> None:
    """The first date under the headline is not the byline's by its place alone (h24's dropped
    ``byline-day`` rule took events', ranges' and updates' dates for it)."""
    meta = byline + '<p class="meta">Veröffentlicht: <span class="date">01.02.2024</span></p>'
    assert weighed(byline=meta, date="2024-02-01")[0] == "2024-02-01"


@pytest.mark.parametrize("word", ["comment-author-link", "comment-reply-link", "comments-area"])
def test_a_part_of_a_comment_named_for_its_link_is_a_comments(word: str) -> None:
    """Only a link, count or flag about the comments is no thread: ``comment-author-link`` (a
    commenter's name) is a comment's own."""
    html = f'<html><body><h1>Story</h1><span class="{word}">24. August 2019</span><p>Posted 16.08.2019</p></body></html>'
    assert len(comment_threads(tree(html), "Story")) == 1
