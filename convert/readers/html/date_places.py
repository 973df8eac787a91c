"""Where a date sits on a web page: in its readers' comments, or on the line under its headline.

:mod:`.dates` gathers the page's dates and places its headline; this module tells, for a date
nothing declares (htmldate's pick), whether its place makes it the article's:

- a day the page writes or stamps only in a comment thread is a comment's (:func:`only_in_comments`);
- the first date written under the headline, before the first paragraph, on a line that opens
  with it (after a one-word label at most: ``Datum: 18.10.2021``, ``Written: 2023-11-07 15:03``), is
  the byline's (:func:`byline_day`): a date htmldate finds elsewhere (a related story's, an
  event's in a sidebar, a photo's) is not the article's.
"""

from __future__ import annotations

import re
from datetime import date

from lxml.html import HtmlElement

from ...dates import day_of, day_pattern, find_dates, parse_stamp
from .dates import REVISION_LABEL, UNSEEN, byline_lines, headline_element
from .text import is_comment_thread


def only_in_comments(tree: HtmlElement, day: str, title: str | None = None) -> bool:
    """Whether the page writes or stamps the calendar day ``day`` only in its readers' comments.

    A comment thread (:func:`~.text.is_comment_thread`) that does not hold the headline
    (:func:`headline_element`) dates a comment, not the article: htmldate's pick of the first
    element marked as a date can be a comment's ``<time>``. ``False`` when the page writes the day
    nowhere in one piece (no text node or ``datetime``/``content`` value gives it)."""
    when = day_of(day)
    if when is None:
        return False
    pattern = day_pattern(when)
    head = headline_element(tree, title)
    # a "thread" that holds the headline is the page itself
    above = set(head.iterancestors()) if head is not None else set()
    found = False
    for el in tree.iter():
        if not isinstance(el.tag, str) or el.tag in UNSEEN:
            continue
        stamps = (el.get("datetime"), el.get("content"))
        texts = (el.text or "", *(c.tail or "" for c in el))
        if any((parse_stamp(v, window=False) or "")[:10] == day[:10] for v in stamps if v) or any(
            pattern.search(t) for t in texts
        ):
            found = True
            if not any(is_comment_thread(a) and a not in above for a in (el, *el.iterancestors())):
                return False
    return found


#: What may stand before the byline's date on its line: nothing, or one word of letters and a colon
#: (``Datum:``, ``Written:``); a longer lead-in may be a caption's or a sentence's (``Photo taken on``).
_BYLINE_LABEL = re.compile(r"(?:[^\W\d_]+:\s*)?")


def byline_day(tree: HtmlElement, title: str | None, latest: date) -> str | None:
    """The date of the byline: the first date (:func:`~convert.dates.find_dates`) written on the
    lines between the headline and the first paragraph (:func:`~.dates.byline_lines`), when its
    line opens with it or with a one-word label (:data:`_BYLINE_LABEL`) that is no update's (``Updated:``
    dates a revision: then none). ``None`` when the first dated line is anything else (a sentence,
    a caption), without a headline, or for a day before 1970 or after ``latest``."""
    for line in byline_lines(tree, title) or ():
        for pos, day in find_dates(line):
            label = line[:pos]
            if not _BYLINE_LABEL.fullmatch(label) or REVISION_LABEL.search(label):
                return None
            return day.isoformat() if date(1970, 1, 1) <= day <= latest else None
    return None
