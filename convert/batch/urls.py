"""A list of URLs converted like a folder: in parallel, politely, incrementally.

Pages are fetched by ``jobs`` threads, but never two at once from one host,
and one host's requests are at least ``delay`` seconds apart; ``robots.txt``
is read once per host and obeyed (RFC 9309: a missing file allows all, a
server error or an unreachable host allows nothing) unless ``ignore_robots``.
Conversions run one at a time in the calling thread as pages arrive.

The manifest (``.broadsheet-urls.json`` in the output folder) keeps, per URL,
the ``ETag``, ``Last-Modified``, the body's sha256, the formats and the files
written. A rerun asks with ``If-None-Match`` / ``If-Modified-Since``: a page
answered with 304, or whose body hashes the same, is up to date and costs no
conversion. The manifest is saved after every page, so an interrupted run
resumes where it stopped.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from .. import api, web
from ..errors import ConvertError, InputError
from ..io import atomic_write, atomic_write_all, output_error
from ..web.http import USER_AGENT, HTTPStatusError

MANIFEST_NAME = ".broadsheet-urls.json"
#: Seconds between two requests to one host.
DELAY = 0.5
_AGENT = "broadsheet"


@dataclass
class UrlOutcome:
    url: str
    status: str  # "converted", "up to date", "failed", "refused by robots.txt"
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    #: What the reader repaired and the exporters left out (a refused remote image ...).
    warnings: list[str] = field(default_factory=list)


class _Hosts:
    """One request at a time per host, ``delay`` apart; robots.txt per host, cached."""

    def __init__(self, delay: float, allowed_hosts: tuple[str, ...], ignore_robots: bool) -> None:
        self.delay = delay
        self.allowed_hosts = allowed_hosts
        self.ignore_robots = ignore_robots
        self._guard = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}

    def lock(self, url: str) -> threading.Lock:
        host = urlsplit(url).netloc.lower()
        with self._guard:
            return self._locks.setdefault(host, threading.Lock())

    def wait(self, url: str) -> None:
        """Called with the host's lock held: sleep until ``delay`` after its last request."""
        host = urlsplit(url).netloc.lower()
        pause = self._last.get(host, 0.0) + self.delay - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        self._last[host] = time.monotonic()

    def robots_allow(self, url: str) -> bool:
        """Called with the host's lock held."""
        if self.ignore_robots:
            return True
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._robots:
            self.wait(url)
            parser = RobotFileParser()
            try:
                response = web.fetch(
                    key + "/robots.txt", allowed_hosts=self.allowed_hosts, max_bytes=512 * 1024
                )
                parser.parse(response.data.decode("utf-8", "replace").splitlines())
            except HTTPStatusError as exc:
                # RFC 9309 2.3.1: an unavailable file (4xx) allows all, an unreachable one (5xx) nothing.
                parser.parse([] if 400 <= exc.status < 500 else ["User-agent: *", "Disallow: /"])
            except InputError:
                parser.parse(["User-agent: *", "Disallow: /"])
            self._robots[key] = parser
        found = self._robots[key]
        return found is None or found.can_fetch(_AGENT, url)


