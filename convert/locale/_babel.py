"""Babel's date module, imported once, before anything reads a locale's data.

``babel.dates`` asks for the machine's time zone when it is imported (its
``LOCALTZ``). When pytz is installed (htmldate's date parsing
needs it) Babel asks pytz, and pytz checks the zone's name against every
zone file it ships: about 600 file lookups, 10 ms of a 0.2 s plain-text
conversion (issue 18). Reading any locale's data imports ``babel.dates`` too
(the data holds its date patterns), so this module runs first.

Broadsheet never formats in the machine's zone (a time keeps the zone its
source gave), so ``babel.dates`` is imported here with pytz hidden: Babel
then uses the standard library's :mod:`zoneinfo`, which it supports equally
(and still formats pytz zones it is given). pytz itself is left as it was.
When something imported ``babel.dates`` before Broadsheet, nothing changes.
"""

from __future__ import annotations

import sys


def _import_dates() -> None:
    if "babel.dates" in sys.modules:
        return
    kept = sys.modules.get("pytz")
    sys.modules["pytz"] = None  # type: ignore[assignment]  # "import pytz" raises ModuleNotFoundError
    try:
        import babel.dates  # noqa: F401
    finally:
        if kept is not None:
            sys.modules["pytz"] = kept
        elif sys.modules.get("pytz", kept) is None:
            del sys.modules["pytz"]


_import_dates()
