"""What each rule family of the PDF theme costs, against WeasyPrint's floor.

    python bench/pdf_cost.py [--repeat 5] [--n 10] [--half tuning|validation|both]
                             [--only sample,bbc,web] [--variants floor,theme,...]

Renders, warm and in one process, the sample op-ed, ``--n`` BBC stories and
``--n`` saved web pages from ../shared/corpus with:

- **floor**: the same article HTML with plain CSS (one column, no
  hyphenation, no running elements, untagged), as ``bench/batch.py`` times it;
- **theme**: Broadsheet's PDF exporter with the default theme, as users get it;
- **stock-columns**: the same, with WeasyPrint's own column layout (without
  the carried patch of ``convert/exporters/_weasyprint_columns.py``);
- the theme with one rule family switched off (an override style sheet after
  the theme's, or a WeasyPrint option for tagging and compression).

Each row is the median of ``--repeat`` renders per article (after one warm-up
render), rounds interleaved across rows so that the machine's load falls on
all of them alike; ``ms`` is the mean of those medians over the group's
articles and ``× floor`` the ratio of the sums. Both clocks are shown:
``time.perf_counter`` (wall, what a user waits) and ``time.process_time``
(this process's CPU, which other work on a shared machine disturbs less;
WeasyPrint renders on one thread). Families the theme does not
use (no rule matches) are reported as such and not rendered.

Corpus units fall in halves by ``sha256(key)[0] % 2`` (0: tuning, 1:
validation), keyed as ``bench/accuracy.py`` keys them: ``category/NNN.txt``
for a BBC story, the folder name for a readability page, the file name
without ``.gz`` for a trafilatura page. The theme is tuned on the tuning half.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "ashgabat-oped.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

import weasyprint  # noqa: E402
import weasyprint.document  # noqa: E402

import convert  # noqa: E402
from convert.base import ExportOptions  # noqa: E402
from convert.errors import ConvertError  # noqa: E402
from convert.exporters import _weasyprint_columns  # noqa: E402
from convert.exporters.html import render_document  # noqa: E402
from convert.exporters.pdf import render_pdf, tagged_article  # noqa: E402
from convert.model import Article  # noqa: E402
from convert.theme import Theme, load_theme  # noqa: E402

#: bench/batch.py's floor: WeasyPrint's plainest PDF of the article (one column, serif, untagged).
FLOOR_CSS = "@page { size: A4; margin: 20mm; } body { font-family: serif; font-size: 11pt; }"
HALVES = ("tuning", "validation")


@dataclass(frozen=True)
class Variant:
    """The theme with one family switched off: CSS after the theme's, and/or write options."""

    name: str
    what: str
    css: str = ""
    #: The family is in use when the theme's CSS holds one of these (else the row is skipped).
    uses: tuple[str, ...] = ()
    write_options: tuple[tuple[str, Any], ...] = ()


_BODY = "html:root .article-body"
VARIANTS = (
    Variant("columns", "one column", f"{_BODY} {{ columns: auto; column-rule: none; }}", ("columns:",)),
    Variant(
        "balancing",
        "column-fill: auto (no balancing)",
        f"{_BODY} {{ column-fill: auto; }}",
        ("columns:", "column-count:"),
    ),
    Variant(
        "floats",
        "no floats (footnotes excluded)",
        "html:root * { float: none; }",
        ("float: left", "float: right"),
    ),
    Variant(
        "hyphenation",
        "hyphens: manual",
        f"{_BODY}, {_BODY} p {{ hyphens: manual; }}",
        ("hyphens: auto",),
    ),
    Variant(
        "first-letter", "no ::first-letter", "html:root ::first-letter { all: unset; }", ("first-letter",)
    ),
    Variant(
        "running",
        "no running head, page number, string-set",
        "@page { @top-center { content: none; } @bottom-center { content: none; } }"
        " html:root h1.title { string-set: none; }",
        ("string-set", "position: running", "@top-", "@bottom-"),
    ),
    Variant(
        "footnotes",
        "footnotes inline, not float: footnote",
        "html:root span.footnote { float: none; display: inline; }",
        ("float: footnote",),
    ),
    Variant(
        "justify",
        "text-align: start",
        f"{_BODY}, {_BODY} p {{ text-align: start; }}",
        ("text-align: justify",),
    ),
    Variant(
        "font-stacks",
        "one family per role (Liberation), no fallbacks",
        "html:root { --fonts-body: 'Liberation Serif'; --fonts-heading: 'Liberation Serif';"
        " --fonts-sans: 'Liberation Sans'; --fonts-mono: 'Liberation Mono'; }",
        ("--fonts-",),
    ),
    Variant(
        "font-stretch", "font-stretch: normal", f"{_BODY} {{ font-stretch: normal; }}", ("font-stretch",)
    ),
    Variant(
        "tagging",
        "untagged (pdf_tags off, no artifact finisher)",
        write_options=(("pdf_tags", False), ("finisher", None)),
    ),
    Variant("compression", "uncompressed_pdf", write_options=(("uncompressed_pdf", True),)),
    Variant("images", "img { display: none }", "html:root img { display: none; }", ("img",)),
)


