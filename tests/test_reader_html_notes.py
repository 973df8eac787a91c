"""Short pages, footnotes and author bios on web pages (tester h29, defects 1, 4 and 10)."""

from __future__ import annotations

import pytest

import convert
from convert.model import Article, Figure, Heading, Note, NoteRef, Paragraph, Text, plain_text, walk


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
    assert article.meta.dateline == "DOVER"  # the lead's dateline, which every exporter prints before it
    assert texts(article) == [
        "The ferry strike ended on Monday.",
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


def test_a_teaser_page_keeps_the_full_text_its_json_ld_carries() -> None:
    # the visible text is a teaser: trafilatura's rescue takes articleBody, which is no dump to undo
    full = "Crews voted to accept the offer after a long night of talks at the port. " * 8
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Ferry strike ends</title>"
        '<script type=\'application/ld+json\'>{"@context":"https://schema.org","@type":"NewsArticle",'
        f'"headline":"Ferry strike ends","articleBody":"{full}"}}</script></head><body><article>'
        "<h1>Ferry strike ends</h1><p>DOVER — The strike ended.</p><p>Subscribe to read more.</p></article></body></html>"
    )
    article = read(html.encode())
    assert "after a long night of talks" in plain_text(article.body)


# -- defect 10: footnotes become notes ------------------------------------------------------

PROSE = "<p>The transport ministry said the line carried many people on its first day of service.</p>" * 3


def refs(article: Article) -> list[str]:
    return [n.id for n in walk(article.body) if isinstance(n, NoteRef)]


def test_a_sup_link_and_a_footnote_list_with_back_links_become_a_note() -> None:
    body = (
        f"<h1>Ferry strike ends</h1>{PROSE}"
        "<p>Passengers doubled the forecast.<sup><a href='#fn1' id='r1'>1</a></sup> Officials were pleased.</p>"
        "<ol class='notes'><li id='fn1'>Figures from the <a href='https://example.org/port'>port</a>. "
        "<a href='#r1'>↩</a></li></ol>"
    )
    article = read(page(body))
    assert refs(article) == ["n1"]
    assert article.notes[0].kind == "footnote"
    assert plain_text(article.notes[0].body) == "Figures from the port."
    assert "↩" not in plain_text(article.body) + plain_text(article.notes[0].body)
    assert "forecast.1" not in plain_text(article.body)
    assert all(isinstance(b, Paragraph) for b in article.body)


def test_pandoc_footnotes_become_notes() -> None:
    body = (
        f"<h1>Ferry strike ends</h1>{PROSE}"
        "<p>Passengers doubled the forecast.<a href='#fn1' class='footnote-ref' id='fnref1' role='doc-noteref'>"
        "<sup>1</sup></a></p><p>Officials were pleased with the first week.</p>"
        "<section id='footnotes' class='footnotes footnotes-end-of-document' role='doc-endnotes'><hr/><ol>"
        "<li id='fn1'><p>Figures from the port authority.<a href='#fnref1' class='footnote-back' "
        "role='doc-backlink'>↩︎</a></p></li></ol></section>"
    )
    article = read(page(body))
    assert refs(article) == ["n1"]
    assert article.notes == (
        Note("n1", "footnote", (Paragraph((Text("Figures from the port authority."),)),)),
    )
    assert "port authority" not in plain_text(article.body)


def test_a_link_to_a_section_is_not_a_footnote() -> None:
    body = (
        f"<h1>Ferry strike ends</h1><p>See <a href='#background'>1</a> below.</p>{PROSE}"
        "<h2 id='background'>Background</h2><p>The strike began in January over pay and hours at sea.</p>"
    )
    article = read(page(body))
    assert article.notes == ()
    assert "Background" in plain_text(article.body)


# -- defect 4: the author's bio box --------------------------------------------------------


def test_a_bio_footer_in_the_article_is_the_authors_bio() -> None:
    body = (
        f"<h1>Ferry strike ends</h1><p class='byline'>By Tom Reed</p>{PROSE}"
        "<footer class='bio'><p><em>Tom Reed is the paper's transport correspondent.</em></p></footer>"
    )
    article = read(page(body))
    assert article.meta.authors[0].bio == "Tom Reed is the paper's transport correspondent."
    assert "correspondent" not in plain_text(article.body)


