"""``broadsheet inspect``: the article tree Broadsheet recovers, with ``--explain`` where each field came from."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from .. import api
from .._clitools import _debug_option, _print_warnings, guarded
from ..cli import _collect_meta, _read_input, _stdin_bytes, _with_meta_options
from ..errors import UsageError
from ..model import Article


def _outline(article: Article) -> str:
    from ..model import plain_text

    m = article.meta
    lines = []
    fields = [
        ("title", m.title),
        ("subtitle", m.subtitle),
        ("authors", "; ".join(a.name + (f" ({a.role})" if a.role else "") for a in m.authors) or None),
        ("published", m.published),
        ("updated", m.updated),
        ("dateline", m.dateline),
        ("publisher", m.publisher),
        ("language", m.language),
        ("description", m.description),
        ("keywords", ", ".join(m.keywords) or None),
        ("url", m.url),
        ("rights", m.rights),
        ("source", f"{m.source.path} ({m.source.format})" if m.source else None),
        ("identifier", m.identifier),
    ]
    for name, value in fields:
        if value is not None:
            lines.append(f"{name:>12}: {value}")
    for a in m.authors:
        if a.bio:
            lines.append(f"{'bio':>12}: {a.bio}")
    lines.append("")
    counts: dict[str, int] = {}
    for block in article.body:
        kind = type(block).__name__.lower()
        counts[kind] = counts.get(kind, 0) + 1
        text = plain_text(block).replace("\n", " ")
        short = text if len(text) <= 70 else text[:69] + "…"
        lines.append(f"{kind:>12} {counts[kind]:>3}  {short}")
    for note in article.notes:
        text = plain_text(note.body).replace("\n", " ")
        short = text if len(text) <= 62 else text[:61] + "…"
        lines.append(f"{'note':>12} {note.id:>3}  [{note.kind}] {short}")
    summary = ", ".join(f"{v} {k}" for k, v in counts.items())
    lines.append("")
    lines.append(f"{len(article.body)} blocks ({summary}), {len(article.notes)} notes")
    return "\n".join(lines)


@click.command("inspect")
@click.argument("input", metavar="INPUT")
@click.option("--json", "as_json", is_flag=True, help="Print the article tree as JSON.")
@click.option(
    "--explain", is_flag=True, help="Say where each metadata field came from (tag, line, heuristic)."
)
@click.option("-f", "--from", "from_", help="Input format (default: sniffed).")
@click.option(
    "--allow-empty",
    is_flag=True,
    help="Show a web page's metadata even when it has no article text (convert refuses such a page).",
)
@click.option(
    "--allow-host",
    "allow_hosts",
    multiple=True,
    metavar="HOST",
    help="An INPUT URL may be on HOST even if it is private or loopback (see README, Security).",
)
@_with_meta_options
@_debug_option
@guarded
def inspect_cmd(
    input: str,
    as_json: bool,
    explain: bool,
    from_: str | None,
    allow_empty: bool,
    allow_hosts: tuple[str, ...],
    meta_pairs: tuple[str, ...],
    title: str | None,
    author: str | None,
    published: str | None,
    language: str | None,
) -> None:
    """Show the article tree Broadsheet recovers from INPUT."""
    meta = _collect_meta(meta_pairs, title, author, published, language)
    src, name, from_ = _one_article(input, from_, allow_hosts)
    if explain:
        _inspect_explained(
            src, name, from_, meta, as_json, require_text=not allow_empty, allowed_hosts=allow_hosts
        )
        return
    warnings: list[str] = []
    if isinstance(src, bytes):
        article = api.read(
            src, from_=from_, metadata=meta, name=name, require_text=not allow_empty, warnings=warnings
        )
    else:
        article = _read_input(
            src,
            from_,
            meta,
            False,
            require_text=not allow_empty,
            warnings=warnings,
            allowed_hosts=allow_hosts,
        )
    _print_warnings(input, warnings)
    if as_json:
        sys.stdout.buffer.write(api.to_json_bytes(article))
        sys.stdout.buffer.flush()
    else:
        click.echo(_outline(article))


def _one_article(
    src: str, from_: str | None, allowed_hosts: tuple[str, ...]
) -> tuple[str | bytes, str | None, str | None]:
    """What to read for ``src`` (itself, or the bytes of stdin or of the fetched page, their name, the
    reader); a feed or a sitemap is refused, never shown as an article (``--from`` reads it as told)."""
    from ._web import _is_url, _may_be_web, refuse_feed

    if from_ is not None:
        return src, None, from_
    if src == "-":
        data = _stdin_bytes()
        refuse_feed("<stdin>", data)
        return data, "<stdin>", None
    from .. import limits, web

    if web.is_url_list(src) and os.path.isfile(src):
        with open(src, "rb") as fh:
            urls = web.read_url_list(
                fh.read(limits.current().input_bytes).decode("utf-8-sig", "replace"), src
            )
        raise UsageError(
            f"a URL list of {len(urls)} URLs, not one article",
            hint=f"inspect one of its pages, or convert them all: broadsheet convert {src} -o OUT/",
            path=src,
        )
    if not _may_be_web(src):
        return src, None, None

    if _is_url(src):
        page = web.fetch_page(src, allowed_hosts=allowed_hosts)
        refuse_feed(src, page.data)
        return page.data, page.url, page.reader
    if web.local_feed_kind(src):
        with open(src, "rb") as fh:
            refuse_feed(src, fh.read(limits.current().input_bytes))
    return src, None, None


def _inspect_explained(
    src: str | bytes,
    name: str | None,
    from_: str | None,
    meta: dict[str, Any],
    as_json: bool,
    *,
    require_text: bool = True,
    allowed_hosts: tuple[str, ...] = (),
) -> None:
    """``inspect --explain``: the metadata with its sources (``--json``: tree and provenance)."""
    import json

    from ..explain import explain_text, read_explained
    from ..model import to_json

    if isinstance(src, bytes):
        article, where = read_explained(src, from_=from_, metadata=meta, name=name, require_text=require_text)
    else:
        article, where = read_explained(
            src, from_=from_, metadata=meta, require_text=require_text, allowed_hosts=allowed_hosts
        )
    if as_json:
        doc = {"provenance": where, "article": to_json(article)}
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        click.echo(explain_text(article, where))
        click.echo("")
        click.echo(_outline(article).split("\n\n", 1)[-1])
