"""Brief figures left by review r46c (task h53): an ISO code before an amount or a range, a
capitalised word before a range, and the work on one long sentence. Each is tested both ways."""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from convert.briefing import figures as figures_module
from convert.briefing.figures import find
from convert.briefing.sentences import sentences
from convert.locale.amounts import code_signs
from convert.model import Article, Metadata, Paragraph, Text


def found(language: str, text: str) -> list[tuple[str, str, float | None, str | None, object]]:
    meta = Metadata(title="", language=language)
    got = find(sentences(Article(meta=meta, body=(Paragraph((Text(text),)),))), language=language)
    return [(f.text, f.kind, f.value, f.unit, f.range) for f in got]


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # an ISO 4217 code before the range names its currency as a sign does (`$3 to 4 million`)
        ("en", "Sales reached USD 3 – 4 million.", ("USD 3 – 4 million", "money", None, "USD", (3e6, 4e6))),
        ("en", "Sales reached USD 3 to 4 million.", ("USD 3 to 4 million", "money", None, "USD", (3e6, 4e6))),
        (
            "en",
            "Sales reached USD 3 to USD 4 million.",
            ("USD 3 to USD 4 million", "money", None, "USD", (3e6, 4e6)),
        ),
        (
            "de",
            "Der Umsatz lag bei EUR 3–4 Millionen.",
            ("EUR 3–4 Millionen", "money", None, "EUR", (3e6, 4e6)),
        ),
        (
            "de",
            "Der Umsatz lag bei EUR 3 und 4 Millionen.",
            ("EUR 3 und 4 Millionen", "money", None, "EUR", (3e6, 4e6)),
        ),
        # and before or after one amount
        ("en", "Sales reached USD 3 million.", ("USD 3 million", "money", 3e6, "USD", None)),
        ("en", "It cost 5 million GBP.", ("5 million GBP", "money", 5e6, "GBP", None)),
        # a capitalised word after `from` names a place or a body: no change `from 3 to 4 million`
        ("en", "Imports from China 3 to 4 million.", ("3 to 4 million", "count", None, None, (3e6, 4e6))),
    ],
)
def test_a_code_or_a_name_before_a_range_keeps_it(
    language: str, sentence: str, expected: tuple[object, ...]
) -> None:
    assert found(language, sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the other way: a code whose letters are a common word is no currency (wordfreq)
        ("The TOP 10 list was long.", [("10", "count", 10.0, "list was long", None)]),
        # `from` and a word in small letters before it: a change, the lower end unknown
        ("It rose from about 3 to 4 million.", [("4 million", "count", 4e6, None, None)]),
        # a code in small letters is no sign
        ("It was usd 30 in all.", [("30", "count", 30.0, None, None)]),
    ],
)
def test_no_code_where_it_is_a_word(sentence: str, expected: list[tuple[object, ...]]) -> None:
    assert found("en", sentence) == expected


def test_code_signs_leave_out_words() -> None:
    codes = code_signs("en")
    assert {"USD", "EUR", "GBP", "JPY", "CHF"} <= set(codes)
    assert not {"TOP", "ALL", "TRY", "CUP"} & set(codes)
    assert "NOK" in codes and "NOK" not in code_signs("da")  # Danish `nok`, enough


_DATA = Path(__file__).resolve().parents[1] / "convert" / "locale" / "data"


def _script_output(script: str, stored: str) -> str:
    """What ``scripts/<script>.py`` writes, with the wordfreq and Babel its stored file names
    (skipped without them: the file is byte for byte the pinned versions' output)."""
    pytest.importorskip("wordfreq")
    source = json.loads(stored)["source"]
    for label, package in (("wordfreq", "wordfreq"), ("Babel", "babel")):
        pinned = re.search(rf"\b{label} (\S+)", source)  # the exact version: not 3.1 for 3.1.1
        if pinned is None or pinned.group(1) != version(package):
            pytest.skip(f"{package} {version(package)} installed; the stored file is {source!r}")
    return importlib.import_module(f"scripts.{script}").main()


@pytest.mark.parametrize(("package", "other"), [("wordfreq", "3.1"), ("babel", "2.19"), ("babel", "2.20.0")])
def test_the_stored_data_tests_skip_with_other_versions(
    monkeypatch: pytest.MonkeyPatch, package: str, other: str
) -> None:
    """With another wordfreq or Babel than the file names (a newer release in CI, or a version
    whose text is the front of the pinned one's: 3.1 of 3.1.1), the comparison is skipped, not
    failed (review r53 #8)."""
    real = version
    monkeypatch.setattr(
        sys.modules[__name__], "version", lambda name: other if name == package else real(name)
    )
    stored = (_DATA / "common_codes.json").read_text(encoding="utf-8")
    with pytest.raises(pytest.skip.Exception):
        _script_output("wordfreq_codes", stored)


