"""Body steps against a site's own furniture in trafilatura's result: hidden pop-ups (a paywall's
"members only", a login form), trails of links (breadcrumbs, bars of site links), tables of
site links and the lists of other pages a body ends with ("Related", "Read more"). Each is a
switch in :data:`convert.readers.html.BODY_STEPS`.
"""

from __future__ import annotations

import functools
import mimetypes
import re
import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from lxml import etree
from lxml.html import HtmlElement

from ...locale.script import word_count
from ...model import (
    Block,
    BlockQuote,
    Emph,
    Figure,
    Heading,
    Inline,
    Link,
    List,
    Paragraph,
    Strong,
    Table,
    Text,
    plain_text,
)
from .._bylines import find_byline
from .text import is_hidden, reader_text
from .text import name_key as _key

#: The elements that may be hidden (:func:`~.text.is_hidden`), as Mozilla Readability's
#: ``_isProbablyVisible`` decides it and trafilatura's own ``OVERALL_DISCARD_XPATH`` drops them on
#: its main path (its fallback extractors do not).
_MAYBE_HIDDEN = etree.XPath("//body//*[@style or @hidden or @aria-hidden]")

#: A text this long (in letters and digits) that is hidden and shown too is the page's text twice
#: (a "send by e-mail" box quoting the lede, a plain copy of highlighted code); a shorter one stays
#: only when the page shows it as a block of text of its own (:data:`_TEXT_ELEMENTS`), not as the
#: word of a control ("Log in") that a hidden pop-up shares with a shown button.
_SHOWN_TWICE = 20

#: The elements that show a short text as the page's own (HTML's headings, paragraphs, list items,
#: definitions and table cells) and the controls whose words are not (links, buttons, labels).
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_TEXT_ELEMENTS = etree.XPath(
    "//body//*[self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6"
    " or self::p or self::li or self::dd or self::td]"
)
_CONTROLS = frozenset({"a", "button", "label"})


def drop_hidden(body: list[Block], tree: HtmlElement | None) -> list[Block]:
    """Blocks whose text is a hidden element's are not the article.

    A paywall's "members only" pop-up, a login form, a share menu: pages
    carry them hidden until a button opens them. trafilatura drops hidden
    elements on its main path but not in its fallbacks. A block is dropped
    when its whole text is that of a hidden element, unless the page also
    shows that text: anywhere, for a long text (:data:`_SHOWN_TWICE`); as a
    heading, paragraph, list item or cell not all inside a link, button or
    label, for a short one; as a heading, for a heading (a hidden table of
    contents repeats the section headings). When such blocks would be half
    the body or more, the page hides its article until a script shows it,
    and all is kept.
    """
    if tree is None:
        return body
    return _drop_hidden_text(body, tree, _hidden_roots(tree))


def drop_class_hidden(body: list[Block], tree: HtmlElement | None) -> list[Block]:
    """Blocks whose text is that of an element a CSS framework's utility class hides
    (:data:`_HIDING_CLASSES`), on the terms of :func:`drop_hidden`.

    A form's "Thank you" and "An error has occurred, please try again later", a closed
    dialog: sites keep them in the page with a class such as Bootstrap's ``hide`` until a
    script shows them, and trafilatura does not read class names as styles.
    """
    if tree is None:
        return body
    return _drop_hidden_text(body, tree, _class_hidden_roots(tree))


def _drop_hidden_text(body: list[Block], tree: HtmlElement, roots: list[HtmlElement]) -> list[Block]:
    if not roots:
        return body
    texts = [plain_text(b) if not isinstance(b, Figure) else "" for b in body]
    keys = [_key(t) for t in texts]
    everything = _key(" ".join(_text(root) for root in roots))
    found = [len(t) for t, k in zip(texts, keys, strict=True) if k and k in everything]
    if not found:
        return body  # the common case, decided without a key for every hidden element
    longest = 2 * max(found) + 100  # an element's text longer than this is no block's: not keyed
    hidden = {
        _key(text)
        for root in roots
        for el in root.iter()
        if isinstance(el.tag, str) and len(text := el.text_content()) <= longest
    }
    drop = {k for k in keys if k and k in hidden}
    if any(len(k) >= _SHOWN_TWICE for k in drop):
        shown = _key(reader_text(tree, skip=set(roots)))
        drop = {k for k in drop if len(k) < _SHOWN_TWICE or k not in shown}
    as_text, as_heading = _shown_elements(tree, roots, drop, longest)
    drop -= as_text
    kept = [
        not k or k not in drop or (isinstance(b, Heading) and k in as_heading)
        for b, k in zip(body, keys, strict=True)
    ]
    dropped = sum(len(k) for k, keep in zip(keys, kept, strict=True) if not keep)
    if not dropped or 2 * dropped >= sum(len(k) for k in keys):
        return body
    return [b for b, keep in zip(body, kept, strict=True) if keep]


