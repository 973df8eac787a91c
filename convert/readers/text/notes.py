"""End notes (author's note, disclaimer, correction) and the closing author bio."""

from __future__ import annotations

import re

from ..._regex import compiled
from ...model import Author
from ...names import UNSPACED_LETTERS, looks_like_name
from .._bylines import tidy_name
from .blocks import clean

_NOTE_PREFIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        compiled(r"(?:editor['’]?s['’]?|editorial)\s+note\b|note\s+from\s+the\s+editors?\b", re.I),
        "editor-note",
    ),
    (
        compiled(r"(?:corrections?|clarifications?)\b(?:\s*\([^)]{0,40}\))?\s*[:.\-–—]", re.I),
        "correction",
    ),
    (compiled(r"an\s+earlier\s+version\s+of\s+this\s+(?:article|story|report)\b", re.I), "correction"),
    (
        compiled(r"this\s+(?:article|story)\s+(?:has\s+been|was)\s+(?:corrected|amended)\b", re.I),
        "correction",
    ),
    (compiled(r"disclaimer\s*:", re.I), "disclaimer"),
)


def classify_note(text: str) -> tuple[str, str] | None:
    """``(kind, text)`` when a paragraph is a note rather than body text.

    ``*text`` is an author's note and ``**text`` a disclaimer (the asterisks
    go); "Editor's note:", "Correction:", "Disclaimer:" paragraphs keep their
    words, which say what they are.
    """
    text = clean(text)
    stars = compiled(r"(\*+)\s*(?=[^\s*])").match(text)
    if stars and len(stars.group(1)) <= 3:
        body = text[stars.end() :]
        if body.endswith(stars.group(1)):  # *wrapped in emphasis*
            body = body[: -len(stars.group(1))].rstrip()
        if body:
            return ("author-note" if len(stars.group(1)) == 1 else "disclaimer"), body
    for pattern, kind in _NOTE_PREFIXES:
        if pattern.match(text):
            return kind, text
    return None


_BIO_PREFIX = compiled(r"(?:(?P<strong>about\s+the\s+author|by)\s*[:\-–—]?\s+|[—–-]\s*)", re.I)
_BIO_VERB = compiled(
    r"\s+(?:is|was|has|had|teaches|taught|writes|works|worked|serves|served|covers|leads|heads|"
    r"holds|lives|directs|edits|specializes|specialises)\b"
)


def find_bio(text: str, known: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """``(name, bio)`` when a closing paragraph describes an author.

    ``Jane Doe is ...`` (or ``By Jane Doe is ...``) counts for an author already known from the
    byline; an unknown name needs an ``About the author:`` lead-in (after a bare ``By`` any
    capitalised run would do: "By Friday Boris Johnson had resigned."). The lead-in is dropped
    from the bio. Never a bio: a paragraph that quotes or reports speech (quotation marks, or a
    colon after the name: "Jane Doe has asked the minister: …", an interview's "Anna Schmidt: …"
    speaker label), nor a signature ("— Jane Doe, Nairobi": after a dash only the verb form counts).
    """
    text = clean(text)
    if len(text) > 600:
        return None
    m = _BIO_PREFIX.match(text)
    body = text[m.end() :] if m else text
    for name in known:
        dash = bool(m and not m.group("strong"))  # "— Jane Doe, Nairobi" signs; it does not describe
        if (
            body.lower().startswith(name.lower())
            and not _reports_speech(body[len(name) :])
            and (_BIO_VERB.match(body, len(name)) or (not dash and _names_first(body, name)))
        ):
            return name, body
    if not (m and m.group("strong")) or m.group("strong").lower() == "by":
        return None
    verb = _BIO_VERB.search(body)
    if verb is None or not looks_like_name(body[: verb.start()]):
        return None
    return tidy_name(body[: verb.start()]), body


#: Opening and closing quotation marks (CLDR's delimiters: “” „ « » ‘ ‚ 「 『; not ’, the apostrophe).
#: A ‘ before two digits is a decade or year with its century elided (``the ‘90s``, ``class of ‘08``),
#: typeset with the opening mark by word processors' smart quotes: no quotation.
_QUOTES = compiled(r"[\"“”„«»‚「『]|‘(?!\d\d(?:s\b|\b))")
#: A colon that introduces speech or a speaker's words (ASCII with a space after, fullwidth): a
#: word follows, not a clock (``06:00``), an address (``https://``) or a handle or e-mail
#: (``Contact: jane@example.com``, ``X: @janedoe``).
_SPEECH_COLON = compiled(r"(?::\s+|：\s*)(?![^\s]*@)[^\W\d_]")


def _reports_speech(rest: str) -> bool:
    """Whether the paragraph after the writer's name quotes someone or reports what was said: a
    writer's bio describes them, it does not quote (a quotation, or words after a colon).

    A bio naming a work in quotation marks (`is the author of "The Long Road"`) is body text too:
    no test tells a title from a short quotation of speech in every language (`hörte vom Minister
    nur „Kein Kommentar“`, `heard the minister reply "No comment"`), and a wrong bio (a body
    paragraph moved into the byline) is worse than a bio missed (review r47)."""
    return bool(_QUOTES.search(rest) or _SPEECH_COLON.search(rest))


#: How long a closing paragraph may be to be a bio in any language (a bio is a line or two: the
#: English sample's is 66 characters, a three-sentence bio about 300).
_SHORT_BIO = 320
#: What may follow the name at the start of a bio in any language: a space ("Anna Schmidt ist …",
#: "أحمد حسن مراسل …"), the ideographic space or a comma ("山田太郎　社会部記者", "王小明，本报…"), a dash
#: ("Иван Петров — корреспондент …"); or, in a script written without spaces, the next word at once
#: ("김민수 기자는 …" has a space; "山田太郎は…" has none).
_AFTER_NAME = compiled(rf"[\s\u3000,，、—–-]|[{UNSPACED_LETTERS}]")


def _names_first(body: str, name: str) -> bool:
    """Whether ``body``, a closing paragraph that opens with the byline's ``name``, is short enough to
    be the writer's bio in any language: the bylined writer named first, in one or two lines (a
    speaker's label, "Anna Schmidt: …", is not: see :func:`_reports_speech`)."""
    rest = body[len(name) :]
    if " " not in name.strip() and not compiled(rf"[{UNSPACED_LETTERS}]").match(name):
        return False  # a one-word name ("Heiko") opens sentences about other people too
    return len(body) <= _SHORT_BIO and bool(rest) and _AFTER_NAME.match(rest) is not None


def with_bio(authors: list[Author], name: str, bio: str) -> list[Author]:
    """The authors with ``bio`` set on ``name``, who is added when not yet known."""
    if any(a.name == name for a in authors):
        return [Author(a.name, a.role, bio) if a.name == name else a for a in authors]
    return [*authors, Author(name, None, bio)]
