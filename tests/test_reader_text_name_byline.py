"""The text reader: a byline that is a person's name alone on its line under the headline."""

from __future__ import annotations

import pytest

import convert
from convert.locale.words import frequent_lower_case
from convert.readers._bylines import name_alone, sentence_case

DATE = {"pl": "4 grudnia 2026, 18:45", "uk": "28 листопада 2026 р., 20:10", "cs": "18. srpna 2026 10:45"}
LEAD = {
    "pl": "WARSZAWA — Sejm przyjął w piątek ustawę budżetową na przyszły rok, za głosowało wielu posłów.",
    "uk": "КИЇВ — Енергетики відновили електропостачання для тисяч споживачів у столиці після атак.",
    "cs": "PRAHA — Dopravní podnik hlavního města oznámil, že první úsek nové linky bude otevřen.",
    "en": "NEW YORK — Stocks rose on Friday after figures showed inflation slowing for a third month.",
}
MORE = {
    "pl": "Opozycja zapowiedziała skargę do trybunału, a rząd obiecał szybkie wypłaty dla regionów.",
    "uk": "Міністерство повідомило, що роботи тривають у кількох областях країни до кінця тижня.",
    "cs": "Cestující se mohou těšit na kratší cesty mezi centrem a jižními čtvrtěmi města.",
    "en": "Analysts said the rally could continue into next week if the figures hold up.",
}
TITLE = {
    "pl": "Sejm przyjął budżet na przyszły rok",
    "uk": "Київ відновлює енергосистему після атак",
    "cs": "Praha otevře novou linku metra D",
    "en": "Markets rally as inflation cools",
}


def _read(lang: str, *head: str) -> convert.model.Metadata:
    blocks = [TITLE[lang], *head, LEAD[lang], MORE[lang]]
    return convert.read(("\n\n".join(blocks) + "\n").encode(), from_="text").meta


@pytest.mark.parametrize(
    ("lang", "name"),
    [("pl", "Katarzyna Nowak"), ("uk", "Олена Коваленко"), ("cs", "Jan Novák"), ("en", "Jane Roe")],
)
def test_a_name_alone_under_a_sentence_case_headline_is_the_author(lang: str, name: str) -> None:
    with_date = _read(lang, name, DATE.get(lang, "December 4, 2026"))
    assert ([a.name for a in with_date.authors], with_date.subtitle) == ([name], None)
    without_date = _read(lang, name)  # the lead right under it
    assert ([a.name for a in without_date.authors], without_date.subtitle) == ([name], None)
    assert without_date.dateline is not None


def test_a_name_alone_under_a_standfirst_is_the_author_and_the_standfirst_stays() -> None:
    meta = _read("pl", "Rząd obiecuje reformę finansów publicznych", "Katarzyna Nowak", DATE["pl"])
    assert (meta.subtitle, [a.name for a in meta.authors]) == (
        "Rząd obiecuje reformę finansów publicznych",
        ["Katarzyna Nowak"],
    )
    assert meta.published == "2026-12-04T18:45:00"


@pytest.mark.parametrize(
    ("lang", "dek"),
    [
        ("pl", "Rząd obiecuje reformę"),
        ("en", "Stocks hit a record high on Friday"),
        ("uk", "Уряд обіцяє реформу"),
    ],
)
def test_a_real_one_line_standfirst_stays_the_subtitle(lang: str, dek: str) -> None:
    meta = _read(lang, dek, DATE.get(lang, "December 4, 2026"))
    assert (meta.subtitle, meta.authors) == (dek, ())


def test_under_a_title_case_headline_capitals_say_nothing() -> None:
    blocks = [
        "Markets Rally as Inflation Cools",
        "Wall Street Extends Gains",
        "December 4, 2026",
        LEAD["en"],
        MORE["en"],
    ]
    meta = convert.read(("\n\n".join(blocks) + "\n").encode(), from_="text").meta
    assert (meta.subtitle, meta.authors) == ("Wall Street Extends Gains", ())


def test_a_by_word_broadsheet_has_no_catalogue_for_names_no_one_and_is_no_subtitle() -> None:
    # "Przez" ("by") puts the name in the accusative (Katarzynę): no wrong author, and no standfirst
    meta = _read("pl", "Przez Katarzynę Nowak", DATE["pl"])
    assert (meta.subtitle, meta.authors, meta.published) == (None, (), "2026-12-04T18:45:00")


def test_name_alone_needs_sentence_case_capitals_and_the_name_test() -> None:
    pl = lambda: "pl"  # noqa: E731
    assert name_alone("Katarzyna Nowak", TITLE["pl"], pl) is not None
    assert name_alone("Katarzyna Nowak", "Sejm Przyjął Budżet Na Przyszły Rok", pl) is None
    assert name_alone("Rząd obiecuje reformę", TITLE["pl"], pl) is None
    assert name_alone("Staff Writer", TITLE["en"]) is None  # a role, not a name
    assert name_alone("Wielka Brytania", TITLE["pl"], pl) is None  # a place CLDR names in Polish
    assert name_alone("Nowy Jork", TITLE["pl"], pl) is None
    found = name_alone("Przez Katarzynę Nowak", TITLE["pl"], pl)
    assert found is not None and found.names == ()
    found = name_alone("Jan Maria Rokita", TITLE["pl"], pl)
    assert found is not None and found.names == ("Jan Maria Rokita",)


def test_sentence_case_and_scripts_without_capitals() -> None:
    assert sentence_case("Sejm przyjął budżet na przyszły rok")
    assert not sentence_case("Markets Rally as Inflation Cools")
    assert not sentence_case("الحكومة تعد بإصلاح شامل للميزانية")  # no capitals: no evidence
    assert not sentence_case("Trump meets Putin")  # too few words to tell


def test_frequent_lower_case_words_keep_their_case() -> None:
    assert frequent_lower_case("Przez", "pl")
    assert not frequent_lower_case("Katarzyna", "pl")  # in jusText's list, but only capitalised
    assert not frequent_lower_case("Przez", None)
    assert not frequent_lower_case("Przez", "zz")
