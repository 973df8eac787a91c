"""Markdown, DOCX, ODT and EPUB with no article text are refused as a text file is, never "converted"."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

import convert
from convert import pandoc_run
from convert.cli import cli
from convert.errors import InputError


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "empty file"),
        (b"   \n\n  \n", "empty file"),
        (b"\n\n\n", "empty file"),
        (b"---\ntitle: Only a title\n---\n", r"no article text \(only a title\)"),
        (b"# Just a headline\n", r"no article text \(only a title\)"),
        (b"# Just a headline\n\n---\n\n<!-- a comment -->\n", r"no article text \(only a title\)"),
    ],
)
def test_markdown_without_text_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        convert.read(data, from_="markdown")


def test_the_command_line_names_the_file_and_writes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "heading_only.md"
    src.write_bytes(b"# Just a headline\n")
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["convert", str(src), "--to", "pdf,epub,docx", "-o", f"{out}/"])
    assert r.exit_code == 3
    assert f"{src}: no article text" in r.output
    assert not out.exists() or not any(out.iterdir())


def _docx(*paragraphs: tuple[str, str]) -> bytes:
    document = docx.Document()
    for text, style in paragraphs:
        document.add_paragraph(text, style=style)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (_docx(), "nothing but metadata"),
        (_docx(("  ", "Normal")), "nothing but metadata"),
        (_docx(("Ferry strike ends", "Title")), "only a title"),
    ],
)
def test_docx_without_text_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=f"no article text.*{message}"):
        convert.read(data)


@pytest.mark.parametrize("fmt", ["odt", "epub"])
def test_odt_and_epub_with_only_a_title_are_refused(fmt: str) -> None:
    data = pandoc_run.run(["-f", "markdown", "-t", fmt, "-o", "-"], b"---\ntitle: Only a title\n---\n")
    with pytest.raises(InputError, match="no article text"):
        convert.read(data)


def test_inspect_allow_empty_still_shows_the_metadata() -> None:
    article = convert.read(b"---\ntitle: Only a title\n---\n", from_="markdown", require_text=False)
    assert article.meta.title == "Only a title" and article.body == ()


def test_a_figure_alone_is_content() -> None:
    article = convert.read(b"![A harbour at dawn](data:image/png;base64,iVBORw0KGgo=)\n", from_="markdown")
    assert len(article.body) == 1
