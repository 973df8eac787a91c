"""Author rules of the HTML reader's metadata pass, each on a small page written for the rule."""

from __future__ import annotations

import json

import pytest

from convert.readers.html import parse_html, weigh_authors
from convert.readers.html.byline import bylined, page_spelling
from convert.readers.html.names import AuthorFilter
from convert.readers.html.text import reader_text
from convert.readers.html.weigh import Extracted, build_metadata

ARTICLE = "<p>" + "The council met on Tuesday and agreed the budget for the coming year. " * 4 + "</p>"


def page(body: str, *, head: str = "", body_class: str = "") -> str:
    return (
        f"<html><head><title>Budget agreed</title>{head}</head>"
        f'<body class="{body_class}"><article><h1>Budget agreed</h1>{body}{ARTICLE}</article></body></html>'
    )


def authors(html: str, guess: str | None = None, publisher: str | None = None) -> list[str]:
    head = f'<meta property="og:site_name" content="{publisher}">' if publisher else ""
    tree = parse_html(html.replace("<head>", "<head>" + head, 1))
    where: dict[str, str] = {}
    meta = build_metadata(tree, Extracted(author=guess), where)
    return [a.name for a in meta.authors]


# --- byline elements -------------------------------------------------------


def test_page_level_classes_do_not_hide_the_byline() -> None:
    html = page('<span class="byline">By Jane Roe</span>', body_class="single has-sidebar format-image")
    assert authors(html) == ["Jane Roe"]


def test_state_classes_of_a_wrapper_do_not_make_it_a_bio_box() -> None:
    html = page('<div class="sig-line hasnt-bio"><span class="pb-byline">By Jane Roe</span></div>')
    assert authors(html) == ["Jane Roe"]


def test_a_real_bio_box_still_hides_its_name() -> None:
    html = page('<div class="bio-box"><span class="author">Jane Roe</span></div>')
    assert authors(html) == []


def test_a_byline_in_a_heading_is_read() -> None:
    html = page('<h4 class="vcard author"><span class="fn">Krimiblogger</span></h4>')
    assert authors(html) == ["Krimiblogger"]


def test_an_off_topic_word_counts_only_where_a_class_part_starts() -> None:
    html = page('<div class="frame-no-backgroundimage"><span class="author">Jane Roe</span></div>')
    assert authors(html) == ["Jane Roe"]
    html = page('<div class="sidebar-left"><span class="author">Jane Roe</span></div>')
    assert authors(html) == []


def test_the_articles_own_footer_holds_its_byline() -> None:
    html = page('<footer class="entry-meta"><span class="author vcard">Jane Roe</span></footer>')
    assert authors(html) == ["Jane Roe"]


def test_the_pages_footer_is_no_byline() -> None:
    html = page("").replace(
        "</body>",
        '<footer id="colophon"><a rel="author" href="https://theme.example">Theme Works</a></footer></body>',
    )
    assert authors(html) == []


def test_a_by_line_without_markup_is_a_byline() -> None:
    assert authors(page("<p>By Giovanni Gaggero | 12/10/2020</p>")) == ["Giovanni Gaggero"]
    assert authors(page("<p>Da Vinci Code returns to the screen</p>")) == []  # "da" is a particle, not "by"
    assert authors(page("<p>By continuing you agree to the terms</p>")) == []


@pytest.mark.parametrize("name", ["DeShawn Jackson", "DeMarcus Ware", "DaVonte Lambert"])
def test_a_name_that_opens_like_a_particle_keeps_it(name: str) -> None:
    # "de", "da", "di" introduce a byline as words of their own ("di Mario Rossi"), never glued to
    # the name: "DeShawn Jackson" was "Shawn Jackson".
    assert authors(page(f"<p>By {name}</p>")) == [name]
    assert authors(page(f'<div class="byline">{name}</div>')) == [name]


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Geschrieben von Muster, Max", ["Max Muster"]),
        ("Von Muster, Max", ["Max Muster"]),
        ("Kooman, F.", ["F. Kooman"]),
        ("Jong, Michiel de", ["Michiel de Jong"]),
        # lists, not one name in catalogue order
        ("Jane Roe, John Doe", ["Jane Roe", "John Doe"]),
        ("Heiko, Berlin", ["Heiko"]),  # a signer and his city
        ("Roe, Jane and Doe, John", ["Jane", "John"]),
        ("Bacon, Jr.", ["Bacon"]),  # a suffix (nameparser's), not a given name
        ("Beachbody, Beachbody", ["Beachbody"]),  # one name twice
        ("Roe, PhD", []),
    ],
)
def test_a_byline_in_catalogue_order_is_one_name(byline: str, names: list[str]) -> None:
    assert AuthorFilter().names(byline) == names


def test_one_word_authors_in_separate_elements_are_not_one_name_in_catalogue_order() -> None:
    html = page('<span itemprop="author">Muster</span> <span itemprop="author">Max</span>')
    assert "Max Muster" not in authors(html)


def test_a_byline_page_in_catalogue_order_names_one_writer() -> None:
    html = page('<div class="byline">Geschrieben von Muster, Max</div><p>Max Muster ist Redakteur.</p>')
    assert authors(html) == ["Max Muster"]


@pytest.mark.parametrize(
    ("byline", "text", "names"),
    [
        ("Von Heiko, Redakteur", "", ["Heiko"]),  # a role, not a given name
        ("By Jane, Contributor", "", ["Jane"]),
        ("Von Heiko, Kakuma", "<p>Die Lage in Kakuma ist schwierig.</p>", ["Heiko"]),  # a place
        ("By Roe, Doe", "", []),  # two surnames: the page never writes "Doe Roe"
    ],
)
def test_a_catalogue_order_needs_a_given_name(byline: str, text: str, names: list[str]) -> None:
    assert authors(page(f'<div class="byline">{byline}</div>{text}')) == names


@pytest.mark.parametrize(
    ("byline", "text"),
    [
        ("By Jane Roe, Cape Town", "<p>The council met in Cape Town on Tuesday.</p>"),
        ("By Jane Roe, San Francisco", "<p>SAN FRANCISCO — The council met on Tuesday.</p>"),
        ("By Jane Roe, Tel Aviv", "<p>TEL AVIV, Israel (Reuters) - The council met on Tuesday.</p>"),
        ("Von Jane Roe, Bad Homburg", "<p>Der Rat tagte am Dienstag in Bad Homburg.</p>"),
    ],
)
def test_a_town_the_page_writes_as_a_place_is_the_writers_place(byline: str, text: str) -> None:
    # The gazetteer knows none of these towns; the page writes each as a place.
    assert authors(page(f'<div class="byline">{byline}</div>{text}')) == ["Jane Roe"]


