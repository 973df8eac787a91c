"""Evidence about a web page's dates: which element, meta tag, URL or htmldate says what.

Nothing here reads a date from a string itself: :mod:`convert.dates` does
(:func:`~convert.dates.parse_stamp` for declared values, :func:`~convert.dates.find_dates`
and :func:`~convert.dates.day_pattern` for dates written in the text,
:func:`~convert.dates.path_day` for the URL), and the locale layer reads dates written the
language's way, in the calendars it names (:func:`~convert.locale.reading_dates.search_dates`).
This module gathers the evidence: :func:`marked_dates` finds ``<time>`` and ``itemprop`` dates,
:func:`htmldate_date` asks htmldate (its one direct call), :func:`url_day`
reads the canonical URL, :func:`headline_date` and :func:`headline_time`
find the date written or marked under the headline, :func:`written_date` the one written there
in the page's language (a Solar Hijri or Hijri date on a Persian or Arabic page), and the helpers
below let :mod:`.weigh` check its pick against the rest of the page, on general grounds only:

- a UTC stamp is written in the page's own zone when the page states its
  offset elsewhere (the same instant written ``-05:00`` in a ``<time>``,
  or every other stamp in ``+01:00``): the same moment, as the page's
  readers see it;
- a declared publication day that the page never shows, when the page
  shows its declared modification day instead, is the stamp of an earlier
  version or of a CMS migration: the page presents itself as of the day it
  shows.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date, datetime, timedelta, timezone
from typing import Any
from urllib.parse import urlsplit

import lxml.etree
from lxml.html import HtmlElement

from ...dates import day_of, day_pattern, find_dates, parse_stamp, path_day, zoned
from ...locale.calendars import CALENDARS, calendar_names
from ...locale.reading import is_publication_label, is_update_label
from ...locale.reading_lines import written_dates
from ...locale.script import script_of
from ...locale.text import babel_locale
from .._bylines import find_byline
from .._datelines import DateLine, parse_date_line
from .text import is_hidden, squash

#: JSON-LD keys whose values are timestamps of the page or its parts.
_LD_DATE_KEYS = ("datePublished", "dateCreated", "dateModified", "uploadDate")


def _ld_stamps(objects: Iterable[dict[str, Any]]) -> Iterator[str]:
    for obj in objects:
        for key in _LD_DATE_KEYS:
            value = obj.get(key)
            if isinstance(value, str):
                yield value.strip()


def page_stamps(tree: HtmlElement, objects: Iterable[dict[str, Any]]) -> list[datetime]:
    """Every zoned timestamp the page declares: ``<meta content>``, ``datetime=`` attributes, JSON-LD dates."""
    texts: list[str] = [*_ld_stamps(objects)]
    for el in tree.iter("meta", "time", "span", "abbr", "div", "p"):
        for attr in ("content", "datetime"):
            value = el.get(attr)
            if value and len(value) <= 40:
                texts.append(value.strip())
    return [stamp for text in texts if (stamp := zoned(text)) is not None]


def local_zone(stamp: datetime, stamps: list[datetime]) -> timezone | None:
    """The page's own zone for a UTC ``stamp``, from the offsets its other stamps state; else ``None``.

    The same instant written with a non-zero offset settles it; otherwise
    the offset most of the page's zoned, non-UTC stamps use.
    """
    local = [s for s in stamps if s.utcoffset() != timedelta(0)]
    for other in local:
        if other == stamp:
            return timezone(other.utcoffset() or timedelta(0))
    if not local:
        return None
    offset, _ = Counter(s.utcoffset() for s in local).most_common(1)[0]
    return timezone(offset) if offset is not None else None


def in_page_zone(value: str, stamps: list[datetime]) -> str | None:
    """``value`` (an ISO stamp in UTC) in the page's own zone, when the page states one; else ``None``."""
    stamp = zoned(value)
    if stamp is None or stamp.utcoffset() != timedelta(0):
        return None
    zone = local_zone(stamp, stamps)
    if zone is None:
        return None
    return stamp.astimezone(zone).isoformat()


# --------------------------------------------------------------------------
# Dates the page shows its readers


