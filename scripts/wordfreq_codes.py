"""Regenerate ``convert/locale/data/common_codes.json``: the ISO 4217 codes of current currencies
whose letters are a common word in a language, so that ``TOP 10`` or ``ALL 3`` is no money
(:func:`convert.locale.amounts.code_signs`).

A code is common in a language when wordfreq's frequency list of the language counts it, in
small letters, at a Zipf frequency of 4.5 or more (:data:`convert.locale.numbers.COMMON_ZIPF`);
the currencies are CLDR's current tenders (Babel). A currency the locale writes is never
stored (:func:`convert.locale.amounts.written_codes`: its home currency and those CLDR gives a
symbol of their own in it, Vietnamese ``USD``, Czech ``EUR``): its letters are frequent because
news writes the currency so. Stored rather than read at run time: loading
wordfreq's lists costs 0.1 to 0.3 s a language. The file is this script's output with these
versions (``tests/test_brief_ranges_r46c.py`` compares them)::

    pip install wordfreq==3.1.1 babel==2.19.0
    python scripts/wordfreq_codes.py > convert/locale/data/common_codes.json
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version

import wordfreq

from convert.locale.amounts import _current, written_codes
from convert.locale.numbers import COMMON_ZIPF


def main() -> str:
    least = 10 ** (COMMON_ZIPF - 9)
    codes = sorted(_current())
    found: dict[str, list[str]] = {}
    for lang in sorted(wordfreq.available_languages("best")):
        freqs = wordfreq.get_frequency_dict(lang)
        written = written_codes(lang)  # the locale's currencies: their frequency is the currency's
        common = [c for c in codes if freqs.get(c.lower(), 0.0) >= least and c not in written]
        if common:
            found[lang] = common
    source = (
        f"wordfreq {version('wordfreq')} frequency lists, Zipf {COMMON_ZIPF} or more; "
        f"CLDR current currencies via Babel {version('babel')}"
    )
    return json.dumps({"source": source, "codes": found}, ensure_ascii=False, sort_keys=True) + "\n"


if __name__ == "__main__":
    sys.stdout.write(main())
