"""The pandoc readers: Markdown, DOCX, ODT, EPUB, RST, LaTeX, Org -> article tree."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import CORPUS
from kitchen import PNG_DATA_URI

import convert
from convert import limits, pandoc_run
from convert.base import ReadOptions
from convert.errors import ConvertError, InputError, LimitError
from convert.model import (
    Article,
    Author,
    Figure,
    Heading,
    Metadata,
    NoteRef,
    Paragraph,
    Table,
    Text,
    plain_text,
    walk,
)
from convert.readers import _package_meta as M
from convert.readers import pandoc as P
from convert.registry import readers

READERS = (P.MarkdownReader, P.DocxReader, P.OdtReader, P.EpubReader, P.RstReader, P.LatexReader, P.OrgReader)


@pytest.fixture(autouse=True, scope="module")
def _registered() -> Iterator[None]:
    """Register the readers in this process, as the entry points will once declared."""
    for cls in READERS:
        readers.register(cls.name, cls, override=True)
    yield


FRONT_MATTER = b"""---
title: Harbour Report
subtitle: Ships return to the port
authors:
  - name: Jane Doe
    role: Correspondent
  - name: John Roe
date: 2024-03-02
lang: en-GB
publisher: The Harbour Gazette
keywords: [ports, trade]
---

OSLO -- The harbour reopened on Monday.[^1]

## Traffic

| Port | Ships |
|------|------:|
| Oslo | 12 |

![A crane at dawn](img/crane.png)

[^1]: According to the port authority.
"""

MARKDOWN_FOR_ZIPS = f"""---
title: Harbour Report
author: [Jane Doe, John Roe]
date: 2024-03-02
lang: en-GB
---

The harbour reopened.[^1]

![A crane at dawn]({PNG_DATA_URI})

| Port | Ships |
|------|------:|
| Oslo | 12 |

