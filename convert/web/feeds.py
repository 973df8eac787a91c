"""Feeds and sitemaps: RSS, Atom, JSON Feed and ``sitemap.xml`` as lists of items.

RSS and Atom are parsed by feedparser (after :func:`convert.limits.check_xml`
refuses entity declarations); JSON Feed (https://www.jsonfeed.org/version/1.1/)
is small enough to read here; sitemaps (https://www.sitemaps.org/protocol.html)
are parsed with the safe lxml parser of :mod:`convert.limits`. Nothing here
fetches: an item either carries its full text (``content:encoded``, Atom
``content``, JSON Feed ``content_html``/``content_text``) and becomes a small
HTML page, or names a link for the caller to fetch.
"""

from __future__ import annotations

import calendar
import datetime as dt
import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from html import escape
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

from .. import limits
from ..dates import day_of, epoch_stamp, parse_stamp
from ..errors import InputError

__all__ = ["Item", "feed_kind", "item_html", "item_keys", "parse_items", "select", "untracked"]

_ROOT = re.compile(rb"<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)")
_SKIP = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(\[.*?\])?\s*>)", re.DOTALL | re.IGNORECASE)
#: An absolute URI's scheme (RFC 3986 3.1) and something after it: an Atom id that is not one
#: ("1", seen in the wild though RFC 4287 4.2.6 asks for an IRI) is unique only within its feed.
_XML_KINDS = {
    b"rss": "rss",
    b"rdf": "rss",
    b"feed": "atom",
    b"urlset": "sitemap",
    b"sitemapindex": "sitemapindex",
}


@dataclass(frozen=True, slots=True)
class Item:
    """One entry of a feed or sitemap."""

    link: str | None
    title: str | None = None
    #: ISO 8601 as the feed wrote it, zone kept (a date alone stays a date; see :mod:`convert.dates`).
    published: str | None = None
    authors: tuple[str, ...] = ()
    #: The full text as HTML, when the feed carries it; ``None``: fetch :attr:`link`.
    html: str | None = None
    #: For a sitemap index: the entry is another sitemap.
    is_sitemap: bool = False
    #: The item's own identifier: RSS ``guid``, Atom ``id``, JSON Feed ``id`` (none in a sitemap).
    id: str | None = None


