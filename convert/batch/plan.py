"""The plan: which input files a batch converts and where each output goes.

Folders are walked without following symlinks out of the tree; hidden files
and folders (a leading dot) are skipped, and so is the output folder when it
sits inside an input folder. A walk takes the files whose ending a
registered reader declares (its ``extensions``: the built-in readers and any
a package adds through the ``broadsheet.readers`` entry point); every other
file it passes over is listed with the reason (``ignored``), so a report can
say which files were not converted and why. Files the output folder's manifest lists as
outputs of an earlier run are never read back as inputs (``-o .`` run twice
must not make ``a.md.md``). Outputs mirror the input tree under ``out``.

Every input found gets a job: two inputs with the same name keep apart
(``a/x.txt`` and ``b/x.txt`` become ``x`` and ``b/x``), and an input whose
output would overwrite another input or output gets a job that fails with
the reason instead of being dropped. Finding no input at all is an
:class:`~convert.errors.InputError` (exit 3), not a silent success.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from .. import api
from ..errors import InputError, UsageError
from ..registry import exporters
from .fingerprint import file_sha256
from .manifest import MANIFEST_NAME, Entry, Manifest

#: A file a walk passed over, and why: ``("notes/a.pdf", "a PDF, not an article")``.
Ignored = tuple[str, str]


def input_suffixes() -> frozenset[str]:
    """File name endings a folder walk picks up: every registered reader's; ``--include`` takes in others."""
    return frozenset(api.reader_extensions())


def _why_not(path: Path, rel: str) -> str:
    """Why a walk passes over ``path``: what its first bytes are, else its unclaimed ending."""
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except OSError as exc:
        return f"cannot read: {exc.strerror or exc}"
    for magic, what in api.UNSUPPORTED_MAGIC:
        if head.startswith(magic):
            return f"{what}, not an article"
    suffix = PurePosixPath(rel).suffix
    name = PurePosixPath(rel).name
    if not suffix:
        return f"no file name ending a reader claims (--include '{name}' takes it in, read as text)"
    return f"no reader claims {suffix} files (--include '*{suffix}' takes them in, read as text)"


@dataclass(frozen=True, slots=True)
class Job:
    """One input and the output file of each format.

    ``rel`` is the input's path relative to its root, in POSIX form; it names
    the job in reports and keeps outputs apart in the mirrored tree. A job
    with a ``problem`` has no outputs: it is reported as failed, with that reason.
    """

    src: Path
    rel: str
    outputs: tuple[tuple[str, Path], ...]
    problem: str | None = None


def _matches(rel: str, patterns: Sequence[str]) -> bool:
    name = rel.rsplit("/", 1)[-1]
    return any(fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(name, p) for p in patterns)


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except OSError:
        return False


def _sort_key(rel: str) -> tuple[str, ...]:
    """Files sorted by name within each folder (a folder sorts among the files by its name)."""
    return tuple(rel.split("/"))


def walk(
    root: Path,
    out: Path | None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    skip: Collection[Path] = frozenset(),
    ignored: list[Ignored] | None = None,
) -> Iterator[str]:
    """Relative POSIX paths of the candidate inputs under ``root``, sorted by name within each folder.

    ``out`` (a folder, skipped with all it holds) and ``skip`` (resolved
    files) are outputs, never inputs. ``ignored``, a list, gets each file
    passed over for its ending or for leading out of the tree, with the
    reason (hidden files, ``--exclude`` and ``--include`` are the user's
    choice and are not listed).
    """
    suffixes = input_suffixes()
    real_root = root.resolve()
    real_out = out.resolve() if out is not None else None
    found: list[str] = []
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
        for name in filenames:
            if name.startswith("."):
                continue
            rel = rel_dir + name
            full = here / name
            if exclude and _matches(rel, exclude):
                continue
            if full.is_symlink() and not _inside(full, real_root):
                if ignored is not None:
                    ignored.append((rel, "a link to a file outside the folder"))
                continue
            if include:
                if not _matches(rel, include):
                    continue
            elif PurePosixPath(name).suffix.lower() not in suffixes:
                if ignored is not None and full.is_file() and (not skip or full.resolve() not in skip):
                    ignored.append((rel, _why_not(full, rel)))
                continue
            if full.is_file() and (not skip or full.resolve() not in skip):
                found.append(rel)
    yield from sorted(found, key=_sort_key)


