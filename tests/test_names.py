"""convert.names: the one test for "is this a person's name", used by every reader and pass."""

from __future__ import annotations

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
