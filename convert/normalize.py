"""Passes run on every article after its reader, in order.

Each pass is a small function ``Article -> Article``; :func:`normalize`
runs them all. Passes are idempotent: running them twice changes nothing.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any

from . import model
from ._regex import compiled, lazy
from .cache import sha256
from .dates import is_iso
from .errors import UsageError
from .locale.language import identify, normalise_tag
from .locale.script import split_list
from .model import (
    Article,
    Author,
    BlockQuote,
    Emph,
    Figure,
    Heading,
    Link,
    List,
    Metadata,
    Note,
    Paragraph,
    Quote,
    Source,
    Strong,
    Table,
    Text,
)

_SPACES = compiled(r"[ \t\u00a0\u2007\u202f\u2000-\u200a\u3000]+")
_ZERO_WIDTH = compiled(r"[\u200b\ufeff\u00ad]")


def clean_space(text: str) -> str:
    """No-break and other odd spaces become plain spaces; runs collapse to one.

    Typographic quotes, dashes and ellipses are kept as typed.
    """
    return _SPACES.sub(" ", _ZERO_WIDTH.sub("", text))


def _clean_inlines(content: tuple[Any, ...], trim: bool = True) -> tuple[Any, ...]:
    out: list[Any] = []
    for node in content:
        match node:
            case Text(text=t):
                t = clean_space(t)
                if not t:
                    continue
                if out and isinstance(out[-1], Text):
                    t = out.pop().text + t
                    t = _SPACES.sub(" ", t)
                out.append(Text(t))
            case Emph() | Strong() | Link() | Quote():
                out.append(model.replace(node, content=_clean_inlines(node.content, trim=False)))
            case _:
                out.append(node)
    if not trim:
        return tuple(out)
    # Trim the block's outer spaces.
    if out and isinstance(out[0], Text):
        out[0] = Text(out[0].text.lstrip())
        if not out[0].text:
            out.pop(0)
    if out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].text.rstrip())
        if not out[-1].text:
            out.pop()
    return tuple(out)


def _clean_blocks(blocks: tuple[Any, ...]) -> tuple[Any, ...]:
    out: list[Any] = []
    for block in blocks:
        match block:
            case Paragraph(content=c):
                c = _clean_inlines(c)
                if c:
                    out.append(Paragraph(c))
            case Heading(content=c):
                c = _clean_inlines(c)
                if c:
                    out.append(model.replace(block, content=c))
            case BlockQuote(body=b, attribution=a):
                out.append(BlockQuote(_clean_blocks(b), _clean_inlines(a)))
            case List(items=items):
                out.append(model.replace(block, items=tuple(_clean_blocks(i) for i in items)))
            case Figure(caption=c):
                out.append(model.replace(block, caption=_clean_inlines(c)))
            case Table(head=h, rows=r, caption=c):
                out.append(
                    Table(
                        tuple(tuple(_clean_inlines(cell) for cell in row) for row in h),
                        tuple(tuple(_clean_inlines(cell) for cell in row) for row in r),
                        _clean_inlines(c),
                    )
                )
            case _:
                out.append(block)
    return tuple(out)


def _clean_str(value: str | None) -> str | None:
    if value is None:
        return None
    value = clean_space(value).strip()
    return value or None


def whitespace(article: Article) -> Article:
    """Normalise spaces in the body, the notes and the metadata strings."""
    m = article.meta
    meta = model.replace(
        m,
        title=_clean_str(m.title),
        subtitle=_clean_str(m.subtitle),
        authors=tuple(
            Author(clean_space(a.name).strip(), _clean_str(a.role), _clean_str(a.bio))
            for a in m.authors
            if clean_space(a.name).strip()
        ),
        dateline=_clean_str(m.dateline),
        publisher=_clean_str(m.publisher),
        description=_clean_str(m.description),
        rights=_clean_str(m.rights),
        keywords=tuple(k for k in (_clean_str(k) for k in m.keywords) if k),
    )
    notes = tuple(Note(n.id, n.kind, _clean_blocks(n.body)) for n in article.notes)
    return Article(meta=meta, body=_clean_blocks(article.body), notes=notes)


def language(article: Article) -> Article:
    """A declared language as a valid BCP 47 tag; else the language of the text; else ``None``.

    A declared value that names no language (``jp``, ``und``, junk) counts as undeclared.
    Identification (:func:`convert.locale.identify`) reads the title, the body and the notes,
    and gives ``None`` when there is too little text to tell.
    """
    lang = normalise_tag(article.meta.language)
    if lang is None:
        parts = [article.meta.title or "", article.meta.subtitle or ""]
        parts += [model.plain_text(b) for b in article.body]
        parts += [model.plain_text(b) for n in article.notes for b in n.body]
        lang = identify("\n".join(p for p in parts if p))
    if lang == article.meta.language:
        return article
    return model.replace(article, meta=model.replace(article.meta, language=lang))


def identifier(article: Article) -> Article:
    """A stable ``urn:sha256:`` identifier from the content, unless one is set.

    The source bytes' hash when known (same file, same identifier), else the
    hash of the tree's JSON form.
    """
    if article.meta.identifier:
        return article
    src = article.meta.source
    if src is not None and src.sha256:
        digest = src.sha256
    else:
        body = json.dumps(model.to_json(article), sort_keys=True, ensure_ascii=False)
        digest = sha256(body.encode("utf-8")).hexdigest()
    return model.replace(article, meta=model.replace(article.meta, identifier=f"urn:sha256:{digest}"))


def quotes(article: Article) -> Article:
    """Speech quotations with their speakers, scare quotes without (:mod:`convert.quotes`)."""
    from .quotes import find_quotes

    return find_quotes(article)


#: Language comes early so that later passes may depend on it.
PASSES: tuple[Callable[[Article], Article], ...] = (whitespace, language, quotes, identifier)


def normalize(article: Article) -> Article:
    for step in PASSES:
        article = step(article)
    return article


def with_source(article: Article, source: Source) -> Article:
    return model.replace(article, meta=model.replace(article.meta, source=source))


_BCP47 = lazy(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")


def is_language_tag(value: str) -> bool:
    """A BCP 47 shaped tag: ``en``, ``en-GB``, ``zh-Hant-TW``."""
    return bool(_BCP47.fullmatch(value))


def check_meta(meta: Metadata) -> str | None:
    """What is wrong with ``meta``'s dates or language, or ``None``."""
    for name in ("published", "updated"):
        value = getattr(meta, name)
        if value is not None and not is_iso(value):
            return f"{name} {value!r} is not an ISO 8601 date (e.g. 2024-10-14 or 2024-10-14T22:37:00)"
    if meta.language is not None and not is_language_tag(meta.language):
        return f"language {meta.language!r} is not a BCP 47 tag (e.g. en, en-GB)"
    return None


