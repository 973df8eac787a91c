"""Accessible EPUB and PDF: DAISY Ace on real books, EPUB Accessibility 1.1 metadata, tagged PDF.

DAISY Ace (npm ``@daisy/ace``, pinned in ``scripts/install-ace.sh``, which the
nox ``tests`` session runs) checks each EPUB with axe-core in the system's
Chromium. Its tests are ``slow`` (a few seconds a book). Without Ace they
fail when ``CI`` is set and skip elsewhere, saying how to install it.

The PDF checks read the structure tree with pikepdf: what a PDF/UA validator
such as veraPDF checks first, though not all of it (see the README).
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pikepdf
import pytest
from ace_util import ROOT, run_ace_many
from click.testing import CliRunner

from convert import api, model
from convert.commands.bundle import bundle_cmd
from convert.exporters.epub import CONFORMS_TO

OPF = "{http://www.idpf.org/2007/opf}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
EPUB_TYPE = "{http://www.idpf.org/2007/ops}type"

# Short original articles, one per script or direction: Markdown with YAML metadata,
# read through the same reader a user's file goes through.
ARTICLES = {
    "en": """---
title: The river ferry returns
author: Jane Porter
date: 2024-05-02
lang: en
---

The ferry across the estuary runs again after two years, the council said on
Thursday. See [the timetable](https://example.org/ferry) for crossings.[^1]

## Fares

- Adults pay two pounds
- Children travel free

[^1]: Crossings stop in high winds.
""",
    "fr": """---
title: Le marché couvert rouvre ses portes
author: Claire Martin
date: 2024-06-11
lang: fr
---

Après dix-huit mois de travaux, le marché couvert accueille de nouveau ses
clients. Le maire a parlé d'« un cœur qui bat à nouveau ». Les horaires sont
[en ligne](https://example.org/marche).

## Les commerçants

Quarante étals ont repris leur place, dont six nouveaux producteurs.
""",
    "ar": """---
title: افتتاح مكتبة جديدة في المدينة القديمة
author: سارة أحمد
date: 2024-03-10
lang: ar
---

افتتحت المكتبة الجديدة أبوابها للجمهور اليوم، وزارها أكثر من ثلاثة آلاف قارئ
في اليوم الأول. يمكن الاطلاع على [المواعيد](https://example.org/maktaba) على
الموقع.

## ساعات العمل

- تفتح المكتبة في التاسعة صباحا
- وتغلق في التاسعة مساء
""",
    "fa": """---
title: بازگشایی پل قدیمی شهر
author: مریم رضایی
date: 2024-04-21
lang: fa
---

پل قدیمی شهر پس از دو سال مرمت دوباره به روی عابران باز شد. شهردار گفت که
[برنامهٔ بازدید](https://example.org/pol) در وبگاه شهرداری آمده است.
""",
    "zh": """---
title: 城市里的新图书馆
author: 李明
date: 2024-03-10
lang: zh
---

老城区的新图书馆今天向公众开放，第一天就有三千多名读者前来参观。馆长说，
[开放时间](https://example.org/library)可以在网站上找到。

## 阅览室

- 儿童阅览室在一楼
- 报刊阅览室在二楼
""",
    "ja": """---
title: 駅前に新しい公園ができる
author: 山田花子
date: 2024-07-01
lang: ja
---

駅前の空き地に新しい公園が来春完成する予定だと市が発表した。詳しくは
[市のサイト](https://example.org/koen)で確認できる。
""",
    "ru": """---
title: В городе открылся новый музей
author: Анна Смирнова
date: 2024-09-15
lang: ru
---

Новый музей городской истории открылся в здании бывшей почты. Подробности
[на сайте музея](https://example.org/muzei).
""",
}


# --------------------------------------------------------------------------
# Books


@pytest.fixture(scope="session")
def article_files(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("articles")
    files = {}
    for lang, text in ARTICLES.items():
        path = folder / f"{lang}.md"
        path.write_text(text, encoding="utf-8")
        files[lang] = path
    return files


def _epub(path: Path) -> bytes:
    return api.write(api.read(path), "epub")


@pytest.fixture(scope="session")
def books(
    article_files: dict[str, Path], sample_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, bytes]:
    from kitchen import KITCHEN_SINK

    out = {"sample": _epub(sample_path), "kitchen-sink": api.write(KITCHEN_SINK, "epub")}
    out["footnote-math-code"] = _epub(ROOT / "tests" / "fixtures" / "markdown" / "footnote-math-code.md")
    out.update({lang: _epub(path) for lang, path in article_files.items()})
    folder = tmp_path_factory.mktemp("bundle")
    book = folder / "collection.epub"
    inputs = [str(sample_path), *(str(p) for p in article_files.values())]
    result = CliRunner().invoke(bundle_cmd, [*inputs, "-o", str(book), "--title", "Around the world", "-q"])
    assert result.exit_code == 0, result.output
    out["bundle"] = book.read_bytes()
    return out


def members(book: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(book)) as zf:
        return {name: zf.read(name) for name in zf.namelist()}


def package(book: bytes) -> ElementTree.Element:
    return ElementTree.fromstring(members(book)["EPUB/content.opf"])


def properties(book: bytes) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for meta in package(book).iter(f"{OPF}meta"):
        if meta.get("property"):
            out.setdefault(meta.get("property", ""), []).append((meta.text or "").strip())
    return out


# --------------------------------------------------------------------------
# EPUB metadata and structure (no Ace needed)


@pytest.mark.parametrize("name", ["sample", "kitchen-sink", "footnote-math-code", "bundle", *ARTICLES])
def test_package_declares_language_and_accessibility(books: dict[str, bytes], name: str) -> None:
    book = books[name]
    root = package(book)
    lang = root.get(XML_LANG)
    dc_language = root.find(f"{OPF}metadata/{{http://purl.org/dc/elements/1.1/}}language")
    assert lang and dc_language is not None and dc_language.text == lang
    if name in ARTICLES:
        assert lang == name
    props = properties(book)
    assert props["schema:accessMode"][0] == "textual"
    assert "textual" in props["schema:accessModeSufficient"]
    assert {"structuralNavigation", "tableOfContents", "readingOrder"} <= set(
        props["schema:accessibilityFeature"]
    )
    assert props["schema:accessibilityHazard"] == ["none"]
    assert len(props["schema:accessibilitySummary"]) == 1 and props["schema:accessibilitySummary"][0]
    assert props["dcterms:conformsTo"] == [CONFORMS_TO]
    assert props["a11y:certifiedBy"]


@pytest.mark.parametrize("name", ["sample", "bundle", "ar", "zh"])
def test_every_content_document_has_lang_title_and_landmarks(books: dict[str, bytes], name: str) -> None:
    files = members(books[name])
    docs = {n: ElementTree.fromstring(data) for n, data in files.items() if n.endswith(".xhtml")}
    assert "EPUB/nav.xhtml" in docs and "EPUB/cover.xhtml" in docs
    for doc_name, doc in docs.items():
        assert doc.get("lang") and doc.get(XML_LANG) == doc.get("lang"), doc_name
        title = doc.find(f"{XHTML}head/{XHTML}title")
        assert title is not None and (title.text or "").strip(), doc_name
        for level in range(1, 7):
            for heading in doc.iter(f"{XHTML}h{level}"):
                assert "".join(heading.itertext()).strip(), f"{doc_name}: empty h{level}"
    navs = {nav.get(EPUB_TYPE): nav for nav in docs["EPUB/nav.xhtml"].iter(f"{XHTML}nav")}
    assert {"toc", "landmarks"} <= set(navs)
    kinds = [a.get(EPUB_TYPE) for a in navs["landmarks"].iter(f"{XHTML}a")]
    assert "bodymatter" in kinds


def test_right_to_left_book_is_rtl_in_package_spine_and_nav(books: dict[str, bytes]) -> None:
    for name in ("ar", "fa"):
        files = members(books[name])
        root = ElementTree.fromstring(files["EPUB/content.opf"])
        assert root.get("dir") == "rtl"
        assert root.find(f"{OPF}spine").get("page-progression-direction") == "rtl"  # type: ignore[union-attr]
        assert b'dir="rtl"' in files["EPUB/nav.xhtml"] and b'dir="rtl"' in files["EPUB/chapter.xhtml"]
    assert ElementTree.fromstring(members(books["zh"])["EPUB/content.opf"]).get("dir") is None


def test_summary_in_english_is_marked_english_in_other_books(books: dict[str, bytes]) -> None:
    def summary(book: bytes) -> ElementTree.Element:
        return next(
            m for m in package(book).iter(f"{OPF}meta") if m.get("property") == "schema:accessibilitySummary"
        )

    assert summary(books["zh"]).get(XML_LANG) == "en"
    assert summary(books["sample"]).get(XML_LANG) is None


def _with_figures(*alts: str) -> model.Article:
    from kitchen import PNG_DATA_URI

    body = tuple(
        model.Figure(PNG_DATA_URI, alt, caption=(model.Text(f"Picture {n}"),) if n == 0 else ())
        for n, alt in enumerate(alts)
    )
    meta = model.Metadata(title="Pictures", language="en")
    return model.Article(meta=meta, body=(model.Paragraph((model.Text("Two pictures."),)), *body))


def test_alternative_text_is_claimed_only_when_every_image_has_alt() -> None:
    described = properties(api.write(_with_figures("A red square", "Another red square"), "epub"))
    assert described["schema:accessMode"] == ["textual", "visual"]
    assert "alternativeText" in described["schema:accessibilityFeature"]
    assert described["schema:accessModeSufficient"] == ["textual", "textual,visual"]
    # The second image has neither alt text nor caption: text alone does not carry it.
    partly = properties(api.write(_with_figures("A red square", ""), "epub"))
    assert "alternativeText" not in partly["schema:accessibilityFeature"]
    assert partly["schema:accessModeSufficient"] == ["textual,visual"]
    assert "dcterms:conformsTo" not in partly
    assert "1 of 2 images" in partly["schema:accessibilitySummary"][0]


def test_empty_headings_are_left_out() -> None:
    meta = model.Metadata(title="Headings", language="en")
    body = (
        model.Heading(2, (model.Text("  "),)),
        model.Paragraph((model.Text("Text."),)),
        model.Heading(2, (model.Text("Real"),)),
    )
    chapter = members(api.write(model.Article(meta=meta, body=body), "epub"))["EPUB/chapter.xhtml"].decode()
    assert chapter.count("<h2") == 1 and ">Real</h2>" in chapter


def test_epub_headings_never_skip_a_level() -> None:
    import re

    meta = model.Metadata(title="Levels", language="en")
    body = tuple(model.Heading(level, (model.Text(f"Level {level}"),)) for level in (1, 4, 6, 2, 5))
    chapter = members(api.write(model.Article(meta=meta, body=body), "epub"))["EPUB/chapter.xhtml"].decode()
    assert re.findall(r"<h(\d)", chapter) == ["1", "2", "3", "4", "2", "3"]


def test_links_are_underlined_in_the_epub_css(books: dict[str, bytes]) -> None:
    css = members(books["sample"])["EPUB/style/epub.css"].decode()
    tail = css[css.rindex("a.noteref") :]  # the EPUB's own rules come after base.css's
    assert "text-decoration: underline" in tail.split("}")[0]


# --------------------------------------------------------------------------
# DAISY Ace


@pytest.fixture(scope="session")
def ace_reports(
    ace: Path, books: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[dict[str, list[tuple[str, str, str, str]]]]:
    # One Ace process for every book, and for the sample without its accessibility metadata (the control).
    books = {**books, "sample-without-accessibility": _without_accessibility(books["sample"])}
    yield run_ace_many(ace, books, tmp_path_factory.mktemp("ace"))


@pytest.mark.slow
@pytest.mark.parametrize("name", ["sample", "kitchen-sink", "footnote-math-code", "bundle", *ARTICLES])
def test_ace_finds_no_violations(ace_reports: dict[str, list[tuple[str, str, str, str]]], name: str) -> None:
    violations = ace_reports[name]
    serious = [v for v in violations if v[2] in ("critical", "serious")]
    assert not serious, serious
    assert not violations, violations  # moderate and minor ones too: none today, keep it so


def _without_accessibility(book: bytes) -> bytes:
    """The book as it was before: no ``xml:lang`` on the package, no schema.org metadata."""
    files = members(book)
    opf = files["EPUB/content.opf"].decode()
    opf = opf.replace(' xml:lang="en"', "")
    opf = "\n".join(line for line in opf.splitlines() if "schema:" not in line)
    files["EPUB/content.opf"] = opf.encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in files.items():
            zf.writestr(name, data, zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return out.getvalue()


@pytest.mark.slow
def test_ace_sees_what_was_missing(ace_reports: dict[str, list[tuple[str, str, str, str]]]) -> None:
    rules = {v[1] for v in ace_reports["sample-without-accessibility"]}
    assert {"epub-lang", "metadata-accessmode", "metadata-accessibilityhazard"} <= rules


def test_install_script_never_stops_the_setup(tmp_path: Path) -> None:
    """Without Node.js it says what is missing and exits 0 (the Ace tests then fail in CI)."""
    scripts = tmp_path / "repo" / "scripts"
    scripts.mkdir(parents=True)
    shutil.copy(ROOT / "scripts" / "install-ace.sh", scripts)
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    for tool in ("dirname", "cat", "mkdir"):
        (bin_dir / tool).symlink_to(shutil.which(tool) or f"/bin/{tool}")
    done = subprocess.run(
        ["/bin/sh", str(scripts / "install-ace.sh")],
        env={"PATH": str(bin_dir)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert "Node.js 20+ and npm are needed" in done.stdout
    assert not (tmp_path / "repo" / ".tools").exists()


# --------------------------------------------------------------------------
# Tagged PDF (pikepdf reads the structure tree)


def _pdf(article: model.Article, variant: str | None = None) -> pikepdf.Pdf:
    from convert.base import ExportOptions

    data = api.write(article, "pdf", options=ExportOptions(pdf_variant=variant))
    assert isinstance(data, bytes)
    return pikepdf.open(io.BytesIO(data))


def structure(pdf: pikepdf.Pdf) -> list[pikepdf.Dictionary]:
    """Every structure element, in document order."""
    out: list[pikepdf.Dictionary] = []

    def visit(node: object) -> None:
        if isinstance(node, pikepdf.Array):
            for child in node:
                visit(child)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            out.append(node)
            if "/K" in node:
                visit(node.K)

    visit(pdf.Root.StructTreeRoot.K)
    return out


def marked_content(pdf: pikepdf.Pdf) -> list[str]:
    """The tags of every marked-content sequence on every page (``/Artifact``, ``/Figure`` …)."""
    return [
        str(operands[0])
        for page in pdf.pages
        for operands, operator in pikepdf.parse_content_stream(page)
        if str(operator) in ("BDC", "BMC")
    ]


def untagged_content(pdf: pikepdf.Pdf, elements: list[pikepdf.Dictionary]) -> set[tuple[int, int]]:
    """``(page, MCID)`` of marked content that no element of the tree holds: neither real content nor artifact."""
    page_number = {page.obj.objgen: n for n, page in enumerate(pdf.pages)}
    tagged: set[tuple[int, int]] = set()
    for element in elements:
        kids = element.get("/K", [])
        kids = kids if isinstance(kids, pikepdf.Array) else [kids]
        page = page_number.get(element.Pg.objgen) if "/Pg" in element else None
        tagged |= {(page, int(k)) for k in kids if isinstance(k, int) and page is not None}
    marked = set()
    for n, page in enumerate(pdf.pages):
        for operands, operator in pikepdf.parse_content_stream(page):
            if (
                str(operator) == "BDC"
                and isinstance(operands[1], pikepdf.Dictionary)
                and "/MCID" in operands[1]
            ):
                marked.add((n, int(operands[1].MCID)))
    return marked - tagged


def check_tagged(pdf: pikepdf.Pdf, article: model.Article) -> list[pikepdf.Dictionary]:
    """The checks a PDF/UA validator starts with that pikepdf can make; the elements, for more."""
    return check_structure(pdf, article.meta.title or "", article.meta.language or "en")


def check_structure(pdf: pikepdf.Pdf, title: str, lang: str) -> list[pikepdf.Dictionary]:
    root = pdf.Root
    assert bool(root.MarkInfo.Marked) is True
    assert "/StructTreeRoot" in root and "/ParentTree" in root.StructTreeRoot
    assert str(root.Lang) == lang
    assert bool(root.ViewerPreferences.DisplayDocTitle) is True
    assert str(pdf.docinfo["/Title"]) == title
    elements = structure(pdf)
    assert not untagged_content(pdf, elements)
    kinds = [str(e.S) for e in elements]
    for figure in (e for e in elements if e.S == "/Figure"):
        assert str(figure.get("/Alt", "")).strip(), "a /Figure without /Alt"
    levels = [int(k[2]) for k in kinds if len(k) == 3 and k.startswith("/H") and k[2].isdigit()]
    assert levels and levels[0] == 1
    assert all(b <= a + 1 for a, b in zip(levels, levels[1:], strict=False)), levels
    for element in elements:
        if element.S == "/L":
            assert {str(k.S) for k in element.K if isinstance(k, pikepdf.Dictionary)} <= {"/LI", "/L"}
    return elements


@pytest.fixture(scope="session")
def tagging_article() -> model.Article:
    """Headings that skip levels, a list, and figures with alt text, caption only, or neither."""
    from kitchen import PNG_DATA_URI

    m = model
    body = (
        m.Paragraph((m.Text("An opening paragraph."),)),
        m.Heading(2, (m.Text("Section"),)),
        m.Heading(4, (m.Text("Skipped a level"),)),
        m.List(((m.Paragraph((m.Text("one"),)),), (m.Paragraph((m.Text("two"),)),)), ordered=True),
        m.Figure(PNG_DATA_URI, "A red square"),
        m.Figure(PNG_DATA_URI, "", caption=(m.Text("Only a caption"),)),
        m.Figure(PNG_DATA_URI, ""),
        m.Heading(2, (m.Text("Back up"),)),
        m.Heading(6, (m.Text("Far down"),)),
    )
    meta = m.Metadata(title="Tagged structure", language="en-GB", authors=(m.Author("Ann Lee"),))
    return m.Article(meta=meta, body=body)


@pytest.mark.parametrize("variant", [None, "pdf/ua-1"])
def test_pdf_is_tagged_with_alt_text_and_ordered_headings(
    tagging_article: model.Article, variant: str | None
) -> None:
    pdf = _pdf(tagging_article, variant)
    elements = check_tagged(pdf, tagging_article)
    kinds = [str(e.S) for e in elements]
    assert [k for k in kinds if k[:2] == "/H" and k[2:].isdigit()] == ["/H1", "/H2", "/H3", "/H2", "/H3"]
    assert sorted(str(e.Alt) for e in elements if e.S == "/Figure") == ["A red square", "Only a caption"]
    assert "/L" in kinds and kinds.count("/LI") == 2 and "/Lbl" in kinds
    # The image with neither alt text nor caption is decoration: drawn, but as an artifact.
    content = marked_content(pdf)
    assert content.count("/Figure") == 2 and "/Artifact" in content


def test_pdf_ua_declares_itself_and_its_title_in_xmp(tagging_article: model.Article) -> None:
    pdf = _pdf(tagging_article, "pdf/ua-1")
    with pdf.open_metadata() as xmp:
        assert xmp["pdfuaid:part"] == "1"
        assert xmp["dc:title"] == "Tagged structure"


@pytest.mark.parametrize("name", ["ar", "zh", "fr"])
def test_pdf_language_and_structure_in_other_languages(article_files: dict[str, Path], name: str) -> None:
    article = api.read(article_files[name])
    pdf = _pdf(article, "pdf/ua-1")
    check_tagged(pdf, article)


def test_sample_and_kitchen_sink_pdfs_are_tagged(sample_path: Path) -> None:
    from kitchen import KITCHEN_SINK

    for article in (api.read(sample_path), KITCHEN_SINK):
        pdf = _pdf(article)
        assert "/P" in {str(e.S) for e in check_tagged(pdf, article)}


def test_bundle_pdf_is_tagged(article_files: dict[str, Path], sample_path: Path, tmp_path: Path) -> None:
    book = tmp_path / "collection.pdf"
    inputs = [str(sample_path), str(article_files["fr"]), str(article_files["ar"])]
    result = CliRunner().invoke(bundle_cmd, [*inputs, "-o", str(book), "--title", "Three pieces", "-q"])
    assert result.exit_code == 0, result.output
    pdf = pikepdf.open(book)
    # en, fr and ar: the book claims no one language
    kinds = [str(e.S) for e in check_structure(pdf, "Three pieces", "")]
    assert kinds.count("/H1") == 4  # the cover, then each article's title


@pytest.mark.parametrize("variant", [None, "pdf/ua-1"])
def test_pdf_formulas_are_tagged_figures_with_their_tex_as_alt(variant: str | None) -> None:
    """A formula is drawn (SVG), so its structure element is a /Figure; the TeX is its text alternative."""
    article = api.read(ROOT / "tests" / "fixtures" / "markdown" / "footnote-math-code.md")
    pdf = _pdf(article, variant)  # kept open while its elements are read
    elements = check_tagged(pdf, article)
    alts = [str(e.Alt) for e in elements if e.S == "/Figure"]
    assert "Q = m c \\Delta T" in alts and len(alts) == 5
