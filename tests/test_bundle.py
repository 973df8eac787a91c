"""Bundles: many articles in one EPUB, PDF and DOCX with a contents list."""

from __future__ import annotations

import io
import re
import shutil
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


def _nav_order(book: Path) -> list[str]:
    with zipfile.ZipFile(book) as zf:
        nav = zf.read("EPUB/nav.xhtml").decode()
    found = [(nav.index(t), t) for t in ("First piece", "Deuxième article", "Third piece") if t in nav]
    return [t for _i, t in sorted(found)]


def test_chapters_follow_the_command_line_order(folder: Path, tmp_path: Path) -> None:
    [out] = bundle([folder / "2.json", folder / "0.json"], tmp_path / "c.epub")
    assert _nav_order(out) == ["Third piece", "First piece"]
    # A folder's files in name order, after the file given first; a file met twice counts once.
    [again] = bundle([folder / "1.json", folder], tmp_path / "d.epub")
    assert _nav_order(again) == ["Deuxième article", "First piece", "Third piece"]


def test_ending_is_replaced_per_format(folder: Path, tmp_path: Path) -> None:
    written = bundle([folder], tmp_path / "b.epub", to=["pdf"])
    assert written == [tmp_path / "b.pdf"]
    assert (tmp_path / "b.pdf").read_bytes().startswith(b"%PDF")
    assert not (tmp_path / "b.epub").exists()


def test_refuses_to_overwrite_an_input(folder: Path, tmp_path: Path, kitchen_sink: model.Article) -> None:
    book = tmp_path / "a.epub"
    api.write(kitchen_sink, "epub", book)
    before = book.read_bytes()
    result = CliRunner().invoke(bundle_cmd, [str(book), str(folder / "0.json"), "-o", str(book)])
    assert result.exit_code == 2, result.output
    [line] = result.output.strip().splitlines()
    assert line.startswith("error: ") and "would overwrite the input" in line
    assert book.read_bytes() == before


def test_the_book_is_not_read_back_on_a_rerun(folder: Path) -> None:
    for _ in range(2):
        [out] = bundle([folder], folder / "book.epub")
    with zipfile.ZipFile(out) as zf:
        chapters = [n for n in zf.namelist() if n.startswith("EPUB/article-")]
    assert len(chapters) == 3


