"""Quotations keep the marks they were typed with (API 1.4, ``Quote.marks``), spaced marks included."""

from __future__ import annotations

import dataclasses
import io
import json
import re
import zipfile
from importlib.resources import files

import jsonschema
import pytest

import convert
from convert import model
from convert.base import ExportOptions
from convert.model import Article, Metadata, ModelError, Paragraph, Quote, Text, walk
from convert.quotes import find_quotes

VALIDATOR = jsonschema.Draft202012Validator(
    json.loads(files("convert").joinpath("schema/article.schema.json").read_text(encoding="utf-8"))
)


def quotes(article: Article) -> list[Quote]:
    return [n for n in walk(article.body) if isinstance(n, Quote)]


def marked(language: str | None, *texts: str) -> Article:
    return find_quotes(Article(Metadata(language=language), tuple(Paragraph((Text(t),)) for t in texts)))


def txt(article: Article) -> str:
    data = convert.write(article, "txt")
    assert isinstance(data, bytes)
    return re.sub(r"[ \n]+", " ", data.decode("utf-8"))  # the no-break spaces stay


# --------------------------------------------------------------------------
# The quote pass records the marks typed


@pytest.mark.parametrize(
    ("language", "typed", "marks"),
    [
        ("es", "«No vamos a ceder», dijo Ana Ruiz.", ("«", "»")),  # CLDR's Spanish: “…”
        ("ar", "وقالت منى عادل: «انتظرنا هذا القطار عشر سنوات».", ("«", "»")),  # CLDR's Arabic: ”…“
        ("it", "“Non cederemo”, ha detto Marco Rossi.", ("“", "”")),  # CLDR's Italian: «…»
        ("pl", "“Nie ustąpimy”, powiedział Jan Kowalski.", ("“", "”")),  # CLDR's Polish: „…”
        ("en", "“ We have no choice, ” said Ali Hassan.", ("“ ", " ”")),  # spaces inside, as typed
        ("en", "« We have no choice », said Ali Hassan.", ("« ", " »")),
        ("fr-CH", "« Nous n’avons pas le choix », a dit Jean Roux.", ("« ", " »")),  # CLDR: «…» unspaced
        ("fr", "«Nous n’avons pas le choix», a dit Jean Roux.", ("«", "»")),  # CLDR: spaced
    ],
)
def test_marks_other_than_the_languages_are_kept(language: str, typed: str, marks: tuple[str, str]) -> None:
    article = marked(language, typed)
    assert [q.marks for q in quotes(article)] == [marks]
    assert no_break(typed, marks) in txt(article)
    assert find_quotes(article) == article


def no_break(typed: str, marks: tuple[str, str]) -> str:
    """``typed`` as exporters print it: a space typed inside the marks is a no-break space."""
    for mark in marks:
        typed = typed.replace(mark, mark.replace(" ", "\u00a0"))
    return typed


@pytest.mark.parametrize(
    ("language", "typed", "marks"),
    [
        ("es", "“No vamos a ceder”, dijo Ana Ruiz.", ("“", "”")),
        ("de", "„Wir geben nicht nach“, sagte Klaus Weber.", ("„", "“")),
        ("en", '"We have no choice," said Ali Hassan.', None),  # straight marks: the language's
        # the language's own marks typed with any space keep the spaces CLDR sets (French's narrow ones)
        ("fr", "« Nous n’avons pas le choix », a dit Jean Roux.", ("«\u202f", "\u202f»")),
        ("fr", "«\u00a0Nous n’avons pas le choix\u00a0», a dit Jean Roux.", ("«\u202f", "\u202f»")),
    ],
)
def test_the_languages_own_marks_are_kept_in_its_spacing(
    language: str, typed: str, marks: tuple[str, str] | None
) -> None:
    article = marked(language, typed)
    assert [q.marks for q in quotes(article)] == [marks]
    if language == "fr":
        assert "«\u202fNous n’avons pas le choix\u202f»" in txt(article)
    elif typed[0] != '"':
        assert typed in txt(article)


