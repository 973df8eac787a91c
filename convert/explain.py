"""Where each metadata field came from: ``broadsheet inspect --explain``.

Readers that can say so fill ``ReadOptions.provenance`` (``{"title": "line 3
(first short line without a final period)"}``); :func:`read_explained`
collects it through :func:`convert.api.read`, and :func:`explain_fields`
pairs each field's value with its source, so users can check a guess
instead of trusting it.

>>> article, where = read_explained("samples/ashgabat-oped.txt")
>>> where["published"]
"line 5: 'October 14, 2024 - 22:37' (parse_date_line)"
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any

from .api import read
from .model import Article, Metadata

#: Shown for a field that has a value but whose reader did not say where it found it.
UNKNOWN_SOURCE = "(the reader did not say)"

#: Readers quote the text they read with ``repr``, which escapes every character Unicode does not
#: call printable. The zero-width non-joiner and joiner (U+200C, U+200D) are among them, but they are
#: parts of words (Persian `دانشگاه‌ها`, Indic conjuncts, emoji sequences), so they are shown as
#: they are; bidi overrides, isolates and other controls keep their escapes. An escape follows an
#: even run of backslashes (an odd one is a backslash the text itself holds).
_JOINER_ESCAPE = re.compile(r"(?<!\\)((?:\\\\)*)\\u200([cd])")


def _joiners_shown(where: str) -> str:
    return _JOINER_ESCAPE.sub(lambda m: m.group(1) + chr(0x2000 + int(m.group(2), 16)), where)


def read_explained(src: str | os.PathLike[str] | bytes, **kwargs: Any) -> tuple[Article, dict[str, str]]:
    """:func:`convert.api.read` plus where each metadata field came from (field -> source)."""
    if "provenance" in kwargs:
        raise TypeError("read_explained() collects the provenance itself; do not pass provenance=")
    provenance: dict[str, str] = {}
    article = read(src, provenance=provenance, **kwargs)
    return article, {key: _joiners_shown(where) for key, where in provenance.items()}


def _values(meta: Metadata) -> list[tuple[str, str | None]]:
    return [
        ("title", meta.title),
        ("subtitle", meta.subtitle),
        ("authors", "; ".join(a.name for a in meta.authors) or None),
        ("role", "; ".join(f"{a.name}: {a.role}" for a in meta.authors if a.role) or None),
        ("bio", "; ".join(_bio(a.name, a.bio) for a in meta.authors if a.bio) or None),
        ("published", meta.published),
        ("updated", meta.updated),
        ("dateline", meta.dateline),
        ("publisher", meta.publisher),
        ("language", meta.language),
        ("direction", meta.direction),
        ("description", meta.description),
        ("keywords", ", ".join(meta.keywords) or None),
        ("url", meta.url),
        ("rights", meta.rights),
        ("identifier", meta.identifier),
    ]


def _bio(name: str, bio: str) -> str:
    """The bio as written, after its author's name unless it opens with it."""
    return bio if bio.startswith(name) else f"{name}: {bio}"


def explain_fields(article: Article, provenance: Mapping[str, str]) -> list[tuple[str, str, str]]:
    """``(field, value, source)`` for every metadata field with a value, then any other entries.

    Other entries are what readers report beyond the metadata fields: notes
    (``notes.n1``), embedded images.
    """
    rows: list[tuple[str, str, str]] = []
    for name, value in _values(article.meta):
        if value is None:
            continue
        where = provenance.get(name)
        if name in ("role", "bio") and where is None:
            continue
        rows.append((name, value, _joiners_shown(where) if where else UNKNOWN_SOURCE))
    shown = {r[0] for r in rows}
    notes = {n.id: n for n in article.notes}
    for key, where in provenance.items():
        if key in shown or key in dict(_values(article.meta)):
            continue
        note = notes.get(key.removeprefix("notes.")) if key.startswith("notes.") else None
        rows.append((key, f"[{note.kind}]" if note else "", _joiners_shown(where)))
    return rows


def explain_text(article: Article, provenance: Mapping[str, str], width: int = 60) -> str:
    """The rows of :func:`explain_fields` as aligned text: ``field: value`` then ``<- source``."""
    lines = []
    for name, value, where in explain_fields(article, provenance):
        short = value if len(value) <= width else value[: width - 1] + "…"
        lines.append(f"{name:>12}: {short}" if short else f"{name:>12}:")
        lines.append(f"{'':>12}  <- {where}")
    return "\n".join(lines)
