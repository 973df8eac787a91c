"""The resource policy: which URLs a rendered document may load.

An article is untrusted input. Its figures may point anywhere (``file:///etc/passwd``,
``http://169.254.169.254/``), and WeasyPrint would fetch whatever it is given.
Every fetch goes through :class:`PolicyFetcher`, which asks a :class:`ResourcePolicy`:

- ``data:`` URIs are always allowed (they carry their bytes with them);
- ``file:`` URLs only inside the allowed roots (the input's folder and the
  theme's folder), after resolving symlinks and ``..``;
- ``http:``/``https:`` only when the user allowed remote resources, and then
  never to a host that is, or resolves to, a loopback, private, link-local,
  multicast, reserved or unspecified address (checked again on connecting and
  after every redirect, the same check as for input URLs:
  :func:`convert.web.http.address_refusal`) unless ``--allow-host`` names it;
- anything else (``ftp:``, ``file:`` on another host, unknown schemes) never.

Resources larger than :data:`MAX_RESOURCE_BYTES` or taking over
:data:`RESOURCE_DEADLINE` seconds in all, images over the
``image_pixels`` limit (judged from the header, before anything is decoded),
XML resources declaring entities (SVG entity bombs) and images that cannot be
decoded are refused too: WeasyPrint reads only an image's header while laying
out and would fail on a truncated file only when writing the PDF.

Within :func:`resource_session` (one ``convert`` call: every exporter, a
DOCX's fallback to pandoc, a PDF laid out again for its footnotes) each remote
URL is fetched at most once: its bytes, or why it failed, are kept and reused.

A refused URL is not an error: the resource is skipped, the document still
renders, and the URL is recorded in :attr:`PolicyFetcher.skipped` (the reason
in :attr:`PolicyFetcher.reasons`) so the command line can warn about it.

Exporters that embed images themselves (EPUB, the standalone HTML page) go
through :class:`ImageLoader` instead: the same policy, the same size cap, and
only PNG, JPEG, GIF, WebP or plain SVG whose header is within ``image_pixels``
and whose data decodes. It answers with the bytes or with the reason for
leaving the image out.
"""

from __future__ import annotations

import http.client
import io
import struct
import warnings
from base64 import b64encode
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote, urljoin, urlsplit
from urllib.request import url2pathname
from xml.etree import ElementTree

from PIL import Image, UnidentifiedImageError

from .._session import resource_session
from ..errors import shown
from ..io import decode_data_uri
from ..limits import image_refusal
from ..web.http import host_allowed, literal_refusal

if TYPE_CHECKING:  # WeasyPrint is imported on first use (see __getattr__)
    from ._weasyprint import PolicyFetcher

__all__ = [
    "MAX_RESOURCE_BYTES",
    "ImageData",
    "ImageLoader",
    "PolicyFetcher",
    "RESOURCE_DEADLINE",
    "RESOURCE_READ_TIMEOUT",
    "ResourcePolicy",
    "ResourceRefused",
    "check_image",
    "image_decodes",
    "path_url",
    "resource_session",
    "sniff_image",
]

#: The largest resource (image, font, stylesheet) a document may load.
MAX_RESOURCE_BYTES = 32 * 1024 * 1024
#: Seconds to connect to a resource's server, and to wait for each read from it.
RESOURCE_READ_TIMEOUT = 10.0
#: Seconds one resource may take in all, redirects included (a server dripping a byte
#: every few seconds would otherwise hold a conversion for as long as it likes).
RESOURCE_DEADLINE = 30.0

_REMOTE_SCHEMES = frozenset({"http", "https"})
_LOCAL_HOSTS = frozenset({"", "localhost"})


def __getattr__(name: str) -> Any:
    """``PolicyFetcher`` imports WeasyPrint, so only when asked for (PEP 562): an EPUB or HTML page
    with local images, a refused image and every text format run without it."""
    if name == "PolicyFetcher":
        from ._weasyprint import PolicyFetcher

        return PolicyFetcher
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


class ResourceRefused(ValueError):
    """The policy refused a URL; WeasyPrint catches it and skips the resource."""


def path_url(folder: Path) -> str:
    """``/a/b`` -> ``file:///a/b/``: a base URL that relative references resolve inside."""
    return folder.resolve().as_uri().rstrip("/") + "/"


