"""Writing direction, script, display width, wrapping and reading time.

Everything here comes from maintained Unicode and CLDR data, never from a
list of our own:

- direction: the direction of the tag's script (its own script subtag, else
  CLDR's likely script for it, through Babel), from HarfBuzz's table of
  right-to-left scripts shipped in fontTools; CLDR's character order for the
  locale when no script is known (so ``az`` is left to right, ``az-Arab``
  right to left);
- script: the script subtag of the tag, else CLDR's likely script for it, else
  the script most letters of the text are written in (Unicode ``Scripts.txt``
  through ``fontTools.unicodedata``);
- display width: ``wcwidth`` (East Asian Wide and Fullwidth characters take
  two columns, combining marks none);
- line breaking: the Unicode line-breaking algorithm (UAX #14, ``uniseg``),
  so CJK text breaks between characters but never before closing punctuation.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator
from typing import TYPE_CHECKING

from .._regex import compiled, lazy
from ..model import Article, plain_text

if TYPE_CHECKING:
    from babel import Locale

# Babel, fontTools, uniseg and wcwidth are imported where they are used: a plain-text conversion
# of Latin-script text needs none of uniseg and wcwidth (see _NARROW), and ``--help`` none at all.

#: Scripts that put no spaces between words. Source: UAX #14 (Unicode line
#: breaking): Han, kana and Bopomofo letters are class ID, a line may break
#: between any two; Thai, Lao, Khmer and Myanmar are class SA, whose word
#: breaks need a dictionary (plain text cuts an over-long run between letters).
CJK_SCRIPTS = frozenset({"Hani", "Hira", "Kana", "Bopo"})
UNSPACED_SCRIPTS = CJK_SCRIPTS | frozenset({"Thai", "Laoo", "Khmr", "Mymr"})

#: Scripts that stand for no script of their own (punctuation, digits, marks).
_NEUTRAL_SCRIPTS = frozenset({"Zyyy", "Zinh", "Zzzz"})

#: Reading rates for :func:`reading_minutes`.
#: Words: Brysbaert (2019), "How many words do we read per minute?", J. Memory
#: and Language 109: 238 words per minute, adults reading non-fiction silently.
#: Characters: IReST (Trauzettel-Klosinski & Dietz 2012, IOVS 53:5452) measured
#: Chinese read aloud at 255 characters per minute and 863 characters per
#: minute on average over its 17 languages; scaled by Brysbaert's silent/aloud
#: ratio (238/183 = 1.3) that gives about 330 Han or kana characters and about
#: 1,100 characters of the other unspaced scripts (Thai, Lao, Khmer, Myanmar).
WORDS_PER_MINUTE = 238
CJK_CHARS_PER_MINUTE = 330
UNSPACED_CHARS_PER_MINUTE = 1100

#: The commas that separate the items of a list in the world's scripts: the characters of general category
#: Po whose Unicode name ends in COMMA (UnicodeData.txt), without the historic and editorial forms
#: (U+2E32-U+2E4C), the vertical presentation forms and the scripts of manuscripts (Newa, Medefaidrin,
#: SignWriting). Arabic and Persian pages separate their keywords with U+060C, Chinese and Japanese ones
#: with U+3001 or U+FF0C.
LIST_COMMAS = ",\u055d\u060c\u07f8\u1363\u1802\u1808\u3001\ua4fe\ua60d\ua6f5\ufe50\ufe51\uff0c\uff64"


def split_list(value: str, also: str = "") -> list[str]:
    """``value`` cut at every list comma of any script (and at each character of ``also``)."""
    return compiled(f"[{re.escape(LIST_COMMAS + also)}]").split(value)


#: A word: letters or digits, joined by an apostrophe, period or hyphen (``don't``, ``U.S``, ``co-op``).
_WORD_RE = lazy(r"[^\W_]+(?:[’'.-][^\W_]+)*")
#: The spaces a line may break at: textwrap's set. No-break spaces (U+00A0,
#: U+202F before French punctuation) hold their neighbours together.
_BREAK_SPACE_RE = compiled(r"([\t\n\x0b\x0c\r ]+)")
#: Text wcwidth gives one column per character, and in which no UAX #14 break counts (no wide
#: character, no unspaced script): printable ASCII, Latin-1 to the spacing modifier letters
#: (U+00A0-U+02FF but the Bopomofo tone letters U+02EA-U+02EB), and the dashes, quotes, ellipsis
#: and other general punctuation of U+2010-U+2027 and U+202F-U+205E. tests/test_locale_script.py
#: checks every one against wcwidth and fontTools, so ``display_width`` and ``wrap`` skip
#: the libraries for such text with the same result.
_NARROW = compiled(r"[\x20-\x7e\xa0-\u02e9\u02ec-\u02ff\u2010-\u2027\u202f-\u205e]*")


# --------------------------------------------------------------------------
# Direction and script


def _locale(tag: str | None) -> Locale | None:
    if not tag:
        return None
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(tag.strip().replace("-", "_"))
    except (UnknownLocaleError, ValueError, TypeError):
        try:
            return Locale.parse(tag.strip().replace("-", "_").split("_")[0])
        except (UnknownLocaleError, ValueError, TypeError):
            return None


@functools.lru_cache(maxsize=512)
def _tag_script(tag: str) -> str | None:
    """The script subtag of ``tag``, else CLDR's likely script for its language (and region)."""
    parts = tag.strip().replace("_", "-").split("-")
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            return part.title()
    from babel.core import get_global

    likely = get_global("likely_subtags")
    lang = parts[0].lower()
    region = next((p.upper() for p in parts[1:] if len(p) == 2 and p.isalpha()), None)
    for key in ([f"{lang}_{region}"] if region else []) + [lang]:
        found = likely.get(key)
        if found:
            for part in found.split("_")[1:]:
                if len(part) == 4:
                    return str(part)
    return None