def test_the_stored_common_codes_are_wordfreqs() -> None:
    """``scripts/wordfreq_codes.py`` gives the stored file (wordfreq's lists, not a hand-made one)."""
    stored = (_DATA / "common_codes.json").read_text(encoding="utf-8")
    assert _script_output("wordfreq_codes", stored) == stored


@pytest.mark.slow
def test_the_stored_common_units_are_wordfreqs() -> None:
    """``scripts/wordfreq_units.py`` gives the stored file: the CLDR unit names wordfreq 3.1.1
    counts as common words (``part``; Spanish ``parte``), read at run time without wordfreq."""
    stored = (_DATA / "common_units.json").read_text(encoding="utf-8")
    assert _script_output("wordfreq_units", stored) == stored


def test_a_brief_s_units_load_no_word_lists() -> None:
    """Reading a year-like number before a unit's name loads no wordfreq list (0.2-0.4 s and
    their memory a process; the output no longer follows the installed wordfreq): the common
    names are stored (``convert/locale/data/common_units.json``)."""
    code = (
        "import sys\n"
        "from tests.test_brief_ranges_r46c import found\n"
        "assert found('de', 'Es wurden 1500 Tonnen geliefert.')[0][3] == 'Tonnen'\n"
        "assert found('en', 'In 2020 part of it was lost.')[0][1] == 'year'\n"
        "assert 'wordfreq' not in sys.modules, 'wordfreq imported'\n"
    )
    root = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


def test_one_long_sentence_is_read_in_linear_work() -> None:
    """Counted work, not time: every Python call and every call into C (a regular expression's
    search, a ``str`` method) a brief's figures make, counted by ``sys.setprofile``, grows as the
    sentence does (8 times the text: at most 10 times the work). It grew 29 times: every span
    read was looked at for each match, every comma part of the clause for each figure (review
    r53 #8); before r46c, every search looked at all the text before its number."""

    def work(n: int) -> int:
        sentence = ", ".join(f"the fund paid {i * 7 + 11} tonnes to {i} ports" for i in range(n)) + "."
        found("en", sentence)  # once first: the language's patterns and data are read and kept
        calls = [0]

        def count(frame: object, event: str, arg: object) -> None:
            calls[0] += 1

        sys.setprofile(count)
        try:
            found("en", sentence)
        finally:
            sys.setprofile(None)
        return calls[0]

    small, large = work(50), work(400)  # sentences of about 2,000 and 17,000 characters
    assert large < 10 * small, (small, large)


