"""A local file converted into an output folder that web pages share (its manifest, :mod:`.manifest`).

A feed's, a sitemap's or a URL's page keeps its outputs under the folder's manifest
(:mod:`.urls`). A local file converted into that folder (``broadsheet convert x.txt -o OUT/``)
never writes over an output the manifest gives another input: its outputs are then named as
stdin's are when the title's name is taken, after the file plus the first 8 hex digits of its
SHA-256 (``x-3f2a9c1b.pdf``), the same on every run. Its outputs get manifest lines too (by its
absolute path), so a later page, or a folder batch's file of the same name, keeps clear of them in
turn. Another input is one whose line names another source and other bytes: a folder batch's line
names its input's absolute path (a line written before it did names only its bytes), so the file
converted alone writes its own name again, edited or not. When an edit changes the 8 digits, the
file's earlier output of that format and its line are removed: one output per file and format,
not one per edit. A folder without a manifest is left as it was: no manifest is made for a local
file.

Only :mod:`.manifest` is loaded besides (not the folder batch's pool); the file is hashed once.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Any

from .. import api
from ..cache import sha256
from ..errors import OutputError
from .manifest import Entry, Manifest

__all__ = ["claimed_stem", "convert_local", "file_digest", "record"]

_CHUNK = 1 << 20


def file_digest(src: Path) -> str:
    """The SHA-256 of the file's bytes (:func:`convert.cache.sha256`: no OpenSSL to load)."""
    h = sha256()
    with src.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _same_input(entry: Entry, mine: str, sha: str) -> bool:
    """Whether the manifest line ``entry`` is this file's (at ``mine``, bytes ``sha``), or its bytes."""
    if entry.sha256 == sha:
        return True
    if entry.fmt is not None:
        return False  # a web page's
    return (entry.src if os.path.isabs(entry.src) else entry.path) == mine


def claimed_stem(
    src: Path, dest: str | os.PathLike[str], formats: list[str], manifest: Manifest, sha: str
) -> str | None:
    """The stem for ``src``'s outputs in ``dest``: ``None`` (its own name) unless ``manifest`` lists one
    of those outputs as another input's (another source, other bytes); then ``NAME-<sha256[:8]>``."""
    mine = os.path.realpath(src)
    for out in api.plan_outputs(src, dest, formats, src.stem).values():
        entry = manifest.entries.get(manifest.key(out))
        if entry is not None and not _same_input(entry, mine, sha):
            return f"{src.stem}-{sha[:8]}"
    return None


def record(src: Path, written: list[Path], manifest: Manifest, sha: str) -> None:
    """A line in ``manifest`` for each output of ``src`` written: the file's (by its absolute path).

    No fingerprint and no format: a folder batch converts it again when asked, and no page takes
    it. The file's earlier hashed outputs (``NAME-<8 hex>``) of the same format and folder, made
    from other bytes, are removed with their lines."""
    mine = os.path.realpath(src)
    keys = {manifest.key(path) for path in written}
    for path in written:
        pattern = re.compile(re.escape(src.stem) + "-[0-9a-f]{8}" + re.escape(path.suffix))
        for entry in list(manifest.entries.values()):
            old = manifest.folder / entry.out
            if (
                entry.fmt is None
                and entry.src == mine
                and entry.out not in keys
                and old.parent == path.parent
                and pattern.fullmatch(old.name)
            ):
                try:
                    old.unlink()
                except FileNotFoundError:
                    pass
                except OSError:
                    continue  # still there: its line stays
                manifest.forget(entry.out)
        manifest.record(Entry(manifest.key(path), "", mine, sha))


def convert_local(src: str, dest: str, formats: list[str], **kwargs: Any) -> list[Path]:
    """:func:`convert.api.convert` of the file ``src`` into the folder ``dest``, which has a manifest,
    keeping clear of the outputs it gives other inputs (see the module)."""
    manifest = Manifest(Path(dest))
    sha = file_digest(Path(src))
    stem = claimed_stem(Path(src), dest, formats, manifest, sha)
    written = api.convert(src, dest, to=formats, stem=stem, **kwargs)
    # The lines only keep later pages clear of these files, which they do anyway while the files
    # hold what was written: a manifest that cannot be written costs the conversion nothing.
    with contextlib.suppress(OutputError):
        try:
            record(Path(src), written, manifest, sha)
        finally:
            manifest.close()
    return written
