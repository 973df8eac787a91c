"""Runs of inlines as the body keeps them: whitespace tidied, and HTML's ``<q>`` an inline quotation.

trafilatura maps both ``<q>`` and ``<blockquote>`` to its ``quote`` element, which the body reads as
a block quote: ``<p>He said <q>we will win</q> and left.</p>`` came out as three blocks.
:func:`mark_quotes` replaces each ``<q>`` by its content between two placeholder characters
(private-use code points, which trafilatura keeps as text), and :func:`tidy` turns each pair back
into a :class:`~convert.model.Quote` without typed marks: exporters print the language's own CLDR
marks (the inner ones for a ``<q>`` inside a ``<q>``), and ``<q>`` in HTML.
"""

from __future__ import annotations

import copy
import re

from lxml.html import HtmlElement

from ...model import Emph, Inline, LineBreak, Link, Quote, Strong, Text, plain_text, replace

_OPEN, _CLOSE = "\ue000", "\ue001"  # private use (Unicode 15, §23.5): no page types them as text
_PLACEHOLDER = re.compile(f"[{_OPEN}{_CLOSE}]")


def mark_quotes(tree: HtmlElement, *, copied: bool) -> HtmlElement:
    """``tree`` with each ``<q>`` replaced by its content between placeholders; a copy unless
    ``copied`` says it is one already (the page itself is read for its metadata as it is)."""
    if next(tree.iter("q"), None) is None:
        return tree
    if not copied:
        tree = copy.deepcopy(tree)
    for q in list(tree.iter("q")):
        q.text = _OPEN + (q.text or "")
        if len(q):
            q[-1].tail = (q[-1].tail or "") + _CLOSE
        else:
            q.text += _CLOSE
        q.drop_tag()
    return tree


def unquote(text: str | None) -> str | None:
    """``text`` without placeholders (trafilatura's metadata, read from the marked copy)."""
    return _PLACEHOLDER.sub("", text) if text else text


def _quoted(content: list[Inline] | tuple[Inline, ...]) -> list[Inline]:
    """The placeholders in ``content`` as nested quotations; one left without its partner is dropped."""
    if not any(isinstance(n, Text) and _PLACEHOLDER.search(n.text) for n in content):
        return [
            replace(n, content=tuple(_quoted(n.content))) if isinstance(n, Emph | Strong | Link) else n
            for n in content
        ]
    stack: list[list[Inline]] = [[]]
    for node in content:
        if not isinstance(node, Text):
            if isinstance(node, Emph | Strong | Link):
                node = replace(node, content=tuple(_quoted(node.content)))
            stack[-1].append(node)
            continue
        for part in re.split(f"([{_OPEN}{_CLOSE}])", node.text):
            if part == _OPEN:
                stack.append([])
            elif part == _CLOSE and len(stack) > 1:
                inner = stack.pop()
                stack[-1].append(Quote(tidy_inner(tuple(inner))))
            elif part and part != _CLOSE:
                stack[-1].append(Text(part))
    while len(stack) > 1:  # an opening placeholder never closed: its content stays, unquoted
        inner = stack.pop()
        stack[-1].extend(inner)
    return stack[0]


def tidy(content: list[Inline] | tuple[Inline, ...]) -> tuple[Inline, ...]:
    """Whitespace runs (newlines too) to one space; empty runs and edges dropped; placeholders quotations."""
    out: list[Inline] = []
    for node in _quoted(content):
        match node:
            case Text(text=t):
                t = re.sub(r"\s+", " ", t)
                if not t:
                    continue
                if out and isinstance(out[-1], Text):
                    out[-1] = Text(re.sub(r" +", " ", out[-1].text + t))
                else:
                    out.append(Text(t))
            case Emph(content=c) | Strong(content=c) | Link(content=c) | Quote(content=c):
                inner = tidy_inner(c)
                if inner:
                    out.append(replace(node, content=inner))
            case _:
                out.append(node)
    while (
        out
        and isinstance(out[0], Text | LineBreak)
        and not (isinstance(out[0], Text) and out[0].text.strip())
    ):
        out.pop(0)
    while (
        out
        and isinstance(out[-1], Text | LineBreak)
        and not (isinstance(out[-1], Text) and out[-1].text.strip())
    ):
        out.pop()
    if out and isinstance(out[0], Text):
        out[0] = Text(out[0].text.lstrip())
    if out and isinstance(out[-1], Text):
        out[-1] = Text(out[-1].text.rstrip())
    return tuple(out)


def tidy_inner(content: tuple[Inline, ...]) -> tuple[Inline, ...]:
    out: list[Inline] = []
    for node in content:
        if isinstance(node, Text):
            t = re.sub(r"\s+", " ", node.text)
            if out and isinstance(out[-1], Text):
                out[-1] = Text(re.sub(r" +", " ", out[-1].text + t))
            elif t:
                out.append(Text(t))
        elif isinstance(node, Emph | Strong | Link | Quote):
            inner = tidy_inner(node.content)
            if inner:
                out.append(replace(node, content=inner))
        else:
            out.append(node)
    return tuple(out) if any(plain_text(n).strip() or not isinstance(n, Text) for n in out) else ()
