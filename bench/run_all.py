"""Issue 18's table in one run: where Broadsheet is fast and where users wait, against the baselines.

    python bench/run_all.py [--quick] [-j 2] [--no-record] [--only batch-bbc,version,...]

(or ``.venv/bin/nox -s bench -- --quick``). Every row is measured in this run,
on this machine, and printed as ``measure | Broadsheet | baseline | ratio |
goal | met?``; the run is then appended to ``bench/RESULTS.md`` with the date,
the commit and the machine's load. ``--quick`` takes fewer articles (for a
check that the bench works, not for numbers to quote). A row whose inputs or
tools are missing (no ../shared/corpus, no pandoc) says "not measured".

Rows (issue 18): 100 BBC stories and 60 saved web pages -> pdf,epub,docx,txt
with ``-j 2``, against a ``pandoc --sandbox`` loop under ``xargs -P 2`` on the
same files (bench/batch.py); the sample's PDF, warm, against the same HTML with
plain CSS in WeasyPrint (the floor; bench/pdf_cost.py's ``floor_render`` when
it is there); two columns against one; DOCX per article, warm; one txt and one
pdf conversion of the sample from a cold start against pandoc's;
``--version``; a no-change rerun of 200 files converted with pdf among the
formats; ``--to brief`` on a 400 KB and an 837 KB text; a bundle PDF of 200
and 1,000 BBC stories (peak memory, bench/bundle_memory.py).
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

import batch  # noqa: E402
import bundle_memory  # noqa: E402

SAMPLE = ROOT / "samples" / "ashgabat-oped.txt"
BIN = Path(sys.executable).parent
BROADSHEET = str(BIN / "broadsheet")
FORMATS = "pdf,epub,docx,txt"


@dataclass
class Row:
    measure: str
    ours: str = "not measured"
    baseline: str = "—"
    ratio: str = "—"
    goal: str = "—"
    met: str = "—"


def _pandoc() -> str | None:
    try:
        import pypandoc

        return str(pypandoc.get_pandoc_path())
    except (ImportError, OSError):
        return shutil.which("pandoc")


def best_of(cmd: list[str], times: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """The shortest wall time and the shortest CPU time (user + system) of ``times`` cold runs of ``cmd``."""
    wall = cpu = float("inf")
    for _ in range(times):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            raise subprocess.CalledProcessError(proc.returncode, cmd)
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, usage.ru_utime + usage.ru_stime)
    return wall, cpu


def child(cmd: list[str], timeout: float) -> tuple[float, float, int | None]:
    """Wall seconds, peak RSS (MB) and exit code of ``cmd``; the code is ``None`` if it was stopped at ``timeout``."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            proc.returncode = os.waitstatus_to_exitcode(status)
            return time.perf_counter() - start, usage.ru_maxrss / 1024, proc.returncode
        if time.perf_counter() - start > timeout:
            proc.kill()
            _pid, _status, usage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return time.perf_counter() - start, usage.ru_maxrss / 1024, None
        time.sleep(0.05)


