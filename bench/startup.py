"""Benchmark: how long a user waits for small things, against pandoc in the same run.

    python bench/startup.py [--repeat 15] [--rerun 200] [--long] [--quick]

Every measure is a fresh process, as a user starts it, timed from outside
(wall clock, the median of ``--repeat`` runs); Broadsheet's and pandoc's runs
alternate, so a busy moment on a shared machine hits both sides alike.

- ``--version``, ``--help``, ``formats`` against pandoc's ``--version``,
  ``--help``, ``--list-output-formats``;
- the sample op-ed converted to txt, brief, json and md against ``pandoc
  sample.txt -t plain`` / ``-t json`` / ``-t markdown``;
- ``--rerun N``: the no-change rerun of N articles (copies of the sample,
  retitled) with pdf among the formats, and whether it imported WeasyPrint;
- ``--long``: ``--to brief`` on BBC stories (``../shared/corpus/bbc-news``)
  end to end to 400 KB and 837 KB, wall time and peak memory, against
  ``--to txt`` of the same input.

``rows()`` returns the table for ``bench/run_all.py`` / ``nox -s bench``:
``(measure, broadsheet, baseline, ratio)``, times in seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "ashgabat-oped.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
BIN = Path(sys.executable).parent
#: Children run as an installed command does: with bytecode (an environment that turns it off
#: would time Python compiling Broadsheet's sources on every start).
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


class Row(NamedTuple):
    measure: str
    broadsheet: float
    baseline: float | None
    ratio: float | None
    note: str = ""


def _pandoc() -> str:
    import pypandoc

    return str(pypandoc.get_pandoc_path())


def _broadsheet() -> list[str]:
    exe = BIN / "broadsheet"
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "convert"]


def run(cmd: Sequence[str], cwd: Path | None = None) -> tuple[float, int, float]:
    """Wall seconds, peak resident KB and CPU seconds (user + system) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert proc.stderr is not None
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    took = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}: {err.decode(errors='replace')[-500:]}")
    return took, usage.ru_maxrss, usage.ru_utime + usage.ru_stime


class Paired(NamedTuple):
    ours: float
    theirs: float | None
    ours_cpu: float
    theirs_cpu: float | None


def paired(ours: Sequence[str], theirs: Sequence[str] | None, repeat: int, cwd: Path) -> Paired:
    """Medians (wall and CPU) of ``repeat`` alternating runs of both commands, after one warm-up run each."""
    a: list[tuple[float, float]] = []
    b: list[tuple[float, float]] = []
    run(ours, cwd)
    if theirs:
        run(theirs, cwd)
    for _ in range(repeat):
        wall, _rss, cpu = run(ours, cwd)
        a.append((wall, cpu))
        if theirs:
            wall, _rss, cpu = run(theirs, cwd)
            b.append((wall, cpu))

    def med(xs: list[tuple[float, float]], k: int) -> float:
        return statistics.median(x[k] for x in xs)

    return Paired(med(a, 0), med(b, 0) if b else None, med(a, 1), med(b, 1) if b else None)


def _row(measure: str, ours: float, theirs: float | None, note: str = "") -> Row:
    return Row(measure, ours, theirs, ours / theirs if theirs else None, note)


def _paired_row(measure: str, p: Paired) -> Row:
    cpu = f"CPU {p.ours_cpu * 1000:.0f} ms"
    if p.theirs_cpu:
        cpu += f" vs {p.theirs_cpu * 1000:.0f} ms ({p.ours_cpu / p.theirs_cpu:.1f}×)"
    return _row(measure, p.ours, p.theirs, cpu)


def small_rows(work: Path, repeat: int) -> list[Row]:
    pandoc, bs = _pandoc(), _broadsheet()
    shutil.copy(SAMPLE, work / "sample.txt")
    (work / "out").mkdir(exist_ok=True)
    rows = []
    for label, ours, theirs in (
        ("--version", ["--version"], ["--version"]),
        ("--help", ["--help"], ["--help"]),
        ("formats", ["formats"], ["--list-output-formats"]),
    ):
        rows.append(
            _paired_row(
                f"`broadsheet {label}` vs `pandoc {' '.join(theirs)}`",
                paired(bs + ours, [pandoc, *theirs], repeat, work),
            )
        )
    for fmt, theirs in (("txt", "plain"), ("brief", "plain"), ("json", "json"), ("md", "markdown")):
        ours_cmd = [*bs, "convert", "sample.txt", "--to", fmt, "-o", "out/", "-q"]
        theirs_cmd = [pandoc, "sample.txt", "-t", theirs, "-o", f"out/pandoc.{fmt}"]
        rows.append(
            _paired_row(
                f"`convert sample.txt --to {fmt}` (cold) vs `pandoc -t {theirs}`",
                paired(ours_cmd, theirs_cmd, repeat, work),
            )
        )
    return rows


