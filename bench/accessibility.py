"""Accessibility of the outputs on ../shared/corpus pages: DAISY Ace, tagged PDF, HTML metadata.

    python bench/accessibility.py [--limit N] [--no-ace] [--no-pdf] [--json OUT]

The pages are the Readability test pages that declare a language, the goose3
pages with a ``meta_lang`` and the newspaper4k HTML pages (Arabic, Chinese,
Japanese, Thai and others). Each is read once and written as EPUB, HTML and
PDF, then:

- EPUB: DAISY Ace (``scripts/install-ace.sh``) counts violations by impact;
  the goal is 0 critical and 0 serious on every book;
- HTML: a ``NewsArticle`` JSON-LD with headline, datePublished (when the
  article has a date), author (when it has one) and inLanguage, and og:title;
- PDF: /MarkInfo Marked, a StructTreeRoot, /Lang, DisplayDocTitle and the
  title, every /Figure with /Alt, headings that start at H1 and skip no
  level, and no marked content outside the structure tree.

Nothing is tuned on these pages; the two halves (``sha256(name)[0] % 2``) are
reported apart anyway, as for every corpus measurement in this project.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import warnings
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
ACE = ROOT / ".tools" / "ace" / "node_modules" / ".bin" / "ace-puppeteer"
CHROMIUM = os.environ.get("PUPPETEER_EXECUTABLE_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
# Ace gives the browser 5 s to start by default: too little on a busy machine.
ACE_ENV = {"ACE_TIMEOUT_INITIAL": os.environ.get("ACE_TIMEOUT_INITIAL", "60000")}


def pages() -> list[Path]:
    out = []
    for meta in sorted((CORPUS / "readability").rglob("expected-metadata.json")):
        if json.loads(meta.read_text(encoding="utf-8")).get("lang"):
            out.append(meta.parent / "source.html")
    for case in sorted((CORPUS / "goose3" / "tests" / "data").rglob("test_*.json")):
        expected = json.loads(case.read_text(encoding="utf-8")).get("expected", {})
        if expected.get("meta_lang") and case.with_suffix(".html").exists():
            out.append(case.with_suffix(".html"))
    out += sorted((CORPUS / "newspaper4k" / "tests" / "data" / "html").glob("*.html.gz"))
    return out


def half(path: Path) -> int:
    name = str(path.relative_to(CORPUS))
    return hashlib.sha256(name.encode()).digest()[0] % 2


def read_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def ace_violations(book: bytes) -> Counter[str]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.epub"
        path.write_bytes(book)
        env = dict(os.environ, PUPPETEER_EXECUTABLE_PATH=CHROMIUM, PUPPETEER_SKIP_DOWNLOAD="1", **ACE_ENV)
        out = Path(tmp) / "report"
        done = subprocess.run(
            [str(ACE), "-s", "-f", "-o", str(out), str(path)], env=env, timeout=600, check=False
        )
        if done.returncode != 0:
            return Counter({"ace did not finish": 1})
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    found: Counter[str] = Counter()
    for subject in report["assertions"]:
        for test in subject["assertions"]:
            if test["earl:result"]["earl:outcome"] == "fail":
                found[f"{test['earl:test']['earl:impact']}:{test['earl:test']['dct:title']}"] += 1
    return found


def html_ok(page: str, meta: object) -> bool:
    from lxml import html as lxml_html

    head = lxml_html.fromstring(page.encode("utf-8")).find("head")
    scripts = head.xpath("script[@type='application/ld+json']")
    if len(scripts) != 1 or not head.xpath("meta[@property='og:title']/@content"):
        return False
    data = json.loads(scripts[0].text)
    need = ["headline", "inLanguage"]
    need += ["datePublished"] * bool(meta.published)  # type: ignore[attr-defined]
    need += ["author"] * bool(meta.authors)  # type: ignore[attr-defined]
    return data.get("@type") == "NewsArticle" and all(data.get(k) for k in need)


def pdf_problems(data: bytes, title: str | None) -> list[str]:
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(data))
    root, problems = pdf.Root, []
    if not (root.get("/MarkInfo") and bool(root.MarkInfo.get("/Marked"))):
        problems.append("not marked")
    if "/StructTreeRoot" not in root:
        return [*problems, "no structure tree"]
    if not str(root.get("/Lang", "")):
        problems.append("no /Lang")
    if not (root.get("/ViewerPreferences") and bool(root.ViewerPreferences.get("/DisplayDocTitle"))):
        problems.append("no DisplayDocTitle")
    if title and str(pdf.docinfo.get("/Title", "")) != title:
        problems.append("title")
    elements: list[pikepdf.Dictionary] = []

    def visit(node: object) -> None:
        if isinstance(node, pikepdf.Array):
            for child in node:
                visit(child)
        elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
            elements.append(node)
            if "/K" in node:
                visit(node.K)

    visit(root.StructTreeRoot.K)
    kinds = [str(e.S) for e in elements]
    if any(e.S == "/Figure" and not str(e.get("/Alt", "")).strip() for e in elements):
        problems.append("figure without /Alt")
    levels = [int(k[2]) for k in kinds if len(k) == 3 and k[:2] == "/H" and k[2].isdigit()]
    if levels and (levels[0] != 1 or any(b > a + 1 for a, b in zip(levels, levels[1:], strict=False))):
        problems.append("heading levels")
    page_of = {p.obj.objgen: n for n, p in enumerate(pdf.pages)}
    tagged = set()
    for e in elements:
        kids = e.get("/K", [])
        kids = kids if isinstance(kids, pikepdf.Array) else [kids]
        if "/Pg" in e:
            tagged |= {(page_of.get(e.Pg.objgen), int(k)) for k in kids if isinstance(k, int)}
    for n, page in enumerate(pdf.pages):
        for operands, operator in pikepdf.parse_content_stream(page):
            if (
                str(operator) == "BDC"
                and isinstance(operands[1], pikepdf.Dictionary)
                and "/MCID" in operands[1]
            ) and (n, int(operands[1].MCID)) not in tagged:
                problems.append("untagged content")
                break
    return sorted(set(problems))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--no-ace", action="store_true")
    parser.add_argument("--no-pdf", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    use_ace = not args.no_ace
    if use_ace and not ACE.exists():
        print("DAISY Ace is not installed: run scripts/install-ace.sh (or pass --no-ace)", file=sys.stderr)
        return 2
    warnings.simplefilter("ignore")
    from convert import api
    from convert.errors import ConvertError

    todo = pages()[: args.limit or None]
    rows = []
    for n, path in enumerate(todo, 1):
        name = str(path.relative_to(CORPUS))
        row: dict[str, object] = {"page": name, "half": half(path)}
        try:
            article = api.read(read_bytes(path), from_="html")
        except ConvertError as exc:
            row["error"] = str(exc)
            rows.append(row)
            continue
        row["language"] = article.meta.language
        page = api.write(article, "html")
        row["html_ok"] = html_ok(page.decode("utf-8"), article.meta)  # type: ignore[union-attr]
        if not args.no_pdf:
            row["pdf_problems"] = pdf_problems(api.write(article, "pdf"), article.meta.title)  # type: ignore[arg-type]
        if use_ace:
            row["ace"] = dict(ace_violations(api.write(article, "epub")))  # type: ignore[arg-type]
        rows.append(row)
        print(
            f"[{n}/{len(todo)}] {name} {row.get('language')} ace={row.get('ace')} pdf={row.get('pdf_problems')}"
        )
    print()
    print(
        "| half | pages | Ace critical+serious | Ace clean books | HTML JSON-LD + og:title | PDF checks pass |"
    )
    print("|---|---|---|---|---|---|")
    for label, which in (("tuning (0)", {0}), ("validation (1)", {1}), ("all", {0, 1})):
        part = [r for r in rows if r["half"] in which and "error" not in r]
        serious = sum(
            count
            for r in part
            for key, count in (r.get("ace") or {}).items()  # type: ignore[attr-defined]
            if key.startswith(("critical:", "serious:"))
        )
        clean = sum(1 for r in part if not r.get("ace"))
        html = sum(1 for r in part if r.get("html_ok"))
        pdf = sum(1 for r in part if not r.get("pdf_problems"))
        ace_cols = f"{serious} | {clean} / {len(part)}" if use_ace else "– | –"
        pdf_col = f"{pdf} / {len(part)}" if not args.no_pdf else "–"
        print(f"| {label} | {len(part)} | {ace_cols} | {html} / {len(part)} | {pdf_col} |")
    errors = [r for r in rows if "error" in r]
    if errors:
        print(f"\n{len(errors)} pages not read: " + "; ".join(f"{r['page']}: {r['error']}" for r in errors))
    every = Counter(key for r in rows for key in (r.get("ace") or {}))  # type: ignore[attr-defined]
    if every:
        print("\nAce rules failed (books):", ", ".join(f"{k} {v}" for k, v in every.most_common()))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