def s(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def verdict(ok: bool) -> str:
    return "**yes**" if ok else "no"


# --------------------------------------------------------------------------
# Rows


def batch_row(kind: str, n: int, jobs: int, work: Path) -> Row:
    what = "BBC stories" if kind == "bbc" else "web pages"
    row = Row(f"{n} {what} → {FORMATS}, `-j {jobs}` vs the pandoc loop (`--sandbox`, `xargs -P {jobs}`)")
    row.goal = "≥ 5×"
    folder, ours, theirs = work / f"in-{kind}", work / f"out-{kind}", work / f"pandoc-{kind}"
    for d in (folder, ours, theirs):
        d.mkdir(parents=True)
    got = batch.corpus_only(folder, n, kind)
    if not got or _pandoc() is None:
        row.ours = "not measured (no corpus or no pandoc)"
        return row
    row.measure = row.measure.replace(f"{n} ", f"{got} ", 1)
    cmd = [BROADSHEET, "convert", str(folder), "-o", str(ours), "--to", FORMATS, "-j", str(jobs), "-q"]
    start = time.perf_counter()
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    t_ours = time.perf_counter() - start
    t_loop = batch.pandoc_loop(folder, theirs, FORMATS.split(","), jobs, sandbox=True)
    row.ours, row.baseline = s(t_ours), s(t_loop)
    row.ratio = f"{t_loop / t_ours:.1f}×"
    row.met = verdict(t_loop / t_ours >= 5)
    return row


def _floor() -> Callable[..., bytes]:
    """bench/pdf_cost.py's floor if it is there; else the same: the article's HTML, plain CSS, untagged."""
    try:
        from pdf_cost import floor_render

        return floor_render  # type: ignore[no-any-return]
    except Exception:  # not there, or written for another state of the package
        import weasyprint

        from convert.exporters.html import render_document
        from convert.exporters.pdf import tagged_article

        def floor_render(article: object) -> bytes:
            html = render_document(tagged_article(article), batch.FLOOR_CSS, footnote_mode="inline")  # type: ignore[arg-type]
            return bytes(weasyprint.HTML(string=html).write_pdf())

        return floor_render


def _median_time(fn: Callable[[], object], repeat: int) -> float:
    """The median CPU time of ``fn`` after one warm-up call.

    CPU time, not wall time: this process renders on one thread, and on a shared
    machine its CPU time moves far less with the load than its wall time does.
    The CPU time of the processes it runs (pandoc) is counted too.
    """
    fn()  # warm: fonts, CSS, hyphenation dictionaries
    times = []
    for _ in range(repeat):
        start = _cpu()
        fn()
        times.append(_cpu() - start)
    return statistics.median(times)


def _median_times(fns: list[Callable[[], object]], repeat: int) -> list[float]:
    """:func:`_median_time` of each of ``fns``, their runs interleaved (A B C A B C …).

    A ratio of two of them then compares runs made under the same load. Each run
    starts after a full garbage collection (not timed), so none of them pays for
    collecting what the one before it left.
    """
    for fn in fns:
        fn()  # warm
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(repeat):
        for fn, kept in zip(fns, times, strict=True):
            gc.collect()
            start = _cpu()
            fn()
            kept.append(_cpu() - start)
    return [statistics.median(t) for t in times]


def _cpu() -> float:
    """CPU seconds of this process and of its finished children (a pandoc it ran counts).

    From getrusage (microseconds), not os.times (clock ticks: 10 ms on Linux, 5 % of the
    floor's render, too coarse for a 1.5x ratio of two medians).
    """
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def pdf_floor_rows(repeat: int, work: Path) -> list[Row]:
    import convert
    from convert.theme import load_theme

    article = convert.read(SAMPLE)
    floor = _floor()
    base = load_theme("default")
    columns = int(base.token("page", "columns", 2) or 2)
    runs: list[Callable[[], object]] = [lambda: convert.write(article, "pdf"), lambda: floor(article)]
    if columns > 1:  # a copy of the theme (the stylesheet cache knows a theme by its files)
        folder = work / "one-column"
        shutil.copytree(base.path, folder)
        toml = (folder / "theme.toml").read_text(encoding="utf-8")
        (folder / "theme.toml").write_text(
            re.sub(r"(?m)^columns\s*=\s*\d+", "columns = 1", toml), encoding="utf-8"
        )
        one = load_theme(folder)
        runs.append(lambda: convert.write(article, "pdf", style=one))
    t_theme, t_floor, *t_rest = _median_times(runs, repeat)
    rows = [
        Row(
            "one PDF of the sample, warm (CPU): the theme vs the same HTML with plain CSS in WeasyPrint (the floor)",
            ms(t_theme), ms(t_floor), f"{t_theme / t_floor:.2f}× the floor", "≤ 1.5×",
            verdict(t_theme / t_floor <= 1.5),
        )
    ]  # fmt: skip
    if t_rest:
        (t_one,) = t_rest
        rows.append(
            Row(f"the sample's PDF in {columns} columns vs one column, warm (CPU)", ms(t_theme), ms(t_one),
                f"{(t_theme / t_one - 1) * 100:+.0f} %")
        )  # fmt: skip
    return rows


def docx_row(n: int, repeat: int) -> Row:
    import convert

    row = Row("DOCX per article, warm (CPU, median over BBC stories)", goal="≤ 10 ms")
    files = batch.corpus_inputs("text")
    if not files:
        return row
    articles = [convert.read(f) for f in files[:: max(1, len(files) // n)][:n]]
    times = [_median_time(lambda a=a: convert.write(a, "docx"), repeat) for a in articles]
    median = statistics.median(times)
    row.ours = ms(median)
    row.met = verdict(median <= 0.010)
    return row


def cold_rows(times: int, work: Path) -> list[Row]:
    """Cold starts, best of ``times``: wall time, and CPU time in brackets (steadier on a shared machine).

    The ratio and the goal are judged on CPU time. The package's bytecode is compiled first, as
    ``pip install`` does: an editable checkout run with ``PYTHONDONTWRITEBYTECODE`` would otherwise
    compile every module edited since its ``.pyc`` was written, in every run.
    """
    import compileall

    import convert

    compileall.compile_dir(Path(convert.__file__).parent, quiet=1)  # as pip does on install
    pandoc = _pandoc()
    rows = []
    out = work / "cold"
    out.mkdir()
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}  # pandoc finds this venv's weasyprint
    for fmt, goal in (("txt", 2.0), ("pdf", None)):
        ours = best_of(
            [BROADSHEET, "convert", str(SAMPLE), "--to", fmt, "-o", str(out / f"s.{fmt}"), "-q"], times
        )
        row = Row(
            f"`broadsheet convert sample.txt --to {fmt}` (cold) vs pandoc", f"{s(ours[0])} ({s(ours[1])} CPU)"
        )
        if pandoc is not None:
            args = ["-t", "plain"] if fmt == "txt" else ["--pdf-engine=weasyprint"]
            theirs = best_of([pandoc, str(SAMPLE), *args, "-o", str(out / f"p.{fmt}")], times, env)
            row.baseline = f"{s(theirs[0])} ({s(theirs[1])} CPU)"
            row.ratio = f"{ours[1] / theirs[1]:.1f}× pandoc's CPU"
            if goal is not None:
                row.goal, row.met = f"≤ {goal:g}× pandoc's", verdict(ours[1] / theirs[1] <= goal)
        rows.append(row)
    version = best_of([BROADSHEET, "--version"], times)
    row = Row("`broadsheet --version`", f"{ms(version[0])} ({ms(version[1])} CPU)", goal="≤ 50 ms")
    row.met = verdict(version[1] <= 0.050)
    if pandoc is not None:
        theirs = best_of([pandoc, "--version"], times)
        row.baseline, row.ratio = (
            f"{ms(theirs[0])} ({ms(theirs[1])} CPU)",
            f"{version[1] / max(theirs[1], 0.001):.0f}×",
        )
    rows.append(row)
    return rows


def rerun_row(n: int, work: Path) -> Row:
    row = Row(f"no-change rerun of {n} files converted to pdf,txt (a new process)", goal="< 3 s (issue 5)")
    folder, out = work / "rerun-in", work / "rerun-out"
    folder.mkdir()
    got = batch.corpus_only(folder, n, "bbc")
    if not got:
        return row
    row.measure = row.measure.replace(f"of {n} ", f"of {got} ")
    cmd = [BROADSHEET, "convert", str(folder), "-o", str(out), "--to", "pdf,txt", "-q"]
    subprocess.run(cmd, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    again = best_of(cmd, 3)
    row.ours, row.met = f"{s(again[0])} ({s(again[1])} CPU)", verdict(again[1] < 3)
    return row


def big_text(size: int, dest: Path) -> Path | None:
    """One plain-text article of about ``size`` bytes: BBC stories one after another, in name order."""
    files = batch.corpus_inputs("text")
    if not files:
        return None
    parts, total = [], 0
    for i, f in enumerate(files):
        text = f.read_text(encoding="utf-8", errors="replace").strip()
        if i:  # the first story's headline is the article's title; the others become paragraphs
            text = text.replace("\n", "\n\n", 1)
        parts.append(text)
        total += len(text.encode()) + 2
        if total >= size:
            break
    dest.write_text("\n\n".join(parts) + "\n", encoding="utf-8")
    return dest


def brief_rows(sizes: list[int], timeout: float, work: Path) -> list[Row]:
    rows = []
    for size in sizes:
        kb = size // 1000
        row = Row(f"`--to brief` on a {kb} KB text (BBC stories end to end) vs `--to txt` of it",
                  goal="< 20 s (837 KB)")  # fmt: skip
        src = big_text(size, work / f"big-{kb}.txt")
        if src is None:
            rows.append(row)
            continue
        brief = child(
            [BROADSHEET, "convert", str(src), "--to", "brief", "-o", str(work / f"b{kb}.txt"), "-q"], timeout
        )
        txt = child(
            [BROADSHEET, "convert", str(src), "--to", "txt", "-o", str(work / f"t{kb}.txt"), "-q"], timeout
        )
        seconds, peak, code = brief
        shown = f"> {timeout:.0f} s (stopped)" if code is None else s(seconds)
        row.ours = f"{shown}, {peak:.0f} MB" + ("" if code in (0, None) else f" (exit {code})")
        row.baseline = s(txt[0]) + f", {txt[1]:.0f} MB"
        row.ratio = f"{'> ' if code is None else ''}{seconds / txt[0]:.1f}×"
        row.met = verdict(code == 0 and seconds < 20)
        rows.append(row)
    return rows


def bundle_rows(counts: list[int]) -> list[Row]:
    rows = []
    if not bundle_memory.BBC.is_dir():
        return [Row(f"bundle PDF of {n} BBC stories, peak memory") for n in counts]
    for r in bundle_memory.run(counts, ["pdf"], single=False):
        n = int(r["n"])  # type: ignore[call-overload]
        goal = "< 500 MB" if n >= 1000 else "—"
        rows.append(
            Row(f"bundle PDF of {n} BBC stories: peak memory (time)", f"{r['peak_mb']} MB ({r['seconds']} s)",
                goal=goal, met=verdict(float(r["peak_mb"]) < 500) if n >= 1000 else "—")  # type: ignore[arg-type]
        )  # fmt: skip
    return rows


# --------------------------------------------------------------------------


def table(rows: list[Row]) -> str:
    lines = ["| measure | Broadsheet | baseline | ratio | goal | met? |", "|---|---|---|---|---|---|"]
    lines += [f"| {r.measure} | {r.ours} | {r.baseline} | {r.ratio} | {r.goal} | {r.met} |" for r in rows]
    return "\n".join(lines)


def machine() -> str:
    import platform

    mem = ""
    try:
        lines = Path("/proc/meminfo").read_text().splitlines()
        kb = next(int(ln.split()[1]) for ln in lines if ln.startswith("MemTotal"))
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration):
        pass
    return f"{os.cpu_count()} cores{mem}, {platform.system()} {platform.release()}, Python {platform.python_version()}"


def commit() -> str:
    try:
        head = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
        )
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True)  # fmt: skip
        return head.stdout.strip() + (" with local changes" if dirty.stdout.strip() else "")
    except OSError:
        return "unknown"


STEPS = ("cold", "pdf-floor", "docx", "batch-bbc", "batch-web", "rerun", "brief", "bundle")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick", action="store_true", help="Fewer articles: checks the bench, not numbers to quote."
    )
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument("--only", help=f"Comma-separated steps: {','.join(STEPS)}.")
    parser.add_argument("--no-record", action="store_true", help="Do not append the run to bench/RESULTS.md.")
    parser.add_argument("--brief-timeout", type=float, default=120.0)
    args = parser.parse_args()
    steps = args.only.split(",") if args.only else list(STEPS)
    q = args.quick
    load_before = os.getloadavg()[0]
    measured = commit()  # the code measured, whatever is committed while it runs
    started = time.perf_counter()
    rows: list[Row] = []
    work = Path(tempfile.mkdtemp(prefix="broadsheet-bench-all-"))
    try:
        plan: list[tuple[str, Callable[[], list[Row]]]] = [
            ("cold", lambda: cold_rows(3 if q else 5, work)),
            ("pdf-floor", lambda: pdf_floor_rows(3 if q else 15, work)),
            ("docx", lambda: [docx_row(5 if q else 20, 3 if q else 5)]),
            ("batch-bbc", lambda: [batch_row("bbc", 20 if q else 100, args.jobs, work)]),
            ("batch-web", lambda: [batch_row("web", 12 if q else 60, args.jobs, work)]),
            ("rerun", lambda: [rerun_row(40 if q else 200, work)]),
            ("brief", lambda: brief_rows([400_000, 837_000], 30 if q else args.brief_timeout, work)),
            ("bundle", lambda: bundle_rows([50, 200] if q else [200, 1000])),
        ]
        for name, step in plan:
            if name not in steps:
                continue
            print(f"-- {name}", file=sys.stderr, flush=True)
            try:
                found = step()
            except Exception as exc:  # a step that breaks is a row that says so, never a lost run
                found = [Row(name, f"not measured ({type(exc).__name__}: {exc})")]
            for row in found:
                print(
                    f"{row.measure}: {row.ours} | {row.baseline} | {row.ratio} | {row.goal} | {row.met}",
                    flush=True,
                )
            rows += found
    finally:
        shutil.rmtree(work, ignore_errors=True)
    minutes = (time.perf_counter() - started) / 60
    load_after = os.getloadavg()[0]
    text = table(rows)
    print()
    print(text)
    if args.no_record:
        return
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    section = (
        f"\n## `nox -s bench`{' --quick' if q else ''}, {stamp}, commit {measured}\n\n"
        f"{machine()}; load average {load_before:.1f} at the start, {load_after:.1f} at the end "
        f"(the benchmark's own work is 2 of it); {minutes:.0f} minutes.\n\n{text}\n"
    )
    with open(HERE / "RESULTS.md", "a", encoding="utf-8") as fh:
        fh.write(section)
    print(f"\nappended to {HERE / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
