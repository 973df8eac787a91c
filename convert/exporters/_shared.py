"""Small helpers several exporters share: notes, bios, data URIs.

What depends on the language (dates, quotation marks, labels) lives in
:mod:`convert.locale`.
"""

from __future__ import annotations

import base64
import binascii
from urllib.parse import unquote, unquote_to_bytes

from ..model import Article, Note


def footnotes(article: Article) -> list[Note]:
    """Notes referenced from the text, in order of their first reference."""
    from ..model import NoteRef, walk

    by_id = {n.id: n for n in article.notes}
    seen: list[Note] = []
    for node in walk(article.body):
        if isinstance(node, NoteRef) and node.id in by_id and by_id[node.id] not in seen:
            seen.append(by_id[node.id])
    return seen


def end_notes(article: Article) -> list[Note]:
    """Notes not referenced from the text (disclaimers, author's notes ...)."""
    referenced = {n.id for n in footnotes(article)}
    return [n for n in article.notes if n.id not in referenced]


def author_names(article: Article) -> list[str]:
    return [a.name for a in article.meta.authors]


def bios(article: Article) -> list[str]:
    return [a.bio for a in article.meta.authors if a.bio]


def decode_data_uri(uri: str) -> bytes | None:
    """The payload of a ``data:`` URI, or ``None`` when it is malformed."""
    header, sep, payload = uri[5:].partition(",")
    if not sep:
        return None
    try:
        if header.lower().endswith(";base64"):
            return base64.b64decode("".join(unquote(payload).split()), validate=True)
        return unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return None
