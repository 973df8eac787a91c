"""Date lines, datelines and bylines with dates in the text reader, in many languages: the date
forms CLDR writes with a time of day (its "at" patterns, the hour's own word), a weekday after a
date in brackets, the year's word written out; two-letter Han and Hangul places; a newsroom byline
followed by its date."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from convert.base import ReadOptions
from convert.locale import date_times, places
from convert.locale import reading as rd
from convert.locale.reading_dates import search_dates
from convert.model import Article, Paragraph, plain_text
from convert.readers._bylines import find_byline
from convert.readers.text import TextReader, parse_date_line, split_dateline


def read(text: str) -> Article:
    return TextReader().read(text.encode("utf-8"), ReadOptions())


def first_paragraph(article: Article) -> str:
    return next(plain_text(b) for b in article.body if isinstance(b, Paragraph))


# --------------------------------------------------------------------------
# Dates with a time of day, and the words CLDR writes around them


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("24 августа 2019 года", "ru", "2019-08-24"),  # CLDR's 'г'. written out, as the README says
        ("3 марта 2025 года", "ru", "2025-03-03"),
        ("3 марта 2025 г.", "ru", "2025-03-03"),
        ("24 серпня 2019 року", "uk", "2019-08-24"),  # 'р'.
        ("3 марта 2025 г", "ru", "2025-03-03"),  # the abbreviation without its stop
        ("3 марта 2025 год", "ru", "2025-03-03"),  # CLDR's long duration-year words: год, года, лет
        ("3 марта 2025 года в 14:30", "ru", "2025-03-03T14:30:00"),  # atTime "{1} 'в' {0}"
        ("3 mars 2025 à 14h30", "fr", "2025-03-03T14:30:00"),  # atTime, and fr's hour word "HH 'h'"
        ("3 mars 2025 à 14 h 30", "fr", "2025-03-03T14:30:00"),
        ("3 mars 2025 à 14:30", "fr", "2025-03-03T14:30:00"),
        ("3. März 2025 um 14:30 Uhr", "de", "2025-03-03T14:30:00"),  # "{1} 'um' {0}", "HH 'Uhr'"
        ("Montag, 3. März 2025, 14:30 Uhr", "de", "2025-03-03T14:30:00"),
        ("3 de marzo de 2025 a las 14:30", "es", "2025-03-03T14:30:00"),
        ("March 3, 2025 at 2:30 PM", "en", "2025-03-03T14:30:00"),
        ("2025年3月3日（月）", "ja", "2025-03-03"),  # a weekday after the date in full-width brackets
        ("2025年3月3日(月)", "ja", "2025-03-03"),
    ],
)
def test_dates_written_with_cldr_words_read(text: str, lang: str, iso: str) -> None:
    assert rd.read_date(text, lang) == iso


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("2025年3月4日（月）", "ja"),  # the 4th was a Tuesday: no date rather than a wrong one
        ("3. März 2025 um 14:30 Uhrzeit", "de"),  # the hour's word is a word of its own
        ("3 mars 2025 à 14 heures trente", "fr"),
        ("3 марта 2025 в городе", "ru"),  # the atTime word needs a clock after it
        ("24 serpnja 2019 roku", "en"),  # a year's word only where CLDR writes one
        ("3 марта 2025 Гродно", "ru"),  # a place after the year is no year's word (Г as in г.)
        ("24 серпня 2019 Рівне", "uk"),  # nor Р as in р.
        ("3 марта 2025 годами", "ru"),  # the year's word, then more letters
        ("3 марта 2025 году", "ru"),  # the locative is not among CLDR's duration-year forms
    ],
)
def test_dates_with_other_words_are_not_read(text: str, lang: str) -> None:
    assert rd.read_date(text, lang) is None


def test_a_place_after_a_dates_year_stays_in_the_text() -> None:
    article = read(
        "В Гродно открылся новый мост\n\nАвтор: Иван Петров\n\n3 марта 2025 Гродно\n\n"
        "В понедельник в городе открылось движение по новому мосту через Неман.\n\n"
        "Строительство моста продолжалось пять лет, сообщили в администрации города.\n"
    )
    assert article.meta.published is None
    assert any("Гродно" in plain_text(b) for b in article.body)


def test_a_written_out_year_word_is_found_inside_a_text() -> None:
    assert [day for _, day, _ in search_dates("Это случилось 3 марта 2025 года в Москве.", "ru")] == [
        "2025-03-03"
    ]


def test_the_data_file_holds_cldr_at_patterns_and_hour_words() -> None:
    """``data/date_times.json`` as ``scripts/cldr_date_times.py`` wrote it from CLDR's JSON."""
    data = json.loads((Path(date_times.__file__).parent / "data" / "date_times.json").read_text("utf-8"))
    assert data["cldr"].startswith("cldr-dates-full ")
    assert date_times.at_time_patterns("de") == ("{1} 'um' {0}",)
    assert date_times.at_time_patterns("de_AT") == ("{1} 'um' {0}",)  # inherited
    assert (date_times.hour_word("de"), date_times.hour_word("fr"), date_times.hour_word("en")) == (
        "Uhr",
        "h",
        None,
    )


