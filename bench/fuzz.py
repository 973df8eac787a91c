"""A longer fuzzing campaign over the readers: ``python bench/fuzz.py [--examples N] [--only NAME]``.

tests/test_fuzz.py runs a few dozen examples per property so the suite stays
fast; this runs the same kind of properties with a much larger budget over
the plain-text, HTML and pandoc (Markdown, DOCX, EPUB, ODT, RST ...) readers:
any input must give an article or a ConvertError — never another exception,
never a hang past ``--deadline`` seconds. Hypothesis keeps its findings in
``.hypothesis/`` so a failure replays on the next run. Exit status 1 when a
property failed. The nox session ``fuzz`` calls this.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
import traceback
import zipfile
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import convert
from convert.errors import ConvertError
from convert.registry import readers

_HTML_BITS = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<table><tr><td>", "<img src='file:///etc/passwd'>", "<script>x</script>",
     "<iframe src=http://127.0.0.1:9/>", "<!DOCTYPE html [<!ENTITY a 'aaaa'>]>", "&a;", "<h1>", "<article>",
     "<meta property='og:title' content='T'>", "<![CDATA[", "<svg><text>", "<math>", "<template>", "<!--", "&#0;"]
)  # fmt: skip
_MD_BITS = st.sampled_from(
    ["[", "]", "(", ")", "![", "*", "_", "`", "```", "> ", "# ", "- ", "1. ", "|", "---\n", "\n\n", "<div>", "\\",
     "[^1]", "[^1]: ", "{#id}", "$$", ":::", "<!--", "http://127.0.0.1:9/x.png"]
)  # fmt: skip


def _text(draw_bits: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.lists(st.one_of(draw_bits, st.text(max_size=20)), max_size=200).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass")
    )


def _read(data: bytes, fmt: str | None) -> None:
    with contextlib.suppress(ConvertError):
        convert.read(data, from_=fmt, name="fuzz")


def _archive_seed(fmt: str) -> bytes:
    from convert.model import Article, Metadata, Paragraph, Text

    article = Article(meta=Metadata(title="Seed"), body=(Paragraph((Text("Some text."),)),) * 3)
    data = convert.write(article, "docx" if fmt in ("docx", "odt") else "epub")
    assert isinstance(data, bytes)
    return data


def _mutate(seed: bytes) -> st.SearchStrategy[bytes]:
    def apply(ops: list[tuple[int, bytes, bool]]) -> bytes:
        data = bytearray(seed)
        for at, junk, cut in ops:
            at %= max(len(data), 1)
            if cut:
                del data[at:]
            else:
                data[at : at + len(junk)] = junk
        return bytes(data)

    ops = st.lists(
        st.tuples(st.integers(0, 1 << 20), st.binary(min_size=1, max_size=16), st.booleans()), max_size=4
    )
    return ops.map(apply)


def _member_swap(seed: bytes) -> st.SearchStrategy[bytes]:
    """Archives whose XML members are replaced by fuzzed text (entities, garbage, truncation)."""

    def apply(member_text: bytes) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(seed)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
            for info in src.infolist():
                data = src.read(info)
                if (
                    info.filename.endswith((".xml", ".xhtml", ".opf"))
                    and b"<body" in data
                    or b"w:body" in data
                ):
                    data = member_text
                dst.writestr(info.filename, data)
        return out.getvalue()

    return _text(_HTML_BITS).map(apply)


def campaigns() -> dict[str, tuple[st.SearchStrategy[bytes], str | None]]:
    found: dict[str, tuple[st.SearchStrategy[bytes], str | None]] = {
        "bytes-sniffed": (st.binary(max_size=20_000), None),
        "text": (st.binary(max_size=20_000) | _text(_MD_BITS), "text"),
    }
    if "html" in readers.names():
        found["html"] = (_text(_HTML_BITS), "html")
    for fmt in ("markdown", "rst", "latex", "org"):
        if fmt in readers.names():
            found[fmt] = (_text(_MD_BITS), fmt)
    for fmt in ("docx", "epub"):
        if fmt in readers.names():
            seed = _archive_seed(fmt)
            found[f"{fmt}-bytes"] = (_mutate(seed), fmt)
            found[f"{fmt}-members"] = (_member_swap(seed), fmt)
    return found


def run(
    name: str, strategy: st.SearchStrategy[bytes], fmt: str | None, examples: int, deadline: float
) -> bool:
    @settings(
        max_examples=examples,
        deadline=timedelta(seconds=deadline),
        suppress_health_check=list(HealthCheck),
        database=None if name.startswith("-") else settings.default.database,
    )
    @given(strategy)
    def prop(data: bytes) -> None:
        _read(data, fmt)

    started = time.monotonic()
    try:
        prop()
    except Exception:
        print(f"FAIL {name} after {time.monotonic() - started:.0f} s")
        traceback.print_exc()
        return False
    print(f"ok   {name}: {examples} examples in {time.monotonic() - started:.0f} s")
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--examples", type=int, default=2000, help="examples per campaign (default 2000)")
    parser.add_argument(
        "--deadline", type=float, default=70.0, help="seconds one example may take (default 70)"
    )
    parser.add_argument("--only", action="append", help="run only these campaigns (repeatable)")
    args = parser.parse_args(argv)
    chosen: dict[str, Any] = campaigns()
    if args.only:
        chosen = {k: v for k, v in chosen.items() if k in args.only}
    runner: Callable[[str, st.SearchStrategy[bytes], str | None, int, float], bool] = run
    failed = [
        name
        for name, (strategy, fmt) in chosen.items()
        if not runner(name, strategy, fmt, args.examples, args.deadline)
    ]
    if failed:
        print("failed:", ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