def half(key: str) -> str:
    return HALVES[hashlib.sha256(key.encode()).digest()[0] % 2]


def spread(items: list[Any], n: int) -> list[Any]:
    """``n`` items evenly spread over ``items`` (all of them when there are fewer)."""
    if len(items) <= n:
        return items
    step = len(items) / n
    return [items[int(i * step)] for i in range(n)]


def bbc_stories() -> list[tuple[str, Path]]:
    folder = CORPUS / "bbc-news" / "bbc"
    return [(p.relative_to(folder).as_posix(), p) for p in sorted(folder.glob("*/*.txt"))]


def web_pages() -> list[tuple[str, Path]]:
    readability = sorted((CORPUS / "readability" / "test" / "test-pages").glob("*/source.html"))
    trafilatura = sorted((CORPUS / "trafilatura" / "tests" / "eval").glob("*.html*"))
    return [(p.parent.name, p) for p in readability] + [(p.name.removesuffix(".gz"), p) for p in trafilatura]


def read(path: Path) -> Article | None:
    data = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
    try:
        return convert.read(data, name=path.name.removesuffix(".gz"))
    except ConvertError:
        return None


def articles(kind: str, which: str, n: int) -> list[tuple[str, Article]]:
    """Up to ``n`` articles of one kind and half that read cleanly, evenly spread."""
    units = bbc_stories() if kind == "bbc" else web_pages()
    chosen = [(key, path) for key, path in units if which == "both" or half(key) == which]
    got: list[tuple[str, Article]] = []
    # Twice as many candidates as wanted: some web pages hold no article.
    for key, path in spread(chosen, 2 * n):
        article = read(path)
        if article is not None and article.body:
            got.append((key, article))
    return spread(got, n)


@contextmanager
def write_options(options: dict[str, Any]) -> Iterator[None]:
    """Override keyword arguments of ``Document.write_pdf`` (the exporter fixes tags and finisher)."""
    if not options:
        yield
        return
    original = weasyprint.document.Document.write_pdf

    def patched(self: Any, target: Any = None, zoom: float = 1, finisher: Any = None, **kwargs: Any) -> Any:
        merged = {"finisher": finisher, **kwargs, **options}
        return original(self, target, zoom, **merged)

    weasyprint.document.Document.write_pdf = patched  # type: ignore[method-assign]
    try:
        yield
    finally:
        weasyprint.document.Document.write_pdf = original  # type: ignore[method-assign]


def variant_theme(base: Theme, variant: Variant, folder: Path) -> Theme:
    """A copy of ``base`` whose print CSS ends with the variant's override."""
    target = folder / variant.name
    shutil.copytree(base.path, target)
    (target / "zz-off.css").write_text(f"/* {variant.what} */\n{variant.css}\n", encoding="utf-8")
    tokens = {
        section: dict(values) if isinstance(values, dict) else values
        for section, values in base.tokens.items()
    }
    tokens["theme"]["print_css"] = [*base.token("theme", "print_css", []), "zz-off.css"]
    return Theme(name=f"{base.name}-{variant.name}", path=target.resolve(), tokens=tokens)


def floor_render(article: Article) -> bytes:
    html = render_document(tagged_article(article), FLOOR_CSS, footnote_mode="inline")
    return weasyprint.HTML(string=html).write_pdf()


@contextmanager
def without(patch: Any) -> Iterator[None]:
    """WeasyPrint's own code for the block: one of Broadsheet's carried patch modules taken out."""
    was = patch.installed()
    patch.uninstall()
    try:
        yield
    finally:
        if was:
            patch.install()


