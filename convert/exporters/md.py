"""Markdown (pandoc's dialect) with the metadata in YAML front matter.

Written for round trips: pandoc's Markdown reader, through
:func:`convert.pandoc_ast.pandoc_to_article`, gives the article back
(footnotes as ``[^n]``, end notes and bios as fenced Divs, speakers as
bracketed Spans). Heading identifiers are always written out, so a reader
using ``markdown-auto_identifiers`` gets exactly the ids the article had.
Curly quotation marks in the text are written as typed (:func:`_marks_as_typed`).
"""

from __future__ import annotations

import re
from typing import Any, ClassVar

from ..base import ExportOptions
from ..model import Article
from ..pandoc_ast import Json, article_to_pandoc
from ..pandoc_run import write_from_json
from ..theme import Theme

#: pandoc's output format: its Markdown without generated heading ids.
PANDOC_FORMAT = "markdown-auto_identifiers"
#: The marks pandoc's smart writer turns into straight ones (its reader makes ``'`` and ``"``
#: curly again by their place, English's way: German `‚nein‘` would come back `‚nein’`).
_CURLY = re.compile("([‘’“”])")


def _marks_as_typed(doc: Json) -> Json:
    """``doc`` with every curly mark in a ``Str`` split out as raw Markdown, which pandoc writes as
    it is (and its reader reads back as text), in place. Iterative, as the document may be deep."""
    todo: list[Any] = [doc]
    while todo:
        node = todo.pop()
        if isinstance(node, dict):
            todo.extend(v for v in node.values() if isinstance(v, (dict, list)))
        elif isinstance(node, list):
            for i in reversed(range(len(node))):
                item = node[i]
                if isinstance(item, dict) and item.get("t") == "Str" and _CURLY.search(item["c"]):
                    node[i : i + 1] = [
                        {"t": "RawInline", "c": ["markdown", p]}
                        if _CURLY.fullmatch(p)
                        else {"t": "Str", "c": p}
                        for p in _CURLY.split(item["c"])
                        if p
                    ]
                elif isinstance(item, (dict, list)):
                    todo.append(item)
    return doc


class MarkdownExporter:
    name: ClassVar[str] = "md"
    extension: ClassVar[str] = "md"
    media_type: ClassVar[str] = "text/markdown; charset=utf-8"
    description: ClassVar[str] = "Markdown with YAML front matter, for round trips"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        width = options.width or style.width
        doc = _marks_as_typed(article_to_pandoc(article))
        return write_from_json(doc, PANDOC_FORMAT, extra_args=["--standalone", f"--columns={width}"])