[^1]: According to the port authority.
""".encode()


def read(data: bytes, fmt: str) -> tuple[Article, dict[str, str]]:
    where: dict[str, str] = {}
    return readers.get(fmt).read(data, ReadOptions(provenance=where)), where


def figures(article: Article) -> list[Figure]:
    return [b for b in walk(article.body) if isinstance(b, Figure)]


# --------------------------------------------------------------------------
# Markdown and the text formats


def test_markdown_front_matter_fills_meta() -> None:
    article, where = read(FRONT_MATTER, "markdown")
    m = article.meta
    assert m.title == "Harbour Report"
    assert m.subtitle == "Ships return to the port"
    assert [(a.name, a.role) for a in m.authors] == [("Jane Doe", "Correspondent"), ("John Roe", None)]
    assert m.published == "2024-03-02"
    assert m.language == "en-GB"
    assert m.publisher == "The Harbour Gazette"
    assert m.keywords == ("ports", "trade")
    assert where["title"] == "YAML front matter: title"
    assert where["published"] == "YAML front matter: date"
    assert where["authors"] == "YAML front matter: authors"


def test_markdown_body_notes_tables_and_figures() -> None:
    article, where = read(FRONT_MATTER, "markdown")
    assert isinstance(article.body[1], Heading) and article.body[1].id is None  # no auto identifiers
    refs = [n for n in walk(article.body) if isinstance(n, NoteRef)]
    assert [r.id for r in refs] == [n.id for n in article.notes] == ["n1"]
    assert plain_text(article.notes[0].body) == "According to the port authority."
    table = next(b for b in article.body if isinstance(b, Table))
    assert plain_text(table.rows[0][1]) == "12"
    assert [(f.src, f.alt) for f in figures(article)] == [("img/crane.png", "A crane at dawn")]
    assert where["notes"].startswith("1 note(s)")


def test_markdown_without_front_matter_takes_its_only_top_heading_as_title() -> None:
    article, where = read(b"# The Only Headline\n\nFirst paragraph.\n\n## Part\n\nMore.\n", "markdown")
    assert article.meta.title == "The Only Headline"
    assert isinstance(article.body[0], Paragraph)
    assert "level-1 heading" in where["title"]
    two, _ = read(b"# One\n\nText.\n\n# Two\n\nText.\n", "markdown")
    assert two.meta.title is None and len(two.body) == 4


def test_markdown_in_a_legacy_encoding_is_decoded() -> None:
    text = "# Caf\u00e9 cr\u00e8me\n\nLe gar\u00e7on a servi le caf\u00e9 tr\u00e8s chaud, comme toujours \u00e0 Paris.\n"
    article, _ = read(text.encode("cp1252"), "markdown")
    assert article.meta.title == "Caf\u00e9 cr\u00e8me"
    assert "gar\u00e7on" in plain_text(article.body)


@pytest.mark.parametrize(
    ("fmt", "source", "title_where"),
    [
        (
            "rst",
            b"==============\nHarbour Report\n==============\n\n:Author: Jane Doe\n:Date: 2024-03-02\n\n"
            b"The harbour reopened [#]_.\n\n.. [#] According to the port authority.\n",
            "reStructuredText title / docinfo field: title",
        ),
        (
            "latex",
            b"\\documentclass{article}\\title{Harbour Report}\\author{Jane Doe}\\date{2024-03-02}"
            b"\\begin{document}\\maketitle The harbour reopened.\\footnote{According to the port authority.}"
            b"\\end{document}\n",
            "LaTeX command \\title",
        ),
        (
            "org",
            b"#+TITLE: Harbour Report\n#+AUTHOR: Jane Doe\n#+DATE: 2024-03-02\n\n"
            b"The harbour reopened.[fn:1]\n\n[fn:1] According to the port authority.\n",
            "Org keyword #+TITLE",
        ),
    ],
)
def test_rst_latex_org(fmt: str, source: bytes, title_where: str) -> None:
    article, where = read(source, fmt)
    assert article.meta.title == "Harbour Report"
    assert [a.name for a in article.meta.authors] == ["Jane Doe"]
    assert article.meta.published == "2024-03-02"
    assert plain_text(article.body).startswith("The harbour reopened")
    assert [plain_text(n.body) for n in article.notes] == ["According to the port authority."]
    assert where["title"] == title_where


def test_latex_cannot_read_files_outside_the_input(tmp_path: Path) -> None:
    secret = tmp_path / "secret.tex"
    secret.write_text("TOP SECRET TEXT")
    article, _ = read(
        f"\\documentclass{{article}}\\begin{{document}}Before \\input{{{secret}}}\\end{{document}}".encode(),
        "latex",
    )
    assert "TOP SECRET" not in plain_text(article.body)


# --------------------------------------------------------------------------
# DOCX, ODT, EPUB


def test_docx_from_our_exporter_reads_back(kitchen_sink: Article) -> None:
    data = convert.write(kitchen_sink, "docx")
    assert isinstance(data, bytes)
    article, where = read(data, "docx")
    m, k = article.meta, kitchen_sink.meta
    assert (m.title, m.subtitle) == (k.title, k.subtitle)
    assert [a.name for a in m.authors] == [a.name for a in k.authors]
    assert m.authors[0].bio == k.authors[0].bio
    for name in ("published", "updated", "dateline", "publisher", "language", "description", "url", "rights"):
        assert getattr(m, name) == getattr(k, name), name
    assert m.keywords == k.keywords
    assert where["published"] == "docProps/custom.xml property 'published'"
    assert where["language"] == "docProps/core.xml dc:language"
    assert where["title"] == "Word paragraph styled Title (pandoc)"
    # The image is embedded in the tree, not written anywhere.
    [fig] = figures(article)
    assert fig.src.startswith("data:image/png;base64,")
    assert "embedded" in where["images"]
    assert any(isinstance(b, Table) for b in article.body)
    footnotes = [n for n in article.notes if n.kind == "footnote"]
    assert footnotes and "footnote" in plain_text(footnotes[0].body)


def test_epub_from_our_exporter_has_its_header_once() -> None:
    # Our EPUB prints kicker (publisher), headline, byline and dates above the body, in the article's
    # language; read back, they are metadata only, not paragraphs and a second headline in the body.
    meta = Metadata(
        title="Le marché couvert rouvre ses portes",
        authors=(Author("Claire Martin"), Author("Paul Durand")),
        publisher="Le Courrier du Port",
        published="2024-06-11T08:30:00+02:00",
        updated="2024-06-11T10:05:00+02:00",
        language="fr",
    )
    first = "Après dix-huit mois de travaux, le marché couvert accueille de nouveau ses clients."
    body = (Paragraph((Text(first),)), Paragraph((Text("Quarante étals ont repris leur place."),)))
    data = convert.write(Article(meta=meta, body=body), "epub")
    assert isinstance(data, bytes)
    article, _ = read(data, "epub")
    assert article.meta.title == meta.title and article.meta.publisher == meta.publisher
    texts = [plain_text(b) for b in article.body if not isinstance(b, Figure)]  # the cover image stays
    assert texts[0] == first
    assert not any(isinstance(b, Heading) for b in article.body)


def test_docx_renamed_txt_is_sniffed_as_docx(kitchen_sink: Article, tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(bytes(convert.write(kitchen_sink, "docx")))  # type: ignore[arg-type]
    article = convert.read(path)
    assert article.meta.source is not None and article.meta.source.format == "docx"
    assert article.meta.title == kitchen_sink.meta.title


def _pandoc_writes(fmt: str) -> bytes:
    return pandoc_run.run(["-f", "markdown", "-t", fmt, "-o", "-"], MARKDOWN_FOR_ZIPS)


@pytest.mark.parametrize("fmt", ["odt", "epub"])
def test_odt_and_epub_made_by_pandoc(fmt: str) -> None:
    article, where = read(_pandoc_writes(fmt), fmt)
    m = article.meta
    assert m.title == "Harbour Report"
    assert [a.name for a in m.authors] == ["Jane Doe", "John Roe"]
    assert m.published == "2024-03-02"
    assert m.language == "en-GB"
    # The title page is not repeated in the body.
    assert plain_text(article.body[0]).startswith("The harbour reopened")
    [fig] = figures(article)
    assert fig.src.startswith("data:image/png;base64,")
    if fmt == "epub":  # pandoc's ODT reader keeps no alt text; the caption is a paragraph after it
        assert fig.alt == "A crane at dawn"
    assert [plain_text(n.body) for n in article.notes] == ["According to the port authority."]
    assert any(isinstance(b, Table) for b in article.body)
    assert {"title", "authors", "language", "images"} <= set(where)


def test_damaged_zip_is_an_input_error() -> None:
    data = _pandoc_writes("odt")
    with pytest.raises(InputError):
        read(data[: len(data) // 2], "odt")


# --------------------------------------------------------------------------
# Zip bombs: refused from the central directory, never extracted


def _zip_of(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _bomb(member_bytes: int) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            chunk = bytes(1024 * 1024)
            for _ in range(member_bytes // len(chunk)):
                fh.write(chunk)
    return buf.getvalue()


def test_zip_bomb_is_refused_without_extraction() -> None:
    data = _bomb(200 * 1024 * 1024)
    assert len(data) < 1024 * 1024
    with pytest.raises(LimitError, match="expand|compressed"):
        read(data, "docx")


def test_high_ratio_member_below_the_size_limits_is_refused() -> None:
    data = _bomb(20 * 1024 * 1024)
    with pytest.raises(LimitError, match="zip_ratio"):
        read(data, "odt")


def test_too_many_members_is_refused() -> None:
    archive = _zip_of({f"f{i}.txt": b"x" for i in range(12)})
    with limits.override(zip_members=10), pytest.raises(LimitError, match="zip_members"):
        read(archive, "docx")


def test_overlapping_members_are_refused() -> None:
    archive = bytearray(_zip_of({"a.xml": b"<a/>" * 50, "b.xml": b"<b/>" * 50}))
    # Point the second central-directory entry at the first member's header.
    cd = archive.rfind(b"PK\x01\x02")
    archive[cd + 42 : cd + 46] = (0).to_bytes(4, "little")
    with pytest.raises(ConvertError, match="overlap"):
        read(bytes(archive), "docx")


@pytest.mark.corpus
def test_corpus_zip_bombs_are_refused(corpus: Path) -> None:
    folder = corpus / "adversarial-zip" / "src" / "tests" / "data" / "zip"
    for name in ("zbsm.zip", "zipbomb_1G.zip"):
        for fmt in ("docx", "odt", "epub"):
            with pytest.raises(LimitError):
                readers.get(fmt).read((folder / name).read_bytes(), ReadOptions())


# --------------------------------------------------------------------------
# Helpers


def test_docx_core_properties_skip_accounts() -> None:
    assert P.looks_like_person("Jane Doe")
    assert P.looks_like_person("Ludwig van Beethoven")
    for junk in ("Microsoft account", "admin", "Online2PDF.com", "C", "User 1", "Учетная запись Майкрософт"):
        assert not P.looks_like_person(junk), junk


def test_package_keywords_split_at_any_script_s_list_comma() -> None:
    assert M._keywords(["ports; trade", "港口、贸易，航运", "موانئ،تجارة"]) == (
        "ports",
        "trade",
        "港口",
        "贸易",
        "航运",
        "موانئ",
        "تجارة",
    )


def test_xml_parser_resolves_no_entities() -> None:
    evil = b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>'
    root = M.parse_xml(evil)
    assert root is None or "root:" not in "".join(root.itertext())


def test_image_members_are_found_by_the_name_pandoc_gives() -> None:
    names = ["word/media/image4.jpeg", "EPUB/img/check.png", "Pictures/10000.png"]
    assert P._member_for("media/image4.jpeg", names) == "word/media/image4.jpeg"
    assert P._member_for("../img/check.png", names) == "EPUB/img/check.png"
    assert P._member_for("Pictures/10000.png", names) == "Pictures/10000.png"
    assert P._member_for("https://example.org/a.png", names) is None
    assert P._member_for("missing.png", names) is None


# --------------------------------------------------------------------------
# The pandoc test fixtures in the corpus


def _corpus_documents() -> list[Path]:
    root = CORPUS / "pandoc" / "test"
    found = [*root.glob("docx/*.docx"), *root.glob("odt/odt/*.odt"), *root.glob("epub/*.epub")]
    return sorted(found)


@pytest.mark.corpus
@pytest.mark.parametrize("path", _corpus_documents(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_corpus_documents_read_or_fail_cleanly(corpus: Path, path: Path) -> None:
    fmt = {".docx": "docx", ".odt": "odt", ".epub": "epub"}[path.suffix]
    try:
        article = readers.get(fmt).read(path.read_bytes(), ReadOptions())
    except ConvertError as exc:
        assert "\n" not in exc.message
        return
    assert isinstance(article, Article)
    for fig in figures(article):
        assert not fig.src.startswith("/"), "no absolute paths: images stay inside the tree"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Eaton, Alfred", "Alfred Eaton"),
        ("van Gogh, Vincent", "Vincent van Gogh"),
        ("Doe, Jane A.", "Jane A. Doe"),
        ("Alfred Eaton", "Alfred Eaton"),
        ("Smith, Jr.", "Smith, Jr."),
        ("A, B, C", "A, B, C"),
    ],
)
def test_surname_first_names_are_put_in_natural_order(name: str, expected: str) -> None:
    assert P.natural_order(name) == expected


def test_a_member_whose_deflate_stream_is_damaged_reads_as_unreadable() -> None:
    # Found by test_fuzz: a corrupt compressed member raised zlib.error out of the reader.
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("OEBPS/image.png", bytes(range(256)) * 64)
    data = bytearray(buf.getvalue())
    start = 30 + len("OEBPS/image.png")  # the member's compressed bytes follow its local header
    data[start : start + 8] = b"\xff" * 8
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        with pytest.raises(limits.zip_errors()):  # the standard library raises on it
            zf.read("OEBPS/image.png")
        assert M.read_member(zf, "OEBPS/image.png", 1 << 20) is None


def test_a_body_paragraph_that_starts_with_the_date_is_not_a_header_line() -> None:
    from convert.readers.pandoc import drop_title_block

    meta = Metadata(title="Annual Report", published="2024-06-11", language="en")
    lead = "June 11, 2024 · WASHINGTON — The Senate voted on Tuesday to extend the programme."
    body = tuple(Paragraph((Text(t),)) for t in ("Annual Report", lead, "Body."))
    kept, _ = drop_title_block(Article(meta, body))
    assert [plain_text(b) for b in kept.body] == [lead, "Body."]
    # the header line our exporters print (date · Updated date) goes with the title
    dates = "June 11, 2024 · Updated June 12, 2024"
    kept, _ = drop_title_block(Article(meta, (body[0], Paragraph((Text(dates),)), body[2])))
    assert [plain_text(b) for b in kept.body] == ["Body."]


def test_front_matter_and_override_keywords_split_at_any_script_s_list_comma() -> None:
    from convert.normalize import override

    markdown = "---\ntitle: Launch\nkeywords: 火箭、航天，太空\n---\n\nThe rocket flew on Monday.\n"
    assert convert.read(markdown.encode(), from_="markdown").meta.keywords == ("火箭", "航天", "太空")
    article = convert.read(b"Launch\n\nThe rocket flew on Monday.\n", from_="text")
    assert override(article, {"keywords": "قاچاق کالا،استان یزد"}).meta.keywords == (
        "قاچاق کالا",
        "استان یزد",
    )


_BIO_MARKDOWN = """---
title: Sejm przyjął budżet
author: Katarzyna Nowak
date: 2026-12-04
lang: pl
---

