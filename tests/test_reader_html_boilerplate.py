"""The HTML reader's body steps against a site's own furniture: hidden pop-ups (a paywall's "members
only", a login form), trails of links (breadcrumbs), tables of site links, and the layout tables
old pages put their article in. Made-up pages; the corpus pages that showed each problem are in
``test_also_seen.py``.
"""

from __future__ import annotations

import lxml.html
import pytest
from bodies import para, texts

from convert.base import ReadOptions
from convert.model import Block, Figure, Heading, Link, Paragraph, Strong, Table, Text, plain_text
from convert.readers.html import BODY_STEPS, HtmlReader
from convert.readers.html.body import drop_title_heading
from convert.readers.html.furniture import drop_class_hidden, drop_hidden, drop_link_tables, drop_link_trails
from convert.readers.html.text import reader_text

STORY = (
    "<p>The first paragraph of the story is long enough to look like real prose written by a reporter.</p>"
    "<p>The second paragraph adds more words about the same subject so the extractor sees an article.</p>"
    "<p>The third paragraph closes the story with a few more words about the same subject and no more.</p>"
)


def test_every_new_step_is_a_switch() -> None:
    assert {"hidden", "link-trails", "link-tables"} <= set(BODY_STEPS)


# --------------------------------------------------------------------------
# Hidden elements


ARTICLE = "The article itself, a paragraph long enough to outweigh the pop-up's few words of text."


@pytest.mark.parametrize(
    "hidden",
    [
        '<div style="display: none;">{}</div>',
        '<div style="DISPLAY:NONE !important">{}</div>',
        '<div style="visibility: hidden">{}</div>',
        "<div hidden>{}</div>",
        '<div aria-hidden="true">{}</div>',
    ],
)
def test_a_block_that_is_a_hidden_elements_text_is_dropped(hidden: str) -> None:
    markup = hidden.format("<p>Members only.</p><p>&gt; Log in</p>")
    tree = lxml.html.fromstring(f"<html><body>{markup}<p>{ARTICLE}</p></body></html>")
    body = [para("Members only."), para("> Log in"), para(ARTICLE)]
    assert texts(drop_hidden(body, tree)) == [ARTICLE]


def test_shown_text_and_readabilitys_fallback_image_stay() -> None:
    tree = lxml.html.fromstring(
        '<html><body><div style="display: block; border: none"><p>Shown with a style.</p></div>'
        '<div aria-hidden="true" class="fallback-image"><p>A fallback image caption.</p></div>'
        f"<p>{ARTICLE}</p></body></html>"
    )
    body = [para("Shown with a style."), para("A fallback image caption."), para(ARTICLE)]
    assert drop_hidden(body, tree) == body


def test_an_article_hidden_until_a_script_shows_it_is_kept() -> None:
    tree = lxml.html.fromstring(
        f'<html><body><div style="display:none"><p>{ARTICLE}</p></div><p>Share</p></body></html>'
    )
    body = [para(ARTICLE), para("Share")]
    assert drop_hidden(body, tree) == body  # the hidden text is most of the body: the page shows it later
    assert drop_hidden(body, None) == body


@pytest.mark.parametrize(
    "hidden",
    [
        '<p class="hide" id="email-error">{}</p>',  # Bootstrap 2, Foundation
        '<div class="alert hidden">{}</div>',  # Bootstrap 3, Tailwind
        '<div class="d-none">{}</div>',  # Bootstrap 4-5
        '<div class="box is-hidden">{}</div>',  # Bulma
        '<div class="uk-hidden">{}</div>',  # UIkit
        '<div class="alert\xa0x hidden">{}</div>',  # a no-break space is part of a class name
    ],
)
def test_a_block_that_a_frameworks_class_hides_is_dropped(hidden: str) -> None:
    error = "An error has occurred, please try again later."
    tree = lxml.html.fromstring(f"<html><body><p>{ARTICLE}</p>{hidden.format(error)}</body></html>")
    body = [para(ARTICLE), para(error)]
    assert texts(drop_class_hidden(body, tree)) == [ARTICLE]
    assert drop_hidden(body, tree) == body  # a class is no style: the older step does not read it


