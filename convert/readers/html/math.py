"""Formulas on web pages: kept as :class:`~convert.model.Math`, never dropped.

A page shows math in one of a few ways, all handled before trafilatura sees
the page (it drops scripts and unknown elements, and with them every formula):

- TeX in ``<script type="math/tex">`` (``; mode=display`` for a displayed
  one), as MathJax 2 pages carry it, beside MathJax's own rendering
  (``span.MathJax``, ``.MathJax_Preview`` ...), which is dropped;
- MathML ``<math>``: written in the page, inside MathJax 3's
  ``<mjx-container>`` (its assistive copy) or KaTeX's ``.katex-mathml``.
  A TeX ``<annotation>`` is taken as it is; other MathML goes to TeX through
  pandoc's reader (texmath), all formulas of a page in one call;
- TeX between MathJax's default delimiters in the text, ``\\(...\\)``,
  ``\\[...\\]`` and ``$$...$$``, on a page that loads MathJax or KaTeX.

Each formula becomes its TeX between those delimiters in the page's text, so
it survives extraction as text, and :func:`with_math` turns the delimited
runs of the extracted body into ``Math`` nodes. Single dollars are left
alone: MathJax does not treat them as math unless a page configures it, and
in news they are prices.
"""

from __future__ import annotations

import json
import re
from typing import Any

from lxml.html import HtmlElement

from ...model import (
    Block,
    BlockQuote,
    Emph,
    Heading,
    Inline,
    Link,
    List,
    Math,
    Paragraph,
    Quote,
    Strong,
    Table,
    Text,
    replace,
)
from .text import replace_with_text

_MATHML_NS = "{http://www.w3.org/1998/Math/MathML}"
#: Renderers whose presence makes TeX delimiters in the text math (script sources and class names).
_RENDERER = re.compile(r"mathjax|katex", re.IGNORECASE)
#: MathJax's and KaTeX's rendered copies of a formula, dropped once its source is kept.
_RENDERED_CLASSES = re.compile(r"^(MathJax(_\w+)?|MJX\w*|katex-html)$")
_DELIMITED = re.compile(
    r"\\\((?P<inline>.+?)\\\)|\\\[(?P<display>.+?)\\\]|\$\$(?P<dollars>.+?)\$\$", re.DOTALL
)


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _delimited(tex: str, display: bool) -> str:
    tex = " ".join(tex.split())
    return f"\\[{tex}\\]" if display else f"\\({tex}\\)"


def _tex_annotation(math: Any) -> str | None:
    for el in math.iter():
        if _local(el.tag) == "annotation" and (el.get("encoding") or "").lower() in (
            "application/x-tex",
            "tex",
            "latex",
        ):
            text = "".join(el.itertext()).strip()
            if text:
                return text
    return None


def _is_display(math: Any) -> bool:
    if (math.get("display") or "").lower() == "block" or (math.get("mode") or "").lower() == "display":
        return True
    for anc in math.iterancestors():
        tag = _local(anc.tag)
        if tag == "mjx-container":
            return (anc.get("display") or "").lower() == "true"
        if "katex-display" in (anc.get("class") or "").split():
            return True
    return False


def _mathml_to_tex(formulas: list[str]) -> list[str | None]:
    """TeX for each MathML formula, through pandoc's HTML reader (texmath); ``None`` where it has none."""
    if not formulas:
        return []
    from ...errors import ConvertError
    from ...pandoc_run import run

    page = "".join(f"<p>{f}</p>" for f in formulas).encode("utf-8")
    try:
        doc = json.loads(run(["-f", "html", "-t", "json"], page))
    except (ConvertError, ValueError):
        return [None] * len(formulas)
    found: list[str | None] = []
    for block in doc.get("blocks", []):
        maths = [i for i in block.get("c", []) if isinstance(i, dict) and i.get("t") == "Math"]
        found.append(str(maths[0]["c"][1]) if maths else None)
    return found if len(found) == len(formulas) else [None] * len(formulas)


def _math_root(math: Any) -> Any:
    """The element standing for the formula on the page: MathJax 3's or KaTeX's container, or ``math``."""
    for anc in math.iterancestors():
        tag, classes = _local(anc.tag), (anc.get("class") or "").split()
        if tag == "mjx-container" or "katex-display" in classes:
            return anc
        if "katex" in classes:
            outer = anc.getparent()
            if outer is not None and "katex-display" in (outer.get("class") or "").split():
                return outer
            return anc
    return math


