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
        ("MÜNCHEN", "de"),  # h49: a city's own name on a page in its language
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


def test_geonames_alternate_names_are_read_in_their_language_only() -> None:
    # h49 (review r40b): a city's own name in its language (GeoNames' alternatenames, its language told
    # by wordfreq) is read on a page in that language, not on another's
    assert is_geonames_city("Venice")
    assert is_geonames_city("MÜNCHEN", "de") and not is_geonames_city("MÜNCHEN", "it")
    assert is_geonames_city("MILANO", "it") and not is_geonames_city("MILANO", "en")
    assert is_geonames_city("Genève", "fr") and not is_geonames_city("Genève", None)
    assert is_geonames_city("Den Haag", "nl-NL") and is_geonames_city("PÉKIN", "fr")
    # not a word another list has as often: French "sur" (Tyre), Portuguese "para" (Belém)
    assert not is_geonames_city("SUR", "fr") and not is_geonames_city("PARA", "pt")


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
    ],
)
def test_a_frequent_word_needs_a_large_town(name: str, language: str, known: bool, why: str) -> None:
    assert is_known_place(name, language) is known, why