def _hidden_roots(tree: HtmlElement) -> list[HtmlElement]:
    """The hidden elements of ``<body>`` that are not inside another one."""
    marked = [el for el in _MAYBE_HIDDEN(tree) if is_hidden(el)]
    inside = set(marked)
    return [el for el in marked if not any(a in inside for a in el.iterancestors())]


#: The utility classes that hide an element, as the CSS frameworks document them: Bootstrap's
#: ``hide`` (2.x), ``hidden`` (3.x) and ``d-none`` (4–5); Foundation's ``hide``; Tailwind's
#: ``hidden``; Bulma's ``is-hidden``; UIkit's ``uk-hidden``. Not their ``invisible`` classes
#: (``visibility: hidden``, which keeps the element's place): scroll-reveal scripts set them until
#: the reader scrolls to the text (``<p class="wow fadeInUp invisible">``). Screen-reader classes
#: (``sr-only``, ``visually-hidden``) are not among them either: their text is read out.
_HIDING_CLASSES = frozenset({"hide", "hidden", "d-none", "is-hidden", "uk-hidden"})
#: The display values a class may show an element with again (CSS Display Level 3's keywords as
#: Tailwind names its utilities, and ``visible``).
_DISPLAYS = (
    r"(?:block|inline|inline-block|flex|inline-flex|grid|inline-grid|table|inline-table|table-cell"
    r"|table-row|table-row-group|table-column|table-column-group|table-caption|table-header-group"
    r"|table-footer-group|contents|flow-root|list-item|visible)"
)
#: A class that shows the element again at some screen width, hidden on a phone not being hidden:
#: Bootstrap's ``d-md-block`` and 3's ``visible-md``; Tailwind's variants (``md:block``,
#: ``dark:md:block``, ``min-[900px]:table-cell``, ``md:!block``, ``md:block!``), but not its
#: ``print:``; Bulma's ``is-block-desktop``, ``is-flex-tablet-only``.
#: Tailwind's screen-width variants (``md:``, ``max-lg:``, ``min-[900px]:``): a state variant
#: (``hover:``, ``group-hover:``, ``focus:``) shows the element only while the reader does something.
_WIDTH = r"(?:max-)?(?:sm|md|lg|xl|2xl)|(?:min|max)-\[[^\]]+\]"
_SHOWING_CLASS = re.compile(
    rf"d-(?:sm|md|lg|xl|xxl)-(?!none\b)[\w-]+|visible-[\w-]+|(?:dark:)?(?:{_WIDTH}):(?:(?:{_WIDTH}):)*!?{_DISPLAYS}!?"
    rf"|is-{_DISPLAYS}-(?:mobile|tablet|touch|desktop|widescreen|fullhd)(?:-only)?"
)
_CLASSED = etree.XPath("//body//*[@class]")
#: Shown on paper only (Bootstrap's ``d-print-block``, Tailwind's ``print:block``): the printed page's
#: citation, address or copyright, not text a reader opens on screen.
_PRINT_ONLY = re.compile(
    rf"(?:^|[ \t\n\f\r])(?:d-print-(?!none)[\w-]+|(?:\S+:)?print:!?{_DISPLAYS}!?)(?=[ \t\n\f\r]|$)"
)
#: HTML splits a class attribute on ASCII whitespace only (a no-break space is part of a name).
_CLASS_SPLIT = re.compile(r"[ \t\n\f\r]+")
#: A hidden element holding this much is text a reader opens ("Read more", a spoiler), not the short
#: message, dialog or skip link the step is for: more words than this, or two paragraphs (``<p>``)
#: of at least :data:`_PARAGRAPH_WORDS` each (a dialog's "Thank you" and "This article has been sent
#: to" are not). Words as :func:`~convert.locale.script.word_count` counts them (a Han character one).
_PROSE_WORDS = 40
_PARAGRAPH_WORDS = 10
#: What points a visible control at the element it shows: a link to ``#id``, Bootstrap's
#: ``data-target``/``data-bs-target`` (``#id`` or ``.class``), WAI-ARIA's ``aria-controls`` (ids).
_POINTERS = etree.XPath("//body//*[@href or @data-target or @data-bs-target or @aria-controls]")


