"""The HTML reader: main text only, structure kept, metadata checked before it is trusted."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from convert.base import ReadOptions
from convert.errors import InputError
from convert.model import (
    Article,
    BlockQuote,
    Emph,
    Figure,
    Heading,
    Link,
    List,
    Paragraph,
    Strong,
    Table,
    Text,
    plain_text,
    walk,
)
from convert.readers.html import HtmlReader, decode_html, place_figures
from convert.readers.html.metatags import bcp47
from convert.readers.html.names import AuthorFilter
from convert.registry import readers

FIXTURES = Path(__file__).parent / "fixtures" / "html"

# A page long enough for main-text extraction; {head} and {body} are filled per test.
PAGE = """<!DOCTYPE html><html{html_attrs}><head>{head}<title>Test page</title></head><body><article>
<h1>Test page</h1>{body}
<p>The first paragraph of the article is long enough to look like real prose written by a reporter for readers.</p>
<p>The second paragraph adds more words about the same subject so the extractor sees an article and not a menu.</p>
</article></body></html>"""


def read(data: bytes) -> Article:
    return HtmlReader().read(data, ReadOptions())


def page(head: str = "", body: str = "", html_attrs: str = "") -> bytes:
    return PAGE.format(head=head, body=body, html_attrs=html_attrs).encode("utf-8")


@pytest.fixture(scope="module")
def news() -> Article:
    return read((FIXTURES / "news_jsonld.html").read_bytes())


@pytest.fixture(scope="module")
def opengraph() -> Article:
    return read((FIXTURES / "opengraph.html").read_bytes())


def body_text(article: Article) -> str:
    return plain_text(article.body)


# --------------------------------------------------------------------------
# Registration


def test_reader_registers_and_reads_through_the_registry() -> None:
    readers.register("html", HtmlReader, override=True)
    reader = readers.get("html")
    assert isinstance(reader, HtmlReader)
    assert reader.name == "html"
    assert ".htm" in reader.extensions


# --------------------------------------------------------------------------
# JSON-LD NewsArticle metadata


def test_jsonld_metadata(news: Article) -> None:
    meta = news.meta
    assert meta.title == "Harbour Town Votes to Keep Its Ferry"
    assert [a.name for a in meta.authors] == ["Mira Castell", "Tomás Ebbe"]
    assert meta.published == "2024-05-14T07:45:00+01:00"
    assert meta.updated == "2024-05-14T12:10:00+01:00"
    assert meta.publisher == "The Coastal Ledger"
    assert meta.language == "en-GB"  # <html lang="en_GB"> normalised
    assert meta.description == "Residents backed the ferry by a wide margin."
    assert meta.keywords == ("ferries", "local government", "transport")
    assert meta.url == "https://ledger.example/2024/05/harbour-ferry"


def test_opengraph_metadata(opengraph: Article) -> None:
    meta = opengraph.meta
    assert meta.title == "Night Trains Return to the Valley Line"
    assert meta.publisher == "Railway Review"
    assert meta.language == "de-AT"  # og:locale de_AT
    assert meta.published == "2023-11-02"  # a date alone stays a date
    assert meta.updated == "2023-11-03T09:00:00+00:00"
    assert meta.url == "https://railway-review.example/night-trains"
    assert meta.description == "Sleeper services resume after twelve years."
    assert meta.keywords == ("rail", "night trains")
    assert [a.name for a in meta.authors] == ["Lena Hofbauer"]


# --------------------------------------------------------------------------
# Prefer no author (and no date) to a wrong one


def test_byline_junk_gives_no_author_and_no_date() -> None:
    article = read((FIXTURES / "byline_junk.html").read_bytes())
    assert article.meta.authors == ()  # "By Staff", "Email the author", "Follow", the site's own name
    assert article.meta.published is None  # "last Tuesday", "sometime in spring": not dates
    assert article.meta.publisher == "Millbrook Gazette"


@pytest.mark.parametrize(
    "raw",
    [
        "Staff",
        "By Staff",
        "Email the author",
        "https://example.org/people/jane",
        "jane@example.org",
        "March 5, 2024",
        "Millbrook Gazette",
        "millbrook.example",
        "AP",
        "This string is far too long to be the name of any single person who wrote it",
        "posted in news and politics",
        "Iberische Weine in Berlin - Vinos y Tapas und Vinho Iberico",
        "janeroewriter",
        "Staff Reporter",
        "Editor",
    ],
)
def test_author_filter_rejects_junk(raw: str) -> None:
    check = AuthorFilter(publisher="Millbrook Gazette", host="www.millbrook.example")
    assert check.names(raw) == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("By Jane Roe and Omar Haddad", ["Jane Roe", "Omar Haddad"]),
        ("Jane Roe, Omar Haddad", ["Jane Roe", "Omar Haddad"]),
        ("Von Anna Berg und Jonas Falk", ["Anna Berg", "Jonas Falk"]),
        ("Jane Roe March 5, 2024", ["Jane Roe"]),
        ("Posted on 5 March 2024 by Jane Roe", ["Jane Roe"]),
        ("Perry Bacon Jr.", ["Perry Bacon Jr."]),
        ("Michiel de Jong", ["Michiel de Jong"]),
        ("Jane Roe, Staff Writer", ["Jane Roe"]),
    ],
)
def test_author_filter_keeps_and_splits_names(raw: str, expected: list[str]) -> None:
    assert AuthorFilter(publisher="Millbrook Gazette").names(raw) == expected


@pytest.mark.parametrize("value", ["webteam", "Railway Review", "admin"])
def test_meta_author_that_is_a_handle_or_the_site_is_dropped(value: str) -> None:
    head = f'<meta property="og:site_name" content="Railway Review"><meta name="author" content="{value}">'
    assert read(page(head=head)).meta.authors == ()


def test_jsonld_author_is_kept_when_the_page_agrees() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "Article", "headline": "Test page",'
        ' "author": {"@type": "Person", "name": "Ines Varga"}}</script>'
    )
    body = '<p class="byline">By <span class="author-name">Ines Varga</span></p>'
    assert [a.name for a in read(page(head=head, body=body)).meta.authors] == ["Ines Varga"]


# --------------------------------------------------------------------------
# Dates and language


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("en-US", "en-US"),
        ("en_US", "en-US"),
        ("EN", "en"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("de-DE, en", "de-DE"),
        ("{{lang}}", None),
        ("", None),
    ],
)
def test_bcp47(value: str, expected: str | None) -> None:
    assert bcp47(value) == expected


def test_language_from_content_language_meta() -> None:
    head = '<meta http-equiv="content-language" content="fr_CA">'
    assert read(page(head=head)).meta.language == "fr-CA"


# --------------------------------------------------------------------------
# Body: boilerplate removed, structure kept


def test_navigation_ads_comments_and_related_links_removed(news: Article) -> None:
    text = body_text(news)
    assert "Residents of Harbour Town voted" in text
    assert "The mayor said the result was clear" in text
    for junk in (
        "Home",
        "Advertisement",
        "seagull77",
        "Best news I have read",
        "Island school wins",
        "All rights",
    ):
        assert junk not in text, junk


def test_title_and_byline_not_repeated_in_body(news: Article) -> None:
    assert not any(isinstance(b, Heading) and plain_text(b) == news.meta.title for b in news.body)
    assert "By Mira Castell" not in body_text(news)


def test_headings_lists_quotes_figures_tables_kept(news: Article) -> None:
    headings = [plain_text(b) for b in news.body if isinstance(b, Heading)]
    assert headings == ["How the vote went", "What happens next"]
    assert all(b.level == 2 for b in news.body if isinstance(b, Heading))

    (bullets,) = [b for b in news.body if isinstance(b, List)]
    assert not bullets.ordered
    assert [plain_text(item) for item in bullets.items] == [
        "Keep the ferry at its current timetable",
        "Replace it with a bridge by 2030",
        "Run the ferry only in summer",
    ]

    (quote,) = [b for b in news.body if isinstance(b, BlockQuote)]
    assert plain_text(quote).startswith("We have crossed on this boat")

    (figure,) = [b for b in news.body if isinstance(b, Figure)]
    assert figure.src == "images/ferry-at-dawn.jpg"  # kept as given, never fetched or rewritten
    assert figure.alt == "The ferry leaving the harbour at dawn"
    assert plain_text(figure.caption) == "The ferry leaves Harbour Town at dawn on polling day."
    assert figure.credit == "Photo: Ines Varga"

    (table,) = [b for b in news.body if isinstance(b, Table)]
    assert [plain_text(c) for c in table.head[0]] == ["Option", "Votes"]
    assert [[plain_text(c) for c in row] for row in table.rows] == [
        ["Keep the ferry", "4,112"],
        ["Build a bridge", "1,906"],
        ["Summer only", "388"],
    ]


def test_inline_emphasis_and_links_kept(news: Article) -> None:
    nodes = list(walk(news.body))
    assert Emph((Text("cut the island off"),)) in nodes
    assert Strong((Text("cheaper over thirty years"),)) in nodes
    links = [n for n in nodes if isinstance(n, Link)]
    assert any(
        n.url == "https://council.example/results" and plain_text(n.content) == "council's published results"
        for n in links
    )


def test_ordered_list_and_data_uri_image() -> None:
    png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg=="
    body = (
        "<ol><li>First step of the recipe is here</li><li>Second step follows it closely</li></ol>"
        f'<figure><img src="{png}" alt="A dot"><figcaption>One pixel.</figcaption></figure>'
        '<figure><img src="https://cdn.example/photo.jpg" alt="Remote"></figure>'
    )
    article = read(page(body=body))
    (ordered,) = [b for b in article.body if isinstance(b, List)]
    assert ordered.ordered
    figures = [b for b in article.body if isinstance(b, Figure)]
    assert [f.src for f in figures] == [png, "https://cdn.example/photo.jpg"]
    assert plain_text(figures[0].caption) == "One pixel."


def test_paragraphs_have_single_spaces() -> None:
    body = "<p>Spread   over\n   several\tlines   of   source, this paragraph still reads as one line.</p>"
    article = read(page(body=body))
    texts = [plain_text(b) for b in article.body if isinstance(b, Paragraph)]
    assert "Spread over several lines of source, this paragraph still reads as one line." in texts


# --------------------------------------------------------------------------
# Bytes and encodings


def test_declared_legacy_charset_is_respected() -> None:
    html = PAGE.format(
        head='<meta charset="windows-1252">',
        body="<p>Caf\u00e9 cr\u00e8me \u2013 \u201cquoted\u201d text in the first line.</p>",
        html_attrs="",
    )
    article = read(html.encode("cp1252"))
    assert "Café crème – “quoted” text" in body_text(article)


def test_latin1_label_means_windows_1252() -> None:
    data = '<html><head><meta charset="iso-8859-1"></head><body>\x93quoted\x94</body></html>'.encode(
        "latin-1"
    )
    assert "“quoted”" in decode_html(data)


def test_bom_wins_over_meta_charset() -> None:
    data = "\ufeff<html><head><meta charset='iso-8859-1'></head><body>Zürich</body></html>".encode("utf-8")
    assert "Zürich" in decode_html(data)
    data16 = "<html><body>Zürich</body></html>".encode("utf-16")
    assert "Zürich" in decode_html(data16)


def test_undeclared_bytes_fall_back_to_detection() -> None:
    text = (
        "<html><body><p>"
        + "Über die Brücke gehen wir täglich zur Arbeit, größtenteils zu Fuß. " * 5
        + "</p></body></html>"
    )
    assert "Über die Brücke" in decode_html(text.encode("cp1252"))


# --------------------------------------------------------------------------
# Failures


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"   \n  ",
        b"<html><head><title>Nothing</title></head><body></body></html>",
        b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        b"\x00\x01\x02\x03\xff\xfe\xfd",
    ],
)
def test_empty_or_malformed_page_raises_input_error(data: bytes) -> None:
    with pytest.raises(InputError, match="no article text found"):
        read(data)


def test_a_stray_control_character_costs_no_text() -> None:
    # U+001D inside formatted text made trafilatura's formatted run fail (XML forbids it), so the
    # whole article was lost; a browser shows nothing for it, and neither do we.
    data = page(body="<p>A paragraph with <em>unbequemen \x1dThemen</em> in it\x0cand a form feed.</p>")
    text = body_text(read(data))
    assert "unbequemen Themen in it and a form feed." in text
    assert "The second paragraph" in text
    assert not re.search(r"[\x00-\x08\x0b-\x1f]", text)


# --------------------------------------------------------------------------
# Real pages


@pytest.mark.corpus
@pytest.mark.slow
def test_every_readability_page_reads(corpus: Path) -> None:
    pages = sorted((corpus / "readability" / "test" / "test-pages").glob("*/source.html"))
    if not pages:
        pytest.skip("no readability test pages in the corpus")
    read_ok = 0
    for path in pages:
        try:
            article = read(path.read_bytes())
        except InputError:
            continue
        read_ok += 1
        assert article.body, path
        for author in article.meta.authors:
            assert author.name.strip() and len(author.name) <= 50, (path, author)
    assert read_ok >= len(pages) * 0.9


@pytest.mark.parametrize("stamp", ["2020-02-18T02:18:11+00:00", "2020-02-18T02:18:11+05:30"])
def test_a_declared_timestamp_keeps_its_time_and_zone(stamp: str) -> None:
    page = (
        f'<html><head><meta property="article:published_time" content="{stamp}"></head><body>'
        "<h1>Harbour plans approved</h1><p>Posted in 2020.</p>"
        + "<p>The council approved the harbour plans on Monday after a long debate.</p>" * 5
        + "</body></html>"
    )
    assert read(page.encode()).meta.published == stamp


def test_two_declared_dates_are_settled_by_the_date_shown_on_the_page() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Test page",'
        ' "datePublished": "2023-11-03T10:25:56+00:00"}</script>'
        '<meta property="article:published_time" content="2023-11-06T14:25:00+00:00">'
    )
    body = '<p class="date">Published <time datetime="2023-11-06">6 November 2023</time></p>'
    assert (read(page(head=head, body=body)).meta.published or "")[:10] == "2023-11-06"


def test_mostly_utf8_page_with_a_stray_byte_stays_utf8() -> None:
    text = (
        "<html><head><meta charset='utf-8'></head><body><p>"
        + "zażółć gęślą jaźń " * 20
        + "</p></body></html>"
    )
    data = text.encode("utf-8").replace(b"<body>", b"<body>\x96")
    assert "zażółć gęślą jaźń" in decode_html(data)


def test_figures_are_placed_after_the_paragraph_they_followed() -> None:
    one, two = Paragraph((Text("First paragraph."),)), Paragraph((Text("Second paragraph."),))
    teaser = Paragraph((Text("Read more from us"),))
    fig, stray = Figure("a.png", alt="a"), Figure("b.png", alt="b")
    merged = place_figures([one, two], [one, fig, two, teaser, stray])
    assert merged == [one, fig, two]  # the figure among the teasers is not part of the article


def test_trafilatura_runs_twice_only_for_a_page_with_images(monkeypatch: pytest.MonkeyPatch) -> None:
    """The figures' run (issue 18: reading cost) is skipped without images and never repeats the
    metadata pass; the page's own tree is handed over, and comes back unchanged."""
    import lxml.html
    import trafilatura

    calls: list[tuple[bool, bool, bytes]] = []
    real = trafilatura.bare_extraction

    def spy(tree: lxml.html.HtmlElement, **kwargs: object) -> object:
        before = lxml.html.tostring(tree)
        result = real(tree, **kwargs)  # type: ignore[arg-type]
        assert lxml.html.tostring(tree) == before  # trafilatura prunes its own copy
        calls.append((bool(kwargs["include_images"]), bool(kwargs["with_metadata"]), before))
        return result

    monkeypatch.setattr(trafilatura, "bare_extraction", spy)
    plain = read(page())
    assert [c[:2] for c in calls] == [(False, True)]
    assert not any(isinstance(b, Figure) for b in plain.body)

    calls.clear()
    lead = "<p>The ferry left the harbour at dawn, as it has every morning for the last forty years.</p>"
    figure = '<figure><img src="a.jpg" alt="A ferry"><figcaption>The ferry.</figcaption></figure>'
    illustrated = read(page(body=lead + figure))
    assert [c[:2] for c in calls] == [(False, True), (True, False)]
    assert calls[0][2] == calls[1][2]  # one parsed tree for both runs
    assert [b.src for b in illustrated.body if isinstance(b, Figure)] == ["a.jpg"]
    assert illustrated.meta.title == "Test page"


