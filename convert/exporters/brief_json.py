"""The briefing as JSON for scripts: summary sentences with their indexes,
quotes with speakers, figures with values, units and context
(``{"schema": "broadsheet.brief", "version": [1, 1], ...}``; 1.1 added a figure's optional ``range``).
"""

from __future__ import annotations

import json
from typing import ClassVar

from ..base import ExportOptions
from ..briefing import build, to_json
from ..model import Article
from ..theme import Theme


class BriefJsonExporter:
    name: ClassVar[str] = "brief.json"
    extension: ClassVar[str] = "brief.json"
    media_type: ClassVar[str] = "application/json"
    description: ClassVar[str] = "the briefing as JSON data"

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        data = to_json(build(article))
        return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
