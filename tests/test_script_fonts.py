"""Fonts for scripts the theme has no [scripts.*] table for, and no fake italics (h34 #13)."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

import convert
from convert.base import ExportOptions
from convert.exporters import _fonts
from convert.exporters.html import script_css
from convert.exporters.pdf import PdfExporter
from convert.model import Article
from convert.theme import load_theme

THEME = load_theme("default")

#: Short texts of our own in each script, with a subtitle (set in italic by the theme).
TEXTS = {
    "ta": ("புதிய நூலகம் திறப்பு", "நகரத்தின் புதிய நூலகம் திங்கள்கிழமை மக்களுக்குத் திறக்கப்பட்டது."),
    "hy": ("Նոր գրադարան", "Քաղաքի նոր գրադարանը երկուշաբթի օրը բացվեց բոլորի համար։"),
    "ka": ("ახალი ბიბლიოთეკა", "ქალაქის ახალი ბიბლიოთეკა ორშაბათს ყველასთვის გაიხსნა."),
    "bn": ("নতুন গ্রন্থাগার", "শহরের নতুন গ্রন্থাগারটি সোমবার সবার জন্য খুলে দেওয়া হয়েছে।"),
}


def article(tmp_path: Path, lang: str) -> Article:
    title, text = TEXTS[lang]
    source = tmp_path / f"{lang}.md"
    source.write_text(
        f"---\ntitle: {title}\nsubtitle: {title}\nlang: {lang}\n---\n\n{text}\n\n> {text}\n", encoding="utf-8"
    )
    return convert.read(source)


@pytest.mark.parametrize(
    ("script", "name"), [("Taml", "Tamil"), ("Armn", "Armenian"), ("Geor", "Georgian"), ("Ethi", "Ethiopic")]
)
def test_a_script_without_a_table_is_led_by_its_noto_faces(script: str, name: str) -> None:
    fonts = _fonts.script_fonts(THEME, script)
    assert fonts["body"].startswith(f"'Noto Serif {name}', 'Noto Sans {name}', 'Source Serif 4'")
    assert fonts["heading"].startswith(f"'Noto Serif {name}', 'Noto Sans {name}'")
    assert fonts["sans"].startswith(f"'Noto Sans {name}', 'Source Sans 3'")


def test_covered_and_listed_scripts_keep_their_fonts() -> None:
    assert _fonts.script_fonts(THEME, "Latn") == {} and _fonts.script_fonts(THEME, "Cyrl") == {}
    assert _fonts.script_fonts(THEME, None) == {} and _fonts.script_fonts(THEME, "Zyyy") == {}
    assert _fonts.script_fonts(THEME, "Deva")["body"].startswith("'Noto Serif Devanagari'")  # its table
    assert _fonts.script_fonts(THEME, "Canadian") == {}  # no such script code


def test_script_css_sets_the_derived_stacks(tmp_path: Path) -> None:
    css = script_css(article(tmp_path, "hy"), THEME)
    assert "--fonts-body: 'Noto Serif Armenian', 'Noto Sans Armenian'," in css


needs_fonts = pytest.mark.skipif(
    shutil.which("fc-match") is None or _fonts.font_face("'Noto Serif Tamil'") is None,
    reason="fontconfig or Debian's fonts-noto-core not installed",
)


@needs_fonts
def test_no_fake_italic_where_the_script_face_has_none(tmp_path: Path) -> None:
    assert not _fonts.has_italic(_fonts.script_fonts(THEME, "Armn")["body"], TEXTS["hy"][1])
    assert not _fonts.slanted_faces(_fonts.script_fonts(THEME, "Armn")["body"], TEXTS["hy"][1])
    assert _fonts.has_italic(THEME.token("fonts", "body"), "Latin letters")
    css = script_css(article(tmp_path, "hy"), THEME, installed=True)  # the PDF, set with these fonts
    assert "html:root, html:root *:not(#_) { font-style: normal; }" in css
    assert "html:root em:not(#_), html:root i:not(#_) { font-weight: bold; }" in css  # emphasis stays visible
    assert "@font-face" not in css


TAMIL_BODY = _fonts.script_fonts(THEME, "Taml")["body"]
needs_slanted = pytest.mark.skipif(
    not _fonts.slanted_faces(TAMIL_BODY, TEXTS["ta"][1]), reason="Noto Serif Tamil Slanted not installed"
)


@needs_slanted
def test_tamil_italic_is_noto_serif_tamil_slanted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Noto's Tamil italic is a family of its own, Noto Serif Tamil Slanted: the PDF declares it the
    italic of Noto Serif Tamil instead of setting italics upright with bold emphasis."""
    faces = _fonts.slanted_faces(TAMIL_BODY, TEXTS["ta"][1])
    assert [(f.family, f.bold) for f in faces] == [("Noto Serif Tamil", False), ("Noto Serif Tamil", True)]
    assert all("NotoSerifTamilSlanted" in f.path.name for f in faces)
    assert "Noto Serif Tamil" in _fonts.slanted_families() and set(_fonts.slanted_italics()) >= set(faces)
    assert _fonts.face_rule(faces[0]) == (
        "@font-face { font-family: 'Noto Serif Tamil'; font-style: italic; font-weight: normal; "
        f"src: url('{faces[0].path.as_uri()}'); }}"
    )
    art = article(tmp_path, "ta")
    css = script_css(art, THEME, installed=True)
    # Declared once in the process's font configuration (pdf._fonts), not by each document.
    assert "@font-face" not in css and "html:root, html:root *:not(#_)" not in css
    data = PdfExporter().export(art, THEME, ExportOptions())  # the subtitle is italic
    fonts = _pdf_fonts(data)
    assert "Noto-Serif-Tamil-Italic" in fonts and not any("Oblique" in f for f in fonts), fonts
    # Where fontconfig has no slanted face, as before: upright, bold emphasis.
    monkeypatch.setattr("convert.exporters._script_css.slanted_faces", lambda *_: ())
    assert "html:root em:not(#_), html:root i:not(#_) { font-weight: bold; }" in script_css(
        art, THEME, installed=True
    )


