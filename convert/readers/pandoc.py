"""Markdown, DOCX, ODT, EPUB, RST, LaTeX and Org through pandoc's JSON AST.

pandoc parses (sandboxed, see :mod:`convert.pandoc_run`); :mod:`convert.pandoc_ast`
maps its JSON to an article. This module adds what pandoc leaves out:

- zipped formats (DOCX, ODT, EPUB) are checked against expansion limits
  from the central directory alone, before pandoc sees them: a zip bomb is
  refused with :class:`LimitError`, never extracted;
- embedded images become ``data:`` URIs read from the archive member the
  image names, so nothing is written to disk (``--extract-media`` would);
- document properties pandoc ignores: DOCX ``docProps/core.xml`` and
  ``custom.xml``, ODT ``meta.xml``, the EPUB package document (OPF);
- a lone leading level-1 heading becomes the title when the source names none;
- ``ReadOptions.provenance`` learns where each metadata field came from.
"""

from __future__ import annotations

import base64
import datetime as dt
import functools
import mimetypes
import posixpath
import re
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .. import pandoc_run
from ..base import ReadOptions
from ..dates import parse_iso, to_iso
from ..errors import InputError
from ..io import decode_text
from ..locale.reading import read_date
from ..model import (
    Article,
    Author,
    Block,
    BlockQuote,
    Figure,
    Heading,
    List,
    Metadata,
    Note,
    Paragraph,
    Table,
    plain_text,
    replace,
    walk,
)
from ..pandoc_ast import pandoc_to_article
from ._bylines import find_byline, take_lead_credit
from ._closing_bio import take_closing_bio
from ._lead_dateline import take_lead_dateline
from ._package_meta import (
    Props,
    docx_props,
    epub_props,
    looks_like_person,  # noqa: F401  (importable from here, as before)
    natural_order,  # noqa: F401
    odt_props,
    open_archive,
    read_member,
)

#: Embedded images larger than this stay as they are (a path) instead of a data: URI.
MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGES_TOTAL = 80 * 1024 * 1024
_IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
    ".bmp": "image/bmp",
    ".tif": "image/tiff",
    ".tiff": "image/tiff",
    ".emf": "image/emf",
    ".wmf": "image/wmf",
}


#: Metadata fields and the pandoc meta keys :func:`convert.pandoc_ast.meta_from_pandoc` reads them from.
_PANDOC_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title",),
    "subtitle": ("subtitle",),
    "authors": ("authors", "author"),
    "published": ("published", "date"),
    "updated": ("updated",),
    "dateline": ("dateline",),
    "publisher": ("publisher",),
    "language": ("lang", "language"),
    "description": ("description", "abstract", "subject"),
    "keywords": ("keywords",),
    "url": ("url",),
    "rights": ("rights", "copyright"),
    "identifier": ("identifier",),
}


# ==========================================================================
# Archives


def _member_for(src: str, names: list[str]) -> str | None:
    """The archive member an image ``src`` names (pandoc drops the folder it was in)."""
    if not src or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", src) or src.startswith("/"):
        return None
    path = posixpath.normpath(src.split("#")[0].split("?")[0])
    while path.startswith("../"):
        path = path[3:]
    if path in names:
        return path
    tails = [n for n in names if n.endswith("/" + path)]
    if len(tails) == 1:
        return tails[0]
    base = posixpath.basename(path)
    same = [n for n in names if posixpath.basename(n) == base]
    return same[0] if len(same) == 1 else (tails[0] if tails else None)


@dataclass
class _Embedder:
    zf: zipfile.ZipFile
    names: list[str] = field(default_factory=list)
    used: int = 0
    count: int = 0

    def data_uri(self, src: str) -> str:
        member = _member_for(src, self.names)
        if member is None:
            return src
        ext = posixpath.splitext(member)[1].lower()
        media = _IMAGE_TYPES.get(ext) or mimetypes.guess_type(member)[0]
        if not media or not media.startswith("image/"):
            return src
        room = min(MAX_IMAGE_BYTES, MAX_IMAGES_TOTAL - self.used)
        data = read_member(self.zf, member, room)
        if data is None:
            return src
        self.used += len(data)
        self.count += 1
        return f"data:{media};base64,{base64.b64encode(data).decode('ascii')}"


