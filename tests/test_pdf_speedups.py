"""The carried text and tagging speed-ups: the same PDF bytes as WeasyPrint's own code, with less work."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import weasyprint
from test_exporter_pdf import sample_like
from test_pdf_columns import case_article, corpus_documents, without

import convert
from convert.base import ExportOptions
from convert.exporters import _weasyprint_columns
from convert.exporters import _weasyprint_text as speedups
from convert.exporters.pdf import render_pdf
from convert.model import Article
from convert.theme import Theme, load_theme

pytestmark = pytest.mark.skipif(
    not speedups.installed(), reason=f"the speed-ups are written for {speedups.SUPPORTED_VERSIONS}"
)


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme("default")


def both(render: object) -> tuple[bytes, bytes]:
    assert callable(render)
    ours = render()
    with without(speedups):
        theirs = render()
    return ours, theirs


#: Both carried WeasyPrint patches (this file's and tests/test_pdf_columns.py's).
PATCHES = [pytest.param(speedups, id="text"), pytest.param(_weasyprint_columns, id="columns")]


@pytest.mark.parametrize("patch", PATCHES)
def test_installed_with_the_pdf_exporter(patch: Any) -> None:
    assert patch.installed()


@pytest.mark.parametrize("patch", PATCHES)
def test_another_weasyprint_is_left_alone(patch: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    patch.uninstall()
    try:
        monkeypatch.setattr(weasyprint, "__version__", "999.0")
        assert patch.install() is False
        assert not patch.installed()
    finally:
        monkeypatch.undo()
        patch.install()
    assert patch.installed()


OLDER_WEASYPRINT = """
import weasyprint.pdf
del weasyprint.pdf.add_tags  # WeasyPrint 62-65 have no add_tags; 62 has no LST_TO_ISO either
import convert.exporters.pdf
from convert.exporters import _weasyprint_text
assert not _weasyprint_text.installed() and not _weasyprint_text.install()
_weasyprint_text.uninstall()  # nothing to undo
"""


def test_a_weasyprint_without_the_patched_names_still_exports() -> None:
    """pyproject allows WeasyPrint 62: the PDF exporter must import there, without the speed-ups."""
    import subprocess
    import sys

    subprocess.run([sys.executable, "-c", OLDER_WEASYPRINT], check=True)


@pytest.mark.parametrize("case", ["sample", "footnote", "kitchen", "read-sample"])
def test_same_bytes_as_weasyprint_alone(
    case: str, theme: Theme, sample_path: Path, kitchen_sink: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    article = case_article(case, sample_path, kitchen_sink)
    ours, theirs = both(lambda: render_pdf(article, theme, ExportOptions()).data)
    assert ours == theirs


def test_layouts_share_contexts_and_font_descriptions(theme: Theme, sample_path: Path) -> None:
    from convert.exporters.pdf import _fonts

    _fonts().__dict__.pop("_broadsheet_kept", None)  # what earlier renders in this process kept
    render_pdf(sample_like(sample_path), theme, ExportOptions())
    kept = speedups._kept(_fonts())
    assert ("ltr", "en") in kept.contexts
    # A handful of fonts and sizes (body, headline, byline, running head …), not one per layout.
    assert 3 <= len(kept.descriptions) < 40


def test_justified_boxes_take_the_parked_layout(
    theme: Theme, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    parked: list[str] = []
    original = speedups._ParkedLayout.__init__

    def counting(self: speedups._ParkedLayout, text: str, *args: object) -> None:
        parked.append(text)
        original(self, text, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(speedups._ParkedLayout, "__init__", counting)
    render_pdf(sample_like(sample_path), theme, ExportOptions())
    assert len(parked) > 100  # every justified line of the op-ed's columns


def test_the_strut_is_kept_under_the_values_weasyprints_key_is_made_of() -> None:
    """The kept answer is only as good as the list of values it compares: the key's own, all of them."""
    from weasyprint.text.line_break import _font_style_cache_key

    read: list[str] = []

    class Recording(dict):  # type: ignore[type-arg]
        def __getitem__(self, name: str) -> str:
            read.append(name)
            return "normal"

    _font_style_cache_key(Recording(), include_size=True)
    assert set(read) == set(speedups._STRUT_VALUES)
    assert len(speedups._STRUT_VALUES) == len(set(read))