def convert_urls(
    urls: Iterable[str],
    dest: str | Path,
    *,
    to: list[str],
    style: str = "default",
    jobs: int = 4,
    delay: float = DELAY,
    allowed_hosts: tuple[str, ...] = (),
    ignore_robots: bool = False,
    force: bool = False,
    options: Callable[[], Any] | None = None,
    from_: str | None = None,
    metadata: dict[str, Any] | None = None,
    on_outcome: Callable[[UrlOutcome], None] | None = None,
) -> list[UrlOutcome]:
    """Convert every URL into ``dest`` (see the module); the outcome of each, in the list's order."""
    from ..base import ExportOptions

    out = _output_folder(dest)
    manifest_path = out / MANIFEST_NAME
    manifest = _load(manifest_path)
    urls = list(urls)
    hosts = _Hosts(delay, allowed_hosts, ignore_robots)
    fingerprint = ",".join(to) + "|" + style

    def fetch_one(url: str) -> tuple[str, Any]:
        with hosts.lock(url):
            if not hosts.robots_allow(url):
                return url, "robots"
            hosts.wait(url)
            known = manifest.get(url) if not force else None
            headers = {}
            if known and known.get("fingerprint") == fingerprint and _present(out, known):
                if known.get("etag"):
                    headers["If-None-Match"] = known["etag"]
                if known.get("last_modified"):
                    headers["If-Modified-Since"] = known["last_modified"]
            try:
                return url, web.fetch(url, allowed_hosts=allowed_hosts, headers=headers)
            except ConvertError as exc:
                return url, exc

    outcomes: dict[str, UrlOutcome] = {}
    claimed: set[Path] = {out / p for entry in manifest.values() for p in entry.get("outputs", [])}
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = [pool.submit(fetch_one, url) for url in urls]
        for future in as_completed(futures):
            url, got = future.result()
            known = manifest.get(url, {})
            if got == "robots":
                outcome = UrlOutcome(url, "refused by robots.txt", error="robots.txt disallows it")
            elif isinstance(got, ConvertError):
                outcome = UrlOutcome(url, "failed", error=got.with_path(url).one_line())
            elif got.status == 304 or (
                not force
                and known.get("sha256") == hashlib.sha256(got.data).hexdigest()
                and known.get("fingerprint") == fingerprint
                and _present(out, known)
            ):
                outcome = UrlOutcome(url, "up to date", list(known.get("outputs", [])))
                if got.status != 304:
                    known.update(_validators(got))
            else:
                page = web.page_from_response(got)
                outcome = _convert_page(
                    page, url, out, to, style, from_, metadata, known, claimed, options, ExportOptions
                )
                if outcome.status == "converted":
                    manifest[url] = {
                        **_validators(got),
                        "sha256": hashlib.sha256(got.data).hexdigest(),
                        "fingerprint": fingerprint,
                        "outputs": outcome.outputs,
                    }
            _save(manifest_path, manifest)
            outcomes[url] = outcome
            if on_outcome is not None:
                on_outcome(outcome)
    return [outcomes[url] for url in urls]


def _convert_page(
    page: web.WebPage,
    url: str,
    out: Path,
    formats: list[str],
    style: str,
    from_: str | None,
    metadata: dict[str, Any] | None,
    known: dict[str, Any],
    claimed: set[Path],
    options: Callable[[], Any] | None,
    export_options: type,
) -> UrlOutcome:
    warnings: list[str] = []
    try:
        article = api.read(
            page.data, from_=from_ or page.reader, metadata=metadata, name=page.url, warnings=warnings
        )
        previous = [out / p for p in known.get("outputs", [])]
        if len(previous) == len(formats):
            targets = dict(zip(formats, previous, strict=True))  # an updated page keeps its files
        else:
            stem = api.slug(article.meta.title or "article")
            targets = api.plan_outputs(None, out, formats, stem)
            if any(t in claimed for t in targets.values()):
                stem = f"{stem}-{hashlib.sha256(url.encode()).hexdigest()[:8]}"
                targets = api.plan_outputs(None, out, formats, stem)
        opts = options() if options else export_options()
        rendered = []
        from .._session import resource_session

        with resource_session():  # the formats share what the first fetched
            for fmt, target in targets.items():
                result = api.render(article, fmt, style=style, options=opts)
                warnings.extend(result.warnings)
                rendered.append((target, result.data))
        atomic_write_all(rendered)
    except ConvertError as exc:
        return UrlOutcome(url, "failed", error=exc.with_path(url).one_line())
    claimed.update(targets.values())
    return UrlOutcome(
        url, "converted", [str(t.relative_to(out)) for t in targets.values()], warnings=warnings
    )


def _output_folder(dest: str | Path) -> Path:
    """``dest``, made if missing; one :class:`convert.errors.OutputError` (exit 4) when it cannot be."""
    out = Path(dest)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise output_error(out, exc, "cannot use the output folder") from None
    return out


def _validators(response: web.Response) -> dict[str, str]:
    return {
        k: v
        for k, v in (
            ("etag", response.headers.get("etag")),
            ("last_modified", response.headers.get("last-modified")),
        )
        if v
    }


def _present(out: Path, entry: dict[str, Any]) -> bool:
    outputs = entry.get("outputs") or []
    return bool(outputs) and all((out / p).is_file() for p in outputs)


def _load(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _save(path: Path, manifest: dict[str, dict[str, Any]]) -> None:
    atomic_write(path, (json.dumps(manifest, indent=1, sort_keys=True) + "\n").encode("utf-8"))


__all__ = ["DELAY", "MANIFEST_NAME", "UrlOutcome", "USER_AGENT", "convert_urls"]
