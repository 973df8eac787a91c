"""The CSS an article's script asks for: its fonts, ragged or hyphenated lines, no fake italics.

Written after the theme's CSS by every exporter that uses it (HTML, EPUB, PDF, bundles).
"""

from __future__ import annotations

from ..locale.script import UNSPACED_SCRIPTS, article_script, hyphenation_language, sample_text
from ..model import Article
from ..theme import Theme
from ._fonts import has_italic, script_fonts, slanted_faces


def script_css(article: Article, theme: Theme, scope: str = "html:root", *, installed: bool = False) -> str:
    """Rules for the article's script, after the theme's CSS.

    The font stacks of ``[scripts.<code>]`` in ``theme.toml`` replace the
    theme's ``--fonts-*``; scripts without spaces between words (CJK, Thai …)
    are set ragged, as justifying them stretches only the odd Latin space; no
    hyphenation where pyphen has no dictionary for the language (WeasyPrint
    hyphenates with pyphen; browsers would use dictionaries of their own), and
    then no justification either: justified, a narrow column that cannot break
    inside a word opens gaps of several ems wherever the words are long
    (Armenian, Georgian, Tamil: 4.8 to 7.2 em; README, "Scripts and direction").
    ``scope`` is the element the rules apply in: the whole page, or one
    article of a bundle (``html:root #article-3``). ``html:root`` outranks the
    theme's ``:root`` and plain class selectors whichever stylesheet comes last.
    ``installed``: the text is set here with this machine's fonts (PDF); only then is fontconfig
    asked whether the script's face has an italic, or a slanted sibling family to use as one
    (:func:`~._fonts.slanted_faces`; the PDF's resource policy allows
    :func:`~._fonts.slanted_files`), so HTML and EPUB, read with the reader's fonts, come out the
    same on every machine.
    """
    rules = []
    script = article_script(article)
    fonts = script_fonts(theme, script)
    body = f"{scope} .article-body"
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
        if installed and not has_italic(fonts.get("body"), sample_text(article)):
            # No italic face for the script. Noto's sloped faces of a family of their own
            # (Noto Serif Tamil Slanted) are declared its italic; without them WeasyPrint and
            # browsers would slant the upright one (WeasyPrint has no font-synthesis), so nothing
            # is italic: the id in :not() outranks the theme's rules, and emphasis shows as bold,
            # as scripts without italics mark it.
            slanted = slanted_faces(fonts.get("body"), sample_text(article))
            rules += [
                f"@font-face {{ font-family: '{face.family}'; font-style: italic; "
                f"font-weight: {'bold' if face.bold else 'normal'}; src: url('{face.path.as_uri()}'); }}"
                for face in slanted
            ]
            if not slanted:
                rules.append(f"{scope}, {scope} *:not(#_) {{ font-style: normal; }}")
                rules.append(f"{scope} em:not(#_), {scope} i:not(#_) {{ font-weight: bold; }}")
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
