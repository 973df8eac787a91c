"""Readers and exporters by name: the built-in table, then entry points.

The built-in formats are declared twice on purpose: in Broadsheet's own
``pyproject.toml`` entry points, the same way a plugin declares its own, and
in :data:`BUILTIN_READERS` / :data:`BUILTIN_EXPORTERS` here, with the
metadata a command needs before it loads a class (file endings, output
ending, one-line description). The table lets ``broadsheet --version``,
``formats`` and a one-file conversion skip :mod:`importlib.metadata` (tens
of milliseconds to import and scan every installed distribution) and every
format module they do not run; ``tests/test_registry.py`` checks that the
table, the entry points and the classes' own ``ClassVar`` s agree.

Third-party formats are found through the ``broadsheet.readers`` and
``broadsheet.exporters`` entry-point groups, scanned once per process and
only when a name is not built in, or when every name is wanted
(:meth:`Registry.names`: ``formats``, a folder walk, an error's hint).
A built-in name always means the built-in format; a plugin replaces one only
through :meth:`Registry.register` with ``override=True``. Loading is lazy:
``weasyprint`` is imported only when the ``pdf`` exporter is asked for, and a
broken plugin cannot break the other formats.
"""

from __future__ import annotations

import importlib
import shutil
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from .base import Exporter, Reader
from .cache import dataclass
from .errors import ConvertError, MissingDependencyError, UnknownFormatError

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

T = TypeVar("T", Reader, Exporter)


@dataclass(frozen=True, slots=True)
class Builtin:
    """A built-in format: where its class is and what a command may know without importing it."""

    #: ``module:Class``, exactly as the entry point in ``pyproject.toml`` says.
    target: str
    description: str
    #: Readers: the file name endings the reader claims (its ``extensions``).
    extensions: tuple[str, ...] = ()
    #: Exporters: the output file's ending (its ``extension``).
    extension: str = ""
    #: Exporters that run an outside program: its name on ``PATH``. Only when it is absent is the
    #: exporter imported, for its ``missing()`` reason and ``tool_hint``.
    tool: str = ""
    #: What ``broadsheet formats`` says when ``tool`` is absent (the exporter's ``missing()``).
    missing: str = ""


BUILTIN_READERS: Mapping[str, Builtin] = {
    "text": Builtin(
        "convert.readers.text:TextReader",
        "plain-text articles (byline, title, date, dateline, notes, bio)",
        (".txt", ".text", ".sgm", ".sgml"),
    ),
    "json": Builtin("convert.readers.json:JsonReader", "Broadsheet's article tree as JSON", (".json",)),
    "html": Builtin(
        "convert.readers.html:HtmlReader",
        "Web pages: the main article and its metadata (trafilatura)",
        (".html", ".htm", ".xhtml"),
    ),
    "markdown": Builtin(
        "convert.readers.pandoc:MarkdownReader",
        "Markdown with YAML front matter (pandoc)",
        (".md", ".markdown"),
    ),
    "docx": Builtin(
        "convert.readers.pandoc:DocxReader",
        "Word documents (pandoc, with core and custom properties)",
        (".docx",),
    ),
    "odt": Builtin(
        "convert.readers.pandoc:OdtReader", "OpenDocument text (pandoc, with meta.xml)", (".odt",)
    ),
    "epub": Builtin(
        "convert.readers.pandoc:EpubReader",
        "EPUB 2/3 books and articles (pandoc, with the OPF metadata)",
        (".epub",),
    ),
    "rst": Builtin("convert.readers.pandoc:RstReader", "reStructuredText (pandoc)", (".rst",)),
    "latex": Builtin("convert.readers.pandoc:LatexReader", "LaTeX (pandoc)", (".tex", ".latex")),
    "org": Builtin("convert.readers.pandoc:OrgReader", "Emacs Org mode (pandoc)", (".org",)),
}

BUILTIN_EXPORTERS: Mapping[str, Builtin] = {
    "html": Builtin(
        "convert.exporters.html:HtmlExporter",
        "a standalone semantic HTML5 page with the theme's CSS, local images inlined",
        extension="html",
    ),
    "pdf": Builtin(
        "convert.exporters.pdf:PdfExporter",
        "a print-ready PDF (WeasyPrint): page numbers, running title, footnotes",
        extension="pdf",
    ),
    "epub": Builtin(
        "convert.exporters.epub:EpubExporter",
        "an EPUB 3 e-book: cover image, title page, the article, contents, the theme's CSS and fonts",
        extension="epub",
    ),
    "docx": Builtin(
        "convert.exporters.docx:DocxExporter",
        "Word document styled from the theme (as pandoc writes it)",
        extension="docx",
    ),
    "txt": Builtin(
        "convert.exporters.txt:TextExporter", "the whole article as wrapped plain text", extension="txt"
    ),
    "json": Builtin("convert.exporters.json:JsonExporter", "the article tree as JSON", extension="json"),
    "md": Builtin(
        "convert.exporters.md:MarkdownExporter",
        "Markdown with YAML front matter, for round trips",
        extension="md",
    ),
    "brief": Builtin(
        "convert.exporters.brief:BriefExporter",
        "a plain-text briefing: bottom line, key points, quotes, figures",
        extension="brief.txt",
    ),
    "brief.json": Builtin(
        "convert.exporters.brief_json:BriefJsonExporter", "the briefing as JSON data", extension="brief.json"
    ),
    "kepub": Builtin(
        "convert.exporters.ereader:KepubExporter",
        "a Kobo kepub: the EPUB with Kobo's koboSpan markup (.kepub.epub)",
        extension="kepub.epub",
    ),
    "azw3": Builtin(
        "convert.exporters.ereader:Azw3Exporter",
        "a Kindle book (KF8), converted from the EPUB by calibre's ebook-convert",
        extension="azw3",
        tool="ebook-convert",
        missing="needs calibre's ebook-convert",
    ),
}