@pytest.mark.parametrize(
    ("detected", "typed", "later"),
    [
        ("en", "“We have no choice,” said Ali Hassan.", "it"),  # CLDR's Italian: «…»
        ("it", "«Non possiamo cedere», ha detto Mario Rossi.", "en"),
        ("de", "„Wir geben nicht nach“, sagte Klaus Weber.", "fr"),
    ],
)
def test_a_language_set_after_reading_keeps_the_typed_marks(detected: str, typed: str, later: str) -> None:
    article = marked(detected, typed)
    article = dataclasses.replace(article, meta=dataclasses.replace(article.meta, language=later))
    assert typed in txt(article)


def test_a_french_quotation_with_spaces_keeps_its_quotation_and_speaker_in_english() -> None:
    article = marked("en", "« We have no choice », said Ali Hassan.")
    assert [(model.plain_text(q.content), q.speaker, q.marks) for q in quotes(article)] == [
        ("We have no choice", "Ali Hassan", ("« ", " »")),
    ]


def test_spaced_marks_never_pair_the_words_between_two_quotations() -> None:
    typed = "“ We have no choice, ” said Ali Hassan. He spoke on Monday. “ The railway must act. ”"
    article = marked("en", typed)
    content = article.body[0].content  # type: ignore[union-attr]
    assert [type(n).__name__ for n in content] == ["Quote", "Text", "Quote"]
    assert content[1] == Text(" said Ali Hassan. He spoke on Monday. ")
    assert content[0].speaker == "Ali Hassan"  # type: ignore[union-attr]
    assert no_break(typed, ("“ ", " ”")) in txt(article)


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", 'The 24 " monitor and the 27 " monitor cost the same.'),  # inches
        ("en", 'In Python, type " to start a string and " to end it.'),
        ("en", 'Ditto marks: " " " below the line.'),
        ("en", 'Prices: " We have no choice, " said Ali Hassan.'),  # spaced straight marks stay text
        ("fr", "Le prix de 24 « et celui de 27 » est le même."),  # after a number
        ("en", "The 24 “ monitor and the 27 ” monitor cost the same."),
        ("en", "Type “ . and then ” to end it."),  # no letter or digit after the opening space
    ],
)
def test_spaced_marks_round_unrelated_text_stay_text(language: str, typed: str) -> None:
    article = marked(language, typed)
    assert quotes(article) == []
    assert typed in txt(article)


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("en", "“ We have no choice, ” said Ali Hassan."),
        ("en", "“ We have no choice ” said Ali Hassan."),
        # review r36b: a number may open or close a spaced quotation
        ("en", "“ 3,000 jobs went this year, ” said Ali Hassan."),
        ("es", "« 2024 fue un año duro », dijo Ana Ruiz."),
        ("fr", "Il a conclu : « Nous étions 3 000 »."),
        ("fr", "Il a conclu : « Nous n’avons pas le choix. »"),
    ],
)
def test_spaced_curly_marks_round_words_are_a_quotation(language: str, typed: str) -> None:
    assert len(quotes(marked(language, typed))) == 1


@pytest.mark.parametrize("fmt", ["txt", "html", "md"])
def test_a_space_typed_inside_marks_never_wraps_away_from_its_word(fmt: str) -> None:
    article = marked(
        "es", "Respondieron ayer. « No aceptaremos esta propuesta », escribieron los sindicatos."
    )
    data = convert.write(article, fmt, options=ExportOptions(width=20))
    assert isinstance(data, bytes)
    text = data.decode("utf-8")
    assert "«\u00a0No" in text and "propuesta\u00a0»" in text
    if fmt == "txt":
        assert not any(
            line.rstrip().endswith("«") or line.lstrip().startswith("»") for line in text.splitlines()
        )


def test_nested_quotations_keep_their_own_marks() -> None:
    typed = "„Er nannte es ‘Unsinn’ und ging“, sagte Klaus Weber."  # German's inner marks are ‚…‘
    article = marked("de", typed)
    outer, inner = quotes(article)
    assert (outer.marks, inner.marks) == (("„", "“"), ("‘", "’"))
    assert typed in txt(article)


def test_a_quotation_running_into_the_next_paragraph_gets_no_closing_mark() -> None:
    article = marked(
        "es",
        "«No vamos a ceder en nada de lo que hemos pedido hasta hoy en la mesa.",
        "«Tampoco aceptaremos otra cosa», dijo Ana Ruiz.",
    )
    assert [q.marks for q in quotes(article)] == [("«", ""), ("«", "»")]
    assert "la mesa. «Tampoco" in txt(article)


# --------------------------------------------------------------------------
# Every format prints them


