"""Reading back what a non-English article writes the language's way: dates and bylines."""

from __future__ import annotations

import pytest

from convert.locale import text as loc

#: Written the way each language writes a date (CLDR's long form, or its medium one).
WRITTEN = {
    "ru": "14 октября 2024 г.",
    "ar": "14 أكتوبر 2024",
    "fa": "۱۴ اکتبر ۲۰۲۴",
    "he": "14 באוקטובר 2024",
    "ur": "14 اکتوبر، 2024",
    "hi": "14 अक्टूबर 2024",
    "bn": "১৪ অক্টোবর, ২০২৪",
    "zh": "2024年10月14日",
    "ja": "2024年10月14日",
    "ko": "2024년 10월 14일",
    "el": "14 Οκτωβρίου 2024",
    "tr": "14 Ekim 2024",
    "de": "14. Oktober 2024",
    "th": "14 ตุลาคม ค.ศ. 2024",
}


@pytest.mark.parametrize(("lang", "text"), WRITTEN.items())
def test_read_date_in_the_languages_own_words(lang: str, text: str) -> None:
    assert loc.read_date(text, lang) == "2024-10-14"


LANGS = ["en", "fr", "de", "es", "ru", "uk", "el", "tr", "pl", "ar", "fa", "ur", "he", "hi", "mr",
         "bn", "th", "my", "zh", "ja", "ko", "vi", "ps", "ckb"]  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "iso", ["2024-10-14", "2024-01-03T22:37:00", "2024-10-14T09:05:00+03:00", "2024-12-31T00:05:00-05:30"]
)
def test_read_date_reads_back_what_display_date_writes(lang: str, iso: str) -> None:
    shown = loc.display_date(iso, lang)
    assert shown is not None
    assert loc.read_date(shown, lang) == iso, shown


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("14 ตุลาคม 2567", "th"),  # Buddhist era: not a Gregorian year
        ("23 мая", "ru"),  # no year
        ("October 14, 2024 was a Monday", "en"),  # more than the date
        ("14 октября 2024 г.", "fr"),  # another language's month
        ("31 февраля 2024 г.", "ru"),  # no such day
        ("۲۳ مهر ۱۴۰۳", "fa"),  # Solar Hijri: Babel reads no such calendar
    ],
)
def test_read_date_refuses_what_is_no_gregorian_date_in_that_language(text: str, lang: str) -> None:
    assert loc.read_date(text, lang) is None
