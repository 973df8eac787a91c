"""The manifest: one JSON line per finished output, kept in the output folder.

Lines are appended as jobs finish, so a run that is stopped (Ctrl-C, a
kill, a power cut) keeps what it finished and the next run resumes. A torn
last line is ignored. When older lines pile up the file is compacted,
atomically, at the start of a run.

A manifest that cannot be written (a read-only output folder, a full disk)
is an :class:`~convert.errors.OutputError` naming it: the run stops
rather than write outputs no manifest lists.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from ..io import atomic_write, output_error

MANIFEST_NAME = ".broadsheet-manifest.jsonl"
#: fsync the manifest after this many lines (a flush follows every line).
SYNC_EVERY = 64


@dataclass(frozen=True, slots=True)
class Entry:
    """What the manifest knows about one output (``out`` relative to the output folder)."""

    out: str
    fingerprint: str
    src: str
    sha256: str
    #: Web pages (:mod:`convert.batch.urls`) only: the output's format, the sha256 of the bytes
    #: written and their ``size:mtime_ns`` (a file changed since is no longer the page's), and the
    #: page's ``ETag`` / ``Last-Modified`` for a conditional request.
    fmt: str | None = None
    made: str | None = None
    stamp: str | None = None
    etag: str | None = None
    modified: str | None = None
    #: A folder batch's lines: the input's absolute path (``src`` is relative to its folder), so
    #: that the file converted alone is known for the same input (:mod:`convert.batch.local`).
    path: str | None = None


class Manifest:
    """The manifest of one output folder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.path = folder / MANIFEST_NAME
        self.entries: dict[str, Entry] = {}
        self._lines = 0
        self._fh: IO[str] | None = None
        self._unsynced = 0
        self._torn = False  # the last line lacks its newline (a write cut short)
        self._made_file = False  # open() created the manifest
        self._load()

    def _load(self) -> None:
        try:
            if not self.path.is_file():
                return  # missing, or a device or pipe: endless bytes are no manifest
            text = self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return  # an unreadable manifest only costs a full reconversion
        self._torn = bool(text) and not text.endswith("\n")
        for line in text.splitlines():
            self._lines += 1
            try:
                rec = json.loads(line)
                if rec.get("gone") is True:  # forget(): the output was removed
                    self.entries.pop(rec["out"], None)
                    continue
                entry = Entry(rec["out"], rec["fp"], rec["src"], rec["sha256"], *map(rec.get, _WEB))
            except (ValueError, KeyError, TypeError):
                continue
            self.entries.pop(entry.out, None)  # in the order of their last lines
            self.entries[entry.out] = entry

    def key(self, output: Path) -> str:
        return (
            output.relative_to(self.folder).as_posix() if output.is_relative_to(self.folder) else str(output)
        )

    def is_fresh(self, output: Path, fingerprint: str) -> bool:
        """The output exists and was made from exactly these ingredients."""
        entry = self.entries.get(self.key(output))
        return entry is not None and entry.fingerprint == fingerprint and output.is_file()

    def open(self) -> None:
        """Start appending; compact first if most lines are superseded.

        Raises :class:`~convert.errors.OutputError` when the manifest cannot
        be written; the manifest on disk is then unchanged.
        """
        self._made_file = not self.path.exists()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise output_error(self.path, exc, f"cannot create the output folder {self.folder}") from None
        if self._lines > 2 * len(self.entries) + 16:
            atomic_write(self.path, "".join(_line(e) for e in self.entries.values()).encode("utf-8"))
            self._lines = len(self.entries)
        try:
            self._fh = self.path.open("a", encoding="utf-8")
            if self._torn:
                self._fh.write("\n")  # the next line must not join the torn one
                self._torn = False
        except OSError as exc:
            raise output_error(self.path, exc, "cannot write the manifest") from None

    def record(self, entry: Entry) -> None:
        """Remember a finished output: one line, flushed at once.

        Raises :class:`~convert.errors.OutputError` when the line cannot be
        written (disk full); the caller removes the output it describes.
        """
        if self._fh is None:
            self.open()
        assert self._fh is not None
        line = _line(entry)
        try:
            self._fh.write(line)
            self._fh.flush()
            self._unsynced += 1
            if self._unsynced >= SYNC_EVERY:
                os.fsync(self._fh.fileno())
                self._unsynced = 0
        except OSError as exc:
            self._abandon()
            raise output_error(self.path, exc, "cannot write the manifest") from None
        self.entries.pop(entry.out, None)
        self.entries[entry.out] = entry
        self._lines += 1

    def forget(self, out: str) -> None:
        """Drop the line of the output ``out`` (a key), which is gone: one line ``{"out": …, "gone": true}``.

        Raises :class:`~convert.errors.OutputError` as :meth:`record` does. (An older Broadsheet
        skips that line and keeps the output's earlier one: it lists a file that is not there.)"""
        if out not in self.entries:
            return
        if self._fh is None:
            self.open()
        assert self._fh is not None
        try:
            self._fh.write(
                json.dumps({"out": out, "gone": True}, ensure_ascii=False, separators=(",", ":")) + "\n"
            )
            self._fh.flush()
        except OSError as exc:
            self._abandon()
            raise output_error(self.path, exc, "cannot write the manifest") from None
        del self.entries[out]
        self._lines += 1

    def _abandon(self) -> None:
        """Close after a failed write; a torn last line is ignored when the manifest is read."""
        fh, self._fh = self._fh, None
        if fh is not None:
            with contextlib.suppress(OSError):
                fh.close()

    def close(self) -> None:
        if self._fh is None:
            return
        try:
            self._fh.flush()
            os.fsync(self._fh.fileno())
        except OSError as exc:
            self._abandon()
            raise output_error(self.path, exc, "cannot write the manifest") from None
        self._fh.close()
        self._fh = None
        self._tidy()

    def _tidy(self) -> None:
        """Leave nothing behind when this run made the manifest and recorded nothing in it.

        (A batch stopped before its first output, e.g. by a missing library,
        leaves no empty manifest.)
        """
        with contextlib.suppress(OSError):
            if self._made_file and self.path.stat().st_size == 0:
                self.path.unlink()


#: The optional fields of :class:`Entry`, written only when set (lines without them read as before).
_WEB = ("fmt", "made", "stamp", "etag", "modified", "path")


def _line(entry: Entry) -> str:
    rec = {"out": entry.out, "fp": entry.fingerprint, "src": entry.src, "sha256": entry.sha256}
    rec.update((k, v) for k in _WEB if (v := getattr(entry, k)) is not None)
    return json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n"
