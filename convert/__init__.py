"""Broadsheet: articles in, finished documents out.

The Python API (see the README for examples)::

    import convert
    article = convert.read("op-ed.txt")             # -> convert.model.Article
    pdf = convert.write(article, "pdf")             # -> bytes
    convert.write(article, "epub", "out/op-ed.epub")  # -> Path, written atomically
    result = convert.render(article, "pdf")         # -> ExportResult: .data, .warnings
    convert.convert("op-ed.txt", "out/", to=["pdf", "docx"])
    convert.convert_batch("articles/", "out/", to=["pdf", "epub"], jobs=4)  # -> BatchReport
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ._version import __version__

if TYPE_CHECKING:
    from .api import convert, read, render, sniff, write
    from .base import ExportResult
    from .batch import BatchReport, convert_batch
    from .errors import ConvertError, ExportError, InputError, LimitError, UsageError
    from .model import Article

# Names are imported on first use (PEP 562), so ``import convert.cli`` and
# ``broadsheet --version`` do not load the readers, the passes and the batch
# engine; ``from convert import read`` works as before.
_LAZY = {
    "convert": "api",
    "read": "api",
    "render": "api",
    "sniff": "api",
    "write": "api",
    "ExportResult": "base",
    "BatchReport": "batch",
    "convert_batch": "batch",
    "ConvertError": "errors",
    "ExportError": "errors",
    "InputError": "errors",
    "LimitError": "errors",
    "UsageError": "errors",
    "Article": "model",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'convert' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Article",
    "BatchReport",
    "ConvertError",
    "ExportError",
    "ExportResult",
    "InputError",
    "LimitError",
    "UsageError",
    "__version__",
    "convert",
    "convert_batch",
    "read",
    "render",
    "sniff",
    "write",
]
