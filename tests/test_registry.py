"""The built-in format table agrees with the entry points and with the classes it stands for."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from convert import api
from convert.errors import UnknownFormatError
from convert.registry import BUILTIN_EXPORTERS, BUILTIN_READERS, Registry, exporters, readers

ROOT = Path(__file__).resolve().parents[1]
ENTRY_POINTS = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["entry-points"]


@pytest.mark.parametrize(
    ("group", "table"), [("broadsheet.readers", BUILTIN_READERS), ("broadsheet.exporters", BUILTIN_EXPORTERS)]
)
def test_the_table_is_the_entry_points_of_pyproject(group: str, table: dict[str, object]) -> None:
    assert {name: b.target for name, b in table.items()} == ENTRY_POINTS[group]  # type: ignore[attr-defined]


@pytest.mark.parametrize("name", sorted(BUILTIN_READERS))
def test_a_readers_row_says_what_its_class_says(name: str) -> None:
    cls = readers.get_class(name)
    row = BUILTIN_READERS[name]
    assert (row.description, row.extensions) == (cls.description, tuple(cls.extensions))
    # api.sniff never imports a built-in reader to ask whether it sniffs: none may.
    assert not callable(getattr(cls, "sniff", None))


@pytest.mark.parametrize("name", sorted(BUILTIN_EXPORTERS))
def test_an_exporters_row_says_what_its_class_says(name: str) -> None:
    cls = exporters.get_class(name)
    row = BUILTIN_EXPORTERS[name]
    assert (row.description, row.extension) == (cls.description, cls.extension)


def test_a_registered_class_comes_before_the_table() -> None:
    class Other:
        name = "text"
        extensions = (".txt", ".other")
        description = "replaces the text reader"

    readers.register("text", Other, override=True)  # type: ignore[arg-type]
    assert readers.get_class("text") is Other
    assert readers.description("text") == "replaces the text reader"
    assert readers.claimed(".other") == "text"
    assert api.reader_extensions()[".other"] == "text"


def test_names_are_checked_without_importing_a_format() -> None:
    reg: Registry[object] = Registry("broadsheet.nothing-here", "output", BUILTIN_EXPORTERS)  # type: ignore[type-var]
    reg.check("PDF")
    assert reg.extension("brief") == "brief.txt" and not reg._loaded
    with pytest.raises(UnknownFormatError) as err:
        reg.check("doc")
    assert "known output formats: azw3, brief, brief.json, docx" in str(err.value)


def test_a_built_in_ending_is_claimed_without_a_scan() -> None:
    reg: Registry[object] = Registry("broadsheet.nothing-here", "input", BUILTIN_READERS)  # type: ignore[type-var]
    assert reg.claimed(".TXT") == "text" and reg.claimed(".md") == "markdown"
    assert reg.claimed(".note") is None
    assert reg._entry_points is None  # the entry points were never scanned
