"""The standalone HTML page: semantic markup, and images that do not point at the writer's files.

The page must work when saved anywhere (``-o`` another folder) and must not
reveal local paths: local images in the input's folder are inlined as
``data:`` URIs, everything else outside the resource policy falls back to its
alt text and caption, with a warning line.
"""

from __future__ import annotations

import base64
import json
import struct
import zlib
from pathlib import Path

import lxml.html
import pytest
from kitchen import PNG_DATA_URI

import convert
from convert.base import ExportOptions, collect_warnings
from convert.exporters.html import HtmlExporter, render_document
from convert.model import Article, Author, BlockQuote, Figure, List, Metadata, Note, Paragraph, Text, to_json
from convert.registry import exporters
from convert.theme import load_theme

PNG = base64.b64decode(PNG_DATA_URI.split(",", 1)[1])


def _png_header(width: int, height: int) -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", ihdr)
        + chunk(b"IDAT", zlib.compress(b"\x00"))
        + chunk(b"IEND", b"")
    )


#: A 40,000 x 40,000 PNG: over the image_pixels limit, judged from the header before decoding.
BOMB_PNG_URI = "data:image/png;base64," + base64.b64encode(_png_header(40_000, 40_000)).decode()


def page(article: Article, folder: Path | None = None, **options: object) -> tuple[str, list[str]]:
    opts = ExportOptions(base_dir=folder, **options)  # type: ignore[arg-type]
    with collect_warnings() as warnings:
        html = HtmlExporter().export(article, load_theme("default"), opts).decode("utf-8")
    return html, warnings


def figures(*srcs: str) -> Article:
    return Article(
        meta=Metadata(title="Images"),
        body=tuple(
            Figure(src, alt=f"alt {n}", caption=(Text(f"caption {n}"),)) for n, src in enumerate(srcs)
        ),
    )


def img_srcs(html: str) -> list[str]:
    return [str(src) for src in lxml.html.document_fromstring(html).xpath("//img/@src")]


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """An input's folder with ``ok.png`` in it and ``outside.png`` beside it."""
    inside = tmp_path / "input"
    inside.mkdir()
    (inside / "ok.png").write_bytes(PNG)
    (tmp_path / "outside.png").write_bytes(PNG + b"OUTSIDE-MARKER")
    return inside


# --------------------------------------------------------------------------
# Images


def test_local_image_is_inlined_as_a_data_uri(folder: Path) -> None:
    html, warnings = page(figures("ok.png", (folder / "ok.png").as_uri()), folder)
    expected = "data:image/png;base64," + base64.b64encode(PNG).decode()
    assert img_srcs(html) == [expected, expected]
    assert "ok.png" not in html and str(folder) not in html
    assert warnings == []


def test_page_still_shows_its_images_from_another_folder(folder: Path, tmp_path: Path) -> None:
    """Written through the API with ``-o`` elsewhere: nothing on the page refers to the input's folder."""
    src = folder / "story.json"
    src.write_text(json.dumps(to_json(figures("ok.png"))), encoding="utf-8")
    (out,) = convert.convert(src, tmp_path / "elsewhere", to=["html"])
    assert out.parent == tmp_path / "elsewhere"
    html = out.read_text(encoding="utf-8")
    assert img_srcs(html) == ["data:image/png;base64," + base64.b64encode(PNG).decode()]


def test_files_outside_the_folder_are_dropped_with_a_warning(folder: Path) -> None:
    html, warnings = page(figures("/etc/passwd", "file:///etc/passwd", "../outside.png"), folder)
    assert img_srcs(html) == []
    assert "passwd" not in html and "outside.png" not in html and "root:x:0:0" not in html
    assert "OUTSIDE-MARKER" not in html and base64.b64encode(PNG + b"OUTSIDE-MARKER").decode() not in html
    outside = "the file is outside the input's and the theme's folders"
    assert warnings == [
        f"html: skipped image /etc/passwd ({outside})",
        f"html: skipped image file:///etc/passwd ({outside})",
        f"html: skipped image ../outside.png ({outside})",
    ]
    text = lxml.html.document_fromstring(html).text_content()
    for n in range(3):
        assert f"[Image: alt {n}] caption {n}" in " ".join(text.split())


def test_an_image_left_out_shows_alt_text_only_when_it_says_more_than_the_caption() -> None:
    """Issue 12 (Guardian): alt text that is the caption with a final period printed it twice."""
    from convert.exporters.html import figure_as_text
    from convert.model import plain_text

    caption = (Text("Hori Parata at his farm, where he was born"),)
    same = figure_as_text("Hori Parata at his farm, where he was born.", caption, None)
    assert [plain_text(b) for b in same] == ["Hori Parata at his farm, where he was born"]
    other = figure_as_text("An elder on a hill", caption, None)
    assert [plain_text(b) for b in other] == [
        "[Image: An elder on a hill] Hori Parata at his farm, where he was born"
    ]
    symbols = figure_as_text("★★★★☆", (), None)  # no words to compare, no caption: the alt text stays
    assert [plain_text(b) for b in symbols] == ["[Image: ★★★★☆]"]


