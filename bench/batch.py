"""Benchmark: Broadsheet's batch engine against a parallel shell loop over pandoc.

    python bench/batch.py [-n 200] [-j CORES] [--mix pages|text] [--formats pdf,epub,docx,txt] [--keep DIR]

Inputs, as issue 5 sets them: copies of the sample op-ed with varied titles
(three in four), plus corpus pages when ../shared/corpus is present (one in
four). ``--mix pages`` (the default) takes saved web pages (readability's
test pages and trafilatura's evaluation pages); ``--mix text`` takes BBC
plain-text stories instead. Both sides run in this process's run, on the
same inputs, with the same parallelism (``xargs -P``), and the ratios are
printed. The pandoc loop runs twice: as the issue writes it, and with
``--sandbox``, which stops pandoc trying to fetch the pages' remote images
(this machine is offline, so each try fails at the name lookup). Also: peak
memory per worker, and the time of a rerun with nothing changed (a fresh
``broadsheet`` process, as a user sees it).
"""

from __future__ import annotations

import argparse
import gzip
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "ashgabat-oped.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
BIN = Path(sys.executable).parent


def corpus_inputs(mix: str) -> list[Path]:
    """The corpus files one in four inputs come from, in a fixed order."""
    if mix == "text":
        bbc = CORPUS / "bbc-news" / "bbc"
        return sorted(bbc.rglob("*.txt")) if bbc.is_dir() else []
    pages = sorted((CORPUS / "readability" / "test" / "test-pages").glob("*/source.html"))
    pages += sorted((CORPUS / "trafilatura" / "tests" / "eval").glob("*.html*"))
    return pages