def test_nothing_to_bundle_is_exit_3(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(bundle_cmd, [str(tmp_path / "empty"), "-o", str(tmp_path / "b.epub")])
    assert result.exit_code == 3, result.output
    assert result.output.startswith(f"error: no inputs found in {tmp_path / 'empty'}")
    assert not (tmp_path / "b.epub").exists()


def _png(path: Path, colour: str) -> None:
    from PIL import Image

    Image.new("RGB", (24, 16), colour).save(path)


def _figure_article(title: str, src: str) -> bytes:
    meta = model.Metadata(title=title, language="en")
    body = (model.Paragraph((model.Text("A picture."),)), model.Figure(src=src, alt=f"{title} picture"))
    return api.to_json_bytes(model.Article(meta=meta, body=body))


def test_pdf_images_resolve_in_each_articles_own_folder(tmp_path: Path) -> None:
    pypdf = pytest.importorskip("pypdf")
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    (first / "a.json").write_bytes(_figure_article("Alpha", "../second/pic.png"))  # not its folder
    (second / "b.json").write_bytes(_figure_article("Bravo", "pic.png"))
    _png(second / "pic.png", "blue")
    out = tmp_path / "b.pdf"
    result = CliRunner().invoke(bundle_cmd, [str(first), str(second), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    warnings = [ln for ln in result.output.splitlines() if ln.startswith("warning: ")]
    assert len(warnings) == 1, result.output
    assert "a.json: pdf: skipped resource ../second/pic.png" in warnings[0]
    reader = pypdf.PdfReader(out)
    pages = [p for p in reader.pages if "A picture." in (p.extract_text() or "")]
    # WeasyPrint shares one resource dictionary: count the images each page draws (``Do``).
    drawn = [p.get_contents().get_data().count(b" Do") for p in pages]
    assert drawn == [0, 1]  # Alpha's refused, Bravo's loaded from its own folder
    assert "Alpha picture" in pages[0].extract_text()


def test_epub_bundle_embeds_images_from_each_articles_folder(tmp_path: Path) -> None:
    import base64
    import zipfile

    from kitchen import PNG_DATA_URI

    folder = tmp_path / "a"
    folder.mkdir()
    (folder / "pic.png").write_bytes(base64.b64decode(PNG_DATA_URI.split(",", 1)[1]))
    (folder / "zz.md").write_text("---\ntitle: With picture\n---\n\nText.\n\n![a red square](pic.png)\n")
    book = tmp_path / "book.epub"
    result = CliRunner().invoke(bundle_cmd, [str(folder / "zz.md"), "-o", str(book), "--title", "T"])
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(book) as zf:
        assert [n for n in zf.namelist() if n.endswith(".png")]


def _structure(data: bytes) -> dict[str, object]:
    """What a reader and a screen reader see of a PDF: pages, text, bookmarks, links, tags, language."""
    pikepdf = pytest.importorskip("pikepdf")
    pypdf = pytest.importorskip("pypdf")
    pdf = pikepdf.open(io.BytesIO(data))
    index = {page.objgen: n for n, page in enumerate(pdf.pages)}

    def bookmarks(items: list) -> list:  # type: ignore[type-arg]
        return [(i.title, index[i.destination[0].objgen], bookmarks(i.children)) for i in items]

    names = list(pdf.Root.Names.Dests.Names)
    dests = {str(names[i]): index[names[i + 1][0].objgen] for i in range(0, len(names), 2)}
    links = [
        (n, str(a.Dest)) for n, page in enumerate(pdf.pages) for a in page.get("/Annots", ()) if "/Dest" in a
    ]
    tree = pdf.Root.StructTreeRoot
    nums = tree.ParentTree.Nums
    keys = [int(nums[i]) for i in range(0, len(nums), 2)]
    used = [int(p.StructParents) for p in pdf.pages] + [
        int(a.StructParent) for p in pdf.pages for a in p.get("/Annots", ())
    ]
    tags: list[str] = []

    def walk(element: object) -> None:
        if isinstance(element, pikepdf.Dictionary) and "/S" in element:
            tags.append(str(element.S))
            kids = element.get("/K")
            for kid in kids if isinstance(kids, pikepdf.Array) else [kids]:
                walk(kid)

    walk(tree.K[0])
    assert sorted(used) == sorted(keys) and len(set(keys)) == len(keys)  # every key once, each in the tree
    # Page streams drawn the same way, up to the font subsets' names and glyph numbers.
    streams = [
        re.sub(rb"<[0-9a-f]+>", b"<>", re.sub(rb"/[A-Z]{6}\b", b"/F", page.Contents.read_bytes()))
        for page in pdf.pages
    ]
    reader = pypdf.PdfReader(io.BytesIO(data))
    return {
        "pages": len(pdf.pages),
        "text": [page.extract_text() for page in reader.pages],
        "bookmarks": bookmarks(pdf.open_outline().root),
        "dests": dests,
        "links": links,
        "tags": tags,
        "lang": str(pdf.Root.Lang),
        "marked": bool(pdf.Root.MarkInfo.Marked),
        "title": str(pdf.docinfo.Title),
        "labels": "/PageLabels" in pdf.Root,
        "streams": streams,
    }


@pytest.mark.slow
def test_pdf_bundle_in_parts_is_the_one_document_bundle(
    folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long bundle is laid out in parts and joined: the same pages, numbers, bookmarks, links and tags."""
    from convert.exporters import _pdf_join
    from convert.exporters._bundle import Collection, bundle_pdf
    from convert.theme import load_theme

    monkeypatch.setattr(_pdf_join, "FLUSH_PARTS", 2)  # the book saved and reopened on the way

    files = sorted(folder.iterdir())
    articles = tuple(api.read(f) for f in files) * 2  # 6 chapters: parts of 1 and of 4 (a part of 2 articles)
    collection = Collection(
        title="Autumn op-eds", articles=articles, folders=tuple(f.parent for f in files) * 2
    )
    # Inside and outside margins apart, so that a left page drawn as a right one would show.
    styles = tmp_path / "style"
    shutil.copytree(load_theme("default").path, styles)
    toml = (styles / "theme.toml").read_text(encoding="utf-8")
    toml = re.sub(r'margin_inside = "[^"]*"', 'margin_inside = "32mm"', toml)
    (styles / "theme.toml").write_text(re.sub(r'margin_outside = "[^"]*"', 'margin_outside = "12mm"', toml))
    theme = load_theme(styles)
    whole = _structure(bundle_pdf(collection, theme))
    for size in (1, 4):
        parts = _structure(bundle_pdf(collection, theme, part_articles=size))
        for key, value in whole.items():
            assert parts[key] == value, (size, key)
    assert whole["pages"] >= 2 + 6  # type: ignore[operator]
    assert {f"article-{n}" for n in range(1, 7)} <= set(whole["dests"])  # type: ignore[call-overload]
    assert whole["labels"] is False  # the page numbers printed are the page indexes + 1
    assert {link[1] for link in whole["links"]} == {f"article-{n}" for n in range(1, 7)}  # type: ignore[attr-defined]


@pytest.mark.slow
def test_pdf_bundle_contents_in_parts_keeps_the_pages(tmp_path: Path) -> None:
    """A contents list over several pages is laid out a few lines at a time, with the same pages."""
    from convert.exporters._bundle import Collection, bundle_pdf
    from convert.theme import load_theme

    articles = tuple(
        model.Article(
            meta=model.Metadata(title=f"Story number {n} " + "with a longer title " * (n % 3), language="en"),
            body=(model.Paragraph((model.Text(f"Text of story {n}."),)),),
        )
        for n in range(1, 71)
    )
    collection = Collection(title="Many stories", articles=articles)
    theme = load_theme("default")
    whole = _structure(bundle_pdf(collection, theme))
    parts = _structure(bundle_pdf(collection, theme, part_articles=25, toc_part_lines=16))
    assert len({page for page, _name in whole["links"]}) >= 2  # type: ignore[attr-defined]
    for key, value in whole.items():
        assert parts[key] == value, key
