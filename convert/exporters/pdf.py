"""PDF through WeasyPrint: the print HTML, the theme's CSS and an ``@page`` rule from its tokens.

Batch runs render hundreds of articles in one process, so the parts that do
not depend on the article are built once: the theme's stylesheet is parsed
once per (theme, page tokens) and one ``FontConfiguration`` serves every
document. Importing this module lets WeasyPrint lay out columns with less
work (:mod:`._weasyprint_columns`: the same bytes in 50–75 % of the time
for a two-column article) and justify, measure and tag text with less
(:mod:`._weasyprint_text`). Output is deterministic: no timestamps but the
article's own dates, no random identifiers, so the same article gives the
same bytes.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import shutil
import subprocess
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, ClassVar

from ..errors import ExportError, MissingDependencyError, UsageError

try:
    import weasyprint
    from weasyprint.pdf import VARIANTS as _WEASYPRINT_VARIANTS
    from weasyprint.text.fonts import FontConfiguration
except OSError as exc:  # the package is there, its C libraries (Pango) are not
    raise MissingDependencyError(
        "the pdf exporter needs the Pango library", hint="install Pango (Debian: apt install libpango-1.0-0)"
    ) from exc

from .._gc import collector_paused
from ..base import ExportOptions, warn
from ..dates import parse_iso, w3c_date
from ..fetch import PolicyFetcher, ResourcePolicy, path_url
from ..locale.script import article_direction, char_script, script_name, scripts_in
from ..model import Article, Metadata, plain_text
from ..theme import Theme
from . import _weasyprint_columns, _weasyprint_text
from ._fonts import face_rule, slanted_italics
from ._pdf_figures import map_figures_everywhere, refused_as_text, tagged_article
from ._pdf_locale import digits_css, finisher, hangul_words_kept, joiners_out_of_bookmarks, words_broken
from ._shared import BookByBundle
from .html import FootnoteMode, render_document, script_css

__all__ = [
    "PdfExporter",
    "keep_footnotes_with_calls",
    "PdfResult",
    "mark_artifacts",
    "page_css",
    "render_pdf",
    "running_title",
    "tagged_article",
]

#: Variants we offer: PDF/A and PDF/UA. WeasyPrint's PDF/X-4 and X-5 write a random
#: document id and the clock time, which would break reproducible output.
PDF_VARIANTS = tuple(sorted(v for v in _WEASYPRINT_VARIANTS if v.startswith(("pdf/a-", "pdf/ua-"))))

_CSS_VALUE = re.compile(r"[A-Za-z0-9 .%+-]+")
_TITLE_LIMIT = 60
_CSS_CACHE_SIZE = 16

_weasyprint_columns.install()
_weasyprint_text.install()

# WeasyPrint's layout is not thread-safe with a shared FontConfiguration, and
# the log capture below swaps logger state: one render at a time per process.
_RENDER_LOCK = threading.Lock()
_font_config: FontConfiguration | None = None


@dataclass(frozen=True, slots=True)
class _Stylesheet:
    css: weasyprint.CSS
    skipped: tuple[str, ...]  # URLs the theme's CSS asked for and was refused


_css_cache: OrderedDict[tuple[str, str, str], _Stylesheet] = OrderedDict()


@dataclass(frozen=True, slots=True)
class PdfResult:
    """A rendered PDF with what went missing on the way.

    ``skipped`` lists the URLs the resource policy refused (the command line
    warns about them); ``warnings`` holds WeasyPrint's other complaints.
    """

    data: bytes
    skipped: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    #: Why the fetcher refused a URL in ``skipped`` (a non-public host, a timeout ...), when it said.
    reasons: Mapping[str, str] = field(default_factory=dict)


class PdfExporter(BookByBundle):
    book_builder: ClassVar[str] = "bundle_pdf"
    name: ClassVar[str] = "pdf"
    extension: ClassVar[str] = "pdf"
    media_type: ClassVar[str] = "application/pdf"
    description: ClassVar[str] = "a print-ready PDF (WeasyPrint): page numbers, running title, footnotes"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        result = render_pdf(article, style, options)
        hint = "" if options.allow_remote else " (remote resources are off: --allow-remote)"
        for url in result.skipped:
            shown = url if len(url) <= 100 else url[:99] + "…"
            remote = url.startswith(("http:", "https:"))
            why = f" ({result.reasons[url]})" if url in result.reasons and options.allow_remote else ""
            warn(f"pdf: skipped resource {shown}{why or (hint if remote else '')}")
        for line in missing_font_lines(article):
            warn(line)
        return result.data


def render_pdf(article: Article, theme: Theme, options: ExportOptions) -> PdfResult:
    """Render ``article`` as PDF bytes, with the URLs that were refused and any warnings."""
    variant = _variant(options.pdf_variant)
    policy = ResourcePolicy.for_paths(
        options.base_dir,
        *theme.folders,
        allow_remote=options.allow_remote,
        allowed_hosts=options.allowed_hosts,
    )
    fetcher = PolicyFetcher(policy)
    css = "\n".join(
        c
        for c in (
            _document_css(article),
            script_css(article, theme, installed=True),
            direction_css(article),
            digits_css(article),
        )
        if c
    )
    footnote_mode: FootnoteMode = "end" if options.notes == "end" else "inline"
    refused: list[str] = []
    shown = map_figures_everywhere(article, refused_as_text(policy, refused, article.meta.language))
    source = render_document(tagged_article(shown), css, footnote_mode=footnote_mode, math="svg", theme=theme)
    source = words_broken(hangul_words_kept(source))
    base_url = path_url(options.base_dir) if options.base_dir is not None else None
    with _RENDER_LOCK, captured_logs() as logs, _fixed_font_clock(article.meta), collector_paused():
        sheet = _stylesheet(theme)
        try:
            data = _weasyprint_pdf(source, base_url, fetcher, sheet, variant, article, theme, options)
        except RecursionError:
            raise
        except Exception as exc:  # WeasyPrint raises bare Python errors on layouts it cannot do
            raise ExportError(f"pdf: WeasyPrint could not render the article: {exc}") from exc
    skipped = tuple(dict.fromkeys((*refused, *sheet.skipped, *fetcher.skipped, *logs.unresolved)))
    reasons = {u: r for u in refused if (r := policy.refusal(u.strip()))} | fetcher.reasons
    return PdfResult(data=data, skipped=skipped, warnings=tuple(logs.messages), reasons=reasons)


def _weasyprint_pdf(
    source: str,
    base_url: str | None,
    fetcher: PolicyFetcher,
    sheet: _Stylesheet,
    variant: str | None,
    article: Article,
    theme: Theme,
    options: ExportOptions,
) -> bytes:
    """WeasyPrint's part of :func:`render_pdf`; its box tree is gone when this returns."""

    def render(extra: list[Any]) -> Any:
        return html.render(
            font_config=_fonts(),
            stylesheets=[sheet.css, *extra],
            pdf_variant=variant,
            presentational_hints=True,
        )

    html = weasyprint.HTML(string=source, base_url=base_url, url_fetcher=fetcher)
    document = keep_footnotes_with_calls(render([]), render)
    if options.cover_page:
        from ._cover import cover_document

        cover = cover_document(article, theme, options.cover, _fonts())
        document = document.copy([*cover.pages, *document.pages])
    _set_dates(document, article.meta)
    joiners_out_of_bookmarks(document)
    data: bytes = document.write_pdf(
        pdf_variant=variant, pdf_tags=True, finisher=finisher(article, mark_artifacts)
    )
    return data


