"""Brief figures keep the currency and scale written with them, and read numbers with the
language's decimal sign (CLDR through Babel; tester h34's defects 1 and 2). Each case is tested
both ways: the right figure where CLDR tells, and no figure, or no currency, where a word could
make it wrong."""

from __future__ import annotations

import pytest

from convert.briefing.figures import find
from convert.briefing.sentences import sentences
from convert.locale.amounts import currency_names, currency_signs, magnitude_words_before
from convert.model import Article, Metadata, Paragraph, Text


def figures(language: str, text: str) -> list[tuple[str, str, float | None, str | None]]:
    meta = Metadata(title="", language=language)
    found = find(sentences(Article(meta=meta, body=(Paragraph((Text(text),)),))), language=language)
    return [(f.text, f.kind, f.value, f.unit) for f in found]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # a currency sign of the language before the number, a magnitude after it
        ("pt-BR", "O governo liberou R$ 50 milhões para obras.", ("R$ 50 milhões", "money", 5e7, "BRL")),
        ("pt", "O governo liberou R$ 50 milhões para obras.", ("R$ 50 milhões", "money", 5e7, "BRL")),
        (
            "id",
            "Nilai investasi mencapai Rp 1,5 triliun tahun ini.",
            ("Rp 1,5 triliun", "money", 1.5e12, "IDR"),
        ),
        ("pl", "Deficyt ma wynieść 289 mld zł w przyszłym roku.", ("289 mld zł", "money", 2.89e11, "PLN")),
        # a currency's name after the number (CLDR's display names; the home currency's noun)
        ("nl", "Het kabinet trekt 2,4 miljard euro extra uit.", ("2,4 miljard euro", "money", 2.4e9, "EUR")),
        ("uk", "Уряд виділив 2,3 млрд гривень на ремонт.", ("2,3 млрд гривень", "money", 2.3e9, "UAH")),
        ("th", "งบประมาณอยู่ที่ 1,200 ล้านบาท ในปีนี้", ("1,200 ล้านบาท", "money", 1.2e9, "THB")),
        ("en", "It cost 5 million US dollars in all.", ("5 million US dollars", "money", 5e6, "USD")),
        # magnitudes in a row multiply; a magnitude written before the number scales it
        ("bn", "প্রকল্পের মোট ব্যয় ৪৫ হাজার কোটি টাকা।", ("৪৫ হাজার কোটি", "count", 4.5e11)),
        ("sw", "Gharama ya mradi ni shilingi bilioni 120, na zaidi.", ("bilioni 120", "count", 1.2e11, None)),
        # a decimal comma where CLDR's decimal sign is a comma; a group sign read as such
        ("nl", "Het kabinet trekt 2,4 miljard extra uit.", ("2,4 miljard", "count", 2.4e9)),
        ("pl", "Deficyt wyniesie około 6,5 proc. PKB.", ("6,5 proc.", "percent", 6.5, "%")),
        ("de", "Die Stadt zählt 1.200 Einwohner mehr.", ("1.200", "count", 1200.0)),
        ("fr", "Le musée accueillait 40 000 visiteurs par an.", ("40 000", "count", 40000.0)),
        ("hi", "सरकार ने 1,00,000 लोगों को मदद दी।", ("1,00,000", "count", 1e5)),
        # the sign as CLDR gives it in the language and territory: `$` is Australia's in en-AU
        ("en-AU", "The council spent $5 million on roads.", ("$5 million", "money", 5e6, "AUD")),
        ("en", "The council spent $5 million on roads.", ("$5 million", "money", 5e6, "USD")),
    ],
)
def test_a_figure_keeps_its_currency_and_scale(
    language: str, sentence: str, expected: tuple[object, ...]
) -> None:
    found = figures(language, sentence)
    assert found, sentence
    assert found[0][: len(expected)] == expected, found


