"""The HTML reader's byline-line step: a ``By …`` paragraph at the body's top that says only what the
metadata holds goes, so the exporters do not print the byline twice. Made-up pages and bodies.
"""

from __future__ import annotations

import pytest
from bodies import para, texts

import convert
from convert.model import Author, Figure, Heading, Metadata, Text, plain_text
from convert.readers.html.byline_line import drop_byline_line

TITLE = "Council approves the new budget"
STORY = (
    "The council approved the budget on Tuesday after months of debate, and the town's schools, roads "
    "and parks will all see more money in the coming year than they did in the last."
)


def meta(*names: str, published: str | None = "2024-03-05", language: str = "en", **kw: str) -> Metadata:
    return Metadata(
        title=TITLE,
        authors=tuple(Author(n) for n in names),
        published=published,
        language=language,
        **kw,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("line", "names", "language"),
    [
        ("By Jane Roe", ("Jane Roe",), "en"),
        ("BY JANE ROE", ("Jane Roe",), "en"),
        ("By Jane Roe and John Doe", ("Jane Roe", "John Doe"), "en"),
        ("By Jane Roe, March 5, 2024", ("Jane Roe",), "en"),  # the published day
        ("Von Anna Schmidt", ("Anna Schmidt",), "de"),  # the language's own byline word
        ("Par Jean Dupont et Marie Curie", ("Jean Dupont", "Marie Curie"), "fr"),
    ],
)
def test_a_byline_the_metadata_holds_goes(line: str, names: tuple[str, ...], language: str) -> None:
    body = [Heading(1, (Text(TITLE),)), Figure("a.jpg"), para(line), para(STORY)]
    assert texts(drop_byline_line(body, meta(*names, language=language))) == [TITLE, "", STORY]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Roe, Staff Writer", ("Jane Roe",)),  # the role is recorded nowhere else
        ("By Jane Roe and John Doe", ("Jane Roe",)),  # someone the authors lack
        ("By Jane Roe", ("John Doe",)),  # another person
        ("By Jane Roe, March 4, 2024", ("Jane Roe",)),  # another day than the published one
        ("By Jane Roe in Moscow", ("Jane Roe",)),  # a place
        ("By the numbers: what the budget buys", ("Jane Roe",)),  # no byline
    ],
)
def test_a_byline_that_says_more_stays(line: str, names: tuple[str, ...]) -> None:
    body = [para(line), para(STORY)]
    assert drop_byline_line(body, meta(*names)) == body


def test_only_the_top_of_the_body_counts() -> None:
    body = [para(STORY), para(STORY), para(STORY), para("By Jane Roe"), para(STORY)]
    assert drop_byline_line(body, meta("Jane Roe")) == body
    body = [Heading(2, (Text("A section"),)), para("By Jane Roe"), para(STORY)]
    assert drop_byline_line(body, meta("Jane Roe")) == body
    assert drop_byline_line([para("By Jane Roe"), para(STORY)], meta()) == [para("By Jane Roe"), para(STORY)]


def test_a_plain_byline_paragraph_is_printed_once(tmp_path: object) -> None:
    """Before the step, ``<p>By Jane Roe</p>`` under the headline was the body's first paragraph, and
    every exporter printed the byline twice (once from the metadata)."""
    page = f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{TITLE}</title></head>
<body><article><h1>{TITLE}</h1><p>By Jane Roe</p><p>March 5, 2024</p>
<p>{STORY}</p><p>{STORY} Again.</p><p>{STORY} Once more.</p></article></body></html>"""
    article = convert.read(page.encode(), from_="html")
    assert [a.name for a in article.meta.authors] == ["Jane Roe"]
    assert article.meta.published == "2024-03-05"
    assert not any("Jane Roe" in plain_text(b) for b in article.body)
