"""Issue 12's "also seen on corpus pages", each read as a new user would (``convert.read`` and the
txt exporter, as ``broadsheet convert PAGE --to txt`` does). Each test fails if its problem comes back.

The rules that fixed them are general and tested on made-up pages elsewhere
(``test_reader_html.py``, ``test_reader_html_math.py``, ``test_reader_text.py``); these are
the pages that showed them. They skip without the corpus.
"""

from __future__ import annotations

import gzip
import html
import re
from pathlib import Path

import pytest

import convert
from convert.model import Article, Figure, Heading, List, Paragraph, plain_text

pytestmark = pytest.mark.corpus


def readability_page(corpus: Path, name: str) -> Article:
    path = corpus / "readability" / "test" / "test-pages" / name / "source.html"
    if not path.exists():
        pytest.skip(f"the readability page {name} is not in the corpus")
    return convert.read(path)


def txt(article: Article) -> str:
    """The txt output, its line wrapping undone."""
    return " ".join(convert.write(article, "txt").decode("utf-8").split())


def figures(article: Article) -> list[Figure]:
    return [b for b in article.body if isinstance(b, Figure)]


def test_guardian_captions_are_printed_once(corpus: Path) -> None:
    article = readability_page(corpus, "guardian-1")
    captions = [c for f in figures(article) if (c := " ".join(plain_text(f.caption).split()))]
    assert len(captions) >= 8
    out = txt(article)
    for caption in captions:
        assert out.count(caption) == 1, caption
    items = [" ".join(plain_text(b).split()) for b in article.body if isinstance(b, List)]
    assert not any(c in item for c in captions for item in items)
    page = " ".join(convert.write(article, "html").decode("utf-8").split())
    assert page.count(captions[0]) == 1  # its images are remote (off): not its alt text as well


def test_pixnet_title_is_the_post_not_the_site_name(corpus: Path) -> None:
    title = readability_page(corpus, "pixnet").meta.title or ""
    assert title.startswith("新竹尖石_美樹營地賞楓")
    assert title.strip(" :") != "痞客邦 PIXNET"


def test_mathjax_has_no_date_from_a_css_escape_and_keeps_its_formulas(corpus: Path) -> None:
    article = readability_page(corpus, "mathjax")
    assert article.meta.published is None  # "\2026" in a style sheet is an ellipsis, not a year
    assert "\\frac{- b \\pm \\sqrt{b^{2} - 4ac}}{2a}" in txt(article)


def test_heise_headline_date_line_and_photo_credit(corpus: Path) -> None:
    article = readability_page(corpus, "heise")
    title = article.meta.title
    assert title == "1Password für Mac generiert Einmal-Passwörter"
    assert not any(isinstance(b, Heading) and plain_text(b).strip() == title for b in article.body)
    out = txt(article)
    assert "08.04.2015 12:46" not in out
    assert "((" not in out
    assert [f.credit for f in figures(article)][:1] == ["Bild: Hersteller"]


def test_protocol_relative_and_root_relative_images_resolve_against_the_page(corpus: Path) -> None:
    heise = figures(readability_page(corpus, "heise"))
    assert heise and heise[0].src.startswith("https://3.f.ix.de/")  # was file://3.f.ix.de/…
    telegraph = figures(readability_page(corpus, "telegraph"))
    assert telegraph and telegraph[0].src.startswith("http://www.telegraph.co.uk/content/")
    for page in ("heise", "telegraph", "medicalnewstoday", "salon-1"):
        for figure in figures(readability_page(corpus, page)):
            assert not figure.src.startswith(("/", "file:")), (page, figure.src)


def test_nikkei_body_is_the_article_not_the_paywall(corpus: Path) -> None:
    path = corpus / "newspaper4k" / "tests" / "data" / "html" / "japanese_article.html.gz"
    if not path.exists():
        pytest.skip("the newspaper4k Nikkei page is not in the corpus")
    article = convert.read(gzip.decompress(path.read_bytes()), from_="html")
    out = txt(article)
    assert "米朝首脳会談" in out
    assert "ログイン" not in out and "会員登録" not in out
    # the site's closing bar of links, whose links trafilatura's text lost (the link-text step)
    assert "訂正・おわび" not in out and "アカウント一覧" not in out