def test_an_author_bio_div_names_its_author_in_cjk() -> None:
    body = (
        "<h1>東京で桜の開花</h1><p class='byline'>文・山田太郎</p>"
        + "<p>気象庁は３日、東京都心で桜が開花したと発表した。平年より一週間早い。</p>" * 3
        + "<div class='author-bio'><p>山田太郎\u3000社会部記者。</p></div>"
    )
    article = read(page(body, lang="ja", title="東京で桜の開花", author="山田太郎"))
    assert article.meta.authors[0].bio == "山田太郎 社会部記者。"  # spaces as the project normalises them


def test_a_bio_box_that_names_no_author_is_not_taken() -> None:
    body = f"<h1>Ferry strike ends</h1><p class='byline'>By Tom Reed</p>{PROSE}<div class='site-bio'><p>The Courier has covered Kent since 1850.</p></div>"
    article = read(page(body))
    assert [a.name for a in article.meta.authors] == ["Tom Reed"]
    assert article.meta.authors[0].bio is None


def test_a_bio_box_holding_only_a_byline_is_not_a_bio() -> None:
    body = f"<h1>Ferry strike ends</h1>{PROSE}<div class='author-bio'><p>by Tom Reed</p></div>"
    article = read(page(body))
    assert [(a.name, a.bio) for a in article.meta.authors] == [("Tom Reed", None)]


def test_wikipedia_references_lose_their_back_links() -> None:
    body = (
        f"<h1>Ferry strike ends</h1>{PROSE}"
        "<p>The port opened in 1850.<sup id='cite_ref-a_1-0' class='reference'><a href='#cite_note-a-1'>[1]</a></sup>"
        " It grew fast.<sup id='cite_ref-a_1-1' class='reference'><a href='#cite_note-a-1'>[1]</a></sup></p>"
        "<ol class='references'><li id='cite_note-a-1'><span class='mw-cite-backlink'>^ "
        "<a href='#cite_ref-a_1-0'><sup><i><b>a</b></i></sup></a> <a href='#cite_ref-a_1-1'><sup><i><b>b</b></i></sup></a>"
        "</span> <span class='reference-text'>Smith, J. (1990). <i>A History of Dover</i>.</span></li></ol>"
    )
    article = read(page(body))
    assert refs(article) == ["n1", "n1"]
    assert plain_text(article.notes[0].body) == "Smith, J. (1990). A History of Dover."
    assert "[1]" not in plain_text(article.body)


def test_bracketed_marks_and_back_links_leave_no_brackets() -> None:
    body = (
        f"<h1>Ferry strike ends</h1>{PROSE}"
        "<p>Passengers doubled the forecast&nbsp;[<a href='#nb1' class='spip_note' id='nh1'>1</a>].</p>"
        "<div class='notes'><p>[<a href='#nh1' id='nb1'>1</a>] (Figures) from the port authority.</p></div>"
    )
    article = read(page(body))
    assert refs(article) == ["n1"]
    assert plain_text(article.notes[0].body) == "(Figures) from the port authority."
    assert "[" not in plain_text(article.body) and "]" not in plain_text(article.body)


def test_the_heading_over_the_notes_leaves_with_them() -> None:
    body = (
        f"<h1>Ferry strike ends</h1>{PROSE}<h2>Reactions</h2>{PROSE}"
        "<p>Passengers doubled the forecast.<sup><a href='#fn1' id='r1'>1</a></sup></p>"
        "<h2>Notes</h2><div class='notes'><ol><li id='fn1'>From the port. <a href='#r1'>↩</a></li></ol></div>"
        f"<h2>Background</h2>{PROSE}"
    )
    article = read(page(body))
    assert [plain_text(b) for b in article.body if isinstance(b, Heading)] == ["Reactions", "Background"]
    assert plain_text(article.notes[0].body) == "From the port."


