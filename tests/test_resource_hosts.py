"""Remote resources (images, stylesheets, fonts) get the input URLs' host check.

With ``--allow-remote`` alone, a page's image on a loopback, private or link-local
host (a router, a cloud metadata endpoint) is refused without a request; only a
host ``--allow-host`` names is fetched. Redirects and DNS answers are judged again
when connecting, and one resource has a total deadline. Every server here listens
on 127.0.0.x: nothing is ever sent beyond the loopback interface (the non-loopback
addresses below go only to the classifier, never to a socket).
"""

from __future__ import annotations

import io
import socket
import time
import zipfile
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner
from loopback import Running
from PIL import Image

from convert.cli import cli
from convert.fetch import RESOURCE_DEADLINE, ImageLoader, ResourcePolicy
from convert.web import http as web_http
from convert.web.http import literal_refusal


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 3), (200, 30, 30)).save(out, "PNG")
    return out.getvalue()


PNG = _png()


class _Server:
    """A recording server on one 127.0.0.x address: ``/img.png`` a PNG, ``/hop`` a 302 to
    :attr:`location`, ``/drip.png`` a PNG one byte at a time, :attr:`drip` seconds apart."""

    def __init__(self, host: str) -> None:
        self.paths: list[str] = []
        self.location = ""
        self.drip = 0.2
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                outer.paths.append(self.path)
                if self.path == "/hop":
                    self.send_response(302)
                    self.send_header("Location", outer.location)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(PNG)))
                self.end_headers()
                if self.path != "/drip.png":
                    self.wfile.write(PNG)
                    return
                for byte in PNG:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(outer.drip)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.running = Running(Handler, host)
        self.port, self.base = self.running.port, self.running.base

    def close(self) -> None:
        self.running.close()


@pytest.fixture
def one() -> Iterator[_Server]:
    server = _Server("127.0.0.1")
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def two() -> Iterator[_Server]:
    try:
        server = _Server("127.0.0.2")
    except OSError:  # pragma: no cover - a system without the whole 127/8 on lo
        pytest.skip("cannot listen on 127.0.0.2")
    try:
        yield server
    finally:
        server.close()


# --------------------------------------------------------------------------
# the classifier (no request: these addresses never reach a socket)


@pytest.mark.parametrize(
    "host",
    [
        "127.0.0.1",
        "127.0.0.2",
        "2130706433",  # 127.0.0.1 as one decimal number
        "0x7f.0.0.1",  # hex
        "0177.0.0.1",  # octal
        "127.1",
        "[::1]",
        "[::ffff:127.0.0.1]",  # IPv4-mapped IPv6
        "[::ffff:a9fe:a9fe]",  # 169.254.169.254, mapped and in hex
        "169.254.169.254",  # cloud metadata
        "0xa9fea9fe",
        "10.0.0.1",
        "192.168.1.1",
        "172.16.0.1",
        "100.64.0.1",
        "224.0.0.1",
        "0.0.0.0",
        "240.0.0.1",
        "[fe80::1]",
        "[fc00::1]",
        "[ff02::1]",
        "[::]",
    ],
)
def test_non_public_literal_hosts_are_refused_unless_allowed(host: str) -> None:
    url = f"http://{host}/x.png"
    reason = ResourcePolicy(allow_remote=True).refusal(url)
    assert reason is not None and "--allow-host" in reason, (host, reason)
    assert literal_refusal(host) is not None
    bare = host.strip("[]")
    assert ResourcePolicy.for_paths(allow_remote=True, allowed_hosts=(bare,)).refusal(url) is None


@pytest.mark.parametrize("host", ["93.184.216.34", "[2606:2800:220:1:248:1893:25c8:1946]", "example.org"])
def test_public_and_named_hosts_pass_the_policy(host: str) -> None:
    # A public address passes; a host name is judged by what it resolves to, when fetched.
    assert ResourcePolicy(allow_remote=True).refusal(f"https://{host}/x.png") is None
    assert literal_refusal(host) is None


def test_the_deadline_is_documented_and_in_the_policy() -> None:
    assert ResourcePolicy().deadline == RESOURCE_DEADLINE == 30.0


# --------------------------------------------------------------------------
# requests (all to 127.0.0.x)


def _page(tmp_path: Path, src: str) -> Path:
    text = " ".join(["The harbour works went on through the winter, and the town watched them."] * 4)
    page = tmp_path / "page.html"
    page.write_text(
        "<!doctype html><html lang=en><head><meta charset=utf-8><title>Harbour works</title></head><body>"
        f"<article><h1>Harbour works</h1><p>{text}</p>"
        f'<figure><img src="{src}" alt="The new pier"><figcaption>The new pier in March</figcaption></figure>'
        f"<p>{text}</p></article></body></html>",
        encoding="utf-8",
    )
    return page


