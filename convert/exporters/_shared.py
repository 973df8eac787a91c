"""Small helpers several exporters share: quotation marks, dates, labels."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
from urllib.parse import unquote, unquote_to_bytes

from ..dates import parse_iso
from ..model import Article, Note

# Outer and inner quotation marks by language (primary subtag).
_QUOTES: dict[str, tuple[tuple[str, str], tuple[str, str]]] = {
    "en": (("\u201c", "\u201d"), ("\u2018", "\u2019")),
    "de": (("\u201e", "\u201c"), ("\u201a", "\u2018")),
    "fr": (("\u00ab\u202f", "\u202f\u00bb"), ("\u201c", "\u201d")),
    "ru": (("\u00ab", "\u00bb"), ("\u201e", "\u201c")),
    "uk": (("\u00ab", "\u00bb"), ("\u201e", "\u201c")),
    "es": (("\u00ab", "\u00bb"), ("\u201c", "\u201d")),
    "it": (("\u00ab", "\u00bb"), ("\u201c", "\u201d")),
    "pl": (("\u201e", "\u201d"), ("\u00ab", "\u00bb")),
    "nl": (("\u201c", "\u201d"), ("\u2018", "\u2019")),
    "sv": (("\u201d", "\u201d"), ("\u2019", "\u2019")),
}


def quote_marks(language: str | None, depth: int = 0) -> tuple[str, str]:
    """The opening and closing marks for a quotation ``depth`` levels deep."""
    primary = (language or "en").split("-")[0].lower()
    outer, inner = _QUOTES.get(primary, _QUOTES["en"])
    return outer if depth % 2 == 0 else inner


NOTE_LABELS = {
    "footnote": "Note",
    "author-note": "Author’s note",
    "disclaimer": "Disclaimer",
    "editor-note": "Editor’s note",
    "correction": "Correction",
    "note": "Note",
}


def note_label(note: Note) -> str:
    return NOTE_LABELS.get(note.kind, note.kind.replace("-", " ").capitalize())


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


def human_date(value: str | None, language: str | None = "en") -> str | None:
    """``2024-10-14T22:37:00`` -> ``October 14, 2024, 22:37`` (English), ISO elsewhere."""
    parsed = parse_iso(value)
    if parsed is None:
        return value
    primary = (language or "en").split("-")[0].lower()
    if primary != "en":
        if isinstance(parsed, dt.datetime):
            return parsed.strftime("%Y-%m-%d %H:%M")
        return parsed.isoformat()
    date_part = f"{parsed:%B} {parsed.day}, {parsed.year}"
    if isinstance(parsed, dt.datetime):
        return f"{date_part}, {parsed:%H:%M}"
    return date_part


def author_names(article: Article) -> list[str]:
    return [a.name for a in article.meta.authors]


def byline(article: Article) -> str | None:
    """``By A``, ``By A and B``, ``By A, B and C``."""
    names = author_names(article)
    if not names:
        return None
    if len(names) == 1:
        return f"By {names[0]}"
    return "By " + ", ".join(names[:-1]) + " and " + names[-1]


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