Sejm przyjął w piątek ustawę budżetową na 2027 rok.

Deficyt ma wynieść 289 mld zł.

{closing}
"""


@pytest.mark.parametrize("fmt", ["markdown", "odt", "epub", "docx"])
def test_a_closing_bio_is_read_as_the_text_reader_reads_it(fmt: str) -> None:
    """Tester h34's pl.md, uk.odt, ka.epub: the closing paragraph that opens with the bylined writer's
    name is their bio (:func:`convert.readers.text.notes.find_bio`), off the body."""
    bio = "Katarzyna Nowak jest dziennikarką działu ekonomicznego, od 2015 roku relacjonuje prace parlamentu."
    source = _BIO_MARKDOWN.format(closing=bio).encode()
    data = source if fmt == "markdown" else pandoc_run.run(["-f", "markdown", "-t", fmt, "-o", "-"], source)
    article, where = read(data, fmt)
    assert [(a.name, a.bio) for a in article.meta.authors] == [("Katarzyna Nowak", bio)]
    assert plain_text(article.body[-1]) == "Deficyt ma wynieść 289 mld zł."
    assert "find_bio" in where["bio"]


def test_a_closing_paragraph_quoting_the_writer_stays_in_the_body() -> None:
    closing = "Katarzyna Nowak zapytała ministra: „Czy budżet jest bezpieczny?”"
    article, where = read(_BIO_MARKDOWN.format(closing=closing).encode(), "markdown")
    assert [a.bio for a in article.meta.authors] == [None]
    assert plain_text(article.body[-1]) == closing
    assert "bio" not in where


@pytest.mark.parametrize(
    "closing",
    [
        "**Katarzyna Nowak:** Dziękuję za rozmowę.",  # an interview's speaker label
        "— Katarzyna Nowak, Warszawa",  # a signature, dash kept
        "By Friday Katarzyna Nowak had left.",
    ],
)
def test_a_speaker_label_or_a_signature_is_no_bio(closing: str) -> None:
    """Review r39: closing body text is not taken as the writer's bio in a pandoc format either."""
    article, where = read(_BIO_MARKDOWN.format(closing=closing).encode(), "markdown")
    assert [a.bio for a in article.meta.authors] == [None]
    assert plain_text(article.body[-1]) == closing.replace("**", "")
    assert "bio" not in where