# --------------------------------------------------------------------------
# The text reader: the date line read, the lead's dateline kept


def _article(title: str, byline: str, date: str, lead: str, more: str) -> str:
    return f"{title}\n\n{byline}\n\n{date}\n\n{lead}\n\n{more}\n"


_DATE_LINES = [
    (
        _article(
            "В Новосибирске открылся новый мост через Обь",
            "Автор: Иван Петров",
            "3 марта 2025 года",
            "НОВОСИБИРСК — В понедельник в Новосибирске открылось движение по новому мосту через Обь.",
            "Строительство моста продолжалось пять лет, сообщили в администрации города.",
        ),
        "2025-03-03",
        "НОВОСИБИРСК",
    ),
    (
        _article(
            "À Marseille, la sécheresse relance le débat sur l'eau",
            "Par Claire Dubois",
            "3 mars 2025 à 14h30",
            "MARSEILLE — Pour la troisième année consécutive, les réserves d'eau sont au plus bas.",
            "La préfecture a annoncé lundi de nouvelles restrictions pour les agriculteurs de la région.",
        ),
        "2025-03-03T14:30:00",
        "MARSEILLE",
    ),
    (
        _article(
            "Die Bahn braucht mehr als neue Tarifverträge",
            "Von Klaus Weber",
            "Montag, 3. März 2025, 14:30 Uhr",
            "BERLIN (dpa) – Wer in diesen Tagen mit dem Zug durch Deutschland fährt, braucht Geduld.",
            "Der Streik der Lokführer hat diese Probleme nicht verursacht, er hat sie nur sichtbar gemacht.",
        ),
        "2025-03-03T14:30:00",
        "BERLIN",
    ),
    (
        _article(
            "Die Bahn braucht mehr als neue Tarifverträge",
            "Von Klaus Weber",
            "3. März 2025 um 14:30 Uhr",
            "BERLIN (dpa) – Wer in diesen Tagen mit dem Zug durch Deutschland fährt, braucht Geduld.",
            "Der Streik der Lokführer hat diese Probleme nicht verursacht, er hat sie nur sichtbar gemacht.",
        ),
        "2025-03-03T14:30:00",
        "BERLIN",
    ),
    (
        _article(
            "東京で桜の開花、平年より一週間早く",
            "文・山田太郎",
            "2025年3月3日（月）",
            "【東京＝山田太郎】気象庁は３日、東京都心で桜が開花したと発表した。平年より一週間早かった。",
            "靖国神社の標本木を確認した担当者は「暖かい日が続いたため、つぼみが一気に膨らんだ」と話した。",
        ),
        "2025-03-03",
        "東京",
    ),
]


@pytest.mark.parametrize(("text", "published", "dateline"), _DATE_LINES)
def test_a_date_line_with_cldr_words_is_the_published_date(text: str, published: str, dateline: str) -> None:
    article = read(text)
    assert (article.meta.published, article.meta.dateline) == (published, dateline)
    assert not first_paragraph(article).startswith((dateline, "【"))


