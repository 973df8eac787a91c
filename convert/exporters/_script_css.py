"""The CSS an article's script asks for: its fonts, ragged or hyphenated lines, no fake italics.

Written after the theme's CSS by every exporter that uses it (HTML, EPUB, PDF, bundles).
"""

from __future__ import annotations

import functools
import re
from typing import Any

from ..locale.script import UNSPACED_SCRIPTS, article_script, hyphenation_language, sample_text
from ..model import Article
from ..theme import Theme
from ._fonts import has_italic, script_fonts, slanted_faces


def script_css(
    article: Article,
    theme: Theme,
    scope: str = "html:root",
    *,
    installed: bool = False,
    kinds: tuple[str, ...] | None = None,
) -> str:
    """Rules for the article's script, after the theme's CSS.

    The font stacks of ``[scripts.<code>]`` in ``theme.toml`` replace the
    theme's ``--fonts-*``; scripts without spaces between words (CJK, Thai …)
    are set ragged, as justifying them stretches only the odd Latin space; no
    hyphenation where pyphen has no dictionary for the language (WeasyPrint
    hyphenates with pyphen; browsers would use dictionaries of their own), and
    then no justification either: justified, a narrow column that cannot break
    inside a word opens gaps of several ems wherever the words are long
    (Armenian, Georgian, Tamil: 4.8 to 7.2 em; README, "Scripts and direction").
    The rule is a blanket ``text-align: start`` whatever way the theme writes its justification
    (a ``var()``, nesting, ``@layer``, ``justify-all``); a theme that wants another alignment for
    these languages says so with ``!important``, which wins in every format (review r48b: copying
    the theme's own rules with justify replaced missed those spellings and cost per article).
    ``scope`` is the element the rules apply in: the whole page, or one
    article of a bundle (``html:root #article-3``). ``html:root`` outranks the
    theme's ``:root`` and plain class selectors whichever stylesheet comes last.
    ``kinds``: the theme's CSS files the document uses (``theme.css(*kinds)``; default the PDF's,
    ``css`` and ``print_css``, when ``installed``, else the HTML's, ``css``).
    ``installed``: the text is set here with this machine's fonts (PDF); only then is fontconfig
    asked whether the script's faces have an italic, or a slanted sibling family the PDF declares
    as one (:func:`~._fonts.slanted_italics`), so HTML and EPUB, read with the reader's fonts,
    come out the same on every machine.
    """
    rules = []
    script = article_script(article)
    fonts = script_fonts(theme, script)
    body = f"{scope} .article-body"
    css = theme.css(*(kinds or (("css", "print_css") if installed else ("css",))))
    props = [
        f"--fonts-{key}: {value};"
        for key, value in fonts.items()
        if key in ("body", "heading", "sans", "mono") and "}" not in value
    ]
    if props:
        rules.append(f"{scope} {{ " + " ".join(props) + " }")
        # The print theme asks for a narrower cut (semi-condensed) that these families lack:
        # fontconfig would then prefer any condensed face with the letters (DejaVu Sans Condensed).
        rules.append(f"{body} {{ font-stretch: normal; }}")
        if installed:
            rules += _upright(article, fonts, css, scope)
    unspaced = script in UNSPACED_SCRIPTS or script in ("Hans", "Hant", "Jpan")
    # Not p.equation: `html:root .article-body p` would outrank the theme's centring of it.
    paragraphs = f"{body}, {body} p:not(.equation)"
    if unspaced:
        rules.append(
            f"{paragraphs} {{ text-align: start; hyphens: manual; -epub-hyphens: none; line-break: strict; }}"
        )
    elif hyphenation_language(article.meta.language) is None:
        rules.append(f"{paragraphs} {{ text-align: start; hyphens: manual; -epub-hyphens: none; }}")
    return "\n".join(rules)


def _upright(article: Article, fonts: dict[str, str], css: str, scope: str) -> list[str]:
    """No fake italic where the face that sets the script's letters has no italic.

    WeasyPrint (no font-synthesis) and browsers would slant the upright face, so nothing would look
    italic: such text is set upright (the id in ``:not()`` outranks the theme's rules) and emphasis
    bold, as scripts without italics mark it. Noto's sloped faces of a family of their own (Noto
    Serif Tamil Slanted) are the italic of the family they slant, declared by the PDF exporter for
    every document: then only the elements the theme sets in another stack without one (captions
    and table headers in Noto Sans Tamil: ``font-family: var(--fonts-sans)``) stay upright.
    """
    text = sample_text(article)
    if has_italic(fonts.get("body"), text):
        return []
    if not slanted_faces(fonts.get("body"), text):
        return [
            f"{scope}, {scope} *:not(#_) {{ font-style: normal; }}",
            f"{scope} em:not(#_), {scope} i:not(#_) {{ font-weight: bold; }}",
        ]
    keys = {
        key
        for key, stack in fonts.items()
        if key in ("heading", "sans", "mono")
        and not has_italic(stack, text)
        and not slanted_faces(stack, text)
    }
    declared = _declarations(css, ("font-family", "font"))
    sets = [
        selector for _, selectors, value in declared if _stack_key(value) in keys for selector in selectors
    ]
    if not sets:
        return []
    # One rule per selector: a selector WeasyPrint cannot parse (`:dir()`) drops its own rule
    # only, not the others' (review r48b #4).
    return [
        rule
        for within in sets
        for rule in (
            f"{scope} :is({within}):not(#_), {scope} :is({within}) *:not(#_) {{ font-style: normal; }}",
            f"{scope} :is({within}) :is(em, i):not(#_) {{ font-weight: bold; }}",
        )
    ]


_PSEUDO_ELEMENT = re.compile(r"::|:(?:before|after|first-line|first-letter)\b", re.IGNORECASE)
_STACK = re.compile(r"var\(\s*--fonts-([a-z]+)")


def _stack_key(value: str) -> str | None:
    """The ``[fonts]`` stack a ``font-family`` or ``font`` value names (``var(--fonts-sans)``)."""
    found = _STACK.search(value)
    return found.group(1) if found else None


@functools.lru_cache(maxsize=16)
def _declarations(css: str, names: tuple[str, ...]) -> tuple[tuple[str, tuple[str, ...], str], ...]:
    """``(media query or "", selectors, value)`` of each declaration of ``names`` in the style
    sheet's rules and ``@media`` blocks, in order; selectors of pseudo-elements left out."""
    import tinycss2  # type: ignore[import-untyped]

    found: list[tuple[str, tuple[str, ...], str]] = []

    def walk(rules: list[Any], media: str) -> None:
        for rule in rules:
            if rule.type == "at-rule" and rule.lower_at_keyword == "media" and rule.content and not media:
                walk(
                    tinycss2.parse_rule_list(rule.content, True, True),
                    tinycss2.serialize(rule.prelude).strip(),
                )
            if rule.type != "qualified-rule":
                continue
            parts: list[list[Any]] = [[]]  # the selector list split at its own commas, not :is()'s
            for token in rule.prelude:
                if token.type == "literal" and token.value == ",":
                    parts.append([])
                else:
                    parts[-1].append(token)
            selectors = tuple(
                selector
                for part in parts
                if (selector := tinycss2.serialize(part).strip()) and not _PSEUDO_ELEMENT.search(selector)
            )
            for item in tinycss2.parse_declaration_list(rule.content, True, True):
                if item.type == "declaration" and item.lower_name in names:
                    value = tinycss2.serialize(item.value).strip() + (" !important" if item.important else "")
                    if selectors:
                        found.append((media, selectors, value))

    walk(tinycss2.parse_stylesheet(css, True, True), "")
    return tuple(found)
