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

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, runtime_checkable

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
    """

    path: Path | None = None
    base_dir: Path | None = None
    allow_remote: bool = False
    provenance: dict[str, str] | None = None
    require_text: bool = True
    warnings: list[str] | None = None


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """Options shared by the exporters; each uses what applies to it.

    ``width`` overrides the theme's text width (plain-text formats);
    ``base_dir`` is the folder relative resources resolve against;
    ``pdf_variant`` asks WeasyPrint for ``pdf/a-3b``, ``pdf/ua-1`` etc.
    ``warnings``, when a list is given, collects one line per thing an
    exporter left out (a refused remote image ...); the CLI prints them.
    """

    width: int | None = None
    base_dir: Path | None = None
    allow_remote: bool = False
    pdf_variant: str | None = None
    extra: dict[str, str] = field(default_factory=dict)
    warnings: list[str] | None = None
    #: With ``allow_remote``: only these hosts (and their subdomains); empty = any host.
    allowed_hosts: tuple[str, ...] = ()


@runtime_checkable
class Reader(Protocol):
    """Reads one kind of source into an article."""

    name: ClassVar[str]
    #: File name endings this reader claims (``".txt"``), used by sniffing.
    extensions: ClassVar[tuple[str, ...]]
    description: ClassVar[str]

    def read(self, data: bytes, options: ReadOptions) -> Article:
        """Parse ``data``; raise :class:`~convert.errors.InputError` if it cannot."""
        ...


@runtime_checkable
class Exporter(Protocol):
    """Writes an article in one format."""

    name: ClassVar[str]
    #: The file name ending of outputs, without the dot (``"pdf"``).
    extension: ClassVar[str]
    media_type: ClassVar[str]
    description: ClassVar[str]

    def export(self, article: Article, style: Theme, options: ExportOptions) -> bytes:
        """The finished document; raise :class:`~convert.errors.ExportError` on failure."""
        ...
