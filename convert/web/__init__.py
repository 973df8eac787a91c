"""Web inputs: a URL, a feed (RSS, Atom, JSON Feed) or a sitemap, as pages to read.

Nothing here runs unless an input is an ``http(s)://`` URL or a local file
whose content is a feed or a sitemap: Broadsheet stays offline otherwise.
:func:`expand` turns one input into what to read: :class:`WebPage` objects
(bytes already fetched, or a feed item's own full text), URL strings still
to fetch (feed items that carry only a link; :func:`convert.api.read`
fetches them), or the input itself when it is an ordinary file.
"""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from urllib.parse import urlsplit

from .. import limits
from ..errors import InputError
from .feeds import Item, feed_kind, item_html, item_keys, parse_items, select
from .http import HTTPStatusError, Response, address_refusal, fetch, host_allowed, is_url

__all__ = [
    "HTTPStatusError",
    "Response",
    "WebPage",
    "address_refusal",
    "expand",
    "expand_entries",
    "expand_keyed",
    "feed_kind",
    "fetch",
    "fetch_page",
    "host_allowed",
    "is_url",
    "is_url_list",
    "local_feed_kind",
    "page_from_response",
    "read_url_list",
    "unfetchable",
]

#: Sitemaps an index may name that are followed (each is one more request).
MAX_CHILD_SITEMAPS = 50

_READERS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/plain": "text",
    "text/markdown": "markdown",
    "text/x-markdown": "markdown",
}


@dataclass(frozen=True, slots=True)
class WebPage:
    """Bytes to read as one article, named by the URL they came from."""

    #: The page's URL: ``meta.source.path``, and ``meta.url`` unless the page names a canonical URL.
    url: str
    data: bytes
    #: The reader the ``Content-Type`` names (``html``, ``text`` ...), ``None`` to sniff.
    reader: str | None = None
    #: A feed item's own text, which the feed carries (not the page at :attr:`url`, fetched).
    carried: bool = False


def page_from_response(response: Response) -> WebPage:
    """A fetched response as a page; text re-encoded as UTF-8 (with a BOM) when the header's charset decodes it.

    A body that is valid UTF-8 is left alone, whatever the header says (a
    legacy-encoded text is almost never valid UTF-8, while wrong ``charset``
    headers are common); otherwise the header's charset, when it decodes
    the body without error, wins over the page's own ``<meta charset>`` as
    in browsers; failing both, the reader's own sniffing decides.
    """
    data = response.data
    reader = _READERS.get(response.content_type)
    charset = response.charset
    if (
        reader
        and charset
        and not data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    ):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            try:
                name = codecs.lookup(charset).name
                name = "cp1252" if name in ("latin-1", "iso8859-1", "ascii") else name  # WHATWG labels
                data = codecs.BOM_UTF8 + data.decode(name).encode("utf-8")
            except (LookupError, UnicodeDecodeError):
                pass
    return WebPage(url=response.final_url, data=data, reader=reader)


def fetch_page(url: str, *, allowed_hosts: tuple[str, ...] | list[str] = ()) -> WebPage:
    """Fetch ``url`` (see :func:`convert.web.http.fetch`) as a page to read."""
    return page_from_response(fetch(url, allowed_hosts=allowed_hosts))


def local_feed_kind(src: str) -> str | None:
    """The feed kind of a local file (from its first bytes), or ``None`` for anything else."""
    if src == "-" or is_url(src):
        return None
    path = Path(src)
    try:
        if not path.is_file():
            return None
        with path.open("rb") as fh:
            head = fh.read(8192)
    except OSError:
        return None
    return feed_kind(head)


def read_url_list(text: str, label: str, problems: list[InputError] | None = None) -> list[str]:
    """The URLs of a list: one a line, blank lines and ``#`` comments skipped, repeats dropped.

    A line that is no URL that can be fetched (a path, ``http://[::1``, ``http://exa mple.com/x``)
    raises an :class:`InputError` naming the list and the line; given ``problems``, a list, the
    error goes there instead and the other lines are read (each bad line fails alone)."""
    urls: list[str] = []
    for n, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if (why := unfetchable(line)) is not None:
            error = InputError(f"line {n}: {line[:60]!r} {why}", path=label)
            if problems is None:
                raise error
            problems.append(error)
            continue
        urls.append(line)
    return list(dict.fromkeys(urls))


def is_url_list(src: str) -> bool:
    """Whether an input names a URL list: a file ending in ``.urls``."""
    return isinstance(src, str) and not is_url(src) and src.lower().endswith(".urls")


def expand(
    src: str,
    *,
    allowed_hosts: tuple[str, ...] | list[str] = (),
    since: date | None = None,
    limit: int | None = None,
) -> list[str | WebPage]:
    """What to read for one input: its pages or feed items, or ``[src]`` for an ordinary file.

    Raises :class:`InputError` when the URL or the feed cannot be fetched or read.
    """
    return [
        target
        for target, _authors in expand_entries(src, allowed_hosts=allowed_hosts, since=since, limit=limit)
    ]


