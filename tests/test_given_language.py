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


def test_without_a_language_the_short_text_keeps_its_date_line() -> None:
    article = TextReader().read(SHORT_SR.encode(), ReadOptions())
    assert article.meta.published is None  # unknown rather than a guess
    assert "5. mart 2026." in [plain_text(b) for b in article.body]


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


# --------------------------------------------------------------------------
# A lead block line the reader cannot read blocks nothing below it (trial h55 #3)

PASHTO = (
    "په کابل کې د ښوونځیو د بیا پرانیستلو غوښتنه\n\n"
    "لیکوال: احمد شاه کریمي\n\n"  # a byline in words no catalogue of ours has
    "د ۱۴۰۴ کال د کب ۱۴مه\n\n"  # a Solar Hijri date no calendar of ours reads in Pashto
    "کابل — د افغانستان په پلازمینه کابل کې سلګونو مېرمنو او نجونو د ښوونځیو د بیا پرانیستلو غوښتنه وکړه.\n\n"
    "د ملګرو ملتونو د راپور له مخې، له ۱.۴ میلیونو زیاتې نجونې له ثانوي زده کړو بې برخې دي.\n"
)


def test_unread_lead_lines_do_not_stop_the_dateline() -> None:
    article = TextReader().read(PASHTO.encode(), ReadOptions())
    assert article.meta.dateline == "کابل"
    paragraphs = [plain_text(b) for b in article.body]
    assert paragraphs[0].startswith("د افغانستان په پلازمینه")  # the lead, its dateline off it
    # the unread lines stay, as typed, under the lead (the dateline prints in front of the first)
    assert paragraphs[1:3] == ["لیکوال: احمد شاه کریمي", "د ۱۴۰۴ کال د کب ۱۴مه"]
    assert len(paragraphs) == 4


def test_a_readable_byline_under_an_unread_line_is_read() -> None:
    article = TextReader().read(
        (
            "À Marseille, la sécheresse relance le débat sur l'eau\n\n"
            "Environnement\n\n"  # a rubric: unread (one such line alone would be the standfirst)
            "3 mars 2025 vers midi\n\n"  # no form CLDR writes: unread
            "Par Claire Dubois\n\n"
            "MARSEILLE — Pour la troisième année consécutive, les réserves d'eau sont au plus bas.\n\n"
            "La préfecture a annoncé lundi de nouvelles restrictions pour les agriculteurs.\n"
        ).encode(),
        ReadOptions(),
    )
    assert [a.name for a in article.meta.authors] == ["Claire Dubois"]
    assert article.meta.dateline == "MARSEILLE"
    paragraphs = [plain_text(b) for b in article.body]
    assert paragraphs[0].startswith("Pour la troisième")
    assert paragraphs[1:3] == ["Environnement", "3 mars 2025 vers midi"]


def test_more_unread_lines_or_a_long_one_stop_the_search() -> None:
    lines = PASHTO.split("\n\n")
    three = "\n\n".join([lines[0], lines[1], lines[2], "د ۱۴۰۴ کال", *lines[3:]])
    long_line = "\n\n".join([lines[0], lines[4], *lines[3:]])  # a sentence of 80 characters: body text
    for text in (three, long_line):
        article = TextReader().read(text.encode(), ReadOptions())
        assert article.meta.dateline is None
        assert any(plain_text(b).startswith("کابل —") for b in article.body)


def test_with_no_title_read_the_unread_line_is_the_headline_and_stays_first() -> None:
    # Reuters-21578: a headline with a final stop is no title to the header; moving it under the
    # lead to take LONDON would put the headline below the first paragraph
    text = (
        "MERRILL MANDATED FOR IEL U.S. NOTE.\n\n"
        "    LONDON, March 3 - Merrill Lynch Capital Markets said it received a mandate from\n"
        "Industrial Equity Ltd of Australia to arrange a letter of credit facility.\n"
        "    Merrill, which will be the dealer for the notes, said this was the first facility.\n"
    )
    article = TextReader().read(text.encode(), ReadOptions())
    assert plain_text(article.body[0]) == "MERRILL MANDATED FOR IEL U.S. NOTE."
    assert article.meta.dateline is None