# --------------------------------------------------------------------------
# Footnotes on the page of their call

#: At most this many extra renders to bring footnotes back to the page that calls them.
_FOOTNOTE_PASSES = 3


def keep_footnotes_with_calls(document: Any, render: Callable[[list[Any]], Any]) -> Any:
    """``document``, rendered again if WeasyPrint set a footnote on a later page than its call.

    In multi-column layout WeasyPrint 70 can settle the column height with a
    footnote area one note too short and then moves that note to the next
    page while its call stays (Kozea/WeasyPrint#1707 has the same symptom).
    The block holding such a call then starts a new column
    (``break-before: column``), as ``footnote-policy: block`` would move it,
    and ``render(extra_stylesheets)`` lays the document out again; a few
    passes at most.
    """
    breaks: set[tuple[str, int]] = set()
    for _ in range(_FOOTNOTE_PASSES):
        late = _blocks_with_late_notes(document) - breaks
        if not late:
            break
        breaks |= late
        rules = " ".join(
            f"{'#' + scope + ' ' if scope else ''}.article-body > :nth-child({i + 1}) {{ break-before: column; }}"
            for scope, i in sorted(breaks)
        )
        document = render([weasyprint.CSS(string=rules)])
    return document


def _blocks_with_late_notes(document: Any) -> set[tuple[str, int]]:
    """``(article id, position among .article-body's children)`` of blocks whose footnote went to a later page.

    The id is that of the enclosing ``<article>`` (a bundle has many), ``""`` when it has none.
    """
    from weasyprint.formatting_structure.boxes import FootnoteAreaBox

    note_page: dict[str, int] = {}
    calls: list[tuple[int, str, tuple[str, int]]] = []  # (page, note id, block)

    def walk(box: Any, page: int, scope: str, body: Any, block: int | None) -> None:
        if isinstance(box, FootnoteAreaBox):
            for child in box.children:
                if child.element is not None and child.element.get("id"):
                    note_page.setdefault(child.element.get("id"), page)
            return
        element = getattr(box, "element", None)
        if element is not None and getattr(box, "element_tag", None) == "article" and body is None:
            scope = element.get("id") or ""
        if body is not None and block is None and element is not None and element is not body:
            children = list(body)
            block = children.index(element) if element in children else None
        if element is not None and "article-body" in (element.get("class") or "").split():
            body = element
        footnote = getattr(box, "footnote", None)
        if footnote is not None and footnote.element is not None and block is not None:
            calls.append((page, str(footnote.element.get("id")), (scope, block)))
        for child in getattr(box, "children", None) or ():
            walk(child, page, scope, body, block)

    for number, page in enumerate(document.pages):
        walk(page._page_box, number, "", None, None)
    return {block for page, ident, block in calls if note_page.get(ident, page) > page}


