"""The locale layer: one displayed date in every format, CLDR quotation marks, translated labels."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import unicodedata
import zipfile
from pathlib import Path

import docx
import pytest
import yaml
from babel import Locale
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po
from lxml import etree

import convert
from convert.base import ExportOptions
from convert.dates import restates, w3cdtf
from convert.exporters.docx import DocxExporter
from convert.exporters.epub import EpubExporter
from convert.exporters.html import render_document
from convert.exporters.txt import TextExporter
from convert.locale import text as loc
from convert.locale.casing import upper
from convert.model import Article, Author, Metadata, Note, Paragraph, Quote, Text, replace
from convert.theme import Theme, load_theme

ROOT = Path(__file__).resolve().parent.parent
#: Languages whose catalogue must translate every label (issue 11).
REQUIRED = (
    "fr", "de", "es", "pt", "it", "nl", "ru", "el", "tr", "ar", "fa", "he", "hi", "zh", "ja", "ko",
    "fi", "hu", "ro", "sr", "sr_Latn", "hr", "bs", "bg", "lt", "sk", "cs", "pl", "uk", "sv", "da", "no", "id", "ms", "vi", "az",
)  # fmt: skip
#: The names the code marks labels with (see convert.locale.text).
KEYWORDS = {"label": None, "plural_label": (1, 2), "N_": None}
XHTML = {"x": "http://www.w3.org/1999/xhtml"}

#: One short article per language: the same moment, local (no zone), as a text reader gives it.
BODIES = {
    "en": "The council approved the harbour plan on Monday.",
    "fr": "Le conseil a approuvé le projet du port lundi.",
    "de": "Der Rat hat den Hafenplan am Montag gebilligt.",
    "ar": "وافق المجلس على خطة الميناء يوم الاثنين.",
    "zh": "市议会周一批准了港口计划。",
    "ja": "市議会は月曜日に港湾計画を承認した。",
}
PUBLISHED = "2024-10-14T22:37:00"


def article(lang: str | None, published: str = PUBLISHED, updated: str | None = None) -> Article:
    meta = Metadata(
        title="Harbour plan",
        authors=(Author("Jane Roe"), Author("Omar Haddad")),
        published=published,
        updated=updated,
        language=lang,
    )
    body = (Paragraph((Text(BODIES.get(lang or "en", BODIES["en"])),)),)
    return Article(meta=meta, body=body)


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme("default")


def _zip_xml(data: bytes, member: str) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return etree.fromstring(zf.read(member))


#: Bidi embedding and isolate controls pdftotext writes around right-to-left runs.
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


# --------------------------------------------------------------------------
# One date string in every format


@pytest.mark.parametrize("lang", sorted(BODIES))
def test_one_displayed_date_in_every_format(lang: str, theme: Theme) -> None:
    art = article(lang)
    shown = loc.display_date(PUBLISHED, lang)
    assert shown and shown != PUBLISHED

    page = etree.fromstring(render_document(art).encode(), etree.HTMLParser())
    time = page.xpath("//time[@class='published']")[0]
    assert (time.text, time.get("datetime")) == (shown, PUBLISHED)  # <time datetime> keeps the ISO value

    book = EpubExporter().export(art, theme, ExportOptions())
    for member in ("EPUB/cover.xhtml", "EPUB/chapter.xhtml"):
        times = _zip_xml(book, member).xpath("//x:time", namespaces=XHTML)
        assert [t.text for t in times] == [shown], member

    word = docx.Document(io.BytesIO(DocxExporter().export(art, theme, ExportOptions())))
    assert [p.text for p in word.paragraphs if p.style is not None and p.style.name == "Date"] == [shown]

    text = TextExporter().export(art, theme, ExportOptions()).decode()
    assert shown in text.splitlines()

    markdown = convert.write(art, "md")
    assert isinstance(markdown, bytes)
    front = yaml.safe_load(markdown.decode().split("---")[1])
    assert front["date"] == shown and front["published"] == PUBLISHED

    brief = convert.write(art, "brief")
    assert isinstance(brief, bytes)
    assert shown in brief.decode().splitlines()[2]


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs pdftotext (poppler-utils)")
@pytest.mark.parametrize("lang", sorted(BODIES))
def test_pdf_shows_the_same_date(lang: str, tmp_path: Path) -> None:
    pdf = tmp_path / "a.pdf"
    convert.write(article(lang), "pdf", pdf)
    out = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, check=True, text=True)
    shown = loc.display_date(PUBLISHED, lang) or ""
    if lang == "ar":  # pdftotext writes right-to-left runs in visual order: the date's words on one line
        words = set(_BIDI.sub("", shown).replace("،", " ").split())
        lines = [set(_BIDI.sub("", line).replace("،", " ").split()) for line in out.stdout.splitlines()]
        assert any(words <= line for line in lines)
    else:  # pdftotext drops the narrow no-break space of "10:37 PM"
        assert "".join(shown.split()) in "".join(out.stdout.split())


def test_display_forms() -> None:
    assert loc.display_date("2024-10-14", "en") == "October 14, 2024"  # a date alone: no time
    assert loc.display_date("2024-10-14T22:37:00", "en") == "October 14, 2024, 10:37\u202fPM"
    assert (
        loc.display_date("2024-10-14T22:37:00+03:00", "de") == "14. Oktober 2024, 22:37 GMT+03:00"
    )  # zone as given
    assert loc.display_date("2024-10-14T22:37:00", "fr") == "14 octobre 2024, 22:37"
    assert loc.display_date("2024-10-14", "ja") == "2024年10月14日"
    assert loc.display_date("2024-10-14", "xx-unknown") == "October 14, 2024"  # unknown language: English
    assert loc.display_date("someday", "en") == "someday"
    assert loc.display_date(None, "en") is None


def test_dates_and_numbers_use_the_locales_own_digits() -> None:
    """CLDR's default numbering system decides: Persian ``arabext``, Egyptian Arabic ``arab``, Bengali ``beng``."""
    assert loc.display_date("2024-10-14", "fa") == "۲۳ مهر ۱۴۰۳"  # and CLDR's calendar for Iran: Solar Hijri
    assert loc.display_date("2024-10-14", "ar-EG") == "١٤ أكتوبر ٢٠٢٤"
    assert loc.display_date("2024-10-14", "bn") == "১৪ অক্টোবর, ২০২৪"
    assert loc.display_date("2024-10-14", "ar") == "14 أكتوبر 2024"  # CLDR's default for ar is latn
    assert loc.display_date("2024-10-14", "hi") == "14 अक्टूबर 2024"  # and for Hindi too
    assert loc.number(1234.5, "fa") == "۱٬۲۳۴٫۵"  # the system's own separators as well
    assert loc.number(1234.5, "en") == "1,234.5"