@pytest.mark.parametrize(
    "shown",
    [
        '<div class="d-none d-md-block">{}</div>',  # Bootstrap: hidden on a phone, shown from md up
        '<div class="hidden lg:block">{}</div>',  # Tailwind: the same
        '<div class="hidden-xs">{}</div>',  # Bootstrap 3: hidden on a phone only
        '<div class="sr-only">{}</div>',  # read out by a screen reader: text for a reader
        '<div class="is-hidden-mobile">{}</div>',  # Bulma: hidden on a phone only
        '<div class="hider">{}</div>',
        '<div class="hidden md:!block">{}</div>',  # Tailwind's important modifier, v3 and v4
        '<div class="hidden md:block!">{}</div>',
        '<div class="hidden dark:md:block">{}</div>',  # stacked variants
        '<div class="hidden min-[900px]:block">{}</div>',  # an arbitrary breakpoint
        '<p class="hidden lg:table-cell">{}</p>',
        '<p class="hidden lg:table-row">{}</p>',
        '<p class="hidden lg:inline-table">{}</p>',
        '<p class="is-hidden is-block-desktop">{}</p>',  # Bulma
        '<p class="is-hidden is-flex-tablet">{}</p>',
        '<p class="wow fadeInUp invisible">{}</p>',  # visibility: hidden until a scroll-reveal script runs
        '<p class="animate is-invisible">{}</p>',
        '<p class="uk-invisible">{}</p>',
        '<p class="hide\u2003x">{}</p>',  # not ASCII whitespace: one class, "hide\u2003x"
    ],
)
def test_text_a_class_hides_only_at_some_widths_stays(shown: str) -> None:
    note = "Our correspondent reported from the capital, where the vote was held."
    tree = lxml.html.fromstring(f"<html><body><p>{ARTICLE}</p>{shown.format(note)}</body></html>")
    body = [para(ARTICLE), para(note)]
    assert drop_class_hidden(body, tree) == body


@pytest.mark.parametrize("variant", ["group-hover:block", "hover:block", "focus:inline", "peer-checked:flex"])
def test_a_line_shown_only_while_the_reader_hovers_or_clicks_is_dropped(variant: str) -> None:
    # A state variant, not a screen width: "Link copied" shows only after a click.
    line = "Link copied to your clipboard."
    tree = lxml.html.fromstring(
        f'<html><body><p>{ARTICLE}</p><p class="hidden {variant}">{line}</p></body></html>'
    )
    assert texts(drop_class_hidden([para(ARTICLE), para(line)], tree)) == [ARTICLE]


def test_hidden_chinese_prose_behind_read_more_stays() -> None:
    # Each Han character counts as a word (word processors' count): three paragraphs of about 50
    # characters are prose, where splitting at spaces found three "words".
    story = [
        "港口管理局今天宣布，新的渡轮时刻表将于下个月开始实施，届时每天将增加四班往返航次，以满足夏季游客的需求。"
    ] * 2
    more = [f"{story[0]}（续{n}）" for n in range(3)]
    markup = "".join(f"<p>{t}</p>" for t in story) + "<button>阅读全文</button>"
    markup += '<div class="hidden">' + "".join(f"<p>{t}</p>" for t in more) + "</div>"
    tree = lxml.html.fromstring(f"<html><body><article>{markup}</article></body></html>")
    body = [para(t) for t in story + more]
    assert drop_class_hidden(body, tree) == body
    thanks = "感谢您的订阅！"  # a short message stays short
    tree = lxml.html.fromstring(
        f'<html><body><article><p>{story[0]}</p><p class="hidden">{thanks}</p></article></body></html>'
    )
    assert texts(drop_class_hidden([para(story[0]), para(thanks)], tree)) == [story[0]]


