"""The user's cache folder and what is kept in it.

A low layer (standard library only), shared by the readers, the locale layer
and the theme loader.

:func:`user_cache_dir` is a folder only this user can write, shared by this
user's processes, for data that is slow to rebuild (the language model
unpacked); :func:`cached_json` keeps derived word lists there under the
versions of the libraries they come from (:func:`installed_version`), and
:func:`cached_pickle` what JSON cannot hold (Babel's merged locale data).
"""

from __future__ import annotations

import contextlib
import functools
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


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
    import hashlib
    import json

    folder = user_cache_dir()
    key = [key, _module_source_digest(getattr(build, "__module__", None)), _module_source_digest(__name__)]
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:16]
    path = folder / f"{stem}-{digest}{suffix}" if folder else None
    if path is not None:
        with contextlib.suppress(Exception):  # missing, cut short or damaged: built again
            return loads(read(path))
    data = dumps(build())
    if path is not None:
        try:
            fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        except OSError:
            return loads(data)
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
    return loads(data)


@functools.cache
def _module_source_digest(module: str | None) -> str | None:
    """A digest of the module's source file (``None`` if it has none)."""
    import hashlib
    import sys

    path = getattr(sys.modules.get(module or ""), "__file__", None)
    try:
        return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:16] if path else None
    except OSError:
        return None