def test_dates_in_the_calendar_cldr_prefers_for_the_language() -> None:
    """Solar Hijri where CLDR's first calendar for the language's region is ``persian`` (Iran,
    Afghanistan) and CLDR names its months in the language; the Gregorian calendar elsewhere."""
    assert loc.display_date("2026-12-07", "fa") == "۱۶ آذر ۱۴۰۵"
    assert loc.display_date("2026-12-07", "fa-IR") == "۱۶ آذر ۱۴۰۵"
    assert loc.display_date("2026-12-07", "fa-AF") == "۱۶ قوس ۱۴۰۵"  # Dari's month names (CLDR fa_AF)
    assert loc.display_date("2026-03-21", "fa") == "۱ فروردین ۱۴۰۵"  # Nowruz
    assert loc.display_date("2026-03-20", "fa") == "۲۹ اسفند ۱۴۰۴"
    assert loc.display_date("2025-03-20", "fa") == "۳۰ اسفند ۱۴۰۳"  # 1403 is a leap year
    assert loc.display_date("2026-12-07T22:37:00", "fa") == "۱۶ آذر ۱۴۰۵، ساعت ۲۲:۳۷"
    assert loc.display_date("2026-12-07", "ar") == "7 ديسمبر 2026"  # CLDR's first calendar: Gregorian
    assert loc.display_date("2026-12-07", "ar-SA") == "٧ ديسمبر ٢٠٢٦"  # Saudi Arabia too (CLDR 48)
    assert loc.display_date("2026-12-07", "ps") == "۷ دسمبر ۲۰۲۶"  # CLDR gives Pashto no era name of its own
    assert loc.display_date("2026-12-07", "uz-Arab") == "۷ نچی دسمبر ۲۰۲۶"  # nor month names
    assert loc.display_date("2026-12-07", "th") == "7 ธันวาคม ค.ศ. 2026"  # Gregorian, its era written
    assert loc.display_date("1900-01-01", "fa") == "۱۱ دی ۱۲۷۸"


