"""The word sets kept in the user's cache folder are the libraries' own (issue 18): nameparser's
prefixes and titles, and the gazetteer's places derived from pycountry, Babel and countryinfo."""

from __future__ import annotations

import importlib.metadata
import pickle
from pathlib import Path

import pytest

from convert import gazetteer, names
from convert.cache import installed_version

SETS = ("countries", "aliases", "regions", "cities", "demonyms")


@pytest.mark.parametrize("package", ["nameparser", "pycountry", "countryinfo", "babel"])
def test_installed_version_is_the_distributions(package: str) -> None:
    assert installed_version(package) == importlib.metadata.version(package)


def test_a_module_without_a_distribution_has_no_version() -> None:
    assert installed_version("json") is None
    assert installed_version("no_such_package_here") is None


def test_the_cached_nameparser_words_are_nameparsers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    direct = names._nameparser_words()
    assert len(direct["prefixes"]) > 50 and len(direct["titles"]) > 500
    assert names._load_nameparser_words() == direct  # built, then stored
    (stored,) = tmp_path.glob("nameparser-*.json")
    assert names._load_nameparser_words() == direct  # read back
    stored.write_text('{"prefixes": [', encoding="utf-8")  # a damaged copy is built again
    assert names._load_nameparser_words() == direct
    assert frozenset(direct["prefixes"]) <= names.PARTICLES
    assert "editor" in names._ROLE_WORDS and not names.looks_like_name("Staff Writer")


