"""The one step that weighs the evidence: each field's value from the sources that declare it.

Every field picks from its candidates in a fixed order of trust and records
where the value came from (``Where``), which ``inspect --explain`` prints:

- title: :mod:`.weigh_title`;
- dates: a declared publication date (JSON-LD, ``<meta>``) is kept as
  declared, time and zone included; a ``<time>`` or generic date tag next;
  htmldate's find last, then the date written by the headline (on a page in
  a language that names the Solar Hijri or Hijri calendar, first the date line
  under it as that language writes it: :func:`.dates.written_date`). Only whole
  days move: a declared day the page never shows gives way to the day it
  shows (:func:`.dates.shown_instead`); an undeclared one the page does not
  show by its headline (in words, or as the ``<time>`` under it) to the
  date written there (:data:`DATE_RULES`);
- authors: :mod:`.weigh_authors`;
- publisher, canonical URL, language, description, keywords: the first
  source that has a usable value.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from lxml.html import HtmlElement

from ...dates import parse_stamp
from ...locale.language import identify, normalise_tag
from ...locale.script import split_list
from ...model import Author, Metadata
from .date_places import comments_date
from .dates import (
    headline,
    headline_date,
    headline_time,
    in_page_zone,
    marked_dates,
    page_stamps,
    paragraphs_text,
    reads_calendars,
    shown_by_headline,
    shown_instead,
    shows,
    url_day,
    written_date,
)
from .jsonld import article_object, jsonld_objects, ld_label, ld_text, types_of
from .metatags import (
    MetaTags,
    absolute_url,
    host,
    host_names,
    meta_pick,
    meta_tags,
    site_title_tails,
)
from .names import AuthorFilter
from .site_names import declared_publishers, declared_site_names
from .text import squash, unescaped, visible_text
from .weigh_authors import weigh_authors
from .weigh_title import as_shown, weigh_title


@dataclass(slots=True)
class Extracted:
    """What trafilatura's own metadata pass found; any field may be ``None``."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    sitename: str | None = None
    description: str | None = None
    url: str | None = None
    tags: tuple[str, ...] = ()
    #: The first heading of the extracted article, if any.
    heading: str | None = None
    #: htmldate's date with its free-text search on: the last resort, and the check of two declared days.
    searched_date: str | None = None


#: Field -> where its value came from (``{"title": '<meta property="og:title">'}``), for ``--explain``.
Where = dict[str, str]


def _keywords(
    tags: MetaTags, ld: dict[str, Any] | None, extracted: Extracted, where: Where
) -> tuple[str, ...]:
    raw: list[str] = []
    sources: list[str] = []
    ld_kw = ld.get("keywords") if ld else None
    if isinstance(ld_kw, list):
        raw.extend(str(k) for k in ld_kw if isinstance(k, str | int))
    elif isinstance(ld_kw, str):
        raw.extend(split_list(ld_kw))
    if raw and ld is not None:
        sources.append(ld_label(ld, "keywords"))
    for name in ("keywords", "news_keywords", "article:tag", "og:article:tag", "dc.subject"):
        for value in tags.get(name, ()):
            raw.extend(split_list(value))
            sources.append(tags.label(name))
    if not raw:
        raw.extend(extracted.tags)
        sources.append("trafilatura (tags)")
    out: list[str] = []
    seen: set[str] = set()
    for item in raw:
        word = squash(item)
        if word and len(word) <= 60 and word.casefold() not in seen:
            seen.add(word.casefold())
            out.append(word)
    if out:
        where["keywords"] = ", ".join(dict.fromkeys(sources))
    return tuple(out[:30])