def shows(text: str, day: str) -> bool:
    """Whether the page text writes the calendar day ``day`` (``2024-03-05``) in a usual form."""
    when = day_of(day)
    return when is not None and day_pattern(when).search(text) is not None


#: Words that label a shown date as a revision, an access or a retrieval rather than the article's date,
#: in :data:`convert.dates.CALENDAR_LANGUAGES`.
REVISION_LABEL = re.compile(
    r"\b(?:updated?|modified|edited|revised|revision|retrieved|accessed|aktualisiert|geändert|bearbeitet|"
    r"mis\s+à\s+jour|modifié|actualizado|modificado|aggiornato|bijgewerkt)\b\W*(?:\w+\W+){0,4}$",
    re.IGNORECASE,
)
#: How far (in characters of page text) from the start of the headline a date still belongs to it.
_NEAR_HEADLINE = 5000
#: Dates above the headline (a dateline, a kicker) still belong to it this close.
_BEFORE_HEADLINE = 300


def shown_instead(
    published: str, others: Iterable[str | None], text: str, headline: str | None
) -> str | None:
    """The first of ``others`` the page shows by its headline, when it never shows the ``published`` day.

    A CMS stamp of an earlier draft, an import or a migration is declared
    but not shown; the day the page writes under its headline for its
    readers is the article's date. Only a later day qualifies (a first
    publication cannot follow its own revision), only when the declared day
    appears nowhere in a usual written form, and only when the page does not
    label the shown day as an update, an edit or a retrieval: "Updated
    12 March" is the updated date, not the published one.
    """
    if shows(text, published):
        return None
    start = headline_at(text, headline)
    for other in others:
        if other and other[:10] > published[:10] and _shown_near(text, other, start):
            return other
    return None


def headline_at(text: str, headline: str | None) -> int:
    """Where ``headline`` starts in the page ``text``; -1 when it is not there (or ``None``).

    The headline as the page writes it may break differently from its
    element's text (a ``<br>``, a soft hyphen, a subtitle run on): its
    first words are enough to place it.
    """
    if not headline:
        return -1
    found = text.find(headline)
    if found < 0 and len(headline) > _HEADLINE_PREFIX:
        found = text.find(headline[:_HEADLINE_PREFIX])
    return found


#: How many leading characters of a headline place it in the page text.
_HEADLINE_PREFIX = 30


def headline(tree: HtmlElement, title: str | None = None) -> str | None:
    """The text of the page's headline, as :func:`visible_text` writes it: the heading that writes
    ``title`` or else the first ``<h1>`` that is no site name (:func:`headline_element`), else the
    first ``<h1>``; ``None`` without one."""
    found = headline_element(tree, title)
    for h1 in (found,) if found is not None else tree.iter("h1"):
        text = " ".join(h1.text_content().split())
        if text:
            return text
    return None


def _shown_near(text: str, day: str, start: int) -> bool:
    """Whether ``day`` is written by the headline (``start``: its offset, -1 when unknown) and not as a revision."""
    when = day_of(day)
    if when is None:
        return False
    for m in day_pattern(when).finditer(text):
        if start >= 0 and not start - _BEFORE_HEADLINE <= m.start() <= start + _NEAR_HEADLINE:
            continue
        if not REVISION_LABEL.search(text[max(0, m.start() - 60) : m.start()]):
            return True
    return False


def headline_date(text: str, title: str | None, latest: date) -> str | None:
    """The written date nearest the headline, not labelled as an update; ``None`` without a headline.

    That is where pages put their dateline and byline date; dates of related
    stories, comments and the footer sit further away. Dates after ``latest``
    (tomorrow, or later) are announcements, not publication dates.
    """
    start = headline_at(text, title)
    if start < 0:
        return None
    end = start + len(title or "")
    near = [
        (start - pos if pos < start else max(0, pos - end), day)
        for pos, day in find_dates(text)
        if start - _BEFORE_HEADLINE <= pos <= start + _NEAR_HEADLINE
        and day.year >= 1970
        and day <= latest
        and not REVISION_LABEL.search(text[max(0, pos - 60) : pos])
    ]
    return min(near)[1].isoformat() if near else None


