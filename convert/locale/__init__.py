"""The one locale layer: everything that depends on the article's language.

Exporters, readers and the briefing ask this package; none keeps its own table
of month names, quote marks, labels or right-to-left languages.

Submodules, each with one concern:

- :mod:`.language` — BCP 47 tags: normalising declared tags, identifying the
  language of a text (``None`` when there is too little to tell).
- :mod:`.script` — writing direction and script of a language or a text,
  display width of text (East Asian wide characters count two columns),
  wrapping by display width, reading time.
- :mod:`.text` — what Broadsheet prints itself: displayed dates and times
  (CLDR through Babel), nested quotation marks (CLDR), translated labels
  (gettext catalogues in ``locale/messages``).
- :mod:`.calendars` — the Solar Hijri and Hijri calendars: CLDR's names of them,
  which calendar a language shows by default, days converted to and from the
  Gregorian calendar.

This package imports nothing from readers, exporters, the API or the CLI.
"""

from __future__ import annotations

from . import _babel  # noqa: F401  (first: Babel's dates without pytz's zone scan)
from .language import identify, normalise_tag, primary
from .script import direction, display_width, is_rtl, reading_minutes, script_of, wrap
from .text import byline, display_date, label, quote_marks

__all__ = [
    "byline",
    "direction",
    "display_date",
    "display_width",
    "identify",
    "is_rtl",
    "label",
    "normalise_tag",
    "primary",
    "quote_marks",
    "reading_minutes",
    "script_of",
    "wrap",
]