@pytest.mark.parametrize(
    "head",
    [
        '<meta name="geo.placename" content="Cape Town">',
        '<script type="application/ld+json">{"@type": "NewsArticle", "dateline": "CAPE TOWN, South Africa"}</script>',
        '<script type="application/ld+json">{"@type": "NewsArticle", "contentLocation": '
        '{"@type": "Place", "name": "Cape Town"}}</script>',
    ],
)
def test_a_town_the_markup_gives_as_the_articles_place_is_the_writers_place(head: str) -> None:
    assert authors(page('<div class="byline">By Jane Roe, Cape Town</div>', head=head)) == ["Jane Roe"]


@pytest.mark.parametrize(
    "text",
    [
        "",  # no evidence: a co-author (the page would have to say otherwise)
        "<p>In John Doe's words, the council met on Tuesday.</p>",  # a possessive is no place
        "<p>A letter from John Doe reached the council, which thanks John Doe.</p>",
        "<p>BY JANE ROE, JOHN DOE - The council met on Tuesday.</p>",  # the byline in capitals
        "<p>By JOHN DOE - The council met on Tuesday.</p>",
        # a name in capitals before a dash that opens no dateline: a credit, a byline, a caption
        "<figure><figcaption>Protesters gather. Photo: JOHN DOE - Staff</figcaption></figure>",
        "<figure><figcaption>JOHN DOE – Staff photographer</figcaption></figure>",
        "<p><b>JOHN DOE</b> — Photo editor. Reach him at the desk.</p>",
        "<p>JANE ROE | JOHN DOE - March 5, 2024</p>",
        "<p>JOHN DOE - the photographer - took the picture.</p>",
        # "in NAME" that goes on: a list, a street, a book
        "<p>The findings were first reported in John Doe and colleagues in a 2019 paper.</p>",
        "<p>He lives in John Doe Street.</p>",
        "<p>Die Zitate stammen aus John Doe, einem Buch von 2010.</p>",
        "<!-- filed in John Doe --><script>var where = 'in John Doe';</script>",  # no reader sees these
    ],
)
def test_a_co_author_the_page_does_not_write_as_a_place_stays(text: str) -> None:
    assert authors(page(f'<div class="byline">By Jane Roe, John Doe</div>{text}')) == ["Jane Roe", "John Doe"]


def test_a_languages_word_for_and_is_no_preposition_of_place() -> None:
    # Slovenian "in" is "and": the byline itself writes "in Marko Kovač"
    html = _in_language(
        "sl", '<div class="byline">Jana Novak in Marko Kovač</div><p>Svet je zasedal v torek.</p>'
    )
    assert authors(html) == ["Jana Novak", "Marko Kovač"]


def test_the_place_test_reads_the_page_once_a_name(monkeypatch: pytest.MonkeyPatch) -> None:
    # a megabyte page with many authors: each name is looked for once, however often the byline is read
    from convert.readers.html import names

    calls: list[str] = []
    real = names.written_as_place

    def counted(text: str, name: str, **kwargs: object) -> bool:
        calls.append(name)
        return real(text, name, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(names, "written_as_place", counted)
    tree = parse_html(page('<div class="byline">By Jane Roe, John Doe, Max Muster</div>'))
    checker = AuthorFilter(page=tree)
    for _ in range(3):
        assert checker.names("By Jane Roe, John Doe, Max Muster") == ["Jane Roe", "John Doe", "Max Muster"]
    assert sorted(calls) == ["John Doe", "Max Muster"]


@pytest.mark.parametrize(
    "line",
    [
        "<p>By Jane Roe and John Doe<br>Kakuma, Kenya</p>",
        "<p>By <b>Jane Roe</b> and <b>John Doe</b><br/><span></span><br/> Kakuma /Kenya</p>",
        "<p>By Jane Roe and John Doe<br>Senior Correspondents</p>",
    ],
)
def test_a_by_line_ends_at_its_line_break(line: str) -> None:
    assert authors(page(line)) == ["Jane Roe", "John Doe"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("<p>By Jane Roe,<br>John Doe and Max Muster</p>", ["Jane Roe", "John Doe", "Max Muster"]),
        (
            "<p>By Jane Roe, John Doe,<br>Max Muster and Ann Lee</p>",
            ["Jane Roe", "John Doe", "Max Muster", "Ann Lee"],
        ),
        ("<p>By Jane Roe<br>and John Doe</p>", ["Jane Roe", "John Doe"]),
        ("<p>By Jane Roe and<br>John Doe<br>Kakuma, Kenya</p>", ["Jane Roe", "John Doe"]),
    ],
)
def test_a_by_line_whose_list_wraps_goes_on(line: str, names: list[str]) -> None:
    assert authors(page(line)) == names


def test_a_by_line_whose_first_line_is_only_the_word_is_read_whole() -> None:
    assert authors(page("<p>By <br>Jane Roe</p>")) == ["Jane Roe"]


@pytest.mark.parametrize(
    ("element", "names"),
    [
        ('<div class="byline">Jane Roe<br>John Doe</div>', ["Jane Roe", "John Doe"]),
        ('<div class="byline">By Jane Roe<br>\n  Staff Writer</div>', ["Jane Roe"]),
        ('<div class="author">Jane Roe<br/>March 5, 2024</div>', ["Jane Roe"]),
        ('<div class="byline">By Jane Roe<br>London</div>', ["Jane Roe"]),
        # a later line of running text is a link's or a bio's, and does not condemn the name above it
        (
            '<div class="author">Jane Roe<br><a href="/autor/roe">Mehr von diesem Autor</a></div>',
            ["Jane Roe"],
        ),
        ('<div class="author">Jane Roe<br>5 min read</div>', ["Jane Roe"]),
        ('<div class="author">Iberische Weine in Berlin<br>Jane Roe</div>', []),  # a description first
        ('<div class="author">By Jane Roe,<br>John Doe</div>', ["Jane Roe", "John Doe"]),
        (
            '<div class="author">Jane Roe<br>John Doe and Max Muster</div>',
            ["Jane Roe", "John Doe", "Max Muster"],
        ),
        (
            '<div class="author">Jane Roe<br>John Doe und Max Muster</div>',
            ["Jane Roe", "John Doe", "Max Muster"],
        ),
    ],
)
def test_a_byline_elements_line_breaks_separate_its_parts(element: str, names: list[str]) -> None:
    assert authors(page(element)) == names