def _script_rtl(script: str | None) -> bool:
    if not script:
        return False
    from fontTools import unicodedata as ucd

    return bool(ucd.script_horizontal_direction(script, "LTR") == "RTL")


@functools.lru_cache(maxsize=512)
def _tag_rtl(tag: str) -> bool | None:
    loc = _locale(tag)
    if loc is not None and loc.character_order and tag.strip().isalpha() and str(loc) == tag.strip().lower():
        # A bare language CLDR has a locale for: its character order is its likely script's
        # direction (tests/test_locale_script.py checks every one), without fontTools' tables.
        return loc.character_order == "right-to-left"
    return _script_tag_rtl(tag, loc)


def _script_tag_rtl(tag: str, loc: Locale | None) -> bool | None:
    script = _tag_script(tag)
    if script:  # an explicit or likely script decides (az-Arab is right to left, az is not)
        return _script_rtl(script)
    if loc is not None and loc.character_order:
        return loc.character_order == "right-to-left"
    return None


def is_rtl(tag: str | None, text: str | None = None) -> bool:
    """Whether the language (or, without a known tag, the text) is written right to left."""
    if tag:
        known = _tag_rtl(tag)
        if known is not None:
            return known
    if text:
        return _script_rtl(dominant_script(text))
    return False


def direction(tag: str | None, text: str | None = None) -> str:
    """``"rtl"`` or ``"ltr"``: from the language tag, or from the text when the tag says nothing."""
    return "rtl" if is_rtl(tag, text) else "ltr"


def char_script(ch: str) -> str:
    """ISO 15924 code of one character (``Zyyy`` for punctuation and digits)."""
    from fontTools import unicodedata as ucd

    return str(ucd.script(ch))


def scripts_in(text: str) -> Counter[str]:
    """How many letters of each script ``text`` holds (punctuation, digits and marks left out)."""
    counts: Counter[str] = Counter()
    for ch in text:
        if ch.isspace() or ch.isascii() and not ch.isalpha():
            continue
        script = char_script(ch)
        if script not in _NEUTRAL_SCRIPTS:
            counts[script] += 1
    return counts


