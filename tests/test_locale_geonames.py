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


def test_geonames_keeps_names_not_alternate_names() -> None:
    # Venice's GeoNames name is "Venice"; "Venezia" is only among its alternate names
    assert is_geonames_city("Venice") and not is_geonames_city("Venezia")
