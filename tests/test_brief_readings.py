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
    ("language", "sentence", "value", "ends"),
    [
        # the language's own CLDR word of that spelling comes first (a trillion, a billion)
        ("pl", "Dług publiczny wynosi 1,5bln zł.", 1.5e12, None),
        ("pl", "PKB przekroczył 3 bln zł w 2023 roku.", 3e12, None),
        ("sv", "Skulden är 3 bn kronor.", 3e12, None),
        ("fr", "La dette atteint 3 Bn €.", 3e12, None),
        ("id", "Biayanya 3M–4M rupiah.", None, (3e9, 4e9)),
        # where its CLDR word has the English size, or none of that spelling, the newsroom one reads
        ("pl", "Sprzedano 2 mln sztuk.", 2e6, None),
        ("en", "Some 3 bn people live there.", 3e9, None),
        ("en", "It cost $3M-$4M in all.", None, (3e6, 4e6)),
    ],
)
def test_a_languages_own_magnitude_word_comes_before_the_newsroom_one(
    language: str, sentence: str, value: float | None, ends: tuple[float, float] | None
) -> None:
    meta = Metadata(title="", language=language)
    found = find(sentences(Article(meta=meta, body=(Paragraph((Text(sentence),)),))), language=language)
    assert (found[0].value, found[0].range) == (value, ends)


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
        # a year-like number with the form CLDR gives only a count of many years: a duration
        ("ru", "Городу 1700 лет.", "1700 лет", "duration"),
        ("uk", "Місту 1700 років.", "1700 років", "duration"),
        ("pl", "Miasto ma 1700 lat.", "1700 lat", "duration"),
        ("cs", "Město má 1700 let.", "1700 let", "duration"),
        ("en", "The town is 1700 years old.", "1700 years", "duration"),  # English `years` (as before)
        # a plural that may be the year's own case (lt `metų`, CLDR's `many` and `other`) or open
        # the phrase after it (a unit of a singular and a plural only): unsure, the year (review r46)
        ("lt", "Vyriausybė pateikė 2020 metų biudžetą.", "2020", "year"),
        ("lt", "2015 metų pabaigoje įvedė eurą.", "2015", "year"),
        ("it", "Nel 2020 anni di lavoro sono andati perduti.", "2020", "year"),
        ("es", "En 2008 años de crecimiento terminaron de golpe.", "2008", "year"),
        ("de", "Die Stadt feiert 1700 Jahre Geschichte.", "1700", "year"),
        ("fr", "La ville a 1700 ans.", "1700", "year"),
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


