"""The plan: which input files a batch converts and where each output goes.

Folders are walked without following symlinks out of the tree; hidden files
and folders (a leading dot) are skipped, and so is the output folder when it
sits inside an input folder. Outputs mirror the input tree under ``out``.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .. import api
from ..errors import UsageError
from ..registry import exporters

#: File name endings a folder walk picks up; ``--include`` can take in others.
INPUT_SUFFIXES = frozenset(api._EXTENSION_FORMATS)


@dataclass(frozen=True, slots=True)
class Job:
    """One input and the output file of each format.

    ``rel`` is the input's path relative to its root, in POSIX form; it names
    the job in reports and keeps outputs apart in the mirrored tree.
    """

    src: Path
    rel: str
    outputs: tuple[tuple[str, Path], ...]


def _matches(rel: str, patterns: Sequence[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except OSError:
        return False


def walk(root: Path, out: Path, include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[str]:
    """Relative POSIX paths of the candidate inputs under ``root``, sorted."""
    real_root = root.resolve()
    real_out = out.resolve()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        here = Path(dirpath)
        rel_dir = here.relative_to(root).as_posix()
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        keep = []
        for d in sorted(dirnames):
            full = here / d
            if d.startswith(".") or full.is_symlink() or full.resolve() == real_out:
                continue
            if exclude and _matches(rel_dir + d, exclude):
                continue
            keep.append(d)
        dirnames[:] = keep
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            rel = rel_dir + name
            full = here / name
            if full.is_symlink() and not _inside(full, real_root):
                continue
            if exclude and _matches(rel, exclude):
                continue
            if include:
                if not _matches(rel, include):
                    continue
            elif PurePosixPath(name).suffix.lower() not in INPUT_SUFFIXES:
                continue
            if full.is_file():
                yield rel


def _roots(inputs: Sequence[Path]) -> list[tuple[Path, str]]:
    """Each input with the prefix its outputs go under: none for a single folder."""
    folders = [p for p in inputs if p.is_dir()]
    named: list[tuple[Path, str]] = []
    used: set[str] = set()
    for p in inputs:
        if p.is_dir() and len(folders) == 1:
            prefix = ""
        elif p.is_dir():
            base = p.resolve().name or "root"
            prefix, n = base, 2
            while prefix in used:
                prefix, n = f"{base}-{n}", n + 1
            used.add(prefix)
            prefix += "/"
        else:
            prefix = ""
        named.append((p, prefix))
    return named


def discover(
    inputs: Sequence[Path], out: Path, include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> list[tuple[Path, str]]:
    """Every input file with its mirrored relative path, in a stable order."""
    found: dict[str, Path] = {}
    for path, prefix in _roots(inputs):
        if path.is_dir():
            for rel in walk(path, out, include, exclude):
                found.setdefault(prefix + rel, path / rel)
        elif path.is_file():
            found.setdefault(path.name, path)
        else:
            raise UsageError(f"{path}: no such file or folder")
    return sorted(((src, rel) for rel, src in found.items()), key=lambda item: item[1])


def plan(
    inputs: Sequence[Path],
    out: Path,
    formats: Sequence[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
) -> list[Job]:
    """The jobs for ``inputs``; outputs never overwrite an input nor each other.

    ``a.txt`` and ``a.md`` in one folder would both become ``a.pdf``; such
    inputs keep their own ending in the output name (``a.md.pdf``).
    """
    files = discover(inputs, out, include, exclude)
    extensions = {fmt: exporters.get_class(fmt).extension for fmt in formats}
    stems: dict[str, int] = {}
    for _src, rel in files:
        key = _stem_key(rel)
        stems[key] = stems.get(key, 0) + 1
    real_inputs = {src.resolve() for src, _ in files}
    jobs = []
    for src, rel in files:
        pure = PurePosixPath(rel)
        base = pure.name if stems[_stem_key(rel)] > 1 else pure.stem
        outputs = []
        for fmt in formats:
            target = out / pure.parent / f"{base}.{extensions[fmt]}"
            if target.resolve() in real_inputs:
                target = out / pure.parent / f"{pure.name}.{extensions[fmt]}"
            outputs.append((fmt, target))
        jobs.append(Job(src=src, rel=rel, outputs=tuple(outputs)))
    return jobs


def _stem_key(rel: str) -> str:
    pure = PurePosixPath(rel)
    return str(pure.parent / pure.stem).lower()


def stale_temporaries(outputs: Iterable[Path]) -> list[Path]:
    """Temporary files a killed run left beside these outputs (``.NAME.*.tmp``)."""
    by_dir: dict[Path, set[str]] = {}
    for path in outputs:
        by_dir.setdefault(path.parent, set()).add(path.name)
    found = []
    for folder, names in by_dir.items():
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        for entry in entries:
            if entry.startswith(".") and entry.endswith(".tmp"):
                stem = entry[1:].rsplit(".", 2)[0]
                if stem in names:
                    found.append(folder / entry)
    return found
