"""Broadsheet's own EPUB read back: the book's cover stays out of the article, the notes keep their kind."""

from __future__ import annotations

import io
import zipfile

import convert
from convert.model import Article, Author, Figure, Metadata, Note, NoteRef, Paragraph, Text, plain_text, walk
from convert.readers._epub_book import Furniture, furniture, without_furniture

ARTICLE = Article(
    meta=Metadata(
        title="Metro line opens to long queues",
        authors=(Author("Sarah Mitchell", bio="Sarah Mitchell is the paper's Cairo correspondent."),),
        published="2025-03-03",
        dateline="CAIRO",
        language="en",
    ),
    body=(
        Paragraph((Text("Thousands of commuters packed the platforms on Monday morning."),)),
        Paragraph((Text("The ministry said 180,000 passengers used the line."), NoteRef("n1"))),
        Paragraph((Text("Officials promised trains every four minutes by the summer."),)),
    ),
    notes=(
        Note("n1", "footnote", (Paragraph((Text("Figures from the tunnels authority."),)),)),
        Note("n2", "author-note", (Paragraph((Text("The author travelled as a guest of the operator."),)),)),
    ),
)


def test_our_epub_reads_back_without_its_cover() -> None:
    article = convert.read(convert.write(ARTICLE, "epub"))
    assert not [b for b in walk(article.body) if isinstance(b, Figure)]  # the generated cover is the book's
    assert plain_text(article.body[0]).startswith("Thousands")
    assert article.meta.dateline == "CAIRO"
    assert article.meta.title == ARTICLE.meta.title
    assert [a.bio for a in article.meta.authors] == [ARTICLE.meta.authors[0].bio]
    kinds = sorted(n.kind for n in article.notes)
    assert kinds == ["author-note", "footnote"]
    assert "guest of the operator" not in plain_text(
        article.body
    )  # the author's note is a note, not the body


def _epub2(cover_in_body: bool, guide: str = "cover.xhtml") -> bytes:
    """An EPUB 2 whose cover image is named by <meta name="cover"> and whose cover page is in the guide."""
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
    spine = '<itemref idref="cover"/>' if guide == "cover.xhtml" else ""
    opf = f"""<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Harbour report</dc:title>
<dc:identifier id="id">x</dc:identifier><dc:language>en</dc:language><meta name="cover" content="pic"/></metadata>
<manifest><item id="cover" href="cover.xhtml" media-type="application/xhtml+xml"/>
<item id="text" href="text/a.xhtml" media-type="application/xhtml+xml"/>
<item id="pic" href="img/harbour.png" media-type="image/png"/>
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/></manifest>
<spine toc="ncx">{spine}<itemref idref="text"/></spine>
<guide><reference type="cover" href="{guide}" title="Cover"/></guide></package>"""
    page = '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>{}</body></html>'
    body = "<p>The harbour reopened on Monday after a week of storms.</p>"
    if cover_in_body:
        body += '<p><img src="../img/harbour.png" alt="The harbour at dawn"/></p>'
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/epub+zip")
        zf.writestr(
            "META-INF/container.xml",
            '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
            '<rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
            "</rootfiles></container>",
        )
        zf.writestr("OEBPS/content.opf", opf)
        zf.writestr(
            "OEBPS/cover.xhtml", page.format('<p>COVER PAGE</p><img src="img/harbour.png" alt="cover"/>')
        )
        zf.writestr("OEBPS/text/a.xhtml", page.format(body))
        zf.writestr("OEBPS/img/harbour.png", png)
        zf.writestr("OEBPS/toc.ncx", '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"/>')
    return buf.getvalue()


def test_epub2_cover_image_and_cover_page_are_found() -> None:
    with zipfile.ZipFile(io.BytesIO(_epub2(False))) as zf:
        found = furniture(zf)
    assert found.cover_image == "OEBPS/img/harbour.png"
    assert found.cover_documents == {"OEBPS/cover.xhtml"}


def test_epub2_cover_is_skipped_and_a_body_figure_stays() -> None:
    article = convert.read(_epub2(False))
    assert not [b for b in walk(article.body) if isinstance(b, Figure)]
    assert "COVER PAGE" not in plain_text(article.body)
    article = convert.read(_epub2(True))
    assert len([b for b in walk(article.body) if isinstance(b, Figure)]) == 1  # the article's own use of it


