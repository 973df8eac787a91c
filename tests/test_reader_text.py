"""The plain-text reader: each heuristic, each encoding, whole articles."""

from __future__ import annotations

import contextlib
import json
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import convert
from convert.base import ReadOptions
from convert.errors import InputError
from convert.model import Article, List, Paragraph, Quote, Rule, Text, plain_text, to_json
from convert.readers import text
from convert.readers.text import (
    TextReader,
    classify_note,
    clean,
    decode_text,
    find_bio,
    find_byline,
    find_list,
    find_title,
    is_rule,
    join_wrapped,
    looks_like_name,
    looks_like_title,
    parse_date,
    parse_date_line,
    split_blocks,
    split_dateline,
    split_paragraphs,
    utf16_without_bom,
)

FIXTURES = Path(__file__).parent / "fixtures" / "text"


def read(text: str | bytes) -> Article:
    data = text.encode("utf-8") if isinstance(text, str) else text
    return TextReader().read(data, ReadOptions())


def paragraphs(article: Article) -> list[str]:
    return [plain_text(b) for b in article.body if isinstance(b, Paragraph)]


# --------------------------------------------------------------------------
# The sample op-ed, through the whole pipeline


@pytest.fixture(scope="module")
def sample() -> Article:
    return convert.read(Path(__file__).resolve().parent.parent / "samples" / "ashgabat-oped.txt")


def test_sample_metadata(sample: Article) -> None:
    meta = sample.meta
    assert meta.title == "Putin and Pezeshkian’s meeting in Ashgabat"
    assert [a.name for a in meta.authors] == ["Vladimir Sazhin"]
    assert meta.authors[0].bio == (
        "Vladimir Sazhin is Senior Researcher Institute of Oriental Studies of the Russian Academy of Sciences"
    )
    assert meta.published == "2024-10-14T22:37:00"
    assert meta.updated is None
    assert meta.dateline == "MOSCOW"
    assert meta.source is not None and meta.source.format == "text"


def test_sample_body(sample: Article) -> None:
    body = paragraphs(sample)
    assert len(sample.body) == 27
    # The reader gives plain text runs; the quote pass then marks quotations.
    assert all(
        isinstance(b, Paragraph) and all(isinstance(i, Text | Quote) for i in b.content) for b in sample.body
    )
    assert body[0].startswith("On October 11th, Russian President")
    assert "Civilizations—the Basis" in body[0]  # dashes kept as typed
    assert body[-1].startswith("In light of these upcoming events")
    assert not any(p.startswith(("*", "By ")) for p in body)
    assert not any("Senior Researcher" in p for p in body)


def test_sample_notes(sample: Article) -> None:
    kinds = [(n.kind, plain_text(n.body)) for n in sample.notes]
    assert [k for k, _ in kinds] == ["author-note", "disclaimer"]
    assert kinds[0][1].startswith("The author of this article insists")
    assert kinds[1][1] == (
        "The views expressed in this article are the author’s own and do not necessarily "
        "reflect Tehran Time’s stance."
    )
    assert len({n.id for n in sample.notes}) == 2


# --------------------------------------------------------------------------
# Heuristics, one by one


@pytest.mark.parametrize(
    ("line", "names", "role", "publisher"),
    [
        ("By Vladimir Sazhin", ("Vladimir Sazhin",), None, None),
        ("By Jane Doe, Reuters", ("Jane Doe",), None, "Reuters"),
        ("BY JANE DOE and John O’Neill", ("Jane Doe", "John O’Neill"), None, None),
        ("by Janie Gabbett, Reuters", ("Janie Gabbett",), None, "Reuters"),
        ("By Jane Doe, Staff Writer", ("Jane Doe",), "Staff Writer", None),
        ("By: Jean-Luc de la Cruz", ("Jean-Luc de la Cruz",), None, None),
        ("By The Associated Press", (), None, "The Associated Press"),
        ("By Staff", (), None, None),
        ("By Our Correspondent", (), None, None),
    ],
)
def test_find_byline(line: str, names: tuple[str, ...], role: str | None, publisher: str | None) -> None:
    found = find_byline(line)
    assert found is not None
    assert (found.names, found.role, found.publisher) == (names, role, publisher)


@pytest.mark.parametrize(
    "line",
    [
        "By the numbers: what the budget means",
        "By the sea",
        "By the Numbers",
        "By 2030, all cars will be electric",
        "By Vladimir Sazhin is Senior Researcher Institute of Oriental Studies",
        "Jane Doe, Reuters",
        "Bystanders said the car did not stop",
    ],
)
def test_find_byline_rejects(line: str) -> None:
    assert find_byline(line) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vladimir Sazhin", True),
        ("Mark O'Neill", True),
        ("J. R. Hartley", True),
        ("Bashar al-Assad", True),
        ("Madonna", False),
        ("the numbers", False),
        ("Staff Writer", False),
        ("Jane Doe is", False),
        ("Agent 007 Bond", False),
    ],
)
def test_looks_like_name(text: str, expected: bool) -> None:
    assert looks_like_name(text) is expected


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("October 14, 2024 - 22:37", "2024-10-14T22:37:00"),
        ("14 October 2024", "2024-10-14"),
        ("Oct. 14, 2024", "2024-10-14"),
        ("2024-10-14", "2024-10-14"),
        ("October 14, 2024 10:37 PM", "2024-10-14T22:37:00"),
        ("October 14, 2024 12:05 a.m.", "2024-10-14T00:05:00"),
        ("Monday, October 14th, 2024", "2024-10-14"),
        ("Sept 3, 2023 at 9:15", "2023-09-03T09:15:00"),
        ("2024-10-14T22:37:00Z", "2024-10-14T22:37:00+00:00"),
        ("2024-10-14 22:37 +03:00", "2024-10-14T22:37:00+03:00"),
        ("14 October 2024, 22:37 BST", "2024-10-14T22:37:00+01:00"),
        ("Oct 14, 2024 4:30 PM ET", "2024-10-14T16:30:00"),  # ambiguous zone: local time only
    ],
)
def test_parse_date(text: str, iso: str) -> None:
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text",
    ["14/10/2024", "October 32, 2024", "February 29, 2023", "October 2024", "Today", "2024-10-14 25:00",
     "October 14, 2024 13:00 PM", "October 14, 2024 10"],
)  # fmt: skip
def test_parse_date_refuses_to_guess(text: str) -> None:
    assert parse_date(text) is None


