"""A folder walk takes what single conversion takes; text with a stray legacy paragraph is repaired."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import ClassVar

import pytest

from convert import api, model
from convert.base import ReadOptions
from convert.batch.plan import input_suffixes, plan
from convert.batch.report import BatchReport
from convert.errors import InputError
from convert.io import decode_text
from convert.registry import readers


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "convert", *map(str, args)], capture_output=True, text=True, timeout=180
    )


# -- the walk ------------------------------------------------------------------


def test_walk_takes_every_readers_endings() -> None:
    suffixes = input_suffixes()
    for name in readers.names():
        assert set(readers.get_class(name).extensions) <= suffixes
    assert {".sgm", ".txt", ".md", ".html", ".docx", ".tex"} <= suffixes


class XyzReader:
    """A plugin reader, as a package would add through the ``broadsheet.readers`` entry point."""

    name: ClassVar[str] = "xyz-test"
    extensions: ClassVar[tuple[str, ...]] = (".xyz",)
    description: ClassVar[str] = "test-only"

    def read(self, data: bytes, options: ReadOptions) -> model.Article:
        text = data.decode()
        return model.Article(meta=model.Metadata(title=text), body=(model.Paragraph((model.Text(text),)),))


def test_walk_takes_a_plugin_readers_files_and_lists_what_it_passes_over(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text("Title\n\nBody.\n")
    (src / "sub" / "wire.sgm").write_text("<REUTERS><TITLE>T</TITLE><BODY>Body.</BODY></REUTERS>\n")
    (src / "b.xyz").write_text("plugin")
    (src / "style.css").write_text("body {}\n")
    (src / "scan.pdf").write_bytes(b"%PDF-1.4\n")
    (src / "README").write_text("notes\n")
    ignored: list[tuple[str, str]] = []
    before = [job.rel for job in plan([src], tmp_path / "out", ["txt"], ignored=ignored)]
    assert before == ["a.txt", "sub/wire.sgm"]
    assert [rel for rel, _why in ignored] == ["README", "b.xyz", "scan.pdf", "style.css"]
    reasons = dict(ignored)
    assert reasons["scan.pdf"] == "a PDF, not an article"
    assert (
        reasons["style.css"] == "no reader claims .css files (--include '*.css' takes them in, read as text)"
    )
    readers.register("xyz-test", XyzReader)
    try:
        ignored.clear()
        after = [job.rel for job in plan([src], tmp_path / "out", ["txt"], ignored=ignored)]
        assert after == ["a.txt", "b.xyz", "sub/wire.sgm"]
        assert api.sniff(b"plugin", Path("b.xyz")) == "xyz-test"
    finally:
        readers._classes.pop("xyz-test", None)
        readers._instances.pop("xyz-test", None)


def test_batch_report_and_summary_name_the_skipped_files(tmp_path: Path, sample_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.sgm").write_bytes(sample_path.read_bytes())
    (src / "style.css").write_text("body {}\n")
    report = tmp_path / "report.json"
    result = run("convert", src, "--to", "txt", "-o", tmp_path / "out", "--report", report, "-j", "1")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "out" / "a.txt").is_file()  # .sgm converts in a folder as it does alone
    doc = json.loads(report.read_text())
    assert doc["ignored"] == [
        {
            "path": "style.css",
            "reason": "no reader claims .css files (--include '*.css' takes them in, read as text)",
        }
    ]
    assert "ignored    1  (files no reader claims: 1 .css; --report lists each and why)" in result.stderr


def test_no_inputs_error_says_what_was_passed_over(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "x.pdf").write_bytes(b"%PDF-1.7\n")
    result = run("convert", tmp_path / "in", "--to", "txt", "-o", tmp_path / "out")
    assert result.returncode == 3
    assert "passed over x.pdf: a PDF, not an article" in result.stderr


def test_summary_without_ignored_files_is_unchanged() -> None:
    assert "ignored" not in BatchReport(out="o", formats=("txt",), workers=1).summary()


# -- encodings -----------------------------------------------------------------

UTF8_PARTS = (
    "By Jane Doe\n\nA “quoted” title\n\nFirst paragraph: café — in UTF-8.\n\n",
    "Back in UTF-8 – “quotes”.\n",
)
LEGACY = "Pasted from an old file: naïve résumé, déjà vu, 5 €.\n\n"


def test_utf8_with_one_cp1252_paragraph_is_repaired_with_a_warning() -> None:
    data = UTF8_PARTS[0].encode() + LEGACY.encode("cp1252") + UTF8_PARTS[1].encode()
    warnings: list[str] = []
    assert decode_text(data, warnings) == UTF8_PARTS[0] + LEGACY + UTF8_PARTS[1]
    assert warnings == ["line 7: not UTF-8, read as cp1252"]


def test_several_odd_lines_are_named_and_counted() -> None:
    lines = [f"Ligne {i}: un café à Paris, naïve résumé, déjà vu, l’été.".encode("cp1252") for i in range(8)]
    data = "Title — UTF-8\n".encode() + b"\n".join(lines)
    warnings: list[str] = []
    decode_text(data, warnings)
    assert warnings == ["lines 2, 3, 4, 5, 6 and 3 more: not UTF-8, read as cp1252"]


def test_a_line_mixing_both_keeps_its_utf8() -> None:
    line = "“Quoted” in UTF-8, then ".encode() + "a pasted café, naïve, déjà vu, à la carte".encode("cp1252")
    data = "Title — UTF-8\n\n".encode() + line + b"\n"
    assert (
        decode_text(data, [])
        == "Title — UTF-8\n\n“Quoted” in UTF-8, then a pasted café, naïve, déjà vu, à la carte\n"
    )


def test_html_with_a_pasted_legacy_line_is_repaired() -> None:
    from convert.readers.html import decode_html

    page = '<html><head><meta charset="utf-8"><title>Ein schöner Tag</title></head>\n<body>\n'.encode()
    page += "<p>Sch\xf6ne Grüße aus München, sagte er.</p>\n".encode("cp1252") + b"</body></html>\n"
    warnings: list[str] = []
    assert "<p>Schöne Grüße aus München, sagte er.</p>" in decode_html(page, warnings)
    assert warnings == ["line 3: not UTF-8, read as cp1252"]


def test_odd_lines_too_short_to_tell_read_as_windows_1252() -> None:
    data = "Title — in UTF-8\n\n".encode() + b"\x93Hi\x94\n"
    warnings: list[str] = []
    assert decode_text(data, warnings) == "Title — in UTF-8\n\n“Hi”\n"
    assert warnings == ["line 3: not UTF-8, read as cp1252"]


def test_a_wholly_legacy_file_is_still_detected_without_a_warning() -> None:
    text = "Un café à Paris: naïve résumé, déjà vu, l’été. " * 4
    warnings: list[str] = []
    assert decode_text(text.encode("cp1252"), warnings) == text
    cyrillic = "Москва — столица России, крупнейший город страны. " * 3
    assert decode_text(cyrillic.encode("cp1251"), warnings) == cyrillic
    assert warnings == []


def test_binary_is_still_refused() -> None:
    with pytest.raises(InputError, match="not a text file"):
        decode_text(bytes(range(256)) * 8)


def test_the_command_line_prints_the_warning_with_the_file(tmp_path: Path) -> None:
    src = tmp_path / "mixed.md"
    src.write_bytes(UTF8_PARTS[0].encode() + LEGACY.encode("cp1252") + UTF8_PARTS[1].encode())
    result = run("convert", src, "--to", "txt", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert f"warning: {src}: line 7: not UTF-8, read as cp1252" in result.stderr.splitlines()
    assert "naïve résumé, déjà vu, 5 €" in result.stdout