def test_default_calendar_follows_cldr_preferences() -> None:
    from babel import Locale

    from convert.locale.calendars import default_calendar

    cases = {"fa": "persian", "fa_AF": "persian", "ps": "persian", "th": "buddhist", "ar": "gregorian",
             "ar_SA": "gregorian", "en": "gregorian", "uz_Arab": "persian"}  # fmt: skip
    for ident, calendar in cases.items():
        assert default_calendar(Locale.parse(ident)) == calendar, ident


def test_every_cldr_numbering_system_in_use_has_its_digits() -> None:
    """Each default numbering system of a Babel locale maps to ten decimal digits, or is ``latn``."""
    from babel.localedata import locale_identifiers

    from convert.locale.text import _digit_table

    systems = {Locale.parse(ident).default_numbering_system for ident in locale_identifiers()}
    assert {"latn", "arab", "arabext", "beng", "deva"} <= systems
    for system in systems - {"latn"}:
        table = _digit_table(system)
        assert table is not None, system
        assert [unicodedata.decimal(table[ord(str(i))]) for i in range(10)] == list(range(10)), system


# --------------------------------------------------------------------------
# Quotation marks


@pytest.mark.parametrize(
    ("tag", "outer", "inner"),
    [
        ("en", ("“", "”"), ("‘", "’")),
        ("de", ("„", "“"), ("‚", "‘")),
        ("de-CH", ("„", "“"), ("‚", "‘")),
        ("fr", ("«\u202f", "\u202f»"), ("«\u202f", "\u202f»")),  # CLDR 48: guillemets at both levels
        ("fr-CH", ("«", "»"), ("‹", "›")),  # Swiss French: no space inside
        ("ru", ("«", "»"), ("„", "“")),
        ("pt", ("“", "”"), ("‘", "’")),
        ("pt-PT", ("«", "»"), ("“", "”")),
        ("pl", ("„", "”"), ("«", "»")),
        ("ja", ("「", "」"), ("『", "』")),
        ("zh", ("“", "”"), ("‘", "’")),
        ("zh-TW", ("「", "」"), ("『", "』")),  # zh-TW is zh-Hant
        ("es-MX", ("“", "”"), ("‘", "’")),  # through es-419
        (None, ("“", "”"), ("‘", "’")),
        ("jp, en", ("“", "”"), ("‘", "’")),  # not a tag: English
    ],
)
def test_quote_marks_from_cldr(tag: str | None, outer: tuple[str, str], inner: tuple[str, str]) -> None:
    assert loc.quote_marks(tag, 0) == outer
    assert loc.quote_marks(tag, 1) == inner
    assert loc.quote_marks(tag, 2) == outer  # levels alternate


def _nested(lang: str) -> Article:
    typed = Text("“typed” ")  # marks the author typed are text: they stay as typed
    quote = Quote((Text("one "), Quote((Text("two"),))), speaker="Jane Roe")
    return Article(Metadata(title="Q", language=lang), (Paragraph((typed, quote)),))


@pytest.mark.parametrize(
    ("lang", "expected"), [("de", "“typed” „one ‚two‘“"), ("ja", "“typed” 「one 『two』」")]
)
def test_nested_quotes_in_every_text_format(lang: str, expected: str, theme: Theme) -> None:
    art = _nested(lang)
    html = etree.fromstring(render_document(art).encode(), etree.HTMLParser())
    assert expected in "".join(html.xpath("//div[@class='article-body']//text()"))
    assert expected in TextExporter().export(art, theme, ExportOptions()).decode()
    word = docx.Document(io.BytesIO(DocxExporter().export(art, theme, ExportOptions())))
    assert any(expected in p.text for p in word.paragraphs)


