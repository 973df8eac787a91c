"""Plain-text articles: the encoding, then the layout news text follows.

Plain text has no markup, so the structure comes from conventions::

    By Vladimir Sazhin                     byline         -> meta.authors (+ publisher)
    Putin and Pezeshkian’s meeting ...     headline       -> meta.title
    October 14, 2024 - 22:37               date line      -> meta.published / updated
    MOSCOW – On October 11th, ...          dateline lead  -> meta.dateline + first paragraph
    ... paragraphs (hard wraps joined) ...
    * * *                                  section break  -> Rule
    *The author ... / **The views ...      end notes      -> Note author-note / disclaimer
    By Vladimir Sazhin is Senior ...       closing bio    -> Author.bio

Each heuristic is a small module-level function with its own tests, and each
leaves a field empty rather than fill it with a guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from typing import ClassVar

from ..base import ReadOptions
from ..io import check_text, decode_legacy, decode_text, utf16_without_bom  # noqa: F401 - re-exported
from ..model import Article, Author, Block, List, Metadata, Note, Paragraph, Rule, Text

# --------------------------------------------------------------------------
# Lines, blocks, paragraphs

_SPACE_RUN = re.compile(r"[ \t\u00a0\u2007\u202f\u2000-\u200a\u3000]+")
_LINE_BREAK = re.compile(r"\r\n|[\r\n\x1c-\x1e\x85\u2028]")
_RULE = re.compile(r"(?:[*•·]\s*){3,}|(?:[-_=~#+]\s*){3,}")
_BULLET = re.compile(r"\s*(?:[-*•–]|(?P<num>\d{1,3})[.)])\s+(?P<text>\S.*)")
#: A block whose lines (but the last) run longer than this is not hard-wrapped:
#: it holds one paragraph per line.
_WRAP_LIMIT = 100
#: Lines all indented alike and no longer than this are rows, one paragraph each.
_ROW_LIMIT = 50


def clean(text: str) -> str:
    """Spaces of every kind (no-break included) collapsed to one, ends trimmed."""
    return _SPACE_RUN.sub(" ", text).strip()


def split_blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks of lines; lines keep their indent."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for raw in _LINE_BREAK.split(text.replace("\u2029", "\n\n")):
        line = raw.expandtabs(4).rstrip()
        if line.strip():
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def join_wrapped(lines: list[str]) -> str:
    """Hard-wrapped lines as one paragraph: joined with spaces.

    A line ending in a hyphenated word part (``well-``) joins the next
    directly, keeping the hyphen: dropping it would be a guess.
    """
    out = ""
    for line in (clean(x) for x in lines):
        if not out:
            out = line
        elif re.search(r"[^\W\d_]-$", out) and line[:1].islower():
            out += line
        elif line:
            out += " " + line
    return out


def split_paragraphs(lines: list[str]) -> list[str]:
    """The paragraphs of one block of lines.

    Lines longer than :data:`_WRAP_LIMIT` mean one paragraph per line, and so
    do short lines all indented alike (rows, as in a wire story's earnings
    table); first-line indents (an indented line that wrapped lines at the
    base indent follow) mean each indented line starts a paragraph, whether
    or not the block's own first line is indented (wire copy often loses the
    dateline's indent); otherwise the block is one hard-wrapped paragraph. A
    hanging indent (first line out, all others in) stays one paragraph.
    """
    if any(len(clean(x)) > _WRAP_LIMIT for x in lines[:-1]):
        return [p for p in (clean(x) for x in lines) if p]
    indents = [len(x) - len(x.lstrip()) for x in lines]
    base = min(indents)
    if (
        len(lines) > 1
        and base > 0
        and max(indents) == base
        and all(len(clean(x)) <= _ROW_LIMIT for x in lines)
    ):
        # every line indented alike and short: rows (a wire story's earnings table), not wrapped prose
        return [p for p in (clean(x) for x in lines) if p]
    if (
        len(lines) > 2
        and min(indents[1:]) == max(indents[1:]) > indents[0]
        and all(len(clean(x)) <= _ROW_LIMIT for x in lines[1:])
    ):
        # a lead line (a dateline standing alone) over such rows
        return [p for p in (clean(x) for x in lines) if p]
    deeper = [n for n, indent in enumerate(indents) if indent > base]
    indented_starts = bool(deeper) and (
        indents[0] > base
        or deeper[0] >= 2  # a flush first paragraph that wraps, then indented starts
        or any(indents[n + 1] == base for n in deeper if n + 1 < len(lines))
    )
    groups: list[list[str]] = []
    for line, indent in zip(lines, indents, strict=True):
        if not groups or (indented_starts and indent > base):
            groups.append([line])
        else:
            groups[-1].append(line)
    return [join_wrapped(g) for g in groups]


def is_rule(lines: list[str]) -> bool:
    """A section break: one line of ``* * *``, ``***``, ``---``, ``###`` ..."""
    return len(lines) == 1 and _RULE.fullmatch(lines[0].strip()) is not None


