"""URL, feed and sitemap inputs, against HTTP servers on the loopback range only.

Every server here binds to 127.0.0.1 (127.0.0.2 stands in for another host);
no test sends a packet beyond 127.0.0.0/8. Private ranges are tested with the
pure address check, never with a connection.
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import socket
import struct
import threading
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from email.utils import format_datetime
from html import escape
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner
from loopback import LoopbackServer

import convert
from convert import limits, web
from convert.cli import cli
from convert.errors import InputError, LimitError
from convert.model import Figure
from convert.web.http import USER_AGENT, address_refusal, fetch, host_allowed

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
N_ITEMS = 20
BASE_DAY = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)

_WORDS = (
    "harbour council river budget school winter railway market library bridge orchard "
    "festival museum ferry hospital clinic garden theatre tramway archive"
).split()


def story_title(n: int) -> str:
    return f"Story {n}: the {_WORDS[n % len(_WORDS)]} question"


def story_body(n: int) -> str:
    word = _WORDS[n % len(_WORDS)]
    paragraphs = [
        f"The {word} in our town has been argued over for a decade, and story number {n} follows "
        f"the latest turn in a debate that has divided neighbours and filled the letters page.",
        f"Residents met on Tuesday to hear the plans for the {word}. Some welcomed them; others said "
        "the consultation had been too short and the costs had never been set out in full.",
        f"The council will vote next month. Until then, the people who use the {word} every day "
        "say they will keep asking questions, and keep writing to anyone who will listen.",
    ]
    return "".join(f"<p>{escape(p)}</p>" for p in paragraphs)


def page_html(n: int, *, canonical: str | None = None, charset_meta: str = "utf-8") -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="{charset_meta}">'
        f"<title>{escape(story_title(n))}</title>{link}</head><body><article>"
        f"<h1>{escape(story_title(n))}</h1>{story_body(n)}</article></body></html>"
    )


def rss_feed(base: str, *, full_text_every: int = 2) -> str:
    items = []
    for n in range(1, N_ITEMS + 1):
        when = format_datetime(BASE_DAY + timedelta(days=n))
        content = (
            f"<content:encoded><![CDATA[{story_body(n)}]]></content:encoded>"
            if n % full_text_every == 0
            else ""
        )
        items.append(
            f"<item><title>{escape(story_title(n))}</title><link>{base}/page/{n}.html</link>"
            f"<pubDate>{when}</pubDate><description>Summary {n}</description>{content}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Town news</title>'
        f"<link>{base}/</link><description>News</description>{''.join(items)}</channel></rss>"
    )


def atom_feed(base: str) -> str:
    entries = "".join(
        f"<entry><title>{escape(story_title(n))}</title><link href='{base}/page/{n}.html'/>"
        f"<id>{base}/page/{n}.html</id><updated>{(BASE_DAY + timedelta(days=n)).isoformat()}</updated>"
        f"<author><name>Reporter {n}</name></author>"
        f"<content type='html'>{escape(story_body(n))}</content></entry>"
        for n in range(1, N_ITEMS + 1)
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Town news</title><id>{base}/</id><updated>{BASE_DAY.isoformat()}</updated>{entries}</feed>"
    )


def json_feed(base: str) -> str:
    return json.dumps(
        {
            "version": "https://jsonfeed.org/version/1.1",
            "title": "Town news",
            "items": [
                {
                    "id": str(n),
                    "url": f"{base}/page/{n}.html",
                    "title": story_title(n),
                    "content_html": story_body(n),
                    "date_published": (BASE_DAY + timedelta(days=n)).isoformat(),
                }
                for n in range(1, N_ITEMS + 1)
            ],
        }
    )


def sitemap(base: str, count: int = 5) -> str:
    urls = "".join(
        f"<url><loc>{base}/page/{n}.html</loc><lastmod>{(BASE_DAY + timedelta(days=n)).date()}</lastmod></url>"
        for n in range(1, count + 1)
    )
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'


def pictures_page(port: int) -> str:
    """A story whose images name its own site in every relative form a page uses."""
    figures = "".join(
        f'<figure><img src="{src}" alt="Picture {n}"><figcaption>Picture {n} of the harbour works</figcaption>'
        f"</figure><p>{escape(story_body(n))}</p>"
        for n, src in enumerate(
            (f"//127.0.0.1:{port}/media/a.jpg", "/media/b.jpg", "pics/c.jpg", "https://cdn.example/d.jpg"), 1
        )
    )
    return page_html(9).replace("</h1>", f"</h1>{figures}")


class Site(LoopbackServer):
    """A test site: every request is recorded (path and headers); connections are counted."""

    def __init__(self, host: str) -> None:
        super().__init__((host, 0), Handler)
        self.requests: list[tuple[str, dict[str, str]]] = []
        self.connections = 0
        self.other: str = ""  # the base URL of the "other host" server, for redirects to it
        self.huge_sent = 0
        self.statuses: list[tuple[str, int]] = []
        self.versions: dict[int, int] = {}  # page number -> version (its ETag changes with it)
        self.inflight = self.max_inflight = 0
        self.lock = threading.Lock()

    @property
    def base(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def process_request(self, request, client_address):  # type: ignore[no-untyped-def]
        self.connections += 1
        super().process_request(request, client_address)


class Handler(BaseHTTPRequestHandler):
    server: Site
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:  # keep pytest output clean
        pass

    def send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.server.statuses.append((self.path, status))
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        with contextlib.suppress(OSError):  # the client gave up (a timeout test)
            self.wfile.write(body)

    def do_GET(self) -> None:  # noqa: C901 - one branch per test route
        self.server.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
        base = self.server.base
        path = self.path
        if path.startswith(("/page/", "/private/")):
            with self.server.lock:
                self.server.inflight += 1
                self.server.max_inflight = max(self.server.max_inflight, self.server.inflight)
            time.sleep(0.01)
            n = int(path.rsplit("/", 1)[-1].removesuffix(".html"))
            version = self.server.versions.get(n, 0)
            etag = f'"p{n}-v{version}"'
            with self.server.lock:
                self.server.inflight -= 1
            if self.headers.get("If-None-Match") == etag:
                self.send(304, b"", ETag=etag)
                return
            html = page_html(n)
            if version:
                html = html.replace(
                    "</article>", f"<p>Updated {version} times since it was first published.</p></article>"
                )
            self.send(200, html.encode(), ETag=etag)
        elif path == "/robots.txt":
            self.send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
        elif path == "/rss.xml":
            self.send(200, rss_feed(base).encode(), "application/rss+xml")
        elif path == "/atom.xml":
            self.send(200, atom_feed(base).encode(), "application/atom+xml")
        elif path == "/feed.json":
            self.send(200, json_feed(base).encode(), "application/feed+json")
        elif path == "/sitemap.xml":
            self.send(200, sitemap(base).encode(), "application/xml")
        elif path == "/news/pictures.html":
            self.send(200, pictures_page(self.server.server_address[1]).encode())
        elif path == "/canonical.html":
            self.send(200, page_html(3, canonical="https://news.example/story-3").encode())
        elif path == "/redirect":
            self.send(302, b"", Location="/hop")
        elif path == "/hop":
            self.send(301, b"", Location=f"{base}/page/7.html")
        elif path == "/loop":
            self.send(302, b"", Location="/loop")
        elif path == "/away":
            self.send(302, b"", Location=f"{self.server.other}/page/1.html")
        elif path == "/cookie":
            self.send(302, b"", Location="/page/2.html", Set_Cookie="session=secret; Path=/")
        elif path == "/gzip":
            self.send(200, gzip.compress(page_html(4).encode()), Content_Encoding="gzip")
        elif path == "/latin1":  # a legacy page: the header names its charset, the page does not
            body = page_html(5, charset_meta="utf-8").replace("Story 5", "Story 5 café").encode("cp1252")
            body = body.replace(b'<meta charset="utf-8">', b"")
            self.send(200, body, "text/html; charset=iso-8859-1")
        elif path == "/wrong-charset":  # UTF-8 bytes, but the header claims Latin-1
            self.send(
                200, page_html(6).replace("Story 6", "Story 6 café").encode(), "text/html; charset=iso-8859-1"
            )
        elif path == "/slow":
            time.sleep(2)
            self.send(200, page_html(8).encode())
        elif path == "/drip":  # a byte every 0.1 s: each read is quick, the whole never ends
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(100):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.1)
            except OSError:
                return
        elif path == "/huge":  # never ends: chunks until the client hangs up
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_000 + b"</p>"
            try:
                while self.server.huge_sent < 1 << 30:
                    self.wfile.write(chunk)
                    self.server.huge_sent += len(chunk)
            except OSError:
                return
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(1 << 30))
            self.end_headers()
        elif path == "/500":
            self.send(500, b"broken")
        else:
            self.send(404, b"not here")


def _serve(host: str) -> Iterator[Site]:
    try:
        site = Site(host)
    except OSError as exc:
        pytest.skip(f"cannot bind {host}: {exc}")
    thread = threading.Thread(target=site.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield site
    finally:
        site.shutdown()
        site.server_close()
        thread.join(5)


@pytest.fixture
def other() -> Iterator[Site]:
    """A second server on 127.0.0.2: "another host" that must never be reached."""
    yield from _serve("127.0.0.2")


@pytest.fixture
def site(other: Site) -> Iterator[Site]:
    for s in _serve("127.0.0.1"):
        s.other = other.base
        yield s


ALLOW = ("127.0.0.1",)


def run(*args: str) -> object:
    return CliRunner().invoke(cli, list(args))


# ---------------------------------------------------------------- addresses


@pytest.mark.parametrize(
    "address",
    ["10.0.0.1", "172.16.5.4", "192.168.1.1", "127.0.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0",
     "224.0.0.1", "240.0.0.1", "::1", "fe80::1", "fc00::1", "::ffff:192.168.0.1"],
)  # fmt: skip
def test_non_public_addresses_are_refused(address: str) -> None:
    assert address_refusal(address) is not None


@pytest.mark.parametrize("address", ["93.184.215.14", "2606:2800:21f:cb07:6820:80da:af6b:8b2c"])
def test_public_addresses_pass(address: str) -> None:
    assert address_refusal(address) is None


def test_host_allowed_takes_subdomains() -> None:
    assert host_allowed("intranet.example", ["intranet.example"])
    assert host_allowed("news.intranet.example", ["intranet.example."])
    assert not host_allowed("evilintranet.example", ["intranet.example"])


def test_is_url() -> None:
    assert web.is_url("https://example.org/a") and web.is_url("HTTP://x")
    assert (
        not web.is_url("file:///etc/passwd") and not web.is_url("page.html") and not web.is_url(b"http://x")
    )


# ---------------------------------------------------------------- fetching


def test_loopback_is_refused_without_allow_host(site: Site) -> None:
    with pytest.raises(InputError, match="loopback"):
        convert.read(f"{site.base}/page/1.html")
    assert site.connections == 0
    result = run("convert", f"{site.base}/page/1.html", "--to", "txt", "-o", "unused/")
    assert result.exit_code != 0 and "--allow-host 127.0.0.1" in result.output
    assert site.connections == 0


def test_read_url(site: Site) -> None:
    article = convert.read(f"{site.base}/page/1.html", allowed_hosts=ALLOW)
    assert article.meta.title == story_title(1)
    assert article.meta.url == f"{site.base}/page/1.html"
    assert article.meta.source is not None and article.meta.source.path == f"{site.base}/page/1.html"
    _path, headers = site.requests[-1]
    assert headers["user-agent"] == USER_AGENT and USER_AGENT.startswith("broadsheet/")
    assert "gzip" in headers["accept-encoding"]


def test_images_of_a_fetched_page_resolve_against_the_address_it_came_from(site: Site) -> None:
    """Issue 12: ``//host/x.jpg``, ``/path/x.jpg`` and ``x.jpg`` in a fetched page are on its site."""
    article = convert.read(f"{site.base}/news/pictures.html", allowed_hosts=ALLOW)
    assert [b.src for b in article.body if isinstance(b, Figure)] == [
        f"{site.base}/media/a.jpg",
        f"{site.base}/media/b.jpg",
        f"{site.base}/news/pics/c.jpg",
        "https://cdn.example/d.jpg",
    ]
    assert all(path.startswith(("/news/", "/robots")) for path, _h in site.requests)  # no image fetched


