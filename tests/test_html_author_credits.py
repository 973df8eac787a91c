"""Agencies, desks, institutions and the site's own names against the people who share a word with them
(the review of h25's four rules): a whole agency's or paper's name is no author, a surname that is a
newsroom's word is still a person's, and skipping a credit never promotes the place after it."""

from __future__ import annotations

import json

import pytest
from test_html_authors import authors, page

from convert.readers.html.names import AuthorFilter, names_an_agency


def _ld(value: object, **more: object) -> str:
    obj = {"@type": "NewsArticle", "headline": "Budget agreed", "author": value, **more}
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def _person(name: str) -> dict[str, str]:
    return {"@type": "Person", "name": name}


# --- a skipped credit is followed by its place, as a name is -----------------------------


@pytest.mark.parametrize(
    "html",
    [
        page('<p class="byline">By Reuters, New York</p>'),
        page("<p>By Reuters, New York</p>"),
        page("<p>Reuters, New York</p>", head='<meta name="author" content="Reuters, New York">'),
        page("<p>By Reuters, New York</p>", head=_ld("Reuters, New York")),
        page(
            '<p class="byline">Reuters, Hong Kong</p>', head=_ld({"@type": "Organization", "name": "Reuters"})
        ),
        page('<p class="byline">By Web Desk, New Delhi</p>'),
        page("<p>By AP, Los Angeles</p>"),
        page('<p class="byline">By Washington Bureau, Berlin</p>'),
    ],
)
def test_the_place_after_an_agency_or_a_desk_is_no_author(html: str) -> None:
    assert authors(html) == []


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Emily Post, New York", ["Emily Post"]),
        ("By Sarah D. Wire, Politico", ["Sarah D. Wire"]),
        ("By Robert Service, Hoover Institution", ["Robert Service"]),
        ("By Jane Roe, Associated Press", ["Jane Roe"]),
        ("By Jane Roe and John Doe, Reuters", ["Jane Roe", "John Doe"]),
        ("By AP and Jane Roe", ["Jane Roe"]),
        ("By Reuters, Emily Post", ["Emily Post"]),
        ("By Emily Post and Jane Roe", ["Emily Post", "Jane Roe"]),
    ],
)
def test_a_writer_keeps_her_name_beside_a_credit(byline: str, names: list[str]) -> None:
    assert authors(page(f'<p class="byline">{byline}</p>')) == names
    assert authors(page(f"<p>{byline}</p>")) == names


# --- a newsroom's word is a surname too --------------------------------------------------

SURNAMES = [
    "Emily Post",
    "Lizzie Post",
    "Daniel Post Senning",
    "Eyal Press",
    "Robert Service",
    "Michael R. Bloomberg",
    "Sarah D. Wire",
    "Lisa Daily",
    "Tom Herald",
    "Anna News",
    "Ann Media",
    "Ria Misra",
    "Ria Schmidt",
    "Efe Kaya",
    "Ansa Virtanen",
    "Jean Bureau",
    # a name in capitals has no initialism, and a tail ("Wire") is never stripped to leave one
    "EMILY POST",
    "MICHAEL BLOOMBERG",
    "LISA DAILY",
    "TOM HERALD",
    "SARAH WIRE",
    "JEAN BUREAU",
    # two capitals are a given name's initials as often as a newsroom's
    "JD Post",
    "TJ Wire",
    # a given name that is a paper's word or a place's
    "Post Malone",
    "Herald Tamrat",
    "Media Ali",
    "Tribune Roe",
    "Georgia Bloomberg",
    "Paris Press",
    "Sydney Post",
    # a surname that is a title after an agency's word or a given name and a paper's word
    "Ria King",
    "Ria Bishop",
    "Press King",
    "Lizzie Post Judge",
]


@pytest.mark.parametrize("name", SURNAMES)
def test_a_surname_that_is_a_newsrooms_word_is_a_persons(name: str) -> None:
    assert authors(page(f"<p>By {name}</p>")) == [name]
    assert authors(page(f'<p class="byline">By <span class="author">{name}</span></p>')) == [name]
    assert authors(page(f"<p>{name}</p>", head=_ld(_person(name))), guess=name) == [name]
    assert authors(page(f"<p>By {name}</p>", head=f'<meta name="author" content="{name}">')) == [name]


@pytest.mark.parametrize(
    "name", ["Margaret Court", "Melissa Bank", "Nancy Jo Sales", "Anna Trust", "David Union", "Emma Board"]
)
def test_a_by_line_keeps_a_surname_that_is_an_organisations_word(name: str) -> None:
    assert authors(page(f"<p>By {name}</p>")) == [name]


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("By Jane Roe and Margaret Court", ["Jane Roe", "Margaret Court"]),
        ("By Jane Roe and Nancy Jo Sales", ["Jane Roe", "Nancy Jo Sales"]),
        ("By Jane Roe and Guest Contributor", ["Jane Roe"]),
    ],
)
def test_a_by_line_drops_the_credit_not_the_line(line: str, names: list[str]) -> None:
    assert authors(page(f"<p>{line}</p>")) == names


