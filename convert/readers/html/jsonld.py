"""Evidence from JSON-LD (schema.org) blocks: the article object, its headline, authors and dates."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from lxml.html import HtmlElement

from .text import squash

#: schema.org types whose fields describe the article itself: ``Article`` and its subtypes in the
#: schema.org vocabulary (schema.org/Article, "More specific Types").
ARTICLE_TYPES = frozenset(
    "article newsarticle reportagenewsarticle analysisnewsarticle opinionnewsarticle reviewnewsarticle "
    "backgroundnewsarticle askpublicnewsarticle blogposting socialmediaposting liveblogposting "
    "scholarlyarticle techarticle report medicalscholarlyarticle satiricalarticle advertisertarticle "
    "posting discussionforumposting".split()
)
_PAGE_TYPES = frozenset({"webpage", "itempage", "aboutpage", "collectionpage"})


def jsonld_objects(tree: HtmlElement) -> list[dict[str, Any]]:
    """Every JSON-LD object on the page, flattened out of lists and ``@graph``."""
    objects: list[dict[str, Any]] = []
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        data = _load_json(script.text)
        if data is not None:
            objects.extend(_flatten(data, depth=0))
    return objects


def _load_json(text: str) -> Any:
    text = text.strip()
    text = re.sub(r"^\s*(?://\s*)?<!\[CDATA\[|(?://\s*)?\]\]>\s*$", "", text)
    for attempt in (text, re.sub(r",\s*([}\]])", r"\1", text)):  # trailing commas are common
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    try:  # a whole first value with something after it (a stray brace, a second object): the value
        return json.JSONDecoder(strict=False).raw_decode(text.lstrip())[0]
    except (ValueError, RecursionError):
        return None


def _flatten(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    if depth > 6:
        return
    if isinstance(data, list):
        for item in data:
            yield from _flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _flatten(data["@graph"], depth + 1)
        main = data.get("mainEntity")
        if isinstance(main, dict | list):
            yield from _flatten(main, depth + 1)


def types_of(obj: dict[str, Any]) -> set[str]:
    kind = obj.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.rsplit("/", 1)[-1].lower() for k in kinds if isinstance(k, str)}


def article_object(objects: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The JSON-LD object describing the article: the first of an article type, else a web page."""
    for obj in objects:
        if types_of(obj) & ARTICLE_TYPES:
            return obj
    for obj in objects:
        if types_of(obj) & _PAGE_TYPES:
            return obj
    return None


def ld_label(obj: dict[str, Any], key: str) -> str:
    """Where a JSON-LD value came from, for provenance: ``JSON-LD NewsArticle.headline``."""
    kind = obj.get("@type")
    kind = next((k for k in kind if isinstance(k, str)), None) if isinstance(kind, list) else kind
    name = kind.rsplit("/", 1)[-1] if isinstance(kind, str) and kind else "object"
    return f"JSON-LD {name}.{key}"


def ld_text(value: Any) -> str | None:
    """A JSON-LD value as one string (``{"@value": ...}``, lists: the first)."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return squash(str(value)) or None
    return None


def ld_names(value: Any, depth: int = 0) -> Iterator[tuple[str, bool]]:
    """``(name, typed_person)`` for the people in a JSON-LD ``author``; organisations are skipped."""
    if depth > 4:
        return
    if isinstance(value, str):
        yield value, False
    elif isinstance(value, list):
        for item in value:
            yield from ld_names(item, depth + 1)
    elif isinstance(value, dict):
        kinds = types_of(value)
        if kinds - {"person"}:
            return  # Organization, NewsMediaOrganization ...: not a byline
        person = "person" in kinds
        name = value.get("name")
        if isinstance(name, list | dict):
            yield from ((n, person) for n, _ in ld_names(name, depth + 1))
        elif isinstance(name, str):
            yield name, person
        elif value.get("givenName") or value.get("familyName"):
            given, family = ld_text(value.get("givenName")) or "", ld_text(value.get("familyName")) or ""
            yield squash(f"{given} {family}"), person


def ld_author_names(obj: dict[str, Any] | None) -> list[tuple[str, bool]]:
    """``(name, typed_person)`` pairs from the article object's ``author`` (else ``creator``)."""
    if obj is None:
        return []
    for key in ("author", "creator"):
        if names := list(ld_names(obj.get(key))):
            return names
    return []
