"""A local file converted into an output folder that web pages share (its manifest, :mod:`.manifest`).

A feed's, a sitemap's or a URL's page keeps its outputs under the folder's manifest
(:mod:`.urls`). A local file converted into that folder (``broadsheet convert x.txt -o OUT/``)
never writes over an output the manifest gives another input: its outputs are then named as
stdin's are when the title's name is taken, after the file plus the first 8 hex digits of its
SHA-256 (``x-3f2a9c1b.pdf``), the same on every run. Its outputs get manifest lines too (by its
absolute path), so a later page keeps clear of them in turn. A folder batch's own lines (its
inputs relative to its folder) claim nothing here: the file may be one of them. A folder without
a manifest is left as it was: no manifest is made for a local file.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path
from typing import Any

from .. import api
from ..errors import OutputError
from .fingerprint import file_sha256
from .manifest import Entry, Manifest

__all__ = ["claimed_stem", "convert_local", "record"]


def claimed_stem(
    src: Path, dest: str | os.PathLike[str], formats: list[str], manifest: Manifest
) -> str | None:
    """The stem for ``src``'s outputs in ``dest``: ``None`` (its own name) unless ``manifest`` lists one
    of those outputs as another input's (another source, other bytes); then ``NAME-<sha256[:8]>``."""
    sha = file_sha256(src)
    mine = os.path.realpath(src)
    for out in api.plan_outputs(src, dest, formats, src.stem).values():
        entry = manifest.entries.get(manifest.key(out))
        # A folder batch's line (its input relative to its folder, no format) may be this very file.
        other = entry is not None and (entry.fmt is not None or os.path.isabs(entry.src))
        if other and entry is not None and entry.src != mine and entry.sha256 != sha:
            return f"{src.stem}-{sha[:8]}"
    return None


def record(src: Path, written: list[Path], manifest: Manifest) -> None:
    """A line in ``manifest`` for each output of ``src`` written: the file's (by its absolute path).

    No fingerprint and no format: a folder batch converts it again when asked, and no page takes it."""
    sha = file_sha256(src)
    for path in written:
        manifest.record(Entry(manifest.key(path), "", os.path.realpath(src), sha))


def convert_local(src: str, dest: str, formats: list[str], **kwargs: Any) -> list[Path]:
    """:func:`convert.api.convert` of the file ``src`` into the folder ``dest``, which has a manifest,
    keeping clear of the outputs it gives other inputs (see the module)."""
    manifest = Manifest(Path(dest))
    stem = claimed_stem(Path(src), dest, formats, manifest)
    written = api.convert(src, dest, to=formats, stem=stem, **kwargs)
    # The lines only keep later pages clear of these files, which they do anyway while the files
    # hold what was written: a manifest that cannot be written costs the conversion nothing.
    with contextlib.suppress(OutputError):
        try:
            record(Path(src), written, manifest)
        finally:
            manifest.close()
    return written