def test_canonical_url_is_kept_and_the_fetched_one_is_the_source(site: Site) -> None:
    article = convert.read(f"{site.base}/canonical.html", allowed_hosts=ALLOW)
    assert article.meta.url == "https://news.example/story-3"
    assert article.meta.source is not None and article.meta.source.path == f"{site.base}/canonical.html"


def test_redirects_are_followed_and_the_final_url_recorded(site: Site) -> None:
    article = convert.read(f"{site.base}/redirect", allowed_hosts=ALLOW)
    assert article.meta.title == story_title(7)
    assert article.meta.url == f"{site.base}/page/7.html"
    with pytest.raises(InputError, match="more than 5 redirects"):
        fetch(f"{site.base}/loop", allowed_hosts=ALLOW)


def test_redirect_to_a_host_not_allowed_is_refused_before_connecting(site: Site, other: Site) -> None:
    with pytest.raises(InputError, match=r"refused to connect to 127\.0\.0\.2"):
        fetch(f"{site.base}/away", allowed_hosts=ALLOW)
    result = run("convert", f"{site.base}/away", "--allow-host", "127.0.0.1", "--to", "txt", "-o", "x/")
    assert result.exit_code != 0
    assert "refused to connect to 127.0.0.2" in result.output and len(result.output.strip().splitlines()) == 1
    assert other.connections == 0 and other.requests == []
    # Named, it may be reached: the same server, the same redirect.
    assert fetch(f"{site.base}/away", allowed_hosts=("127.0.0.1", "127.0.0.2")).status == 200
    assert other.connections == 1