@pytest.mark.parametrize(
    ("language", "sentence", "shown", "kind", "unit", "ends"),
    [
        ("en", "The plan costs $3-4 million over two years.", "$3-4 million", "money", "USD", (3e6, 4e6)),
        ("en", "The plan costs $3–4 million over two years.", "$3–4 million", "money", "USD", (3e6, 4e6)),
        ("en", "The plan costs €3m-€4m over two years.", "€3m-€4m", "money", "EUR", (3e6, 4e6)),
        ("en", "It costs 3 to 4 million dollars.", "3 to 4 million dollars", "money", "USD", (3e6, 4e6)),
        ("en", "It costs $3 million – $4 million.", "$3 million – $4 million", "money", "USD", (3e6, 4e6)),
        (
            "en",
            "It costs between 3 and 4 million dollars.",
            "3 and 4 million dollars",
            "money",
            "USD",
            (3e6, 4e6),
        ),
        ("en", "Between 3 and 4 million people came.", "3 and 4 million", "count", "people came", (3e6, 4e6)),
        # a sign on the lower end with no scale of its own: the upper end's scale (review r46 #2)
        ("en", "It will cost between $3 and $4 million.", "$3 and $4 million", "money", "USD", (3e6, 4e6)),
        ("en", "It will cost $3 to $4 million.", "$3 to $4 million", "money", "USD", (3e6, 4e6)),
        ("en", "It will cost $3 to 4 million.", "$3 to 4 million", "money", "USD", (3e6, 4e6)),
        ("en", "It will cost £3 - 4 million.", "£3 - 4 million", "money", "GBP", (3e6, 4e6)),
        ("en", "It will cost $3 - $4 million.", "$3 - $4 million", "money", "USD", (3e6, 4e6)),
        ("en", "Prices rose 3-4% last year.", "3-4%", "percent", "%", (3.0, 4.0)),
        ("en", "Some 15–20 people came.", "15–20", "count", "people came", (15.0, 20.0)),
        ("en", "It lasted 3–4 years.", "3–4 years", "duration", "years", (3.0, 4.0)),
        ("de", "Das Projekt kostet 3–4 Milliarden Euro.", "3–4 Milliarden Euro", "money", "EUR", (3e9, 4e9)),
        # the sentence splitter cuts after `Mrd.` before a capital (`Euro`): the range, no currency
        ("de", "Das Projekt kostet 3–4 Mrd. Euro.", "3–4 Mrd.", "count", None, (3e9, 4e9)),
        (
            "de",
            "Es kostet zwischen 3 und 4 Millionen Euro.",
            "3 und 4 Millionen Euro",
            "money",
            "EUR",
            (3e6, 4e6),
        ),
        ("fr", "Il coûte entre 3 et 4 millions d'euros.", "3 et 4 millions", "count", "d'euros", (3e6, 4e6)),
        ("ru", "Проект стоит 3–4 млрд рублей.", "3–4 млрд", "count", "рублей", (3e9, 4e9)),
    ],
)
def test_a_range_is_one_figure_with_both_ends(
    language: str, sentence: str, shown: str, kind: str, unit: str | None, ends: tuple[float, float]
) -> None:
    meta = Metadata(title="", language=language)
    found = find(sentences(Article(meta=meta, body=(Paragraph((Text(sentence),)),))), language=language)
    assert [(f.text, f.kind, f.value, f.unit, f.range) for f in found] == [(shown, kind, None, unit, ends)]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        ("fr", "Le sommet a lieu du 10–12 mars à Rome."),
        ("de", "Der Gipfel findet 10–12 März statt."),
        ("ru", "Саммит пройдёт 10–12 марта в Риме."),
        ("pl", "Szczyt odbędzie się 10–12 marca w Rzymie."),
        ("it", "Il vertice si terrà il 10–12 marzo a Roma."),
        ("es", "La cumbre será del 10–12 de marzo en Roma."),
    ],
)
def test_days_before_a_month_are_no_count(language: str, sentence: str) -> None:
    """Review r46 #5: the days of `10–12 mars` (CLDR's month names) are no range of 10 to 12."""
    assert not [f for f in figures(language, sentence) if f[1] == "count"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # two amounts joined by `and`, each with its sign and scale: two figures, no range
        ("They spent $3 million and $4 million.", [("$3 million", 3e6), ("$4 million", 4e6)]),
        ("Profit rose from $3m to $4m.", [("$3m", 3e6), ("$4m", 4e6)]),  # a change
        # `from … to`: a change; a lower end with no scale has no value known (review r46 #4)
        ("Membership rose from 3 to 4 million.", [("4 million", 4e6)]),
        ("Membership rose from 300 to 400 million.", [("400 million", 4e8)]),
        ("Sales rose from $3 to $4 million.", [("$4 million", 4e6)]),
        ("The score was 3 - 2 at half time.", []),  # a spaced hyphen between bare numbers
        ("The total fell 11,000 to 813,200 last month.", [("11,000", 11000.0), ("813,200", 813200.0)]),
        # a hyphen between bare numbers is a model, a score, a telephone number: no figure
        ("The Boeing 737-800 landed.", []),
        ("They won 3-2 at home.", []),
        ("Call 555-1234 now.", []),
        ("Some 15-20 people came.", []),
        # years joined are years; a lower end above the upper is no range
        ("From 1990–2000 it grew.", [("1990–2000", 1990.0)]),
        ("The summit runs March 10–12 in Rome.", [("March 10–12", None)]),  # days of a date
        ("The summit runs 10–12 March in Rome.", [("12 March", None)]),  # not `10`, a count
        ("Rates rose by 5 and 3 percent respectively.", [("3 percent", 3.0)]),
    ],
)
def test_no_range_where_the_ends_are_no_range(sentence: str, expected: list[tuple[str, float]]) -> None:
    meta = Metadata(title="", language="en")
    found = find(sentences(Article(meta=meta, body=(Paragraph((Text(sentence),)),))), language="en")
    assert [(f.text, f.value) for f in found] == expected
    assert all(f.range is None for f in found)