def _folder_prefixes(inputs: Sequence[Path]) -> dict[int, str]:
    """The prefix each input folder's outputs go under: none for a single folder."""
    folders = [i for i, p in enumerate(inputs) if p.is_dir()]
    prefixes: dict[int, str] = {}
    used: set[str] = set()
    for i in folders:
        if len(folders) == 1:
            prefixes[i] = ""
            continue
        base = inputs[i].resolve().name or "root"
        prefix, n = base, 2
        while prefix in used:
            prefix, n = f"{base}-{n}", n + 1
        used.add(prefix)
        prefixes[i] = prefix + "/"
    return prefixes


def _free_rel(path: Path, taken: set[str]) -> str:
    """A name for a file given on the command line that no other input uses.

    ``x.txt``, else ``PARENT/x.txt``, else ``PARENT-2/x.txt`` ...: two inputs
    called ``x.txt`` each get their own output.
    """
    if path.name not in taken:
        return path.name
    parent = path.resolve().parent.name or "root"
    rel, n = f"{parent}/{path.name}", 2
    while rel in taken:
        rel, n = f"{parent}-{n}/{path.name}", n + 1
    return rel


def gather(
    inputs: Sequence[Path],
    out: Path | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    skip: Iterable[Path] = (),
    ignored: list[Ignored] | None = None,
) -> list[tuple[Path, str]]:
    """Every input file with a relative path of its own, in command-line order (may be empty).

    Files inside a folder come in name order. A file reached twice (given
    and inside a given folder, or given twice) counts once. ``skip`` names
    files that are outputs: a folder walk passes them over.
    """
    skipped = frozenset(Path(p).resolve() for p in skip)
    prefixes = _folder_prefixes(inputs)
    walked: dict[int, list[tuple[Path, str]]] = {}
    tree_rel: dict[Path, str] = {}  # folders name their files first: those keep the tree's names
    for i, path in enumerate(inputs):
        if path.is_dir():
            passed: list[Ignored] = []
            walked[i] = [
                (path / rel, prefixes[i] + rel) for rel in walk(path, out, include, exclude, skipped, passed)
            ]
            if ignored is not None:
                ignored.extend((prefixes[i] + rel, why) for rel, why in passed)
            for src, rel in walked[i]:
                tree_rel.setdefault(src.resolve(), rel)
        elif not path.is_file():
            raise UsageError(f"{path}: no such file or folder")
    taken = set(tree_rel.values())
    found: list[tuple[Path, str]] = []
    seen: set[Path] = set()
    for i, path in enumerate(inputs):  # then every file once, where it first appears
        for src, rel in walked.get(i, [(path, "")]):
            real = src.resolve()
            if real in seen:
                continue
            seen.add(real)
            if not rel:
                rel = tree_rel.get(real) or _free_rel(path, taken)
                taken.add(rel)
            found.append((src, rel))
    return found


def discover(
    inputs: Sequence[Path],
    out: Path | None = None,
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    skip: Iterable[Path] = (),
    ignored: list[Ignored] | None = None,
) -> list[tuple[Path, str]]:
    """:func:`gather`, refusing to find nothing: no input is an :class:`InputError` (exit 3)."""
    passed: list[Ignored] = []
    found = gather(inputs, out, include, exclude, skip, passed)
    passed.sort(key=lambda item: _sort_key(item[0]))
    if ignored is not None:
        ignored.extend(passed)
    if not found:
        raise no_inputs(inputs, include, passed)
    return found