SPEECH = Article(
    Metadata(title="Huelga", language="es"),
    (
        Paragraph(
            (
                Quote((Text("No vamos a ceder"),), speaker="Ana Ruiz", marks=("«", "»")),
                Text(", dijo Ana Ruiz, que habló con la prensa en Madrid el lunes por la mañana."),
            )
        ),
    ),
)


@pytest.mark.parametrize("language", ["en", "it"])
def test_a_straight_quotation_running_into_the_next_paragraph_gets_no_closing_mark(language: str) -> None:
    article = marked(
        language,
        '"We will continue the work we started months ago with the unions and the employers.',
        '"We will not stop now," said Ali Hassan.',
    )
    assert [q.marks for q in quotes(article)] == [('"', ""), None]
    opens, closes = convert.locale.quote_marks(language)
    assert (
        f"{opens}We will continue the work we started months ago with the unions and the employers. {opens}We"
        in (txt(article))
    )
    assert closes not in txt(article).split("employers.")[0]


def test_html_epub_markdown_docx_and_pdf_print_the_typed_marks() -> None:
    for fmt in ("html", "md"):
        data = convert.write(SPEECH, fmt)
        assert isinstance(data, bytes)
        assert "«No vamos a ceder»" in data.decode("utf-8"), fmt
        assert "“" not in data.decode("utf-8"), fmt
    for fmt, member in (("epub", "EPUB/chapter.xhtml"), ("docx", "word/document.xml")):
        data = convert.write(SPEECH, fmt)
        assert isinstance(data, bytes)
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            name = next(n for n in z.namelist() if n.endswith(member.rsplit("/", 1)[1]))
            text = z.read(name).decode("utf-8")
        assert "«No vamos a ceder»" in text and "“" not in text, fmt
    from pypdf import PdfReader

    pdf = convert.write(SPEECH, "pdf")
    assert isinstance(pdf, bytes)
    text = " ".join("".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages).split())
    assert "«No vamos a ceder»" in text


def test_the_marks_survive_docx_and_markdown_round_trips() -> None:
    for fmt in ("docx", "md"):
        data = convert.write(SPEECH, fmt)
        assert isinstance(data, bytes)
        again = convert.read(data, from_="markdown" if fmt == "md" else "docx")
        assert [(model.plain_text(q.content), q.marks) for q in quotes(again)] == [
            ("No vamos a ceder", ("«", "»"))
        ], fmt
    # Markdown keeps the speaker too: pandoc gives the quotation back as the speaker's Span
    data = convert.write(SPEECH, "md")
    assert isinstance(data, bytes)
    again = convert.read(data, from_="markdown")
    assert [q.speaker for q in quotes(again)] == ["Ana Ruiz"]


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "it",
            ("Mario Rossi ha parlato a Roma. “Non cederemo”, ha detto Mario Rossi, e ha ripetuto “mai”.",),
        ),
        ("en", ("Ali Hassan spoke on Monday. “ We have no choice, ” said Ali Hassan.",)),
        (
            "en",
            (
                "Ali Hassan spoke in Cairo on Monday. “We have no choice,” said Ali Hassan.",
                "“We will continue the work we started months ago with the unions and the workers’",
                "“We will not stop now,” Hassan said.",
            ),
        ),
    ],
)
def test_typed_curly_marks_survive_a_markdown_round_trip(language: str, texts: tuple[str, ...]) -> None:
    article = marked(language, *texts)
    data = convert.write(article, "md")
    assert isinstance(data, bytes)
    again = convert.read(data, from_="markdown")
    assert [(model.plain_text(q.content), q.marks) for q in quotes(again)] == [
        (model.plain_text(q.content), q.marks) for q in quotes(article)
    ]
    assert (
        txt(again).split("Hassan spoke" if language == "en" else "Rossi ha")[1]
        == txt(article).split("Hassan spoke" if language == "en" else "Rossi ha")[1]
    )


def test_the_briefing_quotes_in_the_marks_typed() -> None:
    typed = (
        "«We have no choice but to strike until the company makes a fair offer», said Ali Hassan, "
        "the union's leader, on Monday."
    )
    article = convert.read(
        f"Strike\n\nBy Ann Lee\n\n{typed}\n\nThe company said nothing.\n".encode(), from_="text"
    )
    brief = convert.write(article, "brief")
    assert isinstance(brief, bytes)
    text = " ".join(brief.decode("utf-8").split())
    assert "«We have no choice but to strike" in text and "“" not in text