def test_parse_date_line_labels() -> None:
    assert parse_date_line("October 14, 2024 - 22:37") == _dates("2024-10-14T22:37:00", None)
    assert parse_date_line("Updated: October 15, 2024") == _dates(None, "2024-10-15")
    assert parse_date_line("Published 14 October 2024 | Last updated 15 October 2024") == _dates(
        "2024-10-14", "2024-10-15"
    )
    assert parse_date_line("Posted on Oct. 14, 2024, updated Oct. 15, 2024") == _dates(
        "2024-10-14", "2024-10-15"
    )
    assert parse_date_line("October 14, 2024 was a Monday") is None
    assert parse_date_line("Putin and Pezeshkian’s meeting in Ashgabat") is None


def _dates(published: str | None, updated: str | None) -> object:
    from convert.readers.text import DateLine

    return DateLine(published, updated)


@pytest.mark.parametrize(
    ("text", "place", "rest", "agency"),
    [
        ("MOSCOW – On October 11th, Putin met", "MOSCOW", "On October 11th, Putin met", None),
        ("NEW YORK, March 2 - Stocks rose", "NEW YORK", "Stocks rose", None),
        ("LONDON — Ministers clashed", "LONDON", "Ministers clashed", None),
        ("LONDON—Ministers clashed", "LONDON", "Ministers clashed", None),
        ("WASHINGTON (Reuters) - The Senate voted", "WASHINGTON", "The Senate voted", "Reuters"),
        ("SAN JUAN, Puerto Rico (AP) — Power returned", "SAN JUAN", "Power returned", "AP"),
        ("SÃO PAULO – Shares fell", "SÃO PAULO", "Shares fell", None),
        ("CHICAGO, Feb 26 -", "CHICAGO", "", None),
        # a wire dateline's day allows a place in capitalised words and an unspaced dash
        ("Toronto, Feb 26 - Shr 45 cts", "Toronto", "Shr 45 cts", None),
        ("Scarborough, Ontario, Feb 26 -", "Scarborough", "", None),
        ("Caracas, feb 26 - venezuela is seeking", "Caracas", "venezuela is seeking", None),
        (
            "NEW YORK, March 2 -The New York Mercantile Exchange",
            "NEW YORK",
            "The New York Mercantile Exchange",
            None,
        ),
    ],
)
def test_split_dateline(text: str, place: str, rest: str, agency: str | None) -> None:
    found = split_dateline(text)
    assert found is not None
    assert (found.place, found.rest, found.agency) == (place, rest, agency)


@pytest.mark.parametrize(
    "text",
    [
        "Moscow – On October 11th, Putin met",  # not in capitals
        "UK–EU trade talks resumed",  # unspaced en dash joins words
        "US-China talks resumed on Monday",
        "BREAKING – Markets fall",
        "The talks – which began in May – resumed",
        "NATO-led forces withdrew",
        "He said, March 2 - no more",  # a sentence, not a capitalised place
        "Sales rose, Feb 26 -27 pct",
        "Paris, the city - of light",  # a capitalised place only with a wire day
        "Moscow-based analysts said",
        "Tuesday, March 2 - Rain is expected.",  # a weekday (CLDR) is no place
    ],
)
def test_split_dateline_rejects(text: str) -> None:
    assert split_dateline(text) is None


#: A lead's dateline with a whole date (with its year), in several languages: the published date
#: when the header gives none, and the place; the date comes off the lead with the place.
_DATED_LEADS = [
    ("Growth will slow", "CAIRO, March 12, 2024 — Officials said growth would slow.", "CAIRO", "2024-03-12"),
    ("The Senate votes", "WASHINGTON, D.C., March 12, 2024 — The Senate voted.", "WASHINGTON", "2024-03-12"),
    (
        "Das Wachstum sinkt",
        "BERLIN, 12. März 2024 — Beamte sagten, das Wachstum sinke.",
        "BERLIN",
        "2024-03-12",
    ),
    ("El plan aprobado", "MADRID, 12 de marzo de 2024 — El Gobierno aprobó el plan.", "MADRID", "2024-03-12"),
    (
        "Рост замедлится",
        "МОСКВА, 12 марта 2024 г. — Чиновники заявили, что рост замедлится.",
        "МОСКВА",
        "2024-03-12",
    ),
    (
        "النمو الاقتصادي سيتباطأ",
        "القاهرة، 12 مارس 2024 — قال مسؤولون إن النمو الاقتصادي سيتباطأ.",
        "القاهرة",
        "2024-03-12",
    ),
    (
        "मानसून की बारिश",
        "नई दिल्ली, 5 जुलाई 2024 — मौसम विभाग ने कहा कि बारिश अधिक होगी।",
        "नई दिल्ली",
        "2024-07-05",
    ),
]


@pytest.mark.parametrize(("headline", "lead", "place", "day"), _DATED_LEADS)
def test_a_datelines_whole_date_is_the_published_date(headline: str, lead: str, place: str, day: str) -> None:
    article = read(f"{headline}\n\n{lead}\n\n{lead.split('— ')[1]}\n")
    assert (article.meta.dateline, article.meta.published) == (place, day)
    first = plain_text(article.body[0].content)  # type: ignore[attr-defined]
    assert place not in first and day[:4] not in first


def test_a_datelines_date_never_overrides_the_headers() -> None:
    article = read(
        "A headline for the story\n\nMarch 14, 2024\n\n"
        "CAIRO, March 12, 2024 — Officials said growth would slow.\n\nA second paragraph.\n"
    )
    assert (article.meta.dateline, article.meta.published) == ("CAIRO", "2024-03-14")


