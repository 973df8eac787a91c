"""Lines of the scripts that write no spaces between words (Khmer, Lao, Myanmar, Thai) stay in their
column: the PDF breaks them between words where ICU finds them (PyICU), else between letters; plain
text wraps them the same way and never inside a grapheme cluster (trial h55 #1, #9)."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import weasyprint
from pypdf import PdfReader
from weasyprint.formatting_structure import boxes

import convert
from convert.base import ExportOptions
from convert.exporters.html import HtmlExporter
from convert.exporters.pdf import PdfExporter
from convert.locale import segment
from convert.locale.script import display_width, wrap
from convert.theme import load_theme

FIXTURES = Path(__file__).parent / "fixtures" / "scripts"
THEME = load_theme("default")
KHMER_LEAD = (
    "ភ្នំពេញ៖ រដ្ឋាភិបាលកម្ពុជាបានដាក់ចេញនៅថ្ងៃព្រហស្បតិ៍នេះនូវផែនការថ្មីមួយដើម្បីការពារធនធានត្រីនៅក្នុងទន្លេមេគង្គ និងបឹងទន្លេសាប។"
)
needs_icu = pytest.mark.skipif(not segment.has_dictionary(), reason="PyICU (the icu extra) is not installed")


@pytest.fixture
def without_icu(monkeypatch: pytest.MonkeyPatch) -> None:
    """As on a machine without PyICU: no dictionary, so the CSS and grapheme clusters alone."""
    monkeypatch.setitem(sys.modules, "icu", None)
    monkeypatch.setattr(segment, "_local", type(segment._local)())


def _rendered(monkeypatch: pytest.MonkeyPatch, render: Any) -> list[Any]:
    """The WeasyPrint documents ``render()`` lays out (the exporter's own, as it made them)."""
    documents: list[Any] = []
    real = weasyprint.HTML.render

    def kept(self: Any, *args: Any, **kwargs: Any) -> Any:
        document = real(self, *args, **kwargs)
        documents.append(document)
        return document

    monkeypatch.setattr(weasyprint.HTML, "render", kept)
    render()
    assert documents
    return documents


def _lines(document: Any) -> list[tuple[Any, Any]]:
    """``(line box, block it is laid in)`` for every line of every page."""
    found: list[tuple[Any, Any]] = []

    def walk(box: Any, block: Any) -> None:
        if isinstance(box, boxes.LineBox):
            found.append((box, block))
            return
        if isinstance(box, boxes.BlockContainerBox):
            block = box
        for child in getattr(box, "children", []):
            walk(child, block)

    for page in document.pages:
        walk(page._page_box, page._page_box)
    return found


def _overflowing(document: Any) -> list[str]:
    """The text of every piece of a line that reaches past its block's content box."""
    out = []
    for line, block in _lines(document):
        left = block.content_box_x()
        right = left + block.width
        for text in line.descendants():
            if not isinstance(text, boxes.TextBox):
                continue
            if text.position_x < left - 0.5 or text.position_x + text.margin_width() > right + 0.5:
                out.append(text.text)
    return out


def _pdf(name: str) -> bytes:
    return PdfExporter().export(convert.read(FIXTURES / f"{name}.md"), THEME, ExportOptions())


@pytest.mark.parametrize("name", ["km", "lo", "my", "th"])
def test_pdf_lines_stay_in_their_column(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # Before: the Khmer and Lao headlines ran 197 pt and 576 pt past the page's edge.
    documents = _rendered(monkeypatch, lambda: _pdf(name))
    assert [_overflowing(d) for d in documents] == [[] for _ in documents]


@pytest.mark.parametrize("name", ["km", "lo"])
def test_pdf_lines_stay_in_their_column_without_icu(
    name: str, monkeypatch: pytest.MonkeyPatch, without_icu: None
) -> None:
    documents = _rendered(monkeypatch, lambda: _pdf(name))
    assert [_overflowing(d) for d in documents] == [[] for _ in documents]


@pytest.mark.parametrize("name", ["km", "lo"])
def test_html_lines_stay_in_their_column(
    name: str, monkeypatch: pytest.MonkeyPatch, without_icu: None
) -> None:
    """The HTML page, laid out by WeasyPrint standing in for a browser with no dictionary of its own."""
    page = HtmlExporter().export(convert.read(FIXTURES / f"{name}.md"), THEME, ExportOptions())
    document = weasyprint.HTML(string=page.decode()).render()
    assert _lines(document) and _overflowing(document) == []


def test_without_icu_the_pdf_may_break_between_clusters_before_a_letter(without_icu: None) -> None:
    # A stack (``ន្លេ``, ``ង្គ``) stays whole, and no line opens with the full stop ``។``.
    assert segment.mark_breaks("ទន្លេមេគង្គ។ abc", "|") == "ទ|ន្លេ|មេ|គ|ង្គ។ abc"


@needs_icu
def test_pdf_headline_breaks_between_words(monkeypatch: pytest.MonkeyPatch) -> None:
    title = convert.read(FIXTURES / "km.md").meta.title
    documents = _rendered(monkeypatch, lambda: _pdf("km"))
    lines = [
        "".join(t.text for t in line.descendants() if isinstance(t, boxes.TextBox)).replace("\u200b", "")
        for line, block in _lines(documents[-1])
        if block.element_tag == "h1"
    ]
    assert len(lines) >= 2 and "".join(lines) == title
    ends = {len("".join(segment.words(title)[: i + 1])) for i in range(len(segment.words(title)))}
    assert all(len("".join(lines[: i + 1])) in ends for i in range(len(lines)))


@needs_icu
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) not installed")
def test_pdf_break_marks_are_not_in_copied_text_or_bookmarks(tmp_path: Path) -> None:
    data = _pdf("km")
    (tmp_path / "km.pdf").write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(tmp_path / "km.pdf"), "-"], capture_output=True, check=True
    ).stdout.decode()
    # (poppler takes Khmer clusters apart in any PDF: `ម្ព\nជ\nុ`; the words are there, out of order)
    assert "ការពារ" in text and "\u200b" not in text
    titles = [item.title for item in PdfReader(io.BytesIO(data)).outline if not isinstance(item, list)]
    assert titles and not any("\u200b" in t for t in titles)


