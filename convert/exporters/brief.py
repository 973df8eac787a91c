"""The plain-text briefing: headline, source line, bottom line up front, key
points, who said what, figures with context, people / places /
organisations, notes. Wrapped at the theme's width (``--width`` wins);
deterministic and offline. The analysis lives in :mod:`convert.briefing`.
"""

from __future__ import annotations

from typing import ClassVar

from ..base import ExportOptions
from ..briefing import build, render_text
from ..model import Article
from ..theme import Theme


class BriefExporter:
    name: ClassVar[str] = "brief"
    extension: ClassVar[str] = "brief.txt"
    media_type: ClassVar[str] = "text/plain; charset=utf-8"
    description: ClassVar[str] = "a plain-text briefing: bottom line, key points, quotes, figures"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        return render_text(build(article), options.width or style.width).encode("utf-8")
