"""The resource policy as WeasyPrint's URL fetcher (:class:`PolicyFetcher`).

Apart from the rest of :mod:`convert.fetch` because importing ``weasyprint.urls``
imports all of WeasyPrint (about half a second): only a PDF, or a remote image
the user allowed, needs it. ``convert.fetch.PolicyFetcher`` loads this module
on first use.
"""

from __future__ import annotations

import io
import warnings
from typing import Any, NoReturn, cast

from PIL import Image, UnidentifiedImageError
from weasyprint.urls import URLFetcher, URLFetcherResponse

from .._session import current_session
from ..errors import InputError, LimitError
from ..limits import check_xml, image_refusal
from . import (
    MAX_RESOURCE_BYTES,
    RESOURCE_READ_TIMEOUT,
    ResourcePolicy,
    ResourceRefused,
    _short,
)

__all__ = ["PolicyFetcher"]


class PolicyFetcher(URLFetcher):  # type: ignore[misc]  # WeasyPrint ships no type hints
    """A WeasyPrint URL fetcher that obeys a :class:`ResourcePolicy`.

    WeasyPrint 70 takes a :class:`weasyprint.urls.URLFetcher` instance and
    calls its ``fetch``. ``data:`` and ``file:`` URLs the policy allowed are
    read by WeasyPrint's own code; ``http:``/``https:`` ones by
    :func:`convert.web.http.fetch` (as input URLs are), which resolves the host,
    refuses non-public addresses unless ``--allow-host`` names the host, connects
    to the address it checked (no DNS rebinding), asks the policy again at every
    redirect, and stops at :data:`MAX_RESOURCE_BYTES` and the policy's ``deadline``.
    """

    def __init__(
        self, policy: ResourcePolicy, *, timeout: float = RESOURCE_READ_TIMEOUT, **kwargs: Any
    ) -> None:
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
        if url.split(":", 1)[0].lower() in ("http", "https"):
            response = self._fetch_remote(url)
        else:
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

    def _fetch_remote(self, url: str) -> URLFetcherResponse:
        """``url`` through :func:`convert.web.http.fetch`; any failure refuses it, with the reason."""
        from ..web.http import HostRefused, Response, fetch

        session = current_session()
        key = (url, self.policy.allowed_hosts)
        got: Response | InputError
        if session is not None and key in session.outcomes:
            got = cast("Response | InputError", session.outcomes[key])  # fetched before: not asked again
        else:
            try:
                got = fetch(
                    url,
                    allowed_hosts=self.policy.allowed_hosts,
                    max_bytes=MAX_RESOURCE_BYTES,
                    connect_timeout=self._timeout,
                    read_timeout=self._timeout,
                    total_timeout=self.policy.deadline,
                    accept="*/*",
                    check=self.policy.refusal,
                )
            except InputError as exc:
                got = exc
            if session is not None:
                session.keep(key, got)
        if isinstance(got, LimitError):
            self._refuse(url, f"larger than {MAX_RESOURCE_BYTES // (1024 * 1024)} MiB")
        if isinstance(got, HostRefused):
            hint = f" ({got.hint})" if got.hint else ""
            self._refuse(url, f"{got.message}{hint}")
        if isinstance(got, InputError):
            self._refuse(url, f"cannot be fetched: {_short(got.message, 100)}")
        headers = {k: v for k, v in got.headers.items() if k not in ("content-encoding", "content-length")}
        return URLFetcherResponse(got.final_url, got.data, headers, got.status)  # urllib3 decompressed it

    def _refuse(self, url: str, reason: str) -> NoReturn:
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
