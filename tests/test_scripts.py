"""Scripts and direction: the locale layer's script module and what every format does with it.

The articles under ``fixtures/scripts`` were written for these tests (short
news items about a library opening); none is copied from anywhere.
"""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import textwrap
import unicodedata
import zipfile
from collections import Counter
from pathlib import Path

import pytest
from epubcheck_util import check_epubs, java_available
from lxml import etree
from pypdf import PdfReader
from pypdf.generic import ContentStream

import convert
from convert.base import ExportOptions, collect_warnings
from convert.exporters import pdf as pdf_exporter
from convert.exporters.brief import BriefExporter
from convert.exporters.docx import DocxExporter
from convert.exporters.epub import EpubExporter
from convert.exporters.html import HtmlExporter, script_css
from convert.exporters.pdf import PdfExporter
from convert.exporters.txt import TextExporter
from convert.locale import script
from convert.model import Article, Metadata, Paragraph, Text, plain_text, replace
from convert.theme import load_theme

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "scripts"
SAMPLE = ROOT / "samples" / "ashgabat-oped.txt"
THEME = load_theme("default")
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed"
)


def article(name: str) -> Article:
    return convert.read(FIXTURES / f"{name}.md")


def export(exporter: object, art: Article, warnings: list[str] | None = None) -> bytes:
    with collect_warnings() as found:
        data: bytes = exporter.export(art, THEME, ExportOptions())  # type: ignore[attr-defined]
    if warnings is not None:
        warnings += found
    return data


# --------------------------------------------------------------------------
# convert.locale.script


@pytest.mark.parametrize(
    "tag", ["ar", "fa", "he", "ur", "ps", "yi", "ckb", "ar-EG", "fa_IR", "az-Arab", "pa-Arab"]
)
def test_rtl_languages_from_cldr(tag: str) -> None:
    assert script.is_rtl(tag)
    assert script.direction(tag) == "rtl"


@pytest.mark.parametrize("tag", ["en", "fr", "zh", "ja", "ru", "el", "hi", "th", "my", "az", "pa", "tr"])
def test_ltr_languages(tag: str) -> None:
    assert script.direction(tag) == "ltr"


def test_direction_without_a_language_comes_from_the_text() -> None:
    assert script.direction(None, "افتتحت البلدية مكتبة عامة جديدة") == "rtl"
    assert script.direction(None, "הספרייה העירונית החדשה נפתחה") == "rtl"
    assert script.direction(None, "The library opened on Monday") == "ltr"
    assert script.direction(None, None) == "ltr"
    assert script.direction("en", "افتتحت البلدية") == "ltr"  # a declared language wins


@pytest.mark.parametrize(
    ("tag", "text", "expected"),
    [
        ("zh", None, "Hans"),
        ("zh-TW", None, "Hant"),
        ("zh-Hant", None, "Hant"),
        ("ja", None, "Jpan"),
        ("ko", None, "Kore"),
        ("sr", None, "Cyrl"),
        ("sr-Latn", None, "Latn"),
        ("ar", None, "Arab"),
        ("my", None, "Mymr"),
        (None, "これは日本語の文章です", "Jpan"),
        (None, "中文的句子没有空格", "Hani"),
        (None, "한국어 문장입니다", "Kore"),
        (None, "Новая библиотека", "Cyrl"),
        (None, "1234 — !?", None),
        (None, None, None),
    ],
)
def test_script_of(tag: str | None, text: str | None, expected: str | None) -> None:
    assert script.script_of(tag, text) == expected


def test_display_width_counts_wide_characters_twice() -> None:
    assert script.display_width("abc") == 3
    assert script.display_width("中文") == 4
    assert script.display_width("ＡＢ") == 4  # fullwidth forms
    assert script.display_width("e\u0301") == 1  # a combining accent takes no column
    assert script.display_width("") == 0


def _paragraphs(path: Path) -> list[str]:
    return [p for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip()]


@pytest.mark.parametrize("width", [20, 45, 72])
def test_wrap_is_textwrap_for_spaced_text(width: int) -> None:
    """Latin text: the same lines as textwrap with long words and hyphenated words kept whole."""
    texts = _paragraphs(SAMPLE) + ["  indented start", "a  b   c", "x" * 90 + " tail", "co-operation " * 12]
    texts.append("« Bonjour », dit-il\u202f; « à demain\u202f» " * 5)
    for text in texts:
        expected = textwrap.wrap(
            text,
            width,
            initial_indent="  ",
            subsequent_indent="    ",
            break_long_words=False,
            break_on_hyphens=False,
        )
        assert script.wrap(text, width, initial_indent="  ", subsequent_indent="    ") == expected


