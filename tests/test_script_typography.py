"""PDF typography per script after review r48: sans-set Tamil emphasis, output independent of what
the process rendered before, a theme's own text alignment, bundles under the render lock."""

from __future__ import annotations

import io
import shutil
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
