"""Extraction accuracy on ../shared/corpus: Broadsheet against trafilatura and newspaper4k alone.

    python bench/accuracy.py [--jobs N] [--limit N] [--source S] [--half tuning|validation]
                             [--systems broadsheet,...] [--ablate STEP] [--steps | --rules]
                             [--skip-convert] [--json OUT]

For each source with ground truth, prints one table: title accuracy, author
precision and recall (exact name-set matching, micro-averaged), date and
language accuracy, body snippet F1 on trafilatura's ``with``/``without``
snippets (its own evaluation) and mean token F1 against the ScrapingHub
benchmark's ``articleBody``. All three systems read the same HTML bytes in
the same run; nothing is downloaded (newspaper4k parses the given HTML with
``fetch_images`` off).

Then every pandoc DOCX/ODT/EPUB fixture is read and written to pdf, epub,
docx and txt: each must convert or fail with a one-line ConvertError.

Tuning and validation halves: every unit of every source falls in one half by
``hashlib.sha256(key.encode()).digest()[0] % 2`` (0: tuning, 1: validation), so
the split never changes and needs no list. Rules are developed on the tuning
half; the validation half says whether they generalise, and the README shows it.
The key of each unit (:func:`half`):

- readability: the page's folder name (``salon-1``);
- trafilatura, htmldate, article-extraction-benchmark, goose3: the name of the
  page file without ``.gz`` (``000a1b.html``, ``test_cnn.html``; an htmldate
  page stored as a trafilatura copy is keyed by that copy's name, so the
  same page is on the same side for both sources);
- reuters21578: the story's ``NEWID`` (``"5"``); bbc-news: ``category/NNN.txt``.

Baseline outputs (trafilatura, newspaper4k) do not change while Broadsheet is
tuned: ``--cache DIR`` keeps them per page and library version.

Ground truth: readability ``expected-metadata.json``, trafilatura
``evaldata.json``, htmldate ``eval_*.json``, goose3 ``expected``,
article-extraction-benchmark ``ground-truth.json``.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import hashlib
import json
import logging
import os
import random
import re
import statistics
import sys
import time
import unicodedata
import warnings
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SYSTEMS = ("broadsheet", "trafilatura", "newspaper4k")
OUTPUTS = ("pdf", "epub", "docx", "txt")


# ==========================================================================
# Pages and their ground truth


HALVES = ("tuning", "validation")


def half(key: str) -> str:
    """``"tuning"`` or ``"validation"``: the fixed half a unit named ``key`` belongs to."""
    return HALVES[hashlib.sha256(key.encode()).digest()[0] % 2]


def page_key(path: Path) -> str:
    """The name a page is split by: its file name without ``.gz``; a readability page's folder."""
    if path.name == "source.html":
        return path.parent.name
    return path.name.removesuffix(".gz")


@dataclass
class Page:
    source: str
    path: Path
    title: str | None = None
    authors: list[str] | None = None  # None: not annotated; []: annotated as none
    date: str | None = None
    language: str | None = None
    with_: list[str] = field(default_factory=list)
    without: list[str] = field(default_factory=list)
    body: str | None = None

    @property
    def half(self) -> str:
        return half(page_key(self.path))


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


_GOLD_YMD = re.compile(r"(\d{4})\D(\d{1,2})\D(\d{1,2})")
#: ``Sun Nov 23 16:00:00 EDT 2014`` (the C library's date format, as in goose3's ground truth).
_GOLD_CTIME = re.compile(r"[A-Za-z]{3}\s+([A-Za-z]{3})\s+(\d{1,2})\s.*?(\d{4})\s*$")


def gold_day(value: str | None) -> str | None:
    """A ground-truth date as the ``YYYY-MM-DD`` every system's output is compared with.

    Annotations are typed by hand: ``2022-01.26`` mixes separators and
    ``2022-25-10`` swaps day and month (no month 25); goose3 writes
    ``Sun Nov 23 16:00:00 EDT 2014``. Each is read as the day it names, for
    all three systems alike; anything else is kept as written.
    """
    if not value:
        return None
    text = value.strip()
    if m := _GOLD_YMD.match(text):
        y, a, b = int(m[1]), int(m[2]), int(m[3])
        month, day = (b, a) if a > 12 >= b else (a, b)
        return f"{y:04d}-{month:02d}-{day:02d}"
    if m := _GOLD_CTIME.match(text):
        try:
            return time.strftime("%Y-%m-%d", time.strptime(f"{m[1]} {m[2]} {m[3]}", "%b %d %Y"))
        except ValueError:
            return text[:10]
    return text[:10]


def readability_pages() -> Iterator[Page]:
    for folder in sorted((CORPUS / "readability" / "test" / "test-pages").iterdir()):
        meta_file = folder / "expected-metadata.json"
        if not meta_file.exists():
            continue
        m = _load(meta_file)
        yield Page(
            "readability",
            folder / "source.html",
            title=m.get("title") or None,
            # Readability's byline is Readability.js's own finding: a null one, or one that names
            # nobody (only a date), is not a page without an author, so it is not ground truth.
            authors=split_names(m.get("byline")) or None,
            date=gold_day(m.get("publishedTime")),
            language=m.get("lang") or None,
        )


def trafilatura_pages() -> Iterator[Page]:
    base = CORPUS / "trafilatura" / "tests"
    for entry in _load(base / "evaldata.json").values():
        name = entry["file"]
        path = (
            base / "eval" / (name + ".gz")
            if (base / "eval" / (name + ".gz")).exists()
            else base / "cache" / name
        )
        if not path.exists():
            continue
        yield Page(
            "trafilatura",
            path,
            title=entry.get("title") or None,
            authors=split_names(entry["author"]) if "author" in entry else None,
            date=gold_day(entry.get("date")),
            with_=list(entry.get("with") or []),
            without=list(entry.get("without") or []),
        )