def test_no_cookie_is_kept(site: Site) -> None:
    fetch(f"{site.base}/cookie", allowed_hosts=ALLOW)
    path, headers = site.requests[-1]
    assert path == "/page/2.html" and "cookie" not in headers


def test_gzip_is_decoded(site: Site) -> None:
    assert convert.read(f"{site.base}/gzip", allowed_hosts=ALLOW).meta.title == story_title(4)


def test_charset_from_the_header(site: Site) -> None:
    assert convert.read(f"{site.base}/latin1", allowed_hosts=ALLOW).meta.title.startswith("Story 5 café")


def test_a_wrong_charset_header_does_not_garble_utf8(site: Site) -> None:
    assert convert.read(f"{site.base}/wrong-charset", allowed_hosts=ALLOW).meta.title.startswith(
        "Story 6 café"
    )


def test_a_client_hanging_up_leaves_the_output_alone(site: Site) -> None:
    """A reset from some client of the test site is not printed into the output of the command under test."""
    printed = io.StringIO()
    before = site.hangups
    with contextlib.redirect_stderr(printed):
        sock = socket.create_connection(site.server_address[:2])
        sock.sendall(b"GET /page/1.html HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # the headers never end
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        sock.close()  # linger 0: the peer sees a reset
        deadline = time.monotonic() + 10
        while site.hangups == before and time.monotonic() < deadline:
            time.sleep(0.01)
    assert site.hangups == before + 1
    assert printed.getvalue() == ""


@pytest.mark.parametrize("path,status", [("/missing", "404"), ("/500", "500")])
def test_http_errors_are_one_line(site: Site, path: str, status: str, tmp_path: Path) -> None:
    result = run(
        "convert", f"{site.base}{path}", "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{tmp_path}/"
    )
    assert result.exit_code == 3
    assert f"HTTP {status}" in result.output and len(result.output.strip().splitlines()) == 1
    assert list(tmp_path.iterdir()) == []


def test_a_slow_server_times_out(site: Site) -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match="timed out"):
        fetch(f"{site.base}/slow", allowed_hosts=ALLOW, read_timeout=0.3)
    assert time.monotonic() - start < 1.5


