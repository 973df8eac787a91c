"""Regenerate ``convert/locale/data/common_units.json``: by language, the one-word CLDR long unit
names of no time (:func:`convert.locale.numbers.measure_words`: German ``Tonnen``, English
``tons``) that are common words, so that ``In 2020 part of it`` stays the year 2020 while
``1500 Tonnen`` is a count (:func:`convert.locale.numbers.common_word`).

A name is common in a language when wordfreq's frequency list of the language, or of English,
counts it, in small letters, at a Zipf frequency of 4.5 or more
(:data:`convert.locale.numbers.COMMON_ZIPF`: ``part``, ``point``, ``miles``). The language's list
is the one wordfreq gives for the tag's language (its nearest list where it has none of its own:
Norwegian Nynorsk ``nn`` reads Bokmål's, Afrikaans ``af`` Dutch's); a language nearer to none has
English's only. The languages are those of every CLDR locale (their names are the union of the
names of the language's locales: ``en`` holds ``en_GB``'s ``metres``) and every wordfreq list
(``sh``, Serbo-Croatian, which Babel reads as English). The names English's list counts are
stored once (``english``, from the names of every language: ``part``, ``miles``, German
``Bar``), each language's own (``words``) after them; a language with none of its own is stored
with none, so that a tag of another language is known to be one
(:func:`convert.locale.numbers.common_word` then reads the language Babel gives it: ``iw`` is
Hebrew, an unknown one English).

Stored rather than read at run time: loading wordfreq's lists costs a process 0.2 to 0.4 s and
their memory, and the output would follow the installed wordfreq. The file is this script's
output with these versions (the test ``tests/test_brief_ranges_r46c.py`` compares them)::

    pip install wordfreq==3.1.1 babel==2.19.0
    python scripts/wordfreq_units.py > convert/locale/data/common_units.json
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version

import langcodes
import wordfreq
from babel import Locale
from babel.localedata import locale_identifiers

from convert.locale.numbers import COMMON_ZIPF, language_key, measure_words


def main() -> str:
    least = 10 ** (COMMON_ZIPF - 9)
    names: dict[str, set[str]] = {}
    lists = sorted(wordfreq.available_languages("best"))
    for ident in [*locale_identifiers(), *lists, *Locale("en").languages]:
        names.setdefault(language_key(ident), set()).update(measure_words(ident))
    english = wordfreq.get_frequency_dict("en")
    in_english = sorted(
        {w for words in names.values() for w in words if english.get(w.casefold(), 0.0) >= least}
    )
    found: dict[str, list[str]] = {}
    for lang, words in sorted(names.items()):
        # wordfreq's list for the language, as its get_frequency_list picks it; none near: English's
        nearest, _ = langcodes.closest_match(lang, lists, max_distance=60)
        freqs = english if nearest == "und" else wordfreq.get_frequency_dict(nearest)
        own = sorted(w for w in words if w not in in_english and freqs.get(w.casefold(), 0.0) >= least)
        if own:
            found[lang] = own
    source = (
        f"wordfreq {version('wordfreq')} frequency lists (the language's or its nearest, and English), "
        f"Zipf {COMMON_ZIPF} or more; CLDR long unit names via Babel {version('babel')}"
    )
    return (
        json.dumps(
            {"source": source, "english": in_english, "words": found}, ensure_ascii=False, sort_keys=True
        )
        + "\n"
    )


if __name__ == "__main__":
    sys.stdout.write(main())
