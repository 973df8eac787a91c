"""The plugin contract, kept by a real plugin package: ``tests/plugins/broadsheet-note``.

The package is installed into the test environment (``nox -s tests`` does
it: ``pip install --no-deps --no-build-isolation -e tests/plugins/broadsheet-note``)
and registers a ``note`` reader and exporter through the entry points only.
Every test here goes through Broadsheet's front doors -- the CLI, the API
and the registry -- with no registration by hand. Without the package the
tests skip, except in CI (``CI`` set), where they fail.
"""

from __future__ import annotations

import os
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

import pytest
from click.testing import CliRunner

import convert
from convert import api, model
from convert.base import ExportOptions, ExportResult, collect_warnings
from convert.cli import cli
from convert.registry import exporters, readers
from convert.theme import load_theme

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "tests" / "plugins" / "broadsheet-note"
INSTALL = f"pip install --no-deps --no-build-isolation -e {PLUGIN.relative_to(ROOT)}"


def _installed() -> bool:
    try:
        distribution("broadsheet-note")
    except PackageNotFoundError:
        return False
    return True


@pytest.fixture
def need_plugin() -> None:
    if _installed():
        return
    if os.environ.get("CI"):
        pytest.fail(f"the example plugin is not installed; run: {INSTALL}")
    pytest.skip(f"the example plugin is not installed ({INSTALL})")


NOTE = """Title: Harbour notes
Author: A. Writer
Date: 2024-05-01

The ferry was late again, and the harbour master said so to everyone who asked.

# Later

It came at noon, with the post and a crate of oranges.
"""


@pytest.fixture
def folder(tmp_path: Path, sample_path: Path) -> Path:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "harbour.note").write_text(NOTE, encoding="utf-8")
    (src / "sub" / "oped.txt").write_bytes(sample_path.read_bytes())
    return src


@pytest.mark.usefixtures("need_plugin")
def test_formats_lists_the_plugin_as_input_and_output() -> None:
    result = CliRunner().invoke(cli, ["formats"])
    assert result.exit_code == 0, result.output
    inputs, outputs = result.output.split("Output formats")
    assert any(line.split()[:1] == ["note"] and "a .note file" in line for line in inputs.splitlines())
    assert any(line.split()[:1] == ["note"] and "example plugin" in line for line in outputs.splitlines())
    assert api.reader_extensions()[".note"] == "note"


@pytest.mark.usefixtures("need_plugin")
def test_read_and_write_through_the_api(tmp_path: Path) -> None:
    path = tmp_path / "harbour.note"
    path.write_text(NOTE, encoding="utf-8")
    article = convert.read(path)
    assert article.meta.title == "Harbour notes"
    assert [a.name for a in article.meta.authors] == ["A. Writer"]
    assert article.meta.source is not None and article.meta.source.format == "note"
    assert isinstance(article.body[1], model.Heading)
    # The plugin's optional sniff() names the format of bytes with no file name.
    assert api.sniff(NOTE.encode()) == "note"
    assert api.sniff(NOTE.encode(), Path("x.txt")) == "text"  # the ending settles it first
    data = convert.write(article, "note")
    assert isinstance(data, bytes)
    again = convert.read(data, name="again.note")
    assert again.meta.title == article.meta.title
    assert model.plain_text(again.body) == model.plain_text(article.body)
    out = convert.write(article, "html", tmp_path / "harbour.html")
    assert out == tmp_path / "harbour.html" and b"Harbour notes" in out.read_bytes()


@pytest.mark.usefixtures("need_plugin")
def test_plugin_warnings_reach_the_caller(kitchen_sink: model.Article) -> None:
    assert any(isinstance(b, model.Figure) for b in kitchen_sink.body)
    with collect_warnings() as found:
        exporters.get("note").export(kitchen_sink, load_theme("default"), ExportOptions())
    assert found and all(line.startswith("note: left out the image ") for line in found)


@pytest.mark.slow
@pytest.mark.usefixtures("need_plugin")
def test_convert_folder_reads_and_writes_notes(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["convert", str(folder), "--to", "note,txt", "-o", str(out), "-j", "1"])
    assert result.exit_code == 0, result.output
    written = sorted(
        p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file() and not p.name.startswith(".")
    )
    assert written == ["harbour.note", "harbour.txt", "sub/oped.note", "sub/oped.txt"]
    assert "Harbour notes" in (out / "harbour.txt").read_text(encoding="utf-8")
    oped = convert.read(out / "sub" / "oped.note")
    assert oped.meta.title == convert.read(folder / "sub" / "oped.txt").meta.title


@pytest.mark.usefixtures("need_plugin")
def test_bundle_makes_a_note_book_through_export_many(folder: Path, tmp_path: Path) -> None:
    book = tmp_path / "book.note"
    args = ["bundle", str(folder), "--to", "note", "-o", str(book), "--title", "Two pieces"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    text = book.read_text(encoding="utf-8")
    assert text.startswith("Title: Two pieces\n")
    oped = convert.read(folder / "sub" / "oped.txt").meta.title
    assert text.index("# Harbour notes") < text.index(f"# {oped}")


@pytest.mark.usefixtures("need_plugin")
def test_bundle_names_the_formats_that_can_bundle(folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["bundle", str(folder), "--to", "txt", "-o", str(tmp_path / "b.txt")])
    assert result.exit_code == 2
    [line] = result.output.strip().splitlines()
    assert "cannot bundle as 'txt'" in line
    assert "azw3, docx, epub, kepub, note, pdf" in line


def test_registrations_do_not_leak_between_tests_first() -> None:
    class Scratch:
        name = "scratch"
        extensions = (".scratch",)
        description = "only in this test"

        def read(self, data: bytes, options: object) -> model.Article:
            return model.Article()

    readers.register("scratch", Scratch)  # type: ignore[arg-type]
    assert "scratch" in readers.names()


def test_registrations_do_not_leak_between_tests_second() -> None:
    assert "scratch" not in readers.names()


# -- warnings as values ---------------------------------------------------------


def _remote_figure(n: int) -> model.Article:
    url = f"http://127.0.0.2/{n}.png"
    return model.Article(meta=model.Metadata(title=f"T{n}"), body=(model.Figure(url, alt=f"alt {n}"),))


def test_render_returns_the_exporters_warnings_as_values() -> None:
    result = convert.render(_remote_figure(1), "html")
    assert isinstance(result, ExportResult) and result.data.startswith(b"<!DOCTYPE html>")
    assert result.warnings == (
        "html: skipped image http://127.0.0.2/1.png (remote resources are off: --allow-remote)",
    )
    assert convert.write(_remote_figure(1), "html") == result.data  # the bytes alone
    with collect_warnings() as outer:
        convert.render(_remote_figure(2), "html")
    assert outer == []  # render keeps its own; nothing leaks to an enclosing collector


def test_each_thread_collects_its_own_warnings() -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(4) as pool:
        results = list(pool.map(lambda n: convert.render(_remote_figure(n), "html"), range(8)))
    for n, result in enumerate(results):
        assert [w.split()[3] for w in result.warnings] == [f"http://127.0.0.2/{n}.png"]


def test_convert_hands_exporter_warnings_to_the_callers_list(tmp_path: Path) -> None:
    src = tmp_path / "a.json"
    src.write_bytes(api.to_json_bytes(_remote_figure(3)))
    found: list[str] = []
    convert.convert(src, tmp_path / "out", to=["html", "txt"], warnings=found)
    assert found == ["html: skipped image http://127.0.0.2/3.png (remote resources are off: --allow-remote)"]
