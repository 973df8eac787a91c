"""The HTML reader's date-line step: a paragraph at the body's top that is only a date goes to the
metadata, not the text (issue 12's heise page and the German pages like it). Made-up bodies.
"""

from __future__ import annotations

from bodies import para, texts

from convert.model import Figure, Heading, Metadata, Text
from convert.readers.html.body import drop_date_line

TITLE = "Warm war es, schön war es"
STORY = "Heute Nachmittag waren wir mit rund dreißig Mitgliedern am Ufer, und es wurde ein langer Tag."


META = Metadata(title=TITLE, language="de", published="2023-11-01T09:00:00+01:00")


def test_a_date_line_right_under_the_headline_goes() -> None:
    # The headline is still there when the step runs (the title-heading step takes it next).
    body = [Heading(1, (Text(TITLE),)), para("10.06.2018 22:00"), Figure("a.jpg"), para(STORY)]
    meta = Metadata(title=TITLE, language="de", published="2018-06-01", updated="2018-06-10T22:00:00")
    assert texts(drop_date_line(body, meta)) == [TITLE, "", STORY]


def test_a_date_line_with_a_weekday_of_the_pages_language_goes() -> None:
    body = [para("Mittwoch, 01.11.2023"), para(STORY)]
    assert texts(drop_date_line(body, META)) == [STORY]
    body = [para("1. November 2023, Mittwoch"), para(STORY)]
    assert texts(drop_date_line(body, META)) == [STORY]
    # A word that is no weekday of the language keeps the line: it says something.
    body = [para("Mittwoch, 01.11.2023"), para(STORY)]
    assert drop_date_line(body, Metadata(title=TITLE, language="en", published="2023-11-01")) == body
    body = [para("Stand: 01.11.2023"), para(STORY)]
    assert drop_date_line(body, META) == body


def test_a_lead_picture_and_its_credit_above_the_date_line_are_passed_over() -> None:
    body = [
        para("Interview mit zwei Gästen"),
        Figure("a.jpg"),
        para("Fotos: Jana Muster"),
        para("Mittwoch, 01.11.2023"),
        para(STORY),
    ]
    assert texts(drop_date_line(body, META)) == ["Interview mit zwei Gästen", "", "Fotos: Jana Muster", STORY]


def test_another_heading_or_a_date_further_down_stays() -> None:
    body = [Heading(2, (Text("Die Lage am Ufer"),)), para("10.06.2018 22:00"), para(STORY)]
    assert drop_date_line(body, META) == body
    body = [para(STORY), para(STORY), para(STORY), para("10.06.2018 22:00")]
    assert drop_date_line(body, META) == body


def test_a_date_that_is_not_the_articles_day_stays() -> None:
    # An event's day or a range under the headline is what the article says (review of h26): a line
    # goes only when its one date is the published or updated day.
    en = Metadata(title="Jazz festival returns", language="en", published="2025-05-01T09:00:00Z")
    de = Metadata(title=TITLE, language="de", published="2025-05-01T09:00:00Z")
    for meta, line in [
        (en, "Saturday, June 14, 2025"),
        (de, "Samstag, 14.06.2025"),
        (en, "June 14, 2025 – June 16, 2025"),
        (de, "14.06.2025 - 16.06.2025"),
        (en, "May 1, 2025 – June 16, 2025"),  # two dates, one the published day: a range all the same
        (Metadata(title=TITLE, language="de"), "Mittwoch, 01.11.2023"),  # no published day to match
    ]:
        body = [para(line), para(STORY)]
        assert drop_date_line(body, meta) == body, line
    body = [para("Thursday, May 1, 2025"), para(STORY)]
    assert texts(drop_date_line(body, en)) == [STORY]