@pytest.mark.parametrize(
    ("opener", "marks"),
    [("«", ("«", "»")), ("“", ("“", "”")), ('"', ('"', "”"))],  # a straight one: the language's, printed
)
def test_the_briefing_closes_a_quotation_running_on_after_its_typed_opener(
    opener: str, marks: tuple[str, str]
) -> None:
    from convert.briefing import build

    close = {"«": "»", "“": "”", '"': '"'}[opener]
    article = marked(
        "en",
        f"Ali Hassan said on Monday: {opener}We will continue the work we started months ago with the unions.",
        f"{opener}We will not stop now,{close} said Ali Hassan.",
    )
    spoken = build(article).quotes
    assert [q.marks for q in spoken][:1] == [marks]


@pytest.mark.parametrize(
    ("language", "opener", "printed"),
    [
        ("ru", "« ", "«\u00a0Bonjour à tous, nous sommes là\u00a0»"),  # ru's own «…» unspaced: the space kept
        ("fr-CH", "« ", "«\u00a0Bonjour à tous, nous sommes là\u00a0»"),
        ("fr", "«", "«Bonjour à tous, nous sommes là»"),  # fr's own spaced «\u202f…\u202f»: none added
        ("fr", "«\u202f", "«\u202fBonjour à tous, nous sommes là\u202f»"),
        ("en", "“ ", "“\u00a0Bonjour à tous, nous sommes là\u00a0”"),
        ("en", "„", "„Bonjour à tous, nous sommes là“"),  # CLDR's pairing most often
    ],
)
def test_the_briefing_closes_a_running_on_quotation_with_the_space_typed(
    language: str, opener: str, printed: str
) -> None:
    """Review r36b: the closing mark of a running-on excerpt dropped the typed space (`« Bonjour»`) or
    added one never typed (`«Bonjour\u202f»`)."""
    from convert.briefing import build
    from convert.locale.text import printed_marks

    said = Paragraph(
        (
            Quote((Text("Bonjour à tous, nous sommes là"),), speaker="Jean Martin", marks=(opener, "")),
            Text(" a dit Jean Martin."),
        )
    )
    lead = Paragraph((Text("Les syndicats ont répondu hier à la proposition du gouvernement."),))
    article = Article(Metadata(title="Grève", language=language), (lead, said, lead))
    (spoken,) = build(article).quotes
    opens, closes = printed_marks(spoken.marks, language)  # as "Who said what" prints it
    assert opens + spoken.text + closes == printed


# --------------------------------------------------------------------------
# The JSON contract


def test_marks_are_api_1_4_and_round_trip() -> None:
    data = model.to_json(SPEECH)
    assert data["version"] == [1, 4]
    quote = data["body"][0]["content"][0]
    assert quote == {
        "type": "quote",
        "content": [{"type": "text", "text": "No vamos a ceder"}],
        "speaker": "Ana Ruiz",
        "marks": ["«", "»"],
    }
    VALIDATOR.validate(data)
    assert model.from_json(json.loads(json.dumps(data))) == SPEECH


def test_an_older_tree_reads_with_the_languages_marks() -> None:
    data = model.to_json(SPEECH)
    data["version"] = [1, 3]
    del data["body"][0]["content"][0]["marks"]
    assert quotes(model.from_json(data))[0].marks is None


@pytest.mark.parametrize("value", [["<", ">"], ["«"], "«»", [1, 2], ["«", "»", "x"], ["«  ", "»"], ["", "»"]])
def test_marks_this_version_does_not_read_are_unknown(value: object) -> None:
    data = model.to_json(SPEECH)
    data["body"][0]["content"][0]["marks"] = value
    assert quotes(model.from_json(data))[0].marks is None
    with pytest.raises(ModelError, match="quote marks"):
        Quote((Text("x"),), marks=value)  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# A Markdown round trip keeps them (review r36b): text -> .md -> article


