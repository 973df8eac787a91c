"""Golden files for every exporter, in four languages and three scripts.

Each article in ``tests/golden/articles/`` (and the English sample) is read once;
its tree is kept as ``tests/golden/exporters/<article>/article.json``. The exporter
tests start from that stored tree, not from the reader, so a reader change shows in
``article.json`` alone and an exporter change in that exporter's files alone
(pandoc's ``*-reader.native`` / ``writer.<format>`` split).

Binary outputs are compared by their parts: the EPUB's package document and XHTML
content documents as written; the DOCX's ``word/document.xml`` and ``word/styles.xml``
pretty-printed; the PDF as its catalogue language and title plus every text line with
its page and position (``pdftotext -bbox-layout``, rounded to whole points).

After an intended output change, rewrite them all and review the diff::

    pytest tests/test_golden_exporters.py --regen-golden
    git diff tests/golden/exporters
"""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

import convert
from convert import model
from convert.locale import primary
from convert.model import Article

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "exporters"
ARTICLES = {
    "ashgabat-oped": HERE.parent / "samples" / "ashgabat-oped.txt",  # en, plain text
    "bains-douches-fr": HERE / "golden" / "articles" / "bains-douches-fr.md",
    "maktaba-ar": HERE / "golden" / "articles" / "maktaba-ar.md",
    "shotengai-ja": HERE / "golden" / "articles" / "shotengai-ja.md",
    # en, Markdown with footnotes, formulas and a Python code block (issue 17)
    "footnote-math-code": HERE / "fixtures" / "markdown" / "footnote-math-code.md",
}
#: Text exporters and the golden file each writes.
TEXT_OUTPUTS = {
    "html": "article.html",
    "md": "article.md",
    "txt": "article.txt",
    "brief": "article.brief.txt",
}
#: Attributes that change from one save to the next in Word files (none in pandoc's today).
_VOLATILE_ATTRS = ("rsidR", "rsidRDefault", "rsidP", "rsidRPr", "rsidSect", "rsidTr", "rsidDel")


def read_source(name: str) -> Article:
    """The article as the reader gives it; read from bytes so no machine's path gets in."""
    path = ARTICLES[name]
    return convert.read(path.read_bytes(), name=path.name)


@pytest.fixture
def article(request: pytest.FixtureRequest) -> Article:
    """The stored tree (the exporters' input); read afresh when regenerating."""
    name = request.param
    stored = GOLDEN / name / "article.json"
    if request.config.getoption("--regen-golden") or not stored.exists():
        return read_source(name)
    return model.from_json(json.loads(stored.read_text(encoding="utf-8")))


def _write(article: Article, fmt: str) -> bytes:
    data = convert.write(article, fmt)
    assert isinstance(data, bytes)
    return data


def pretty_xml(data: bytes) -> str:
    """XML indented one element a line, volatile revision ids removed."""
    root = etree.fromstring(data)
    for el in root.iter():
        for key in [k for k in el.attrib if etree.QName(k).localname in _VOLATILE_ATTRS]:
            del el.attrib[key]
    etree.indent(root, space="  ")
    return etree.tostring(root, encoding="unicode") + "\n"


def pdf_text(data: bytes, tmp: Path) -> str:
    """The PDF's /Lang and /Title, then each text line as ``page x y text`` (points, rounded)."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    lang = reader.trailer["/Root"].get("/Lang")
    title = reader.metadata.title if reader.metadata else None
    out = [f"/Lang {lang}", f"/Title {title}", f"pages {len(reader.pages)}"]
    src, layout = tmp / "doc.pdf", tmp / "doc.html"
    src.write_bytes(data)
    subprocess.run(["pdftotext", "-bbox-layout", "-enc", "UTF-8", str(src), str(layout)], check=True)
    tree = etree.parse(str(layout), etree.XMLParser(recover=True, huge_tree=True))
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    for n, page in enumerate(tree.iterfind(".//x:page", ns), 1):
        for line in page.iterfind(".//x:line", ns):
            words = [w.text or "" for w in line.iterfind("x:word", ns)]
            x, y = round(float(line.get("xMin", 0))), round(float(line.get("yMin", 0)))
            out.append(f"{n} {x:>3} {y:>3} {' '.join(words)}")
    return "\n".join(out) + "\n"


NAMES = sorted(ARTICLES)


@pytest.mark.parametrize("name", NAMES)
def test_reader_tree(name: str, golden) -> None:  # type: ignore[no-untyped-def]
    """The tree every exporter below starts from; the same bytes as the ``json`` exporter writes."""
    golden(_write(read_source(name), "json").decode("utf-8"), GOLDEN / name / "article.json")


@pytest.mark.parametrize("article", NAMES, indirect=True)
@pytest.mark.parametrize("fmt", sorted(TEXT_OUTPUTS))
def test_text_exporters(article: Article, fmt: str, request: pytest.FixtureRequest, golden) -> None:  # type: ignore[no-untyped-def]
    name = request.node.callspec.params["article"]
    golden(_write(article, fmt).decode("utf-8"), GOLDEN / name / TEXT_OUTPUTS[fmt])


@pytest.mark.parametrize("article", NAMES, indirect=True)
def test_epub(article: Article, request: pytest.FixtureRequest, golden) -> None:  # type: ignore[no-untyped-def]
    name = request.node.callspec.params["article"]
    book = zipfile.ZipFile(io.BytesIO(_write(article, "epub")))
    members = [m for m in book.namelist() if m.endswith((".opf", ".xhtml"))]
    assert any(m.endswith(".opf") for m in members)
    for member in members:
        golden(book.read(member).decode("utf-8"), GOLDEN / name / "epub" / Path(member).name)


@pytest.mark.parametrize("article", NAMES, indirect=True)
def test_docx(article: Article, request: pytest.FixtureRequest, golden) -> None:  # type: ignore[no-untyped-def]
    name = request.node.callspec.params["article"]
    doc = zipfile.ZipFile(io.BytesIO(_write(article, "docx")))
    for member in ("word/document.xml", "word/styles.xml"):
        golden(pretty_xml(doc.read(member)), GOLDEN / name / "docx" / Path(member).name)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("article", NAMES, indirect=True)
def test_pdf(article: Article, request: pytest.FixtureRequest, tmp_path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    name = request.node.callspec.params["article"]
    golden(pdf_text(_write(article, "pdf"), tmp_path), GOLDEN / name / "article.pdf.txt")


def test_every_article_declares_a_different_language() -> None:
    """The set covers four languages in three scripts, as issue 11 asks."""
    langs = {name: read_source(name).meta.language for name in NAMES}
    assert sorted({str(primary(v)) for v in langs.values()}) == ["ar", "en", "fr", "ja"], langs
