"""PDF page and note numbers in the language's own digits, and a right-to-left reading order."""

from __future__ import annotations

import io
import shutil
import subprocess

import pytest
from pypdf import PdfReader

from convert.base import ExportOptions
from convert.exporters._pdf_locale import digits_css
from convert.exporters.pdf import PdfExporter
from convert.locale import text as loc
from convert.model import Article, Metadata, Note, NoteRef, Paragraph, Text
from convert.theme import load_theme

BODY = {
    "fa": "رئیس‌جمهور روسیه و رئیس‌جمهور ایران در عشق‌آباد دیدار کردند. این دیدار غیرمنتظره بود.",
    "ar": "التقى الرئيس الروسي والرئيس الإيراني في عشق آباد. وجاء الاجتماع مفاجئاً للمراقبين.",
    "en": "The Russian and Iranian presidents met in Ashgabat. The meeting came as a surprise.",
}


def _pdf(lang: str, paragraphs: int = 40) -> bytes:
    body = tuple(Paragraph((Text(BODY[lang]),)) for _ in range(paragraphs))
    body = (Paragraph((Text(BODY[lang]), NoteRef("n1"))), *body)
    notes = (Note("n1", "footnote", (Paragraph((Text(BODY[lang]),)),)),)
    article = Article(meta=Metadata(title="x " + BODY[lang][:20], language=lang), body=body, notes=notes)
    return PdfExporter().export(article, load_theme("default"), ExportOptions())


def test_digits_css_only_where_the_language_has_its_own_digits() -> None:
    assert loc.digit_symbols("fa") == "۰۱۲۳۴۵۶۷۸۹"
    assert loc.digit_symbols("bn") == "০১২৩৪৫৬৭৮৯"
    assert loc.digit_symbols("ar") is None  # CLDR: Arabic's default numbering system is latn
    assert loc.digit_symbols("en") is None
    fa = Article(meta=Metadata(language="fa"), body=())
    assert '"۰" "۱"' in digits_css(fa)
    assert digits_css(Article(meta=Metadata(language="de"), body=())) == ""


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
@pytest.mark.parametrize(("lang", "two", "rtl"), [("fa", "۲", True), ("ar", "2", True), ("en", "2", False)])
def test_page_numbers_and_reading_order(lang: str, two: str, rtl: bool) -> None:
    data = _pdf(lang)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) >= 2
    prefs = reader.trailer["/Root"].get("/ViewerPreferences", {})
    assert (prefs.get("/Direction") == "/R2L") is rtl
    page_two = subprocess.run(
        ["pdftotext", "-f", "2", "-l", "2", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    last = [line.strip("\u202a\u202b\u202c\u200e\u200f ") for line in page_two.splitlines() if line.strip()][
        -1
    ]
    assert last == two, page_two[-200:]
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-", "-"], input=data, capture_output=True, check=True
    ).stdout.decode()
    one = two.translate({ord(two): chr(ord(two) - 1)})
    assert first.count(one) >= 3, first  # the note's call and marker, and the page number


KOREAN = (
    "서울 지하철 신규 노선이 3일 개통됐지만 첫 출근길부터 승객이 몰리며 일부 역에서 큰 혼잡이 빚어졌다. "
    "강남역에서 만난 직장인 이지은 씨는 “환승 시간이 줄어들 줄 알았는데 오히려 더 오래 기다렸다”고 말했다."
)


def test_korean_lines_break_between_words_only() -> None:
    """Korean spaces its words (`word-break: keep-all`): no PDF line ends inside one (`혼|잡이`)."""
    title = "서울 지하철 새 노선 개통, 출근길 혼잡 여전하고 승객들은 불편을 호소했다"
    body = tuple(Paragraph((Text(KOREAN),)) for _ in range(6))
    article = Article(meta=Metadata(title=title, language="ko"), body=body)
    pdf = PdfReader(io.BytesIO(PdfExporter().export(article, load_theme("default"), ExportOptions())))
    text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "\u2060" not in text  # the joiners that keep the words whole are not text
    assert [item.title for item in pdf.outline if not isinstance(item, list)] == [title]  # nor bookmarks
    words = set(KOREAN.split()) | set(title.split())
    shown = [w for w in text.split() if any("\uac00" <= ch <= "\ud7a3" for ch in w)]
    assert len(shown) > 100 and set(shown) <= words, set(shown) - words


def test_hangul_words_are_joined_in_the_body_text_only() -> None:
    from convert.exporters._pdf_locale import hangul_words_kept

    page = '<html><head><title>서울</title></head><body><a href="/서울" title="3일">3일 KTX를 탔다</a></body></html>'
    kept = hangul_words_kept(page)
    assert kept.replace("\u2060", "") == page
    assert "<title>서울</title>" in kept and 'href="/서울" title="3일"' in kept
    assert ">3\u2060일 KTX\u2060를 탔\u2060다<" in kept
    assert hangul_words_kept("<body><p>plain text</p></body>") == "<body><p>plain text</p></body>"


def test_hangul_is_joined_to_the_punctuation_it_touches() -> None:
    """`45%가`, `[속보]에서`, `(사장)는`, `』에`: no break between a Korean word and its brackets or signs."""
    from convert.exporters._pdf_locale import hangul_words_kept

    kept = hangul_words_kept("<body><p>45%가 [속보]에서 공사(사장)는 『서울』에 “좋다”라고</p></body>")
    for joined in (
        "%\u2060가",
        "]\u2060에",
        "사\u2060(",
        ")\u2060는",
        "』\u2060에",
        "”\u2060라",
        "『\u2060서",
    ):
        assert joined in kept, joined
    assert " \u2060" not in kept and "\u2060 " not in kept