def dominant_script(text: str) -> str | None:
    """The script most letters of ``text`` are in; Han with kana is ``Jpan``, with Hangul ``Kore``."""
    counts = scripts_in(text)
    if not counts:
        return None
    top = counts.most_common(1)[0][0]
    if top in CJK_SCRIPTS or top == "Hang":
        if counts["Hira"] + counts["Kana"]:
            return "Jpan"
        if counts["Hang"]:
            return "Kore"
    return top


def script_of(tag: str | None, text: str | None = None) -> str | None:
    """The ISO 15924 script (``Latn``, ``Arab``, ``Hans``, ``Jpan`` …) of the language, or of the text.

    A tag's own script subtag wins, then CLDR's likely script for the tag;
    without a tag the script of most letters in ``text``; ``None`` when
    neither says.
    """
    if tag:
        found = _tag_script(tag)
        if found:
            return found
    return dominant_script(text) if text else None


def sample_text(article: Article, limit: int = 4000) -> str:
    """The title and the start of the body: enough to tell a script when the language is unknown."""
    parts = [article.meta.title or ""]
    size = len(parts[0])
    for block in article.body:
        if size >= limit:
            break
        text = plain_text(block)
        parts.append(text)
        size += len(text)
    return "\n".join(parts)[:limit]


def article_direction(article: Article) -> str:
    """``"rtl"`` or ``"ltr"``: as the source declares it, else from the article's language, or its
    letters when the language is unknown."""
    if article.meta.direction in ("ltr", "rtl"):
        return article.meta.direction
    lang = article.meta.language
    return direction(lang, None if lang else sample_text(article))


def article_script(article: Article) -> str | None:
    """ISO 15924 script of the article: from its language, or its letters when the language is unknown."""
    lang = article.meta.language
    return script_of(lang, None if lang else sample_text(article))


def script_name(code: str) -> str:
    """The Unicode name of a script code: ``Mymr`` -> ``Myanmar``."""
    from fontTools import unicodedata as ucd

    return str(ucd.script_name(code, code))


def hyphenation_language(tag: str | None) -> str | None:
    """The pyphen dictionary for the language, or ``None`` when it has none (then no hyphenation)."""
    if not tag:
        return None
    import pyphen

    found = pyphen.language_fallback(tag.replace("-", "_"))
    return str(found) if found else None


# --------------------------------------------------------------------------
# Display width and wrapping


def display_width(text: str) -> int:
    """Columns the text takes in a terminal (East Asian wide characters count two, marks none)."""
    # Printable ASCII is _NARROW's first range, told without the pattern (a call per word wrapped).
    if (text.isascii() and text.isprintable()) or _NARROW.fullmatch(text):
        return len(text)
    from wcwidth import wcswidth, wcwidth

    width = wcswidth(text)
    if width >= 0:
        return int(width)
    # Control characters: count the rest, one column for anything wcwidth cannot size.
    return sum(max(0, wcwidth(ch)) if wcwidth(ch) >= 0 else 0 for ch in text)


def _is_cjk_boundary(left: str, right: str) -> bool:
    """Whether a UAX #14 break between two units belongs to CJK-style breaking.

    Breaks the algorithm allows inside Latin words (after a hyphen, a slash)
    are not taken: plain text keeps those words whole, as ``textwrap`` does.
    Nor are those beside a Hangul letter: Korean puts spaces between its words
    and breaks lines there, not between syllables (UAX #14 allows either style for
    Korean; CSS Text 3's ``word-break: keep-all``, the theme's rule for Korean, is
    this one). Tibetan's breaks are taken: UAX #14 puts them after its tsheg ``་`` and shad ``།``
    (class BA), where Tibetan lines break.
    """
    from wcwidth import wcwidth

    a, b = left[-1], right[0]
    if "Hang" in (char_script(a), char_script(b)):
        return False
    return (
        wcwidth(a) == 2
        or wcwidth(b) == 2
        or char_script(a) in UNSPACED_SCRIPTS
        or char_script(b) in UNSPACED_SCRIPTS
        or char_script(a) == "Tibt"
    )