def test_a_class_hidden_print_only_line_is_dropped() -> None:
    line = "Printed from the Harbour Gazette website."
    for hidden in ('<p class="d-none d-print-block">{}</p>', '<p class="hidden print:block">{}</p>'):
        tree = lxml.html.fromstring(f"<html><body><p>{ARTICLE}</p>{hidden.format(line)}</body></html>")
        assert texts(drop_class_hidden([para(ARTICLE), para(line)], tree)) == [ARTICLE]


MORE = (
    "The rest of the story continues here: the council will vote again in spring on the second phase.",
    "Until then the quay stays closed to all traffic, the harbour master confirmed to reporters.",
)


@pytest.mark.parametrize(
    "hidden",
    [
        # two paragraphs behind a "Read more" button are the article's, whatever opens them
        '<div class="hide" id="more"><p>{0}</p><p>{1}</p></div><a href="#" class="btn">Read more</a>',
        # one long paragraph (over forty words)
        '<div class="hidden"><p>{0} {1} {0}</p></div>',
        # what a visible control opens
        '<a href="#more">Read more</a><div class="hide" id="more"><p>{0}</p></div><p>{1}</p>',
        '<button data-toggle="collapse" data-target="#more">More</button><div class="hide" id="more"><p>{0}</p></div><p>{1}</p>',
        '<button data-bs-target=".more">More</button><div class="d-none more"><p>{0}</p></div><p>{1}</p>',
        '<span role="button" aria-controls="x more">More</span><div class="hidden" id="more"><p>{0}</p></div><p>{1}</p>',
        # a spoiler: a button right before what it shows
        '<div class="spoiler"><button>Show spoiler</button><div class="hide"><p>{0}</p></div></div><p>{1}</p>',
    ],
)
def test_hidden_prose_a_reader_opens_stays(hidden: str) -> None:
    story = [
        f"Paragraph {n} of the story about the harbour, long enough to read as a report." for n in range(6)
    ]
    markup = "".join(f"<p>{t}</p>" for t in story) + hidden.format(*MORE)
    tree = lxml.html.fromstring(f"<html><body><article>{markup}</article></body></html>")
    more = [para(MORE[0]), para(MORE[1])]
    if "{0} {1} {0}" in hidden:
        more = [para(f"{MORE[0]} {MORE[1]} {MORE[0]}")]
    body = [para(t) for t in story] + more
    assert drop_class_hidden(body, tree) == body


def test_a_forms_hidden_message_after_its_submit_button_is_dropped() -> None:
    thanks = "Thank you for subscribing to our newsletter!"
    tree = lxml.html.fromstring(
        f'<html><body><p>{ARTICLE}</p><form><input name="email"><button>Subscribe</button>'
        f'<p class="hide">{thanks}</p></form><a href="#top">Top</a></body></html>'
    )
    assert texts(drop_class_hidden([para(ARTICLE), para(thanks)], tree)) == [ARTICLE]


def test_a_long_print_only_citation_is_dropped() -> None:
    """Shown on paper only, not opened on screen: not the prose the step keeps, however long."""
    cite = (
        "Citation: The story (2019, November 18) retrieved 20 November 2019 from https://example.org/x. " * 4
    )
    story = [t.split("</p>")[0] for t in STORY.split("<p>")[1:]] * 3
    markup = "".join(f"<p>{t}</p>" for t in story)
    for hidden in ('<div class="d-none d-print-block">{}</div>', '<div class="hidden print:block">{}</div>'):
        tree = lxml.html.fromstring(f"<html><body>{markup}{hidden.format(cite)}</body></html>")
        assert texts(drop_class_hidden([para(t) for t in story] + [para(cite.strip())], tree)) == story


