"""Helpers several exporters share.

They live in lower layers so the briefing and :mod:`convert.fetch` can use
them too: article queries in :mod:`convert.article_parts`, ``data:`` URIs in
:mod:`convert.io`. What depends on the language (dates, quotation marks,
labels) lives in :mod:`convert.locale`.
"""

from __future__ import annotations

from ..article_parts import author_names, bios, end_notes, footnotes
from ..io import decode_data_uri

__all__ = ["author_names", "bios", "decode_data_uri", "end_notes", "footnotes"]