def test_a_ranges_json_has_both_ends_and_no_value() -> None:
    from convert.briefing import build, to_json

    text = "The plan costs $3-4 million over two years. The town has 40,000 people."
    meta = Metadata(title="Plan", language="en")
    data = to_json(build(Article(meta=meta, body=(Paragraph((Text(text),)),))))
    ranged = {f["text"]: f for f in data["figures"]}
    assert ranged["$3-4 million"]["range"] == [3e6, 4e6] and ranged["$3-4 million"]["value"] is None
    assert "range" not in ranged["40,000"]  # a figure of one value keeps the keys it had
    assert data["version"] == [1, 1]  # a new optional key: a minor version (STYLE §2, review r46)


def test_a_ranges_upper_end_is_read_from_a_window(monkeypatch: pytest.MonkeyPatch) -> None:
    """The upper end of each range is read again alone: from a bounded window after the joint, so
    a long sentence of ranges costs work linear in its length (counted, not timed)."""
    import importlib

    module = importlib.import_module("convert.briefing.figures")
    read = [0]
    real = module._readings

    def counting(text: str, *args: object) -> list[object]:
        read[0] += len(text)
        return real(text, *args)  # type: ignore[no-any-return]

    monkeypatch.setattr(module, "_readings", counting)
    for n in (200, 400):
        read[0] = 0
        sentence = ", ".join(f"{i}–{i + 1} million" for i in range(10, 10 + n)) + "."
        found = figures("en", sentence)
        assert len(found) == min(n, 40)
        assert read[0] <= len(sentence) + n * (module.RANGE_WINDOW + 2)


@pytest.mark.parametrize("space", [" ", "\u00a0", "\u202f"])
def test_a_spaced_amount_takes_cldrs_plural_currency_name(space: str) -> None:
    """CLDR's plural display names (`российских рублей`, count many) make it money; `рублей`
    alone is Belarus's rouble too (`белорусских рублей`), so it stays the count's unit."""
    number = f"1{space}200{space}000"
    named = figures("ru", f"Штраф составил {number} российских рублей.")
    assert named == [(f"{number} российских рублей", "money", 1.2e6, "RUB")]
    assert figures("ru", f"Штраф составил {number} рублей.") == [(number, "count", 1.2e6, "рублей")]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # a signed lower end joined by a word joins no count of something, nor another currency:
        # a signed lower end that joins no upper end of its currency: its value unknown ($3 or
        # $3 million?), no figure rather than a wrong `$3` (reviews r46b #1, r46c #1)
        ("en", "The agency paid $1 to 2 million households in aid.", ["2 million"]),
        ("en", "Tickets cost $3 and 4 million people bought them.", ["4 million"]),
        ("es", "El boleto cuesta $3 y 4 millones de personas lo compraron.", ["4 millones"]),
        ("ru", "Билет стоит $3 и 4 млн человек его купили.", ["4 млн"]),
        ("it", "Il biglietto costa €3 e 4 milioni di persone lo hanno comprato.", ["4 milioni"]),
        ("tr", "Bilet $3 ve 4 milyon kişi aldı.", ["4 milyon"]),
        ("en", "It will cost between £3 and $4 million.", ["$4 million"]),
        ("en", "It costs $3 to 4 million a year.", ["4 million"]),
        # a spaced hyphen after no sign, a spaced en dash after a word: a label, then the figure
        # (review r46b #2)
        ("en", "Figure 2 - 45% of respondents agreed.", ["45%"]),
        ("en", "Figure 2 – 45% of respondents agreed.", ["45%"]),
        ("en", "Step 1 - $5 million for roads.", ["$5 million"]),
        ("de", "Punkt 3 - 40 Prozent der Wähler.", ["40 Prozent"]),
        ("fr", "Article 2 - 30 % des électeurs.", ["30 %"]),
        ("es", "Capítulo 4 - 30 % de los votantes.", ["30 %"]),
        # years in a range or a list keep a plural year word (uk `років`): years (review r46b #3)
        ("uk", "Протягом 2015–2020 років ціни зросли.", ["2015–2020"]),
        ("uk", "За підсумками 2019 і 2020 років дефіцит зріс.", ["2019", "2020"]),
        ("uk", "За 2019, 2020 років.", ["2019", "2020"]),
        ("en", "The fund grew from about 3 to 4 million.", ["4 million"]),  # a change
    ],
)
def test_no_range_across_a_label_a_count_or_a_currency(
    language: str, sentence: str, expected: list[str]
) -> None:
    found = find(
        sentences(Article(meta=Metadata(title="", language=language), body=(Paragraph((Text(sentence),)),))),
        language=language,
    )
    assert sorted(f.text for f in found) == sorted(expected)
    assert all(f.range is None for f in found)