def test_a_kept_dialogs_own_hidden_messages_are_dropped() -> None:
    """A share dialog long enough to count as prose is kept, its hidden "error" and "Thank you" are not;
    two short paragraphs are no prose, and a send button is no spoiler's "Show"."""
    error = "An error has occurred, please try again later."
    lede = " ".join(["The dialog quotes the story's headline and lede, long enough to pass forty words."] * 4)
    tree = lxml.html.fromstring(
        f'<html><body>{STORY}<div class="hide" id="share"><p>{lede}</p><form><input></form>'
        f'<button class="submit">SEND</button><p class="hide">{error}</p>'
        '<div class="hide"><p>Thank you</p><p>This article has been sent to</p></div></div></body></html>'
    )
    story = [t.split("</p>")[0] for t in STORY.split("<p>")[1:]]
    body = [para(t) for t in story] + [para(error), para("Thank you"), para("This article has been sent to")]
    assert texts(drop_class_hidden(body, tree)) == story


def test_class_hidden_text_the_page_also_shows_stays() -> None:
    tree = lxml.html.fromstring(
        f'<html><body><p>{ARTICLE}</p><p>Thank you</p><div class="hide"><p>Thank you</p></div></body></html>'
    )
    body = [para(ARTICLE), para("Thank you")]
    assert drop_class_hidden(body, tree) == body
    assert "hidden-classes" in BODY_STEPS


# --------------------------------------------------------------------------
# Trails of links


def link(text: str) -> Link:
    return Link((Text(text),), f"/{text.lower()}")


@pytest.mark.parametrize(
    "content",
    [
        (link("Home"), Text(" > "), link("News"), Text(" > This story")),
        (link("Home"), Text(" › "), link("World"), Text(" › "), link("Asia")),
        (link("About"), Text(" | "), link("Contact"), Text(" | "), link("Jobs")),
        (link("ホーム"), Text(" ＞ "), link("ニュース")),
    ],
)
def test_a_trail_of_links_is_dropped(content: tuple) -> None:
    body = [Paragraph(content), para(ARTICLE)]
    assert texts(drop_link_trails(body)) == [ARTICLE]


@pytest.mark.parametrize(
    "content",
    [
        (link("Home"), Text(" and "), link("News")),  # words between the links: a sentence
        (Text("Read "), link("this"), Text(" / "), link("that")),  # text before the first link
        (link("Home"), Text(" > "), link("News"), Text(" > more text > and more")),  # two unlinked steps
        (link("Home"), Text(" "), link("News")),  # no separator at all
        (link("Only one link"),),
    ],
)
def test_links_in_a_sentence_stay(content: tuple) -> None:
    body = [Paragraph(content), para(ARTICLE)]
    assert drop_link_trails(body) == body


# --------------------------------------------------------------------------
# Tables of site links


def cell(label: str, target: str | None) -> tuple:
    return (Strong((Text(label),)), Text(" "), link(target)) if target else (Text(label),)


def column(*cells: tuple) -> Table:
    return Table((), tuple((c,) for c in cells))


def test_a_one_column_table_of_labelled_links_is_dropped() -> None:
    menu = column(
        cell("Our sites", None),
        cell("Today's flower", "Pine"),
        cell("Today's birthday", "A magician"),
        cell("Today's story", "The greedy dog"),
        cell("Today's tale", "A new year's tale"),
    )
    assert texts(drop_link_tables([menu, para(ARTICLE)])) == [ARTICLE]
    row = Table((), (tuple(cell(x, x) for x in ("One", "Two", "Three")),))  # one row of links
    assert texts(drop_link_tables([row, para(ARTICLE)])) == [ARTICLE]


@pytest.mark.parametrize(
    "table",
    [
        column(cell("Today's flower", "Pine"), cell("Today's birthday", "A magician")),  # two cells
        column(cell("One", "a"), cell("Two", None), cell("Three", None), cell("Four", "b")),  # half linked
        column(cell("One", "a"), cell("Two", "b"), cell("Three " * 40, "c")),  # a cell of running text
        Table((((Text("Name"),), (Text("Site"),)),), tuple((cell(x, None), cell(x, x)) for x in "ABC")),
        Table((), tuple((cell(x, x), cell(x, x)) for x in "ABCD")),  # two columns: data
    ],
)
def test_data_tables_and_short_or_unlinked_tables_stay(table: Table) -> None:
    assert drop_link_tables([table, para(ARTICLE)]) == [table, para(ARTICLE)]


