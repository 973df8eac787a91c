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

from importlib.metadata import PackageNotFoundError, version

from .api import convert, read, render, sniff, write
from .base import ExportResult
from .batch import BatchReport, convert_batch
from .errors import ConvertError, ExportError, InputError, LimitError, UsageError
from .model import Article

try:
    __version__ = version("broadsheet")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0+unknown"

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
