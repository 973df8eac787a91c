"""Books: many articles in one EPUB, PDF or DOCX, with a cover and a table of contents.

The built-in exporters' ``export_many`` (what ``broadsheet bundle`` calls
through the registry) is made here. Each article becomes a chapter that
keeps its own metadata and language: in the PDF an ``<article lang=…>``
starting on a new page, with a bookmark and a TOC line whose page number
WeasyPrint fills in (``target-counter``); in the EPUB its own XHTML document
listed in the nav; in the DOCX a Heading 1 and a ``lang`` div, with pandoc's
TOC field (``--toc``). The exporters' own building blocks are reused;
nothing here edits them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape, unescape
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from ..base import warn
from ..errors import ConvertError, ExportError
from ..locale.text import byline, label, number, plural_label
from ..model import Article, to_json
from ..theme import Theme
from ._bundle_epub import bundle_epub as bundle_epub  # books as EPUB live on their own

if TYPE_CHECKING:  # the policy is only named here; its fetcher comes with the PDF
    from ..fetch import ResourcePolicy


def _json_bytes(article: Article) -> bytes:
    """The article's JSON form as :func:`convert.api.to_json_bytes` writes it."""
    return (json.dumps(to_json(article), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


@dataclass(frozen=True, slots=True)
class Collection:
    """The bundle's own metadata and its articles, in order."""

    title: str
    articles: tuple[Article, ...]
    subtitle: str | None = None
    language: str | None = None
    #: The folder each article's relative resources resolve in, and the only local
    #: folder it may load from (``None``: none). Default: its ``meta.source.path``'s folder.
    folders: tuple[Path | None, ...] = ()
    #: Where each article's footnotes go (:data:`convert.base.NOTE_PLACES`): ``"foot"`` (page
    #: foot in PDF, pop-ups in EPUB, Word footnotes in DOCX) or ``"end"`` (after the article).
    notes: str = "foot"
    #: A PNG or JPEG for the EPUB's cover image, instead of the one generated from the theme.
    cover: Path | None = None

    def folder(self, n: int) -> Path | None:
        """The resource folder of article ``n`` (0-based)."""
        if n < len(self.folders):
            return self.folders[n]
        source = self.articles[n].meta.source
        path = source.path if source else None
        return Path(path).resolve().parent if path and path != "-" else None

    @property
    def lang(self) -> str | None:
        """The collection's language: given, else the articles' if they all agree, else ``None``.

        Each article keeps its own language inside the bundle; an unknown or mixed collection
        claims none (the EPUB then says ``und``), never a default such as ``en``.
        """
        if self.language:
            return self.language
        langs = {a.meta.language for a in self.articles}
        return langs.pop() if len(langs) == 1 else None

    def identifier(self) -> str:
        h = hashlib.sha256(self.title.encode("utf-8"))
        for article in self.articles:
            h.update(_json_bytes(article))
        return "urn:sha256:" + h.hexdigest()


def _e(text: str) -> str:
    return escape(text, quote=True)


_ID = re.compile(r'(\sid="|\shref="#)([^"]+)"')


def _prefix_ids(markup: str, prefix: str) -> str:
    """Keep each article's anchors (notes, sections) apart from the other articles'."""
    return _ID.sub(lambda m: f'{m.group(1)}{prefix}{m.group(2)}"', markup)


def _where(article: Article, n: int) -> str:
    """The article's file, for warnings (``article N`` when it has none)."""
    source = article.meta.source
    return source.path if source and source.path and source.path != "-" else f"article {n}"


def _chapter_title(article: Article, n: int) -> str:
    return article.meta.title or label(
        "Article {n}", article.meta.language, n=number(n, article.meta.language)
    )


# --------------------------------------------------------------------------
# PDF


_BUNDLE_PRINT_CSS = """
section.cover { break-after: page; text-align: center; padding-top: 60mm; }
section.cover h1 { font-size: calc(var(--sizes-title) * 1.4); bookmark-level: none; string-set: none; }
section.cover .count { color: var(--colors-muted); }
nav.toc { break-after: page; }
nav.toc h2 { bookmark-level: none; }
nav.toc ol { list-style: none; padding: 0; }
nav.toc li { margin: 1.2mm 0; break-inside: avoid; }
nav.toc a { color: inherit; text-decoration: none; }
nav.toc a::after { content: leader('.') target-counter(attr(href), page); }
nav.toc .by { display: block; color: var(--colors-muted); font-size: 0.9em; }
article.article { break-before: page; counter-reset: footnote; }
article.article h1.title { bookmark-level: 1; }
article.article h2 { bookmark-level: 2; }
article.article h3, article.article h4, article.article h5, article.article h6 { bookmark-level: none; }
"""


def _cover_html(collection: Collection) -> str:
    lang = collection.lang
    cover = ['<section class="cover">', f'<h1 class="bundle-title">{_e(collection.title)}</h1>']
    if collection.subtitle:
        cover.append(f'<p class="subtitle">{_e(collection.subtitle)}</p>')
    count = plural_label("{n} article", "{n} articles", len(collection.articles), lang)
    cover.append(f'<p class="count">{_e(count)}</p></section>')
    return "\n".join(cover)


def _toc_head(collection: Collection) -> str:
    return f'<nav class="toc"><h2>{_e(label("Contents", collection.lang))}</h2><ol>'


def _toc_lines(collection: Collection) -> list[str]:
    """One ``<li>`` per article, linking to ``#article-N``."""
    lines = []
    for n, article in enumerate(collection.articles, 1):
        by = byline([a.name for a in article.meta.authors], article.meta.language)
        extra = f' <span class="by">{_e(by)}</span>' if by else ""
        lines.append(f'<li><a href="#article-{n}">{_e(_chapter_title(article, n))}</a>{extra}</li>')
    return lines


def _cover_and_toc_html(collection: Collection) -> str:
    return "\n".join([_cover_html(collection), _toc_head(collection), *_toc_lines(collection), "</ol></nav>"])


_IMG_SRC = re.compile(r'(<img\s)src="([^"]*)"\s*')


def _localise_images(markup: str, policy: ResourcePolicy, warnings: list[str], where: str) -> str:
    """Each ``<img src>`` made absolute against the article's own folder, or dropped if refused.

    Every article is judged by its own policy here (its folder and the
    theme's), so one article cannot load files from another one's folder;
    a refused image keeps its ``alt`` text and is named in ``warnings``.
    """
    from ..fetch import path_url

    base = path_url(policy.roots[0]) if policy.roots else None

    def one(m: re.Match[str]) -> str:
        src = unescape(m.group(2)).strip()
        url = urljoin(base, src) if base is not None else src
        reason = policy.refusal(url) if url else "no source"
        if reason is not None:
            shown = src if len(src) <= 100 else src[:99] + "…"
            warnings.append(f"{where}: pdf: skipped resource {shown or '(empty source)'} ({reason})")
            return m.group(1)
        return f'{m.group(1)}src="{_e(url)}" '

    return _IMG_SRC.sub(one, markup)


#: A long bundle is laid out in parts of at most this many articles (or this many characters of
#: markup), each its own WeasyPrint document, and the parts are joined (:mod:`._pdf_join`).
#: WeasyPrint keeps every laid-out page of a document in memory: one document of 200 BBC stories
#: peaked at 287 MB, +1.07 MB per story (bench/bundle_memory.py).
PART_ARTICLES = 24
PART_CHARS = 400_000
#: Contents lines per part of a long book's contents: WeasyPrint's dot leaders are costly
#: (the contents of 300 articles took 100 MB as one document, 28 MB without leaders).
TOC_PART_LINES = 80


@dataclass(frozen=True, slots=True)
class _Chapter:
    markup: str
    css: str  # the article's fonts, line breaking and direction, scoped to it
    folder: Path | None


def bundle_pdf(
    collection: Collection,
    theme: Theme,
    warnings: list[str] | None = None,
    *,
    part_articles: int | None = None,
    part_chars: int | None = None,
    toc_part_lines: int | None = None,
) -> bytes:
    """One PDF: cover, contents with page numbers, each article from a new page with a bookmark.

    Each article's relative images resolve in its own folder (see
    :attr:`Collection.folders`); refused resources are added to ``warnings``.
    A collection that fits in one part is one WeasyPrint document; a longer one
    is rendered in parts (cover and contents, then groups of articles) whose page
    numbers, left and right pages and running heads continue from part to part,
    joined into one tagged PDF with the same bookmarks and contents links.
    """
    from ..exporters.html import FootnoteMode, Renderer, code_colours, script_css
    from ..exporters.pdf import direction_css, missing_font_lines, tagged_article
    from ..fetch import ResourcePolicy

    notes: list[str] = []
    chapters = []
    for n, article in enumerate(collection.articles, 1):
        scope = f"html:root #article-{n}"
        css = "\n".join(
            c for c in (script_css(article, theme, scope, installed=True), direction_css(article, scope)) if c
        )
        notes += [f"{_where(article, n)}: {line}" for line in missing_font_lines(article)]
        folder = collection.folder(n - 1)
        mode: FootnoteMode = "end" if collection.notes == "end" else "inline"
        renderer = Renderer(tagged_article(article), footnote_mode=mode, math="svg", **code_colours(theme))
        markup = _prefix_ids(renderer.article_element(), f"a{n}-")
        policy = ResourcePolicy.for_paths(folder, theme.path)
        markup = _localise_images(markup, policy, notes, _where(article, n))
        markup = markup.replace("<article ", f'<article id="article-{n}" ', 1)
        chapters.append(_Chapter(markup, css, folder))
    skipped: list[str] = []
    groups = _groups(chapters, part_articles or PART_ARTICLES, part_chars or PART_CHARS)
    if len(groups) <= 1:
        body = _cover_and_toc_html(collection) + "\n".join(c.markup for c in chapters)
        css = _BUNDLE_PRINT_CSS + "\n".join(c.css for c in chapters if c.css)
        data, _starts, _count = _render_part(
            collection, theme, body, css, [c.folder for c in chapters], skipped
        )
    else:
        toc_lines = toc_part_lines or TOC_PART_LINES
        data = _render_in_parts(collection, theme, chapters, groups, toc_lines, skipped)
    if warnings is not None:
        notes += [f"pdf: skipped resource {url}" for url in skipped]
        warnings.extend(dict.fromkeys(notes))
    return data


def _groups(chapters: Sequence[_Chapter], most: int, chars: int) -> list[list[int]]:
    """Chapter indexes cut into parts of at most ``most`` chapters and about ``chars`` of markup."""
    groups: list[list[int]] = []
    size = 0
    for n, chapter in enumerate(chapters):
        if not groups or len(groups[-1]) >= most or (size + len(chapter.markup) > chars and groups[-1]):
            groups.append([])
            size = 0
        groups[-1].append(n)
        size += len(chapter.markup)
    return groups


# A contents part that continues the list starts where a page break would have been: with the
# top margins a break truncates gone.
_PART_TOC_CSS = """
nav.toc a::after { content: leader('.') attr(data-page); }
nav.toc.continued ol, nav.toc.continued li:first-child { margin-top: 0; }
"""


def _render_in_parts(
    collection: Collection,
    theme: Theme,
    chapters: Sequence[_Chapter],
    groups: Sequence[Sequence[int]],
    toc_lines: int,
    skipped: list[str],
) -> bytes:
    """The cover and contents, then each group of chapters, rendered apart and joined.

    The contents must know each article's first page, and the articles must know
    how many pages the contents take: the contents are laid out first with
    placeholder numbers as wide as the largest possible, the articles after them,
    then the contents again with the real numbers (and the articles again in the
    rare case that changed the contents' length). An article's page count does
    not depend on where it starts: left and right pages differ only in which
    margin is the inside one.
    """
    from ._pdf_join import DEST_SCHEME, join

    widest = "8" * len(str(10 * len(chapters) + 10))
    front_pages = _render_front(collection, theme, None, widest, toc_lines, skipped, DEST_SCHEME)[1]
    for _attempt in range(3):
        parts, starts, page = [], {}, front_pages + 1
        for group in groups:
            body = "\n".join(chapters[i].markup for i in group)
            css = (
                _BUNDLE_PRINT_CSS
                + _continued_pages_css(page)
                + "\n".join(chapters[i].css for i in group if chapters[i].css)
            )
            folders = [chapters[i].folder for i in group]
            data, found, count = _render_part(
                collection, theme, body, css, folders, skipped, first_part=False
            )
            parts.append(data)
            starts.update({name: page + index for name, index in found.items()})
            page += count
        front, pages = _render_front(collection, theme, starts, widest, toc_lines, skipped, DEST_SCHEME)
        if pages == front_pages:
            return join([*front, *parts])
        front_pages = pages
    raise ExportError("pdf bundle: the contents' length did not settle")


def _render_front(
    collection: Collection,
    theme: Theme,
    starts: dict[str, int] | None,
    placeholder: str,
    lines_per_part: int,
    skipped: list[str],
    scheme: str,
) -> tuple[list[bytes], int]:
    """The cover and contents, each line's page number written in (``placeholder`` if unknown).

    Returns the parts and their page count. A long contents is laid out about
    ``lines_per_part`` lines at a time: each part but the last gives up its last
    page, and the next part starts with the first line of that page, so that
    the pages are those of one document (a line is never split between pages).
    """

    def line(m: re.Match[str]) -> str:
        name = m.group(1)
        page = str(starts.get(name, placeholder)) if starts is not None else placeholder
        return f'<a href="{scheme}:{name}" data-page="{page}">'

    lines = [re.sub(r'<a href="#(article-\d+)">', line, li) for li in _toc_lines(collection)]
    parts: list[bytes] = []
    page, first, size = 1, 0, lines_per_part
    while first < len(lines):
        end = min(len(lines), first + size)
        head = (
            _cover_html(collection) + "\n" + _toc_head(collection)
            if first == 0
            else '<nav class="toc continued"><ol>'
        )
        body = "\n".join([head, *lines[first:end], "</ol></nav>"])
        css = _BUNDLE_PRINT_CSS + _PART_TOC_CSS + ("" if first == 0 else _continued_pages_css(page))
        after: list[int] = []

        def keep(document: Any, first: int = first, end: int = end, after: list[int] = after) -> int:
            """All pages of the last part; else all but the last, whose first line starts the next part."""
            pages = document.pages
            if end == len(lines) or len(pages) < 2:
                return len(pages)
            on_last = [
                int(target.rsplit("-", 1)[1]) - 1
                for _kind, target, *_rest in pages[-1].links
                if isinstance(target, str) and target.startswith(f"{scheme}:article-")
            ]
            if on_last and min(on_last) > first:
                after.append(min(on_last))
                return len(pages) - 1
            return len(pages)

        data, _found, count = _render_part(
            collection, theme, body, css, [], skipped, first_part=first == 0, keep=keep
        )
        if end < len(lines) and not after:  # the lines did not fill a page: take more
            size *= 2
            continue
        parts.append(data)
        page += count
        first = after[0] if after else end
    if not parts:  # a book of no article: the cover alone
        data, _found, count = _render_part(
            collection, theme, _cover_html(collection), _BUNDLE_PRINT_CSS, [], skipped
        )
        parts.append(data)
        page += count
    return parts, page - 1


def _continued_pages_css(page: int) -> str:
    """A part that starts on page ``page``: its number, its side, and no cover page rules."""
    side = "right" if page % 2 else "left"
    return f"\n@page :first {{ counter-reset: page {page}; }}\nhtml {{ break-before: {side}; }}\n"


def _without_first_page_rules(css: str) -> str:
    """``css`` without its ``@page :first`` rules, which are the cover's, not a later part's first page's."""
    import tinycss2  # type: ignore[import-untyped]

    rules = tinycss2.parse_stylesheet(css)
    kept = [
        rule
        for rule in rules
        if not (
            rule.type == "at-rule"
            and rule.lower_at_keyword == "page"
            and ":first" in tinycss2.serialize(rule.prelude).replace(" ", "").lower()
        )
    ]
    return str(tinycss2.serialize(kept))


def _render_part(
    collection: Collection,
    theme: Theme,
    body: str,
    extra_css: str,
    folders: Sequence[Path | None],
    skipped: list[str],
    *,
    first_part: bool = True,
    keep: Callable[[Any], int] | None = None,
) -> tuple[bytes, dict[str, int], int]:
    """One WeasyPrint document of the book: its PDF, the page index of each ``article-N`` in it, its page count.

    ``keep`` says how many of the laid-out pages to write (default: all).
    """
    import weasyprint

    from ..exporters.html import lang_attribute
    from ..exporters.pdf import (
        _RENDER_LOCK,
        captured_logs,
        keep_footnotes_with_calls,
        mark_artifacts,
        page_css,
    )
    from ..exporters.pdf import _fonts as pdf_fonts
    from ..fetch import PolicyFetcher, ResourcePolicy, path_url
    from ._pdf_locale import hangul_words_kept, joiners_out_of_bookmarks, words_broken

    html = (
        f'<!DOCTYPE html>\n<html{lang_attribute(collection.lang)}>\n<head><meta charset="utf-8"/>'
        f"<title>{_e(collection.title)}</title></head>\n<body>\n{words_broken(hangul_words_kept(body))}\n</body></html>\n"
    )
    theme_css = page_css(theme) + theme.css("css", "print_css")
    if not first_part:
        theme_css = _without_first_page_rules(theme_css)
    # Images were checked per article; the fetcher still guards every load
    # (sizes, pixel bombs) and never reaches past these folders.
    fetcher = PolicyFetcher(ResourcePolicy.for_paths(*folders, theme.path))
    try:
        # One render at a time per process, as render_pdf: the FontConfiguration is shared and
        # captured_logs swaps the logger's state.
        with _RENDER_LOCK, captured_logs():  # links without a base are not resources: nothing to say
            fonts = pdf_fonts()  # with it, the sheet's @font-face rules count
            sheet = weasyprint.CSS(
                string=theme_css + extra_css,
                base_url=path_url(theme.path),
                url_fetcher=fetcher,
                font_config=fonts,
            )
            source = weasyprint.HTML(string=html, base_url=None, url_fetcher=fetcher)
            document = source.render(stylesheets=[sheet], font_config=fonts)
            document = keep_footnotes_with_calls(
                document, lambda extra: source.render(stylesheets=[sheet, *extra], font_config=fonts)
            )
            document.metadata.title = collection.title
            authors = {a.name for art in collection.articles for a in art.meta.authors}
            document.metadata.authors = sorted(authors)
            starts: dict[str, int] = {}
            for index, page in enumerate(document.pages):  # an article split over pages is on each
                for name in page.anchors:
                    if name.startswith("article-"):
                        starts.setdefault(name, index)
            joiners_out_of_bookmarks(document)
            count = len(document.pages) if keep is None else keep(document)
            if count < len(document.pages):
                document = document.copy(document.pages[:count])
            data = bytes(document.write_pdf(pdf_tags=True, finisher=mark_artifacts))
    except ConvertError:
        raise
    except Exception as exc:
        raise ExportError(f"pdf bundle: WeasyPrint could not render it: {exc}") from exc
    skipped.extend(fetcher.skipped)
    return data, starts, count


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
        inliner = ImageInliner(collection.folder(n - 1))
        doc = article_to_pandoc(article, for_docx=True, resolve_src=inliner, notes=collection.notes)
        title = [{"t": "Str", "c": _chapter_title(article, n)}]
        blocks.append({"t": "Header", "c": [1, [f"article-{n}", [], []], title]})
        body = [_demote(_prefix_note_ids(b, f"a{n}-")) for b in doc["blocks"]]
        lang = article.meta.language or collection.lang
        attrs = [["lang", lang]] if lang else []
        blocks.append({"t": "Div", "c": [["", ["article"], attrs], body]})
    meta = {
        "title": {"t": "MetaInlines", "c": [{"t": "Str", "c": collection.title}]},
        **({"lang": {"t": "MetaString", "c": collection.lang}} if collection.lang else {}),
        "toc-title": {"t": "MetaInlines", "c": [{"t": "Str", "c": label("Contents", collection.lang)}]},
    }
    whole = {"pandoc-api-version": doc.get("pandoc-api-version", [1, 23]), "meta": meta, "blocks": blocks}
    args = ["--reference-doc", str(reference_docx(theme)), "--toc", "--toc-depth=1"]
    data = write_from_json(whole, "docx", extra_args=args)
    return finish_docx(data, Metadata(title=collection.title, language=collection.lang))


def bundle_docx_book(collection: Collection, theme: Theme, warnings: list[str]) -> bytes:
    """:func:`bundle_docx` in :func:`book`'s shape (the DOCX book reports nothing it left out)."""
    return bundle_docx(collection, theme)


_NOTE_ID = re.compile(r"fn(ref)?-\d+")


def _prefix_note_ids(node: Any, prefix: str) -> Any:
    """End notes' anchors (``fn-1``, ``fnref-1``) and links to them, kept apart from the other articles'."""
    if isinstance(node, dict):
        return {k: _prefix_note_ids(v, prefix) for k, v in node.items()}
    if not isinstance(node, list):
        return node
    if len(node) == 3 and isinstance(node[0], str) and _NOTE_ID.fullmatch(node[0]):  # an Attr
        return [prefix + node[0], *node[1:]]
    if len(node) == 2 and isinstance(node[0], str) and _NOTE_ID.fullmatch(node[0][1:]) and node[0][:1] == "#":
        return ["#" + prefix + node[0][1:], node[1]]  # a Link's target
    return [_prefix_note_ids(v, prefix) for v in node]


def _demote(block: Any) -> Any:
    """Body headings sit under the article's Heading 1."""
    if isinstance(block, dict) and block.get("t") == "Header":
        level, attr, inlines = block["c"]
        return {"t": "Header", "c": [min(6, max(2, level + 1)), attr, inlines]}
    return block


# --------------------------------------------------------------------------
# The exporters' ``export_many``


def book(
    make: Callable[[Collection, Theme, list[str]], bytes],
    articles: Sequence[Article],
    style: Theme,
    *,
    title: str,
    subtitle: str | None,
    language: str | None,
    folders: Sequence[Path | None],
    notes: str = "foot",
    cover: Path | None = None,
) -> bytes:
    """``make`` (:func:`bundle_pdf` ...) on a :class:`Collection`; what it left out goes to :func:`warn`."""
    collection = Collection(
        title=title,
        articles=tuple(articles),
        subtitle=subtitle,
        language=language,
        folders=tuple(folders),
        notes=notes,
        cover=cover,
    )
    lines: list[str] = []
    data = make(collection, style, lines)
    for line in lines:
        warn(line)
    return data