def test_a_search_before_a_number_looks_at_little_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Counted work, not time: the text a search before a number looks at (``re.search`` in
    :mod:`convert.briefing.figures`) does not grow with the sentence (it was all the text
    before each number: quadratic work)."""
    looked: list[int] = []
    real = re.compile

    def counting_search(pattern: str, text: str, flags: int = 0) -> re.Match[str] | None:
        looked.append(len(text))
        return real(pattern, flags).search(text)

    def work(n: int) -> int:
        looked.clear()
        sentence = ", ".join(f"the fund paid {i * 7 + 11} tonnes to {i} ports" for i in range(n)) + "."
        found("en", sentence)
        return max(looked)

    monkeypatch.setattr(figures_module.re, "search", counting_search)
    small, large = work(50), work(400)  # sentences of about 2,000 and 17,000 characters
    assert large < 100, (small, large)


@pytest.mark.parametrize(
    ("language", "text", "pieces", "figures"),
    [
        # a dotted day before a month's name where CLDR's long date is `d. MMMM y` (review r46c #5)
        ("de", "Die Messe findet vom 10.–12. März statt. Danach nicht.", 2, []),
        ("de", "Die Messe findet am 10. März statt.", 1, []),
        ("nb", "Toppmøtet er 10. mars.", 1, []),
        # the other way: a dotted number before another capital ends a sentence; English writes
        # `March 10` (CLDR `MMMM d, y`), so `10. May` ends one
        ("de", "Er wurde 10. Danach ging er.", 2, [("10", "count", 10.0, None, None)]),
        ("en", "He turned 10. May came.", 2, [("10", "count", 10.0, None, None)]),
        ("nb", "Lagene på 10. plass rykket ned.", 1, [("10", "count", 10.0, None, None)]),
    ],
)
def test_a_dotted_day_before_a_month_is_a_date(
    language: str, text: str, pieces: int, figures: list[tuple[object, ...]]
) -> None:
    meta = Metadata(title="", language=language)
    assert len(sentences(Article(meta=meta, body=(Paragraph((Text(text),)),)))) == pieces
    assert found(language, text) == figures


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # a count form of another stem than CLDR's `one` (лет/год, lat/rok, let/rok) counts years
        # after a range or a list too (review r46c #3)
        (
            "ru",
            "Этим постройкам 1500–2000 лет.",
            [("1500–2000 лет", "duration", None, "years", (1500.0, 2000.0))],
        ),
        (
            "pl",
            "Te budowle mają 1500–2000 lat.",
            [("1500–2000 lat", "duration", None, "years", (1500.0, 2000.0))],
        ),
        ("cs", "Stavbám je 1500–2000 let.", [("1500–2000 let", "duration", None, "years", (1500.0, 2000.0))]),
        (
            "ru",
            "В 1999, 2000 лет спустя, всё изменилось.",
            [("2000 лет", "duration", 2000.0, "years", None), ("1999", "year", 1999.0, "year", None)],
        ),
        # a plural year word with an ending CLDR does not list: no figure (not the year 2000)
        ("de", "Das geschah vor 2000 Jahren in Rom.", []),
        # the other way: a form of the singular's stem may be several years' plural; a singular's
        # case names the year; a range of years with a year word after it stays years
        ("uk", "У 2015–2020 років.", [("2015–2020", "year", 2015.0, "year", None)]),
        ("ru", "Это было в 2020 году.", [("2020", "year", 2020.0, "year", None)]),
        ("ru", "Это было в 2015–2020 годах.", [("2015–2020", "year", 2015.0, "year", None)]),
        ("de", "Im Jahr 2000 wuchs es.", [("2000", "year", 2000.0, "year", None)]),
        ("en", "The war lasted 1990–2000 in total.", [("1990–2000", "year", 1990.0, "year", None)]),
    ],
)
def test_a_count_of_years_after_a_range_or_list(
    language: str, sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert found(language, sentence) == expected


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # a telephone number's shape, or digit groups after a plus: no figure (review r46c #4)
        ("pl", "Zadzwoń pod numer 601 234 567 jutro.", []),
        ("pl", "Zadzwoń pod numer +48 601 234 567 jutro.", []),
        ("fr", "Appelez le +33 6 12 34 56 78.", []),
        # the other way: another shape, money, a plus before one number
        ("pl", "W mieście mieszka 1 234 567 osób.", [("1 234 567", "count", 1234567.0, "osób", None)]),
        ("pl", "Budżet wynosi 601 234 567 zł.", [("601 234 567 zł", "money", 601234567.0, "PLN", None)]),
        ("pl", "Mieszka tu 601 234 osób.", [("601 234", "count", 601234.0, "osób", None)]),
        ("en", "Shares rose +5% on Monday.", [("5%", "percent", 5.0, "%", None)]),
        ("en", "The US had 331,449,281 people.", [("331,449,281", "count", 331449281.0, "people", None)]),
    ],
)
def test_a_telephone_number_is_no_count(
    language: str, sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert found(language, sentence) == expected


@pytest.mark.parametrize(
    ("language", "sentence", "expected"),
    [
        # a year-like number or range before a CLDR unit word is a measure (review r46c #3)
        (
            "de",
            "Es wurden 1500–2000 Tonnen geliefert.",
            [("1500–2000", "count", None, "Tonnen", (1500.0, 2000.0))],
        ),
        ("de", "Es wurden 1500 Tonnen geliefert.", [("1500", "count", 1500.0, "Tonnen", None)]),
        ("en", "They shipped 1500–2000 tons.", [("1500–2000", "count", None, "tons", (1500.0, 2000.0))]),
        # the other way: a unit's name that is a common word (wordfreq) is read as the word
        ("en", "In 2020 part of it was lost.", [("2020", "year", 2020.0, "year", None)]),
        # common in the language's own list, not English's (stored: common_units.json)
        ("es", "En 2020 parte del dinero se perdió.", [("2020", "year", 2020.0, "year", None)]),
        ("es", "Se enviaron 1500 toneladas.", [("1500", "count", 1500.0, "toneladas", None)]),
        ("en", "The period 1990–2000 saw growth.", [("1990–2000", "year", 1990.0, "year", None)]),
    ],
)
def test_a_year_like_number_before_a_unit_is_a_measure(
    language: str, sentence: str, expected: list[tuple[object, ...]]
) -> None:
    assert found(language, sentence) == expected