@pytest.mark.parametrize(
    "lead",
    [
        "CHICAGO, Feb 26 - Shares rose.",  # a wire day without its year: no date
        "TORONTO, Ontario, Feb 26 - Shr 45 cts.",
    ],
)
def test_a_datelines_day_without_a_year_gives_no_date(lead: str) -> None:
    article = read(f"A headline for the story\n\n{lead}\n\nA second paragraph follows here.\n")
    assert article.meta.dateline is not None and article.meta.published is None


def test_an_arabic_comma_leads_only_to_a_date() -> None:
    """In a script without capitals only a date after ``،`` tells a dateline from a sentence."""
    lead = "في الوقت نفسه، قال الوزير — إن الحكومة ستعمل على خطط جديدة لدعم الاقتصاد."
    article = read(f"عنوان الخبر الرئيسي\n\n{lead}\n\nفقرة ثانية تتبع هنا.\n")
    assert article.meta.dateline is None and article.meta.published is None
    assert plain_text(article.body[0].content).startswith("في الوقت نفسه")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "kind", "body"),
    [
        ("*The author of this article insists", "author-note", "The author of this article insists"),
        ("**The views expressed are the author’s own.", "disclaimer", "The views expressed are the author’s own."),
        ("*Jane Doe is a fellow at Chatham House.*", "author-note", "Jane Doe is a fellow at Chatham House."),
        ("Editor's note: This story was updated.", "editor-note", "Editor's note: This story was updated."),
        ("EDITOR’S NOTE — Names were changed.", "editor-note", "EDITOR’S NOTE — Names were changed."),
        ("Correction: An earlier version erred.", "correction", "Correction: An earlier version erred."),
        ("Correction (March 3): The vote was 5-4.", "correction", "Correction (March 3): The vote was 5-4."),
        ("An earlier version of this article misnamed the city.", "correction",
         "An earlier version of this article misnamed the city."),
        ("Disclaimer: Not investment advice.", "disclaimer", "Disclaimer: Not investment advice."),
    ],
)  # fmt: skip
def test_classify_note(text: str, kind: str, body: str) -> None:
    assert classify_note(text) == (kind, body)


@pytest.mark.parametrize(
    "text", ["* * *", "The correction was made on Monday.", "Editors noted the change.", "A *bold* move."]
)
def test_classify_note_rejects(text: str) -> None:
    assert classify_note(text) is None


def test_find_bio() -> None:
    line = "By Vladimir Sazhin is\u00a0 Senior Researcher\u00a0 Institute of Oriental Studies"
    assert find_bio(line, ("Vladimir Sazhin",)) == (
        "Vladimir Sazhin",
        "Vladimir Sazhin is Senior Researcher Institute of Oriental Studies",
    )
    # An unknown author needs a lead-in ...
    assert find_bio("About the author: Ann Lee teaches law at Leeds.") == (
        "Ann Lee",
        "Ann Lee teaches law at Leeds.",
    )
    # ... and after a bare "By" the name must be the byline's (review r39: any capitalised run would do).
    assert find_bio("By Ann Lee is a reporter.", ()) is None
    assert find_bio("By Ann Lee is a reporter.", ("Ann Lee",)) == ("Ann Lee", "Ann Lee is a reporter.")
    # A known one needs no lead-in.
    assert find_bio("Jane Doe is the Courier’s political editor.", ("Jane Doe",)) == (
        "Jane Doe",
        "Jane Doe is the Courier’s political editor.",
    )
    assert find_bio("Jane Doe is the Courier’s political editor.") is None
    assert find_bio("Vladimir Putin is expected to attend.", ("Vladimir Sazhin",)) is None
    assert find_bio("By then the talks had failed.") is None


@pytest.mark.parametrize(
    ("known", "line"),
    [
        ("Tom Brown", "By Friday Boris Johnson had resigned."),  # By + a time word + a name
        ("Anna Schmidt", "**Anna Schmidt:** Vielen Dank für das Gespräch."),  # an interview's speaker
        ("Anna Schmidt", "Anna Schmidt: Vielen Dank für das Gespräch."),
        ("Maria Garcia", "Maria Garcia was right all along, my neighbours now tell me: it is too late."),
        ("Jane Doe", "— Jane Doe, Nairobi"),  # a signature
        ("Jane Doe", "Jane Doe has asked the minister: “Why now?”"),
        ("Jane Doe", "Jane Doe has asked the minister why the “plan” failed."),
    ],
)
def test_body_text_about_or_by_the_writer_is_no_bio(known: str, line: str) -> None:
    """Review r39: closing paragraphs of body text that the bio rule took."""
    assert find_bio(line, (known,)) is None


@pytest.mark.parametrize("when", ["the ‘90s music scene", "the class of ‘08"])
def test_an_elided_year_is_no_quotation_in_a_bio(when: str) -> None:
    """Issue 12 #5: ‘ before two digits elides a century (smart quotes type it so): no quotation."""
    line = f"Jane Doe is a writer who covered {when} for The Times."
    assert find_bio(line, ("Jane Doe",)) == ("Jane Doe", line)


def test_a_single_quoted_quotation_still_stops_a_bio() -> None:
    assert find_bio("Jane Doe told them ‘never again’ at the door.", ("Jane Doe",)) is None


def test_a_bio_after_a_dash_keeps_its_verb_form() -> None:
    assert find_bio("— Jane Doe is a writer in Nairobi.", ("Jane Doe",)) == (
        "Jane Doe",
        "Jane Doe is a writer in Nairobi.",
    )


