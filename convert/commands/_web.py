"""Command-line pieces shared by the commands that take URLs, feeds and sitemaps."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

import click

from .._clitools import F
from ..errors import UsageError


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
) -> list[Any]:
    """Every input expanded (:func:`convert.web.expand`), in order; an input that fails goes to ``on_error``.

    ``authors``, a dict, learns the authors each feed item names, by its :func:`label`.
    """
    from .. import web

    out: list[Any] = []
    for src in inputs:
        try:
            found = web.expand_entries(src, allowed_hosts=allow_hosts, **chosen)
        except Exception as exc:  # one bad input never stops the rest
            on_error(exc, src)
            continue
        for entry, names in found:
            out.append(entry)
            if authors is not None and names:
                authors[label(entry)] = names
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
    its feed item's, when the page names none (:func:`convert.web.with_feed_authors`)."""
    from .. import api, web

    if isinstance(entry, web.WebPage):
        article = api.read(entry.data, from_=from_ or entry.reader, name=entry.url, **kwargs)
    else:
        article = api.read(entry, from_=from_, allowed_hosts=allow_hosts, **kwargs)
    return web.with_feed_authors(article, authors)


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