def build_metadata(
    tree: HtmlElement, extracted: Extracted, provenance: Where | None = None, given: str | None = None
) -> Metadata:
    """The page's :class:`Metadata` from its markup and trafilatura's findings; ``given``, the
    language the user gave (``--language``), stands for the page's own and reads its dates.

    ``provenance``, when given, learns where each field's value came from;
    each field function records its own source as it picks the value.
    """
    where: Where = {}
    tags = meta_tags(tree)
    objects = jsonld_objects(tree)
    ld = article_object(objects)
    publisher = _publisher(tags, ld, objects, extracted, where)
    url = _canonical(tree, tags, ld, extracted, where)
    title = as_shown(
        tree, extracted, weigh_title(tree, tags, ld, extracted, publisher, host_names(url), where), where
    )
    said: Where = {}  # the language's source, recorded after the dates as before (``--explain`` order)
    language = given or _language(tree, tags, ld, said)
    published, updated = _dates(
        tree, tags, ld, extracted, where, lambda: language or identify(paragraphs_text(tree)), title
    )
    if updated is not None and updated == published:
        updated = None
        where.pop("updated", None)
    check = AuthorFilter(
        publisher,
        host(url),
        site_title_tails(tree, tags),
        declared_site_names(tree, tags, objects, ld),
        declared_publishers(tree, objects, ld),
        page=tree,
        language=language,
    )
    authors = weigh_authors(tree, tags, ld, extracted, check, where)
    subtitle = ld_text(ld.get("alternativeHeadline")) if ld else None
    if subtitle and ld is not None:
        where["subtitle"] = ld_label(ld, "alternativeHeadline")
    rights, where["rights"] = meta_pick(tags, "copyright", "dc.rights", "dcterms.rights", "rights")
    where.update(said)
    meta = Metadata(
        title=title,
        subtitle=subtitle,
        authors=tuple(Author(n) for n in authors),
        published=published,
        updated=updated,
        publisher=publisher,
        language=language,
        direction=_direction(tree, where),
        description=_description(tags, ld, extracted, where),
        keywords=_keywords(tags, ld, extracted, where),
        url=url,
        rights=rights,
    )
    if provenance is not None:
        provenance.update((k, v) for k, v in where.items() if v)
    return meta


def _first_of(candidates: Iterable[tuple[str | None, str]], field: str, where: Where) -> str | None:
    """The first candidate with a value, noting its source in ``where[field]``."""
    for value, source in candidates:
        if value:
            where[field] = source
            return value
    return None


def _description(tags: MetaTags, ld: dict[str, Any] | None, extracted: Extracted, where: Where) -> str | None:
    """The page's summary; a value escaped twice (``&amp;quot;`` in the markup) has its characters back."""
    return unescaped(
        _first_of(
            [
                (ld_text(ld.get("description")) if ld else None, ld_label(ld, "description") if ld else ""),
                meta_pick(tags, "og:description", "description", "dc.description", "twitter:description"),
                (extracted.description, "trafilatura (description)"),
            ],
            "description",
            where,
        )
    )


def _publisher(
    tags: MetaTags,
    ld: dict[str, Any] | None,
    objects: list[dict[str, Any]],
    extracted: Extracted,
    where: Where,
) -> str | None:
    candidates: list[tuple[str | None, str]] = [meta_pick(tags, "og:site_name")]
    if ld is not None:
        candidates.append((ld_text(ld.get("publisher")), ld_label(ld, "publisher")))
    for obj in objects:
        if types_of(obj) & {"website", "newsmediaorganization", "organization"}:
            candidates.append((ld_text(obj.get("name")), ld_label(obj, "name")))
    candidates.append(meta_pick(tags, "application-name", "dc.publisher", "citation_publisher", "publisher"))
    candidates.append(
        (
            extracted.sitename if extracted.sitename and "." not in extracted.sitename else None,
            "trafilatura (site name)",
        )
    )
    for value, source in candidates:
        text = squash(unescaped(value))
        if text and len(text) <= 80 and not text.lower().startswith("http"):
            where["publisher"] = source
            return text
    return None