def headline_note_page(note: str) -> bytes:
    """A page whose headline carries a note mark (``*``) and whose footnote list holds ``note``."""
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'></head><body><article>"
        f"<h1>Ferry strike ends<sup><a href='#fn1' id='r1'>*</a></sup></h1>{PROSE}"
        f"<ol class='footnotes'><li id='fn1'>{note} <a href='#r1'>↩</a></li></ol></article></body></html>"
    ).encode()


def test_the_metadata_is_read_from_the_page_as_it_is() -> None:
    # the placeholders live in trafilatura's copy of the page only: a marked headline titles the page
    article = read(headline_note_page("A note on the title."))
    assert article.meta.title is not None and article.meta.title.startswith("Ferry strike ends")
    assert "broadsheet" not in article.meta.title


# -- review r31: bios that are not bios, notes that are not notes -------------------------------

LONG = (
    "<p>The city council voted on Tuesday to expand the tram network into the northern districts.</p>"
    "<p>Supporters say the line will cut commuting times in half for tens of thousands of residents.</p>"
    "<p>Construction is due to begin next spring, with the first section opening in 2028.</p>"
)


def test_a_post_whose_class_says_bio_keeps_its_body() -> None:
    body = f"<div class='post category-bio'><h1>Ferry strike ends</h1><p class='byline'>By Tom Reed</p>{LONG}<p>Tom Reed, who covers transport, rode the first ferry.</p></div>"
    article = read(page(body))
    assert "Construction is due to begin next spring" in plain_text(article.body)
    assert "rode the first ferry" in plain_text(article.body)
    assert article.meta.authors[0].bio is None


def test_a_bio_box_whose_paragraph_is_the_body_is_not_a_bio() -> None:
    body = f"<h1>Ferry strike ends</h1><div class='entry bio-section'>{LONG}<p>Tom Reed rode the first ferry on Monday.</p></div>"
    article = read(page(body))
    assert "rode the first ferry" in plain_text(article.body)
    assert article.meta.authors[0].bio is None


def test_a_byline_in_a_bio_box_with_a_date_is_not_a_bio() -> None:
    body = (
        "<h1>Ferry strike ends</h1><div class='bio'><p>By Tom Reed</p><span>March 3, 2025 1:04 PM</span> "
        f"<a href='/reprint'>Order reprint →</a></div>{LONG}"
    )
    article = read(page(body))
    assert article.meta.authors[0].bio is None


def test_a_bio_box_in_a_sidebar_widget_is_not_the_authors() -> None:
    html = (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Tram plan</title>"
        "<meta name='author' content='Tom Reed'></head><body><div class='layout'><div class='main'><article>"
        f"<h1>Tram plan approved</h1><p class='byline'>By Tom Reed</p>{LONG}</article></div>"
        "<div class='sidebar'><div class='widget bio'><h3>About this blog</h3><p>Tom Reed's Tram Blog was "
        "founded in 2009 by a group of commuters.</p></div></div></div></body></html>"
    )
    article = read(html.encode())
    assert article.meta.authors[0].bio is None


def test_a_short_link_inside_a_note_is_kept() -> None:
    body = (
        f"<h1>Ferry strike ends</h1>{PROSE}"
        "<p>The route was changed twice.<sup><a href='#fn1' id='r1'>1</a></sup> Work starts soon."
        "<sup><a href='#fn2' id='r2'>2</a></sup></p><h2 id='map'>Map</h2>"
        "<p>The line runs from the station to the university campus in the north of the city.</p>"
        "<ol class='footnotes'><li id='fn1'>See the <a href='#map'>map</a> and note <a href='#fn2'>2</a> "
        "for the later change. <a href='#r1'>↩</a></li>"
        "<li id='fn2'>The second change moved the depot. <a href='#r2'>↩</a></li></ol>"
    )
    article = read(page(body))
    assert plain_text(article.notes[0].body) == "See the map and note 2 for the later change."


