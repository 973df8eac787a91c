"""Bundles: many articles in one EPUB, PDF or DOCX, with a cover and a table of contents.

Each article becomes a chapter that keeps its own metadata and language:
in the PDF an ``<article lang=…>`` starting on a new page, with a bookmark
and a TOC line whose page number WeasyPrint fills in (``target-counter``);
in the EPUB its own XHTML document listed in the nav; in the DOCX a
Heading 1 and a ``lang`` div, with pandoc's TOC field (``--toc``).
The exporters' own building blocks are reused; nothing here edits them.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from .. import api
from ..errors import ConvertError, ExportError, UsageError
from ..model import Article
from ..theme import Theme, load_theme

BUNDLE_FORMATS = ("pdf", "epub", "docx")


@dataclass(frozen=True, slots=True)
class Collection:
    """The bundle's own metadata and its articles, in order."""

    title: str
    articles: tuple[Article, ...]
    subtitle: str | None = None
    language: str | None = None

    @property
    def lang(self) -> str:
        """The collection's language: given, else the articles' if they agree, else ``en``."""
        if self.language:
            return self.language
        langs = {a.meta.language for a in self.articles if a.meta.language}
        return langs.pop() if len(langs) == 1 else "en"

    def identifier(self) -> str:
        h = hashlib.sha256(self.title.encode("utf-8"))
        for article in self.articles:
            h.update(api.to_json_bytes(article))
        return "urn:sha256:" + h.hexdigest()


def _e(text: str) -> str:
    return escape(text, quote=True)


_ID = re.compile(r'(\sid="|\shref="#)([^"]+)"')


def _prefix_ids(markup: str, prefix: str) -> str:
    """Keep each article's anchors (notes, sections) apart from the other articles'."""
    return _ID.sub(lambda m: f'{m.group(1)}{prefix}{m.group(2)}"', markup)


def _chapter_title(article: Article, n: int) -> str:
    return article.meta.title or f"Article {n}"


# --------------------------------------------------------------------------
# PDF


_BUNDLE_PRINT_CSS = """
section.cover { break-after: page; text-align: center; padding-top: 60mm; }
section.cover h1 { font-size: calc(var(--sizes-title) * 1.4); bookmark-level: none; string-set: none; }
section.cover .count { color: var(--colors-muted); }
nav.toc { break-after: page; }
nav.toc h2 { bookmark-level: none; }
nav.toc ol { list-style: none; padding: 0; }
nav.toc li { margin: 1.2mm 0; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc a::after { content: leader('.') target-counter(attr(href), page); }
nav.toc .by { display: block; color: var(--colors-muted); font-size: 0.9em; }
article.article { break-before: page; }
article.article h1.title { bookmark-level: 1; }
article.article h2 { bookmark-level: 2; }
article.article h3, article.article h4, article.article h5, article.article h6 { bookmark-level: none; }
"""


def _cover_and_toc_html(collection: Collection) -> str:
    from ..exporters._shared import byline

    cover = ['<section class="cover">', f'<h1 class="bundle-title">{_e(collection.title)}</h1>']
    if collection.subtitle:
        cover.append(f'<p class="subtitle">{_e(collection.subtitle)}</p>')
    cover.append(f'<p class="count">{len(collection.articles)} articles</p></section>')
    toc = ['<nav class="toc"><h2>Contents</h2><ol>']
    for n, article in enumerate(collection.articles, 1):
        by = byline(article)
        extra = f' <span class="by">{_e(by)}</span>' if by else ""
        toc.append(f'<li><a href="#article-{n}">{_e(_chapter_title(article, n))}</a>{extra}</li>')
    toc.append("</ol></nav>")
    return "\n".join(cover + toc)


