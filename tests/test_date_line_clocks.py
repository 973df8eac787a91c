"""A date line's clock (review r35 #3-#5): the day period kept by the locale's 12-hour clock, only
the words CLDR writes before a time joining a clock to its day, and digits-only dates only in years
an article has."""

from __future__ import annotations

import pytest

from convert.dates import parse_date
from convert.locale.date_times import period_hour
from convert.readers._datelines import parse_date_line
from convert.readers.text import parse_article


def _published(line: str, lang: str) -> str | None:
    found = parse_date_line(line, lambda: lang)
    return found.published if found else None


@pytest.mark.parametrize(
    ("line", "lang", "published"),
    [
        # the AM/PM name before the hour (CLDR ja ``aK時``, ``aK:mm``) is kept, with a space or none
        ("2025年3月3日 午後2時", "ja", "2025-03-03T14:00:00"),
        ("2025年3月3日 午後 2時", "ja", "2025-03-03T14:00:00"),
        ("2025年3月3日 午後2:30", "ja", "2025-03-03T14:30:00"),
        ("2025年3月3日 午前2時", "ja", "2025-03-03T02:00:00"),
        ("2025年3月3日 午後0時30分", "ja", "2025-03-03T12:30:00"),
        ("2025年3月3日 午前0時30分", "ja", "2025-03-03T00:30:00"),
        ("2025年3月3日 下午2:30", "zh", "2025-03-03T14:30:00"),
        # a name CLDR gives an era too is no period before the clock (ar 'م': PM, and the Common Era)
        ("٧ ديسمبر ٢٠٢٦ 10:30 م", "ar", "2026-12-07T22:30:00"),
        ("٧ ديسمبر ٢٠٢٦ م 10:30", "ar", "2026-12-07T10:30:00"),
        # Japanese counts its 12-hour clock 0 to 11: ``午前12時`` and ``午後12時`` are written for noon
        # and for midnight alike, so the day alone
        ("2025年3月3日 午前12時", "ja", "2025-03-03"),
        ("2025年3月3日 午後12時", "ja", "2025-03-03"),
        ("2025年3月3日 午前12時30分", "ja", "2025-03-03"),
        ("2025年3月3日 午後12時30分", "ja", "2025-03-03"),
        # Korean counts it 1 to 12 (``a h시``): ``오전 12시`` is 0 o'clock
        ("2025년 3월 3일 오전 12시 5분", "ko", "2025-03-03T00:05:00"),
        ("2025년 3월 3일 오후 2시", "ko", "2025-03-03T14:00:00"),
    ],
)
def test_a_day_period_before_the_clock_is_kept(line: str, lang: str, published: str | None) -> None:
    assert _published(line, lang) == published


def test_the_hour_a_day_period_gives_follows_the_locales_12_hour_clock() -> None:
    assert [
        period_hour(h, pm, "ja") for h, pm in ((0, False), (0, True), (11, True), (12, False), (12, True))
    ] == [
        0,
        12,
        23,
        None,
        None,
    ]
    assert [period_hour(h, pm, "ko") for h, pm in ((12, False), (12, True), (1, True), (0, False))] == [
        0,
        12,
        13,
        None,
    ]
    assert period_hour(14, True, "en") is None


@pytest.mark.parametrize(
    ("line", "lang", "published"),
    [
        # another short preposition before the clock: the day, not the time ("until", "from", "to")
        ("3 marca 2025 do 14:30", "pl", "2025-03-03"),
        ("3 marca 2025 od 14:30", "pl", "2025-03-03"),
        ("3 marca 2025 po 14:30", "pl", "2025-03-03"),
        ("3. března 2025 do 14:30", "cs", "2025-03-03"),
        ("3 марта 2025 до 14:30", "ru", "2025-03-03"),
        ("3 марта 2025 с 14:30", "ru", "2025-03-03"),
        ("3 марта 2025 к 14:30", "ru", "2025-03-03"),
        ("3. März 2025 ab 14 Uhr", "de", "2025-03-03"),
        ("March 3, 2025 to 14:30", "en", "2025-03-03"),
        # the words CLDR writes before a time: its atTime patterns' (cs 'v', ru 'в', sk 'o', en 'at'),
        # and its year's word (pl 'r.'); no other short word, however often it means "at"
        ("3. března 2025 v 14:30", "cs", "2025-03-03T14:30:00"),
        ("3 марта 2025 в 14:30", "ru", "2025-03-03T14:30:00"),
        ("3. marca 2025 o 14:30", "sk", "2025-03-03T14:30:00"),
        ("3 marca 2025 o 14:30", "pl", "2025-03-03"),  # review r43: 'o' is not CLDR's
        ("3 mars 2025 e 14:30", "sq", "2025-03-03"),  # Albanian 'e', "and"
        ("3 de marzo de 2025 da 14:30", "gl", "2025-03-03"),  # Galician 'da', "of the"
        ("3 marca 2025 r. 14:30", "pl", "2025-03-03T14:30:00"),
        ("3. März 2025 um 14 Uhr", "de", "2025-03-03T14:00:00"),
        # a longer word CLDR does not write about a time: the date, no time (review r35/h43: a
        # clock part not understood gives the date alone); words besides a bare number: no date line
        ("3 marca 2025 foto 14:30", "pl", "2025-03-03"),
        ("3 marca 2025 zginęło 14 osób", "pl", None),
        ("3 March 2025 killed 14 people", "en", None),
    ],
)
def test_only_the_words_cldr_writes_before_a_time_join_a_clock(
    line: str, lang: str, published: str | None
) -> None:
    assert _published(line, lang) == published


