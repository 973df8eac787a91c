"""``bundle --cover FILE`` and ``bundle --notes end``: the options ``convert`` has, for books."""

from __future__ import annotations

import io
import posixpath
import re
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from click.testing import CliRunner
from epubcheck_util import check_epubs, java_available
from PIL import Image

from convert.batch.bundle import bundle
from convert.commands.bundle import bundle_cmd
from convert.errors import UsageError

OPF = "{http://www.idpf.org/2007/opf}"
CONTAINER = "{urn:oasis:names:tc:opendocument:xmlns:container}"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def stories(tmp_path: Path) -> list[Path]:
    """Two articles, each with one footnote: both numbered 1 in their own chapter."""
    paths = []
    for name, word in (("a", "Alpha"), ("b", "Beta")):
        path = tmp_path / f"{name}.md"
        path.write_text(f"# {word} story\n\n{word} claim.[^1] More text.\n\n[^1]: {word} source note.\n")
        paths.append(path)
    return paths


@pytest.fixture
def cover(tmp_path: Path) -> Path:
    path = tmp_path / "cover.jpg"
    Image.new("RGB", (60, 90), (200, 30, 30)).save(path, "JPEG")
    return path


def _opf_cover(book: Path) -> bytes:
    """The bytes of the manifest item whose properties say ``cover-image``, found through the OPF."""
    with zipfile.ZipFile(book) as zf:
        container = ElementTree.fromstring(zf.read("META-INF/container.xml"))
        opf_path = next(container.iter(f"{CONTAINER}rootfile")).get("full-path", "")
        opf = ElementTree.fromstring(zf.read(opf_path))
        items = [i for i in opf.iter(f"{OPF}item") if "cover-image" in i.get("properties", "").split()]
        assert len(items) == 1
        return zf.read(posixpath.join(posixpath.dirname(opf_path), items[0].get("href", "")))


def test_cli_cover_is_the_epubs_cover_image(stories: list[Path], cover: Path, tmp_path: Path) -> None:
    out = tmp_path / "book.epub"
    result = CliRunner().invoke(bundle_cmd, [*map(str, stories), "-o", str(out), "--cover", str(cover), "-q"])
    assert result.exit_code == 0, result.output
    assert _opf_cover(out) == cover.read_bytes()
    # Without --cover the generated PNG is the cover image, as before.
    [plain] = bundle(stories, tmp_path / "plain.epub")
    assert _opf_cover(plain).startswith(b"\x89PNG")


@pytest.mark.parametrize("extra", [[], ["--allow-host", "127.0.0.1", "http://127.0.0.1:9/feed.xml"]])
def test_a_bad_cover_is_exit_2_and_nothing_written(
    stories: list[Path], tmp_path: Path, extra: list[str]
) -> None:
    bad = tmp_path / "cover.png"
    bad.write_text("not an image")
    out = tmp_path / "out" / "book.epub"
    out.parent.mkdir()
    args = [*map(str, stories), *extra, "-o", str(out), "--to", "epub,pdf", "--cover", str(bad)]
    result = CliRunner().invoke(bundle_cmd, args)
    assert result.exit_code == 2, result.output
    # One line naming the file; a web input is never fetched (port 9 would fail differently).
    assert f"{bad}: the cover must be a PNG or JPEG image" in result.output
    assert list(out.parent.iterdir()) == []


def test_api_checks_cover_and_notes_before_reading(tmp_path: Path) -> None:
    bad = tmp_path / "c.gif"
    bad.write_bytes(b"GIF89a")
    missing = tmp_path / "missing.md"  # never read: the options fail first
    with pytest.raises(UsageError, match="PNG or JPEG"):
        bundle([missing], tmp_path / "b.epub", cover=bad)
    with pytest.raises(UsageError, match="not a place for notes"):
        bundle([missing], tmp_path / "b.epub", notes="side")
    assert not (tmp_path / "b.epub").exists()