@dataclass(frozen=True, slots=True)
class ResourcePolicy:
    """Which URLs may be loaded: folders for ``file:``, a switch for the network."""

    roots: tuple[Path, ...] = ()
    allow_remote: bool = False
    #: With ``allow_remote``: the only hosts (and their subdomains) allowed; empty = any public
    #: host. Only a host named here may be (or resolve to) a non-public address. Redirects are
    #: checked by the fetcher, so they cannot leave the list either.
    allowed_hosts: tuple[str, ...] = ()
    #: Seconds one remote resource may take in all (:data:`RESOURCE_DEADLINE`).
    deadline: float = RESOURCE_DEADLINE

    @classmethod
    def for_paths(
        cls, *folders: Path | None, allow_remote: bool = False, allowed_hosts: tuple[str, ...] = ()
    ) -> ResourcePolicy:
        """A policy allowing ``folders`` (``None`` entries ignored), symlinks resolved once here."""
        roots = tuple(dict.fromkeys(Path(f).resolve() for f in folders if f is not None))
        hosts = tuple(h.strip().lower().strip(".") for h in allowed_hosts if h.strip())
        return cls(roots=roots, allow_remote=allow_remote, allowed_hosts=hosts)

    def refusal(self, url: str) -> str | None:
        """Why ``url`` may not be loaded, or ``None`` when it may."""
        scheme = url.split(":", 1)[0].lower() if ":" in url else ""
        if scheme == "data":
            return None
        if scheme == "file":
            return self._file_refusal(url)
        if scheme in _REMOTE_SCHEMES:
            if not self.allow_remote:
                return "remote resources are not allowed"
            return self._host_refusal(url)
        return f"the {scheme or 'relative'!r} scheme is not allowed"

    def _host_refusal(self, url: str) -> str | None:
        """The host list, and a host written as a non-public IP address (no DNS here: a host name
        is judged by the addresses it resolves to when it is fetched, :func:`~convert.web.http.fetch`)."""
        try:
            host = (urlsplit(url).hostname or "").lower().rstrip(".")
        except ValueError:
            return "a malformed URL"
        if host_allowed(host, self.allowed_hosts):
            return None
        if self.allowed_hosts:
            return f"the host {host!r} is not in the allowed hosts"
        if (reason := literal_refusal(host)) is not None:
            return f"{reason} (only if you trust it: --allow-host {host})"
        return None

    def _file_refusal(self, url: str) -> str | None:
        parts = urlsplit(url)
        if parts.netloc.lower() not in _LOCAL_HOSTS:
            return "file URLs on another host are not allowed"
        try:
            # resolve() follows symlinks, so a link inside a root that points
            # outside it is judged by where it really leads.
            path = Path(url2pathname(unquote(parts.path))).resolve()
        except (OSError, RuntimeError, ValueError):
            return "the file path cannot be resolved"
        if any(path.is_relative_to(root) for root in self.roots):
            return None
        return "the file is outside the input's and the theme's folders"


def _short(url: str, limit: int = 120) -> str:
    """Long ``data:`` URIs and the like cut to a readable length for messages, controls removed."""
    return shown(url, limit)


# --------------------------------------------------------------------------
# Images that an exporter embeds itself (EPUB items, data: URIs in HTML)


@dataclass(frozen=True, slots=True)
class ImageData:
    """An image that passed every check, with the type its bytes show."""

    data: bytes
    media_type: str
    #: File name ending without the dot: ``png``, ``jpg``, ``gif``, ``webp``, ``svg``.
    ext: str

    def data_uri(self) -> str:
        return f"data:{self.media_type};base64,{b64encode(self.data).decode('ascii')}"


_SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "image/png", "png"),
    (b"\xff\xd8\xff", "image/jpeg", "jpg"),
    (b"GIF87a", "image/gif", "gif"),
    (b"GIF89a", "image/gif", "gif"),
)


def sniff_image(data: bytes) -> tuple[str, str] | None:
    """The media type and extension of a PNG, JPEG, GIF, WebP or plain SVG image, from its bytes.

    The bytes decide, not a ``data:`` header or a file name: epubcheck flags a
    manifest type that does not match the content (these are EPUB's core image
    types, which every browser shows too).
    """
    for signature, media_type, ext in _SIGNATURES:
        if data.startswith(signature):
            return media_type, ext
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp", "webp"
    if _is_plain_svg(data):
        return "image/svg+xml", "svg"
    return None


def _is_plain_svg(data: bytes) -> bool:
    """Well-formed SVG without a DOCTYPE (so no entities and no external DTD)."""
    head = data[:4096].lstrip()
    if not (head.startswith(b"<?xml") or head.startswith(b"<svg")) or b"<!DOCTYPE" in data.upper():
        return False
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return False
    return root.tag == "{http://www.w3.org/2000/svg}svg"


