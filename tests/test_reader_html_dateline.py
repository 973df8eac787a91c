"""A dateline opening a web page's first paragraph, read as the Markdown, DOCX and ODT readers read it
(:func:`convert.readers._lead_dateline.take_lead_dateline`)."""

from __future__ import annotations

import pytest

import convert
from convert.model import Paragraph, plain_text

MORE = {
    "en": "The talks resumed on Tuesday after a pause of three weeks, officials from both sides said.",
    "pt-BR": "O governo estadual anunciou a liberação de recursos para ações emergenciais na região.",
    "it": "Le paratoie sono state sollevate per la quarta volta in una settimana, secondo il comune.",
}


def page(lead: str, lang: str = "en", head: str = "", second: str | None = None) -> bytes:
    more = MORE[lang]
    return (
        f"<html lang={lang}><head><title>Talks resume</title>{head}</head><body><article>"
        f"<h1>Talks resume</h1><p>{lead}</p><p>{second or more}</p><p>{more}</p><p>{more}</p>"
        "</article></body></html>"
    ).encode()


@pytest.mark.parametrize(
    ("lead", "lang", "place", "dash", "publisher"),
    [
        (
            "SÃO SEBASTIÃO — Pelo menos 12 pessoas morreram após um temporal no litoral norte paulista.",
            "pt-BR",
            "SÃO SEBASTIÃO",
            "—",
            None,
        ),
        (
            "VENEZIA — Le paratoie del Mose sono state sollevate, evitando che la marea allagasse la città.",
            "it",
            "VENEZIA",
            "—",
            None,
        ),
        (
            "CAIRO (Reuters) - Egypt said on Monday that the talks on the new border crossing would resume.",
            "en",
            "CAIRO",
            "-",
            "Reuters",
        ),
    ],
)
def test_the_first_paragraph_gives_its_dateline(
    lead: str, lang: str, place: str, dash: str, publisher: str | None
) -> None:
    article = convert.read(page(lead, lang), from_="html")
    assert (article.meta.dateline, article.meta.dateline_dash, article.meta.publisher) == (
        place,
        dash,
        publisher,
    )
    first = article.body[0]
    assert isinstance(first, Paragraph)
    assert plain_text(first) == lead.split(f" {dash} ", 1)[1]


@pytest.mark.parametrize(
    ("lead", "head"),
    [
        # a wire story on a newspaper's page: the agency would not be the publisher
        (
            "SAN FRANCISCO (AP) — Pacific Gas & Electric Co. was set to begin shutting off power on Wednesday.",
            '<meta property="og:site_name" content="The Daily Courier">',
        ),
        # a region, a day without its year: kept nowhere in the tree
        ("PORTLAND, Ore. — The city council said on Tuesday that it would vote on the new budget.", ""),
        (
            "WASHINGTON, Nov 20 (Reuters) - The Senate said on Tuesday that it would vote on the new budget.",
            "",
        ),
        # a whole date, when the page declares its own
        (
            "CAIRO, March 12, 2024 — Egypt said on Monday that the talks on the new crossing would resume.",
            '<meta property="article:published_time" content="2024-03-13T08:00:00Z">',
        ),
    ],
)
def test_a_dateline_that_says_more_than_the_tree_keeps_stays_as_written(lead: str, head: str) -> None:
    article = convert.read(page(lead, head=head), from_="html")
    assert article.meta.dateline is None
    assert plain_text(article.body[0]) == lead


def test_the_agency_the_page_names_as_its_publisher_is_kept() -> None:
    lead = "SAN FRANCISCO (AP) — Pacific Gas & Electric Co. was set to begin shutting off power on Wednesday."
    article = convert.read(page(lead, head='<meta property="og:site_name" content="AP">'), from_="html")
    assert (article.meta.dateline, article.meta.publisher) == ("SAN FRANCISCO", "AP")
    assert plain_text(article.body[0]).startswith("Pacific Gas")


@pytest.mark.parametrize(
    "lead",
    [
        # a capitalised word and a dash open many a sentence: no dateline
        "Yesterday — after a long debate — the council agreed to reopen the old crossing to traffic.",
        "Nobody — not even the mayor — knew that the talks on the new border crossing would resume.",
        # a linked place stays where it is printed
        '<a href="https://example.org/cairo">CAIRO</a> — Egypt said on Monday that the talks would resume.',
    ],
)
def test_a_first_paragraph_without_a_plain_dateline_is_left_as_written(lead: str) -> None:
    article = convert.read(page(lead), from_="html")
    assert article.meta.dateline is None
    assert plain_text(article.body[0]).startswith(("Yesterday —", "Nobody —", "CAIRO —"))


def test_only_the_first_paragraph_is_read() -> None:
    lead = "Egypt said on Monday that the talks on the new border crossing would resume next week."
    second = "CAIRO — The talks resumed on Tuesday after a pause of three weeks, officials said."
    article = convert.read(page(lead, second=second), from_="html")
    assert article.meta.dateline is None
    assert plain_text(article.body[1]) == second


def test_the_exporters_print_the_dateline_once_before_the_lead() -> None:
    lead = "VENEZIA — Le paratoie del Mose sono state sollevate, evitando che la marea allagasse la città."
    article = convert.read(page(lead, "it"), from_="html")
    html = convert.write(article, "html").decode()
    assert '<span class="dateline">VENEZIA</span> — Le paratoie' in html
    text = convert.write(article, "txt").decode()
    assert text.count("VENEZIA") == 1
    assert "VENEZIA — Le paratoie" in " ".join(text.split())


@pytest.mark.parametrize(
    ("title", "head", "lead"),
    [
        # the section a side part of the <title> names, printed above the lead
        (
            "Streit ums Feuerholz | MIGRATION",
            "",
            "MIGRATION – Probleme zwischen Einheimischen und Flüchtlingen sind auch in Afrika ein Thema.",
        ),
        # the site's own name
        (
            "Talks resume",
            '<meta property="og:site_name" content="NEWSWIRE">',
            "NEWSWIRE — Egypt said on Monday that the talks on the new border crossing would resume.",
        ),
    ],
)
def test_the_site_or_section_name_before_a_dash_is_no_dateline(title: str, head: str, lead: str) -> None:
    more = MORE["en"]
    html = (
        f"<html lang=en><head><title>{title}</title>{head}</head><body><article><h1>{title.split(' | ')[0]}</h1>"
        f"<p>{lead}</p><p>{more}</p><p>{more}</p></article></body></html>"
    )
    article = convert.read(html.encode(), from_="html")
    assert article.meta.dateline is None
    assert plain_text(article.body[0]) == lead
