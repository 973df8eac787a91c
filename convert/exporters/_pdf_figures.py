"""Figures as the PDF shows them: alternative text for the tagged PDF, refused images as text."""

from __future__ import annotations

from ..fetch import ResourcePolicy
from ..model import Article, Block, Figure, plain_text, replace
from ._html_head import _is_remote
from ._structure import nested_headings
from .html import FigureMap, figure_as_text, map_figures


def tagged_article(article: Article) -> Article:
    """The article as the tagged PDF needs it (PDF/UA, Matterhorn checkpoints 13 and 14).

    Headings never skip a level (:func:`~._structure.nested_headings`). A
    figure without alt text takes its caption as its alternative; one with
    neither is decoration, and :func:`.pdf.mark_artifacts` takes it out of the
    structure tree.
    """
    return map_figures_everywhere(nested_headings(article), _caption_as_alt)


def refused_as_text(policy: ResourcePolicy, refused: list[str], language: str | None) -> FigureMap:
    """A remote image the policy refuses is written as its alt text, caption and credit (noted in ``refused``).

    As the HTML, EPUB and DOCX exporters write it: left to WeasyPrint, a refused image shows its alt
    text above its caption, which often says the same words twice.
    """

    def figure(node: Figure) -> tuple[Block, ...]:
        if not _is_remote(node.src.strip()) or policy.refusal(node.src.strip()) is None:
            return (node,)
        refused.append(node.src)
        return figure_as_text(node.alt, node.caption, node.credit, language)

    return figure


def _caption_as_alt(figure: Figure) -> tuple[Block, ...]:
    if figure.alt.strip() or not plain_text(figure.caption).strip():
        return (figure,)
    return (replace(figure, alt=" ".join(plain_text(figure.caption).split())),)


def map_figures_everywhere(article: Article, fn: FigureMap) -> Article:
    """``article`` with ``fn`` applied to every figure of the body and the notes."""
    notes = tuple(replace(n, body=map_figures(n.body, fn)) for n in article.notes)
    return replace(article, body=map_figures(article.body, fn), notes=notes)