@pytest.mark.parametrize(
    ("line", "lang", "published"),
    [
        # the hour alone with the word CLDR's ``H`` pattern writes after it (fr ``HH 'h'``, de ``HH 'Uhr'``)
        ("3 mars 2025 à 14h", "fr", "2025-03-03T14:00:00"),
        ("3 mars 2025 à 14 h", "fr", "2025-03-03T14:00:00"),
        ("3. März 2025 um 14 Uhr", "de", "2025-03-03T14:00:00"),
        ("2025年3月3日 14時", "ja", "2025-03-03T14:00:00"),
        # the full time pattern up to its minutes' word (ja ``H時mm分ss秒 zzzz``, ko ``a h시 m분 s초``),
        # and with the other clock's hour as the ``H`` and ``h`` skeletons write it (ja ``aK時``)
        ("2025年3月3日 14時30分", "ja", "2025-03-03T14:30:00"),
        ("2025年3月3日 午後2時30分", "ja", "2025-03-03T14:30:00"),
        ("2025年3月3日 午前0時30分", "ja", "2025-03-03T00:30:00"),
        ("2025년 3월 3일 오후 2시 30분", "ko", "2025-03-03T14:30:00"),
        ("2025년 3월 3일 14시 30분", "ko", "2025-03-03T14:30:00"),
        ("2025년 3월 3일 오후 2시 5분", "ko", "2025-03-03T14:05:00"),  # CLDR's ``m``: unpadded
        # CLDR's "at" patterns as they are (it ``{1} 'alle' 'ore' {0}``, pt ``'às'``, nl ``'om'``)
        ("3 marzo 2025 alle ore 14:30", "it", "2025-03-03T14:30:00"),
        ("3 de março de 2025 às 14:30", "pt", "2025-03-03T14:30:00"),
        ("3 maart 2025 om 14:30", "nl", "2025-03-03T14:30:00"),
        ("3 marca 2025 14:30", "pl", "2025-03-03T14:30:00"),
    ],
)
def test_a_date_line_reads_the_clocks_cldr_writes(line: str, lang: str, published: str | None) -> None:
    found = parse_date_line(line, lambda: lang)
    assert (found and found.published) == published


@pytest.mark.parametrize(
    ("line", "lang", "published"),
    [
        # a newsroom's clock after the day, whatever CLDR's date-time patterns say (tester h34): a word
        # of CLDR's atTime pattern before it (it 'alle ore', pt 'às', sv 'kl.', nl 'om') or a one- or
        # preposition of CLDR's name for midnight (pl 'o północy': 'o'), the hour word CLDR writes (pt '{0} h', nl 'uur')
        ("22 novembre 2026 alle 08:15", "it", "2026-11-22T08:15:00"),
        ("19 de fevereiro de 2026, às 7h42", "pt", "2026-02-19T07:42:00"),
        ("2 april 2026 kl. 06.30", "sv", "2026-04-02T06:30:00"),
        ("3 maart 2025 om 14.30 uur", "nl", "2025-03-03T14:30:00"),
        ("3 maart 2025 om 14 uur", "nl", "2025-03-03T14:00:00"),
        ("3 marca 2025 o 14:30", "pl", "2025-03-03"),  # review r43: CLDR writes no "o" before a time
        ("3 mars 2025 à 14 heures", "fr", "2025-03-03T14:00:00"),
        # a zone CLDR's metazone short names give in the language is kept, as its offset that day
        ("Kamis, 15 Januari 2026 09:20 WIB", "id", "2026-01-15T09:20:00+07:00"),
        ("15 Januari 2026 09:20 WIB", "id", "2026-01-15T09:20:00+07:00"),
        ("15 Januari 2026 09:20 WITA", "id", "2026-01-15T09:20:00+08:00"),
        ("3. Juli 2026 um 14:30 MESZ", "de", "2026-07-03T14:30:00+02:00"),
        # the short date pattern where the language's locales agree on it (vi 'd/M/yy'), its weekday
        ("Thứ Năm, 3/12/2026, 15:00", "vi", "2026-12-03T15:00:00"),
        ("3/12/2026", "vi", "2026-12-03"),
        # the day without a time: an hour alone (morning or evening?), no clock, a minute word CLDR's
        # zh does not write (its '{0}分钟'), a zone CLDR does not name
        ("22 novembre 2026 alle 8", "it", "2026-11-22"),
        ("12 maart 2026 om 3", "nl", "2026-03-12"),
        ("3 marzo 2026 alle 25:10", "it", "2026-03-03"),
        ("19 de fevereiro de 2026, às 7x42", "pt", "2026-02-19"),
        ("2026年3月12日 14时30分", "zh", "2026-03-12"),
        ("2025年3月3日 14時3", "ja", "2025-03-03"),
        ("15 Januari 2026 09:20 XYZ", "id", "2026-01-15T09:20:00"),  # the local time, as parse_date's
        # a word CLDR does not write about a time before a clock: the day alone
        ("3 marca 2025 foto 14:30", "pl", "2025-03-03"),
        ("3 marca 2025 Fot. 14:30", "pl", "2025-03-03"),
        # no date: another day's weekday, a short date its language's locales disagree on
        ("Thứ Sáu, 3/12/2026", "vi", None),
        ("3/12/2026", "es", None),  # es 'd/M/yy', es_US 'MM/dd/yy'
        ("3/12/2026", "en", None),
        ("3/7/2026 ۱۲:۰۹", "fa", None),  # digits in Persian copy are Solar Hijri: no Gregorian form
    ],
)
def test_a_date_line_reads_a_newsroom_clock(line: str, lang: str, published: str | None) -> None:
    found = parse_date_line(line, lambda: lang)
    assert (found and found.published) == published


