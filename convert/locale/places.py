"""The places CLDR names in a language: what a dateline's short place may be.

A two-character Chinese, Japanese or Korean word before a spaced dash (``서울 —``) is a dateline's
place as often as a sentence's first word (``물론 —``, "of course"; ``当然 —``): Korean and Chinese
typography space their dashes, so the dash tells nothing. Such a word is taken for a place only
when CLDR (through Babel) names it in the language: a country or territory (ISO 3166-1 codes, as
pycountry lists them: not CLDR's regions ``世界``, ``东亚``), or a city a time zone is named after
(``서울``, ``东京``, ``上海``). A city CLDR does not name (``北京``: China's zone is Shanghai's) may
still be one of the large cities GeoNames names in its own country's script (:func:`cjk_city_names`:
``北京``, ``大阪``, ``부산``); any other is not known, and unknown beats a guess.

So with any place in a script without capitals (Arabic, Hebrew, Devanagari, Thai, Georgian, Han of
three letters ...): no capital tells ``القاهرة —`` from ``في الوقت نفسه —`` ("at the same time"), so
the words must name a place (:func:`known_place`): CLDR's names in the languages that write the
script, or GeoNames' in any such script, less its names that are common words
(:func:`caseless_city_names`).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

__all__ = ["caseless_city_names", "cjk_city_names", "cldr_places", "known_place"]

#: GeoNames' two-letter Han and Hangul city names (``scripts/geonames_cjk_places.py`` writes it).
_CJK_FILE = Path(__file__).parent / "data" / "cjk_places.json"
#: GeoNames' names of large cities and capitals in scripts without capitals (the same script writes it).
_CASELESS_FILE = Path(__file__).parent / "data" / "caseless_places.json"
#: The languages that write each script's places.
_SCRIPT_LANGUAGES = {"Hani": ("zh", "zh_Hant", "ja"), "Hang": ("ko",)}


@lru_cache(maxsize=16)
def cldr_places(lang: str) -> frozenset[str]:
    """The names of ISO 3166-1 countries and of time-zone exemplar cities CLDR writes in ``lang``
    (``ko``, ``zh``, ``zh_Hant``, ``ja``); empty for a language Babel does not know."""
    from ..cache import cached_json, installed_version

    def build() -> list[str]:
        import pycountry
        from babel import Locale, UnknownLocaleError

        try:
            locale = Locale.parse(lang.replace("-", "_"))
        except (UnknownLocaleError, ValueError, TypeError):
            return []
        codes = {country.alpha_2 for country in pycountry.countries}
        found = {name for code, name in locale.territories.items() if code in codes}
        found |= {zone["city"] for zone in locale.time_zones.values() if zone.get("city")}
        return sorted(found)

    versions = [installed_version("babel"), installed_version("pycountry")]
    places = cached_json(f"cldr-places-{lang}", versions, build) if all(versions) else None
    return frozenset(places if isinstance(places, list) else build())


@lru_cache(maxsize=1)
def _cjk_places() -> dict[str, frozenset[str]]:
    places = json.loads(_CJK_FILE.read_text(encoding="utf-8"))["places"]
    return {script: frozenset(places.get(script, ())) for script in _SCRIPT_LANGUAGES}


def cjk_city_names(lang: str) -> frozenset[str]:
    """The two-letter names of the cities of a million people or more that GeoNames (CC BY 4.0,
    geonames.org) writes in ``lang``'s script and in their own country (Han for ``zh``,
    ``zh_Hant`` and ``ja``: ``北京``, ``大阪``, ``広島``; Hangul for ``ko``: ``부산``); empty for
    another language. ``scripts/geonames_cjk_places.py`` says why a million, from evidence."""
    return frozenset().union(
        *(names for script, names in _cjk_places().items() if lang in _SCRIPT_LANGUAGES[script])
    )


@lru_cache(maxsize=1)
def caseless_city_names() -> frozenset[str]:
    """The names, of three letters or more and in a script without capitals, of the cities of a million
    people or more and of the national capitals, that GeoNames (CC BY 4.0, geonames.org) writes in any
    such script (``القاهرة``, ``नई दिल्ली``, ``ירושלים``, ``กรุงเทพฯ``, ``አዲስ አበባ``, ``哈尔滨``,
    ``واشنطن``, ``ムンバイ``), less those wordfreq's lists show to be words (``שלם``, ``काली``).
    ``scripts/geonames_cjk_places.py`` says why a million and how the words are told."""
    return frozenset(json.loads(_CASELESS_FILE.read_text(encoding="utf-8"))["places"])


#: The script codes CLDR's likely scripts give the languages that write a letter's script.
_LIKELY = {"Hani": ("Hans", "Hant", "Jpan"), "Kana": ("Jpan",), "Hira": ("Jpan",), "Hang": ("Kore",)}


@lru_cache(maxsize=64)
def _script_languages(script: str) -> tuple[str, ...]:
    """The languages CLDR has a locale for whose likely script writes ``script``'s letters
    (``Arab``: ``ar``, ``fa``, ``ur``, ``ps`` ...; ``Hani``: ``zh``, ``zh_Hant``, ``ja``)."""
    from babel import localedata

    from .script import script_of

    scripts = _LIKELY.get(script, (script,))
    found = []
    for ident in localedata.locale_identifiers():
        parts = ident.split("_")
        bare = len(parts) == 1 or (len(parts) == 2 and len(parts[1]) == 4)  # no region
        if bare and script_of(ident) in scripts:
            found.append(ident)
    return tuple(sorted(found))


def known_place(place: str, lang: str | None = None) -> bool:
    """Whether ``place`` is a large city or capital GeoNames names (:func:`caseless_city_names`,
    :func:`cjk_city_names`) or a country or time-zone city CLDR names in any language that writes the
    place's script, whatever ``lang`` the article is in (``बेरूत``, CLDR's Marathi and Nepali name,
    in a Hindi article; an Arabic place in a Persian or Urdu one): a language's name does not make
    the place less of one in another's text."""
    from .script import char_script

    if place in caseless_city_names():
        return True
    scripts = {char_script(ch) for ch in place if ch.isalpha()}
    langs = {code for script in scripts for code in _script_languages(script)}
    return any(place in cldr_places(code) or place in cjk_city_names(code) for code in sorted(langs))