#: Runs the command line in this interpreter, then prints the modules it imported.
_MODULES_AFTER = """
import json, runpy, sys
sys.argv = ["broadsheet", *json.loads(sys.argv[1])]
try:
    runpy.run_module("convert", run_name="__main__")
except SystemExit:
    pass
print("\\n" + json.dumps(sorted(sys.modules)))
"""


def rerun_row(work: Path, n: int, formats: str = "pdf,txt") -> Row:
    """The no-change rerun of ``n`` articles, and whether it imported WeasyPrint, ebooklib or pypandoc."""
    inputs, out = work / "rerun-in", work / "rerun-out"
    inputs.mkdir(exist_ok=True)
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    for i in range(n):
        varied = list(lines)
        varied[2] = f"{lines[2]}: part {i + 1}"
        (inputs / f"oped-{i:04d}.txt").write_text("\n".join(varied) + "\n", encoding="utf-8")
    cmd = [
        *_broadsheet(),
        "convert",
        str(inputs),
        "--to",
        formats,
        "-o",
        str(out),
        "-q",
        "--progress",
        "none",
    ]
    run(cmd)  # the first run converts everything
    times = [run(cmd)[0] for _ in range(5)]
    probe = subprocess.run(
        [sys.executable, "-c", _MODULES_AFTER, json.dumps(cmd[len(_broadsheet()) :])],
        capture_output=True,
        text=True,
        check=True,
        env=ENV,
        cwd=work,  # not a source tree: its ``convert`` would come before the installed one
    )
    modules = set(json.loads(probe.stdout.rsplit("\n", 2)[-2]))
    heavy = [m for m in ("weasyprint", "ebooklib", "pypandoc") if m in modules]
    note = "imports " + ", ".join(heavy) if heavy else "imports no exporter"
    return _row(f"no-change rerun of {n} articles (--to {formats})", statistics.median(times), None, note)


def long_input(path: Path, size: int) -> Path:
    """BBC stories (sorted by path) end to end under one title, to ``size`` bytes."""
    stories = sorted((CORPUS / "bbc-news" / "bbc").rglob("*.txt"))
    if not stories:
        raise FileNotFoundError(f"{CORPUS / 'bbc-news'} is not there")
    paras: list[str] = []
    total = 0
    i = 0
    while total < size:
        lines = stories[i % len(stories)].read_bytes().decode("utf-8", "replace").splitlines()
        for para in (line.strip() for line in lines[1:]):
            if para and total < size:
                paras.append(para)
                total += len(para.encode()) + 2
        i += 1
    path.write_text("A long generated input\n\n" + "\n\n".join(paras), encoding="utf-8")
    return path


def long_rows(work: Path) -> list[Row]:
    rows = []
    for size in (400_000, 837_000):
        src = long_input(work / f"long-{size // 1000}.txt", size)
        base = [*_broadsheet(), "convert", str(src), "-o", str(work / "out"), "-q", "--to"]
        t_brief, rss_brief, cpu_brief = run([*base, "brief"])
        t_txt, rss_txt, _cpu = run([*base, "txt"])
        rows.append(
            _row(
                f"`--to brief` on {size // 1000} KB vs `--to txt`",
                t_brief,
                t_txt,
                f"CPU {cpu_brief:.1f} s, peak RSS {rss_brief / 1024:.0f} MB (txt {rss_txt / 1024:.0f} MB)",
            )
        )
    return rows


def rows(repeat: int = 15, rerun: int = 0, long: bool = False) -> list[Row]:
    """The benchmark's table: ``(measure, broadsheet, baseline, ratio, note)``, times in seconds."""
    import compileall

    import convert

    compileall.compile_dir(Path(convert.__file__).parent, quiet=1)  # as pip does on install
    with tempfile.TemporaryDirectory(prefix="broadsheet-startup-") as tmp:
        work = Path(tmp)
        out = small_rows(work, repeat)
        if rerun:
            out.append(rerun_row(work, rerun))
        if long:
            out.extend(long_rows(work))
    return out


def table(found: Sequence[Row]) -> str:
    lines = ["| measure | Broadsheet | baseline | ratio | note |", "|---|---|---|---|---|"]
    for r in found:
        base = (
            f"{r.baseline * 1000:.0f} ms"
            if r.baseline is not None and r.baseline < 5
            else (f"{r.baseline:.1f} s" if r.baseline is not None else "")
        )
        ours = f"{r.broadsheet * 1000:.0f} ms" if r.broadsheet < 5 else f"{r.broadsheet:.1f} s"
        ratio = f"{r.ratio:.2f}×" if r.ratio is not None else ""
        lines.append(f"| {r.measure} | {ours} | {base} | {ratio} | {r.note} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=15, help="runs per command (the median is shown)")
    parser.add_argument(
        "--rerun", type=int, default=0, metavar="N", help="also time a no-change rerun of N articles"
    )
    parser.add_argument("--long", action="store_true", help="also brief 400 KB and 837 KB inputs")
    parser.add_argument("--quick", action="store_true", help="5 runs per command")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    print(table(rows(5 if args.quick else args.repeat, args.rerun, args.long)))
    print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
