"""HTML's ``<q>`` is an inline quotation, ``<blockquote>`` a block quote (issue 12 #1).

trafilatura maps both to its ``quote`` element: ``<p>He said <q>we will win</q> and left.</p>``
came out as three blocks, the middle one a block quote.
"""

from __future__ import annotations

from pathlib import Path

import convert
from convert.model import Article, BlockQuote, Emph, Paragraph, Quote, Text, plain_text

PROSE = (
    "The council met on Monday evening to settle the budget for the coming year, and the debate "
    "ran for more than three hours before the vote was taken in the old town hall. "
)


def page(body: str, lang: str = "en", title: str = "Budget night") -> bytes:
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1><p>{PROSE}</p>{body}<p>{PROSE}</p></article></body></html>"
    ).encode()


def read(data: bytes) -> Article:
    return convert.read(data, name="page.html")


def paragraph_with(article: Article, words: str) -> Paragraph:
    found = [b for b in article.body if isinstance(b, Paragraph) and words in plain_text(b)]
    assert len(found) == 1, article.body
    return found[0]


def test_q_inside_a_paragraph_is_an_inline_quotation() -> None:
    article = read(page("<p>He said <q>we will win</q> and left.</p>"))
    assert not any(isinstance(b, BlockQuote) for b in article.body)
    para = paragraph_with(article, "He said")
    assert para.content == (Text("He said "), Quote((Text("we will win"),)), Text(" and left."))


def test_q_at_the_start_and_at_the_end_of_a_paragraph() -> None:
    article = read(
        page("<p><q>Never again</q>, the mayor wrote.</p><p>The reply came: <q>we shall see</q></p>")
    )
    assert not any(isinstance(b, BlockQuote) for b in article.body)
    assert paragraph_with(article, "Never again").content == (
        Quote((Text("Never again"),), speaker="the mayor"),  # the quotation reader sees it
        Text(", the mayor wrote."),
    )
    assert paragraph_with(article, "shall see").content == (
        Text("The reply came: "),
        Quote((Text("we shall see"),)),
    )


def test_nested_q_and_q_holding_markup() -> None:
    body = "<p>She wrote <q>he told me <q>no</q> <em>twice</em></q> in her diary.</p>"
    para = paragraph_with(read(page(body)), "diary")
    inner = Quote((Text("no"),))
    outer = Quote((Text("he told me "), inner, Text(" "), Emph((Text("twice"),))))
    assert para.content == (Text("She wrote "), outer, Text(" in her diary."))


def test_blockquote_stays_a_block_quote() -> None:
    article = read(page("<blockquote><p>We will win this vote.</p></blockquote><p>He said <q>yes</q>.</p>"))
    quotes = [b for b in article.body if isinstance(b, BlockQuote)]
    assert [plain_text(b) for b in quotes] == ["We will win this vote."]
    assert paragraph_with(article, "He said").content[1] == Quote((Text("yes"),))


def test_q_in_the_headline_leaves_no_placeholder_in_the_title() -> None:
    article = read(page("<p>He said <q>we will win</q> and left.</p>", title="The <q>win</q> vote"))
    assert article.meta.title is not None
    assert "\ue000" not in article.meta.title and "\ue001" not in article.meta.title
    assert "\ue000" not in plain_text(article.body[0]) + "".join(plain_text(b) for b in article.body)


def test_txt_prints_the_page_languages_marks_inner_ones_nested(tmp_path: Path) -> None:
    source = tmp_path / "seite.html"
    source.write_bytes(page("<p>Er sagte <q>wir sagen <q>nein</q> dazu</q> und ging.</p>", lang="de"))
    convert.convert(source, tmp_path / "out", to=["txt"])
    assert "Er sagte „wir sagen ‚nein‘ dazu“ und ging." in (tmp_path / "out" / "seite.txt").read_text()
