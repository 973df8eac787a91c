"""Command-line pieces shared by the commands that take URLs, feeds and sitemaps."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import click

from .._clitools import F
from ..errors import InputError, UsageError


def selection_options(f: F) -> F:
    """``--since`` and ``--max-items``: which items of a feed or sitemap are taken."""
    f = click.option(
        "--max-items",
        type=click.IntRange(min=1),
        metavar="N",
        help="Feeds and sitemaps: the first N items only.",
    )(f)
    return click.option(
        "--since", metavar="YYYY-MM-DD", help="Feeds and sitemaps: items dated on or after this day only."
    )(f)


def allow_host_option(f: F) -> F:
    """``--allow-host``: a URL input may be on this private or loopback host."""
    return click.option(
        "--allow-host",
        "allow_hosts",
        multiple=True,
        metavar="HOST",
        help="A URL, feed or item may be on HOST even if it is private or loopback (see README, Security).",
    )(f)


def selection(since: str | None, max_items: int | None) -> dict[str, Any]:
    """``--since`` and ``--max-items`` as keyword arguments of :func:`convert.web.expand`."""
    day = None
    if since is not None:
        try:
            from ..dates import parse_day  # Babel's tables load only for --since, not for --help

            day = parse_day(since)
        except ValueError:
            raise UsageError(f"--since {since!r}: expected YYYY-MM-DD") from None
    return {"since": day, "limit": max_items}


def has_web_inputs(inputs: Iterable[str]) -> bool:
    """Whether any input is a URL, a URL list or a feed/sitemap file (the only inputs that fetch).

    The web package (its feed parser, its HTTP client) is imported only for an input that may be
    one (:func:`_may_be_web`): an ordinary article file is told apart by its name and first bytes.
    """
    candidates = [src for src in inputs if _may_be_web(src)]
    if not candidates:
        return False
    from .. import web

    return any(web.is_url(src) or web.is_url_list(src) or web.local_feed_kind(src) for src in candidates)


def is_url_list(src: object) -> bool:
    """:func:`convert.web.is_url_list` without importing the web package (tests compare the two)."""
    return isinstance(src, str) and not _is_url(src) and src.lower().endswith(".urls")


def _is_url(src: str) -> bool:
    """:func:`convert.web.is_url` for a string, without importing the web package."""
    return src[:8].lower().startswith(("http://", "https://"))


def _may_be_web(src: str) -> bool:
    """Whether ``src`` may be a URL, a URL list or a feed: every input :func:`has_web_inputs` answers
    yes for passes, and a local file only if its first bytes, seen as
    :func:`convert.web.feeds.feed_kind` sees them, open markup or JSON (tests compare the two)."""
    if not isinstance(src, str) or src == "-":
        return False
    if _is_url(src) or src.lower().endswith(".urls"):
        return True
    import os

    from ..limits import _ascii_view

    if not os.path.isfile(src):  # a folder, a missing path, a pipe: no feed
        return False
    try:
        with open(src, "rb") as fh:
            head = fh.read(8192)
    except OSError:
        return False
    return _ascii_view(head).lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"<", b"{")


def expand_all(
    inputs: Iterable[str],
    allow_hosts: tuple[str, ...],
    chosen: dict[str, Any],
    on_error: Callable[[Exception, str], None],
    authors: dict[str, tuple[str, ...]] | None = None,
    keyed: list[tuple[str, tuple[str, ...]]] | None = None,
) -> list[Any]:
    """Every input expanded (:func:`convert.web.expand`), in order; an input that fails goes to ``on_error``.

    ``authors``, a dict, learns the authors each feed item names, by its :func:`label`; ``keyed``,
    a list, gets each entry's key (:func:`convert.web.expand_keyed`) and authors, in the same order.
    """
    from .. import web

    out: list[Any] = []
    owners: dict[str, str] = {}  # a key -> the input that gave it first
    for src in inputs:
        problems: list[InputError] = []  # items of a feed that cannot be fetched: each fails alone
        try:
            found = web.expand_keyed(src, allowed_hosts=allow_hosts, problems=problems, **chosen)
        except Exception as exc:  # one bad input never stops the rest
            on_error(exc, src)
            continue
        for problem in problems:
            on_error(problem, src)
        for entry, names, key in found:
            if owners.setdefault(key, src) != src:
                # A key two inputs share (an Atom id two feeds give) goes after this input's address
                # for all but the first, so neither item is dropped nor written over the other.
                key = f"{src} {key}"
            out.append(entry)
            if authors is not None and names:
                authors[label(entry)] = names
            if keyed is not None:
                keyed.append((key, names))
    return out


def label(entry: Any) -> str:
    """The name of an expanded input in messages: the page's URL, or the path or URL itself."""
    return str(getattr(entry, "url", entry))


