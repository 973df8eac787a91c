"""E-readers: EPUBs that Send-to-Kindle and Kobo accept, kepub, azw3 through calibre.

The golden articles (English, French, Arabic, Japanese and the footnote/math/
code one) are written as EPUB and kepub once per session; the e-reader
checker (:mod:`convert.exporters._ereader`) and epubcheck read them. azw3
tests run only where calibre's ``ebook-convert`` is installed.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from epubcheck_util import check_epubs, java_available
from lxml import etree

import convert
from convert import model
from convert.cli import cli
from convert.exporters._ereader import check_epub
from convert.exporters.ereader import kobo_document, to_kepub
from convert.registry import exporters

HERE = Path(__file__).parent
GOLDEN = HERE / "golden" / "exporters"
ARTICLES = ("ashgabat-oped", "bains-douches-fr", "maktaba-ar", "shotengai-ja", "footnote-math-code")
XHTML = "{http://www.w3.org/1999/xhtml}"
SAMPLE = HERE.parent / "samples" / "ashgabat-oped.txt"


def golden_article(name: str) -> model.Article:
    return model.from_json(json.loads((GOLDEN / name / "article.json").read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def epubs() -> dict[str, bytes]:
    return {name: convert.write(golden_article(name), "epub") for name in ARTICLES}


@pytest.fixture(scope="module")
def kepubs() -> dict[str, bytes]:
    return {name: convert.write(golden_article(name), "kepub") for name in ARTICLES}


def _replace(book: bytes, changes: dict[str, bytes]) -> bytes:
    """A copy of ``book`` with some entries' bytes replaced (or added)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, changes.pop(info.filename, src.read(info)))
        for name, data in changes.items():
            dst.writestr(name, data)
    return out.getvalue()


# --------------------------------------------------------------------------
# The checker on the EPUB writer's books


@pytest.mark.parametrize("name", ARTICLES)
def test_golden_epubs_break_no_ereader_rule(epubs: dict[str, bytes], name: str) -> None:
    assert check_epub(epubs[name]) == []  # the cover-image rule included: the generated cover


def test_code_blocks_are_coloured_by_classes_not_inline_styles(epubs: dict[str, bytes]) -> None:
    with zipfile.ZipFile(io.BytesIO(epubs["footnote-math-code"])) as book:
        chapter = book.read("EPUB/chapter.xhtml").decode("utf-8")
        css = book.read("EPUB/style/epub.css").decode("utf-8")
    assert 'class="tok-' in chapter
    assert "style=" not in chapter
    # every token the HTML page colours inline has a rule in the EPUB's stylesheet
    classes = re.findall(r'<span class="(tok-[\w-]+)"', chapter)
    styled = [cls for cls in classes if f"pre .{cls} {{" in css]
    page = convert.write(golden_article("footnote-math-code"), "html").decode("utf-8")
    assert styled and len(styled) == page.count('<span style="')
    with zipfile.ZipFile(io.BytesIO(epubs["ashgabat-oped"])) as book:
        assert ".tok-" not in book.read("EPUB/style/epub.css").decode("utf-8")  # no code, no code rules


def test_checker_reports_each_rule_it_knows(epubs: dict[str, bytes]) -> None:
    good = epubs["ashgabat-oped"]
    with zipfile.ZipFile(io.BytesIO(good)) as book:
        chapter = book.read("EPUB/chapter.xhtml").decode("utf-8")
        css = book.read("EPUB/style/epub.css").decode("utf-8")
        nav = book.read("EPUB/nav.xhtml").decode("utf-8")
        opf = book.read("EPUB/content.opf").decode("utf-8")
    chapter = chapter.replace(
        '<div class="article-body">',
        '<div class="article-body"><script>alert(1)</script><p id="twice" style="color:red"'
        ' onclick="x()"><a href="#a">x<a href="#b">y</a></a></p><p id="twice">z</p>',
        1,
    )
    css += "\n.banner { position: fixed; }\n@font-face { font-family: X; src: url(fonts/missing.ttf); }\n"
    nav = nav.replace('href="chapter.xhtml"', 'href="chapter.xhtml#no-such-id"', 1)
    opf = re.sub(r'<meta name="dtb:uid"[^>]*/>', "", opf)
    opf = opf.replace('toc="ncx"', "")
    bad = _replace(
        good,
        {
            "EPUB/chapter.xhtml": chapter.encode(),
            "EPUB/style/epub.css": css.encode(),
            "EPUB/nav.xhtml": nav.encode(),
            "EPUB/content.opf": opf.encode(),
            "EPUB/images/big photo!.jpg": b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1),
        },
    )
    rules = {p.rule for p in check_epub(bad)}
    assert {
        "script",
        "inline-style",
        "duplicate-id",
        "nested-link",
        "fixed-position",
        "font",
        "toc-link",
        "ncx",
        "file-name",
    } <= rules
    assert check_epub(b"not a zip")[0].rule == "zip"


