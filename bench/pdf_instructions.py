"""Instructions per warm PDF render (Valgrind's cachegrind): the theme against the floor, without the clock's noise.

    python bench/pdf_instructions.py [--rows floor,theme,stock,columns,...] [--doc PATH] [--renders 2]

On the shared 2-core machine the theme/floor ratio of CPU medians moves by
±0.1 from run to run (``bench/RESULTS.md``); instruction counts move by well
under 1 %. Each row runs in a fresh process under cachegrind twice, rendering
the article once (the warm-up: imports, fonts, parsed CSS, hyphenation
dictionaries) and then ``--renders`` more times or none; the difference
divided by ``--renders`` is one warm render. The collector is frozen after the
warm-up and a young collection runs before each render, so a full collection
landing in one run and not the other does not count; ``PYTHONHASHSEED=0``.

Rows: ``floor`` and ``theme`` as ``bench/pdf_cost.py`` defines them;
``stock``, the theme with WeasyPrint's own code for both carried patches
(``convert/exporters/_weasyprint_columns.py``, ``_weasyprint_text.py``); and
any ``pdf_cost.py`` variant name: the theme with that rule family switched off.
Needs ``valgrind`` (Debian: ``apt install valgrind``; a benchmark tool, so the
set-up script leaves it out); a row takes one to two minutes for the sample.
"""

from __future__ import annotations

import argparse
import gc
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

_REFS = re.compile(r"I\s+refs:\s+([\d,]+)")


def instructions(log: str) -> int:
    """The ``I refs`` total from cachegrind's summary on stderr."""
    found = _REFS.search(log)
    if found is None:
        raise ValueError("no 'I refs' line in cachegrind's output")
    return int(found.group(1).replace(",", ""))


def _renderer(row: str, doc: Path, work: Path) -> Callable[[], object]:
    import pdf_cost

    article = pdf_cost.read(doc) if doc.suffix in (".html", ".htm", ".gz") else pdf_cost.convert.read(doc)
    if article is None:
        raise SystemExit(f"{doc}: no article read")
    base = pdf_cost.load_theme("default")
    if row == "floor":
        return lambda: pdf_cost.floor_render(article)
    if row == "theme":
        return lambda: pdf_cost.theme_render(base, {})(article)
    if row == "stock":
        from convert.exporters import _weasyprint_text

        def stock() -> object:
            with pdf_cost.stock_columns(), pdf_cost.without(_weasyprint_text):
                return pdf_cost.theme_render(base, {})(article)

        return stock
    variants = {v.name: v for v in pdf_cost.VARIANTS}
    if row not in variants:
        raise SystemExit(f"unknown row {row!r}: floor, theme, stock or one of {', '.join(variants)}")
    variant = variants[row]
    theme = pdf_cost.variant_theme(base, variant, work) if variant.css else base
    return lambda: pdf_cost.theme_render(theme, dict(variant.write_options))(article)


def child(row: str, doc: Path, renders: int) -> None:
    os.environ.setdefault("SOURCE_DATE_EPOCH", "0")
    work = Path(tempfile.mkdtemp(prefix="broadsheet-pdf-instructions-"))
    try:
        render = _renderer(row, doc, work)
        render()  # warm
        gc.collect()
        gc.freeze()
        for _ in range(renders):
            gc.collect(0)
            render()
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure(row: str, doc: Path, renders: int) -> float:
    """Instructions of one warm render of ``doc`` in ``row``."""
    totals = []
    for count in (0, renders):
        done = subprocess.run(
            [
                "valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null",
                sys.executable, __file__, "--child", row, "--doc", str(doc), "--renders", str(count),
            ],
            capture_output=True, text=True, check=False, env={**os.environ, "PYTHONHASHSEED": "0"},
        )  # fmt: skip
        if done.returncode != 0:
            raise SystemExit(f"{row}: the render failed under valgrind:\n{done.stderr[-2000:]}")
        totals.append(instructions(done.stderr))
    return (totals[1] - totals[0]) / renders


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rows", default="floor,theme", help="comma-separated: floor, theme, stock, variants"
    )
    parser.add_argument("--doc", type=Path, default=ROOT / "samples" / "ashgabat-oped.txt")
    parser.add_argument("--renders", type=int, default=2, help="warm renders counted (after one warm-up)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.doc, args.renders)
        return 0
    if args.renders < 1:
        parser.error("--renders must be at least 1")
    rows = [r.strip() for r in args.rows.split(",") if r.strip()]
    if not args.doc.is_file():
        parser.error(f"--doc {args.doc}: no such file")
    import pdf_cost  # the rows, checked before minutes under valgrind

    known = ["floor", "theme", "stock", *(v.name for v in pdf_cost.VARIANTS)]
    if unknown := [r for r in rows if r not in known]:
        parser.error(f"unknown row {unknown[0]!r}: one of {', '.join(known)}")
    if shutil.which("valgrind") is None:
        print("pdf_instructions: valgrind is not installed (Debian: apt install valgrind)", file=sys.stderr)
        return 2
    counts = {row: measure(row, args.doc, args.renders) for row in rows}
    print(f"{args.doc.name}: instructions per warm render ({args.renders} renders, cachegrind)")
    for row, n in counts.items():
        cells = [f"{n / 1e6:9,.0f} M"]
        if "floor" in counts and row != "floor":
            cells.append(f"{n / counts['floor']:.3f}× the floor")
        if "theme" in counts and row not in ("floor", "theme"):
            cells.append(f"{(n - counts['theme']) / 1e6:+,.0f} M vs the theme")
        print(f"  {row:<14} " + "   ".join(cells))
    return 0


if __name__ == "__main__":
    sys.exit(main())
