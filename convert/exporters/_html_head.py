"""What a page's ``<head>`` says about the article: ``<title>`` and ``<meta>``, schema.org
``NewsArticle`` JSON-LD and OpenGraph. Part of :mod:`convert.exporters.html`, which re-exports it.
"""

from __future__ import annotations

import json
from html import escape
from urllib.parse import urlsplit

from ..locale.text import label
from ..model import Article, Figure


def _e(text: str) -> str:
    return escape(text, quote=True)


def _is_remote(src: str) -> bool:
    try:
        return urlsplit(src).scheme.lower() in ("http", "https")
    except ValueError:
        return False


def head_meta(article: Article) -> list[str]:
    """``<title>`` and ``<meta>`` tags naming the article."""
    m = article.meta
    out = [f"<title>{_e(m.title or label('Untitled article', m.language))}</title>"]
    for a in m.authors:
        out.append(f'<meta name="author" content="{_e(a.name)}"/>')
    if m.description:
        out.append(f'<meta name="description" content="{_e(m.description)}"/>')
    if m.keywords:
        out.append(f'<meta name="keywords" content="{_e(", ".join(m.keywords))}"/>')
    if m.published:
        out.append(f'<meta name="dcterms.created" content="{_e(m.published)}"/>')
    if m.updated:
        out.append(f'<meta name="dcterms.modified" content="{_e(m.updated)}"/>')
    if m.publisher:
        out.append(f'<meta name="dcterms.publisher" content="{_e(m.publisher)}"/>')
    if m.url:
        out.append(f'<link rel="canonical" href="{_e(m.url)}"/>')
    out.append('<meta name="generator" content="Broadsheet"/>')
    return out


def _json_script(data: dict[str, object]) -> str:
    """JSON for a ``<script>`` element: ``<``, ``>`` and ``&`` escaped, so no text can close it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _web_url(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) address a crawler can follow, else ``None``."""
    url = (url or "").strip()
    return url if _is_remote(url) else None


def _og_locale(tag: str) -> str:
    """OpenGraph's ``language_TERRITORY`` form of a BCP 47 tag: ``pt-BR`` -> ``pt_BR``, ``fr`` -> ``fr``."""
    parts = tag.replace("_", "-").split("-")
    region = next((p for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    return f"{parts[0].lower()}_{region.upper()}" if region else parts[0].lower()


def _first_image(article: Article) -> str | None:
    """The first figure's image, when it is on the web (a ``data:`` URI is no share image)."""
    from ..model import walk

    return next(
        (url for node in walk(article.body) if isinstance(node, Figure) if (url := _web_url(node.src))),
        None,
    )


def linked_data(article: Article) -> dict[str, object]:
    """The article as a schema.org ``NewsArticle`` (JSON-LD); unknown fields are left out."""
    m = article.meta
    data: dict[str, object] = {"@context": "https://schema.org", "@type": "NewsArticle"}
    fields: list[tuple[str, object]] = [
        ("headline", m.title),
        ("alternativeHeadline", m.subtitle),
        ("description", m.description),
        ("author", [{"@type": "Person", "name": a.name} for a in m.authors if a.name.strip()]),
        ("datePublished", m.published),
        ("dateModified", m.updated),
        ("inLanguage", m.language),
        ("publisher", {"@type": "Organization", "name": m.publisher} if m.publisher else None),
        ("image", _first_image(article)),
        ("keywords", ", ".join(m.keywords) if m.keywords else None),
        ("url", _web_url(m.url)),
        ("mainEntityOfPage", _web_url(m.url)),
        ("copyrightNotice", m.rights),
    ]
    data.update((key, value) for key, value in fields if value)
    return data


def page_meta(article: Article) -> list[str]:
    """What a standalone page tells search engines and link previews: JSON-LD and OpenGraph.

    Only in the ``html`` format's ``<head>``: an EPUB content document with a
    ``<script>`` would have to be declared scripted.
    """
    m = article.meta
    out = [f'<script type="application/ld+json">{_json_script(linked_data(article))}</script>']
    og: list[tuple[str, str | None]] = [
        ("og:type", "article"),
        ("og:title", m.title),
        ("og:description", m.description),
        ("og:locale", _og_locale(m.language) if m.language else None),
        ("og:site_name", m.publisher),
        ("og:url", _web_url(m.url)),
        ("og:image", _first_image(article)),
        ("article:published_time", m.published),
        ("article:modified_time", m.updated),
    ]
    og += [("article:author", a.name) for a in m.authors if a.name.strip()]
    og += [("article:tag", k) for k in m.keywords]
    out += [f'<meta property="{key}" content="{_e(value)}"/>' for key, value in og if value]
    return out
