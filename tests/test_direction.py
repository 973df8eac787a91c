"""A direction the source declares (``<html dir>``, pandoc's ``dir``) wins over the language's."""

from __future__ import annotations

import re

import pytest

import convert
from convert.model import Article, Metadata, ModelError, Paragraph, Text, from_json, to_json

LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt."


def test_direction_round_trips_through_json() -> None:
    article = Article(Metadata(title="T", direction="rtl"), (Paragraph((Text(LOREM),)),))
    assert from_json(to_json(article)) == article
    assert to_json(article)["version"] == [1, 4]


def test_a_tree_of_version_1_0_still_reads() -> None:
    data = to_json(Article(Metadata(title="T"), (Paragraph((Text(LOREM),)),)))
    data["version"] = [1, 0]
    del data["meta"]["direction"]
    assert from_json(data).meta.direction is None


def test_only_ltr_or_rtl() -> None:
    with pytest.raises(ModelError):
        Metadata(direction="up")


def test_markdown_dir_gives_a_right_to_left_html() -> None:
    src = f"---\ntitle: Lorem\ndir: rtl\n---\n\n{LOREM}\n".encode()
    article = convert.read(src, from_="markdown")
    assert article.meta.direction == "rtl"
    page = convert.write(article, "html").decode()
    assert re.search(r'<html[^>]* dir="rtl"', page)


def test_declared_html_dir_gives_a_right_to_left_article() -> None:
    page = f'<!DOCTYPE html><html dir="rtl"><head><title>Lorem</title></head><body><article><h1>Lorem</h1><p>{LOREM}</p><p>{LOREM}</p><p>{LOREM}</p></article></body></html>'
    article = convert.read(page.encode(), from_="html")
    assert article.meta.direction == "rtl"
    assert re.search(r'<html[^>]* dir="rtl"', convert.write(article, "html").decode())


def test_no_declaration_follows_the_language() -> None:
    page = f"<!DOCTYPE html><html><head><title>Lorem</title></head><body><article><h1>Lorem</h1><p>{LOREM}</p><p>{LOREM}</p></article></body></html>"
    article = convert.read(page.encode(), from_="html")
    assert article.meta.direction is None
    assert not re.search(r'<html[^>]* dir="rtl"', convert.write(article, "html").decode())


def test_the_body_direction_wins_over_the_html_one() -> None:
    page = f'<!DOCTYPE html><html dir="ltr"><head><title>Lorem</title></head><body dir="rtl"><article><h1>Lorem</h1><p>{LOREM}</p><p>{LOREM}</p></article></body></html>'
    assert convert.read(page.encode(), from_="html").meta.direction == "rtl"
