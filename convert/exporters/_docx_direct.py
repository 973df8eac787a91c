"""WordprocessingML written in Python from the pandoc JSON the DOCX exporter builds.

:func:`render` turns the document :func:`convert.pandoc_ast.article_to_pandoc`
makes for DOCX into ``word/document.xml`` and ``word/footnotes.xml`` the way
pandoc's DOCX writer (the bundled pandoc 3) does, element for element: the
same paragraph and character styles (Title, Author, Date, First Paragraph /
Body Text, Compact in lists and tables, Block Text, Footnote Text, Source
Code, Captioned Figure, Image Caption ...), native footnotes, numbering
references, bookmarks, images and ``w:bidi`` / ``w:rtl`` for right-to-left
articles, with pandoc's quirks kept so both paths read back alike (see
``tests/test_docx_parity.py``).

It knows only the pandoc nodes our mapping writes. Anything else (a node a
newer model adds, a code block pandoc would highlight, an image type whose
size we do not read) raises :class:`Unsupported`, and the exporter hands the
article to pandoc instead.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from ..pandoc_ast import Json, stringify

#: pandoc's first list ``numId`` (``baseListId``); ``numId`` 1000 means "no marker".
BASE_LIST_ID = 1000
#: The first id pandoc's writer hands out (relationship ids, footnotes, drawings, bookmarks).
FIRST_ID = 9
#: Width of a figure table / column share of a table in twips (pandoc: 5.5 in).
TEXT_WIDTH = 7920

#: ``w:rPr`` / ``w:pPr`` children in schema order (ECMA-376 EG_RPrBase, EG_PPrBase), as pandoc sorts them.
_RPR_ORDER = {
    name: i
    for i, name in enumerate(
        "rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint noProof "
        "snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u effect bdr shd "
        "fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath".split()
    )
}
_PPR_ORDER = {
    name: i
    for i, name in enumerate(
        "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers pBdr "
        "shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE autoSpaceDN "
        "bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents suppressOverlap jc "
        "textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle rPr sectPr pPrChange".split()
    )
}
#: Characters pandoc marks with ``w:rFonts w:hint="eastAsia"`` (``Text.Pandoc.Char.isCJK``: the
#: CJK ideograph blocks and their neighbours from U+4E00 up).
_CJK = (
    "\u4e00-\u9fff\ua000-\ua4cf\uf900-\ufaff\ufe10-\ufe1f\ufe30-\ufe6f\uff00-\uffee"
    "\U0001b000-\U0001b16f\U00020000-\U0002a6df\U0002a700-\U0002ebef\U0002f800-\U0002fa1f"
    "\U00030000-\U0003134f"
)
_HAS_CJK = re.compile(f"[{_CJK}]")
_TOKENS = re.compile(r"\s+|\S+")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ESC = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


class Unsupported(Exception):
    """The document holds something only pandoc's writer renders; the message says what."""


def esc(text: str) -> str:
    """``text`` for XML content and attribute values, without the characters XML forbids."""
    return _NOT_XML.sub("", text).translate(_ESC)


def _lines(text: str) -> list[str]:
    """Haskell's ``lines``: split at line feeds only, no empty last line."""
    lines = text.split("\n")
    if lines[-1] == "":
        lines.pop()
    return lines


def chunks(text: str) -> list[str]:
    """pandoc's ``breakIntoChunks``: CJK stretches apart from the rest, spaces kept with non-CJK text."""
    if not text:
        return []
    if not _HAS_CJK.search(text):
        return [text]
    tokens = _TOKENS.findall(text)
    groups: list[list[str]] = []
    for tok in tokens:
        # Haskell's groupBy compares each token with the first one of the current group.
        if groups and _same_group(groups[-1][0], tok):
            groups[-1].append(tok)
        else:
            groups.append([tok])
    return ["".join(g) for g in groups]


