"""What several outputs ask of an article: its notes split by kind, its authors' names and bios.

Plain queries on the tree (layer 0, beside :mod:`convert.model`): the
exporters and the briefing both use them, so they live below both.
"""

from __future__ import annotations

from .model import Article, Note, NoteRef, walk


def footnotes(article: Article) -> list[Note]:
    """Notes referenced from the text, in order of their first reference."""
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