def map_figures(blocks: Iterable[Block], fn: Callable[[Figure], Figure]) -> tuple[Block, ...]:
    """``blocks`` with ``fn`` applied to every figure, however deep."""
    out: list[Block] = []
    for b in blocks:
        match b:
            case Figure():
                out.append(fn(b))
            case BlockQuote(body=body):
                out.append(replace(b, body=map_figures(body, fn)))
            case List(items=items):
                out.append(replace(b, items=tuple(map_figures(item, fn) for item in items)))
            case _:
                out.append(b)
    return tuple(out)


def embed_images(article: Article, zf: zipfile.ZipFile) -> tuple[Article, int]:
    """Figures pointing into the archive get ``data:`` URIs; how many were embedded."""
    emb = _Embedder(zf, [i.filename for i in zf.infolist() if not i.is_dir()])

    def fix(fig: Figure) -> Figure:
        src = emb.data_uri(fig.src)
        return fig if src == fig.src else replace(fig, src=src)

    body = map_figures(article.body, fix)
    notes = tuple(Note(n.id, n.kind, map_figures(n.body, fix)) for n in article.notes)
    return Article(article.meta, body, notes), emb.count


# ==========================================================================
# Document properties pandoc does not read


def decode_utf8(data: bytes, warnings: list[str] | None = None) -> bytes:
    """Text as UTF-8 for pandoc, which reads nothing else; other encodings are detected.

    Detection is :func:`convert.io.decode_text`'s (BOMs, UTF-16 without BOM,
    preferred legacy codecs, UTF-8 with some legacy lines).
    """
    try:
        data.decode("utf-8")
        return data.removeprefix(b"\xef\xbb\xbf")
    except UnicodeDecodeError:
        pass
    return decode_text(data, warnings).encode("utf-8")


def promote_title(article: Article) -> tuple[Article, bool]:
    """With no title, a leading level-1 heading that is the only one becomes the title."""
    body = article.body
    if article.meta.title or not body or not isinstance(body[0], Heading) or body[0].level != 1:
        return article, False
    if any(isinstance(b, Heading) and b.level == 1 for b in body[1:]):
        return article, False
    title = plain_text(body[0]).strip()
    if not title or title.endswith(":"):
        return article, False
    return Article(replace(article.meta, title=title), body[1:], article.notes), True


def drop_title_block(article: Article, title_above: bool = False) -> tuple[Article, str | None]:
    """Leading paragraphs repeating the title, subtitle, authors, publisher and date (a title page) go.

    Writers print the metadata as the first paragraphs (ODT, EPUB title pages, the header of an
    article page: a kicker naming the publisher above the headline); the model holds it in ``meta``
    once. Only runs that hold the title are taken, after a cover image at most (which stays); a
    date paragraph among them fills ``published`` when nothing else did (its source is returned).
    ``title_above``: the format took the title out of the body from the title page's own first line (a
    DOCX ``Title``-styled paragraph), so the lines under it start the body.
    """
    meta = article.meta
    body = list(article.body)
    start = 1 if body and isinstance(body[0], Figure) else 0
    if not meta.title:
        return article, None
    title = meta.title.strip()
    known = {
        title,
        (meta.subtitle or "").strip(),
        (meta.publisher or "").strip(),
        *(a.name for a in meta.authors),
    }
    by, dates, updated = _header_lines(meta)
    known |= {by, dates}
    known.discard("")
    found_date: str | None = None
    has_title = title_above
    i = start
    while i < min(len(body), start + 8) and isinstance(body[i], Paragraph | Heading):
        text = plain_text(body[i]).strip()
        date = to_iso(text) or (read_date(text, meta.language) if meta.language and len(text) < 80 else None)
        if text in known or (updated is not None and updated.fullmatch(text)):
            has_title = has_title or text == title
            i += 1
        elif date and (
            (known_date := meta.published or found_date) in (None, date)
            or (known_date or "").startswith(date)
        ):
            # a second date paragraph (another day) is the body's, not the title page's
            found_date = found_date or date
            i += 1
        else:
            break
    if not has_title:
        return article, None
    new_meta = meta if meta.published or not found_date else replace(meta, published=found_date)
    where = "a date paragraph on the title page" if new_meta is not meta else None
    return Article(new_meta, tuple(body[:start] + body[i:]), article.notes), where