def reads_calendars(tag: str | None) -> bool:
    """Whether ``tag`` is a language written in Arabic script that names the Solar Hijri or Hijri
    calendar in CLDR (Persian, Arabic, Urdu, Pashto …): its pages may date themselves in those
    calendars, which no Gregorian pattern (nor htmldate) reads."""
    if not tag or script_of(tag) != "Arab":
        return False
    ident = str(babel_locale(tag))
    return any(calendar_names(calendar, ident) for calendar in CALENDARS)


def written_date(tree: HtmlElement, tag: str, latest: date, title: str | None = None) -> str | None:
    """The day the page's byline gives in the language ``tag`` writes dates, in any calendar it
    names (``۲ تیر ۱۳۹۹ - 12:09:08 ب.ظ``, ``٢٧ جمادى الآخرة ١٤٤٨ هـ - ٧ ديسمبر ٢٠٢٦``); without a
    headline, the day its ``<time>`` elements' texts give.

    Unknown beats a guess. The byline is the lines between the headline (``title``'s heading, else
    the first ``<h1>`` that is no site name: :func:`headline_element`) and the article's first
    paragraph (:func:`byline_lines`); a line gives a day only when it is nothing but dates
    (:func:`~convert.readers._datelines.parse_date_line`: a clock, the date's own weekday, an
    English or catalogue label, one day in several calendars side by side) or one part of it between
    bars is (``کد خبر: ۱۲۳۴۵ | ۲ تیر ۱۳۹۹``), or it is a byline in the language's words with its date
    (:func:`~convert.readers._bylines.find_byline`, as the text reader reads one), or a known
    publication label and its date (:func:`_labelled_date`: mkdocs-material's "Created"). An update
    line gives no publication day; a caption, a sentence, a wrong weekday or any other label (a
    birth, an event, a deadline, ``تا``) gives none, and a date of another day written there in
    any line, or two lines of two days, or a day after ``latest``, leave the page undated.
    """
    lines = byline_lines(tree, title)
    if lines is None:
        lines = [text for el in tree.iter("time") if (text := squash(_seen_text(el)))]
    days: set[str] = set()
    others: set[str] = set()
    for line in _one_day_lines(lines, tag):
        found = _line_dates(line, tag)
        if found is None and (byline := find_byline(line, lambda: tag)) is not None and byline.published:
            found = DateLine(byline.published)  # ``بقلم أحمد علي، الاثنين ٧ ديسمبر ٢٠٢٦``
        if found is None:
            found = _labelled_date(line, tag)  # ``تاریخ انتشار: ۲ تیر ۱۳۹۹``, ``آخر تحديث: …``
        if found is None:
            others.update(day for _, day, _ in written_dates(line, tag))
        elif found.published:
            days.add(found.published[:10])
    if len(days) != 1 or others - days:
        return None
    day = days.pop()
    return day if "1970" <= day <= latest.isoformat() and len(day) == 10 else None


def _line_dates(line: str, tag: str) -> DateLine | None:
    """The dates of a byline ``line``: the whole line's, or one part's between bars when the other
    parts write no date (a news code, a name, a section)."""
    if found := parse_date_line(line, lambda: tag, unread=False):
        return found
    parts = [part for part in _BARS.split(line) if part.strip()]
    if len(parts) < 2:
        return None
    read = [parse_date_line(part, lambda: tag, unread=False) for part in parts]
    dated = [found for found in read if found]
    if len(dated) != 1 or any(
        not found and written_dates(part, tag) for found, part in zip(read, parts, strict=True)
    ):
        return None
    return dated[0]


def _one_day_lines(lines: list[str], tag: str) -> list[str]:
    """``lines`` with two adjacent date lines of one day in two calendars (``٢٦ جمادى الآخرة ١٤٤٨ هـ``
    above ``٧ ديسمبر ٢٠٢٦``) made one, as they would be written side by side (the same slack:
    :func:`~convert.locale.reading_dates.one_day`); two days of one calendar stay two lines."""
    out: list[str] = []
    read = [_line_dates(line, tag) for line in lines]
    i = 0
    while i < len(lines):
        first, second = read[i], read[i + 1] if i + 1 < len(lines) else None
        if first and second and first.published and second.published and first.published != second.published:
            joined = f"{lines[i]} - {lines[i + 1]}"
            if (both := _line_dates(joined, tag)) is not None and both.published:
                out.append(joined)
                i += 2
                continue
        out.append(lines[i])
        i += 1
    return out