CLOSING = "。，、．：；！？）」』】〕”’"


@pytest.mark.parametrize("width", [11, 24, 40, 72])
def test_wrap_breaks_cjk_between_characters(width: int) -> None:
    text = " ".join(plain_text(b) for b in article("zh").body) + " " + plain_text(article("ja").body[1])
    lines = script.wrap(text, width)
    assert len(lines) > 1
    assert all(script.display_width(line) <= width for line in lines)
    assert re.sub(r"\s", "", "".join(lines)) == re.sub(r"\s", "", text)  # nothing lost, nothing added
    assert not any(line[0] in CLOSING for line in lines), "a line starts with closing punctuation"
    assert max(script.display_width(line) for line in lines) >= width - 2  # lines are filled


@pytest.mark.parametrize("width", [20, 41, 72])
def test_wrap_breaks_korean_at_spaces_only(width: int) -> None:
    """Korean spaces its words: a line never ends inside one (`몰리⏎며` was a break between syllables)."""
    text = (
        "서울 지하철 신규 노선이 3일 개통됐지만 첫 출근길부터 승객이 몰리며 일부 역에서 큰 혼잡이 "
        "빚어졌다. 강남역에서 만난 직장인 이지은 씨는 “환승 시간이 줄어들 줄 알았는데 오히려 더 오래 "
        "기다렸다”고 말했다."
    )
    lines = script.wrap(text, width)
    assert [word for line in lines for word in line.split()] == text.split()
    assert all(script.display_width(line) <= width for line in lines)


def test_wrap_keeps_latin_words_whole_inside_cjk() -> None:
    lines = script.wrap("联合国教科文组织（UNESCO）支持了这个项目，图书馆共有四十万册藏书。", 16)
    assert any("UNESCO" in line for line in lines)


def test_wrap_cuts_long_thai_runs_between_grapheme_clusters() -> None:
    text = "ห้องสมุดเมืองแห่งใหม่เปิดให้บริการแก่ประชาชนเมื่อวันจันทร์" * 2
    lines = script.wrap(text, 20)
    assert "".join(lines) == text
    assert all(script.display_width(line) <= 20 for line in lines)
    assert not any(unicodedata.category(line[0]).startswith("M") for line in lines), (
        "a line starts with a mark"
    )


def test_reading_time_counts_characters_where_words_are_not_spaced() -> None:
    zh = article("zh")
    text = "\n\n".join(plain_text(b) for b in zh.body) * 3  # about twelve paragraphs
    chars = sum(1 for ch in text if script.char_script(ch) == "Hani")
    assert script.reading_minutes(text, "zh") == round(chars / script.CJK_CHARS_PER_MINUTE)
    assert script.reading_minutes(text, "zh") >= 2
    assert script.word_count(text) >= chars
    english = SAMPLE.read_text(encoding="utf-8")
    words = len(re.findall(r"[^\W_]+(?:[’'.-][^\W_]+)*", english))
    assert script.word_count(english) == words
    assert script.reading_minutes(english, "en") == round(words / script.WORDS_PER_MINUTE)
    assert script.reading_minutes("", "en") == 1


def test_sentences_join_without_spaces_between_cjk() -> None:
    assert script.join_sentences(["新馆周一开放。", "藏书四十万册。"]) == "新馆周一开放。藏书四十万册。"
    assert script.join_sentences(["It opened.", "  ", "It is free."]) == "It opened. It is free."
    assert script.join_sentences(["开放。", "UNESCO helped."]) == "开放。 UNESCO helped."


def test_hyphenation_only_where_pyphen_has_the_language() -> None:
    assert script.hyphenation_language("en") and script.hyphenation_language("ru-RU")
    assert script.hyphenation_language("zh") is None
    assert script.hyphenation_language(None) is None
    assert "hyphens: manual" in script_css(article("ar"), THEME)  # pyphen has no Arabic dictionary
    assert "hyphens: manual" not in script_css(article("ru"), THEME)


# --------------------------------------------------------------------------
# Direction in every format


