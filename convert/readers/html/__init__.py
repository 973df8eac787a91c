"""Read a web page: the main article only, with its metadata.

trafilatura finds the article and :mod:`.body` maps it onto the article
tree (:mod:`.furniture` takes out what trafilatura's fallbacks keep of the
site's own: hidden pop-ups, trails of links, tables of site links, lists of
other pages at the end; :mod:`.lead` puts back the lead its teaser filter takes;
:mod:`.notes` keeps the footnotes as notes and the author's bio box as the bio);
metadata comes from evidence, one module per kind (:mod:`.metatags`:
``<meta>``, OpenGraph, Dublin Core; :mod:`.jsonld`: JSON-LD; :mod:`.byline`:
the visible byline; :mod:`.dates`: ``<time>``, URL and htmldate dates), and
one step weighs it (:mod:`.weigh`, :mod:`.weigh_authors`; :mod:`.names` is
the one test of a person's name). Nothing is ever fetched: image sources
stay as the page gives them (or resolved against the page's own address),
and the exporters decide what may be loaded.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from typing import Any, ClassVar

import lxml.etree
from lxml.html import HtmlElement

from ...base import ReadOptions
from ...errors import InputError
from ...locale.geonames import is_known_place
from ...model import Article, Block, Figure, Metadata, Paragraph, plain_text, replace
from .._bylines import find_byline, take_lead_credit
from .._lead_dateline import take_lead_dateline
from .body import (
    Mapper,
    Page,
    base_href,
    drop_caption_echoes,
    drop_date_line,
    drop_title_heading,
    mark_images,
    place_figures,
    resolve_images,
)
from .byline_line import drop_byline_line
from .credit_lines import credit_lines
from .dates import htmldate_date
from .decode import decode_html, looks_binary, parse_html
from .furniture import drop_class_hidden, drop_hidden, drop_link_lists, drop_link_tables, drop_link_trails
from .inlines import mark_quotes, unquote
from .lead import restore_lead
from .link_text import drop_link_text
from .math import mark_math, with_math
from .metatags import meta_tags, site_title_tails
from .notes import bio_boxes, drop_bios, mark_notes, referenced, unmark, with_bios, with_notes
from .subtitle import take_subtitle
from .text import name_key, squash
from .weigh import Extracted, build_metadata

__all__ = ["BODY_STEPS", "HtmlReader", "Page", "decode_html", "parse_html", "place_figures"]

# trafilatura logs every page it gives up on; that is our InputError's job.
for _name in ("trafilatura", "htmldate", "justext", "readability", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)

# --------------------------------------------------------------------------
# The reader


#: Fewer letters than this in the extracted body is a menu or a stub, not an article.
_MIN_LETTERS = 20

#: Broadsheet's own steps on trafilatura's body, in order, by name. Each takes the body and the
#: :class:`Page` (the page's metadata and parsed tree) and returns the body. ``bench/accuracy.py --ablate NAME`` switches one off:
#: a step stays only while trafilatura's own body score, with the step, is no lower on any source
#: (tuning half measured, validation half confirmed; see bench/RESULTS.md).
BODY_STEPS: dict[str, Callable[[list[Block], Page], list[Block]]] = {
    "hidden": lambda body, page: drop_hidden(body, page.tree),
    "hidden-classes": lambda body, page: drop_class_hidden(body, page.tree),
    "link-trails": lambda body, page: drop_link_trails(body, page.meta.url),
    "link-tables": lambda body, page: drop_link_tables(body, page.meta.url),
    "link-lists": lambda body, page: drop_link_lists(body, page.meta.url),
    "link-text": lambda body, page: drop_link_text(body, page.tree, page.meta.url),
    "date-line": lambda body, page: drop_date_line(body, page.meta),
    "byline-line": lambda body, page: drop_byline_line(body, page.meta),
    "title-heading": lambda body, page: drop_title_heading(body, page.meta.title),
    "teaser-lead": lambda body, page: restore_lead(body, page.tree, page.meta.description),
    "caption-echoes": lambda body, page: drop_caption_echoes(body),
    "credit-lines": lambda body, page: credit_lines(body),
    "image-addresses": lambda body, page: resolve_images(body, page.meta.url),
}


class HtmlReader:
    name: ClassVar[str] = "html"
    extensions: ClassVar[tuple[str, ...]] = (".html", ".htm", ".xhtml")
    description: ClassVar[str] = "Web pages: the main article and its metadata (trafilatura)"

    def read(self, data: bytes, options: ReadOptions) -> Article:
        if looks_binary(data):
            raise InputError("no article text found: this is binary data, not a web page")
        tree = parse_html(decode_html(data, options.warnings))
        images = mark_images(tree)
        has_math = mark_math(tree)  # formulas as delimited TeX text, which trafilatura keeps
        # footnote marks as placeholders, the notes off the page: in a copy, which only trafilatura reads
        body_tree, marked_notes = mark_notes(tree)
        # each <q> as its text between placeholders: trafilatura makes it a block quote otherwise
        body_tree = mark_quotes(body_tree, copied=body_tree is not tree)
        boxes = bio_boxes(tree)
        # One parsed tree serves every pass: trafilatura and htmldate each work on their own copy of it.
        searched_date = htmldate_date(tree)
        document = _extract(body_tree, images=False)
        # The figures' run needs no metadata (the text run has it) and no run at all without images.
        illustrated = _extract(body_tree, images=True, metadata=False) if images else None
        extracted = _extracted_meta(document, searched_date)
        meta: Metadata = build_metadata(tree, extracted, options.provenance, options.language)
        body_xml = getattr(document, "body", None) if document is not None else None
        blocks = Mapper(images).blocks(body_xml) if body_xml is not None else []
        authors, bios = with_bios(meta.authors, boxes, blocks)
        if bios:
            meta = replace(meta, authors=authors)
            if options.provenance is not None:
                options.provenance["bio"] = "a box the page marks as the author's bio, naming the author"
        if body_xml is None:
            if not options.require_text:
                return Article(meta=meta)
            raise InputError(
                "no article text found", hint="is this the article page itself, not an index or a login page?"
            )
        body, notes = with_notes(drop_bios(blocks, bios), marked_notes)
        if has_math:
            body = with_math(body)
        if illustrated is not None and getattr(illustrated, "body", None) is not None:
            figured = with_notes(drop_bios(Mapper(images).blocks(illustrated.body), bios), marked_notes)[0]
            body = place_figures(body, figured)
        if options.url:  # a fetched page: its addresses are on its site, resolved as a browser would
            body = resolve_images(body, base_href(tree) or options.url, relative=True)
        page = Page(replace(meta, url=base_href(tree) or meta.url), tree)
        for step in BODY_STEPS.values():
            body = step(body, page)
        # a subtitle the page declares (<p class="standfirst"> under the <h1>) that trafilatura left out
        meta = take_subtitle(meta, body, tree, options.provenance)
        letters = sum(c.isalpha() for b in body if not isinstance(b, Figure) for c in plain_text(b))
        if letters < _MIN_LETTERS:
            if not options.require_text:
                return Article(meta=meta, body=tuple(body), notes=notes)
            raise InputError(
                "no article text found", hint="is this the article page itself, not an index or a login page?"
            )
        # the wire credit a Japanese or Chinese lead opens with (【ワシントン＝山田太郎】), as Markdown reads it
        article = Article(meta=meta, body=tuple(body), notes=referenced(notes, body))
        article = take_lead_credit(article, provenance=options.provenance)
        # the dateline the first paragraph opens with (CAIRO (Reuters) - …), as Markdown, DOCX and ODT read it
        return article if _site_label(article, tree) else _lead_dateline(article, options.provenance)


#: What opens a paragraph before a dash, set as a dateline sets it (:func:`convert.readers.text.datelines.split_dateline`).
_LABEL = re.compile(r"\s*(\S.{0,60}?)(?:\s*—|\s+(?:[–-]|--)\s)")


#: A dateline as it opens a lead, its dash taken off: the place, after a comma a region or a date, a
#: wire agency's credit in brackets (as :func:`convert.readers.text.datelines.split_dateline` reads it).
_SAID = re.compile(r"(?P<place>[^,،()]+?)\s*(?:[,،]\s*(?P<extra>[^()]*?))?\s*(?:\((?P<agency>[^()]*)\))?")
_DASH_END = re.compile(r"\s*(?:—|–|--|-)\s*$")


def _lead_dateline(article: Article, provenance: dict[str, str] | None) -> Article:
    """:func:`~convert.readers._lead_dateline.take_lead_dateline`, when its place is a known place and
    nothing the dateline says would be lost. A web lead opens with a capitalised label and a dash as
    often as with a place (``FILE - In this photo …``, ``EDITOR'S NOTE —``, ``NASA — the agency …``),
    and a caseless script sets no capitals to tell them apart; so the place must be one CLDR names (a
    country, a time zone's city, in the article's language or English) or a town GeoNames lists
    (:func:`~convert.locale.geonames.is_known_place`). Every exporter prints its place and dash before the lead; a wire agency's credit
    (``CAIRO (Reuters) —``) is not printed by all (DOCX prints no publisher), a region (``PORTLAND,
    Ore. — …``) or a day (``WASHINGTON, Nov 20 -``) only as the published date when whole: such leads
    keep their words as written, not a tidier tree."""
    taken: dict[str, str] = {}
    found = take_lead_dateline(article, taken)
    if found is article or not is_known_place(found.meta.dateline or "", article.meta.language):
        return article
    before, after = plain_text(article.body[0]), plain_text(found.body[0])
    said = _SAID.fullmatch(_DASH_END.sub("", before[: len(before) - len(after)]).strip())
    if said is None or said.group("agency") or (said.group("extra") and "published" not in taken):
        return article
    if provenance is not None:
        provenance.update(taken)
    return found


def _site_label(article: Article, tree: HtmlElement) -> bool:
    """Whether the first paragraph opens, before a dash, with a name the page gives its site or section
    (a side part of its ``<title>``, "BMAS - Headline"; the publisher): the site's label on its text
    (``BMAS - Änderung der Anforderungen …``), not the place the story was filed from."""
    first = article.body[0] if article.body else None
    label = _LABEL.match(plain_text(first)) if isinstance(first, Paragraph) else None
    if label is None:
        return False
    names = (*site_title_tails(tree, meta_tags(tree)), article.meta.publisher)
    return name_key(label.group(1)) in {name_key(n) for n in names if n} - {""}


def _extract(tree: HtmlElement, *, images: bool, metadata: bool = True) -> Any:
    """trafilatura's article; ``images`` also keeps the images, which changes what it picks as the article.

    With images on, trafilatura keeps more of the blocks around them (credits,
    teasers, galleries); so the text comes from a run without images, and the
    figures from a run with them (see :func:`place_figures`). trafilatura
    copies a tree it is given before pruning it, so ``tree`` stays as it is.
    Without ``metadata`` its metadata pass (a third of its time) is skipped;
    then it no longer knows the page's address, which only changes the link
    targets of the result.
    """
    import trafilatura

    def run(**extra: Any) -> Any:
        return trafilatura.bare_extraction(
            tree,
            with_metadata=metadata,
            include_comments=False,
            include_formatting=True,
            include_links=True,
            include_images=images,
            include_tables=True,
            # No free-text date hunting: a date must be marked up as one (or sit in the URL).
            date_extraction_params={"extensive_search": False, "original_date": True},
            **extra,
        )

    try:
        document = run()
        headlines = [document.title, *("".join(h.itertext()) for h in tree.iter("h1"))]
        times = ["".join(t.itertext()) for t in tree.iter("time")]
        if _is_dump(getattr(document, "body", None), headlines, times):
            structured = getattr(run(config=_no_rescue_config()), "body", None)
            if _covers(structured, document.body):
                document.body = structured
        return document
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, lxml.etree.LxmlError):
        return None


def _is_dump(body: Any, headlines: list[str | None], times: list[str]) -> bool:
    """Whether trafilatura's body is one run of bare text: its baseline rescue's dump of the page.

    Below its minimum extraction size (250 characters: a short brief, and any CJK text
    of fewer than a few paragraphs) trafilatura takes, when it is longer, the whole
    ``<article>`` (or page) text as a single paragraph: headline, byline and date pasted
    into the body, paragraphs and notes run together. An article of one paragraph is no dump:
    a dump holds a headline of the page (its title, an ``<h1>``) as whole words, or the text of one
    of its ``<time>`` elements, or opens with a byline (``By Jane Doe · March 3, 2025``, up to the
    first separator or full stop); without any of them there is nothing to extract again.
    """
    if body is None or len(body) != 1 or body[0].tag != "p" or len(body[0]) != 0:
        return False
    text = squash("".join(body.itertext()))
    folded = text.casefold()
    if any(_has_words(folded, squash(h or "").casefold()) for h in (*headlines, *times)):
        return True
    return find_byline(re.split(r"\s[·•|—–-]\s|[.!?](?:\s|$)", text, maxsplit=1)[0]) is not None


def _has_words(text: str, words: str) -> bool:
    """Whether ``words`` (not empty) is in ``text`` with no letter or digit run on at either end."""
    return bool(words) and re.search(rf"(?<!\w){re.escape(words)}(?!\w)", text) is not None


def _no_rescue_config() -> Any:
    """trafilatura's settings with no minimum extraction size: its own structured extraction,
    whatever the length, with no baseline dump in its place."""
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
    return config


def _covers(structured: Any, dump: Any) -> bool:
    """Whether the structured extraction holds at least half of the dump's text, in more than
    one block: then what the dump adds is the header and the end matter the structured one
    leaves out on purpose, not the article. A share, not a length, so dense scripts count alike."""
    return structured is not None and len(structured) > 1 and 2 * _chars(structured) >= _chars(dump)


def _chars(el: Any) -> int:
    return sum(not c.isspace() for c in "".join(el.itertext()))


def _extracted_meta(document: Any, searched_date: str | None = None) -> Extracted:
    if document is None:
        return Extracted(searched_date=searched_date)
    body = getattr(document, "body", None)
    head = body.find(".//head") if body is not None else None
    return Extracted(
        heading=unmark(unquote("".join(head.itertext()))) if head is not None else None,
        title=unmark(unquote(document.title)),
        author=unmark(unquote(document.author)),
        date=document.date,
        sitename=document.sitename,
        description=document.description,
        url=document.url,
        tags=tuple(document.tags or ()),
        searched_date=searched_date,
    )
