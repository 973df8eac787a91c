"""Brief figures a new user found wrong or missing (task h46): a number grouped with any space,
scale letters after a bare number, a hundredth's word, ranges, a count of years that looks like a
year, a postposition after a count. Each is tested both ways."""

from __future__ import annotations

import pytest

from convert.briefing.figures import find
from convert.briefing.sentences import sentences
from convert.model import Article, Metadata, Paragraph, Text


def figures(language: str, text: str) -> list[tuple[str, str, float | None, str | None]]:
    meta = Metadata(title="", language=language)
    found = find(sentences(Article(meta=meta, body=(Paragraph((Text(text),)),))), language=language)
    return [(f.text, f.kind, f.value, f.unit) for f in found]


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
@pytest.mark.parametrize(
    ("language", "sentence", "value", "unit"),
    [
        ("pl", "Miasto liczy 1{0}234{0}567 mieszkańców.", 1234567.0, "mieszkańców"),
        ("fr", "La ville compte 1{0}234{0}567 habitants.", 1234567.0, "habitants"),
        ("ru", "Штраф составил 1{0}200{0}000 рублей.", 1200000.0, "рублей"),
    ],
)
def test_a_number_grouped_with_any_space_is_read_whole(
    language: str, sentence: str, value: float, unit: str, space: str
) -> None:
    text = sentence.format(space)
    number = f"1{space}234{space}567" if language != "ru" else f"1{space}200{space}000"
    assert figures(language, text) == [(number, "count", value, unit)]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # a space between two numbers joins them into none (a year and a count, rooms, a phone)
        ("pl", "W 2019 1 200 osób wyjechało."),
        ("pl", "W 2019\u00a01\u00a0200 osób wyjechało."),
        ("fr", "En 2019 1 200 personnes sont parties."),
        ("en", "In 2019 1 200 people left."),
        ("pl", "Pokoje 1 2 3 są wolne."),
        ("fr", "Appelez le 06 12 34 56 78 demain."),
        ("ru", "Звоните 8 800 555 35 35 сегодня."),
    ],
)
def test_a_spaced_group_never_joins_two_numbers(language: str, sentence: str) -> None:
    for text, _kind, value, _unit in figures(language, sentence):
        assert value is None or value < 1e5, (text, value)
        assert text.count(" ") + text.count("\u00a0") <= 1 or text.startswith("1 200"), text


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About 3bn people live there.", ("3bn", "count", 3e9)),
        ("About 30bn people live there.", ("30bn", "count", 3e10)),
        ("Some 3.5bn people live there.", ("3.5bn", "count", 3.5e9)),
        ("Some 2 mln tonnes were shipped.", ("2 mln", "count", 2e6)),
        ("It cost $3bn in all.", ("$3bn", "money", 3e9)),
    ],
)
def test_newsroom_scale_letters_scale_a_bare_number(sentence: str, expected: tuple[object, ...]) -> None:
    assert figures("en", sentence)[0][:3] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "About 3 people live there.",  # a small bare number is a word in disguise
        "About 5m people live there.",  # `m` is a metre as often: no figure rather than 5
        "A 3bnx deal.",  # letters after the scale: no scale read
    ],
)
def test_no_scale_without_a_newsroom_abbreviation(sentence: str) -> None:
    assert all(value is None or value < 1e6 for _, _, value, _ in figures("en", sentence))
    assert not any(value == 3.0 or value == 5.0 for _, _, value, _ in figures("en", sentence))


@pytest.mark.parametrize(
    ("language", "currency"),
    [("fr", None), ("de", None), ("en-GB", None), ("en", "USD"), ("en-AU", "AUD"), ("fr-CA", "CAD")],
)
def test_a_hundredth_names_only_the_locales_currency(language: str, currency: str | None) -> None:
    assert figures(language, "Le ticket coûte 50 cents de plus.") == [("50 cents", "money", 0.5, currency)]


@pytest.mark.parametrize(
    ("language", "sentence", "shown", "kind"),
    [
        # a year-like number with the plural CLDR gives a count of that many years: a duration
        ("de", "Die Stadt feiert 1700 Jahre Geschichte.", "1700 Jahre", "duration"),
        ("en", "The town is 1700 years old.", "1700 years", "duration"),
        ("fr", "La ville a 1700 ans.", "1700 ans", "duration"),
        ("ru", "Городу 1700 лет.", "1700 лет", "duration"),
        ("uk", "Місту 1700 років.", "1700 років", "duration"),
        ("pl", "Miasto ma 1700 lat.", "1700 lat", "duration"),
        # the year word before it, none, or a form that names a year itself: a year
        ("de", "Im Jahr 1700 wurde die Kirche gebaut.", "1700", "year"),
        ("de", "1700 wurde die Kirche gebaut.", "1700", "year"),
        ("en", "In 1700 the town burned.", "1700", "year"),
        ("fr", "En 1700 la ville brûla.", "1700", "year"),
        ("fr", "L'an 1700 fut rude.", "1700", "year"),
        ("ru", "В 1700 году город сгорел.", "1700", "year"),
        ("ru", "Линию открыли в марте 2000 года.", "2000", "year"),  # gen. sg., not `лет`
        ("ru", "Итоги за 2021 год подвели.", "2021", "year"),  # `one`: the singular
        ("ru", "Линию открыли в марте 2022 года.", "2022", "year"),  # `few`: a year's case too
        ("pl", "W 2021 roku miasto urosło.", "2021", "year"),
        ("hi", "2000 वर्ष का बजट पेश हुआ।", "2000", "year"),  # one word for both: unknown, a year
    ],
)
def test_a_year_like_count_of_years_is_a_duration(
    language: str, sentence: str, shown: str, kind: str
) -> None:
    found = figures(language, sentence)
    assert [(text, k) for text, k, _, _ in found] == [(shown, kind)]
    assert found[0][2] == float(shown.split()[0])


@pytest.mark.parametrize(
    ("language", "sentence", "shown", "unit"),
    [
        # a one-letter word after a count that is no long or short CLDR unit: a postposition or
        # preposition (Hindi `से`, from/than, is only CLDR's narrow second), no unit
        ("hi", "इस मेले में 2 लाख से अधिक लोग आए।", "2 लाख", None),
        ("ru", "Они платят 500 в год.", "500", None),
        ("fr", "Entre 15 à 20 personnes.", "15", None),
        # the thing counted, and a one-letter CLDR unit, stay the unit
        ("hi", "सरकार ने 1.5 लाख लोगों को मदद दी।", "1.5 लाख", "लोगों"),
        ("fr", "La tour fait 300 m de haut.", "300", "m"),
        ("ru", "Собрали 300 т зерна.", "300", "т"),
    ],
)
def test_a_one_letter_function_word_is_no_unit(
    language: str, sentence: str, shown: str, unit: str | None
) -> None:
    found = {text: found_unit for text, _, _, found_unit in figures(language, sentence)}
    assert found[shown] == unit
