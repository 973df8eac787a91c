"""The quote pass: speech with its speaker, scare quotes without one."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import convert
from convert.model import Article, Emph, Metadata, Paragraph, Quote, Text, plain_text, walk
from convert.quotes import find_quotes

SCARE = (
    "something",
    "demonstration",
    "deadly",
    "Axis of Resistance",
    "phantom",
    "synchronized watches",
    "often",
)


def quotes(article: Article) -> list[Quote]:
    return [n for n in walk(article.body) if isinstance(n, Quote)]


def para(*texts: str) -> Article:
    return Article(meta=Metadata(language="en"), body=tuple(Paragraph((Text(t),)) for t in texts))


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> Article:
    return find_quotes(convert.read(sample_path))


def test_sample_speakers(sample: Article) -> None:
    speakers = [q.speaker for q in quotes(sample) if q.speaker]
    assert speakers.count("Vladimir Putin") >= 3
    assert speakers.count("Masoud Pezeshkian") >= 2
    assert set(speakers) == {"Vladimir Putin", "Masoud Pezeshkian"}


def test_sample_scare_quotes_have_no_speaker(sample: Article) -> None:
    by_text = {plain_text(q.content): q for q in quotes(sample)}
    body = "\n".join(plain_text(b) for b in sample.body)
    for term in SCARE:
        if term in by_text:
            assert by_text[term].speaker is None, term
        else:  # single-quoted terms outside speech stay text, marks as typed
            assert f"'{term}'" in body, term
    assert "demonstration" not in by_text


def test_sample_marks_are_not_content(sample: Article) -> None:
    for q in quotes(sample):
        text = plain_text(q.content)
        assert not text.startswith(('"', "“", "'")) and not text.endswith(('"', "”", "'")), text
    body = "\n".join(plain_text(b) for b in sample.body)
    assert '"' not in body  # every straight double quote in the sample was paired


def test_sample_specific_attributions(sample: Article) -> None:
    spoken = {plain_text(q.content)[:30]: q.speaker for q in quotes(sample) if q.speaker}
    assert (
        spoken["constructive consultations wer"] == "Masoud Pezeshkian"
    )  # "the Iranian President noted that"
    assert spoken["more effectively against the c"] == "Masoud Pezeshkian"  # "Pezeshkian asked Russia to act"
    assert spoken["I am very glad, dear Mr. Presi"] == "Vladimir Putin"  # '"…," President Putin said'


def test_idempotent(sample: Article) -> None:
    assert find_quotes(sample) == sample


def test_curly_quotes_and_title_resolution() -> None:
    a = find_quotes(
        para(
            "Iranian President Masoud Pezeshkian met Russian President Vladimir Putin.",
            "“We will act together,” Mr. Pezeshkian said on Friday.",
            "The Russian President noted that “the trend is good for both of our countries.”",
        )
    )
    got = [(plain_text(q.content), q.speaker) for q in quotes(a)]
    assert got == [
        ("We will act together,", "Masoud Pezeshkian"),
        ("the trend is good for both of our countries.", "Vladimir Putin"),
    ]


def test_inverted_and_pronoun_attribution() -> None:
    a = find_quotes(
        para(
            'Chancellor Gordon Brown spoke in London. "Growth will be strong this year," said Mr Brown.',
            '"We have done the work and it shows in the figures," he added.',
        )
    )
    assert [q.speaker for q in quotes(a)] == ["Gordon Brown", "Gordon Brown"]


def test_quote_spanning_paragraphs_keeps_speaker() -> None:
    a = find_quotes(
        para(
            'Tony Blair said: "We are going to win this election and then we will keep every promise.',
            '"Nobody should doubt that we mean every single word of it."',
        )
    )
    got = [(plain_text(q.content), q.speaker) for q in quotes(a)]
    assert got[0] == ("We are going to win this election and then we will keep every promise.", "Tony Blair")
    assert got[1] == ("Nobody should doubt that we mean every single word of it.", "Tony Blair")


def test_existing_quotes_and_inlines_are_kept() -> None:
    original = Article(
        body=(
            Paragraph(
                (
                    Text("Putin used the word "),
                    Quote((Text("often"),), speaker=None),
                    Text(' and said "this is '),
                    Emph((Text("very"),)),
                    Text(' important for us all."'),
                ),
            ),
        )
    )
    a = find_quotes(original)
    content = a.body[0].content  # type: ignore[union-attr]
    assert content[1] == Quote((Text("often"),), speaker=None)
    last = content[-1]
    assert isinstance(last, Quote)
    assert last.content == (Text("this is "), Emph((Text("very"),)), Text(" important for us all."))
    assert find_quotes(a) == a


def test_apostrophes_are_not_quotes() -> None:
    a = find_quotes(para("Russia's trade with Iran's neighbours grew in the '90s, and the 'reset' failed."))
    assert [plain_text(q.content) for q in quotes(a)] == []  # 'reset' stays as typed
    assert "the 'reset' failed" in plain_text(a.body)


def test_a_space_inside_an_unclosed_quotation_still_parts_the_words() -> None:
    """BBC style: a quoted sentence runs on into the next (`about. "Dan`); no word may lose its space."""
    import convert
    from convert.model import plain_text

    text = (
        b'Title\n\nThe bishop said: "It is fun to read, fun to fantasise about. "Dan Brown is the best '
        b'writer I have come across." A great deal of evidence says otherwise.\n'
    )
    body = plain_text(convert.read(text, from_="text").body[0])
    assert "about. Dan" in body or "about. “Dan" in body, body
    assert "about.Dan" not in body


#: Two quotations in one paragraph, in each convention CLDR lists: the words between them are
#: never taken for the quotation.
TWO_QUOTATIONS = (
    (
        "de",
        "„Wir haben keine andere Wahl“, sagte der Vorsitzende Klaus Weber. „Die Bahn muss ein Angebot vorlegen.“",
    ),
    ("pl", "„Nie mamy innego wyboru”, powiedział Jan Kowalski. „Kolej musi przedstawić ofertę.”"),
    ("hu", "„Nincs más választásunk”, mondta Kovács János. „A vasútnak ajánlatot kell tennie.”"),
    ("fr", "« Nous n’avons pas le choix », a dit Jean Roux. « La SNCF doit faire une offre. »"),
    ("fr", "«Nous n’avons pas le choix», a dit Jean Roux. «La SNCF doit faire une offre.»"),
    ("ru", "«У нас нет другого выбора», — заявил Иван Петров. «Дорога должна сделать предложение.»"),
    ("sv", "”Vi har inget annat val”, sade Lars Berg. ”Banan måste lägga fram ett bud.”"),
    ("en", "“We have no other choice,” said Klaus Weber. “The railway must make an offer.”"),
)


@pytest.mark.parametrize(("language", "typed"), TWO_QUOTATIONS)
def test_two_quotations_in_a_paragraph_pair_by_the_language(language: str, typed: str) -> None:
    a = find_quotes(Article(meta=Metadata(language=language), body=(Paragraph((Text(typed),)),)))
    content = a.body[0].content  # type: ignore[union-attr]
    assert [type(n).__name__ for n in content] == ["Quote", "Text", "Quote"], content
    first, between, second = (plain_text((n,)).strip() for n in content)
    assert first[:4] == typed.lstrip("„»«”“ ")[:4] and first.rstrip(",") in typed  # the first words
    assert not set(between.split()[1:]) & set(first.split() + second.split())
    assert (between[:1] == ",") != first.endswith(",") and between[-1:] == "." and len(between.split()) <= 6
    assert second[-1:] == "." and second[:2] in typed and second[:1].isupper(), second


@pytest.mark.parametrize(
    ("language", "typed"),
    # French typed with spaces inside « » is printed with the narrow no-break space French sets there
    [t for t in TWO_QUOTATIONS if t[1][0] in "„”“«"],
)
def test_marks_the_language_uses_come_out_as_typed(language: str, typed: str) -> None:
    """Where the author typed the language's own marks (CLDR), every output prints the paragraph as typed."""
    article = find_quotes(Article(meta=Metadata(language=language), body=(Paragraph((Text(typed),)),)))
    data = convert.write(article, "txt")
    assert isinstance(data, bytes)
    printed = " ".join(data.decode("utf-8").split())
    assert " ".join(typed.replace("« ", "«\u202f").replace(" »", "\u202f»").split()) in printed