def _canonical(
    tree: HtmlElement, tags: MetaTags, ld: dict[str, Any] | None, extracted: Extracted, where: Where
) -> str | None:
    for el in tree.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and (url := absolute_url(el.get("href"))):
            where["url"] = "<link rel=canonical>"
            return url
    ld_url, ld_where = None, ""
    if ld is not None:
        main = ld.get("mainEntityOfPage")
        ld_url, ld_where = ld_text(ld.get("url")), ld_label(ld, "url")
        if not ld_url:
            ld_url = main.get("@id") if isinstance(main, dict) else ld_text(main)
            ld_where = ld_label(ld, "mainEntityOfPage")
    for value, source in (
        meta_pick(tags, "og:url", "twitter:url", "dc.identifier"),
        (ld_url, ld_where),
        (extracted.url, "trafilatura (page URL)"),
    ):
        if url := absolute_url(value):
            where["url"] = source
            return url
    return None


#: Tags that name the publication date and nothing else, most specific first: OpenGraph
#: (``article:``), schema.org microdata, Dublin Core, Highwire/Google Scholar (``citation_``), Parse.ly, Sailthru.
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "og:published_time",
    "datepublished",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "citation_publication_date",
    "citation_date",
    "citation_online_date",
    "parsely-pub-date",
    "sailthru.date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
)
#: Tags some sites fill with the crawl, print or change date: trusted last.
_GENERIC_DATE_META = ("dc.date", "dcterms.date", "dc:date", "date")
_MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "dcterms.modified",
    "dc.date.modified",
    "last-modified",
    "article.updated",
    "lastmod",
)
_SEARCHED = "htmldate (date found in the page text)"


def _dates(
    tree: HtmlElement,
    tags: MetaTags,
    ld: dict[str, Any] | None,
    extracted: Extracted,
    where: Where,
    language: Callable[[], str | None] = lambda: None,
    title: str | None = None,
) -> tuple[str | None, str | None]:
    """Published and updated dates: declared ones, then htmldate's (marked-up dates only)."""
    (t_pub, t_pub_where), (t_upd, t_upd_where) = marked_dates(tree)
    declared = _valid_dates(
        (ld_text(ld.get("datePublished")) if ld else None, ld_label(ld, "datePublished") if ld else ""),
        (ld_text(ld.get("dateCreated")) if ld else None, ld_label(ld, "dateCreated") if ld else ""),
        *(meta_pick(tags, name) for name in _PUBLISHED_META),
    )
    marked = _valid_dates((t_pub, t_pub_where), *(meta_pick(tags, name) for name in _GENERIC_DATE_META))
    found = _valid_dates((extracted.date, "htmldate via trafilatura (a date marked up in the page)"))
    searched = parse_stamp(extracted.searched_date)
    text = visible_text(tree)
    head = headline(tree, title)
    stamps = page_stamps(tree, jsonld_objects(tree))
    declared, marked = _in_page_zone(declared, stamps), _in_page_zone(marked, stamps)
    published: tuple[str | None, str]
    if declared:
        published = _corroborated([*declared, *marked], searched)
    elif found or marked:
        published = [*found, *marked][0]
    elif searched and not (DATE_RULES["bare-year"] and _bare_year(searched, tree)):
        published = (searched, _SEARCHED)
    elif DATE_RULES["calendars"] and (day := _calendar_day(tree, language, stamps, title)):
        published = (day, _BYLINE_DATE)
    elif DATE_RULES["headline-only"] and (day := _headline_day(text, head)):
        published = (day, "the date written by the headline (nothing else dates the page)")
    else:
        published = (None, "")
    updated = _first_date(
        (ld_text(ld.get("dateModified")) if ld else None, ld_label(ld, "dateModified") if ld else ""),
        *(meta_pick(tags, name) for name in _MODIFIED_META),
        (t_upd, t_upd_where),
    )
    if (value := published[0]) is not None:
        if declared:
            published = _as_shown((value, published[1]), updated, tree, text, head)
        elif published[1] == _BYLINE_DATE or published[1].startswith("the date written by the headline"):
            pass  # already the date written there
        else:
            published = _by_headline(
                (value, published[1]), _valid_dates((t_pub, t_pub_where)), tree, text, head, language
            )
    for name, (value, source) in (("published", published), ("updated", updated)):
        if value:
            where[name] = source
    return published[0], updated[0]


