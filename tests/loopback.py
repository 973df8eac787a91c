"""The HTTP server the tests start on the loopback interface."""

from __future__ import annotations

import sys
import traceback
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
