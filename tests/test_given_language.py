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


def test_quotation_marks_are_the_given_languages() -> None:
    # Croatian quotes „…“ (CLDR 48); without a language only „…”, “…” and «…» are read anywhere
    text = "Naslov članka\n\n„Ovo je najvažniji projekat za grad“, rekao je gradonačelnik.\n"

    def quotes(meta: dict[str, str] | None) -> int:
        body = api.read(text.encode(), from_="text", metadata=meta).body
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