def _class_hidden_roots(tree: HtmlElement) -> list[HtmlElement]:
    """The elements of ``<body>`` a framework's class hides (:data:`_HIDING_CLASSES`), not inside another,
    but not those that hold prose (:data:`_PROSE_WORDS`), that a visible control points to or that
    follow a disclosure button (WAI-ARIA Authoring Practices' "Disclosure" pattern)."""
    marked = []
    for el in _CLASSED(tree):
        words = [w for w in _CLASS_SPLIT.split(el.get("class") or "") if w]
        if not _HIDING_CLASSES.isdisjoint(words) and not any(_SHOWING_CLASS.fullmatch(w) for w in words):
            marked.append(el)
    if not marked:
        return marked
    ids, classes = _pointed_at(tree, set(marked))
    # A kept element's own hidden parts (a share dialog's "Thank you") are still hidden.
    marked = [
        el
        for el in marked
        if _PRINT_ONLY.search(el.get("class") or "")
        or not _holds_prose(el)
        and el.get("id") not in ids
        and classes.isdisjoint(_CLASS_SPLIT.split(el.get("class") or ""))
        and not _after_disclosure_button(el)
    ]
    inside = set(marked)
    return [el for el in marked if not any(a in inside for a in el.iterancestors())]


def _holds_prose(el: HtmlElement) -> bool:
    # words as word processors count them: each Han or kana character one (a Chinese "Read more")
    paragraphs = sum(1 for p in el.iter("p") if word_count(_text(p)) >= _PARAGRAPH_WORDS)
    return paragraphs >= 2 or word_count(_text(el)) > _PROSE_WORDS


def _pointed_at(tree: HtmlElement, hidden: set[HtmlElement]) -> tuple[set[str], set[str]]:
    """The ids and classes the page's controls outside ``hidden`` elements point to."""
    ids: set[str] = set()
    classes: set[str] = set()
    for el in _POINTERS(tree):
        if el in hidden or any(a in hidden for a in el.iterancestors()):
            continue
        href = el.get("href") or ""
        if href.startswith("#") and len(href) > 1:
            ids.add(href[1:])
        for name in ("data-target", "data-bs-target"):
            target = (el.get(name) or "").strip()
            if target.startswith("#") and len(target) > 1:
                ids.add(target[1:])
            elif target.startswith(".") and len(target) > 1:
                classes.add(target[1:])
        ids.update(w for w in _CLASS_SPLIT.split(el.get("aria-controls") or "") if w)
    return ids, classes


def _after_disclosure_button(el: HtmlElement) -> bool:
    """Whether ``el`` and a ``<button>`` before it are all their parent holds (a spoiler: "Show", then
    the text; WAI-ARIA Authoring Practices' "Disclosure" pattern), the button submitting no form."""
    parent = el.getparent()
    children = [c for c in parent if isinstance(c.tag, str)] if parent is not None else []
    if len(children) != 2 or children[1] is not el or children[0].tag != "button":
        return False
    if (children[0].get("type") or "").lower() == "submit":
        return False
    return not any(a.tag == "form" for a in el.iterancestors())


def _shown_elements(
    tree: HtmlElement, hidden: list[HtmlElement], wanted: set[str], longest: int
) -> tuple[set[str], set[str]]:
    """Which of the ``wanted`` keys the page shows outside its ``hidden`` elements: as the text of a
    heading, paragraph, list item or cell not all inside a control (:data:`_CONTROLS`); and as a heading's.
    """
    as_text: set[str] = set()
    as_heading: set[str] = set()
    if not wanted:
        return as_text, as_heading
    skip = set(hidden)
    for el in _TEXT_ELEMENTS(tree):
        if len(el.text_content()) > longest or (key := _key(_text(el))) not in wanted:
            continue
        if el in skip or any(a in skip for a in el.iterancestors()):
            continue
        if el.tag in _HEADINGS:
            as_heading.add(key)
        if _key(_text(el, controls=False)):
            as_text.add(key)
    return as_text, as_heading