def bundle_pdf(collection: Collection, theme: Theme, base_dir: Path | None = None) -> bytes:
    """One PDF: cover, contents with page numbers, each article from a new page with a bookmark."""
    import weasyprint

    from ..exporters.html import Renderer
    from ..exporters.pdf import page_css

    articles = []
    for n, article in enumerate(collection.articles, 1):
        markup = _prefix_ids(Renderer(article, footnote_mode="inline").article_element(), f"a{n}-")
        articles.append(markup.replace("<article ", f'<article id="article-{n}" ', 1))
    html = (
        f'<!DOCTYPE html>\n<html lang="{_e(collection.lang)}">\n<head><meta charset="utf-8"/>'
        f"<title>{_e(collection.title)}</title></head>\n<body>\n"
        + _cover_and_toc_html(collection)
        + "\n".join(articles)
        + "\n</body></html>\n"
    )
    css = page_css(theme) + theme.css("css", "print_css") + _BUNDLE_PRINT_CSS
    from ..fetch import PolicyFetcher, ResourcePolicy, path_url

    fetcher = PolicyFetcher(ResourcePolicy.for_paths(base_dir, theme.path))
    base = path_url(base_dir) if base_dir is not None else None
    try:
        sheet = weasyprint.CSS(string=css, base_url=path_url(theme.path), url_fetcher=fetcher)
        document = weasyprint.HTML(string=html, base_url=base, url_fetcher=fetcher).render(
            stylesheets=[sheet]
        )
        document.metadata.title = collection.title
        document.metadata.authors = sorted({a.name for art in collection.articles for a in art.meta.authors})
        return bytes(document.write_pdf(pdf_tags=True))
    except ConvertError:
        raise
    except Exception as exc:
        raise ExportError(f"pdf bundle: WeasyPrint could not render it: {exc}") from exc


# --------------------------------------------------------------------------
# EPUB


def bundle_epub(collection: Collection, theme: Theme) -> bytes:
    """One EPUB 3: a title page, a chapter per article (its own ``lang``), a nav listing them."""
    from ebooklib import epub

    from ..exporters import epub as ep
    from ..model import Metadata

    book = epub.EpubBook()
    authors = tuple({a.name: a for art in collection.articles for a in art.meta.authors}.values())
    meta = Metadata(
        title=collection.title, subtitle=collection.subtitle, language=collection.lang, authors=authors
    )
    ep.add_metadata(book, meta, collection.identifier())
    css = theme.css("css", "epub_css").encode("utf-8")
    style = epub.EpubItem(uid="style", file_name=ep.CSS_HREF, media_type="text/css", content=css)
    cover = epub.EpubItem(
        uid="cover",
        file_name=ep.COVER_HREF,
        media_type="application/xhtml+xml",
        content=ep.title_page(meta, Article(meta=meta)),
    )
    book.add_item(style)
    book.add_item(cover)
    chapters, toc = [], []
    for n, article in enumerate(collection.articles, 1):
        fitted, images = ep.fit_article(article)
        href = f"article-{n:04d}.xhtml"
        item = epub.EpubItem(
            uid=f"article-{n}", file_name=href, media_type="application/xhtml+xml", content=ep.chapter(fitted)
        )
        book.add_item(item)
        for image in sorted(images.values(), key=lambda i: i.href):
            image_href = f"a{n}/{image.href}"
            item.content = item.content.replace(image.href.encode(), image_href.encode())
            book.add_item(
                epub.EpubItem(
                    uid=f"a{n}-{image.uid}",
                    file_name=image_href,
                    media_type=image.media_type,
                    content=image.data,
                )
            )
        chapters.append(item)
        toc.append(epub.Link(href, ep._text(_chapter_title(fitted, n)) or f"Article {n}", f"toc-{n}"))
    nav = epub.EpubNav(uid="nav", file_name=ep.NAV_HREF, title="Contents")
    nav.add_item(style)
    book.add_item(nav)
    book.add_item(epub.EpubNcx(uid="ncx", file_name="toc.ncx"))
    book.toc = toc
    book.spine = [cover, nav, *chapters]
    stamp = max((ep.modified_stamp(a.meta) for a in collection.articles), default=ep.EPOCH)
    return ep.pin_zip(ep.write_book(book, stamp), ep.zip_stamp(stamp))


# --------------------------------------------------------------------------
# DOCX