#: Review r36b: the bylined writer's closing paragraph naming a work in quotation marks is their bio;
#: one quoting someone speaking is body text. No rule tells the two apart in every language (review
#: r47: a short capitalised quotation of speech read as a title), so both are body text.
_BIO_TITLES = [
    ("Jane Roe", 'Jane Roe is the author of "The Long Road".'),
    ("Jane Roe", "Jane Roe wrote “The Long Road” and teaches in Leeds."),
    ("Jan Nowak", "Jan Nowak jest autorem książki „Droga”."),
    ("Anna Schmidt", "Anna Schmidt ist Autorin des Buches „Die lange Straße“."),
    ("Anna Schmidt", "Anna Schmidt schrieb »Die lange Straße«."),
    ("Marie Dupont", "Marie Dupont est l’autrice du livre « La Longue Route »."),
    ("Иван Петров", "Иван Петров — автор книги «Долгая дорога»."),
]
_BIO_SPEECH = [
    ("Jane Roe", 'Jane Roe said "we will never give up on this town".'),
    ("Jane Roe", "Jane Roe told the crowd “Never again”."),
    ("Jan Nowak", "Jan Nowak powiedział, że „rząd nie ma planu”."),
    ("Jan Nowak", "Jan Nowak powiedział „Nie poddamy się.”"),
    ("Jan Nowak", "Jan Nowak zapytał ministra: „Dlaczego teraz?”"),
    ("Anna Schmidt", "Anna Schmidt sagte, „wir geben nicht auf“."),
    ("Anna Schmidt", "Anna Schmidt sagte: „Wir geben nicht auf.“"),
    ("Marie Dupont", "Marie Dupont a déclaré que « le gouvernement n’a pas de plan »."),
    ("Иван Петров", "Иван Петров сказал, что «правительство не имеет плана»."),
    # Review r47: a short capitalised quotation of speech, in each of nine languages.
    ("Jan Nowak", "Jan Nowak zapytał ministra „Dlaczego teraz?”, ale nie dostał odpowiedzi."),
    ("Anna Schmidt", "Anna Schmidt hörte vom Minister nur „Kein Kommentar“."),
    ("Anna Schmidt", "Anna Schmidt fragte den Minister „Warum jetzt?“ und bekam keine Antwort."),
    (
        "Marie Dupont",
        "Marie Dupont a demandé au ministre « Pourquoi maintenant ? », sans obtenir de réponse.",
    ),
    ("Иван Петров", "Иван Петров услышал от министра только «Без комментариев» и ушёл."),
    ("Juan García", "Juan García le preguntó al ministro «¿Por qué ahora?» y no obtuvo respuesta."),
    ("Marco Rossi", "Marco Rossi ha chiesto al ministro «Perché adesso?» senza ottenere risposta."),
    ("山田太郎", "山田太郎は大臣に「なぜ今なのか」と質問したが、答えはなかった。"),
    ("أحمد حسن", "أحمد حسن سأل الوزير «لماذا الآن؟» لكنه لم يتلق جوابا."),
    ("Jane Roe", 'Jane Roe heard the minister reply "No comment" before he left.'),
    ("Jane Roe", "Jane Roe then told the crowd “Never again” and left the stage."),
    ("Jane Roe", "Jane Roe was told “No” at the door."),
]


@pytest.mark.xfail(
    strict=True,
    reason="a known limit: a closing paragraph with a quotation is body text, a work's title in marks too",
)
@pytest.mark.parametrize(("name", "bio"), _BIO_TITLES)
def test_a_bio_may_name_a_work_in_quotation_marks(name: str, bio: str) -> None:
    assert find_bio(bio, (name,)) == (name, bio)


@pytest.mark.parametrize(("name", "speech"), _BIO_SPEECH)
def test_a_closing_paragraph_quoting_speech_is_no_bio(name: str, speech: str) -> None:
    assert find_bio(speech, (name,)) is None


@pytest.mark.parametrize(("name", "speech"), _BIO_SPEECH[9:])
def test_a_closing_paragraph_quoting_speech_stays_in_the_body(name: str, speech: str) -> None:
    """Review r47: the whole text reader, the writer bylined: the paragraph stays the body's last."""
    source = (
        f"By {name}\n\nStrike talks stall\n\nThe strike entered its third week on Monday.\n\n"
        f"Talks broke down on Friday after the company made an offer.\n\n{speech}\n"
    )
    article = convert.read(source.encode(), from_="text")
    assert [(a.name, a.bio) for a in article.meta.authors] == [(name, None)]
    assert plain_text(article.body[-1]).startswith(name)


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("Anna Schmidt", "Anna Schmidt ist Wirtschaftskorrespondentin in Berlin."),
        ("Иван Петров", "Иван Петров — корреспондент газеты в Сибири."),
        ("أحمد حسن", "أحمد حسن مراسل الصحيفة في القاهرة."),
        ("山田太郎", "山田太郎\u3000社会部記者。気象と防災を担当。"),
        ("王小明", "王小明，本报城市新闻部记者。"),
        ("김민수", "김민수 기자는 사회부에서 교통 분야를 취재하고 있다."),
        ("Ayşe Yılmaz", "Ayşe Yılmaz, gazetenin İstanbul muhabiridir."),
    ],
)
def test_a_short_closing_paragraph_opening_with_the_bylined_name_is_a_bio_in_any_language(
    name: str, line: str
) -> None:
    found = find_bio(line, (name,))
    assert found is not None and found[0] == name
    assert found[1].split() == line.split()  # the whole paragraph, its spacing made plain
    assert find_bio(line) is None  # an unknown name needs a lead-in, as in English


@pytest.mark.parametrize(
    ("name", "line"),
    [
        # The writer quoted, or a long closing paragraph: reporting, not a bio.
        ("Anna Schmidt", "Anna Schmidt: „Wir haben keine andere Wahl.“"),
        ("Anna Schmidt", "Anna Schmidt " + "sprach lange mit den Pendlern am Hauptbahnhof. " * 8),
        # A one-word name in a spaced script opens sentences about others too.
        ("Heiko", "Heiko ist der Name des Sturms, der am Montag kam."),
        # The name must be whole: "Anna Schmidtke" is someone else.
        ("Anna Schmidt", "Anna Schmidtke ist Sprecherin der Bahn."),
    ],
)
def test_a_closing_paragraph_that_is_not_a_bio(name: str, line: str) -> None:
    assert find_bio(line, (name,)) is None