def _text(el: HtmlElement, *, controls: bool = True) -> str:
    """An element's text, its scripts, style sheets and comments left out (and without ``controls``,
    its links, buttons and labels)."""
    if not isinstance(el.tag, str) or el.tag in ("script", "style"):
        return ""
    parts = [el.text or ""]
    for child in el:
        if controls or child.tag not in _CONTROLS:
            parts.append(_text(child, controls=controls))
        parts.append(child.tail or "")
    return "".join(parts)


#: The characters a trail of links is set with (``Home > News > Story``, ``Home › News``, ``A | B``):
#: the separators of the WAI-ARIA Authoring Practices breadcrumb example (``/``) and schema.org's
#: BreadcrumbList examples (``>``, ``›``, ``»``), with their full-width and arrow forms.
_TRAIL_SEPARATORS = ">›»/|→＞≫／｜"
_TRAIL_GAP = re.compile(rf"[\s{re.escape(_TRAIL_SEPARATORS)}]*")
_TRAIL_END = re.compile(rf"\s*[{re.escape(_TRAIL_SEPARATORS)}][^{re.escape(_TRAIL_SEPARATORS)}]*")


def _is_link_trail(block: Block) -> bool:
    """A paragraph of two or more links set apart by separators alone (a last unlinked step allowed).

    That is a breadcrumb trail or a bar of site links (``Home > News > This
    story``, ``About | Contact``), not a sentence: no text but separators
    between the links, and after the last link at most a separator and the
    page's own name.
    """
    if not isinstance(block, Paragraph):
        return False
    links = separators = 0
    last = len(block.content) - 1
    for i, node in enumerate(block.content):
        if isinstance(node, Link):
            links += 1
        elif isinstance(node, Text) and _TRAIL_GAP.fullmatch(node.text):
            separators += any(c in _TRAIL_SEPARATORS for c in node.text)
        elif isinstance(node, Text) and i == last and links and _TRAIL_END.fullmatch(node.text):
            separators += 1
        else:
            return False
    return links >= 2 and separators >= links - 1


def drop_link_trails(body: list[Block], page_url: str | None = None) -> list[Block]:
    """Trails of links (breadcrumbs, bars of site links) at the body's edges that link within the site
    (:func:`_drop_site_furniture`) are the site's, not the article's."""
    return _drop_site_furniture(body, _is_link_trail, page_url)


#: A table of site links: at least this many cells, this share of them with a link, none longer.
_LINK_TABLE_CELLS = 3
_LINK_TABLE_SHARE = 0.8
_LINK_TABLE_CELL_CHARS = 100


def _has_link(content: tuple[Inline, ...]) -> bool:
    return any(
        isinstance(n, Link) or (isinstance(n, Emph | Strong) and _has_link(n.content)) for n in content
    )


def _is_link_table(block: Block) -> bool:
    """A one-column (or one-row) table without a header whose short cells nearly all hold a link.

    That is a page's menu laid out as a table (Mozilla Readability's
    ``_markDataTables`` takes a table of one row or one column as layout, not
    data): "today's links", "our other sites", one label and one link a cell.
    """
    if not isinstance(block, Table) or block.head:
        return False
    if len(block.rows) > 1 and max(sum(1 for c in r if c) for r in block.rows) > 1:
        return False
    cells = [c for row in block.rows for c in row if plain_text(c).strip()]
    if len(cells) < _LINK_TABLE_CELLS or any(len(plain_text(c)) > _LINK_TABLE_CELL_CHARS for c in cells):
        return False
    return sum(_has_link(c) for c in cells) >= _LINK_TABLE_SHARE * len(cells)


def drop_link_tables(body: list[Block], page_url: str | None = None) -> list[Block]:
    """Tables that are menus of site links (:func:`_is_link_table`) at the body's edges are not the
    article (:func:`_drop_site_furniture`)."""
    return _drop_site_furniture(body, _is_link_table, page_url)


#: A list of other pages at the body's end: at least this many links, each a block of its own.
_LINK_LIST_LINKS = 2

#: Longer than this, a block above a list of links is running text, not the list's label.
_LABEL_CHARS = 80

