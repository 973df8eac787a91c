"""Brief figures left by review r53 (task h53): years listed before a plural year word, round
counts of a telephone number's shape, ISO codes before numbers that are no amount of money, unit
names, and Babel's unit data read once a language. Each is tested both ways."""

from __future__ import annotations

import pytest
from babel.localedata import LocaleDataDict

from convert.locale import numbers
from tests.test_brief_ranges_r46c import found


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # a year listed after another keeps the several years' plural in any case (review r53 #1)
        ("ru", "В 2019, 2020 и 2021 годах выручка росла.", ["2019", "2020", "2021"]),
        ("ru", "В 1999 и 2000 годах цены выросли.", ["1999", "2000"]),
        ("ru", "Между 2000 и 2010 годами население выросло.", ["2000", "2010"]),
        ("pl", "W 2019 i 2020 latach ceny rosły.", ["2019", "2020"]),
    ],
)
def test_years_listed_before_an_inflected_year_word_stay_years(
    language: str, sentence: str, expected: list[str]
) -> None:
    assert [(f[0], f[1]) for f in found(language, sentence)] == [(y, "year") for y in expected]


def test_one_year_before_an_inflected_plural_is_still_unsure() -> None:
    # the other way: one number before a plural in a case CLDR does not list: no figure
    assert found("de", "Das geschah vor 2000 Jahren in Rom.") == []


def test_babel_unit_data_is_read_once_a_language(monkeypatch: pytest.MonkeyPatch) -> None:
    """``year_word_inflected`` and ``year_count_only`` read CLDR's year unit once a language:
    Babel builds its unit data again on each lookup of ``unit_patterns`` (review r53 #7, a 1.6 MB
    Russian text: 3.8 s -> 6.2 s)."""
    for cached in ("year_word_inflected", "year_count_only", "_year_units", "year_count_word"):
        if hasattr(getattr(numbers, cached, None), "cache_clear"):
            getattr(numbers, cached).cache_clear()
    looked: list[int] = []
    real = LocaleDataDict.__getitem__

    def counting(self: LocaleDataDict, key: object) -> object:
        looked.extend([1] if key == "unit_patterns" else [])
        return real(self, key)

    monkeypatch.setattr(LocaleDataDict, "__getitem__", counting)
    for n in range(1500, 1700):
        numbers.year_word_inflected("ru", f"годах{n}")
        numbers.year_count_only("ru", n)
    assert len(looked) < 20, len(looked)


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # a run ending in `000` is a round count, no telephone number (review r53 #2, #3)
        ("fr", "La Russie compte 146 000 000 habitants.", ("146 000 000", 146e6, "habitants")),
        ("fr", "Le réseau compte 300 000 000 utilisateurs.", ("300 000 000", 300e6, "utilisateurs")),
        ("ru", "Население России — 146 000 000 человек.", ("146 000 000", 146e6, "человек")),
        ("pl", "Serwis ma 120 000 000 użytkowników.", ("120 000 000", 120e6, "użytkowników")),
        ("fr", "Le chômage: +1 200 000 personnes en un an.", ("1 200 000", 1.2e6, "personnes")),
        ("ru", "Число пользователей выросло на +1 200 000 человек.", ("1 200 000", 1.2e6, "человек")),
    ],
)
def test_a_round_count_is_no_telephone_number(
    language: str, sentence: str, expected: tuple[str, float, str]
) -> None:
    assert [(f[0], f[2], f[3]) for f in found(language, sentence)] == [expected]


