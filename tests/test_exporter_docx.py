"""The DOCX exporter, read back with python-docx and pandoc."""

from __future__ import annotations

import base64
import io
import re
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.shared import Pt
from kitchen import PNG_DATA_URI

from convert import pandoc_run
from convert.base import ExportOptions
from convert.exporters._docx_reference import build_reference_docx, page_size_mm, reference_docx
from convert.exporters.docx import DocxExporter, w3cdtf
from convert.model import Article, Figure, Metadata, Paragraph, Quote, Text, plain_text
from convert.pandoc_ast import pandoc_to_article
from convert.registry import exporters
from convert.theme import Theme, load_theme

RED_PNG = base64.b64decode(PNG_DATA_URI.split(",", 1)[1])


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme("default")


@pytest.fixture(scope="module")
def kitchen_docx(kitchen_sink: Article, theme: Theme) -> bytes:
    return DocxExporter().export(kitchen_sink, theme, ExportOptions())


@pytest.fixture(scope="module")
def document(kitchen_docx: bytes) -> Document:
    return docx.Document(io.BytesIO(kitchen_docx))


def _styled(document: Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


def test_registered_under_docx() -> None:
    assert isinstance(exporters.get("docx"), DocxExporter)
    assert DocxExporter.extension == "docx"


def test_title_subtitle_authors(document: Document, kitchen_sink: Article) -> None:
    assert _styled(document, "Title") == [kitchen_sink.meta.title]
    assert _styled(document, "Subtitle") == [kitchen_sink.meta.subtitle]
    assert _styled(document, "Author") == ["Ada Lovelace", "Charles Babbage"]
    assert _styled(document, "Date") == ["14 October 2024"]


def test_paragraphs_in_order(document: Document) -> None:
    texts = [p.text for p in document.paragraphs]
    wanted = [
        "LONDON – Plain text with emphasis, strong, inline_code(), a link and a note.",
        "A section heading",
        "The minister said “we will not yield” and called it a “phantom”.\nA second line",
        "A long quotation set off as a block.",
        "— A. Speaker",
        "Code and rules",
        "The last paragraph.",
        "*The author speaks for himself.",
        "The views expressed are the author’s own.",
        "About the author",
        "Ada Lovelace writes about engines.",
    ]
    positions = [next(i for i, t in enumerate(texts) if t.startswith(w)) for w in wanted]
    assert positions == sorted(positions)


def test_word_styles_carry_the_structure(document: Document) -> None:
    lead = next(p for p in document.paragraphs if p.text.startswith("LONDON"))
    assert lead.runs[0].text == "LONDON" and lead.runs[0].style is not None
    assert lead.runs[0].style.name == "Dateline" and lead.runs[0].style.font.bold
    assert _styled(document, "Block Text") == ["A long quotation set off as a block."]
    assert _styled(document, "Attribution") == ["— A. Speaker"]
    assert _styled(document, "Heading 2") == ["A section heading", "About the author"]
    assert _styled(document, "Heading 3") == ["Code and rules"]
    assert _styled(document, "Notes") == [
        "*The author speaks for himself.",
        "The views expressed are the author’s own.",
    ]
    assert _styled(document, "Bio") == ["Ada Lovelace writes about engines."]


def test_footnote_and_image_are_embedded(kitchen_docx: bytes) -> None:
    with zipfile.ZipFile(io.BytesIO(kitchen_docx)) as zf:
        footnotes = zf.read("word/footnotes.xml").decode()
        document = zf.read("word/document.xml").decode()
        media = [n for n in zf.namelist() if n.startswith("word/media/")]
        assert len(media) == 1 and zf.read(media[0]) == RED_PNG
    assert "A footnote with emphasis." in re.sub(r"<[^>]+>", "", footnotes)
    assert "w:footnoteReference" in document
    assert "data:image" not in document  # pandoc's copy of the URI in descr is dropped


def test_core_properties(document: Document) -> None:
    core = document.core_properties
    assert core.title == "Kitchen Sink: Every Node “Quoted” & <Escaped>"
    assert core.author == "Ada Lovelace; Charles Babbage"
    assert core.language == "en"
    assert core.keywords == "testing, typography"
    assert core.created == datetime(2024, 10, 14, 22, 37, tzinfo=UTC)
    assert core.modified == datetime(2024, 10, 15, tzinfo=UTC)


def test_reference_styles_follow_the_theme(document: Document, theme: Theme) -> None:
    fonts = theme.tokens["fonts"]
    sizes = theme.tokens["sizes"]
    expected = {
        "Normal": (fonts["docx_body"], sizes["body"]),
        "Body Text": (fonts["docx_body"], sizes["body"]),
        "Title": (fonts["docx_heading"], sizes["title"]),
        "Subtitle": (fonts["docx_heading"], sizes["subtitle"]),
        "Heading 2": (fonts["docx_heading"], sizes["h2"]),
        "Heading 3": (fonts["docx_heading"], sizes["h3"]),
        "Block Text": (fonts["docx_body"], sizes["body"]),
        "Footnote Text": (fonts["docx_body"], sizes["small"]),
    }
    for name, (font, size) in expected.items():
        style = document.styles[name]
        assert (style.font.name, style.font.size) == (font, Pt(float(size.removesuffix("pt")))), name
    text_colour = theme.tokens["colors"]["text"].lstrip("#").upper()
    assert str(document.styles["Heading 2"].font.color.rgb) == text_colour
    assert (
        str(document.styles["Subtitle"].font.color.rgb) == theme.tokens["colors"]["muted"].lstrip("#").upper()
    )


def test_page_setup_follows_the_theme(document: Document) -> None:
    section = document.sections[0]
    assert section.page_width is not None and section.page_height is not None
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert section.top_margin is not None and round(section.top_margin.mm) == 22
    assert section.bottom_margin is not None and round(section.bottom_margin.mm) == 24


def test_output_is_deterministic(kitchen_docx: bytes, kitchen_sink: Article, theme: Theme) -> None:
    assert DocxExporter().export(kitchen_sink, theme, ExportOptions()) == kitchen_docx


def test_reads_back_through_pandoc(kitchen_docx: bytes, kitchen_sink: Article) -> None:
    # What issue 3's DOCX reader will do: pandoc (+styles keeps our custom styles) -> Article.
    back = pandoc_to_article(pandoc_run.read_json(kitchen_docx, "docx+styles"))
    assert back.meta.title == kitchen_sink.meta.title
    assert [a.name for a in back.meta.authors] == ["Ada Lovelace", "Charles Babbage"]
    assert back.meta.authors[0].bio == "Ada Lovelace writes about engines."
    assert back.meta.published == "2024-10-14"
    assert back.meta.dateline == "LONDON"
    assert plain_text(back.body[0]) == plain_text(kitchen_sink.body[0])  # the dateline lead is gone
    quote = back.body[3]
    assert plain_text(quote) == "A long quotation set off as a block."
    assert getattr(quote, "attribution", None) == (Text("A. Speaker"),)
    assert [n.kind for n in back.notes] == ["footnote", "note", "note"]
    assert plain_text(back.notes[2].body) == "The views expressed are the author’s own."


def test_local_images_inlined_only_inside_base_dir(tmp_path: Path, theme: Theme) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "pic.png").write_bytes(RED_PNG)
    (tmp_path / "secret.png").write_bytes(RED_PNG)
    art = Article(
        meta=Metadata(title="Pictures"),
        body=(Figure("pic.png", alt="inside"), Figure("../secret.png", alt="outside")),
    )
    data = DocxExporter().export(art, theme, ExportOptions(base_dir=tmp_path / "in"))
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        media = [n for n in zf.namelist() if n.startswith("word/media/")]
    assert len(media) == 1
    text = "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs)
    assert "outside" in text  # pandoc shows the alt text of the image it may not read