def make_inputs(folder: Path, n: int, mix: str) -> None:
    """``n`` articles: three in four are the sample retitled, the rest corpus files if present.

    Corpus files are taken evenly spread over the sorted list, so each run
    of the same ``n`` uses the same pages.
    """
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    corpus = corpus_inputs(mix)
    wanted = n // 4
    step = max(1, len(corpus) // wanted) if wanted else 1
    for i in range(n):
        if corpus and i % 4 == 3:
            src = corpus[((i // 4) * step) % len(corpus)]
            data = gzip.decompress(src.read_bytes()) if src.suffix == ".gz" else src.read_bytes()
            ext = ".txt" if mix == "text" else ".html"
            (folder / f"corpus-{i:04d}{ext}").write_bytes(data)
            continue
        varied = list(lines)
        varied[2] = f"{lines[2]}: part {i + 1}"
        (folder / f"oped-{i:04d}.txt").write_text("\n".join(varied) + "\n", encoding="utf-8")


def corpus_only(folder: Path, n: int, kind: str) -> int:
    """``n`` corpus files alone, spread evenly over the sorted list: ``bbc`` stories or ``web`` pages.

    Returns how many were written (0 without the corpus).
    """
    files = corpus_inputs("text" if kind == "bbc" else "pages")
    if not files:
        return 0
    picked = files[:: max(1, len(files) // n)][:n]
    for i, src in enumerate(picked):
        data = gzip.decompress(src.read_bytes()) if src.suffix == ".gz" else src.read_bytes()
        (folder / f"{kind}-{i:04d}{'.txt' if kind == 'bbc' else '.html'}").write_bytes(data)
    return len(picked)


def pandoc_loop(inputs: Path, out: Path, formats: list[str], jobs: int, *, sandbox: bool = False) -> float:
    import pypandoc

    pandoc = f'"{pypandoc.get_pandoc_path()}"' + (" --sandbox" if sandbox else "")
    steps = {
        "pdf": f'{pandoc} "$1" -o "$2.pdf" --pdf-engine=weasyprint',
        "epub": f'{pandoc} "$1" -o "$2.epub"',
        "docx": f'{pandoc} "$1" -o "$2.docx"',
        "txt": f'{pandoc} "$1" -t plain -o "$2.txt"',
    }
    # "|| true": a page pandoc cannot convert must not stop the loop (xargs would stop at exit 255).
    script = "; ".join(f"{steps[f]} || true" for f in formats)
    cmd = (
        f'find "{inputs}" -type f -print0 | '
        f'xargs -0 -P {jobs} -I{{}} sh -c \'b=$(basename "$1"); set -- "$1" "{out}/${{b%.*}}"; {script}\' _ {{}}'
    )
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}
    start = time.perf_counter()
    # cwd: pandoc writes its PDF-via-HTML temporaries (toPdfViaTempFile*) into the working folder.
    subprocess.run(cmd, shell=True, check=True, env=env, stderr=subprocess.DEVNULL, cwd=out.parent)
    return time.perf_counter() - start


FLOOR_CSS = "@page { size: A4; margin: 20mm; } body { font-family: serif; font-size: 11pt; }"


def floor_seconds(inputs: Path, samples: int = 24) -> float:
    """Per article, the least the required components cost: a lower bound for any batch.

    For an even spread of the inputs, one warm process times only what the
    product must call: WeasyPrint laying out and writing the article as one
    plain column, untagged (the cheapest PDF it makes of it), and pandoc's
    DOCX writer. Reading, EPUB, text, files and scheduling count as free.
    """
    import statistics

    import weasyprint

    import convert
    from convert.exporters.html import render_document
    from convert.pandoc_ast import article_to_pandoc
    from convert.pandoc_run import write_from_json

    files = sorted(p for p in inputs.iterdir() if p.is_file())
    picked = files[:: max(1, len(files) // samples)]
    articles = [convert.read(p) for p in picked]

    def once(article: convert.Article) -> float:
        start = time.perf_counter()
        html = render_document(article, FLOOR_CSS, footnote_mode="inline")
        weasyprint.HTML(string=html).write_pdf()
        write_from_json(article_to_pandoc(article, for_docx=True), "docx")
        return time.perf_counter() - start

    once(articles[0])  # warm: fonts, CSS, pyphen
    return statistics.mean(min(once(a) for _ in range(2)) for a in articles)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=200)
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--mix", choices=("pages", "text"), default="pages")
    parser.add_argument("--formats", default="pdf,epub,docx,txt")
    parser.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    args = parser.parse_args()
    formats = args.formats.split(",")
    work = args.keep or Path(tempfile.mkdtemp(prefix="broadsheet-bench-"))
    inputs, ours, theirs = work / "in", work / "broadsheet", work / "pandoc"
    for d in (inputs, ours, theirs):
        shutil.rmtree(d, ignore_errors=True)
        d.mkdir(parents=True)
    make_inputs(inputs, args.n, args.mix)
    print(
        f"{args.n} articles ({args.mix} mix) -> {','.join(formats)} on {args.jobs} workers ({os.cpu_count()} cores)"
    )

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

    for sandbox in (False, True):
        shutil.rmtree(theirs, ignore_errors=True)
        theirs.mkdir()
        t_pandoc = pandoc_loop(inputs, theirs, formats, args.jobs, sandbox=sandbox)
        made = sum(1 for _ in theirs.iterdir())
        label = "pandoc --sandbox" if sandbox else "pandoc"
        print(
            f"{label} + xargs -P {args.jobs}: {t_pandoc:7.2f} s  {args.n / t_pandoc:6.2f} articles/s  ({made} files)"
        )
        print(f"speed-up: {t_pandoc / t_ours:.1f}x the throughput of the {label} loop")
        if not sandbox:
            t_loop = t_pandoc
    floor = floor_seconds(inputs)
    best = t_loop / (args.n * floor / args.jobs)
    print(
        f"floor: {floor * 1000:.0f} ms per article for WeasyPrint's plainest PDF plus pandoc's DOCX alone; "
        f"no batch can beat {best:.1f}x the pandoc loop on these inputs with {args.jobs} workers"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