def _note_positions(pdf: Path) -> list[tuple[float, float, float]]:
    """Per page with a note: (y of the "claim." word, y of the "note." word, page height), from pdftotext."""
    xhtml = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, check=True).stdout
    found = []
    for page in re.findall(rb"<page ([^>]*)>(.*?)</page>", xhtml, re.S):
        height = float(re.search(rb'height="([\d.]+)"', page[0]).group(1))  # type: ignore[union-attr]
        words = {w: float(y) for y, w in re.findall(rb'yMin="([\d.]+)"[^>]*>([^<]+)</word>', page[1])}
        if b"note." in words:
            found.append((words[b"claim."], words[b"note."], height))
    return found


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler's pdftotext")
def test_pdf_end_notes_follow_each_article_not_the_page_foot(stories: list[Path], tmp_path: Path) -> None:
    pikepdf = pytest.importorskip("pikepdf")
    [end] = bundle(stories, tmp_path / "end.pdf", notes="end")
    [foot] = bundle(stories, tmp_path / "foot.pdf")
    # Each article's note sits right after its text (top of its page), not at the page foot.
    end_positions = _note_positions(end)
    assert len(end_positions) == 2
    assert all(claim < note < height / 3 for claim, note, height in end_positions), end_positions
    assert all(note > height * 2 / 3 for _c, note, height in _note_positions(foot))
    # Working links: each call goes to its own article's note, on the same page, and back.
    with pikepdf.open(end) as pdf:
        dests = {str(k) for k, _v in pikepdf.NameTree(pdf.Root.Names.Dests).items()}
        links = [
            (n, str(a.get("/Dest", a.get("/A", {}).get("/D", ""))))
            for n, page in enumerate(pdf.pages)
            for a in page.get("/Annots", [])
            if a.get("/Subtype") == "/Link"
        ]
    assert {"a1-fn-1", "a1-fnref-1", "a2-fn-1", "a2-fnref-1"} <= dests
    note_links = {(n, d) for n, d in links if "fn" in d}
    pages = sorted({n for n, _d in note_links})
    assert len(pages) == 2
    assert note_links == {(pages[0], "a1-fn-1"), (pages[0], "a1-fnref-1")} | {
        (pages[1], "a2-fn-1"),
        (pages[1], "a2-fnref-1"),
    }


def test_epub_end_notes_close_each_chapter(stories: list[Path], tmp_path: Path) -> None:
    [book] = bundle(stories, tmp_path / "end.epub", notes="end")
    with zipfile.ZipFile(book) as zf:
        chapters = [zf.read(f"EPUB/article-000{n}.xhtml").decode() for n in (1, 2)]
    for word, chapter in zip(("Alpha", "Beta"), chapters, strict=True):
        assert 'epub:type="endnotes"' in chapter and 'epub:type="footnote"' not in chapter
        assert chapter.index(f"{word} claim.") < chapter.index(f"{word} source note.")
        assert 'href="#fn-1"' in chapter and 'id="fn-1"' in chapter  # numbered from 1 in each chapter
    [foot] = bundle(stories, tmp_path / "foot.epub")
    with zipfile.ZipFile(foot) as zf:
        assert 'epub:type="footnote"' in zf.read("EPUB/article-0001.xhtml").decode()


def test_docx_end_notes_follow_each_article(stories: list[Path], tmp_path: Path) -> None:
    [book] = bundle(stories, tmp_path / "end.docx", notes="end")
    with zipfile.ZipFile(io.BytesIO(book.read_bytes())) as zf:
        document = zf.read("word/document.xml").decode()
    root = ElementTree.fromstring(document)
    assert not list(root.iter(f"{W}footnoteReference"))  # no Word footnotes
    text = "".join(t.text or "" for t in root.iter(f"{W}t"))
    order = [text.index(s) for s in ("Alpha claim", "Alpha source note", "Beta claim", "Beta source note")]
    assert order == sorted(order)
    # Each call links to its own article's note, not the first article's.
    bookmarks = {b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")}
    anchors = [h.get(f"{W}anchor") for h in root.iter(f"{W}hyperlink") if h.get(f"{W}anchor")]
    assert {"a1-fn-1", "a2-fn-1"} <= bookmarks
    assert [a for a in anchors if "fn" in (a or "")] == ["a1-fn-1", "a2-fn-1"]
    [foot] = bundle(stories, tmp_path / "foot.docx")
    with zipfile.ZipFile(foot) as zf:
        assert "w:footnoteReference" in zf.read("word/document.xml").decode()


@pytest.mark.slow
def test_bundle_with_cover_and_end_notes_passes_epubcheck(
    stories: list[Path], cover: Path, tmp_path: Path
) -> None:
    if not java_available():
        pytest.skip("epubcheck needs Java")
    [book] = bundle(stories, tmp_path / "book.epub", cover=cover, notes="end")
    report = check_epubs([book])[book]
    assert not report.problems, report.problems
