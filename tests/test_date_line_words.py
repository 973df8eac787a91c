"""A date line's words between its date and its clock (review r35/h43, task h45): the words CLDR
writes about a time in the language (its atTime patterns, its units for years and hours: Polish
``r.`` and ``godz.``, Turkish ``saat``) join the clock; the language's day periods after it keep it
(Spanish ``p. m.``); any other word leaves the date alone, never a time."""

from __future__ import annotations

import pytest

from convert.readers._datelines import parse_date_line
from convert.readers.text import parse_article

_ARTICLES = {
    "pl": (
        "Nowe przepisy w Warszawie",
        "Autor: Jan Kowalski",
        "Rząd ogłosił w poniedziałek nowe przepisy dotyczące transportu publicznego w stolicy.",
        "Zmiany obejmą autobusy i tramwaje, a bilety będą droższe od przyszłego miesiąca.",
    ),
    "tr": (
        "İstanbul'da yeni kurallar",
        "Yazan: Ahmet Yılmaz",
        "Hükümet pazartesi günü şehirde toplu taşıma için yeni kurallar açıkladı.",
        "Değişiklikler otobüsleri ve tramvayları kapsayacak ve biletler gelecek ay pahalanacak.",
    ),
    "es": (
        "Nuevas normas en Madrid",
        "Por María García",
        "El Gobierno anunció el lunes nuevas normas para el transporte público de la capital.",
        "Los cambios afectarán a los autobuses y al metro, y los billetes serán más caros el próximo mes.",
    ),
    "en": (
        "New rules for city transport",
        "By Jane Doe",
        "The government announced new rules for public transport in the capital on Monday.",
        "The second paragraph has more words about the plan and its cost to riders.",
    ),
    "de": (
        "Neue Regeln in Berlin",
        "Von Hans Müller",
        "Die Regierung hat am Montag neue Regeln für den Nahverkehr in der Hauptstadt angekündigt.",
        "Der zweite Absatz enthält weitere Einzelheiten über den Plan und die Kosten.",
    ),
    "ja": (
        "東京で新しい規則",
        "山田太郎",
        "政府は月曜日、首都の公共交通機関に関する新しい規則を発表した。",
        "変更はバスと電車に適用され、来月から運賃が値上がりする。",
    ),
}


def _published(line: str, lang: str) -> str | None:
    found = parse_date_line(line, lambda: lang)
    return found.published if found else None


