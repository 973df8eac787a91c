"""What one conversion fetched, kept for its other formats and re-layouts (:func:`resource_session`).

Light on purpose (no WeasyPrint, no Pillow, no :mod:`convert.web`): :func:`convert.api.render` opens
a session for every format, a plain-text one included. :class:`convert.fetch.PolicyFetcher` fills it.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

__all__ = ["SESSION_BYTES", "Session", "current_session", "resource_session"]

#: Bytes of fetched resources one session keeps at most (past it, a URL that failed is still
#: kept, the bytes of one that did not are no longer).
SESSION_BYTES = 256 * 1024 * 1024


class Session:
    """(URL, allowed hosts) -> what fetching it gave: a response, or the error it raised."""

    def __init__(self) -> None:
        self.outcomes: dict[tuple[str, tuple[str, ...]], object] = {}
        self.size = 0

    def keep(self, key: tuple[str, tuple[str, ...]], outcome: object) -> None:
        size = len(getattr(outcome, "data", b""))
        if self.size + size <= SESSION_BYTES:
            self.outcomes[key] = outcome
            self.size += size


_session: ContextVar[Session | None] = ContextVar("broadsheet_resources", default=None)


@contextmanager
def resource_session() -> Iterator[None]:
    """Fetch each remote resource once inside this block (a nested block shares the outer one)."""
    if _session.get() is not None:
        yield
        return
    token = _session.set(Session())
    try:
        yield
    finally:
        _session.reset(token)


def current_session() -> Session | None:
    return _session.get()