def test_find_title() -> None:
    assert find_title(["Ad sales boost Time Warner profit"], True) == "Ad sales boost Time Warner profit"
    assert find_title(["Is this the end of cash?"], True) == "Is this the end of cash?"
    assert find_title(["CHINA CALLS FOR BETTER TRADE DEAL WITH U.S."], True) is not None
    assert find_title(["Underlined title", "================"], True) == "Underlined title"
    assert find_title(["A headline"], False) is None  # nothing follows: it is the text
    assert find_title(["The council met on Tuesday."], True) is None  # a sentence
    assert find_title(["two", "lines"], True) is None
    assert not looks_like_title("x" * 151)
    assert not looks_like_title("*An author note")
    assert not looks_like_title("Editor's note: see below")
    assert not looks_like_title("He said: “No.”")


@pytest.mark.parametrize("line", ["By the sea", "By the Numbers"])
def test_a_by_line_that_names_no_one_stays_as_the_headline(line: str) -> None:
    """A determiner alone ("the Numbers") is no staff role: the line is no byline and stays."""
    body = "The talks resumed on Sunday night after a long week of meetings between the two sides."
    article = convert.read(f"{line}\n\n{body}\n\n{body}\n".encode(), from_="text")
    assert (article.meta.title, article.meta.authors) == (line, ())


def test_clean_collapses_every_space_str_split_knows() -> None:
    """As ``" ".join(text.split())``: every ``str.isspace`` character, and no other."""
    import sys

    for c in map(chr, range(sys.maxunicode + 1)):
        if c.isspace():
            assert clean(f" a{c}{c}b{c}") == "a b", hex(ord(c))
        elif not 0xD800 <= ord(c) <= 0xDFFF:
            assert clean(f"a{c}b") == f"a{c}b", hex(ord(c))


def test_joining_a_long_wrapped_block_takes_time_in_proportion_to_it() -> None:
    """Each line's join looks at the line before it, not at the whole paragraph so far: four
    times the lines take about four times the CPU time, not sixteen (loosely: under eight)."""
    import time

    def cpu(n: int) -> float:
        lines = ["the talks resumed on Sunday night after a well-"] + ["known week of talks and"] * n
        best = float("inf")
        for _ in range(5):
            start = time.process_time()
            joined = join_wrapped(lines)
            best = min(best, time.process_time() - start)
        assert joined.count("well-known") == 1 and len(joined) > 23 * n
        return max(best, 1e-4)

    assert cpu(8_000) / cpu(2_000) < 8


def test_a_block_over_the_limit_is_refused_not_joined_for_minutes() -> None:
    from convert.errors import LimitError

    data = ("\n".join(["the talks resumed on Sunday night after a long week"] * 20_000) + "\n").encode()
    with pytest.raises(LimitError, match="block"):
        convert.read(data, from_="text")


def test_split_blocks_and_paragraphs() -> None:
    text = "Title\r\n\r\nline one\nline two\n \n\t\nnext\u2029last"
    assert split_blocks(text) == [["Title"], ["line one", "line two"], ["next"], ["last"]]
    assert join_wrapped(["a well-", "known  trader", "said\u00a0so"]) == "a well-known trader said so"
    assert join_wrapped(["October 22-", "24 in Kazan"]) == "October 22- 24 in Kazan"
    # Hard-wrapped: one paragraph.
    assert split_paragraphs(["The quick brown fox", "jumps over", "the dog."]) == [
        "The quick brown fox jumps over the dog."
    ]
    # First-line indents start paragraphs.
    assert split_paragraphs(["    One starts", "and goes on.", "    Two."]) == [
        "One starts and goes on.",
        "Two.",
    ]
    # Long lines: one paragraph per line.
    long = "word " * 30
    assert split_paragraphs([long, long, "short."]) == [long.strip(), long.strip(), "short."]


def test_rules_and_lists() -> None:
    for line in ("* * *", "***", "---", "###", "• • •", "  *  *  *  "):
        assert is_rule([line])
    assert not is_rule(["**bold**"]) and not is_rule(["* * *", "x"])
    found = find_list(["- apples", "- pears and", "  plums", "- figs"])
    assert found is not None and not found.ordered
    assert [plain_text(i) for i in found.items] == ["apples", "pears and plums", "figs"]
    numbered = find_list(["3. three", "4) four"])
    assert numbered is not None and numbered.ordered and numbered.start == 3
    assert find_list(["- one", "not a bullet"]) is None
    assert find_list(["- only one"]) is None


# --------------------------------------------------------------------------
# Encodings

ARTICLE = "Café owners welcome “new” rules\n\nThe café’s owner, René, said the rules – which start today – were fair.\n"
LATIN1 = "Café owners welcome new rules\n\nThe café owner, René, said the rules were fair. Déjà vu, £5.\n"
CYRILLIC = "Встреча в Ашхабаде\n\nПрезиденты России и Ирана встретились в пятницу в Ашхабаде.\n"


