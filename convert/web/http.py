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

import ipaddress
import socket
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from .. import limits
from .._version import __version__
from ..errors import InputError, LimitError

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
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
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


def _resolve(host: str, port: int, url: str, allowed_hosts: tuple[str, ...]) -> str:
    """The address to connect to for ``host``: every address it resolves to must be allowed."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(f"cannot resolve the host {host!r} ({exc})", path=url) from None
    addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
    if not addresses:
        raise InputError(f"the host {host!r} has no address", path=url)
    if not host_allowed(host, allowed_hosts):
        for address in addresses:
            reason = address_refusal(address)
            if reason is not None:
                raise HostRefused(
                    f"refused to connect to {host}: {reason}",
                    hint=f"only if you trust it: --allow-host {host}",
                    path=url,
                )
    return addresses[0]


def _check_url(url: str, allowed_hosts: tuple[str, ...]) -> tuple[str, str, int]:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in _SCHEMES:
        raise InputError(f"only http and https URLs can be fetched, not {scheme or 'a relative'!r}", path=url)
    host = parts.hostname
    if not host:
        raise InputError("the URL names no host", path=url)
    if parts.username or parts.password:
        raise InputError("URLs with a user name or password are not fetched", path=url)
    try:
        port = parts.port or (443 if scheme == "https" else 80)
    except ValueError:
        raise InputError("the URL has an invalid port", path=url) from None
    return scheme, host, port


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
    import urllib3

    allowed = tuple(allowed_hosts)
    cap = max_bytes if max_bytes is not None else limits.current().input_bytes
    timeout = urllib3.Timeout(connect=connect_timeout, read=read_timeout)
    deadline = time.monotonic() + total_timeout
    current = url
    for _hop in range(max_redirects + 1):
        if check is not None and (refused := check(current)) is not None:
            where = "" if current == url else f" (a redirect to {current})"
            raise HostRefused(f"refused{where}: {refused}", path=url)
        if time.monotonic() > deadline:
            raise InputError(f"the response took over {total_timeout:g} s (timed out)", path=url)
        scheme, host, port = _check_url(current, allowed)
        address = _resolve(host, port, current, allowed)
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
        except urllib3.exceptions.NewConnectionError as exc:  # a subclass of ConnectTimeoutError
            pool.close()
            raise InputError(f"cannot connect to {host}: {str(exc).rsplit(': ', 1)[-1]}", path=url) from None
        except urllib3.exceptions.ConnectTimeoutError:
            pool.close()
            raise InputError(
                f"timed out connecting to {host} after {connect_timeout:g} s", path=url
            ) from None
        except urllib3.exceptions.ReadTimeoutError:
            pool.close()
            raise InputError(f"{host} sent nothing for {read_timeout:g} s (timed out)", path=url) from None
        except urllib3.exceptions.HTTPError as exc:
            pool.close()
            raise InputError(f"cannot fetch: {_reason(exc)}", path=url) from None
        try:
            status = response.status
            got = {k.lower(): v for k, v in response.headers.items()}
            if status in (301, 302, 303, 307, 308):
                location = got.get("location")
                if not location:
                    raise InputError(f"HTTP {status} redirect without a Location", path=url)
                current = urljoin(current, location.strip())
                continue
            if status == 304:
                return Response(url, current, status, got, b"")
            if not 200 <= status < 300:
                message = f"HTTP {status} {response.reason or ''}".rstrip() + f" from {current}"
                raise HTTPStatusError(message, status=status, path=url)
            data = _read_capped(response, cap, url, read_timeout, (deadline, total_timeout))
            return Response(url, current, status, got, data)
        finally:
            response.release_conn()
            pool.close()
    raise InputError(f"more than {max_redirects} redirects", path=url)


def _read_capped(
    response: object, cap: int, url: str, read_timeout: float, total: tuple[float, float]
) -> bytes:
    """The body, read in chunks; one byte past ``cap`` (after decompression) or the ``total``
    ``(deadline, seconds)`` passing stops it."""
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
    deadline, total_timeout = total
    try:
        # read1 returns what has arrived (a read() would wait for a whole chunk), so the deadline
        # is checked at every packet a slow server drips.
        while chunk := response.read1(_CHUNK):  # type: ignore[attr-defined]
            size += len(chunk)
            if size > cap:
                raise _too_big(size, cap, url)
            if time.monotonic() > deadline:
                raise InputError(f"the response took over {total_timeout:g} s (timed out)", path=url)
            chunks.append(chunk)
    except urllib3.exceptions.ReadTimeoutError:
        raise InputError(f"the server stopped sending for {read_timeout:g} s (timed out)", path=url) from None
    except urllib3.exceptions.DecodeError as exc:
        raise InputError(f"the response cannot be decompressed ({_reason(exc)})", path=url) from None
    except urllib3.exceptions.HTTPError as exc:
        raise InputError(f"the response broke off ({_reason(exc)})", path=url) from None
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
    return text.split(": ", 1)[-1] if len(text) > 160 else text