#: Metadata fields a user may override from the command line or the API.
OVERRIDABLE = tuple(f for f in Metadata.__dataclass_fields__ if f not in ("source", "identifier"))


def given_language(value: Any) -> str | None:
    """``--language en_US`` -> ``en-US``; a value that names no language is an error, not ``None``."""
    if value is None or not str(value).strip():
        return None
    tag = normalise_tag(str(value))
    if tag is None:
        raise ValueError(f"language {value!r} is not a BCP 47 tag (e.g. en, en-GB)")
    return tag


def given_language_in(values: Mapping[str, Any] | None) -> str | None:
    """The ``language`` of ``values`` (``--language``, ``metadata={"language": ...}``) as BCP 47;
    :class:`UsageError` when it names no language. Readers read by it, as if identified."""
    try:
        return given_language((values or {}).get("language"))
    except ValueError as exc:
        raise UsageError(str(exc)) from exc


def override(article: Article, values: Mapping[str, Any]) -> Article:
    """Set metadata fields from ``values`` (``author`` and ``keywords`` may be strings)."""
    changes: dict[str, Any] = {}
    for key, value in values.items():
        key = key.replace("-", "_")
        if key in ("author", "authors"):
            names = [value] if isinstance(value, str) else list(value)
            changes["authors"] = tuple(Author(n.strip()) if isinstance(n, str) else n for n in names if n)
        elif key == "keywords":
            items = split_list(value) if isinstance(value, str) else list(value)
            changes["keywords"] = tuple(k.strip() for k in items if k.strip())
        elif key == "language":
            changes[key] = given_language(value)
        elif key in OVERRIDABLE:
            changes[key] = value
        else:
            raise ValueError(f"unknown metadata field {key!r}")
    meta = model.replace(article.meta, **changes)
    problem = check_meta(meta)
    if problem:
        raise ValueError(problem)
    return model.replace(article, meta=meta)