def read_entry(
    entry: Any,
    from_: str | None,
    allow_hosts: tuple[str, ...],
    authors: tuple[str, ...] = (),
    **kwargs: Any,
) -> Any:
    """An expanded input read as an article (a page's bytes, a URL fetched, or a file); ``authors``,
    its feed item's, when the page names none (:func:`with_feed_authors`)."""
    from .. import api, web

    if isinstance(entry, web.WebPage):
        article = api.read(entry.data, from_=from_ or entry.reader, name=entry.url, **kwargs)
    else:
        article = api.read(entry, from_=from_, allowed_hosts=allow_hosts, **kwargs)
    return with_feed_authors(article, authors)


def with_feed_authors(article: Any, authors: tuple[str, ...]) -> Any:
    """``article`` with the people its feed item names as authors when the page names none.

    A feed's ``dc:creator`` is often no person: an account (``admin``), an address, the site, an
    agency (``Reuters``, 新华社), a desk or a role (``News Desk``, ``Guest Contributor``, 本报记者), or
    a byline with its credit (``By Jane Doe``, ``Jane Doe, Reuters``). Each value is read as the
    web-page reader reads a ``<meta name=author>`` (:meth:`convert.readers.html.names.AuthorFilter.names`)
    and kept only when the checks of a printed byline find a person's name in it; no author is
    better than a wrong one. A page's own byline always wins.
    """
    from ..model import Article, Author, replace

    if article.meta.authors:
        return article
    names = feed_people(authors, article.meta.language)
    if not names:
        return article
    meta = replace(article.meta, authors=tuple(Author(n) for n in names))
    return Article(meta, article.body, article.notes)


def feed_people(authors: Iterable[str], language: str | None) -> list[str]:
    """The people among a feed item's author values (see :func:`with_feed_authors`), in order."""
    from ..locale.newsroom import _newsroom_words, names_an_organisation
    from ..names import (
        has_role_word,
        looks_like_name,
        looks_like_publisher,
        names_a_role,
        names_an_institution,
    )
    from ..readers.html.names import AuthorFilter, names_an_agency

    check = AuthorFilter()
    found = (n for value in authors for n in check.names(value, single_words=False))
    # A feed's field is weak evidence, as a "Posted by" line is: a paper's word ("Washington Post")
    # or a role's anywhere refuses it; a desk or a role in a script without capitals in any language
    # the newsroom data knows (新华社 on an English page).
    tags = dict.fromkeys((language, *_newsroom_words()["roles"], *_newsroom_words()["desks"]))
    return [
        n
        for n in dict.fromkeys(found)
        if looks_like_name(n)
        and not names_an_agency(n)
        and not looks_like_publisher(n)
        and not names_an_institution(n)
        and not has_role_word(n)
        and not names_a_role(n, surname_last=True)
        and not any(names_an_organisation(n, tag) for tag in tags if tag)
    ]


#: How a feed kind (:func:`convert.web.feeds.feed_kind`) is named in messages.
_KINDS = {
    "rss": "an RSS feed",
    "atom": "an Atom feed",
    "jsonfeed": "a JSON Feed",
    "sitemap": "a sitemap",
    "sitemapindex": "a sitemap index",
}


def refuse_feed(src: str, data: bytes) -> None:
    """Refuse ``data`` (read from ``src``) when it is a feed or a sitemap: many pages, not one article.

    ``inspect`` shows one article; the pages a feed lists are what ``convert``, ``digest`` and
    ``bundle`` expand it to, so the message names those and the item count.
    """
    from ..web.feeds import feed_kind, parse_items

    kind = feed_kind(data)
    if kind is None:
        return
    try:
        count = len(parse_items(data, kind))
    except Exception:  # a broken feed is still no article
        count = None
    what = {"sitemap": "pages", "sitemapindex": "sitemaps"}.get(kind, "items")
    listed = f" of {count} {what}" if count is not None else ""
    named = "FEED.xml" if src == "<stdin>" else src  # convert expands a feed it is given by name
    raise UsageError(
        f"{_KINDS[kind]}{listed}, not one article",
        hint=f"inspect one of its pages, or convert them all: broadsheet convert {named} -o OUT/",
        path=src,
    )
