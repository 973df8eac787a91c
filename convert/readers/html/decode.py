"""Bytes to an lxml tree: the page's encoding (BOM, declared charset, UTF-8, a guess) and a parse."""

from __future__ import annotations

import codecs
import re

import lxml.etree
import lxml.html
from lxml.html import HtmlElement

from ...errors import InputError
from ...io import decode_mixed

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""",
    re.IGNORECASE,
)
# WHATWG: these labels mean windows-1252 in a browser, and pages rely on it.
_WINDOWS_1252 = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "l1", "us-ascii", "ascii", "cp819", "8859_1"}


def decode_html(data: bytes, warnings: list[str] | None = None) -> str:
    """The page as text: BOM first, then the declared charset, then UTF-8, then a guess.

    UTF-8 with some lines in a legacy code page keeps its UTF-8 lines and has
    the others decoded alone (:func:`convert.io.decode_mixed`, with a warning).
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    declared = _declared_charset(data[:4096])
    for candidate in (declared, "utf-8"):
        if candidate:
            try:
                return data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    if declared in (None, "utf-8"):
        mixed = decode_mixed(data, warnings)
        if mixed is not None:
            return mixed
    mostly_utf8 = _mostly_utf8(data)
    return mostly_utf8 if mostly_utf8 is not None else _guess_decode(data, declared)


def _mostly_utf8(data: bytes) -> str | None:
    """UTF-8 with a few bad bytes (a page pasted together from two sources) stays UTF-8.

    A statistical guess on such a page often picks a legacy code page and
    garbles every accented letter to repair one stray byte.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    non_ascii = sum(1 for c in text if ord(c) > 127)
    return text if non_ascii >= 20 and bad <= 0.02 * non_ascii else None


def _declared_charset(head: bytes) -> str | None:
    m = _META_CHARSET.search(head)
    if m is None:
        return None
    label = (m[1] or m[2]).decode("ascii").lower()
    if label in _WINDOWS_1252:
        return "cp1252"
    if label.startswith("utf-16") or label.startswith("utf-32"):
        return "utf-8"  # an ASCII-readable page cannot really be UTF-16; browsers read it as UTF-8
    try:
        return codecs.lookup(label).name
    except LookupError:
        return None


def _guess_decode(data: bytes, declared: str | None) -> str:
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    encoding = best.encoding if best is not None else declared or "utf-8"
    return data.decode(encoding, errors="replace")


def looks_binary(data: bytes) -> bool:
    """NUL bytes outside UTF-16/32 text: an image, an archive, not a page."""
    head = data[:4096]
    return b"\x00" in head and not head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


#: C0 control characters other than the whitespace ones (tab, line feed, carriage return; form feed
#: is HTML whitespace too, so it becomes a space). HTML counts them as parse errors and a browser
#: shows nothing for them; XML forbids them, and trafilatura's formatted extraction stops at the
#: first one with a ValueError, so one stray U+001D in a paragraph cost a page its whole article.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def parse_html(text: str) -> HtmlElement:
    """An lxml tree of the whole document; :class:`InputError` when there is none."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)  # lxml refuses str input with an encoding declaration
    text = _CONTROLS.sub("", text.replace("\x0c", " "))
    if not text.strip():
        raise InputError("no article text found: the page is empty")
    parser = lxml.html.HTMLParser(
        remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False
    )
    try:
        tree = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise InputError(f"no article text found: cannot parse the page ({exc})") from None
    if not isinstance(tree, HtmlElement):
        raise InputError("no article text found: the page has no HTML document")
    return tree
