"""CLDR's calendar names, kept in the user's cache folder, are Babel's (issue 18)."""

from __future__ import annotations

from pathlib import Path

import pytest

from convert import dates


@pytest.mark.parametrize(
    ("kind", "widths", "shortest"), [("months", ("wide", "abbreviated"), 3), ("days", ("short",), 2)]
)
def test_the_cached_calendar_names_are_babels(
    kind: str, widths: tuple[str, ...], shortest: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    direct = dates._calendar_names(kind, widths, shortest)
    dates.calendar_names.cache_clear()
    try:
        first = dates.calendar_names(kind, widths, shortest)  # computed, then stored
        stored = list(tmp_path.glob("calendar-*.json"))
        assert len(stored) == 1
        dates.calendar_names.cache_clear()
        again = dates.calendar_names(kind, widths, shortest)  # read back
        for found in (first, again):
            assert list(found) == list(direct)
            assert {k: set(v) for k, v in found.items()} == {k: set(v) for k, v in direct.items()}
            assert all(isinstance(v, tuple) for v in found.values())
            assert all(len(a) >= len(b) for v in found.values() for a, b in zip(v, v[1:], strict=False))
        stored[0].write_text("{not json", encoding="utf-8")  # a damaged copy is read from Babel again
        dates.calendar_names.cache_clear()
        assert {k: set(v) for k, v in dates.calendar_names(kind, widths, shortest).items()} == {
            k: set(v) for k, v in direct.items()
        }
    finally:
        dates.calendar_names.cache_clear()
    assert len(first) == (12 if kind == "months" else 7)


def test_the_cached_english_months_are_babels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    direct = dates._read_english_months()
    assert direct["Sept"] == 9 and direct["October"] == 10
    dates._english_months.cache_clear()
    try:
        assert dates._english_months() == direct  # read from Babel, then stored
        (stored,) = tmp_path.glob("months-en-*.json")
        dates._english_months.cache_clear()
        assert dates._english_months() == direct  # read back
        stored.write_text('["not", "a", "table"]', encoding="utf-8")  # another shape is read again
        dates._english_months.cache_clear()
        assert dates._english_months() == direct
    finally:
        dates._english_months.cache_clear()
