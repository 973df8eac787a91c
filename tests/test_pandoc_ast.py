"""The pandoc bridge: Article ↔ pandoc JSON, checked against the bundled pandoc itself."""

from __future__ import annotations

import json
from typing import Any

import pytest

from convert import pandoc_run
from convert.dates import to_iso as iso_date
from convert.errors import ExportError, InputError
from convert.model import (
    Article,
    Author,
    BlockQuote,
    Emph,
    Heading,
    LineBreak,
    List,
    Math,
    Metadata,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
    replace,
)
from convert.pandoc_ast import article_to_pandoc, pandoc_to_article, text_inlines


def _without_source(article: Article) -> Article:
    result: Article = replace(article, meta=replace(article.meta, source=None))
    return result


def _tags(node: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(node, dict):
        if isinstance(node.get("t"), str):
            found.add(node["t"])
        for value in node.values():
            found |= _tags(value)
    elif isinstance(node, list):
        for value in node:
            found |= _tags(value)
    return found


def _from_markdown(text: str) -> Article:
    return pandoc_to_article(pandoc_run.read_json(text.encode(), "markdown"))


# -- Article -> pandoc ------------------------------------------------------


def test_api_version_is_the_bundled_pandocs() -> None:
    empty = json.loads(pandoc_run.run(["-f", "markdown", "-t", "json"], b""))
    assert tuple(empty["pandoc-api-version"]) == pandoc_run.api_version()
    assert pandoc_run.api_version()[:2] >= (1, 23)


def test_kitchen_sink_maps_to_every_pandoc_node(kitchen_sink: Article) -> None:
    doc = article_to_pandoc(kitchen_sink)
    assert doc["pandoc-api-version"] == list(pandoc_run.api_version())
    expected = {
        "Para", "Plain", "Header", "BlockQuote", "BulletList", "OrderedList", "Figure", "Image", "Table",
        "CodeBlock", "HorizontalRule", "Str", "Space", "Emph", "Strong", "Link", "Code", "LineBreak",
        "Quoted", "DoubleQuote", "Note", "Div", "Span", "Math", "InlineMath", "DisplayMath",
    }  # fmt: skip
    assert expected <= _tags(doc["blocks"])


def test_metadata_keys(kitchen_sink: Article) -> None:
    meta = article_to_pandoc(kitchen_sink)["meta"]
    for key in (
        "title",
        "subtitle",
        "author",
        "date",
        "lang",
        "description",
        "keywords",
        "rights",
        "publisher",
    ):
        assert key in meta, key
    assert [m["c"][0]["c"] for m in meta["author"]["c"]] == ["Ada", "Charles"]
    assert meta["date"] == {
        "t": "MetaString",
        "c": "October 14, 2024, 10:37\u202fPM",
    }  # as every format shows it
    assert meta["published"] == {"t": "MetaString", "c": "2024-10-14T22:37:00"}
    assert "source" not in meta


def test_kitchen_sink_round_trips_through_json(kitchen_sink: Article) -> None:
    doc = json.loads(json.dumps(article_to_pandoc(kitchen_sink)))
    assert pandoc_to_article(doc) == _without_source(kitchen_sink)


def test_kitchen_sink_round_trips_through_pandoc(kitchen_sink: Article) -> None:
    # pandoc parses our JSON and writes its own back: the structure is valid pandoc 3.
    out = pandoc_run.run(["-f", "json", "-t", "json"], json.dumps(article_to_pandoc(kitchen_sink)).encode())
    assert pandoc_to_article(json.loads(out)) == _without_source(kitchen_sink)


def test_text_splits_on_ascii_spaces_only() -> None:
    assert text_inlines("a b\u00a0c\n d ") == [
        {"t": "Str", "c": "a"},
        {"t": "Space"},
        {"t": "Str", "c": "b\u00a0c"},
        {"t": "SoftBreak"},
        {"t": "Str", "c": "d"},
        {"t": "Space"},
    ]


def test_nested_quotes_alternate_marks() -> None:
    art = Article(body=(Paragraph((Quote((Text("a "), Quote((Text("b"),)))),)),))
    para = article_to_pandoc(art)["blocks"][0]
    outer = para["c"][0]
    assert outer["c"][0]["t"] == "DoubleQuote"
    assert outer["c"][1][-1]["c"][0]["t"] == "SingleQuote"
    assert pandoc_to_article(article_to_pandoc(art)) == art


def test_referenced_note_of_another_kind_keeps_its_kind() -> None:
    art = Article(
        body=(Paragraph((Text("x"), NoteRef("a"))),),
        notes=(Note("a", "author-note", (Paragraph((Text("said so"),)),)),),
    )
    doc = article_to_pandoc(art)
    assert "Note" in _tags(doc["blocks"])
    assert pandoc_to_article(doc) == art


def test_dangling_note_ref_is_dropped() -> None:
    art = Article(body=(Paragraph((Text("x"), NoteRef("missing"))),))
    assert "Note" not in _tags(article_to_pandoc(art)["blocks"])


def test_ragged_table_is_padded() -> None:
    art = Article(body=(Table(head=(((Text("a"),), (Text("b"),)),), rows=(((Text("1"),),),)),))
    back = pandoc_to_article(article_to_pandoc(art))
    assert back.body == (Table(head=(((Text("a"),), (Text("b"),)),), rows=(((Text("1"),), ()),)),)


# -- pandoc -> Article ------------------------------------------------------


def test_footnotes_become_numbered_notes() -> None:
    art = _from_markdown("One.[^x] Two.[^y]\n\n[^x]: First.\n[^y]: Second.\n")
    assert art.body == (Paragraph((Text("One."), NoteRef("n1"), Text(" Two."), NoteRef("n2"))),)
    assert [(n.id, n.kind, n.body) for n in art.notes] == [
        ("n1", "footnote", (Paragraph((Text("First."),)),)),
        ("n2", "footnote", (Paragraph((Text("Second."),)),)),
    ]


def test_math_keeps_its_tex_and_whether_it_is_displayed() -> None:
    art = _from_markdown("Energy $E = mc^2$ and\n\n$$\\int_0^1 x\\,dx$$\n")
    assert art.body == (
        Paragraph((Text("Energy "), Math("E = mc^2"), Text(" and"))),
        Paragraph((Math("\\int_0^1 x\\,dx", display=True),)),
    )
    back = pandoc_to_article(article_to_pandoc(art))
    assert back.body == art.body


def test_unknown_nodes_degrade_gracefully() -> None:
    src = "\n\n".join(
        [
            "::: {.aside}\nInside a div with [a span]{.x} and $x^2$.\n:::",
            "<!-- a raw html block -->",
            "Term\n:   Definition one.",
            "| line one\n| line two",
            "~~gone~~ [small]{.smallcaps} H~2~O x^2^ [under]{.underline} [see @doe2020]",
            "```{=latex}\n\\newpage\n```",
        ]
    )
    art = _from_markdown(src)
    assert art.body == (
        Paragraph((Text("Inside a div with a span and "), Math("x^2"), Text("."))),
        Paragraph((Strong((Text("Term"),)),)),
        Paragraph((Text("Definition one."),)),
        Paragraph((Text("line one"), LineBreak(), Text("line two"))),
        Paragraph((Text("gone small H2O x2 under [see @doe2020]"),)),
    )


def test_metadata_from_yaml() -> None:
    art = _from_markdown(
        "---\ntitle: A *title*\nauthor: [Jane Roe, John Doe]\ndate: 14 October 2024\n"
        "lang: de\nkeywords: a, b\nabstract: Short.\n---\n\nBody.\n"
    )
    assert art.meta == Metadata(
        title="A title",
        authors=(Author("Jane Roe"), Author("John Doe")),
        published="2024-10-14",
        language="de",
        description="Short.",
        keywords=("a", "b"),
    )


def test_iso_dates() -> None:
    assert iso_date("2024-10-14T22:37:00+03:00") == "2024-10-14T22:37:00+03:00"
    assert iso_date("October 14, 2024") == "2024-10-14"
    assert iso_date("next Tuesday") is None


def test_attribution_and_bio_found_without_divs() -> None:
    # What a DOCX gives back: no classes, only the text we wrote.
    art = _from_markdown(
        "---\nauthor: Jane Roe\n---\n\n> Quoted words.\n>\n> — A. Speaker\n\n"
        "## About the author\n\nJane Roe writes.\n"
    )
    assert art.body == (BlockQuote((Paragraph((Text("Quoted words."),)),), (Text("A. Speaker"),)),)
    assert art.meta.authors == (Author("Jane Roe", bio="Jane Roe writes."),)


def test_speaker_span_and_lists() -> None:
    art = _from_markdown('He said ["no"]{data-speaker="Jane"} *twice*.\n\n3. a\n4. b\n')
    assert art.body == (
        Paragraph(
            (Text("He said "), Quote((Text("no"),), "Jane"), Text(" "), Emph((Text("twice"),)), Text("."))
        ),
        List(((Paragraph((Text("a"),)),), (Paragraph((Text("b"),)),)), ordered=True, start=3),
    )


def test_headings_are_clamped_and_keep_ids() -> None:
    art = pandoc_to_article(
        {
            "pandoc-api-version": [1, 23],
            "meta": {},
            "blocks": [{"t": "Header", "c": [9, ["deep", [], []], [{"t": "Str", "c": "x"}]]}],
        }  # fmt: skip
    )
    assert art.body == (Heading(6, (Text("x"),), "deep"),)


@pytest.mark.parametrize(
    "doc",
    [
        "not a dict",
        {"meta": {}},
        {"pandoc-api-version": [2, 0], "blocks": []},
        {"blocks": [{"t": "Para", "c": 5}]},
    ],
)
def test_malformed_documents_raise_input_error(doc: Any) -> None:
    with pytest.raises(InputError):
        pandoc_to_article(doc)


def test_pandoc_failure_is_one_line() -> None:
    with pytest.raises(ExportError) as info:
        pandoc_run.run(["-f", "json", "-t", "markdown"], b"{not json")
    assert "\n" not in str(info.value) and str(info.value).startswith("pandoc failed:")


def test_pandoc_timeout() -> None:
    with pytest.raises(InputError, match="longer than"):
        pandoc_run.read_json(b"x " * 2_000_000, "markdown", timeout=0.01)