#: Longer than this, the text under a list item's linked headline is prose of its own (a review, a
#: summary), not a teaser: the length search engines cut a page's description at, which such teasers
#: usually are (Google's snippets, about 155-160 characters).
_TEASER_CHARS = 160

#: Without a colon, a label is this short at most: "Related", "Mehr zum Thema", "Lesen Sie auch",
#: "関連記事" (letters counted, for scripts that write no spaces) …
_LABEL_WORDS = 4
_LABEL_LETTERS = 30


def _has_sentence_end(text: str) -> bool:
    """Whether ``text`` has a sentence's end in any script (Unicode's ``Sentence_Terminal`` property:
    ``. ! ?`` and ``。 ؟ । ።`` …); ``regex`` is imported on first use (it costs milliseconds)."""
    return _sentence_end().search(text) is not None


@functools.cache
def _sentence_end() -> Any:
    import regex  # type: ignore[import-untyped]

    return regex.compile(r"\p{Sentence_Terminal}")


def _is_link_only(block: Block) -> bool:
    """A paragraph or heading of links and nothing else: no letters of its own outside them."""
    return (
        isinstance(block, Paragraph | Heading)
        and _has_link(block.content)
        and not _own_letters(block.content)
    )


def _links_in_list(block: Block, host: str | None) -> int:
    """How many other pages of the site ``block`` lists: 1 for a paragraph that is a link and nothing
    more; for a list whose every item opens with one (a headline, then at most a teaser of
    :data:`_TEASER_CHARS`), its items; else 0. A link to another site or to a document
    (:func:`_site_link`) is a source the article cites, not another page of the site: 0."""
    if _is_link_only(block):
        items = [[block]]
    elif isinstance(block, List) and all(
        item
        and _is_link_only(item[0])
        and len(plain_text(tuple(b for b in item[1:] if not isinstance(b, Figure))).strip()) <= _TEASER_CHARS
        for item in block.items
    ):
        items = [list(item) for item in block.items]
    else:
        return 0
    if not all(_site_link(url, host) for item in items for b in item for url in _block_urls(b)):
        return 0
    return len(items)


def _is_label(block: Block) -> bool:
    """A heading; or a short paragraph, not all links, that is no sentence: one that ends in a colon
    with no sentence end before it (``Read more:``, not ``… our series. Read it all:``), or a few words
    (:data:`_LABEL_WORDS`, :data:`_LABEL_LETTERS`) ending in a letter or digit with no sentence end
    in any script (``Related``, ``Mehr zum Thema``; :func:`_has_sentence_end`) and not a byline
    (``By Jane Doe``, :func:`~convert.readers._bylines.find_byline`)."""
    text = plain_text(block).strip()
    if not text or len(text) > _LABEL_CHARS:
        return False
    if isinstance(block, Heading):
        return True
    if not isinstance(block, Paragraph) or not _own_letters(block.content):
        return False
    if unicodedata.name(text[-1], "").endswith(" COLON") or text[-1] == ":":
        return not _has_sentence_end(text[:-1])
    return (
        text[-1].isalnum()
        and len(text.split()) <= _LABEL_WORDS
        and sum(c.isalnum() for c in text) <= _LABEL_LETTERS
        and not _has_sentence_end(text)
        and find_byline(text) is None
    )


def drop_link_lists(body: list[Block], page_url: str | None = None) -> list[Block]:
    """The list of other pages of the site a body ends with ("Related articles", "More from the
    column") is not the article.

    trafilatura keeps such a list when the site marks it up as paragraphs or
    a list inside the article's container. At the body's end, a run of
    blocks that are links and nothing else (:func:`_links_in_list`; a list
    item may add a short teaser under its linked headline), naming at least
    :data:`_LINK_LIST_LINKS` pages, is dropped with the label right above it
    (:func:`_is_label`); figures among them stay. Every link must stay on the
    site (:func:`_site_link`): a list of sources, documents or further reading
    elsewhere is the article's own. A link of one's own at the end ("Buy it
    here") is too few, and a body that is nothing but links is kept whole, as
    is one whose run has more text than the body above it: a briefing or a
    digest whose stories, headline and teaser each, are the article.
    This is Mozilla Readability's link density (``_getLinkDensity``) at its
    limit: blocks whose text is all link text.
    """
    host = _host(page_url)
    text = [i for i, block in enumerate(body) if not isinstance(block, Figure)]
    start, links = len(text), 0
    while start > 0 and (n := _links_in_list(body[text[start - 1]], host)):
        links += n
        start -= 1
    if links < _LINK_LIST_LINKS or start == 0:
        return body
    cut = text[start]
    if _chars(body[cut:]) > _chars(body[:cut]):
        return body  # more text than the story above it: the list is the article (a briefing, a digest)
    if start > 1 and _is_label(body[text[start - 1]]):
        cut = text[start - 1]
    return [*body[:cut], *(b for b in body[cut:] if isinstance(b, Figure))]


