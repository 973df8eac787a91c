"""Fetching one URL the user asked for: timeouts, a size cap, checked redirects, no SSRF.

Giving a URL is the user's request to fetch *that* URL: inputs that are URLs,
feeds or URL lists come here. What a page then refers to (images, CSS, fonts)
is fetched here too, but only after :mod:`convert.fetch`'s policy allowed it
(its ``check`` asked again at every redirect), with that module's size cap and deadline.

Before any connection the host is resolved and every address it has is
checked: private, loopback, link-local, multicast, reserved and other
non-global addresses are refused unless the host is named in
``allowed_hosts`` (``--allow-host``). The connection then goes to the
address that was checked (the name is sent as ``Host`` and used for TLS), so
a second DNS answer cannot swap in another one. Redirects are followed by
hand, at most :data:`MAX_REDIRECTS`, each hop checked the same way before it
is connected to. The body is streamed and cut at the ``input_bytes`` limit
(:mod:`convert.limits`); nothing larger is ever held in memory. No cookies
are kept: urllib3 has no cookie jar.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .. import limits
from .._version import __version__
from ..errors import InputError, LimitError, shown

__all__ = [
    "CONNECT_TIMEOUT",
    "MAX_REDIRECTS",
    "HTTPStatusError",
    "HostRefused",
    "READ_TIMEOUT",
    "TOTAL_TIMEOUT",
    "USER_AGENT",
    "Response",
    "address_refusal",
    "fetch",
    "host_allowed",
    "is_url",
    "literal_refusal",
]


USER_AGENT = f"broadsheet/{__version__}"
#: Seconds to connect, and to wait for each read from the server.
CONNECT_TIMEOUT = 10.0
READ_TIMEOUT = 30.0
#: Seconds one fetch may take from its first connection to the body's last byte, redirects
#: included (a server dripping a byte now and then is cut off).
TOTAL_TIMEOUT = 120.0
#: Redirects followed for one URL.
MAX_REDIRECTS = 5
_CHUNK = 64 * 1024
_SCHEMES = ("http", "https")


def is_url(text: object) -> bool:
    """Whether an input names an ``http:`` or ``https:`` URL (anything else is a path)."""
    if not isinstance(text, str):
        return False
    head = text[:8].lower()
    return head.startswith(("http://", "https://"))


def _normal_host(host: str) -> str:
    return host.strip().lower().strip(".").strip("[]")


def host_allowed(host: str, allowed_hosts: tuple[str, ...] | list[str]) -> bool:
    """Whether ``host`` is named in ``allowed_hosts``, or is a subdomain of one named there."""
    h = _normal_host(host)
    return any(h == a or h.endswith("." + a) for a in (_normal_host(x) for x in allowed_hosts) if a)


def address_refusal(address: str) -> str | None:
    """Why a connection to ``address`` is refused, or ``None`` for a public (global) address.

    A pure check, no connection: private (10/8, 172.16/12, 192.168/16, fc00::/7),
    loopback, link-local (169.254/16: cloud metadata), multicast, reserved,
    unspecified and shared (100.64/10) addresses are refused, as are IPv4
    addresses hidden in IPv6 (``::ffff:10.0.0.1``).
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return f"{address!r} is not an IP address"
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 inside IPv6: mapped (::ffff:a.b.c.d), 6to4 (2002:AABB:CCDD::) and Teredo's client
        # (2001:0::/32) reach that IPv4 address through a relay; judged as the IPv4 address.
        embedded = [ip.ipv4_mapped, ip.sixtofour, *(ip.teredo or ())]
        for inner in embedded:
            if inner is not None and (reason := address_refusal(str(inner))) is not None:
                return f"{ip} wraps {reason}"
    for test, what in (
        (ip.is_loopback, "a loopback"),
        (ip.is_link_local, "a link-local"),
        (ip.is_multicast, "a multicast"),
        (ip.is_unspecified, "an unspecified"),
        (ip.is_reserved, "a reserved"),
        (ip.is_private, "a private"),
    ):
        if test:
            return f"{ip} is {what} address"
    if not ip.is_global:
        return f"{ip} is not a public address"
    return None