@pytest.mark.parametrize(
    ("text", "data"),
    [
        (ARTICLE, ARTICLE.encode("utf-8")),
        (ARTICLE, b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")),
        (ARTICLE, ARTICLE.encode("utf-16")),  # with BOM
        (ARTICLE, b"\xfe\xff" + ARTICLE.encode("utf-16-be")),
        (ARTICLE, ARTICLE.encode("utf-16-le")),  # no BOM
        (ARTICLE, ARTICLE.encode("utf-16-be")),
        (ARTICLE, ARTICLE.encode("utf-32")),
        (ARTICLE, ARTICLE.encode("cp1252")),
        (LATIN1, LATIN1.encode("latin-1")),
        (CYRILLIC, CYRILLIC.encode("cp1251")),
        (CYRILLIC, CYRILLIC.encode("utf-16-le")),
        (CYRILLIC, CYRILLIC.encode("koi8_r")),
    ],
    ids=["utf8", "utf8-bom", "utf16-bom", "utf16be-bom", "utf16le", "utf16be", "utf32", "cp1252", "latin1",
         "cp1251", "utf16le-cyrillic", "koi8r"],
)  # fmt: skip
def test_encodings(text: str, data: bytes) -> None:
    assert decode_text(data) == text
    article = read(data)
    title, _, body = text.partition("\n\n")
    assert article.meta.title == title
    assert paragraphs(article) == [body.strip()]


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Déjà vu: l'été à Paris coûte 5 €, et ça, c'est très cher.", "cp1252"),
        ("Profits rose to £600m at the café, à la carte. Señor Müller said “no”.", "cp1252"),
        ("Zażółć gęślą jaźń. Łódź jest piękna, a Kraków jeszcze piękniejszy.", "cp1250"),
        ("Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και η μεγαλύτερη πόλη.", "cp1253"),
        ("Встреча в Ашхабаде. Президенты России и Ирана встретились в пятницу.", "koi8_r"),
        # cp1251 reads these bytes as cleanly, as Cyrillic letters of no language: the detector's Hebrew wins.
        ("ספרייה חדשה נפתחה בעיר העתיקה, ובה יותר מעשרים אלף ספרים.", "cp1255"),
        # ... but where both readings are Latin, cp1252 stays preferred: mac_roman's "‹ber" scores as more
        # coherent (Indonesian) than cp1252's German "Über" (review).
        (
            "Über den Wolken muss die Freiheit wohl grenzenlos sein.\nÜberall wird gebaut.\n"
            "Übrigens: Die Übergabe ist am Montag.",
            "cp1252",
        ),
    ],
)
def test_legacy_encodings_are_detected(text: str, codec: str) -> None:
    assert decode_text(text.encode(codec)) == text


def test_utf16_without_bom_needs_the_nul_pattern() -> None:
    assert utf16_without_bom("Hello".encode("utf-16-le")) == "Hello"
    assert utf16_without_bom(b"Hello world") is None  # odd length
    assert utf16_without_bom(b"\x00\x00\x00\x00abcd") is None  # NULs on both sides


def test_encoding_through_convert_read(tmp_path: Path) -> None:
    src = tmp_path / "ru.txt"
    src.write_bytes(CYRILLIC.encode("cp1251"))
    article = convert.read(src)
    assert article.meta.title == "Встреча в Ашхабаде"
    assert article.meta.language == "ru"
    src.write_bytes(ARTICLE.encode("utf-16-le"))
    assert convert.read(src).meta.title == "Café owners welcome “new” rules"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n ", "empty file"),
        ("  \n ".encode("utf-16"), "empty file"),
        (b"\x00" * 64, "not a text file"),
        (bytes(range(256)) * 4, "not a text file"),
        (b"%PDF-1.7\n" + bytes(range(32)) * 8, "not a text file"),
        (bytes(range(128, 256)), "cannot tell the text encoding"),
        (b"\xef\xbb\xbfok\xff\xfe", "not valid UTF-8"),
        (b"\xff\xfe\x00\xd8", "not valid UTF-16-LE"),
    ],
)
def test_bad_bytes_raise_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=re.escape(message)):
        read(data)


def test_stray_control_characters_are_dropped() -> None:
    article = read("Title\n\nSome\x07 text with a bell.\x1a\n")
    assert paragraphs(article) == ["Some text with a bell."]


# --------------------------------------------------------------------------
# Whole articles


def test_headline_then_paragraphs() -> None:
    article = read((FIXTURES / "headline-paragraphs.txt").read_bytes())
    assert article.meta.title == "Village bakery wins national prize"
    assert article.meta.authors == () and article.meta.published is None and article.meta.dateline is None
    assert len(paragraphs(article)) == 3
    assert "“remarkable”" in paragraphs(article)[1]  # quotes kept as typed, as plain text


def test_paragraphs_only() -> None:
    article = read((FIXTURES / "paragraphs-only.txt").read_bytes())
    assert article.meta.title is None
    assert len(paragraphs(article)) == 3
    assert paragraphs(article)[0].startswith("The council met")


def test_single_short_line_is_text_not_title() -> None:
    article = read("Hello world\n")
    assert article.meta.title is None and paragraphs(article) == ["Hello world"]


def test_wire_story() -> None:
    article = read((FIXTURES / "wire-reuters.txt").read_bytes())
    meta = article.meta
    assert meta.title == "Stocks rally as inflation cools"
    assert [a.name for a in meta.authors] == ["Jane Doe"]
    assert meta.publisher == "Reuters"
    assert meta.published == "2024-03-02T22:37:00"
    assert meta.dateline == "NEW YORK"
    assert [type(b) for b in article.body] == [Paragraph, Paragraph, Rule, Paragraph]
    assert paragraphs(article)[0].startswith("U.S. stocks rose on Thursday after data showed inflation")
    assert [n.kind for n in article.notes] == ["editor-note", "correction"]


def test_header_in_one_block() -> None:
    article = read((FIXTURES / "header-block.txt").read_bytes())
    meta = article.meta
    assert meta.title == "Ministers clash over “green” budget"
    assert [a.name for a in meta.authors] == ["Jane Doe", "John O’Neill"]
    assert meta.authors[0].bio == "Jane Doe is the Courier’s political editor."
    assert meta.publisher == "The Daily Courier"
    assert (meta.published, meta.updated) == ("2024-10-14", "2024-10-15T09:05:00+01:00")
    assert meta.dateline == "LONDON"
    assert len(article.body) == 2


def test_byline_after_title_and_subtitle() -> None:
    text = (
        "Budget day\n\nWhat the chancellor announced, and what it means\n\n"
        "By Ann Lee, Political Correspondent\n14 October 2024\n\nThe chancellor rose at noon.\n"
    )
    meta = read(text).meta
    assert meta.title == "Budget day"
    assert meta.subtitle == "What the chancellor announced, and what it means"
    assert [(a.name, a.role) for a in meta.authors] == [("Ann Lee", "Political Correspondent")]
    assert meta.published == "2024-10-14"


