"""The user's cache folder and what is kept in it.

A low layer (standard library only), shared by the readers, the locale layer
and the theme loader.

:func:`user_cache_dir` is a folder only this user can write, shared by this
user's processes, for data that is slow to rebuild (the language model
unpacked); :func:`cached_json` keeps derived word lists there under the
versions of the libraries they come from (:func:`installed_version`), and
:func:`cached_pickle` what JSON cannot hold (Babel's merged locale data).
:class:`CompiledStore` keeps what compiling source text gave (regular
expressions' engine code, the methods :mod:`dataclasses` generates) for the
next process of the same Python, and :func:`dataclass` is the standard
decorator whose generated methods come from such a store.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Hashable
from pathlib import Path
from typing import TYPE_CHECKING, Any, dataclass_transform

if TYPE_CHECKING:
    import hashlib


def sha256(data: bytes = b"") -> hashlib._Hash:
    """``hashlib.sha256(data)``: the same digest, from the interpreter's own SHA-256 module when it has
    one (``_sha2`` from Python 3.12, ``_sha256`` before), else from :mod:`hashlib`.

    Importing :mod:`hashlib` loads OpenSSL's ``libcrypto``: 11 M of a cold one-file conversion's
    580 M instructions (issue 18), for digests of a few kilobytes, where OpenSSL's faster hashing
    cannot pay that back.
    """
    digest: hashlib._Hash = _sha256_impl()(data)
    return digest


@functools.cache
def _sha256_impl() -> Callable[[bytes], hashlib._Hash]:
    """The SHA-256 constructor, looked up once (a failed import is not cached by Python: it searches again)."""
    try:
        from _sha2 import sha256 as impl  # type: ignore[import-not-found]
    except ImportError:
        try:
            from _sha256 import sha256 as impl  # type: ignore[import-not-found,no-redef]
        except ImportError:
            from hashlib import sha256 as impl
    return impl  # type: ignore[no-any-return]


def user_cache_dir() -> Path | None:
    """``$TMPDIR/broadsheet-UID``: only this user may write it; ``None`` if it is not safe or cannot be made.

    ``BROADSHEET_CACHE_DIR`` names another folder (the same checks apply).
    """
    base = os.environ.get("BROADSHEET_CACHE_DIR")
    uid = os.getuid() if hasattr(os, "getuid") else None
    folder = (
        Path(base)
        if base
        else Path(tempfile.gettempdir()) / f"broadsheet-{uid if uid is not None else 'user'}"
    )
    try:
        folder.mkdir(mode=0o700, parents=bool(base), exist_ok=True)
        info = os.lstat(folder)
    except OSError:
        return None
    if uid is not None and (not stat.S_ISDIR(info.st_mode) or info.st_uid != uid or info.st_mode & 0o077):
        return None
    return folder


@functools.cache
def installed_version(package: str) -> str | None:
    """The installed version of the distribution that holds the top-level ``package``, found from its
    ``NAME-VERSION.dist-info`` folder beside it without importing the package or
    :mod:`importlib.metadata` (both cost a cold process more than the answer); ``None`` when there is
    no single such folder (a source checkout, an editable install): callers then cache nothing.
    """
    import importlib.util

    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    if spec is None or spec.origin is None:
        return None
    where = os.path.dirname(spec.origin)
    if spec.submodule_search_locations:
        where = os.path.dirname(where)
    found = [n for n in _dist_infos(where) if n.split("-")[0].lower() == package.lower()]
    return found[0].removesuffix(".dist-info").split("-")[1] if len(found) == 1 else None


@functools.cache
def _dist_infos(folder: str) -> tuple[str, ...]:
    """The ``*.dist-info`` folders in ``folder`` (site-packages), listed once per process."""
    try:
        return tuple(n for n in os.listdir(folder) if n.endswith(".dist-info"))
    except OSError:
        return ()


def cached_json(stem: str, key: object, build: Callable[[], object]) -> Any:
    """``build()`` as JSON gives it back, kept in :func:`user_cache_dir` under a hash of ``key``.

    ``key`` (JSON) names what the answer depends on besides the code: the versions of the libraries
    it is derived from. The sources of the module that defines ``build`` and of this one (how the
    copy is written) are added to it, so an edited builder is not answered from an old copy. The
    answer keeps the order ``build`` gave it (a theme's tokens are written in theirs). A missing or damaged copy is built again and
    stored whole or not at all; without a cache folder the answer is built every time.
    """
    import json

    def dumps(value: object) -> bytes:
        return json.dumps(value, ensure_ascii=False).encode("utf-8")

    return _cached(stem, ".json", key, build, dumps, json.loads)


def cached_pickle(stem: str, key: object, build: Callable[[], object]) -> Any:
    """:func:`cached_json` for answers JSON cannot hold (a library's own objects), kept as a pickle.

    A pickle runs code when it is read, so it is read only from :func:`user_cache_dir`, which is
    refused unless this user alone may write it, and only from a regular file (not a link) that this
    user owns and no one else may write. Where the system has no user ids to check (Windows), no
    pickle is read or written: the answer is built every time.
    """
    import pickle

    if not hasattr(os, "getuid"):
        return build()
    return _cached(
        stem,
        ".pickle",
        key,
        build,
        lambda v: pickle.dumps(v, pickle.HIGHEST_PROTOCOL),
        pickle.loads,
        read=_read_own_file,
    )


def _read_own_file(path: Path) -> bytes:
    """``path``'s bytes if it is a regular file, no link, that this user owns and only this user may
    write (checked on the open file, so it cannot be swapped after the check)."""
    fd = os.open(
        path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    )  # a FIFO: no wait
    with os.fdopen(fd, "rb") as fh:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o022:
            raise PermissionError(f"{path}: not this user's own file")
        return fh.read()


def _cached(
    stem: str,
    suffix: str,
    key: object,
    build: Callable[[], object],
    dumps: Callable[[object], bytes],
    loads: Callable[[bytes], Any],
    read: Callable[[Path], bytes] = Path.read_bytes,
) -> Any:
    import json

    folder = user_cache_dir()
    key = [key, _module_source_digest(getattr(build, "__module__", None)), _module_source_digest(__name__)]
    digest = sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:16]
    path = folder / f"{stem}-{digest}{suffix}" if folder else None
    if path is not None:
        with contextlib.suppress(Exception):  # missing, cut short or damaged: built again
            return loads(read(path))
    data = dumps(build())
    if path is not None:
        _write_whole(path, data)
    return loads(data)


def _write_whole(path: Path, data: bytes) -> None:
    """``data`` into ``path`` whole or not at all (a temporary file renamed); an ``OSError`` leaves it as it was."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)  # whole or not at all, whichever process or thread wins
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


@functools.cache
def _module_source_digest(module: str | None) -> str | None:
    """A digest of the module's source file (``None`` if it has none)."""
    import sys

    path = getattr(sys.modules.get(module or ""), "__file__", None)
    try:
        return sha256(Path(path).read_bytes()).hexdigest()[:16] if path else None
    except OSError:
        return None


class CompiledStore:
    """What compiling a source gave, kept for the next process of the same Python (issue 18).

    A cold one-file conversion compiled about 80 regular expressions and the
    methods of 35 dataclasses: 30 ms of its CPU, the same work in every
    process. A store maps a source (a pattern, a generated function's text)
    to a value :mod:`marshal` can write (the engine's code, a code object);
    it is read from :func:`user_cache_dir` on first use and written back, with
    what this process added, when the process exits. The file is named by the
    interpreter's cache tag and holds its ``key`` (the format, ``sys.version``
    and what the caller adds), so another Python or another build never reads
    it: a code object is only valid for the interpreter that compiled it.

    Like :func:`cached_pickle`, the file runs code when used, so it is read
    only from this user's own unshared file, and not at all where the system
    has no user ids; a missing, damaged or foreign file counts as empty. A
    store holds at most ``limit`` sources: once full it takes no more (a
    pattern built from data should not be stored at all: use ``re.compile``),
    so neither the file nor a process's memory grows with the inputs.
    The file's name holds a digest of the key too, so two builds of one
    Python version (a system Python and a pyenv one) keep a store each
    instead of overwriting each other's.
    """

    FORMAT = 1

    def __init__(self, stem: str, key: Hashable = None, *, limit: int = 2000) -> None:
        self.stem = stem
        self.key = (self.FORMAT, sys.version, key)
        self.limit = limit
        self._path: Path | None = None  # the file the store was read from, and is written back to
        self._entries: dict[Any, Any] | None = None
        self._added = False
        self._lock = threading.Lock()

    def path(self) -> Path | None:
        """The store's file, or ``None`` where nothing is kept (no safe cache folder, no user ids)."""
        if not hasattr(os, "getuid"):
            return None
        folder = user_cache_dir()
        if folder is None:
            return None
        import marshal

        tag = sha256(marshal.dumps(self.key)).hexdigest()[:12]  # type: ignore[arg-type]
        return folder / f"{self.stem}-{sys.implementation.cache_tag}-{tag}.marshal"

    def _load(self) -> dict[Any, Any]:
        import marshal

        entries: dict[Any, Any] = {}
        path = self._path = self.path()
        if path is not None:
            with contextlib.suppress(Exception):  # missing, cut short, damaged or another interpreter's
                key, found = marshal.loads(_read_own_file(path))
                if key == self.key and type(found) is dict:
                    entries = found
        return entries

    def get(self, source: Any) -> Any:
        """The value kept for ``source``, or ``None``."""
        entries = self._entries
        if entries is None:
            with self._lock:
                if self._entries is None:
                    self._entries = self._load()
                entries = self._entries
        return entries.get(source)

    def put(self, source: Any, value: Any) -> None:
        """Keep ``value`` for ``source``, to be written when the process exits."""
        if self._entries is None:
            self.get(source)
        with self._lock:
            assert self._entries is not None
            if len(self._entries) >= self.limit:
                return  # full: what is built from data must not pile up, in memory or on disk
            self._entries[source] = value
            if not self._added:
                self._added = True
                import atexit

                atexit.register(self.save)

    def save(self) -> None:
        """Write the store now if this process added to it (the exit does it too)."""
        import marshal

        with self._lock:
            if not self._added or self._entries is None:
                return
            try:
                data = marshal.dumps((self.key, self._entries))  # type: ignore[arg-type]
            except ValueError:  # a value marshal cannot write: keep nothing rather than fail at exit
                return
            self._added = False
        path = self._path
        if path is not None:
            _write_whole(path, data)


_DATACLASS_METHODS = CompiledStore("dataclass-methods")
_exec_depth = 0
_exec_lock = threading.Lock()
#: Set in the thread that runs :func:`dataclass`: another thread's dataclasses, built while the
#: module's ``exec`` is shadowed, are compiled as ``dataclasses`` does and never stored.
_ours = threading.local()


def _exec_compiled(source: object, globals: dict[str, Any] | None = None, locals: Any = None) -> None:
    """:func:`exec` as :mod:`dataclasses` calls it, with the source's code object taken from the store.

    ``dataclasses`` compiles without ``from __future__`` flags, as ``dont_inherit=True`` does here, and
    under the file name ``exec`` gives a string, so the code object is the one ``exec`` would make.
    """
    import types

    if not getattr(_ours, "building", False):
        exec(source, globals, locals)  # type: ignore[arg-type] # noqa: S102 - another caller's, untouched
        return
    code = _DATACLASS_METHODS.get(source) if isinstance(source, str) else None
    if type(code) is not types.CodeType:
        code = compile(source, "<string>", "exec", dont_inherit=True)  # type: ignore[call-overload]
        if isinstance(source, str):
            _DATACLASS_METHODS.put(source, code)
    exec(code, globals, locals)  # noqa: S102 - the code dataclasses generated, as dataclasses runs it


@contextlib.contextmanager
def _dataclasses_exec_from_store() -> Any:
    """While inside, :mod:`dataclasses` runs its generated methods' source through :func:`_exec_compiled`
    (its module-level name ``exec`` shadows the builtin; removed again when the last user leaves)."""
    global _exec_depth
    with _exec_lock:
        _exec_depth += 1
        if _exec_depth == 1:
            dataclasses.exec = _exec_compiled  # type: ignore[attr-defined]
    try:
        yield
    finally:
        with _exec_lock:
            _exec_depth -= 1
            if _exec_depth == 0:
                with contextlib.suppress(AttributeError):
                    del dataclasses.exec  # type: ignore[attr-defined]


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(cls: type | None = None, /, **options: Any) -> Any:
    """:func:`dataclasses.dataclass` with the same options and result, its generated methods compiled once
    per Python rather than once per process (:class:`CompiledStore`).

    ``dataclasses`` writes each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``,
    ``__setattr__`` ... as source text and compiles it; that compiling was half the cost of defining the
    model's 22 classes. The class, its methods and their behaviour are what the standard decorator
    gives (``tests/test_compiled_store.py`` compares them).
    """

    def wrap(c: type) -> type:
        outer = getattr(_ours, "building", False)
        _ours.building = True
        try:
            with _dataclasses_exec_from_store():
                return dataclasses.dataclass(**options)(c)
        finally:
            _ours.building = outer

    return wrap if cls is None else wrap(cls)