def test_a_dripping_server_hits_the_total_timeout(site: Site) -> None:
    start = time.monotonic()
    with pytest.raises(InputError, match="timed out"):
        fetch(f"{site.base}/drip", allowed_hosts=ALLOW, read_timeout=1, total_timeout=0.5)
    assert time.monotonic() - start < 3


def test_a_url_to_stdout_and_explained(site: Site) -> None:
    result = run("convert", f"{site.base}/page/3.html", "--allow-host", "127.0.0.1", "--to", "txt", "-o", "-")
    assert result.exit_code == 0 and story_title(3) in result.output
    result = run("inspect", f"{site.base}/page/3.html", "--allow-host", "127.0.0.1", "--explain")
    assert result.exit_code == 0 and "the URL the page was fetched from" in result.output


def test_a_huge_response_is_cut_at_the_size_limit(site: Site) -> None:
    with limits.override(input_bytes=1 << 20), pytest.raises(LimitError, match="input_bytes limit"):
        fetch(f"{site.base}/huge", allowed_hosts=ALLOW)
    # Streamed and cut: far less than the 1 GiB the server would send was ever sent.
    assert site.huge_sent < 64 << 20
    with pytest.raises(LimitError, match="declares 1,073,741,824 bytes"):
        fetch(f"{site.base}/huge-declared", allowed_hosts=ALLOW)


def test_convert_a_url_names_the_output_after_the_title(site: Site, tmp_path: Path) -> None:
    result = run(
        "convert",
        f"{site.base}/page/9.html",
        "--allow-host",
        "127.0.0.1",
        "--to",
        "txt,md",
        "-o",
        f"{tmp_path}/",
    )
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("."))  # the manifest
    stem = convert.api.slug(story_title(9))
    assert stem.startswith("story-9-the-") and names == [f"{stem}.md", f"{stem}.txt"]
    assert _WORDS[9] in (tmp_path / names[1]).read_text()