def no_inputs(
    inputs: Sequence[str | os.PathLike[str]],
    include: Sequence[str] = (),
    ignored: Sequence[Ignored] = (),
) -> InputError:
    """``no inputs found in in/, more/``, with a hint on what a folder walk picks up."""
    where = ", ".join(str(p) for p in inputs) or "the inputs given"
    if include:
        hint = f"no file matched --include {' '.join(include)}"
    else:
        hint = "folders are searched for " + ", ".join(sorted(input_suffixes())) + " files"
        if ignored:
            rel, why = ignored[0]
            more = f" (and {len(ignored) - 1} more)" if len(ignored) > 1 else ""
            hint += f"; passed over {rel}: {why}{more}"
    return InputError(f"no inputs found in {where}", hint=hint)


def manifest_outputs(out: Path) -> set[Path]:
    """The files the manifest in ``out`` lists as outputs, and the manifest itself (resolved)."""
    folder = out.resolve()
    listed = {folder / MANIFEST_NAME}
    for key in Manifest(folder).entries:
        path = Path(key)
        listed.add((path if path.is_absolute() else folder / path).resolve())
    return listed


def others_outputs(out: Path) -> dict[Path, Entry]:
    """The files the manifest in ``out`` lists as a web page's or a file's converted alone (resolved)."""
    folder = out.resolve()
    return {
        (folder / e.out).resolve(): e
        for e in Manifest(folder).entries.values()
        if e.fmt or os.path.isabs(e.src)
    }


def _kept_for(entry: Entry | None, src: Path) -> str | None:
    """The input whose output ``entry`` (a line of :func:`others_outputs`) keeps from ``src``: a page,
    or another local file (other path, other bytes); ``None`` if it is free or ``src``'s own."""
    if entry is None:
        return None
    if entry.fmt is None:
        if entry.src == os.path.realpath(src):
            return None
        try:
            if entry.sha256 == file_sha256(src):
                return None  # the same bytes: the same output
        except OSError:
            pass
    return entry.src


def plan(
    inputs: Sequence[Path],
    out: Path,
    formats: Sequence[str],
    include: Sequence[str] = (),
    exclude: Sequence[str] = (),
    ignored: list[Ignored] | None = None,
) -> list[Job]:
    """The jobs for ``inputs``, sorted by ``rel``; outputs never overwrite an input nor each other.

    ``a.txt`` and ``a.md`` in one folder would both become ``a.pdf``; such
    inputs keep their own ending in the output name (``a.md.pdf``), as does an input whose output
    would be a file a web page, or another file converted alone, wrote into the folder (its
    manifest says so). An input
    whose output still clashes gets a job with a ``problem``. ``ignored``,
    a list, gets the files the walk passed over, with the reason.
    """
    files = sorted(
        discover(inputs, out, include, exclude, skip=manifest_outputs(out), ignored=ignored),
        key=lambda item: item[1],
    )
    api.ensure_tools(formats)  # imports only an exporter that runs an outside program
    extensions = {fmt: exporters.extension(fmt) for fmt in formats}  # a built-in's without importing it
    stems: dict[str, int] = {}
    for _src, rel in files:
        key = _stem_key(rel)
        stems[key] = stems.get(key, 0) + 1
    real_inputs = {src.resolve(): rel for src, rel in files}
    # files a feed's or a URL's page has, or a file converted alone, by the manifest: another input's
    others = others_outputs(out)
    claimed: dict[Path, str] = {}
    jobs = []
    for src, rel in files:
        pure = PurePosixPath(rel)
        base = pure.name if stems[_stem_key(rel)] > 1 else pure.stem
        outputs = []
        problem = None
        for fmt in formats:
            target = out / pure.parent / f"{base}.{extensions[fmt]}"
            if target.resolve() in real_inputs or _kept_for(others.get(target.resolve()), src):
                target = out / pure.parent / f"{pure.name}.{extensions[fmt]}"
            real = target.resolve()
            other = real_inputs.get(real) or claimed.get(real) or _kept_for(others.get(real), src)
            if other is not None:
                what = "the input" if real in real_inputs else "the output of"
                problem = f"{rel}: its {fmt} output {target} would overwrite {what} {other}"
                break
            outputs.append((fmt, target))
        if problem is not None:
            jobs.append(Job(src=src, rel=rel, outputs=(), problem=problem))
            continue
        for _fmt, target in outputs:
            claimed[target.resolve()] = rel
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