def literal_refusal(host: str) -> str | None:
    """Why a host written as an IP address (in any spelling) is refused, or ``None``.

    No DNS and no connection: ``AI_NUMERICHOST`` reads only addresses, in the
    C library's spellings too (``2130706433``, ``0x7f.1``, ``0177.0.0.1`` are all
    127.0.0.1). A host name gives ``None`` here; it is judged by what it resolves
    to when it is fetched (:func:`fetch`).
    """
    try:
        infos = socket.getaddrinfo(
            _normal_host(host), None, flags=socket.AI_NUMERICHOST, type=socket.SOCK_STREAM
        )
    except (socket.gaierror, UnicodeError, ValueError):
        return None
    for info in infos:
        if (reason := address_refusal(str(info[4][0]))) is not None:
            return reason
    return None


class HostRefused(InputError):
    """A host or URL the caller's rules refuse (a non-public address, a host not allowed)."""


class HTTPStatusError(InputError):
    """The server answered with an error status (``status``: 404, 500 ...)."""

    def __init__(self, message: str, *, status: int, path: str | None = None) -> None:
        super().__init__(message, path=path)
        self.status = status


@dataclass(frozen=True, slots=True)
class Response:
    """What a fetch brought back."""

    #: The URL asked for, and the URL the body came from (after redirects).
    url: str
    final_url: str
    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    data: bytes = b""

    @property
    def content_type(self) -> str:
        return self.headers.get("content-type", "").split(";", 1)[0].strip().lower()

    @property
    def charset(self) -> str | None:
        """The ``charset`` parameter of ``Content-Type``, when the server sent one."""
        for part in self.headers.get("content-type", "").split(";")[1:]:
            key, _, value = part.partition("=")
            if key.strip().lower() == "charset" and value.strip():
                return value.strip().strip("\"'").lower()
        return None


def _resolve(host: str, port: int, current: str, url: str, allowed_hosts: tuple[str, ...]) -> str:
    """The address to connect to for ``host`` (of ``current``, ``url`` or a redirect from it):
    every address it resolves to must be allowed. Errors name ``url``."""
    where = "" if current == url else f" (it redirected to {shown(current)})"
    try:
        # One trailing dot is the DNS root ("localhost." is localhost), not part of the name.
        infos = socket.getaddrinfo(host[:-1] if host.endswith(".") else host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"cannot resolve the host {host!r} ({exc}){where}", path=url) from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise InputError(f"the host {host!r} has no address{where}", path=url)
    if not host_allowed(host, allowed_hosts):
        for address in addresses:
            reason = address_refusal(address)
            if reason is not None:
                raise HostRefused(
                    f"refused to connect to {host}: {reason}{where}",
                    hint=f"only if you trust it: --allow-host {host}",
                    path=url,
                )
    return addresses[0]


def _check_url(current: str, url: str) -> tuple[str, str, int]:
    """``current``'s scheme, host and port; errors name ``url`` (asked for) and say when
    ``current`` is a redirect from it."""
    where = "" if current == url else f" (it redirected to {shown(current)})"
    try:
        parts = urlsplit(current)
        scheme = parts.scheme.lower()
        host = parts.hostname
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise InputError(f"the URL has an invalid host or port{where}", path=url) from None
    if scheme not in _SCHEMES:
        raise InputError(
            f"only http and https URLs can be fetched, not {shown(scheme, 20) or 'a relative'!r}{where}",
            path=url,
        )
    if not host:
        raise InputError(f"the URL names no host{where}", path=url)
    if parts.username or parts.password:
        raise InputError(f"URLs with a user name or password are not fetched{where}", path=url)
    return scheme, host, port


