"""Quotations inside quotations in plain text, as the text reader reads a news story (issue 12 #2)."""

from __future__ import annotations

import convert
from convert.model import Article, Paragraph, Quote, Text, plain_text

GERMAN = (
    "Streit im Stadtrat\n\nVon Anna Schmidt\n\n"
    "Der Bürgermeister blieb am Montag bei seiner Linie. „Er sagte: ‚Wir gewinnen‘, und ging.“ "
    "So berichtete es ein Zeuge.\n\n"
    "„So geht’s nicht weiter, wie in den ‘90ern“, sagte eine Stadträtin.\n"
)


def read(text: str, language: str) -> Article:
    return convert.read(text.encode(), name="story.txt", metadata={"language": language})


def paragraph_with(article: Article, words: str) -> Paragraph:
    found = [b for b in article.body if isinstance(b, Paragraph) and words in plain_text(b)]
    assert len(found) == 1, article.body
    return found[0]


def test_german_inner_marks_make_a_nested_quotation() -> None:
    article = read(GERMAN, "de")
    assert article.meta.title == "Streit im Stadtrat"
    assert [a.name for a in article.meta.authors] == ["Anna Schmidt"]
    quote = paragraph_with(article, "Bürgermeister").content[1]
    assert quote == Quote(
        (Text("Er sagte: "), Quote((Text("Wir gewinnen"),), marks=("‚", "‘")), Text(", und ging.")),
        marks=("„", "“"),
    )


def test_an_elision_apostrophe_closes_no_german_quotation() -> None:
    quote = paragraph_with(read(GERMAN, "de"), "Stadträtin").content[0]
    assert isinstance(quote, Quote)
    assert quote.content == (Text("So geht’s nicht weiter, wie in den ‘90ern"),)