def _chunks(text: str) -> Iterator[tuple[str, bool]]:
    """``(chunk, is_space)`` pieces where a line may break: spaces, words, single CJK characters."""
    for piece in _BREAK_SPACE_RE.split(text):
        if not piece:
            continue
        if _BREAK_SPACE_RE.fullmatch(piece):
            yield piece, True
            continue
        if piece.isascii() or _NARROW.fullmatch(piece):  # no CJK break in it: it stays whole
            yield piece, False
            continue
        from uniseg.linebreak import line_break_units

        units = list(line_break_units(piece))
        merged = [units[0]]
        for unit in units[1:]:
            if _is_cjk_boundary(merged[-1], unit):
                merged.append(unit)
            else:
                merged[-1] += unit
        from .segment import words

        for unit in merged:  # a Thai, Lao, Khmer or Myanmar run: between its words (ICU), if known
            for word in words(unit):
                yield word, False


def _split_long(chunk: str, room: int) -> list[str]:
    """An unspaced-script run wider than a line, cut between syllables (:func:`.segment.syllables`:
    a Khmer stack ``ង្គ``, Lao ``ເສັ``, Myanmar ``ရန်`` whole, never before a repetition mark ``ៗ``)."""
    from .segment import syllables

    parts, current = [], ""
    for cluster in syllables(chunk):
        if current and display_width(current + cluster) > room:
            parts.append(current)
            current = ""
        current += cluster
    return [*parts, current] if current else parts


