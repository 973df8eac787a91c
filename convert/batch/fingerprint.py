"""Fingerprints: what an output depends on, hashed.

An output is up to date when the manifest holds the same fingerprint for it
and the file exists. The fingerprint covers the input's bytes, the format,
every option that changes the output, the theme's files and Broadsheet's
version, so upgrading Broadsheet or editing the theme reconverts everything.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

_CHUNK = 1 << 20


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file's bytes, read in chunks (inputs may be large)."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def options_key(options: Mapping[str, Any]) -> str:
    """A canonical JSON form of the options, so equal options hash equal."""
    return json.dumps(options, sort_keys=True, separators=(",", ":"), ensure_ascii=True, default=str)


def output_fingerprint(input_sha256: str, fmt: str, options: str, theme: str, version: str) -> str:
    """The fingerprint of one output file."""
    h = hashlib.sha256()
    for part in ("broadsheet-batch-1", input_sha256, fmt, options, theme, version):
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.hexdigest()
