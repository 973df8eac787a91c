"""The language the user gives (``--language``, ``--meta language=``, ``metadata={"language": ...}``)
drives every locale rule of the reading, as an identified language does: the date line, the
dateline, the quotation marks. A short text the detector cannot name (trial h55 #5) is read as well
as a long one."""

from __future__ import annotations

import pytest

from convert import api
from convert.base import ReadOptions
from convert.errors import UsageError
from convert.model import Paragraph, Quote, plain_text
from convert.readers.text import TextReader

# A short Serbian Latin article: 40 words, too few for the detector (it says None).
SHORT_SR = (
    "Novi Sad dobija novi most preko Dunava\n\n"
    "5. mart 2026.\n\n"  # Babel 2.19's sr_Latn long date, d. MMMM y.
    "NOVI SAD – Gradska uprava Novog Sada predstavila je u četvrtak plan izgradnje novog mosta "
    "preko Dunava, koji bi trebalo da bude završen do 2029. godine.\n\n"
    "„Ovo je najvažniji projekat za grad u poslednjih deset godina”, rekao je gradonačelnik.\n"
)


def test_text_reader_reads_the_date_and_dateline_in_the_given_language() -> None:
    article = TextReader().read(SHORT_SR.encode(), ReadOptions(language="sr-Latn"))
    assert article.meta.published == "2026-03-05"
    assert article.meta.dateline == "NOVI SAD"
    assert article.meta.language == "sr-Latn"
    assert plain_text(article.body[0]).startswith("Gradska uprava")


def test_without_a_language_the_short_text_keeps_its_lines() -> None:
    article = TextReader().read(SHORT_SR.encode(), ReadOptions())
    assert article.meta.published is None  # unknown rather than a guess
    assert plain_text(article.body[0]) == "5. mart 2026."


def test_api_read_passes_the_given_language_to_the_reader(tmp_path) -> None:
    src = tmp_path / "sr.txt"
    src.write_text(SHORT_SR, encoding="utf-8")
    where: dict[str, str] = {}
    article = api.read(src, metadata={"language": "sr_Latn"}, provenance=where)
    assert (article.meta.published, article.meta.dateline, article.meta.language) == (
        "2026-03-05",
        "NOVI SAD",
        "sr-Latn",
    )
    assert where["language"] == "given on the command line / API"


QUOTED = "„Ovo je najvažniji projekat za grad u poslednjih deset godina“, rekao je gradonačelnik."
PAGES = {
    "text": f"Naslov članka\n\n{QUOTED}\n",
    "html": (
        "<html><head><title>Naslov članka</title></head><body><article><h1>Naslov članka</h1>"
        "<p>Gradska uprava predstavila je u četvrtak plan izgradnje novog mosta preko Dunava, koji bi "
        f"trebalo da bude završen do 2029. godine.</p><p>{QUOTED}</p></article></body></html>"
    ),
}


@pytest.mark.parametrize("fmt", sorted(PAGES))
def test_quotation_marks_are_the_given_languages(fmt: str) -> None:
    # Croatian quotes „…“ (CLDR 48); without a language only „…”, “…” and «…» are read anywhere

    def quotes(meta: dict[str, str] | None) -> int:
        body = api.read(PAGES[fmt].encode(), from_=fmt, metadata=meta).body
        return sum(isinstance(i, Quote) for b in body if isinstance(b, Paragraph) for i in b.content)

    assert quotes(None) == 0
    assert quotes({"language": "hr"}) == 1


def test_docx_reads_by_the_given_language(tmp_path) -> None:
    pytest.importorskip("docx")
    import docx

    doc = docx.Document()
    doc.add_paragraph("Novi Sad dobija novi most preko Dunava", style="Title")
    for line in SHORT_SR.split("\n\n")[1:]:
        doc.add_paragraph(line.strip())
    path = tmp_path / "sr.docx"
    doc.save(str(path))
    article = api.read(path, metadata={"language": "sr-Latn"})
    assert (article.meta.published, article.meta.dateline) == ("2026-03-05", "NOVI SAD")


def test_a_language_that_names_none_is_refused_before_reading() -> None:
    with pytest.raises(UsageError, match="not a BCP 47 tag"):
        api.read(SHORT_SR.encode(), from_="text", metadata={"language": "x-klingon"})


# Review r58: a rule that let up to two unread short lines stand above the lead (and moved them
# under it) was taken out again: it moved a story's deck or opening below the lead, and dropped
# timeline dates. These pin what the reader does without it: lines stay where they are typed.
UNREAD_ABOVE_THE_LEAD = {
    "deck": (
        "Markets rally as inflation cools\n\nInvestors cheer the central bank\n\n"
        "LONDON — Stocks rose on Tuesday after data showed inflation easing faster than expected.\n\n"
        "The FTSE 100 gained 1.2%.\n",
        ["Investors cheer the central bank", "LONDON — Stocks rose"],
    ),
    "timeline": (
        "The crisis so far\n\nKey moments\n\nA timeline\n\nMarch 3, 2025\n\nMarch 10, 2025\n\n"
        "April 2, 2025\n\nProtests began in the capital and spread to three other cities within a "
        "week, police said.\n\nMore.\n",
        ["Key moments", "A timeline", "March 3, 2025", "March 10, 2025", "April 2, 2025"],
    ),
    "body date": (
        "Minister resigns\n\nYes.\n\nNo.\n\nMarch 3, 2025\n\nThe minister resigned on Tuesday after "
        "weeks of pressure over expenses, aides said.\n\nMore.\n",
        ["Yes.", "No.", "March 3, 2025"],
    ),
}


@pytest.mark.parametrize("case", sorted(UNREAD_ABOVE_THE_LEAD))
def test_unread_lines_above_the_lead_stay_first_and_nothing_is_dropped(case: str) -> None:
    text, first = UNREAD_ABOVE_THE_LEAD[case]
    article = TextReader().read(text.encode(), ReadOptions())
    paragraphs = [plain_text(b) for b in article.body if isinstance(b, Paragraph)]
    assert [p[: len(f)] for p, f in zip(paragraphs, first, strict=False)] == first, paragraphs
