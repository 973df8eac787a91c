"""The DOCX exporter, read back with python-docx and pandoc."""

from __future__ import annotations

import base64
import io
import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.shared import Pt
from kitchen import PNG_DATA_URI

from convert import pandoc_run
from convert.base import ExportOptions, collect_warnings
from convert.exporters._docx_reference import build_reference_docx, page_size_mm, reference_docx
from convert.exporters.docx import DocxExporter, w3cdtf
from convert.model import (
    Article,
    Author,
    BlockQuote,
    Code,
    CodeBlock,
    Figure,
    Heading,
    Link,
    List,
    Math,
    Metadata,
    Paragraph,
    Quote,
    Table,
    Text,
    plain_text,
)
from convert.pandoc_ast import article_to_pandoc, pandoc_to_article, xml_safe
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
    assert _styled(document, "Date") == ["October 14, 2024, 10:37\u202fPM"]  # the date every format shows


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
    assert core.created == datetime(2024, 10, 14, tzinfo=UTC)  # a local time has no UTC stamp: its date
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
    # The date: pandoc alone reads the shown "Date" paragraph; DocxReader reads the exact
    # ISO value from docProps/custom.xml (tests/test_locale.py).
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
    assert w3cdtf("2024-10-14") == "2024-10-14"
    assert w3cdtf("2024-10-14T22:37:00") == "2024-10-14"  # a local time is never written as UTC
    assert w3cdtf("soon") is None
    assert page_size_mm("A5") == (148.0, 210.0)
    assert page_size_mm("200mm 100mm") == (200.0, 100.0)


def test_quotation_marks_follow_the_language(theme: Theme) -> None:
    inner = Quote((Text("Nein "), Quote((Text("nie"),))), speaker="Jane")
    art = Article(meta=Metadata(title="x", language="de-DE"), body=(Paragraph((Text("Sie sagte "), inner)),))
    doc = docx.Document(io.BytesIO(DocxExporter().export(art, theme, ExportOptions())))
    assert doc.paragraphs[-1].text == "Sie sagte „Nein ‚nie‘“"


# --------------------------------------------------------------------------
# Hostile input (issue 6)