# --------------------------------------------------------------------------
# Provenance: where each field came from (``inspect --explain``)


def read_with_sources(data: bytes) -> tuple[Article, dict[str, str]]:
    where: dict[str, str] = {}
    return HtmlReader().read(data, ReadOptions(provenance=where)), where


def test_provenance_of_jsonld_page() -> None:
    article, where = read_with_sources((FIXTURES / "news_jsonld.html").read_bytes())
    assert article.meta.title == "Harbour Town Votes to Keep Its Ferry"
    assert where["title"] == "JSON-LD NewsArticle.headline"
    assert where["authors"] == "JSON-LD NewsArticle.author, confirmed by <a rel=author> link"
    assert where["published"] == "JSON-LD NewsArticle.datePublished"
    assert where["updated"] == "JSON-LD NewsArticle.dateModified"
    assert where["language"] == "<html lang>"
    assert where["publisher"] == '<meta property="og:site_name">'
    assert where["url"] == "<link rel=canonical>"
    assert where["description"] == '<meta name="description">'
    assert where["keywords"] == '<meta name="keywords">'


def test_provenance_of_opengraph_page() -> None:
    article, where = read_with_sources((FIXTURES / "opengraph.html").read_bytes())
    assert [a.name for a in article.meta.authors] == ["Lena Hofbauer"]
    assert where["title"] == '<meta property="og:title">'
    assert where["authors"] == '<meta name="author">, confirmed by byline element .author'
    assert where["published"] == '<meta property="article:published_time">'
    assert where["updated"] == '<meta property="article:modified_time">'
    assert where["language"] == '<meta property="og:locale">'
    assert where["url"] == '<meta property="og:url">'
    assert where["keywords"] == '<meta property="article:tag">'