def htmldate_pages() -> Iterator[Page]:
    base = CORPUS / "htmldate" / "tests"
    same: dict[str, str] = {}
    tsv = CORPUS / "htmldate" / "SAME_AS_TRAFILATURA.tsv"
    if tsv.exists():
        for line in tsv.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#") and "\t" in line:
                a, b = line.split("\t", 1)
                same[a.strip()] = b.strip()
    for gt, folders in (
        ("eval_default.json", ("eval", "cache")),
        ("eval_mediacloud_2020.json", ("test_set",)),
    ):
        for entry in _load(base / gt).values():
            name = entry["file"]
            path = None
            for folder in folders:
                for cand in (base / folder / (name + ".gz"), base / folder / name):
                    if cand.exists():
                        path = cand
                        break
                if path is None and f"tests/{folder}/{name}" in same:
                    path = CORPUS / "trafilatura" / same[f"tests/{folder}/{name}"]
                    if not path.exists():
                        path = path.with_name(path.name + ".gz")
                if path is not None:
                    break
            if path is not None and path.exists() and isinstance(entry.get("date"), str) and entry["date"]:
                yield Page("htmldate", path, date=gold_day(entry["date"]))


def goose3_pages() -> Iterator[Page]:
    for jf in sorted((CORPUS / "goose3" / "tests" / "data").glob("*/*.json")):
        html = jf.with_suffix(".html")
        if not html.exists():
            continue
        exp = _load(jf).get("expected") or {}
        authors = exp.get("authors")
        date = exp.get("publish_date") or exp.get("publish_datetime_utc")
        yield Page(
            "goose3",
            html,
            title=exp.get("title") or None,
            authors=[normalize_name(a) for a in authors if a] if isinstance(authors, list) else None,
            date=gold_day(str(date)) if date else None,
            language=exp.get("meta_lang") or None,
        )  # cleaned_text is only the start of the body (goose3 tests use startswith): not scored


def scrapinghub_pages() -> Iterator[Page]:
    base = CORPUS / "article-extraction-benchmark"
    for key, entry in _load(base / "ground-truth.json").items():
        path = base / "html" / f"{key}.html.gz"
        if path.exists():
            yield Page("scrapinghub", path, body=entry.get("articleBody") or "")


SOURCES: dict[str, Callable[[], Iterator[Page]]] = {
    "readability": readability_pages,
    "trafilatura": trafilatura_pages,
    "htmldate": htmldate_pages,
    "goose3": goose3_pages,
    "scrapinghub": scrapinghub_pages,
}


# ==========================================================================
# Normalising and scoring


def norm_text(text: str | None) -> str:
    text = unicodedata.normalize("NFKC", text or "").casefold()
    text = re.sub(r"[\u2018\u2019\u201c\u201d\"'`]", "", text)
    return " ".join(text.split()).strip(" .,:;|-–—")


def near_title(got: str | None, expected: str) -> bool:
    """Whether ``got`` is at least 0.8 alike ``expected`` (difflib's ratio of the two normalised
    titles): exact matching counts a title that keeps the site's name (``… | eHow``), or drops a
    kicker, as wrong as another heading; this figure tells the two kinds of miss apart.
    """
    return bool(got) and difflib.SequenceMatcher(None, norm_text(got), norm_text(expected)).ratio() >= 0.8


def normalize_name(name: str) -> str:
    """A name as names are compared, for every system and the ground truth alike.

    Dots and hyphen spacing are typography (``Günter W. Kienitz`` is ``Günter W Kienitz``).
    """
    name = re.sub(r"^\s*(?:written\s+)?by\s*:?\s+", "", name.strip(), flags=re.I)
    return norm_text(name.replace(".", " "))


_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
#: Where a ground-truth byline runs on into its date ("Jane Roe March 11, 2015 3:46 PM"), or a note.
_GOLD_TAIL = re.compile(rf"\s*(?:\((?:[^)]*)\)|\b(?:{_MONTH})\b\.?\s*\d.*$|\d.*$)", re.I)


#: One name written surname first: a single word, a comma, then the given names
#: (lower-case particles allowed): ``Jong, Michiel de``, ``Doe, Jane``.
_INVERTED = re.compile(r"(?P<surname>[^\W\d_][\w'’-]*),\s*(?P<given>[^\W\d_][\w'’.-]*(?:\s+[\w'’.-]+){0,2})")


def split_names(value: Any) -> list[str]:
    """Names in a ground-truth byline or author field: ``A; B``, ``A and B``, ``A und B``, ``By A, B``.

    ``Surname, Given`` alone is one name, put in natural order. A line break
    separates items too ("By Kelli Miller⏎WebMD Health News").

    Ground-truth bylines are raw page text (Readability's ``byline``): the date or a
    parenthesised note after the names is cut off, as no name contains one.
    """
    if isinstance(value, list):
        return sorted({n for v in value for n in split_names(v)})
    text = re.sub(r"^\s*(?:written\s+)?by\s*:?\s+", "", str(value or "").strip(), flags=re.I)
    text = _GOLD_TAIL.sub("", text)
    if (m := _INVERTED.fullmatch(text)) and not re.search(r"\b(?:and|und|et|y)\b|&", text):
        text = f"{m['given']} {m['surname']}"  # "Jong, Michiel de" is one person, not two
    parts = re.split(r"\s*(?:;|\||,|\n|\b(?:and|und|et|y)\b|&)\s*", text)
    return sorted({n for n in (normalize_name(p) for p in parts) if n})


def tokens(text: str) -> list[str]:
    return re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())


def token_f1(predicted: str, truth: str) -> float:
    p, t = Counter(tokens(predicted)), Counter(tokens(truth))
    if not p and not t:
        return 1.0
    common = sum((p & t).values())
    if not common:
        return 0.0
    precision, recall = common / sum(p.values()), common / sum(t.values())
    return 2 * precision * recall / (precision + recall)


#: Quotation marks and apostrophes, compared as absent: Broadsheet keeps quotations as Quote nodes
#: (the exporters print the marks the style asks for), so the marks a page used are typography.
_QUOTE_MARKS = re.compile("[\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f\u00ab\u00bb\u2039\u203a]")