#: The date rules that may move a declared date, by name; ``bench/accuracy.py --ablate NAME``
#: switches one off. Each stays only while it helps the validation half (bench/RESULTS.md).
DATE_RULES = {
    # a declared day the page never shows gives way to its later declared modification day
    "shown-instead": True,
    # ... or to the day in its URL, when the page shows that day
    "url-day": True,
    # a date nothing declares gives way to the date written by the headline
    "by-headline": True,
    # htmldate's free-text find of a bare year (which it reports as 1 January) is no date
    "bare-year": True,
    # a page nothing else dates is dated by the date written by its headline
    "headline-only": True,
    # the day of the first <time datetime> under the headline counts as shown ("1 minute ago" is a date)
    "time-shown": True,
    # a page nothing dates, in a language that names other calendars, is dated by the date written by
    # its headline the language's way (a Solar Hijri or Hijri date on a Persian or Arabic page)
    "calendars": True,
    # a date nothing declares that a comment thread stamps, when the article outside the threads writes
    # only other dates, gives way to the date written by the headline there (or stays, without one)
    "comments": True,
}


#: Where a date the byline gives in the page's language comes from.
_BYLINE_DATE = "the date line under the headline, in the page's language (nothing else dates the page)"


def _calendar_day(
    tree: HtmlElement, language: Callable[[], str | None], stamps: list[datetime], title: str | None = None
) -> str | None:
    """The day the byline gives in the page's language (:func:`written_date`), when that
    language names the Solar Hijri or Hijri calendar (:func:`reads_calendars`); ``language`` is asked
    only here. Not after tomorrow, nor after the page's latest zoned stamp (a page is not dated after
    its own last change). A copyright year bounds nothing: sites leave it years old (``© 2016`` on a
    page of 2020)."""
    tag = language()
    if tag is None or not reads_calendars(tag):
        return None
    latest = datetime.now(UTC).date() + timedelta(days=1)
    bounds = [latest, *([max(stamps).date()] if stamps else [])]
    return written_date(tree, tag, min(bounds), title)


def _headline_day(text: str, head: str | None) -> str | None:
    """The date written nearest the headline ``head`` in ``text``, not labelled as an update (:func:`headline_date`)."""
    latest = datetime.now(UTC).date() + timedelta(days=1)
    return headline_date(text, head, latest)


def _bare_year(day: str, tree: HtmlElement) -> bool:
    """Whether htmldate's free-text ``day`` is a year alone: 1 January, a day the reader never sees.

    htmldate reports a bare year as its 1 January, and its free-text search
    also reads markup no reader sees (a style sheet's ``content: "\\2026"``
    reads as the year 2026). Requiring every free-text date to be shown
    cost more real dates than it saved (bench/RESULTS.md); a 1 January the
    page does not write is the case that is never a publication date.
    """
    return day[5:10] == "01-01" and not (shows(visible_text(tree), day) or url_day(tree) == day[:10])


def _as_shown(
    published: tuple[str, str],
    updated: tuple[str | None, str],
    tree: HtmlElement,
    text: str,
    title: str | None,
) -> tuple[str, str]:
    """The declared date checked against the dates the page shows by its headline.

    A declared day the page never writes gives way to the one it does write:
    the later declared modification day (:func:`shown_instead`), or the day
    in its URL. A zoned stamp is never swapped for the neighbouring local day
    the page shows: the stamp is that moment (issue 12.5), whatever day a
    reader's calendar gives it.
    """
    value, source = published
    if DATE_RULES["shown-instead"] and (shown := shown_instead(value, [updated[0]], text, title)) is not None:
        return shown, f"{updated[1]} (the page shows this date, never {source})"
    day = url_day(tree)
    if DATE_RULES["url-day"] and day and day != value[:10] and not shows(text, value):
        return day, f"the date in the page's URL, which the page shows (never {source})"
    return published


