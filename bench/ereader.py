"""E-reader fitness on corpus pages: the Kindle/Kobo checker on each EPUB and kepub.

Reads the same 91 pages as ``bench/accessibility.py`` (Readability pages that
declare a language, goose3 pages with ``meta_lang``, newspaper4k's pages),
writes each as EPUB and kepub, and counts the rules of
:mod:`convert.exporters._ereader` the books break, by corpus half (sha256
of the page's corpus path, first byte mod 2; nothing here was tuned on either).
For the kepub it also checks that the body text is unchanged and that every
spine document has Kobo spans. ``--calibre`` also converts each EPUB to azw3.

    python bench/ereader.py [--limit N] [--calibre]
"""

from __future__ import annotations

import argparse
import io
import sys
import time
import zipfile
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from accessibility import CORPUS, half, pages, read_bytes  # noqa: E402
from lxml import etree  # noqa: E402

from convert import api  # noqa: E402
from convert.errors import ConvertError  # noqa: E402
from convert.exporters._ereader import check_epub  # noqa: E402

XHTML = "{http://www.w3.org/1999/xhtml}"


def body_texts(book: bytes) -> dict[str, str]:
    out = {}
    with zipfile.ZipFile(io.BytesIO(book)) as zf:
        for name in zf.namelist():
            if name.endswith(".xhtml") and not name.endswith("nav.xhtml"):
                body = etree.fromstring(zf.read(name)).find(f"{XHTML}body")
                out[name] = "" if body is None else "".join(body.itertext())
    return out


def kepub_ok(epub: bytes, kepub: bytes) -> bool:
    if body_texts(epub) != body_texts(kepub):
        return False
    with zipfile.ZipFile(io.BytesIO(kepub)) as zf:
        docs = [n for n in zf.namelist() if n.endswith(".xhtml") and not n.endswith("nav.xhtml")]
        return all(b'class="koboSpan"' in zf.read(n) for n in docs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--calibre", action="store_true")
    args = parser.parse_args()
    if not CORPUS.is_dir():
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    todo = pages()[: args.limit or None]
    rows = []
    for path in todo:
        row: dict[str, object] = {"page": str(path.relative_to(CORPUS)), "half": half(path)}
        try:
            article = api.read(read_bytes(path), from_="html")
            epub = api.write(article, "epub")
            kepub = api.write(article, "kepub")
        except ConvertError as exc:
            row["error"] = str(exc)
            rows.append(row)
            continue
        assert isinstance(epub, bytes) and isinstance(kepub, bytes)
        row["epub"] = Counter(p.rule for p in check_epub(epub))
        row["kepub"] = Counter(p.rule for p in check_epub(kepub))
        row["kepub_ok"] = kepub_ok(epub, kepub)
        if args.calibre:
            start = time.monotonic()
            try:
                api.write(article, "azw3")
                row["azw3"] = time.monotonic() - start
            except ConvertError as exc:
                row["azw3_error"] = str(exc)
        rows.append(row)
    print(
        "| half | pages | EPUBs breaking a rule (cover aside) | kepubs breaking one | kepub text kept + spans | azw3 written |"
    )
    print("|---|---|---|---|---|---|")
    for label, which in (("tuning (0)", {0}), ("validation (1)", {1})):
        part = [r for r in rows if r["half"] in which and "error" not in r]
        bad = sum(1 for r in part if set(r["epub"]) - {"cover"})  # type: ignore[arg-type]
        kbad = sum(1 for r in part if set(r["kepub"]) - {"cover"})  # type: ignore[arg-type]
        kept = sum(1 for r in part if r["kepub_ok"])
        azw3 = f"{sum(1 for r in part if 'azw3' in r)} / {len(part)}" if args.calibre else "–"
        print(f"| {label} | {len(part)} | {bad} | {kbad} | {kept} / {len(part)} | {azw3} |")
    rules: Counter[str] = Counter()
    for r in rows:
        rules.update(set(r.get("epub", {})) | set(r.get("kepub", {})))  # type: ignore[arg-type]
    print("rules broken (books):", dict(rules))
    for r in rows:
        if "error" in r or "azw3_error" in r:
            print("error:", r["page"], r.get("error") or r.get("azw3_error"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