_KNOWN_LIMIT = pytest.mark.xfail(
    strict=True,
    reason="a known limit: a closing paragraph with a quotation is body text, a work's title in marks too",
)


@pytest.mark.parametrize(
    ("closing", "bio"),
    [
        # Review r36b: a work's title; pandoc reads the straight marks as a quotation.
        pytest.param("Katarzyna Nowak jest autorką książki „Droga”.", True, marks=_KNOWN_LIMIT),
        pytest.param('Katarzyna Nowak jest autorką książki "Droga".', True, marks=_KNOWN_LIMIT),
        ("Katarzyna Nowak powiedziała, że „rząd nie ma planu”.", False),
        ('Katarzyna Nowak powiedziała, że "rząd nie ma planu".', False),  # its marks were not seen
        ('Katarzyna Nowak zapytała ministra "Dlaczego teraz?" i nie dostała odpowiedzi.', False),  # r47
        ("Katarzyna Nowak usłyszała od ministra tylko „Bez komentarza”.", False),  # review r47
    ],
)
def test_a_closing_bio_may_name_a_work_in_quotation_marks(closing: str, bio: bool) -> None:
    article, where = read(_BIO_MARKDOWN.format(closing=closing).encode(), "markdown")
    if bio:
        assert [a.bio for a in article.meta.authors] == [closing.replace('"Droga"', "„Droga”")]
        assert "find_bio" in where["bio"]
    else:
        assert [a.bio for a in article.meta.authors] == [None]
        assert "bio" not in where