def test_the_newsrooms_place_after_a_byline_is_no_author() -> None:
    html = page("<p>By Nada Tawfik, Millbrook News, New York</p>")
    assert authors(html, publisher="Millbrook News") == ["Nada Tawfik"]


@pytest.mark.parametrize(
    "byline", ["By Jane Roe, New York", "By Jane Roe, London.", "Von Anna Schmidt, Berlin"]
)
def test_the_writers_place_after_a_byline_is_no_author(byline: str) -> None:
    # A place the gazetteer knows (CLDR's cities and countries) ends the byline's list of names.
    assert authors(page(f'<div class="byline">{byline}</div>')) == [byline.split(", ")[0].split(" ", 1)[1]]
    # A co-author may follow the place; a co-author's name is no place, even one holding a city's name.
    assert authors(page('<div class="byline">Markus Haefliger, London, Beat Bumbacher</div>')) == [
        "Markus Haefliger",
        "Beat Bumbacher",
    ]
    assert authors(page('<div class="byline">By Jane Roe, Victoria Hamilton</div>')) == [
        "Jane Roe",
        "Victoria Hamilton",
    ]


def test_a_chinese_label_signs_a_two_character_name() -> None:
    html = page('<div class="detail_author"><span>责任编辑：孔德明</span></div>')
    assert authors(html) == ["孔德明"]
    html = page('<span class="author-views">人氣(23925)</span>')  # a counter beside the author
    assert authors(html) == []


def test_a_short_weekday_after_the_name_is_cut() -> None:
    html = page('<div class="article-author">Von Tomas Spahn Fr, 18. Oktober 2019</div>')
    assert authors(html) == ["Tomas Spahn"]


def test_a_name_in_capitals_ends_where_the_capitals_do() -> None:
    assert AuthorFilter().name("GILLIAN MOHNEY March") == "GILLIAN MOHNEY"
    assert AuthorFilter().name("Jane Roe") == "Jane Roe"


# --- names only in markup ----------------------------------------------------


def _in_language(lang: str, body: str) -> str:
    return page(body).replace("<html>", f'<html lang="{lang}">', 1)


@pytest.mark.parametrize(
    ("lang", "byline", "names"),
    [
        ("fi", "Olli Virtanen ja Maija Korhonen", ["Olli Virtanen", "Maija Korhonen"]),
        ("cs", "Jan Novák a Eva Nováková", ["Jan Novák", "Eva Nováková"]),
        ("tr", "Ahmet Yılmaz ve Ayşe Kaya", ["Ahmet Yılmaz", "Ayşe Kaya"]),
        ("de", "Von Max Muster und Erika Mustermann", ["Max Muster", "Erika Mustermann"]),
        ("en", "By Jane Roe, John Doe and Mary Major", ["Jane Roe", "John Doe", "Mary Major"]),
    ],
)
def test_a_byline_is_split_at_its_languages_word_for_and(lang: str, byline: str, names: list[str]) -> None:
    # CLDR's list patterns give the word; the English one is read on a page of any language
    assert authors(_in_language(lang, f'<div class="byline">{byline}</div>')) == names


def test_a_list_word_that_is_a_names_particle_splits_no_name() -> None:
    # Hausa's "and" is "da", the particle of "Luiz Inácio da Silva"
    assert authors(_in_language("ha", '<div class="byline">By Luiz Inácio da Silva</div>')) == [
        "Luiz Inácio da Silva"
    ]


def test_a_list_word_splits_no_part_in_a_script_without_capitals() -> None:
    # a site's motto ("news agency | latest news of Iran and the world | its initials"): a shorter
    # part of it is no more a name, and the name test has no capitals to go by
    motto = "خبرگزاری باشگاه خبرنگاران | آخرین اخبار ایران و جهان | YJC"
    html = _in_language("fa", "<p>آخرین اخبار ایران</p>").replace(
        "<head>", f'<head><meta name="dc.creator" content="{motto}">', 1
    )
    assert authors(html) == []


def test_a_separator_joined_to_a_name_splits_no_byline() -> None:
    # Arabic's "و" ("and") is written joined to the next word, as the name وليد (Walid) begins
    assert AuthorFilter(language="ar").names("محمد وليد") == ["محمد وليد"]


def _ld(author: str) -> str:
    obj = {"@type": "NewsArticle", "headline": "Budget agreed", "author": {"@type": "Person", "name": author}}
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def test_a_name_only_in_markup_is_not_the_byline() -> None:
    head = _ld("Sam Poster") + '<meta name="author" content="Sam Poster">'
    assert authors(page("", head=head), guess="Sam Poster") == []


def test_the_same_markup_counts_once_the_page_shows_the_name() -> None:
    head = _ld("Sam Poster") + '<meta name="author" content="Sam Poster">'
    assert authors(page("<p>Sam Poster</p>", head=head), guess="Sam Poster") == ["Sam Poster"]


def test_dublin_core_in_rdfa_form_is_a_catalogue_entry() -> None:
    head = '<meta property="dc:creator" content="Roe, Jane">'
    assert authors(page("<p>Jane Roe</p>", head=head)) == ["Jane Roe"]


# --- trafilatura's guess -------------------------------------------------------


def test_a_one_word_guess_the_page_signs_with_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(weigh_authors, "TRUST_GUESSES", True)  # the guess path, switched off by default
    html = page("<p>9. Februar 2019 von Heiko · Laufen</p>")
    assert authors(html, guess="Heiko") == ["Heiko"]


def test_a_full_name_guess_the_page_shows_as_a_byline_is_kept() -> None:
    html = page('<p>Posted 26 Nov 2017 by <a href="https://example.org/people/jroe">Jane Roe</a></p>')
    assert authors(html, guess="Jane Roe") == ["Jane Roe"]


def test_a_full_name_guess_only_mentioned_in_the_text_is_dropped() -> None:
    html = page("<p>The mayor, Jane Roe, opened the meeting.</p>")
    assert authors(html, guess="Jane Roe") == []