def test_cjk_corner_brackets_stay_as_typed() -> None:
    typed = "担当者は「暖かい日が続いた」と話した。「つぼみが膨らんだ」とも述べた。"
    a = find_quotes(Article(meta=Metadata(language="ja"), body=(Paragraph((Text(typed),)),)))
    assert plain_text(a.body) == typed


def test_marks_of_either_role_are_the_ones_cldr_gives_both() -> None:
    """`_EITHER` is every double mark that opens in one language's delimiters and closes in another's."""
    import json

    from convert import quote_pairs as q

    table = json.loads((Path(q.__file__).parent / "locale" / "data" / "quotes.json").read_text("utf-8"))
    opens = {v[i] for v in table["locales"].values() for i in (0, 2)}
    closes = {v[i] for v in table["locales"].values() for i in (1, 3)}
    assert set(q._EITHER) == (opens & closes) - set("‘’‹›")  # the single marks: _single_pairs


def test_a_quotation_the_reader_marked_gets_its_speaker() -> None:
    """Markdown's straight quotes reach the tree as pandoc's Quoted (a Quote without a speaker)."""
    original = Article(
        meta=Metadata(language="en"),
        body=(
            Paragraph(
                (
                    Quote((Text("We are glad it is over,"),)),
                    Text(" said captain Ann Lee, who has sailed the route for twenty years."),
                )
            ),
            Paragraph((Text("The strike used the "), Quote((Text("phantom"),)), Text(" tactic."))),
        ),
    )
    a = find_quotes(original)
    assert [(plain_text(q.content), q.speaker) for q in quotes(a)] == [
        ("We are glad it is over,", "Ann Lee"),
        ("phantom", None),
    ]
    assert find_quotes(a) == a


