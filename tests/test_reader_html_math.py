"""Formulas on web pages become Math nodes (issue 12: every formula of the corpus ``mathjax`` page was dropped)."""

from __future__ import annotations

from pathlib import Path

import pytest

import convert
from convert.model import Article, Math, walk
from convert.readers.html.math import split_math

PROSE = (
    "The committee published its annual review of the school's mathematics teaching on Monday, "
    "and the report spends several pages on how pupils meet their first equations. "
)


def page(body: str, head: str = "") -> bytes:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Equations in class</title>"
        f"{head}</head><body><article><h1>Equations in class</h1>"
        f"<p>{PROSE}</p>{body}<p>{PROSE}</p></article></body></html>"
    ).encode()


def formulas(article: Article) -> list[Math]:
    return [n for n in walk(article.body) if isinstance(n, Math)]


def read(data: bytes) -> Article:
    return convert.read(data, name="page.html")


def test_mathjax2_scripts_keep_their_tex_and_drop_the_rendering() -> None:
    body = (
        "<p>Pupils first solve <span class='MathJax_Preview'>x+1=2</span>"
        "<span class='MathJax' id='MathJax-Element-1-Frame'><nobr>x+1=2 rendered</nobr></span>"
        "<script type='math/tex' id='MathJax-Element-1'>x + 1 = 2</script> and later the formula</p>"
        "<div class='MathJax_Display'><span class='MathJax'>big rendered</span></div>"
        "<script type='math/tex; mode=display'>x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}</script>"
        "<p>which most of them learn by heart before they understand it.</p>"
    )
    article = read(page(body))
    assert formulas(article) == [
        Math("x + 1 = 2"),
        Math("x = \\frac{-b \\pm \\sqrt{b^2-4ac}}{2a}", display=True),
    ]
    text = convert.model.plain_text(article.body)
    assert "rendered" not in text


def test_mathml_becomes_tex_through_pandoc() -> None:
    body = (
        "<p>The report quotes the identity <math xmlns='http://www.w3.org/1998/Math/MathML'>"
        "<mi>a</mi><mo>&#x2260;</mo><mn>0</mn></math> as the first condition pupils check, and the rule "
        "<math display='block'><mfrac><mi>x</mi><mn>2</mn></mfrac></math> as the second one.</p>"
    )
    assert formulas(read(page(body))) == [Math("a \\neq 0"), Math("\\frac{x}{2}", display=True)]


def test_mathjax3_container_and_katex_annotation() -> None:
    body = (
        "<p>In the third year they meet "
        "<mjx-container class='MathJax' jax='CHTML' display='true'><mjx-math aria-hidden='true'>"
        "<mjx-mi>E</mjx-mi></mjx-math><mjx-assistive-mml display='block'>"
        "<math><mi>E</mi><mo>=</mo><mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math>"
        "</mjx-assistive-mml></mjx-container> and in the fourth "
        "<span class='katex'><span class='katex-mathml'><math><semantics><mrow><mi>y</mi></mrow>"
        "<annotation encoding='application/x-tex'>y = mx + b</annotation></semantics></math></span>"
        "<span class='katex-html' aria-hidden='true'>y=mx+b drawn</span></span> for straight lines.</p>"
    )
    article = read(page(body))
    assert formulas(article) == [Math("E = mc^{2}", display=True), Math("y = mx + b")]
    assert "drawn" not in convert.model.plain_text(article.body)


def test_delimited_tex_is_math_only_where_a_renderer_runs() -> None:
    body = "<p>The first exercise is \\(2x = 4\\), and then \\[x^2 = 9\\] follows in the same lesson.</p>"
    with_mathjax = read(page(body, "<script src='https://cdn.example.org/mathjax/tex-chtml.js'></script>"))
    assert formulas(with_mathjax) == [Math("2x = 4"), Math("x^2 = 9", display=True)]
    plain = read(page(body))
    assert formulas(plain) == []
    assert "\\(2x = 4\\)" in convert.model.plain_text(plain.body)


def test_split_math_leaves_single_dollars_alone() -> None:
    assert split_math("It costs $5 and $$x$$ is math") == [
        convert.model.Text("It costs $5 and "),
        Math("x", display=True),
        convert.model.Text(" is math"),
    ]


def test_corpus_mathjax_page_keeps_every_formula(corpus: Path) -> None:
    src = corpus / "readability" / "test" / "test-pages" / "mathjax" / "source.html"
    if not src.exists():
        pytest.skip("the readability mathjax page is not in the corpus")
    article = convert.read(src)
    found = formulas(article)
    assert len(found) == 13  # every <mjx-container> of the page (issue 12: none were kept)
    assert Math("a \\neq 0") in found
    assert sum(m.display for m in found) == 8
    html = convert.write(article, "html").decode()
    assert html.count("<math ") == 13
