"""What compiling costs every process is kept for the next (issue 18): regular expressions' engine code
(:func:`convert._regex.compiled`) and the methods :mod:`dataclasses` generates
(:func:`convert.cache.dataclass`), in :class:`convert.cache.CompiledStore` files in the user's cache
folder. A pattern or class built from the store must be the one the standard library builds."""

from __future__ import annotations

import copy
import dataclasses
import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest

from convert import _regex, cache, model
from convert.cache import CompiledStore

PATTERNS: list[tuple[str | bytes, int]] = [
    (r"\d{4}-\d{2}-\d{2}", 0),
    (r"(?P<y>\d{4})(?P<m>\d{2})(?:T?(?P<H>\d{2}))?", 0),
    (r"(?:editor['’]?s['’]?|editorial)\s+note\b", re.I),
    (r"[^\W_]+(?:[’'.-][^\W_]+)*", 0),
    (r"^ {0,3}(`{3,}|~{3,})", re.M),
    (r"(`+)(?:(?!\1).)+?\1", 0),
    (r"(?<!last),?\s+(?=(?:last\s+)?updated\b)", re.I | re.A),
    (r"(?x) a  b # spaced\n c", 0),
    (r"(?i)straße|ǅ", 0),
    (r"[\u3040-\u30ff\u4e00-\u9fff]{2,4}", 0),
    (r".+", re.S),
    (rb"<!DOCTYPE", re.I),
    (rb"[\xc2-\xf4][\x80-\xbf]+", 0),
    (r"(a)|(?P<b>b)(?(1)x|y)", 0),
]
SUBJECTS = [
    "2024-10-14",
    "20241014T09",
    "Editor’s note: x",
    "Last updated",
    "   ```code",
    "`a` ``b``",
    "STRASSE ǆ",
]


def _store_files(folder: Path, stem: str) -> list[Path]:
    return list(folder.glob(f"{stem}-*.marshal"))


