"""The subtitle a web page declares under its headline, when trafilatura's body leaves it out
(:mod:`convert.readers.html.subtitle`)."""

from __future__ import annotations

import pytest

import convert
from convert.model import Heading, plain_text

DEK = "Temporal atinge cidades do litoral norte; Defesa Civil mantém alerta máximo"
LEAD = "SÃO SEBASTIÃO — Pelo menos 12 pessoas morreram após um temporal no litoral norte paulista."
MORE = "<p>O governo estadual anunciou a liberação de recursos para ações emergenciais na região.</p>" * 3
DESCRIBED = f'<meta name="description" content="{DEK}.">'


def page(under_h1: str, head: str = DESCRIBED) -> bytes:
    """The headline and the line under it in the page's header, the article in <main>: trafilatura's
    body is the article alone."""
    return (
        f"<html lang=pt-BR><head><title>Chuvas deixam 12 mortos</title>{head}</head><body>"
        f'<header class="article-header"><h1>Chuvas deixam 12 mortos</h1>{under_h1}</header>'
        f"<main><article><p>{LEAD}</p>{MORE}</article></main></body></html>"
    ).encode()


@pytest.mark.parametrize(
    "under_h1",
    [
        f'<h2 class="subtitle">{DEK}</h2>',
        f'<p class="article-dek">{DEK}</p>',
        f'<div class="c-article-head__standfirst"><p><span>{DEK}</span></p></div>',
    ],
)
def test_a_subtitle_class_under_the_headline_holding_the_description_is_the_subtitle(under_h1: str) -> None:
    provenance: dict[str, str] = {}
    article = convert.read(page(under_h1), from_="html", provenance=provenance)
    assert article.meta.subtitle == DEK
    assert "under the <h1>" in provenance["subtitle"]
    assert DEK not in plain_text(article.body)
    assert convert.write(article, "txt").decode().count("Temporal atinge") == 1


def test_microdata_alternative_headline_under_the_headline_is_the_subtitle() -> None:
    article = convert.read(page(f'<h2 itemprop="alternativeHeadline">{DEK}</h2>', head=""), from_="html")
    assert article.meta.subtitle == DEK


def test_a_json_ld_subtitle_wins() -> None:
    ld = (
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        '"headline":"Chuvas deixam 12 mortos","alternativeHeadline":"Defesa Civil mantém alerta"}</script>'
    )
    article = convert.read(page(f'<h2 class="subtitle">{DEK}</h2>', DESCRIBED + ld), from_="html")
    assert article.meta.subtitle == "Defesa Civil mantém alerta"


@pytest.mark.parametrize(
    ("under_h1", "head"),
    [
        # the class alone: a page may call its date and byline line a subtitle
        (f'<h2 class="subtitle">{DEK}</h2>', ""),
        ('<h2 class="subtitle">19.02.2026 07:42 von Mariana Oliveira</h2>', DESCRIBED),
        # not a subtitle's class word as a whole part of the class name
        (f'<h2 class="imageSubtitle">{DEK}</h2>', DESCRIBED),
        # not the first text under the headline
        (f'<p class="kicker">Cotidiano</p><h2 class="subtitle">{DEK}</h2>', DESCRIBED),
    ],
)
def test_a_line_under_the_headline_the_page_does_not_declare_is_no_subtitle(under_h1: str, head: str) -> None:
    assert convert.read(page(under_h1, head), from_="html").meta.subtitle is None


def test_a_declared_subtitle_the_body_holds_stays_in_the_body() -> None:
    # trafilatura keeps the line under the headline when both are in the article: it stays as printed
    html = (
        f"<html lang=pt-BR><head><title>Chuvas deixam 12 mortos</title>{DESCRIBED}</head><body><article>"
        f'<h1>Chuvas deixam 12 mortos</h1><h2 class="subtitle">{DEK}</h2><p>{LEAD}</p>{MORE}</article></body></html>'
    )
    article = convert.read(html.encode(), from_="html")
    assert article.meta.subtitle is None
    assert any(isinstance(b, Heading) and plain_text(b) == DEK for b in article.body)


BODY = (
    "<p>The council voted on Tuesday to reopen the old crossing to traffic after a year of repairs.</p>" * 3
)


@pytest.mark.parametrize(
    "html",
    [
        # a related story's headline and dek, in an <aside> (r40)
        '<head><title>Crossing to reopen</title><meta name="description" content="The mayor stepped down">'
        f"</head><body><main><article><h1>Crossing to reopen</h1>{BODY}</article></main>"
        '<aside class="related"><h1><a href="/b">Mayor resigns</a></h1>'
        '<p itemprop="alternativeHeadline">The mayor stepped down</p><p class="dek">The mayor stepped down</p>'
        "</aside></body>",
        # the site's name and tagline: not the article's headline (its title is the <h2>)
        '<head><title>Lentil soup for a cold night</title><meta name="description" content="Recipes from Leeds">'
        '</head><body><header class="site-header"><h1 class="site-title"><a href="/">Anna\'s Kitchen</a></h1>'
        '<p class="site-subtitle">Recipes from Leeds</p></header><main><article>'
        f'<h2 class="entry-title">Lentil soup for a cold night</h2>{BODY}</article></main></body>',
        # a picture's caption under the headline
        '<head><title>Crossing to reopen</title><meta name="description" content="Crews work on the crossing.">'
        '</head><body><header><h1>Crossing to reopen</h1><figure><img src="x.jpg">'
        '<figcaption class="image-subtitle">Crews work on the crossing.</figcaption></figure></header>'
        f"<main><article>{BODY}</article></main></body>",
        # a byline marked as the alternative headline
        "<head><title>Crossing to reopen</title></head><body><header><h1>Crossing to reopen</h1>"
        '<div itemprop="alternativeHeadline"><span class="byline">By Jane Doe</span></div></header>'
        f"<main><article>{BODY}</article></main></body>",
    ],
)
def test_only_the_articles_own_headline_gives_a_subtitle(html: str) -> None:
    article = convert.read(f"<html lang=en>{html}</html>".encode(), from_="html")
    assert article.meta.subtitle is None


def test_the_headline_is_the_h1_holding_the_title_not_the_first() -> None:
    html = (
        '<html lang=en><head><title>Crossing to reopen</title><meta name="description" content="Work starts in May">'
        '</head><body><header><h1 class="site-title">The Courier</h1></header><main><article>'
        '<h1>Crossing to reopen</h1><p class="dek">Work starts in May</p>'
        f"</article><section>{BODY}</section></main></body></html>"
    )
    article = convert.read(html.encode(), from_="html")
    assert article.meta.title == "Crossing to reopen"
    assert article.meta.subtitle == "Work starts in May"


def test_the_pages_only_headline_gives_the_subtitle_when_the_title_differs() -> None:
    """Review r40b: og:title shorter than the <h1> (or a kicker inside it) lost a real standfirst."""
    head = DESCRIBED + '<meta property="og:title" content="Chuvas: 12 mortos">'
    html = page(f'<p class="article-dek">{DEK}</p>', head).replace(
        b"<h1>Chuvas deixam 12 mortos</h1>",
        b"<h1><span class=kicker>Litoral</span> Chuvas deixam 12 mortos</h1>",
    )
    article = convert.read(html, from_="html")
    assert article.meta.subtitle == DEK
