"""The review of remote fetching: the deadline bounds a whole fetch, server text is made safe
to print, a conversion fetches each resource once, and the smaller points (a redirect to
another scheme, IPv4 inside 6to4 and Teredo, a trailing dot).

Every server here listens on 127.0.0.1: nothing is sent beyond the loopback interface (the
IPv6 addresses below go only to the classifier, never to a socket).
"""

from __future__ import annotations

import io
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from click.testing import CliRunner
from loopback import Running
from PIL import Image

from convert.cli import cli
from convert.errors import InputError, shown
from convert.fetch import ImageLoader, ResourcePolicy
from convert.web.http import address_refusal, fetch


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 3), (20, 130, 30)).save(out, "PNG")
    return out.getvalue()


PNG = _png()
ESC_LOCATION = "http://127.0.0.2:9/\x1b]0;owned\x07\x1b[31mred\x9b2J" + "x" * 400


class _Server:
    """``/img*.png`` a PNG; ``/esc`` a redirect to a Location full of terminal controls;
    ``/file`` a redirect to ``file:///etc/passwd``; ``/drip-head`` a status line, then a
    header line every 0.1 s without end; ``/stall`` headers, then nothing."""

    def __init__(self) -> None:
        self.paths: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
                outer.paths.append(self.path)
                if self.path in ("/esc", "/file"):
                    self.send_response(302)
                    self.send_header(
                        "Location", ESC_LOCATION if self.path == "/esc" else "file:///etc/passwd"
                    )
                    self.end_headers()
                    return
                if self.path == "/drip-head":
                    self.wfile.write(b"HTTP/1.0 200 OK\r\n")
                    for i in range(600):
                        self.wfile.write(b"X-Slow-%d: yes\r\n" % i)
                        self.wfile.flush()
                        time.sleep(0.1)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "image/png")
                self.send_header("Content-Length", str(len(PNG)))
                self.end_headers()
                if self.path == "/stall":
                    self.wfile.flush()
                    time.sleep(20)
                    return
                self.wfile.write(PNG)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.running = Running(Handler)
        self.port, self.base = self.running.port, self.running.base

    def close(self) -> None:
        self.running.close()


@pytest.fixture
def server() -> Iterator[_Server]:
    s = _Server()
    try:
        yield s
    finally:
        s.close()


# --------------------------------------------------------------------------
# 1. the deadline bounds the whole fetch


def test_headers_dripping_a_line_a_time_are_stopped_at_the_deadline(server: _Server) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=r"took over 0\.8 s"):
        fetch(f"{server.base}/drip-head", allowed_hosts=("127.0.0.1",), total_timeout=0.8)
    assert time.monotonic() - started < 5  # the server would go on for a minute
    policy = ResourcePolicy(allow_remote=True, allowed_hosts=("127.0.0.1",), deadline=0.8)
    from convert.fetch import PolicyFetcher  # noqa: F401  (WeasyPrint's import is not timed)

    started = time.monotonic()
    got = ImageLoader(policy).load(f"{server.base}/drip-head")
    assert isinstance(got, str) and "took over 0.8 s" in got, got
    assert time.monotonic() - started < 5  # the server would go on for a minute


def test_a_body_that_stalls_is_cut_at_the_deadline_not_the_read_timeout(server: _Server) -> None:
    started = time.monotonic()
    with pytest.raises(InputError, match=r"took over 0\.8 s"):
        fetch(f"{server.base}/stall", allowed_hosts=("127.0.0.1",), total_timeout=0.8, read_timeout=10)
    assert time.monotonic() - started < 5  # the server would go on for a minute


def test_a_tls_handshake_dripping_a_byte_a_time_is_cut_at_the_deadline() -> None:
    # CPython bounds a whole handshake by the socket's timeout, capped at the time left; the
    # watchdog would end it too.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        accepted: list[socket.socket] = []

        def drip() -> None:  # accepts, begins a 16 KiB TLS record, then drips it a byte at a time
            conn, _ = listener.accept()
            accepted.append(conn)
            conn.sendall(b"\x16\x03\x03\x40\x00")
            for _ in range(200):
                try:
                    conn.sendall(b"\x00")
                except OSError:
                    return
                time.sleep(0.05)

        thread = threading.Thread(target=drip, daemon=True)
        thread.start()
        started = time.monotonic()
        with pytest.raises(InputError, match=r"took over 0\.8 s"):
            fetch(
                f"https://127.0.0.1:{port}/", allowed_hosts=("127.0.0.1",), total_timeout=0.8, read_timeout=10
            )
        assert time.monotonic() - started < 5  # the server would go on for a minute
        thread.join(2)
        for conn in accepted:
            conn.close()


