"""convert.names: the one test for "is this a person's name", used by every reader and pass."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from convert import names
from convert.readers import pandoc
from convert.readers.text import looks_like_name as text_reader_test


def test_the_text_reader_uses_the_one_name_test() -> None:
    assert text_reader_test is names.looks_like_name


@pytest.mark.parametrize(
    ("creator", "expected"),
    [
        ("Jane Doe; John Roe", True),
        ("Doe, Jane", True),
        ("Jane Doe; Staff Writer", False),  # each name must be one, as in a byline
        ("Jane Doe.com", False),  # a site, not a person
        ("Microsoft account", False),
    ],
)
def test_word_creators_go_through_the_same_test(creator: str, expected: bool) -> None:
    assert pandoc.looks_like_person(creator) is expected


@pytest.mark.parametrize(
    ("text", "one_word", "expected"),
    [
        ("Jean-Luc de la Cruz", False, True),
        ("Bashar al-Assad", False, True),
        ("JANE DOE", False, True),
        ("Ελένη Παπαδοπούλου", False, True),  # a script with case: capitalised
        ("अमिताभ बच्चन", False, True),  # a script without case, with combining vowel signs
        ("李明", False, True),  # two Han characters: a full name in a script written without spaces
        ("司马相如", False, True),
        ("人民日报社评论员文章", False, False),  # too long to be a name
        ("Heiko", False, False),
        ("Heiko", True, True),
        ("tlow", True, True),  # a login handle, for a caller that checks the page signs with it
        ("de la Cruz", False, False),
        ("Staff Writer", False, False),  # nameparser's titles
        ("Dr. Jane Roe", False, True),  # a title before a full name
        ("Our Correspondent", False, False),
        ("Moscow Bureau Chief", False, False),
        ("Online-Redaktion", True, False),  # a desk
        ("Bergportal GmbH", False, False),  # cleanco's legal forms
        ("Jane Doe.com", False, False),
        ("AP", True, False),
        ("Agent 007 Bond", False, False),
        ("Jane #Roe", False, False),
    ],
)
def test_the_name_test(text: str, one_word: bool, expected: bool) -> None:
    assert names.looks_like_name(text, one_word=one_word) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Vladimir Putin", True),
        ("Hong Kong", False),
        ("Monument Securities", False),
        ("BRICS Leaders", False),
    ],
)
def test_names_in_prose_are_not_places_or_organisations(text: str, expected: bool) -> None:
    """Capitalised runs of running text pass the plain test; the gazetteer refuses the non-people."""
    assert names.looks_like_name(text)
    assert names.looks_like_name(text, prose=True) is expected


def test_a_spaceless_name_is_no_single_word() -> None:
    assert names.one_word("Heiko") and not names.one_word("李明") and not names.one_word("Jane Roe")


def test_every_reader_and_the_quote_pass_ask_the_one_test() -> None:
    """No other module defines its own person test (issue 13: grep shows one)."""
    root = Path(names.__file__).parent
    own = re.compile(
        r"^def (?:looks_like_name|_?names_a_role|_?is_company|looks_like_role|looks_like_publisher|"
        r"_not_place_or_organisation)\b",
        re.M,
    )
    found = [
        str(p.relative_to(root)) for p in root.rglob("*.py") if own.search(p.read_text(encoding="utf-8"))
    ]
    assert found == ["names.py"]