def _has_image(path: Path) -> bool:
    data = path.read_bytes()
    if path.suffix == ".pdf":
        return b"/Subtype /Image" in data or b"/Subtype/Image" in data
    with zipfile.ZipFile(path) as zf:
        return any(n.endswith(".png") and zf.read(n) == PNG for n in zf.namelist())


@pytest.mark.parametrize("fmt", ["docx", "epub", "pdf"])
def test_loopback_image_needs_allow_host(tmp_path: Path, one: _Server, fmt: str) -> None:
    src = f"{one.base}/img1.png"
    page = _page(tmp_path, src)
    out = tmp_path / "out"
    args = ["convert", str(page), "--to", fmt, "--allow-remote", "-o", f"{out}/"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert one.paths == []  # no request reached the server
    lines = [line for line in result.output.splitlines() if src in line]
    assert len(lines) == 1 and "127.0.0.1 is a loopback address" in lines[0], result.output
    assert "--allow-host 127.0.0.1" in lines[0]
    (made,) = out.glob(f"*.{fmt}")
    assert not _has_image(made)
    made.unlink()
    result = CliRunner().invoke(cli, [*args, "--allow-host", "127.0.0.1"])
    assert result.exit_code == 0, result.output
    assert one.paths == ["/img1.png"] and src not in result.output
    assert _has_image(next(out.glob(f"*.{fmt}")))


def test_a_redirect_from_an_allowed_host_to_another_loopback_host_is_refused(
    one: _Server, two: _Server
) -> None:
    one.location = f"{two.base}/img.png"
    loader = ImageLoader(ResourcePolicy.for_paths(allow_remote=True, allowed_hosts=("127.0.0.1",)))
    got = loader.load(f"{one.base}/hop")
    assert isinstance(got, str) and "127.0.0.2" in got, got
    assert one.paths == ["/hop"] and two.paths == []
    # Named too, the redirect is followed.
    loader = ImageLoader(
        ResourcePolicy.for_paths(allow_remote=True, allowed_hosts=("127.0.0.1", "127.0.0.2"))
    )
    got = loader.load(f"{one.base}/hop")
    assert not isinstance(got, str) and got.data == PNG and two.paths == ["/img.png"]


def test_a_host_name_resolving_to_loopback_is_refused_at_connect_time(
    one: _Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    # DNS rebinding: the name passes the policy (it is no address), then resolves to 127.0.0.1.
    port = one.port
    real = socket.getaddrinfo

    def fake(host: str, *args: object, flags: int = 0, **kwargs: object) -> object:
        named = host == "pictures.test" and not flags & socket.AI_NUMERICHOST  # a DNS answer, not a literal
        return real("127.0.0.1" if named else host, *args, flags=flags, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(web_http.socket, "getaddrinfo", fake)
    url = f"http://pictures.test:{port}/img.png"
    policy = ResourcePolicy.for_paths(allow_remote=True)
    assert policy.refusal(url) is None
    got = ImageLoader(policy).load(url)
    assert isinstance(got, str) and "127.0.0.1 is a loopback address" in got, got
    assert one.paths == []
    got = ImageLoader(ResourcePolicy.for_paths(allow_remote=True, allowed_hosts=("pictures.test",))).load(url)
    assert not isinstance(got, str) and one.paths == ["/img.png"]


def test_a_dripping_server_is_stopped_by_the_deadline(one: _Server) -> None:
    policy = ResourcePolicy(allow_remote=True, allowed_hosts=("127.0.0.1",), deadline=0.6)
    from convert.fetch import _weasyprint  # noqa: F401 - imported before the clock: a cold import takes 1.4 s

    started = time.monotonic()
    got = ImageLoader(policy).load(f"{one.base}/drip.png")
    took = time.monotonic() - started
    assert isinstance(got, str) and "took over 0.6 s" in got, got
    assert took < 2.0, took


def test_a_refused_connection_is_not_called_a_timeout() -> None:
    # urllib3's NewConnectionError is a subclass of ConnectTimeoutError: "timed out after 10 s" was wrong.
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nothing listens there
    policy = ResourcePolicy.for_paths(allow_remote=True, allowed_hosts=("127.0.0.1",))
    got = ImageLoader(policy).load(f"http://127.0.0.1:{port}/x.png")
    assert isinstance(got, str) and "cannot connect to 127.0.0.1" in got and "timed out" not in got, got
