"""Document structure the accessible formats (EPUB, PDF) need and a source may not give."""

from __future__ import annotations

from ..model import Article, Block, BlockQuote, Heading, List, replace


def nested_headings(article: Article) -> Article:
    """Heading levels that never skip one: an h2 followed by an h4 becomes h2, h3.

    The renderer writes the title as h1 and body headings from h2 down
    (``html.Renderer``), so each heading here is at most one level below the
    one before it, counting from the title, in document order (body, then
    notes). Screen-reader users move by heading level; a skipped level reads
    as a missing section (WCAG 1.3.1; axe's heading-order; PDF/UA
    Matterhorn 14-003).
    """
    state = [1]
    body = _blocks(article.body, state)
    notes = tuple(replace(n, body=_blocks(n.body, state)) for n in article.notes)
    return replace(article, body=body, notes=notes)


def _blocks(blocks: tuple[Block, ...], state: list[int]) -> tuple[Block, ...]:
    out: list[Block] = []
    for block in blocks:
        match block:
            case Heading(level=level):
                state[0] = min(min(6, max(2, level)), state[0] + 1)
                out.append(block if block.level == state[0] else replace(block, level=state[0]))
            case BlockQuote(body=body):
                out.append(replace(block, body=_blocks(body, state)))
            case List(items=items):
                out.append(replace(block, items=tuple(_blocks(item, state) for item in items)))
            case _:
                out.append(block)
    return tuple(out)