def _by_headline(
    found: tuple[str, str],
    marked: list[tuple[str, str]],
    tree: HtmlElement,
    text: str,
    title: str | None,
    language: Callable[[], str | None] = lambda: None,
) -> tuple[str | None, str]:
    """A date nothing declares, checked against the date written by the headline.

    htmldate's pick among undeclared dates can be a related story's, a
    comment's or the footer's; when the page has a headline and does not
    write that day by it, the date it does write there is the article's,
    unless an element marked as the publication date (``<time pubdate>``,
    ``itemprop="datePublished"``) names the same day. A day a comment thread gives and the article
    outside the threads does not (:func:`comments_date`), and not in its URL, is a comment's: the
    date written by the headline, the threads left out, when there is one.
    """
    if (
        not DATE_RULES["by-headline"]
        or title is None
        or any(value[:10] == found[0][:10] for value, _ in marked)
    ):
        return found
    if (
        DATE_RULES["comments"]
        and url_day(tree) != found[0][:10]
        and (rest := comments_date(tree, found[0], title, language)) is not None
        and (day := _headline_day(rest, title))
    ):
        return day, "the date written by the headline (the other is only in the comments)"
    if DATE_RULES["time-shown"] and found[0][:10] == headline_time(tree, title):
        return found
    if shown_by_headline(text, found[0], title):
        return found
    day = _headline_day(text, title)
    return (day, "the date written by the headline") if day else found


def _in_page_zone(dated: list[tuple[str, str]], stamps: list[datetime]) -> list[tuple[str, str]]:
    """UTC stamps moved to the zone the page states elsewhere (:func:`in_page_zone`), noted in the source."""
    out = []
    for value, source in dated:
        zoned = in_page_zone(value, stamps)
        out.append((zoned, f"{source}, in the page's own time zone") if zoned else (value, source))
    return out


def _valid_dates(*values: tuple[str | None, str]) -> list[tuple[str, str]]:
    """The values that are plausible machine dates, as ISO 8601, each with its source."""
    return [(d, source) for value, source in values if value and (d := parse_stamp(value))]


def _corroborated(declared: list[tuple[str, str]], searched: str | None) -> tuple[str, str]:
    """The first declared date on the day htmldate found, else the first declared date.

    A page that declares two publication dates (JSON-LD says the 3rd, the
    OpenGraph tag the 6th) is resolved by the dates shown on the page.
    """
    if searched:
        for value, source in declared:
            if value[:10] == searched[:10]:
                return value, source
    return declared[0]


def _first_date(*values: tuple[str | None, str]) -> tuple[str | None, str]:
    for value, source in values:
        if value and (found := parse_stamp(value)):
            return found, source
    return None, ""


def _direction(tree: HtmlElement, where: Where) -> str | None:
    """``rtl`` or ``ltr`` as ``<body dir>`` or else ``<html dir>`` declares it (``auto``, nothing: ``None``).

    The body's is nearer the text, so it wins, as it does in a browser.
    """
    body = tree.find("body")
    for element, source in ((body, "<body dir>"), (tree, "<html dir>")):
        value = (element.get("dir") or "").strip().lower() if element is not None else ""
        if value in ("ltr", "rtl"):
            where["direction"] = source
            return value
    return None


def _language(tree: HtmlElement, tags: MetaTags, ld: dict[str, Any] | None, where: Where) -> str | None:
    values = [
        (tree.get("lang"), "<html lang>"),
        (tree.get("{http://www.w3.org/XML/1998/namespace}lang"), "<html xml:lang>"),
        (tree.get("xml:lang"), "<html xml:lang>"),
        meta_pick(tags, "og:locale"),
        meta_pick(tags, "content-language", "language", "dc.language", "dcterms.language"),
        (ld_text(ld.get("inLanguage")) if ld else None, ld_label(ld, "inLanguage") if ld else ""),
    ]
    for value, source in values:
        if tag := normalise_tag(value):
            where["language"] = source
            return tag
    return None