def test_a_style_asked_again_gets_its_strut_and_a_changed_one_is_measured_anew(
    theme: Theme, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import weasyprint.layout.inline as inline
    import weasyprint.text.line_break as line_break

    keys: list[Any] = []  # the styles WeasyPrint's strut built its key string for
    original_key = line_break._font_style_cache_key

    def key(style: Any, include_size: bool = False) -> str:
        if include_size:
            keys.append(style)
        return original_key(style, include_size)

    asked: list[Any] = []

    def strut(style: Any) -> Any:
        asked.append(style)
        return speedups._strut(style)

    monkeypatch.setattr(line_break, "_font_style_cache_key", key)
    assert inline.strut is speedups._strut
    monkeypatch.setattr(inline, "strut", strut)
    render_pdf(sample_like(sample_path), theme, ExportOptions())
    # Some 900 questions from a few dozen styles, each measured once.
    assert len(asked) > 300 and len(keys) == len({id(s) for s in asked}) < 60
    style = keys[0]
    kept = speedups._strut(style)
    assert len(keys) == len({id(s) for s in asked}) and kept == line_break.strut(style)
    style["line_height"] = 3.0 * style["font_size"]  # a new value object: measured again
    assert speedups._strut(style) == line_break.strut(style) != kept


def test_values_that_could_change_are_not_kept() -> None:
    assert speedups._fixed(("Noto Serif", "serif", 400, 10.5, None, ("smcp", 1)))
    assert not speedups._fixed((["Noto Serif"],))
    assert not speedups._fixed(({"wght": 600},))


#: Justified text in the cases the parked layout must get right or leave to WeasyPrint:
#: decorations (drawing reads their metrics first), word and letter spacing, a lone space
#: between inline boxes, preserved line breaks, right to left, a tab kept by pre-wrap;
#: and layouts in several languages, directions and fonts (the kept contexts and descriptions).
EDGE_HTML = """<!DOCTYPE html><html lang="en"><head><style>
@page { size: 90mm 200mm; margin: 8mm; }
p { text-align: justify; hyphens: auto; font-family: serif; font-size: 10pt; }
.u { text-decoration: underline; } .s { text-decoration: line-through overline; }
.ws { word-spacing: 3px; } .ls { letter-spacing: 0.05em; } .pl { white-space: pre-line; }
.pw { white-space: pre-wrap; tab-size: 4; }
.fo { font-language-override: "TRK"; font-feature-settings: "smcp"; font-kerning: none; }
.fv { font-variation-settings: "wght" 600; font-stretch: condensed; font-size: 9.5pt; }
</style></head><body>
<p>Plain justified text runs on long enough to wrap across several lines of the narrow page,
with <a class="u" href="#x">an underlined link that is itself long enough to be justified</a>
and <span class="s">struck words set over a line end so that they are spread too</span>.</p>
<p class="ws">Word spacing widens every gap <b>bold</b> <i>italic</i> <b>a</b> <i>b</i> and
the line is justified on top of that across the whole paragraph of text.</p>
<p class="ls">Letter spacing spreads the letters while justification spreads the words, over
several lines of this narrow page again.</p>
<p class="pl">A preserved line break
ends this line early, and the text after it runs on to be justified over the next lines
of the page.</p>
<p class="pw">A tab\there and words after it that wrap over more than one line of the page,
justified or not.</p>
<p class="fo">Figures 1234567890 and fine fluffy office ligatures, set with features of their own,
justified over the lines of the page.</p>
<p class="fv" lang="de">Ein deutscher Absatz mit Silbentrennung nach Wörterbuch, schmal gesetzt.</p>
<p dir="rtl" lang="ar">هذا نص عربي طويل بما يكفي ليلتف على عدة أسطر في هذه الصفحة الضيقة ويضبط من الجانبين.</p>
</body></html>"""


@pytest.mark.parametrize("tags", [False, True])
def test_same_bytes_on_edge_cases(tags: bool) -> None:
    ours, theirs = both(lambda: weasyprint.HTML(string=EDGE_HTML).write_pdf(pdf_tags=tags))
    assert ours == theirs


@pytest.mark.slow
def test_same_bytes_on_corpus_documents(corpus: Path, theme: Theme, monkeypatch: pytest.MonkeyPatch) -> None:
    """Both halves: BBC stories and readability pages spread over the corpus."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    for path in corpus_documents(corpus, 6):
        article = convert.read(path)
        if not article.body:
            continue
        ours, theirs = both(lambda: render_pdf(article, theme, ExportOptions()).data)  # noqa: B023
        assert ours == theirs, path


def test_the_collector_is_paused_during_a_render_and_back_on_after(
    theme: Theme, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from convert.exporters import pdf

    seen: list[tuple[bool, int, int]] = []
    original = pdf._weasyprint_pdf

    def spy(*args: object) -> bytes:
        before = gc.get_stats()[0]["collections"]
        data = original(*args)  # type: ignore[arg-type]
        seen.append((gc.isenabled(), before, gc.get_stats()[0]["collections"]))
        return data

    monkeypatch.setattr(pdf, "_weasyprint_pdf", spy)
    assert gc.isenabled()
    render_pdf(sample_like(sample_path), theme, ExportOptions())
    ((enabled, before, after),) = seen
    assert not enabled and after == before  # off, and no collection, while WeasyPrint works
    assert gc.isenabled()
    assert gc.get_stats()[0]["collections"] > after  # one young sweep at the end


def test_the_collector_comes_back_after_a_failed_render(
    theme: Theme, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import gc

    from convert.errors import ExportError
    from convert.exporters import pdf

    def broken(document: object, render: object) -> object:
        raise ValueError("a layout WeasyPrint cannot do")

    monkeypatch.setattr(pdf, "keep_footnotes_with_calls", broken)
    with pytest.raises(ExportError):
        render_pdf(sample_like(sample_path), theme, ExportOptions())
    assert gc.isenabled()


def test_a_collector_the_application_turned_off_stays_off(theme: Theme, sample_path: Path) -> None:
    import gc

    gc.disable()
    try:
        render_pdf(sample_like(sample_path), theme, ExportOptions())
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_stays_on_for_a_render_in_another_thread(
    theme: Theme, sample_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An application rendering from a thread keeps the process's collector running."""
    import gc
    import threading

    from convert.exporters import pdf

    seen: list[bool] = []
    original = pdf._weasyprint_pdf

    def spy(*args: object) -> bytes:
        seen.append(gc.isenabled())
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(pdf, "_weasyprint_pdf", spy)
    worker = threading.Thread(target=render_pdf, args=(sample_like(sample_path), theme, ExportOptions()))
    worker.start()
    worker.join()
    assert seen == [True] and gc.isenabled()
