"""Regenerate ``convert/locale/data/date_times.json``: how each CLDR locale joins a date and the
time of day it happens at, and the word it writes after an hour, for reading dates back
(:mod:`convert.locale.reading_dates`).

Babel compiles CLDR's ``dateTimeFormats`` but not its ``dateTimeFormats-atTime`` (CLDR 42 moved
the "date at time" patterns there: French ``{1} 'à' {0}``, German ``{1} 'um' {0}``), so they come
from the Unicode consortium's JSON release of CLDR, the npm package (the registry mirrors it;
nothing else is fetched)::

    npm pack cldr-dates-full@48.2.0 && mkdir -p cldr-dates-full && tar xzf cldr-dates-full-48.2.0.tgz -C cldr-dates-full
    python scripts/cldr_date_times.py cldr-dates-full/package convert/locale/data

Per locale (Babel's ids, ``fr_CA``): ``at``, the ``full``/``long``/``medium`` atTime patterns that
differ from the plain date-time patterns Babel already has; ``hour``, the word the locale's
``availableFormats`` ``H`` pattern writes after the hour (German ``HH 'Uhr'``, French ``HH 'h'``,
Japanese ``H時``). A locale is kept where its entry differs from its parent's (by truncation of
its id); a language with neither is left out.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from babel.dates import tokenize_pattern


def _hour_word(pattern: str) -> str | None:
    """``HH 'Uhr'`` -> ``Uhr``: the literal after the hour of an hour-only pattern, if it is one."""
    tokens = tokenize_pattern(pattern)
    fields = [t for t in tokens if t[0] == "field"]
    if len(fields) != 1 or fields[0][1][0] != "H" or tokens[0][0] != "field":
        return None
    word = "".join(str(v) for kind, v in tokens[1:] if kind == "chars").strip()
    return word or None


def _entry(package: Path, locale: str) -> dict[str, Any]:
    path = package / "main" / locale / "ca-gregorian.json"
    cal = json.loads(path.read_text(encoding="utf-8"))["main"][locale]["dates"]["calendars"]["gregorian"]
    plain = cal["dateTimeFormats"]
    at = cal.get("dateTimeFormats-atTime", {}).get("standard", {})
    patterns: list[str] = []
    for width in ("full", "long", "medium"):
        found = at.get(width)
        if found and found != plain.get(width) and found not in patterns:
            patterns.append(found)
    entry: dict[str, Any] = {}
    if patterns:
        entry["at"] = patterns
    if word := _hour_word(plain["availableFormats"].get("H", "")):
        entry["hour"] = word
    return entry


def date_times(package: Path) -> dict[str, dict[str, Any]]:
    entries = {p.name: _entry(package, p.name) for p in sorted((package / "main").iterdir())}
    kept: dict[str, dict[str, Any]] = {}
    for locale, entry in entries.items():
        parent = locale.rsplit("-", 1)[0] if "-" in locale else None
        while parent is not None and parent not in entries:
            parent = parent.rsplit("-", 1)[0] if "-" in parent else None
        if (entry if parent is None else entry != entries[parent]) or (parent is None and entry):
            kept[locale.replace("-", "_")] = entry
    return kept


def main(package: Path, out: Path) -> None:
    version = json.loads((package / "package.json").read_text(encoding="utf-8"))["version"]
    doc = {"cldr": f"cldr-dates-full {version}", "locales": date_times(package)}
    text = json.dumps(doc, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
    (out / "date_times.json").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