def test_checker_limits_sizes(epubs: dict[str, bytes]) -> None:
    good = epubs["bains-douches-fr"]
    with zipfile.ZipFile(io.BytesIO(good)) as book:
        opf = book.read("EPUB/content.opf").decode("utf-8")
    opf = opf.replace(
        "</manifest>", '<item id="big" href="images/big.png" media-type="image/png"/></manifest>'
    )
    image = b"\x89PNG" + os.urandom(5 * 1024 * 1024)
    bad = _replace(good, {"EPUB/content.opf": opf.encode(), "EPUB/images/big.png": image})
    assert "kobo-image-size" in {p.rule for p in check_epub(bad)}
    padded = bad + b"\0" * (50 * 1024 * 1024)
    assert "kindle-size" in {p.rule for p in check_epub(padded)}


# --------------------------------------------------------------------------
# kepub


def _body_text(data: bytes) -> str:
    root = etree.fromstring(data)
    body = root.find(f"{XHTML}body")
    assert body is not None
    return "".join(body.itertext())


@pytest.mark.parametrize("name", ARTICLES)
def test_kepub_keeps_the_text_and_wraps_it_in_kobo_spans(
    epubs: dict[str, bytes], kepubs: dict[str, bytes], name: str
) -> None:
    with zipfile.ZipFile(io.BytesIO(epubs[name])) as plain, zipfile.ZipFile(io.BytesIO(kepubs[name])) as kobo:
        assert plain.namelist() == kobo.namelist()
        assert kobo.namelist()[0] == "mimetype"
        assert kobo.infolist()[0].compress_type == zipfile.ZIP_STORED
        for member in ("EPUB/cover.xhtml", "EPUB/chapter.xhtml"):
            before, after = plain.read(member), kobo.read(member)
            assert _body_text(after) == _body_text(before)
            root = etree.fromstring(after)
            spans = root.findall(f".//{XHTML}span[@class='koboSpan']")
            assert spans
            ids = [s.get("id") for s in spans]
            assert len(ids) == len(set(ids))
            assert all(re.fullmatch(r"kobo\.\d+\.\d+", i or "") for i in ids)
            inner = root.find(f"{XHTML}body/{XHTML}div[@id='book-columns']/{XHTML}div[@id='book-inner']")
            assert inner is not None
            for keep in ("pre", "math"):
                for el in root.iter(f"{XHTML}{keep}", "{http://www.w3.org/1998/Math/MathML}math"):
                    assert el.find(f".//{XHTML}span[@class='koboSpan']") is None
        assert kobo.read("EPUB/nav.xhtml") == plain.read("EPUB/nav.xhtml")
    assert check_epub(kepubs[name]) == []


def test_kepub_spans_cut_at_sentence_ends_in_each_script(kepubs: dict[str, bytes]) -> None:
    with zipfile.ZipFile(io.BytesIO(kepubs["shotengai-ja"])) as book:
        root = etree.fromstring(book.read("EPUB/chapter.xhtml"))
    texts = [s.text or "" for s in root.iter(f"{XHTML}span") if s.get("class") == "koboSpan"]
    assert sum(t.rstrip().endswith("。") for t in texts) >= 2
    assert not any("。" in t.rstrip()[:-1] for t in texts)  # one sentence per span


def test_kobo_document_numbers_paragraphs_and_wraps_images() -> None:
    page = (
        b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head>'
        b"<title>t</title></head><body><h1>Head</h1><p>One. Two? <em>Three</em> four.</p>"
        b'<p><img src="a.png" alt="a"/> after</p><pre>keep. this.</pre></body></html>'
    )
    out = kobo_document(page)
    assert kobo_document(out) == out  # already converted: left alone
    root = etree.fromstring(out)
    spans = {s.get("id"): s for s in root.iter(f"{XHTML}span") if s.get("class") == "koboSpan"}
    assert spans["kobo.0.1"].text == "Head"
    assert [spans[f"kobo.1.{n}"].text for n in (1, 2, 3, 4)] == ["One. ", "Two? ", "Three", " four."]
    assert spans["kobo.2.1"][0].tag == f"{XHTML}img"
    assert spans["kobo.2.2"].text == " after"
    assert root.find(f".//{XHTML}pre").text == "keep. this."
    assert _body_text(out) == _body_text(page)