def test_a_second_marks_back_link_leaves_the_note_too() -> None:
    body = (
        f"<h1>Ferry strike ends</h1>{PROSE}"
        "<p>The route changed.<sup><a href='#fn1' id='r1'>1</a></sup> Twice.<sup><a href='#fn1' id='r1b'>1</a></sup></p>"
        "<ol class='footnotes'><li id='fn1'>From the port. <a href='#r1'>↩</a> <a href='#r1b'>↩²</a></li></ol>"
    )
    article = read(page(body))
    assert plain_text(article.notes[0].body) == "From the port."


def test_a_note_marked_in_the_headline_keeps_its_text() -> None:
    article = read(headline_note_page("This report was corrected on March 4."))
    everything = plain_text(article.body) + plain_text(tuple(b for n in article.notes for b in n.body))
    assert "corrected on March 4" in everything


def test_a_note_marked_in_a_figure_caption_keeps_its_text() -> None:
    body = (
        f"<h1>Ferry strike ends</h1>{LONG}<figure><img src='https://example.com/t.jpg' alt='tram'>"
        "<figcaption>The planned route<sup><a href='#fn1' id='r1'>1</a></sup></figcaption></figure>"
        "<p>The vote was 31 to 20 after a four-hour debate in the chamber.</p>"
        "<ol class='footnotes'><li id='fn1'>Map supplied by the council. <a href='#r1'>↩</a></li></ol>"
    )
    article = read(page(body))
    everything = plain_text(article.body) + plain_text(tuple(b for n in article.notes for b in n.body))
    assert "Map supplied by the council" in everything


def test_a_table_of_contents_is_no_footnote() -> None:
    body = (
        "<h1>Guide to trams</h1><ul class='toc'><li><a href='#s1' id='t1'>1</a> History</li>"
        "<li><a href='#s2' id='t2'>2</a> Today</li></ul>"
        f"<h2 id='s1'><a href='#t1'>1</a> History</h2>{LONG}<h2 id='s2'><a href='#t2'>2</a> Today</h2>{PROSE}"
    )
    article = read(page(body))
    assert article.notes == ()
    assert [plain_text(b) for b in article.body if isinstance(b, Heading)][-2:] == ["1 History", "2 Today"]


def test_many_footnotes_are_dropped_in_linear_work(monkeypatch: pytest.MonkeyPatch) -> None:
    # Not a timing (speed is measured in bench/, never in unit tests): the text the module squashes
    # grows with the notes, where the quadratic version squashed the whole list once per note.
    from lxml.html import fromstring

    from convert.readers.html import notes as N

    squashed = 0
    real = N.squash

    def counting(text: str | None) -> str:
        nonlocal squashed
        squashed += len(text or "")
        return real(text)

    monkeypatch.setattr(N, "squash", counting)

    def work(n: int) -> int:
        nonlocal squashed
        marks = "".join(
            f"<p>Line {i}.<sup><a href='#fn{i}' id='r{i}'>{i % 999}</a></sup></p>" for i in range(n)
        )
        notes = "".join(f"<li id='fn{i}'>Note {i}. <a href='#r{i}'>↩</a></li>" for i in range(n))
        tree = fromstring(
            f"<html><body><article>{marks}<ol class='footnotes'>{notes}</ol></article></body></html>"
        )
        squashed = 0
        N.mark_notes(tree)
        return squashed

    small, big = work(400), work(3200)
    assert big < small * 8 * 2  # eight times the notes: linear (quadratic is ~64 times)


def test_marks_in_a_gallerys_captions_keep_its_figures() -> None:
    items = "".join(
        f"<div class='gallery-item'><div class='thumb'><img src='https://example.com/p{i}.jpg' alt='Person {i}'></div>"
        f"<div class='lightbox-caption'><a href='/wiki/P{i}'>Person {i}</a><sup id='cite_ref-{i}' class='reference'>"
        f"<a href='#cite_note-{i}'>[{i}]</a></sup></div></div>"
        for i in range(1, 5)
    )
    notes = "".join(
        f"<li id='cite_note-{i}'><span class='mw-cite-backlink'><a href='#cite_ref-{i}'>↑</a></span> "
        f"<span class='reference-text'>Book {i}, chapter {i}.</span></li>"
        for i in range(1, 5)
    )
    body = (
        f"<h1>Ferry strike ends</h1>{LONG}<h2>Known crew</h2><div class='gallery'>{items}</div>"
        f"<h2>History</h2>{PROSE}<h2>Notes and references</h2><div class='refs'><ol class='references'>{notes}</ol></div>"
        "<p><br></p><table class='navbox'><tr><td><a href='/a'>Ferries</a> <a href='/b'>Ports</a></td></tr></table>"
    )
    article = read(page(body))
    assert sum(isinstance(b, Figure) for b in article.body) == 4


