"""Bundles: many articles in one EPUB, PDF and DOCX with a contents list."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from convert import api, model
from convert.batch.bundle import bundle
from convert.commands.bundle import bundle_cmd


@pytest.fixture
def folder(tmp_path: Path, kitchen_sink: model.Article) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for i, (title, lang) in enumerate(
        [("First piece", "en"), ("Deuxième article", "fr"), ("Third piece", "en")]
    ):
        meta = model.replace(kitchen_sink.meta, title=title, language=lang)
        (src / f"{i}.json").write_bytes(api.to_json_bytes(model.replace(kitchen_sink, meta=meta)))
    return src


def test_epub_bundle_has_a_chapter_per_article_with_its_language(folder: Path, tmp_path: Path) -> None:
    [out] = bundle([folder], tmp_path / "c.epub", title="Autumn op-eds")
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        nav = zf.read("EPUB/nav.xhtml").decode()
        second = zf.read("EPUB/article-0002.xhtml").decode()
    assert names[0] == "mimetype"
    assert [n for n in names if "article-" in n] == [f"EPUB/article-000{i}.xhtml" for i in (1, 2, 3)]
    assert "First piece" in nav and "Deuxième article" in nav and "Third piece" in nav
    assert 'xml:lang="fr"' in second


def test_pdf_bundle_has_contents_page_numbers_and_bookmarks(folder: Path, tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    [out] = bundle([folder], tmp_path / "c.pdf", title="Autumn op-eds")
    reader = pypdf.PdfReader(out)
    titles = [item.title for item in reader.outline if not isinstance(item, list)]
    assert titles == ["First piece", "Deuxième article", "Third piece"]
    contents = reader.pages[1].extract_text()
    starts = [
        reader.get_destination_page_number(item) + 1 for item in reader.outline if not isinstance(item, list)
    ]
    for title, page in zip(["First piece", "Third piece"], [starts[0], starts[2]], strict=True):
        line = next(ln for ln in contents.splitlines() if title in ln)
        assert line.rstrip().endswith(str(page)), line


def test_docx_bundle_via_cli_has_toc_and_headings(folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        bundle_cmd, [str(folder), "-o", str(tmp_path / "c.docx"), "--title", "Op-eds"]
    )
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(io.BytesIO((tmp_path / "c.docx").read_bytes())) as zf:
        document = zf.read("word/document.xml").decode()
    assert "TOC \\o" in document
    assert document.count('w:val="Heading1"') >= 3
    assert 'w:lang w:val="fr"' in document or 'w:val="fr-' in document or 'w:lang w:val="fr-FR"' in document