def test_html_declares_rtl_and_isolates_names() -> None:
    ar = article("ar")
    ar = replace(
        ar, meta=replace(ar.meta, authors=(*ar.meta.authors, replace(ar.meta.authors[0], name="John Smith")))
    )
    page = export(HtmlExporter(), ar).decode()
    assert '<html lang="ar" dir="rtl">' in page
    assert '<article class="article" lang="ar" dir="rtl">' in page
    assert '<bdi class="author">John Smith</bdi>' in page


def test_rtl_without_a_language_follows_the_text() -> None:
    ar = article("ar")
    page = export(HtmlExporter(), replace(ar, meta=replace(ar.meta, language=None))).decode()
    assert re.search(r'<html(?: lang="[^"]*")? dir="rtl">', page)


def test_ltr_html_has_no_dir_and_no_script_rules() -> None:
    sample = convert.read(SAMPLE)
    page = export(HtmlExporter(), sample).decode()
    assert " dir=" not in page
    assert "html:root" not in page
    assert script_css(sample, THEME) == ""


def test_epub_is_rtl_in_spine_package_and_documents() -> None:
    book = zipfile.ZipFile(io.BytesIO(export(EpubExporter(), article("ar"))))
    opf = book.read("EPUB/content.opf").decode()
    assert re.search(r'<spine[^>]*page-progression-direction="rtl"', opf)
    assert re.search(r'<package[^>]*dir="rtl"', opf)
    for name in ("EPUB/chapter.xhtml", "EPUB/cover.xhtml"):
        assert re.search(r'<html[^>]*dir="rtl"', book.read(name).decode()), name
    ltr = zipfile.ZipFile(io.BytesIO(export(EpubExporter(), convert.read(SAMPLE))))
    assert "page-progression-direction" not in ltr.read("EPUB/content.opf").decode()


@pytest.mark.skipif(not java_available(), reason="epubcheck needs Java")
@pytest.mark.slow
def test_epubcheck_clean_for_every_script(tmp_path: Path) -> None:
    paths = []
    for name in sorted(p.stem for p in FIXTURES.glob("*.md")):
        path = tmp_path / f"{name}.epub"
        path.write_bytes(export(EpubExporter(), article(name)))
        paths.append(path)
    reports = check_epubs(paths)
    assert {path.stem: reports[path].problems for path in paths} == {path.stem: [] for path in paths}


def _docx_paragraphs(data: bytes, member: str = "word/document.xml") -> list[etree._Element]:
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read(member))
    return list(root.iter(f"{{{W}}}p"))


def test_docx_paragraphs_are_bidi() -> None:
    data = export(DocxExporter(), article("ar"))
    paras = _docx_paragraphs(data)
    assert paras
    for para in paras:
        ppr = para.find(f"{{{W}}}pPr")
        assert ppr is not None and ppr.find(f"{{{W}}}bidi") is not None
        # w:bidi sits before the properties the schema puts after it (spacing, jc, rPr …)
        names = [etree.QName(child).localname for child in ppr]
        assert all(n not in ("spacing", "ind", "jc", "rPr") for n in names[: names.index("bidi")])
    assert any(
        p.find(f"{{{W}}}pPr/{{{W}}}bidi") is not None for p in _docx_paragraphs(data, "word/footnotes.xml")
    )
    ltr = export(DocxExporter(), convert.read(SAMPLE))
    assert b"<w:bidi" not in zipfile.ZipFile(io.BytesIO(ltr)).read("word/document.xml")


# --------------------------------------------------------------------------
# PDF: every script keeps its letters