_HEADS = {
    "en": "A Day in the Park\n\nBy Jane Roe\n\nJane Roe spoke in Leeds on Monday and the meeting ran long.",
    "de": "Ein Tag im Park\n\nVon Anna Schmidt\n\nAnna Schmidt sprach am Montag, und die Sitzung dauerte lange.",
    "fr": "Une journée au parc\n\nPar Marie Dupont\n\nMarie Dupont a parlé lundi, et la réunion a duré longtemps.",
    "ru": "День в парке\n\nИван Петров\n\nИван Петров выступил в понедельник, и заседание шло долго.",
}


def _markdown_round_trip(language: str, *paragraphs: str) -> tuple[Article, Article, str]:
    source = "\n\n".join((_HEADS[language], *paragraphs, "The day ended late.")).encode()
    article = convert.read(source, from_="text", name="x.txt", metadata={"language": language})
    data = convert.write(article, "md")
    assert isinstance(data, bytes)
    return article, convert.read(data, from_="markdown", name="x.md"), data.decode("utf-8")


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("de", "„Er sagte ‚nein‘ und ging“, sagte sie."),  # pandoc's smart writer: ‚nein' -> ‚nein’
        ("de", "„Er sagte „nein“ und ging“, sagte Anna Schmidt."),
        ("en", "\"He said 'no' and left,\" she said."),
        ("en", "“He said ‘no’ and left,” said Jane Roe."),  # the speaker's Span: ‘no’ was text
        ("en", "Jane Roe said: “He said ‘no’ and left.”"),
        ("en", "“He said “no” and left,” said Jane Roe."),
        ("fr", "« Il a dit “non” et il est parti », a-t-elle dit."),  # “non” came back a Quoted
        ("fr", "«Il a dit “non” et il est parti», a dit Marie Dupont."),
        ("ru", "«Он сказал „нет“ и ушёл», — сказала Анна Иванова."),  # „нет" -> „нет”
        ("en", '"He said ‘no’ and left," said Jane Roe.'),  # review r47: pandoc's Quoted, a speaker
        ("en", 'Jane Roe said: "He said ‘no’ and left."'),
        ("en", "“They call it 'rock 'n' roll' politics,” Jane Roe said."),  # 'rock … roll' paired
        ("en", "\"They call it 'rock 'n' roll' politics,\" Jane Roe said."),
    ],
)
def test_a_nested_quotation_survives_a_markdown_round_trip(language: str, typed: str) -> None:
    article, again, _ = _markdown_round_trip(language, typed)
    assert again.body == article.body
    assert model.plain_text(again.body) == model.plain_text(article.body)


def test_a_straight_quotation_running_on_survives_a_markdown_round_trip() -> None:
    article, again, md = _markdown_round_trip(
        "en",
        '"We have worked for years on this plan and we will not give up now that it is so close.',
        '"Every street in this town will get new lights before the winter comes.',
        '"And the park will open again in the spring," she said.',
    )
    assert [q.marks for q in quotes(article)] == [('"', ""), ('"', ""), None]
    assert again.body == article.body
    assert '\\"We have worked' in md  # escaped: pandoc's smart reader would make it a curly “


@pytest.mark.parametrize(
    ("language", "lead", "then"),
    [  # review r47: with no speaker; the next paragraph opens with pandoc's Quoted
        (
            "de",
            'Klaus Weber sagte: "Wir machen weiter mit der Arbeit, die wir vor Monaten begonnen haben.',
            '"Wir hören jetzt nicht auf", sagte er.',
        ),
        (
            "en",
            'The union statement read: "We will continue the work we started months ago with the unions.',
            '"We will not stop now."',
        ),
    ],
)
def test_a_straight_quotation_running_on_with_no_speaker_survives_a_markdown_round_trip(
    language: str, lead: str, then: str
) -> None:
    article, again, _ = _markdown_round_trip(language, lead, then)
    assert quotes(article)[0].marks == ('"', "")
    assert again.body == article.body


def test_markdown_writes_curly_marks_and_apostrophes_as_typed() -> None:
    article = Article(
        Metadata(title="Ein „Test“ für ’s Archiv", language="de"),
        (Paragraph((Text("Er sagte ‚nein‘ und ’90 war ’s vorbei; „gut“ so."),)),),
    )
    data = convert.write(article, "md")
    assert isinstance(data, bytes)
    assert "Ein „Test“ für ’s Archiv" in data.decode() and "‚nein‘ und ’90 war ’s" in data.decode()
    again = convert.read(data, from_="markdown")
    assert again.meta.title == article.meta.title
    assert again.body == find_quotes(article).body