@pytest.fixture
def fresh(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty cache folder and a regex store that has not been read yet."""
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(tmp_path))
    monkeypatch.setattr(_regex, "_STORE", None)
    monkeypatch.setattr(_regex, "_BUILT", {})
    monkeypatch.setattr(cache, "_DATACLASS_METHODS", CompiledStore("dataclass-methods"))
    return tmp_path


def _same_pattern(ours: re.Pattern[str] | re.Pattern[bytes], pattern: str | bytes, flags: int) -> None:
    theirs = re.compile(pattern, flags)
    assert type(ours) is re.Pattern
    assert ours == theirs  # same flags, pattern and engine code
    assert (ours.pattern, ours.flags, ours.groups, dict(ours.groupindex)) == (
        theirs.pattern,
        theirs.flags,
        theirs.groups,
        dict(theirs.groupindex),
    )
    for subject in SUBJECTS:
        text: str | bytes = subject.encode() if isinstance(pattern, bytes) else subject
        got, want = ours.search(text), theirs.search(text)  # type: ignore[arg-type]
        assert (got and (got.span(), got.groups(), got.groupdict())) == (
            want and (want.span(), want.groups(), want.groupdict())
        )
    assert pickle.loads(pickle.dumps(ours)) == theirs and copy.deepcopy(ours) is ours


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS, ids=lambda v: repr(v)[:30])
def test_a_pattern_from_the_store_is_res_own(fresh: Path, pattern: str | bytes, flags: int) -> None:
    _same_pattern(_regex.compiled(pattern, flags), pattern, flags)  # compiled here, stored
    assert _regex._STORE is not None
    _regex._STORE.save()
    (stored,) = _store_files(fresh, "regex")
    _regex._STORE, _regex._BUILT = None, {}  # as a new process: read back from the file
    from_store = _regex.compiled(pattern, flags)
    assert not _regex._STORE._added  # a hit: nothing compiled again, nothing added
    _same_pattern(from_store, pattern, flags)


def test_a_store_is_read_back_by_a_new_process(fresh: Path) -> None:
    code = (
        "import re, sys; from convert import _regex\n"
        "p = _regex.compiled(r'(?P<w>\\w+)-(\\d+)', re.I)\n"
        "print(_regex._STORE._added, p == re.compile(p.pattern, re.I))\n"
    )
    env = {**os.environ, "BROADSHEET_CACHE_DIR": str(fresh)}
    runs = [
        subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True)
        for _ in "ab"
    ]
    assert [r.stdout.split() for r in runs] == [
        ["True", "True"],
        ["False", "True"],
    ]  # added, stored at exit; then found


def test_a_damaged_or_foreign_store_falls_back_to_compiling(fresh: Path) -> None:
    _regex.compiled(r"(\d+)-(\d+)")
    _regex._STORE.save()
    (stored,) = _store_files(fresh, "regex")
    good = stored.read_bytes()
    import marshal

    key, entries = marshal.loads(good)
    bad_entry = {k: (v[0], [999999, 1, 2], v[2], v[3], v[4]) for k, v in entries.items()}
    for damaged in (
        good[: len(good) // 2],  # cut short
        b"not marshal at all",
        marshal.dumps(((key[0], "another Python", key[2]), entries)),  # another interpreter's
        marshal.dumps((key, bad_entry)),  # engine code the engine refuses
        marshal.dumps((key, {k: "junk" for k in entries})),
    ):
        stored.write_bytes(damaged)
        _regex._STORE, _regex._BUILT = None, {}
        _same_pattern(_regex.compiled(r"(\d+)-(\d+)"), r"(\d+)-(\d+)", 0)


def test_a_store_others_may_write_is_not_read(fresh: Path) -> None:
    store = CompiledStore("probe")
    store.put("x", 1)
    store.save()
    (path,) = _store_files(fresh, "probe")
    assert path.parent == cache.user_cache_dir() == fresh
    assert CompiledStore("probe").get("x") == 1
    path.chmod(0o666)
    assert CompiledStore("probe").get("x") is None


def test_a_full_store_takes_no_more(fresh: Path) -> None:
    """Patterns built from data must not pile up: a store at its limit keeps what it has, in memory and on disk."""
    first = CompiledStore("grow", limit=3)
    for i in range(4):
        first.put(f"old{i}", i)
    assert first.get("old3") is None
    first.save()
    second = CompiledStore("grow", limit=3)
    assert second.get("old1") == 1
    second.put("new", 9)
    assert second.get("new") is None and not second._added
    third = CompiledStore("grow", limit=3)
    assert (third.get("old0"), third.get("old2"), third.get("new")) == (0, 2, None)


def test_a_pattern_built_from_data_is_not_stored(fresh: Path) -> None:
    import datetime as dt

    from convert.dates import day_pattern

    _regex.compiled(r"x+")  # the store exists
    before = len(_regex._STORE._entries or {})
    for n in range(5):
        assert day_pattern(dt.date(2020, 1, 1 + n)).search(f"{1 + n} January 2020")
    assert len(_regex._STORE._entries or {}) == before


def test_two_builds_of_one_python_keep_a_store_each(fresh: Path) -> None:
    one, two = CompiledStore("probe", "build one"), CompiledStore("probe", "build two")
    one.put("x", 1)
    two.put("x", 2)
    one.save()
    two.save()
    assert one.path() != two.path()
    assert (CompiledStore("probe", "build one").get("x"), CompiledStore("probe", "build two").get("x")) == (
        1,
        2,
    )


def test_a_store_is_written_back_where_it_was_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A store read from one folder never writes into another the environment names later (tests, hosts)."""
    first, later = tmp_path / "first", tmp_path / "later"
    for folder in (first, later):
        folder.mkdir(mode=0o700)
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(first))
    store = CompiledStore("probe")
    store.put("x", 1)
    monkeypatch.setenv("BROADSHEET_CACHE_DIR", str(later))
    store.save()
    assert [p.parent for p in first.glob("probe-*")] == [first] and not list(later.glob("probe-*"))


def test_another_threads_dataclasses_are_not_stored(fresh: Path) -> None:
    """While Broadsheet defines its classes, a host thread's dataclasses compile as ``dataclasses`` does."""
    import threading

    host_sources: list[str] = []
    stop = threading.Event()

    def host() -> None:
        i = 0
        while not stop.is_set():
            dataclasses.make_dataclass(f"Host{i}", [(f"host_field_{i}", int)])
            host_sources.append(f"host_field_{i}")
            i += 1

    thread = threading.Thread(target=host)
    thread.start()
    try:
        for n in range(30):
            cache.dataclass(frozen=True)(type(f"Ours{n}", (), {"__annotations__": {f"ours_{n}": "int"}}))
    finally:
        stop.set()
        thread.join()
    stored = " ".join(k for k in (cache._DATACLASS_METHODS._entries or {}) if isinstance(k, str))
    assert host_sources and "ours_29" in stored
    assert "host_field_" not in stored


def test_the_regex_store_is_keyed_by_the_engine() -> None:
    import _sre

    store = CompiledStore("regex", (_sre.MAGIC, _sre.CODESIZE))
    assert store.key == (CompiledStore.FORMAT, sys.version, (_sre.MAGIC, _sre.CODESIZE))
    assert store.path().name.startswith(f"regex-{sys.implementation.cache_tag}-")  # type: ignore[union-attr]