def test_provenance_names_only_the_fields_that_have_values() -> None:
    article, where = read_with_sources((FIXTURES / "byline_junk.html").read_bytes())
    assert article.meta.authors == () and article.meta.published is None
    assert "authors" not in where and "published" not in where
    assert where["language"] == "<html lang>"
    assert where["title"] == "JSON-LD NewsArticle.headline"


def test_provenance_of_page_elements_and_a_cut_title() -> None:
    head = '<meta property="og:site_name" content="Railway Review">'
    body = (
        '<p>By <span class="byline-name">Ines Varga</span>'
        ' <time class="published" datetime="2024-03-05T08:30:00+01:00">5 March</time>'
        ' <time class="updated" datetime="2024-03-07T10:00:00+01:00">7 March</time></p>'
    )
    data = page(head=head, body=body, html_attrs=' xml:lang="fr"').replace(
        b"<title>Test page</title>", b"<title>A headline long enough to keep | Railway Review</title>"
    )
    article, where = read_with_sources(data)
    assert article.meta.title == "A headline long enough to keep"
    assert where["title"] == "<title>, with the site's name cut off"
    assert [a.name for a in article.meta.authors] == ["Ines Varga"]
    assert where["authors"] == "byline element .byline-name"
    # htmldate (inside trafilatura) reads the <time> first and keeps the day only.
    assert article.meta.published == "2024-03-05"
    assert where["published"] == "htmldate via trafilatura (a date marked up in the page)"
    assert article.meta.updated == "2024-03-07T10:00:00+01:00"
    assert where["updated"] == '<time class="updated" datetime> in the page'
    assert where["language"] == "<html xml:lang>"