# --------------------------------------------------------------------------
# 2. server text is made safe before it is quoted


def test_shown_escapes_controls_and_shortens() -> None:
    assert shown("a\x1b[31mb\x07c\x9bd\x7fe\nf") == "a\\x1b[31mb\\x07c\\x9bd\\x7fe\\x0af"
    # bidirectional overrides and isolates reorder what follows them on a terminal ("Trojan Source")
    assert shown("http://x/\u202egnp.exe \u2066y\u2069") == "http://x/\\u202egnp.exe \\u2066y\\u2069"
    # the marks right-to-left text needs, and the text itself, stay
    assert shown("\u0645\u0642\u0627\u0644\u200f.html") == "\u0645\u0642\u0627\u0644\u200f.html"
    long = shown("y" * 500)
    assert len(long) == 200 and long.endswith("…")


def test_a_redirect_location_with_terminal_controls_is_quoted_without_them(server: _Server) -> None:
    policy = ResourcePolicy.for_paths(allow_remote=True, allowed_hosts=("127.0.0.1",))
    got = ImageLoader(policy).load(f"{server.base}/esc")
    assert isinstance(got, str) and "a redirect to http://127.0.0.2:9/" in got, got
    assert not any(c in got for c in "\x1b\x07\x9b") and "x" * 300 not in got and "…" in got


def test_the_command_line_prints_no_control_from_a_server(server: _Server, tmp_path: Path) -> None:
    page = tmp_path / "doc.md"
    page.write_text(f"# Harbour\n\nThe pier was finished in March.\n\n![pier]({server.base}/esc)\n", "utf-8")
    result = CliRunner().invoke(
        cli, ["convert", str(page), "--to", "epub", "--allow-host", "127.0.0.1", "-o", f"{tmp_path}/out/"]
    )
    assert result.exit_code == 0, result.output
    assert "a redirect to http://127.0.0.2:9/" in result.output
    assert not any(c in result.output for c in "\x1b\x07\x9b"), repr(result.output)


# --------------------------------------------------------------------------
# 3. one conversion fetches a resource once


def test_every_format_of_one_conversion_shares_the_fetched_images(server: _Server, tmp_path: Path) -> None:
    # The SVG sends DOCX to its pandoc fallback (when pandoc is there), which loaded the images again.
    (tmp_path / "pic.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="5" height="5"/></svg>',
        "utf-8",
    )
    page = tmp_path / "doc.md"
    page.write_text(
        "# Harbour\n\nThe pier was finished in March, and the town came to watch.\n\n"
        f"![pier]({server.base}/img1.png)\n\n![plan](pic.svg)\n\n![gone]({server.base}/esc)\n",
        "utf-8",
    )
    args = [
        "convert",
        str(page),
        "--to",
        "pdf,epub,docx",
        "--allow-host",
        "127.0.0.1",
        "-o",
        f"{tmp_path}/out/",
    ]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0, result.output
    assert sorted(server.paths) == ["/esc", "/img1.png"], server.paths


# --------------------------------------------------------------------------
# 5. the smaller points


def test_a_redirect_to_another_scheme_names_the_input_url(server: _Server) -> None:
    with pytest.raises(InputError) as caught:
        fetch(f"{server.base}/file", allowed_hosts=("127.0.0.1",))
    assert caught.value.path == f"{server.base}/file"
    assert "redirected to file:///etc/passwd" in caught.value.message


@pytest.mark.parametrize(
    "address",
    [
        "2002:7f00:1::",  # 6to4 around 127.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 around 169.254.169.254
        "2001:0:4136:e378:8000:63bf:f5ff:fffe",  # Teredo, client 10.0.0.1
    ],
)
def test_ipv4_inside_6to4_and_teredo_is_judged_as_ipv4(address: str) -> None:
    assert address_refusal(address) is not None
    assert address_refusal("2002:808:808::") is None  # 6to4 around a public address


def test_a_trailing_dot_on_an_allowed_host_still_resolves(server: _Server) -> None:
    got = fetch(f"http://127.0.0.1.:{server.port}/img2.png", allowed_hosts=("127.0.0.1",))
    assert got.data == PNG


def test_an_input_url_redirected_to_a_refused_host_is_named_with_the_redirect_quoted_safely(
    server: _Server,
) -> None:
    with pytest.raises(InputError) as caught:
        fetch(f"{server.base}/esc", allowed_hosts=("127.0.0.1",))
    line = caught.value.one_line()
    assert caught.value.path == f"{server.base}/esc"
    assert "127.0.0.2 is a loopback address (it redirected to http://127.0.0.2:9/" in line, line
    assert not any(c in line for c in "\x1b\x07\x9b") and "x" * 300 not in line