def test_a_one_word_guess_linked_to_its_author_page_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(weigh_authors, "TRUST_GUESSES", True)  # the guess path, switched off by default
    html = page('<p>Posted 26 Nov 2017 <a href="https://example.org/author/tlow/">tlow</a></p>')
    assert authors(html, guess="Tlow") == ["tlow"]


def test_a_one_word_guess_the_page_does_not_sign_with_is_dropped() -> None:
    html = page("<p>Das Departement für Wirtschaft, Bildung und Forschung teilt mit.</p>")
    assert authors(html, guess="Bildung") == []


def test_a_first_name_followed_by_a_surname_is_not_a_signature() -> None:
    tree = parse_html(page("<p>New robot by Todd Bates</p>"))
    assert not bylined(tree, reader_text(tree), "Todd")


def test_a_one_word_guess_that_is_the_site_name_is_dropped() -> None:
    note = '<p class="footer-note">Posted by <a rel="author" href="/x">Google</a></p>'
    html = page("").replace("</article>", "</article>" + note)  # the page's footer, not the article's
    assert authors(html, guess="Google", publisher="Google Online Security Blog") == []


def test_a_title_cased_guess_is_judged_as_the_page_spells_it() -> None:
    html = page('<p>Jeden Monat "selbst ist der Mann" im Briefkasten.</p>')
    assert authors(html, guess="Selbst Ist Der Mann") == []


def test_a_guess_that_is_part_of_the_site_name_is_dropped() -> None:
    html = page("<p>Iberische Weine in Berlin</p>")
    assert authors(html, guess="Iberische Weine", publisher="Iberische Weine in Berlin") == []


@pytest.mark.parametrize(
    ("shown", "guess", "expected"),
    [
        ("Günter W. Kienitz", "Günter W Kienitz", "Günter W. Kienitz"),
        ("GILLIAN MOHNEY", "Gillian Mohney", "GILLIAN MOHNEY"),
        ("stol.it", "Stol It", None),
    ],
)
def test_page_spelling(shown: str, guess: str, expected: str | None) -> None:
    text = reader_text(parse_html(page(f"<p>Text by {shown} here</p>")))
    assert page_spelling(text, guess) == expected