@pytest.mark.parametrize(
    ("feed", "what"),
    [
        ("rss.xml", f"an RSS feed of {N_ITEMS} items"),
        ("atom.xml", f"an Atom feed of {N_ITEMS} items"),
        ("feed.json", f"a JSON Feed of {N_ITEMS} items"),
        ("sitemap.xml", "a sitemap of 5 pages"),
    ],
)
def test_inspect_refuses_a_feed_or_sitemap(site: Site, tmp_path: Path, feed: str, what: str) -> None:
    """Tester h34: inspect printed a feed's XML as an article, exit 0. inspect shows one article;
    a feed is many, which convert, digest and bundle expand: one line, exit 2, no item fetched."""
    result = run("inspect", f"{site.base}/{feed}", "--allow-host", "127.0.0.1", "--explain")
    assert result.exit_code == 2
    assert result.output.startswith(f"error: {site.base}/{feed}: {what}, not one article (hint: ")
    assert [p for p, _h in site.requests] == [f"/{feed}"]
    local = tmp_path / "feed.xml"
    local.write_bytes(rss_feed(site.base).encode())
    result = run("inspect", str(local), "--json")
    assert result.exit_code == 2 and len(result.output.splitlines()) == 1
    assert f"{local}: an RSS feed of {N_ITEMS} items" in result.output
    result = CliRunner().invoke(cli, ["inspect", "-"], input=rss_feed(site.base))
    assert result.exit_code == 2 and "error: <stdin>: an RSS feed" in result.output


def test_inspect_refuses_a_url_list(tmp_path: Path) -> None:
    """Review r39 #10: inspect showed a URL list as an article; it is many pages, as a feed is."""
    urls = tmp_path / "two.urls"
    urls.write_text("https://example.org/a\n# a comment\nhttps://example.org/b\n")
    result = run("inspect", str(urls))
    assert result.exit_code == 2 and len(result.output.splitlines()) == 1
    assert result.output.startswith(f"error: {urls}: a URL list of 2 URLs, not one article (hint: ")
    assert run("inspect", str(urls), "--from", "text").exit_code == 0  # read as told


def test_inspect_and_brief_of_a_url(site: Site, tmp_path: Path) -> None:
    result = run("inspect", f"{site.base}/page/2.html", "--allow-host", "127.0.0.1")
    assert result.exit_code == 0 and f"url: {site.base}/page/2.html" in result.output
    result = run(
        "convert",
        f"{site.base}/page/2.html",
        "--allow-host",
        "127.0.0.1",
        "--to",
        "brief",
        "-o",
        f"{tmp_path}/",
    )
    assert result.exit_code == 0, result.output
    assert any(p.read_text().strip() for p in tmp_path.iterdir())


def test_files_stay_offline(site: Site, tmp_path: Path) -> None:
    """A local page naming a URL fetches nothing: only URL, feed and URL-list inputs do."""
    page = tmp_path / "page.html"
    page.write_text(
        page_html(1, canonical=f"{site.base}/page/1.html").replace(
            "</article>", f'<img src="{site.base}/x.png"></article>'
        )
    )
    result = run("convert", str(page), "--to", "txt", "-o", f"{tmp_path}/out/")
    assert result.exit_code == 0, result.output
    assert site.connections == 0


# ---------------------------------------------------------------- feeds and sitemaps


@pytest.mark.parametrize("feed", ["rss.xml", "atom.xml", "feed.json"])
def test_feeds_expand_to_all_items(site: Site, feed: str) -> None:
    entries = web.expand(f"{site.base}/{feed}", allowed_hosts=ALLOW)
    assert len(entries) == N_ITEMS
    inline = [e for e in entries if isinstance(e, web.WebPage)]
    # Items with their full text are read from the feed; the others are fetched by link.
    assert len(inline) == (N_ITEMS // 2 if feed == "rss.xml" else N_ITEMS)
    assert all(isinstance(e, str) and e.startswith(site.base) for e in entries if e not in inline)
    article = convert.read(inline[0].data, name=inline[0].url, from_="html")
    assert article.meta.url == inline[0].url and article.meta.title and article.meta.published


def test_feed_dates_keep_the_zone_the_feed_wrote() -> None:
    """Issue 12.5: a timestamp with a zone stays that timestamp; a sitemap's date alone stays a date."""
    rss = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://news.example/</link>'
        b"<description>D</description><item><title>Late story</title><link>https://news.example/late</link>"
        b"<pubDate>Mon, 30 Nov 2026 23:30:00 -0500</pubDate></item></channel></rss>"
    )
    (item,) = web.parse_items(rss, "rss")
    assert item.published == "2026-11-30T23:30:00-05:00"  # not 2026-12-01 in UTC
    assert web.select([item], since=date(2026, 12, 1)) == []
    (entry,) = web.parse_items(sitemap("https://news.example", count=1).encode(), "sitemap")
    assert entry.published == "2026-11-02"