def test_custom_theme_tokens(tmp_path: Path) -> None:
    (tmp_path / "theme.toml").write_text(
        '[theme]\nname = "t"\n[fonts]\ndocx_body = "Arial"\ndocx_heading = "Verdana"\n'
        '[sizes]\nbody = "12pt"\ntitle = "30pt"\n[colors]\ntext = "#123456"\n'
        '[page]\nsize = "letter landscape"\nmargin_top = "1in"\n',
        encoding="utf-8",
    )
    custom = load_theme(tmp_path)
    ref = docx.Document(io.BytesIO(build_reference_docx(custom)))
    assert (ref.styles["Normal"].font.name, ref.styles["Normal"].font.size) == ("Arial", Pt(12))
    assert (ref.styles["Title"].font.name, ref.styles["Title"].font.size) == ("Verdana", Pt(30))
    assert str(ref.styles["Heading 1"].font.color.rgb) == "123456"
    section = ref.sections[0]
    assert section.page_width is not None and round(section.page_width.mm) == 279
    assert section.top_margin is not None and round(section.top_margin.mm) == 25
    assert reference_docx(custom) != reference_docx(load_theme("default"))
    assert reference_docx(custom) == reference_docx(custom)  # cached


def test_article_without_metadata(theme: Theme) -> None:
    data = DocxExporter().export(Article(body=(Paragraph((Text("Just text."),)),)), theme, ExportOptions())
    doc = docx.Document(io.BytesIO(data))
    assert [p.text for p in doc.paragraphs] == ["Just text."]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert b"1970" not in zf.read("docProps/core.xml")  # no invented dates


def test_helpers() -> None:
    assert w3cdtf("2024-10-14T22:37:00+03:00") == "2024-10-14T19:37:00Z"
    assert w3cdtf("2024-10-14") == "2024-10-14T00:00:00Z"
    assert w3cdtf("soon") is None
    assert page_size_mm("A5") == (148.0, 210.0)
    assert page_size_mm("200mm 100mm") == (200.0, 100.0)


def test_quotation_marks_follow_the_language(theme: Theme) -> None:
    inner = Quote((Text("Nein "), Quote((Text("nie"),))), speaker="Jane")
    art = Article(meta=Metadata(title="x", language="de-DE"), body=(Paragraph((Text("Sie sagte "), inner)),))
    doc = docx.Document(io.BytesIO(DocxExporter().export(art, theme, ExportOptions())))
    assert doc.paragraphs[-1].text == "Sie sagte „Nein ‚nie‘“"
