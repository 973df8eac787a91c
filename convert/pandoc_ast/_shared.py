"""What both directions share: pandoc JSON node helpers, the Divs' Word styles, the bio heading."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

Json = dict[str, Any]

#: Header text of the author-bio section: one author, several (translated; read back in any catalogue's words).
BIO_HEADINGS = ("About the author", "About the authors")
#: Word paragraph styles the DOCX reference document defines for our Divs.
DOCX_STYLES = {"notes": "Notes", "attribution": "Attribution", "bio": "Bio", "dateline": "Dateline"}


def _attr(ident: str = "", classes: Sequence[str] = (), kv: Iterable[tuple[str, str]] = ()) -> list[Any]:
    return [ident, list(classes), [[k, v] for k, v in kv]]


def _el(tag: str, content: Any = None) -> Json:
    return {"t": tag} if content is None else {"t": tag, "c": content}


def _kv(attr: Any) -> dict[str, str]:
    return {str(k): str(v) for k, v in attr[2]}


def _classes(attr: Any) -> list[str]:
    return [str(c) for c in attr[1]]


def stringify(nodes: Any) -> str:
    """The plain text of pandoc inlines or blocks (for metadata and alt text)."""
    if isinstance(nodes, list):
        parts = [stringify(n) for n in nodes]
        if nodes and isinstance(nodes[0], dict) and nodes[0].get("t") in _BLOCK_TAGS:
            return "\n\n".join(p for p in parts if p)
        return "".join(parts)
    if not isinstance(nodes, dict):
        return ""
    tag: Any = nodes.get("t")
    c: Any = nodes.get("c")
    match tag:
        case "Str":
            return str(c)
        case "Space" | "SoftBreak" | "LineBreak":
            return " "
        case "Code" | "Math":
            return str(c[1])
        case "Quoted":
            left, right = ("‘", "’") if c[0].get("t") == "SingleQuote" else ("“", "”")
            return left + stringify(c[1]) + right
        case "Note" | "RawInline" | "RawBlock" | "HorizontalRule":
            return ""
        case "Link" | "Image" | "Span" | "Cite":
            return stringify(c[1])
        case "Header":
            return stringify(c[2])
        case "CodeBlock":
            return str(c[1])
        case "Div" | "Figure":
            return stringify(c[-1])
        case "OrderedList":
            return "\n".join(stringify(item) for item in c[1])
        case "BulletList":
            return "\n".join(stringify(item) for item in c)
        case "MetaString":
            return str(c)
        case "MetaBool":
            return "true" if c else "false"
        case _:
            return stringify(c) if isinstance(c, list) else ""


_BLOCK_TAGS = frozenset(
    "Plain Para LineBlock CodeBlock RawBlock BlockQuote OrderedList BulletList DefinitionList "
    "Header HorizontalRule Table Figure Div".split()
)
