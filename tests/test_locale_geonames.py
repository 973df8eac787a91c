"""A place's name known to CLDR or GeoNames (:mod:`convert.locale.geonames`)."""

from __future__ import annotations

import pytest

from convert.locale.geonames import is_geonames_city, is_known_place


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("TAYLORVILLE", "en"),  # GeoNames only (11,000 people)
        ("SÃO SEBASTIÃO", "pt"),
        ("Sao Sebastiao", None),  # its name without accents, as GeoNames' asciiname
        ("NEW YORK", "en"),  # the zone's city (America/New_York), which English's own list leaves out
        ("Vienna", "en"),
        ("القاهرة", "ar"),  # CLDR's Arabic name of Africa/Cairo's city
        ("Roma", "it"),
        ("VIENNA", "en-GB"),
    ],
)
def test_a_place_is_known(name: str, language: str | None) -> None:
    assert is_known_place(name, language)


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("FILE", "en"),
        ("EDITOR'S NOTE", "en"),
        # review r40b: zones of islands and bases named with words (Indian/Christmas, Pacific/Easter)
        ("CHRISTMAS", "en"),
        ("EASTER", "en"),
        ("TROLL", "en"),
        ("FACT CHECK", "en"),
        ("NASA", "en"),
        ("MIGRATION", "de"),
        ("Eastern", "en"),  # a backward-compatible zone alias (US/Eastern) is no city
        ("في الوقت نفسه", "ar"),
        ("इस बीच", "hi"),
        ("", "en"),
    ],
)
def test_a_word_is_no_known_place(name: str, language: str | None) -> None:
    assert not is_known_place(name, language)


@pytest.mark.parametrize(
    ("name", "language"),
    [
        # review r49: GeoNames' alternate names are not taken, in no language: wordfreq cannot tell a
        # city's name from a word spelled so (Seoul's "Soul", Italian "bufala", German "Löwen")
        ("MÜNCHEN", "de"),
        ("MILANO", "it"),
        ("Genève", "fr"),
        ("SOUL", "en"),
        ("BUFALA", "it"),
        ("CAMPI", "it"),
        ("LÖWEN", "de"),
        ("SAINTE", "fr"),
        ("VELHO", "pt"),
        ("SYD", "da"),
        ("PARAS", "fi"),
        ("BIAŁA", "pl"),
        ("RODRÍGUEZ", "es"),
        # GeoNames' own names that are frequent words of the page's language stay out
        ("PUEBLO", "es"),
        ("LANDEN", "nl"),
        ("FEIRA", "pt"),
    ],
)
def test_no_alternate_name_nor_frequent_word_is_a_town(name: str, language: str) -> None:
    assert not is_geonames_city(name, language)


def test_without_a_language_a_name_that_is_a_frequent_word_anywhere_is_no_town() -> None:
    # review r49: an untagged page is read as no language, and a name marked a frequent word in
    # English or any other language is refused; a name that is a word nowhere is still a town
    assert not is_geonames_city("POLICE") and not is_geonames_city("DAVIS", None)
    assert not is_geonames_city("Reading", "")
    assert is_geonames_city("TAYLORVILLE") and is_geonames_city("Sao Sebastiao")
    assert is_geonames_city("POLICE", "pl") and is_geonames_city("DAVIS", "de")


@pytest.mark.parametrize(
    ("name", "language", "known", "why"),
    [
        # h49 (review r40b): a frequent word (wordfreq Zipf 4 or more in the page's language) names a
        # town only when the town has 5 people or more per use of the word in a billion words
        ("POLICE", "en", False, "Police, Poland: 34,000 people; Zipf 5.33"),
        ("POLICE", "pl", True, "not a frequent Polish word (Zipf 3.65)"),
        ("MEDIA", "en", False, "Media, Pennsylvania: 5,400 people; Zipf 5.30"),
        ("DAVIS", "en", False, "Davis, California: 68,000 people; Zipf 4.49: a surname"),
        ("STANLEY", "en", False, "31,000 people; Zipf 4.19: a name"),
        ("NICE", "en", False, "343,000 people; Zipf 5.37: 1.5 people a use"),
        ("NICE", "fr", True, "a French town's name on a French page: 1.5 people a use suffice"),
        ("READING", "en", False, "318,000 people; Zipf 5.14: 2.3 people a use"),
        ("BATH", "en", False, "102,000 people; Zipf 4.44: 3.7 people a use"),
        ("MOBILE", "en", False, "183,000 people; Zipf 4.85: 2.6 people a use"),
        ("YORK", "en", False, "156,000 people; Zipf 5.37; English gets no allowance for its own towns"),
        ("WASHINGTON", "en", True, "690,000 people; Zipf 5.08: 5.7 people a use"),
        ("OXFORD", "en", True, "162,000 people; Zipf 4.38: 6.7 people a use"),
        ("BOSTON", "en", True, "654,000 people; Zipf 4.67: 14 people a use"),
        ("MIAMI", "en", True, "487,000 people; Zipf 4.47: 16 people a use"),
        ("FERGUSON", "en", True, "Zipf 3.88: not a frequent word"),
        ("BRNO", "cs", True, "380,000 people; Zipf 5.29 in Czech, its own country's language"),
        ("LITTLE ROCK", "en", True, "two words: wordfreq's figure is not the phrase's"),
        # review r49: the rule asks the towns spelled exactly so, not one whose accents differ
        ("SALE", "en", False, "Sale, England: 63,000 people; Zipf 4.99; not Salé's 972,000"),
        ("SALE", "es", False, "Zipf 5.03 in Spanish: Salé, Morocco, is spelled otherwise"),
        ("SALÉ", "fr", True, "Salé, Morocco: 972,000 people; Zipf 3.75, no frequent word"),
        ("VAN", "nl", False, "Van, Turkey: 525,000 people; Zipf 7.51 in Dutch"),
        ("VAN", "en", True, "525,000 people; Zipf 4.78: 8.7 people a use"),
        ("NATAL", "pt", True, "Natal, Brazil: 897,000 people; Zipf 5.05: 8 people a use"),
        (
            "LIBERTAD",
            "es",
            True,
            "Libertad, Philippines: 250,000 people; Zipf 5.21: 1.5 a use, CLDR listing Spanish among "
            "the Philippines' languages",
        ),
        ("LIBERTAD", "en", True, "Zipf 2.34 in English: no frequent word"),
    ],
)
def test_a_frequent_word_needs_a_large_town(name: str, language: str, known: bool, why: str) -> None:
    assert is_known_place(name, language) is known, why
