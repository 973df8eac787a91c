"""The resource policy: which URLs a rendered document may load.

An article is untrusted input. Its figures may point anywhere (``file:///etc/passwd``,
``http://169.254.169.254/``), and WeasyPrint would fetch whatever it is given.
Every fetch goes through :class:`PolicyFetcher`, which asks a :class:`ResourcePolicy`:

- ``data:`` URIs are always allowed (they carry their bytes with them);
- ``file:`` URLs only inside the allowed roots (the input's folder and the
  theme's folder), after resolving symlinks and ``..``;
- ``http:``/``https:`` only when the user allowed remote resources;
- anything else (``ftp:``, ``file:`` on another host, unknown schemes) never.

Resources larger than :data:`MAX_RESOURCE_BYTES`, images over the
``image_pixels`` limit (judged from the header, before anything is decoded),
XML resources declaring entities (SVG entity bombs) and images that cannot be
decoded are refused too: WeasyPrint reads only an image's header while laying
out and would fail on a truncated file only when writing the PDF.

A refused URL is not an error: the resource is skipped, the document still
renders, and the URL is recorded in :attr:`PolicyFetcher.skipped` (the reason
in :attr:`PolicyFetcher.reasons`) so the command line can warn about it.
"""

from __future__ import annotations

import io
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit
from urllib.request import url2pathname

from PIL import Image, UnidentifiedImageError
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .errors import LimitError
from .limits import check_xml, image_refusal

__all__ = ["MAX_RESOURCE_BYTES", "PolicyFetcher", "ResourcePolicy", "ResourceRefused", "path_url"]

#: The largest resource (image, font, stylesheet) a document may load.
MAX_RESOURCE_BYTES = 32 * 1024 * 1024

_REMOTE_SCHEMES = frozenset({"http", "https"})
_LOCAL_HOSTS = frozenset({"", "localhost"})


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
    #: With ``allow_remote``: the only hosts (and their subdomains) allowed; empty = any.
    #: Redirects come back through the fetcher, so they cannot leave the list either.
    allowed_hosts: tuple[str, ...] = ()

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
        if not self.allowed_hosts:
            return None
        host = (urlsplit(url).hostname or "").lower().rstrip(".")
        if any(host == h or host.endswith("." + h) for h in self.allowed_hosts):
            return None
        return f"the host {host!r} is not in the allowed hosts"

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


class PolicyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
    """A WeasyPrint URL fetcher that obeys a :class:`ResourcePolicy`.

    WeasyPrint 70 takes a :class:`weasyprint.urls.URLFetcher` instance and
    calls its ``fetch``; HTTP redirects come back through ``open`` and so
    through ``fetch`` too, which means a redirect cannot escape the policy.
    """

    def __init__(self, policy: ResourcePolicy, *, timeout: float = 10, **kwargs: Any) -> None:
        super().__init__(timeout=timeout, **kwargs)
        self.policy = policy
        #: URLs refused so far, in the order WeasyPrint asked for them, without repeats.
        self.skipped: list[str] = []
        #: Why each URL in :attr:`skipped` was refused.
        self.reasons: dict[str, str] = {}

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        reason = self.policy.refusal(url)
        if reason is not None:
            self._refuse(url, reason)
        response = super().fetch(url, headers)
        try:
            body = response.read(MAX_RESOURCE_BYTES + 1)
        finally:
            response.close()
        if len(body) > MAX_RESOURCE_BYTES:
            self._refuse(url, f"larger than {MAX_RESOURCE_BYTES // (1024 * 1024)} MiB")
        if (problem := image_refusal(body) or _entity_refusal(body) or _broken_image(body)) is not None:
            self._refuse(url, problem)
        return URLFetcherResponse(response.url, body, response.headers, response.status)

    def _refuse(self, url: str, reason: str) -> None:
        self._request = None  # a refused redirect must not linger as the next request
        if url not in self.reasons:
            self.skipped.append(url)
            self.reasons[url] = reason
        raise ResourceRefused(f"{_short(url)}: {reason}")


def _entity_refusal(data: bytes) -> str | None:
    """Why ``data`` (an SVG, a stylesheet ...) is refused for declaring XML entities, or ``None``.

    WeasyPrint parses SVG with the standard library's expat, which expands
    internal entities; an SVG entity bomb would be expanded while laying out.
    """
    try:
        check_xml(data, what="resource")
    except LimitError:
        return "it declares XML entities (an entity-expansion attack?)"
    return None


def _broken_image(data: bytes) -> str | None:
    """Why ``data`` is an image Pillow cannot decode, or ``None`` (fine, or not an image at all)."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # DecompressionBombWarning and friends: decided below
            with Image.open(io.BytesIO(data)) as image:
                image.load()
    except UnidentifiedImageError:
        return None  # a stylesheet, a font, an SVG: not Pillow's business
    except (OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        return f"the image cannot be decoded ({exc})"
    return None


def _short(url: str, limit: int = 120) -> str:
    """Long ``data:`` URIs and the like cut to a readable length for messages."""
    return url if len(url) <= limit else url[: limit - 1] + "…"
