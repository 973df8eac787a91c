"""Soak: one long batch, to show that worker memory and throughput stay flat.

    python bench/soak.py [-n 5000] [--to txt,md,json] [-j 2] [--max-tasks-per-child N|0] [--keep DIR]

Inputs are generated from ../shared/corpus into a temporary folder, cycling
through four sources: BBC stories (bbc-news-summary's articles, plain text),
Reuters-21578 stories (each ``<REUTERS>`` document of the SGML files, as a small
HTML page), the article-extraction-benchmark's saved web pages and BBC stories
again as Markdown. An input seen again is made distinct (a numbered line), so
every input is a new job.

While the batch runs, a thread samples the resident memory (``VmRSS``) and
CPU time of every worker process (a child of this process) twice a second.
Reported:

- for each fifth of the run (by inputs done): throughput (inputs/s), the
  workers' CPU time per input (which, unlike throughput, does not depend on
  what else the machine is doing; the load average is shown too) and the
  median and largest RSS of the live workers at their last sample in it;
- per worker: its RSS at its first sample, at the end of the first fifth,
  at its last sample, and its largest.

``--max-tasks-per-child 0`` keeps each worker for the whole run (no
recycling), which is the honest test of a leak; the default recycles as the
command line does. Nothing here runs in the test suite (``nox -s soak``).
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
PAGE_SIZE = os.sysconf("SC_PAGE_SIZE") if hasattr(os, "sysconf") else 4096
CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


# -- inputs -----------------------------------------------------------------------------------


def bbc_stories() -> list[tuple[str, str]]:
    """(headline, body) of every BBC story."""
    folder = CORPUS / "bbc-news-summary" / "News Articles"
    if not folder.is_dir():
        folder = CORPUS / "bbc-news" / "bbc"
    stories = []
    for path in sorted(folder.rglob("*.txt")):
        if path.name == "README.TXT":
            continue
        text = path.read_bytes().decode("utf-8", "replace").strip()
        title, _, body = text.partition("\n")
        stories.append((title.strip(), body.strip()))
    return stories


def reuters_pages() -> list[str]:
    """Each Reuters-21578 story with a title and a body, as a small HTML page."""
    pages = []
    for sgm in sorted((CORPUS / "reuters21578").rglob("*.sgm")):
        text = sgm.read_bytes().decode("latin-1")
        for doc in re.findall(r"<REUTERS.*?</REUTERS>", text, re.S):
            title = re.search(r"<TITLE>(.*?)</TITLE>", doc, re.S)
            body = re.search(r"<BODY>(.*?)</BODY>", doc, re.S)
            if not title or not body:
                continue
            dateline = re.search(r"<DATELINE>(.*?)</DATELINE>", doc, re.S)
            paras = [p.strip() for p in re.split(r"\n\s{2,}|\n\n", html.unescape(body.group(1))) if p.strip()]
            pages.append(
                "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
                f"<title>{html.escape(html.unescape(title.group(1)))}</title></head><body><article>"
                f"<h1>{html.escape(html.unescape(title.group(1)))}</h1>"
                + (f"<p class='dateline'>{html.escape(dateline.group(1).strip())}</p>" if dateline else "")
                + "".join(f"<p>{html.escape(p)}</p>" for p in paras)
                + "</article></body></html>"
            )
    return pages


def web_pages() -> list[bytes]:
    folder = CORPUS / "article-extraction-benchmark" / "html"
    return [gzip.decompress(p.read_bytes()) for p in sorted(folder.glob("*.html.gz"))]


def generate(folder: Path, n: int) -> dict[str, int]:
    """``n`` inputs under ``folder``, cycling through the four sources; returns how many of each."""
    bbc, reuters, pages = bbc_stories(), reuters_pages(), web_pages()
    if not (bbc and reuters and pages):
        sys.exit(f"soak: the corpus is missing or incomplete at {CORPUS}")
    sources: list[tuple[str, Iterator[tuple[int, object]]]] = [
        ("bbc-txt", _cycle(bbc)),
        ("reuters-html", _cycle(reuters)),
        ("web-html", _cycle(pages)),
        ("bbc-md", _cycle(list(reversed(bbc)))),
    ]
    counts = dict.fromkeys((name for name, _ in sources), 0)
    for i in range(n):
        name, items = sources[i % len(sources)]
        turn, item = next(items)
        counts[name] += 1
        # Sources interleave in the run's (sorted) order, so every fifth has the same mix.
        sub = folder / f"{i // 500:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        again = f" (again, {turn})" if turn else ""
        if name == "bbc-txt":
            title, body = item  # type: ignore[misc]
            (sub / f"s{i:05d}-{name}.txt").write_text(f"{title}{again}\n\n{body}\n", encoding="utf-8")
        elif name == "bbc-md":
            title, body = item  # type: ignore[misc]
            (sub / f"s{i:05d}-{name}.md").write_text(f"# {title}{again}\n\n{body}\n", encoding="utf-8")
        elif name == "reuters-html":
            page = str(item).replace("</article>", f"<p>{again}</p></article>" if again else "</article>")
            (sub / f"s{i:05d}-{name}.html").write_text(page, encoding="utf-8")
        else:
            data = bytes(item)  # type: ignore[call-overload]
            if again:
                data = data.replace(b"</body>", f"<p>{again}</p></body>".encode(), 1)
            (sub / f"s{i:05d}-{name}.html").write_bytes(data)
    return counts


def _cycle(items: list[object]) -> Iterator[tuple[int, object]]:
    turn = 0
    while True:
        for item in items:
            yield turn, item
        turn += 1


# -- memory -----------------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(fields[1]) == pid:
            found.append(int(entry))
    return found


def _rss_mb(pid: int) -> float | None:
    try:
        with open(f"/proc/{pid}/statm", encoding="ascii") as fh:
            return int(fh.read().split()[1]) * PAGE_SIZE / 2**20
    except (OSError, IndexError, ValueError):
        return None


def _cpu_s(pid: int) -> float | None:
    """User + system CPU seconds of ``pid`` and its waited-for children (pandoc)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return sum(int(f) for f in fields[11:15]) / CLOCK_TICKS
    except (OSError, IndexError, ValueError):
        return None