def test_a_notes_heading_left_over_its_empty_section_leaves_the_body() -> None:
    body = (
        f"<h1>Ferry strike ends</h1>{LONG}<p>The port opened in 1850.<sup id='cite_ref-1' class='reference'>"
        f"<a href='#cite_note-1'>[1]</a></sup></p><h2>History</h2>{PROSE}<h2>Notes and references</h2>"
        "<div class='refs'><ol class='references'><li id='cite_note-1'><span class='mw-cite-backlink'>"
        "<a href='#cite_ref-1'>↑</a></span> <span class='reference-text'>A History of Dover.</span></li></ol></div>"
        "<p><br></p><h2>Languages:</h2><p>Deutsch Français Español Italiano Nederlands Polski Português.</p>"
    )
    article = read(page(body))
    assert plain_text(article.notes[0].body) == "A History of Dover."
    assert "Notes and references" not in [plain_text(b) for b in article.body if isinstance(b, Heading)]


@pytest.fixture
def extraction_runs(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Each trafilatura run the reader makes, by the config it passes (None: the default one)."""
    import trafilatura

    runs: list[object] = []
    real = trafilatura.bare_extraction

    def counted(*args: object, **kwargs: object) -> object:
        runs.append(kwargs.get("config"))
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(trafilatura, "bare_extraction", counted)
    return runs


def test_an_article_of_one_long_paragraph_is_extracted_once(extraction_runs: list[object]) -> None:
    runs = extraction_runs
    text = " ".join(
        f"Sentence {i} of one long paragraph about trams and the council budget." for i in range(60)
    )
    article = read(
        f"<html><head><title>Budget vote</title></head><body><article><p>{text}</p></article></body></html>".encode()
    )
    assert plain_text(article.body) == text
    assert runs == [None]


def test_a_short_teaser_keeps_every_sentence_its_json_ld_carries() -> None:
    full = (
        "DOVER — The ferry strike ended on Monday. Crews voted to accept a new pay offer. "
        "We are glad it is over, said captain Ann Lee. Sailings resume on Tuesday morning. "
        "The union said the deal raises pay by six per cent over two years and ends the dispute over rest hours."
    )
    html = (
        "<html><head><title>Ferry strike ends</title>"
        '<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
        f'"headline":"Ferry strike ends","articleBody":"{full}"}}</script></head><body><article>'
        "<h1>Ferry strike ends</h1><p>By Tom Reed</p><p>DOVER — The ferry strike ended on Monday.</p>"
        "<p>Crews voted to accept a new pay offer.</p><p>We are glad it is over, said captain Ann Lee.</p>"
        "<p class='paywall'>Subscribe to read more.</p></article></body></html>"
    )
    assert "ends the dispute over rest hours" in plain_text(read(html.encode()).body)


def test_a_bio_box_of_links_is_not_a_bio() -> None:
    body = (
        f"<h1>Ferry strike ends</h1><p class='byline'>By Tom Reed</p>{LONG}<div class='author-bio'>"
        "<a href='/tom'>Tom Reed</a> <a href='/tom/all'>More by Tom Reed</a> <a href='https://x.example/tom'>Twitter</a>"
        " <a href='/tom/rss'>Read more</a></div>"
    )
    assert read(page(body)).meta.authors[0].bio is None


# -- reviewer r31b: bios kept for their links, outside sidebars; gallery classes; dumps ------


def bio_page(outside: str, *, article_class: str = "", inside: str = "", author: str = "Ana Ruiz") -> bytes:
    return (
        f"<html><head><title>Tram plan approved</title><meta name='author' content='{author}'></head><body>"
        f"<main><article class='{article_class}'><h1>Tram plan approved</h1>{LONG}{inside}</article>{outside}</main>"
        "</body></html>"
    ).encode()


BIO = "<p>Ana Ruiz is the Courier's transport correspondent. She has covered buses and trams since 2015.</p>"


def test_a_bio_with_a_linked_book_title_and_handle_is_kept() -> None:
    box = (
        "<footer><div class='author-bio'><p>Ganesh Sitaraman is a professor at Vanderbilt Law School and the author "
        "of <a href='/book'>The Great Democracy: How to Fix Our Politics, Unrig the Economy, and Unite America</a>. "
        "<a href='https://twitter.com/gs'>@GaneshSitaraman</a></p></div></footer>"
    )
    bio = read(bio_page("", inside=box, author="Ganesh Sitaraman")).meta.authors[0].bio
    assert bio is not None and bio.startswith("Ganesh Sitaraman is a professor")


def test_a_closing_view_all_posts_link_is_cut_from_the_bio() -> None:
    box = (
        "<div class='author-info'><h2>Ana Ruiz</h2><p class='author-bio'>Ana covers trams for us. "
        "<a href='/author/ana' rel='author'>View all posts by Ana Ruiz</a></p></div>"
    )
    assert read(bio_page("", inside=box)).meta.authors[0].bio == "Ana covers trams for us."


@pytest.mark.parametrize(
    ("outside", "article_class"),
    [
        (f"<div class='entry-footer'><div class='author-bio'>{BIO}</div></div>", ""),
        (f"<footer class='author-bio'>{BIO}</footer>", ""),
        (f"<aside class='author-bio'>{BIO}</aside>", ""),
        (f"<div class='post-author-social'><div class='author-bio'>{BIO}</div></div>", ""),
        ("", "post hentry format-standard category-transport tag-social-media"),
        ("", "post hentry category-comment"),
    ],
)
def test_a_bio_outside_a_sidebar_is_the_authors(outside: str, article_class: str) -> None:
    inside = "" if outside else f"<div class='author-bio'>{BIO}</div>"
    bio = read(bio_page(outside, article_class=article_class, inside=inside)).meta.authors[0].bio
    assert bio is not None and bio.startswith("Ana Ruiz is the Courier's")


@pytest.mark.parametrize(
    "outside",
    [
        # Review r31c: a related story's card is an <article> inside a site part; the look goes on above it.
        f"<aside class='related'><article class='card'><div class='author-bio'>{BIO}</div></article></aside>",
        f"<div id='secondary' class='widget-area'><article class='teaser'><div class='author-bio'>{BIO}</div></article></div>",
        f"<nav class='more'><article class='teaser'><div class='bio'>{BIO}</div></article></nav>",
    ],
)
def test_a_bio_in_a_card_beside_the_article_is_not_the_authors(outside: str) -> None:
    assert read(bio_page(outside)).meta.authors[0].bio is None


@pytest.mark.parametrize(
    ("closing", "expected_end"),
    [
        # Review r31c: a closing "more by NAME" line goes whole; a link a sentence ends with stays.
        ("<p>More stories by <a href='/author/ana'>Ana Ruiz</a></p>", "since 2015."),
        (" View all posts by <a href='/author/ana'>Ana Ruiz</a>", "since 2015."),
        ("<p>Her latest book is <a href='/books/rails'>Ana Ruiz on Rails</a></p>", "Ana Ruiz on Rails"),
    ],
)
def test_a_closing_link_line_goes_whole_and_a_sentences_link_stays(closing: str, expected_end: str) -> None:
    box = f"<div class='author-bio'>{BIO[:-4]}{closing if closing.startswith(' ') else '</p>' + closing}" + (
        "</p></div>" if closing.startswith(" ") else "</div>"
    )
    bio = read(bio_page("", inside=box)).meta.authors[0].bio
    assert bio is not None and bio.endswith(expected_end), bio


def test_a_bio_longer_than_a_short_article_is_kept() -> None:
    html = (
        "<html><head><title>Tram plan approved</title><meta name='author' content='Ana Ruiz'></head><body><article>"
        "<h1>Tram plan approved</h1><p>The council approved the tram plan on Tuesday.</p><p>Work starts next spring.</p>"
        "<div class='author-bio'><p>Ana Ruiz is the Courier's transport correspondent and has covered buses, trams "
        "and the city's railways since 2015, after ten years in Madrid.</p></div></article></body></html>"
    )
    bio = read(html.encode()).meta.authors[0].bio
    assert bio is not None and bio.startswith("Ana Ruiz is the Courier's")


FN = (
    "<p>The vote was close.<sup><a href='#fn1' id='r1'>1</a></sup></p>"
    "<ol class='footnotes'><li id='fn1'>Council minutes, p. 12. <a href='#r1'>↩</a></li></ol>"
)


@pytest.mark.parametrize(
    "html",
    [
        f"<body class='single single-format-gallery'><article class='post format-gallery'><h1>Tram plan</h1>{LONG}{FN}</article></body>",
        f"<body><article class='post'><div class='post-wrap captions-on'><h1>Tram plan</h1>{LONG}{FN}</div></article></body>",
    ],
)
def test_a_gallery_format_or_caption_setting_keeps_the_footnotes(html: str) -> None:
    article = read(f"<html><head><title>Tram plan</title></head>{html}</html>".encode())
    assert [plain_text(n.body) for n in article.notes] == ["Council minutes, p. 12."]


def test_a_dump_opening_with_a_byline_is_extracted_again() -> None:
    html = (
        # lang: review r49 refuses a town named with a frequent word of any language on a page with no
        # language (DOVER: Italian "dover")
        "<html lang='en'><head><title>Ferry strike ends | The Daily Courier</title></head><body>"
        "<div class='headline'><h1>Ferry strike ends after three weeks</h1></div>"
        "<article><p class='byline'>By Tom Reed · March 3, 2025</p><p>DOVER — The ferry strike ended on Monday.</p>"
        "<p>Crews voted to accept a new pay offer.</p><p>Sailings resume on Tuesday.</p></article>"
        "<div class='related'><ul><li><a href='/a'>Rail fares rise again as operators blame costs of energy and staff</a>"
        "</li><li><a href='/b'>Council approves the new tram line to the northern districts after debate</a></li>"
        "</ul></div></body></html>"
    )
    article = read(html.encode())
    assert (article.meta.dateline, texts(article)[0]) == ("DOVER", "The ferry strike ended on Monday.")


def test_a_headline_inside_a_longer_word_makes_no_dump(extraction_runs: list[object]) -> None:
    runs = extraction_runs
    text = " ".join(
        f"Sentence {i} of one long paragraph about the council's budgets for trams." for i in range(60)
    )
    read(
        f"<html><head><title>Budget</title></head><body><article><p>{text}</p></article></body></html>".encode()
    )
    assert runs == [None]


def test_a_row_of_links_under_the_bio_is_left_out() -> None:
    box = (
        f"<div class='about-author'><h5><a href='/author/ana'>Ana Ruiz</a></h5>{BIO}<p class='author-links'>"
        "<a href='/author/ana'>More articles by Ana Ruiz</a> <a href='/authors'>All authors</a></p></div>"
    )
    bio = read(bio_page(box)).meta.authors[0].bio
    assert bio is not None and bio.endswith("since 2015.")


def test_a_bio_box_whose_paragraph_is_a_linked_byline_is_not_a_bio() -> None:
    box = (
        "<div class='bio'><p class='byline'><a href='mailto:ana@example.com'>por Ana Ruiz</a></p>"
        "<time datetime='2022-04-26T13:04:03-04:00'>26 de abril de 2022 1:04 PM</time> <a href='/reprint'>ORDER REPRINT →</a></div>"
    )
    assert read(bio_page("", inside=box)).meta.authors[0].bio is None