def pixel_bomb_png(side: int = 30_000) -> bytes:
    """A 1-bit PNG of side x side pixels: about 100 KB that pandoc decodes until its heap runs out."""
    row = b"\x00" * (1 + (side + 7) // 8)
    comp = zlib.compressobj(9)
    idat = b"".join(comp.compress(row) for _ in range(side)) + comp.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def _media(data: bytes) -> list[bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return [zf.read(n) for n in zf.namelist() if n.startswith("word/media/")]


def test_pixel_bombs_are_dropped_with_their_text_kept(tmp_path: Path, theme: Theme) -> None:
    """A tiny PNG declaring 900 million pixels made pandoc run out of heap: the whole export failed."""
    bomb = pixel_bomb_png()
    (tmp_path / "bomb.png").write_bytes(bomb)
    (tmp_path / "ok.png").write_bytes(RED_PNG)
    art = Article(
        meta=Metadata(title="Pixels"),
        body=(
            Figure(
                "data:image/png;base64," + base64.b64encode(bomb).decode(), "Bomb alt", (Text("Inline cap"),)
            ),
            Figure("bomb.png", alt="Local bomb", credit="Agency"),
            Figure("ok.png", alt="Fine"),
            Figure(PNG_DATA_URI, alt="Fine too"),
        ),
    )
    with collect_warnings() as warnings:
        data = DocxExporter().export(art, theme, ExportOptions(base_dir=tmp_path))
    assert _media(data) == [RED_PNG]  # pandoc stores the two copies once
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.read("word/document.xml").count(b"<pic:pic>") == 2
    doc = docx.Document(io.BytesIO(data))
    paras = [(p.style.name if p.style is not None else "", p.text) for p in doc.paragraphs]
    assert ("Captioned Figure", "Bomb alt") in paras and ("Image Caption", "Inline cap") in paras
    assert ("Captioned Figure", "Local bomb") in paras and ("Image Caption", "Agency") in paras
    assert len(warnings) == 2, warnings
    assert warnings[0].startswith("docx: skipped image data:image/png;base64,")
    assert warnings[1].startswith("docx: skipped image bomb.png (a ")
    assert all("image, over the image_pixels limit of" in w for w in warnings)


def test_images_left_out_are_reported(tmp_path: Path, theme: Theme) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "secret.png").write_bytes(RED_PNG)
    svg_bomb = b'<!DOCTYPE s [<!ENTITY a "aaaa">]><svg xmlns="http://www.w3.org/2000/svg">&a;</svg>'
    (tmp_path / "in" / "bomb.svg").write_bytes(svg_bomb)
    (tmp_path / "in" / "notes.txt").write_text("not a picture", encoding="utf-8")
    srcs = [
        "http://127.0.0.1:9/x.png",
        "../secret.png",
        "bomb.svg",
        "data:image/png;base64,!!!",
        "",
        "missing.png",
        "notes.txt",
    ]
    art = Article(body=tuple(Figure(src, alt=f"alt {i}") for i, src in enumerate(srcs)))
    with collect_warnings() as warnings:
        data = DocxExporter().export(art, theme, ExportOptions(base_dir=tmp_path / "in"))
    assert _media(data) == []
    assert [p.text for p in docx.Document(io.BytesIO(data)).paragraphs] == [f"alt {i}" for i in range(7)]
    assert warnings == [
        "docx: skipped image http://127.0.0.1:9/x.png (remote resources are off: --allow-remote)",
        "docx: skipped image ../secret.png (outside the input's folder)",
        "docx: skipped image bomb.svg (an SVG image declaring XML entities)",
        "docx: skipped image data:image/png;base64,!!! (a malformed data: URI)",
        "docx: skipped image (empty source) (no folder to read local images from)",
        "docx: skipped image missing.png (no such file)",
        "docx: skipped image notes.txt (not an image file)",
    ]


#: Every character XML 1.0 forbids, in one string: C0 controls, lone surrogates, U+FFFE and U+FFFF.
BAD_CHARS = "".join(chr(c) for c in range(0x20) if chr(c) not in "\t\n\r") + "\ud800\udfff\ufffe\uffff"


def test_control_characters_never_reach_the_package(theme: Theme) -> None:
    """A form feed in a code block made word/document.xml unparseable: python-docx refused the file."""
    bad = f"a{BAD_CHARS}b"
    art = Article(
        meta=Metadata(
            title=f"Title{bad}",
            subtitle=bad,
            authors=(Author(f"Ann{bad}"),),
            keywords=(bad,),
            language="en",
            dateline=f"CITY{bad}",
        ),
        body=(
            Paragraph(
                (Text(f"Body {bad}."), Code(bad), Link((Text(bad),), f"https://example.org/{bad}", bad))
            ),
            CodeBlock(f"line\tone\x0c\nline two{bad}", language=f"py{bad}"),
            Table(head=((((Text(bad),),),)), rows=()),
            Figure(PNG_DATA_URI, alt=bad, caption=(Text(bad),), credit=bad),
        ),
    )
    doc = article_to_pandoc(art, for_docx=True, api_version=[1, 23])
    strings = list(_strings(doc))
    assert len(strings) > 50 and not {ch for text in strings for ch in text} & set(BAD_CHARS)
    data = DocxExporter().export(art, theme, ExportOptions())
    document = docx.Document(io.BytesIO(data))
    assert [p.text for p in document.paragraphs] == [
        "Titleab",
        "ab",
        "Annab",
        "CITYab – Body ab.abab",
        "line\tone\nline twoab",
        "",  # the image
        "ab ab",  # caption and credit
    ]
    assert [c.text for t in document.tables for r in t.rows for c in r.cells] == ["ab"]
    core = document.core_properties
    assert (core.title, core.author, core.keywords) == ("Titleab", "Annab", "ab")


def _strings(node: object) -> Iterator[str]:
    """Every string in a pandoc JSON document (keys are fixed names)."""
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for value in node:
            yield from _strings(value)


def test_xml_safe_keeps_what_xml_allows() -> None:
    assert xml_safe(f"x{BAD_CHARS}y") == "xy"
    allowed = "tab\t nl\n cr\r é \u00a0 \u0085 \ud7ff \ue000 \ufffd \U0001f600"
    assert xml_safe(allowed) == allowed


def test_remote_images_are_fetched_with_allow_remote(tmp_path: Path, theme: Theme) -> None:
    # The other exporters fetch a remote image with --allow-remote; the DOCX embeds it too
    # (a server on 127.0.0.1 only, as every fetching test here).
    from loopback import serving_bytes

    with serving_bytes(RED_PNG) as (base, asked):
        src = f"{base}media/red.png"
        art = Article(body=(Figure(src, alt="A red square"),))
        with collect_warnings() as off:
            plain = DocxExporter().export(art, theme, ExportOptions(base_dir=tmp_path))
        assert _media(plain) == [] and asked == []
        assert off == [f"docx: skipped image {src} (remote resources are off: --allow-remote)"]
        with collect_warnings() as warnings:
            options = ExportOptions(base_dir=tmp_path, allow_remote=True, allowed_hosts=("127.0.0.1",))
            data = DocxExporter().export(art, theme, options)
    assert warnings == []
    assert asked == ["/media/red.png"]
    assert _media(data) == [RED_PNG]


# --------------------------------------------------------------------------
# Right to left: the styles a left-to-right article gets, with w:bidi


def _layout(language: str) -> Article:
    words = "نص عربي قصير" if language == "ar" else "שלום עולם" if language == "he" else "plain words"
    para = Paragraph((Text(f"{words} {words} {words}."),))
    return Article(
        meta=Metadata(title=words, language=language),
        body=(
            para,
            para,
            Heading(2, (Text(words),)),
            para,
            BlockQuote((para,)),
            para,
            List(items=((para,), (para,))),
            para,
            para,
        ),
    )


def _styles_and_bidi(data: bytes) -> list[tuple[str | None, bool]]:
    document = docx.Document(io.BytesIO(data))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    return [
        (p.style.name if p.style is not None else None, p._p.find(f"{w}pPr/{w}bidi") is not None)
        for p in document.paragraphs
    ]


@pytest.mark.parametrize("language", ["ar", "he"])
@pytest.mark.parametrize("writer", ["direct", "pandoc"])
def test_right_to_left_paragraphs_get_the_left_to_right_styles(
    language: str, writer: str, theme: Theme, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Word showed right-to-left body paragraphs in Normal: pandoc's bidi took the style's place (h29)."""
    if writer == "pandoc":
        monkeypatch.setenv("BROADSHEET_DOCX", "pandoc")
    rtl = _styles_and_bidi(DocxExporter().export(_layout(language), theme, ExportOptions()))
    ltr = _styles_and_bidi(DocxExporter().export(_layout("en"), theme, ExportOptions()))
    assert [style for style, _ in rtl] == [style for style, _ in ltr]
    assert [style for style, _ in rtl if style not in ("Title", "Heading 2", "Block Text", "Compact")] == [
        "First Paragraph",  # first after the title block
        "Body Text",
        "First Paragraph",  # after a heading
        "First Paragraph",  # after a block quote (list items are Compact)
        "First Paragraph",  # after a list
        "Body Text",
    ]
    assert all(bidi for _, bidi in rtl) and not any(bidi for _, bidi in ltr)


def _math_layout(language: str) -> Article:
    words = "نص عربي قصير" if language == "ar" else "plain words"
    para = Paragraph((Text(f"{words} {words} {words}."),))
    return Article(
        meta=Metadata(title=words, language=language),
        body=(
            para,
            Paragraph((Math("x^2 + y^2 = z^2", display=True),)),
            para,
            Paragraph((Math("a+b"),)),
            para,
        ),
    )


def test_right_to_left_math_paragraphs_get_the_left_to_right_styles(theme: Theme) -> None:
    """A math-only paragraph had no style (no w:t) and the one after display math Body Text (r36)."""
    rtl = _styles_and_bidi(DocxExporter().export(_math_layout("ar"), theme, ExportOptions()))
    ltr = _styles_and_bidi(DocxExporter().export(_math_layout("en"), theme, ExportOptions()))
    assert [style for style, _ in rtl] == [style for style, _ in ltr]
    assert [style for style, _ in rtl] == [
        "Title",
        "First Paragraph",
        "Body Text",  # display math
        "First Paragraph",  # after display math, as pandoc gives it
        "Body Text",  # inline math alone
        "Body Text",
    ]
    assert all(bidi for _, bidi in rtl)
