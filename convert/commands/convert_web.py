"""``convert`` with web inputs: URLs, feeds and sitemaps, and ``*.urls`` lists (see README, Web pages)."""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from .. import api, web
from .._clitools import _print_warnings, fail
from ..base import ExportOptions
from ..errors import ConvertError, InputError, OutputError, UsageError, shown
from ..web.feeds import untracked
from ._web import expand_all, label, read_entry, selection, with_feed_authors

if TYPE_CHECKING:
    from ..cli import _ConvertArgs


@dataclass(frozen=True)
class _UrlListArgs:
    jobs: int | None
    force: bool
    quiet: bool
    ignore_robots: bool
    width: int | None
    allow_remote: bool
    allowed_hosts: tuple[str, ...]
    pdf_variant: str | None
    report: str | None = None
    notes: str = "foot"


def convert_url_lists(cmd: _ConvertArgs) -> int:
    """``convert LIST.urls -o OUT/`` (or ``- --from urls``): the batch of :mod:`convert.batch.urls`.

    Returns 0 when every page converted or was up to date, 1 when some
    failed, 3 when all failed (as for folders).
    """
    from ..batch.urls import convert_urls

    inputs, formats, output, style, meta = cmd.inputs, cmd.formats, cmd.output, cmd.style, cmd.meta
    args = _UrlListArgs(
        cmd.batch.jobs, cmd.batch.force, cmd.quiet, cmd.web.ignore_robots, cmd.width, cmd.allow_remote,
        cmd.allow_hosts, cmd.pdf_variant, cmd.batch.report, cmd.notes,
    )  # fmt: skip

    if not output or output == "-" or (os.path.lexists(output) and not Path(output).is_dir()):
        raise UsageError("a URL list needs an output folder", hint="add -o OUT/")
    urls: list[str] = []
    problems: list[InputError] = []  # a line that names no URL to fetch: it fails alone
    for src in inputs:
        if src == "-":
            from ..cli import _stdin_bytes

            text = _stdin_bytes().decode("utf-8-sig", "replace")
            urls += web.read_url_list(text, "<stdin>", problems)
        elif web.is_url_list(src) or Path(src).is_file():
            urls += [
                str(u)
                for u in (
                    [t for t, _names, _key in web.expand_keyed(src, problems=problems)]
                    if web.is_url_list(src)
                    else web.read_url_list(Path(src).read_text("utf-8"), src, problems)
                )
            ]
        else:
            raise UsageError(f"{src}: a URL list is a file of URLs, one a line (name it *.urls)")
    urls = list(dict.fromkeys(urls))
    for problem in problems:
        click.echo(f"error: {shown(problem.one_line(), 10_000)}", err=True)

    def options() -> ExportOptions:
        return ExportOptions(
            width=args.width, allow_remote=args.allow_remote, allowed_hosts=args.allowed_hosts,
            pdf_variant=args.pdf_variant, notes=args.notes,
        )  # fmt: skip

    def report(outcome: Any) -> None:
        if outcome.error:
            click.echo(f"error: {shown(outcome.error, 10_000)}", err=True)
        elif outcome.status == "converted" and not args.quiet:
            for path in outcome.outputs:
                click.echo(f"wrote {path}")

    outcomes = convert_urls(
        urls, output, to=formats, style=style, jobs=args.jobs or 4, allowed_hosts=args.allowed_hosts,
        ignore_robots=args.ignore_robots, force=args.force, options=options, metadata=meta or None,
        on_outcome=report,
    )  # fmt: skip
    if args.report:
        import dataclasses
        import json

        from ..io import atomic_write

        doc = {"outcomes": [dataclasses.asdict(o) for o in outcomes]}
        atomic_write(
            Path(args.report), (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
        )
    counts = {s: sum(o.status == s for o in outcomes) for s in ("converted", "up to date")}
    failed = len(outcomes) + len(problems) - sum(counts.values())
    if not args.quiet:
        click.echo(
            f"{counts['converted']} converted, {counts['up to date']} up to date, {failed} failed", err=True
        )
    return 0 if not failed else 3 if failed == len(outcomes) + len(problems) else 1


def convert_web(cmd: _ConvertArgs) -> int:
    """``convert`` with URLs, feeds or sitemaps among the inputs: one output set per page or item.

    Outputs of pages are named after their titles (as for stdin); into an output folder, pages
    are converted incrementally under its manifest (:class:`convert.batch.urls.Pages`), in
    command-line order with the local files among the inputs.
    An input or item that fails is reported on one line and the others go on. Returns the exit
    code as for folders: 0, 1 when some failed, the failure's own when all did.
    """
    inputs, formats, output, style, from_ = cmd.inputs, cmd.formats, cmd.output, cmd.style, cmd.from_
    width, allow_remote, allow_hosts, meta = cmd.width, cmd.allow_remote, cmd.allow_hosts, cmd.meta
    pdf_variant = cmd.pdf_variant
    chosen = selection(cmd.web.since, cmd.web.max_items)
    if "-" in inputs:
        raise UsageError("stdin ('-') cannot be mixed with URLs or feeds")
    failed: list[int] = []
    keyed: list[tuple[str, tuple[str, ...]]] = []  # each entry's key and its feed item's authors
    expand_errors: list[tuple[int, Any]] = []  # an input that failed, after how many entries

    def on_error(exc: Exception, src: str) -> None:
        failed.append(fail(exc, src))
        expand_errors.append((len(keyed), _failure(src, exc, failed[-1])))

    bylines: dict[str, tuple[str, ...]] = {}  # a feed item's authors, by its URL
    entries = expand_all(inputs, allow_hosts, chosen, on_error, bylines, keyed)
    if output == "-":
        if len(formats) != 1 or len(entries) + len(failed) != 1:
            raise UsageError("-o - (stdout) takes one page and one output format")
        if failed:
            return failed[0]
        entry = entries[0]
        warnings: list[str] = []
        article = read_entry(
            entry, from_, allow_hosts, bylines.get(label(entry), ()), metadata=meta, warnings=warnings
        )
        options = ExportOptions(
            width=width,
            allow_remote=allow_remote,
            allowed_hosts=allow_hosts,
            pdf_variant=pdf_variant,
            notes=cmd.notes,
        )
        result = api.render(article, formats[0], style=style, options=options)
        _print_warnings(label(entry), warnings + list(result.warnings))
        sys.stdout.buffer.write(result.data)
        sys.stdout.buffer.flush()
        return 0
    if len(entries) > 1 and output and api.dest_is_file(output, formats):
        raise UsageError(f"-o {output}: several pages or feed items need an output folder, not a file")
    if output is not None and not api.dest_is_file(output, formats) and any(map(_is_page, entries)):
        # Into an output folder, incrementally as a URL list: a rerun writes nothing for an unchanged
        # page and never writes over a file it did not make (convert.batch.urls).
        done = _into_folder(cmd, entries, keyed)
    else:
        done = _one_by_one(cmd, entries, keyed)
    # In command-line order: an input that failed to expand, before the entries of the inputs after it.
    ordered = sorted(
        [(at, 0, o) for at, o in expand_errors] + [(i, 1, o) for i, o in done], key=lambda t: t[:2]
    )
    return _finish(cmd, [o for _at, _n, o in ordered])


def _is_page(entry: Any) -> bool:
    return isinstance(entry, web.WebPage) or web.is_url(entry)


def _convert_one(cmd: _ConvertArgs, entry: Any, names: tuple[str, ...], stem: str | None = None) -> Any:
    """A local file, or a page not into an output folder, converted as a single input; the outcome."""
    page = entry if isinstance(entry, web.WebPage) else None
    local = page is None and not web.is_url(entry)
    try:
        if names and page is None and not local:  # fetched once, read for its byline and converted
            page = web.page_from_response(web.fetch(entry, allowed_hosts=cmd.allow_hosts))
        warnings: list[str] = []
        options = ExportOptions(
            width=cmd.width,
            allow_remote=cmd.allow_remote,
            allowed_hosts=cmd.allow_hosts,
            base_dir=Path(entry).resolve().parent if local else None,
            pdf_variant=cmd.pdf_variant,
            notes=cmd.notes,
        )
        written = api.convert(
            page.data if page else entry,
            cmd.output,
            to=cmd.formats,
            style=cmd.style,
            from_=cmd.from_ or (page.reader if page else None),
            metadata=_with_byline(page, names, cmd.from_, cmd.meta),
            options=options,
            name=page.url if page else None,
            warnings=warnings,
            stem=stem,
        )
        _print_warnings(label(entry), warnings)
        if not cmd.quiet:
            for path in written:
                click.echo(f"wrote {path}")
        return _converted(label(entry), written)
    except Exception as exc:
        return _failure(label(entry), exc, fail(exc, label(entry)))


def _one_by_one(cmd: _ConvertArgs, entries: list[Any], keyed: list[tuple[str, tuple[str, ...]]]) -> list[Any]:
    """Each entry on its own (no output folder: pages into the current one, files beside
    themselves); a local file whose output an earlier entry of this run wrote (a page titled as
    the file is named) takes the file's name plus the first 8 hex digits of its SHA-256, as stdin's
    outputs do (a page's output keeps clear of a file already there in turn)."""
    from ..batch.fingerprint import file_sha256

    done: list[tuple[int, Any]] = []
    written: set[str] = set()
    for i, (entry, (_key, names)) in enumerate(zip(entries, keyed, strict=True)):
        stem = None
        if not _is_page(entry):
            with contextlib.suppress(ConvertError, OSError):  # converting it says what is wrong
                outs = api.plan_outputs(Path(entry), cmd.output, cmd.formats, Path(entry).stem)
                if any(os.path.realpath(p) in written for p in outs.values()):
                    stem = f"{Path(entry).stem}-{file_sha256(Path(entry))[:8]}"
        outcome = _convert_one(cmd, entry, names, stem)
        written.update(os.path.realpath(p) for p in outcome.outputs)
        done.append((i, outcome))
    return done


def _into_folder(
    cmd: _ConvertArgs, entries: list[Any], keyed: list[tuple[str, tuple[str, ...]]]
) -> list[tuple[int, Any]]:
    """Pages and local files into the output folder, in command-line order, no file written twice.

    Pages go under the folder's manifest (:class:`convert.batch.urls.Pages`), keeping clear of the
    files the local inputs write (named after them, as ever); an entry met twice (a page a feed and
    a sitemap both list, a file given twice) counts once, and a local file whose output another
    local file of the run writes fails, as in a folder batch.
    """
    from ..batch.local import claimed_stem, file_digest, record
    from ..batch.manifest import Manifest
    from ..batch.urls import Pages

    assert cmd.output is not None
    order: dict[str, tuple[int, Any, str, tuple[str, ...]]] = {}
    # One page a feed item (keyed by its guid) and a URL or a sitemap both name is fetched once (its
    # URL compared without utm_* parameters); an item whose text a feed carries is not the page it
    # links, but the same item a main and a category feed both carry (its link and its text byte for
    # byte) is taken once.
    taken: set[str | tuple[str, bytes]] = set()
    for i, (entry, (key, names)) in enumerate(zip(entries, keyed, strict=True)):
        if not _is_page(entry):
            order.setdefault(os.path.realpath(entry), (i, entry, key, names))
            continue
        url = untracked(label(entry))
        same = (url, entry.data) if getattr(entry, "carried", False) else url
        if key in order or same in taken:
            continue
        order[key] = (i, entry, key, names)
        taken.add(same)
    planned: dict[str, str] = {}  # a local output's path -> the input that writes it
    clashes: dict[str, OutputError] = {}
    stems: dict[str, str | None] = {}  # a local file's output name, clear of the manifest's other inputs
    shas: dict[str, str] = {}  # a local file's SHA-256, for its stem and its manifest lines
    known = Manifest(Path(cmd.output))
    for _i, entry, _key, _names in order.values():
        if _is_page(entry):
            continue
        try:
            shas[entry] = file_digest(Path(entry))
            stems[entry] = claimed_stem(Path(entry), cmd.output, cmd.formats, known, shas[entry])
            stem = stems[entry] or Path(entry).stem
            outs = api.plan_outputs(Path(entry), cmd.output, cmd.formats, stem)
        except (ConvertError, OSError):
            continue  # converting it says so
        for fmt, path in outs.items():
            other = planned.setdefault(os.path.abspath(path), entry)
            if other != entry and entry not in clashes:
                clashes[entry] = OutputError(f"its {fmt} output {path} would overwrite the output of {other}")
    options = ExportOptions(
        width=cmd.width, allow_remote=cmd.allow_remote, allowed_hosts=cmd.allow_hosts,
        pdf_variant=cmd.pdf_variant, notes=cmd.notes,
    )  # fmt: skip
    outcomes: list[tuple[int, Any]] = []
    with Pages(
        cmd.output, cmd.formats, cmd.style, cmd.from_, cmd.meta or None, options, cmd.batch.force,
        with_feed_authors, reserved=map(Path, planned), keys=order,
    ) as pages:  # fmt: skip
        for i, entry, key, names in order.values():
            if not _is_page(entry):
                clash = clashes.get(entry)
                failure = None if clash is None else _failure(entry, clash, fail(clash, entry))
                outcome = failure or _convert_one(cmd, entry, names, stems.get(entry))
                if outcome.status == "converted" and pages.manifest is not None and entry in shas:
                    record(Path(entry), [Path(p) for p in outcome.outputs], pages.manifest, shas[entry])
                outcomes.append((i, outcome))
                continue
            outcome = pages.take(entry, names, key, cmd.allow_hosts)
            if outcome.error:
                click.echo(f"error: {shown(outcome.error, 10_000)}", err=True)
            else:
                _print_warnings(outcome.url, outcome.warnings)
            if outcome.status == "converted" and not cmd.quiet:
                for done in outcome.outputs:
                    click.echo(f"wrote {done}")
            outcomes.append((i, outcome))
    return outcomes


def _failure(src: str, exc: BaseException, code: int | None = None) -> Any:
    """A failure as an outcome (its line was printed when it happened)."""
    from ..batch.urls import UrlOutcome

    error = exc.with_path(src).one_line() if isinstance(exc, ConvertError) else f"{src}: {exc}"
    return UrlOutcome(src, "failed", error=error, code=code or int(getattr(exc, "exit_code", 70)))


def _converted(src: str, written: list[Path]) -> Any:
    from ..batch.urls import UrlOutcome

    return UrlOutcome(src, "converted", [str(p) for p in written])


def _finish(cmd: _ConvertArgs, outcomes: list[Any]) -> int:
    """The summary, ``--report`` and the exit code, as for folders: 0 all converted or up to date,
    1 some failed; when every one failed, the failure's own code (3: the input cannot be read,
    4: the output cannot be written, 5: a missing tool ...)."""
    counts = {s: sum(o.status == s for o in outcomes) for s in ("converted", "up to date")}
    codes = [o.code or 3 for o in outcomes if o.status not in counts]
    if (len(outcomes) > 1 or counts["up to date"]) and not cmd.quiet:
        click.echo(
            f"{counts['converted']} converted, {counts['up to date']} up to date, {len(codes)} failed",
            err=True,
        )
    if cmd.batch.report:
        _write_report(cmd.batch.report, outcomes)
    if not codes:
        return 0
    return max(codes) if len(codes) == len(outcomes) else 1


def _write_report(path: str, outcomes: list[Any]) -> None:
    """``--report FILE``: every page's outcome as JSON (``{"outcomes": [{"url", "status", ...}]}``)."""
    import dataclasses
    import json

    from ..io import atomic_write

    doc = {"outcomes": [dataclasses.asdict(o) for o in outcomes]}
    atomic_write(Path(path), (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode("utf-8"))


def _with_byline(
    page: web.WebPage | None, names: tuple[str, ...], from_: str | None, meta: dict[str, Any]
) -> dict[str, Any]:
    """``meta`` with the feed item's authors when the page names none."""
    if page is None or not names or meta.get("author") or meta.get("authors"):
        return meta
    article = api.read(page.data, from_=from_ or page.reader, metadata=meta, name=page.url)
    filled = with_feed_authors(article, names)
    return meta if filled is article else {**meta, "authors": filled.meta.authors}
