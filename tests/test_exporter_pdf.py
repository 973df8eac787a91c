"""The PDF exporter and its resource policy, read back with pypdf (no mocks of WeasyPrint)."""

from __future__ import annotations

import io
import logging
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from loopback import serving_bytes
from pypdf import PdfReader

from convert.base import ExportOptions
from convert.errors import UsageError
from convert.exporters import pdf
from convert.exporters.pdf import PdfExporter, page_css, render_pdf, running_title
from convert.fetch import PolicyFetcher, ResourcePolicy
from convert.model import Article, Author, Figure, Metadata, Note, NoteRef, Paragraph, Text
from convert.theme import Theme, load_theme

# --------------------------------------------------------------------------
# helpers


def sample_like(sample: Path, *, footnote: bool = False) -> Article:
    """The sample op-ed as a reader would give it: byline, title, date, dateline lead, paragraphs.

    Built here rather than through the text reader, so a reader bug cannot fail this file.
    """
    blocks = [b.strip() for b in sample.read_text(encoding="utf-8").split("\n\n") if b.strip()]
    byline, title, _date, *paras = blocks
    paras[0] = paras[0].split(" – ", 1)[1]  # "MOSCOW – On October 11th ..." -> dateline + text
    body = [Paragraph((Text(p),)) for p in paras]
    notes: tuple[Note, ...] = ()
    if footnote:
        body[3] = Paragraph((Text(paras[3]), NoteRef("n1")))
        notes = (
            Note("n1", "footnote", (Paragraph((Text("Iran fired about 180 missiles on October 1."),)),)),
        )
    meta = Metadata(
        title=title,
        authors=(Author(byline.removeprefix("By ")),),
        published="2024-10-14T22:37:00",
        dateline="MOSCOW",
        language="en",
        keywords=("Russia", "Iran"),
    )
    return Article(meta=meta, body=tuple(body), notes=notes)


def squash(text: str) -> str:
    """Case, whitespace and hyphens out: justified, hyphenated lines compare with the source."""
    return re.sub(r"[\s\u00ad\u2010\u2011-]+", "", text).casefold()


def page_texts(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def body_text(data: bytes, title: str) -> str:
    """The text of every page without its furniture (running head, page number)."""
    head = running_title(title).upper()
    out = []
    for number, text in enumerate(page_texts(data), 1):
        lines = [ln for ln in text.split("\n") if ln.strip() not in (str(number), head)]
        out.append("\n".join(lines))
    return "\n".join(out)


def png_bytes() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (4, 4), (200, 30, 30)).save(buf, format="PNG")
    return buf.getvalue()


def figure_article(*srcs: str) -> Article:
    figures = tuple(Figure(src, alt=f"image {i}") for i, src in enumerate(srcs))
    return Article(
        meta=Metadata(title="Figures", language="en"),
        body=(Paragraph((Text("Before the figures."),)), *figures, Paragraph((Text("After the figures."),))),
    )


def image_count(data: bytes) -> int:
    count = 0
    for page in PdfReader(io.BytesIO(data)).pages:
        xobjects = page["/Resources"].get_object().get("/XObject")
        if xobjects:
            count += sum(1 for x in xobjects.get_object().values() if x.get_object()["/Subtype"] == "/Image")
    return count


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme("default")


@pytest.fixture(scope="module")
def sample_article(sample_path: Path) -> Article:
    return sample_like(sample_path)


@pytest.fixture(scope="module")
def sample_pdf(sample_article: Article, theme: Theme) -> bytes:
    return render_pdf(sample_article, theme, ExportOptions()).data