def test_blocks_of_a_cover_document_go_until_the_next_document() -> None:
    def anchor(name: str) -> dict[str, object]:
        return {"t": "Para", "c": [{"t": "Span", "c": [[name, [], []], []]}]}

    para = {"t": "Para", "c": [{"t": "Str", "c": "x"}]}
    blocks = [anchor("cover.xhtml"), para, anchor("a.xhtml"), para]
    assert without_furniture(blocks, Furniture(None, {"OEBPS/cover.xhtml"})) == [
        anchor("cover.xhtml"),
        anchor("a.xhtml"),
        para,
    ]


def _anchor(name: str) -> dict[str, object]:
    return {"t": "Para", "c": [{"t": "Span", "c": [[name, [], []], []]}]}


_PARA = {"t": "Para", "c": [{"t": "Str", "c": "x"}]}
_IMAGE = {
    "t": "Para",
    "c": [{"t": "Image", "c": [["", [], []], [{"t": "Str", "c": "cover"}], ["i.png", ""]]}],
}


def test_a_cover_document_that_is_the_only_text_stays() -> None:
    """Reviewer r33's single_doc_cover_guide.epub: the guide names the book's one document as its cover."""
    blocks = [_anchor("text.xhtml"), _IMAGE, _PARA]
    assert without_furniture(blocks, Furniture(None, {"OEBPS/text.xhtml"})) == [_anchor("text.xhtml"), _PARA]
    blocks = [_anchor("cover.xhtml"), _PARA, _anchor("a.xhtml"), _IMAGE]  # a picture alone is no text
    assert without_furniture(blocks, Furniture(None, {"OEBPS/cover.xhtml"})) == blocks


def test_a_cover_fragment_drops_at_most_its_image() -> None:
    """Reviewer r33's single_doc_cover_landmark.epub: ``text.xhtml#cover`` is a place in the text, not the file."""
    blocks = [_anchor("text.xhtml"), _IMAGE, _PARA, _anchor("b.xhtml"), _PARA]
    found = Furniture(None, set(), {"OEBPS/text.xhtml"})
    assert without_furniture(blocks, found) == [_anchor("text.xhtml"), _PARA, _anchor("b.xhtml"), _PARA]


def test_epub_whose_cover_page_is_its_only_document_keeps_the_article() -> None:
    data = _epub2(False, guide="text/a.xhtml")  # the cover page is the book's one document
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert furniture(zf).cover_documents == {"OEBPS/text/a.xhtml"}
    assert "harbour reopened" in plain_text(convert.read(data).body)


def test_a_cover_document_holding_the_article_stays() -> None:
    """Reviewer r33b's cover_article_plus_colophon.epub: the guide names the article's document as
    the cover and a colophon has text; only a document of an image and a title or caption goes."""
    blocks = [_anchor("text.xhtml"), _IMAGE, _PARA, _PARA, _PARA, _anchor("colophon.xhtml"), _PARA]
    found = Furniture(None, {"OEBPS/text.xhtml"})
    assert without_furniture(blocks, found) == [_anchor("text.xhtml"), *blocks[2:]]
    cover = [_anchor("cover.xhtml"), _IMAGE, _PARA, _anchor("a.xhtml"), _PARA]  # image and caption: goes
    assert without_furniture(cover, Furniture(None, {"OEBPS/cover.xhtml"})) == [cover[0], *cover[3:]]


def test_a_cover_fragment_drops_its_image_inside_a_div() -> None:
    """Reviewer r33b's cover_fragment_separate.epub: ``cover.xhtml#cover`` is a ``<div>`` holding the image."""
    div = {"t": "Div", "c": [["cover", [], []], [_IMAGE, _PARA]]}
    blocks = [_anchor("cover.xhtml"), div, _anchor("text.xhtml"), _PARA]
    found = Furniture(None, set(), {"OEBPS/cover.xhtml"})
    kept = {"t": "Div", "c": [["cover", [], []], [_PARA]]}
    assert without_furniture(blocks, found) == [_anchor("cover.xhtml"), kept, _anchor("text.xhtml"), _PARA]
