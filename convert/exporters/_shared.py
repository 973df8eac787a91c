"""Helpers several exporters share.

They live in lower layers so the briefing and :mod:`convert.fetch` can use
them too: article queries in :mod:`convert.article_parts`, ``data:`` URIs in
:mod:`convert.io`. What depends on the language (dates, quotation marks,
labels) lives in :mod:`convert.locale`.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from ..article_parts import author_names, bios, end_notes, footnotes
from ..io import decode_data_uri

__all__ = ["author_names", "bios", "decode_data_uri", "end_notes", "footnotes"]

if TYPE_CHECKING:
    from ..base import ExportOptions
    from ..model import Article
    from ..theme import Theme


class BookByBundle:
    """``export_many`` for the built-in book formats: one builder of :mod:`._bundle` each.

    ``book_builder`` names it (``"bundle_pdf"`` ...); the module is imported only
    when a book is made, so an exporter loads no other format's dependencies.
    """

    book_builder: ClassVar[str]

    def export_many(
        self,
        articles: Sequence[Article],
        style: Theme,
        options: ExportOptions,
        *,
        title: str,
        subtitle: str | None = None,
        language: str | None = None,
        folders: Sequence[Path | None] = (),
    ) -> bytes:
        """One document of many articles, for ``broadsheet bundle`` (see :mod:`convert.exporters._bundle`).

        ``options.notes`` places the footnotes, ``options.cover`` is the EPUB's cover image.
        """
        from . import _bundle

        build = getattr(_bundle, self.book_builder)
        return _bundle.book(
            build,
            articles,
            style,
            title=title,
            subtitle=subtitle,
            language=language,
            folders=folders,
            notes=options.notes,
            cover=options.cover,
        )