def test_french_guillemets_never_leave_their_word(theme: Theme) -> None:
    words = tuple(Quote((Text(f"mot{i}"),)) for i in range(12))
    content = tuple(x for w in words for x in (w, Text(" et ")))
    art = Article(Metadata(title="Citations", language="fr"), (Paragraph(content),))
    text = TextExporter().export(art, theme, ExportOptions(width=24)).decode()
    body = text.split("\n\n", 1)[1]
    assert "«\u202fmot0\u202f»" in body
    lines = body.splitlines()
    assert len(lines) > 4
    assert not any(line.rstrip().endswith("«") or line.lstrip().startswith("»") for line in lines)


# --------------------------------------------------------------------------
# Labels


def _extracted() -> set[str | tuple[str, str]]:
    found = extract_from_dir(str(ROOT / "convert"), method_map=[("**.py", "python")], keywords=KEYWORDS)
    return {msgid for _file, _line, msgid, _comments, _context in found}


def _catalogue(lang: str):  # type: ignore[no-untyped-def]
    path = loc.MESSAGES / lang / "LC_MESSAGES" / f"{loc.DOMAIN}.po"
    with path.open("rb") as handle:
        return read_po(handle, locale=lang)


def _fields(text: str) -> set[str]:
    return set(re.findall(r"\{(\w+)\}", text))


def test_the_template_lists_every_label_in_the_code() -> None:
    with (loc.MESSAGES / f"{loc.DOMAIN}.pot").open("rb") as handle:
        template = {m.id for m in read_po(handle) if m.id}
    assert template == _extracted(), "run pybabel extract (README, Languages) and update the catalogues"