def _labelled_date(line: str, tag: str) -> DateLine | None:
    """A byline ``line`` that is a known label (:data:`_LABEL_WORDS` words at most, no digits, a
    colon after it or not) and then its dates (:func:`_line_dates`, its weekday checked). Only a
    publication label of a maintained list (mkdocs-material's "Created":
    :func:`~convert.locale.reading.is_publication_label`, ``ایجاد شده: ۲ تیر ۱۳۹۹``) gives the
    publication date; an update label (:func:`~convert.locale.reading.is_update_label`,
    :data:`REVISION_LABEL`) gives the updated date, which dates no page. Any other label (a birth,
    an event, a deadline, a caption's ``عکس:``, a weekday, ``تا``) gives none."""
    words = line.split()
    for n in range(1, min(_LABEL_WORDS, len(words) - 1) + 1):
        label = " ".join(words[:n])
        if any(ch.isdigit() for ch in label):
            return None
        update = is_update_label(label) or REVISION_LABEL.search(label) is not None
        if not update and not is_publication_label(label):
            continue
        found = _line_dates(" ".join(words[n:]), tag)
        if found is not None and found.published:
            return DateLine(updated=found.published) if update else found
        return None
    return None


#: The most words a label before a byline date has (``تاریخ و زمان انتشار``).
_LABEL_WORDS = 4
#: What separates the parts of a byline line.
_BARS = re.compile(r"\s*[|·•]\s*")
#: Elements that start a line of their own: HTML's elements rendered as blocks by default
#: (the WHATWG rendering section's ``display: block`` list, those a page's text sits in).
_BLOCKS = frozenset(
    "address article aside blockquote center dd details dialog div dl dt fieldset figcaption figure "
    "footer form h1 h2 h3 h4 h5 h6 header hgroup li main menu nav ol p pre section summary table "
    "tbody td tfoot th thead tr ul".split()
)
#: Elements of a figure: its caption and credit, not the article's byline.
_CAPTIONS = frozenset(("figure", "figcaption"))
#: A line this long is the article's first paragraph: the byline is above it (no date line is
#: longer, :func:`~convert.locale.reading_dates.read_date`).
_PARAGRAPH = 120
#: How much text under the headline its byline may take.
_BYLINE_REACH = 1000


def byline_lines(tree: HtmlElement, title: str | None = None) -> list[str] | None:
    """The lines between the page's headline (:func:`headline_element`) and its first paragraph (a
    line longer than :data:`_PARAGRAPH`), as a browser breaks them: the text between blocks and
    ``<br>``s (a block's own text as well as its leaf blocks'), and each ``<time>``'s text; hidden
    elements, scripts, styles and figures left out. ``None`` when the page has no headline."""
    start = headline_element(tree, title)
    if start is None:
        return None
    lines: list[str] = []
    reach = 0
    after = False
    try:
        for item in _rendered_lines(tree, start):
            if item is start:
                after = True
            elif after and isinstance(item, str):
                if len(item) > _PARAGRAPH:
                    break
                lines.append(item)
                reach += len(item)
                if reach > _BYLINE_REACH:
                    break
    except RecursionError:  # a page nested deeper than Python recurses: its byline as far as read
        pass
    return lines


def headline_element(tree: HtmlElement, title: str | None = None) -> HtmlElement | None:
    """The page's headline: the shown ``<h1>``–``<h3>`` that writes ``title`` (the headline the
    title weigher chose; one that writes it whole before one that begins with it, an ``<h1>`` before
    the others, then the first), else the first shown ``<h1>`` that is no site name
    (:func:`_site_name`); one that may be, only when the page shows no other heading; ``None``
    without one. A heading in an ``<aside>`` or ``<nav>``, or that is one link to another page (a
    teaser of a related story), is none."""
    shown = [
        (h, text)
        for h in tree.iter("h1", "h2", "h3")
        if (text := squash(h.text_content()))
        and not is_hidden(h)
        and not any(is_hidden(a) or a.tag in ("aside", "nav") for a in h.iterancestors())
        and not _teaser(tree, h, text)
    ]
    if title:
        prefix = title[:_HEADLINE_PREFIX] if len(title) > _HEADLINE_PREFIX else None
        ranked = [
            (text != title, h.tag != "h1", i, h)
            for i, (h, text) in enumerate(shown)
            if text == title or (prefix and text.startswith(prefix))
        ]
        if ranked:
            return min(ranked, key=lambda r: r[:3])[3]
    h1s = [(h, text) for h, text in shown if h.tag == "h1"]
    for h, text in h1s:
        if not _site_name(h, text):
            return h
    if len(shown) == 1 and h1s and not any(a.tag == "nav" for a in h1s[0][0].iterancestors()):
        return h1s[0][0]
    return None