def find_list(lines: list[str]) -> List | None:
    """A block whose every line is a bullet (``- ``, ``* ``, ``1. ``) or its indented continuation."""
    if len(lines) < 2:
        return None
    items: list[list[str]] = []
    ordered: bool | None = None
    start = 1
    for line in lines:
        m = _BULLET.fullmatch(line)
        if m:
            numbered = m.group("num") is not None
            if ordered is None:
                ordered = numbered
                start = int(m.group("num")) if numbered else 1
            elif ordered != numbered:
                return None
            items.append([m.group("text")])
        elif items and line[:1].isspace():
            items[-1].append(line)
        else:
            return None
    if len(items) < 2:
        return None
    body = tuple((Paragraph((Text(join_wrapped(i)),)),) for i in items)
    return List(items=body, ordered=bool(ordered), start=start)


# --------------------------------------------------------------------------
# Bylines and names


@dataclass(frozen=True, slots=True)
class Byline:
    """What a ``By ...`` line says: people, their role, the publisher."""

    names: tuple[str, ...] = ()
    role: str | None = None
    publisher: str | None = None


_BY = re.compile(r"(?:(?:story|words|text|reporting|written)\s+)?by\b\s*:?\s*(?P<rest>\S.*)", re.I)
_BYLINE_SEP = re.compile(r"\s*[,;]\s*|\s+[-–—/]\s+")
_AND = re.compile(r"\s+(?:and|&)\s+", re.I)
_PARTICLES = frozenset(
    "de da das do dos du des del della der den van von ter ten bin ibn al el la le di y".split()
)
_NOT_NAMES = frozenset(
    "staff writer writers reporter reporters correspondent correspondents editor editors team desk "
    "agencies agency wire wires news admin administrator guest contributor contributors anonymous "
    "unknown our the a an numbers way".split()
)
_ROLE_WORDS = frozenset(
    "staff writer writers reporter reporters correspondent correspondents editor editors columnist "
    "contributor contributors contributing analyst chief bureau producer researcher fellow professor "
    "director special senior political economics foreign diplomatic desk team agencies".split()
)
_PUBLISHER_WORDS = frozenset(
    "reuters bloomberg afp ap upi tass ria interfax xinhua bbc cnn associated press agence france-presse "
    "times post news journal herald tribune telegraph guardian gazette chronicle daily magazine media "
    "network agency wire service dpa efe ansa kyodo yonhap anadolu irna".split()
)
_NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_'’.\-]|[-'’.](?=[^\W\d_]))*\.?")
_PREFIXED_WORD = re.compile(r"(?:al|el|ad|ar|as|ash|ben|d|l)[-'’][^\W\d_].*", re.I)


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words, initials or particles: ``Jean-Luc de la Cruz``.

    No digits, no lower-case words beyond particles, none of the words that
    mark a non-person byline (``Staff``, ``the``): a wrong author is worse
    than none.
    """
    words = text.split()
    if not 2 <= len(words) <= 5 or len(text) > 60:
        return False
    for n, word in enumerate(words):
        bare = word.rstrip(",")
        if bare.lower().strip(".") in _NOT_NAMES or not _NAME_WORD.fullmatch(bare):
            return False
        if bare[0].isupper():
            continue
        if n == 0 or not (bare.lower() in _PARTICLES or _PREFIXED_WORD.fullmatch(bare)):
            return False
    return True


def tidy_name(name: str) -> str:
    """A name in capitals (``JANE DOE``) in title case; others as typed."""
    name = clean(name)
    return name.title() if name.isupper() else name


def looks_like_publisher(text: str) -> bool:
    """A news organisation: a wire acronym (``AP``), a known name, or a site."""
    words = [w.strip(".,()").lower() for w in text.split()]
    if not 1 <= len(words) <= 6 or not text[:1].isupper():
        return False
    if text.isupper() and text.isalpha() and 2 <= len(text) <= 6:
        return True
    if re.fullmatch(r"[\w\-]+\.(?:com|org|net|co\.uk|ru|ir|news)", text, re.I):
        return True
    return any(w in _PUBLISHER_WORDS for w in words)


#: Wire services that close a story with their name alone on the last line.
_SIGN_OFFS = {
    "reuter": "Reuters", "reuters": "Reuters", "ap": "AP", "afp": "AFP", "upi": "UPI", "dpa": "dpa",
    "efe": "EFE", "ansa": "ANSA", "tass": "TASS", "xinhua": "Xinhua", "kyodo": "Kyodo", "yonhap": "Yonhap",
}  # fmt: skip


def find_signoff(text: str) -> str | None:
    """The agency of a closing ``Reuter`` / ``(AP)`` / ``-- AFP`` line, else ``None``."""
    key = text.strip().strip("()[]-–—. ").lower()
    return _SIGN_OFFS.get(key) if len(key) <= 8 else None


def looks_like_role(text: str) -> bool:
    """A job title or desk (``Staff Writer``, ``Moscow Bureau Chief``)."""
    words = text.lower().split()
    return 1 <= len(words) <= 5 and any(w in _ROLE_WORDS for w in words)


def find_byline(line: str) -> Byline | None:
    """Parse ``By Jane Doe, Reuters`` / ``By JANE DOE and John Roe, Staff Writers``.

    ``None`` unless the line starts with "By" and its first part names people,
    a publisher or a staff role ("By Staff" is a byline with no author;
    "By the numbers" is not a byline).
    """
    line = clean(line)
    m = _BY.fullmatch(line) if len(line) <= 150 else None
    if m is None:
        return None
    names: list[str] = []
    role = publisher = None
    for n, part in enumerate(_BYLINE_SEP.split(m.group("rest").rstrip(" ."))):
        if not part:
            continue
        people = _AND.split(part)
        if looks_like_publisher(part):
            publisher = publisher or re.sub(r"\s+(?:staff|reporters?|writers?)$", "", part, flags=re.I)
        elif all(looks_like_name(p) for p in people):
            names.extend(tidy_name(p) for p in people)
        elif looks_like_role(part):
            role = role or part
        elif n == 0 or len(part.split()) > 4:
            return None
        # else a short trailing part, such as a place ("in Moscow"): dropped.
    return Byline(tuple(dict.fromkeys(names)), role if names else None, publisher)


# --------------------------------------------------------------------------
# Dates


@dataclass(frozen=True, slots=True)
class DateLine:
    """The dates a date line gives, ISO 8601."""

    published: str | None = None
    updated: str | None = None


_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MONTH = (
    r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = (
    r"(?:(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\.?,?\s+)?"
)
_TIME = (
    r"(?:(?:\s*[-–—,|@]\s*|\s+at\s+|\s+|T)"
    r"(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2})(?::(?P<second>\d{2})(?:\.\d+)?)?)?"
    r"\s*(?P<ampm>[ap]\.?\s?m\.?)?"
    r"(?:\s*(?P<zone>Z|[+-]\d{2}:?\d{2}|(?:UTC|GMT)(?:\s?[+-]\d{1,2}(?::?\d{2})?)?|[A-Z]{2,5}))?)?"
)
_DATE_FORMS = tuple(
    re.compile(rf"{_WEEKDAY}{form}{_TIME}", re.I | re.A)
    for form in (
        rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}",
        rf"{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}",
        rf"{_YEAR}-(?P<mon>\d{{1,2}})-{_DAY}",
        rf"{_YEAR}/(?P<mon>\d{{2}})/{_DAY}",
    )
)
#: Fixed-offset zone names; ambiguous ones (ET, CST, IST) keep the local time only.
_ZONES = {
    "Z": 0, "UTC": 0, "GMT": 0, "BST": 60, "CET": 60, "CEST": 120, "EET": 120, "EEST": 180,
    "MSK": 180, "EST": -300, "EDT": -240, "CDT": -300, "MST": -420, "MDT": -360, "PST": -480,
    "PDT": -420, "JST": 540, "AEST": 600, "AEDT": 660,
}  # fmt: skip
_DATE_LABEL = re.compile(
    r"(?P<label>(?:first\s+)?published|posted|(?:last\s+)?updated|(?:last\s+)?modified|dated?)"
    r"(?:\s+on)?\s*[:\-–—]?\s*",
    re.I,
)
_DATE_PARTS = re.compile(r"\s*[|·•;]\s*|(?<!last),?\s+(?=(?:last\s+)?updated\b)", re.I)


def _zone_offset(zone: str) -> int | None:
    """Minutes east of UTC for a zone token, or ``None`` when it does not say."""
    zone = zone.upper().replace(" ", "")
    if zone in _ZONES:
        return _ZONES[zone]
    m = re.fullmatch(r"(?:UTC|GMT)?([+-])(\d{1,2}):?(\d{2})?", zone)
    if not m:
        return None
    minutes = int(m.group(2)) * 60 + int(m.group(3) or 0)
    return minutes if m.group(1) == "+" else -minutes


def parse_date(text: str) -> str | None:
    """ISO 8601 for a date in a common English form, with its time and zone if given.

    ``October 14, 2024 - 22:37`` -> ``2024-10-14T22:37:00``; ``14 October
    2024`` -> ``2024-10-14``. Slash dates with the day first or second are
    ambiguous and not read.

    Not :func:`convert.dates.to_iso`: a plain-text date line carries times,
    "a.m./p.m." and zone names ("EST"), and must refuse whatever is not a date
    line, so its grammar stays here.
    """
    text = clean(text)
    for form in _DATE_FORMS:
        m = form.fullmatch(text)
        if m:
            return _iso(m)
    return None


def _iso(m: re.Match[str]) -> str | None:
    g = m.groupdict()
    month = _MONTHS[g["month"][:3].lower()] if g.get("month") else int(g["mon"])
    try:
        day = date(int(g["year"]), month, int(g["day"]))
        if g["hour"] is None:
            return day.isoformat()
        if g["minute"] is None and g["ampm"] is None:
            return None
        hour = int(g["hour"])
        if g["ampm"]:
            if not 1 <= hour <= 12:
                return None
            hour = hour % 12 + (12 if g["ampm"][0].lower() == "p" else 0)
        stamp = datetime(day.year, day.month, day.day, hour, int(g["minute"] or 0), int(g["second"] or 0))
    except ValueError:
        return None
    offset = _zone_offset(g["zone"]) if g["zone"] else None
    if offset is not None:
        if abs(offset) > 14 * 60:
            return None
        stamp = stamp.replace(tzinfo=timezone(timedelta(minutes=offset)))
    return stamp.isoformat()


def parse_date_line(line: str) -> DateLine | None:
    """A line that is nothing but dates: ``Updated: Oct. 15, 2024 | Published 14 October 2024``."""
    line = clean(line)
    if len(line) > 120:
        return None
    published = updated = None
    for part in _DATE_PARTS.split(line):
        if not part:
            continue
        label = _DATE_LABEL.match(part)
        iso = parse_date(part[label.end() :] if label else part)
        if iso is None:
            return None
        if label and re.search(r"updated|modified", label.group("label"), re.I):
            updated = updated or iso
        else:
            published = published or iso
    if published is None and updated is None:
        return None
    return DateLine(published, updated)


# --------------------------------------------------------------------------
# Title, dateline, notes, bio


#: A final period that ends an abbreviation, not a sentence: ``U.S.``, ``Inc.``.
_ABBREVIATION_END = re.compile(r"(?:\b(?:[^\W\d_]\.){2,}|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros)\.)$", re.I)


def looks_like_title(line: str) -> bool:
    """Short, one line, and not ending like a sentence (a final period) or a clause."""
    text = clean(line)
    bare = text.rstrip("\"'”’»)]")
    return (
        0 < len(text) <= 150
        and len(text.split()) <= 25
        and any(ch.isalpha() for ch in text)
        and not (bare.endswith((".", ",", ";", ":")) and not _ABBREVIATION_END.search(bare))
        and not text.startswith(("*", "•", "- "))
        and _RULE.fullmatch(text) is None
        and classify_note(text) is None
    )


def find_title(lines: list[str], more_follows: bool) -> str | None:
    """The headline from a block: one short line (or one underlined with ``===``).

    Only when more text follows: a lone short line is the article, not its title.
    """
    if not more_follows:
        return None
    if len(lines) == 2 and re.fullmatch(r"\s*(?:=+|-+)\s*", lines[1]) and len(lines[1].strip()) >= 3:
        lines = lines[:1]
    if len(lines) != 1 or not looks_like_title(lines[0]):
        return None
    return clean(lines[0])


_DATELINE_DASH = re.compile(r"\s*—\s*|\s+(?:[–-]|--)(?:\s+|$)")
_DATELINE_HEAD = re.compile(
    r"(?P<place>[^,()]+?)(?:,\s*(?P<extra>[^()]{1,40}?))?(?:\s*\((?P<agency>[^()]{1,40})\))?\s*"
)
_NOT_PLACES = frozenset(
    "BREAKING UPDATE UPDATED EXCLUSIVE ANALYSIS OPINION EDITORIAL COMMENT WATCH LIVE FACTBOX "
    "EXPLAINER INTERVIEW REVIEW NOTE CORRECTION UPDATE:".split()
)


@dataclass(frozen=True, slots=True)
class Dateline:
    """The place a lead paragraph opens with, the text after it, and any wire credit."""

    place: str
    rest: str
    agency: str | None = None


def split_dateline(text: str) -> Dateline | None:
    """``MOSCOW – On ...`` / ``NEW YORK, March 2 (Reuters) - ...`` -> place and the rest.

    The place is in capitals, at most five words, before a spaced dash (an
    em dash may be unspaced); ``rest`` is empty when the dateline stands
    alone on its line. The date after a comma is dropped: it lacks the
    year, so it cannot fill ``published``.
    """
    m = _DATELINE_DASH.search(text, 0, 90)
    if m is None or m.start() == 0:
        return None
    rest = text[m.end() :].strip()
    head = _DATELINE_HEAD.fullmatch(text[: m.start()])
    if head is None:
        return None
    place = clean(head.group("place"))
    letters = sum(ch.isalpha() for ch in place)
    if (
        letters < 3
        or place != place.upper()
        or len(place.split()) > 5
        or place in _NOT_PLACES
        or not re.fullmatch(r"[^\W\d_][\w .'’&/-]*", place)
        or any(ch.isdigit() for ch in place)
    ):
        return None
    agency = clean(head.group("agency")) if head.group("agency") else None
    return Dateline(place, rest, agency)


_NOTE_PREFIXES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(?:editor['’]?s['’]?|editorial)\s+note\b|note\s+from\s+the\s+editors?\b", re.I),
        "editor-note",
    ),
    (
        re.compile(r"(?:corrections?|clarifications?)\b(?:\s*\([^)]{0,40}\))?\s*[:.\-–—]", re.I),
        "correction",
    ),
    (re.compile(r"an\s+earlier\s+version\s+of\s+this\s+(?:article|story|report)\b", re.I), "correction"),
    (
        re.compile(r"this\s+(?:article|story)\s+(?:has\s+been|was)\s+(?:corrected|amended)\b", re.I),
        "correction",
    ),
    (re.compile(r"disclaimer\s*:", re.I), "disclaimer"),
)


def classify_note(text: str) -> tuple[str, str] | None:
    """``(kind, text)`` when a paragraph is a note rather than body text.

    ``*text`` is an author's note and ``**text`` a disclaimer (the asterisks
    go); "Editor's note:", "Correction:", "Disclaimer:" paragraphs keep their
    words, which say what they are.
    """
    text = clean(text)
    stars = re.match(r"(\*+)\s*(?=[^\s*])", text)
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


_BIO_PREFIX = re.compile(r"(?:(?P<strong>about\s+the\s+author|by)\s*[:\-–—]?\s+|[—–-]\s*)", re.I)
_BIO_VERB = re.compile(
    r"\s+(?:is|was|has|had|teaches|taught|writes|works|worked|serves|served|covers|leads|heads|"
    r"holds|lives|directs|edits|specializes|specialises)\b"
)


def find_bio(text: str, known: tuple[str, ...] = ()) -> tuple[str, str] | None:
    """``(name, bio)`` when a closing paragraph describes an author.

    ``Jane Doe is ...`` counts for an author already known from the byline;
    an unknown name needs a ``By`` or ``About the author:`` lead-in. The
    lead-in is dropped from the bio.
    """
    text = clean(text)
    if len(text) > 600:
        return None
    m = _BIO_PREFIX.match(text)
    body = text[m.end() :] if m else text
    for name in known:
        if body.lower().startswith(name.lower()) and _BIO_VERB.match(body, len(name)):
            return name, body
    if not (m and m.group("strong")):
        return None
    verb = _BIO_VERB.search(body)
    if verb is None or not looks_like_name(body[: verb.start()]):
        return None
    return tidy_name(body[: verb.start()]), body


# --------------------------------------------------------------------------
# The article


@dataclass(slots=True)
class Trail:
    """Where each metadata field came from, for ``inspect --explain``: field -> line and heuristic."""

    lines: list[str]
    where: dict[str, str] = field(default_factory=dict)

    def line_of(self, needle: str) -> int | None:
        """The 1-based number of the first line holding ``needle`` (spaces cleaned)."""
        needle = clean(needle)
        for i, line in enumerate(self.lines, 1):
            if needle and needle in clean(line):
                return i
        first = needle.split(" ")[0] if needle else ""
        for i, line in enumerate(self.lines, 1):  # a paragraph wrapped over several lines
            if first and clean(line).startswith(first):
                return i
        return None

    def note(self, key: str, needle: str, how: str, *, quote: bool = False, keep: bool = True) -> None:
        """Record ``key`` as found on the line holding ``needle`` by the heuristic ``how``."""
        if keep and key in self.where:
            return
        n = self.line_of(needle)
        shown = clean(needle)
        shown = shown if len(shown) <= 60 else shown[:59] + "…"
        at = f"line {n}" if n else "the text"
        self.where[key] = f"{at}: {shown!r} ({how})" if quote else f"{at} ({how})"


@dataclass(slots=True)
class Header:
    """What the lines above the body say."""

    title: str | None = None
    subtitle: str | None = None
    authors: list[Author] = field(default_factory=list)
    publisher: str | None = None
    published: str | None = None
    updated: str | None = None

    def add(self, info: Byline | DateLine) -> None:
        if isinstance(info, DateLine):
            self.published = self.published or info.published
            self.updated = self.updated or info.updated
            return
        known = {a.name for a in self.authors}
        self.authors += [Author(n, role=info.role) for n in info.names if n not in known]
        self.publisher = self.publisher or info.publisher


#: The header (byline, title, subtitle, dates) lies within the first blocks.
_HEADER_BLOCKS = 6


def parse_header_line(line: str) -> list[Byline | DateLine] | None:
    """A byline, a date line, or both joined by ``|`` / ``·``; else ``None``."""
    found: list[Byline | DateLine] = []
    parts = re.split(r"\s+[|·•]\s+", clean(line))
    for part in parts:
        info: Byline | DateLine | None = parse_date_line(part) or find_byline(part)
        if info is None and found and looks_like_publisher(part):
            info = Byline(publisher=part)
        if info is None:
            return None
        found.append(info)
    return found


def unpack_header(block: list[str]) -> list[list[str]]:
    """A first block that holds the header lines and the body with no blank line between them, split.

    Wire copy often arrives packed: headline, byline and date lines, then the
    body, line after line. A leading line comes off as a block of its own
    when it is a byline or date line, or a headline followed by one of those,
    by a dateline lead (``SALVADOR, Feb 26 - ...``) or by a line indented
    deeper (the body's first paragraph). Anything else leaves the block whole:
    the first line of a hard-wrapped paragraph is followed by its next line.
    """
    out: list[list[str]] = []
    i = 0
    while i < min(len(block) - 1, 4):
        line, following = block[i], block[i + 1]
        if line[:1].isspace():
            break
        if parse_header_line(line) is not None or (
            i == 0
            and looks_like_title(line)
            and (
                parse_header_line(following) is not None
                or split_dateline(clean(following)) is not None
                or following[:1].isspace()
            )
        ):
            out.append([line])
        else:
            break
        i += 1
    return [*out, block[i:]] if out else [block]


def read_header(blocks: list[list[str]], trail: Trail | None = None) -> tuple[Header, int]:
    """The header and how many blocks it takes; stops at the first body block."""
    head = Header()
    i = 0
    while i < min(len(blocks), _HEADER_BLOCKS):
        lines = blocks[i]
        infos = [parse_header_line(x) for x in lines]
        rest = [x for x, info in zip(lines, infos, strict=True) if info is None]
        title = find_title(rest, i + 1 < len(blocks)) if rest and head.title is None else None
        if rest and title is None:
            following = blocks[i + 1] if i + 1 < len(blocks) else []
            if not _is_subtitle(head, rest, following, i + 2 < len(blocks)):
                break
            head.subtitle = join_wrapped(rest)
            if trail is not None:
                trail.note("subtitle", rest[0], "short block between the title and a byline/date: standfirst")
        if title is not None and trail is not None:
            trail.note("title", title, "first short line without a final period")
        head.title = head.title or title
        for line, info in zip(lines, infos, strict=True):
            for item in info or ():
                if trail is not None:
                    _trail_header(trail, head, item, line)
                head.add(item)
        i += 1
    return head, i


def _trail_header(trail: Trail, head: Header, item: Byline | DateLine, line: str) -> None:
    """Note the fields a header line is about to fill (those still empty)."""
    if isinstance(item, DateLine):
        if item.published and not head.published:
            trail.note("published", line, "parse_date_line", quote=True)
        if item.updated and not head.updated:
            trail.note("updated", line, "parse_date_line", quote=True)
        return
    if item.names:
        trail.note("authors", line, "byline, find_byline", quote=True)
        if item.role:
            trail.note("role", line, "role after the names in the byline", quote=True)
    if item.publisher and not head.publisher:
        trail.note("publisher", line, "publisher named in the byline", quote=True)


def _is_subtitle(head: Header, rest: list[str], following: list[str], more_follows: bool) -> bool:
    """A short block between the title and a byline/date block (with body after it) is a standfirst."""
    return (
        head.title is not None
        and head.subtitle is None
        and more_follows
        and len(join_wrapped(rest)) <= 300
        and bool(following)
        and all(parse_header_line(x) is not None for x in following)
    )


def with_bio(authors: list[Author], name: str, bio: str) -> list[Author]:
    """The authors with ``bio`` set on ``name``, who is added when not yet known."""
    if any(a.name == name for a in authors):
        return [Author(a.name, a.role, bio) if a.name == name else a for a in authors]
    return [*authors, Author(name, None, bio)]


def body_items(blocks: list[list[str]]) -> list[Block | str]:
    """Rules, lists, and paragraphs still as strings for the passes that follow."""
    items: list[Block | str] = []
    for lines in blocks:
        if is_rule(lines):
            items.append(Rule())
        elif (found := find_list(lines)) is not None:
            items.append(found)
        else:
            items.extend(p for p in split_paragraphs(lines) if p)
    return items


def parse_article(text: str, provenance: dict[str, str] | None = None) -> Article:
    """The article in decoded plain text; ``provenance`` learns where each field came from."""
    blocks = split_blocks(text)
    if blocks and len(blocks[-1]) > 1 and find_signoff(blocks[-1][-1]) is not None:
        # a sign-off on the story's last line is never part of its last paragraph
        blocks = [*blocks[:-1], blocks[-1][:-1], blocks[-1][-1:]]
    if blocks:
        blocks = [*unpack_header(blocks[0]), *blocks[1:]]
    trail = Trail(_LINE_BREAK.split(text)) if provenance is not None else None
    head, used = read_header(blocks, trail)
    items = body_items(blocks[used:])

    notes: list[Note] = []
    kept: list[Block | str] = []
    for item in items:
        note = classify_note(item) if isinstance(item, str) else None
        if note is None:
            kept.append(item)
        else:
            notes.append(Note(f"n{len(notes) + 1}", note[0], (Paragraph((Text(note[1]),)),)))
            if trail is not None and isinstance(item, str):
                trail.note(f"notes.n{len(notes)}", item, f"{note[0]}, classify_note", quote=True)
    items = kept

    if items and isinstance(items[-1], str):
        bio = find_bio(items[-1], tuple(a.name for a in head.authors))
        if bio is not None:
            if trail is not None:
                trail.note("bio", items[-1], f"closing paragraph about {bio[0]}, find_bio")
                if bio[0] not in {a.name for a in head.authors}:
                    trail.note("authors", items[-1], "named by the closing bio, find_bio")
            items.pop()
            head.authors = with_bio(head.authors, *bio)
    if not head.authors and items and isinstance(items[-1], str):
        closing = find_byline(items[-1])
        if closing is not None and closing.names:
            if trail is not None:
                trail.note("authors", items[-1], "closing byline, find_byline", quote=True)
                if closing.publisher and not head.publisher:
                    trail.note("publisher", items[-1], "publisher in the closing byline", quote=True)
            items.pop()
            head.add(closing)

    if items and isinstance(items[-1], str) and (agency := find_signoff(items[-1])) is not None:
        if trail is not None and not head.publisher:
            trail.note("publisher", items[-1], "wire sign-off, find_signoff", quote=True)
        items.pop()
        head.publisher = head.publisher or agency

    while items and isinstance(items[0], Rule):
        items.pop(0)
    while items and isinstance(items[-1], Rule):
        items.pop()

    dateline = None
    if items and isinstance(items[0], str):
        found = split_dateline(items[0])
        if found is not None:
            dateline = found.place
            if trail is not None:
                trail.note("dateline", items[0][:40], "lead paragraph prefix, split_dateline", quote=True)
                if found.agency and not head.publisher:
                    trail.note(
                        "publisher", items[0][:40], "agency in the dateline, split_dateline", quote=True
                    )
            if found.rest:
                items[0] = found.rest
            else:
                items.pop(0)
            head.publisher = head.publisher or found.agency

    body = tuple(Paragraph((Text(i),)) if isinstance(i, str) else i for i in items)
    meta = Metadata(
        title=head.title,
        subtitle=head.subtitle,
        authors=tuple(head.authors),
        published=head.published,
        updated=head.updated,
        dateline=dateline,
        publisher=head.publisher,
    )
    if provenance is not None and trail is not None:
        provenance.update(trail.where)
    return Article(meta=meta, body=body, notes=tuple(notes))


class TextReader:
    name: ClassVar[str] = "text"
    #: SGML newswire collections (Reuters-21578, the TREC/TIPSTER sets) are
    #: text with a few tags; they read as text, as when given one by one.
    extensions: ClassVar[tuple[str, ...]] = (".txt", ".text", ".sgm", ".sgml")
    description: ClassVar[str] = "plain-text articles (byline, title, date, dateline, notes, bio)"

    def read(self, data: bytes, options: ReadOptions) -> Article:
        return parse_article(decode_text(data, options.warnings), options.provenance)