#: Letter -> whether an installed font has it, asked of fontconfig once per process. Kept per
#: letter, not per script: one article's rare letter (a Han letter of CJK Extension B) no font
#: has must not make every later article of that script "missing".
_font_coverage: dict[str, bool] = {}
_SAMPLE_LETTERS = 3


def scripts_without_font(article: Article) -> list[str]:
    """Names of the scripts in the article's text that no installed font covers.

    WeasyPrint draws a letter no font has as an empty box and still exits
    cleanly, so the text looks complete in the PDF's text layer alone. For each
    script, a few of its letters from the text are asked of ``fc-list
    :charset=…`` (each letter once per process); a script is reported when no
    installed font has any of them. Without ``fc-list`` nothing is reported.
    """
    meta = article.meta
    text = "\n".join(
        [meta.title or "", meta.subtitle or "", *(a.name for a in meta.authors), meta.dateline or ""]
        + [plain_text(block) for block in article.body]
        + [plain_text(block) for note in article.notes for block in note.body]
    )
    missing = []
    # Which scripts, not how many letters: each distinct character once (every letter: 3 % of a render).
    distinct = set(text)
    for script in sorted(scripts_in("".join(distinct))):
        letters: list[str] = []
        for ch in text:
            if ch not in letters and char_script(ch) == script and ch.isalpha():
                letters.append(ch)
                if len(letters) == _SAMPLE_LETTERS:
                    break
        if not letters:
            continue
        if any(_font_coverage.get(ch) for ch in distinct if char_script(ch) == script):
            continue  # a letter of it an earlier article drew: fontconfig need not be asked again
        unknown = [ch for ch in letters if ch not in _font_coverage]
        if unknown and _fonts_cover(unknown):  # one font has them all: one question answers each
            _font_coverage.update(dict.fromkeys(unknown, True))
        for ch in unknown:
            if ch not in _font_coverage:
                _font_coverage[ch] = _fonts_cover([ch])
        if not any(_font_coverage[ch] for ch in letters):
            missing.append(script_name(script))
    return missing


def missing_font_lines(article: Article) -> list[str]:
    """One warning line per script of the article that no installed font covers."""
    return [
        f"pdf: no installed font has {name} letters; they are missing from the PDF"
        " (install Noto fonts: scripts/system-deps.sh)"
        for name in scripts_without_font(article)
    ]