def _same_group(x: str, y: str) -> bool:
    cx, cy = bool(_HAS_CJK.search(x)), bool(_HAS_CJK.search(y))
    return not (cx or cy) or (x.isspace() and not cy) or (y.isspace() and not cx)


def bookmark_name(ident: str) -> str:
    """pandoc's bookmark name: the id when it starts with a letter and fits Word's 40 characters,
    else "X" and 39 hex digits of its SHA-1."""
    if len(ident) <= 40 and ident[:1].isalpha():
        return ident
    return "X" + hashlib.sha1(ident.encode("utf-8")).hexdigest()[1:]


def convert_space(inlines: Sequence[Json]) -> list[Json]:
    """pandoc's ``convertSpace``: adjacent ``Str`` and the ``Space`` between two of them merge."""
    out: list[Json] = []
    i, n = 0, len(inlines)
    while i < n:
        node = inlines[i]
        if node["t"] != "Str":
            out.append(node)
            i += 1
            continue
        acc = [node["c"]]
        i += 1
        while i < n:
            t = inlines[i]["t"]
            if t == "Str":
                acc.append(inlines[i]["c"])
                i += 1
            elif t == "Space" and i + 1 < n and inlines[i + 1]["t"] == "Str":
                acc += [" ", inlines[i + 1]["c"]]
                i += 2
            else:
                break
        out.append({"t": "Str", "c": "".join(acc)})
    return out


def make_sections(blocks: list[Json]) -> list[Json]:
    """pandoc's ``makeSections``: each header and what follows it in a ``section`` Div that takes its id."""
    out: list[Json] = []
    i = 0
    while i < len(blocks):
        b = blocks[i]
        level = _section_level(b)
        if level is None:
            if b["t"] == "Div":
                attr, inner = b["c"]
                b = {"t": "Div", "c": [attr, make_sections(inner)]}
            out.append(b)
            i += 1
            continue
        j = i + 1
        while j < len(blocks):
            other = _section_level(blocks[j])
            if other is not None and other <= level:
                break
            j += 1
        rest = blocks[i + 1 : j]
        if b["t"] == "Header":
            lvl, (ident, classes, kvs), title = b["c"]
            header = {"t": "Header", "c": [lvl, ["", classes, kvs], title]}
            section_attr = [ident, ["section", *classes], kvs]
            out.append({"t": "Div", "c": [section_attr, [header, *make_sections(rest)]]})
        else:  # a Div that starts with a header is itself the section
            attr, inner = b["c"]
            out.append({"t": "Div", "c": [attr, make_sections(inner)]})
            out.extend(make_sections(rest))
        i = j
    return out


def _section_level(b: Json) -> int | None:
    if b["t"] == "Header":
        return int(b["c"][0])
    if b["t"] == "Div":
        attr, inner = b["c"]
        if inner and inner[0]["t"] == "Header" and not {"column", "columns"} & set(attr[1]):
            level = int(inner[0]["c"][0])
            if all(x["t"] != "Header" or x["c"][0] > level for x in inner[1:]):
                return level
    return None


@dataclass
class Image:
    """One embedded picture: its relationship id, part name, media type and bytes."""

    rid: str
    part: str
    mime: str
    data: bytes
    size_emu: tuple[int, int]


@dataclass
class _Env:
    para_style: str | None = None
    para_other: tuple[str, ...] = ()
    text_style: str | None = None
    text_other: tuple[str, ...] = ()
    list_level: int = -1
    num_id: int = 1
    in_note: bool = False


