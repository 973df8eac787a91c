"""The header's date line: the clock isolated on right-to-left pages (h34 #9), the zone as CLDR writes it (#8)."""

from __future__ import annotations

import re

import pytest
from babel import Locale

from convert.base import ExportOptions
from convert.exporters.html import HtmlExporter
from convert.locale.text import display_date, display_date_parts, native_digits
from convert.model import Article, Metadata, Paragraph, Text
from convert.theme import load_theme

THEME = load_theme("default")


def page(lang: str, published: str) -> str:
    art = Article(
        meta=Metadata(title="عنوان", language=lang, published=published),
        body=(Paragraph((Text("متن"),)),),
    )
    return HtmlExporter().export(art, THEME, ExportOptions()).decode()


def dates_line(html: str) -> str:
    found = re.search(r'<p class="dates">(.*?)</p>', html)
    assert found
    return found.group(1)


def test_a_latin_clock_on_a_right_to_left_page_is_isolated() -> None:
    line = dates_line(page("ur", "2026-06-12T16:20:00+05:00"))
    assert '<bdi dir="ltr">4:20 PM GMT +05:00</bdi>' in line, line
    assert line.startswith('<time class="published" datetime="2026-06-12T16:20:00+05:00">12 جون، 2026 ')


def test_a_clock_in_right_to_left_letters_is_left_alone() -> None:
    assert "<bdi" not in dates_line(page("ar", "2026-06-12T16:20:00+05:00"))  # "4:20 م غرينتش+05:00"
    assert "<bdi" not in dates_line(page("ur", "2026-06-12"))  # no clock


def test_left_to_right_pages_need_no_isolation() -> None:
    assert "<bdi" not in dates_line(page("en", "2026-06-12T16:20:00+05:00"))


def test_parts_join_to_the_displayed_date() -> None:
    parts = display_date_parts("2026-06-12T16:20:00+05:00", "fa")
    assert parts is not None and [clock for _, clock in parts].count(True) == 1
    assert "".join(t for t, _ in parts) == display_date("2026-06-12T16:20:00+05:00", "fa")
    assert display_date_parts("not a date", "en") is None


@pytest.mark.parametrize(
    "tag", ["en", "ar", "de", "es", "fa", "fr", "he", "it", "ja", "nl", "pt", "pt-PT", "ru"]
)
def test_the_zone_is_the_locales_cldr_gmt_format(tag: str) -> None:
    # CLDR's gmtFormat through Babel: "GMT{0}" for most, "UTC{0}" in French, "{0} GMT" in Portuguese
    # since CLDR 49 (Babel 2.19), "{0} گرینویچ" in Persian; never a form of our own.
    gmt = Locale.parse(tag.replace("-", "_")).zone_formats["gmt"] % "-03:00"
    shown = display_date("2026-02-19T07:42:00-03:00", tag) or ""
    assert shown.endswith(native_digits(gmt, Locale.parse(tag.replace("-", "_")))), shown


def test_the_epub_title_page_isolates_the_clock_too() -> None:
    import io
    import zipfile

    from convert.exporters.epub import EpubExporter

    art = Article(
        meta=Metadata(title="عنوان", language="ur", published="2026-06-12T16:20:00+05:00"),
        body=(Paragraph((Text("متن"),)),),
    )
    book = zipfile.ZipFile(io.BytesIO(EpubExporter().export(art, THEME, ExportOptions())))
    pages = "".join(book.read(n).decode() for n in book.namelist() if n.endswith(".xhtml"))
    assert pages.count('<bdi dir="ltr">4:20 PM GMT +05:00</bdi>') >= 2, pages  # title page and chapter