@pytest.mark.parametrize(
    ("title", "date", "lead", "published", "dateline"),
    [
        (
            "Chuvas deixam mortos no litoral",
            "19 de fevereiro de 2026, às 7h42",
            "SÃO SEBASTIÃO — Pelo menos doze pessoas morreram e muitas ficaram desalojadas após um temporal.",
            "2026-02-19T07:42:00",
            "SÃO SEBASTIÃO",
        ),
        (
            "Trängselskatt på helger",
            "2 april 2026 kl. 06.30",
            "STOCKHOLM — Från och med juni ska bilister betala trängselskatt även på lördagar, meddelade regeringen.",
            "2026-04-02T06:30:00",
            "STOCKHOLM",
        ),
        (
            "Jakarta uji coba bus listrik",
            "Kamis, 15 Januari 2026 09:20 WIB",
            "JAKARTA — Pemerintah Provinsi DKI Jakarta mulai menguji coba bus listrik di rute Transjakarta pada Kamis pagi.",
            "2026-01-15T09:20:00+07:00",
            "JAKARTA",
        ),
        (
            "Giá xăng giảm lần thứ ba",
            "Thứ Năm, 3/12/2026, 15:00",
            "HÀ NỘI — Liên Bộ Công Thương và Tài chính quyết định giảm giá xăng thêm mỗi lít từ chiều nay.",
            "2026-12-03T15:00:00",
            "HÀ NỘI",
        ),
    ],
)
def test_a_newsroom_date_line_then_the_dateline(
    title: str, date: str, lead: str, published: str, dateline: str
) -> None:
    article = read(f"{title}\n\n{date}\n\n{lead}\n\nSecond paragraph.\n")
    assert (article.meta.published, article.meta.dateline) == (published, dateline)
    assert not first_paragraph(article).startswith(dateline)


def test_an_english_zone_stays_the_date_grammars() -> None:
    """CST names several zones in English copy: CLDR's ``en`` names America's alone, so the local time."""
    found = parse_date_line("March 5, 2024 10:30 CST", lambda: "en")
    assert found is not None and found.published == "2024-03-05T10:30:00"


@pytest.mark.parametrize(
    ("lead", "date", "published"),
    [
        ("見出しです", "2025年3月3日 14時30分", "2025-03-03T14:30:00"),
        ("見出しです", "2025年3月3日 午後2時30分", "2025-03-03T14:30:00"),
    ],
)
def test_a_japanese_date_line_with_its_time_is_the_published_date(
    lead: str, date: str, published: str
) -> None:
    article = read(f"{lead}\n\n{date}\n\n大阪府は３日、新しい方針を発表した。\n\n担当者は詳しく説明した。\n")
    assert article.meta.published == published
    assert first_paragraph(article).startswith("大阪府は")


def test_a_french_date_line_with_the_hour_alone_is_the_published_date() -> None:
    article = read(
        _article(
            "À Marseille, la sécheresse relance le débat sur l'eau",
            "Par Claire Dubois",
            "3 mars 2025 à 14h",
            "MARSEILLE — Pour la troisième année consécutive, les réserves d'eau sont au plus bas.",
            "La préfecture a annoncé lundi de nouvelles restrictions pour les agriculteurs de la région.",
        )
    )
    assert (article.meta.published, article.meta.dateline) == ("2025-03-03T14:00:00", "MARSEILLE")