# --------------------------------------------------------------------------
# Layout tables


def read(markup: str) -> list[Block]:
    page = f"<!DOCTYPE html><html><head><title>An old page</title></head><body>{markup}</body></html>"
    return list(HtmlReader().read(page.encode("utf-8"), ReadOptions()).body)


def test_an_article_laid_out_in_a_one_row_table_keeps_its_paragraphs() -> None:
    body = read(f"<table><tr><td>&nbsp;</td><td>{STORY}</td><td></td></tr></table>")
    assert not any(isinstance(b, Table) for b in body)
    paragraphs = [plain_text(b) for b in body if isinstance(b, Paragraph)]
    assert len(paragraphs) == 3 and paragraphs[0].startswith("The first paragraph")


def test_a_data_table_stays_a_table() -> None:
    rows = "".join(f"<tr><td>{n}</td><td>{n * 7} tonnes</td></tr>" for n in range(1, 5))
    body = read(f"{STORY}<table><tr><th>Year</th><th>Harvest</th></tr>{rows}</table>")
    tables = [b for b in body if isinstance(b, Table)]
    assert len(tables) == 1 and len(tables[0].rows) == 4


def test_a_text_the_page_shows_as_well_as_hides_stays() -> None:
    lede = "The lede of the story, which a hidden send-by-mail box quotes as well."
    tree = lxml.html.fromstring(
        f'<html><body><p>{lede}</p><p>{ARTICLE}</p><p><a href="/login">Log in</a></p>'
        f'<div style="display:none"><p>{lede}</p><p>Log in</p></div></body></html>'
    )
    body = [para(lede), para(ARTICLE), para("Log in")]
    assert texts(drop_hidden(body, tree)) == [lede, ARTICLE]  # a control's word is no such copy


def test_images_above_the_headline_do_not_hide_its_copy() -> None:

    title = "Fed's statement, with a twist"
    logos = [Figure("sponsor.gif"), Figure("arrow.gif"), Figure("icon.gif")]
    body = [Heading(2, (Text("Market Insider"),)), *logos, Heading(1, (Text(title),)), para(ARTICLE)]
    assert [b for b in drop_title_heading(body, title) if isinstance(b, Heading)] == [body[0]]


# --------------------------------------------------------------------------
# Review fixes: text the page shows is not dropped for a hidden copy of it


def test_headings_a_hidden_table_of_contents_repeats_stay() -> None:
    names = ["Background", "Methods", "Results"]
    toc = "".join(f'<li><a href="#{n.lower()}">{n}</a></li>' for n in names)
    sections = "".join(f'<h2 id="{n.lower()}">{n}</h2><p>{ARTICLE}</p>' for n in names)
    tree = lxml.html.fromstring(
        f'<html><body><nav style="display:none"><ul>{toc}</ul></nav>{sections}</body></html>'
    )
    body = [block for n in names for block in (Heading(2, (Text(n),)), para(ARTICLE))]
    assert drop_hidden(body, tree) == body


def test_a_short_paragraph_the_page_shows_as_a_paragraph_stays() -> None:
    tree = lxml.html.fromstring(
        f"<html><body><p>{ARTICLE}</p><p>More to follow.</p>"
        "<div hidden><p>More to follow.</p><p><button>Log in</button></p></div>"
        f"<p><label>Log in</label></p></body></html>"
    )
    body = [para(ARTICLE), para("More to follow."), para("Log in")]
    assert texts(drop_hidden(body, tree)) == [ARTICLE, "More to follow."]  # a label's word is a control's


def test_content_hidden_until_found_is_shown() -> None:
    tree = lxml.html.fromstring(
        f'<html><body><p>{ARTICLE}</p><section hidden="until-found"><p>An accordion answer.</p></section>'
        "</body></html>"
    )
    body = [para(ARTICLE), para("An accordion answer.")]
    assert drop_hidden(body, tree) == body


# --------------------------------------------------------------------------
# Review fixes: lists of links that are the article's own