def _teaser(tree: HtmlElement, h: HtmlElement, text: str) -> bool:
    """Whether heading ``h`` (text ``text``) is all one link to another page than the page's own
    (its canonical URL's path): a teaser of another story. A link to the page itself or to an
    anchor in it, or on a page that names no URL of its own, is the page's."""
    links = list(h.iter("a"))
    if len(links) != 1 or squash(links[0].text_content()) != text:
        return False
    href = (links[0].get("href") or "").strip()
    own = [*tree.xpath("//link[@rel='canonical']/@href"), *tree.xpath("//meta[@property='og:url']/@content")]
    if not href or href.startswith("#") or not own:
        return False
    return all(urlsplit(href).path.rstrip("/") != urlsplit(str(u)).path.rstrip("/") for u in own)


def _site_name(h1: HtmlElement, text: str) -> bool:
    """Whether ``h1`` may be a site's name or logo (above a "today" widget): outside any
    ``<article>`` and ``<main>``, in a ``<header>`` or ``<nav>`` or all one link. In an article, its
    ``<header>`` (WordPress's ``entry-header``) and a headline linking to itself are the article's."""
    ancestors = {a.tag for a in h1.iterancestors()}
    if ancestors & {"article", "main"}:
        return False
    links = list(h1.iter("a"))
    return bool(ancestors & {"header", "nav"}) or (
        len(links) == 1 and squash(links[0].text_content()) == text
    )


#: Elements whose text no reader sees.
UNSEEN = frozenset(("script", "style", "noscript", "template"))


def _rendered_lines(el: HtmlElement, start: HtmlElement) -> Iterator[str | HtmlElement]:
    """The lines of ``el`` in document order (:func:`byline_lines`), and ``start`` itself where it
    stands (its text not read)."""
    if el is start:
        yield el
        return
    run: list[str] = [el.text or ""]
    times: list[str] = []

    def flush() -> Iterator[str]:
        if text := squash("".join(run)):
            yield text
        yield from times
        run.clear()
        times.clear()

    for child in el:
        if isinstance(child.tag, str) and child.tag not in UNSEEN and child.tag not in _CAPTIONS:
            if is_hidden(child):
                pass
            elif child.tag == "br":
                yield from flush()
            elif child.tag in _BLOCKS or any(d.tag in _BLOCKS or d is start for d in child.iter()):
                yield from flush()
                yield from _rendered_lines(child, start)
            else:
                run.append(_seen_text(child))
                times.extend(text for t in child.iter("time") if (text := squash(_seen_text(t))))
        run.append(child.tail or "")
    yield from flush()


def _seen_text(el: HtmlElement) -> str:
    """The text of ``el`` a reader sees: no script or style."""
    found = el.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")
    return "".join(str(t) for t in found)


def paragraphs_text(tree: HtmlElement) -> str:
    """The page's paragraphs (``<p>`` longer than :data:`_PARAGRAPH`), joined: the article's own
    text, without its menus and footer, to identify its language by. A page with no such ``<p>``
    (its text straight in ``<div>``s or table cells): the text of theirs that no block inside
    holds, where it is as long."""
    found = (squash(_seen_text(p)) for p in tree.iter("p"))
    if text := " ".join(text for text in found if len(text) > _PARAGRAPH):
        return text
    own = (squash(_own_text(el)) for el in tree.iter("div", "td"))
    return " ".join(text for text in own if len(text) > _PARAGRAPH)