@pytest.mark.parametrize(
    "first",
    [
        "3 mars 2025 vers midi",  # no form CLDR writes: no date rather than a guess
        "5 min read",
        "Chapter 2: 1990 to 2000",
        "The 2024 numbers",
        "2024年回顾",
    ],
)
def test_a_dateline_after_an_unread_line_stays_in_the_text(first: str) -> None:
    """Every exporter prints the dateline in front of the first paragraph: a dateline taken off the
    second would land in front of the unread line (``MARSEILLE — 3 mars 2025 vers midi``)."""
    article = read(
        "À Marseille, la sécheresse relance le débat sur l'eau\n\nPar Claire Dubois\n\n"
        f"{first}\n\n"
        "MARSEILLE — Pour la troisième année consécutive, les réserves d'eau sont au plus bas.\n\n"
        "La préfecture a annoncé lundi de nouvelles restrictions pour les agriculteurs de la région.\n"
    )
    assert article.meta.dateline is None
    paragraphs = [plain_text(b) for b in article.body if isinstance(b, Paragraph)]
    assert paragraphs[1].startswith("MARSEILLE — Pour la troisième")


def test_a_sentence_before_the_lead_keeps_the_datelines_place_in_the_text() -> None:
    """A first paragraph that is a sentence is the lead: a dateline after it stays in the text."""
    article = read(
        "Un titre pour cet article\n\n"
        "La préfecture a pris 3 arrêtés en une semaine, selon les associations locales.\n\n"
        "MARSEILLE — Pour la troisième année consécutive, les réserves d'eau sont au plus bas.\n"
    )
    assert article.meta.dateline is None


# --------------------------------------------------------------------------
# Two-letter places in Han, Hangul and katakana


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("上海 — 中国外交部周一表示，将继续推进双边合作。", "上海"),  # CLDR's time-zone cities
        ("东京 — 日本政府周一表示，将继续推进双边合作。", "东京"),
        ("東京 — 日本政府周一表示，将继续推进双边合作。", "東京"),  # zh_Hant's name
        ("中国 — 外交部周一表示，将继续推进双边合作。", "中国"),  # CLDR's territory names
        ("서울 — 서울 지하철 신규 노선이 3일 개통됐다.", "서울"),
        ("パリ — フランス政府は３日、新たな対策を発表した。", "パリ"),
        # GeoNames' cities of a million people or more, in their own country's script
        ("北京 — 国务院周一发布新规定，要求各地加强管理。", "北京"),
        ("부산 — 부산시는 3일 새로운 정책을 발표했다.", "부산"),
        ("大阪 — 大阪府は３日、新たな対策を発表した。", "大阪"),
        ("広島 — 広島市は３日、新たな対策を発表した。", "広島"),
        ("石家庄 — 今天全市普降大雨。", "石家庄"),  # three letters, as before
        ("서울시 — 시는 배차 간격을 줄이겠다고 밝혔다.", "서울시"),
    ],
)
def test_a_two_letter_han_or_hangul_place_is_a_dateline(text: str, place: str) -> None:
    found = split_dateline(text)
    assert found is not None and found.place == place


@pytest.mark.parametrize(
    "text",
    [
        "我们——至少大多数人——都同意这个方案。",  # Chinese sets its dash unspaced: an aside
        "我们—都同意这个方案。",
        "我们 — 至少大多数人 — 都同意这个方案。",  # an aside between two spaced dashes
        "東京 —— 外交部表示。",  # the doubled Chinese dash is prose's, not a dateline's
        # Korean and Chinese space their dashes: a two-letter word CLDR names no place is no dateline
        "물론 — 모든 사람이 동의한 것은 아니었다.",
        "결국 — 그는 집으로 돌아갔다.",
        "当然 — 这并不是全部。",
        "其实 — 问题在于资金。",
        "今年 — 我们又见面了。",
        "問題 — それは資金だ。",
        "テロ — その言葉が再び議論を呼んでいる。",
        "今日 — 政府は新たな対策を発表した。",
        # GeoNames names these places, but not a city of a million in its own country's script:
        "다만 — 모든 사람이 동의한 것은 아니었다.",  # Daman, India (44,282)
        "위해 — 모든 사람이 동의한 것은 아니었다.",  # Korean reading of Weihai (威海), China
        "연대 — 노동자들이 다시 모였다.",  # Korean reading of Yantai (烟台), China
        "胜利 — 这并不是全部。",  # an alternate name of Dongying (998,968)
        "화성 — 인류의 다음 목적지다.",  # Hwaseong (640,890), "Mars"
        "世界 — 各国代表周一表示。",  # a CLDR region, no country
        "また — 政府は新たな対策を発表した。",  # hiragana writes grammar, not places
        "AB — the rest",  # two Latin capitals stay too few
    ],
)
def test_a_two_letter_sentence_start_is_no_dateline(text: str) -> None:
    assert split_dateline(text) is None


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("서울 — 서울 지하철 신규 노선이 3일 개통됐다.", "ko", "서울"),
        ("上海 — 中国外交部周一表示。", "zh", "上海"),
        ("東京 — 外交部周一表示。", "zh-Hant", "東京"),
        ("東京 — 政府は３日、新たな対策を発表した。", "ja", "東京"),
        ("물론 — 모든 사람이 동의한 것은 아니었다.", "ko", None),
        ("上海 — 모든 사람이 동의한 것은 아니었다.", "ko", None),  # Korean writes 상하이
        ("北京 — 外交部周一表示。", "zh", "北京"),  # GeoNames' city, CLDR names none
        ("大阪 — 政府は３日、新たな対策を発表した。", "ja", "大阪"),
        ("부산 — 부산시는 3일 새로운 정책을 발표했다.", "ko", "부산"),
        ("부산 — 政府は３日、新たな対策を発表した。", "ja", None),  # Hangul is no Japanese place
    ],
)
def test_a_two_letter_place_is_one_cldr_names_in_the_language(
    text: str, lang: str, place: str | None
) -> None:
    found = split_dateline(text, lambda: lang)
    assert (found and found.place) == place