@pytest.mark.parametrize(
    ("lang", "line", "published"),
    [
        # CLDR's year and hour units (pl ``{0} r.``, ``{0} godz.``; tr ``{0} saat``) before the clock
        ("pl", "3 marca 2025 r., godz. 14:30", "2025-03-03T14:30:00"),
        ("pl", "3 marca 2025, godz. 14:30", "2025-03-03T14:30:00"),
        ("tr", "3 Mart 2025 saat 14:30", "2025-03-03T14:30:00"),
        # es's atTime words (``{1} 'a' 'las' {0}``) and its abbreviated day period after the clock
        ("es", "3 de marzo de 2025 a las 2:30 p. m.", "2025-03-03T14:30:00"),
        # pl 'o' ("at") is no word CLDR writes about a time: the date, no time
        ("pl", "3 marca 2025 r. o 14:30", "2025-03-03"),
        # the day's weekday in brackets (ja ``（月）``) is the date's
        ("ja", "2025年3月3日（月）午後2時", "2025-03-03T14:00:00"),
        # guards: read before task h45 (the text reader's date grammar), still read
        ("tr", "3 Mart 2025, 14:30", "2025-03-03T14:30:00"),
        ("es", "3 de marzo de 2025, 14:30 h", "2025-03-03T14:30:00"),
    ],
)
def test_a_date_line_over_the_body_gives_its_date_and_the_time_cldr_reads(
    lang: str, line: str, published: str
) -> None:
    title, byline, *body = _ARTICLES[lang]
    article = parse_article("\n\n".join([title, byline, line, *body]) + "\n")
    assert article.meta.published == published


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        # review r45: words after the clock that are no zone nor day period make a sentence
        ("en", "3 March 2025 at 14:30 the police arrived"),
        ("en", "March 3, 2025 at 2:30 police arrived"),
        ("en", "3 March 2025, 14:30 police arrived"),
        ("de", "3. März 2025 um 14:30 Uhr kam die Polizei"),
        ("de", "3. März 2025 um 14:30 kam die Polizei"),
        ("es", "3 de marzo de 2025 a las 14:30 llegó la policía"),
        ("es", "3 de marzo de 2025 a las 2:30 p. m. llegó la policía"),
        ("pl", "3 marca 2025 r. o 14:30 przyjechała policja"),
        ("pl", "3 marca 2025, godz. 14:30 przyjechała policja"),
        ("pl", "3 marca 2025 r., 2 godz. później"),
        ("tr", "3 Mart 2025 saat 14:30 polis geldi"),
        ("tr", "3 Mart 2025, 2 saat sonra"),
        ("ja", "2025年3月3日 14:30 警察が到着"),
        # review r45b: one short word after the clock was read as a zone in any case
        ("en", "3 March 2025 14:30 Fire"),
        ("en", "3 March 2025, 14:30 fire"),
        ("en", "March 3, 2025 at 14:30 Blast"),
        ("de", "3. März 2025, 14:30 Feuer"),
        ("es", "3 de marzo de 2025, 14:30 Gaza"),
    ],
)
def test_a_sentence_that_opens_with_a_date_and_a_clock_stays_in_the_body(lang: str, sentence: str) -> None:
    from convert import api

    title, byline, *body = _ARTICLES[lang]
    article = parse_article("\n\n".join([title, byline, sentence, *body]) + "\n")
    assert article.meta.published is None
    for fmt in ("txt", "md", "html"):
        assert sentence.split()[-1] in api.render(article, fmt).data.decode(), fmt
    assert _published(sentence, lang) is None


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # a weekday that is not the day's before the clock: no date, as without the clock (review r45)
        ("3 Mart 2025 Salı 14:30", "tr"),
        ("3 Mart 2025 Salı saat 14:30", "tr"),
        ("March 3, 2025 Tuesday 14:30", "en"),
        ("3. März 2025 Dienstag 14:30", "de"),
        ("3 marca 2025 wtorek 14:30", "pl"),
    ],
)
def test_another_days_weekday_before_the_clock_gives_no_date(line: str, lang: str) -> None:
    assert _published(line, lang) is None
    assert _published(line.replace(line.split()[3], "").replace("  ", " "), lang) is not None


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # an hour with CLDR's unit for a number of hours: a length of time, the date alone (review r45)
        ("3 marca 2025 r., 2 godz.", "pl"),
        ("3 mars 2025, 2 tim.", "sv"),
        ("March 3, 2025, 2 hours", "en"),
        ("3. März 2025, 2 Stunden", "de"),
        ("3 Mart 2025, 2 saat", "tr"),
        ("3 maart 2025, 2 uur", "nl"),
        ("3 марта 2025, 14 ч", "ru"),
    ],
)
def test_an_hour_with_cldrs_unit_for_hours_is_a_length_of_time(line: str, lang: str) -> None:
    assert _published(line, lang) == "2025-03-03"


def test_an_hour_after_an_attime_word_or_with_the_hour_word_is_a_time() -> None:
    assert _published("3 maart 2025 om 14 uur", "nl") == "2025-03-03T14:00:00"
    assert _published("3. März 2025 um 14 Uhr", "de") == "2025-03-03T14:00:00"


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        # a preposition-like word before the clock ("until", "from", "to"): the date, never a time
        ("3 marca 2025 do 14:30", "pl"),
        ("3 marca 2025 od 14:30", "pl"),
        ("3 marca 2025 r. do 14:30", "pl"),
        ("3 marca 2025 r. od godz. 14:30", "pl"),
        ("March 3, 2025 to 14:30", "en"),
        ("March 3, 2025 until 14:30", "en"),
        ("March 3, 2025 from 2:30 p.m.", "en"),
        ("3 марта 2025 до 14:30", "ru"),
        ("3 марта 2025 г. до 14:30", "ru"),
        ("3. März 2025 bis 14:30", "de"),
        ("3 de marzo de 2025 hasta 14:30", "es"),
        ("3 mars 2025 jusqu'à 14h", "fr"),
        ("3 mars 2025 dès 14h", "fr"),
        ("3 marzo 2025 entro le 14:30", "it"),
        ("3 maart 2025 tot 14.30 uur", "nl"),
        ("3 de março de 2025 até 14h30", "pt"),
        ("3 mars 2025 till 14.30", "sv"),
        ("3 Maret 2025 sampai 14.30", "id"),
    ],
)
def test_a_word_cldr_does_not_write_about_a_time_leaves_the_date_alone(line: str, lang: str) -> None:
    assert _published(line, lang) == "2025-03-03"