# --------------------------------------------------------------------------
# Plain text


def _cuts(lines: list[str]) -> list[int]:
    """Where each line but the last ends, as offsets in the joined text."""
    return [len("".join(lines[: i + 1])) for i in range(len(lines) - 1)]


@pytest.mark.parametrize("width", range(4, 40))
def test_wrap_never_splits_a_grapheme_cluster(width: int, without_icu: None) -> None:
    # ``ដ្ឋា`` (da, coeng, ttha, aa) is one cluster: uniseg's older rules cut it after the coeng.
    text = KHMER_LEAD.replace(" ", "")
    lines = wrap(text, width)
    assert "".join(lines) == text
    bounds = set(_cuts(list(segment.graphemes(text))) + [len(text)])
    assert set(_cuts(lines)) <= bounds
    assert all(display_width(line) <= width for line in lines)


@needs_icu
@pytest.mark.parametrize("width", range(20, 80, 3))
def test_wrap_breaks_khmer_between_words(width: int) -> None:
    # Before: `…ការពារធនធានត្រីនៅក្នុងទន្លេមេ / គង្គ …` at 72 columns, the Mekong cut in two.
    lines = wrap(KHMER_LEAD, width)
    assert all(display_width(line) <= width for line in lines)
    words = [w for part in KHMER_LEAD.split(" ") for w in segment.words(part)]
    assert set(_cuts([line.replace(" ", "") for line in lines])) <= set(_cuts(words))


# --------------------------------------------------------------------------
# Syllables without a dictionary, repetition marks (review r56)

LAO_TITLE = "ກະຊວງສຶກສາທິການແລະກິລາປະກາດວັນສອບເສັງຈົບຊັ້ນມັດທະຍົມຕອນປາຍທົ່ວປະເທດໃນປີນີ້"
MYANMAR_LEAD = "ရန်ကုန်မြို့တွင်မိုးသည်းထန်စွာရွာသွန်းပြီးလမ်းများရေလွှမ်းမိုးခဲ့သည်"
_WORDS = {
    "lo": "ໂຮງຮຽນ ໃໝ່ໆ ວຽກ ທຸກໆ ຄົນ ຊ້າໆ ກະຊວງ ສຶກສາ ແລະ ໄປ ມື້ ເຮັດ",
    "km": "សិស្ស ថ្មីៗ ផ្ទះ តិចៗ យឺតៗ ដើរ ណាស់ ជាច្រើន ត្រី បាន និយាយ ទៅ",
}
#: Lao and Khmer words, some doubled by a repetition mark (``ໃໝ່ໆ`` new ones, ``ថ្មីៗ``), in a
#: fixed scrambled order: 300 words, a paragraph every 30.
REPEATED = {
    lang: "\n\n".join("".join(words.split()[(i * i + 7 * i + p) % 12] for i in range(30)) for p in range(10))
    for lang, words in _WORDS.items()
}
#: Characters no line may open with: Lao's following vowels ``ະ`` ``າ``, the medial ``ຽ``, the
#: repetition marks; nor close with: Lao's leading vowels.
NEVER_FIRST = "\u0eb0\u0eb2\u0eb3\u0ebd\u0ec6\u17d7"
NEVER_LAST = "\u0ec0\u0ec1\u0ec2\u0ec3\u0ec4"