def wrap(text: str, width: int, *, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """Lines of at most ``width`` display columns.

    Like ``textwrap.wrap(..., break_long_words=False, break_on_hyphens=False)``
    for text with spaces, and the same lines for it; CJK text breaks between
    characters (never before closing punctuation such as ``。`` or ``」``),
    Thai, Lao, Khmer and Myanmar between words where ICU finds them
    (:mod:`convert.locale.segment`), and a run of them still longer than a
    line between syllables (:func:`.segment.syllables`). A Latin word longer than the line stays whole.
    """
    text = text.expandtabs().translate({ord(c): " " for c in "\n\r\x0b\x0c"})
    lines: list[str] = []
    indent = initial_indent
    current: list[str] = []
    used = 0

    def flush() -> None:
        nonlocal indent, current, used
        while current and current[-1].isspace():
            current.pop()
        if current:
            lines.append(indent + "".join(current))
            indent = subsequent_indent
        current, used = [], 0

    # Text of narrow characters only (most text in Latin, Greek or Cyrillic letters) is split at its
    # spaces, and a chunk's width is its length, which _chunks and display_width would find one
    # chunk at a time (issue 18: a third of a cold txt conversion's export).
    narrow = _NARROW.fullmatch(text) is not None
    if narrow:
        chunks = [(p, i % 2 == 1) for i, p in enumerate(_BREAK_SPACE_RE.split(text)) if p]
    else:
        chunks = list(_chunks(text))
    measure = len if narrow else display_width
    rooms = {ind: width - display_width(ind) for ind in (initial_indent, subsequent_indent)}
    i = 0
    while i < len(chunks):
        chunk, space = chunks[i]
        room = rooms[indent]
        if space:
            # Spaces at the start of a line are dropped, but not before a paragraph's first word.
            if current or not lines and i == 0:
                current.append(chunk)
                used += measure(chunk)
            i += 1
            continue
        w = measure(chunk)
        if used + w <= room or not current and w <= room:
            current.append(chunk)
            used += w
            i += 1
            continue
        if any(not c.isspace() for c in current):
            flush()
            continue
        # The chunk alone is wider than a line.
        if char_script(chunk[0]) in UNSPACED_SCRIPTS:
            pieces = _split_long(chunk, max(1, room))
            chunks[i : i + 1] = [(p, False) for p in pieces]
            chunk = pieces[0]
        current = [chunk]
        used = measure(chunk)
        flush()
        i += 1
    flush()
    return lines


def join_sentences(parts: list[str] | tuple[str, ...]) -> str:
    """Sentences run together as text: a space between them, none between CJK ones.

    Chinese and Japanese put no space after a full stop (``。``); a space is
    kept where either side is not a wide (East Asian) character.
    """
    out = ""
    for part in (p.strip() for p in parts):
        if not part:
            continue
        if out and not (_wide(out[-1]) and _wide(part[0])):
            out += " "
        out += part
    return out


def _wide(ch: str) -> bool:
    if _NARROW.fullmatch(ch):
        return False
    from wcwidth import wcwidth

    return bool(wcwidth(ch) == 2)


def fill(text: str, width: int, *, initial_indent: str = "", subsequent_indent: str = "") -> str:
    """:func:`wrap` joined into one string."""
    return "\n".join(wrap(text, width, initial_indent=initial_indent, subsequent_indent=subsequent_indent))


# --------------------------------------------------------------------------
# Counting


_NON_ASCII_RUN = lazy(r"[^\x00-\x7f]+")


def _counts(text: str) -> tuple[int, int, int]:
    """(spaced words, CJK characters, other unspaced-script characters) in ``text``."""
    cjk = other = 0
    rest = []
    pos = 0
    for run in _NON_ASCII_RUN.finditer(text):  # ASCII is Latin: only the other characters are looked at
        rest.append(text[pos : run.start()])
        pos = run.end()
        for ch in run.group(0):
            if _NARROW.fullmatch(ch):  # in no unspaced script (see _NARROW): no need to ask fontTools
                rest.append(ch)
                continue
            script = char_script(ch)
            if script in CJK_SCRIPTS:
                cjk += 1
                rest.append(" ")
            elif script in UNSPACED_SCRIPTS:
                if unicodedata.category(ch)[0] != "M":
                    other += 1
                rest.append(" ")
            else:
                rest.append(ch)
    rest.append(text[pos:])
    return len(_WORD_RE.findall("".join(rest))), cjk, other


def word_count(text: str) -> int:
    """Words of ``text``; each Han or kana character counts as one, as word processors count them."""
    words, cjk, other = _counts(text)
    return words + cjk + round(other / 5)


def reading_minutes(text: str, tag: str | None = None) -> int:
    """Minutes to read ``text``, at least one.

    Words where the script separates them, characters where it does not (see
    the rates above). ``tag`` is accepted for languages whose rate may come to
    differ; the script of each character decides today.
    """
    words, cjk, other = _counts(text)
    minutes = words / WORDS_PER_MINUTE + cjk / CJK_CHARS_PER_MINUTE + other / UNSPACED_CHARS_PER_MINUTE
    return max(1, round(minutes))


# --------------------------------------------------------------------------
# Right-to-left plain text

RLM = "\u200f"  # RIGHT-TO-LEFT MARK: a strong right-to-left character of no width


def _first_strong(line: str) -> str | None:
    for ch in line:
        kind = unicodedata.bidirectional(ch)
        if kind in ("L", "R", "AL"):
            return kind
    return None


def rtl_lines(text: str) -> str:
    """Plain text of a right-to-left article, each line marked so viewers set it right to left.

    A viewer takes each line's direction from its first strong letter (UAX #9,
    rule P2), so a line that opens with a Latin name, a dateline such as
    ``CAIRO`` or only digits would be set left to right. Such lines, and only
    they, get a leading RIGHT-TO-LEFT MARK.
    """
    return "\n".join(
        RLM + line if line.strip() and _first_strong(line) != "R" and _first_strong(line) != "AL" else line
        for line in text.split("\n")
    )