def _chars(blocks: list[Block]) -> int:
    return sum(len(plain_text(b).strip()) for b in blocks if not isinstance(b, Figure))


# --------------------------------------------------------------------------
# Where a trail or table of links sits, and where its links point


def _drop_site_furniture(
    body: list[Block], furniture: Callable[[Block], bool], page_url: str | None
) -> list[Block]:
    """``body`` without the blocks that are ``furniture``, sit at its edges and link within the site.

    A site's menus and breadcrumbs come before the article or after it; a
    list of links between its paragraphs (the agencies that carried a story,
    the reports it draws on) is the article's own. So a block is dropped
    only before the first paragraph of prose or after the last
    (:func:`_is_prose`), and only when every link in it stays on the site
    (:func:`_site_link`).
    """
    prose = [i for i, block in enumerate(body) if _is_prose(block)]
    first, last = (prose[0], prose[-1]) if prose else (len(body), -1)
    host = _host(page_url)
    return [
        block
        for i, block in enumerate(body)
        if not (
            (i < first or i > last)
            and furniture(block)
            and all(_site_link(url, host) for url in _link_urls(block))
        )
    ]


def _is_prose(block: Block) -> bool:
    """A paragraph (or a list or quotation of them) with letters of its own, outside its links; not a trail."""
    match block:
        case Paragraph(content=content):
            return not _is_link_trail(block) and _own_letters(content)
        case List(items=items):
            return any(_is_prose(b) for item in items for b in item)
        case BlockQuote(body=blocks):
            return any(_is_prose(b) for b in blocks)
    return False


def _own_letters(content: tuple[Inline, ...]) -> bool:
    for node in content:
        if isinstance(node, Text) and any(c.isalpha() for c in node.text):
            return True
        if isinstance(node, Emph | Strong) and _own_letters(node.content):
            return True
    return False


def _link_urls(block: Block) -> list[str]:
    rows = (
        block.rows
        if isinstance(block, Table)
        else (((block.content,),) if isinstance(block, Paragraph) else ())
    )
    return [url for row in rows for cell in row for url in _urls(cell)]


def _block_urls(block: Block) -> list[str]:
    """The addresses ``block`` links to: a paragraph's or heading's, or those of a list's items."""
    if isinstance(block, Paragraph | Heading):
        return _urls(block.content)
    if isinstance(block, List):
        return [url for item in block.items for b in item for url in _block_urls(b)]
    return []


def _urls(content: tuple[Inline, ...]) -> list[str]:
    out: list[str] = []
    for node in content:
        if isinstance(node, Link):
            out.append(node.url)
        elif isinstance(node, Emph | Strong):
            out.extend(_urls(node.content))
    return out


def _host(url: str | None) -> str | None:
    """A web address's host name, lower case, without ``www.``; ``None`` when there is none."""
    if not url:
        return None
    host = (urlsplit(url).hostname or "").removeprefix("www.")
    return host or None


#: The media types of a web page: a link to anything else (``report.pdf``, ``data.csv``) is a
#: document to download, which a site's menu does not offer (types from the ``mimetypes`` tables).
_PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def _site_link(url: str, page_host: str | None) -> bool:
    """A link to another page of the site: relative, or to the page's own host (only relative when
    the page does not say its address), and not to a document (:data:`_PAGE_TYPES`)."""
    parts = urlsplit(url)
    kind, _ = mimetypes.guess_type(parts.path)
    if kind is not None and kind not in _PAGE_TYPES:
        return False
    if parts.scheme not in ("", "http", "https"):
        return parts.scheme == "javascript"  # a script's control; mailto: and the like are not the site's
    if not parts.netloc:
        return True
    return page_host is not None and _host(url) == page_host
