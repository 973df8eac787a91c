"""Where a date sits on a web page: in its readers' comments or in the article.

:mod:`.dates` gathers the page's dates and places its headline; this module tells, for a date
nothing declares (htmldate's pick), whether it is a comment's (:func:`comments_date`): a comment
thread stamps or writes that day, and the article outside the threads writes only other dates.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

from lxml import etree
from lxml.html import HtmlElement

from ...dates import day_of, day_pattern, find_dates, parse_stamp
from ...locale.reading_lines import written_dates
from .dates import UNSEEN, headline_element
from .text import is_comment_thread, reader_text


def comment_threads(tree: HtmlElement, title: str | None = None) -> list[HtmlElement]:
    """The page's comment threads (:func:`~.text.is_comment_thread`), outermost only, that do not
    hold the headline (:func:`headline_element`): a "thread" around the headline is the page itself
    (a wrapper such as ``class="comments-open"``, an opinion section in ``class="comment"``)."""
    head = headline_element(tree, title)
    above = set(head.iterancestors()) if head is not None else set()
    threads: list[HtmlElement] = []
    walk = etree.iterwalk(tree, events=("start",))
    for _, el in walk:
        if isinstance(el.tag, str) and el not in above and el is not head and is_comment_thread(el):
            threads.append(el)
            walk.skip_subtree()  # outermost only
    return threads


def _stamps(elements: Iterator[HtmlElement]) -> set[str]:
    """The days of the ``datetime`` and ``content`` values of ``elements``."""
    days: set[str] = set()
    for el in elements:
        if isinstance(el.tag, str) and el.tag not in UNSEEN:
            for value in (el.get("datetime"), el.get("content")):
                if value and (found := parse_stamp(value, window=False)):
                    days.add(found[:10])
    return days


def _written(text: str, tag: str | None) -> set[str]:
    """The days ``text`` writes: in the usual forms (:func:`~convert.dates.find_dates`) and in its
    language's (:func:`~convert.locale.reading_lines.written_dates`, CLDR's forms via Babel)."""
    days = {day.isoformat() for _, day in find_dates(text)}
    if tag:
        days.update(day[:10] for _, day, calendar in written_dates(text, tag) if calendar == "gregorian")
    return days


def comments_date(
    tree: HtmlElement, day: str, title: str | None = None, language: Callable[[], str | None] = lambda: None
) -> str | None:
    """The text of the article without its comment threads (:func:`comment_threads`), when the day
    ``day`` is a comment's: a thread stamps (``datetime``, ``content``) or writes it, and the page
    outside the threads (the headline kept) neither writes nor stamps it but writes or stamps
    another date; ``None`` otherwise (then the day stays: a date is not dropped for a comment's).
    The page's language (``language``, asked only then) reads the dates it writes its own way."""
    when = day_of(day)
    threads = comment_threads(tree, title) if when is not None else []
    if when is None or not threads:
        return None
    inside = {el for thread in threads for el in thread.iter()}
    pattern = day_pattern(when)
    in_threads = any(pattern.search(reader_text_of(thread)) for thread in threads)
    if not in_threads and day[:10] not in _stamps(iter(inside)):
        return None
    text = reader_text(tree, skip=threads)
    if pattern.search(text):
        return None
    outside = _stamps(el for el in tree.iter() if el not in inside)
    if day[:10] in outside:
        return None
    written = _written(text, language())
    if day[:10] in written or not (written | outside) - {day[:10]}:
        return None
    return text


def reader_text_of(el: HtmlElement) -> str:
    """The text of ``el`` a reader sees: no script or style; whitespace squashed."""
    found = el.xpath(".//text()[not(ancestor::script or ancestor::style or ancestor::noscript)]")
    return " ".join("".join(str(t) for t in found).split())
