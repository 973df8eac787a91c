"""A dateline opening a web page's first paragraph, read as the Markdown, DOCX and ODT readers read it
(:func:`convert.readers._lead_dateline.take_lead_dateline`)."""

from __future__ import annotations

import pytest

import convert
from convert.model import Paragraph, plain_text

MORE = {
    "en": "The talks resumed on Tuesday after a pause of three weeks, officials from both sides said.",
    "pt-BR": "O governo estadual anunciou a liberação de recursos para ações emergenciais na região.",
    "de": "Die Gespräche wurden am Dienstag nach einer Pause von drei Wochen wieder aufgenommen.",
    "fr": "Les discussions ont repris mardi après une pause de trois semaines, selon les responsables.",
    "it": "Le paratoie sono state sollevate per la quarta volta in una settimana, secondo il comune.",
    "ar": "وأضاف المتحدث أن المحادثات ستستأنف الأسبوع المقبل في العاصمة بعد توقف دام ثلاثة أسابيع.",
    "hi": "प्रवक्ता ने कहा कि बातचीत अगले सप्ताह राजधानी में फिर से शुरू होगी और सभी पक्ष शामिल होंगे।",
    "he": "הדובר הוסיף כי השיחות יתחדשו בשבוע הבא בבירה לאחר הפסקה של שלושה שבועות.",
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
        # a time zone's city CLDR names in the page's language
        (
            "ROMA — Il governo ha approvato il decreto sulle paratoie del Mose dopo una lunga seduta.",
            "it",
            "ROMA",
            "—",
            None,
        ),
        ("القاهرة — قال وزير الخارجية إن المحادثات ستستأنف قريبا في العاصمة.", "ar", "القاهرة", "—", None),
        # review r40b: the caseless places the text reader knows (convert.locale.places.known_place)
        (
            "الإسكندرية — قال وزير الخارجية إن المحادثات ستستأنف قريبا في العاصمة.",
            "ar",
            "الإسكندرية",
            "—",
            None,
        ),
        ("नई दिल्ली — विदेश मंत्री ने कहा कि बातचीत जल्द ही फिर से शुरू होगी।", "hi", "नई दिल्ली", "—", None),
        # a zone's own city (America/New_York), a town only GeoNames lists
        (
            "NEW YORK — The city council said on Tuesday that it would vote on the new budget.",
            "en",
            "NEW YORK",
            "—",
            None,
        ),
        (
            "TAYLORVILLE — The city council said on Tuesday that it would vote on the new budget.",
            "en",
            "TAYLORVILLE",
            "—",
            None,
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
        # a wire agency's credit: DOCX prints no publisher, so the lead keeps it as typed
        (
            "CAIRO (Reuters) - Egypt said on Monday that the talks on the new border crossing would resume.",
            "",
        ),
        (
            "SAN FRANCISCO (AP) — Pacific Gas & Electric Co. was set to begin shutting off power on Wednesday.",
            '<meta property="og:site_name" content="AP">',
        ),
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


@pytest.mark.parametrize(
    ("lead", "lang"),
    [
        # a web lead's label in capitals, a name that is no place's (r40)
        ("FILE - In this Oct. 3, 2019 photo, the council meets to discuss the new crossing.", "en"),
        (
            "EDITOR'S NOTE — This story contains details some readers may find disturbing, officials said.",
            "en",
        ),
        ("PHOTO — Crews work on the new crossing on Tuesday, as the council met to discuss it.", "en"),
        ("FACT CHECK — The claim that the council reversed its decision on the crossing is false.", "en"),
        ("SPONSORED CONTENT — The council has since reversed its decision on the crossing.", "en"),
        ("NASA — the space agency — said on Tuesday that the launch would be delayed again.", "en"),
        # a caseless script's opening words ("meanwhile")
        ("في الوقت نفسه — قال وزير الخارجية إن المحادثات ستستأنف قريبا في القاهرة.", "ar"),
        # h49: towns GeoNames names with a frequent word of the page's language (review r40b)
        ("POLICE — Officers were called to the scene shortly after midnight, a spokesman said.", "en"),
        ("DAVIS — who scored twice — said the team had deserved the win on Saturday.", "en"),
        ("MEDIA — The coverage of the council vote has been criticised by both sides.", "en"),
        # a city's name in another page's language
        ("MÜNCHEN — The city council said on Tuesday that it would vote on the new budget.", "en"),
        # review r49: nor in its own: GeoNames' alternate names are not taken (they brought in words:
        # SOUL for Seoul, Italian BUFALA, German LÖWEN)
        ("MÜNCHEN – Die Stadt hat am Dienstag die neue Brücke eröffnet, sagte der Bürgermeister.", "de"),
        ("GENÈVE – La ville a inauguré mardi le nouveau pont, a déclaré le maire de la ville.", "fr"),
        ("SOUL — The genre's biggest names gathered in Memphis on Saturday for the awards night.", "en"),
        ("LÖWEN — Die Mannschaft hat am Samstag das Derby gegen die Amateure gewonnen, hieß es.", "de"),
        ("इस बीच — विदेश मंत्री ने कहा कि बातचीत जल्द ही फिर से शुरू होगी।", "hi"),
        ("בינתיים — שר החוץ אמר כי השיחות יתחדשו בקרוב בקהיר ובירושלים.", "he"),
    ],
)
def test_a_label_that_names_no_known_place_is_no_dateline(lead: str, lang: str) -> None:
    article = convert.read(page(lead, lang), from_="html")
    assert article.meta.dateline is None
    assert plain_text(article.body[0]) == lead


def test_only_the_first_paragraph_is_read() -> None:
    lead = "Egypt said on Monday that the talks on the new border crossing would resume next week."
    second = "CAIRO — The talks resumed on Tuesday after a pause of three weeks, officials said."
    article = convert.read(page(lead, second=second), from_="html")
    assert article.meta.dateline is None
    assert plain_text(article.body[1]) == second


def test_the_exporters_print_the_dateline_once_before_the_lead() -> None:
    lead = "ROMA — Le paratoie del Mose sono state sollevate, evitando che la marea allagasse la città."
    article = convert.read(page(lead, "it"), from_="html")
    html = convert.write(article, "html").decode()
    assert '<span class="dateline">ROMA</span> — Le paratoie' in html
    text = convert.write(article, "txt").decode()
    assert text.count("ROMA") == 1
    assert "ROMA — Le paratoie" in " ".join(text.split())


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