def test_the_geonames_data_file_holds_large_cities_in_their_own_script() -> None:
    """``data/cjk_places.json`` as ``scripts/geonames_cjk_places.py`` wrote it from GeoNames."""
    data = json.loads((Path(places.__file__).parent / "data" / "cjk_places.json").read_text("utf-8"))
    assert data["source"].startswith("GeoNames cities15000") and "CC BY 4.0" in data["source"]
    assert data["min_population"] == 1_000_000
    assert {"北京", "大阪", "広島"} <= places.cjk_city_names("zh") == places.cjk_city_names("ja")
    assert "부산" in places.cjk_city_names("ko") and "北京" not in places.cjk_city_names("ko")
    assert places.cjk_city_names("en") == frozenset()


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # Georgian Mkhedruli has no capitals to begin a name with: it is its own titlecase
        ("თბილისი — დედაქალაქში ოთხშაბათს ახალი მეტროს სადგური გაიხსნა.", "თბილისი"),
        ("ᲗᲑᲘᲚᲘᲡᲘ — დედაქალაქში ოთხშაბათს ახალი სადგური გაიხსნა.", "ᲗᲑᲘᲚᲘᲡᲘ"),  # Mtavruli caps
        # a letter's vowel signs count with it (two letters, two signs)
        ("ঢাকা — রাজধানীতে বৃহস্পতিবার নতুন লাইন চালু হয়েছে।", "ঢাকা"),
        ("पटना — राज्य सरकार ने सोमवार को नई योजना की घोषणा की।", "पटना"),
    ],
)
def test_a_place_in_a_script_without_capitals_or_with_vowel_signs_is_a_dateline(
    text: str, place: str
) -> None:
    found = split_dateline(text)
    assert found is not None and found.place == place


@pytest.mark.parametrize(
    "text",
    [
        "Tbilisi — the capital opened a new station.",  # Latin still asks for capitals
        "αθήνα — η κυβέρνηση ανακοίνωσε νέα μέτρα.",  # Greek lower case is no capitals
        "და — ეს ყველაფერი არ არის.",  # two Georgian letters stay too few
        "না — এটা সত্য নয়।",  # one letter and its vowel sign
    ],
)
def test_lower_case_or_too_short_places_stay_no_dateline(text: str) -> None:
    assert split_dateline(text) is None


def test_a_two_letter_place_comes_off_the_lead() -> None:
    article = read(
        "서울 지하철 새 노선 개통, 출근길 혼잡 여전\n\n김민수 기자\n\n"
        "서울 — 서울 지하철 신규 노선이 3일 개통됐지만 첫 출근길부터 승객이 몰렸다.\n\n"
        "서울시는 배차 간격을 줄이고 안내 인력을 추가로 배치하겠다고 밝혔다.\n"
    )
    assert article.meta.dateline == "서울"
    assert first_paragraph(article).startswith("서울 지하철 신규 노선이")


# --------------------------------------------------------------------------
# A newsroom byline, then its date


