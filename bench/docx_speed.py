"""DOCX per article: the direct writer against pandoc's (one process per article).

    python bench/docx_speed.py [--repeat N] [--bbc N] [--web N]

Articles: the sample (``samples/ashgabat-oped.txt``), the first N BBC stories of
``../shared/corpus/bbc-news`` (every sixth, as ``tests/test_docx_parity.py`` takes
them) and N of Readability's web pages. Each is read once; then each DOCX
export is timed N times per path, warm (the theme's reference document and the
direct writer's skeleton are built before timing), and the median is kept.
Printed per set: the median over its articles of those per-article medians,
direct and pandoc, their ratio, the same for each article's best run (on a
shared machine the median follows the load), and how many articles went to
pandoc anyway (the direct writer does not know something in them).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("BROADSHEET_CORPUS") or ROOT.parent / "shared" / "corpus")


def timed_ms(fn, repeat: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """Median and best of ``repeat`` runs, in ms (the best shows the cost on a busy machine)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, min(times) * 1000


def article_sets(bbc: int, web: int) -> dict[str, list[Path]]:
    sets = {"sample": [ROOT / "samples" / "ashgabat-oped.txt"]}
    if CORPUS.is_dir():
        sets["BBC"] = sorted((CORPUS / "bbc-news" / "bbc").glob("*/*.txt"))[::6][:bbc]
        sets["web pages"] = sorted((CORPUS / "readability" / "test" / "test-pages").glob("*/source.html"))[
            :web
        ]
    return sets


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15, help="timed exports per article and path")
    parser.add_argument("--bbc", type=int, default=20, help="BBC stories")
    parser.add_argument("--web", type=int, default=20, help="Readability web pages")
    args = parser.parse_args()

    import convert
    from convert.base import ExportOptions
    from convert.errors import ConvertError
    from convert.exporters._docx_direct import Unsupported
    from convert.exporters._docx_reference import reference_docx
    from convert.exporters.docx import DocxExporter, ImageInliner, write_direct
    from convert.theme import load_theme

    os.environ.pop("BROADSHEET_DOCX", None)  # "direct" below is the exporter's default path
    theme = load_theme("default")
    reference = reference_docx(theme)
    exporter = DocxExporter()
    options = ExportOptions()

    def pandoc(article):  # type: ignore[no-untyped-def]
        return exporter.export_pandoc(article, reference, options)

    def direct(article):  # type: ignore[no-untyped-def]
        return exporter.export(article, theme, options)  # the direct writer unless BROADSHEET_DOCX=pandoc

    print(
        f"{'articles':<12} {'n':>3} {'direct ms':>10} {'pandoc ms':>10} {'ratio':>7}"
        f" {'best direct':>12} {'best pandoc':>12} {'to pandoc':>10}"
    )
    for name, paths in article_sets(args.bbc, args.web).items():
        direct_ms: list[tuple[float, float]] = []
        pandoc_ms: list[tuple[float, float]] = []
        fallback = 0
        for path in paths:
            try:
                article = convert.read(path)
            except ConvertError:
                continue
            try:
                write_direct(article, reference, ImageInliner(None))
            except Unsupported:
                fallback += 1
                continue
            pandoc(article)
            direct_ms.append(timed_ms(lambda a=article: direct(a), args.repeat))
            pandoc_ms.append(timed_ms(lambda a=article: pandoc(a), args.repeat))
        if not direct_ms:
            continue
        d, p = (statistics.median(m for m, _ in times) for times in (direct_ms, pandoc_ms))
        bd, bp = (statistics.median(b for _, b in times) for times in (direct_ms, pandoc_ms))
        print(
            f"{name:<12} {len(direct_ms):>3} {d:>10.2f} {p:>10.1f} {p / d:>6.1f}x"
            f" {bd:>12.2f} {bp:>12.1f} {fallback:>10}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
