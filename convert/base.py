"""The contracts between the core and the formats.

A **reader** turns bytes into an :class:`~convert.model.Article`; an
**exporter** turns an article into bytes. Both are plain classes registered
by name through entry points (``broadsheet.readers`` and
``broadsheet.exporters``), so a third-party package adds a format with one
line in its own ``pyproject.toml``::

    [project.entry-points."broadsheet.exporters"]
    odt = "mypackage.odt:OdtExporter"

Readers and exporters are instantiated once per process and may keep
expensive state (parsed CSS, loaded fonts, a pandoc reference document) on
the instance; ``export``/``read`` must not mutate it in ways that change the
output of a later call.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

from .cache import dataclass
from .model import Article

if TYPE_CHECKING:
    from .theme import Theme


@dataclass(frozen=True, slots=True)
class ReadOptions:
    """What a reader may need beyond the bytes.

    ``path`` is the input's path (``None`` for bytes or stdin); ``base_dir``
    is the only folder local resources (images) may come from.
    ``provenance``, when a dict is given, is filled by readers that can say
    where each metadata field came from (``{"title": "<meta property=
    og:title>"}``); ``broadsheet inspect --explain`` shows it.
    ``require_text=False`` lets the web-page reader return what it found
    (the metadata) for a page with no article text, instead of refusing it;
    ``inspect --allow-empty`` uses it, conversions never do.
    ``warnings``, when a list is given, collects one line per thing a reader
    repaired or left out (lines not in the file's encoding ...).
    ``url`` is the address the bytes were fetched from (``None`` for a file
    or bytes): a fetched page's relative links and images resolve against it.
    ``language`` is the language the user gave (``--language``, ``--meta language=``), a BCP 47
    tag: every locale rule of the reader (dates, datelines, bylines) reads by it, as if identified.
    """

    path: Path | None = None
    base_dir: Path | None = None
    allow_remote: bool = False
    provenance: dict[str, str] | None = None
    require_text: bool = True
    warnings: list[str] | None = None
    url: str | None = None
    language: str | None = None


#: Where ``ExportOptions.notes`` may put footnotes.
NOTE_PLACES = ("foot", "end")


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Options shared by the exporters; each uses what applies to it.

    ``width`` overrides the theme's text width (plain-text formats);
    ``base_dir`` is the folder relative resources resolve against;
    ``pdf_variant`` asks WeasyPrint for ``pdf/a-3b``, ``pdf/ua-1`` etc.
    ``notes`` places the notes referenced from the text: ``"foot"`` (at the
    foot of the page in PDF, pop-up notes in EPUB, Word footnotes in DOCX) or
    ``"end"`` (a numbered list after the article in every format).
    What an exporter leaves out (a refused remote image ...) it reports with
    :func:`warn`, not through the options; :func:`convert.api.render` returns
    those lines as :attr:`ExportResult.warnings`.
    """

    width: int | None = None
    base_dir: Path | None = None
    allow_remote: bool = False
    pdf_variant: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    #: With ``allow_remote``: only these hosts (and their subdomains); empty = any host.
    allowed_hosts: tuple[str, ...] = ()
    notes: str = "foot"

    def __post_init__(self) -> None:
        if self.notes not in NOTE_PLACES:
            raise ValueError(f"notes must be one of {', '.join(NOTE_PLACES)}, got {self.notes!r}")

    #: A PNG or JPEG to use as the book's cover (EPUB) instead of the generated one.
    cover: Path | None = None
    #: PDF: put the cover (``cover``, else the generated one) on a page before the article
    #: (digests and bundles, which are books; a single article's PDF opens with its headline).
    cover_page: bool = False


@runtime_checkable
class Reader(Protocol):
    """Reads one kind of source into an article.

    Required: ``name`` (the ``--from`` name, as in the entry point),
    ``extensions`` (file name endings with the dot, ``(".note",)``: a folder
    walk and sniffing pick the reader by them), ``description`` (one line for
    ``broadsheet formats``) and :meth:`read`.

    Optional: ``media_types`` (``("text/x-note",)``), and a
    ``sniff(data: bytes) -> bool`` method saying whether the first bytes of
    a file are this format; when present it is asked before the file name
    ending is (see :func:`convert.api.sniff`). See ``docs/plugins.md``.
    """

    name: ClassVar[str]
    #: File name endings this reader claims (``".txt"``), used by sniffing and folder walks.
    extensions: ClassVar[tuple[str, ...]]
    description: ClassVar[str]

    def read(self, data: bytes, options: ReadOptions) -> Article:
        """Parse ``data``; raise :class:`~convert.errors.InputError` if it cannot."""
        ...


@runtime_checkable
class Exporter(Protocol):
    """Writes an article in one format.

    Required: ``name`` (the ``--to`` name), ``extension`` (the output file
    ending without the dot), ``media_type``, ``description`` and
    :meth:`export`. Optional: ``export_many`` (see :class:`BookExporter`),
    which lets ``broadsheet bundle`` make one book of many articles.
    """

    name: ClassVar[str]
    #: The file name ending of outputs, without the dot (``"pdf"``).
    extension: ClassVar[str]
    media_type: ClassVar[str]
    description: ClassVar[str]

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        """The finished document; raise :class:`~convert.errors.ExportError` on failure."""
        ...


@runtime_checkable
class BookExporter(Exporter, Protocol):
    """An exporter that can also put many articles into one book (``broadsheet bundle``)."""

    def export_many(
        self,
        articles: Sequence[Article],
        style: Theme,
        options: ExportOptions,
        *,
        title: str,
        subtitle: str | None = None,
        language: str | None = None,
        folders: Sequence[Path | None] = (),
    ) -> bytes:
        """One document holding ``articles`` in order, under ``title``.

        ``language`` is the book's own (``None``: the articles' if they
        agree); ``folders[n]`` is the folder article ``n``'s relative
        resources resolve in and the only local folder it may load from.
        Things left out are reported with :func:`warn`.
        """
        ...


def can_bundle(exporter: object) -> bool:
    """Whether an exporter (class or instance) implements ``export_many``."""
    return callable(getattr(exporter, "export_many", None))


# --------------------------------------------------------------------------
# Warnings as values


@dataclass(frozen=True, slots=True)
class ExportResult:
    """An exporter's document and what it left out, one line each (``pdf: skipped resource …``)."""

    data: bytes
    warnings: tuple[str, ...] = ()


_collector: ContextVar[list[str] | None] = ContextVar("broadsheet_export_warnings", default=None)


def warn(line: str) -> None:
    """Report one thing an exporter (or reader) repaired or left out.

    The line goes to the innermost :func:`collect_warnings` block of the
    current thread or task, and nowhere when there is none: an exporter
    calls it without knowing who listens. :func:`convert.api.render` returns
    the lines in :attr:`ExportResult.warnings`.
    """
    found = _collector.get()
    if found is not None:
        found.append(line)


@contextmanager
def collect_warnings() -> Iterator[list[str]]:
    """``with collect_warnings() as found:`` -- the lines :func:`warn` gives inside the block."""
    found: list[str] = []
    token = _collector.set(found)
    try:
        yield found
    finally:
        _collector.reset(token)