def bundle_docx(collection: Collection, theme: Theme) -> bytes:
    """One DOCX through pandoc: each article a Heading 1 and a ``lang`` div; a TOC field up front."""
    from ..exporters._docx_reference import reference_docx
    from ..exporters.docx import ImageInliner, finish_docx
    from ..model import Metadata
    from ..pandoc_ast import article_to_pandoc
    from ..pandoc_run import write_from_json

    blocks: list[Any] = []
    doc: dict[str, Any] = {}
    for n, article in enumerate(collection.articles, 1):
        # The same image policy as the DOCX exporter: pixel bombs dropped,
        # local images only from the article's own folder.
        src = article.meta.source.path if article.meta.source else None
        inliner = ImageInliner(Path(src).resolve().parent if src and src != "-" else None)
        doc = article_to_pandoc(article, for_docx=True, resolve_src=inliner)
        title = [{"t": "Str", "c": _chapter_title(article, n)}]
        blocks.append({"t": "Header", "c": [1, [f"article-{n}", [], []], title]})
        body = [_demote(b) for b in doc["blocks"]]
        attrs = [["lang", article.meta.language or collection.lang]]
        blocks.append({"t": "Div", "c": [["", ["article"], attrs], body]})
    meta = {
        "title": {"t": "MetaInlines", "c": [{"t": "Str", "c": collection.title}]},
        "lang": {"t": "MetaString", "c": collection.lang},
        "toc-title": {"t": "MetaInlines", "c": [{"t": "Str", "c": "Contents"}]},
    }
    whole = {"pandoc-api-version": doc.get("pandoc-api-version", [1, 23]), "meta": meta, "blocks": blocks}
    args = ["--reference-doc", str(reference_docx(theme)), "--toc", "--toc-depth=1"]
    data = write_from_json(whole, "docx", extra_args=args)
    return finish_docx(data, Metadata(title=collection.title, language=collection.lang))


def _demote(block: Any) -> Any:
    """Body headings sit under the article's Heading 1."""
    if isinstance(block, dict) and block.get("t") == "Header":
        level, attr, inlines = block["c"]
        return {"t": "Header", "c": [min(6, max(2, level + 1)), attr, inlines]}
    return block


# --------------------------------------------------------------------------
# The entry point


def _format_of(dest: Path, to: str | None) -> str:
    fmt = (to or dest.suffix.lstrip(".")).lower()
    if fmt not in BUNDLE_FORMATS:
        raise UsageError(
            f"cannot bundle as {fmt or 'that'!r}", hint=f"choose from: {', '.join(BUNDLE_FORMATS)}"
        )
    return fmt


def bundle(
    inputs: Sequence[str | os.PathLike[str]],
    dest: str | os.PathLike[str],
    *,
    to: Iterable[str] | None = None,
    title: str = "Collection",
    subtitle: str | None = None,
    language: str | None = None,
    style: str | os.PathLike[str] = "default",
    from_: str | None = None,
) -> list[Path]:
    """Read ``inputs`` (files, or folders walked like a batch) and write them as one book per format.

    With one format ``dest`` is the file; with several it is the file name
    whose ending is replaced per format (``collection.epub`` ->
    ``collection.pdf``). Returns the paths written.
    """
    from .plan import discover

    dest_path = Path(dest)
    formats = list(to) if to else [_format_of(dest_path, None)]
    formats = [_format_of(dest_path, f) for f in formats]
    files = [src for src, _rel in discover([Path(p) for p in inputs], dest_path.parent)]
    if not files:
        raise UsageError("no articles to bundle")
    articles = tuple(api.read(f, from_=from_) for f in files)
    collection = Collection(title=title, articles=articles, subtitle=subtitle, language=language)
    theme = load_theme(style if isinstance(style, str) else Path(style))
    written = []
    rendered = []
    for fmt in formats:
        out = dest_path if len(formats) == 1 else dest_path.with_suffix("." + fmt)
        if fmt == "pdf":
            data = bundle_pdf(collection, theme, files[0].parent)
        elif fmt == "epub":
            data = bundle_epub(collection, theme)
        else:
            data = bundle_docx(collection, theme)
        rendered.append((out, data))
    for out, data in rendered:
        api.atomic_write(out, data)
        written.append(out)
    return written


__all__ = ["BUNDLE_FORMATS", "Collection", "bundle", "bundle_docx", "bundle_epub", "bundle_pdf"]