def mark_math(tree: HtmlElement) -> bool:
    """Turn every formula of ``tree`` into delimited TeX text (see the module docstring).

    Returns whether the page has math: formulas were found or a math
    renderer is loaded, so delimited TeX in its text is math too.
    """
    renderer = any(
        _RENDERER.search(el.get("src") or "") or _RENDERER.search(el.text or "") for el in tree.iter("script")
    )
    found = False
    for script in list(tree.iter("script")):
        kind = (script.get("type") or "").lower().replace(" ", "")
        if kind.startswith("math/tex"):
            source = (script.text or "").strip()
            if source:
                replace_with_text(script, _delimited(source, "mode=display" in kind))
                found = True
            else:
                replace_with_text(script, "")
    maths = [el for el in tree.iter() if _local(el.tag) == "math"]
    pending: list[tuple[Any, bool, str]] = []
    for math in maths:
        root = _math_root(math)
        if root.getparent() is None:
            continue  # already replaced with an earlier formula of the same container
        tex = _tex_annotation(math)
        if tex is not None:
            replace_with_text(root, _delimited(tex, _is_display(math)))
            found = True
        elif (markup := _mathml_markup(math)) is not None:
            pending.append((root, _is_display(math), markup))
        else:  # MathML lxml cannot serialise: its characters at least
            replace_with_text(root, " ".join("".join(math.itertext()).split()))
    for (root, display, _), converted in zip(
        pending, _mathml_to_tex([m for _, _, m in pending]), strict=True
    ):
        replace_with_text(root, _delimited(converted, display) if converted else "")
        found = found or bool(converted)
    for el in list(tree.iter()):
        classes = (el.get("class") or "").split() if isinstance(el.tag, str) else []
        if el.getparent() is not None and any(_RENDERED_CLASSES.match(c) for c in classes):
            replace_with_text(el, "")
    return found or renderer


def _mathml_markup(math: Any) -> str | None:
    """The ``<math>`` element as standalone MathML for pandoc."""
    import lxml.etree

    try:
        copy = lxml.etree.fromstring(lxml.etree.tostring(math, with_tail=False))
    except (lxml.etree.LxmlError, ValueError):
        return None
    for el in copy.iter():
        if isinstance(el.tag, str) and el.tag.startswith(_MATHML_NS):
            el.tag = el.tag[len(_MATHML_NS) :]
    copy.attrib.pop("xmlns", None)
    copy.set("xmlns", _MATHML_NS[1:-1])
    return lxml.etree.tostring(copy, encoding="unicode")


# --------------------------------------------------------------------------
# Delimited TeX in the extracted body -> Math


def split_math(text: str) -> list[Inline]:
    """``text`` with each delimited formula made a :class:`Math`."""
    out: list[Inline] = []
    pos = 0
    for m in _DELIMITED.finditer(text):
        tex = (m.group("inline") or m.group("display") or m.group("dollars") or "").strip()
        if not tex:
            continue
        if m.start() > pos:
            out.append(Text(text[pos : m.start()]))
        out.append(Math(tex, display=m.group("inline") is None))
        pos = m.end()
    if pos < len(text):
        out.append(Text(text[pos:]))
    return out


def _inlines(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in content:
        match node:
            case Text(text=t):
                out += split_math(t)
            case Emph(content=c) | Strong(content=c) | Link(content=c) | Quote(content=c):
                out.append(replace(node, content=_inlines(c)))
            case _:
                out.append(node)
    return tuple(out)


def with_math(blocks: list[Block]) -> list[Block]:
    """``blocks`` with the delimited TeX of their text made :class:`Math` nodes."""
    out: list[Block] = []
    for block in blocks:
        match block:
            case Paragraph(content=c) | Heading(content=c):
                block = replace(block, content=_inlines(c))
            case BlockQuote(body=b, attribution=a):
                block = replace(block, body=tuple(with_math(list(b))), attribution=_inlines(a))
            case List(items=items):
                block = replace(block, items=tuple(tuple(with_math(list(i))) for i in items))
            case Table(head=head, rows=rows, caption=cap):
                block = replace(
                    block,
                    head=tuple(tuple(_inlines(c) for c in r) for r in head),
                    rows=tuple(tuple(_inlines(c) for c in r) for r in rows),
                    caption=_inlines(cap),
                )
        out.append(block)
    return out
