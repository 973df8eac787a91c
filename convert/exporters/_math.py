"""TeX formulas (:class:`~convert.model.Math`) drawn for the formats that can show them.

- :func:`mathml`: Presentation MathML, from ``latex2mathml`` (pure Python,
  maintained), for HTML and EPUB 3, whose reading systems render MathML.
- :func:`svg`: an SVG drawing, from ``ziamath``, for the PDF. WeasyPrint does
  not lay out MathML, so the formula is drawn: ziamath typesets the same
  MathML with the OpenType MATH table of the STIX Two Math font it ships
  (pure Python, no TeX installation, no browser), where ``matplotlib.mathtext``
  would pull in NumPy and knows only a subset of TeX layout.

Both raise :class:`MathError` for TeX they cannot read; the caller keeps the
source as code then and says so with one warning line.
"""

from __future__ import annotations

import base64
import re
import warnings
import xml.etree.ElementTree as ET
from functools import lru_cache

#: The size ziamath lays formulas out at; the SVG is then scaled to the text's em.
_UNITS = 100.0
_MATHML_NS = "http://www.w3.org/1998/Math/MathML"


class MathError(ValueError):
    """The TeX could not be converted."""


@lru_cache(maxsize=512)
def mathml(tex: str, display: bool = False) -> str:
    """``<math>`` markup for ``tex``, well-formed XML (fit for XHTML), with the TeX as ``alttext``."""
    from latex2mathml.converter import convert

    try:
        markup = convert(tex, display="block" if display else "inline")
        root = ET.fromstring(markup)
    except Exception as exc:  # latex2mathml raises bare errors of many kinds on bad TeX
        raise MathError(f"cannot read the TeX formula {_short(tex)!r}") from exc
    root.set("alttext", tex)
    ET.register_namespace("", _MATHML_NS)
    return ET.tostring(root, encoding="unicode")


@lru_cache(maxsize=512)
def svg(tex: str, display: bool = False) -> tuple[str, float, float, float]:
    """``(svg markup, width, height, depth)`` for ``tex``; sizes in em of the surrounding text.

    ``depth`` is how far the drawing reaches below the baseline, for CSS
    ``vertical-align``.
    """
    with warnings.catch_warnings():
        # ziamath 0.13 finds its font with importlib.resources.path, deprecated since Python 3.11.
        warnings.simplefilter("ignore", DeprecationWarning)
        from ziamath.config import config
        from ziamath.zmath import Latex

    config.svg2 = False  # plain paths, no <symbol>/<use>: every SVG renderer draws them
    try:
        drawing = Latex(tex, size=_UNITS, inline=not display, margin=0)
        root = drawing.svgxml()
        bbox = drawing.node.bbox
    except Exception as exc:  # ziamath raises bare errors of many kinds on bad TeX
        raise MathError(f"cannot draw the TeX formula {_short(tex)!r}") from exc
    width = float(root.get("width") or 0) / _UNITS
    height = float(root.get("height") or 0) / _UNITS
    depth = max(0.0, -bbox.ymin / _UNITS)
    return ET.tostring(root, encoding="unicode"), width, height, depth


def svg_img(tex: str, display: bool, alt: str) -> str:
    """An ``<img>`` drawing ``tex`` at the text's size, sitting on its baseline (for WeasyPrint)."""
    markup, width, height, depth = svg(tex, display)
    uri = "data:image/svg+xml;base64," + base64.b64encode(markup.encode("utf-8")).decode("ascii")
    # The height follows the SVG's own proportions, so a formula narrowed to its column keeps its shape.
    style = f"width: {width:.3f}em; height: auto; vertical-align: {-depth:.3f}em"
    cls = "math display" if display else "math"
    return f'<img class="{cls}" src="{uri}" alt="{alt}" style="{style}">'


def _short(tex: str) -> str:
    tex = re.sub(r"\s+", " ", tex).strip()
    return tex if len(tex) <= 60 else tex[:59] + "…"
