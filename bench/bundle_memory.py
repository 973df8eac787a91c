"""Benchmark: peak memory and time of a bundle (one book of many articles) as the article count grows.

    python bench/bundle_memory.py [--counts 200,500,1000] [--formats pdf,epub] [--single]

Each measurement is a fresh child process that reads N BBC stories (spread
evenly over ../shared/corpus/bbc-news, sorted by name) and writes one book of
them, as ``broadsheet bundle DIR -o book.pdf`` does; the peak resident memory is
the child's own (``ru_maxrss`` from ``os.wait4``), the time its wall time.
``--single`` also measures the PDF laid out as one WeasyPrint document (the way
bundles were made before they were rendered in parts), for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
BBC = CORPUS / "bbc-news" / "bbc"


def stories(n: int) -> list[Path]:
    """``n`` BBC stories spread evenly over the sorted corpus (the same ones each run)."""
    files = sorted(BBC.rglob("*.txt")) if BBC.is_dir() else []
    if not files:
        return []
    step = max(1, len(files) // n)
    picked = files[::step][:n]
    return picked if len(picked) == n else (files * (n // len(files) + 1))[:n]


def child(folder: Path, fmt: str, out: Path, single: bool) -> None:
    """In the measured process: read the folder's stories and write the book (as ``broadsheet bundle``)."""
    sys.path.insert(0, str(ROOT))
    from convert.batch import bundle as bundle_module
    from convert.exporters import _bundle

    if single:  # one WeasyPrint document for the whole book, as before parts
        _bundle.PART_ARTICLES = _bundle.PART_CHARS = 10**9
    bundle_module.bundle([folder], out, to=[fmt], title="Memory test")


def measure(folder: Path, fmt: str, single: bool) -> tuple[float, float, int]:
    """Peak RSS in MB, wall seconds and output bytes of one child writing the book."""
    out = folder.parent / f"book-{fmt}{'-single' if single else ''}.{fmt}"
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); from bundle_memory import child; from pathlib import Path; "
        "child(Path(sys.argv[2]), sys.argv[3], Path(sys.argv[4]), sys.argv[5] == '1')"
    )
    args = [
        sys.executable,
        "-c",
        code,
        str(ROOT / "bench"),
        str(folder),
        fmt,
        str(out),
        "1" if single else "0",
    ]
    start = time.perf_counter()
    proc = subprocess.Popen(args)
    _pid, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"bundle of {folder} as {fmt} failed (exit {os.waitstatus_to_exitcode(status)})")
    size = out.stat().st_size
    out.unlink()
    return usage.ru_maxrss / 1024, seconds, size


def run(counts: list[int], formats: list[str], single: bool) -> list[dict[str, object]]:
    """One row per (count, format, layout): peak MB, seconds, output MB."""
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="broadsheet-bundle-mem-") as tmp:
        for n in counts:
            picked = stories(n)
            if not picked:
                return rows
            folder = Path(tmp) / f"in-{n}"
            folder.mkdir()
            for i, src in enumerate(picked):
                (folder / f"{i:05d}-{src.parent.name}-{src.name}").write_bytes(src.read_bytes())
            for fmt in formats:
                for one in (False, True) if single and fmt == "pdf" else (False,):
                    peak, seconds, size = measure(folder, fmt, one)
                    layout = "one document" if one else ("parts" if fmt == "pdf" else "")
                    rows.append(
                        {"n": n, "format": fmt, "layout": layout, "peak_mb": round(peak, 1),
                         "seconds": round(seconds, 1), "size_mb": round(size / 1e6, 2)}
                    )  # fmt: skip
                    print(
                        f"{n:>5} stories -> {fmt:<4} {layout:<12} peak RSS {peak:7.1f} MB  "
                        f"{seconds:6.1f} s  {size / 1e6:6.2f} MB",
                        flush=True,
                    )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--counts", default="200,500,1000")
    parser.add_argument("--formats", default="pdf,epub")
    parser.add_argument("--single", action="store_true", help="Also the PDF as one WeasyPrint document.")
    parser.add_argument("--json", type=Path, help="Write the rows here.")
    args = parser.parse_args()
    if not BBC.is_dir():
        raise SystemExit(f"not measured: {BBC} is not there")
    rows = run([int(c) for c in args.counts.split(",")], args.formats.split(","), args.single)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