def _fonts_cover(letters: list[str]) -> bool:
    fc_list = shutil.which("fc-list")
    if fc_list is None or not letters:
        return True
    charset = " ".join(f"{ord(ch):x}" for ch in letters)
    try:
        found = subprocess.run(
            [fc_list, f":charset={charset}", "family"],
            capture_output=True,
            text=True,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return True
    return found.returncode != 0 or bool(found.stdout.strip())


# --------------------------------------------------------------------------
# Tagging: what the structure tree needs that the HTML does not say


def mark_artifacts(document: Any, pdf: Any) -> None:
    """Mark decoration and pagination as artifacts, so all other content is in the structure tree.

    WeasyPrint tags every ``<img>`` as a Figure, with no ``/Alt`` when the alt
    text is empty (PDF/UA forbids that; an image with neither alt text nor
    caption is decoration), and gives the running title and page numbers of
    the margin boxes elements it leaves out of the tree (pagination, an
    artifact in PDF/UA's terms). Both become ``/Artifact`` marked content and
    leave the parent tree. Runs as WeasyPrint's ``finisher`` on the PDF objects
    before they are written; a structure it does not recognise is left as it is.
    """
    by_ref: dict[bytes, Any] = {obj.reference: obj for obj in pdf.objects if hasattr(obj, "reference")}
    elements: list[Any] = [o for o in pdf.objects if isinstance(o, dict) and o.get("Type") == "/StructElem"]
    root = by_ref.get(pdf.catalog.get("StructTreeRoot"))
    parent_tree = by_ref.get(root.get("ParentTree")) if root is not None else None
    nums = parent_tree.get("Nums") if parent_tree is not None else None
    if root is None or nums is None:
        return
    for figure in (e for e in elements if e.get("S") == "/Figure" and "Alt" not in e):
        parent = by_ref.get(figure.get("P"))
        if parent is not None:
            parent["K"] = type(parent["K"])(k for k in parent["K"] if k != figure.reference)
    reachable: set[bytes] = set()
    stack = [k for k in root.get("K", ()) if isinstance(k, bytes)]
    while stack:
        ref = stack.pop()
        if ref in reachable or (node := by_ref.get(ref)) is None:
            continue
        reachable.add(ref)
        stack += [k for k in node.get("K", ()) if isinstance(k, bytes)]
    pages = list(pdf.page_references)
    orphans: dict[bytes, set[int]] = {}
    for element in elements:
        if element.reference not in reachable and element.get("Pg") in pages:
            orphans.setdefault(element["Pg"], set()).update(k for k in element["K"] if isinstance(k, int))
    for page_ref, mcids in orphans.items():
        page = by_ref.get(page_ref)
        contents = by_ref.get(page.get("Contents")) if page is not None else None
        if contents is None or not mcids:
            continue
        # "/Tag <<… /MCID n>> BDC" becomes "/Artifact BMC"; list.index finds each BDC among thousands.
        ops, kept, start = contents.stream, [], 0
        while True:
            try:
                end = ops.index(b"BDC", start)
            except ValueError:
                break
            i = end - 2
            if (
                i >= start
                and isinstance(ops[i], str)
                and ops[i].startswith("/")
                and isinstance(ops[i + 1], dict)
                and ops[i + 1].get("MCID") in mcids
            ):
                kept += ops[start:i]
                kept += ["/Artifact", b"BMC"]
            else:
                kept += ops[start : end + 1]
            start = end + 1
        kept += ops[start:]
        contents.stream = kept
        mapping = nums[2 * pages.index(page_ref) + 1]
        for n, ref in enumerate(mapping):
            if ref not in reachable and isinstance(ref, bytes):
                mapping[n] = "null"


def _variant(name: str | None) -> str | None:
    if name is None:
        return None
    key = name.strip().lower()
    if key not in PDF_VARIANTS:
        raise UsageError(f"unknown PDF variant {name!r}", hint=f"choose from: {', '.join(PDF_VARIANTS)}")
    return key


def _fonts() -> FontConfiguration:
    """The process's font configuration, made with the slanted faces declared italics
    (:func:`~._fonts.slanted_italics`): every document sees the same fonts, whatever ran before."""
    global _font_config
    if _font_config is None:
        config = FontConfiguration()
        if faces := slanted_italics():
            css = "\n".join(face_rule(face) for face in faces)
            files = PolicyFetcher(ResourcePolicy.for_paths(*(face.path for face in faces)))
            weasyprint.CSS(string=css, url_fetcher=files, font_config=config)
        _font_config = config
    return _font_config


def _stylesheet(theme: Theme) -> _Stylesheet:
    """The theme's parsed CSS, built once per theme content and page tokens."""
    page = page_css(theme)
    key = (theme.fingerprint, str(theme.path), page)
    cached = _css_cache.get(key)
    if cached is not None:
        _css_cache.move_to_end(key)
        return cached
    # A theme's own resources (fonts, images) come from its folder, never the network.
    fetcher = PolicyFetcher(ResourcePolicy.for_paths(*theme.folders))
    text = page + "\n" + theme.css("css", "print_css")
    css = weasyprint.CSS(
        string=text, base_url=path_url(theme.path), url_fetcher=fetcher, font_config=_fonts()
    )
    sheet = _Stylesheet(css=css, skipped=tuple(fetcher.skipped))
    _css_cache[key] = sheet
    if len(_css_cache) > _CSS_CACHE_SIZE:
        _css_cache.popitem(last=False)
    return sheet


def page_css(theme: Theme) -> str:
    """The ``@page`` rules from ``[page]``: size, and margins with inside/outside mirrored.

    The first page is a right-hand page, so its inside margin is on the left.
    """
    size = _token(theme, "size", "A4")
    top = _token(theme, "margin_top", "20mm")
    bottom = _token(theme, "margin_bottom", "20mm")
    inside = _token(theme, "margin_inside", "20mm")
    outside = _token(theme, "margin_outside", "20mm")
    return (
        f"@page {{ size: {size}; margin: {top} {outside} {bottom} {inside}; }}\n"
        f"@page :left {{ margin-left: {outside}; margin-right: {inside}; }}\n"
        f"@page :right {{ margin-left: {inside}; margin-right: {outside}; }}\n"
    )


def _token(theme: Theme, key: str, default: str) -> str:
    value = str(theme.token("page", key, default)).strip()
    if not _CSS_VALUE.fullmatch(value):
        raise UsageError(f"theme {theme.name!r}: [page] {key} = {value!r} is not a CSS length or page size")
    return value


def running_title(title: str, limit: int = _TITLE_LIMIT) -> str:
    """``title`` cut at a word boundary to fit the top margin, with an ellipsis when cut."""
    title = " ".join(title.split())
    if len(title) <= limit:
        return title
    cut = title[: limit - 1]
    if " " in cut:
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:.–—-") + "…"


def _document_css(article: Article) -> str:
    """The one per-article rule: the shortened title for the running head."""
    if not article.meta.title:
        return ""
    return f"h1.title {{ string-set: running-title {_css_string(running_title(article.meta.title))}; }}"


def direction_css(article: Article, scope: str = "html:root") -> str:
    """Right to left: no column rule, which WeasyPrint (70) draws left of every column after the
    first, as if columns always ran left to right: in a right-to-left page that is the page's edge."""
    if article_direction(article) != "rtl":
        return ""
    return f"{scope} .article-body {{ column-rule-style: none; }}"


def _css_string(text: str) -> str:
    escaped = "".join(
        "\\" + ch if ch in '"\\' else (" " if ch.isspace() else ch)
        for ch in text
        if ch.isprintable() or ch.isspace()
    )
    return f'"{escaped}"'


def _set_dates(document: Any, meta: Metadata) -> None:
    """Creation and modification dates from the article, never the clock (reproducible bytes).

    WeasyPrint reads ``dcterms.created``, but only as a W3C date: a time with
    no zone is rejected, so such a value is reduced to its date here.
    """
    created = w3c_date(meta.published)
    modified = w3c_date(meta.updated) or created
    document.metadata.created = created
    document.metadata.modified = modified


@contextmanager
def _fixed_font_clock(meta: Metadata) -> Iterator[None]:
    """Pin the clock fontTools stamps into subset fonts, so the bytes do not change by the second.

    Without HarfBuzz-subset, WeasyPrint subsets fonts with fontTools, which
    writes "now" into each font's ``head.modified`` unless ``SOURCE_DATE_EPOCH``
    is set. A value the user set is kept; otherwise the article's date is used
    for the duration of the render (under the render lock).
    """
    if "SOURCE_DATE_EPOCH" in os.environ:
        yield
        return
    os.environ["SOURCE_DATE_EPOCH"] = str(_epoch(meta.updated) or _epoch(meta.published) or 0)
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def _epoch(value: str | None) -> int | None:
    parsed = parse_iso(value)
    if isinstance(parsed, dt.datetime):
        moment = parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)
        return max(0, int(moment.timestamp()))
    if isinstance(parsed, dt.date):
        return max(0, int(dt.datetime(parsed.year, parsed.month, parsed.day, tzinfo=dt.UTC).timestamp()))
    return None


_NO_BASE = "Relative URI reference without a base URI: "


class _Collector(logging.Handler):
    """WeasyPrint's warnings, sorted into unresolvable URLs and other messages."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []
        #: Relative references in an article read from bytes (no folder to resolve them in).
        self.unresolved: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith(_NO_BASE):
            self.unresolved.append(message.removeprefix(_NO_BASE))
            return
        # Refusals are reported through PdfResult.skipped; the bad dcterms dates
        # are repaired by _set_dates.
        if "ResourceRefused" in message or message.startswith("Invalid date in <meta"):
            return
        if message not in self.messages:
            self.messages.append(message)


@contextmanager
def captured_logs() -> Iterator[_Collector]:
    """Collect WeasyPrint's log warnings instead of letting them reach the application's logs."""
    logger = logging.getLogger("weasyprint")
    collector = _Collector()
    propagate = logger.propagate
    logger.addHandler(collector)
    logger.propagate = False
    try:
        yield collector
    finally:
        logger.removeHandler(collector)
        logger.propagate = propagate
