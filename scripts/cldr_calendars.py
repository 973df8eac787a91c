"""Regenerate ``convert/locale/data/calendars.json`` and ``calendar_defaults.json``: CLDR's Solar
Hijri and Hijri calendars, and which calendar each locale shows by default.

Babel compiles CLDR's Gregorian calendar only, so the names and patterns of the
``persian`` (Solar Hijri) and ``islamic`` (Hijri) calendars come from the Unicode
consortium's own JSON release of CLDR, the npm packages (the registry mirrors
them; nothing else is fetched)::

    npm pack cldr-cal-persian-full@46.1.0 cldr-cal-islamic-full@48.2.0 cldr-core@48.2.0
    for f in cldr-*.tgz; do mkdir -p "${f%.tgz}" && tar xzf "$f" -C "${f%.tgz}"; done
    python scripts/cldr_calendars.py cldr-cal-persian-full-46.1.0/package \\
        cldr-cal-islamic-full-48.2.0/package cldr-core-48.2.0/package convert/locale/data

(``cldr-cal-persian-full`` was last published for CLDR 46.1; the islamic package and
cldr-core are CLDR 48.2.) For each calendar the file keeps the locales whose month
names are their own: not CLDR root's transliteration (``Farvardin``, ``Muharram``),
which English shows, and not the same as their parent locale's (``ar-EG`` is ``ar``); a
locale with root's names under a parent with its own (``uz-Arab`` under ``uz``) is ``null``.
Per locale: each month's distinct names (the format context's wide name first), the
era's names (none where they are root's ``AP``, ``AH``), the ``full``/``long``/``medium`` date patterns and the ``long`` date-time
pattern. ``calendar_defaults.json`` holds what picks a locale's default calendar, apart so
that a date shown in English does not load the names: CLDR's ``calendarPreferenceData``
(first calendar by region, where it is not Gregorian) and the regions ``likelySubtags``
gives the languages written there.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

CALENDARS = ("persian", "islamic")


def _calendar(package: Path, locale: str, name: str) -> dict[str, Any]:
    data = json.loads((package / "main" / locale / f"ca-{name}.json").read_text(encoding="utf-8"))
    calendar: dict[str, Any] = data["main"][locale]["dates"]["calendars"][name]
    return calendar


def _entry(cal: dict[str, Any]) -> dict[str, Any]:
    months: list[list[str]] = []
    for n in range(1, 13):
        names = [cal["months"]["format"]["wide"][str(n)]]
        for context in ("format", "stand-alone"):
            for width in ("wide", "abbreviated"):
                name = cal["months"][context][width][str(n)]
                if name not in names:
                    names.append(name)
        months.append(names)
    eras: list[str] = []
    for width in ("eraAbbr", "eraNames", "eraNarrow"):
        era = cal["eras"][width]["0"]  # the calendar's own era (AP, AH); "1" is before it
        if era not in eras:
            eras.append(era)
    return {
        "months": months,
        "eras": eras,
        "date": {w: cal["dateFormats"][w] for w in ("full", "long", "medium")},
        "datetime": cal["dateTimeFormats"]["long"],
    }


def _parent(locale: str) -> str | None:
    return locale.rsplit("-", 1)[0] if "-" in locale else None


def calendar_locales(package: Path, name: str) -> dict[str, dict[str, Any] | None]:
    entries = {p.name: _entry(_calendar(package, p.name, name)) for p in sorted((package / "main").iterdir())}
    root = entries["en"]
    root_eras = list(root["eras"])
    for entry in entries.values():
        if entry["eras"] == root_eras:
            entry["eras"] = []  # root's era (AP, AH): none of the language's own
    kept: dict[str, dict[str, Any] | None] = {}
    for locale, entry in entries.items():
        parent = _parent(locale)
        while parent is not None and parent not in entries:
            parent = _parent(parent)
        own = entry["months"] != root["months"]
        if parent is None or entries[parent]["months"] == root["months"]:
            if own:
                kept[locale] = entry
        elif not own:
            kept[locale] = None  # root's names under a parent with its own (uz-Arab under uz): none
        elif entries[parent] != entry:
            kept[locale] = entry
    return kept


def defaults(core: Path) -> dict[str, dict[str, str]]:
    supplemental = core / "supplemental"
    prefs = json.loads((supplemental / "calendarPreferenceData.json").read_text(encoding="utf-8"))
    regions = {
        region: order[0]
        for region, order in prefs["supplemental"]["calendarPreferenceData"].items()
        if order[0] != "gregorian"
    }
    likely = json.loads((supplemental / "likelySubtags.json").read_text(encoding="utf-8"))
    languages = {
        tag: full.rsplit("-", 1)[1]
        for tag, full in likely["supplemental"]["likelySubtags"].items()
        if not tag.startswith("und") and full.rsplit("-", 1)[1] in regions
    }
    return {"regions": regions, "likely_regions": languages}


def main(persian: Path, islamic: Path, core: Path, out: Path) -> None:
    def version(package: Path) -> str:
        return str(json.loads((package / "package.json").read_text(encoding="utf-8"))["version"])

    def write(name: str, doc: dict[str, Any]) -> None:
        text = json.dumps(doc, ensure_ascii=False, indent=0, sort_keys=True) + "\n"
        (out / name).write_text(text, encoding="utf-8")

    write(
        "calendars.json",
        {
            "source": (
                f"CLDR {version(persian)} persian calendar (npm cldr-cal-persian-full {version(persian)}), "
                f"CLDR {version(islamic)} islamic calendar (npm cldr-cal-islamic-full {version(islamic)}); "
                "scripts/cldr_calendars.py"
            ),
            "calendars": {
                "persian": calendar_locales(persian, "persian"),
                "islamic": calendar_locales(islamic, "islamic"),
            },
        },
    )
    write(
        "calendar_defaults.json",
        {
            "source": (
                f"CLDR {version(core)} calendarPreferenceData and likelySubtags (npm cldr-core {version(core)}); "
                "scripts/cldr_calendars.py"
            ),
            **defaults(core),
        },
    )


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:5]))
