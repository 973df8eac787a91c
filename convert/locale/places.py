"""The places CLDR names in a language: what a dateline's short place may be.

A two-character Chinese, Japanese or Korean word before a spaced dash (``서울 —``) is a dateline's
place as often as a sentence's first word (``물론 —``, "of course"; ``当然 —``): Korean and Chinese
typography space their dashes, so the dash tells nothing. Such a word is taken for a place only
when CLDR (through Babel) names it in the language: a country or territory (ISO 3166-1 codes, as
pycountry lists them: not CLDR's regions ``世界``, ``东亚``), or a city a time zone is named after
(``서울``, ``东京``, ``上海``). A city CLDR does not name (``北京``: China's zone is Shanghai's) is
not known, and unknown beats a guess.
"""

from __future__ import annotations

from functools import lru_cache

__all__ = ["cldr_places"]


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