def test_an_alt_text_a_typo_away_from_the_caption_is_not_printed_beside_it() -> None:
    """Issue 12 (Guardian): the alt text spelt a name apart ("Tekaurinui" / "Te Kaurinui") and added
    a clause, so with remote images off both were printed, one after the other."""
    from convert.exporters.html import figure_as_text
    from convert.model import plain_text

    caption = (Text("Kauri (Te Kaurinui Robert) Parata, watched by his father, carves a design at home"),)
    alt = "Kauri (Tekaurinui Robert) Parata, watched by his father, carves a design at home, Whangārei"
    assert [plain_text(b) for b in figure_as_text(alt, caption, None)] == [plain_text(caption)]
    short = figure_as_text("A cat", (Text("A hat"),), None)  # short texts: words must be the same
    assert [plain_text(b) for b in short] == ["[Image: A cat] A hat"]
    # A number is no typo (review of h26): a chart of another year is another chart.
    years = figure_as_text(
        "Chart of spending in 2023 by department", (Text("Chart of spending in 2024 by department"),), None
    )
    assert [plain_text(b) for b in years] == [
        "[Image: Chart of spending in 2023 by department] Chart of spending in 2024 by department"
    ]


def test_relative_image_without_an_input_folder_is_dropped() -> None:
    html, warnings = page(figures("ok.png"))
    assert img_srcs(html) == [] and "ok.png" not in html
    assert warnings == ["html: skipped image ok.png (no folder to read local images from)"]


def test_remote_image_kept_only_with_allow_remote(folder: Path) -> None:
    url = "https://example.org/chart.png"
    html, warnings = page(figures(url), folder)
    assert img_srcs(html) == [] and url not in html
    assert warnings == [f"html: skipped image {url} (remote resources are off: --allow-remote)"]
    html, warnings = page(figures(url), folder, allow_remote=True)
    assert img_srcs(html) == [url] and warnings == []
    html, warnings = page(figures(url), folder, allow_remote=True, allowed_hosts=("example.com",))
    assert img_srcs(html) == [] and "is not in the allowed hosts" in warnings[0]


def test_data_uris_kept_when_they_check_out(folder: Path) -> None:
    html, warnings = page(figures(PNG_DATA_URI, BOMB_PNG_URI, "data:text/plain,hi", "ftp://x/y.png"), folder)
    assert img_srcs(html) == [PNG_DATA_URI]
    assert len(warnings) == 3
    assert "over the image_pixels limit" in warnings[0]
    assert warnings[1].endswith("(not a PNG, JPEG, GIF, WebP or SVG image)")
    assert warnings[2] == "html: skipped image ftp://x/y.png (the 'ftp' scheme is not allowed)"


def test_figures_in_quotes_lists_and_end_notes_are_fixed_too(folder: Path) -> None:
    article = Article(
        meta=Metadata(title="Nested"),
        body=(
            BlockQuote((Figure("ok.png", alt="quoted"),)),
            List(items=((Figure("/etc/passwd", alt="listed"),),)),
        ),
        notes=(Note("n1", "editor-note", (Figure("ok.png", alt="noted"),)),),
    )
    html, warnings = page(article, folder)
    assert len(img_srcs(html)) == 2 and all(s.startswith("data:image/png;base64,") for s in img_srcs(html))
    assert warnings == [
        "html: skipped image /etc/passwd (the file is outside the input's and the theme's folders)"
    ]


def test_pdf_renderer_still_gets_urls_as_written(folder: Path) -> None:
    """The shared renderer is unchanged: the PDF exporter's fetcher sees (and judges) the URLs."""
    html = render_document(figures("ok.png", "/etc/passwd"))
    assert img_srcs(html) == ["ok.png", "/etc/passwd"]


# --------------------------------------------------------------------------
# The page


def test_output_is_a_valid_standalone_semantic_page(kitchen_sink: Article) -> None:
    html, warnings = page(kitchen_sink)
    assert html.startswith("<!DOCTYPE html>") and warnings == []
    root = lxml.html.document_fromstring(html)
    assert root.tag == "html" and root.get("lang") == (kitchen_sink.meta.language or "en")
    assert (
        root.find("head/meta[@charset]") is not None
        and root.findtext("head/title") == kitchen_sink.meta.title
    )
    assert root.find("head/style") is not None  # the theme's CSS is inlined: no file to carry along
    (article,) = root.xpath("/html/body/article")
    header = article.find("header")
    assert header is not None and header.findtext("h1") == kitchen_sink.meta.title
    times = header.xpath(".//time[@datetime]")
    assert [t.get("datetime") for t in times] == [kitchen_sink.meta.published, kitchen_sink.meta.updated]
    assert all(t.text_content().strip() for t in times)
    aside = article.xpath("aside[contains(@class, 'footnotes')]")
    assert aside and "A footnote with emphasis." in aside[0].text_content()
    assert article.xpath(".//a[@role='doc-noteref']/@href") == ["#fn-1"]
    footer = article.find("footer")
    assert footer is not None
    bios = [a.bio for a in kitchen_sink.meta.authors if a.bio]
    assert bios and all(bio in footer.text_content() for bio in bios)
    assert "The views expressed are the author’s own." in footer.text_content()
    # Nothing to fetch or run: the one script is the JSON-LD data block.
    assert not root.xpath("//link[@rel='stylesheet'] | //script[not(@type='application/ld+json')]")


def test_bio_in_footer_and_byline_in_header() -> None:
    article = Article(
        meta=Metadata(title="T", authors=(Author("Ann Writer", bio="Ann writes."),), published="2024-10-14"),
        body=(Paragraph((Text("Body."),)),),
    )
    html, _ = page(article)
    root = lxml.html.document_fromstring(html)
    assert root.xpath("string(//article/header//*[@class='byline'])") == "By Ann Writer"
    assert root.xpath("string(//article/footer/section[@class='bio'])") == "Ann writes."
    assert root.xpath("//article/header//time/@datetime") == ["2024-10-14"]


def test_registered() -> None:
    cls = exporters.get_class("html")
    assert cls is HtmlExporter
    assert (cls.name, cls.extension, cls.media_type) == ("html", "html", "text/html")