@pytest.mark.parametrize(
    ("language", "sentence"),
    [
        # the other way: a telephone number's shape that does not end in 000 gives no figure
        ("pl", "Zadzwoń pod numer 601 234 567 jutro."),
        ("pl", "Zadzwoń pod numer +48 601 234 567 jutro."),
        ("fr", "Appelez le +33 6 12 34 56 78."),
        ("en", "Call +1 212 555 0100 today."),
    ],
)
def test_a_telephone_number_still_gives_none(language: str, sentence: str) -> None:
    assert found(language, sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # an ISO code before a bare number is a name's, no currency (review r53 #4): no figure
        "Sites still running PHP 7 face risks, and PHP 80 adoption is slow.",
        "The AMD 70 nm chips shipped late.",
        "The company designs CAD 30 software.",
        "He runs PHP 8.1 now.",
    ],
)
def test_a_code_before_a_bare_number_is_no_money(sentence: str) -> None:
    assert found("en", sentence) == []


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # the other way: scaled, grouped, or with the currency's CLDR decimals, it is money
        ("en", "Cash rose to MXN 12 billion.", ("MXN 12 billion", 12e9, "MXN", None)),
        ("en", "He paid USD 3,500 for it.", ("USD 3,500", 3500.0, "USD", None)),
        ("en", "He paid USD 3.50 for it.", ("USD 3.50", 3.5, "USD", None)),
        ("en", "Funding of GBP 3-4 million was agreed.", ("GBP 3-4 million", None, "GBP", (3e6, 4e6))),
        ("de", "Die Firma erhielt CHF 12 Millionen.", ("CHF 12 Millionen", 12e6, "CHF", None)),
        ("de", "Es kostet 1.200 EUR.", ("1.200 EUR", 1200.0, "EUR", None)),
    ],
)
def test_a_code_beside_an_amount_is_money(language: str, sentence: str, expected: tuple[object, ...]) -> None:
    assert [(f[0], f[2], f[3], f[4]) for f in found(language, sentence)] == [expected]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # a currency the locale writes keeps its code, however often wordfreq counts its letters
        # (review r53 #5: the frequency comes from the currency)
        ("vi", "Dự án trị giá 500 triệu USD đã được phê duyệt.", ("500 triệu USD", "USD")),
        ("cs", "Půjčka ve výši 500 milionů EUR byla schválena.", ("500 milionů EUR", "EUR")),
        ("lv", "Budžets ir 300 miljoni EUR.", ("300 miljoni EUR", "EUR")),
        ("nb", "Fondet har 300 millioner NOK.", ("300 millioner NOK", "NOK")),
        ("tr", "Şirket 3 milyar TRY yatırım yaptı.", ("3 milyar TRY", "TRY")),
    ],
)
def test_a_currency_the_locale_writes_keeps_its_code(
    language: str, sentence: str, expected: tuple[str, str]
) -> None:
    assert [(f[0], f[3]) for f in found(language, sentence)] == [expected]


def test_codes_that_are_words_elsewhere_stay_words() -> None:
    # the other way: Danish `nok` (enough) is no currency Danish CLDR writes; English `TOP`
    from convert.locale.amounts import code_signs

    assert "NOK" not in code_signs("da") and "TOP" not in code_signs("vi")
    assert found("en", "The TOP 10 list was long.") == [("10", "count", 10.0, "list was long", None)]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # a metric unit's name counts even where it is a common word, British spellings too
        # (en_001), and a range of year-like numbers before a unit is one count (review r53 #6)
        ("en", "Britain exported 1500 tonnes of steel.", [("1500", "count", 1500.0, "tonnes", None)]),
        ("en", "He ran 1500 metres.", [("1500", "count", 1500.0, "metres", None)]),
        ("en", "They poured 1800 litres.", [("1800", "count", 1800.0, "litres", None)]),
        ("de", "Der Tunnel ist 1500 Meter lang.", [("1500", "count", 1500.0, "Meter", None)]),
        ("ru", "Компания выпустила 2000 тонн стали.", [("2000", "count", 2000.0, "тонн", None)]),
        (
            "en",
            "They shipped 1500 to 2000 tons.",
            [("1500 to 2000", "count", None, "tons", (1500.0, 2000.0))],
        ),
        (
            "en",
            "They shipped between 1500 and 2000 tons.",
            [("1500 and 2000", "count", None, "tons", (1500.0, 2000.0))],
        ),
        (
            "de",
            "Geliefert wurden zwischen 1500 und 2000 Tonnen.",
            [("1500 und 2000", "count", None, "Tonnen", (1500.0, 2000.0))],
        ),
        # the other way: a change gives its upper end; a common word of no metric unit stays a year
        ("en", "It rose from 1500 to 2000 tonnes.", [("2000", "count", 2000.0, "tonnes", None)]),
        ("en", "In 2020 points were scored faster.", [("2020", "year", 2020.0, "year", None)]),
        ("en", "In 2020 part of it was lost.", [("2020", "year", 2020.0, "year", None)]),
        ("en", "In 1999 miles of road were built.", [("1999", "year", 1999.0, "year", None)]),
    ],
)
def test_a_metric_unit_after_a_year_like_number_counts(
    language: str, sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert found(language, sentence) == expected