@pytest.mark.parametrize("lang", [*REQUIRED, "zh_Hant"])
def test_every_label_is_translated(lang: str) -> None:
    catalogue = _catalogue(lang)
    assert str(catalogue.locale) == lang  # the header names the language
    assert set(loc.catalogue_languages()) >= {*REQUIRED, "zh_Hant"}
    for msgid in _extracted():
        message = catalogue.get(msgid)
        assert message is not None, f"{lang}: no entry for {msgid!r}"
        assert not message.fuzzy, f"{lang}: {msgid!r} is fuzzy"
        ids = msgid if isinstance(msgid, tuple) else (msgid,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if isinstance(msgid, tuple):
            assert len(strings) == catalogue.num_plurals, (
                f"{lang}: {msgid!r} needs {catalogue.num_plurals} forms"
            )
        for string in strings:
            assert string, f"{lang}: {msgid!r} is not translated"
            assert _fields(string) == _fields(ids[0]), f"{lang}: {string!r} changes the placeholders"


@pytest.mark.parametrize("lang", REQUIRED)
def test_labels_reach_the_outputs(lang: str, theme: Theme) -> None:
    art = article(lang, updated="2024-10-15")
    art = Article(art.meta, art.body, (Note("n1", "disclaimer", (Paragraph((Text("x"),)),)),))
    text = TextExporter().export(art, theme, ExportOptions()).decode()
    assert loc.byline(["Jane Roe", "Omar Haddad"], lang) in text
    assert loc.label("Updated {date}", lang, date=loc.display_date("2024-10-15", lang)) in text
    assert loc.note_label("disclaimer", lang) in text
    for english in ("By ", "Updated", "Disclaimer"):
        assert english not in text
    brief = convert.write(art, "brief")
    assert isinstance(brief, bytes)
    assert upper(loc.label("Bottom line", lang), lang) in brief.decode()  # Greek capitals drop the tonos


def test_labels_in_english_and_unknown_languages() -> None:
    assert loc.byline(["Ann"], "en") == "By Ann"
    assert loc.byline(["Ann", "Bo", "Cy"], "en") == "By Ann, Bo, and Cy"  # CLDR's list pattern
    assert loc.byline(["Ann", "Bo", "Cy"], "en-GB") == "By Ann, Bo and Cy"
    assert loc.byline(["Ann", "Bo"], "fr") == "Par Ann et Bo"
    assert loc.byline(["Ann", "Bo"], "ru") == "Авторы: Ann и Bo"
    assert loc.byline([], "en") is None
    assert loc.label("Notes", "xx") == "Notes"  # unknown language: English
    assert loc.label("Notes", "pt-BR") == "Notas"  # a region falls back to its language
    assert loc.label("Contents", "zh-TW") == "目錄"  # zh-TW is Traditional Chinese
    assert loc.plural_label("{n} word", "{n} words", 1, "en") == "1 word"
    assert loc.plural_label("{n} word", "{n} words", 1234, "de") == "1.234 Wörter"
    assert loc.plural_label("{n} word", "{n} words", 5, "ru") == "5 слов"
    assert loc.plural_label("{n} word", "{n} words", 3, "ar") == "3 كلمات"
    assert loc.labelled("Note", "x", "fr") == "Note\u00a0: x"
    assert loc.note_label("press-release", "fr") == "Press release"  # a kind without a label keeps its name


def test_month_names_for_reading_dates() -> None:
    names = loc.month_names("en")
    assert {"September", "Sep", "May"} <= set(names)
    assert names.index("September") < names.index("Sep")  # longest first
    assert "Sept" in loc.month_names("en-GB")
    assert "octobre" in loc.month_names("fr")


# --------------------------------------------------------------------------
# Times keep their zone or its absence


def test_a_local_time_is_never_written_as_utc(theme: Theme, tmp_path: Path) -> None:
    art = article("ru")
    book = EpubExporter().export(art, theme, ExportOptions())
    opf = _zip_xml(book, "EPUB/content.opf")
    dc_date = opf.xpath("//*[local-name()='date']/text()")
    assert dc_date == [PUBLISHED]
    modified = opf.xpath("//*[@property='dcterms:modified']/text()")[0]
    assert modified.endswith("Z")  # EPUB's own stamp is UTC by definition
    word = DocxExporter().export(art, theme, ExportOptions())
    with zipfile.ZipFile(io.BytesIO(word)) as zf:
        core = zf.read("docProps/core.xml").decode()
    assert "22:37" not in core and "Z<" not in core  # no guessed UTC: the date alone
    for data, ext in ((book, "epub"), (word, "docx")):
        path = tmp_path / f"a.{ext}"
        path.write_bytes(data)
        back = convert.read(path).meta
        assert (back.published, back.updated) == (PUBLISHED, None), ext  # no spurious "updated"


def test_zoned_and_updated_times_read_back(theme: Theme, tmp_path: Path) -> None:
    art = article("en", published="2024-10-14T22:37:00+03:00", updated="2024-10-16T09:00:00+03:00")
    path = tmp_path / "a.epub"
    path.write_bytes(EpubExporter().export(art, theme, ExportOptions()))
    back = convert.read(path).meta
    assert back.published == "2024-10-14T22:37:00+03:00"
    assert back.updated is not None and restates(back.updated, "2024-10-16T09:00:00+03:00")
    assert w3cdtf("2024-10-14T22:37:00+03:00") == "2024-10-14T19:37:00Z"


@pytest.mark.parametrize(
    ("stamp", "published", "expected"),
    [
        ("2024-10-14T22:37:00Z", "2024-10-14T22:37:00", True),  # a local time stamped as UTC
        ("2024-10-14T00:00:00Z", "2024-10-14", True),  # a date alone stamped as midnight UTC
        ("2024-10-14T19:37:00Z", "2024-10-14T22:37:00+03:00", True),  # the same instant
        ("2024-10-14", "2024-10-14T22:37:00", True),  # a date says no more than the day
        ("2024-10-15T08:00:00Z", "2024-10-14T22:37:00", False),
        ("2024-10-15", "2024-10-14", False),
        (None, "2024-10-14", False),
    ],
)
def test_restated_stamps(stamp: str | None, published: str, expected: bool) -> None:
    assert restates(stamp, published) is expected


def test_typed_guillemets_are_not_doubled(tmp_path: Path) -> None:
    src = tmp_path / "port.txt"
    src.write_text(
        "Le port\n\nLe ministre a dit\u00a0: «\u00a0Nous allons construire le port cette année, avec tous "
        "les partenaires\u00a0», a déclaré Jean Dupont devant la presse réunie au port.\n",
        encoding="utf-8",
    )
    read = convert.read(src)  # the quote pass makes the typed quotation a Quote node
    art = Article(replace(read.meta, language="fr"), read.body, read.notes)
    out = convert.write(art, "txt")
    assert isinstance(out, bytes)
    flat = " ".join(out.decode().split("\n"))
    assert (
        "«\u202fNous allons" in flat and "partenaires\u202f»" in flat
    )  # the spaces typed inside are the marks'