def agencies(*hosts: str) -> Paragraph:
    names = ("Reuters", "Associated Press", "AFP")
    content: list = []
    for name, host in zip(names, hosts, strict=True):
        content += [Text(" | ")] if content else []
        content.append(Link((Text(name),), host))
    return Paragraph(tuple(content))


def test_a_trail_of_links_inside_the_story_stays() -> None:
    body = read(
        f"{STORY}<p>The wires that carried the story first:</p>"
        '<p><a href="https://a.org/">Reuters</a> | <a href="https://b.org/">Associated Press</a> | '
        f'<a href="https://c.org/">AFP</a></p>{STORY.replace("paragraph", "part")}'
    )
    assert "Reuters | Associated Press | AFP" in texts(body)
    middle = [para(ARTICLE), agencies("/reuters", "/ap", "/afp"), para(ARTICLE)]
    assert drop_link_trails(middle) == middle  # between paragraphs of prose: the story's own


def test_a_trail_of_links_to_other_sites_at_the_edge_stays_when_the_page_names_its_site() -> None:
    sources = agencies("https://a.org/", "https://b.org/", "https://c.org/")
    assert drop_link_trails([para(ARTICLE), sources], "https://news.example/story") == [
        para(ARTICLE),
        sources,
    ]
    own = agencies("https://www.news.example/a", "/b", "c.html")
    assert drop_link_trails([para(ARTICLE), own], "https://news.example/story") == [para(ARTICLE)]


def download(name: str) -> tuple:
    return (Link((Text(f"{name} (PDF)"),), f"/files/{name.lower().replace(' ', '-')}.pdf"),)


def test_a_table_of_downloads_stays() -> None:
    reports = column(*(download(f"Report {year}") for year in (2021, 2022, 2023)))
    assert drop_link_tables([para(ARTICLE), reports]) == [para(ARTICLE), reports]  # documents, not pages
    pages = column(*((Link((Text(f"Report {y}"),), f"/reports/{y}"),) for y in (2021, 2022, 2023)))
    assert drop_link_tables([para(ARTICLE), pages, para(ARTICLE)]) == [para(ARTICLE), pages, para(ARTICLE)]
    assert drop_link_tables([para(ARTICLE), pages]) == [para(ARTICLE)]  # after the story: the site's


def test_a_one_column_table_of_short_cells_stays_a_table() -> None:
    fruit = "".join(
        f"<tr><td>{name}, {n} tonnes</td></tr>" for n, name in enumerate(("Apples", "Pears", "Plums"))
    )
    note = "<tr><td><p>Figures from the harvest board, rounded to the tonne.</p></td></tr>"
    for markup in (fruit, fruit + note):  # a note under the figures does not make it a layout
        tables = [b for b in read(f"{STORY}<table>{markup}</table>") if isinstance(b, Table)]
        assert len(tables) == 1 and [plain_text(r[0]) for r in tables[0].rows][:3] == [
            f"{name}, {n} tonnes" for n, name in enumerate(("Apples", "Pears", "Plums"))
        ]


def test_a_one_row_table_of_columns_of_paragraphs_is_read_as_paragraphs() -> None:
    left, right = STORY.split("</p>", 1)
    body = read(f"<table><tr><td>{left}</p></td><td>{right}</td></tr></table>")
    assert not any(isinstance(b, Table) for b in body)
    assert [plain_text(b)[:20] for b in body if isinstance(b, Paragraph)] == [
        "The first paragraph ",
        "The second paragraph",
        "The third paragraph ",
    ]


def test_the_byline_check_and_the_hidden_step_see_the_same_page() -> None:
    tree = lxml.html.fromstring(
        '<html><body><p>Shown</p><div aria-hidden="true">Icon</div><div hidden="until-found">Folded</div>'
        '<div hidden>Closed</div><p style="visibility:hidden">Invisible</p><script>code()</script></body></html>'
    )
    assert reader_text(tree, strict=True) == "Shown Folded"
    assert reader_text(tree) == "Shown Icon Folded Closed Invisible"
