"""The direct DOCX writer against pandoc's: the same package, part for part, and the same read-back.

The direct writer (``convert/exporters/_docx_direct.py``) is meant to write what
pandoc's DOCX writer writes. Each case is exported both ways (``BROADSHEET_DOCX=pandoc``
forces pandoc) and every XML part is compared after canonicalisation (attributes
sorted, whitespace between elements dropped); media must be the same bytes. On the
corpus, both DOCX files are also read back with Broadsheet's DOCX reader and the
article trees compared (the source path, hash and identifier name the file, so
they are left out).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import zipfile
from pathlib import Path
from typing import Any

import pytest
from kitchen import PNG_DATA_URI
from lxml import etree

import convert
from convert import model
from convert.base import ExportOptions
from convert.errors import ConvertError
from convert.exporters import docx as docx_module
from convert.exporters._docx_direct import Unsupported
from convert.exporters._docx_reference import reference_docx
from convert.exporters.docx import DocxExporter, ImageInliner, write_direct
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
    replace,
)
from convert.theme import Theme, load_theme

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden" / "exporters"


@pytest.fixture(scope="module")
def theme() -> Theme:
    return load_theme("default")


def canonical(data: bytes) -> str:
    """An XML part with sorted attributes and no whitespace between elements; other bytes as they are."""
    try:
        root = etree.fromstring(data, etree.XMLParser(remove_blank_text=True))
    except etree.XMLSyntaxError:
        return repr(data)
    for el in root.iter():
        attrs = sorted(el.attrib.items())
        el.attrib.clear()
        for key, value in attrs:
            el.set(key, value)
    return etree.tostring(root, encoding="unicode")


def parts(data: bytes) -> dict[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {name: canonical(zf.read(name)) for name in zf.namelist()}


def pandoc_docx(article: Article, theme: Theme, monkeypatch: pytest.MonkeyPatch) -> bytes:
    with monkeypatch.context() as m:
        m.setenv("BROADSHEET_DOCX", "pandoc")
        return DocxExporter().export(article, theme, ExportOptions())


def direct_docx(article: Article, theme: Theme) -> bytes:
    return write_direct(article, reference_docx(theme), ImageInliner(None))


def differing_parts(article: Article, theme: Theme, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    want, got = parts(pandoc_docx(article, theme, monkeypatch)), parts(direct_docx(article, theme))
    return sorted(name for name in want.keys() | got.keys() if want.get(name) != got.get(name))


def _p(*content: Any) -> Paragraph:
    return Paragraph(tuple(Text(c) if isinstance(c, str) else c for c in content))


def every_construct(language: str | None) -> Article:
    """Each block and inline, nested the ways our readers produce them, in ``language``."""
    body = (
        _p("Lead  with\ttabs ", Link((Text("a link"),), "https://example.org/a"), " and ", NoteRef("f1")),
        Heading(1, (Text("Section one"),), id="section-one"),
        _p("After the heading, soft\nbreak and soft\xadhyphen, ", Code("code\nlines"), LineBreak()),
        _p("Second ", Strong((Emph((Text("both"),)),)), " ", Quote((Text("said "), Quote((Text("inner"),))))),
        Heading(4, (Text("A heading with an id far longer than forty characters in all"),), id="x" * 45),
        BlockQuote((_p("Quoted"), List(items=((_p("in a quote"),),)), BlockQuote((_p("nested"),)))),
        _p("After the quote"),
        List(items=((_p("loose one"), _p("loose two")), (List(items=((_p("deep"),),), ordered=True),))),
        List(
            items=((_p("start at four"),), (_p("five"), CodeBlock("x = 1\ny = 2\n"))), ordered=True, start=4
        ),
        Table(head=(), rows=(((Text("a"),), ()), ((Text("b"),), (Text("c"),)))),
        Table(head=(((Text("H1"),), (Text("H2"),), (Text("H3"),)),), rows=(), caption=(Text("Cap"),)),
        Figure(
            PNG_DATA_URI, alt="A red square", caption=(Text("Caption "), Emph((Text("here"),))), credit="Me"
        ),
        Figure(PNG_DATA_URI, alt="The same image again"),
        Figure("http://127.0.0.1:9/remote.png", alt="Left out", caption=(Text("shown as text"),)),
        _p("漢字とかなの文 and Latin 混在 ", Link((Text("again"),), "https://example.org/a"), NoteRef("f2")),
        CodeBlock("plain\n\n  indented"),
        Rule(),
        _p(""),
        _p("Last."),
    )
    notes = (
        Note("f1", "footnote", (_p("Note one"), _p("second paragraph"), BlockQuote((_p("quoted"),)))),
        Note(
            "f2", "author-note", (_p("A referenced ", Link((Text("author note"),), "https://example.org/b")),)
        ),
        Note("e1", "disclaimer", (_p("End matter"), List(items=((_p("with a list"),),)))),
    )
    meta = Metadata(
        title="Every construct",
        subtitle="Sub",
        authors=(Author("Ann Writer", bio="First.\n\nSecond."), Author("Bo Co")),
        published="2024-10-14T22:37:00+03:00",
        updated="2024-10-15",
        dateline="CITY",
        language=language,
        description="All of it.",
        keywords=("one", "two"),
        url="https://example.org/every",
        publisher="Pub",
        rights="Rights",
        identifier="urn:x",
    )
    return Article(meta=meta, body=body, notes=notes)


def _stored(name: str) -> Article:
    return model.from_json(json.loads((GOLDEN / name / "article.json").read_text(encoding="utf-8")))


def _kitchen_without_highlighting(kitchen: Article) -> Article:
    # Math goes to pandoc whole (test_golden_articles_...): the parity check takes the rest.
    body = tuple(
        replace(b, language=None) if isinstance(b, CodeBlock) else b
        for b in kitchen.body
        if not (isinstance(b, Paragraph) and any(isinstance(i, Math) for i in b.content))
    )
    return replace(kitchen, body=body)


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.iterdir() if (p / "article.json").exists()))
def test_golden_articles_are_written_as_pandoc_writes_them(
    name: str, theme: Theme, monkeypatch: pytest.MonkeyPatch
) -> None:
    article = _stored(name)
    try:
        direct_docx(article, theme)
    except Unsupported:
        # Handed to pandoc whole (math, a coloured code block): the export is pandoc's own.
        exported = DocxExporter().export(article, theme, ExportOptions())
        assert parts(exported) == parts(pandoc_docx(article, theme, monkeypatch))
        return
    assert differing_parts(article, theme, monkeypatch) == []


@pytest.mark.parametrize("language", ["en", "he", "ar", "ja", None])
def test_every_construct_is_written_as_pandoc_writes_it(
    language: str | None, theme: Theme, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert differing_parts(every_construct(language), theme, monkeypatch) == []


def test_kitchen_sink_is_written_as_pandoc_writes_it(
    kitchen_sink: Article, theme: Theme, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert differing_parts(_kitchen_without_highlighting(kitchen_sink), theme, monkeypatch) == []


def test_what_only_pandoc_writes_goes_to_pandoc(
    kitchen_sink: Article, theme: Theme, monkeypatch: pytest.MonkeyPatch
) -> None:
    task_list = Article(body=(List(items=((_p("\u2610 to do"),), (_p("\u2612 done"),))),))
    svg = "data:image/svg+xml;base64,PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4="
    for article in (kitchen_sink, task_list, Article(body=(Figure(svg, alt="vector"),))):
        with pytest.raises(Unsupported):
            direct_docx(article, theme)
        assert parts(DocxExporter().export(article, theme, ExportOptions())) == parts(
            pandoc_docx(article, theme, monkeypatch)
        )


def test_the_direct_path_starts_no_process(theme: Theme, monkeypatch: pytest.MonkeyPatch) -> None:
    article = every_construct("fr")
    direct_docx(article, theme)  # the skeleton: one pandoc run per process and theme

    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError(f"a process was started: {args[0] if args else kwargs}")

    monkeypatch.setattr(subprocess, "run", refuse)
    monkeypatch.setattr(subprocess, "Popen", refuse)
    data = DocxExporter().export(article, theme, ExportOptions())
    assert b"Every construct" in zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")


def test_broadsheet_docx_pandoc_selects_pandoc(theme: Theme, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: Any, **kwargs: Any) -> bytes:
        raise AssertionError("the direct writer ran")

    monkeypatch.setattr(docx_module, "write_direct", refuse)
    monkeypatch.setenv("BROADSHEET_DOCX", "pandoc")
    data = DocxExporter().export(every_construct("en"), theme, ExportOptions())
    assert zipfile.ZipFile(io.BytesIO(data)).testzip() is None


# --------------------------------------------------------------------------
# The corpus: pandoc's fixtures, 50 BBC stories, Readability's web pages


def corpus_documents(corpus: Path) -> list[Path]:
    pandoc = corpus / "pandoc" / "test"
    docs = [
        *sorted((pandoc / "docx").glob("*.docx")),
        *sorted((pandoc / "docx" / "golden").glob("*.docx")),
        *sorted((pandoc / "odt" / "odt").glob("*.odt")),
        *sorted((pandoc / "epub").glob("*.epub")),
        *sorted((pandoc / "command").glob("*.docx")),
        *(pandoc / name for name in ("testsuite.txt", "markdown-reader-more.txt", "pipe-tables.txt")),
        *sorted((corpus / "bbc-news" / "bbc").glob("*/*.txt"))[::6][:50],
        *sorted((corpus / "readability" / "test" / "test-pages").glob("*/source.html")),
    ]
    return [d for d in docs if d.is_file()]


def read_back(data: bytes) -> dict[str, Any]:
    tree = model.to_json(convert.read(data, name="article.docx"))
    for key in ("source", "identifier"):
        tree["meta"].pop(key, None)
    return tree


@pytest.mark.corpus
@pytest.mark.slow
def test_corpus_documents_read_back_alike(
    corpus: Path, theme: Theme, monkeypatch: pytest.MonkeyPatch
) -> None:
    every = corpus_documents(corpus)
    assert len(every) > 200
    # Every eighth document keeps the suite's time; BROADSHEET_SWEEP_STRIDE=1 takes all 267.
    docs = every[:: int(os.environ.get("BROADSHEET_SWEEP_STRIDE") or 8)]
    same, fallback, unreadable, different = 0, [], 0, []
    for path in docs:
        try:
            article = convert.read(path)
        except ConvertError:
            unreadable += 1
            continue
        try:
            got = direct_docx(article, theme)
        except Unsupported:
            fallback.append(path.name)
            continue
        want = pandoc_docx(article, theme, monkeypatch)
        if parts(got) != parts(want) or read_back(got) != read_back(want):
            different.append(str(path.relative_to(corpus)))
        else:
            same += 1
    assert different == []
    # Handed to pandoc whole: math, coloured code, task lists, EMF pictures (test_golden_... checks
    # that such an export is pandoc's own); all the rest is written directly, part for part alike.
    assert len(fallback) <= max(3, len(docs) // 10), fallback
    assert unreadable <= 2 and same >= len(docs) - len(fallback) - 2
