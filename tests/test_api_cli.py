"""The Python API and the command line, end to end on the sample."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import convert
from convert import api, model
from convert.cli import cli
from convert.errors import InputError, UsageError

SAMPLE_TITLE = "Putin and Pezeshkian’s meeting in Ashgabat"


def run(*args: str, input: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "convert", *args], input=input, capture_output=True, timeout=120
    )


# -- API ------------------------------------------------------------------


def test_read_path_and_bytes_give_the_same_tree(sample_path: Path) -> None:
    from_path = convert.read(sample_path)
    from_bytes = convert.read(sample_path.read_bytes(), name=str(sample_path))
    assert from_path.body == from_bytes.body
    assert from_path.meta.identifier == from_bytes.meta.identifier
    assert from_path.meta.source is not None
    assert from_path.meta.source.format == "text"
    assert from_path.meta.identifier == "urn:sha256:" + from_path.meta.source.sha256  # type: ignore[operator]


def test_write_json_returns_the_tree_as_bytes(sample_path: Path) -> None:
    article = convert.read(sample_path)
    data = convert.write(article, "json")
    assert isinstance(data, bytes)
    assert model.from_json(json.loads(data)) == article


def test_write_to_a_path_is_atomic_and_returns_the_path(tmp_path: Path, kitchen_sink: model.Article) -> None:
    dest = tmp_path / "sub" / "k.txt"
    assert convert.write(kitchen_sink, "txt", dest) == dest
    assert dest.read_text(encoding="utf-8").startswith("Kitchen Sink")
    assert [p.name for p in dest.parent.iterdir()] == ["k.txt"]  # no temporary file left


def test_convert_writes_each_format_named_after_the_input(tmp_path: Path, sample_path: Path) -> None:
    out = convert.convert(sample_path, tmp_path, to=["txt", "json", "html"])
    assert sorted(p.name for p in out) == ["ashgabat-oped.html", "ashgabat-oped.json", "ashgabat-oped.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(p.name for p in out)


def test_convert_never_overwrites_its_input(tmp_path: Path, sample_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(sample_path.read_bytes())
    with pytest.raises(UsageError, match="overwrite the input"):
        convert.convert(src, tmp_path, to="txt")
    assert src.read_bytes() == sample_path.read_bytes()


def test_a_failing_format_leaves_no_output(tmp_path: Path, sample_path: Path) -> None:
    with pytest.raises(convert.ConvertError):
        convert.convert(sample_path, tmp_path / "out", to=["txt", "nope"])
    assert not (tmp_path / "out").exists()


def test_metadata_overrides(sample_path: Path) -> None:
    article = convert.read(
        sample_path, metadata={"title": "New", "author": ["A B", "C D"], "language": "en-GB"}
    )
    assert article.meta.title == "New"
    assert [a.name for a in article.meta.authors] == ["A B", "C D"]
    assert article.meta.language == "en-GB"


# -- sniffing ---------------------------------------------------------------


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (b"Title\n\nBody.", "a.txt", "text"),
        (b"Title\n\nBody.", None, "text"),
        (b"<!DOCTYPE html><html><body>x</body></html>", "a.txt", "html"),
        (b"<html><body>x</body></html>", None, "html"),
        (b"# Title\n\nBody", "a.md", "markdown"),
        (b"---\ntitle: x\n---\nBody", None, "markdown"),
        (_zip({"[Content_Types].xml": b"", "word/document.xml": b""}), "renamed.txt", "docx"),
        (_zip({"mimetype": b"application/epub+zip", "META-INF/container.xml": b""}), "x.zip", "epub"),
        (_zip({"mimetype": b"application/vnd.oasis.opendocument.text"}), None, "odt"),
        (b'{"schema": "broadsheet.article", "version": [1, 0]}', "tree.txt", "json"),
    ],
)
def test_sniff_prefers_content_over_the_name(data: bytes, name: str | None, expected: str) -> None:
    assert api.sniff(data, Path(name) if name else None) == expected


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n...", "a PDF"),
        (b"\x89PNG\r\n\x1a\n....", "a PNG image"),
        (b"\xff\xd8\xff\xe0....", "a JPEG image"),
        (_zip({"a.txt": b"x"}), "not a DOCX, ODT or EPUB"),
        (b"PK\x03\x04garbage", "^the file is not a readable zip archive"),  # not "zip archive is not a …"
    ],
)
def test_sniff_refuses_what_it_cannot_read(data: bytes, what: str) -> None:
    with pytest.raises(InputError, match=what):
        api.sniff(data, Path("article.txt"))


# -- command line -----------------------------------------------------------


def test_version_and_formats() -> None:
    r = CliRunner().invoke(cli, ["--version"])
    assert r.exit_code == 0 and convert.__version__ in r.output
    r = CliRunner().invoke(cli, ["formats"])
    assert r.exit_code == 0
    for name in ("text", "json", "txt", "html", "pdf", "epub", "docx"):
        assert f"  {name} " in r.output
    # Only a format whose tool is missing is marked (calibre is not installed by scripts/system-deps.sh).
    unavailable = [line.split()[0] for line in r.output.splitlines() if "unavailable" in line]
    assert unavailable == ([] if shutil.which("ebook-convert") else ["azw3"]), r.output


def test_inspect_json_on_the_sample_matches_the_contract(sample_path: Path) -> None:
    r = run("inspect", str(sample_path), "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    meta = data["meta"]
    assert meta["title"] == SAMPLE_TITLE
    assert [a["name"] for a in meta["authors"]] == ["Vladimir Sazhin"]
    assert meta["authors"][0]["bio"].startswith("Vladimir Sazhin is Senior Researcher")
    assert meta["published"] == "2024-10-14T22:37:00"
    assert meta["dateline"] == "MOSCOW"
    assert meta["language"] == "en"
    assert meta["identifier"].startswith("urn:sha256:")
    paragraphs = [b for b in data["body"] if b["type"] == "paragraph"]
    assert len(paragraphs) == len(data["body"]) == 27
    first = "".join(i.get("text", "") for i in paragraphs[0]["content"])
    assert first.startswith("On October 11th")
    assert [n["kind"] for n in data["notes"]] == ["author-note", "disclaimer"]
    text = json.dumps(data, ensure_ascii=False)
    assert "\u00a0" not in text  # no-break spaces normalised
    assert "’" in text and "–" in text and "—" in text  # typography kept


def test_inspect_outline(sample_path: Path) -> None:
    r = CliRunner().invoke(cli, ["inspect", str(sample_path)])
    assert r.exit_code == 0
    assert "title: " + SAMPLE_TITLE in r.output
    assert "27 blocks (27 paragraph), 2 notes" in r.output


def test_convert_from_stdin_to_stdout(sample_path: Path) -> None:
    r = run("convert", "-", "--to", "txt", "-o", "-", input=sample_path.read_bytes())
    assert r.returncode == 0, r.stderr
    assert r.stdout.decode("utf-8").startswith(SAMPLE_TITLE)


def test_a_missing_input_is_reported_missing_not_as_overwritten(tmp_path: Path) -> None:
    # without -o, a .txt input's txt output would be named like it: the missing file is what is wrong
    r = subprocess.run(
        [sys.executable, "-m", "convert", "convert", "missing.txt", "--to", "txt"],
        cwd=tmp_path,
        capture_output=True,
        check=False,
    )
    assert r.returncode == 3, r.stderr
    assert r.stderr.decode().strip() == "error: missing.txt: no such file"
    assert not (tmp_path / "missing.txt").exists()


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["convert", "missing.txt", "--to", "txt"], 3, "error: missing.txt: no such file"),
        (["convert", "{sample}", "--to", "nope"], 2, "error: unknown output format 'nope'"),
        (["convert", "{sample}", "--style", "nope"], 2, "error: unknown style 'nope'"),
        (["convert", "{pdf}", "--to", "txt"], 3, "this is a PDF, not an article"),
        (["inspect", "{empty}"], 3, "empty"),
        (["convert", "{sample}", "--meta", "nonsense"], 2, "expected KEY=VALUE"),
    ],
)
def test_errors_are_one_line_without_traceback(
    tmp_path: Path, sample_path: Path, args: list[str], code: int, message: str
) -> None:
    pdf = tmp_path / "paper.txt"
    pdf.write_bytes(b"%PDF-1.4\n%junk")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    args = [a.format(sample=sample_path, pdf=pdf, empty=empty) for a in args]
    r = run(*args, "-o", str(tmp_path / "out")) if args[0] == "convert" else run(*args)
    stderr = r.stderr.decode()
    assert r.returncode == code, stderr
    assert message in stderr
    assert "Traceback" not in stderr
    assert len(stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    r = run("convert", str(tmp_path / "missing.txt"), "--debug")
    assert r.returncode == 3
    assert "Traceback" in r.stderr.decode()


def test_several_inputs_go_on_past_a_bad_one(tmp_path: Path, sample_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02\x03" * 100)
    r = run("convert", str(bad), str(sample_path), "--to", "txt", "-o", str(tmp_path / "out"))
    assert r.returncode != 0
    assert (tmp_path / "out" / "ashgabat-oped.txt").is_file()
    assert "bad.txt" in r.stderr.decode()


def test_one_inputs_output_never_replaces_another_input(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("Title\n\nBody one.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Title\n\nBody two.\n", encoding="utf-8")
    before = (tmp_path / "notes.txt").read_bytes()
    r = CliRunner().invoke(
        cli, ["convert", str(tmp_path / "notes.md"), str(tmp_path / "notes.txt"), "--to", "txt"]
    )
    assert r.exit_code == 2
    assert "would overwrite the input" in r.output
    assert (tmp_path / "notes.txt").read_bytes() == before
    out = tmp_path / "out"
    r = CliRunner().invoke(
        cli,
        ["convert", str(tmp_path / "notes.md"), str(tmp_path / "notes.txt"), "--to", "html", "-o", str(out)],
    )
    assert r.exit_code == 2
    assert "would both be written to" in r.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--date", "yesterday"], "not an ISO 8601 date"),
        (["--date", "2024-02-30"], "not an ISO 8601 date"),
        (["--language", "e n"], "not a BCP 47 tag"),
    ],
)
def test_metadata_overrides_are_validated(sample_path: Path, option: list[str], message: str) -> None:
    r = CliRunner().invoke(cli, ["inspect", str(sample_path), "--json", *option])
    assert r.exit_code == 2
    assert message in r.output


def test_json_tree_with_an_impossible_date_is_refused(tmp_path: Path, kitchen_sink: model.Article) -> None:
    data = model.to_json(kitchen_sink)
    data["meta"]["published"] = "2024-02-30"
    path = tmp_path / "tree.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match="not an ISO 8601 date"):
        convert.read(path)


def test_stdin_conversion_warns_about_refused_resources(tmp_path: Path) -> None:
    page = b"---\ntitle: Remote\n---\n\nText.\n\n![pic](http://127.0.0.1:9/x.png)\n"
    r = run("convert", "-", "--to", "pdf", "-o", str(tmp_path / "out"), input=page)
    assert r.returncode == 0, r.stderr
    assert "warning: <stdin>: pdf: skipped resource http://127.0.0.1:9/x.png" in r.stderr.decode()
    assert (tmp_path / "out" / "remote.pdf").is_file()


def test_many_refused_resources_are_counted_not_listed(tmp_path: Path) -> None:
    images = "".join(f"![pic {i}](http://127.0.0.1:9/{i}.png)\n\n" for i in range(7))
    page = f"---\ntitle: Gallery\n---\n\nText.\n\n{images}".encode()
    r = run("convert", "-", "--to", "pdf", "-o", str(tmp_path / "out"), input=page)
    assert r.returncode == 0, r.stderr
    lines = r.stderr.decode().splitlines()
    listed = [ln for ln in lines if ln.startswith("warning: <stdin>: pdf: skipped resource http")]
    assert len(listed) == 3
    assert "warning: <stdin>: pdf: skipped resource: 4 more not shown" in lines


def test_condensed_warnings_keeps_kinds_apart_and_drops_repeats() -> None:
    from convert._clitools import condensed_warnings

    warnings = [f"pdf: skipped resource u{i}" for i in range(5)] + ["epub: skipped image a"] * 3
    assert condensed_warnings(warnings, limit=2) == [
        "pdf: skipped resource u0",
        "pdf: skipped resource u1",
        "epub: skipped image a",
        "pdf: skipped resource: 3 more not shown",
    ]


def test_limit_option_raises_or_lowers_a_limit(tmp_path: Path, sample_path: Path) -> None:
    r = run("convert", str(sample_path), "--to", "txt", "-o", str(tmp_path), "--limit", "input_bytes=1k")
    assert r.returncode == 3
    assert "over the input_bytes limit of 1,024 bytes" in r.stderr.decode()
    r = run("convert", str(sample_path), "--to", "txt", "-o", str(tmp_path), "--limit", "input_bytes=1M")
    assert r.returncode == 0, r.stderr


@pytest.mark.slow
def test_pdf_variant_option(tmp_path: Path, sample_path: Path) -> None:
    from pypdf import PdfReader

    r = run("convert", str(sample_path), "--to", "pdf", "-o", str(tmp_path), "--pdf-variant", "pdf/a-3b")
    assert r.returncode == 0, r.stderr
    reader = PdfReader(tmp_path / "ashgabat-oped.pdf")
    xmp = reader.xmp_metadata
    assert xmp is not None and "pdfaid" in xmp.rdf_root.toxml()
    r = run("convert", str(sample_path), "--to", "pdf", "-o", str(tmp_path / "x"), "--pdf-variant", "pdf/z")
    assert r.returncode == 2 and "unknown PDF variant" in r.stderr.decode()