@pytest.mark.slow
def test_kepubs_pass_epubcheck(kepubs: dict[str, bytes], tmp_path: Path) -> None:
    if not java_available():
        pytest.skip("java is not installed: epubcheck cannot run")
    from kitchen import KITCHEN_SINK  # images (wrapped whole), tables, lists, notes

    paths = []
    for name, data in {**kepubs, "kitchen-sink": convert.write(KITCHEN_SINK, "kepub")}.items():
        paths.append(tmp_path / f"{name}.kepub.epub")
        paths[-1].write_bytes(data)
    reports = check_epubs(paths)
    assert {p.name: reports[p].problems for p in paths} == {p.name: [] for p in paths}


def test_kepub_is_a_registered_format_with_its_own_ending(tmp_path: Path) -> None:
    assert exporters.get_class("kepub").extension == "kepub.epub"
    r = CliRunner().invoke(cli, ["convert", str(SAMPLE), "--to", "kepub", "-o", str(tmp_path)])
    assert r.exit_code == 0, r.output
    book = tmp_path / "ashgabat-oped.kepub.epub"
    assert b"koboSpan" in zipfile.ZipFile(book).read("EPUB/chapter.xhtml")


def test_kepub_bundle_is_one_book_with_kobo_spans(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    (folder / "notes.md").write_text(
        "# Harbour notes\n\nThe ferry left late. Nobody minded.\n", encoding="utf-8"
    )
    book = tmp_path / "two.kepub.epub"
    r = CliRunner().invoke(cli, ["bundle", str(folder), "--to", "kepub", "-o", str(book)])
    assert r.exit_code == 0, r.output
    data = book.read_bytes()
    assert check_epub(data) == []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        chapters = [n for n in zf.namelist() if "article-" in n and n.endswith(".xhtml")]
        assert len(chapters) == 2
        assert all(b'class="koboSpan"' in zf.read(n) for n in chapters)


def test_to_kepub_is_deterministic(epubs: dict[str, bytes]) -> None:
    assert to_kepub(epubs["maktaba-ar"]) == to_kepub(epubs["maktaba-ar"])


# --------------------------------------------------------------------------
# azw3


def test_azw3_without_calibre_is_one_line_exit_5_and_nothing_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["convert", str(SAMPLE), "--to", "azw3", "-o", str(out)])
    assert r.exit_code == 5
    assert "needs calibre's ebook-convert" in r.output
    assert len([line for line in r.output.splitlines() if "ebook-convert" in line]) == 1
    assert not out.exists()  # checked before anything was read or written
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / SAMPLE.name)
    r = CliRunner().invoke(cli, ["convert", str(folder), "--to", "epub,azw3", "-o", str(out)])
    assert r.exit_code == 5, r.output
    assert "azw3 needs calibre's ebook-convert" in r.output
    assert not out.exists()
    book = tmp_path / "book.azw3"
    r = CliRunner().invoke(cli, ["bundle", str(folder), "--to", "azw3", "-o", str(book)])
    assert r.exit_code == 5, r.output
    assert "needs calibre's ebook-convert" in r.output
    assert not book.exists()
    r = CliRunner().invoke(cli, ["formats"])
    assert r.exit_code == 0
    line = next(line for line in r.output.splitlines() if line.strip().startswith("azw3"))
    assert "unavailable: needs calibre's ebook-convert" in line


needs_calibre = pytest.mark.skipif(
    shutil.which("ebook-convert") is None or shutil.which("ebook-meta") is None,
    reason="calibre's ebook-convert and ebook-meta are not installed",
)


@needs_calibre
@pytest.mark.slow
@pytest.mark.parametrize("name", ["ashgabat-oped", "shotengai-ja"])
def test_azw3_metadata_reads_back_with_ebook_meta(name: str, tmp_path: Path) -> None:
    article = golden_article(name)
    data = convert.write(article, "azw3")
    assert data[60:68] == b"BOOKMOBI"  # the PalmDB type/creator of a Kindle book
    path = tmp_path / f"{name}.azw3"
    path.write_bytes(data)
    run = subprocess.run(["ebook-meta", str(path)], capture_output=True, timeout=120, check=True)
    fields = {}
    for line in run.stdout.decode("utf-8").splitlines():
        key, _, value = line.partition(":")
        fields[key.strip()] = value.strip()
    assert fields["Title"] == article.meta.title
    assert fields["Author(s)"].startswith(article.meta.authors[0].name)
    assert fields["Languages"]  # ISO 639-2 as calibre writes it
    import langcodes

    expected = langcodes.Language.get(article.meta.language or "").to_alpha3()
    assert fields["Languages"].split(",")[0].strip() == expected