def test_hukumusume_body_has_no_site_navigation(corpus: Path) -> None:
    out = txt(readability_page(corpus, "hukumusume"))
    assert "肉をくわえたイヌが、橋を渡っていました。" in out
    assert "きょうの誕生花" not in out  # the site's daily links, under the story
    assert (
        "１月のイソップ童話" not in out
    )  # the breadcrumb above it (福娘童話集 > … > １月のイソップ童話 > 欲張りなイヌ)
    assert "ひらがな" in out  # the story's own links to its other versions stay


# --------------------------------------------------------------------------
# Wire copy: Reuters-21578 stories laid out as wire text arrives


def reuters_story(corpus: Path, title: str) -> dict[str, str]:
    files = sorted((corpus / "reuters21578").rglob("*.sgm"))
    if not files:
        pytest.skip("Reuters-21578 is not in the corpus")
    for sgm in files:
        for doc in re.findall(r"<REUTERS.*?</REUTERS>", sgm.read_text(encoding="latin-1"), re.S):
            fields = {
                t.lower(): html.unescape(m.group(1))
                if (m := re.search(rf"<{t}>(.*?)</{t}>", doc, re.S))
                else ""
                for t in ("TITLE", "AUTHOR", "DATELINE", "BODY")
            }
            if fields["title"].strip() == title:
                fields["body"] = fields["body"].replace("\x03", "")
                return fields
    pytest.skip(f"the story {title!r} is not in the corpus")


def wire(story: dict[str, str], *, packed: bool, flush: bool) -> bytes:
    """The story as wire text: with or without blank lines, its first paragraph indented or flush."""
    dateline = story["dateline"].lstrip() if flush else story["dateline"]
    head = [x for x in (story["title"].strip(), story["author"].strip()) if x]
    body = dateline + story["body"]
    if packed:
        text = "\n".join([*head, *(line for line in body.splitlines() if line.strip())])
    else:
        text = "\n\n".join([*head, body])
    return text.encode("latin-1")


LAYOUTS = [
    pytest.param(False, False, id="blank"),
    pytest.param(True, False, id="packed"),
    pytest.param(False, True, id="flush"),
    pytest.param(True, True, id="packed-flush"),
]


@pytest.mark.parametrize(("packed", "flush"), LAYOUTS)
def test_bahia_cocoa_review_dateline_is_the_place(corpus: Path, packed: bool, flush: bool) -> None:
    story = reuters_story(corpus, "BAHIA COCOA REVIEW")
    article = convert.read(wire(story, packed=packed, flush=flush), from_="text")
    assert article.meta.title == "BAHIA COCOA REVIEW"
    assert article.meta.dateline == "SALVADOR"  # once "BAHIA COCOA REVIEW SALVADOR"
    first = plain_text(article.body[0])
    assert first.startswith("Showers continued throughout the week in the Bahia cocoa zone")


@pytest.mark.parametrize(("packed", "flush"), LAYOUTS)
def test_a_26_paragraph_story_keeps_its_paragraphs_in_every_layout(
    corpus: Path, packed: bool, flush: bool
) -> None:
    story = reuters_story(corpus, "TOWER REPORT DIMINISHES REAGAN'S HOPES OF REBOUND")
    article = convert.read(wire(story, packed=packed, flush=flush), from_="text")
    assert article.meta.title == "TOWER REPORT DIMINISHES REAGAN'S HOPES OF REBOUND"
    assert article.meta.dateline == "WASHINGTON"
    assert [a.name for a in article.meta.authors] == ["Michael Gelb"]
    paragraphs = [b for b in article.body if isinstance(b, Paragraph)]
    assert len(paragraphs) == 26  # once 1 with no blank lines, and 1 with a flush first paragraph