class Sampler(threading.Thread):
    """RSS and CPU time of every child process, every ``every`` seconds: {pid: [(t, MB, CPU s), ...]}."""

    def __init__(self, every: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.every = every
        self.samples: dict[int, list[tuple[float, float, float]]] = {}
        self.load: list[tuple[float, float]] = []
        self.halt = threading.Event()
        self.t0 = time.perf_counter()

    def run(self) -> None:
        me = os.getpid()
        while not self.halt.wait(self.every):
            now = time.perf_counter() - self.t0
            self.load.append((now, os.getloadavg()[0]))
            for pid in _children(me):
                rss, cpu = _rss_mb(pid), _cpu_s(pid)
                if rss and cpu is not None:  # a retired worker not yet reaped has no memory
                    self.samples.setdefault(pid, []).append((now, rss, cpu))


# -- the run ----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=5000, help="inputs (default 5000)")
    parser.add_argument("--to", default="txt,md,json", help="formats (default txt,md,json)")
    parser.add_argument("-j", "--jobs", type=int, default=2)
    parser.add_argument(
        "--max-tasks-per-child",
        type=int,
        default=None,
        help="0: never recycle a worker (default: as the CLI)",
    )
    parser.add_argument("--keep", type=Path, help="generate into this folder and keep it")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    args = parser.parse_args()

    from convert.batch import convert_batch
    from convert.batch.executor import MAX_TASKS_PER_CHILD

    max_tasks = (
        MAX_TASKS_PER_CHILD if args.max_tasks_per_child is None else (args.max_tasks_per_child or None)
    )
    work = args.keep or Path(tempfile.mkdtemp(prefix="broadsheet-soak-"))
    src, out = work / "in", work / "out"
    shutil.rmtree(out, ignore_errors=True)
    if not src.is_dir():
        counts = generate(src, args.n)
        print(f"generated {args.n} inputs in {src}: {counts}", flush=True)
    done_at: list[float] = []
    sampler = Sampler()

    def on_event(event: dict[str, object]) -> None:
        if event.get("event") == "job":
            done_at.append(time.perf_counter() - sampler.t0)
            if len(done_at) % 500 == 0:
                print(f"  {len(done_at)} done at {done_at[-1]:.0f} s", flush=True)

    sampler.start()
    try:
        report = convert_batch(
            src, out, to=args.to, jobs=args.jobs, on_event=on_event, max_tasks_per_child=max_tasks
        )
    finally:
        sampler.halt.set()
        sampler.join()
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    figures = summarise(report, done_at, sampler, args, max_tasks)
    print(json.dumps(figures, indent=2))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


def summarise(report, done_at, sampler, args, max_tasks) -> dict[str, object]:  # type: ignore[no-untyped-def]
    """Figures per fifth of the run (by inputs done): throughput, worker CPU per input, worker RSS."""
    n = len(done_at)
    fifth = max(1, n // 5)
    # The first fifth starts at the first result, so that the workers' start and warm-up are left out.
    bounds = [done_at[0]] + [done_at[min(n - 1, fifth * k - 1)] for k in range(1, 6)] if n else []
    fifths = []
    for k in range(1, len(bounds)):
        lo, hi = bounds[k - 1], bounds[k]
        rss_last: dict[int, float] = {}
        cpu = 0.0
        for pid, samples in sampler.samples.items():
            inside = [(t, mb, c) for t, mb, c in samples if lo < t <= hi]
            if inside:
                rss_last[pid] = inside[-1][1]
            before = [c for t, _mb, c in samples if t <= lo]
            if inside:
                cpu += inside[-1][2] - (before[-1] if before else 0.0)
        done = sum(1 for t in done_at if lo < t <= hi)
        loads = [la for t, la in sampler.load if lo < t <= hi]
        fifths.append(
            {
                "fifth": k,
                "inputs": done,
                "seconds": round(hi - lo, 1),
                "inputs_per_s": round(done / (hi - lo), 2) if hi > lo else None,
                "worker_cpu_ms_per_input": round(1000 * cpu / done, 1) if done else None,
                "load_average": round(statistics.mean(loads), 1) if loads else None,
                "workers": len(rss_last),
                "rss_median_mb": round(statistics.median(rss_last.values()), 1) if rss_last else None,
                "rss_max_mb": round(max(rss_last.values()), 1) if rss_last else None,
            }
        )
    workers = []
    for pid, samples in sorted(sampler.samples.items(), key=lambda kv: kv[1][0][0]):
        workers.append(
            {
                "pid": pid,
                "from_s": round(samples[0][0], 1),
                "to_s": round(samples[-1][0], 1),
                "rss_first_mb": round(samples[0][1], 1),
                "rss_after_first_fifth_mb": next(
                    (round(mb, 1) for t, mb, _c in samples if t >= bounds[1]), None
                )
                if bounds
                else None,
                "rss_last_mb": round(samples[-1][1], 1),
                "rss_max_mb": round(max(mb for _t, mb, _c in samples), 1),
            }
        )
    return {
        "inputs": args.n,
        "formats": args.to,
        "jobs": args.jobs,
        "max_tasks_per_child": max_tasks,
        "converted": report.converted,
        "failed": report.failed,
        "elapsed_s": round(report.elapsed, 1),
        "worker_processes": len(workers),
        "fifths": fifths,
        "workers": workers if len(workers) <= 8 else workers[:4] + workers[-4:],
        "failures": [o.reason for o in report.failures][:10],
    }


if __name__ == "__main__":
    main()
