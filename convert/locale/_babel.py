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


def prime_locale_data(name: str) -> None:
    """Babel's CLDR data for the locale ``name`` (``en``, ``fr_CA``) read back from the cache folder,
    when Babel has not read it in this process yet.

    Babel reads a locale by loading its whole ``global.dat`` (470 KB, for the table of parent
    locales), then ``root.dat`` and the locale's own files, and merging them: about 17 ms of a
    0.17 s plain-text conversion (issue 18). The merged dictionary, kept under Babel's version
    (:func:`convert.cache.cached_pickle`), loads in 6-7 ms. It goes into Babel's own cache of locale
    data, where ``babel.localedata.load`` finds it and answers with it as with what it reads; a
    Babel without that cache reads its files as before.
    """
    import babel
    from babel import localedata

    cache, lock = getattr(localedata, "_cache", None), getattr(localedata, "_cache_lock", None)
    if not isinstance(cache, dict) or lock is None or name in cache:
        return
    from ..cache import cached_pickle

    key = ["babel", babel.__version__, name, _data_stamp(getattr(localedata, "_dirname", None), name)]
    data = cached_pickle(f"babel-{name}", key, lambda: localedata.load(name))
    if isinstance(data, dict) and data:
        with lock:
            cache.setdefault(name, data)


def _data_stamp(folder: str | None, name: str) -> list[object]:
    """Where Babel's data for ``name`` is, and the size and time of each file Babel merges for it
    (the locale's, its parents' up to ``root`` and ``global.dat``, which names the parents): a Babel
    of the same version with other data (a source build, a distribution's patch) is not answered
    from this one's copy."""
    import os

    import babel

    parents = global_table("parent_exceptions")
    files, ident = [], name
    while ident and ident != "root":
        files.append(os.path.join(folder or "", f"{ident}.dat"))
        ident = parents.get(ident) or ("_".join(ident.split("_")[:-1]) or "root")
    files += [
        os.path.join(folder or "", "root.dat"),
        os.path.join(os.path.dirname(babel.__file__), "global.dat"),
    ]
    stamp: list[object] = [folder]
    for path in files:
        try:
            info = os.stat(path)
        except OSError:
            stamp.append(None)
        else:
            stamp += [info.st_size, info.st_mtime_ns]
    return stamp


def global_table(key: str) -> dict[str, str]:
    """``babel.core.get_global(key)`` for a table of strings (``parent_exceptions``,
    ``language_aliases``), kept in the cache folder under Babel's version so a process that needs
    no more of ``global.dat`` does not load all of it (5-7 ms)."""
    import os

    import babel

    from ..cache import cached_json

    def build() -> dict[str, str]:
        from babel.core import get_global

        return {str(k): str(v) for k, v in get_global(key).items()}  # type: ignore[arg-type]

    try:
        info = os.stat(os.path.join(os.path.dirname(babel.__file__), "global.dat"))
        stamp: list[object] = [info.st_size, info.st_mtime_ns]
    except OSError:
        stamp = []
    table = cached_json(f"babel-{key}", ["babel", babel.__version__, key, *stamp], build)
    return table if isinstance(table, dict) else build()