def _header_lines(meta: Metadata) -> tuple[str, str, re.Pattern[str] | None]:
    """The byline, the dates line and the pattern of a dates line with an update that an article
    header prints in the article's language.

    Ours prints ``{published} · Updated {updated}``; the update time may not survive the trip (EPUB
    stores it in UTC), so that line is known by its publication date and the words around the update's
    date, with at most 40 characters of date between them: a body paragraph that only starts with the
    publication date ("June 11, 2024 · WASHINGTON — …") is no header line.
    """
    from ..locale.text import byline, display_date, label

    names = byline([a.name for a in meta.authors], meta.language) or ""
    shown = display_date(meta.published, meta.language) if meta.published else None
    if not shown:
        return names, "", None
    before, _, after = label("Updated {date}", meta.language, date="\0").partition("\0")
    updated = re.compile(f"{re.escape(shown)} · {re.escape(before)}.{{1,40}}{re.escape(after)}")
    return names, shown, updated


def caption_figures(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """A figure without caption followed by a paragraph that repeats its alt text: the caption."""
    out: list[Block] = []
    for b in blocks:
        prev = out[-1] if out else None
        if (
            isinstance(b, Paragraph)
            and isinstance(prev, Figure)
            and not prev.caption
            and prev.alt
            and plain_text(b).strip() == prev.alt.strip()
        ):
            out[-1] = replace(prev, caption=b.content)
            continue
        out.append(b)
    return tuple(out)


def _meta_set(meta: Metadata, key: str) -> bool:
    value = getattr(meta, key)
    return bool(value)


class PandocReader:
    """Shared by every format pandoc parses; subclasses name the format and its extras."""

    name: ClassVar[str] = ""
    extensions: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = ""
    #: pandoc's ``-f`` value.
    pandoc_format: ClassVar[str] = ""
    #: How provenance names pandoc's metadata in this format ("YAML front matter").
    meta_label: ClassVar[str] = "document metadata"
    zipped: ClassVar[bool] = False
    #: pandoc takes the title from a paragraph styled as one, at the top of the body.
    title_styled: ClassVar[bool] = False

    def read(self, data: bytes, options: ReadOptions) -> Article:
        zf = open_archive(data) if self.zipped else None
        # --standalone: the RST reader promotes the title and reads docinfo only then.
        source = data if zf is not None else decode_utf8(data, options.warnings)
        if not source.strip():
            raise InputError("empty file")  # as the text reader says it
        doc = pandoc_run.read_json(source, self.pandoc_format, extra_args=("--standalone",))
        article = pandoc_to_article(self.prepare(doc, zf) if zf is not None else doc)
        prov: dict[str, str] = {}
        meta_json = doc.get("meta") or {}
        for key, keys in _PANDOC_KEYS.items():
            found = next((k for k in keys if k in meta_json), None)
            if found is not None and _meta_set(article.meta, key):
                prov[key] = self.meta_where(found)
        if article.meta.dateline and "dateline" not in prov:
            prov["dateline"] = "a span marked as dateline at the start of the first paragraph"
        if any(a.bio for a in article.meta.authors):
            prov["bio"] = "'About the author' section / author-bio block"
        if zf is not None:
            article = self.merge_props(article, self.properties(zf), prov)
            article, count = embed_images(article, zf)
            if count:
                prov["images"] = f"{count} embedded image(s) from the archive, kept as data: URIs"
        meta = replace(article.meta, language=options.language) if options.language else article.meta
        article = Article(meta, caption_figures(article.body), article.notes)  # read by the given language
        title_above = self.title_styled and "title" in meta_json
        if title_above:  # the byline right under a styled title, then the rest of the title page
            article = self.take_byline(article, prov)
        article, date_where = drop_title_block(article, title_above=title_above)
        if date_where:
            prov["published"] = date_where
        article = _no_update_before(article, prov)  # published may come from the date paragraph
        article, promoted = promote_title(article)
        if promoted:
            prov["title"] = "the leading level-1 heading (no title in the metadata)"
        if not title_above:
            article = self.take_byline(article, prov)
        article = take_lead_dateline(article, prov)
        article = take_closing_bio(article, prov)
        if article.notes:
            kinds = sorted({n.kind for n in article.notes})
            prov["notes"] = f"{len(article.notes)} note(s) ({', '.join(kinds)}) from the document's footnotes"
        if options.require_text and not _has_text(article.body):
            only = "only a title" if article.meta.title else "nothing but metadata or blank paragraphs"
            raise InputError(f"no article text ({only})", hint="is this the whole article?")
        if options.provenance is not None:
            options.provenance.update(prov)
        return article

    def meta_where(self, key: str) -> str:
        return f"{self.meta_label}: {key}"

    def prepare(self, doc: Any, zf: zipfile.ZipFile) -> Any:
        """pandoc's tree of an archive before it is mapped: what the format's package says is not the article goes."""
        return doc

    def take_byline(self, article: Article, prov: dict[str, str]) -> Article:
        """A byline written in the body, read where the format has no place for one of its own."""
        return article

    def properties(self, zf: zipfile.ZipFile) -> Props:
        """Metadata the archive holds outside pandoc's reach."""
        return Props()

    def merge_props(self, article: Article, props: Props, prov: dict[str, str]) -> Article:
        """Fill the fields pandoc left empty (and those a format trusts more, see :attr:`prefer`)."""
        changes: dict[str, Any] = {}
        for key in props.stamps - props.values.keys():
            if _meta_set(article.meta, key):  # pandoc read the same stamp (EPUB dc:date as "date")
                changes[key] = None
                prov.pop(key, None)
        for key, value in props.values.items():
            if key in self.prefer or not _meta_set(article.meta, key):
                if key == "authors" and article.meta.authors and key in self.prefer:
                    value = _keep_bios(value, article.meta.authors)
                changes[key] = value
                prov[key] = props.where[key]
        return Article(replace(article.meta, **changes), article.body, article.notes) if changes else article

    #: Fields taken from :meth:`properties` even when pandoc found a value.
    prefer: ClassVar[frozenset[str]] = frozenset()


def _no_update_before(article: Article, prov: dict[str, str]) -> Article:
    """An "updated" on an earlier day than "published" is no update (a template's stamp): dropped."""
    published, updated = parse_iso(article.meta.published), parse_iso(article.meta.updated)
    if published is None or updated is None:
        return article
    day = updated.date() if isinstance(updated, dt.datetime) else updated
    if day >= (published.date() if isinstance(published, dt.datetime) else published):
        return article
    prov.pop("updated", None)
    return Article(replace(article.meta, updated=None), article.body, article.notes)


def _has_text(body: tuple[Block, ...]) -> bool:
    """Whether the body holds anything to read: text, a figure or a table."""
    return bool(plain_text(body).strip()) or any(isinstance(b, Figure | Table) for b in walk(body))


def _keep_bios(authors: tuple[Author, ...], known: tuple[Author, ...]) -> tuple[Author, ...]:
    by_name = {a.name: a for a in known}
    return tuple(by_name.get(a.name, a) for a in authors)


class MarkdownReader(PandocReader):
    name: ClassVar[str] = "markdown"
    extensions: ClassVar[tuple[str, ...]] = (".md", ".markdown")
    description: ClassVar[str] = "Markdown with YAML front matter (pandoc)"
    pandoc_format: ClassVar[str] = "markdown-auto_identifiers"
    meta_label: ClassVar[str] = "YAML front matter"

    def take_byline(self, article: Article, prov: dict[str, str]) -> Article:
        """The paragraph right under the title, when it reads as a byline and the front matter names
        no author (``By Jane Doe``, ``*Par Jean Dupont*``, ``本报记者 王小明``): off the body, into
        the authors, read as the text reader reads one (:func:`convert.readers._bylines.find_byline`,
        a byline in the article's language's words included); then the wire credit the lead opens
        with (``【ワシントン＝山田太郎】``, :func:`convert.readers._bylines.take_lead_credit`)."""

        return take_lead_credit(self._byline_paragraph(article, prov), provenance=prov)

    def _byline_paragraph(self, article: Article, prov: dict[str, str]) -> Article:
        meta, body = article.meta, article.body
        # the file's creator (core.xml dc:creator) is whoever saved it; a printed byline is the article's
        from_file = prov.get("authors", "").startswith("docProps/core.xml")
        if (
            (meta.authors and not from_file)
            or not meta.title
            or not body
            or not isinstance(body[0], Paragraph)
        ):
            return article
        line = plain_text(body[0]).strip()
        if not line or len(line) > 150 or "\n" in line:
            return article

        @functools.cache
        def language() -> str | None:
            from ..locale.language import identify

            return meta.language or identify(plain_text(body[1:8]))

        found = find_byline(line, language)
        if found is None or not found.names or found.headline_like:
            return article  # headline_like: names that are weak evidence (Von Null auf Hundert)
        published = meta.published
        if found.published and not published:
            # a date after the names (By Jane Doe, March 3, 2024), read as the text reader reads it;
            # another short part (a place: By Jane Doe, Moscow) is dropped, as the text reader does
            published = found.published
            prov["published"] = (
                f"the byline under the title: {', '.join(found.dropped)!r} ({found.published_by})"
            )
        prov["authors"] = f"the paragraph under the title: {line[:60]!r} (byline, find_byline)"
        if found.publisher and not meta.publisher:
            prov["publisher"] = "publisher named in the byline under the title"
        authors = tuple(Author(n, role=found.role) for n in found.names)
        return Article(
            replace(meta, authors=authors, publisher=meta.publisher or found.publisher, published=published),
            body[1:],
            article.notes,
        )


class RstReader(PandocReader):
    name: ClassVar[str] = "rst"
    extensions: ClassVar[tuple[str, ...]] = (".rst",)
    description: ClassVar[str] = "reStructuredText (pandoc)"
    pandoc_format: ClassVar[str] = "rst"
    meta_label: ClassVar[str] = "reStructuredText title / docinfo field"


class LatexReader(PandocReader):
    name: ClassVar[str] = "latex"
    extensions: ClassVar[tuple[str, ...]] = (".tex", ".latex")
    description: ClassVar[str] = "LaTeX (pandoc)"
    pandoc_format: ClassVar[str] = "latex"
    meta_label: ClassVar[str] = "LaTeX command"

    def meta_where(self, key: str) -> str:
        return f"{self.meta_label} \\{key}"


class OrgReader(PandocReader):
    name: ClassVar[str] = "org"
    extensions: ClassVar[tuple[str, ...]] = (".org",)
    description: ClassVar[str] = "Emacs Org mode (pandoc)"
    pandoc_format: ClassVar[str] = "org"
    meta_label: ClassVar[str] = "Org keyword"

    def meta_where(self, key: str) -> str:
        return f"{self.meta_label} #+{key.upper()}"


class DocxReader(PandocReader):
    name: ClassVar[str] = "docx"
    extensions: ClassVar[tuple[str, ...]] = (".docx",)
    description: ClassVar[str] = "Word documents (pandoc, with core and custom properties)"
    pandoc_format: ClassVar[str] = "docx+styles"
    meta_label: ClassVar[str] = "Word paragraph styled"
    zipped: ClassVar[bool] = True
    title_styled: ClassVar[bool] = True
    #: A byline paragraph under the title, as in Markdown: many documents use no Author style.
    take_byline = MarkdownReader.take_byline
    _byline_paragraph = MarkdownReader._byline_paragraph

    def meta_where(self, key: str) -> str:
        return f"{self.meta_label} {key.capitalize()} (pandoc)"

    def properties(self, zf: zipfile.ZipFile) -> Props:
        return docx_props(zf)

    def merge_props(self, article: Article, props: Props, prov: dict[str, str]) -> Article:
        # Our DOCX exporter writes the exact ISO date to custom.xml; the Date paragraph has it in words.
        if props.where.get("published", "").startswith("docProps/custom.xml") and article.meta.published:
            article = Article(replace(article.meta, published=None), article.body, article.notes)
        return super().merge_props(article, props, prov)


class OdtReader(PandocReader):
    name: ClassVar[str] = "odt"
    extensions: ClassVar[tuple[str, ...]] = (".odt",)
    description: ClassVar[str] = "OpenDocument text (pandoc, with meta.xml)"
    pandoc_format: ClassVar[str] = "odt"
    meta_label: ClassVar[str] = "ODT"
    zipped: ClassVar[bool] = True

    def properties(self, zf: zipfile.ZipFile) -> Props:
        return odt_props(zf)


class EpubReader(PandocReader):
    name: ClassVar[str] = "epub"
    extensions: ClassVar[tuple[str, ...]] = (".epub",)
    description: ClassVar[str] = "EPUB 2/3 books and articles (pandoc, with the OPF metadata)"
    pandoc_format: ClassVar[str] = "epub"
    meta_label: ClassVar[str] = "EPUB package metadata (pandoc)"
    zipped: ClassVar[bool] = True
    #: pandoc lists creators in reverse; the OPF has them in order and without other roles.
    prefer: ClassVar[frozenset[str]] = frozenset({"authors"})

    def properties(self, zf: zipfile.ZipFile) -> Props:
        return epub_props(zf)

    def prepare(self, doc: Any, zf: zipfile.ZipFile) -> Any:
        """The book's cover image and cover document go; our end-note asides become note Divs."""
        from ._epub_book import asides_as_divs, furniture, without_furniture

        if isinstance(doc, dict) and isinstance(doc.get("blocks"), list):
            doc = {**doc, "blocks": asides_as_divs(without_furniture(doc["blocks"], furniture(zf)))}
        return doc
