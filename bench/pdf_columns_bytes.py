"""The carried WeasyPrint speed-ups against WeasyPrint's own code: the same PDF bytes, and the time each took.

    python bench/pdf_columns_bytes.py [--n 16] [--half tuning|validation|both] [--patch all|columns|text]

Renders the sample and ``--n`` BBC stories and ``--n`` saved web pages per
half (chosen and split as ``bench/pdf_cost.py`` does) with Broadsheet's PDF
exporter twice, with and without the carried patches
(:mod:`convert.exporters._weasyprint_columns`, :mod:`convert.exporters._weasyprint_text`
or both: ``--patch``), and compares the bytes. Prints one line per document that differs, the
count of final column layouts kept from a trial, and the CPU time of each
side (``time.process_time``; one render each after a warm-up).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pdf_cost  # noqa: E402

from convert.base import ExportOptions  # noqa: E402
from convert.exporters import _weasyprint_columns as columns  # noqa: E402
from convert.exporters import _weasyprint_text as text  # noqa: E402
from convert.exporters.pdf import render_pdf  # noqa: E402
from convert.theme import load_theme  # noqa: E402


@contextmanager
def stock(patch: str) -> Iterator[None]:
    with ExitStack() as stack:
        if patch in ("all", "columns"):
            stack.enter_context(pdf_cost.stock_columns())
        if patch in ("all", "text"):
            stack.enter_context(pdf_cost.without(text))
        yield


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=16, help="BBC stories and web pages per half")
    parser.add_argument("--half", choices=(*pdf_cost.HALVES, "both"), default="both")
    parser.add_argument("--patch", choices=("all", "columns", "text"), default="all", help="what to compare")
    args = parser.parse_args()
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    theme = load_theme("default")
    items = [("sample", pdf_cost.convert.read(pdf_cost.SAMPLE))]
    halves = pdf_cost.HALVES if args.half == "both" else (args.half,)
    if pdf_cost.CORPUS.is_dir():
        for kind in ("bbc", "web"):
            for h in halves:
                items += [(f"{kind} {h}: {key}", a) for key, a in pdf_cost.articles(kind, h, args.n)]
    differ = 0
    cpu = {"patched": 0.0, "stock": 0.0}
    for name, article in items:
        out = {}
        for side in ("patched", "stock"):
            with stock(args.patch) if side == "stock" else pdf_cost.nullcontext():
                render_pdf(article, theme, ExportOptions())  # warm
                before = columns.counts["kept"]
                start = time.process_time()
                out[side] = render_pdf(article, theme, ExportOptions()).data
                cpu[side] += time.process_time() - start
                if side == "patched":
                    kept = columns.counts["kept"] - before
        if out["patched"] != out["stock"]:
            differ += 1
            print(f"DIFFERENT: {name}")
        else:
            print(f"same bytes: {name} ({kept} columns kept)")
    print(
        f"{len(items) - differ} of {len(items)} documents byte-identical; CPU "
        f"{cpu['patched']:.2f} s with the carried patches ({args.patch}), {cpu['stock']:.2f} s without"
    )
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