def feed_kind(data: bytes) -> str | None:
    """``rss``, ``atom``, ``jsonfeed``, ``sitemap`` or ``sitemapindex`` from the content; ``None`` otherwise."""
    head = limits._ascii_view(data[:8192]).lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "jsonfeed" if re.search(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/', head) else None
    pos = 0
    while m := _SKIP.match(head, pos):
        pos = m.end()
    root = _ROOT.match(head[pos:].lstrip())
    if root is None:
        return None
    return _XML_KINDS.get(root.group(2).lower())


def parse_items(data: bytes, kind: str, base_url: str | None = None) -> list[Item]:
    """The items of a feed or sitemap of ``kind`` (from :func:`feed_kind`), in the feed's order."""
    if kind == "jsonfeed":
        return _json_feed(data, base_url)
    if kind in ("sitemap", "sitemapindex"):
        return _sitemap(data, kind, base_url)
    return _feedparser(data, base_url)


def select(items: list[Item], since: dt.date | None = None, limit: int | None = None) -> list[Item]:
    """Items published on or after ``since`` (items without a date are kept), at most ``limit``."""
    if since is not None:
        items = [i for i in items if (day := day_of(i.published)) is None or day >= since]
    return items[:limit] if limit is not None else items


def item_html(item: Item) -> bytes:
    """A feed item with its full text as a small HTML page the web-page reader reads."""
    head = ['<meta charset="utf-8">']
    if item.title:
        head.append(f"<title>{escape(item.title)}</title>")
    if item.link:
        head.append(f'<link rel="canonical" href="{escape(item.link)}">')
    for author in item.authors:
        head.append(f'<meta name="author" content="{escape(author)}">')
    if item.published is not None:
        head.append(f'<meta property="article:published_time" content="{escape(item.published)}">')
    heading = f"<h1>{escape(item.title)}</h1>" if item.title else ""
    page = (
        f"<!DOCTYPE html><html><head>{''.join(head)}</head>"
        f"<body><article>{heading}{item.html or ''}</article></body></html>"
    )
    return page.encode("utf-8")


def item_keys(items: list[Item], feed: str, kind: str = "rss") -> list[str | None]:
    """What names each item of ``feed`` (of ``kind``, from :func:`feed_kind`) from one run to the
    next (an output folder's manifest keeps its outputs under it); ``None`` for an item that repeats
    an earlier one exactly (the same identifier, title, text and link).

    Not the item's position (a new item at the top would shift every other into its neighbour's
    files), and never one key for two items of one feed, nor for items of two feeds: the item's
    identifier (RSS ``guid``, Atom or JSON Feed ``id``) after the feed's address and a space. RSS
    guids and JSON Feed ids need be unique only within their feed (RSS 2.0, JSON Feed 1.1;
    ``post:1`` or the site's homepage as every guid are both seen), and an Atom id two feeds share
    would hand one feed's file to the other in a later run (review r44d). Only an item that is a
    pointer to a page (no text of its own) is named as the page is, by its identifier when that is
    its link, else by its link: a sitemap or URL list naming the page then finds the same files. An
    identifier two different items of the feed share names none of them. Else, or when an earlier
    item took that, its link (after the feed's address when the item carries its text, and unless
    other items carrying their own text share it); else the sha256 of its own title and text after
    the feed's address.
    """
    owns = [(item.id, item.title, item.html, item.link) for item in items]
    first = {own: n for n, own in reversed(list(enumerate(owns)))}
    ids = Counter(item.id for n, item in enumerate(items) if item.id and first[owns[n]] == n)
    # A link items carrying their own text share (a club's homepage on every notice) names none of them.
    shared = Counter(
        untracked(item.link)
        for n, item in enumerate(items)
        if item.link and item.html and first[owns[n]] == n
    )
    keys: list[str | None] = []
    seen: set[str] = set()
    for n, item in enumerate(items):
        if first[owns[n]] != n:
            keys.append(None)  # the very same item again
            continue
        candidates = []
        if item.id and ids[item.id] == 1:
            # An item that carries its own text is never named as a page is (review r44d #2): a
            # sitemap or URL list naming the link would take its file. An Atom id that is an
            # absolute URI ("universally unique") still names the item within this feed only: two
            # feeds giving one id would otherwise take each other's files (r44d #1).
            alone = item.id == item.link and item.html is None
            candidates.append(item.id if alone else f"{feed} {item.id}")
        if item.link and item.html is None:
            candidates.append(untracked(item.link))
        elif item.link and shared[untracked(item.link)] == 1:
            candidates.append(f"{feed} {untracked(item.link)}")
        own = "\n".join((item.title or "", item.html or "", item.link or "")).encode("utf-8")
        candidates.append(f"{feed} sha256:{hashlib.sha256(own).hexdigest()[:16]}")
        key = next((k for k in candidates if k not in seen), None)
        if key is not None:
            seen.add(key)
        keys.append(key)
    return keys


def untracked(link: str) -> str:
    """``link`` without the campaign parameters a feed adds to count its readers (``utm_source``,
    ``utm_medium`` …: Google Analytics' ``utm_*`` family, which every major feed tool writes; they
    name no other page), the rest of the query as written."""
    try:
        parts = urlsplit(link)
    except ValueError:  # a malformed link ("http://[oops/…") is kept as written
        return link
    kept = [p for p in parts.query.split("&") if not p.split("=", 1)[0].lower().startswith("utm_")]
    return (
        link if len(kept) == parts.query.count("&") + 1 else urlunsplit(parts._replace(query="&".join(kept)))
    )


def _feedparser(data: bytes, base_url: str | None) -> list[Item]:
    import feedparser

    limits.check_xml(data, what="feed")
    parsed = feedparser.parse(data, response_headers={"content-location": base_url} if base_url else None)
    if not parsed.entries and parsed.get("bozo"):
        raise InputError(f"not a readable feed ({parsed.get('bozo_exception')})")
    channel = _key(parsed.feed.get("title"))
    written = parsed.entries
    atom = str(parsed.get("version", "")).startswith("atom")
    if base_url and (atom or any(not e.get("link") for e in parsed.entries)):
        # feedparser resolves an Atom id against the feed's address ("1" -> http://host/q/1, one id
        # for two feeds of one folder), and blanks a link it cannot resolve ("http://[::1"): the
        # ids and links as the feed wrote them (its own xml:base applies).
        again = feedparser.parse(data).entries
        written = again if len(again) == len(parsed.entries) else written
    raw = _links_as_written(data)
    raw_links = raw if raw is not None and len(raw) == len(parsed.entries) else [None] * len(written)
    items = []
    for entry, as_written, raw_link in zip(parsed.entries, written, raw_links, strict=True):
        html = None
        for content in entry.get("content") or ():
            if content.get("value", "").strip():
                value = content["value"]
                html = value if "html" in content.get("type", "") else f"<pre>{escape(value)}</pre>"
                break
        when = _entry_date(entry)
        authors = tuple(
            a["name"] for a in entry.get("authors") or () if a.get("name") and _key(a["name"]) != channel
        )  # a feed that credits its items to itself names no writer
        link = entry.get("link") or as_written.get("link")  # a malformed one as written, to be reported
        if raw_link is not None and _SCHEME.match(raw_link):
            link = raw_link  # absolute: nothing to resolve, and checked (and quoted) as the feed wrote it
        if html is None and not link and entry.get("summary"):
            html = entry["summary"]  # nothing to fetch: the summary is all there is
        ident = as_written.get("id") if atom or not base_url else entry.get("id")
        ident = ident if isinstance(ident, str) and ident.strip() else None
        items.append(
            Item(link=link, title=entry.get("title"), published=when, authors=authors, html=html, id=ident)
        )
    return items


#: A scheme at a link's start (RFC 3986 3.1): such a link is absolute, nothing to resolve.
_SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def _links_as_written(data: bytes) -> list[str | None] | None:
    """Each RSS item's or Atom entry's link as the feed wrote it, in order (an RSS ``<link>``'s text,
    an Atom alternate ``<link>``'s ``href``; none where it has none); ``None`` for a feed that is no
    well-formed XML. feedparser rewrites some links before they can be checked
    (``file:///etc/hostname`` becomes ``file://etc/hostname``, ``http:///x`` becomes ``http://x``,
    a host named x): the link checked and quoted in an error is the one written."""
    try:
        root = limits.parse_xml(data, what="feed")
    except InputError:
        return None
    found: list[str | None] = []
    for element in root.iter():
        kind = element.tag.rsplit("}", 1)[-1] if isinstance(element.tag, str) else ""
        if kind not in ("item", "entry"):
            continue
        link = None
        for child in element:
            if not isinstance(child.tag, str) or child.tag.rsplit("}", 1)[-1] != "link":
                continue
            href = child.get("href")
            if kind == "item" and href is None and (child.text or "").strip():
                link = (child.text or "").strip()
            elif kind == "entry" and href and child.get("rel", "alternate") == "alternate":
                link = href.strip()
            if link is not None:
                break
        found.append(link)
    return found


def _json_feed(data: bytes, base_url: str | None) -> list[Item]:
    try:
        doc = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a readable JSON Feed ({exc})") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("items"), list):
        raise InputError("a JSON Feed without an items list")
    channel = _key(doc.get("title"))
    feed_authors = tuple(a for a in _json_authors(doc) if _key(a) != channel)
    items = []
    for raw in doc["items"]:
        if not isinstance(raw, dict):
            continue
        link = raw.get("url") or raw.get("external_url")
        link = _joined(base_url, link) if isinstance(link, str) else None
        html = raw.get("content_html")
        if not isinstance(html, str) and isinstance(raw.get("content_text"), str):
            html = "".join(
                f"<p>{escape(p)}</p>" for p in re.split(r"\n\s*\n", raw["content_text"]) if p.strip()
            )
        items.append(
            Item(
                link=link,
                title=raw.get("title") if isinstance(raw.get("title"), str) else None,
                published=_iso(raw.get("date_published") or raw.get("date_modified")),
                authors=tuple(a for a in _json_authors(raw) if _key(a) != channel) or feed_authors,
                html=html if isinstance(html, str) and html.strip() else None,
                id=_json_id(raw.get("id")),
            )
        )
    return items


def _json_id(value: object) -> str | None:
    """A JSON Feed item's ``id``: a string, though some feeds write a number (the spec asks for a string)."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    return str(value).strip() or None


def _key(text: object) -> str:
    """A name as compared with the feed's title: spacing and case aside."""
    return " ".join(text.split()).casefold() if isinstance(text, str) else ""


def _json_authors(obj: dict[str, Any]) -> tuple[str, ...]:
    found = obj.get("authors") or ([obj["author"]] if isinstance(obj.get("author"), dict) else [])
    return tuple(a["name"] for a in found if isinstance(a, dict) and isinstance(a.get("name"), str))


def _entry_date(entry: Any) -> str | None:
    """An RSS/Atom entry's date as the feed wrote it (RFC 2822 or ISO 8601, zone kept).

    feedparser's own ``*_parsed`` tuples are in UTC and drop the zone: they
    serve only for dates in forms :func:`convert.dates.parse_stamp` does not read.
    """
    for key in ("published", "updated"):
        if found := _iso(entry.get(key)):
            return found
        if stamp := entry.get(f"{key}_parsed"):
            return epoch_stamp(calendar.timegm(stamp))
    return None


def _iso(value: Any) -> str | None:
    return parse_stamp(value, window=False) if isinstance(value, str) else None


def _joined(base_url: str | None, link: str) -> str:
    """``link`` resolved against the feed's address; a malformed one (``http://[oops/x``) as
    written, to fail on its own when fetched, not to stop the whole feed (review r44d #3)."""
    try:
        return urljoin(base_url or "", link)
    except ValueError:
        return link


def _sitemap(data: bytes, kind: str, base_url: str | None) -> list[Item]:
    root = limits.parse_xml(data, what="sitemap")
    items = []
    for entry in root:
        if not isinstance(entry.tag, str):
            continue
        fields = {
            child.tag.rsplit("}", 1)[-1]: (child.text or "").strip()
            for child in entry
            if isinstance(child.tag, str)
        }
        loc = fields.get("loc")
        if loc:
            items.append(
                Item(
                    link=_joined(base_url, loc),
                    published=_iso(fields.get("lastmod")),
                    is_sitemap=kind == "sitemapindex",
                )
            )
    return items
