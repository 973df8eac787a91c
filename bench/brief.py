"""Benchmark: briefing time per article against PDF render time of the same article.

    python bench/brief.py [-n 40] [--reuters 40]

Articles: the sample op-ed, plus the first ``-n`` BBC stories and the first
``--reuters`` Reuters stories when ../shared/corpus is present. Each article
is read once; then the brief (analysis and text) and the PDF are timed on
the same tree, in this process, after one warm-up of each. Prints the median
and total per source and the ratio PDF / brief: the brief must stay far
cheaper than the PDF.
"""

from __future__ import annotations

import argparse
import html
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import convert  # noqa: E402
from convert.exporters.brief import BriefExporter  # noqa: E402
from convert.model import Article  # noqa: E402
from convert.registry import exporters  # noqa: E402

SAMPLE = ROOT / "samples" / "ashgabat-oped.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


def bbc(n: int) -> list[Article]:
    files = sorted((CORPUS / "bbc-news" / "bbc").glob("*/*.txt"))
    return [convert.read(f) for f in files[:: max(1, len(files) // n)][:n]] if files else []


def reuters(n: int) -> list[Article]:
    out: list[Article] = []
    for sgm in sorted((CORPUS / "reuters21578" / "reuters21578").glob("*.sgm")):
        for story in re.findall(r"<REUTERS.*?</REUTERS>", sgm.read_text(encoding="latin-1"), re.S):
            body = re.search(r"<BODY>(.*?)</BODY>", story, re.S)
            title = re.search(r"<TITLE>(.*?)</TITLE>", story, re.S)
            if body is None:
                continue
            text = f"{html.unescape(title.group(1)) if title else 'Reuters story'}\n\n{html.unescape(body.group(1))}"
            out.append(convert.read(text.replace("\x03", "").encode(), from_="text"))
            if len(out) == n:
                return out
    return out


def timed(article: Article, fmt: str) -> float:
    start = time.perf_counter()
    convert.write(article, fmt)
    return time.perf_counter() - start


def report(label: str, articles: list[Article]) -> None:
    if not articles:
        print(f"{label:<8} (not present)")
        return
    brief = [timed(a, "brief") for a in articles]
    pdf = [timed(a, "pdf") for a in articles]
    mb, mp = statistics.median(brief), statistics.median(pdf)
    print(
        f"{label:<8} {len(articles):>4} articles  brief median {mb * 1000:7.1f} ms (total {sum(brief):6.2f} s)"
        f"  pdf median {mp * 1000:7.1f} ms (total {sum(pdf):6.2f} s)  pdf/brief {mp / mb:6.1f}x"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=40, help="BBC stories")
    parser.add_argument("--reuters", type=int, default=40, help="Reuters stories")
    args = parser.parse_args()
    exporters.register("brief", BriefExporter, override=True)
    sample = convert.read(SAMPLE)
    timed(sample, "brief"), timed(sample, "pdf")  # warm-up: imports, fonts, CSS
    report("sample", [sample])
    report("bbc", bbc(args.n))
    report("reuters", reuters(args.reuters))


if __name__ == "__main__":
    main()