def _missing_glyphs(data: bytes) -> int:
    """Glyphs drawn with a glyph id the embedded font does not have (or .notdef, id 0)."""
    from fontTools.ttLib import TTFont

    reader = PdfReader(io.BytesIO(data))
    missing = 0
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        sizes: dict[str, int] = {}
        for name, ref in fonts.items():
            descendant = ref.get_object()["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            stream = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
            sizes[name] = TTFont(io.BytesIO(stream.get_object().get_data()))["maxp"].numGlyphs
        current = None
        for operands, op in ContentStream(page.get_contents(), reader).operations:
            if op == b"Tf":
                current = operands[0]
                continue
            if op not in (b"Tj", b"TJ"):
                continue
            strings = [operands[0]] if op == b"Tj" else [x for x in operands[0] if isinstance(x, bytes | str)]
            for string in strings:
                raw = getattr(string, "original_bytes", string)
                for i in range(0, len(raw) - 1, 2):
                    gid = raw[i] << 8 | raw[i + 1]
                    missing += gid == 0 or gid >= sizes[current]
    return missing


def _normalised(text: str) -> str:
    """NFKC (Arabic presentation forms -> letters), without spaces, bidi controls or hyphens."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(
        ch
        for ch in text
        if not ch.isspace() and unicodedata.category(ch) != "Cf" and ch not in "-\u00ad\u2010"
    )


def _pdf_text(data: bytes, *args: str) -> str:
    done = subprocess.run(
        ["pdftotext", *args, "-enc", "UTF-8", "-", "-"], input=data, capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def _body_text(art: Article) -> str:
    return "\n".join([art.meta.title or ""] + [plain_text(b) for b in art.body])


#: Scripts whose shaping draws glyphs for several letters in reordered clusters
#: (Devanagari matras, Myanmar medials, Thai SARA AM split in two): the glyphs
#: are there (no missing glyph, checked), but the PDF's text layer cannot map
#: every glyph back to its letter, so for them pdftotext must recover most.
SHAPED = {"hi": 0.9, "my": 0.95, "th": 0.98}  # measured: 0.956, 0.989, 0.995


@needs_poppler
@pytest.mark.parametrize("name", ["zh", "ja", "ar", "he", "th", "hi", "ru", "el", "my"])
def test_pdf_keeps_every_letter(name: str) -> None:
    art = article(name)
    warnings: list[str] = []
    data = export(PdfExporter(), art, warnings)
    assert not [w for w in warnings if "no installed font" in w], warnings
    assert _missing_glyphs(data) == 0
    want = Counter(_normalised(_body_text(art)))
    got = Counter(_normalised(_pdf_text(data)))
    lost = want - got
    if name in SHAPED:
        assert 1 - sum(lost.values()) / sum(want.values()) >= SHAPED[name], lost
    else:
        assert not lost, f"{name}: {sum(lost.values())} letters lost: {''.join(sorted(lost.elements()))[:80]}"


def test_missing_glyph_check_sees_a_missing_glyph() -> None:
    """The glyph check above can fail: a font subset without the glyph is caught."""
    data = export(
        PdfExporter(), Article(Metadata(title="x", language="en"), (Paragraph((Text("A \U00010570"),)),))
    )
    covered = pdf_exporter._fonts_cover(["\U00010570"])
    assert (_missing_glyphs(data) > 0) is not covered


def _visual_lines(data: bytes) -> list[tuple[int, float, float]]:
    """(column, x start, x end) of each line on page 1, from the words pdftotext places."""
    xml = _pdf_text(data, "-bbox", "-f", "1", "-l", "1")
    width = float(re.search(r'<page width="([\d.]+)"', xml).group(1))  # type: ignore[union-attr]
    words = [
        tuple(map(float, m))
        for m in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">', xml)
    ]
    lines = []
    for column in (0, 1):
        found = sorted(
            (w for w in words if ((w[0] + w[1]) / 2 < width / 2) == (column == 0)), key=lambda w: w[2]
        )
        current: list[tuple[float, ...]] = []
        for word in [*found, None]:
            if current and (word is None or word[2] - current[-1][2] > 4):
                lines.append((column, min(w[0] for w in current), max(w[1] for w in current)))
                current = []
            if word is not None:
                current.append(word)
    return lines


def _alignment(data: bytes) -> tuple[int, int]:
    """Lines flush with their column's right edge, and with its left edge."""
    lines = _visual_lines(data)
    right = left = 0
    for column in {c for c, _, _ in lines}:
        mine = [(a, b) for c, a, b in lines if c == column]
        lo, hi = min(a for a, _ in mine), max(b for _, b in mine)
        right += sum(abs(b - hi) < 2 for _, b in mine)
        left += sum(abs(a - lo) < 2 for a, _ in mine)
    return right, left


@needs_poppler
@pytest.mark.parametrize(("name", "rtl"), [("ar", True), ("he", True), ("ru", False), ("zh", False)])
def test_pdf_lines_align_to_the_start_side(name: str, rtl: bool) -> None:
    right, left = _alignment(export(PdfExporter(), article(name)))
    if rtl:
        assert right >= 2 * left and right >= 5, (right, left)
    else:
        assert left > right, (right, left)


@pytest.mark.slow
def test_bundle_pdf_gives_each_article_its_script_fonts() -> None:
    from convert.batch.bundle import Collection, bundle_pdf

    data = bundle_pdf(Collection("Libraries", (article("ar"), article("zh"), convert.read(SAMPLE))), THEME)
    assert _missing_glyphs(data) == 0
    fonts = {
        str(f.get_object()["/BaseFont"])
        for p in PdfReader(io.BytesIO(data)).pages
        for f in p["/Resources"]["/Font"].values()
    }
    assert any("Noto-Naskh-Arabic" in f for f in fonts) and any("Noto-Serif-CJK-SC" in f for f in fonts), (
        fonts
    )


def test_pdf_warns_about_a_script_without_a_font(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pdf_exporter, "_font_coverage", {})
    vithkuqi = range(0x10570, 0x105C0)  # Unicode's Vithkuqi block, which no installed font has here
    monkeypatch.setattr(
        pdf_exporter, "_fonts_cover", lambda letters: not any(ord(c) in vithkuqi for c in letters)
    )
    art = Article(
        Metadata(title="Vithkuqi", language="sq"), (Paragraph((Text("Teksti \U00010570\U00010571"),)),)
    )
    warnings: list[str] = []
    export(PdfExporter(), art, warnings)
    assert [w for w in warnings if "Vithkuqi" in w and "no installed font" in w]
    assert pdf_exporter.scripts_without_font(article("zh")) == []


def test_one_rare_letter_does_not_mark_its_script_missing_for_later_articles(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A Han letter of CJK Extension C that no installed font has (a random tree in test_fuzz drew one
    # and every later Chinese PDF of that process warned that Han letters were missing).
    rare = "\U0002a700"
    monkeypatch.setattr(pdf_exporter, "_font_coverage", {})
    monkeypatch.setattr(pdf_exporter, "_fonts_cover", lambda letters: rare not in letters)

    def han(text: str) -> Article:
        return Article(Metadata(title="x", language="zh"), (Paragraph((Text(text),)),))

    assert pdf_exporter.scripts_without_font(han(rare)) == ["Han"]
    assert pdf_exporter.scripts_without_font(han(f"{rare}中文")) == []  # the others are drawn
    assert pdf_exporter.scripts_without_font(article("zh")) == []


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fontconfig not installed")
def test_font_check_asks_fontconfig() -> None:
    assert pdf_exporter._fonts_cover(["A"])
    assert not pdf_exporter._fonts_cover(["\U0010fffd"])  # a private-use code point no font draws


# --------------------------------------------------------------------------
# Plain text and briefs


@pytest.mark.parametrize("name", ["zh", "ja"])
def test_plain_text_wraps_cjk_by_display_width(name: str) -> None:
    text = export(TextExporter(), article(name)).decode()
    lines = text.splitlines()
    assert all(script.display_width(line) <= THEME.width for line in lines)
    title, rule = lines[0], lines[1]
    assert set(rule) == {"="} and len(rule) == script.display_width(title)


def _first_strong(line: str) -> str | None:
    return next((k for k in map(unicodedata.bidirectional, line) if k in ("L", "R", "AL")), None)


def test_rtl_plain_text_marks_lines_that_open_left_to_right() -> None:
    """Every line a viewer would set left to right (UAX #9, P2) starts with a RIGHT-TO-LEFT MARK."""
    ar = article("ar")
    ar = replace(ar, meta=replace(ar.meta, dateline="AMMAN"))  # a Latin dateline opens the first paragraph
    text = export(TextExporter(), ar).decode()
    assert script.RLM + "AMMAN –" in text
    for exporter in (TextExporter(), BriefExporter()):
        for line in export(exporter, ar).decode().splitlines():
            if line.strip():
                assert _first_strong(line) in ("R", "AL"), line
    assert script.RLM not in export(TextExporter(), convert.read(SAMPLE)).decode()


def test_brief_reads_a_chinese_article_by_characters() -> None:
    zh = article("zh")
    long = replace(zh, body=zh.body * 3)
    brief = export(BriefExporter(), long)
    lines = brief.decode().splitlines()
    assert all(script.display_width(line) <= THEME.width for line in lines)
    assert len(lines[1]) == script.display_width(lines[0])
    assert "。 " not in brief.decode()  # sentences run on, as Chinese is written
    minutes = int(re.search(r"阅读约 (\d+) 分钟", brief.decode()).group(1))  # type: ignore[union-attr]
    assert minutes >= 2
