"""``convert FILE -o OUT/`` into a folder web pages share (:mod:`convert.batch.local`).

The batch package loads only for an output folder that has a manifest: converting one file
into any other folder imports no more than it did (tests/test_startup.py).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

#: :data:`convert.batch.manifest.MANIFEST_NAME`, without importing the batch package (a test compares them).
MANIFEST_NAME = ".broadsheet-manifest.jsonl"


def convert_local(src: str | bytes, dest: str | None, formats: list[str], **kwargs: Any) -> list[Path]:
    """:func:`convert.api.convert` of one input (a file's path, or stdin's bytes) into ``dest``; into an
    output folder with a manifest, clear of the outputs it gives other inputs (a page's)."""
    from .. import api

    if (
        isinstance(src, str)
        and dest is not None
        and dest != "-"
        and os.path.isfile(os.path.join(dest, MANIFEST_NAME))
        and os.path.isfile(src)
        and not api.dest_is_file(dest, formats)
    ):
        from ..batch.local import convert_local as under_manifest

        return under_manifest(src, dest, formats, **kwargs)
    return api.convert(src, dest, to=formats, **kwargs)
