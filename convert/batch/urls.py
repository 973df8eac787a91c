"""Web pages converted into an output folder, incrementally: URL lists (in parallel, politely),
a feed's or a sitemap's pages and single URLs.

Pages of a URL list are fetched by ``jobs`` threads, but never two at once from one host,
and one host's requests are at least ``delay`` seconds apart; ``robots.txt``
is read once per host and obeyed (RFC 9309: a missing file allows all, a
server error or an unreachable host allows nothing) unless ``ignore_robots``.
Conversions run one at a time in the calling thread as pages arrive.

The output folder's manifest (``.broadsheet-manifest.jsonl``, :mod:`.manifest`, the one a
folder batch keeps) gets a line per output: the page's key (its URL, or what names a feed item:
:func:`convert.web.feeds.item_keys`), the format, the fingerprint (the page's sha256, the
format, every option that changes the output, the page's URL, the theme, Broadsheet's version),
the sha256 of the bytes written and the page's ``ETag`` / ``Last-Modified``. A rerun
asks with ``If-None-Match`` / ``If-Modified-Since``: a page answered with 304, or whose body
hashes the same, is up to date and costs no conversion. Lines are appended as pages finish, so
an interrupted run resumes where it stopped.

No file this module did not write is written over (:class:`Pages`): a page's output goes to
the file the manifest names for that page and format while it still holds what was written;
else to its title's name when no file is there (or one holding exactly those bytes); else to
the title's name with the first 8 hex digits of the key's sha256, the same on every run. Each
format has its own line, so runs with another ``--to`` keep each other's files, and ``--force``
writes the same names again. A file that already holds exactly the bytes rendered is not
written again, and a page with nothing written is up to date.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import json
import os
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
from ..errors import ConvertError, InputError, OutputError
from ..io import atomic_write_all
from ..web.http import USER_AGENT, HTTPStatusError
from .fingerprint import file_sha256, options_key, output_fingerprint
from .manifest import MANIFEST_NAME, Entry, Manifest

#: The previous release's URL-list manifest, taken into :data:`MANIFEST_NAME` once (:class:`Pages`).
OLD_MANIFEST_NAME = ".broadsheet-urls.json"
#: Seconds between two requests to one host.
DELAY = 0.5
_AGENT = "broadsheet"
#: The exit code of a failure that is no :class:`ConvertError` (as the command line's).
_INTERNAL = 70


@dataclass
class UrlOutcome:
    url: str
    status: str  # "converted", "up to date", "failed", "refused by robots.txt"
    outputs: list[str] = field(default_factory=list)
    error: str | None = None
    #: What the reader repaired and the exporters left out (a refused remote image ...).
    warnings: list[str] = field(default_factory=list)
    #: The exit code a failure calls for (3: cannot be fetched or read, 4: output, 5: missing tool).
    code: int = 0


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
    urls = list(urls)
    hosts = _Hosts(delay, allowed_hosts, ignore_robots)
    with Pages(dest, to, style, from_, metadata, options() if options else None, force) as pages:

        def fetch_one(url: str) -> tuple[str, Any]:
            if (why := web.unfetchable(url)) is not None:  # http://[::1 has no host to take turns on
                return url, InputError(f"the URL {why}", path=url)
            with hosts.lock(url):
                if not hosts.robots_allow(url):
                    return url, "robots"
                hosts.wait(url)
                try:
                    return url, web.fetch(url, allowed_hosts=allowed_hosts, headers=pages.conditional(url))
                except ConvertError as exc:
                    return url, exc

        outcomes: dict[str, UrlOutcome] = {}
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = [pool.submit(fetch_one, url) for url in urls]
            for future in as_completed(futures):
                url, got = future.result()
                if got == "robots":
                    outcome = UrlOutcome(
                        url,
                        "refused by robots.txt",
                        error="robots.txt disallows it",
                        code=InputError.exit_code,
                    )
                elif isinstance(got, ConvertError):
                    outcome = _failed(url, got)
                else:
                    outcome = pages.convert_response(got, url)
                outcomes[url] = outcome
                if on_outcome is not None:
                    on_outcome(outcome)
    return [outcomes[url] for url in urls]


def convert_pages(
    entries: Iterable[tuple[str | web.WebPage, tuple[str, ...], str]],
    dest: str | Path,
    *,
    to: list[str],
    style: str = "default",
    allowed_hosts: tuple[str, ...] = (),
    force: bool = False,
    options: Any = None,
    from_: str | None = None,
    metadata: dict[str, Any] | None = None,
    authors: Callable[[Any, tuple[str, ...]], Any] | None = None,
    on_outcome: Callable[[UrlOutcome], None] | None = None,
) -> list[UrlOutcome]:
    """A feed's or a sitemap's pages, or single URLs, converted into ``dest`` one at a time, as a
    URL list's are (see the module): each entry is a page a feed carries or a link to fetch, with
    the authors its feed item names and its key (:func:`convert.web.expand_keyed`);
    ``authors(article, names)`` gives the article those make (a page that prints no byline takes
    them), and they count in the fingerprint."""
    outcomes: list[UrlOutcome] = []
    with Pages(dest, to, style, from_, metadata, options, force, authors) as pages:
        for target, names, key in entries:
            outcome = pages.take(target, names, key, allowed_hosts)
            outcomes.append(outcome)
            if on_outcome is not None:
                on_outcome(outcome)
    return outcomes


class Pages:
    """An output folder that web pages are written into, under its manifest (see the module).

    A context manager: the folder is locked against another batch while it is open, as a
    folder batch locks it (:func:`convert.batch.folder._lock_folder`). ``reserved``: files other inputs
    of this run write (a local file's output), which no page takes; nor does a page take a file
    another page wrote in this run.
    """

    def __init__(
        self,
        dest: str | Path,
        formats: list[str],
        style: str,
        from_: str | None,
        metadata: dict[str, Any] | None,
        options: Any,
        force: bool,
        authors: Callable[[Any, tuple[str, ...]], Any] | None = None,
        reserved: Iterable[Path] = (),
        keys: Iterable[str] = (),
    ) -> None:
        from .. import __version__
        from ..base import ExportOptions
        from ..theme import load_theme

        api.ensure_tools(formats)  # a missing tool (azw3's calibre) fails once, before any page
        self.out = Path(dest)
        self.formats = list(formats)
        self.theme = load_theme(style)
        self.from_, self.metadata, self.force, self.authors = from_, metadata, force, authors
        self.options = options if options is not None else ExportOptions()
        self._key = {
            "from": from_,
            "metadata": dict(metadata or {}),
            "options": dataclasses.asdict(self.options),
        }
        self._parts = (self.theme.fingerprint, __version__)
        self._lock: int | None = None
        self.manifest: Manifest | None = None
        self.mine: dict[tuple[str, str], Entry] = {}  # (key, format) -> its output's line
        self.taken = {_real(p) for p in reserved}  # files no page of this run may write
        self.claimed = set(keys)  # what names the pages of this run (no other page takes their lines)

    def __enter__(self) -> Pages:
        from .folder import _lock_folder

        self._lock = _lock_folder(self.out)  # made if missing; exit 4 when it cannot be
        self.manifest = Manifest(self.out)
        self.mine = {(e.src, e.fmt): e for e in self.manifest.entries.values() if e.fmt}
        try:
            self._import_url_manifest()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            if self.manifest is not None:
                self.manifest.close()
        finally:
            if self._lock is not None:
                os.close(self._lock)

    def _import_url_manifest(self) -> None:
        """The previous release's URL-list manifest (``.broadsheet-urls.json``), taken in once: the
        files it lists as a page's outputs (its ``fingerprint`` names the formats in their order) are
        that page's, so a changed page is written to them, not beside them; then it is removed."""
        assert self.manifest is not None
        path = self.out / OLD_MANIFEST_NAME
        try:
            old = json.loads(path.read_text("utf-8")) if path.is_file() and not path.is_symlink() else None
        except (OSError, ValueError):
            return  # unreadable: the pages are converted as new ones
        if not isinstance(old, dict):
            return
        for url, rec in old.items():
            outs, fp = (rec.get("outputs"), rec.get("fingerprint")) if isinstance(rec, dict) else (0, 0)
            if not isinstance(outs, list) or not isinstance(fp, str):
                continue
            formats = fp.rpartition("|")[0].split(",")
            for fmt, rel in zip(formats, outs, strict=False) if len(formats) == len(outs) else ():
                file = self.out / rel if isinstance(rel, str) and rel else None
                if (
                    file is None
                    or (url, fmt) in self.mine
                    or rel in self.manifest.entries
                    or Path(rel).is_absolute()
                    or ".." in Path(rel).parts
                    or not file.is_file()
                    or file.is_symlink()
                ):
                    continue
                st = file.stat()
                entry = Entry(
                    rel, "", url, str(rec.get("sha256") or ""), fmt, file_sha256(file),
                    f"{st.st_size}:{st.st_mtime_ns}", rec.get("etag"), rec.get("last_modified"),
                )  # fmt: skip
                self.manifest.record(entry)  # no fingerprint: converted again, into this file
                self.mine[url, fmt] = entry
        with contextlib.suppress(OSError):
            path.unlink()

    def take(
        self, target: str | web.WebPage, names: tuple[str, ...], key: str, allowed_hosts: tuple[str, ...]
    ) -> UrlOutcome:
        """One entry of :func:`convert_pages`: a page a feed carries, or a link fetched (conditionally)."""
        if isinstance(target, web.WebPage):
            return self.convert(target, target.url, names, key=key)
        try:
            response = web.fetch(
                target, allowed_hosts=allowed_hosts, headers=self.conditional(target, names, key)
            )
        except ConvertError as exc:
            return _failed(target, exc)
        return self.convert_response(response, target, names, key)

    def fingerprint(self, sha: str, fmt: str, names: tuple[str, ...], url: str) -> str:
        """The page's sha256, the format, every option, the feed item's authors and the page's URL
        (an output names it: a feed item whose link changed is converted again)."""
        ingredients = options_key({**self._key, "authors": list(names), "url": url})
        return output_fingerprint(sha, fmt, ingredients, *self._parts)

    def _ours(self, entry: Entry) -> bool:
        """Whether the file ``entry`` names is still the one written for it (and its path still its)."""
        assert self.manifest is not None
        if self.manifest.entries.get(entry.out) is not entry:
            return False  # the name went to another page or input since
        path = self.out / entry.out
        try:
            st = path.stat()
            if entry.stamp == f"{st.st_size}:{st.st_mtime_ns}":
                return True
            return entry.made is not None and path.is_file() and file_sha256(path) == entry.made
        except OSError:
            return False

    def _fresh(self, key: str, fmt: str, sha: str, names: tuple[str, ...], url: str) -> bool:
        entry = self.mine.get((key, fmt))
        return (
            not self.force
            and entry is not None
            and entry.fingerprint == self.fingerprint(sha, fmt, names, url)
            and self._ours(entry)
            and _real(self.out / entry.out) not in self.taken
        )

    def _known(self, key: str, names: tuple[str, ...], url: str) -> Entry | None:
        """The line of a page whose every output is up to date, as it was when last fetched."""
        entries = [self.mine.get((key, fmt)) for fmt in self.formats]
        first = entries[0]
        if first is None or any(e is None or e.sha256 != first.sha256 for e in entries):
            return None
        fresh = all(self._fresh(key, f, first.sha256, names, url) for f in self.formats)
        return first if fresh else None

    def conditional(self, url: str, names: tuple[str, ...] = (), key: str | None = None) -> dict[str, str]:
        """The headers that ask for ``url`` only if it changed: none unless its outputs are up to date."""
        known = self._known(key or url, names, url)
        headers = {}
        if known is not None and known.etag:
            headers["If-None-Match"] = known.etag
        if known is not None and known.modified:
            headers["If-Modified-Since"] = known.modified
        return headers

    def convert_response(
        self, response: web.Response, url: str, names: tuple[str, ...] = (), key: str | None = None
    ) -> UrlOutcome:
        """A fetched page: up to date when answered 304 (see :meth:`conditional`), else :meth:`convert`."""
        key = key or url
        known = self._known(key, names, url) if response.status == 304 else None
        if response.status == 304 and known is None:
            return UrlOutcome(
                url, "failed", error=f"{url}: 304 Not Modified to an unconditional request", code=3
            )
        if known is not None:
            return UrlOutcome(url, "up to date", self._paths(key, self.formats))
        return self.convert(web.page_from_response(response), url, names, _validators(response), key)

    def _adopt(self, key: str, sha: str, names: tuple[str, ...], url: str) -> None:
        """A page with no line under ``key`` takes over the line of the very same output under a
        name no page of this run has (the same page, link, options and feed authors, its file as
        written): a feed item whose ``guid`` changed form (``1001`` to ``https://example.org/?p=1001``,
        a CMS moved) stays in its file, up to date, rather than going beside it."""
        assert self.manifest is not None
        self.claimed.add(key)
        for fmt in self.formats:
            if (key, fmt) in self.mine:
                continue
            fp = self.fingerprint(sha, fmt, names, url)
            old = next(
                (e for (src, f), e in self.mine.items()
                 if f == fmt and src not in self.claimed and e.fingerprint == fp and self._ours(e)),
                None,
            )  # fmt: skip
            if old is not None:
                entry = dataclasses.replace(old, src=key)
                self.manifest.record(entry)
                del self.mine[old.src, fmt]
                self.mine[key, fmt] = entry

    def _paths(self, key: str, formats: Iterable[str]) -> list[str]:
        """The files of ``key``'s outputs in ``formats``, as the output folder was given (``out/x.txt``)."""
        return [str(self.out / self.mine[key, f].out) for f in formats]

    def convert(
        self,
        page: web.WebPage,
        url: str,
        names: tuple[str, ...] = (),
        validators: dict[str, str] | None = None,
        key: str | None = None,
    ) -> UrlOutcome:
        """``page`` (from ``url``) in every format whose output is not up to date; the outcome. An
        output whose file already holds exactly the bytes rendered is not written again (unless
        ``force``); a page with none written is up to date. A converted page's outputs are the files
        written."""
        assert self.manifest is not None
        key = key or url
        sha = hashlib.sha256(page.data).hexdigest()
        self._adopt(key, sha, names, url)
        needed = [fmt for fmt in self.formats if not self._fresh(key, fmt, sha, names, url)]
        if not needed:
            return UrlOutcome(url, "up to date", self._paths(key, self.formats))
        warnings: list[str] = []
        try:
            article = api.read(
                page.data,
                from_=self.from_ or page.reader,
                metadata=self.metadata,
                name=page.url,
                warnings=warnings,
            )
            if self.authors is not None:
                article = self.authors(article, names)
            rendered: dict[str, bytes] = {}
            from .._session import resource_session

            with resource_session():  # the formats share what the first fetched
                for fmt in needed:
                    result = api.render(article, fmt, style=self.theme, options=self.options)
                    warnings.extend(result.warnings)
                    rendered[fmt] = result.data
            targets = self._targets(key, article.meta.title, rendered)
            written = [f for f, data in rendered.items() if self.force or not _holds(targets[f], data)]
            atomic_write_all((targets[fmt], rendered[fmt]) for fmt in written)
        except ConvertError as exc:
            return _failed(url, exc)
        except Exception as exc:  # one bad page never stops the rest
            error = f"{url}: internal error: {type(exc).__name__}: {exc}"
            return UrlOutcome(url, "failed", error=error, code=_INTERNAL)
        seen = validators or {}
        for fmt, path in targets.items():
            st = path.stat()
            entry = Entry(
                self.manifest.key(path), self.fingerprint(sha, fmt, names, url), key, sha, fmt,
                hashlib.sha256(rendered[fmt]).hexdigest(), f"{st.st_size}:{st.st_mtime_ns}",
                seen.get("etag"), seen.get("last_modified"),
            )  # fmt: skip
            self.manifest.record(entry)  # exit 4 when it cannot be: no output the manifest does not list
            self.mine[key, fmt] = entry
            self.taken.add(_real(path))  # no other page of this run writes it
        if not written:
            return UrlOutcome(url, "up to date", self._paths(key, self.formats), warnings=warnings)
        return UrlOutcome(url, "converted", self._paths(key, written), warnings=warnings)

    def _targets(self, key: str, title: str | None, rendered: dict[str, bytes]) -> dict[str, Path]:
        """Where each rendered format goes (see the module): never a file this run or the manifest
        did not write, unless it holds exactly these bytes, nor one another input of this run writes."""
        assert self.manifest is not None
        targets: dict[str, Path] = {}
        for fmt, data in rendered.items():
            entry = self.mine.get((key, fmt))
            if entry is not None and self.manifest.entries.get(entry.out) is entry:
                path = self.out / entry.out
                if _real(path) not in self.taken and (
                    not os.path.lexists(path) or self._ours(entry) or _holds(path, data)
                ):
                    targets[fmt] = path
        rest = [fmt for fmt in rendered if fmt not in targets]
        if not rest:
            return targets
        stem = api.slug(title or "article")
        tag = hashlib.sha256(key.encode("utf-8")).hexdigest()[:8]
        for candidate in (stem, f"{stem}-{tag}", *(f"{stem}-{tag}-{n}" for n in range(2, 100))):
            paths = {fmt: self.out / api.output_name(candidate, fmt) for fmt in rest}
            taken = set(targets.values())
            if len(set(paths.values())) == len(paths) and all(
                path not in taken and self._free(path, key, fmt, rendered[fmt]) for fmt, path in paths.items()
            ):
                return {**targets, **paths}
        raise OutputError("every name for this page holds another file", path=str(self.out / stem))

    def _free(self, path: Path, key: str, fmt: str, data: bytes) -> bool:
        """No other page's or input's output by the manifest or in this run, and no file there but
        one of these bytes."""
        assert self.manifest is not None
        entry = self.manifest.entries.get(self.manifest.key(path))
        if (entry is not None and (entry.src, entry.fmt) != (key, fmt)) or _real(path) in self.taken:
            return False
        return not os.path.lexists(path) or _holds(path, data)


def _real(path: Path) -> str:
    """A path as compared with another: absolute, normalised (the folder need not exist yet)."""
    return os.path.normcase(os.path.abspath(path))


def _holds(path: Path, data: bytes) -> bool:
    """Whether ``path`` is a file of exactly ``data`` (writing it again loses nothing)."""
    try:
        return (
            path.is_file()
            and not path.is_symlink()
            and path.stat().st_size == len(data)
            and path.read_bytes() == data
        )
    except OSError:
        return False


def _failed(url: str, exc: ConvertError) -> UrlOutcome:
    return UrlOutcome(url, "failed", error=exc.with_path(url).one_line(), code=exc.exit_code)


def _validators(response: web.Response) -> dict[str, str]:
    return {
        k: v
        for k, v in (
            ("etag", response.headers.get("etag")),
            ("last_modified", response.headers.get("last-modified")),
        )
        if v
    }


__all__ = ["DELAY", "MANIFEST_NAME", "Pages", "UrlOutcome", "USER_AGENT", "convert_pages", "convert_urls"]