def expand_entries(
    src: str,
    *,
    allowed_hosts: tuple[str, ...] | list[str] = (),
    since: date | None = None,
    limit: int | None = None,
) -> list[tuple[str | WebPage, tuple[str, ...]]]:
    """:func:`expand`, each page or link with the authors its feed item names (RSS ``dc:creator`` or
    ``author``, Atom ``author``, JSON Feed ``authors``; none for anything else): the byline of a page
    that prints none."""
    found = expand_keyed(src, allowed_hosts=allowed_hosts, since=since, limit=limit)
    return [(target, authors) for target, authors, _key in found]


def expand_keyed(
    src: str,
    *,
    allowed_hosts: tuple[str, ...] | list[str] = (),
    since: date | None = None,
    limit: int | None = None,
    problems: list[InputError] | None = None,
) -> list[tuple[str | WebPage, tuple[str, ...], str]]:
    """:func:`expand_entries`, each with what names it from one run to the next: a feed item's key
    (:func:`convert.web.feeds.item_keys`; an item repeating an earlier one exactly is left out), a
    page's or a list's URL, or the input itself.

    An item with no text of its own and no link that can be fetched (``http://[::1``, ``http://exa
    mple.com/x``, a relative link in a feed read from a file, none at all) is left out, and
    ``problems``, a list, gets an :class:`InputError` naming the feed and the item."""
    if is_url_list(src):
        urls = read_url_list(_read_local(Path(src)).decode("utf-8-sig", "replace"), src, problems)
        return [(url, (), url) for url in (urls[:limit] if limit is not None else urls)]
    if is_url(src):
        response = fetch(src, allowed_hosts=allowed_hosts)
        kind = feed_kind(response.data)
        if kind is None:
            return [(page_from_response(response), (), src)]
        data, base, feed = response.data, response.final_url, src
    else:
        kind = local_feed_kind(src)
        if kind is None:
            return [(src, (), src)]
        data, base, feed = _read_local(Path(src)), None, str(Path(src).resolve())
    try:
        items = parse_items(data, kind, base)
        if kind == "sitemapindex":
            items = _children(items, allowed_hosts, since, limit)
    except InputError as exc:
        raise exc.with_path(src) from None
    keys = {id(item): key for item, key in zip(items, item_keys(items, feed, kind), strict=True)}
    out: list[tuple[str | WebPage, tuple[str, ...], str]] = []
    for item in select([i for i in items if keys[id(i)] is not None], since, limit):
        key = keys[id(item)]
        assert key is not None
        if item.html is not None:
            # A linkless item is named by its key, not by its place in the feed (which moves).
            url = item.link or f"{base or src}#item-{hashlib.sha256(key.encode()).hexdigest()[:12]}"
            page = WebPage(url=url, data=item_html(item), reader="html", carried=True)
            out.append((page, item.authors, key))
        elif item.link and (why := unfetchable(item.link)) is None:
            out.append((item.link, item.authors, key))
        elif problems is not None:
            what = f"item {item.title.strip()!r}" if item.title and item.title.strip() else "an item"
            why = "has no link and no text" if not item.link else f"has a link that {why}: {item.link!r}"
            problems.append(InputError(f"{what} {why}", path=src))
    return out


#: Characters no host name or address holds (RFC 3986 3.2.2: none of these is unreserved, a
#: sub-delim or allowed in an IP literal); an IRI's letters in other scripts are allowed.
_NOT_IN_HOST = re.compile(r'[\s<>"{}|\\^`]')


def unfetchable(link: str) -> str | None:
    """Why ``link`` (a feed item's, a URL list's line) cannot be fetched (said after "a link that"),
    ``None`` if it can."""
    if not is_url(link):
        return "is not an http(s) URL"
    try:
        parts = urlsplit(link)
        parts.port  # noqa: B018 (raises ValueError for a port that is no number)
    except ValueError:
        return "is malformed"
    if not parts.hostname or _NOT_IN_HOST.search(parts.netloc):
        return "names no valid host"
    return None


def _children(
    index: list[Item], allowed_hosts: tuple[str, ...] | list[str], since: date | None, limit: int | None
) -> list[Item]:
    """The pages of the sitemaps a sitemap index names (one level: an index inside an index is skipped)."""
    found: list[Item] = []
    for entry in select(index, since)[:MAX_CHILD_SITEMAPS]:
        if entry.link is None:
            continue
        response = fetch(entry.link, allowed_hosts=allowed_hosts)
        if feed_kind(response.data) == "sitemap":
            found.extend(parse_items(response.data, "sitemap", response.final_url))
        if limit is not None and len(select(found, since)) >= limit:
            break
    return found


def _read_local(path: Path) -> bytes:
    limit = limits.current().input_bytes
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", path=str(path)) from None
    try:
        limits.check_input_size(len(data), what="feed")
    except InputError as exc:
        raise exc.with_path(str(path)) from None
    return data