@pytest.mark.parametrize(
    ("line", "lang", "published"),
    [
        ("3 marca 2025 godz. 14:30", "pl", "2025-03-03T14:30:00"),
        ("3 marca 2025 r. godz. 14:30", "pl", "2025-03-03T14:30:00"),
        ("poniedziałek, 3 marca 2025 r., godz. 14:30", "pl", "2025-03-03T14:30:00"),
        ("3 Mart 2025 saat 14.30", "tr", "2025-03-03T14:30:00"),
        ("3 Mart 2025 Pazartesi saat 14:30", "tr", "2025-03-03T14:30:00"),
        ("3 Mart 2025 saat 2:30 ÖS", "tr", "2025-03-03T14:30:00"),
        ("3 de marzo de 2025 a las 14:30 h", "es", "2025-03-03T14:30:00"),
        ("3 de marzo de 2025 a las 14:30 horas", "es", "2025-03-03T14:30:00"),
        ("lunes, 3 de marzo de 2025 a las 2:30 p. m.", "es", "2025-03-03T14:30:00"),
        ("3 mars 2025 kl 14:30", "sv", "2025-03-03T14:30:00"),  # CLDR's 'kl.', its stop left out
        ("3 березня 2025 о 14:30 год.", "uk", "2025-03-03T14:30:00"),
        ("۱۶ آذر ۱۴۰۵ ساعت ۲:۳۰ ب.ظ.", "fa", "2026-12-07T14:30:00"),
        # the day's weekday in brackets, Japanese and Korean; another day's: no date
        ("2025年3月3日（月）14:30", "ja", "2025-03-03T14:30:00"),
        ("2025年3月3日(月)午後2時", "ja", "2025-03-03T14:00:00"),
        ("2025년 3월 3일(월) 오후 2시", "ko", "2025-03-03T14:00:00"),
        ("2025年3月3日（火）午後2時", "ja", None),
    ],
)
def test_the_words_cldr_writes_about_a_time_keep_the_clock(
    line: str, lang: str, published: str | None
) -> None:
    assert _published(line, lang) == published


@pytest.mark.parametrize(
    ("line", "lang", "published"),
    [
        # CLDR's day periods besides AM and PM, by its day period rules of the locale
        ("3 de marzo de 2025 a las 2:30 de la tarde", "es", "2025-03-03T14:30:00"),
        ("3 de marzo de 2025 a las 9:30 de la mañana", "es", "2025-03-03T09:30:00"),
        ("3 марта 2025 в 8:30 вечера", "ru", "2025-03-03T20:30:00"),
        ("3 марта 2025 в 2:30 ночи", "ru", "2025-03-03T02:30:00"),
        ("3 marzo 2025 alle 8:30 di sera", "it", "2025-03-03T20:30:00"),
        ("3. März 2025 um 8:30 abends", "de", "2025-03-03T20:30:00"),
        # es 'evening1' is 12:00 to 20:00 in CLDR: 20:30 is no 'de la tarde', so the date alone
        ("3 de marzo de 2025 a las 8:30 de la tarde", "es", "2025-03-03"),
    ],
)
def test_a_day_period_cldr_names_after_the_clock_gives_its_hour(line: str, lang: str, published: str) -> None:
    assert _published(line, lang) == published


def test_a_day_periods_hour_follows_cldrs_rules() -> None:
    from convert.locale.date_times import named_period_hour

    assert named_period_hour(2, 30, "de la tarde", "es") == 14
    assert named_period_hour(14, 30, "de la tarde", "es") == 14
    assert named_period_hour(8, 30, "de la tarde", "es") is None  # 20:30 is es 'night1'
    assert named_period_hour(2, 30, "p. m.", "es") is None  # AM and PM are period_hour's
    assert named_period_hour(2, 30, "Uhr", "de") is None
