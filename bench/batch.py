"""Benchmark: Broadsheet's batch engine against a parallel shell loop over pandoc.

    python bench/batch.py [-n 200] [-j CORES] [--formats pdf,epub,docx,txt] [--keep DIR]

Inputs: copies of the sample op-ed with varied titles, plus BBC corpus
articles when ../shared/corpus is present. Both sides run in this process's
run, on the same inputs, with the same parallelism (``xargs -P``), and the
ratios are printed. Also: peak memory per worker, and the time of a rerun
with nothing changed (a fresh ``broadsheet`` process, as a user sees it).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "ashgabat-oped.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-news" / "bbc"
BIN = Path(sys.executable).parent


def make_inputs(folder: Path, n: int) -> None:
    """``n`` articles: three in four are the sample retitled, the rest BBC stories if present."""
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    corpus = sorted(CORPUS.rglob("*.txt")) if CORPUS.is_dir() else []
    for i in range(n):
        if corpus and i % 4 == 3:
            src = corpus[(i // 4) % len(corpus)]
            (folder / f"bbc-{i:04d}.txt").write_bytes(src.read_bytes())
            continue
        varied = list(lines)
        varied[2] = f"{lines[2]}: part {i + 1}"
        (folder / f"oped-{i:04d}.txt").write_text("\n".join(varied) + "\n", encoding="utf-8")


def pandoc_loop(inputs: Path, out: Path, formats: list[str], jobs: int) -> float:
    import pypandoc

    pandoc = pypandoc.get_pandoc_path()
    steps = {
        "pdf": f'"{pandoc}" "$1" -o "$2.pdf" --pdf-engine=weasyprint',
        "epub": f'"{pandoc}" "$1" -o "$2.epub"',
        "docx": f'"{pandoc}" "$1" -o "$2.docx"',
        "txt": f'"{pandoc}" "$1" -t plain -o "$2.txt"',
    }
    script = "; ".join(steps[f] for f in formats)
    cmd = (
        f'find "{inputs}" -name "*.txt" -print0 | '
        f'xargs -0 -P {jobs} -I{{}} sh -c \'b=$(basename "$1" .txt); set -- "$1" "{out}/$b"; {script}\' _ {{}}'
    )
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}
    start = time.perf_counter()
    # cwd: pandoc writes its PDF-via-HTML temporaries (toPdfViaTempFile*) into the working folder.
    subprocess.run(cmd, shell=True, check=True, env=env, stderr=subprocess.DEVNULL, cwd=out.parent)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--formats", default="pdf,epub,docx,txt")
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    args = parser.parse_args()
    formats = args.formats.split(",")
    work = args.keep or Path(tempfile.mkdtemp(prefix="broadsheet-bench-"))
    inputs, ours, theirs = work / "in", work / "broadsheet", work / "pandoc"
    for d in (inputs, ours, theirs):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    make_inputs(inputs, args.n)
    print(f"{args.n} articles -> {','.join(formats)} on {args.jobs} workers ({os.cpu_count()} cores)")

    from convert.batch import convert_batch

    start = time.perf_counter()
    report = convert_batch(inputs, ours, to=formats, jobs=args.jobs)
    t_ours = time.perf_counter() - start
    print(
        f"broadsheet batch: {t_ours:7.2f} s  {args.n / t_ours:6.2f} articles/s  "
        f"({report.converted} converted, {report.failed} failed; peak RSS per worker {report.peak_worker_rss_mb:.0f} MB)"
    )
    for failure in report.failures[:5]:
        print("  failed:", failure.reason)

    cli = [str(BIN / "broadsheet"), "convert", str(inputs), "-o", str(ours), "--to", ",".join(formats), "-q"]
    start = time.perf_counter()
    subprocess.run(cli, check=False)
    t_rerun = time.perf_counter() - start
    start = time.perf_counter()
    again = convert_batch(inputs, ours, to=formats, jobs=args.jobs)
    t_rerun_api = time.perf_counter() - start
    print(
        f"no-change rerun:  {t_rerun:7.2f} s as a new process, {t_rerun_api:.2f} s in-process "
        f"({again.skipped} skipped)"
    )

    t_pandoc = pandoc_loop(inputs, theirs, formats, args.jobs)
    made = sum(1 for _ in theirs.iterdir())
    print(
        f"pandoc + xargs -P {args.jobs}: {t_pandoc:7.2f} s  {args.n / t_pandoc:6.2f} articles/s  ({made} files)"
    )
    print(f"speed-up: {t_pandoc / t_ours:.1f}x the pandoc loop's throughput")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
