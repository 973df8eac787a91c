"""Built-in themes and ``extends`` (issue 17, item 1): each theme reaches PDF, EPUB, DOCX and HTML."""

from __future__ import annotations

import io
import json
import re
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from convert import api
from convert import theme as theme_mod
from convert.cli import cli
from convert.errors import UsageError
from convert.theme import builtin_names, load_theme

THEMES = ("newspaper", "report", "large-print", "e-reader")


def write_theme(folder: Path, toml: str, **css: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "theme.toml").write_text(toml, encoding="utf-8")
    for name, text in css.items():
        (folder / f"{name}.css").write_text(text, encoding="utf-8")
    return folder


def test_four_themes_are_built_in_and_listed() -> None:
    assert set(THEMES) <= set(builtin_names())
    out = CliRunner().invoke(cli, ["formats"]).output
    for name in THEMES:
        line = next(ln for ln in out.splitlines() if ln.split()[:1] == [name])
        assert len(line.split()) > 3, line  # the name and its description


def test_a_theme_extends_its_parent_tokens_and_css(tmp_path: Path) -> None:
    parent = write_theme(
        tmp_path / "parent",
        '[theme]\ncss = ["a.css"]\n[sizes]\nbody = "10pt"\nsmall = "8pt"\n',
        a="/* parent */ .x { background: url(img/p.png); }",
    )
    child = write_theme(
        tmp_path / "child",
        '[theme]\nname = "kid"\nextends = "../parent"\ncss = ["b.css"]\n[sizes]\nbody = "16pt"\n',
        b="/* child */",
    )
    theme = load_theme(child)
    assert theme.name == "kid"
    assert theme.token("sizes", "body") == "16pt" and theme.token("sizes", "small") == "8pt"
    css = theme.css("css")
    assert css.index("/* parent */") < css.index("/* child */")
    # The parent's relative url() still points into the parent's folder.
    assert (parent / "img" / "p.png").as_uri() in css
    assert theme.folders == (parent.resolve(), child.resolve())


def test_builtin_themes_carry_the_default_css() -> None:
    """A change to styles/default (h4's speed work, say) reaches every theme built on it."""
    folder = load_theme("default").path
    for name in THEMES:
        css = load_theme(name).css("css", "print_css")
        for file in ("base.css", "print.css"):
            assert (folder / file).read_text(encoding="utf-8") in css, (name, file)


def test_a_loop_of_extends_is_a_usage_error(tmp_path: Path) -> None:
    write_theme(tmp_path / "a", '[theme]\nextends = "../b"\n')
    write_theme(tmp_path / "b", '[theme]\nextends = "../a"\n')
    with pytest.raises(UsageError, match="extends itself"):
        load_theme(tmp_path / "a")


def test_an_unknown_parent_is_a_usage_error(tmp_path: Path) -> None:
    write_theme(tmp_path / "a", '[theme]\nextends = "no-such-theme"\n')
    with pytest.raises(UsageError, match="unknown style 'no-such-theme'"):
        load_theme(tmp_path / "a")


def test_large_print_is_large_and_single_column() -> None:
    theme = load_theme("large-print")
    assert float(theme.token("sizes", "body").removesuffix("pt")) >= 16
    assert float(theme.token("sizes", "small").removesuffix("pt")) >= 16
    assert theme.token("page", "columns") == 1


def test_docx_and_html_follow_the_theme(sample_path: Path) -> None:
    article = api.read(sample_path)
    html = api.render(article, "html", style="report").data.decode()
    assert "counter(section)" in html and "--colors-accent: #1f3a5f" in html
    docx = api.render(article, "docx", style="large-print").data
    with zipfile.ZipFile(io.BytesIO(docx)) as z:
        styles = z.read("word/styles.xml").decode()
    assert 'w:ascii="Arial"' in styles
    assert re.search(r'<w:sz w:val="32"\s*/>', styles)  # 16 pt, in half points


@pytest.mark.slow
@pytest.mark.parametrize("name", THEMES)
def test_every_theme_renders_the_sample_pdf(sample_path: Path, name: str) -> None:
    article = api.read(sample_path)
    data = api.render(article, "pdf", style=name).data
    reader = PdfReader(io.BytesIO(data))
    first = reader.pages[0]
    width_mm = float(first.mediabox.width) / 72 * 25.4
    assert (width_mm < 110) == (name == "e-reader")
    assert "Putin" in first.extract_text()
    fonts = {
        str(f["/BaseFont"]).split("+", 1)[-1]
        for page in reader.pages
        for f in page["/Resources"]["/Font"].values()
        if "/BaseFont" in f.get_object()
    }
    assert not any(f.startswith("DejaVu") for f in fonts), fonts


def test_fingerprint_follows_the_parent_but_not_the_place(tmp_path: Path) -> None:
    def make(root: Path, colour: str) -> Path:
        write_theme(root / "parent", f'[colors]\naccent = "{colour}"\n')
        return write_theme(root / "child", '[theme]\nextends = "../parent"\n')

    first = load_theme(make(tmp_path / "a", "#111111")).fingerprint
    assert load_theme(make(tmp_path / "b", "#111111")).fingerprint == first  # the same files elsewhere
    assert load_theme(make(tmp_path / "c", "#222222")).fingerprint != first  # the parent changed


def test_theme_files_are_parsed_once_and_kept_in_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18: a cold run reads the parsed theme.toml back from the user's cache, not tomllib."""
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path / "cache"))
    folder = write_theme(
        tmp_path / "t", '[theme]\nname = "t"\n[sizes]\nbody = "11pt"\n[colors]\nz = "#000"\na = "#fff"\n'
    )
    first = theme_mod._read_tokens(folder)
    assert list(first) == ["theme", "sizes", "colors"] and list(first["colors"]) == ["z", "a"]
    kept = list((tmp_path / "cache").glob("theme-*.json"))
    assert len(kept) == 1 and json.loads(kept[0].read_text(encoding="utf-8")) == first
    assert first["sizes"] == {"body": "11pt"}
    monkeypatch.setitem(sys.modules, "tomllib", None)  # a second read must not parse
    again = theme_mod._read_tokens(folder)
    assert again == first and list(again["colors"]) == ["z", "a"]  # in the file's order: the CSS follows it
    (folder / "theme.toml").write_text('[theme]\nname = "t"\n[sizes]\nbody = "12pt"\n', encoding="utf-8")
    with pytest.raises(ImportError):  # an edited file is parsed again
        theme_mod._read_tokens(folder)


def test_a_theme_with_toml_dates_or_bad_toml(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path / "cache"))
    dated = write_theme(tmp_path / "d", '[theme]\nname = "d"\nreleased = 2024-10-14\n')
    assert str(theme_mod._read_tokens(dated)["theme"]["released"]) == "2024-10-14"
    broken = write_theme(tmp_path / "b", "[theme\n")
    with pytest.raises(UsageError, match=r"theme\.toml: not valid TOML"):
        theme_mod._read_tokens(broken)
    assert not list((tmp_path / "cache").glob("theme-*.json"))


def test_korean_keeps_its_words_whole_in_html_and_epub() -> None:
    """Browsers and e-readers break Korean at its spaces, not between syllables (CSS Text 3 keep-all)."""
    css = load_theme("default").css("css")
    assert re.search(r":lang\(ko\)\s*\{[^}]*word-break:\s*keep-all", css)
