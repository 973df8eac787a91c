"""``broadsheet digest``: one briefing for many articles, as text, PDF and EPUB."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

import convert
from convert.briefing import build
from convert.briefing.digest import Digest, as_article, render_text
from convert.cli import cli
from convert.commands.digest import collect_inputs, digest
from convert.model import Quote, walk

BBC_ONE = """Minister backs new rail plan

Transport Secretary Alistair Darling said the plan would cut journey times by 20%.

"This is the biggest investment in the railways for a generation," Mr Darling said on Monday.

The scheme will cost £3.5bn over 10 years, officials said.
"""


@pytest.fixture(scope="module", autouse=True)
def _wire() -> None:
    if "digest" not in cli.commands:
        cli.add_command(digest)  # the lead wires it into convert/cli.py


@pytest.fixture
def folder(tmp_path: Path, sample_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(sample_path, src / "a-ashgabat.txt")
    (src / "b-rail.txt").write_text(BBC_ONE, encoding="utf-8")
    (src / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (src / "a-ashgabat.brief.txt").write_text("an earlier output", encoding="utf-8")
    return src


def test_collect_inputs(folder: Path) -> None:
    assert [p.name for p in collect_inputs([folder])] == ["a-ashgabat.txt", "b-rail.txt"]


def test_digest_text(folder: Path) -> None:
    d = Digest("2024-10-15", tuple(build(convert.read(p)) for p in collect_inputs([folder])))
    text = render_text(d, 72)
    assert text.startswith("Digest — October 15, 2024\n")
    assert "AT A GLANCE" in text and "PEOPLE QUOTED" in text
    assert "1. Putin and Pezeshkian’s meeting in Ashgabat" in text
    assert "2. Minister backs new rail plan" in text
    assert "Vladimir Putin: #1" in text and "Alistair Darling: #2" in text
    assert "£3.5bn" in text
    assert max(len(line) for line in text.splitlines()) <= 72


def test_digest_article_keeps_speakers(folder: Path) -> None:
    d = Digest("2024-10-15", tuple(build(convert.read(p)) for p in collect_inputs([folder])))
    article = as_article(d)
    speakers = {n.speaker for n in walk(article.body) if isinstance(n, Quote)}
    assert speakers == {"Vladimir Putin", "Masoud Pezeshkian", "Alistair Darling"}


def test_cli_txt_pdf_epub(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "out" / "digest.txt"
    result = CliRunner().invoke(
        cli,
        [
            "digest",
            str(folder),
            "-o",
            str(out),
            "--to",
            "txt,pdf,epub",
            "--date",
            "2024-10-15",
            "--width",
            "60",
        ],
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("Digest — October 15, 2024")
    assert max(len(line) for line in text.splitlines()) <= 60
    assert (tmp_path / "out" / "digest.pdf").read_bytes().startswith(b"%PDF")
    with zipfile.ZipFile(tmp_path / "out" / "digest.epub") as zf:
        assert zf.read("mimetype") == b"application/epub+zip"
        xhtml = b"".join(zf.read(n) for n in zf.namelist() if n.endswith(".xhtml"))
        assert b"Masoud Pezeshkian" in xhtml


def test_cli_bad_input_is_one_line(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "digest.txt"
    result = CliRunner().invoke(cli, ["digest", str(folder), str(tmp_path / "missing.txt"), "-o", str(out)])
    assert result.exit_code == 3
    assert "missing.txt" in result.output and "Traceback" not in result.output
    assert "Putin" in out.read_text(encoding="utf-8")  # the rest still made the digest


def test_cli_unknown_format(folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["digest", str(folder), "-o", str(tmp_path / "d.txt"), "--to", "docx"])
    assert result.exit_code == 2 and "txt, pdf, epub" in result.output


def test_cli_refuses_to_overwrite_an_input(folder: Path) -> None:
    a, b = folder / "a-ashgabat.txt", folder / "b-rail.txt"
    before = a.read_bytes()
    result = CliRunner().invoke(cli, ["digest", str(a), str(b), "-o", str(a)])
    assert result.exit_code == 2, result.output
    [line] = result.output.strip().splitlines()
    assert line.startswith("error: ") and "would overwrite the input" in line
    assert a.read_bytes() == before


def test_cli_rerun_does_not_read_its_own_digest(folder: Path) -> None:
    out = folder / "digest.txt"
    args = ["digest", str(folder), "-o", str(out), "--to", "txt,epub", "--date", "2024-10-15"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    text = out.read_text(encoding="utf-8")
    second = CliRunner().invoke(cli, args)
    assert second.exit_code == 0, second.output
    assert out.read_text(encoding="utf-8") == text
    assert "\n2 articles · " in text  # neither digest.txt nor digest.epub was read as an article


def test_collect_inputs_walks_like_a_batch(folder: Path, tmp_path: Path) -> None:
    (folder / "c-notes.org").write_text("* Notes\n\nSome text.\n", encoding="utf-8")
    (folder / "d-paper.tex").write_text("\\section{Paper}\nText.\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("outside the tree", encoding="utf-8")
    (folder / "e-link.txt").symlink_to(secret)
    names = [p.name for p in collect_inputs([folder], skip=[folder / "b-rail.txt"])]
    assert names == ["a-ashgabat.txt", "c-notes.org", "d-paper.tex"]
    given = [p.name for p in collect_inputs([folder / "b-rail.txt", folder])]
    assert given[:2] == ["b-rail.txt", "a-ashgabat.txt"]  # the order given; each file once
    assert given.count("b-rail.txt") == 1


def test_cli_nothing_to_digest_is_exit_3(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["digest", str(tmp_path / "empty"), "-o", str(tmp_path / "d.txt")])
    assert result.exit_code == 3, result.output
    assert result.output.startswith(f"error: no inputs found in {tmp_path / 'empty'}")
    assert not (tmp_path / "d.txt").exists()