@pytest.mark.parametrize(
    ("language", "typed"),
    [
        ("de", "»Wir haben keine andere Wahl«, sagte Klaus Weber. »Die Bahn muss ein Angebot vorlegen.«"),
        ("da", "»Vi har ›intet‹ valg«, sagde Lars Hansen. »Banen må komme med et tilbud.«"),
        ("sv", "»Vi har inget val», sade Lars Berg. »Banan.»"),
        ("fi", "»Meillä ei ole valintaa», sanoi Matti Virtanen. »Rata.»"),
        ("he", "„שלום“, אמר דוד כהן. „להתראות.“"),
        ("en", "„Wir haben keine Wahl“, said Klaus Weber. „Die Bahn.“"),
        ("ru", "«Он сказал „нет“», — заявил Иван Петров."),
        ("hu", "„Ez »belső« idézet”, mondta Kovács János."),
        ("fr", "« Le “vrai” problème », dit Marie Curie."),
        ("de", "Das Wort „ Test “ mit Leerzeichen."),  # spaces inside marks other than guillemets
        ("en", "The word “ test ” with spaces."),
    ],
)
def test_marks_other_than_the_languages_are_printed_as_typed(language: str, typed: str) -> None:
    """A quotation typed in other marks than the language's prints as typed: a quotation keeping its
    marks (`„ Test “`, `“ test ”`, Quote.marks), or text where the marks make none (Swedish `»…»`)."""
    article = find_quotes(Article(meta=Metadata(language=language), body=(Paragraph((Text(typed),)),)))
    data = convert.write(article, "txt")
    assert isinstance(data, bytes)
    assert typed in " ".join(data.decode("utf-8").split())


@pytest.mark.parametrize(
    ("language", "content", "speaker"),
    [
        # a reader's quotation inside typed marks: it must not pair with them
        (
            "en",
            (Text("“He called the plan "), Quote((Text("deadly"),)), Text(" and walked out,” said Ann Lee.")),
            "Ann Lee",
        ),
        # a reader's quotation inside a reader's quotation
        (
            "en",
            (
                Quote((Text("He told me "), Quote((Text("no"),)), Text(" twice, and I believed him,"))),
                Text(" said captain Ann Lee."),
            ),
            "Ann Lee",
        ),
        # written-back marks that do not pair again (an ellipsis after the opening mark, German)
        (
            "de",
            (Quote((Text("…und dann kam nichts mehr"),)), Text(", sagte der Vorsitzende Klaus Weber.")),
            None,
        ),
        ("de", (Text("Er sprach von "), Quote((Text("…"),)), Text(" im Text.")), None),
    ],
)
def test_a_quotation_the_reader_marked_keeps_its_span(
    language: str, content: tuple[Text | Quote, ...], speaker: str | None
) -> None:
    """A reader's quotation is never taken apart: each one comes back whole, its marks added by exporters only."""
    before = Article(meta=Metadata(language=language), body=(Paragraph(content),))
    after = find_quotes(before)
    assert plain_text(after.body) == plain_text(before.body).replace("“", "").replace("”", "")
    read = [plain_text(q.content) for q in quotes(before)]
    found = [plain_text(q.content) for q in quotes(after)]
    assert set(read) <= set(found), found
    assert speaker in [q.speaker for q in quotes(after)]
    assert find_quotes(after) == after


def _naive_start(s: str, pos: int) -> int:
    """The sentence start as found before r36: every break scanned again up to ``pos``."""
    from convert.quotes import _SENTENCE_END, _after_title

    start = 0
    for m in _SENTENCE_END.finditer(s, 0, pos):
        if not _after_title(s, m.start()):
            start = m.end()
    return start


def _naive_end(s: str, pos: int) -> int:
    from convert.quotes import _SENTENCE_END, _after_title

    for m in _SENTENCE_END.finditer(s, pos):
        if not _after_title(s, m.start()):
            return m.start() + 1
    return len(s)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(["He left", ". ", "  ", "Mr. ", "Dr.", "! ", "“", "”", '"', "A", "(", "’", "x", "?"]),
        max_size=30,
    )
)
def test_sentence_bounds_found_once_are_those_scanned_each_time(pieces: list[str]) -> None:
    """Sentence breaks are found once per paragraph (a 99 kB paragraph's quotations each scanned it)."""
    from convert.quotes import _sentence_end, _sentence_start

    s = "".join(pieces)
    for pos in range(len(s) + 1):
        assert _sentence_start(s, pos) == _naive_start(s, pos), (s, pos)
        assert _sentence_end(s, pos) == _naive_end(s, pos), (s, pos)