def stock_columns() -> AbstractContextManager[None]:
    """WeasyPrint's own ``columns_layout``, without Broadsheet's carried patch."""
    return without(_weasyprint_columns)


def theme_render(theme: Theme, options: dict[str, Any], *, stock: bool = False) -> Callable[[Article], bytes]:
    def run(article: Article) -> bytes:
        with write_options(options), stock_columns() if stock else nullcontext():
            return render_pdf(article, theme, ExportOptions()).data

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="renders per article and row (median)")
    parser.add_argument("--n", type=int, default=10, help="BBC stories and web pages per half")
    parser.add_argument("--half", choices=(*HALVES, "both"), default="tuning")
    parser.add_argument("--only", default="sample,bbc,web", help="groups: sample, bbc, web")
    parser.add_argument(
        "--variants", help="rows to render (default: all); floor and theme are always rendered"
    )
    parser.add_argument("--style", default="default")
    args = parser.parse_args()

    base = load_theme(args.style)
    css_text = base.css("css", "print_css")
    wanted = set(args.variants.split(",")) if args.variants else None
    work = Path(tempfile.mkdtemp(prefix="broadsheet-pdf-cost-"))
    rows: list[tuple[str, str, Callable[[Article], bytes]]] = [
        ("floor", "plain CSS, one column, untagged", floor_render),
        ("theme", f"the {base.name} theme, as exported", theme_render(base, {})),
        ("stock-columns", "the theme, WeasyPrint's own column layout", theme_render(base, {}, stock=True)),
    ]
    unused: list[str] = []
    for variant in VARIANTS:
        if wanted is not None and variant.name not in wanted:
            continue
        if variant.uses and not any(u in css_text for u in variant.uses):
            unused.append(variant.name)
            continue
        theme = variant_theme(base, variant, work) if variant.css else base
        rows.append((f"−{variant.name}", variant.what, theme_render(theme, dict(variant.write_options))))

    groups: list[tuple[str, list[tuple[str, Article]]]] = []
    kinds = args.only.split(",")
    if "sample" in kinds:
        groups.append(("sample", [("sample", convert.read(SAMPLE))]))
    halves = HALVES if args.half == "both" else (args.half,)
    if CORPUS.is_dir():
        for kind in ("bbc", "web"):
            if kind in kinds:
                groups += [(f"{kind} {h}", articles(kind, h, args.n)) for h in halves]
    elif any(k in kinds for k in ("bbc", "web")):
        print(f"(no corpus at {CORPUS}: sample only)")

    print(f"WeasyPrint {weasyprint.__version__}; {args.repeat} renders per article and row; median")
    if unused:
        print("not used by the theme (not rendered): " + ", ".join(unused))
    try:
        for label, items in groups:
            report(label, items, rows, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def report(
    label: str,
    items: list[tuple[str, Article]],
    rows: list[tuple[str, str, Callable[[Article], bytes]]],
    repeat: int,
) -> None:
    wall: dict[str, list[list[float]]] = {name: [[] for _ in items] for name, _, _ in rows}
    cpu: dict[str, list[list[float]]] = {name: [[] for _ in items] for name, _, _ in rows}
    for i, (_, article) in enumerate(items):
        for _, _, run in rows:
            run(article)  # warm: fonts, parsed CSS, hyphenation dictionaries
        for _ in range(repeat):
            for name, _, run in rows:
                start, start_cpu = time.perf_counter(), time.process_time()
                run(article)
                cpu[name][i].append(time.process_time() - start_cpu)
                wall[name][i].append(time.perf_counter() - start)
    sums = {
        clock: {name: sum(statistics.median(t) for t in per) for name, per in times.items()}
        for clock, times in (("wall", wall), ("cpu", cpu))
    }
    print(f"\n{label}: {len(items)} article(s)")
    print(f"  {'row':<14} {'wall ms':>8} {'× floor':>8} {'cpu ms':>8} {'× floor':>8} {'vs theme':>9}  what")
    for name, what, _ in rows:
        cells = []
        for clock in ("wall", "cpu"):
            total = sums[clock][name]
            cells.append(f"{1000 * total / len(items):8.0f} {total / sums[clock]['floor']:8.2f}")
        theme = sums["cpu"]["theme"]
        share = "" if name in ("floor", "theme") else f"{(sums['cpu'][name] - theme) / theme:+.0%}"
        print(f"  {name:<14} {' '.join(cells)} {share:>9}  {what}")


if __name__ == "__main__":
    main()
