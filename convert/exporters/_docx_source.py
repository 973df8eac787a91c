"""The pandoc JSON the direct DOCX writer reads: :func:`convert.pandoc_ast.article_to_pandoc`, lighter.

Two steps of the pandoc mapping cost most of a direct export and are not
needed when no pandoc reads the JSON: splitting every text into one ``Str``
per word (pandoc's own shape, which its DOCX writer merges back into runs)
and a pass over every string for characters XML forbids (the direct writer
drops those as it writes). Here a text becomes the few nodes that merging
would leave: its space-separated words as one ``Str``, a line break inside
it as ``SoftBreak``, and a space at either end as ``Space``, so the runs come
out as from the word-per-``Str`` form. Everything else is the mapping's own.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Article, Inline, NoteRef, Text, walk
from ..pandoc_ast import Json
from ..pandoc_ast.writing import _Writer, meta_to_pandoc

_WS = re.compile(r"[ \t\r\n]+")
_ODD_SPACE = re.compile(r"[\t\r\n]|  ")


def text_nodes(text: str) -> list[Json]:
    """``text`` as the nodes pandoc's ``convertSpace`` leaves of its word-per-``Str`` form."""
    out: list[Json] = []
    if _ODD_SPACE.search(text):  # most texts hold single spaces only
        text = _WS.sub(_space_or_break, text)
    for k, line in enumerate(text.split("\n")):
        if k:
            out.append({"t": "SoftBreak"})
        if not line:
            continue
        lead, trail = line.startswith(" "), line.endswith(" ")
        words = line.strip(" ")
        if lead:
            out.append({"t": "Space"})
        if words:
            out.append({"t": "Str", "c": words})
            if trail:
                out.append({"t": "Space"})
    return out


def _space_or_break(m: re.Match[str]) -> str:
    return "\n" if "\n" in m.group() else " "


class _FastWriter(_Writer):
    def inline(self, node: Inline, in_note: bool, depth: int) -> list[Json]:
        if type(node) is Text:
            return text_nodes(node.text)
        return super().inline(node, in_note, depth)


def docx_json(article: Article, resolve_src: Callable[[str], str | None]) -> Json:
    """The document ``article_to_pandoc(article, for_docx=True, resolve_src=...)`` gives, in the
    shape above and with the characters XML forbids still in place."""
    notes = {n.id: n for n in article.notes}
    referenced = {n.id for n in walk(article.body) if isinstance(n, NoteRef) and n.id in notes}
    writer = _FastWriter(notes, referenced, True, resolve_src, article.meta.language)
    blocks = writer.with_dateline(
        writer.blocks(article.body), article.meta.dateline, article.meta.dateline_dash
    )
    blocks += writer.end_notes(article.notes)
    blocks += writer.bios(article.meta.authors)
    return {"meta": meta_to_pandoc(article.meta, for_docx=True), "blocks": blocks}
