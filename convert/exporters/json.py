"""The article tree itself, as JSON (the public contract in DESIGN.md)."""

from __future__ import annotations

from typing import ClassVar

from ..base import ExportOptions
from ..model import Article, to_json_bytes
from ..theme import Theme


class JsonExporter:
    name: ClassVar[str] = "json"
    extension: ClassVar[str] = "json"
    media_type: ClassVar[str] = "application/json"
    description: ClassVar[str] = "the article tree as JSON"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        return to_json_bytes(article)
