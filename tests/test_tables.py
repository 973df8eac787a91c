"""Tables that fit (issue 17, item 0): wide tables span the page, cells are never cut or hyphenated.

The PDFs are rendered for real and read back with pypdf; a 3,000-row table goes through
every format within the limits.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from convert import api, limits
from convert.briefing.digest import _table
from convert.errors import LimitError
from convert.exporters._tables import TABLE_WIDTHS, table_width_class
from convert.locale.script import display_width
from convert.model import Article, Metadata, Paragraph, Table, Text

PAGES = "readability/test/test-pages"


def cells(*values: str) -> tuple[tuple[Text, ...], ...]:
    return tuple((Text(v),) for v in values)


def table(head: tuple[str, ...], rows: list[tuple[str, ...]]) -> Table:
    return Table((cells(*head),), tuple(cells(*r) for r in rows))


def big_article(rows: int, cell: str = "Item number") -> Article:
    body = (
        Paragraph((Text("A long table follows."),)),
        table(
            ("No.", "Name", "Value", "Region"),
            [(str(i), f"{cell} {i}", str(i * 7 % 1000), f"R{i % 13}") for i in range(rows)],
        ),
        Paragraph((Text("After the table."),)),
    )
    return Article(meta=Metadata(title="Big table", language="en"), body=body)


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def squash(text: str) -> str:
    return re.sub(r"[\s\u00ad\u2010\u2011-]+", "", text).casefold()


# --------------------------------------------------------------------------
# Width classes


def test_width_classes_grow_with_the_table() -> None:
    narrow = table(("Year", "Film"), [("1947", "Repeat Performance")])
    prose = table(("Film", "Year", "Description"), [("Nakee", "2009", "A long description " * 6)])
    many = table(tuple(f"Implementation{i}" for i in range(6)), [tuple("x" for _ in range(6))])
    huge = table(tuple(f"Implementation{i}" for i in range(12)), [tuple("x" for _ in range(12))])
    assert [table_width_class(t) for t in (narrow, prose, many, huge)] == list(TABLE_WIDTHS)


def test_the_html_wraps_each_table_in_its_class() -> None:
    article = Article(meta=Metadata(title="T"), body=(table(("a", "b"), [("1", "2")]),))
    html = api.render(article, "html").data.decode()
    assert '<div class="table-wrap table-narrow">\n<table>' in html


# --------------------------------------------------------------------------
# The PDF: page 1 keeps its text, every column's head is on the page


@pytest.mark.corpus
@pytest.mark.slow
@pytest.mark.parametrize(
    ("page", "opening", "heads"),
    [
        (
            "keep-tabular-data",
            "This week was the time to close",
            ["General UX", "Implementation review", "Final review"],
        ),
        ("wikipedia-4", "This list of films featuring time loops", ["Film", "Year", "Description"]),
    ],
)
def test_wide_tables_leave_page_one_its_text_and_cut_no_column(
    corpus: Path, page: str, opening: str, heads: list[str]
) -> None:
    source = corpus / PAGES / page / "source.html"
    article = api.read(source)
    data = api.render(article, "pdf").data
    texts = page_texts(data)
    first = squash(texts[0])
    assert squash(opening) in first
    # Page 1 holds the opening and more body text, not only the masthead.
    assert len(first) > len(squash(article.meta.title or "")) + 800
    everything = squash("\n".join(texts))
    for head in heads:
        assert squash(head) in everything, head
    # Cells are not hyphenated: a table word is never split with a hyphen at a line end.
    words = {
        w
        for t in article.body
        if isinstance(t, Table)
        for r in t.rows
        for c in r
        for w in re.findall(r"[A-Za-z]{7,}", "".join(x.text for x in c if isinstance(x, Text)))
    }
    joined = "\n".join(texts)
    broken = [
        w
        for w in words
        if re.search(re.escape(w[:3]) + r"[a-z]*-\n", joined) and w not in joined.replace("\n", " ")
    ]
    assert not broken


# --------------------------------------------------------------------------
# The digest's at-a-glance table


def test_digest_titles_wrap_instead_of_being_cut() -> None:
    head = ("#", "Title", "Author", "Outlet", "Date", "Read")
    rows = [
        ("Putin and Pezeshkian’s meeting in Ashgabat", "Vladimir Sazhin", "—", "2024-10-14", "7 min"),
        ("List of films featuring time loops", "—", "Wikimedia Foundation, Inc.", "2014-03-27", "6 min"),
    ]
    for width in (72, 60):  # 60: each column at its longest word
        lines = _table(head, rows, width)
        assert all(display_width(line) <= width for line in lines)
        text = " ".join(" ".join(lines).split())
        assert "…" not in text
        for row in rows:
            for word in " ".join(row).split():
                assert word in text


# --------------------------------------------------------------------------
# 3,000 rows: every format, within the limits


def test_a_table_is_held_to_block_chars_cell_by_cell() -> None:
    article = big_article(3000, cell="A rather longer cell of text, number")
    with limits.override(block_chars=1000):
        limits.check_article(article)  # the table is far over 1,000 characters, no cell is
    one_cell = Article(meta=Metadata(title="t"), body=(table(("a",), [("word " * 300,)]),))
    with limits.override(block_chars=1000), pytest.raises(LimitError):
        limits.check_article(one_cell)


@pytest.mark.slow
@pytest.mark.parametrize("to", ["txt", "md", "html", "json", "epub"])
def test_three_thousand_rows_convert(to: str) -> None:
    article = big_article(3000)
    limits.check_article(article)
    data = api.render(article, to).data
    if to == "epub":
        with zipfile.ZipFile(io.BytesIO(data)) as book:
            data = book.read("EPUB/chapter.xhtml")
    text = data.decode()
    assert "Item number 2999" in text and "After the table." in text


@pytest.mark.slow
@pytest.mark.parametrize("to", ["docx", "pdf"])
def test_three_thousand_rows_convert_to_books(to: str) -> None:
    article = big_article(3000)
    data = api.render(article, to).data
    if to == "pdf":
        texts = page_texts(data)
        assert "Item number 2999" in texts[-1] or "Item number 2999" in texts[-2]
        assert "A long table follows." in texts[0]
    else:
        assert data.startswith(b"PK")
