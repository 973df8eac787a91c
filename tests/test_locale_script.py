"""The plain-text fast paths of :mod:`convert.locale.script` give what the libraries give."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fontTools import unicodedata as ucd
from wcwidth import wcswidth, wcwidth

from convert.locale import script

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "ashgabat-oped.txt"


def narrow_chars() -> list[str]:
    return [chr(c) for c in range(0x110000) if script._NARROW.fullmatch(chr(c))]


def test_every_narrow_character_is_one_column_and_breaks_no_cjk_way() -> None:
    chars = narrow_chars()
    assert len(chars) > 700  # printable ASCII, Latin-1 and on, general punctuation
    assert [c for c in chars if wcwidth(c) != 1] == []
    assert [c for c in chars if ucd.script(c) in script.UNSPACED_SCRIPTS] == []
    assert not script._NARROW.fullmatch("a\tb") and not script._NARROW.fullmatch("漢")


def test_display_width_fast_path_agrees_with_wcwidth() -> None:
    text = SAMPLE.read_text(encoding="utf-8")
    assert script._NARROW.fullmatch(text.replace("\n", " "))  # the sample takes the fast path
    for line in text.splitlines():
        assert script.display_width(line) == wcswidth(line)


@pytest.mark.parametrize("width", [20, 33, 72])
def test_wrap_without_the_fast_path_gives_the_same_lines(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    paragraphs = [p for p in SAMPLE.read_text(encoding="utf-8").split("\n\n") if p.strip()]
    paragraphs.append("co-op don’t — “quoted” … 2024–25 naïve façade x/y 中文的句子，没有空格。")
    # a narrow text's own split (the whole text checked once): leading, doubled and trailing spaces,
    # a word longer than the line, tabs, line breaks
    paragraphs += ["  indented start", "a  b   c ", "x" * 90 + " tail", "one\ttwo\nthree\r\nfour " * 9]
    fast = [script.wrap(p, width, initial_indent="» ", subsequent_indent="  ") for p in paragraphs]
    monkeypatch.setattr(script, "_NARROW", re.compile(r"(?!)"))
    slow = [script.wrap(p, width, initial_indent="» ", subsequent_indent="  ") for p in paragraphs]
    assert fast == slow
    assert any(len(lines) > 1 for lines in fast)


def test_a_bare_languages_character_order_is_its_likely_scripts_direction() -> None:
    from babel import localedata
    from babel.core import get_global

    bare = {i for i in {*localedata.locale_identifiers(), *get_global("likely_subtags")} if i.isalpha()}
    checked = 0
    for tag in sorted(bare):
        loc = script._locale(tag)
        if loc is not None and loc.character_order and str(loc) == tag:
            checked += 1
            assert script._tag_rtl(tag) == script._script_tag_rtl(tag, loc), tag
    assert checked > 150
    assert script.is_rtl("ar") and script.is_rtl("he") and not script.is_rtl("en")
    assert script.is_rtl("az-Arab") and not script.is_rtl("az")


def test_counting_and_joining_agree_with_and_without_the_fast_path(monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [
        SAMPLE.read_text(encoding="utf-8"),
        "Café “naïve” — 東京は日本の首都です。 ภาษาไทย ไม่มี ช่องว่าง … co-op’s",
    ]
    parts = ["東京です。", "大阪です。", "Then — English.", "「引用」", "naïve…"]
    fast = [(script._counts(t), script.reading_minutes(t)) for t in texts], script.join_sentences(parts)
    monkeypatch.setattr(script, "_NARROW", re.compile(r"(?!)"))
    slow = [(script._counts(t), script.reading_minutes(t)) for t in texts], script.join_sentences(parts)
    assert fast == slow
    assert fast[1].startswith("東京です。大阪です。 Then")