def test_no_author_rather_than_a_wrong_one() -> None:
    article = read((FIXTURES / "staff-byline.txt").read_bytes())
    assert article.meta.authors == ()
    assert article.meta.title == "By the numbers: what the new budget means for you"
    assert len(paragraphs(article)) == 2


def test_closing_byline() -> None:
    article = read("Title here\n\nThe story is short.\n\nBy Ann Lee\n")
    assert [a.name for a in article.meta.authors] == ["Ann Lee"]
    assert paragraphs(article) == ["The story is short."]


def test_hard_wrapped_story() -> None:
    article = read((FIXTURES / "hard-wrapped.txt").read_bytes())
    assert article.meta.dateline == "SALVADOR"
    body = paragraphs(article)
    assert len(body) == 3
    assert body[0] == (
        "Showers continued throughout the week in the cocoa zone, alleviating the drought since "
        "early January and improving prospects for the coming crop, a well-known trader said."
    )


def test_dateline_alone_on_its_line() -> None:
    text = "Results\n\n    CHICAGO, Feb 26 -\n    Shr loss two cts vs profit\nseven cts.\n    Net loss 3.0 mln.\n"
    article = read(text)
    assert article.meta.dateline == "CHICAGO"
    assert paragraphs(article) == ["Shr loss two cts vs profit seven cts.", "Net loss 3.0 mln."]


def test_lists_in_the_body() -> None:
    article = read(
        "Key points\n\nThe plan has three parts:\n\n- cheaper fares\n- more trains\n- new stations\n"
    )
    assert isinstance(article.body[1], List) and len(article.body[1].items) == 3


@pytest.mark.parametrize("path", sorted(FIXTURES.glob("*.txt")), ids=lambda p: p.stem)
def test_fixture_golden(path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    tree = to_json(read(path.read_bytes()))
    golden(json.dumps(tree, ensure_ascii=False, indent=2) + "\n", path.with_suffix(".ast.json"))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text())
def test_any_text_reads_or_raises_input_error(text: str) -> None:
    try:
        article = read(text)
    except InputError:
        return
    assert isinstance(article, Article)


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=2000))
def test_any_bytes_read_or_raise_input_error(data: bytes) -> None:
    try:
        article = read(data)
    except InputError:
        return
    assert isinstance(article, Article)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([
    "By Jane Doe, Reuters", "By Staff", "October 14, 2024 - 22:37", "Updated: 15 Oct 2024", "A headline",
    "MOSCOW – The lead.", "* * *", "*A note.", "**A disclaimer.", "Editor's note: x.", "- item", "1. item",
    "By Jane Doe is a writer.", "", "", "A sentence that ends.", "    indented line", "===",
]), max_size=25))  # fmt: skip
def test_article_shaped_text_never_crashes(lines: list[str]) -> None:
    with contextlib.suppress(InputError):
        read("\n".join(lines))


# --------------------------------------------------------------------------
# Third-party corpus (skipped when absent)


@pytest.mark.corpus
def test_bbc_stories(corpus: Path) -> None:
    files = sorted((corpus / "bbc-news" / "bbc").glob("*/*.txt"))
    assert files
    for path in files:
        data = path.read_bytes()
        article = read(data)
        first = data.decode("utf-8").splitlines()[0]
        assert article.meta.title == clean(first), path
        assert article.meta.authors == () and article.meta.dateline is None, path
        assert paragraphs(article), path


@pytest.mark.corpus
def test_reuters_datelines_and_titles(corpus: Path) -> None:
    """Stories rebuilt from Reuters-21578 fields: title, byline, dateline + body."""
    import html

    checked = titles = datelines = authors = wrong = 0
    for sgm in sorted((corpus / "reuters21578").rglob("*.sgm")):
        for doc in re.findall(r"<REUTERS.*?</REUTERS>", sgm.read_text(encoding="latin-1"), re.S):
            fields = {
                t: html.unescape(m.group(1)) if (m := re.search(rf"<{t}>(.*?)</{t}>", doc, re.S)) else ""
                for t in ("TITLE", "AUTHOR", "DATELINE", "BODY")
            }
            place = clean(fields["DATELINE"].split(",")[0])
            if not (fields["TITLE"] and fields["BODY"] and place.isupper()):
                continue
            text = "\n\n".join(x for x in (fields["TITLE"], fields["AUTHOR"].strip()) if x)
            text += "\n\n" + fields["DATELINE"] + fields["BODY"].replace("\x03", "")
            article = read(text.encode("latin-1", "replace"))
            checked += 1
            titles += article.meta.title == clean(fields["TITLE"])
            datelines += article.meta.dateline == place
            wrong += article.meta.dateline not in (None, place)
            authors += bool(fields["AUTHOR"]) and bool(article.meta.authors)
    assert checked > 1000
    assert titles / checked > 0.99
    assert datelines / checked > 0.97
    assert wrong == 0
    assert authors >= 70


@pytest.mark.parametrize(
    ("closing", "agency"),
    [
        (" Reuter", "Reuters"),
        (" REUTER", "Reuters"),
        ("Reuter", "Reuters"),
        ("\n(AP)", "AP"),
        ("\n-- AFP", "AFP"),
    ],
)
def test_a_wire_sign_off_names_the_publisher_and_leaves_the_body(closing: str, agency: str) -> None:
    text = (
        f"BANKS RAISE RATES\n\n    NEW YORK, March 2 - Banks raised\nrates.\n    They said so.\n{closing}\n"
    )
    article = read(text)
    assert article.meta.publisher == agency
    assert paragraphs(article) == ["Banks raised rates.", "They said so."]


def test_a_closing_sentence_is_not_a_sign_off() -> None:
    article = read("Rates\n\nBanks raised rates.\n\nAP said so.\n")
    assert article.meta.publisher is None
    assert paragraphs(article)[-1] == "AP said so."