def image_decodes(data: bytes) -> bool:
    """Whether Pillow reads the image's header and its chunks check out (``verify``: no pixel decoding).

    This is what epubcheck's PKG-021 ("corrupted image") asks for, without
    decoding pixels: the size was judged from the header before.
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # DecompressionBombWarning: image_refusal judged the size
            with Image.open(io.BytesIO(data)) as image:
                image.verify()
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError, SyntaxError, ValueError,
            struct.error, IndexError, EOFError):  # fmt: skip
        return False
    return True


def check_image(data: bytes) -> ImageData | str:
    """``data`` as an :class:`ImageData`, or why it is not an image an exporter may embed."""
    kind = sniff_image(data)
    if kind is None:
        return "not a PNG, JPEG, GIF, WebP or SVG image"
    media_type, ext = kind
    if ext != "svg":
        problem = image_refusal(data) or (None if image_decodes(data) else f"a damaged {ext.upper()} image")
        if problem:
            return problem
    return ImageData(data, media_type, ext)


@dataclass(frozen=True, slots=True)
class ImageLoader:
    """Loads a figure's image under a :class:`ResourcePolicy`, for exporters that embed images.

    ``data:`` URIs carry their bytes; a relative path or ``file:`` URL is
    resolved against ``base_dir`` (the input's folder) and read only when the
    policy allows it, it is a regular file and at most :data:`MAX_RESOURCE_BYTES`;
    ``http:``/``https:`` URLs are fetched through :class:`PolicyFetcher` only
    when the policy allows remote resources. Every image then goes through
    :func:`check_image`.
    """

    policy: ResourcePolicy = ResourcePolicy()
    base_dir: Path | None = None

    @classmethod
    def for_input(
        cls, base_dir: Path | None, *, allow_remote: bool = False, allowed_hosts: tuple[str, ...] = ()
    ) -> ImageLoader:
        """A loader allowing files from ``base_dir`` (and below) only, and remote images on request."""
        policy = ResourcePolicy.for_paths(base_dir, allow_remote=allow_remote, allowed_hosts=allowed_hosts)
        return cls(policy, base_dir.resolve() if base_dir is not None else None)

    def url(self, src: str) -> str | None:
        """``src`` as an absolute URL (relative paths joined to ``base_dir``); ``None`` if it cannot be."""
        src = src.strip()
        try:
            if urlsplit(src).scheme:
                return src
            if self.base_dir is None:
                return None
            return urljoin(path_url(self.base_dir), src)
        except ValueError:  # a malformed URL ("http://[::1")
            return None

    def refusal(self, src: str) -> str | None:
        """Why the policy refuses ``src`` before anything is read, or ``None``."""
        if not src.strip():
            return "an empty source"
        url = self.url(src)
        if url is None:
            return "no folder to read local images from" if self.base_dir is None else "a malformed URL"
        reason = self.policy.refusal(url)
        if (
            reason is not None
            and not self.policy.allow_remote
            and url.split(":", 1)[0].lower() in _REMOTE_SCHEMES
        ):
            return "remote resources are off: --allow-remote"
        return reason

    def load(self, src: str) -> ImageData | str:
        """The image ``src`` names, checked; or why it is left out."""
        if src.strip()[:5].lower() == "data:":
            data = decode_data_uri(src.strip())
            return "a malformed data: URI" if data is None else check_image(data)
        reason = self.refusal(src)
        url = self.url(src)
        if reason is not None or url is None:
            return reason or "a malformed URL"
        scheme = url.split(":", 1)[0].lower()
        got = _read_file(url) if scheme == "file" else _fetch(url, self.policy)
        return got if isinstance(got, str) else check_image(got)


def _read_file(url: str) -> bytes | str:
    """The bytes of a local file the policy allowed; refuses devices, FIFOs and folders."""
    try:
        path = Path(url2pathname(unquote(urlsplit(url).path))).resolve()
        if not path.is_file():
            return "no such file" if not path.exists() else "not a regular file"
        if path.stat().st_size > MAX_RESOURCE_BYTES:
            return f"larger than {MAX_RESOURCE_BYTES // (1024 * 1024)} MiB"
        with path.open("rb") as fh:
            data = fh.read(MAX_RESOURCE_BYTES + 1)
    except (OSError, RuntimeError, ValueError) as exc:
        return f"cannot be read: {getattr(exc, 'strerror', None) or exc}"
    if len(data) > MAX_RESOURCE_BYTES:
        return f"larger than {MAX_RESOURCE_BYTES // (1024 * 1024)} MiB"
    return data


def _fetch(url: str, policy: ResourcePolicy) -> bytes | str:
    """A remote image through :class:`PolicyFetcher` (redirects stay under the policy)."""
    from ._weasyprint import PolicyFetcher

    fetcher = PolicyFetcher(policy)
    try:
        response = fetcher.fetch(url)
        try:
            return bytes(response.read())
        finally:
            response.close()
    except ResourceRefused as exc:
        return fetcher.reasons.get(url) or next(reversed(fetcher.reasons.values()), str(exc))
    except (OSError, ValueError, http.client.HTTPException) as exc:
        return f"cannot be fetched: {_short(str(exc) or type(exc).__name__, 80)}"
