"""Titles by the evidence that gave them, per half: where the tuning and validation halves differ.

    python bench/title_evidence.py [--source trafilatura] [--source readability] [-j 2]

Each page with a ground-truth title is read as ``broadsheet inspect --explain`` reads it; its title's
provenance (``og:title``, a JSON-LD headline, an ``<h1>`` a declared title holds, ``<title>`` …) is
put in a class, and each class prints its pages and the share of titles at least 0.8 alike the
expected one (``accuracy.near_title``), tuning / validation. Only counts are printed: no validation
page is shown, so the table can point at a class without anyone opening a page of that half.
"""

from __future__ import annotations

import argparse
import gzip
import logging
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import accuracy  # noqa: E402

#: Classes of provenance, in the order they are tried: (label, test on the provenance text).
CLASSES = (
    ("an <h1> (or trafilatura's heading) a declared title holds", lambda w: "it repeats" in w),
    ("<title> alone, whole or with the site's name cut", lambda w: w.startswith("<title>")),
    (
        "og:title, whole, cut or as the heading writes it",
        lambda w: w.startswith('<meta property="og:title">'),
    ),
    ("a JSON-LD headline or name", lambda w: w.startswith("JSON-LD")),
    ("anything else", lambda w: True),
)


def _one(page: accuracy.Page) -> tuple[str, str, bool]:
    from convert.explain import read_explained

    logging.disable(logging.WARNING)  # the reader's notes on dropped images are not wanted here
    data = page.path.read_bytes()
    if page.path.suffix == ".gz":
        data = gzip.decompress(data)
    try:
        article, where = read_explained(data, from_="html", require_text=False)
    except Exception:  # a page the reader refuses counts as a miss of its own class
        return page.half, "(read failed)", False
    said = where.get("title") or ""
    label = next(label for label, test in CLASSES if test(said))
    return page.half, label, accuracy.near_title(article.meta.title, page.title or "")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", action="append", choices=("trafilatura", "readability", "goose3"))
    parser.add_argument("-j", "--jobs", type=int, default=1)
    args = parser.parse_args(argv)
    for source in args.source or ["trafilatura", "readability"]:
        pages = [p for p in accuracy.SOURCES[source]() if p.title]
        if not pages:
            print(f"{source}: no pages (is ../shared/corpus there?)")
            continue
        counts: Counter[tuple[str, str, bool]] = Counter()
        with ProcessPoolExecutor(max_workers=args.jobs) as pool:
            counts.update(pool.map(_one, pages, chunksize=4))
        print(f"\n{source}: pages, share >= 0.8 alike (tuning | validation)")
        labels = [label for label, _ in CLASSES] + ["(read failed)"]
        for label in labels:
            cells = []
            for half in accuracy.HALVES:
                n = counts[half, label, True] + counts[half, label, False]
                cells.append(
                    f"{n:>4} {100 * counts[half, label, True] / n:5.1f} %" if n else f"{0:>4}      -"
                )
            if any(counts[h, label, ok] for h in accuracy.HALVES for ok in (True, False)):
                print(f"  {label:<62} {cells[0]} | {cells[1]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