def test_a_full_name_shown_as_a_guess_is_kept_in_the_page_spelling(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(weigh_authors, "TRUST_GUESSES", True)  # the guess path, switched off by default
    html = page("<p>Text: Günter W. Kienitz</p>")
    assert authors(html, guess="Günter W Kienitz") == ["Günter W. Kienitz"]


# --- completing a first name ---------------------------------------------------


def test_a_single_mention_after_the_first_name_is_not_a_surname() -> None:
    html = page('<p><a rel="author" href="/author/k/">Krimiblogger</a> Okay, hat nichts damit zu tun.</p>')
    assert authors(html) == ["Krimiblogger"]


# --- round two: lists, state classes, personal sites ----------------------------


def test_every_value_of_a_repeated_author_tag_is_read() -> None:
    head = '<meta name="parsely-author" content="Jane Roe"><meta name="parsely-author" content="John Doe">'
    body = '<div class="byline">By <span>Jane Roe</span> and <span>John Doe</span></div>'
    assert authors(page(body, head=head)) == ["Jane Roe", "John Doe"]


def test_a_byline_listing_co_authors_completes_json_ld_that_names_one() -> None:
    head = _ld("Jane Roe")
    body = '<div class="byline">By Jane Roe, John Doe</div>'
    assert authors(page(body, head=head)) == ["Jane Roe", "John Doe"]


def test_co_authors_from_separate_tags_do_not_extend_json_ld() -> None:
    head = _ld("Jane Roe") + '<meta name="author" content="Big Media"><meta name="author" content="Jane Roe">'
    assert authors(page("<p>Jane Roe for Big Media</p>", head=head), guess="Big Media; Jane Roe") == [
        "Jane Roe"
    ]


def test_a_promoted_article_is_not_a_promo_box() -> None:
    html = page('<div class="node node-promoted"><div class="group-author">Von Jane Roe</div></div>')
    assert authors(html) == ["Jane Roe"]


def test_a_real_promo_box_still_hides_its_byline() -> None:
    html = page('<div class="promo-box"><div class="author">Von Jane Roe</div></div>')
    assert authors(html) == []


def test_a_personal_site_named_after_its_author_keeps_her_name() -> None:
    head = _ld("Jane Roe") + '<meta name="author" content="Jane Roe">'
    html = page('<p><a href="/">Jane Roe</a></p>', head=head)
    assert authors(html, publisher="Jane Roe") == ["Jane Roe"]


def test_a_magazine_typed_as_a_person_loses_to_the_byline() -> None:
    head = _ld("Food Trade") + '<meta name="author" content="Food Trade">'
    html = page('<p>Food Trade</p><span class="author">Jane Roe</span>', head=head)
    assert authors(html, publisher="Food Trade") == ["Jane Roe"]


# --- what the reader sees ----------------------------------------------------


def test_a_name_only_in_a_hidden_vcard_is_not_an_author() -> None:
    ld = json.dumps({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Jane Roe"}})
    hidden = '<div class="td-author-name vcard author" style="display: none"><a href="/author/jr/">Jane Roe</a></div>'
    html = page(hidden, head=f'<script type="application/ld+json">{ld}</script>')
    assert authors(html) == []
    assert authors(html.replace(' style="display: none"', "")) == ["Jane Roe"]


def test_a_name_only_in_the_comments_is_not_an_author() -> None:
    comments = (
        '<ol class="commentlist"><li id="comment-9"><span class="author">Jane Roe</span> wrote</li></ol>'
    )
    assert authors(page(comments), guess="Jane Roe") == []


def test_reader_text_leaves_out_hidden_elements_and_comment_threads_but_not_commentary() -> None:
    tree = parse_html(
        "<html><body><p>A<span hidden>x</span> B</p><div style='visibility:hidden'>y</div>C"
        "<div id='comments'><p>z</p></div>D<div class='commentary'>E</div></body></html>"
    )
    assert reader_text(tree, strict=True) == "A B C D E"
    assert reader_text(tree) == "A x B y C z D E"


def test_one_byline_marking_two_authors_gives_both() -> None:
    byline = (
        '<p class="byline-dateline">By <span itemprop="author"><a rel="author" href="/p/jr">'
        '<span itemprop="name">JANE ROE</span></a></span> and <span itemprop="author">'
        '<a rel="author" href="/p/jd"><span itemprop="name">JOHN DOE</span></a></span></p>'
    )
    assert authors(page(byline)) == ["JANE ROE", "JOHN DOE"]


def test_an_author_element_elsewhere_on_the_page_is_another_byline() -> None:
    first = '<p class="byline"><span itemprop="author">Jane Roe</span></p>'
    far = '<div><div><div><section><span itemprop="author">John Doe</span></section></div></div></div>'
    assert authors(page(first + ARTICLE + far)) == ["Jane Roe"]


def test_one_word_in_a_byline_element_is_an_author_only_when_the_page_signs_with_it() -> None:
    assert authors(page('<div class="author">Follow</div>')) == []
    assert authors(page('<div class="author">Von <a href="/autor/heiko/">Heiko</a></div>')) == ["Heiko"]


def test_a_guess_alone_is_no_author_by_default() -> None:
    html = page("<p>Text: Günter W. Kienitz</p>")
    assert authors(html, guess="Günter W Kienitz") == []


# --- the site's own accounts and companies ----------------------------------------------


def test_a_guess_the_page_signs_counts_only_near_the_headline() -> None:
    signed = '<p>Filed in <a href="/author/jane-roe/">Jane Roe</a>\'s column.</p>'
    assert authors(page(signed), guess="Jane Roe") == ["Jane Roe"]
    # the same link below a long story: another story's teaser, not this story's byline
    far = page(ARTICLE * 12 + signed)
    assert authors(far, guess="Jane Roe") == []


def test_on_and_a_date_after_the_name_is_cut_before_the_prose_test() -> None:
    check = AuthorFilter()
    assert check.names("By Jane Roe on Monday, March 5") == ["Jane Roe"]
    assert check.names("Von Jane Roe am 5. März 2024 um 11:14 Uhr") == ["Jane Roe"]
    assert check.names("Veröffentlicht am 8. Februar 2022 von Jane Roe") == ["Jane Roe"]
    assert check.names("Jane Roe on the budget and the council") == []  # prose stays prose


def test_a_dotted_login_byline_reads_as_the_two_names() -> None:
    html = page('<div class="author">Von Isabella.DiBiase am Samstag, 19. Oktober 2019</div>')
    assert authors(html) == ["Isabella DiBiase"]
    assert AuthorFilter().names("J.R. Hartley") == ["J.R. Hartley"]


def test_names_like_a_word_for_on_and_a_month_are_not_cut_as_a_date() -> None:
    from convert.readers.html.names import _ON_DATE_TAIL

    for name in ("Sarah Le Mai", "Mohamed El Mayo"):
        assert _ON_DATE_TAIL.sub("", name) == name
    assert _ON_DATE_TAIL.sub("", "Jane Roe am Samstag, 19. Oktober") == "Jane Roe"
    assert _ON_DATE_TAIL.sub("", "Jane Roe on Monday, March 5") == "Jane Roe"


# --- every author rule, on and off (``AUTHOR_RULES``, measured by ``bench/accuracy.py --rules``) ---------

_PORTAL = page("<p>Jane Roe keeps these notes.</p>").replace(
    "<head>", '<head><meta name="author" content="Jane Roe">'
)
_SIGNED = '<p>Filed in <a href="/author/jane-roe/">Jane Roe</a>\'s column.</p>'

#: rule -> (what is read, the answer with the rule on, the answer with it off). A byline string
#: alone goes through the name filter; a page (with a trafilatura guess and a publisher) is weighed.
RULE_CASES: dict[str, tuple[str | tuple[str, str | None, str | None], list[str], list[str]]] = {
    "on-dates": ("By Jane Roe on Monday, March 5", ["Jane Roe"], []),
    "glued-dates": ("By Jeff FoustMonday", ["Jeff Foust"], ["Jeff FoustMonday"]),
    "photo-credits": ("By Jane Roe; photos by Max Muster/Reuters", ["Jane Roe"], []),
    "running-text": ("Iberische Weine in Berlin, Jane Roe", [], ["Jane Roe"]),
    "by-line": ((page("<p>By Giovanni Gaggero | 12/10/2020</p>"), None, None), ["Giovanni Gaggero"], []),
    "signed-guesses": ((page(_SIGNED), "Jane Roe", None), ["Jane Roe"], []),
    "near-headline": ((page(ARTICLE * 12 + _SIGNED), "Jane Roe", None), [], ["Jane Roe"]),
    "owners": (
        (
            page(
                '<p><a href="/">Jane Roe</a></p>',
                head=_ld("Jane Roe") + '<meta name="author" content="Jane Roe">',
            ),
            None,
            "Jane Roe",
        ),
        ["Jane Roe"],
        [],
    ),
    "fuller": (
        (page('<div class="byline">By Jane Roe, John Doe</div>', head=_ld("Jane Roe")), None, None),
        ["Jane Roe", "John Doe"],
        ["Jane Roe"],
    ),
    "meta-by-trafilatura": ((_PORTAL, "Jane Roe", None), ["Jane Roe"], []),
    "shown": (
        (page("", head=_ld("Sam Poster") + '<meta name="author" content="Sam Poster">'), "Sam Poster", None),
        [],
        ["Sam Poster"],
    ),
    "one-word-bylines": ((page('<div class="author">Follow</div>'), None, None), [], ["Follow"]),
    "author-label": ((page("<p><span>Autor: Fritz Imhof</span></p>"), None, None), ["Fritz Imhof"], []),
    "signed-markup": ((page(_SIGNED, head=_ld("Jane Roe")), None, None), ["Jane Roe"], []),
    "label-role": (
        (page("<p>Autorin: Uta Roe, Projektleiterin der Stiftung in Tunis.</p>"), None, None),
        ["Uta Roe"],
        [],
    ),
    "label-field": (
        (page('<h4>Autor</h4><p><a href="/profil/nikolai-huke">Nikolai Huke</a></p>'), None, None),
        ["Nikolai Huke"],
        [],
    ),
    "posted-by-line": ((page("<p>Posted by Jane Roe</p>"), None, None), ["Jane Roe"], []),
    "co-author-names": (
        (
            page('<div class="byline">By Jane Roe, Project Marketing, Google</div>', head=_ld("Jane Roe")),
            None,
            None,
        ),
        ["Jane Roe"],
        ["Jane Roe", "Project Marketing"],
    ),
    "site-names": (
        (
            page("<p>Acme Relief</p>", head='<meta name="author" content="Acme Relief">'),
            "Acme Relief",
            "Infoportal - Acme Relief",
        ),
        [],
        ["Acme Relief"],
    ),
    "desk-names": ("Jane Roe, Metro Desk", ["Jane Roe"], ["Jane Roe", "Metro Desk"]),
    "agency-names": ("Kyodo News", [], ["Kyodo News"]),
    "by-line-credits": ((page("<p>By Guest Contributor</p>"), None, None), [], ["Guest Contributor"]),
    "whole-words": (
        (page("<p>Banana prices at the Konferenz.</p>", head=_ld("Ana Renz")), "Ana Renz", None),
        [],
        ["Ana Renz"],
    ),
    "inverted-names": ("Geschrieben von Muster, Max", ["Max Muster"], ["Muster"]),
    "byline-places": (
        (
            page('<div class="byline">By Jane Roe, Cape Town</div><p>The council met in Cape Town.</p>'),
            None,
            None,
        ),
        ["Jane Roe"],
        ["Jane Roe", "Cape Town"],
    ),
    "byline-lines": (
        (page("<p>By Jane Roe and John Doe<br>Kakuma, Kenya</p>"), None, None),
        ["Jane Roe", "John Doe"],
        ["Jane Roe"],  # the lines run together: "John DoeKakuma", no name the page shows
    ),
    "byline-breaks": (
        (page('<div class="byline">Jane Roe<br>Staff Writer</div>'), None, None),
        ["Jane Roe"],
        [],
    ),
    "list-words": (
        (_in_language("fi", '<div class="byline">Olli Virtanen ja Maija Korhonen</div>'), None, None),
        ["Olli Virtanen", "Maija Korhonen"],
        [],
    ),
}


@pytest.mark.parametrize(
    "label", ["World Cup", "Election Day", "Full Coverage", "Great Reads", "Bill Tracker"]
)
def test_a_sections_label_beside_the_markups_first_author_is_no_co_author(label: str) -> None:
    # a known limit: "Doris Day", "Nancy Jo Sales" go too; no maintained list of names tells them apart
    html = page(f'<div class="byline">By Jane Roe | {label}</div>', head=_ld("Jane Roe"))
    assert authors(html) == ["Jane Roe"]


@pytest.mark.parametrize("other", ["Harvard University", "Labour Party", "NATO Press"])
def test_an_organisation_beside_the_markups_first_author_is_no_co_author(other: str) -> None:
    html = page(f'<div class="byline">By Jane Roe, {other}</div>', head=_ld("Jane Roe"))
    assert authors(html) == ["Jane Roe"]


def test_every_author_rule_has_a_case() -> None:
    assert set(RULE_CASES) == set(weigh_authors.AUTHOR_RULES)
    assert all(weigh_authors.AUTHOR_RULES.values())  # every rule in the table is on by default


@pytest.mark.parametrize("rule", sorted(RULE_CASES))
def test_an_author_rule_changes_its_case(rule: str, monkeypatch: pytest.MonkeyPatch) -> None:
    read, on, off = RULE_CASES[rule]

    def found() -> list[str]:
        if isinstance(read, str):
            return AuthorFilter().names(read)
        return authors(read[0], guess=read[1], publisher=read[2])

    assert found() == on
    monkeypatch.setitem(weigh_authors.AUTHOR_RULES, rule, False)
    assert found() == off


_MICRODATA = (
    '<span itemprop="author" itemscope itemtype="http://schema.org/Person">'
    '<span itemprop="name">Acme Relief</span></span>'
    '<div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">'
    '<meta itemprop="name" content="Acme Relief"></div>'
)


def test_an_author_that_is_a_segment_of_the_site_name_is_the_site() -> None:
    head = '<meta name="author" content="Acme Relief">'
    assert authors(page("<p>Acme Relief</p>", head=head), "Acme Relief", "Infoportal - Acme Relief") == []
    assert authors(page("<p>Acme Relief</p>", head=head), "Acme Relief", "Acme Relief | Infoportal") == []
    assert authors(page('<span class="byline">By Jane Roe</span>'), None, "News – Acme Relief") == [
        "Jane Roe"
    ]


def test_a_microdata_author_named_as_the_microdata_publisher_is_the_publisher() -> None:
    assert authors(page(_MICRODATA)) == []
    assert authors(page(_MICRODATA.replace("Acme Relief</span>", "Jane Roe</span>"))) == ["Jane Roe"]


def test_a_json_ld_publisher_or_organisation_names_the_site() -> None:
    ld: dict[str, object] = {
        "@type": "NewsArticle",
        "publisher": {"@type": "Organization", "name": "Acme Relief"},
    }
    head = f'<script type="application/ld+json">{json.dumps(ld)}</script>'
    assert authors(page('<span class="byline">By Acme Relief</span>', head=head)) == []
    for obj in (ld, {"@type": "WebSite", "name": "Acme Relief: Stories"}):
        head = f'<script type="application/ld+json">{json.dumps(obj)}</script><meta name="author" content="Acme Relief">'
        assert authors(page("<p>Acme Relief</p>", head=head), guess="Acme Relief") == []


def test_a_personal_site_whose_owner_is_typed_person_and_organisation_keeps_her_name() -> None:
    """Yoast types a personal site's owner ``["Person", "Organization"]``: a person, not the site."""
    owner = {"@type": ["Person", "Organization"], "name": "Jane Roe"}
    head = f'<script type="application/ld+json">{json.dumps({"@graph": [owner]})}</script>'
    assert authors(page('<span class="byline">By Jane Roe</span>', head=head), None, "Notes") == ["Jane Roe"]


@pytest.mark.parametrize(
    "credit", ["By Associated Press", "By News Desk", "By Guest Contributor", "By Acme Foundation"]
)
def test_a_by_line_crediting_an_agency_or_a_desk_names_no_author(credit: str) -> None:
    assert authors(page(f"<p>{credit}</p>")) == []


@pytest.mark.parametrize("name", ["Stephen King", "Jan Lukas Roe", "Ann Bishop"])
def test_a_by_line_keeps_names_a_posted_line_would_refuse(name: str) -> None:
    """A title word ending a name is a surname ("King"), and "Jan" is a given name as well as a month."""
    assert authors(page(f"<p>By {name}</p>")) == [name]


@pytest.mark.parametrize(
    "credit",
    [
        "Reuters",
        "Agencia EFE",
        "Kyodo News",
        "Reuters Updated",
        "The Washington Post",
        "Deutsche Presse-Agentur",
    ],
)
def test_an_agency_or_a_paper_is_no_author_in_any_source(credit: str) -> None:
    ld = json.dumps({"@type": "NewsArticle", "author": {"@type": "Person", "name": credit}})
    head = f'<script type="application/ld+json">{ld}</script>'
    assert authors(page(f'<span class="byline">{credit}</span>', head=head)) == []
    assert authors(page(f'<a rel="author" href="/a/">{credit}</a>')) == []


def test_a_writer_after_an_agency_credit_is_the_author() -> None:
    assert AuthorFilter().names("Reuters, Jane Roe") == ["Jane Roe"]


@pytest.mark.parametrize("desk", ["NDTV Sports Desk", "Web Desk", "Washington Bureau"])
def test_a_newsrooms_unit_is_no_author_in_any_source(desk: str) -> None:
    ld = json.dumps({"@type": "NewsArticle", "author": {"@type": "Person", "name": desk}})
    head = f'<script type="application/ld+json">{ld}</script><meta name="author" content="{desk}">'
    assert authors(page(f'<span class="byline">{desk}</span>', head=head)) == []


def test_a_label_element_with_the_name_after_it_is_a_byline() -> None:
    assert authors(page("<div><h5>Autor: </h5>Peter Maahn/SP-X <span>Lesezeit: 5 min</span></div>")) == [
        "Peter Maahn"
    ]
    assert authors(page("<p>Autoren Jelko Djuren und Jutta Klaukien</p>")) == [
        "Jelko Djuren",
        "Jutta Klaukien",
    ]
    assert authors(page("<p>Author interviews are on page 3</p>")) == []  # no capital after the label


@pytest.mark.parametrize(
    "prose",
    [
        "<p>Speakers included <b>Author Neil Gaiman</b> and others.</p>",
        "<p><strong>Author Margaret Atwood</strong> spoke at the festival.</p>",
        "<h3>Autorin Christa Wolf</h3>",
        "<p>Author Jane Austen.</p>",
        "<p>Speakers included <b>Authors: Jane Roe</b> and others.</p>",
    ],
)
def test_a_writer_named_in_prose_is_no_byline(prose: str) -> None:
    """Without a colon a singular "Author NAME" is how prose names a writer; a label inside a line
    of prose is part of the sentence."""
    assert authors(page(prose + ARTICLE)) == []


def test_markup_names_count_when_the_page_signs_them_near_the_headline() -> None:
    assert authors(page(_SIGNED, head=_ld("Jane Roe"))) == ["Jane Roe"]
    assert authors(page(ARTICLE * 12 + _SIGNED, head=_ld("Jane Roe"))) == []  # another story's byline
    meta = '<meta name="author" content="Jane Roe">'
    assert authors(page(_SIGNED, head=meta)) == ["Jane Roe"]
    assert authors(page("<p>Jane Roe said the budget was fair.</p>", head=meta)) == []  # shown, not signed


# --- issue 12, second round: a labelled name's role -----------


def test_a_labelled_name_loses_the_role_after_its_comma_but_keeps_co_authors() -> None:
    assert authors(page("<p>Autor: Jane Roe, John Doe</p>")) == ["Jane Roe", "John Doe"]
    assert authors(page("<p>Author: Jane Roe, head of the unit in Tunis</p>")) == ["Jane Roe"]
    # lists of names joined by "and" stay whole (the role test reads each name alone)
    for line, names in [
        ("Authors: Jane Roe, John Doe and Mary Major", ["Jane Roe", "John Doe", "Mary Major"]),
        ("Autoren: Uta Roe, Max Muster und Erika Mustermann", ["Uta Roe", "Max Muster", "Erika Mustermann"]),
        (
            "Auteurs : Marie Dupont, Jean Martin et Paul Durand",
            ["Marie Dupont", "Jean Martin", "Paul Durand"],
        ),
    ]:
        assert authors(page(f"<p>{line}</p>")) == names, line
    assert authors(page("<h5>Autoren:</h5>Uta Roe, Max Muster und Erika Mustermann")) == [
        "Uta Roe",
        "Max Muster",
        "Erika Mustermann",
    ]
    # the role is cut where it starts, after every name before it
    assert authors(page("<p>Authors: Jane Roe, John Doe, head of the unit in Tunis</p>")) == [
        "Jane Roe",
        "John Doe",
    ]
    assert authors(page("<p>Autorin: Uta Roe, Leiterin des Büros in Rom und Mailand</p>")) == ["Uta Roe"]


def test_soft_hyphens_in_a_byline_name_the_same_person() -> None:
    """A page that hyphenates its byline for the browser ("Mat&shy;thi&shy;as") keeps its author:
    the invisible characters the body drops are dropped from metadata too."""
    hyphenated = "Mat&shy;thi&shy;as Mül&shy;ler"
    assert authors(page(f'<p class="byline">Von {hyphenated}</p>')) == ["Matthias Müller"]
    assert authors(
        page(f'<p class="byline">By {hyphenated}</p>', head=f'<meta name="author" content="{hyphenated}">')
    ) == ["Matthias Müller"]


# --- issue 12, third round: a field's label and its value -----------


def test_a_field_label_names_the_author_in_the_element_after_it() -> None:
    assert authors(page("<dl><dt>Author</dt><dd>Jane Roe</dd></dl>")) == ["Jane Roe"]
    assert authors(page("<div><span>Auteur :</span><span>Marie Dupont</span></div>")) == ["Marie Dupont"]
    # the label must be the whole element, and its value the very next element
    assert authors(page("<h4>Author interviews</h4><p>Jane Roe</p>")) == []
    assert authors(page("<h4>Autor</h4>Text<p>Jane Roe said the budget was fair and more.</p>")) == []
    # a comment form's field is a reader's, not the byline
    form = '<form class="comment-form"><label>Author</label><span>Sam Reader</span></form>'
    assert authors(page(form)) == []


# --- issue 12, h23: recall ---------------------------------------------------


def test_a_name_is_shown_by_whole_words_only() -> None:
    head = _ld("Ana Renz")
    assert authors(page("<p>Ana Renz keeps these notes.</p>", head=head), guess="Ana Renz") == ["Ana Renz"]
    assert authors(page("<p>Banana prices at the Konferenz.</p>", head=head), guess="Ana Renz") == []
    # hyphenated and bracketed forms still show the name's words
    assert authors(page("<p>Jean-Luc Roe (R.J.) wrote.</p>", head=_ld("Luc Roe")), guess="Luc Roe") == [
        "Luc Roe"
    ]
    # a script written without spaces: the name anywhere in the text
    assert authors(page("<p>记者王小明报道</p>", head=_ld("王小明")), guess="王小明") == ["王小明"]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("Posted by Jane Roe", ["Jane Roe"]),
        ("Geschrieben von Max Muster", ["Max Muster"]),
        ("Veröffentlicht am 13. März 2019 von Max Muster", ["Max Muster"]),
        ("Publié le 3 mars 2024 par Marie Dupont", ["Marie Dupont"]),
        ("Publié par Marie Dupont", []),  # a publisher's credit: no date between verb and "par"
        ("Published by Random House, 320 pages", []),
        ("Published by Oxford University Press", []),
        ("Published March 3, 2024. Photos by Jane Roe", []),
        ("Posted by Associated Press", []),
        ("Posted by News Desk", []),
        ("Posted by Guest Contributor", []),
        ("Posted by Jane Roe at 10:32 AM", ["Jane Roe"]),
        ("Scritto da Mario Rossi", ["Mario Rossi"]),
        ("Escrito por Ana García", ["Ana García"]),
        ("Posted on April 22, 2022", []),  # a date, no byline
        ("Published by Penguin Books in 2020", []),
        ("Published in 2020 by Penguin Books", []),  # a year is no date: the publisher's credit
        ("Published 03/03/2024 by Jane Roe", ["Jane Roe"]),
    ],
)
def test_a_posted_by_line_is_a_byline(line: str, names: list[str]) -> None:
    assert authors(page(f"<p>{line}</p>")) == names


def test_a_posted_by_line_in_another_language_than_the_page_names_nobody() -> None:
    html = page("<p>Geschrieben von Max Muster</p>").replace("<html>", '<html lang="en">')
    assert authors(html) == []


def test_co_authors_from_one_list_must_be_full_names_without_a_role() -> None:
    head = _ld("Jane Roe")
    assert authors(page('<div class="byline">By Jane Roe, John Doe</div>', head=head)) == [
        "Jane Roe",
        "John Doe",
    ]
    # a team and an employer after her name are not co-authors: JSON-LD's one name stands
    assert authors(page('<div class="byline">By Jane Roe, Marketing Team, Google</div>', head=head)) == [
        "Jane Roe"
    ]
    assert authors(page('<div class="byline">By Jane Roe, Sales Team</div>', head=head)) == ["Jane Roe"]
    assert authors(page('<div class="byline">By Jane Roe, New York</div>', head=head)) == ["Jane Roe"]
    assert authors(page('<div class="byline">By Jane Roe, Project Marketing</div>', head=head)) == [
        "Jane Roe"
    ]


def test_a_posted_line_ranks_below_a_by_line_and_one_naming_nobody_does_not_end_the_look() -> None:
    assert authors(page("<p>Posted by Site Editor</p><p>By Jane Roe</p>")) == ["Jane Roe"]
    assert authors(page("<p>Posted on March 3, 2024 by Webmaster</p><p>By Jane Roe</p>")) == ["Jane Roe"]


def test_a_written_by_line_among_other_credits_is_no_byline() -> None:
    assert authors(page("<p>Directed by Michelle MacLaren</p><p>Written by Vince Gilligan</p>")) == []


def test_a_posted_line_after_the_body_or_above_the_headline_is_no_byline() -> None:
    long = "<p>" + "I disagree with this entirely, the council should not have agreed to it. " * 3 + "</p>"
    comment = f'<div id="thread"><div class="post"><p>Posted by John Smith</p>{long}</div></div>'
    assert authors(page("").replace("</article>", f"</article>{comment}")) == []
    teaser = '<div class="top"><a href="/x">Neue Brücke</a><p>Geschrieben von Max Muster</p></div>'
    assert authors(page("").replace("<article>", f"{teaser}<article>")) == []


@pytest.mark.parametrize(
    "byline",
    [
        "By Jane Roe|Staff Writer",
        "Jane Roe|March 3, 2024",
        "Jane Roe·March 3",
        "Jane Roe(AP)",
        "Jane Roe@janeroe",
        "Jane Roe;John Doe",
    ],
)
def test_a_name_is_shown_when_any_non_letter_ends_its_words(byline: str) -> None:
    assert weigh_authors.Shown(byline).has_word("roe")


def test_a_byline_with_a_pipe_after_the_name_confirms_json_ld() -> None:
    assert authors(page("<p>By Jane Roe|Staff Writer</p>", head=_ld("Jane Roe"))) == ["Jane Roe"]


def test_words_glued_at_a_case_step_and_hangul_beside_its_role_show_a_name() -> None:
    assert weigh_authors.Shown("Jeff FoustMonday").has_word("foust")
    assert weigh_authors.Shown("Autor:Max Muster").has_word("max")
    assert weigh_authors.Shown("홍길동기자").has_word("홍길동")
    # a hyphenated or dotted word is a word whole too: "Jean-Luc Roe" shows the name "Jean-Luc Roe"
    assert weigh_authors.Shown("Jean-Luc Roe|Paris").has_word("jeanluc")
    assert weigh_authors.Shown("J.R. Roe").has_word("jr")


@pytest.mark.parametrize(
    ("byline", "first", "names"),
    [
        ("By Jane Roe and John King", "Jane Roe", ["Jane Roe", "John King"]),
        ("By Jane Roe, Ann Bishop and Tom Knight", "Jane Roe", ["Jane Roe", "Ann Bishop", "Tom Knight"]),
        ("By Jane Roe and Natasha Singer", "Jane Roe", ["Jane Roe", "Natasha Singer"]),
        ("By Jane Roe and Dr. John Doe", "Jane Roe", ["Jane Roe", "Dr. John Doe"]),
        ("Von Anna Schmidt und Max Graf", "Anna Schmidt", ["Anna Schmidt", "Max Graf"]),
    ],
)
def test_co_authors_whose_surname_is_a_title_complete_json_ld(
    byline: str, first: str, names: list[str]
) -> None:
    assert authors(page(f'<div class="byline">{byline}</div>', head=_ld(first))) == names
