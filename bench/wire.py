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

Every unit goes to a half by the first byte of ``sha256(key)`` modulo 2:
``reut-NEWID`` for Reuters, the ``category/NNN.txt`` path for BBC. The
reader's thresholds were tuned on half 0 (tuning); half 1 (validation) is
reported beside it, and a large gap between the two is a bug report.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
LAYOUTS = ("blank", "packed", "flush", "packed-flush")


def half(key: str) -> int:
    """0 for the tuning half, 1 for the validation half."""
    return hashlib.sha256(key.encode()).digest()[0] % 2


def norm(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text)
    return " ".join(text.split()).strip(" .,:;|-–—")


def reuters() -> Iterator[dict[str, str]]:
    for sgm in sorted((CORPUS / "reuters21578" / "reuters21578").glob("*.sgm")):
        for doc in re.findall(r"<REUTERS.*?</REUTERS>", sgm.read_text(encoding="latin-1"), re.S):
            newid = re.search(r'NEWID="(\d+)"', doc)
            fields = {
                t.lower(): html.unescape(m.group(1))
                if (m := re.search(rf"<{t}>(.*?)</{t}>", doc, re.S))
                else ""
                for t in ("TITLE", "AUTHOR", "DATELINE", "BODY")
            }
            if not (
                newid and fields["title"].strip() and fields["body"].strip() and fields["dateline"].strip()
            ):
                continue
            fields["key"] = f"reut-{newid.group(1)}"
            fields["body"] = fields["body"].replace("\x03", "")
            yield fields


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


def expected_paragraphs(story: dict[str, str]) -> list[str]:
    """The SGML's paragraphs: a paragraph starts at an indented line; the sign-off goes."""
    lines = (story["dateline"] + story["body"]).splitlines()
    while lines and (not lines[-1].strip() or lines[-1].strip().lower() in {"reuter", "reuters"}):
        lines.pop()
    paras: list[list[str]] = []
    for line in lines:
        if not line.strip():
            continue
        if not paras or line[:1].isspace():
            paras.append([line])
        else:
            paras[-1].append(line)
    return [" ".join(" ".join(p).split()) for p in paras]


def score_story(job: tuple[dict[str, str], str]) -> dict[str, Any]:
    import convert
    from convert.errors import ConvertError
    from convert.model import Paragraph, plain_text

    story, layout = job
    try:
        article = convert.read(wire_text(story, layout).encode("latin-1", "replace"), from_="text")
    except ConvertError as exc:
        return {"error": str(exc)}
    place = norm(story["dateline"].split(",")[0])
    author = re.sub(r"^by\s+|,\s*reuters?$", "", story["author"].strip(), flags=re.I).strip()
    expected = expected_paragraphs(story)
    got = [" ".join(plain_text(b).split()) for b in article.body if isinstance(b, Paragraph)]
    dateline = " ".join(story["dateline"].split())
    if expected and article.meta.dateline and expected[0].startswith(dateline):
        expected[0] = expected[0][len(dateline) :].strip()
        expected = [p for p in expected if p]
    return {
        "title": norm(article.meta.title) == norm(story["title"]),
        "dateline": norm(article.meta.dateline) == place,
        "byline": None
        if not author
        else [norm(a.name.replace(".", " ")) for a in article.meta.authors]
        == [norm(author.replace(".", " "))],
        "paragraphs": [norm(p) for p in got] == [norm(p) for p in expected],
    }


def score_bbc(path: Path) -> dict[str, Any]:
    import convert
    from convert.model import Paragraph, plain_text

    data = path.read_bytes()
    title, _, rest = data.decode("utf-8", "replace").partition("\n")
    expected = [" ".join(p.split()) for p in re.split(r"\n\s*\n", rest) if p.strip()]
    article = convert.read(data, from_="text")
    got = [" ".join(plain_text(b).split()) for b in article.body if isinstance(b, Paragraph)]
    return {
        "title": norm(article.meta.title) == norm(title),
        "paragraphs": [norm(p) for p in got] == [norm(p) for p in expected],
    }


def table(rows: dict[tuple[str, int], list[dict[str, Any]]], metrics: tuple[str, ...]) -> None:
    print(f"| layout | half | n | {' | '.join(metrics)} |")
    print("|---|---|---|" + "---|" * len(metrics))
    for (layout, h), results in sorted(
        rows.items(), key=lambda kv: (LAYOUTS.index(kv[0][0]) if kv[0][0] in LAYOUTS else 9, kv[0][1])
    ):
        cells = []
        for m in metrics:
            vals = [r[m] for r in results if r.get(m) is not None]
            cells.append(f"{sum(vals) / len(vals):.3f}" if vals else "–")
        print(f"| {layout} | {'tuning' if h == 0 else 'validation'} | {len(results)} | {' | '.join(cells)} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="stories per source")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print("../shared/corpus is not present: nothing to measure", file=sys.stderr)
        return 0
    stories = list(reuters())[: args.limit]
    jobs = [(s, layout) for layout in LAYOUTS for s in stories]
    with ProcessPoolExecutor(args.jobs) as pool:
        results = list(pool.map(score_story, jobs, chunksize=64))
    rows: dict[tuple[str, int], list[dict[str, Any]]] = defaultdict(list)
    for (story, layout), result in zip(jobs, results, strict=True):
        rows[(layout, half(story["key"]))].append(result)
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
