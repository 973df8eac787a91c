"""Made-up article bodies for the HTML reader's step tests: a paragraph of plain text, and a body's
blocks as their texts."""

from __future__ import annotations

from convert.model import Block, Paragraph, Text, plain_text


def para(text: str) -> Paragraph:
    return Paragraph((Text(text),))


def texts(body: list[Block]) -> list[str]:
    return [plain_text(b) for b in body]