#: A space before closing punctuation: French typography (``effet ».``, ``Prix : 5``), which a
#: quotation kept as a Quote node prints without (``effet.``), the marks being the exporters' job.
_SPACE_BEFORE_PUNCTUATION = re.compile(r" (?=[.,;:!?…)])")


def snippet_form(text: str) -> str:
    """Text as snippets are compared: one space between words, no quotation marks, no space
    before closing punctuation."""
    return _SPACE_BEFORE_PUNCTUATION.sub("", " ".join(_QUOTE_MARKS.sub("", text).split()))


def in_text(snippet: str, text: str) -> bool:
    """Whether ``snippet`` occurs in ``text`` (already in :func:`snippet_form`)."""
    return snippet_form(snippet) in text


# ==========================================================================
# The three systems (run in worker processes)


def _html(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data


def _quiet() -> None:
    warnings.simplefilter("ignore")
    logging.disable(logging.CRITICAL)


#: The body steps this process has switched off (``--ablate``).
_ABLATED: set[str] = set()


def run_broadsheet(data: bytes, ablate: tuple[str, ...] = ()) -> dict[str, Any]:
    import convert
    from convert.model import Figure, Paragraph, plain_text
    from convert.readers import html as H
    from convert.registry import readers

    readers.register("html", H.HtmlReader, override=True)
    from convert.readers.html import weigh, weigh_authors, weigh_title

    for (
        step
    ) in ablate:  # a body step, date, title or author rule switched off, to measure what it costs or earns
        if step in weigh.DATE_RULES:
            weigh.DATE_RULES[step] = False
        elif step in weigh_title.TITLE_RULES:
            weigh_title.TITLE_RULES[step] = False
        elif step in weigh_authors.AUTHOR_RULES:
            weigh_authors.AUTHOR_RULES[step] = False
        elif step in H.BODY_STEPS or step in _ABLATED:
            _ABLATED.add(step)  # a worker reads many pages: the step is gone after the first
            H.BODY_STEPS.pop(step, None)
        else:
            raise KeyError(step)
    # As `inspect --allow-empty` reads: a page with metadata but no article text (goose3's
    # metadata fixtures) gives its metadata, as the baselines do, instead of an error.
    a = convert.read(data, from_="html", require_text=False)
    # The dateline a lead opened with is in the metadata; every exporter prints it before the first
    # paragraph, with its dash, so the text is scored as it is printed.
    m, first = a.meta, a.body[0] if a.body else None
    lead = f"{m.dateline} {m.dateline_dash or '–'} " if m.dateline and isinstance(first, Paragraph) else ""
    return {
        "title": a.meta.title,
        "authors": [x.name for x in a.meta.authors],
        "date": a.meta.published,
        "language": a.meta.language,
        # Running text, as the baselines give it: figures (their captions and alt text) are kept
        # apart in the tree, and trafilatura's evaluation counts captions as not part of the body.
        "text": lead + plain_text(tuple(b for b in a.body if not isinstance(b, Figure))),
    }


def run_trafilatura(data: bytes) -> dict[str, Any]:
    import trafilatura

    doc: Any = trafilatura.bare_extraction(data, with_metadata=True)
    if doc is None:
        return {}
    return {
        "title": doc.title,
        "authors": re.split(r"\s*;\s*", doc.author) if doc.author else [],
        "date": doc.date,
        "language": getattr(doc, "language", None),
        "text": doc.text or "",
    }


def run_newspaper(data: bytes) -> dict[str, Any]:
    import newspaper  # type: ignore[import-untyped]

    art = newspaper.Article("https://example.org/article", fetch_images=False)
    art.download(input_html=data.decode("utf-8", "replace"))
    art.parse()
    return {
        "title": art.title,
        "authors": list(art.authors),
        "date": art.publish_date.isoformat() if art.publish_date else None,
        "language": art.meta_lang or None,
        "text": art.text or "",
    }


RUNNERS = {"broadsheet": run_broadsheet, "trafilatura": run_trafilatura, "newspaper4k": run_newspaper}


def _version(system: str) -> str:
    from importlib.metadata import version

    return version({"trafilatura": "trafilatura", "newspaper4k": "newspaper4k"}[system])


@dataclass(frozen=True)
class Job:
    path: Path
    systems: tuple[str, ...]
    cache: Path | None = None
    ablate: tuple[str, ...] = ()


def run_page(job: Job) -> dict[str, dict[str, Any]]:
    """Every system's output on one page; ``{"error": ...}`` where one failed."""
    _quiet()
    data = _html(job.path)
    digest = hashlib.sha256(data).hexdigest()[:24]
    out: dict[str, dict[str, Any]] = {}
    for name in job.systems:
        cached = None
        if job.cache is not None and name != "broadsheet":
            cached = job.cache / f"{name}-{_version(name)}" / f"{digest}.json"
            if cached.exists():
                out[name] = json.loads(cached.read_text(encoding="utf-8"))
                continue
        try:
            out[name] = run_broadsheet(data, job.ablate) if name == "broadsheet" else RUNNERS[name](data)
        except Exception as exc:  # a baseline's crash is a miss, not the end of the run
            out[name] = {"error": f"{type(exc).__name__}: {exc}"[:200]}
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(json.dumps(out[name], default=str), encoding="utf-8")
    return out


def body_scores(page: Page, got: dict[str, Any]) -> dict[str, Any]:
    """One system's body on one page, for ``--dump``: the snippets it missed (``fn``, trafilatura's
    ``with``) and kept (``fp``, its ``without``) with their counts, or the token F1, precision and
    recall against ScrapingHub's ``articleBody``; empty for a page with no body truth."""
    text = str(got.get("text") or "")
    out: dict[str, Any] = {}
    if page.with_ or page.without:
        flat = snippet_form(text)
        fn = [s for s in page.with_ if not in_text(s, flat)]
        fp = [s for s in page.without if in_text(s, flat)]
        out.update(tp=len(page.with_) - len(fn), fp=len(fp), fn=len(fn), missed=fn, kept=fp)
    if page.body is not None:
        p, t = Counter(tokens(text)), Counter(tokens(page.body))
        common = sum((p & t).values())
        out.update(
            f1=round(token_f1(text, page.body), 4),
            precision=round(common / sum(p.values()), 4) if p else 0.0,
            recall=round(common / sum(t.values()), 4) if t else 0.0,
        )
    return out


# ==========================================================================
# Tables


@dataclass
class Score:
    title: list[bool] = field(default_factory=list)
    #: A title at least 0.8 alike the expected one (:func:`near_title`): a site name kept or a
    #: kicker dropped is near, another heading is not.
    title_near: list[bool] = field(default_factory=list)
    date: list[bool] = field(default_factory=list)
    language: list[bool] = field(default_factory=list)
    author_tp: int = 0
    author_pred: int = 0
    author_gold: int = 0
    author_pages: int = 0
    snip: Counter[str] = field(default_factory=Counter)
    body_f1: list[float] = field(default_factory=list)
    errors: int = 0
    #: Per page, for :meth:`spread`: (true, found, expected) names; (tp, fp, fn) snippets.
    author_counts: list[tuple[int, int, int]] = field(default_factory=list)
    snip_counts: list[tuple[int, int, int]] = field(default_factory=list)

    def add(self, page: Page, got: dict[str, Any]) -> None:
        if "error" in got:
            self.errors += 1
        if page.title:
            self.title.append(bool(got.get("title")) and norm_text(got.get("title")) == norm_text(page.title))
            self.title_near.append(near_title(got.get("title"), page.title))
        if page.date:
            self.date.append(str(got.get("date") or "")[:10] == page.date[:10])
        if page.language:
            lang = str(got.get("language") or "").lower().replace("_", "-").split("-")[0]
            self.language.append(lang == page.language.lower().replace("_", "-").split("-")[0])
        if page.authors is not None:
            pred = {normalize_name(a) for a in got.get("authors") or [] if normalize_name(a)}
            gold = set(page.authors)
            self.author_tp += len(pred & gold)
            self.author_pred += len(pred)
            self.author_gold += len(gold)
            self.author_pages += 1
            self.author_counts.append((len(pred & gold), len(pred), len(gold)))
        text = str(got.get("text") or "")
        if page.with_ or page.without:
            flat = snippet_form(text)
            before = Counter(self.snip)
            for s in page.with_:
                self.snip["tp" if in_text(s, flat) else "fn"] += 1
            for s in page.without:
                self.snip["fp" if in_text(s, flat) else "tn"] += 1
            self.snip_counts.append(tuple(self.snip[k] - before[k] for k in ("tp", "fp", "fn")))  # type: ignore[arg-type]
        if page.body is not None:
            self.body_f1.append(token_f1(text, page.body))

    def row(self) -> dict[str, str]:
        def pct(xs: list[bool]) -> str:
            return f"{100 * sum(xs) / len(xs):5.1f} ({len(xs)})" if xs else "-"

        def ratio(a: int, b: int) -> str:
            return f"{a / b:.3f}" if b else "-"

        tp, fp, fn = self.snip["tp"], self.snip["fp"], self.snip["fn"]
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {
            "title %": pct(self.title),
            "title ≈ %": pct(self.title_near),
            "author P": ratio(self.author_tp, self.author_pred),
            "author R": ratio(self.author_tp, self.author_gold),
            "date %": pct(self.date),
            "lang %": pct(self.language),
            "snippet F1": f"{2 * p * r / (p + r):.3f}" if p + r else "-",
            "token F1": f"{sum(self.body_f1) / len(self.body_f1):.3f}" if self.body_f1 else "-",
            "errors": str(self.errors),
        }

    def spread(self, key: str, draws: int = 400) -> float | None:
        """The sampling error of one figure, in points: the standard deviation of that figure
        over ``draws`` resamples of this half's pages with replacement (a page bootstrap; a
        page's names and snippets stay together). None for a figure with no pages.
        """
        per_page: list[Any] = {  # type: ignore[assignment]
            "title %": self.title,
            "title ≈ %": self.title_near,
            "date %": self.date,
            "lang %": self.language,
            "author P": self.author_counts,
            "author R": self.author_counts,
            "snippet F1": self.snip_counts,
            "token F1": self.body_f1,
        }.get(key, [])
        if len(per_page) < 2:
            return None

        def figure(pages: list[Any]) -> float:
            if key in ("author P", "author R"):
                tp = sum(c[0] for c in pages)
                n = sum(c[1] if key == "author P" else c[2] for c in pages)
                return tp / n if n else 0.0
            if key == "snippet F1":
                tp, fp, fn = (sum(c[i] for c in pages) for i in range(3))
                return 2 * tp / (2 * tp + fp + fn) if tp else 0.0
            return float(sum(pages)) / len(pages)

        rng = random.Random(12)  # fixed: the same pages give the same spread
        values = [figure(rng.choices(per_page, k=len(per_page))) for _ in range(draws)]
        return 100 * float(statistics.pstdev(values))


#: Metrics in table order: the row key of :meth:`Score.row` and the label printed.
METRICS = (
    ("title %", "title %"),
    ("title ≈ %", "title ≥ 0.8 alike %"),
    ("author P", "author precision"),
    ("author R", "author recall"),
    ("date %", "date %"),
    ("lang %", "language %"),
    ("snippet F1", "body snippet F1"),
    ("token F1", "body token F1"),
    ("errors", "errors"),
)


#: Issue 12: the validation half within this many points of the tuning half on every figure.
GAP_POINTS = 2.0


def points(figure: str) -> float | None:
    """A printed figure in points: ``"87.2 (39)"`` is 87.2, ``"0.917"`` is 91.7; ``"-"`` is None."""
    m = re.match(r"\s*(-?\d+(?:\.\d+)?)", figure)
    if not m:
        return None
    value = float(m[1])
    return value if "(" in figure or value > 1 else 100 * value


def gap_cell(tuning: str, validation: str) -> str:
    """Validation minus tuning in points, ``*`` after it when the gap is over :data:`GAP_POINTS`."""
    t, v = points(tuning), points(validation)
    if t is None or v is None:
        return "-"
    return f"{v - t:+.1f}" + ("*" if abs(v - t) > GAP_POINTS else "")


def print_table(
    source: str,
    counts: dict[str, int],
    rows: dict[str, dict[str, dict[str, str]]],
    spreads: dict[str, float] | None = None,
) -> None:
    """One source: a line per metric, each system's tuning and validation figures side by side.

    With both halves, the last columns are Broadsheet's validation minus tuning in points, marked
    ``*`` where the two are more than :data:`GAP_POINTS` apart (issue 12's "done when"), and
    ``spreads``: the standard error of that difference from sampling the pages alone (both halves'
    bootstrap errors combined), so a gap can be read against what two halves of that size differ
    by with no fitting at all.
    """
    systems = list(rows)
    halves = [h for h in HALVES if h in counts]
    print(f"\n{source}: " + ", ".join(f"{counts[h]} {h} pages" for h in halves))
    heads = [f"{name[:11]} {h[0].upper()}" for name in systems for h in halves]
    both = len(halves) == 2 and "broadsheet" in rows
    tail = f"{'V-T':>8}{'(σ)':>8}" if both else ""
    print(f"  {'metric':<18}" + "".join(f"{c:>14}" for c in heads) + tail)
    for key, label in METRICS:
        values = [rows[name].get(h, {}).get(key, "-") for name in systems for h in halves]
        if all(v in ("-", "0") for v in values):
            continue
        gap = ""
        if both and key != "errors":
            gap = f"{gap_cell(*(rows['broadsheet'].get(h, {}).get(key, '-') for h in halves)):>8}"
            sigma = (spreads or {}).get(key)
            gap += f"{f'({sigma:.1f})' if sigma is not None else '':>8}"
        print(f"  {label:<18}" + "".join(f"{v:>14}" for v in values) + gap)


def gap_spreads(by_half: dict[str, Score]) -> dict[str, float]:
    """Per metric: the standard error of the difference between the halves, in points."""
    out: dict[str, float] = {}
    for key, _label in METRICS:
        errors = [by_half[h].spread(key) for h in HALVES if h in by_half]
        if len(errors) == 2 and None not in errors:
            out[key] = round(sum(e * e for e in errors if e is not None) ** 0.5, 2)
    return out


def bench_pages(
    jobs: int,
    limit: int | None,
    sources: list[str],
    halves: tuple[str, ...],
    systems: tuple[str, ...],
    cache: Path | None,
    ablate: tuple[str, ...],
    dump: Any = None,
) -> dict[str, dict[str, dict[str, dict[str, str]]]]:
    """source -> system -> half -> metric -> figure; ``dump``: a text file for one JSON line per page."""
    results: dict[str, dict[str, dict[str, dict[str, str]]]] = {}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for source in sources:
            pages = [p for p in SOURCES[source]() if p.half in halves]
            if limit:
                pages = _limited(pages, halves, limit)
            if not pages:
                continue
            started = time.perf_counter()
            scores = {name: {h: Score() for h in halves} for name in systems}
            work = [Job(p.path, systems, cache, ablate) for p in pages]
            for page, got in zip(pages, pool.map(run_page, work, chunksize=2), strict=True):
                for name in systems:
                    scores[name][page.half].add(page, got.get(name, {"error": "missing"}))
                if dump is not None:
                    gold = {"title": page.title, "authors": page.authors, "date": page.date}
                    found = {n: {k: v for k, v in g.items() if k != "text"} for n, g in got.items()}
                    for n, g in got.items():
                        if body := body_scores(page, g):
                            found[n]["body"] = body
                    record = {"source": source, "page": page_key(page.path), "half": page.half}
                    dump.write(json.dumps({**record, "gold": gold, "got": found}, default=str) + "\n")
            rows = {name: {h: s.row() for h, s in by_half.items()} for name, by_half in scores.items()}
            counts = {h: sum(p.half == h for p in pages) for h in halves}
            spreads = gap_spreads(scores["broadsheet"]) if "broadsheet" in scores else {}
            print_table(source, counts, rows, spreads)
            authors = {h: scores[systems[0]][h].author_pages for h in halves}
            if any(authors.values()):
                print(
                    "  (pages with author ground truth: "
                    + ", ".join(f"{v} {h}" for h, v in authors.items())
                    + ")"
                )
            print(f"  ({time.perf_counter() - started:.0f} s)")
            results[source] = rows
    return results


def _limited(pages: list[Page], halves: tuple[str, ...], limit: int) -> list[Page]:
    """At most ``limit`` pages of each half, in corpus order."""
    return [p for h in halves for p in [q for q in pages if q.half == h][:limit]]


# ==========================================================================
# Each of Broadsheet's own steps, switched off in turn (--steps)


def run_steps(path: Path) -> dict[str, dict[str, Any]]:
    """Broadsheet's body text and date with every body step on, and with each step or date rule off.

    The page is read once with no body steps; the steps are then applied to
    that body in every combination measured (they are pure functions of the
    body and the metadata). Dates are weighed again with each rule off.
    """
    _quiet()
    from convert.base import ReadOptions
    from convert.model import Figure, plain_text, replace
    from convert.readers import html as H
    from convert.readers.html import weigh

    data = _html(path)
    steps = dict(H.BODY_STEPS)
    out: dict[str, dict[str, Any]] = {}
    seen: list[tuple[Any, Any]] = []
    original = H.build_metadata

    keep = _kept(seen, original)  # to weigh the dates again without reading the page again

    try:
        H.BODY_STEPS.clear()
        H.build_metadata = keep
        article = H.HtmlReader().read(data, ReadOptions(require_text=False))
    except Exception as exc:
        return {"all": {"error": f"{type(exc).__name__}: {exc}"[:200]}}
    finally:
        H.BODY_STEPS.update(steps)
        H.build_metadata = original
    meta = article.meta
    tree = seen[0][0]
    page = H.Page(replace(meta, url=H.base_href(tree) or meta.url), tree)  # as the reader builds it

    def text(skip: str | None) -> str:
        body = list(article.body)
        for name, step in steps.items():
            if name != skip:
                body = step(body, page)
        return plain_text(tuple(b for b in body if not isinstance(b, Figure)))

    out["all"] = {"text": text(None), "date": meta.published}
    out["no steps"] = {"text": plain_text(tuple(b for b in article.body if not isinstance(b, Figure)))}
    for name in steps:
        out[f"-{name}"] = {"text": text(name)}
    for rule in list(weigh.DATE_RULES):
        weigh.DATE_RULES[rule] = False
        try:
            out[f"-{rule}"] = {"date": weigh.build_metadata(*seen[0]).published}
        finally:
            weigh.DATE_RULES[rule] = True
    return out


def _kept(seen: list[tuple[Any, Any]], original: Any) -> Any:
    """``build_metadata`` that also keeps the parsed tree and trafilatura's findings in ``seen``,
    to weigh them again with rules switched off; the page's language (``given``) passes through."""

    def keep(tree: Any, extracted: Any, provenance: Any = None, given: Any = None) -> Any:
        seen.append((tree, extracted))
        return original(tree, extracted, provenance, given)

    return keep


def run_rules(path: Path) -> dict[str, dict[str, Any]]:
    """Broadsheet's title and authors with every rule on, and with each title and author rule off.

    The page is read once; the metadata is then weighed again from the same
    parsed tree and trafilatura findings with one rule of
    ``weigh_title.TITLE_RULES`` or ``weigh_authors.AUTHOR_RULES`` off at a time.
    ``"again"`` is the metadata weighed again with every rule on: it must equal
    ``"all"``, or the tree changed after the first weighing.
    """
    _quiet()
    from convert.base import ReadOptions
    from convert.readers import html as H
    from convert.readers.html import weigh_authors, weigh_title

    data = _html(path)
    seen: list[tuple[Any, Any]] = []
    original = H.build_metadata

    keep = _kept(seen, original)

    try:
        H.build_metadata = keep
        article = H.HtmlReader().read(data, ReadOptions(require_text=False))
    except Exception as exc:
        return {"all": {"error": f"{type(exc).__name__}: {exc}"[:200]}}
    finally:
        H.build_metadata = original

    def found(meta: Any) -> dict[str, Any]:
        return {"title": meta.title, "authors": [a.name for a in meta.authors]}

    out = {"all": found(article.meta), "again": found(original(*seen[0]))}
    for table in (weigh_title.TITLE_RULES, weigh_authors.AUTHOR_RULES):
        for rule in [r for r, on in table.items() if on]:
            table[rule] = False
            try:
                out[f"-{rule}"] = found(original(*seen[0]))
            finally:
                table[rule] = True
    return out


def bench_rules(jobs: int, limit: int | None, sources: list[str], halves: tuple[str, ...]) -> dict[str, Any]:
    """Per source and half: title %, author P and R with each title and author rule off in turn.

    The change is printed in points against every rule on: a rule whose
    removal costs the validation half nothing (or gains) has not earned its place.
    """
    results: dict[str, Any] = {}
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for source in sources:
            pages = [p for p in SOURCES[source]() if p.half in halves and (p.title or p.authors is not None)]
            if limit:
                pages = _limited(pages, halves, limit)
            if not pages:
                continue
            got = list(pool.map(run_rules, [p.path for p in pages], chunksize=2))
            configs = list(dict.fromkeys(k for r in got for k in r))
            metrics = ("title %", "author P", "author R")
            table: dict[str, dict[str, dict[str, str]]] = {}
            for config in configs:
                table[config] = {}
                for h in halves:
                    score = Score()
                    for page, r in zip(pages, got, strict=True):
                        if page.half == h:
                            score.add(
                                Page(page.source, page.path, title=page.title, authors=page.authors),
                                r.get(config, r.get("all", {})),
                            )
                    table[config][h] = score.row()
            print(f"\n{source}: each title and author rule off in turn ({len(pages)} pages)")
            print(
                f"  {'configuration':<22}"
                + "".join(f"{f'{m} {h[0].upper()}':>16}" for m in metrics for h in halves)
            )
            for config in configs:
                cells = []
                for m in metrics:
                    for h in halves:
                        value = table[config][h][m]
                        base, now = points(table["all"][h][m]), points(value)
                        delta = (
                            "" if config == "all" or base is None or now is None else f" {now - base:+.1f}"
                        )
                        cells.append(value.split(" (")[0] + delta)
                print(f"  {config:<22}" + "".join(f"{c:>16}" for c in cells))
            changed = sum(r.get("again") != r.get("all") for r in got)
            if changed:
                print(f"  ({changed} pages weighed differently the second time: the tree changed)")
            results[source] = table
    return results


def bench_steps(jobs: int, limit: int | None, sources: list[str], halves: tuple[str, ...]) -> None:
    """Per source and half: body F1 and date with each step off; a step that costs shows as a gain."""
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for source in sources:
            pages = [p for p in SOURCES[source]() if p.half in halves]
            if limit:
                pages = _limited(pages, halves, limit)
            pages = [p for p in pages if p.with_ or p.without or p.body is not None or p.date]
            if not pages:
                continue
            results = list(pool.map(run_steps, [p.path for p in pages], chunksize=2))
            configs = list(dict.fromkeys(k for r in results for k in r))
            print(f"\n{source}: each step off in turn ({len(pages)} pages)")
            print(
                f"  {'configuration':<20}"
                + "".join(f"{f'{m} {h[0].upper()}':>16}" for m in ("body", "date") for h in halves)
            )
            for config in configs:
                cells = []
                for metric in ("body", "date"):
                    for h in halves:
                        score = Score()
                        for page, got in zip(pages, results, strict=True):
                            if page.half != h:
                                continue
                            row = dict(got.get("all", {}))
                            row.update(got.get(config, {}))
                            if metric == "body":
                                score.add(
                                    Page(
                                        page.source,
                                        page.path,
                                        with_=page.with_,
                                        without=page.without,
                                        body=page.body,
                                    ),
                                    row,
                                )
                            elif page.date:
                                score.add(Page(page.source, page.path, date=page.date), row)
                        r = score.row()
                        cells.append(
                            r["snippet F1"]
                            if r["snippet F1"] != "-"
                            else r["token F1"]
                            if metric == "body"
                            else r["date %"]
                        )
                print(f"  {config:<20}" + "".join(f"{c:>16}" for c in cells))


# ==========================================================================
# Pandoc fixtures -> every output format


def convert_fixture(path: Path) -> tuple[str, str]:
    """``("ok", "")`` when the fixture converts to every output, else the outcome and message."""
    _quiet()
    import convert
    from convert.errors import ConvertError
    from convert.readers import pandoc as P
    from convert.registry import readers

    for cls in (P.DocxReader, P.OdtReader, P.EpubReader):
        readers.register(cls.name, cls, override=True)
    try:
        article = convert.read(path)
        for fmt in OUTPUTS:
            convert.write(article, fmt)
    except ConvertError as exc:
        line = exc.one_line()
        return ("clear error" if "\n" not in line else "multi-line error"), line
    except Exception as exc:
        return "crash", f"{type(exc).__name__}: {exc}"[:200]
    return "ok", ""


def bench_pandoc(jobs: int) -> dict[str, int]:
    base = CORPUS / "pandoc" / "test"
    files = sorted(
        [
            *base.glob("docx/*.docx"),
            *base.glob("docx/golden/*.docx"),
            *base.glob("command/*.docx"),
            *base.glob("odt/odt/*.odt"),
            *base.glob("epub/*.epub"),
        ]
    )
    names = [str(p.relative_to(CORPUS)) for p in files]
    halves = [half(p.name) for p in files]  # the fixture's file name, as for web pages
    return tally(f"pandoc fixtures: {len(files)} DOCX/ODT/EPUB", convert_fixture, files, names, halves, jobs)


def tally(
    label: str,
    fn: Callable[[Any], tuple[str, str]],
    items: list[Any],
    names: list[str],
    halves: list[str],
    jobs: int,
) -> dict[str, dict[str, int]]:
    """Run ``fn`` over ``items`` in parallel; print every outcome but "ok", then the counts per half."""
    counts: dict[str, Counter[str]] = {h: Counter() for h in HALVES}
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = pool.map(fn, items, chunksize=8)
        for name, h, (outcome, message) in zip(names, halves, results, strict=True):
            counts[h][outcome] += 1
            if outcome != "ok":
                print(f"  {outcome} ({h}): {name}: {message}")
    print(f"\n{label} -> {', '.join(OUTPUTS)}  ({time.perf_counter() - started:.0f} s)")
    for h in HALVES:
        total = sum(counts[h].values())
        share = f"{100 * counts[h]['ok'] / total:.1f} % ok" if total else "-"
        print(f"  {h:<11} {share:>10}  " + ", ".join(f"{v} {k}" for k, v in sorted(counts[h].items())))
    return {h: dict(c) for h, c in counts.items()}


# ==========================================================================
# Wire text: Reuters-21578 stories laid out as wire copy, and BBC stories


def reuters_stories() -> Iterator[dict[str, str]]:
    """Each story's SGML fields, and the wire text built from them.

    The layout is the one the issue describes: the title line, the byline
    line when there is one, then the dateline opening the body, whose
    paragraphs start with the SGML's indents.
    """
    import html

    for sgm in sorted((CORPUS / "reuters21578" / "reuters21578").glob("*.sgm")):
        for doc in re.findall(r"<REUTERS.*?</REUTERS>", sgm.read_text(encoding="latin-1"), re.S):
            newid = re.search(r'NEWID="(\d+)"', doc)
            fields = {
                t.lower(): html.unescape(m.group(1))
                if (m := re.search(rf"<{t}>(.*?)</{t}>", doc, re.S))
                else ""
                for t in ("TITLE", "AUTHOR", "DATELINE", "BODY")
            }
            if not (fields["title"].strip() and fields["body"].strip()):
                continue
            body = fields["body"].replace("\x03", "")
            head = "\n\n".join(x for x in (fields["title"].strip(), fields["author"].strip()) if x)
            fields["text"] = f"{head}\n\n{fields['dateline']}{body}"
            fields["body"] = body
            fields["half"] = half(newid[1] if newid else fields["title"])
            yield fields


def _wire_paragraphs(body: str) -> list[str]:
    """The body's paragraphs as the SGML lays them out: a paragraph starts at an indented line."""
    lines = body.splitlines()
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


def score_reuters(story: dict[str, str]) -> dict[str, Any]:
    _quiet()
    import convert
    from convert.errors import ConvertError
    from convert.model import Paragraph, plain_text

    try:
        article = convert.read(story["text"].encode("latin-1", "replace"), from_="text")
    except ConvertError as exc:
        return {"error": exc.one_line()}
    place = norm_text(story["dateline"].split(",")[0])
    author = re.sub(r"^by\s+|,\s*reuters?$", "", story["author"].strip(), flags=re.I).strip()
    expected = _wire_paragraphs(story["dateline"] + story["body"])
    got = [" ".join(plain_text(b).split()) for b in article.body if isinstance(b, Paragraph)]
    dateline = " ".join(story["dateline"].split())
    if expected and article.meta.dateline and expected[0].startswith(dateline):
        # the dateline is in meta, not in the first paragraph: compare what follows it
        expected[0] = expected[0][len(dateline) :].strip()
        expected = [p for p in expected if p]
    return {
        "title": norm_text(article.meta.title) == norm_text(story["title"]),
        "dateline": None if not place else norm_text(article.meta.dateline) == place,
        "byline": None
        if not author
        else [normalize_name(a.name) for a in article.meta.authors] == [normalize_name(author)],
        "paragraphs": [norm_text(p) for p in got] == [norm_text(p) for p in expected],
    }


def bench_wire(jobs: int, limit: int | None, halves: tuple[str, ...]) -> dict[str, Any]:
    stories = [s for s in reuters_stories() if s["half"] in halves]
    if limit:
        stories = [s for h in halves for s in [t for t in stories if t["half"] == h][:limit]]
    if not stories:
        return {}
    started = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = list(pool.map(score_reuters, stories, chunksize=32))
    print(f"\nreuters21578: {len(stories)} stories as wire text (title line, byline line, dateline + body)")
    both = len(halves) == 2
    print(f"  {'check':<11}" + "".join(f"{h:>22}" for h in halves) + (f"{'V-T':>8}" if both else ""))
    out: dict[str, Any] = {}
    for h in halves:
        mine = [r for r, s in zip(results, stories, strict=True) if s["half"] == h]
        out[h] = {"stories": len(mine), "errors": sum("error" in r for r in mine)}
        for key in ("title", "dateline", "byline", "paragraphs"):
            marks = [r[key] for r in mine if r.get(key) is not None]
            out[h][key] = (round(100 * sum(marks) / len(marks), 1) if marks else None, len(marks))
    for key in ("title", "dateline", "byline", "paragraphs"):
        cells = [f"{out[h][key][0]} % of {out[h][key][1]}" for h in halves]
        gap = f"{gap_cell(*(f'{c} (n)' for c in cells)):>8}" if both else ""
        print(f"  {key:<11}" + "".join(f"{c:>22}" for c in cells) + gap)
    print(f"  {'errors':<11}" + "".join(f"{out[h]['errors']:>22}" for h in halves))
    print(f"  ({time.perf_counter() - started:.0f} s)")
    return out


def convert_story(text: bytes) -> tuple[str, str]:
    """Read a wire story and write it in every output format."""
    _quiet()
    import convert
    from convert.errors import ConvertError

    try:
        article = convert.read(text, from_="text")
        for fmt in OUTPUTS:
            convert.write(article, fmt)
    except ConvertError as exc:
        return "clear error", exc.one_line()
    except Exception as exc:
        return "crash", f"{type(exc).__name__}: {exc}"[:200]
    return "ok", ""


def bench_wire_convert(jobs: int, limit: int | None) -> dict[str, int]:
    """Every BBC and Reuters story through every output format."""
    bbc = sorted((CORPUS / "bbc-news" / "bbc").glob("*/*.txt"))[:limit]
    stories = list(reuters_stories())[:limit]
    texts = [p.read_bytes() for p in bbc] + [s["text"].encode("latin-1", "replace") for s in stories]
    names = [str(p.relative_to(CORPUS)) for p in bbc] + [
        f"reuters: {s['title'].strip()[:60]}" for s in stories
    ]
    halves = [half(f"{p.parent.name}/{p.name}") for p in bbc] + [s["half"] for s in stories]
    return tally(f"BBC and Reuters stories: {len(texts)}", convert_story, texts, names, halves, jobs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--limit", type=int, help="at most N pages of each half per source (a quick look)")
    parser.add_argument(
        "--source",
        action="append",
        choices=[*SOURCES, "reuters"],
        help="only this source (repeatable); default: all web sources, then reuters",
    )
    parser.add_argument("--half", choices=HALVES, help="only this half (tune on 'tuning'); default: both")
    parser.add_argument(
        "--systems", default=",".join(SYSTEMS), help=f"comma-separated subset of {','.join(SYSTEMS)}"
    )
    parser.add_argument(
        "--ablate",
        action="append",
        default=[],
        help="switch off this html body step, date, title or author rule "
        "(BODY_STEPS, DATE_RULES, TITLE_RULES, AUTHOR_RULES)",
    )
    parser.add_argument(
        "--steps", action="store_true", help="measure each html body step and date rule switched off in turn"
    )
    parser.add_argument(
        "--rules",
        action="store_true",
        help="measure each title and author rule switched off in turn (TITLE_RULES, AUTHOR_RULES)",
    )
    parser.add_argument("--cache", type=Path, help="keep baseline outputs here between runs")
    parser.add_argument("--skip-convert", action="store_true", help="skip the pandoc fixture conversions")
    parser.add_argument("--json", type=Path, help="also write the tables as JSON here")
    parser.add_argument(
        "--dump",
        type=Path,
        help="write each page's metadata, found and expected, and each system's body scores "
        "(snippets missed and kept, token F1), as JSON lines",
    )
    args = parser.parse_args(argv)
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    halves = (args.half,) if args.half else HALVES
    systems = tuple(s for s in args.systems.split(",") if s)
    if unknown := set(systems) - set(SYSTEMS):
        parser.error(f"unknown system(s): {', '.join(sorted(unknown))}")
    chosen = args.source or [*SOURCES, "reuters"]
    started = time.perf_counter()
    if args.steps:
        bench_steps(args.jobs, args.limit, [s for s in chosen if s in SOURCES], halves)
        print(f"\ntotal {time.perf_counter() - started:.0f} s")
        return 0
    if args.rules:
        ruled = bench_rules(args.jobs, args.limit, [s for s in chosen if s in SOURCES], halves)
        print(f"\ntotal {time.perf_counter() - started:.0f} s")
        if args.json:
            args.json.write_text(json.dumps(ruled, indent=2) + "\n", encoding="utf-8")
        return 0
    results: dict[str, Any] = {
        "pages": bench_pages(
            args.jobs,
            args.limit,
            [s for s in chosen if s in SOURCES],
            halves,
            systems,
            args.cache,
            tuple(args.ablate),
            args.dump.open("w", encoding="utf-8") if args.dump else None,
        )
    }
    if "reuters" in chosen:
        results["reuters"] = bench_wire(args.jobs, args.limit, halves)
    if not args.skip_convert and not args.source:
        results["pandoc_fixtures"] = bench_pandoc(args.jobs)
        results["wire_convert"] = bench_wire_convert(args.jobs, args.limit)
    print(f"\ntotal {time.perf_counter() - started:.0f} s")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