def test_no_provenance_dict_is_fine(news: Article) -> None:
    assert news.meta.title  # ReadOptions() without provenance: nothing to fill, nothing breaks


def test_cli_inspect_explain_names_a_source_for_every_declared_field() -> None:
    from click.testing import CliRunner

    from convert.cli import cli
    from convert.explain import UNKNOWN_SOURCE

    readers.register("html", HtmlReader, override=True)
    r = CliRunner().invoke(cli, ["inspect", "--explain", str(FIXTURES / "news_jsonld.html")])
    assert r.exit_code == 0, r.output
    assert UNKNOWN_SOURCE not in r.output
    lines = [line.strip() for line in r.output.splitlines()]
    for name, source in [
        ("title", "JSON-LD NewsArticle.headline"),
        ("published", "JSON-LD NewsArticle.datePublished"),
        ("language", "<html lang>"),
        ("url", "<link rel=canonical>"),
    ]:
        i = next(n for n, line in enumerate(lines) if line.startswith(f"{name}:"))
        assert lines[i + 1] == f"<- {source}"


METADATA_ONLY = (
    b'<html lang="en"><head><meta property="og:title" content="A title and nothing else">'
    b'<meta property="article:published_time" content="2014-11-23T16:00:00+00:00"></head><body></body></html>'
)