class _Watchdog:
    """Shuts down every connection of one fetch when its deadline passes.

    A socket timeout bounds each read only: a server sending a header line a
    second, or a TLS handshake a byte at a time, never trips it. At the deadline
    this timer shuts the sockets down, which ends whatever read is waiting
    (the TLS handshake, the status line, the headers or the body; connecting has
    its timeout capped at the time left). It holds a duplicate of each socket
    (:meth:`socket.socket.dup`): TLS detaches the socket it wraps and http.client
    drops its own once the headers are read, but a shutdown through any descriptor
    of a connection ends it. The duplicates are closed by :meth:`cancel`.
    """

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.fired = False
        self._lock = threading.Lock()
        self._sockets: list[socket.socket] = []
        self._timer = threading.Timer(max(0.0, deadline - time.monotonic()), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def left(self) -> float:
        """Seconds until the deadline (at least a millisecond: 0 would mean no timeout)."""
        return max(0.001, self.deadline - time.monotonic())

    def watch(self, sock: socket.socket) -> None:
        """Watch a connected socket (its duplicate is kept)."""
        with self._lock:
            self._sockets.append(sock.dup())
        if self.fired:
            self._fire()

    def _fire(self) -> None:
        self.fired = True
        with self._lock:
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def cancel(self) -> None:
        self._timer.cancel()
        with self._lock:
            for sock in self._sockets:
                sock.close()
            self._sockets.clear()

    def expired(self) -> bool:
        return self.fired or time.monotonic() >= self.deadline


def fetch(
    url: str,
    *,
    allowed_hosts: tuple[str, ...] | list[str] = (),
    headers: Mapping[str, str] | None = None,
    max_bytes: int | None = None,
    connect_timeout: float = CONNECT_TIMEOUT,
    read_timeout: float = READ_TIMEOUT,
    total_timeout: float = TOTAL_TIMEOUT,
    max_redirects: int = MAX_REDIRECTS,
    accept: str = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    check: Callable[[str], str | None] | None = None,
) -> Response:
    """GET ``url``; the body (decompressed) and headers. Raises :class:`InputError` on any failure.

    A status of 304 (with ``If-None-Match`` / ``If-Modified-Since`` in
    ``headers``) comes back with an empty body; any other status outside
    200-299 is an error. The body is cut at ``max_bytes`` (default: the
    ``input_bytes`` limit) with a :class:`LimitError`. ``check`` (the resource
    policy's) is asked about the URL and every redirect before it is connected
    to; a reason from it, or a refused address, raises :class:`HostRefused`.
    """
    allowed = tuple(allowed_hosts)
    cap = max_bytes if max_bytes is not None else limits.current().input_bytes
    watchdog = _Watchdog(time.monotonic() + total_timeout)
    try:
        return _fetch_hops(
            url, allowed, headers, cap, (connect_timeout, read_timeout, total_timeout),
            max_redirects, accept, check, watchdog,
        )  # fmt: skip
    finally:
        watchdog.cancel()


def _fetch_hops(
    url: str,
    allowed: tuple[str, ...],
    headers: Mapping[str, str] | None,
    cap: int,
    timeouts: tuple[float, float, float],
    max_redirects: int,
    accept: str,
    check: Callable[[str], str | None] | None,
    watchdog: _Watchdog,
) -> Response:
    import urllib3

    connect_timeout, read_timeout, total_timeout = timeouts
    late = InputError(f"the response took over {total_timeout:g} s (timed out)", path=url)
    current = url
    for _hop in range(max_redirects + 1):
        if check is not None and (refused := check(current)) is not None:
            where = "" if current == url else f" (a redirect to {shown(current)})"
            raise HostRefused(f"refused{where}: {refused}", path=url)
        if watchdog.expired():
            raise late
        scheme, host, port = _check_url(current, url)
        address = _resolve(host, port, current, url, allowed)
        # No read may outlast the deadline; the watchdog ends one already waiting when it passes.
        timeout = urllib3.Timeout(
            connect=min(connect_timeout, watchdog.left()), read=min(read_timeout, watchdog.left())
        )
        parts = urlsplit(current)
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        default_port = 443 if scheme == "https" else 80
        request_headers = {
            "Host": host if port == default_port else f"{host}:{port}",
            "User-Agent": USER_AGENT,
            "Accept": accept,
            "Accept-Encoding": urllib3.util.make_headers(accept_encoding=True)["accept-encoding"],
            **(headers or {}),
        }
        if scheme == "https":
            pool: urllib3.HTTPConnectionPool = urllib3.HTTPSConnectionPool(
                address, port, timeout=timeout, retries=False, server_hostname=host, assert_hostname=host
            )
        else:
            pool = urllib3.HTTPConnectionPool(address, port, timeout=timeout, retries=False)
        _watch_sockets(pool, watchdog)
        try:
            response = pool.urlopen(
                "GET",
                target,
                headers=request_headers,
                redirect=False,
                retries=False,
                preload_content=False,
                decode_content=True,
                assert_same_host=False,
            )
        except urllib3.exceptions.HTTPError as exc:
            pool.close()
            if watchdog.expired():
                raise late from None
            raise _connect_error(exc, host, url, connect_timeout, read_timeout) from None
        try:
            status = response.status
            got = {k.lower(): v for k, v in response.headers.items()}
            if status in (301, 302, 303, 307, 308):
                location = got.get("location")
                if not location:
                    raise InputError(f"HTTP {status} redirect without a Location", path=url)
                current = _follow(current, location, status, url)
                continue
            if status == 304:
                return Response(url, current, status, got, b"")
            if not 200 <= status < 300:
                message = (
                    f"HTTP {status} {shown(response.reason or '', 80)}".rstrip() + f" from {shown(current)}"
                )
                raise HTTPStatusError(message, status=status, path=url)
            data = _read_capped(response, cap, url, read_timeout, (watchdog, late))
            return Response(url, current, status, got, data)
        finally:
            response.close()  # its connection too: a redirect's unread body must not keep the socket open
            pool.close()
    raise InputError(f"more than {max_redirects} redirects", path=url)


def _watch_sockets(pool: object, watchdog: _Watchdog) -> None:
    """Hand every socket ``pool`` connects to ``watchdog`` (wrapping, on each new connection,
    the method that makes its socket: urllib3 has no hook for it)."""
    new_conn = getattr(pool, "_new_conn")  # noqa: B009

    def watched_conn() -> object:
        connection = new_conn()
        new_sock = getattr(connection, "_new_conn")  # noqa: B009

        def watched_sock() -> socket.socket:
            sock: socket.socket = new_sock()
            watchdog.watch(sock)
            return sock

        setattr(connection, "_new_conn", watched_sock)  # noqa: B010  (mypy: a method cannot be assigned)
        return connection

    setattr(pool, "_new_conn", watched_conn)  # noqa: B010


def _follow(current: str, location: str, status: int, url: str) -> str:
    try:
        return urljoin(current, location.strip())
    except ValueError:  # "http://[::1"
        raise InputError(f"HTTP {status} redirect to a malformed URL: {shown(location)}", path=url) from None


def _connect_error(
    exc: Exception, host: str, url: str, connect_timeout: float, read_timeout: float
) -> InputError:
    """The message for a request that failed before its response began."""
    import urllib3

    host = shown(host, 100)
    if isinstance(exc, urllib3.exceptions.NewConnectionError):  # a subclass of ConnectTimeoutError
        return InputError(f"cannot connect to {host}: {shown(str(exc).rsplit(': ', 1)[-1], 100)}", path=url)
    if isinstance(exc, urllib3.exceptions.ConnectTimeoutError):
        return InputError(f"timed out connecting to {host} after {connect_timeout:g} s", path=url)
    if isinstance(exc, urllib3.exceptions.ReadTimeoutError):
        return InputError(f"{host} sent nothing for {read_timeout:g} s (timed out)", path=url)
    return InputError(f"cannot fetch: {_reason(exc)}", path=url)


def _read_capped(
    response: object, cap: int, url: str, read_timeout: float, total: tuple[_Watchdog, InputError]
) -> bytes:
    """The body, read in chunks; one byte past ``cap`` (after decompression) or the deadline
    (``total``: the watchdog, and the error to raise when it passed) stops it."""
    import urllib3

    length = getattr(response, "headers", {}).get("content-length", "")
    if (
        length.strip().isdigit()
        and int(length) > cap
        and not getattr(response, "headers", {}).get("content-encoding")
    ):
        raise _too_big(int(length), cap, url, declared=True)
    chunks: list[bytes] = []
    size = 0
    watchdog, late = total
    try:
        # read1 returns what has arrived (a read() would wait for a whole chunk), so the deadline
        # is checked at every packet a slow server drips; the watchdog ends a read waiting past it.
        while chunk := response.read1(_CHUNK):  # type: ignore[attr-defined]
            size += len(chunk)
            if size > cap:
                raise _too_big(size, cap, url)
            if watchdog.expired():
                raise late
            chunks.append(chunk)
    except (urllib3.exceptions.HTTPError, OSError) as exc:
        if watchdog.expired():
            raise late from None
        if isinstance(exc, urllib3.exceptions.ReadTimeoutError):
            raise InputError(
                f"the server stopped sending for {read_timeout:g} s (timed out)", path=url
            ) from None
        if isinstance(exc, urllib3.exceptions.DecodeError):
            raise InputError(f"the response cannot be decompressed ({_reason(exc)})", path=url) from None
        raise InputError(f"the response broke off ({_reason(exc)})", path=url) from None
    if watchdog.fired:  # the socket was shut down: what came is cut short
        raise late
    return b"".join(chunks)


def _too_big(size: int, cap: int, url: str, *, declared: bool = False) -> LimitError:
    what = f"the response declares {size:,} bytes" if declared else "the response goes on"
    return LimitError(
        f"{what}, over the input_bytes limit of {cap:,} bytes (cut there, nothing more read)",
        hint="only for a page you trust: --limit input_bytes=200M",
        path=url,
    )


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    text = str(reason or exc)
    return shown(text.split(": ", 1)[-1] if len(text) > 160 else text, 160)