class Registry(Generic[T]):
    """The formats of one entry-point group: :class:`Reader` or :class:`Exporter` classes by name."""

    def __init__(self, group: str, kind: str, builtins: Mapping[str, Builtin]) -> None:
        self.group = group
        self.kind = kind
        self.builtins = builtins
        #: Classes given to :meth:`register`; they come before the table and the entry points.
        self._classes: dict[str, type[T]] = {}
        self._loaded: dict[str, type[T]] = {}
        self._instances: dict[str, T] = {}
        self._entry_points: dict[str, EntryPoint] | None = None

    def _plugins(self) -> dict[str, EntryPoint]:
        """Entry points of the group that are not built-in names, scanned once per process."""
        if self._entry_points is None:
            from importlib.metadata import entry_points

            found: dict[str, EntryPoint] = {}
            for ep in entry_points(group=self.group):
                if ep.name.lower() not in self.builtins:
                    found.setdefault(ep.name.lower(), ep)
            self._entry_points = found
        return self._entry_points

    def names(self) -> list[str]:
        """Every format name: built-in, from entry points (a scan) and registered."""
        return sorted(set(self.builtins) | set(self._plugins()) | set(self._classes))

    def absent_tool(self, name: str) -> str | None:
        """A built-in's reason it cannot run here (its program is not on ``PATH``), or ``None``; nothing imported."""
        builtin = self.builtins[name.lower()]
        if builtin.tool and shutil.which(builtin.tool) is None:
            return builtin.missing or f"needs {builtin.tool}"
        return None

    def is_builtin(self, name: str) -> bool:
        """Whether ``name`` is a built-in format that nothing registered replaces."""
        name = name.lower()
        return name in self.builtins and name not in self._classes

    def check(self, name: str) -> None:
        """Raise :class:`UnknownFormatError` unless ``name`` is a format; nothing is imported."""
        name = name.lower()
        if name in self._classes or name in self.builtins or name in self._plugins():
            return
        raise UnknownFormatError(name, self.kind, self.names())

    def register(self, name: str, cls: type[T], *, override: bool = False) -> None:
        """Register ``cls`` under ``name`` in this process (tests, scripts)."""
        name = name.lower()
        if not override and name in self.names():
            raise ValueError(f"a {self.kind} named {name!r} exists; pass override=True")
        self._classes[name] = cls
        self._instances.pop(name, None)

    def get_class(self, name: str) -> type[T]:
        name = name.lower()
        cls = self._classes.get(name) or self._loaded.get(name)
        if cls is not None:
            return cls
        builtin = self.builtins.get(name)
        try:
            if builtin is not None:
                module, _, attr = builtin.target.partition(":")
                loaded: Any = getattr(importlib.import_module(module), attr)
            else:
                ep = self._plugins().get(name)
                if ep is None:
                    raise UnknownFormatError(name, self.kind, self.names())
                loaded = ep.load()
        except ImportError as exc:
            raise MissingDependencyError(
                f"the {name!r} {self.kind} needs {exc.name or 'a missing module'!r}",
                hint="reinstall broadsheet with its dependencies: pip install broadsheet",
            ) from exc
        self._loaded[name] = loaded
        return loaded  # type: ignore[no-any-return]

    def get(self, name: str) -> T:
        """The shared instance of the format called ``name``."""
        name = name.lower()
        inst = self._instances.get(name)
        if inst is None:
            inst = self.get_class(name)()
            self._instances[name] = inst
        return inst

    def _attr(self, name: str, attr: str) -> Any:
        name = name.lower()
        if self.is_builtin(name):
            return getattr(self.builtins[name], attr)
        return getattr(self.get_class(name), attr)

    def description(self, name: str) -> str:
        """The format's one-line description (a built-in's without importing it)."""
        return str(self._attr(name, "description"))

    def extension(self, name: str) -> str:
        """An exporter's output ending, ``pdf`` or ``brief.txt`` (a built-in's without importing it)."""
        return str(self._attr(name, "extension"))

    def extensions(self, name: str) -> tuple[str, ...]:
        """A reader's file name endings (a built-in's without importing it)."""
        return tuple(self._attr(name, "extensions") or ())

    def extension_map(self) -> dict[str, str]:
        """File name ending -> reader name for every reader (a scan); see :func:`convert.api.reader_extensions`.

        A class registered in this process keeps an ending first, then a
        built-in reader, then plugins by name; a plugin that cannot load is
        left out.
        """
        order = sorted(self._classes)
        order += [n for n in sorted(self.builtins) if n not in self._classes]
        order += [n for n in sorted(self._plugins()) if n not in self._classes]
        found: dict[str, str] = {}
        for name in order:
            try:
                endings = self.extensions(name)
            except ConvertError:
                continue
            for ext in endings:
                found.setdefault(ext.lower(), name)
        return found

    def claimed(self, ext: str) -> str | None:
        """The registered or built-in reader that claims the file ending ``ext``; no scan, no import.

        ``None`` means no such reader does: a plugin's reader may (see
        :func:`convert.api.reader_extensions`).
        """
        ext = ext.lower()
        for name in sorted(self._classes):
            if ext in (e.lower() for e in getattr(self._classes[name], "extensions", ())):
                return name
        for name in sorted(self.builtins):
            if name not in self._classes and ext in self.builtins[name].extensions:
                return name
        return None


readers: Registry[Reader] = Registry("broadsheet.readers", "input", BUILTIN_READERS)
exporters: Registry[Exporter] = Registry("broadsheet.exporters", "output", BUILTIN_EXPORTERS)