def test_feed_items_with_full_text_are_not_fetched(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "d.txt"
    result = run("digest", f"{site.base}/atom.xml", "--allow-host", "127.0.0.1", "-o", str(out))
    assert result.exit_code == 0, result.output
    assert [p for p, _h in site.requests] == ["/atom.xml"]
    text = out.read_text()
    assert all(story_title(n) in text for n in range(1, N_ITEMS + 1))


def test_since_and_max_items(site: Site) -> None:
    since = (BASE_DAY + timedelta(days=15)).date()
    entries = web.expand(f"{site.base}/feed.json", allowed_hosts=ALLOW, since=since)
    assert len(entries) == N_ITEMS - 14
    assert len(web.expand(f"{site.base}/feed.json", allowed_hosts=ALLOW, limit=3)) == 3
    result = run("convert", f"{site.base}/feed.json", "--allow-host", "127.0.0.1", "--since", "yesterday")
    assert result.exit_code == 2 and "--since" in result.output


def test_a_local_feed_file_expands_and_its_items_are_converted(site: Site, tmp_path: Path) -> None:
    feed = tmp_path / "news.xml"
    feed.write_text(rss_feed(site.base, full_text_every=1))
    out = tmp_path / "out"
    result = run("convert", str(feed), "--to", "txt", "-o", f"{out}/", "--max-items", "4")
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.txt"))) == 4
    assert site.connections == 0  # every item carried its text


def test_sitemap_pages_are_fetched(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run(
        "convert", f"{site.base}/sitemap.xml", "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{out}/"
    )
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.txt"))) == 5


def _creators_feed(base: str, *links: tuple[str, str]) -> str:
    """An RSS feed whose first item carries its text and the rest only links, each with a dc:creator."""
    first = (
        f"<item><title>{escape(story_title(1))}</title><link>{base}/page/1.html</link>"
        "<dc:creator>Hassan Mwinyi</dc:creator>"
        f"<content:encoded><![CDATA[{story_body(1)}]]></content:encoded></item>"
    )
    rest = "".join(
        f"<item><title>{path}</title><link>{base}{path}</link><dc:creator>{creator}</dc:creator></item>"
        for path, creator in links
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<channel><title>Town news</title><link>{base}/</link>{first}{rest}</channel></rss>"
    )


def test_a_feed_exits_as_a_folder_does_and_never_writes_over_a_file(site: Site, tmp_path: Path) -> None:
    """Tester h34: a feed with one broken link exited 3 (every input failed, elsewhere) and the item's
    dc:creator was not the author of a page that names none. Review r39: a rerun must not write over
    a file it did not make (another format, an unrelated file of the same name), nor fetch a page twice."""
    feed = tmp_path / "news.xml"
    feed.write_text(_creators_feed(site.base, ("/page/2.html", "Amina Juma"), ("/missing", "Jane Doe")))
    out = tmp_path / "out"
    args = ("convert", str(feed), "--allow-host", "127.0.0.1", "-o", f"{out}/")
    site.requests.clear()
    result = run(*args, "--to", "txt")
    assert result.exit_code == 1, result.output  # some failed
    assert "2 converted, 0 up to date, 1 failed" in result.output
    assert [p for p, _h in site.requests].count("/page/2.html") == 1  # fetched once
    texts = {p.name: p.read_text() for p in out.glob("*.txt")}
    assert sorted(t.splitlines()[3] for t in texts.values()) == ["By Amina Juma", "By Hassan Mwinyi"]
    again = run(*args, "--to", "txt")
    assert again.exit_code == 1 and "0 converted, 2 up to date, 1 failed" in again.output
    assert {p.name: p.read_text() for p in out.glob("*.txt")} == texts  # same files
    html = run(*args, "--to", "html")
    assert html.exit_code == 1, html.output
    assert {p.name: p.read_text() for p in out.glob("*.txt")} == texts  # html went into .html files
    assert len(list(out.glob("*.html"))) == 2
    mine = next(iter(texts))
    (out / mine).write_text("MY OWN NOTES")
    run(*args, "--to", "txt")
    assert (out / mine).read_text() == "MY OWN NOTES"  # written beside it, under another name
    feed.write_text(
        _creators_feed(site.base, ("/missing", "Jane Doe")).replace("<item><title>Story", "<x>", 1)
    )
    none = run("convert", str(feed), "--allow-host", "127.0.0.1", "--to", "txt", "-o", f"{tmp_path}/none/")
    assert none.exit_code == 3, none.output  # every item failed


def test_a_page_into_a_folder_keeps_its_failures_exit_code(
    site: Site, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Review r39 #5: a page whose exporter needs a missing tool exited 3 into a folder (README: 5)."""
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    out = tmp_path / "out"
    result = run(
        "convert", f"{site.base}/page/2.html", "--allow-host", "127.0.0.1", "--to", "azw3", "-o", f"{out}/"
    )
    assert result.exit_code == 5, result.output
    assert not out.exists() or not list(out.glob("*.azw3"))


def test_feed_authors_fill_only_a_page_without_one() -> None:
    from convert.commands._web import with_feed_authors
    from convert.model import Article, Author, Metadata

    bare = Article(meta=Metadata(title="T"))
    assert [a.name for a in with_feed_authors(bare, ("Amina Juma",)).meta.authors] == ["Amina Juma"]
    assert with_feed_authors(bare, ("admin", "news@example.org")) is bare  # accounts, no names
    bylined = Article(meta=Metadata(title="T", authors=(Author("Jane Doe"),)))
    assert with_feed_authors(bylined, ("Amina Juma",)) is bylined  # the page's byline wins


@pytest.mark.parametrize(
    ("values", "language", "people"),
    [
        (("Reuters",), "en", []),
        (("Associated Press",), "en", []),
        (("Washington Post",), "en", []),
        (("News Desk",), "en", []),
        (("Guest Contributor",), "en", []),
        (("新华社",), "zh", []),
        (("本报记者",), "zh", []),
        (("By Jane Doe",), "en", ["Jane Doe"]),
        (("Jane Doe, Reuters",), "en", ["Jane Doe"]),
        (("Jane Doe, Tom Brown",), "en", ["Jane Doe", "Tom Brown"]),
        (("王小明",), "zh", ["王小明"]),
    ],
)
def test_feed_authors_are_read_as_a_meta_author_is(
    values: tuple[str, ...], language: str, people: list[str]
) -> None:
    """Review r39: a feed's dc:creator that is an agency, a desk, a role or a byline with its credit."""
    from convert.commands._web import feed_people

    assert feed_people(values, language) == people


def test_a_feed_crediting_its_items_to_itself_names_no_author() -> None:
    from convert.web.feeds import parse_items

    rss = (
        '<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>'
        "<title>Town News</title><item><title>A</title><link>https://example.org/a</link>"
        "<dc:creator>Town  news</dc:creator></item><item><title>B</title><link>https://example.org/b</link>"
        "<dc:creator>Amina Juma</dc:creator></item></channel></rss>"
    )
    assert [i.authors for i in parse_items(rss.encode(), "rss")] == [(), ("Amina Juma",)]
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Town News", "authors": [{"name": "Town News"}],
           "items": [{"id": "1", "url": "https://example.org/a"}]}  # fmt: skip
    assert [i.authors for i in parse_items(json.dumps(doc).encode(), "jsonfeed")] == [()]


def test_a_feed_entity_bomb_is_refused(tmp_path: Path) -> None:
    feed = tmp_path / "bomb.xml"
    feed.write_text(
        '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss><channel><item><title>&a;</title></item></channel></rss>'
    )
    result = run("convert", str(feed), "--to", "txt", "-o", f"{tmp_path}/out/")
    assert result.exit_code != 0 and "entities" in result.output


@pytest.mark.slow
def test_digest_and_bundle_of_a_feed_hold_all_twenty(site: Site, tmp_path: Path, ace: Path) -> None:
    """Done-when of issue 16: a feed of 20 items gives one digest and one bundle with all 20."""
    from pypdf import PdfReader

    pdf = tmp_path / "d.pdf"
    result = run("digest", f"{site.base}/rss.xml", "--allow-host", "127.0.0.1", "-o", str(pdf))
    assert result.exit_code == 0, result.output
    text = " ".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert all(f"Story {n}:" in text for n in range(1, N_ITEMS + 1))

    book = tmp_path / "b.epub"
    result = run(
        "bundle", f"{site.base}/rss.xml", "--allow-host", "127.0.0.1", "-o", str(book), "--title", "Town"
    )
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(book) as zf:
        html = " ".join(zf.read(n).decode() for n in zf.namelist() if n.endswith(".xhtml"))
    assert all(escape(story_title(n)) in html for n in range(1, N_ITEMS + 1))
    from epubcheck_util import check_epubs, java_available

    if java_available():
        report = check_epubs([book])[book]
        assert report.checker.nFatal == 0 and report.checker.nError == 0, report.messages
    from ace_util import run_ace

    serious = [
        v for v in run_ace(ace, book.read_bytes(), tmp_path / "ace") if v[2] in ("critical", "serious")
    ]
    assert not serious, serious


@pytest.mark.corpus
def test_a_corpus_page_over_http(tmp_path: Path) -> None:
    pages = sorted(CORPUS.rglob("*.html"))[:1] if CORPUS.is_dir() else []
    if not pages:
        pytest.skip("no corpus")
    folder = pages[0].parent

    class CorpusHandler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = (folder / self.path.lstrip("/")).read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = LoopbackServer(("127.0.0.1", 0), CorpusHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{pages[0].name}"
        from_url = convert.read(url, allowed_hosts=ALLOW, require_text=False)
        from_file = convert.read(pages[0], require_text=False)
        assert from_url.meta.title == from_file.meta.title
        assert from_url.body == from_file.body
    finally:
        server.shutdown()
        server.server_close()


# ---------------------------------------------------------------- URL lists


def test_a_url_list_converts_in_parallel_and_a_rerun_costs_304s(site: Site, tmp_path: Path) -> None:
    from convert.batch.urls import MANIFEST_NAME, convert_urls

    urls = [f"{site.base}/page/{n}.html" for n in range(1, 51)]
    out = tmp_path / "out"
    first = convert_urls(urls, out, to=["txt"], jobs=4, delay=0, allowed_hosts=ALLOW)
    assert [o.status for o in first] == ["converted"] * 50
    assert len(list(out.glob("*.txt"))) == 50 and (out / MANIFEST_NAME).is_file()
    assert site.max_inflight == 1  # one request at a time per host, whatever -j says
    page_requests = [(p, st) for p, st in site.statuses if p.startswith("/page/")]
    assert len(page_requests) == 50 and {st for _p, st in page_requests} == {200}

    site.statuses.clear()
    site.versions[7] = 1  # one page changed
    second = convert_urls(urls, out, to=["txt"], jobs=4, delay=0, allowed_hosts=ALLOW)
    assert [o.status for o in second].count("up to date") == 49
    assert second[6].status == "converted" and second[6].outputs == first[6].outputs  # same file, new text
    assert "Updated 1 times" in (out / first[6].outputs[0]).read_text()
    statuses = [st for p, st in site.statuses if p.startswith("/page/")]
    assert statuses.count(304) == 49 and statuses.count(200) == 1
    assert len(list(out.glob("*.txt"))) == 50


def test_an_interrupted_url_list_resumes(site: Site, tmp_path: Path) -> None:
    from convert.batch.urls import convert_urls

    urls = [f"{site.base}/page/{n}.html" for n in range(1, 11)]
    out = tmp_path / "out"
    convert_urls(urls[:4], out, to=["txt"], delay=0, allowed_hosts=ALLOW)  # stopped after four
    site.statuses.clear()
    again = convert_urls(urls, out, to=["txt"], delay=0, allowed_hosts=ALLOW)
    assert [o.status for o in again] == ["up to date"] * 4 + ["converted"] * 6


def test_url_list_on_the_command_line_obeys_robots(site: Site, tmp_path: Path) -> None:
    listing = tmp_path / "reading.urls"
    listing.write_text(f"# morning\n{site.base}/page/1.html\n\n{site.base}/private/2.html\n")
    out = tmp_path / "out"
    result = run("convert", str(listing), "--to", "txt", "-o", f"{out}/", "--allow-host", "127.0.0.1")
    assert result.exit_code == 1
    assert (
        "robots.txt disallows it" in result.output and "1 converted, 0 up to date, 1 failed" in result.output
    )
    assert not any(p.startswith("/private/") for p, _h in site.requests)
    result = run(
        "convert",
        str(listing),
        "--to",
        "txt",
        "-o",
        f"{out}/",
        "--allow-host",
        "127.0.0.1",
        "--ignore-robots",
        "--report",
        str(tmp_path / "report.json"),
    )
    assert result.exit_code == 0, result.output
    assert "1 converted, 1 up to date, 0 failed" in result.output
    statuses = [o["status"] for o in json.loads((tmp_path / "report.json").read_text())["outcomes"]]
    assert statuses == ["up to date", "converted"]


def test_digest_of_a_url_list(site: Site, tmp_path: Path) -> None:
    listing = tmp_path / "today.urls"
    listing.write_text("".join(f"{site.base}/page/{n}.html\n" for n in (3, 1, 2)))
    out = tmp_path / "d.txt"
    result = run("digest", str(listing), "-o", str(out), "--allow-host", "127.0.0.1")
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert text.index(story_title(3)) < text.index(story_title(1)) < text.index(story_title(2))


def test_a_bad_url_list_line_is_one_error(tmp_path: Path) -> None:
    listing = tmp_path / "bad.urls"
    listing.write_text("http://127.0.0.1:9/a\nnot a url\n")
    result = run("convert", str(listing), "--to", "txt", "-o", f"{tmp_path}/out/")
    assert result.exit_code != 0 and "line 2" in result.output and "not an http(s) URL" in result.output


def test_a_url_list_from_stdin(site: Site, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = CliRunner().invoke(
        cli,
        ["convert", "-", "--from", "urls", "--to", "txt", "-o", f"{out}/", "--allow-host", "127.0.0.1"],
        input=f"{site.base}/page/4.html\n{site.base}/page/5.html\n",
    )
    assert result.exit_code == 0, result.output
    assert len(list(out.glob("*.txt"))) == 2
