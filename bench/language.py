"""Language identification on ../shared/corpus: candidate identifiers, accuracy and speed.

    python bench/language.py [--half tuning|validation|both] [--declared] [--outputs] [--json OUT]

Texts with a known language, each given to the identifiers as plain text:

- readability: the text of ``expected.html`` (the cleaned article), language from
  ``expected-metadata.json`` ``lang``;
- goose3: the article text trafilatura extracts from the page, language from ``meta_lang``;
- newspaper4k: ``txt/*.txt``, language from ``metadata/*.json`` ``language`` or, for the
  pages without metadata, from the language the file name gives (``bengali_article``);
- bbc-news: every story (English).

Each source is split into halves by ``sha256(name)[0] % 2`` (0 = tuning, 1 = validation).
For each identifier it prints the share of texts whose primary subtag is right, the
texts it gives no answer for, its confusions, and the mean time per text. Then the
chosen identifier (:func:`convert.locale.identify`, with its threshold) is scored on
prefixes of each text (30 to 400 characters), to show what too little text does.

``--declared`` reads each Readability page whole and compares the language Broadsheet reports
with the declared one; ``--outputs`` converts those pages and the non-English newspaper4k texts
to html, epub, docx and pdf and checks the tag each output carries.

Candidates (none downloads anything at run time): py3langid, lingua-language-detector
(high and low accuracy modes; ``pip install --group language-eval``), langdetect (seeded). langdetect is measured only when it
is installed (``pip install langdetect``); it is not a dependency.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

#: newspaper4k file names that carry no metadata name their language in English.
_NAMED = {
    "arabic": "ar",
    "bengali": "bn",
    "burmese": "my",
    "chinese": "zh",
    "hindi": "hi",
    "japanese": "ja",
    "korean": "ko",
    "latvian": "lv",
    "spanish": "es",
}


@dataclass
class Sample:
    source: str
    name: str
    language: str
    text: str

    @property
    def half(self) -> int:
        return hashlib.sha256(self.name.encode()).digest()[0] % 2


def _primary(tag: str | None) -> str | None:
    return tag.replace("_", "-").split("-")[0].lower() if tag else None


def _html_text(html: str) -> str:
    import lxml.html

    tree = lxml.html.fromstring(html)
    for bad in tree.xpath("//script|//style"):
        bad.drop_tree()
    return re.sub(r"\s+\n", "\n", tree.text_content()).strip()


def samples() -> list[Sample]:
    out: list[Sample] = []
    for meta in sorted((CORPUS / "readability").glob("**/expected-metadata.json")):
        lang = json.loads(meta.read_text(encoding="utf-8")).get("lang")
        if lang:
            text = _html_text((meta.parent / "expected.html").read_text(encoding="utf-8"))
            out.append(Sample("readability", meta.parent.name, _primary(lang) or "", text))
    import trafilatura

    for case in sorted((CORPUS / "goose3").glob("tests/data/**/*.json")):
        lang = json.loads(case.read_text(encoding="utf-8")).get("expected", {}).get("meta_lang")
        page = case.with_suffix(".html")
        if lang and page.exists():
            text = trafilatura.extract(page.read_text(encoding="utf-8", errors="replace")) or ""
            out.append(Sample("goose3", case.stem, _primary(lang) or "", text))
    data = CORPUS / "newspaper4k" / "tests" / "data"
    for txt in sorted((data / "txt").glob("*.txt")):
        meta = data / "metadata" / f"{txt.stem}.json"
        lang = json.loads(meta.read_text(encoding="utf-8")).get("language") if meta.exists() else None
        lang = lang or _NAMED.get(txt.stem.split("_")[0])
        if lang:
            out.append(Sample("newspaper4k", txt.stem, lang, txt.read_text(encoding="utf-8")))
    for story in sorted((CORPUS / "bbc-news").glob("bbc/*/*.txt")):
        text = story.read_bytes().decode("latin-1")
        out.append(Sample("bbc-news", f"{story.parent.name}/{story.name}", "en", text))
    return [s for s in out if s.text.strip()]


# ==========================================================================
# Candidates: each maps a text to a primary subtag or None.


def _py3langid() -> Callable[[str], str | None]:
    import py3langid

    return lambda text: py3langid.classify(text)[0]


def _lingua(low: bool) -> Callable[[str], str | None]:
    from lingua import LanguageDetectorBuilder

    builder = LanguageDetectorBuilder.from_all_languages()
    detector = (builder.with_low_accuracy_mode() if low else builder).build()

    def run(text: str) -> str | None:
        found = detector.detect_language_of(text)
        return found.iso_code_639_1.name.lower() if found else None

    return run


def _langdetect() -> Callable[[str], str | None] | None:
    try:
        import langdetect
    except ImportError:
        return None
    langdetect.DetectorFactory.seed = 0

    def run(text: str) -> str | None:
        try:
            return langdetect.detect(text).split("-")[0]
        except langdetect.LangDetectException:
            return None

    return run


def _broadsheet() -> Callable[[str], str | None]:
    from convert.locale import identify, primary

    return lambda text: primary(identify(text))


def candidates() -> dict[str, Callable[[str], str | None]]:
    found: dict[str, Callable[[str], str | None] | None] = {
        "py3langid": _py3langid(),
        "lingua (high)": _lingua(low=False),
        "lingua (low)": _lingua(low=True),
        "langdetect": _langdetect(),
        "broadsheet": _broadsheet(),
    }
    return {k: v for k, v in found.items() if v is not None}


# ==========================================================================


PREFIXES = (20, 40, 80, 160, 320)


def score(run: Callable[[str], str | None], items: list[Sample]) -> dict[str, object]:
    right = none = 0
    confusions: Counter[str] = Counter()
    run(items[0].text)  # load the model outside the timing
    start = time.perf_counter()
    for s in items:
        got = _primary(run(s.text[:20000]))
        if got == s.language:
            right += 1
        elif got is None:
            none += 1
        else:
            confusions[f"{s.language}->{got}"] += 1
    elapsed = time.perf_counter() - start
    return {
        "right": right,
        "total": len(items),
        "none": none,
        "ms_per_text": round(1000 * elapsed / len(items), 2),
        "confusions": dict(confusions.most_common(8)),
    }


def declared() -> None:
    """Readability pages read whole by Broadsheet: is the declared language the one it reports?"""
    import convert

    for half in (0, 1):
        right = total = 0
        misses = []
        for meta in sorted((CORPUS / "readability").glob("**/expected-metadata.json")):
            lang = json.loads(meta.read_text(encoding="utf-8")).get("lang")
            if not lang or hashlib.sha256(meta.parent.name.encode()).digest()[0] % 2 != half:
                continue
            total += 1
            try:
                got = convert.read(meta.parent / "source.html", require_text=False).meta.language
            except convert.ConvertError as exc:
                got = f"error: {exc}"
            right += _primary(got) == _primary(lang)
            if _primary(got) != _primary(lang):
                misses.append(f"{meta.parent.name}: {lang} -> {got}")
        print(f"declared, {('tuning', 'validation')[half]} half: {right}/{total} right {misses}")


def output_tags(article: object) -> dict[str, str | None]:
    """The language each of html, epub (OPF and content), docx (styles and core) and pdf declares."""
    import io
    import zipfile

    from lxml import etree
    from pypdf import PdfReader

    import convert

    def write(fmt: str) -> bytes:
        data = convert.write(article, fmt)  # type: ignore[arg-type]
        assert isinstance(data, bytes)
        return data

    found: dict[str, str | None] = {}
    head = re.search(rb"<html([^>]*)>", write("html"))
    lang = re.search(rb'\blang="([^"]*)"', head[1]) if head else None
    found["html"] = lang[1].decode() if lang else None
    book = zipfile.ZipFile(io.BytesIO(write("epub")))
    found["epub dc:language"] = etree.fromstring(book.read("EPUB/content.opf")).findtext(
        ".//{http://purl.org/dc/elements/1.1/}language"
    )
    found["epub xhtml"] = etree.fromstring(book.read("EPUB/chapter.xhtml")).get(
        "{http://www.w3.org/XML/1998/namespace}lang"
    )
    doc = zipfile.ZipFile(io.BytesIO(write("docx")))
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    slot = etree.fromstring(doc.read("word/styles.xml")).find(f".//{w}rPrDefault/{w}rPr/{w}lang")
    found["docx w:lang"] = slot.get(f"{w}val") if slot is not None else None
    found["pdf /Lang"] = str(PdfReader(io.BytesIO(write("pdf"))).trailer["/Root"].get("/Lang") or "") or None
    return found


def outputs() -> None:
    """Readability pages that declare a language and the newspaper4k texts: the tag in every output."""
    import convert

    jobs: list[tuple[str, Path, str]] = []
    for meta in sorted((CORPUS / "readability").glob("**/expected-metadata.json")):
        lang = json.loads(meta.read_text(encoding="utf-8")).get("lang")
        if lang:
            jobs.append((meta.parent.name, meta.parent / "source.html", _primary(lang) or ""))
    for s in samples():
        if s.source == "newspaper4k" and s.language != "en":
            jobs.append(
                (s.name, CORPUS / "newspaper4k" / "tests" / "data" / "txt" / f"{s.name}.txt", s.language)
            )
    right = total = 0
    for name, path, lang in jobs:
        try:
            article = convert.read(path, require_text=False)
            tags = output_tags(article)
        except convert.ConvertError as exc:
            print(f"{name}: {exc}")
            continue
        for where, tag in tags.items():
            total += 1
            if _primary(tag) == lang:
                right += 1
            else:
                print(f"{name} ({lang}): {where} says {tag}")
    print(f"language carried (page x output): {right}/{total}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--half", choices=("tuning", "validation", "both"), default="both")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--declared", action="store_true", help="also read each Readability page whole")
    parser.add_argument("--outputs", action="store_true", help="also check the tag in html/epub/docx/pdf")
    args = parser.parse_args()
    if args.declared:
        declared()
    if args.outputs:
        outputs()
    every = samples()
    halves = {"tuning": [s for s in every if s.half == 0], "validation": [s for s in every if s.half == 1]}
    chosen = halves if args.half == "both" else {args.half: halves[args.half]}
    report: dict[str, object] = {}
    systems = candidates()
    for half, items in chosen.items():
        langs = Counter(s.language for s in items)
        print(f"\n## {half} half: {len(items)} texts, {len(langs)} languages ({dict(langs.most_common())})")
        print(f"{'identifier':22} {'right':>10} {'none':>5} {'ms/text':>8}  confusions")
        for name, run in systems.items():
            r = score(run, items)
            report[f"{half}/{name}"] = r
            print(
                f"{name:22} {r['right']:>4}/{r['total']:<5} {r['none']:>5} {r['ms_per_text']:>8}  "
                f"{r['confusions']}"
            )
            per_source: dict[str, str] = {}
            for src in sorted({s.source for s in items}):
                part = [s for s in items if s.source == src]
                got = sum(1 for s in part if _primary(run(s.text[:20000])) == s.language)
                per_source[src] = f"{got}/{len(part)}"
            print(f"{'':22} {per_source}")
        # Short texts: prefixes of each non-BBC text (BBC would swamp the figures).
        short = [s for s in items if s.source != "bbc-news"]
        print(f"\nprefixes of the {len(short)} other texts: right / none / wrong")
        print(f"{'identifier':22} " + " ".join(f"{n:>11}" for n in PREFIXES))
        for name, run in systems.items():
            cells = []
            for n in PREFIXES:
                tally: Counter[str] = Counter()
                for s in short:
                    got = _primary(run(s.text.strip()[:n]))
                    tally["right" if got == s.language else "none" if got is None else "wrong"] += 1
                report[f"{half}/{name}/prefix{n}"] = dict(tally)
                cells.append(f"{tally['right']:>3}/{tally['none']:>3}/{tally['wrong']:>3}")
            print(f"{name:22} " + " ".join(f"{c:>11}" for c in cells))
    if args.json:
        args.json.write_text(json.dumps(report, indent=1), encoding="utf-8")


if __name__ == "__main__":
    if not CORPUS.exists():
        sys.exit(f"no corpus at {CORPUS}")
    main()
