"""Semantic HTML5: the base of the PDF and EPUB exporters.

``<article>`` holds a ``<header>`` (title, subtitle, byline, ``<time>``),
the body, referenced footnotes in an ``<aside>`` (or inline, for print) and a
``<footer>`` with end notes and the author bio. The same markup is emitted
as HTML or, for EPUB, as well-formed XHTML.

The ``html`` format is a standalone page: it must not point at files on the
machine that wrote it, nor break when saved in another folder. So before
rendering, each figure's image goes through :class:`convert.fetch.ImageLoader`
(the PDF exporter's resource policy): ``data:`` images that check out are
kept, image files in the input's folder (``options.base_dir``) and below are
inlined as ``data:`` URIs, remote images are kept as links only with
``options.allow_remote`` (the browser fetches them; they are not fetched or
checked here), and every other image is replaced by its alt text and caption,
with a line given to ``base.warn``. The :class:`Renderer` itself writes
``src`` as given: the PDF exporter hands those URLs to its own fetcher.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import SequenceMatcher
from html import escape
from typing import TYPE_CHECKING, ClassVar, Literal, TypedDict, assert_never

from ..base import ExportOptions, warn
from ..errors import ExportError
from ..locale.script import article_direction
from ..locale.text import byline, display_date_parts, label, note_label, plural_label, printed_marks
from ..model import (
    Article,
    Block,
    BlockQuote,
    Code,
    CodeBlock,
    Emph,
    Figure,
    Heading,
    Inline,
    LineBreak,
    Link,
    List,
    Math,
    NoteRef,
    Paragraph,
    Quote,
    Rule,
    Strong,
    Table,
    Text,
    plain_text,
    replace,
)
from ..theme import Theme
from ._code import DEFAULT_STYLE as DEFAULT_CODE_STYLE
from ._code import highlight
from ._code import stylesheet as code_token_css
from ._html_head import _is_remote, head_meta, page_meta
from ._math import MathError, mathml, svg_img
from ._script_css import script_css as script_css
from ._shared import bios, end_notes, footnotes
from ._tables import table_width_class

if TYPE_CHECKING:
    from ..fetch import ImageLoader

FootnoteMode = Literal["end", "inline"]
#: How formulas are written: MathML (browsers, EPUB reading systems) or an SVG drawing (WeasyPrint).
MathMode = Literal["mathml", "svg"]
_CONTROL_RE = re.compile("[\x00-\x1f\x7f-\x9f]")


def _e(text: str) -> str:
    return escape(text, quote=True)


@dataclass
class Renderer:
    """Turns one article into markup; holds per-document state (note numbers).

    ``footnotes="inline"`` puts each footnote's text at its reference inside
    ``<span class="footnote">`` for WeasyPrint's ``float: footnote``;
    ``"end"`` lists them in an ``<aside>`` after the body. ``xhtml`` closes
    void elements and adds ``epub:type`` semantics for EPUB. ``math`` says
    how formulas are written (see :mod:`._math`); ``code_style`` and
    ``code_background`` choose the Pygments colours of code blocks (see
    :mod:`._code`). ``notes="end"`` makes EPUB footnotes end notes
    (``epub:type="endnote"``) rather than pop-ups.
    """

    article: Article
    footnote_mode: FootnoteMode = "end"
    xhtml: bool = False
    math: MathMode = "mathml"
    code_style: str = DEFAULT_CODE_STYLE
    code_background: str = ""
    notes: str = "foot"
    #: Token classes instead of inline colours (EPUB; see :func:`code_stylesheet`).
    code_classes: bool = False

    def __post_init__(self) -> None:
        self.lang = self.article.meta.language or "en"
        self.dir = article_direction(self.article)
        self.refs = {n.id: i for i, n in enumerate(footnotes(self.article), 1)}
        self.notes_by_id = {n.id: n for n in self.article.notes}

    # -- inlines ----------------------------------------------------------

    def inlines(self, nodes: tuple[object, ...], depth: int = 0, in_link: bool = False) -> str:
        return "".join(self.inline(n, depth, in_link) for n in nodes)

    def inline(self, node: object, depth: int = 0, in_link: bool = False) -> str:
        """Markup for one inline; ``depth`` is the quotation depth.

        ``in_link`` is set inside a link: HTML forbids ``<a>`` in ``<a>``
        (epubcheck RSC-005), so an inner link or note reference keeps its
        content but not its own ``<a>``.
        """
        match node:
            case Text(text=t):
                return _e(t)
            case Emph(content=c):
                return f"<em>{self.inlines(c, depth, in_link)}</em>"
            case Strong(content=c):
                return f"<strong>{self.inlines(c, depth, in_link)}</strong>"
            case Code(text=t):
                if self.dir == "rtl":  # code reads left to right, isolated from the text around it
                    return f'<bdi dir="ltr"><code>{_e(t)}</code></bdi>'
                return f"<code>{_e(t)}</code>"
            case LineBreak():
                return "<br/>" if self.xhtml else "<br>"
            case Link(content=c, url=url, title=title):
                if in_link:
                    return self.inlines(c, depth, in_link)
                t = f' title="{_e(title)}"' if title else ""
                return f'<a href="{_e(url)}"{t}>{self.inlines(c, depth, True)}</a>'
            case Quote(content=c, speaker=speaker, marks=marks):
                open_, close = printed_marks(marks, self.lang, depth)
                cls = "quote speech" if speaker else "quote"
                who = f' data-speaker="{_e(speaker)}" title="{_e(speaker)}"' if speaker else ""
                inner = self.inlines(c, depth + 1, in_link)
                return f'<span class="{cls}"{who}>{_e(open_)}{inner}{_e(close)}</span>'
            case NoteRef(id=nid):
                return self.note_ref(nid, in_link)
            case Math(tex=tex, display=display):
                return self.formula(tex, display)
        raise ExportError(f"html: cannot write inline node {type(node).__name__}")

    def formula(self, tex: str, display: bool) -> str:
        """A formula drawn (MathML or SVG); TeX the converters cannot read stays as code, with a warning."""
        try:
            if self.math == "svg":
                return svg_img(tex, display, _e(tex))
            return mathml(tex, display)
        except MathError as exc:
            where = "pdf" if self.math == "svg" else "epub" if self.xhtml else "html"
            warn(f"{where}: {exc}; kept as TeX")
            return f'<code class="math tex">{_e(tex)}</code>'

    def note_ref(self, nid: str, in_link: bool = False) -> str:
        num = self.refs.get(nid)
        note = self.notes_by_id.get(nid)
        if num is None or note is None:
            return ""
        if self.footnote_mode == "inline":
            body = " ".join(self.blocks_inline_text(note.body, in_link))
            return f'<span class="footnote" id="fn-{num}">{body}</span>'
        if in_link:  # the number without its own link; the note's back link still finds it
            return f'<sup class="noteref" id="fnref-{num}">{num}</sup>'
        etype = ' epub:type="noteref" role="doc-noteref"' if self.xhtml else ' role="doc-noteref"'
        return f'<a class="noteref" href="#fn-{num}" id="fnref-{num}"{etype}><sup>{num}</sup></a>'

    def blocks_inline_text(self, blocks: tuple[object, ...], in_link: bool = False) -> list[str]:
        """Note bodies flattened to inline markup (a footnote lives in a span)."""
        out = []
        for block in blocks:
            match block:
                case Paragraph(content=c) | Heading(content=c):
                    out.append(self.inlines(c, 0, in_link))
                case _:
                    from ..model import plain_text

                    out.append(_e(plain_text(block)))
        return out

    # -- blocks -----------------------------------------------------------

    def blocks(self, nodes: tuple[object, ...]) -> str:
        return "\n".join(self.block(b) for b in nodes)

    def block(self, node: object, lead: str = "") -> str:
        match node:
            case Paragraph(content=c):
                # A displayed formula alone in its paragraph (pandoc's shape) is set as an equation.
                if not lead and all(isinstance(n, Math) and n.display for n in c) and c:
                    return f'<p class="equation">{self.inlines(c)}</p>'
                return f"<p>{lead}{self.inlines(c)}</p>"
            case Heading(level=level, content=c, id=hid):
                # h1 is the article's title; body headings start at h2.
                lvl = min(6, max(2, level))
                attr = f' id="{_e(hid)}"' if hid else ""
                return f"<h{lvl}{attr}>{self.inlines(c)}</h{lvl}>"
            case BlockQuote(body=b, attribution=a):
                cite = f'\n<footer class="attribution">— {self.inlines(a)}</footer>' if a else ""
                return f"<blockquote>\n{self.blocks(b)}{cite}\n</blockquote>"
            case List(items=items, ordered=ordered, start=start):
                tag = "ol" if ordered else "ul"
                st = f' start="{start}"' if ordered and start != 1 else ""
                lis = "\n".join(f"<li>{self.list_item(i)}</li>" for i in items)
                return f"<{tag}{st}>\n{lis}\n</{tag}>"
            case Figure(src=src, alt=alt, caption=cap, credit=credit):
                parts = [f'<img src="{_e(src)}" alt="{_e(alt)}"{"/" if self.xhtml else ""}>']
                if cap or credit:
                    text = self.inlines(cap)
                    if credit:
                        text += f' <span class="credit">{_e(credit)}</span>'
                    parts.append(f"<figcaption>{text}</figcaption>")
                return '<figure class="figure">' + "".join(parts) + "</figure>"
            case Table(head=head, rows=rows, caption=cap):
                out = [f'<div class="table-wrap {table_width_class(node)}">', "<table>"]
                if cap:
                    out.append(f"<caption>{self.inlines(cap)}</caption>")
                if head:
                    out.append("<thead>")
                    out += [
                        "<tr>" + "".join(f"<th>{self.inlines(c)}</th>" for c in r) + "</tr>" for r in head
                    ]
                    out.append("</thead>")
                out.append("<tbody>")
                out += ["<tr>" + "".join(f"<td>{self.inlines(c)}</td>" for c in r) + "</tr>" for r in rows]
                out.append("</tbody></table></div>")
                return "\n".join(out)
            case CodeBlock(text=t, language=lang):
                cls = f' class="language-{_e(lang)}"' if lang else ""
                coloured = highlight(
                    t, lang, style=self.code_style, background=self.code_background, classes=self.code_classes
                )
                return f"<pre><code{cls}>{coloured if coloured is not None else _e(t)}</code></pre>"
            case Rule():
                return '<hr class="section-break"/>' if self.xhtml else '<hr class="section-break">'
        raise ExportError(f"html: cannot write block node {type(node).__name__}")

    def list_item(self, blocks: tuple[object, ...]) -> str:
        # A single paragraph item is written tight, without <p>.
        if len(blocks) == 1 and isinstance(blocks[0], Paragraph):
            return self.inlines(blocks[0].content)
        return self.blocks(blocks)

    # -- the article --------------------------------------------------------

    def header(self) -> str:
        m = self.article.meta
        out = ['<header class="article-header">']
        if m.publisher:
            out.append(f'<p class="kicker">{_e(m.publisher)}</p>')
        if m.title:
            out.append(f'<h1 class="title">{_e(m.title)}</h1>')
        if m.subtitle:
            out.append(f'<p class="subtitle">{_e(m.subtitle)}</p>')
        if m.authors:
            out.append(f'<p class="byline">{self.byline()}</p>')
        dates = []
        if m.published:
            shown = self.shown_date(m.published)
            dates.append(f'<time class="published" datetime="{_e(m.published)}">{shown}</time>')
        if m.updated:
            shown = self.shown_date(m.updated)
            time = f'<time datetime="{_e(m.updated)}">{shown}</time>'
            updated = _e(label("Updated {date}", self.lang, date="\0")).replace("\0", time)
            dates.append(f'<span class="updated">{updated}</span>')
        if dates:
            out.append('<p class="dates">' + " · ".join(dates) + "</p>")
        if m.description and not self.article.body:
            out.append(f'<p class="description">{_e(m.description)}</p>')
        out.append("</header>")
        return "\n".join(out)

    def shown_date(self, iso: str) -> str:
        return date_markup(iso, self.lang, self.dir == "rtl")

    def byline(self) -> str:
        """The translated byline, each name in its ``span.author``."""
        # Placeholders go through the list pattern and the label, then become the marked-up names.
        names = [a.name for a in self.article.meta.authors]
        text = _e(byline([f"\0{i}\0" for i in range(len(names))], self.lang) or "")
        tag = "bdi" if self.dir == "rtl" else "span"  # a Latin name in Arabic text stays whole
        for i, name in enumerate(names):
            text = text.replace(f"\0{i}\0", f'<{tag} class="author">{_e(name)}</{tag}>')
        return text

    def body(self) -> str:
        body = self.article.body
        dateline = self.article.meta.dateline
        out = []
        for i, block in enumerate(body):
            lead = ""
            if i == 0 and dateline and isinstance(block, Paragraph):
                lead = f'<span class="dateline">{_e(dateline)}</span> {_e(self.article.meta.dateline_dash or "–")} '
            out.append(self.block(block, lead))
        if dateline and not (body and isinstance(body[0], Paragraph)):
            out.insert(0, f'<p class="dateline-only"><span class="dateline">{_e(dateline)}</span></p>')
        return '<div class="article-body">\n' + "\n".join(out) + "\n</div>"

    def footnote_list(self) -> str:
        if self.footnote_mode == "inline" or not self.refs:
            return ""
        items = []
        for nid, num in self.refs.items():
            note = self.notes_by_id[nid]
            back = f' <a class="backref" href="#fnref-{num}">↩</a>'
            text = " ".join(self.blocks_inline_text(note.body))
            if self.xhtml and self.notes == "end":
                items.append(f'<li id="fn-{num}" epub:type="endnote"><p>{text}{back}</p></li>')
            elif self.xhtml:
                # A pop-up note in reading systems that have them. epub:type="footnote" wants
                # role="doc-footnote", which a list item may not take.
                items.append(
                    f'<li><aside id="fn-{num}" epub:type="footnote" role="doc-footnote">'
                    f"<p>{text}{back}</p></aside></li>"
                )
            else:
                items.append(f'<li id="fn-{num}"><p>{text}{back}</p></li>')
        if self.xhtml and self.notes == "end":
            return (
                '<section class="footnotes" epub:type="endnotes" role="doc-endnotes">\n<ol>\n'
                + "\n".join(items)
                + "\n</ol>\n</section>"
            )
        etype = ' epub:type="footnotes"' if self.xhtml else ""
        return f'<aside class="footnotes"{etype}>\n<ol>\n' + "\n".join(items) + "\n</ol>\n</aside>"

    def footer(self) -> str:
        parts = []
        for note in end_notes(self.article):
            name = note_label(note.kind, self.lang)
            parts.append(
                f'<aside class="note note-{_e(note.kind)}" aria-label="{_e(name)}">\n'
                f"{self.blocks(note.body)}\n</aside>"
            )
        for bio in bios(self.article):
            about = plural_label("About the author", "About the authors", 1, self.lang)
            parts.append(f'<section class="bio" aria-label="{_e(about)}"><p>{_e(bio)}</p></section>')
        if self.article.meta.rights:
            parts.append(f'<p class="rights">{_e(self.article.meta.rights)}</p>')
        if not parts:
            return ""
        return '<footer class="article-footer">\n' + "\n".join(parts) + "\n</footer>"

    def article_element(self) -> str:
        parts = [self.header(), self.body(), self.footnote_list(), self.footer()]
        return (
            f'<article class="article"{lang_attribute(self.article.meta.language)}{dir_attr(self.dir)}>\n'
            + "\n".join(p for p in parts if p)
            + "\n</article>"
        )


def date_markup(iso: str, tag: str | None, rtl: bool) -> str:
    """The displayed date, escaped; on a right-to-left page a time and zone written left to
    right (``4:20 PM GMT +05:00`` in Urdu) is isolated as names are, so its parts keep their order."""
    parts = display_date_parts(iso, tag)
    if parts is None:
        return _e(iso)
    return "".join(
        f'<bdi dir="ltr">{_e(text)}</bdi>' if clock and rtl and left_to_right(text) else _e(text)
        for text, clock in parts
    )


def left_to_right(text: str) -> bool:
    """Whether ``text`` has no right-to-left letter (UAX #9 classes R and AL): digits and Latin only."""
    return not any(unicodedata.bidirectional(ch) in ("R", "AL") for ch in text)


def dir_attr(value: str) -> str:
    """`` dir="rtl"`` for right-to-left text; nothing for left to right, the default."""
    return ' dir="rtl"' if value == "rtl" else ""


class CodeColours(TypedDict, total=False):
    """The :class:`Renderer` arguments for code blocks."""

    code_style: str
    code_background: str


def code_colours(theme: Theme | None) -> CodeColours:
    """The :class:`Renderer` arguments for code blocks from the theme's tokens (see :mod:`._code`)."""
    if theme is None:
        return {}
    name = theme.token("code", "pygments", DEFAULT_CODE_STYLE)
    background = theme.token("colors", "quote_bg", "")
    return {
        "code_style": name if isinstance(name, str) else DEFAULT_CODE_STYLE,
        "code_background": background if isinstance(background, str) else "",
    }


def code_stylesheet(theme: Theme | None, articles: Iterable[Article]) -> str:
    """The rules for the token classes ``render_xhtml_article`` writes; empty without code blocks."""
    from ..model import walk

    if not any(isinstance(n, CodeBlock) and n.language for a in articles for n in walk(a.body)):
        return ""
    colours = code_colours(theme)
    return code_token_css(
        "pre",
        style=colours.get("code_style", DEFAULT_CODE_STYLE),
        background=colours.get("code_background", ""),
    )


def render_document(
    article: Article,
    css: str = "",
    *,
    footnote_mode: FootnoteMode = "end",
    link_css: str | None = None,
    math: MathMode = "mathml",
    theme: Theme | None = None,
) -> str:
    """A whole HTML5 document; ``css`` inlined in ``<style>``."""
    r = Renderer(article, footnote_mode=footnote_mode, math=math, **code_colours(theme))
    head = [
        '<meta charset="utf-8"/>',
        '<meta name="viewport" content="width=device-width, initial-scale=1"/>',
    ]
    head += head_meta(article)
    head += page_meta(article)
    if link_css:
        head.append(f'<link rel="stylesheet" href="{_e(link_css)}"/>')
    if css:
        head.append(f"<style>\n{css}\n</style>")
    return (
        f"<!DOCTYPE html>\n<html{lang_attribute(article.meta.language)}{dir_attr(r.dir)}>\n<head>\n"
        + "\n".join(head)
        + "\n</head>\n<body>\n"
        + r.article_element()
        + "\n</body>\n</html>\n"
    )


def lang_attribute(language: str | None) -> str:
    """`` lang="…"``, or nothing when the language is unknown (never a default such as ``en``)."""
    return f' lang="{_e(language)}"' if language else ""


def render_xhtml_article(article: Article, theme: Theme | None = None, notes: str = "foot") -> str:
    """The ``<article>`` element as XHTML, for EPUB chapters (``notes="end"``: end notes, not pop-ups)."""
    renderer = Renderer(
        article, footnote_mode="end", xhtml=True, notes=notes, code_classes=True, **code_colours(theme)
    )
    return renderer.article_element()


# --------------------------------------------------------------------------
# Figures on a standalone page


def figure_as_text(
    alt: str, caption: tuple[Inline, ...], credit: str | None, language: str | None = None
) -> tuple[Block, ...]:
    """What is left of an image not shown: its alt text (unless it says the caption's words), caption, credit."""
    parts: list[Inline] = []
    if alt.strip() and not (caption and _same_words(alt, plain_text(caption))):
        parts.append(Emph((Text(label("[Image: {alt}]", language, alt=alt.strip())),)))
    if caption:
        parts += [Text(" ")] * bool(parts) + list(caption)
    if credit:
        parts += [Text(" ")] * bool(parts) + [Text(credit)]
    return (Paragraph(tuple(parts)),) if parts else ()


def _same_words(alt: str, caption: str) -> bool:
    """An alt text saying a caption's words, case folded, give or take a typo (difflib's 0.9, as the reader's)."""
    a, b = (" ".join(re.findall(r"\w+", t.casefold())) for t in (alt, caption))
    typo = min(len(a), len(b)) >= 20 and SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.9
    return a == b or typo and re.findall(r"\d+", a) == re.findall(r"\d+", b)  # 2023 is no typo for 2024


FigureMap = Callable[[Figure], tuple[Block, ...]]


def map_figures(blocks: tuple[Block, ...], fn: FigureMap) -> tuple[Block, ...]:
    """``blocks`` with every figure (in quotes and lists too) replaced by ``fn(figure)``."""
    out: list[Block] = []
    for block in blocks:
        match block:
            case Figure():
                out += fn(block)
            case BlockQuote(body=body):
                out.append(replace(block, body=map_figures(body, fn)))
            case List(items=items):
                out.append(replace(block, items=tuple(map_figures(item, fn) for item in items)))
            case Paragraph() | Heading() | Table() | CodeBlock() | Rule():
                out.append(block)
            case _:
                assert_never(block)
    return tuple(out)


@dataclass
class PageImages:
    """Decides each figure's ``src`` on a standalone page (see the module docstring)."""

    loader: ImageLoader
    #: ``(src, reason)`` of every image left out.
    skipped: list[tuple[str, str]]
    #: The article's language, for the label of an image left out.
    language: str | None = None

    def figure(self, node: Figure) -> tuple[Block, ...]:
        src = node.src.strip()
        if _is_remote(src):
            reason = self.loader.refusal(src)  # allowed: kept as a link the browser follows, not fetched here
            if reason is None:
                return (node,)
        else:
            image = self.loader.load(src)
            if not isinstance(image, str):
                return (replace(node, src=src if src[:5].lower() == "data:" else image.data_uri()),)
            reason = image
        self.skipped.append((node.src, reason))
        return figure_as_text(node.alt, node.caption, node.credit, self.language)

    def article(self, article: Article) -> Article:
        """Body and end notes mapped; footnotes are written as text, so their images never show."""
        referenced = {n.id for n in footnotes(article)}
        notes = tuple(
            n if n.id in referenced else replace(n, body=map_figures(n.body, self.figure))
            for n in article.notes
        )
        return Article(article.meta, map_figures(article.body, self.figure), notes)


def has_figures(article: Article) -> bool:
    """Whether any block of the body or the notes is a figure (only then is the image policy loaded)."""
    from ..model import walk

    blocks = (*article.body, *(block for note in article.notes for block in note.body))
    return any(isinstance(node, Figure) for node in walk(blocks))


def standalone_article(
    article: Article, options: ExportOptions, skipped: list[tuple[str, str]] | None = None
) -> Article:
    """``article`` with every figure fit for a page that stands alone (see the module docstring)."""
    if not has_figures(article):
        return article
    from ..fetch import ImageLoader  # only when there are images

    loader = ImageLoader.for_input(
        options.base_dir, allow_remote=options.allow_remote, allowed_hosts=options.allowed_hosts
    )
    images = PageImages(loader, skipped if skipped is not None else [], article.meta.language)
    return images.article(article)


def skipped_image_lines(prefix: str, skipped: list[tuple[str, str]]) -> list[str]:
    """One warning line per image left out: ``PREFIX: skipped image SRC (REASON)``."""
    lines = []
    for src, why in skipped:
        shown = _CONTROL_RE.sub("", src.strip()) or "(empty source)"
        shown = shown if len(shown) <= 100 else shown[:99] + "…"
        lines.append(f"{prefix}: skipped image {shown} ({why})")
    return lines


class HtmlExporter:
    name: ClassVar[str] = "html"
    extension: ClassVar[str] = "html"
    media_type: ClassVar[str] = "text/html"
    description: ClassVar[str] = "a standalone semantic HTML5 page with the theme's CSS, local images inlined"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        skipped: list[tuple[str, str]] = []
        page = standalone_article(article, options, skipped)
        for line in skipped_image_lines("html", skipped):
            warn(line)
        css = "\n".join(c for c in (style.css("css"), script_css(page, style)) if c)
        return render_document(page, css, theme=style).encode("utf-8")