# --------------------------------------------------------------------------
# dataclasses


def _classes(decorator: object) -> dict[str, type]:
    """The same small classes as the model's kinds, built with ``decorator``."""
    ns: dict[str, object] = {"decorator": decorator, "field": dataclasses.field}
    exec(  # noqa: S102 - a fixed test source
        "from __future__ import annotations\n"
        "@decorator(frozen=True, slots=True)\n"
        "class Point:\n"
        "    x: int\n"
        "    y: int = 0\n"
        "    tags: tuple[str, ...] = ()\n"
        "@decorator(order=True)\n"
        "class Row:\n"
        "    name: str\n"
        "    values: list[int] = field(default_factory=list)\n"
        "    hidden: int = field(default=0, repr=False, compare=False)\n"
        "@decorator(slots=True)\n"
        "class Box:\n"
        "    content: object\n",
        ns,
    )
    return {k: v for k, v in ns.items() if isinstance(v, type)}


def _behaviour(classes: dict[str, type]) -> list[object]:
    point, row, box = classes["Point"], classes["Row"], classes["Box"]
    p = point(1, 2, ("a",))
    out: list[object] = [
        repr(p),
        p == point(1, 2, ("a",)),
        p != point(1),
        hash(p) == hash(point(1, 2, ("a",))),
    ]
    out += [repr(dataclasses.replace(p, y=5)), dataclasses.asdict(p), [f.name for f in dataclasses.fields(p)]]
    try:
        p.x = 3  # type: ignore[misc]
    except dataclasses.FrozenInstanceError as exc:
        out.append(type(exc).__name__)
    out += [point.__slots__, hasattr(p, "__dict__"), point.__doc__, point.__match_args__]
    r = row("a", [1], hidden=4)
    out += [repr(r), r == row("a", [1]), r < row("b"), sorted([row("b"), row("a")]) == [row("a"), row("b")]]
    out += [repr(box([1])), box(1) == box(1), box.__hash__ is None]
    return out


def test_a_dataclass_from_the_store_behaves_as_the_standard_one(fresh: Path) -> None:
    standard = _behaviour(_classes(dataclasses.dataclass))
    store = cache._DATACLASS_METHODS
    assert _behaviour(_classes(cache.dataclass)) == standard  # compiled here
    assert store.get(next(iter(store._entries or {}))) is not None
    store.save()
    assert _store_files(fresh, "dataclass-methods")
    new = CompiledStore("dataclass-methods")  # as a new process reads it
    assert new.key == store.key and len(new._load()) >= 9
    assert not hasattr(dataclasses, "exec")  # the standard decorator is left as it was


def test_the_models_classes_keep_their_api() -> None:
    a = model.Author("Vladimir Sazhin", role="author")
    assert repr(a) == "Author(name='Vladimir Sazhin', role='author', bio=None)"
    assert a == model.Author("Vladimir Sazhin", role="author") and hash(a) == hash(dataclasses.replace(a))
    assert pickle.loads(pickle.dumps(a)) == a and dataclasses.asdict(a)["name"] == "Vladimir Sazhin"
    assert dataclasses.is_dataclass(model.Article) and model.Text.__slots__ == ("text",)
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.name = "x"  # type: ignore[misc]
    from kitchen import KITCHEN_SINK  # every node kind

    assert model.from_json(model.to_json(KITCHEN_SINK)) == KITCHEN_SINK
    assert hash(KITCHEN_SINK) == hash(model.from_json(model.to_json(KITCHEN_SINK)))
    assert pickle.loads(pickle.dumps(KITCHEN_SINK)) == KITCHEN_SINK


def test_a_new_process_builds_the_models_methods_from_the_store(tmp_path: Path) -> None:
    code = (
        "import dataclasses, json, sys\n"
        "compiled = []\n"
        "import builtins\n"
        "real = builtins.compile\n"
        "def traced(source, *a, **k):\n"
        "    if isinstance(source, str) and source.startswith('def __create_fn__('):\n"  # dataclasses' text
        "        compiled.append(1)\n"
        "    return real(source, *a, **k)\n"
        "builtins.compile = traced\n"
        "from convert import model\n"
        "builtins.compile = real\n"
        "print(json.dumps([len(compiled), repr(model.Text('x'))]))\n"
    )
    env = {**os.environ, "BROADSHEET_CACHE_DIR": str(tmp_path)}
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
            ).stdout
        )
        for _ in "ab"
    ]
    assert runs[0][0] > 20 and runs[1][0] == 0  # every method compiled once, then none
    assert runs[0][1] == runs[1][1] == "Text(text='x')"