@pytest.fixture
def http_server() -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 (port 0) that serves a PNG and records every request path."""
    with serving_bytes(png_bytes()) as (base, requests):
        yield base.rstrip("/"), requests


# --------------------------------------------------------------------------
# the document


def test_exporter_is_registered_with_its_capabilities() -> None:
    from convert.registry import exporters

    cls = exporters.get_class("pdf")
    assert cls is PdfExporter
    assert (cls.name, cls.extension, cls.media_type) == ("pdf", "pdf", "application/pdf")


def test_sample_text_holds_title_byline_and_every_paragraph_in_order(
    sample_article: Article, sample_pdf: bytes
) -> None:
    text = squash(body_text(sample_pdf, sample_article.meta.title or ""))
    expected = [sample_article.meta.title or "", "By Vladimir Sazhin", "MOSCOW"]
    expected += [p.content[0].text for p in sample_article.body if isinstance(p, Paragraph)]  # type: ignore[union-attr]
    position = 0
    for piece in expected:
        found = text.find(squash(piece), position)
        assert found >= 0, f"missing or out of order: {piece[:60]!r}"
        position = found + len(squash(piece))


def test_metadata_names_the_article(sample_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(sample_pdf))
    info = reader.metadata
    assert info is not None
    assert info.title == "Putin and Pezeshkian’s meeting in Ashgabat"
    assert info.author == "Vladimir Sazhin"
    assert info["/Keywords"] == "Russia, Iran"
    # The time has no zone in the source, so only the date is kept, never the clock's.
    assert str(info["/CreationDate"]).startswith("D:20241014")
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert "/StructTreeRoot" in reader.trailer["/Root"]  # tagged PDF


def test_pages_are_a4_numbered_with_a_running_title_from_page_two(sample_pdf: bytes) -> None:
    reader = PdfReader(io.BytesIO(sample_pdf))
    assert len(reader.pages) >= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)
    texts = page_texts(sample_pdf)
    head = "PUTIN AND PEZESHKIAN’S MEETING IN ASHGABAT"
    assert head not in texts[0]
    assert all(head in t for t in texts[1:])
    for number, text in enumerate(texts, 1):
        assert text.rstrip().endswith(f"\n{number}"), f"page {number} has no page number at its foot"


def test_running_title_is_shortened_at_a_word() -> None:
    assert running_title("Short title") == "Short title"
    long = "Putin and Pezeshkian’s meeting in Ashgabat and what it means for the rest of the region"
    short = running_title(long)
    assert short.endswith("…") and len(short) <= 60
    assert long.startswith(short[:-1])


def test_footnote_sits_at_the_foot_of_the_page_of_its_call(sample_path: Path, theme: Theme) -> None:
    article = sample_like(sample_path, footnote=True)
    texts = page_texts(render_pdf(article, theme, ExportOptions()).data)
    call_page = next(i for i, t in enumerate(texts) if "gradual detente" in t)
    note_pages = [i for i, t in enumerate(texts) if "Iran fired about 180 missiles" in t]
    assert note_pages == [call_page]
    # The footnote is not left in the running text: it follows the page's body.
    page = texts[call_page]
    assert page.index("Iran fired about 180 missiles") > page.index("gradual detente")


def test_kitchen_sink_renders_every_node(kitchen_sink: Article, theme: Theme) -> None:
    result = render_pdf(kitchen_sink, theme, ExportOptions())
    text = "\n".join(page_texts(result.data))
    for piece in (
        "A footnote with",
        "A section heading",
        "Trade turnover, 2023",
        "def f(x):",
        "The last paragraph",
        "The views expressed are the author’s own.",
        "Ada Lovelace writes about engines.",
    ):
        assert squash(piece) in squash(text), piece
    markers = re.findall(r"^(\d+)\. *$", text, re.M)  # list markers are drawn apart from their items
    assert markers[:2] == ["3", "4"]  # <ol start=3> is honoured


def test_output_is_byte_identical_across_renders(
    sample_article: Article, theme: Theme, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    first = render_pdf(sample_article, theme, ExportOptions()).data
    time.sleep(1.1)  # fontTools would stamp a new second into the subset fonts
    second = render_pdf(sample_article, theme, ExportOptions()).data
    assert first == second
    assert "SOURCE_DATE_EPOCH" not in os.environ


def test_pdf_ua_variant_is_tagged_with_xmp_metadata(theme: Theme) -> None:
    article = figure_article()
    data = render_pdf(article, theme, ExportOptions(pdf_variant="pdf/ua-1")).data
    root = PdfReader(io.BytesIO(data)).trailer["/Root"]
    assert "/StructTreeRoot" in root and "/Metadata" in root
    assert b"pdfuaid" in root["/Metadata"].get_object().get_data()


def test_unknown_variant_is_a_usage_error(theme: Theme) -> None:
    with pytest.raises(UsageError, match="pdf/x-4"):
        render_pdf(figure_article(), theme, ExportOptions(pdf_variant="pdf/x-4"))


def test_theme_css_is_parsed_once(theme: Theme) -> None:
    render_pdf(figure_article(), theme, ExportOptions())
    assert pdf._stylesheet(theme) is pdf._stylesheet(theme)


def test_page_rule_comes_from_the_theme_tokens(tmp_path: Path) -> None:
    folder = tmp_path / "letter"
    shutil.copytree(load_theme("default").path, folder)
    toml = folder / "theme.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('size = "A4"', 'size = "Letter"'), encoding="utf-8"
    )
    letter = load_theme(folder)
    assert "size: Letter" in page_css(letter)
    box = PdfReader(io.BytesIO(render_pdf(figure_article(), letter, ExportOptions()).data)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_page_tokens_cannot_inject_css(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    shutil.copytree(load_theme("default").path, folder)
    toml = folder / "theme.toml"
    toml.write_text(
        toml.read_text(encoding="utf-8").replace('size = "A4"', 'size = "A4; } body { display: none"'),
        encoding="utf-8",
    )
    with pytest.raises(UsageError, match="size"):
        page_css(load_theme(folder))


# --------------------------------------------------------------------------
# the resource policy


def test_policy_decisions(tmp_path: Path) -> None:
    inside = tmp_path / "in"
    inside.mkdir()
    (inside / "a.png").write_bytes(b"x")
    policy = ResourcePolicy.for_paths(inside)
    allowed = ["data:image/png;base64,AAAA", (inside / "a.png").as_uri(), (inside / "missing.png").as_uri()]
    refused = [
        "file:///etc/passwd",
        (inside / ".." / "secret").as_uri(),
        f"file://{inside}/../secret",
        "file://otherhost/share/x.png",
        "http://127.0.0.1/x.png",
        "https://example.org/x.png",
        "ftp://example.org/x.png",
        "javascript:alert(1)",
    ]
    assert [u for u in allowed if policy.refusal(u) is not None] == []
    assert [u for u in refused if policy.refusal(u) is None] == []
    remote = ResourcePolicy.for_paths(inside, allow_remote=True)
    assert remote.refusal("https://example.org/x.png") is None
    assert remote.refusal("file:///etc/passwd") is not None
    assert remote.refusal("ftp://example.org/x.png") is not None


def test_symlink_out_of_a_root_is_refused(tmp_path: Path) -> None:
    inside, outside = tmp_path / "in", tmp_path / "out"
    inside.mkdir()
    outside.mkdir()
    (outside / "secret.png").write_bytes(png_bytes())
    (inside / "link.png").symlink_to(outside / "secret.png")
    assert ResourcePolicy.for_paths(inside).refusal((inside / "link.png").as_uri()) is not None


def test_hostile_images_make_no_requests_and_the_pdf_still_renders(
    theme: Theme, tmp_path: Path, http_server: tuple[str, list[str]], caplog: pytest.LogCaptureFixture
) -> None:
    base, requests = http_server
    remote = f"{base}/x.png"
    article = figure_article("file:///etc/passwd", remote, "../outside.png")
    with caplog.at_level(logging.DEBUG):
        result = render_pdf(article, theme, ExportOptions(base_dir=tmp_path))
    assert requests == []
    assert set(result.skipped) == {"file:///etc/passwd", remote, (tmp_path.parent / "outside.png").as_uri()}
    assert [w for w in result.warnings if "passwd" in w or "127.0.0.1" in w or "outside" in w] == []
    assert [
        r for r in caplog.records if r.name.startswith("weasyprint") and r.levelno >= logging.WARNING
    ] == []
    text = "\n".join(page_texts(result.data))
    assert "Before the figures." in text and "After the figures." in text
    assert image_count(result.data) == 0


def test_allow_remote_fetches_http_but_still_no_outside_files(
    theme: Theme, tmp_path: Path, http_server: tuple[str, list[str]]
) -> None:
    base, requests = http_server
    article = figure_article(f"{base}/x.png", "file:///etc/passwd")
    options = ExportOptions(base_dir=tmp_path, allow_remote=True, allowed_hosts=("127.0.0.1",))
    result = render_pdf(article, theme, options)
    assert requests == ["/x.png"]
    assert result.skipped == ("file:///etc/passwd",)
    assert image_count(result.data) == 1


def test_allowed_hosts_limit_remote_fetches(
    theme: Theme, tmp_path: Path, http_server: tuple[str, list[str]]
) -> None:
    base, requests = http_server
    listed = f"{base}/ok.png"
    unlisted = base.replace("127.0.0.1", "localhost") + "/no.png"
    options = ExportOptions(base_dir=tmp_path, allow_remote=True, allowed_hosts=("127.0.0.1",))
    result = render_pdf(figure_article(listed, unlisted), theme, options)
    assert requests == ["/ok.png"]
    assert result.skipped == (unlisted,)
    policy = ResourcePolicy.for_paths(tmp_path, allow_remote=True, allowed_hosts=("Example.org",))
    assert policy.refusal("https://img.example.org/x.png") is None
    assert policy.refusal("https://example.org.evil.net/x.png") is not None
    assert policy.refusal("https://notexample.org/x.png") is not None


def test_images_beside_the_input_are_embedded(theme: Theme, tmp_path: Path) -> None:
    (tmp_path / "photo.png").write_bytes(png_bytes())
    result = render_pdf(figure_article("photo.png"), theme, ExportOptions(base_dir=tmp_path))
    assert result.skipped == ()
    assert image_count(result.data) == 1


def test_an_undecodable_image_is_skipped_not_fatal(theme: Theme, tmp_path: Path) -> None:
    (tmp_path / "broken.png").write_bytes(png_bytes()[:40])
    result = render_pdf(figure_article("broken.png"), theme, ExportOptions(base_dir=tmp_path))
    assert result.skipped == ((tmp_path / "broken.png").as_uri(),)
    assert "After the figures." in "\n".join(page_texts(result.data))


def test_fetcher_records_refusals_once(tmp_path: Path) -> None:
    fetcher = PolicyFetcher(ResourcePolicy.for_paths(tmp_path))
    for _ in range(2):
        with pytest.raises(ValueError):
            fetcher.fetch("file:///etc/passwd")
    assert fetcher.skipped == ["file:///etc/passwd"]
    assert "outside" in fetcher.reasons["file:///etc/passwd"]


def test_relative_images_without_a_base_folder_are_skipped(theme: Theme) -> None:
    result = render_pdf(figure_article("photo.png", "/etc/passwd"), theme, ExportOptions())
    assert result.skipped == ("photo.png", "/etc/passwd")
    assert "After the figures." in "\n".join(page_texts(result.data))


def test_a_refused_remote_image_shows_its_caption_once(theme: Theme, tmp_path: Path) -> None:
    # Left to WeasyPrint, a refused image is drawn as its alt text above its caption: the same words
    # twice when the alt text restates the caption. The PDF writes what the HTML and EPUB write.
    figure = Figure(
        "http://127.0.0.1:9/ferry.png",
        alt="The ferry at dawn.",
        caption=(Text("The ferry at dawn"),),
        credit="Photo: J. Porter",
    )
    article = Article(
        meta=Metadata(title="Figures", language="en"),
        body=(Paragraph((Text("Before the figure."),)), figure, Paragraph((Text("After the figure."),))),
    )
    result = render_pdf(article, theme, ExportOptions(base_dir=tmp_path))
    assert result.skipped == ("http://127.0.0.1:9/ferry.png",)
    text = " ".join("\n".join(page_texts(result.data)).split())
    assert text.count("ferry at dawn") == 1
    assert "The ferry at dawn Photo: J. Porter" in text