@pytest.mark.parametrize(
    ("line", "lang", "names", "published"),
    [
        ("Του Γιώργου Παπαδόπουλου, 3 Μαρτίου 2025", "el", ("Γιώργος Παπαδόπουλος",), "2025-03-03"),
        ("김민수 기자, 2025년 3월 3일", "ko", ("김민수",), "2025-03-03"),
        ("记者 王小明，2025年3月3日", "zh", ("王小明",), "2025-03-03"),  # the full-width comma
        ("记者 王小明, 2025年3月3日", "zh", ("王小明",), "2025-03-03"),
        ("Του Γιώργου Παπαδόπουλου", "el", ("Γιώργος Παπαδόπουλος",), None),  # as before
        ("김민수 기자", "ko", ("김민수",), None),
    ],
)
def test_a_newsroom_byline_then_a_date(
    line: str, lang: str, names: tuple[str, ...], published: str | None
) -> None:
    found = find_byline(line, lambda: lang)
    assert found is not None
    assert (found.names, found.published) == (names, published)


@pytest.mark.parametrize(
    ("line", "lang"),
    [
        ("김민수 기자, 2025년 3월 4일 월요일", "ko"),  # the 4th was a Tuesday: no date, and no byline
        ("청년 기자, 2025년 3월 3일", "ko"),  # a column's name, no person, with a date or without
        ("Του Γιώργου Παπαδόπουλου, στη Θεσσαλονίκη", "el"),  # no date after the comma
    ],
)
def test_a_newsroom_byline_with_no_date_or_no_name_is_not_read(line: str, lang: str) -> None:
    found = find_byline(line, lambda: lang)
    assert found is None or found.published is None


@pytest.mark.parametrize(
    ("text", "author", "dateline"),
    [
        (
            "Νέα γραμμή του μετρό ανοίγει στη Θεσσαλονίκη\n\nΤου Γιώργου Παπαδόπουλου, 3 Μαρτίου 2025\n\n"
            "ΘΕΣΣΑΛΟΝΙΚΗ — Μετά από σχεδόν είκοσι χρόνια καθυστερήσεων, το μετρό άνοιξε τη Δευτέρα.\n\n"
            "«Δεν πίστευα ότι θα το έβλεπα ποτέ», δήλωσε η συνταξιούχος Ελένη Νικολάου στον σταθμό.\n",
            "Γιώργος Παπαδόπουλος",
            "ΘΕΣΣΑΛΟΝΙΚΗ",
        ),
        (
            "서울 지하철 새 노선 개통, 출근길 혼잡 여전\n\n김민수 기자, 2025년 3월 3일\n\n"
            "서울 — 서울 지하철 신규 노선이 3일 개통됐지만 첫 출근길부터 승객이 몰렸다.\n\n"
            "서울시는 배차 간격을 줄이고 안내 인력을 추가로 배치하겠다고 밝혔다.\n",
            "김민수",
            "서울",
        ),
    ],
)
def test_a_newsroom_byline_and_date_in_a_text_article(text: str, author: str, dateline: str) -> None:
    article = read(text)
    assert [a.name for a in article.meta.authors] == [author]
    assert (article.meta.published, article.meta.dateline) == ("2025-03-03", dateline)


# --------------------------------------------------------------------------
# The dateline's dash as typed (DESIGN: dashes are kept as typed)

_LEAD = "A headline for the story\n\nBy Sarah Mitchell\n\nCAIRO{dash}Thousands of commuters packed the platforms.\n\nA second paragraph follows here.\n"


@pytest.mark.parametrize(
    ("dash", "kept"),
    [(" — ", "—"), ("—", "—"), (" – ", "–"), (" - ", "-"), (" -- ", "--")],
)
def test_the_text_reader_keeps_the_datelines_dash(dash: str, kept: str) -> None:
    article = read(_LEAD.format(dash=dash))
    assert (article.meta.dateline, article.meta.dateline_dash) == ("CAIRO", kept)
    assert first_paragraph(article).startswith("Thousands")


def test_a_wire_credit_has_no_dash() -> None:
    article = read(_DATE_LINES[4][0])
    assert (article.meta.dateline, article.meta.dateline_dash) == ("東京", None)