def test_short_lines_indented_alike_are_rows_not_one_wrapped_paragraph() -> None:
    text = "ACME CORP 4TH QTR NET\n\n    CHICAGO, Feb 26 -\n    Shr 34 cts vs 1.19 dlrs\n    Net 807,000 vs 2,858,000\n"
    article = read(text)
    assert article.meta.dateline == "CHICAGO"
    assert paragraphs(article) == ["Shr 34 cts vs 1.19 dlrs", "Net 807,000 vs 2,858,000"]


def test_an_indented_wrapped_paragraph_stays_one_paragraph() -> None:
    line = "a hard-wrapped line of ordinary prose that runs on and on"
    article = read(f"Title\n\n    {line}\n    {line}\n    {line}.\n")
    assert len(paragraphs(article)) == 1


# --------------------------------------------------------------------------
# Wire copy in the layouts it arrives in (bench/wire.py measures them on Reuters-21578)

_WIRE_HEAD = ["GRAIN PRICES EDGE HIGHER", "By Jane Roe, Reuters"]
_WIRE_BODY = [
    "    KANSAS CITY, March 3 - Wheat prices rose for a third day",
    "on steady export demand, traders said.",
    "    Corn was unchanged after heavy rain in the south.",
    "    Soybeans slipped two cents.",
]


def _wire(layout: str) -> str:
    body = list(_WIRE_BODY)
    if "flush" in layout:
        body[0] = body[0].lstrip()
    if "packed" in layout:
        return "\n".join([*_WIRE_HEAD, *body]) + "\n"
    return "\n\n".join([*_WIRE_HEAD, "\n".join(body)]) + "\n"


@pytest.mark.parametrize("layout", ["blank", "packed", "flush", "packed-flush"])
def test_wire_copy_layouts(layout: str) -> None:
    article = text.parse_article(_wire(layout))
    assert article.meta.title == "GRAIN PRICES EDGE HIGHER"
    assert [a.name for a in article.meta.authors] == ["Jane Roe"]
    assert article.meta.dateline == "KANSAS CITY"
    assert [plain_text(b) for b in article.body] == [
        "Wheat prices rose for a third day on steady export demand, traders said.",
        "Corn was unchanged after heavy rain in the south.",
        "Soybeans slipped two cents.",
    ]


def test_first_line_indents_without_an_indented_first_line() -> None:
    lines = ["First paragraph starts flush", "and wraps here.", "  Second one", "wraps too."]
    assert text.split_paragraphs(lines) == [
        "First paragraph starts flush and wraps here.",
        "Second one wraps too.",
    ]


def test_hanging_indent_stays_one_paragraph() -> None:
    lines = [
        "Doe, J. (2020). A long reference entry that runs on past the half",
        "    of the line and wraps with a hanging indent over three lines, as",
        "    bibliographies are set.",
    ]
    assert len(text.split_paragraphs(lines)) == 1


def test_lone_dateline_over_rows() -> None:
    lines = ["LOUISVILLE, Ky., Feb 26 -", "    Shr one dlr vs 73 cts", "    Net 12.6 mln vs 15.8 mln"]
    assert text.split_paragraphs(lines) == [
        "LOUISVILLE, Ky., Feb 26 -",
        "Shr one dlr vs 73 cts",
        "Net 12.6 mln vs 15.8 mln",
    ]


def test_packed_header_leaves_a_wrapped_paragraph_whole() -> None:
    block = ["Prices rose for a third day", "on steady demand, traders said."]
    assert text.unpack_header(block) == [block]


def test_a_right_to_left_underline_still_marks_the_headline() -> None:
    """Our own txt writer puts an RLM before a right-to-left headline's ``===``: read back, it is the title."""
    text = "بازار تهران\n\u200f===========\n\nاین یک متن آزمایشی است که درباره بازار تهران نوشته شده است.\n\n\u200f* * *\n\nپایان متن.\n"
    art = read(text)
    assert art.meta.title == "بازار تهران"
    assert [type(b).__name__ for b in art.body] == ["Paragraph", "Rule", "Paragraph"]


@pytest.mark.parametrize(
    ("lead", "byline", "author", "place"),
    [
        (
            "PARIS, March 12, 2024 — The government presented its pension bill on Tuesday.",
            "By Jean Martin",
            "Jean Martin",
            "PARIS",
        ),
        (
            "PARIS, 12 mars 2024 — Le gouvernement a présenté mardi son projet de réforme.",
            "Par Jean Martin",
            "Jean Martin",
            "PARIS",
        ),
    ],
)
def test_a_byline_after_a_dateline_lead_leaves_the_lead_in_the_body(
    lead: str, byline: str, author: str, place: str
) -> None:
    """A lead that opens with a dateline is the body's first paragraph, never a standfirst; the byline
    block after it is still the byline."""
    text = f"Pension Reform Splits Parliament\n\n{lead}\n\n{byline}\n\nA second paragraph follows here.\n\nAnd a third one.\n"
    art = read(text)
    assert [a.name for a in art.meta.authors] == [author]
    assert art.meta.subtitle is None and art.meta.dateline == place
    assert len(art.body) == 3 and plain_text(art.body[0]).startswith(lead.split("— ")[1][:20])


@pytest.mark.parametrize(
    "line",
    [
        "Jane Doe is a reporter based in Nairobi. Contact: jane.doe@example.com",
        "Jane Doe is a reporter. Her newsletter is at https://janedoe.example.com",
        "Jane Doe files at 06:00 every morning from Nairobi.",
        "Jane Doe is a reporter in Nairobi. Follow her on X: @janedoe",
    ],
)
def test_a_bio_with_a_clock_address_or_handle_after_a_colon_is_a_bio(line: str) -> None:
    """Review r39b: any colon after the name had counted as speech, so these lost their bio."""
    assert find_bio(line, ("Jane Doe",)) == ("Jane Doe", line)
