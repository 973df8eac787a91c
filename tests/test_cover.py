"""The generated cover, embedded fonts and every theme's EPUB (issue 17, items 2 and 3).

Real renders throughout: Pillow draws the cover, fontTools subsets the faces, epubcheck
and DAISY Ace judge the books.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest
from ace_util import run_ace_many
from click.testing import CliRunner
from epubcheck_util import check_epubs, java_available
from fontTools.ttLib import TTFont
from PIL import Image
from pypdf import PdfReader

from convert import api
from convert.base import ExportOptions
from convert.cli import cli
from convert.exporters._cover import COVER_SIZE, cover_pdf, cover_png
from convert.model import Article, Author, Metadata, Paragraph, Text
from convert.theme import load_theme

THEMES = ("newspaper", "report", "large-print", "e-reader")
OPF = "{http://www.idpf.org/2007/opf}"


def package(book: bytes) -> ElementTree.Element:
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        return ElementTree.fromstring(z.read("EPUB/content.opf"))


def members(book: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(book)) as z:
        return {name: z.read(name) for name in z.namelist()}


def cover_item(book: bytes) -> ElementTree.Element:
    items = [i for i in package(book).iter(f"{OPF}item") if "cover-image" in i.get("properties", "").split()]
    assert len(items) == 1
    return items[0]


@pytest.fixture(scope="module")
def sample(sample_path: Path) -> Article:
    return api.read(sample_path)


@pytest.fixture(scope="module")
def books(sample: Article) -> dict[str, bytes]:
    return {name: api.render(sample, "epub", style=name).data for name in THEMES}


def arabic(title: str = "لقاء بوتين وبزشكيان في عشق آباد") -> Article:
    meta = Metadata(title=title, language="ar", authors=(Author("فلاديمير ساجين"),))
    return Article(meta=meta, body=(Paragraph((Text("التقى الرئيسان في عشق آباد يوم الجمعة."),)),))


# --------------------------------------------------------------------------
# The cover image


def test_cover_is_a_kindle_sized_png_in_the_theme_colour(sample: Article) -> None:
    for name, accent in (("default", (0x8B, 0x1A, 0x1A)), ("report", (0x1F, 0x3A, 0x5F))):
        image = Image.open(io.BytesIO(cover_png(sample, load_theme(name))))
        assert image.format == "PNG" and image.size == COVER_SIZE
        assert image.mode == "P"  # a palette from the background to the ink
        image = image.convert("RGB")
        assert image.getpixel((5, 5)) == accent
        # Text is drawn: far from every pixel is the background.
        assert len(image.getcolors(maxcolors=100_000) or ()) > 10


def test_cover_blends_only_the_background_and_the_ink(sample: Article) -> None:
    """Every colour lies between the two, and the ink is there in full (the rules, the title)."""
    theme = load_theme("default")
    image = Image.open(io.BytesIO(cover_png(sample, theme))).convert("RGB")
    background, ink = (0x8B, 0x1A, 0x1A), (255, 255, 255)
    colours = {colour for _count, colour in image.getcolors(maxcolors=100_000) or ()}
    assert background in colours and ink in colours
    for colour in colours:
        share = (colour[0] - background[0]) / (ink[0] - background[0])
        for c, b, i in zip(colour, background, ink, strict=True):
            assert abs(c - (b + (i - b) * share)) <= 2, colour  # rounding in each channel


def test_cover_is_reproducible_and_depends_on_the_title(sample: Article) -> None:
    theme = load_theme("default")
    first = cover_png(sample, theme)
    assert cover_png(sample, theme) == first
    other = Article(meta=Metadata(title="Another title entirely", language="en"), body=sample.body)
    assert cover_png(other, theme) != first


def test_right_to_left_title_is_set_from_the_right() -> None:
    image = Image.open(io.BytesIO(cover_png(arabic("لقاء في عشق آباد"), load_theme("default")))).convert(
        "RGB"
    )
    background = image.getpixel((5, 5))
    band = image.crop((0, 300, COVER_SIZE[0], 700))
    ink = [
        x for x in range(band.width) for y in range(0, band.height, 4) if band.getpixel((x, y)) != background
    ]
    assert ink and max(ink) > COVER_SIZE[0] - 200  # the lines end at the right margin
    assert min(ink) > 200  # and a short title does not reach the left one


@pytest.mark.parametrize("title", ["لقاء في عشق آباد", "A cover with no theme font installed"])
def test_cover_without_any_installed_font_uses_pillows_own(
    title: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A machine without the themes' fonts (scripts/system-deps.sh not run): Pillow's built-in face is
    # laid out without Raqm, which refuses a direction or language; the cover is drawn all the same.
    from convert.exporters import _cover

    monkeypatch.setattr(_cover, "font_face", lambda *args, **kwargs: None)
    image = Image.open(io.BytesIO(cover_png(arabic(title), load_theme("default")))).convert("RGB")
    background = image.getpixel((5, 5))
    band = image.crop((0, 300, COVER_SIZE[0], 700))
    assert any(
        band.getpixel((x, y)) != background for x in range(0, band.width, 2) for y in range(0, band.height, 4)
    )


# --------------------------------------------------------------------------
# The EPUB: cover image, fonts


def test_every_theme_epub_names_a_cover_image(books: dict[str, bytes]) -> None:
    for name, book in books.items():
        item = cover_item(book)
        assert item.get("media-type") == "image/png", name
        data = members(book)["EPUB/" + item.get("href", "")]
        assert Image.open(io.BytesIO(data)).size == COVER_SIZE
        metas = [m for m in package(book).iter(f"{OPF}meta") if m.get("name") == "cover"]
        assert metas and metas[0].get("content") == item.get("id")  # EPUB 2 readers (Kindle) look here


def test_a_supplied_cover_replaces_the_generated_one(sample: Article, tmp_path: Path) -> None:
    jpeg = tmp_path / "mine.jpg"
    Image.new("RGB", (600, 900), (10, 120, 40)).save(jpeg, format="JPEG")
    book = api.render(sample, "epub", options=ExportOptions(cover=jpeg)).data
    item = cover_item(book)
    assert item.get("media-type") == "image/jpeg"
    assert members(book)["EPUB/" + item.get("href", "")] == jpeg.read_bytes()


def test_cover_that_is_not_an_image_is_one_clear_line(sample_path: Path, tmp_path: Path) -> None:
    bad = tmp_path / "cover.png"
    bad.write_text("not an image")
    result = CliRunner().invoke(
        cli, ["convert", str(sample_path), "--to", "epub", "-o", str(tmp_path / "out"), "--cover", str(bad)]
    )
    assert result.exit_code == 2
    assert "cover.png: the cover must be a PNG or JPEG image" in result.output
    assert not (tmp_path / "out").exists()


def test_epub_carries_the_theme_faces_subset(books: dict[str, bytes]) -> None:
    files = members(books["newspaper"])
    fonts = {name: data for name, data in files.items() if name.startswith("EPUB/style/fonts/")}
    assert any("NotoSerif" in name for name in fonts), sorted(fonts)
    css = files["EPUB/style/epub.css"].decode()
    for name, data in fonts.items():
        assert f"url(fonts/{Path(name).name})" in css
        font = TTFont(io.BytesIO(data))
        assert font["maxp"].numGlyphs < 1000  # subset: Noto Serif has about 3,000 glyphs
        assert ord("P") in font.getBestCmap()
        assert not any(f.startswith("DejaVu") for f in fonts)
    large = {n for n in members(books["large-print"]) if n.startswith("EPUB/style/fonts/")}
    assert any("NotoSans-Regular" in n for n in large)


def _cmap(book: bytes) -> dict[str, set[int]]:
    return {
        name: set(TTFont(io.BytesIO(data)).getBestCmap())
        for name, data in members(book).items()
        if name.startswith("EPUB/style/fonts/")
    }


def test_font_subsets_follow_each_book_through_one_process() -> None:
    """Subsets are cached per (face, characters): each book still gets exactly its own letters."""

    def story(title: str, text: str) -> Article:
        return Article(meta=Metadata(title=title, language="en"), body=(Paragraph((Text(text),)),))

    plain = story("Plain words", "A story in plain letters only.")
    accented = story("Ŝeĥoj", "Ĉiuj ŝatas ĝin, eĥoŝanĝo ĉiuĵaŭde.")
    books = [api.render(a, "epub", style="default").data for a in (plain, accented, plain, accented)]
    assert books[0] == books[2] and books[1] == books[3]  # the cache gives the same bytes again
    plain_fonts, accented_fonts = _cmap(books[0]), _cmap(books[1])
    assert plain_fonts.keys() == accented_fonts.keys() and plain_fonts
    for name in plain_fonts:
        assert ord("ŝ") in accented_fonts[name] and ord("ŝ") not in plain_fonts[name], name
        assert ord("P") in plain_fonts[name] and ord("P") in accented_fonts[name], name
    # Another theme through the same process: its own faces, not the first theme's.
    large = _cmap(api.render(plain, "epub", style="large-print").data)
    assert any("NotoSans-Regular" in n for n in large) and large.keys() != plain_fonts.keys()


def test_subset_is_the_same_with_or_without_the_cache() -> None:
    from convert.exporters import _fonts

    face = _fonts.font_face("'Noto Serif'")
    if face is None:
        pytest.skip("Noto Serif is not installed")
    cut = _fonts.subset(face.path, "Ŝeĥoj")
    assert _fonts.subset(face.path, ["Ŝe", "ĥoj"]) is cut  # same characters, the kept bytes
    chars = frozenset("Ŝeĥoj 0123456789")
    assert _fonts._subset.__wrapped__(face.path, chars) == cut
    assert set(TTFont(io.BytesIO(cut)).getBestCmap()) == {ord(c) for c in chars}


# --------------------------------------------------------------------------
# The cover page for bundle and digest PDFs


def test_cover_pdf_is_one_page_of_the_theme_size(sample: Article) -> None:
    reader = PdfReader(io.BytesIO(cover_pdf(sample, load_theme("e-reader"))))
    assert len(reader.pages) == 1
    width_mm = float(reader.pages[0].mediabox.width) / 72 * 25.4
    assert abs(width_mm - 105) < 1


# --------------------------------------------------------------------------
# epubcheck and Ace on every theme's book


@pytest.mark.slow
def test_every_theme_epub_passes_epubcheck(books: dict[str, bytes], tmp_path: Path) -> None:
    if not java_available():
        pytest.skip("epubcheck needs Java")
    paths = {}
    for name, book in {**books, "arabic": api.render(arabic(), "epub").data}.items():
        paths[name] = tmp_path / f"{name}.epub"
        paths[name].write_bytes(book)
    reports = check_epubs(list(paths.values()))
    for name, path in paths.items():
        assert not reports[path].problems, (name, reports[path].problems)


@pytest.fixture(scope="module")
def ace_reports(
    ace: Path, books: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, list[tuple[str, str, str, str]]]:
    return run_ace_many(ace, {name: books[name] for name in THEMES}, tmp_path_factory.mktemp("ace"))


@pytest.mark.slow
@pytest.mark.parametrize("name", THEMES)
def test_every_theme_epub_passes_ace(
    ace_reports: dict[str, list[tuple[str, str, str, str]]], name: str
) -> None:
    violations = ace_reports[name]
    assert not violations, violations


@pytest.mark.slow
def test_digest_pdf_opens_with_its_cover(sample_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "digest.pdf"
    result = CliRunner().invoke(cli, ["digest", str(sample_path), "-o", str(out), "--to", "pdf", "-q"])
    assert result.exit_code == 0, result.output
    pages = PdfReader(out).pages
    assert not pages[0].extract_text().strip()  # the cover is a picture of its text
    assert list(pages[0]["/Resources"]["/XObject"].values())
    assert "Putin" in pages[1].extract_text()


def test_bundle_epub_names_a_cover_image(sample_path: Path, tmp_path: Path) -> None:
    from convert.commands.bundle import bundle_cmd

    out = tmp_path / "book.epub"
    result = CliRunner().invoke(bundle_cmd, [str(sample_path), "-o", str(out), "--title", "Weekly reading"])
    assert result.exit_code == 0, result.output
    book = out.read_bytes()
    image = Image.open(io.BytesIO(members(book)["EPUB/" + cover_item(book).get("href", "")]))
    assert image.size == COVER_SIZE


def test_a_korean_title_breaks_at_its_spaces(monkeypatch: pytest.MonkeyPatch) -> None:
    """Korean spaces its words: the cover's title lines end between them, never inside one."""
    from convert.exporters import _cover

    title = "서울 지하철 새 노선 개통, 출근길 혼잡 여전하고 승객들은 불편을 호소했다"
    drawn: list[str] = []
    lines = _cover._Setter.lines
    monkeypatch.setattr(_cover._Setter, "lines", lambda self, ls, *a: drawn.extend(ls) or lines(self, ls, *a))
    article = Article(meta=Metadata(title=title, language="ko"), body=(Paragraph((Text("본문."),)),))
    cover_png(article, load_theme("default"))
    shown = [line for line in drawn if line[:2] in title]
    assert len(shown) > 1 and " ".join(shown) == title