@pytest.mark.parametrize(
    "credit",
    [
        "Deutsche Presse-Agentur",
        "Agência Brasil",
        "Agência Lusa",
        "Agencia Andina",
        "Agenzia Nova",
        "Prensa Latina",
        "Reuters Staff",
        "AP",
        "BBC News",
        "The Washington Post",
    ],
)
def test_a_whole_agencys_or_papers_name_is_a_credit(credit: str) -> None:
    assert names_an_agency(credit)
    assert authors(page(f'<p class="byline">By {credit}</p>')) == []


@pytest.mark.parametrize(
    "name", ["Emily Post", "Michael R. Bloomberg", "Ria Misra", "Lisa Daily", "Efe Kaya"]
)
def test_a_word_of_an_agencys_name_is_no_credit(name: str) -> None:
    assert not names_an_agency(name)


def test_an_institution_after_a_writer_ends_the_byline() -> None:
    assert AuthorFilter().names("Robert Service, Hoover Institution, Stanford") == ["Robert Service"]
    assert authors(page('<p class="byline">By Acme Foundation</p>')) == []


# --- a site named after its owner --------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "body"),
    [
        (
            '<meta property="og:site_name" content="Jane Roe – Writer and Editor">'
            '<meta name="author" content="Jane Roe">',
            "<p>By Jane Roe</p>",
        ),
        ('<meta property="og:site_name" content="Jane Roe | Essays">', '<p class="byline">Jane Roe</p>'),
        ('<meta property="og:site_name" content="Jane Roe: Notes on policy">', "<p>By Jane Roe</p>"),
        ('<meta property="og:site_name" content="Radio 4 - Jane Roe">', "<p>By Jane Roe</p>"),
        (
            '<meta property="og:site_name" content="Roe Writes"><meta name="application-name" content="Jane Roe">',
            "<p>By Jane Roe</p>",
        ),
        (
            '<meta property="og:site_name" content="Roe Writes">'
            + _ld(_person("Jane Roe"), publisher={"@type": "Organization", "name": "Jane Roe"}),
            "<p>By Jane Roe</p>",
        ),
        (
            '<meta property="og:site_name" content="Acme">'
            + _ld({"@type": "Organization", "name": "Jane Roe"}),
            "<p>By Jane Roe</p>",
        ),
    ],
)
def test_a_byline_keeps_the_owner_of_a_site_named_after_her(head: str, body: str) -> None:
    assert authors(page(body, head=head)) == ["Jane Roe"]


def test_a_yoast_personal_site_keeps_its_owner() -> None:
    owner = {"@type": ["Person", "Organization"], "@id": "#owner", "name": "Jane Roe"}
    graph = {
        "@graph": [
            {"@type": "WebSite", "name": "Jane Roe – Writer"},
            owner,
            {
                "@type": "BlogPosting",
                "headline": "Budget agreed",
                "author": {"@id": "#owner"},
                "publisher": {"@id": "#owner"},
            },
        ]
    }
    head = (
        '<meta property="og:site_name" content="Jane Roe – Writer"><meta name="author" content="Jane Roe">'
        f'<script type="application/ld+json">{json.dumps(graph)}</script>'
    )
    assert authors(page('<p class="byline">Jane Roe</p>', head=head)) == ["Jane Roe"]


def test_a_json_ld_author_typed_organisation_does_not_name_the_site() -> None:
    head = _ld([_person("Jane Roe"), {"@type": "Organization", "name": "John Doe"}])
    assert authors(page('<p class="byline">Jane Roe and John Doe</p>', head=head)) == ["Jane Roe", "John Doe"]


def test_a_microdata_publisher_is_neither_a_person_nor_a_nested_item() -> None:
    author = '<div itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Jane Roe</span></div>'
    person = '<div itemprop="publisher" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Jane Roe</span></div>'
    assert authors(page(author + person)) == ["Jane Roe"]
    nested = (
        '<div itemprop="publisher" itemscope itemtype="https://schema.org/Organization">'
        '<div itemprop="founder" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Jane Roe</span></div>'
        '<meta itemprop="name" content="Acme Press"></div>'
    )
    assert authors(page(author + nested)) == ["Jane Roe"]


@pytest.mark.parametrize(
    "credit",
    [
        "Jane Roe Associated Press Published",
        "Herald Reporter",
        "Online News Editor",
        "Metric Media News Service",
    ],
)
def test_a_papers_desk_or_a_name_run_on_into_its_agency_is_no_author(credit: str) -> None:
    assert AuthorFilter().names(credit) == []


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("BY EMILY POST AND JANE ROE", ["EMILY POST", "JANE ROE"]),
        ("By Jane Roe, BBC News, New York", ["Jane Roe"]),
    ],
)
def test_a_co_author_whose_surname_is_a_papers_word_is_kept(line: str, names: list[str]) -> None:
    assert authors(page(f'<p class="byline">{line}</p>')) == names


@pytest.mark.parametrize(
    "credit", ["The Washington Post", "New York Times", "AP Wire", "CNN Wire", "BBC News"]
)
def test_a_papers_name_is_still_a_credit(credit: str) -> None:
    assert names_an_agency(credit)
