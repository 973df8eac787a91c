"""The HTML reader's title (issue 12): the declared title, the page's headings, the site's name.

Each page here is small and made up; each rule is checked both ways, with
the evidence that triggers it and without.
"""

from __future__ import annotations

import pytest

from convert.base import ReadOptions
from convert.readers.html import HtmlReader, parse_html, weigh_title
from convert.readers.html.weigh_title import home_headings

PAGE = """<!DOCTYPE html><html><head>{head}</head><body><header>{header}</header><article>{heading}
<p>The council approved the harbour plans on a narrow vote after a long debate about costs and the works.</p>
<p>Residents who opposed the project said they would keep watching how the money is spent in the years ahead.</p>
</article></body></html>"""


def titled(head: str, heading: str = "", header: str = "") -> tuple[str | None, str]:
    where: dict[str, str] = {}
    article = HtmlReader().read(
        PAGE.format(head=head, heading=heading, header=header).encode(), ReadOptions(provenance=where)
    )
    return article.meta.title, where.get("title", "")


HEADLINE = "Council approves the harbour plans"
SITE_NAME = '<meta property="og:site_name" content="Harbour Gazette">'
GAZETTE = '<h1 class="logo"><a href="https://harbour-gazette.example/">Harbour Gazette</a></h1>'


def test_an_h1_linking_to_the_front_page_is_the_sites_name() -> None:
    tree = parse_html(
        "<html><body>"
        '<h1><a href="/">Harbour Gazette</a></h1>'
        '<h1><a href="https://harbour-gazette.example/index.html">Gazette</a></h1>'
        '<a href="/"><h1>The Gazette</h1></a>'
        '<h1><a href="/2024/plans">Council approves the harbour plans</a></h1>'
        '<h1>Council <a href="/">home</a></h1>'
        '<h1><a href="#top">Back to top</a></h1>'
        "</body></html>"
    )
    assert home_headings(tree) == ["Harbour Gazette", "Gazette", "The Gazette"]


def test_the_site_title_h1_is_cut_from_the_title_not_taken_as_the_headline(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A blog theme's <h1> is the blog's name, linked home; the post's own headline is no <h1>.
    head = f"<title>{HEADLINE} | Harbour Gazette</title>"
    assert titled(head, "", GAZETTE) == (HEADLINE, "<title>, with the site's name cut off")
    monkeypatch.setitem(weigh_title.TITLE_RULES, "home-link", False)
    assert titled(head, "", GAZETTE)[0] == "Harbour Gazette"  # the title part the <h1> repeats
    # An <h1> linked to the article itself is its headline: the part of the title it repeats wins.
    monkeypatch.undo()
    linked = f'<h1><a href="/2024/plans.html">{HEADLINE}</a></h1>'
    assert titled(f"<title>Vote: {HEADLINE} | Gazette</title>", linked)[0] == HEADLINE


def test_a_title_that_is_the_site_title_h1_gives_the_articles_heading() -> None:
    title, where = titled("<title>Harbour Gazette</title>", f"<h2>{HEADLINE}</h2>", GAZETTE)
    assert title == HEADLINE
    assert where == "trafilatura (first heading of the article), as <title> is the site's name"


def test_a_meta_title_cut_at_an_unescaped_quote_gives_way(monkeypatch: pytest.MonkeyPatch) -> None:
    # content="… "unfit"" ends at the second quotation mark; the rest parses as attribute names.
    whole = 'Senator calls the mayor "unfit"'
    head = f'<meta property="og:title" content="{whole}"><title>{whole}</title>'
    assert titled(head) == (whole, "<title>")
    monkeypatch.setitem(weigh_title.TITLE_RULES, "cut-quote", False)
    assert titled(head)[0] == "Senator calls the mayor"
    monkeypatch.undo()
    # Only the <meta> tag gives way: a <title> that reads as the cut value is still a title.
    assert titled(
        '<meta property="og:title" content="Senator calls the mayor "unfit""><title>Senator calls the mayor</title>'
    ) == ("Senator calls the mayor", "<title>")
    # An escaped quotation mark keeps the whole value, and the tag is taken.
    escaped = whole.replace('"', "&quot;")
    assert titled(f'<meta property="og:title" content="{escaped}"><title>Other</title>') == (
        whole,
        '<meta property="og:title">',
    )


def test_a_title_that_is_the_whole_site_name_gives_the_pages_one_h1() -> None:
    # og:title is og:site_name, a name with a " / " in it that reads as "Title / Site"; the article's
    # headline is the page's one <h1>, which trafilatura leaves out of its body.
    site = "Harbour Media - Templates / Designs"
    head = f'<meta property="og:title" content="{site}"><meta property="og:site_name" content="{site}">'
    title, where = titled(head, header=f'<h1 itemprop="headline">{HEADLINE}</h1>')
    assert title == HEADLINE
    assert where == "the page's one <h1>, as <meta property=\"og:title\"> is the site's name"
    # Two candidate <h1>s: no guess, the declared title stays (cut as before).
    two = f"<h1>{HEADLINE}</h1><h1>Another heading of the page</h1>"
    assert titled(head, header=two)[0] != HEADLINE


@pytest.mark.parametrize(
    "header",
    [
        # Review of h26: a hidden box's or an aside's <h1> is not the article's headline.
        '<div id="cookie-banner" style="display:none"><h1>We value your privacy</h1></div>',
        "<div hidden><h1>We value your privacy</h1></div>",
        "<aside><h1>Newsletter</h1><p>Sign up.</p></aside>",
        "<nav><h1>Sections</h1></nav>",
        "<form><h1>Search the site</h1></form>",
        "<dialog open><h1>Log in</h1></dialog>",
    ],
)
def test_a_hidden_or_aside_h1_is_not_the_pages_one_h1(header: str) -> None:
    site = "Harbour Gazette"
    head = f'<meta property="og:title" content="{site}"><meta property="og:site_name" content="{site}">'
    title, where = titled(head, header=header)
    assert "one <h1>" not in where
    assert title == site
