"""The HTTP server the tests start on the loopback interface."""

from __future__ import annotations

import contextlib
import http.server
import sys
import threading
import traceback
from collections.abc import Iterator
from http.server import ThreadingHTTPServer


class LoopbackServer(ThreadingHTTPServer):
    """A threading HTTP server whose clients may hang up without a traceback in the test's output.

    socketserver prints every handler exception to ``sys.stderr``. While a test runs the CLI through
    click's ``CliRunner``, that is the captured output of the command under test, so a reset from a
    client of an earlier test (a keep-alive connection closed with unread bytes, a timeout test giving
    up) turned a one-line error into three lines. A client hanging up is that client's business; any
    other handler error still goes to the process's real stderr.
    """

    daemon_threads = True
    hangups = 0  # clients that hung up mid-request (counted, not printed)

    def handle_error(self, request, client_address):  # type: ignore[no-untyped-def]
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            self.hangups += 1
            return
        print(f"test server: error handling a request from {client_address}", file=sys.__stderr__)
        traceback.print_exc(file=sys.__stderr__)


@contextlib.contextmanager
def serving_bytes(body: bytes, content_type: str = "image/png") -> Iterator[tuple[str, list[str]]]:
    """A server on 127.0.0.1 answering every GET with ``body``: yields its base URL (ending in ``/``)
    and the paths asked for, in order; stopped on leaving."""
    asked: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
            asked.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    running = Running(Handler)
    try:
        yield f"{running.base}/", asked
    finally:
        running.close()


class Running:
    """A :class:`LoopbackServer` for ``handler`` on ``host`` (port 0), served from a daemon thread;
    ``base`` is its address (no ``/`` at the end), :meth:`close` stops it."""

    def __init__(self, handler: type[http.server.BaseHTTPRequestHandler], host: str = "127.0.0.1") -> None:
        self.server = LoopbackServer((host, 0), handler)
        self.port: int = self.server.server_address[1]
        self.base = f"http://{host}:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)