def _pdf_fonts(data: bytes) -> set[str]:
    return {
        str(f.get_object()["/BaseFont"]).split("+", 1)[-1]
        for page in PdfReader(io.BytesIO(data)).pages
        for f in page["/Resources"]["/Font"].values()
    }


@pytest.mark.parametrize("lang", ["ta", "hy"])
def test_html_and_epub_css_does_not_ask_this_machines_fonts(
    tmp_path: Path, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HTML and EPUB are read with the reader's fonts: their CSS is the same whatever is installed
    here (review r41 #3: a Japanese page got bold emphasis only where fontconfig had its face)."""
    art = article(tmp_path, lang)

    def asked(*_: object) -> bool:
        raise AssertionError("fontconfig asked for HTML or EPUB")

    monkeypatch.setattr("convert.exporters._script_css.has_italic", asked)
    css = script_css(art, THEME)
    assert "font-style: normal" not in css and "font-weight: bold" not in css


def test_a_face_inside_a_collection_is_asked_too() -> None:
    # Noto Serif CJK comes as a .ttc: not embedded, but its lack of an italic counts all the same.
    if shutil.which("fc-match") is None or _fonts._match("Noto Serif CJK JP", False, False, True) is None:
        pytest.skip("fontconfig or Debian's fonts-noto-cjk not installed")
    assert not _fonts.has_italic(_fonts.script_fonts(THEME, "Jpan")["body"], "市の新しい図書館が開館した")


@needs_fonts
@pytest.mark.parametrize(
    ("lang", "face"), [("ta", "Tamil"), ("hy", "Armenian"), ("ka", "Georgian"), ("bn", "Bengali")]
)
def test_pdf_sets_the_script_in_its_noto_serif(tmp_path: Path, lang: str, face: str) -> None:
    data = PdfExporter().export(article(tmp_path, lang), THEME, ExportOptions())
    fonts = _pdf_fonts(data)
    assert f"Noto-Serif-{face}" in fonts and f"Noto-Serif-{face}-Bold" in fonts, fonts
    assert not any("DejaVu" in f or "Oblique" in f for f in fonts), fonts
    # An italic only from a slanted face of the family's own (Noto Serif Tamil Slanted).
    slanted = bool(_fonts.slanted_faces(_fonts.script_fonts(THEME, _SCRIPTS[lang])["body"], TEXTS[lang][1]))
    assert any("Italic" in f for f in fonts) == slanted, fonts


_SCRIPTS = {"ta": "Taml", "hy": "Armn", "ka": "Geor", "bn": "Beng"}


def _widest_stretch(data: bytes) -> float:
    """The widest space added between two glyphs on page 1, in em: WeasyPrint writes a justified
    line's stretched spaces as TJ adjustments (thousandths of an em; negative moves right)."""
    import pikepdf

    widest = 0.0
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for operands, op in pikepdf.parse_content_stream(pdf.pages[0]):
            if str(op) == "TJ":
                shifts = [-float(x) / 1000 for x in operands[0] if not isinstance(x, pikepdf.String)]
                widest = max([widest, *shifts])
    return widest


@pytest.mark.parametrize(("lang", "justified"), [("hy", False), ("ka", False), ("ta", False), ("ru", True)])
def test_justified_only_where_the_language_can_be_hyphenated(
    tmp_path: Path, lang: str, justified: bool
) -> None:
    """pyphen has no Armenian, Georgian or Tamil dictionary: justified, their narrow columns of long
    unbroken words opened gaps of 5 to 7 em (h34 #13); ragged, no space is stretched."""
    title, text = {**TEXTS, "ru": ("Новая библиотека", "Новая городская библиотека открылась для всех.")}[
        lang
    ]
    source = tmp_path / f"{lang}.md"
    source.write_text(
        f"---\ntitle: {title}\nlang: {lang}\n---\n\n{' '.join([text] * 12)}\n", encoding="utf-8"
    )
    css = script_css(convert.read(source), THEME)
    assert ("text-align: start" in css) == (not justified)  # HTML and EPUB too
    if lang != "ta":  # Tamil's shaping places reordered vowel signs with such adjustments too
        data = PdfExporter().export(convert.read(source), THEME, ExportOptions())
        assert (_widest_stretch(data) > 0.15) == justified, _widest_stretch(data)


def test_an_equation_stays_centred_in_a_ragged_article(tmp_path: Path) -> None:
    css = script_css(article(tmp_path, "hy"), THEME)
    assert "html:root .article-body p:not(.equation) { text-align: start;" in css


@needs_slanted
def test_a_bundle_sets_tamil_italics_in_the_slanted_face_too(tmp_path: Path) -> None:
    # The bundle's stylesheet is read with the PDF's font configuration: its @font-face counts.
    from convert.batch.bundle import Collection, bundle_pdf

    fonts = _pdf_fonts(bundle_pdf(Collection("Tamil", (article(tmp_path, "ta"),)), THEME))
    assert "Noto-Serif-Tamil-Italic" in fonts and not any("Oblique" in f for f in fonts), fonts