@pytest.mark.parametrize(
    ("fmt", "printed", "not_printed"),
    [
        ("txt", "CAIRO — Thousands", "CAIRO –"),
        ("html", '<span class="dateline">CAIRO</span> — Thousands', "</span> –"),
        ("md", "[CAIRO]{.dateline} --- Thousands", "{.dateline} --"),  # Pandoc's Markdown for the em dash
    ],
)
def test_every_exporter_prints_the_dash_as_typed(fmt: str, printed: str, not_printed: str) -> None:
    import convert

    out = convert.render(read(_LEAD.format(dash=" — ")), fmt).data.decode("utf-8")
    assert printed in out
    assert not_printed not in out.replace(printed, "")


def test_docx_prints_the_dash_as_typed_and_reads_it_back() -> None:
    import io

    import docx

    import convert

    article = read(_LEAD.format(dash=" — "))
    data = convert.render(article, "docx").data
    assert any(p.text.startswith("CAIRO — Thousands") for p in docx.Document(io.BytesIO(data)).paragraphs)
    back = convert.read(data, from_="docx")
    assert (back.meta.dateline, back.meta.dateline_dash) == ("CAIRO", "—")
    assert first_paragraph(back).startswith("Thousands")


def test_no_dash_typed_prints_the_en_dash_and_reads_back_as_none() -> None:
    import convert
    from convert.model import replace

    typed = read(_LEAD.format(dash=" — "))
    article = replace(typed, meta=replace(typed.meta, dateline_dash=None))
    assert "CAIRO – Thousands" in convert.render(article, "txt").data.decode("utf-8")
    back = convert.read(convert.render(article, "docx").data, from_="docx")
    assert (back.meta.dateline, back.meta.dateline_dash) == ("CAIRO", None)


def test_the_dash_round_trips_through_json() -> None:
    from convert.model import from_json, to_json

    article = read(_LEAD.format(dash=" — "))
    assert to_json(article)["meta"]["dateline_dash"] == "—"
    assert from_json(to_json(article)) == article


@pytest.mark.parametrize("dash", ["—", "–", "-", "--"])
@pytest.mark.parametrize(("out", "back"), [("md", "markdown"), ("docx", "docx"), ("epub", "epub")])
def test_every_dash_round_trips_through_markdown_docx_and_epub(dash: str, out: str, back: str) -> None:
    """The dash the writers print after the dateline is read back as the dateline's, ``--`` too,
    and leaves nothing of itself in the lead."""
    import convert

    article = read(_LEAD.format(dash=f" {dash} "))
    again = convert.read(convert.render(article, out).data, from_=back)
    assert (again.meta.dateline, again.meta.dateline_dash) == ("CAIRO", None if dash == "–" else dash)
    assert first_paragraph(again).startswith("Thousands")


def test_the_model_and_the_schema_take_only_the_dateline_dashes() -> None:
    import jsonschema

    from convert.model import DATELINE_DASHES, Metadata, ModelError, to_json

    with pytest.raises(ModelError):
        Metadata(dateline="CAIRO", dateline_dash=":")
    schema = json.loads(
        (Path(date_times.__file__).parents[1] / "schema" / "article.schema.json").read_text("utf-8")
    )
    meta = to_json(read(_LEAD.format(dash=" -- ")))
    jsonschema.validate(meta, schema)
    meta["meta"]["dateline_dash"] = ":"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(meta, schema)
    assert set(schema["$defs"]["meta"]["properties"]["dateline_dash"]["enum"]) == {*DATELINE_DASHES, None}


@pytest.mark.parametrize("dash", ["―", ":"])
def test_a_version_1_3_tree_with_another_dash_is_read_with_none(dash: str) -> None:
    # Trees of version 1.3 written before the dashes were listed may hold any string (review r30b).
    from convert.model import from_json, to_json

    tree = to_json(read(_LEAD.format(dash=" — ")))
    tree["meta"]["dateline_dash"] = dash
    article = from_json(tree)
    assert (article.meta.dateline, article.meta.dateline_dash) == ("CAIRO", None)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2025 m. kovo 3 d.", "2025-03-03"),
        ("2025 m. kovo 3 d", "2025-03-03"),
        # the year's words (CLDR's duration-year) belong after a year, not after Lithuanian's day
        ("2025 m. kovo 3 metų", None),
        ("2025 m. kovo 3 metai", None),
    ],
)
def test_lithuanian_dates_end_with_the_days_word(text: str, expected: str | None) -> None:
    from convert.locale.reading import read_date

    assert read_date(text, "lt") == expected
