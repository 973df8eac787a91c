"""Footnotes, formulas and code in every format (issue 17, items 4 and 5).

The fixture ``fixtures/markdown/footnote-math-code.md`` holds two footnotes, an
inline and a displayed formula and a Python code block. The PDF must put each
footnote at the foot of the page that calls it (in the two-column layout too),
draw the formulas instead of printing their TeX and colour the code; the EPUB
uses pop-up notes and MathML (epubcheck and Ace run on it in
``test_exporter_epub.py`` and ``test_accessibility.py``); DOCX gets Word
footnotes and equations; ``--notes end`` keeps end notes everywhere.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from convert import api, model
from convert.base import ExportOptions, collect_warnings
from convert.cli import cli
from convert.errors import UsageError
from convert.exporters._code import MIN_CONTRAST, contrast, highlight, legible
from convert.exporters.html import Renderer
from convert.model import Article, Math, Metadata, Note, NoteRef, Paragraph, Text

HERE = Path(__file__).resolve().parent
FIXTURE = HERE / "fixtures" / "markdown" / "footnote-math-code.md"
TEX_SOURCE = (r"\Delta", r"\mathrm", r"\frac", r"\times", r"\cdot")

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed"
)


@pytest.fixture(scope="module")
def article() -> Article:
    return api.read(FIXTURE)


def render(article: Article, fmt: str, **options: object) -> bytes:
    return api.render(article, fmt, options=ExportOptions(**options)).data  # type: ignore[arg-type]


# --------------------------------------------------------------------------
# PDF: where text lands on the page


def pdf_words(pdf: bytes, tmp_path: Path) -> list[tuple[int, float, str]]:
    """``(page, top y, word)`` for every word of the PDF, from ``pdftotext -bbox``."""
    path = tmp_path / "doc.pdf"
    path.write_bytes(pdf)
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, timeout=120
    ).stdout
    root = etree.fromstring(html, etree.HTMLParser(encoding="utf-8"))
    out: list[tuple[int, float, str]] = []
    joining = False  # a word the layout hyphenated at a line's end is read whole, where it starts
    for n, page in enumerate(root.iter("page"), 1):
        for word in page.iter("word"):
            text = word.text or ""
            if joining:
                out[-1] = (out[-1][0], out[-1][1], out[-1][2][:-1] + text)
            else:
                out.append((n, float(word.get("ymin")), text))
            joining = text.endswith(("\u2010", "-")) and len(text) > 1
    return out


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    return " ".join(w for _, _, w in pdf_words(pdf, tmp_path))


def first(words: list[tuple[int, float, str]], word: str) -> tuple[int, float]:
    for page, y, w in words:
        if w.strip(".,;:") == word:
            return page, y
    raise AssertionError(f"{word!r} is not in the PDF")


def body_words_on(words: list[tuple[int, float, str]], page: int, notes: set[str]) -> list[float]:
    """The y of every word on ``page`` that is not note text (page numbers and running heads aside)."""
    return [y for p, y, w in words if p == page and w not in notes and not w.isdigit()]


@needs_poppler
def test_pdf_footnotes_sit_at_the_foot_of_their_page(article: Article, tmp_path: Path) -> None:
    words = pdf_words(render(article, "pdf"), tmp_path)
    for call, note in (("guess", "tariffs"), ("says", "Manufacturers")):
        call_page, _ = first(words, call)
        note_page, note_y = first(words, note)
        assert note_page == call_page
        note_words = {w for n in article.notes for w in model.plain_text(n.body).split()}
        assert note_y > max(y for y in body_words_on(words, note_page, note_words) if y < note_y)
    text = pdf_text(render(article, "pdf"), tmp_path)
    assert "↩" not in text  # no back links: these are footnotes, not an end-note list


def _long_article(paragraphs: int = 40, tag: str = "") -> Article:
    """Many paragraphs in the two-column layout, a note called from every fourth."""
    filler = (
        "The council met on Tuesday to weigh the budget for roads, schools and the harbour, "
        "and the debate ran well past the hour it had been given on the agenda. "
    ) * 3
    body, notes = [], []
    for i in range(paragraphs):
        content: tuple[model.Inline, ...] = (Text(filler + f"Callword{tag}{i}"),)
        if i % 4 == 0:
            content += (NoteRef(f"n{i}"),)
            notes.append(
                Note(
                    f"n{i}",
                    "footnote",
                    (Paragraph((Text(f"Notetext{tag}{i} says where the figure came from."),)),),
                )
            )
        body.append(Paragraph(content + (Text(" and so on."),)))
    return Article(Metadata(title="A long council report", language="en"), tuple(body), tuple(notes))


@needs_poppler
def test_pdf_footnotes_follow_their_call_across_columns_and_pages(tmp_path: Path) -> None:
    article = _long_article()
    words = pdf_words(render(article, "pdf"), tmp_path)
    pages = {p for p, _, _ in words}
    assert len(pages) >= 3  # the notes are called from both columns of several pages
    for note in article.notes:
        i = note.id[1:]
        call_page, _ = first(words, f"Callword{i}")
        note_page, note_y = first(words, f"Notetext{i}")
        assert note_page == call_page, f"note {i}: called on page {call_page}, printed on page {note_page}"
        body = [y for p, y, w in words if p == note_page and w.startswith("Callword")]
        assert note_y > max(body), f"note {i} is not below the text of its page"


@needs_poppler
def test_bundle_pdf_keeps_footnotes_with_their_calls(tmp_path: Path) -> None:
    sources = []
    for tag in ("A", "B"):
        path = tmp_path / f"{tag}.json"
        path.write_bytes(model.to_json_bytes(_long_article(28, tag)))
        sources.append(str(path))
    book = tmp_path / "book.pdf"
    result = CliRunner().invoke(cli, ["bundle", *sources, "-o", str(book), "--title", "Council", "-q"])
    assert result.exit_code == 0, result.output
    words = pdf_words(book.read_bytes(), tmp_path)
    for tag in ("A", "B"):
        for i in range(0, 28, 4):
            assert first(words, f"Callword{tag}{i}")[0] == first(words, f"Notetext{tag}{i}")[0], (tag, i)


@needs_poppler
def test_notes_end_keeps_end_notes_in_the_pdf(tmp_path: Path) -> None:
    article = _long_article(12)
    words = pdf_words(render(article, "pdf", notes="end"), tmp_path)
    last_call = max(first(words, f"Callword{i}") for i in range(12))
    for note in article.notes:
        assert first(words, f"Notetext{note.id[1:]}") > last_call  # after the whole body


# --------------------------------------------------------------------------
# PDF: formulas drawn, code coloured


@needs_poppler
def test_pdf_draws_formulas_instead_of_printing_tex(article: Article, tmp_path: Path) -> None:
    pdf = render(article, "pdf")
    text = pdf_text(pdf, tmp_path)
    assert not [t for t in TEX_SOURCE if t in text]
    assert "$" not in text
    # Each formula is drawn (an SVG WeasyPrint paints as filled glyph outlines), not set as text.
    as_text = model.replace(article, body=_math_as_text(article.body))
    assert _operator_count(pdf, b"f") >= _operator_count(render(as_text, "pdf"), b"f") + 20
    assert any(t in pdf_text(render(as_text, "pdf"), tmp_path) for t in TEX_SOURCE)  # the check can fail


def _math_as_text(blocks: tuple[model.Block, ...]) -> tuple[model.Block, ...]:
    out: list[model.Block] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            b = Paragraph(tuple(Text(n.tex) if isinstance(n, Math) else n for n in b.content))
        out.append(b)
    return tuple(out)


def _operator_count(pdf: bytes, operator: bytes) -> int:
    import pypdf
    from pypdf.generic import ContentStream

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    total = 0
    for page in reader.pages:
        total += sum(1 for _, op in ContentStream(page.get_contents(), reader).operations if op == operator)
    return total


def _fill_colours(pdf: bytes) -> set[tuple[float, ...]]:
    import pypdf
    from pypdf.generic import ContentStream

    reader = pypdf.PdfReader(io.BytesIO(pdf))
    found = set()
    for page in reader.pages:
        ops = ContentStream(page.get_contents(), reader).operations
        for operands, op in ops:
            if op in (b"rg", b"sc", b"scn") and len(operands) == 3:
                found.add(tuple(round(float(v), 2) for v in operands))
    return found


def test_pdf_code_is_coloured(article: Article) -> None:
    plain = _fill_colours(render(replace_code_language(article, None), "pdf"))
    coloured = _fill_colours(render(article, "pdf"))
    assert len(coloured - plain) >= 3  # keywords, strings, comments, numbers ... each its own colour


def replace_code_language(article: Article, language: str | None) -> Article:
    body = tuple(
        model.replace(b, language=language) if isinstance(b, model.CodeBlock) else b for b in article.body
    )
    return model.replace(article, body=body)


# --------------------------------------------------------------------------
# HTML and EPUB markup


def test_html_has_mathml_and_coloured_code(article: Article) -> None:
    page = render(article, "html").decode()
    body = page[page.index("<body>") :]
    assert body.count("<math ") == 5
    assert 'display="block"' in body and '<p class="equation">' in body
    visible = re.sub(r"<[^>]+>", "", body)
    assert not [t for t in TEX_SOURCE if t in visible]
    code = body[body.index('<code class="language-python">') : body.index("</pre>")]
    colours = set(re.findall(r"color: (#[0-9A-Fa-f]{3,6})", code))
    assert len(colours) >= 3
    for colour in colours:
        assert contrast(colour, "#f6f4ef") >= MIN_CONTRAST, colour


def test_epub_pop_up_footnotes_and_mathml_property(article: Article) -> None:
    with zipfile.ZipFile(io.BytesIO(render(article, "epub"))) as zf:
        chapter = zf.read("EPUB/chapter.xhtml").decode()
        opf = zf.read("EPUB/content.opf").decode()
        css = zf.read("EPUB/style/epub.css").decode()
    assert chapter.count('epub:type="noteref"') == 2
    assert chapter.count('<aside id="fn-') == 2 and 'epub:type="footnote"' in chapter
    # code is coloured through token classes and the book's stylesheet (Kobo: no inline styles)
    assert "<math " in chapter and 'class="tok-k"' in chapter and "style=" not in chapter
    assert re.search(r"pre \.tok-k \{ color: #", css)
    item = re.search(r'<item href="chapter.xhtml"[^>]*>', opf)
    assert item and 'properties="mathml"' in item.group()
    etree.fromstring(chapter.encode())  # well-formed XHTML


def test_epub_notes_end_are_end_notes(article: Article) -> None:
    with zipfile.ZipFile(io.BytesIO(render(article, "epub", notes="end"))) as zf:
        chapter = zf.read("EPUB/chapter.xhtml").decode()
    assert 'epub:type="endnotes"' in chapter and chapter.count('epub:type="endnote"') == 2
    assert 'epub:type="footnote"' not in chapter


def test_unreadable_tex_stays_as_code_with_a_warning() -> None:
    art = Article(
        Metadata(title="Bad", language="en"),
        (
            Paragraph(
                (Text("x "), Math("a_")),
            ),
        ),
    )
    with collect_warnings() as found:
        markup = Renderer(art).article_element()
    assert '<code class="math tex">a_</code>' in markup
    assert found == ["html: cannot read the TeX formula 'a_'; kept as TeX"]


# --------------------------------------------------------------------------
# DOCX, Markdown, plain text


def _docx_part(docx: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(docx)) as zf:
        return zf.read(name).decode() if name in zf.namelist() else ""


def test_docx_has_word_footnotes_equations_and_highlighting(article: Article) -> None:
    docx = render(article, "docx")
    document = _docx_part(docx, "word/document.xml")
    assert document.count("<w:footnoteReference") == 2
    assert "tariffs" in _docx_part(docx, "word/footnotes.xml")
    assert "<m:oMathPara>" in document and document.count("<m:oMath>") >= 5
    assert 'w:val="KeywordTok"' in document  # pandoc's highlighting keeps the language's colours


def test_docx_notes_end(article: Article) -> None:
    docx = render(article, "docx", notes="end")
    document = _docx_part(docx, "word/document.xml")
    assert "<w:footnoteReference" not in document
    assert "Notes" in document and "tariffs" in document


def test_docx_notes_end_without_math_or_code() -> None:
    """An article the direct DOCX writer could write still gets end notes, not Word footnotes."""
    plain = Article(
        meta=Metadata(title="Notes"),
        body=(Paragraph((Text("Tariffs rose."), NoteRef("n1"))),),
        notes=(Note("n1", "footnote", (Paragraph((Text("Customs data, 2024."),)),)),),
    )
    assert "<w:footnoteReference" in _docx_part(render(plain, "docx"), "word/document.xml")
    document = _docx_part(render(plain, "docx", notes="end"), "word/document.xml")
    assert "<w:footnoteReference" not in document and "Customs data, 2024." in document


def test_md_and_txt_keep_tex_and_the_language(article: Article) -> None:
    md = render(article, "md").decode()
    assert r"$Q = m c \Delta T$" in md and "$$Q = 1" in md and "``` python" in md
    assert "[^1]" in md
    txt = render(article, "txt").decode()
    assert r"$Q = m c \Delta T$" in txt and "$$Q = 1" in txt


def test_json_round_trip_keeps_math(article: Article) -> None:
    data = model.to_json(article)
    assert model.from_json(data) == article
    assert any(isinstance(n, Math) and n.display for n in model.walk(article.body))


# --------------------------------------------------------------------------
# Options, colours


def test_cli_notes_option(tmp_path: Path) -> None:
    out = tmp_path / "out.docx"
    result = CliRunner().invoke(
        cli, ["convert", str(FIXTURE), "--to", "docx", "-o", str(out), "--notes", "end", "-q"]
    )
    assert result.exit_code == 0, result.output
    assert "<w:footnoteReference" not in _docx_part(out.read_bytes(), "word/document.xml")
    bad = CliRunner().invoke(
        cli, ["convert", str(FIXTURE), "--to", "txt", "-o", str(tmp_path), "--notes", "side"]
    )
    assert bad.exit_code == 2 and "side" in bad.output
    assert not (tmp_path / "footnote-math-code.txt").exists()


def test_api_notes_argument(tmp_path: Path) -> None:
    written = api.convert(FIXTURE, tmp_path, to="epub", notes="end")
    with zipfile.ZipFile(written[0]) as zf:
        assert 'epub:type="endnotes"' in zf.read("EPUB/chapter.xhtml").decode()
    with pytest.raises(UsageError, match="notes='side'"):
        api.convert(FIXTURE, tmp_path / "x", to="txt", notes="side")


@pytest.mark.parametrize("colour", ["#ffffff", "#bbbbbb", "#ff0000", "#00ff00", "#4e9a06", "#000000"])
def test_legible_colours_reach_the_contrast_minimum(colour: str) -> None:
    for background in ("#ffffff", "#f6f4ef"):
        assert contrast(legible(colour, background), background) >= MIN_CONTRAST


def test_legible_keeps_a_colour_that_passes() -> None:
    assert legible("#008000", "#ffffff") == "#008000"


def test_code_without_a_known_language_stays_plain() -> None:
    assert highlight("x = 1", None) is None
    assert highlight("x = 1", "no-such-language") is None
    assert "<span" in (highlight("x = 1", "Python") or "")


# --------------------------------------------------------------------------
# Readers: math from DOCX (Word equations) and LaTeX


def test_docx_equations_read_back_as_math(article: Article) -> None:
    back = api.read(render(article, "docx"), name="kettle.docx")
    found = [n for n in model.walk(back.body) if isinstance(n, Math)]
    assert [m.display for m in found] == [False, True, False, False, False]
    assert found[0].tex.replace(" ", "") == r"Q=mc\DeltaT"


def test_latex_math_reads_as_math() -> None:
    tex = rb"""\documentclass{article}
\title{Heat}
\begin{document}
Water needs $Q = mc\Delta T$ joules, that is
\[ Q \approx 335\,\mathrm{kJ} \]
for a litre.
\end{document}
"""
    found = [n for n in model.walk(api.read(tex, name="heat.tex").body) if isinstance(n, Math)]
    assert found == [Math(r"Q = mc\Delta T"), Math(r"Q \approx 335\,\mathrm{kJ}", display=True)]


def test_theme_picks_the_pygments_style_and_contrast_still_holds(article: Article, tmp_path: Path) -> None:
    theme_dir = tmp_path / "dark-code"
    shutil.copytree(HERE.parent / "styles" / "default", theme_dir)
    toml = theme_dir / "theme.toml"
    toml.write_text(toml.read_text().replace('pygments = "default"', 'pygments = "monokai"'))
    pages = {
        name: api.render(article, "html", style=style).data.decode()
        for name, style in (("default", "default"), ("monokai", theme_dir))
    }
    colours = {name: set(re.findall(r"color: (#[0-9A-Fa-f]{3,6})", page)) for name, page in pages.items()}
    assert colours["default"] != colours["monokai"]
    for colour in colours["monokai"]:
        assert contrast(colour, "#f6f4ef") >= MIN_CONTRAST, colour
