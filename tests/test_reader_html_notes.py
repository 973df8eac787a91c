"""Short pages, footnotes and author bios on web pages (tester h29, defects 1, 4 and 10)."""

from __future__ import annotations

import convert
from convert.model import Article, plain_text


def read(data: bytes) -> Article:
    return convert.read(data, name="page.html")


def page(
    article: str, *, lang: str = "en", title: str = "Ferry strike ends", author: str = "Tom Reed"
) -> bytes:
    return (
        f"<!DOCTYPE html><html lang='{lang}'><head><meta charset='utf-8'><title>{title} | The Courier</title>"
        f"<meta name='author' content='{author}'><meta property='og:site_name' content='The Courier'>"
        '<script type=\'application/ld+json\'>{"@type":"NewsArticle","headline":"' + title + '",'
        '"datePublished":"2025-03-03T09:30:00+00:00","author":{"@type":"Person","name":"'
        + author
        + "\"}}</script></head><body><header><a href='/'>The Courier</a></header>"
        f"<main><article>{article}</article></main>"
        "<aside class='related'><h2>Most read</h2><ul><li><a href='/a'>Markets slip</a></li></ul></aside>"
        "<footer class='site'><p>© 2025 The Courier</p></footer></body></html>"
    ).encode()


SHORT_EN = (
    "<h1>Ferry strike ends</h1>"
    "<p class='byline'>By Tom Reed · <time datetime='2025-03-03T09:30:00+00:00'>March 3, 2025</time></p>"
    "<p>DOVER — The ferry strike ended on Monday.</p><p>Crews voted to accept a new pay offer.</p>"
    "<p>Sailings resume on Tuesday morning.</p>"
)
SHORT_JA = (
    "<h1>東京で桜の開花</h1>"
    "<p class='byline'>文・山田太郎 · <time datetime='2025-03-03T09:30:00+09:00'>2025年3月3日</time></p>"
    "<p>気象庁は３日、東京都心で桜が開花したと発表した。平年より一週間早い。</p>"
    "<p>担当者は「暖かい日が続いた」と話した。</p><p>満開は来週半ばになる見通しだという。</p>"
)


def texts(article: Article) -> list[str]:
    return [plain_text(b) for b in article.body]


# -- defect 1: a short page keeps its paragraphs, and loses its header lines -----------------


def test_a_short_english_page_keeps_its_paragraphs_without_the_header() -> None:
    article = read(page(SHORT_EN))
    assert texts(article) == [
        "DOVER — The ferry strike ended on Monday.",
        "Crews voted to accept a new pay offer.",
        "Sailings resume on Tuesday morning.",
    ]


def test_a_short_japanese_page_keeps_its_paragraphs_without_the_header() -> None:
    article = read(page(SHORT_JA, lang="ja", title="東京で桜の開花", author="山田太郎"))
    assert texts(article) == [
        "気象庁は３日、東京都心で桜が開花したと発表した。平年より一週間早い。",
        "担当者は「暖かい日が続いた」と話した。",
        "満開は来週半ばになる見通しだという。",
    ]


def test_a_page_whose_article_is_not_in_paragraphs_still_gives_its_text() -> None:
    # trafilatura's own pass finds only the short lead; the article's text is the rest
    body = (
        "<h1>Ferry strike ends</h1><p>DOVER — The strike ended.</p><div>"
        + "Crews voted to accept the offer. " * 12
    )
    article = read(page(body + "</div>"))
    assert "Crews voted to accept the offer." in plain_text(article.body)
