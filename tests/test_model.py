"""The article tree: JSON contract, schema, and the lossless round trip."""

from __future__ import annotations

import json
from importlib.resources import files

import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convert import model
from convert.model import (
    Article,
    Author,
    BlockQuote,
    Code,
    CodeBlock,
    Emph,
    Figure,
    Heading,
    LineBreak,
    Link,
    List,
    Math,
    Metadata,
    ModelError,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Rule,
    Source,
    Strong,
    Table,
    Text,
)

SCHEMA = json.loads(files("convert").joinpath("schema/article.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_schema_is_a_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)


def test_kitchen_sink_holds_every_node_type(kitchen_sink: Article) -> None:
    seen = {type(n) for n in model.walk(kitchen_sink.body)}
    for note in kitchen_sink.notes:
        seen |= {type(n) for n in model.walk(note.body)}
    assert seen == set(model.NODE_TYPES.values())


def test_top_level_and_meta_names_follow_the_contract(kitchen_sink: Article) -> None:
    data = model.to_json(kitchen_sink)
    assert list(data) == ["schema", "version", "meta", "body", "notes"]
    assert data["schema"] == "broadsheet.article"
    assert data["version"] == [1, 4]
    assert list(data["meta"]) == [
        "title", "subtitle", "authors", "published", "updated", "dateline", "publisher",
        "language", "description", "keywords", "url", "rights", "source", "identifier",
        "direction",  # API 1.1
        "dateline_dash",  # API 1.3
    ]  # fmt: skip
    assert data["meta"]["authors"][0] == {
        "name": "Ada Lovelace",
        "role": "Correspondent",
        "bio": "Ada Lovelace writes about engines.",
    }
    assert data["body"][0]["type"] == "paragraph"
    assert data["body"][0]["content"][0] == {"type": "text", "text": "Plain text with "}
    assert data["notes"][2] == {
        "id": "n3",
        "kind": "disclaimer",
        "body": [
            {
                "type": "paragraph",
                "content": [{"type": "text", "text": "The views expressed are the author’s own."}],
            }
        ],
    }


def test_kitchen_sink_validates_and_round_trips(kitchen_sink: Article) -> None:
    data = model.to_json(kitchen_sink)
    VALIDATOR.validate(data)
    again = json.loads(json.dumps(data))
    assert model.from_json(again) == kitchen_sink


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "JSON object"),
        ({"schema": "other"}, "not a broadsheet article"),
        ({"schema": "broadsheet.article", "version": [2, 0]}, "version 2.0"),
        ({"schema": "broadsheet.article", "version": [1, 9]}, "version 1.9"),
        ({"schema": "broadsheet.article", "version": "1.0"}, "must be [major, minor]"),
        ({"schema": "broadsheet.article", "version": [1, 0], "meta": {"nope": 1}}, "unknown meta"),
        (
            {"schema": "broadsheet.article", "version": [1, 0], "meta": {}, "body": [{"type": "video"}]},
            "unknown block type",
        ),
        (
            {"schema": "broadsheet.article", "version": [1, 0], "body": [{"type": "text", "text": "x"}]},
            "unknown block type",
        ),
        (
            {
                "schema": "broadsheet.article",
                "version": [1, 0],
                "body": [{"type": "heading", "level": 9, "content": []}],
            },
            "heading level",
        ),
        (
            {
                "schema": "broadsheet.article",
                "version": [1, 0],
                "body": [{"type": "paragraph", "content": [], "x": 1}],
            },
            "no field 'x'",
        ),
    ],
)
def test_malformed_json_is_refused_with_a_reason(data: object, message: str) -> None:
    with pytest.raises(ModelError, match=message.replace("[", r"\[").replace("]", r"\]")):
        model.from_json(data)


def test_plain_text_joins_blocks_and_skips_note_refs(kitchen_sink: Article) -> None:
    assert model.plain_text(kitchen_sink.body[0]).endswith("a link and a note.")
    assert model.plain_text((Paragraph((Text("a"),)), Paragraph((Text("b"),)))) == "a\n\nb"


def test_nodes_are_frozen_and_hashable() -> None:
    p = Paragraph((Text("x"),))
    with pytest.raises(AttributeError):
        p.content = ()  # type: ignore[misc]
    assert hash(p) == hash(Paragraph((Text("x"),)))


# -- the round trip over random trees -------------------------------------

texts = st.text(max_size=20)
opt_texts = st.none() | texts
iso_dates = st.none() | st.sampled_from(["2024-10-14", "2024-10-14T22:37:00", "2024-10-14T22:37:00+03:00"])


def inline_strategy() -> st.SearchStrategy[object]:
    leaves = st.one_of(
        st.builds(Text, texts),
        st.builds(Code, texts),
        st.just(LineBreak()),
        st.builds(Math, texts, st.booleans()),
        st.builds(NoteRef, st.sampled_from(["n1", "n2"])),
    )

    def extend(children: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
        runs = st.lists(children, max_size=3).map(tuple)
        return st.one_of(
            st.builds(Emph, runs),
            st.builds(Strong, runs),
            st.builds(Link, runs, texts, opt_texts),
            st.builds(
                Quote, runs, opt_texts, st.none() | st.sampled_from([("«", "»"), ("“ ", " ”"), ("„", "")])
            ),
        )

    return st.recursive(leaves, extend, max_leaves=6)


inlines = st.lists(inline_strategy(), max_size=4).map(tuple)


def block_strategy() -> st.SearchStrategy[object]:
    leaves = st.one_of(
        st.builds(Paragraph, inlines),
        st.builds(Heading, st.integers(1, 6), inlines, opt_texts),
        st.builds(Figure, texts, texts, inlines, opt_texts),
        st.builds(CodeBlock, texts, opt_texts),
        st.just(Rule()),
        st.builds(
            Table,
            st.lists(st.lists(inlines, max_size=2).map(tuple), max_size=1).map(tuple),
            st.lists(st.lists(inlines, max_size=2).map(tuple), max_size=2).map(tuple),
            inlines,
        ),
    )

    def extend(children: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
        blocks = st.lists(children, max_size=2).map(tuple)
        return st.one_of(
            st.builds(BlockQuote, blocks, inlines),
            st.builds(List, st.lists(blocks, max_size=2).map(tuple), st.booleans(), st.integers(0, 5)),
        )

    return st.recursive(leaves, extend, max_leaves=5)


blocks = st.lists(block_strategy(), max_size=4).map(tuple)

articles = st.builds(
    Article,
    meta=st.builds(
        Metadata,
        title=opt_texts,
        subtitle=opt_texts,
        authors=st.lists(st.builds(Author, texts.filter(bool), opt_texts, opt_texts), max_size=2).map(tuple),
        published=iso_dates,
        updated=iso_dates,
        dateline=opt_texts,
        publisher=opt_texts,
        language=st.none() | st.sampled_from(["en", "en-GB", "ru", "fr"]),
        description=opt_texts,
        keywords=st.lists(texts, max_size=3).map(tuple),
        url=opt_texts,
        rights=opt_texts,
        source=st.none() | st.builds(Source, opt_texts, opt_texts, st.none() | st.just("a" * 64)),
        identifier=opt_texts,
    ),
    body=blocks,
    notes=st.lists(st.builds(Note, texts, st.sampled_from(model.NOTE_KINDS), blocks), max_size=2).map(tuple),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles)
@pytest.mark.slow
def test_json_round_trip_is_the_identity(article: Article) -> None:
    data = model.to_json(article)
    VALIDATOR.validate(data)
    text = json.dumps(data, ensure_ascii=False)
    assert model.from_json(json.loads(text)) == article