@pytest.mark.parametrize(
    ("language", "sentence", "shown", "ends"),
    [
        # the other way: the same currency, or nothing counted after the scale (review r46b #1)
        ("it", "Il progetto costa €3 e 4 milioni.", "€3 e 4 milioni", (3e6, 4e6)),
        ("ru", "Проект стоит $3 и 4 млн.", "$3 и 4 млн", (3e6, 4e6)),
        ("en", "It will cost between £3 and £4 million.", "£3 and £4 million", (3e6, 4e6)),
        ("en", "Attendance: 3 – 4 million.", "3 – 4 million", (3e6, 4e6)),  # no word before: #2
        # an upper end naming the lower end's currency (review r46c #1)
        ("en", "It costs $3 to 4 million dollars.", "$3 to 4 million", (3e6, 4e6)),
        ("de", "Es kostet €3 und 4 Millionen Euro.", "€3 und 4 Millionen Euro", (3e6, 4e6)),
        ("nl", "Het kost €3 en 4 miljoen euro.", "€3 en 4 miljoen euro", (3e6, 4e6)),
        # a month's name after a scaled, percent or money upper end is no date (review r46b #5)
        ("en", "Between 3 and 4 million may lose their jobs.", "3 and 4 million", (3e6, 4e6)),
        ("en", "Some 3-4% may vote.", "3-4%", (3.0, 4.0)),
        ("en", "Sales of $3-4 million May to July.", "$3-4 million", (3e6, 4e6)),
        ("nl", "Tussen 3 en 4 miljoen mei niet stemmen.", "3 en 4 miljoen", (3e6, 4e6)),
        ("uk", "Місто має 1700 років.", "1700 років", (1700.0, 1700.0)),  # one year-like number: a count
    ],
)
def test_a_range_where_the_ends_agree(
    language: str, sentence: str, shown: str, ends: tuple[float, float]
) -> None:
    found = find(
        sentences(Article(meta=Metadata(title="", language=language), body=(Paragraph((Text(sentence),)),))),
        language=language,
    )
    got = [(f.text, f.range or (f.value, f.value)) for f in found]
    assert got == [(shown, ends)]


@pytest.mark.parametrize(
    ("language", "sentence", "counts"),
    [
        # dotted days before a month, a month's name before days (review r46b #4): no count
        ("nb", "Toppmøtet er 10.–12. mars.", []),
        ("cs", "Summit se koná 10.–12. března.", []),
        ("fi", "Huippukokous on 10.–12. maaliskuuta.", []),
        ("hu", "A csúcstalálkozó március 10–12. között lesz.", []),
        ("lt", "Susitikimas vyks kovo 10–12 d.", []),
        # the other way: dotted numbers with no month are no range (ordinals: places 10 to 12),
        # and a scaled upper end after a month's name stays a range
        ("nb", "Lagene på 10.–12. plass rykket ned.", [("10", None), ("12", None)]),
        ("hu", "Az ár március 3–4 millió forint.", [("3–4 millió", (3e6, 4e6))]),
    ],
)
def test_days_by_a_month_in_other_orders_are_no_count(
    language: str, sentence: str, counts: list[tuple[str, object]]
) -> None:
    found = find(
        sentences(Article(meta=Metadata(title="", language=language), body=(Paragraph((Text(sentence),)),))),
        language=language,
    )
    assert [(f.text, f.range) for f in found if f.kind == "count"] == counts