@pytest.mark.parametrize("kind", SETS)
def test_the_cached_gazetteer_sets_are_the_libraries(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    build = getattr(gazetteer, f"_build_{kind}")
    direct = build()
    load = getattr(gazetteer, f"_{kind}")
    for _ in range(2):  # built and stored, then read back
        load.cache_clear()
        try:
            found = load()
        finally:
            load.cache_clear()
        assert found == direct and type(found) is type(direct)
    assert len(list(tmp_path.glob("gazetteer-*.json"))) >= 1
    assert len(direct) > 100


def test_a_cached_copy_of_another_shape_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    direct = names._nameparser_words()
    names._load_nameparser_words()
    gazetteer._aliases.cache_clear()
    gazetteer._aliases()
    for stored in tmp_path.glob("*.json"):
        stored.write_text('["a list"]', encoding="utf-8")
    gazetteer._aliases.cache_clear()
    try:
        assert gazetteer._aliases() == gazetteer._build_aliases()
    finally:
        gazetteer._aliases.cache_clear()
    assert names._load_nameparser_words() == direct


def test_a_cached_word_list_is_keyed_by_its_builders_source(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same stem and key built by code in another module is another file: edited code is rebuilt."""
    import textwrap
    import types

    from convert.cache import cached_json

    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    made = []
    for n, words in enumerate((["a"], ["b"])):
        path = tmp_path / f"builder_{n}.py"
        path.write_text(textwrap.dedent(f"def build():\n    return {words!r}\n"), encoding="utf-8")
        module = types.ModuleType(f"builder_{n}")
        module.__file__ = str(path)
        exec(compile(path.read_text(encoding="utf-8"), str(path), "exec"), module.__dict__)
        monkeypatch.setitem(__import__("sys").modules, module.__name__, module)
        made.append(cached_json("words", ["lib", "1.0"], module.build))
    assert made == [["a"], ["b"]]
    assert len(list(tmp_path.glob("words-*.json"))) == 2


BABEL_FROM_CACHE = """
import json, pickle, sys
from convert.locale import display_date, quote_marks
from convert.locale.text import babel_locale
import babel.core, babel.localedata
names = [str(babel_locale(tag)) for tag in sys.argv[1:]]
answers = [display_date("2024-10-14T22:37:00+03:00", t) for t in sys.argv[1:]]
answers += [quote_marks(t, 1) for t in sys.argv[1:]]
data = {n: pickle.dumps(babel.localedata._cache[n], 5).hex() for n in names}
print(json.dumps([babel.core._global_data is None, answers, data]))
"""


def test_babels_locale_data_read_back_from_the_cache_is_babels(tmp_path: Path) -> None:
    """The merged CLDR data of a locale, pickled into the cache folder by the first process, is
    what Babel itself reads in the next, byte for byte once pickled again; with it and the two
    global tables the next process formats the same without loading Babel's global.dat."""
    import json
    import os
    import subprocess
    import sys

    tags = ["en", "fr-CA", "de", "zh-TW"]  # Babel resolves zh-TW (to zh_Hant_TW) through global.dat
    env = {**os.environ, "BROADSHEET_CACHE_DIR": str(tmp_path)}

    def run(*tags: str) -> list:
        proc = subprocess.run(
            [sys.executable, "-c", BABEL_FROM_CACHE, *tags],
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        return json.loads(proc.stdout)

    _, fresh_answers, fresh = run(*tags)  # reads Babel's files and stores the copies
    assert len(list(tmp_path.glob("babel-*.pickle"))) == 4
    _, answers, cached = run(*tags)
    assert cached == fresh and answers == fresh_answers
    assert answers[0] == "October 14, 2024, 10:37\u202fPM GMT+03:00"
    assert run(*tags[:3])[0], "global.dat was loaded"
    (stored,) = tmp_path.glob("babel-en-*.pickle")
    stored.write_bytes(stored.read_bytes()[:1000])  # a copy cut short is read again from Babel
    assert run(*tags)[1:] == [fresh_answers, fresh]


def test_a_pickle_is_read_only_from_this_users_own_unshared_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A pickle runs code when read: one others may write, or a link, is built again instead."""
    import os

    from convert import cache

    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path / "cache"))
    built: list[int] = []

    def build() -> dict[str, int]:
        built.append(1)
        return {"answer": 42}

    assert cache.cached_pickle("probe", ["v1"], build) == {"answer": 42}
    assert cache.cached_pickle("probe", ["v1"], build) == {"answer": 42} and len(built) == 1  # read back
    (stored,) = (tmp_path / "cache").glob("probe-*.pickle")
    forged = pickle.dumps({"answer": 666})
    stored.write_bytes(forged)
    os.chmod(stored, 0o666)  # someone else could have written it
    assert cache.cached_pickle("probe", ["v1"], build) == {"answer": 42} and len(built) == 2
    elsewhere = tmp_path / "elsewhere.pickle"
    elsewhere.write_bytes(forged)
    stored.unlink()
    stored.symlink_to(elsewhere)  # a link to a file elsewhere
    assert cache.cached_pickle("probe", ["v1"], build) == {"answer": 42} and len(built) == 3
    stored.unlink()
    os.mkfifo(stored)  # a FIFO in its place: not waited on, built again
    assert cache.cached_pickle("probe", ["v1"], build) == {"answer": 42} and len(built) == 4
    monkeypatch.delattr(os, "getuid")  # no user ids to check (Windows): no pickle at all
    before = sorted(p.name for p in (tmp_path / "cache").iterdir())
    assert cache.cached_pickle("probe", ["v2"], build) == {"answer": 42} and len(built) == 5
    assert sorted(p.name for p in (tmp_path / "cache").iterdir()) == before


def test_babels_cached_data_is_keyed_by_every_file_merged_into_it(tmp_path: Path) -> None:
    """fr_CA's data is merged from fr_CA.dat, fr.dat and root.dat: a change to a parent's file, with
    the locale's own untouched, is a new key (a distribution may patch Babel's data in place)."""
    import os
    import shutil

    from babel import localedata

    from convert.locale._babel import _data_stamp

    for name in ("fr_CA", "fr", "root"):
        shutil.copy2(os.path.join(localedata._dirname, f"{name}.dat"), tmp_path / f"{name}.dat")
    before = _data_stamp(str(tmp_path), "fr_CA")
    assert _data_stamp(str(tmp_path), "fr_CA") == before
    for parent in ("fr", "root"):
        info = os.stat(tmp_path / f"{parent}.dat")
        os.utime(tmp_path / f"{parent}.dat", ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))
        assert _data_stamp(str(tmp_path), "fr_CA") != before, parent
        before = _data_stamp(str(tmp_path), "fr_CA")