@dataclass
class Writer:
    """State of one document's rendering (pandoc's ``WriterState`` and ``WriterEnv``)."""

    rtl: bool
    #: ``src -> (media type, bytes, size in EMU)`` for a figure's image; raises :class:`Unsupported`.
    load_image: Callable[[str], tuple[str, bytes, tuple[int, int]]]
    env: _Env = field(default_factory=_Env)
    cur_id: int = FIRST_ID
    first_para: bool = False
    num_id_used: bool = False
    in_table: bool = False
    in_list: bool = False
    footnotes: list[str] = field(default_factory=list)
    links: dict[str, str] = field(default_factory=dict)
    images: dict[str, Image] = field(default_factory=dict)
    #: List markers in order: ``None`` bullets, an ``int`` the start of a decimal list ("1.").
    lists: list[int | None] = field(default_factory=list)

    def unique_id(self) -> str:
        n = self.cur_id
        self.cur_id += 1
        return str(n)

    @contextmanager
    def local(self, **changes: Any) -> Iterator[None]:
        old = self.env
        self.env = replace(old, **changes)
        try:
            yield
        finally:
            self.env = old

    def with_para_style(self, style: str) -> Any:
        """``withParaPropM (pStyleM style)``: the innermost style wins."""
        return self.local(para_style=style)

    def with_text_style(self, style: str) -> Any:
        return self.local(text_style=style)

    def with_text(self, *props: str) -> Any:
        return self.local(text_other=(*props, *self.env.text_other))

    # -- properties -----------------------------------------------------------

    def ppr(self, style: str | None, extra: Sequence[str] = ()) -> str:
        props = [*extra, *self.env.para_other]
        if self.rtl:
            props.append("<w:bidi />")
        parts = ([f'<w:pStyle w:val="{esc(style)}" />'] if style else []) + sorted(props, key=_ppr_rank)
        return f"<w:pPr>{''.join(parts)}</w:pPr>" if parts else ""

    def para_props(self, fallback: str | None = None) -> str:
        """``getParaProps``: the style, the list numbering (its id once per item), bidi."""
        env = self.env
        extra = []
        if env.list_level >= 0:
            num_id = BASE_LIST_ID if self.num_id_used else env.num_id
            extra.append(
                f'<w:numPr><w:ilvl w:val="{env.list_level}" /><w:numId w:val="{num_id}" /></w:numPr>'
            )
        self.num_id_used = True
        return self.ppr(env.para_style or fallback, extra)

    def run(self, content: str, *, cjk: bool = False) -> str:
        env = self.env
        props = list(env.text_other)
        if cjk:
            props.append('<w:rFonts w:hint="eastAsia" />')
        if self.rtl:
            props.append("<w:rtl />")
        parts = ([f'<w:rStyle w:val="{esc(env.text_style)}" />'] if env.text_style else []) + sorted(
            props, key=_rpr_rank
        )
        rpr = f"<w:rPr>{''.join(parts)}</w:rPr>" if parts else ""
        return f"<w:r>{rpr}{content}</w:r>"

    def text(self, text: str) -> str:
        """``formattedString``: runs for ``text``, soft hyphens as ``w:softHyphen``."""
        pieces = []
        for k, segment in enumerate(text.split("\xad")):
            if k:
                pieces.append(self.run("<w:softHyphen />"))
            segment = _NOT_XML.sub("", segment)
            if not segment:
                continue
            if not _HAS_CJK.search(segment):
                pieces.append(self.run(f'<w:t xml:space="preserve">{segment.translate(_ESC)}</w:t>'))
                continue
            for chunk in chunks(segment):
                t = f'<w:t xml:space="preserve">{chunk.translate(_ESC)}</w:t>'
                pieces.append(self.run(t, cjk=bool(_HAS_CJK.search(chunk))))
        return "".join(pieces)

    def bookmark(self, ident: str, contents: str) -> str:
        if not ident:
            return contents
        n = self.unique_id()
        name = esc(bookmark_name(ident))
        return f'<w:bookmarkStart w:id="{n}" w:name="{name}" />{contents}<w:bookmarkEnd w:id="{n}" />'

    # -- blocks -------------------------------------------------------------------

    def blocks(self, blocks: Sequence[Json]) -> str:
        out = []
        prev_table = False
        for b in blocks:
            is_table = b["t"] == "Table"
            if is_table and prev_table:
                out.append(self.wrap_para("", ""))  # Word merges adjacent tables (pandoc #4315)
            prev_table = is_table
            out.append(self.block(b))
        return "".join(out)

    def wrap_para(self, ppr: str, body: str) -> str:
        if not ppr and self.rtl:
            ppr = "<w:pPr><w:bidi /></w:pPr>"
        return f"<w:p>{ppr}{body}</w:p>" if ppr or body else "<w:p />"

    def block(self, b: Json) -> str:
        tag: str = b["t"]
        c: Any = b.get("c")
        if tag == "Para":
            return self.para(c)
        if tag == "Plain":
            if self.in_table or self.in_list:
                with self.with_para_style("Compact"):
                    return self.para(c)
            return self.para(c)
        if tag == "Header":
            return self.header(c)
        if tag == "Div":
            return self.div(c)
        if tag == "BlockQuote":
            with self.with_para_style("FootnoteBlockText" if self.env.in_note else "BlockText"):
                out = self.blocks(c)
            self.first_para = True
            return out
        if tag in ("BulletList", "OrderedList"):
            return self.list_block(tag, c)
        if tag == "CodeBlock":
            (ident, classes, _kvs), code = c
            if classes:
                raise Unsupported(f"a {classes[0]} code block (pandoc highlights it)")
            with self.with_para_style("SourceCode"):
                out = self.para([{"t": "Code", "c": [["", [], []], code]}])
            self.first_para = True
            return self.bookmark(ident, out)
        if tag == "HorizontalRule":
            self.first_para = True
            rule = (
                '<w:r><w:pict><v:rect style="width:0;height:1.5pt" o:hralign="center" o:hrstd="t" o:hr="t" />'
                "</w:pict></w:r>"
            )
            return self.wrap_para("", rule)
        if tag == "Figure":
            return self.figure(c)
        if tag == "Table":
            from ._docx_table import table

            return table(self, c)
        raise Unsupported(f"a pandoc {tag} block")

    def para(self, inlines: list[Json]) -> str:
        if not inlines:
            return ""
        # In a list a paragraph keeps no body style. Right to left, pandoc's bidi displaces it too
        # (its pPr is no longer empty); here it keeps it, as docx.rtl_body_styles gives pandoc's.
        fallback = None if self.in_list else ("FirstParagraph" if self.first_para else "BodyText")
        ppr = self.para_props(fallback)
        self.first_para = False
        return self.wrap_para(ppr, self.inlines(inlines))

    def header(self, c: list[Any]) -> str:
        level, (ident, _classes, _kvs), content = c
        self.first_para = True
        with self.local(para_style=f"Heading{level}"):
            ppr = self.para_props()  # in a list item a heading is numbered too
        return self.wrap_para(ppr, self.bookmark(ident, self.inlines(content)))

    def div(self, c: list[Any]) -> str:
        (ident, _classes, kvs), inner = c
        style = dict((str(k), str(v)) for k, v in kvs).get("custom-style")
        if style:
            with self.with_para_style(style.replace(" ", "")):
                out = self.blocks(inner)
        else:
            out = self.blocks(inner)
        return self.bookmark(ident, out)

    def list_block(self, tag: str, c: Any) -> str:
        if tag == "OrderedList":
            (start, style, delim), items = c
            if style["t"] not in ("Decimal", "DefaultStyle") or delim["t"] not in ("Period", "DefaultDelim"):
                raise Unsupported(f"an ordered list numbered {style['t']} {delim['t']}")
            if (style["t"], delim["t"]) != ("Decimal", "Period"):
                raise Unsupported("an ordered list in pandoc's default numbering")
            self.lists.append(int(start))
        else:
            items = c
            if items and all(_is_task_item(item) for item in items):
                raise Unsupported("a task list (pandoc draws check boxes)")
            self.lists.append(None)
        num_id = BASE_LIST_ID + len(self.lists)
        out = []
        with self.local(list_level=self.env.list_level + 1):
            for item in items:
                out.append(self.list_item(num_id, item))
        self.first_para = True
        return "".join(out)

    def list_item(self, num_id: int, blocks: list[Json]) -> str:
        old = self.in_list
        self.in_list = True
        if blocks and blocks[0]["t"] in ("BulletList", "OrderedList"):
            blocks = [{"t": "Plain", "c": [{"t": "Str", "c": ""}]}, *blocks]
        self.num_id_used = False
        with self.local(num_id=num_id):
            out = self.blocks(blocks)
        self.in_list = old
        return out

    def figure(self, c: list[Any]) -> str:
        (ident, _classes, _kvs), (_short, caption), body = c
        self.first_para = True
        if len(body) != 1 or body[0]["t"] not in ("Plain", "Para") or len(body[0]["c"]) != 1:
            raise Unsupported("a figure that is not one image")
        image = body[0]["c"][0]
        if image["t"] != "Image":
            raise Unsupported("a figure that is not one image")
        style = "CaptionedFigure" if caption else "Figure"
        with self.local(para_style=style):
            ppr = self.para_props()
        node = self.wrap_para(ppr, self.image(image["c"]))
        if caption:
            with self.with_para_style("ImageCaption"):
                node += self.blocks(caption)
        return self.bookmark(ident, node)

    def image(self, c: list[Any]) -> str:
        (ident, _classes, kvs), alt, (src, title) = c
        if kvs:
            raise Unsupported("an image with a size attribute")
        img = self.images.get(src)
        if img is None:
            mime, data, size = self.load_image(src)
            rid = "rId" + self.unique_id()
            ext = _EXTENSIONS.get(mime)
            if ext is None:
                raise Unsupported(f"a {mime} image")
            img = Image(rid, f"media/{rid}.{ext}", mime, data, size)
            self.images[src] = img
        doc_pr_id = self.unique_id()
        pic_id = self.unique_id()
        cx, cy = img.size_emu
        drawing = (
            f'<w:drawing><wp:inline><wp:extent cx="{cx}" cy="{cy}" />'
            '<wp:effectExtent b="0" l="0" r="0" t="0" />'
            f'<wp:docPr descr="{esc(_NOT_XML.sub("", stringify(alt)))}" title="{esc(title)}" '
            f'id="{doc_pr_id}" name="Picture" />'
            '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture">'
            f'<pic:pic><pic:nvPicPr><pic:cNvPr descr="" id="{pic_id}" name="Picture" />'
            '<pic:cNvPicPr><a:picLocks noChangeArrowheads="1" noChangeAspect="1" /></pic:cNvPicPr>'
            f'</pic:nvPicPr><pic:blipFill><a:blip r:embed="{img.rid}" /><a:stretch><a:fillRect />'
            '</a:stretch></pic:blipFill><pic:spPr bwMode="auto"><a:xfrm><a:off x="0" y="0" />'
            f'<a:ext cx="{cx}" cy="{cy}" /></a:xfrm><a:prstGeom prst="rect"><a:avLst /></a:prstGeom>'
            '<a:noFill /><a:ln w="9525"><a:noFill /><a:headEnd /><a:tailEnd /></a:ln></pic:spPr>'
            "</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing>"
        )
        return self.bookmark(ident, f"<w:r>{drawing}</w:r>")  # pandoc gives the picture no run properties

    # -- inlines ------------------------------------------------------------------

    def inlines(self, inlines: Sequence[Json]) -> str:
        return "".join(self.inline(node) for node in convert_space(inlines))

    def inline(self, node: Json) -> str:
        tag: str = node["t"]
        c: Any = node.get("c")
        if tag == "Str":
            return self.text(c)
        if tag in ("Space", "SoftBreak"):
            return self.text(" ")
        if tag == "LineBreak":
            return "<w:r><w:br /></w:r>"
        if tag == "Emph":
            with self.with_text("<w:i />", "<w:iCs />"):
                return self.inlines(c)
        if tag == "Strong":
            with self.with_text("<w:b />", "<w:bCs />"):
                return self.inlines(c)
        if tag == "Span":
            (ident, _classes, kvs), content = c
            style = dict((str(k), str(v)) for k, v in kvs).get("custom-style")
            if style:
                with self.with_text_style(style.replace(" ", "")):
                    out = self.inlines(content)
            else:
                out = self.inlines(content)
            return self.bookmark(ident, out)
        if tag == "Code":
            (_ident, classes, _kvs), code = c
            if classes:
                raise Unsupported("highlighted inline code")
            with self.with_text_style("VerbatimChar"):
                return "<w:r><w:br /></w:r>".join(self.text(line) for line in _lines(code))
        if tag == "Link":
            _attr, content, (url, _title) = c
            with self.with_text_style("Hyperlink"):
                body = self.inlines(content)
            if url.startswith("#"):
                return f'<w:hyperlink w:anchor="{esc(bookmark_name(url[1:]))}">{body}</w:hyperlink>'
            rid = self.links.get(url)
            if rid is None:
                rid = self.links[url] = "rId" + self.unique_id()
            # pandoc 3.9 drops the link's title (no w:tooltip)
            return f'<w:hyperlink r:id="{rid}">{body}</w:hyperlink>'
        if tag == "Note":
            return self.note(c)
        if tag == "Quoted":
            kind, content = c
            left, right = ("\u2018", "\u2019") if kind["t"] == "SingleQuote" else ("\u201c", "\u201d")
            return self.inlines([{"t": "Str", "c": left}, *content, {"t": "Str", "c": right}])
        if tag == "Image":
            return self.image(c)
        if tag == "_NoteMarker":  # the footnote's own number, put there by :meth:`note`
            return str(c)
        raise Unsupported(f"a pandoc {tag} inline")

    def note(self, blocks: list[Json]) -> str:
        num = self.unique_id()
        marker = '<w:r><w:rPr><w:rStyle w:val="FootnoteReference" /></w:rPr><w:footnoteRef /></w:r>'
        raw = {"t": "_NoteMarker", "c": marker}
        if blocks and blocks[0]["t"] in ("Plain", "Para"):
            first = blocks[0]
            blocks = [{"t": first["t"], "c": [raw, {"t": "Space"}, *first["c"]]}, *blocks[1:]]
        else:
            blocks = [{"t": "Para", "c": [raw]}, *blocks]
        reset = {"para_other": (), "text_style": None, "text_other": ()}
        with self.local(list_level=-1, para_style="FootnoteText", in_note=True, **reset):
            body = self.blocks(blocks)
        self.footnotes.append(f'<w:footnote w:id="{num}">{body}</w:footnote>')
        return f'<w:r><w:rPr><w:rStyle w:val="FootnoteReference" /></w:rPr><w:footnoteReference w:id="{num}" /></w:r>'


def _is_task_item(item: list[Json]) -> bool:
    """pandoc's ``toTaskListItem``: an item that opens with a ballot box and a space."""
    if not item or item[0]["t"] not in ("Plain", "Para") or not item[0]["c"]:
        return False
    inlines = item[0]["c"]
    if inlines[0]["t"] != "Str":
        return False
    first = inlines[0]["c"]  # "☐" then a Space, or "☐ words" as one Str (see _docx_source)
    if first in ("\u2610", "\u2612"):
        return len(inlines) > 1 and inlines[1]["t"] == "Space"
    return first[:2] in ("\u2610 ", "\u2612 ")


#: Part name extensions for the image types we embed (pandoc's ``extensionFromMimeType``).
_EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif"}


def _rpr_rank(el: str) -> int:
    return _RPR_ORDER.get(el[3 : el.find(" ", 3)] if " " in el else el[3:-2], 0)


def _ppr_rank(el: str) -> int:
    end = min(i for i in (el.find(" "), el.find(">")) if i > 0)
    return _PPR_ORDER.get(el[3:end], 0)
