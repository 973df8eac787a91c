"""Markdown (pandoc's dialect) with the metadata in YAML front matter.

Written for round trips: pandoc's Markdown reader, through
:func:`convert.pandoc_ast.pandoc_to_article`, gives the article back
(footnotes as ``[^n]``, end notes and bios as fenced Divs, speakers as
bracketed Spans). Heading identifiers are always written out, so a reader
using ``markdown-auto_identifiers`` gets exactly the ids the article had.
"""

from __future__ import annotations

from typing import ClassVar

from ..base import ExportOptions
from ..model import Article
from ..pandoc_ast import article_to_pandoc
from ..pandoc_run import write_from_json
from ..theme import Theme

#: pandoc's output format: its Markdown without generated heading ids.
PANDOC_FORMAT = "markdown-auto_identifiers"


class MarkdownExporter:
    name: ClassVar[str] = "md"
    extension: ClassVar[str] = "md"
    media_type: ClassVar[str] = "text/markdown; charset=utf-8"
    description: ClassVar[str] = "Markdown with YAML front matter, for round trips"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        width = options.width or style.width
        doc = article_to_pandoc(article)
        return write_from_json(doc, PANDOC_FORMAT, extra_args=["--standalone", f"--columns={width}"])