def test_without_icu_lao_and_myanmar_break_between_syllables(without_icu: None) -> None:
    # Before: ``ກ|ະ|ຊ|ວ|ງ|ສຶ|ກ|ສ|າ|ທິ|ກ|າ|ນ|ແ|ລ|ະ`` and ``ရ|န်|ကု|န်|မြို့``.
    assert segment.mark_breaks(LAO_TITLE[:18], "|") == "ກະ|ຊ|ວ|ງ|ສຶ|ກ|ສາ|ທິ|ກາ|ນ|ແລະ"
    assert segment.mark_breaks(MYANMAR_LEAD[:12], "|") == "ရန်|ကုန်|မြို့"
    assert segment.mark_breaks("ຮຽນໃໝ່ໆ", "|") == "ຮຽ|ນ|ໃໝ່ໆ"


@pytest.mark.parametrize("dictionary", [False, True])
def test_no_break_before_a_repetition_mark(dictionary: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    if not dictionary:
        monkeypatch.setitem(sys.modules, "icu", None)
        monkeypatch.setattr(segment, "_local", type(segment._local)())
    elif not segment.has_dictionary():
        pytest.skip("PyICU (the icu extra) is not installed")
    for text in REPEATED.values():
        marked = segment.mark_breaks(text, "|")
        assert marked.replace("|", "") == text and "|ໆ" not in marked and "|ៗ" not in marked
        assert not [w for w in segment.words(text) if w[0] in NEVER_FIRST]
        lines = wrap(text.replace("\n\n", ""), 30)
        assert "".join(lines) == text.replace("\n\n", "")
        assert not [line for line in lines if line[0] in NEVER_FIRST]


@pytest.mark.parametrize("dictionary", [False, True])
def test_pdf_lines_open_and_close_on_whole_syllables(
    dictionary: bool, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    if not dictionary:
        monkeypatch.setitem(sys.modules, "icu", None)
        monkeypatch.setattr(segment, "_local", type(segment._local)())
    elif not segment.has_dictionary():
        pytest.skip("PyICU (the icu extra) is not installed")
    for lang, body in [("lo", LAO_TITLE * 3), ("my", MYANMAR_LEAD * 4), *REPEATED.items()]:
        source = tmp_path / f"{lang}.md"
        source.write_text(f"---\ntitle: {body[:40]}\nlang: {lang}\n---\n\n{body}\n", encoding="utf-8")

        def export(source: Path = source) -> bytes:
            return PdfExporter().export(convert.read(source), THEME, ExportOptions())

        documents = _rendered(monkeypatch, export)
        texts = [
            "".join(t.text for t in line.descendants() if isinstance(t, boxes.TextBox)).strip("\u200b ")
            for d in documents
            for line, _ in _lines(d)
        ]
        texts = [t for t in texts if t]
        assert len(texts) > 4
        assert not [t for t in texts if t[0] in NEVER_FIRST or t[-1] in NEVER_LAST], lang
        # A Myanmar final consonant keeps its asat with its syllable: no line opens with ``န်``.
        assert not [t for t in texts if len(t) > 1 and t[1] == "\u103a"], lang


def test_wrap_breaks_tibetan_after_its_tsheg() -> None:
    text = "བོད་ཀྱི་ལོ་རྒྱུས་ཐོག་གསར་འགྱུར་ཞིག་བྱུང་ཡོད་པ་རེད།"
    lines = wrap(text, 20)
    assert "".join(lines) == text and len(lines) > 1
    assert all(line.endswith(("\u0f0b", "\u0f0d")) for line in lines)
    assert all(display_width(line) <= 20 for line in lines)
