"""The plain-text reader on wire copy laid out four ways, tuning and validation halves apart.

    python bench/wire.py [--limit N] [--jobs N]

Each Reuters-21578 story (``../shared/corpus/reuters21578``) is written as
wire text in the layouts such copy arrives in:

- ``blank``: title, byline and body separated by blank lines, paragraphs
  starting with the SGML's indent (the layout ``bench/accuracy.py`` uses);
- ``packed``: the same with no blank lines at all;
- ``flush``: blank lines, but the first paragraph (the dateline lead) not
  indented, as when the dateline tag's spaces are lost;
- ``packed-flush``: both.

Scored per story: the title, the dateline's place, the byline's name, and
the paragraphs (all equal to the SGML's). BBC stories (title line, blank
line, paragraphs) are scored on title and paragraph splits.

Stories are read, split into halves and scored by ``bench/accuracy.py``
(the same halves as ``nox -s accuracy``: ``sha256(NEWID)[0] % 2`` for
Reuters, the ``category/NNN.txt`` path for BBC); this script only lays
them out. The reader's rules were written against the tuning half; the
validation half is reported beside it, and a large gap is a bug report.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

from accuracy import CORPUS, HALVES, gap_cell, half, norm_text, reuters_stories, score_reuters

LAYOUTS = ("blank", "packed", "flush", "packed-flush")


def wire_text(story: dict[str, str], layout: str) -> str:
    """The story as wire copy in ``layout``."""
    dateline = story["dateline"]
    if "flush" in layout:
        dateline = dateline.lstrip()
    head = [x for x in (story["title"].strip(), story["author"].strip()) if x]
    body = dateline + story["body"]
    if "packed" in layout:
        body = "\n".join(line for line in body.splitlines() if line.strip())
        return "\n".join([*head, body])
    return "\n\n".join([*head, body])


def score_story(job: tuple[dict[str, str], str]) -> dict[str, Any]:
    story, layout = job
    return score_reuters({**story, "text": wire_text(story, layout)})


def score_bbc(path: Path) -> dict[str, Any]:
    import convert
    from convert.model import Paragraph, plain_text

    data = path.read_bytes()
    title, _, rest = data.decode("utf-8", "replace").partition("\n")
    expected = [" ".join(p.split()) for p in re.split(r"\n\s*\n", rest) if p.strip()]
    article = convert.read(data, from_="text")
    got = [" ".join(plain_text(b).split()) for b in article.body if isinstance(b, Paragraph)]
    return {
        "title": norm_text(article.meta.title) == norm_text(title),
        "paragraphs": [norm_text(p) for p in got] == [norm_text(p) for p in expected],
    }


def table(rows: dict[tuple[str, str], list[dict[str, Any]]], metrics: tuple[str, ...]) -> None:
    """One line per layout: each metric's tuning and validation figures side by side, then V-T.

    A gap over ``GAP_POINTS`` (issue 12: within 2 points) is marked ``*``.
    """
    order = [*LAYOUTS, "bbc"]
    layouts = sorted({layout for layout, _ in rows}, key=order.index)
    counts = " / ".join(f"n {h[0].upper()}" for h in HALVES)
    print(f"| layout | {counts} | " + " | ".join(f"{m} T | {m} V | V-T" for m in metrics) + " |")
    print("|---|---|" + "---:|---:|---:|" * len(metrics))
    for layout in layouts:
        cells = [" / ".join(str(len(rows.get((layout, h), []))) for h in HALVES)]
        for m in metrics:
            figures = []
            for h in HALVES:
                vals = [r[m] for r in rows.get((layout, h), []) if r.get(m) is not None]
                figures.append(f"{100 * sum(vals) / len(vals):.1f} ({len(vals)})" if vals else "-")
            cells += [*figures, gap_cell(*figures)]
        print(f"| {layout} | {' | '.join(cells)} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="stories per source")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print("../shared/corpus is not present: nothing to measure", file=sys.stderr)
        return 0
    stories = [s for s in reuters_stories() if s["dateline"].strip()][: args.limit]
    jobs = [(s, layout) for layout in LAYOUTS for s in stories]
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(score_story, jobs, chunksize=64))
    rows: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for (story, layout), result in zip(jobs, results, strict=True):
        rows[(layout, story["half"])].append(result)
    print(f"reuters21578: {len(stories)} stories with a dateline, as wire text in {len(LAYOUTS)} layouts")
    table(rows, ("title", "dateline", "byline", "paragraphs"))
    bbc = sorted((CORPUS / "bbc-news" / "bbc").glob("*/*.txt"))[: args.limit]
    with ProcessPoolExecutor(args.jobs) as pool:
        bbc_results = list(pool.map(score_bbc, bbc, chunksize=16))
    rows = defaultdict(list)
    for path, result in zip(bbc, bbc_results, strict=True):
        rows[("bbc", half(f"{path.parent.name}/{path.name}"))].append(result)
    print(f"\nbbc-news: {len(bbc)} stories (title line, blank line, paragraphs)")
    table(rows, ("title", "paragraphs"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
