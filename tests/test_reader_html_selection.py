"""trafilatura's selection without inline formatting, with the formatting kept (``plain-selection``):
made-up pages and bodies."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from convert.base import ReadOptions
from convert.model import Emph, Link, Paragraph, Strong, Text, plain_text
from convert.readers.html import EXTRACTION, HtmlReader
from convert.readers.html.selection import with_formatting

FILLER = "".join(
    f"<p>Paragraph {n} of the story, with enough words in it to read as the prose of a report.</p>"
    for n in ("one", "two", "three", "four", "five", "six")
)
TAIL = "The paragraph after the photo, which the page shows as text of its own and is the story's."


def page(inner: str) -> bytes:
    return f"<html><body><article>{FILLER}<div class='text'>{inner}</div>{FILLER}</article></body></html>".encode()


@pytest.fixture
def switch() -> Iterator[None]:
    yield
    EXTRACTION["plain-selection"] = True


def read(data: bytes) -> list[str]:
    return [plain_text(b) for b in HtmlReader().read(data, ReadOptions()).body]


@pytest.mark.parametrize(
    "before",
    [
        "<p><strong>A lead set in bold.</strong></p><figure><img src='a.jpg'></figure> ",
        "<p>A lead with <em>one word</em> in italics.</p> ",
    ],
)
def test_text_after_a_formatted_paragraph_is_kept(before: str, switch: None) -> None:
    # trafilatura loses it when it keeps formatting: the paragraph is rebuilt without what follows it
    data = page(before + TAIL + "<div>x</div>")
    assert TAIL in read(data)
    EXTRACTION["plain-selection"] = False
    assert TAIL not in read(data)  # what the switch mends


def test_emphasis_and_links_are_kept() -> None:
    data = page("<p>A lead with <em>one word</em> and <a href='https://example.org/r'>a link</a>.</p>")
    body = HtmlReader().read(data, ReadOptions()).body
    lead = next(b for b in body if isinstance(b, Paragraph) and "A lead" in plain_text(b))
    assert any(isinstance(n, Emph) for n in lead.content)
    assert any(isinstance(n, Link) and n.url == "https://example.org/r" for n in lead.content)


def para(*content: object) -> Paragraph:
    return Paragraph(tuple(content))  # type: ignore[arg-type]


def test_the_plain_runs_blocks_take_the_formatted_runs_form_where_their_text_matches() -> None:
    plain = [para(Text("Bold lead.")), para(Text("Only the plain run has this.")), para(Text("Same."))]
    formatted = [para(Strong((Text("Bold lead."),))), para(Text("Caption only here.")), para(Text("Same."))]
    assert with_formatting(plain, formatted) == [formatted[0], plain[1], formatted[2]]
    assert with_formatting(plain, []) == plain
    assert with_formatting([], formatted) == []