def _own_text(el: HtmlElement) -> str:
    """The text of ``el`` no block inside it holds: its own runs and its inline elements'."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in UNSEEN and child.tag not in _BLOCKS:
            parts.append(_seen_text(child))
        parts.append(child.tail or "")
    return " ".join(parts)


def shown_by_headline(text: str, day: str, title: str | None) -> bool:
    """Whether ``day`` is written by the headline, not as an update (anywhere, when there is no headline)."""
    return _shown_near(text, day, headline_at(text, title))


def headline_time(tree: HtmlElement, title: str | None = None) -> str | None:
    """The day of the first ``<time datetime>`` element after the page's headline
    (:func:`headline_element`), near it; ``None`` without one.

    A ``<time>`` element is the machine form of what the reader sees, often in
    words no date pattern reads ("1 minute ago" as of the crawl, "gestern", a
    site's own format); the first one under the headline dates the article,
    as a byline date does. A site name's ``<h1>`` (above a "today" widget) is no headline.
    """
    head = headline_element(tree, title)
    if head is None:
        return None
    seen = -1  # characters of text since the headline (roughly: an element's tail counts at its start)
    for el in tree.iter():
        if seen < 0:
            if el is head:
                seen = 0
            continue
        if seen > _NEAR_HEADLINE:
            return None
        if el.tag == "time" and (found := parse_stamp(el.get("datetime"))):
            return found[:10]
        seen += len(el.text or "") + len(el.tail or "") if isinstance(el.tag, str) else 0
    return None


def url_day(tree: HtmlElement) -> str | None:
    """The calendar day in the page's canonical URL path (``…/2017/7/12/slug``), if it has one."""
    for value in (
        *tree.xpath("//link[@rel='canonical']/@href"),
        *tree.xpath("//meta[@property='og:url']/@content"),
    ):
        if found := path_day(str(value)):
            return found
    return None


# --------------------------------------------------------------------------
# Dates the markup declares, and htmldate's


def htmldate_date(tree: HtmlElement) -> str | None:
    """htmldate's best date, free text included (the one direct call of htmldate; trafilatura's
    metadata pass makes its own, markup only): used only when the markup declares none or a UTC one."""
    import htmldate

    try:
        found = htmldate.find_date(tree, original_date=True, extensive_search=True)
    except (ValueError, TypeError, AttributeError, IndexError, KeyError, lxml.etree.LxmlError):
        return None
    return found if isinstance(found, str) else None


def time_dates(tree: HtmlElement) -> tuple[str | None, str | None]:
    """Published and updated dates marked up as such on ``<time>`` (or similar) elements."""
    (published, _), (updated, _) = marked_dates(tree)
    return published, updated


def marked_dates(tree: HtmlElement) -> tuple[tuple[str | None, str], tuple[str | None, str]]:
    """:func:`time_dates`, each with the element it came from (``<time pubdate datetime> in the page``)."""
    published = updated = None
    pub_where = upd_where = ""
    for el in tree.iter("time", "span", "abbr", "meta", "div", "p"):
        prop = (el.get("itemprop") or "").lower()
        attr = next((a for a in ("datetime", "content") if el.get(a)), "title" if el.tag == "abbr" else "")
        value = el.get(attr) if attr else None
        if not value:
            continue
        label = f"{el.get('class') or ''} {prop}".lower()
        if published is None and (
            "datepublished" in prop or el.get("pubdate") is not None or re.search(r"published|pubdate", label)
        ):
            published, pub_where = parse_stamp(value), _date_element(el, attr)
        elif updated is None and ("datemodified" in prop or re.search(r"updated|modified", label)):
            updated, upd_where = parse_stamp(value), _date_element(el, attr)
    return (published, pub_where), (updated, upd_where)


def _date_element(el: HtmlElement, attr: str) -> str:
    """``<time class="published" datetime> in the page``: what marked it as a date, and the attribute."""
    if el.get("itemprop"):
        why = f'itemprop="{squash(el.get("itemprop"))}"'
    elif el.get("pubdate") is not None:
        why = "pubdate"
    else:
        why = f'class="{squash(el.get("class"))}"'
    return f"<{el.tag!s} {why} {attr}> in the page"