def test_a_zone_cldr_does_not_name_leaves_the_day() -> None:
    """``МСК`` is no short name in CLDR's Russian metazone names: the day, not a local time."""
    assert _published("3 марта 2025 г. 14:30 МСК", "ru") == "2025-03-03"
    assert _published("3 марта 2025 г. 14:30", "ru") == "2025-03-03T14:30:00"


@pytest.mark.parametrize(
    ("line", "lang", "published"),
    [
        ("١٥/٦/١٤٤٨", "ar", None),  # Hijri 1448 in digits: no Gregorian 1448-06-15
        ("15/06/1448", "ar", None),
        ("3/12/1850", "vi", None),
        ("١٥/٦/٢٠٢٦", "ar", "2026-06-15"),
        ("3/12/2026", "vi", "2026-12-03"),
    ],
)
def test_a_digits_only_date_is_read_only_in_a_year_an_article_has(
    line: str, lang: str, published: str | None
) -> None:
    assert _published(line, lang) == published


@pytest.mark.parametrize(
    ("text", "iso"),
    [("15.06.1448", None), ("1448-06-15", None), ("1448/06/15", None), ("03.12.2026", "2026-12-03")],
)
def test_the_date_grammar_reads_digits_only_in_a_year_an_article_has(text: str, iso: str | None) -> None:
    assert parse_date(text) == iso


def test_a_hijri_date_in_digits_over_a_dateline_is_no_gregorian_date() -> None:
    text = (
        "الحكومة تعلن خطة جديدة للنقل العام في العاصمة\n\n١٥/٦/١٤٤٨\n\n"
        "الرياض — أعلنت الحكومة يوم الاثنين خطة جديدة للنقل العام في العاصمة تشمل حافلات كهربائية.\n\n"
        "الفقرة الثانية من المقال هنا مع كلمات أخرى.\n"
    )
    assert parse_article(text).meta.published is None


def test_an_era_name_that_is_also_pm_is_not_taken_for_the_period() -> None:
    """Arabic ``م`` is CLDR's PM and its Common Era: after the year it is the era, no afternoon."""
    from convert.locale.reading_lines import newsroom_clock

    found = newsroom_clock("٧ ديسمبر ٢٠٢٦ م ١٠:٣٠", "ar")
    assert found is None or not found[0].endswith("T22:30:00")
    assert newsroom_clock("2025年3月3日 午後 2時", "ja") == ("2025-03-03T14:00:00", "gregorian")


@pytest.mark.parametrize(("line", "lang"), [("March 3, 2025 p 10:30", "en"), ("March 3, 2025 a 10:30", "en")])
def test_a_one_letter_period_name_before_a_clock_is_no_period(line: str, lang: str) -> None:
    """Review r43: English narrow ``p`` before a clock made 10:30 into 22:30."""
    assert _published(line, lang) == "2025-03-03"


def test_metadata_dates_in_digits_keep_their_year_before_1900() -> None:
    """Review r43: the 1900 floor is the date line's (Hijri years in digits), not metadata's."""
    from convert.dates import parse_date, to_iso

    assert to_iso("18.10.1851") == "1851-10-18"
    assert to_iso("October 18, 1851") == "1851-10-18"
    assert parse_date("15.06.1448") is None
