"""PDF typography per script after review r48: sans-set Tamil emphasis, output independent of what
the process rendered before, a theme's own text alignment, bundles under the render lock."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

import convert
from convert.base import ExportOptions
from convert.exporters import _fonts
from convert.exporters import pdf as pdf_module
from convert.exporters.html import script_css
from convert.exporters.pdf import PdfExporter
from convert.theme import load_theme

THEME = load_theme("default")
TAMIL = "நகரத்தின் புதிய நூலகம் திங்கள்கிழமை மக்களுக்குத் திறக்கப்பட்டது."
needs_slanted = pytest.mark.skipif(
    shutil.which("fc-match") is None
    or not _fonts.slanted_faces(_fonts.script_fonts(THEME, "Taml")["body"], TAMIL),
    reason="fontconfig or Noto Serif Tamil Slanted not installed",
)


def _read(tmp_path: Path, name: str, text: str) -> convert.Article:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    return convert.read(source)


def _fonts_by_page(data: bytes) -> set[str]:
    return {
        str(f.get_object()["/BaseFont"]).split("+", 1)[-1]
        for page in PdfReader(io.BytesIO(data)).pages
        for f in page["/Resources"]["/Font"].values()
    }


def test_a_bundle_renders_under_the_render_lock(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """WeasyPrint's layout with the shared FontConfiguration is not thread-safe: a bundle waits for
    an article's render in another thread and the other way round (review r48 #4)."""
    import weasyprint

    from convert.batch.bundle import Collection, bundle_pdf

    held: list[bool] = []
    render = weasyprint.HTML.render

    def recording(self: weasyprint.HTML, *args: object, **kwargs: object) -> object:
        held.append(pdf_module._RENDER_LOCK.locked())
        return render(self, *args, **kwargs)

    monkeypatch.setattr(weasyprint.HTML, "render", recording)
    art = _read(tmp_path, "en.md", "---\ntitle: A library opens\nlang: en\n---\n\nThe new library opened.\n")
    bundle_pdf(Collection("Two", (art, art)), THEME)
    assert held and all(held), held


def _png(path: Path) -> None:
    from PIL import Image

    Image.new("RGB", (40, 20), (200, 180, 150)).save(path)


@needs_slanted
def test_tamil_emphasis_in_sans_text_is_bold_not_a_fake_oblique(tmp_path: Path) -> None:
    """Noto Serif Tamil Slanted is the serif's italic only: a caption or a table header, set in
    Noto Sans Tamil, had its emphasis in a fake oblique of the upright face, invisible in print
    (review r48 #1). There, as before, nothing is slanted and emphasis is bold."""
    _png(tmp_path / "pic.png")
    art = _read(
        tmp_path,
        "ta.md",
        f"---\ntitle: தலைப்பு\nlang: ta\n---\n\n{TAMIL}\n\n![நிலையம் *சாய்வு எழுத்து* படம்](pic.png)\n\n"
        "| நிலையம் | *தூரம்* |\n|---|---|\n| போரூர் | 12 |\n",
    )
    css = script_css(art, THEME, installed=True)
    for selector in (".kicker", ".byline", ".dates", ".dateline", "figcaption", "caption", "th"):
        assert f":is({selector}) :is(em, i):not(#_) {{ font-weight: bold; }}" in css
    data = PdfExporter().export(art, THEME, ExportOptions(base_dir=tmp_path))
    fonts = _fonts_by_page(data)
    assert "Noto-Sans-Tamil-Bold" in fonts and not any("Oblique" in f for f in fonts), fonts


@needs_slanted
def test_a_pdf_does_not_depend_on_what_the_process_rendered_before(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The slanted faces are declared in the process's font configuration when it is made: declared
    by a Tamil article, they stayed, and an English article's Tamil italics changed face after it
    (review r48 #2: a batch's output depended on its order and on -j)."""
    monkeypatch.setattr(pdf_module, "_font_config", None)  # a fresh process's
    english = _read(tmp_path, "en.md", f"---\ntitle: A library\nlang: en\n---\n\nIts motto is *{TAMIL}*.\n")
    tamil = _read(tmp_path, "ta.md", f"---\ntitle: நூலகம்\nsubtitle: நூலகம்\nlang: ta\n---\n\n*{TAMIL}*\n")
    first = PdfExporter().export(english, THEME, ExportOptions())
    PdfExporter().export(tamil, THEME, ExportOptions())
    assert PdfExporter().export(english, THEME, ExportOptions()) == first
    assert "Noto-Serif-Tamil-Italic" in _fonts_by_page(first)


def _theme(tmp_path: Path, css: str) -> Path:
    folder = tmp_path / "theme"
    folder.mkdir(parents=True)
    (folder / "theme.toml").write_text(
        '[theme]\nname = "custom"\nextends = "default"\ncss = ["custom.css"]\n', encoding="utf-8"
    )
    (folder / "custom.css").write_text(css + "\n", encoding="utf-8")
    return folder


def _paragraph_alignments(html: str) -> set[str]:
    import weasyprint

    def walk(box: object) -> Iterator[object]:
        yield box
        for child in getattr(box, "children", []):
            yield from walk(child)

    page = weasyprint.HTML(string=html).render().pages[0]._page_box
    return {b.style["text_align_all"] for b in walk(page) if getattr(b, "element_tag", None) == "p"}  # type: ignore[attr-defined]


_JUSTIFY_SPELLINGS = [
    ".article-body p { text-align: var(--align); } :root { --align: justify; }",
    ".article-body { p { text-align: justify; } }",
    "@layer base { .article-body p { text-align: justify; } }",
    ".article-body p { TEXT-ALIGN: JUSTIFY; }",
    ".article-body p { text-align: justify-all; }",
]


@pytest.mark.parametrize("css", _JUSTIFY_SPELLINGS)
def test_an_unhyphenated_language_is_ragged_however_the_theme_justifies(tmp_path: Path, css: str) -> None:
    """Armenian (no pyphen dictionary) is set at the start whatever way the theme writes its
    justification (review r48b #2: copying the theme's rules with justify replaced missed these);
    English under the same theme stays justified."""
    from convert.exporters.html import HtmlExporter

    theme = load_theme(_theme(tmp_path, css))
    hy = _read(tmp_path, "hy.md", "---\ntitle: T\nlang: hy\n---\n\nՔաղաքի նոր գրադարանը բացվեց։\n")
    assert _paragraph_alignments(HtmlExporter().export(hy, theme, ExportOptions()).decode()) == {"start"}


def test_a_theme_keeps_its_own_alignment_with_important(tmp_path: Path) -> None:
    """A theme that wants another alignment for every language says so with !important, as the
    README says; without it the blanket start wins for Armenian."""
    from convert.exporters.html import HtmlExporter

    hy = _read(tmp_path, "hy.md", "---\ntitle: T\nlang: hy\n---\n\nՔաղաքի նոր գրադարանը բացվեց։\n")
    plain = load_theme(_theme(tmp_path / "a", ".article-body p { text-align: center; }"))
    forced = load_theme(_theme(tmp_path / "b", ".article-body p { text-align: center !important; }"))
    assert _paragraph_alignments(HtmlExporter().export(hy, plain, ExportOptions()).decode()) == {"start"}
    assert _paragraph_alignments(HtmlExporter().export(hy, forced, ExportOptions()).decode()) == {"center"}