@pytest.mark.parametrize(
    ("language", "sentence", "wrong"),
    [
        # `$` inside `R$` is no dollar
        ("pt-BR", "O governo liberou R$ 50 milhões para obras.", "USD"),
        # a decimal comma is no thousands sign, in English no decimal sign
        ("nl", "Het kabinet trekt 2,4 miljard extra uit.", 2.4e12),
        ("nl", "Het kabinet trekt 2,4 miljard extra uit.", 2e9),
        ("en", "He scored 2,4 and 6 in the heats.", 2.4),
        ("en", "He scored 2,4 and 6 in the heats.", 24.0),
        ("de", "Die Stadt zählt 1.200 Einwohner mehr.", 1.2),
        # Bengali টাকা is India's rupee too, Swahili shilingi Kenya's and Tanzania's: no currency
        ("bn", "প্রকল্পের মোট ব্যয় ৪৫ হাজার কোটি টাকা।", "BDT"),
        ("bn", "প্রকল্পের মোট ব্যয় ৪৫ হাজার কোটি টাকা।", 45000.0),
        ("sw", "Gharama ya mradi ni shilingi bilioni 120, na zaidi.", 120.0),
        ("sw", "Gharama ya mradi ni shilingi bilioni 120, na zaidi.", "TZS"),
        ("th", "งบประมาณอยู่ที่ 1,200 ล้านบาท ในปีนี้", 1200.0),
        # a currency's name that names people too, or opens another word, is no currency
        ("es", "Murieron 5 bolivianos en el accidente.", "BOB"),
        ("th", "มี 5 บาทหลวง มาร่วมงาน", "THB"),
        ("en", "About 30 US troops left.", "USD"),
        # a country's adjective in its currency's name (`svensk krona`) is no currency
        ("sv", "Hela 50 svenska företag deltog.", "SEK"),
        ("da", "Over 40 danske virksomheder deltog.", "DKK"),
        ("he", "נפתחו 12 חדשים השנה.", "ILS"),
        ("pl", "Deficyt wyniesie około 6,5 proc. PKB.", 65.0),
    ],
)
def test_no_wrong_currency_or_value(language: str, sentence: str, wrong: object) -> None:
    for found in figures(language, sentence):
        assert wrong not in found[2:], found


@pytest.mark.parametrize(
    "sentence",
    [
        "இந்தத் திட்டத்தின் மொத்தச் செலவு ₹63,246 கோடி ஆகும்.",
        "கட்டணம் ₹10 முதல் இருக்கும்.",
    ],
)
def test_an_amount_a_crore_may_scale_unread_gives_no_figure(sentence: str) -> None:
    """Tamil groups digits the Indian way but CLDR gives it no word for a lakh or a crore
    (கோடி): ₹63,246 would be a wrong amount, so an amount followed by a word is none."""
    assert not [f for f in figures("ta", sentence) if f[1] == "money"], figures("ta", sentence)
    assert figures("ta", "செலவு ₹63,246.") == [("₹63,246", "money", 63246.0, "INR")]


def test_currency_words_and_signs_come_from_cldr() -> None:
    assert ("r$", "BRL") in [(s.casefold(), c) for s, c in currency_signs("pt-BR")]
    assert ("$", "AUD") in currency_signs("en-AU") and ("$", "USD") in currency_signs("en")
    names = dict(currency_names("pl"))
    assert names["złotych"] == "PLN" and names["euro"] == "EUR"
    assert "টাকা" not in dict(currency_names("bn"))  # BDT's and, in Bengali, INR's
    assert "us" not in dict(currency_names("en"))  # an abbreviation, not a noun
    assert dict(currency_names("he"))["שקל"] == "ILS" and "חדשים" not in dict(currency_names("he"))


def test_a_one_letter_magnitude_before_a_number_scales_nothing() -> None:
    """Sinhala writes its magnitudes before the number (CLDR: `ද 0`, a thousand), but `ද` alone
    is a particle too: only a word of two letters or more scales the number after it."""
    assert magnitude_words_before("si") and all(len(w) > 1 for w, _ in magnitude_words_before("si"))
    assert ("ද", 1000.0) not in magnitude_words_before("si")
    assert figures("si", "ඔහු ද 25 දෙනෙකු සමඟ ගියේය.")[0][2] == 25.0
