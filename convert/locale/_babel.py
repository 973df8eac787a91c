"""Babel's date module, imported once, before anything reads a locale's data.

``babel.dates`` asks for the machine's time zone when it is imported (its
``LOCALTZ``). When pytz is installed (htmldate's date parsing
needs it) Babel asks pytz, and pytz checks the zone's name against every
zone file it ships: about 600 file lookups, 10 ms of a 0.2 s plain-text
conversion (issue 18). Reading any locale's data imports ``babel.dates`` too
(the data holds its date patterns), so this module runs first.

Broadsheet never formats in the machine's zone (a time keeps the zone its
source gave), so when nothing in the process has imported pytz yet,
``babel.dates`` is imported here with pytz hidden: Babel then uses the
standard library's :mod:`zoneinfo` for the rest of the process, which it
supports equally (and it still formats pytz zones it is given; only
``babel.dates.get_timezone`` answers with ``zoneinfo`` zones). An
application that wants pytz zones from Babel has imported pytz or
``babel.dates`` before Broadsheet, and then nothing changes; nor on Windows,
where ``zoneinfo`` needs the ``tzdata`` package. A ``None`` a program put in
``sys.modules["pytz"]`` to block pytz stays there.
"""

from __future__ import annotations

import sys


def _import_dates() -> None:
    if "babel.dates" in sys.modules or "pytz" in sys.modules or sys.platform == "win32":
        return
    sys.modules["pytz"] = None  # type: ignore[assignment]  # "import pytz" raises ModuleNotFoundError
    try:
        import babel.dates  # noqa: F401
    finally:
        if sys.modules.get("pytz", 0) is None:  # still our block, not a module imported since
            del sys.modules["pytz"]


_import_dates()