def test_a_page_without_article_text_is_refused_by_default() -> None:
    with pytest.raises(InputError, match="no article text found"):
        HtmlReader().read(METADATA_ONLY, ReadOptions())


def test_require_text_false_gives_the_metadata_of_a_page_without_text() -> None:
    article = HtmlReader().read(METADATA_ONLY, ReadOptions(require_text=False))
    assert article.meta.title == "A title and nothing else"
    assert (article.meta.published or "").startswith("2014-11-23")
    assert article.body == ()


def test_inspect_allow_empty_shows_the_metadata_and_convert_still_refuses(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from convert.cli import cli

    page = tmp_path / "stub.html"
    page.write_bytes(METADATA_ONLY)
    shown = CliRunner().invoke(cli, ["inspect", "--allow-empty", "--json", str(page)])
    assert shown.exit_code == 0, shown.output
    assert '"title": "A title and nothing else"' in shown.output
    assert CliRunner().invoke(cli, ["inspect", str(page)]).exit_code == 3
    refused = CliRunner().invoke(cli, ["convert", str(page), "--to", "txt", "-o", str(tmp_path / "out")])
    assert refused.exit_code == 3
    assert not (tmp_path / "out" / "stub.txt").exists()


# --------------------------------------------------------------------------
# Issue 12: general rules for what single pages showed


def test_image_addresses_of_a_saved_page_resolve_against_the_page_address(
    caplog: pytest.LogCaptureFixture,
) -> None:
    figures = (
        '<figure><img src="//img.example.org/a.jpg" alt="A"><figcaption>First picture</figcaption></figure>'
        "<p>The text between the two pictures is long enough to be a paragraph of the article itself.</p>"
        '<figure><img src="/media/b.jpg" alt="B"><figcaption>Second picture</figcaption></figure>'
        '<figure><img src="page_files/c.jpg" alt="C"><figcaption>Third picture</figcaption></figure>'
    )
    canonical = '<link rel="canonical" href="https://news.example.org/2024/story.html">'
    srcs = [b.src for b in read(page(head=canonical, body=figures)).body if isinstance(b, Figure)]
    assert srcs == [
        "https://img.example.org/a.jpg",
        "https://news.example.org/media/b.jpg",
        "page_files/c.jpg",
    ]
    with caplog.at_level("WARNING", logger="convert.readers.html"):
        srcs = [b.src for b in read(page(body=figures)).body if isinstance(b, Figure)]
    assert srcs == ["https://img.example.org/a.jpg", "page_files/c.jpg"]
    assert "/media/b.jpg" in caplog.text


def test_a_one_item_list_after_a_captionless_figure_is_its_caption_not_a_list() -> None:
    body = (
        '<figure><img src="https://example.org/a.jpg" alt="An elder at his farm."></figure>'
        "<ul><li><p>The elder at his farm, where he was born and grew up</p></li></ul>"
    )
    article = read(page(body=body))
    figures = [b for b in article.body if isinstance(b, Figure)]
    assert plain_text(figures[0].caption) == "The elder at his farm, where he was born and grew up"
    assert not any(isinstance(b, List) for b in article.body)


def test_a_date_line_and_the_repeated_headline_leave_the_body() -> None:
    body = (
        '<p class="date">08.04.2015 12:46</p>'
        "<h2>Password manager makes one-time codes</h2>"
        "<figure><img src='https://example.org/q.jpg'><figcaption>It scans QR codes."
        "<small>(Bild: Hersteller)</small></figcaption></figure>"
    )
    head = '<meta property="og:title" content="Password manager makes one-time codes">'
    html = page(head=head, body=body).replace(b"<h1>Test page</h1>", b"")
    article = read(html)
    assert article.meta.title == "Password manager makes one-time codes"
    assert "08.04.2015" not in body_text(article)
    assert not any(isinstance(b, Heading) for b in article.body)
    figure = next(b for b in article.body if isinstance(b, Figure))
    assert figure.credit == "Bild: Hersteller"


def test_a_title_that_holds_the_site_name_is_not_cut_down_to_the_host() -> None:
    head = (
        '<meta property="og:title" content="Autumn leaves at the camp (2) @ Steven\'s home :: PIXNET ::">'
        '<meta property="og:site_name" content="Steven\'s home">'
    )
    assert read(page(head=head)).meta.title == "Autumn leaves at the camp (2) @ Steven's home :: PIXNET ::"


def test_a_css_escape_is_not_a_date() -> None:
    style = '<style>mjx-c.mjx-c2026::before { content: "\\2026"; }</style>'
    body = '<p>An ellipsis set by the style sheet: <mjx-c class="mjx-c2026"></mjx-c></p>'
    assert read(page(head=style, body=body)).meta.published is None


def test_a_title_escaped_twice_reads_as_text() -> None:
    head = (
        '<meta property="og:title" content="Record of the week: &amp;#8216;Lift Off&amp;#8217; &amp;#x00E4;">'
    )
    assert read(page(head=head)).meta.title == "Record of the week: \u2018Lift Off\u2019 \u00e4"


ARTICLE = """<!DOCTYPE html><html><head>{head}</head><body><header>{header}</header><article>{heading}
<p>The council approved the harbour plans on a narrow vote after a long debate about costs and the works.</p>
<p>Residents who opposed the project said they would keep watching how the money is spent in the years ahead.</p>
</article></body></html>"""


def titled(head: str, heading: str, header: str = "") -> str | None:
    html = ARTICLE.format(head=head, heading=heading, header=header)
    return read(html.encode()).meta.title


def test_the_title_is_the_headline_the_declared_title_repeats_among_all_h1s() -> None:
    head = "<title>Council approves the harbour plans – Harbour Gazette</title>"
    header = '<h1 class="site-title">Harbour Gazette</h1><h1 class="menu-toggle">Menu</h1>'
    assert (
        titled(head, "<h1>Council approves the harbour plans</h1>", header)
        == "Council approves the harbour plans"
    )


def test_a_kicker_inside_the_h1_is_not_part_of_the_title() -> None:
    head = '<meta property="og:title" content="Council approves the harbour plans - Residents divided">'
    heading = '<h1><span class="kicker">After a long debate</span> <span>Council approves the harbour plans</span></h1>'
    assert titled(head, heading) == "Council approves the harbour plans"


def test_a_title_ending_in_the_site_address_loses_it() -> None:
    head = (
        '<link rel="canonical" href="https://www.harbour-gazette.co/2024/plans">'
        "<title>Council approves the harbour plans | Harbour-Gazette.co</title>"
    )
    assert titled(head, "<h1>Plans approved</h1>") == "Council approves the harbour plans"
    other = head.replace("harbour-gazette.co/", "example.org/")
    assert (
        titled(other, "<h1>Plans approved</h1>") == "Council approves the harbour plans | Harbour-Gazette.co"
    )


def test_dublin_core_in_rdfa_is_read_like_dc_html() -> None:
    head = '<title>Home</title><meta property="dc:title" content="Council approves the harbour plans">'
    assert titled(head, "<h1>News</h1>") == "Council approves the harbour plans"


def test_an_h1_that_is_the_whole_title_keeps_it_whole() -> None:
    head = "<title>Welcome to the harbour festival programme</title>"
    heading = "<h1>Welcome to <span>the harbour festival programme</span></h1>"
    assert titled(head, heading) == "Welcome to the harbour festival programme"


def test_the_headline_element_of_an_h1_made_of_kicker_and_headline() -> None:
    head = "<title>After the vote – Council approves the harbour plans</title>"
    heading = (
        "<h1><span>After the vote</span> <span>–</span> <span>Council approves the harbour plans</span></h1>"
    )
    assert titled(head, heading) == "Council approves the harbour plans"


def test_jsonld_with_junk_after_its_object_keeps_the_object() -> None:
    from lxml import html as lxml_html

    from convert.readers.html.jsonld import jsonld_objects

    page = (
        '<html><head><script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "Bridge reopens", "datePublished": "2024-03-05"}}'
        "</script></head><body><p>x</p></body></html>"
    )
    objects = jsonld_objects(lxml_html.fromstring(page))
    assert [o.get("datePublished") for o in objects] == ["2024-03-05"]


def test_squash_folds_every_space_re_calls_one() -> None:
    from convert.readers.html.text import squash

    spaces = "".join(chr(c) for c in range(0x3001) if re.fullmatch(r"\s", chr(c)))
    assert squash(f"{spaces}Ines{spaces}Varga{spaces}") == "Ines Varga"
    assert squash("Ines\u200bVarga\u00ad ") == "InesVarga"  # U+200B is no space, but invisible: dropped
    assert squash(None) == squash("") == squash(spaces) == ""


def test_a_declared_title_is_written_as_the_page_heading_shows_it() -> None:
    head = '<meta property="og:title" content=\'Mayor calls the plan "finished" - a new vote in May\'>'
    heading = "<h1>Mayor calls the plan „finished“ – a new vote in May</h1>"
    assert titled(head, heading) == "Mayor calls the plan „finished“ – a new vote in May"
    # a heading set in capitals is another form of the words, not of the punctuation: the title stays
    assert titled(head, "<h1>MAYOR CALLS THE PLAN FINISHED A NEW VOTE IN MAY</h1>") == (
        'Mayor calls the plan "finished" - a new vote in May'
    )


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Carrie ArnoldNovember 5, 2019", ["Carrie Arnold"]),
        ("Jeff FoustMonday", ["Jeff Foust"]),
        ("Anna SchmidtDienstag, 3. März 2020", ["Anna Schmidt"]),
        ("Anne DeMay", ["Anne DeMay"]),  # a short month inside a name stays
        ("Ann DiMarchetti", ["Ann DiMarchetti"]),  # a month's letters that run on are a name's
        ("Plácido Domingo", ["Plácido Domingo"]),  # a weekday as its own word is a name here
        ("Joe DiMaggio", ["Joe DiMaggio"]),  # a particle or prefix before it: a name (review)
        ("Paul DiSabato", ["Paul DiSabato"]),
        ("Ann DelMarzo", ["Ann DelMarzo"]),
        ("Jim McAugust", ["Jim McAugust"]),
    ],
)
def test_a_date_glued_to_the_end_of_a_name_is_cut(byline: str, names: list[str]) -> None:
    from convert.readers.html.names import AuthorFilter

    assert AuthorFilter().names(byline) == names


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Photos by Jane Roe", []),  # a photographer is no author
        ("Fotos von Jane Roe", []),  # was one "name", "Fotos von Jane Roe"
        ("Photo: Max Muster/Reuters", []),  # was "Reuters"
        ("Fotografin: Anna Roe", []),
        ("By Jane Roe; photos by Max Muster", ["Jane Roe"]),  # was none
        ("Text: Jane Roe, Fotos: Max Muster", ["Jane Roe"]),
        ("Text and photos by Jane Roe", ["Jane Roe"]),  # was none: she wrote it too
        ("Text und Bilder von Jane Roe", ["Jane Roe"]),
        ("Image Smith", ["Image Smith"]),  # the word as a first name, no credit's "by" or colon
        ("Photos: Max Muster, Text: Jane Roe", ["Jane Roe"]),  # the writer's label after a credit
        ("Foto: Max Muster / Text: Jane Roe", ["Jane Roe"]),
        ("Photos and text by Jane Roe", ["Jane Roe"]),
        ("Reporting and photos by Jane Roe", ["Jane Roe"]),
        ("Tekst og foto: Ola Nordmann", ["Ola Nordmann"]),
        ("AP Photo/Max Muster", []),  # an agency's photo credit
        ("Bilderberg Smith", ["Bilderberg Smith"]),
    ],
)
def test_a_photographers_credit_names_no_author(byline: str, names: list[str]) -> None:
    from convert.readers.html.names import AuthorFilter

    assert AuthorFilter().names(byline) == names
