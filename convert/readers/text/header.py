"""The lines above the body: headline, standfirst, bylines and date lines.

Also the provenance trail (:class:`Trail`) that ``inspect --explain`` shows.
"""

from __future__ import annotations

import re
from dataclasses import field

from ..._regex import compiled, lazy
from ...cache import dataclass
from ...model import Author
from ...names import looks_like_publisher
from .._bylines import Byline, find_byline, read_credit
from .blocks import clean, is_rule, join_wrapped, unmarked
from .datelines import DateLine, Language, parse_date_line, split_dateline
from .notes import classify_note

#: A final period that ends an abbreviation, not a sentence: ``U.S.``, ``Inc.``.
_ABBREVIATION_END = lazy(r"(?:\b(?:[^\W\d_]\.){2,}|\b(?:Inc|Corp|Co|Ltd|Jr|Sr|St|Bros)\.)$", re.I)


#: What ends a sentence or a clause, not a headline: the full stop, comma, semicolon and colon, and
#: their ideographic and full-width forms (``。``, ``，``, ``；``, ``：``, ``．``: Chinese and Japanese
#: prose) and the Devanagari danda (``।``).
_SENTENCE_ENDS = (".", ",", ";", ":", "。", "，", "；", "：", "．", "।")


def looks_like_title(line: str) -> bool:
    """Short, one line, and not ending like a sentence (a final period) or a clause."""
    text = clean(line)
    bare = text.rstrip("\"'”’»)]")
    return (
        0 < len(text) <= 150
        and len(text.split()) <= 25
        and any(ch.isalpha() for ch in text)
        and not (bare.endswith(_SENTENCE_ENDS) and not _ABBREVIATION_END.search(bare))
        and not text.startswith(("*", "•", "- "))
        and not is_rule([text])
        and classify_note(text) is None
    )


def find_title(lines: list[str], more_follows: bool) -> str | None:
    """The headline from a block: one short line (or one underlined with ``===``).

    Only when more text follows: a lone short line is the article, not its title.
    """
    if not more_follows:
        return None
    if len(lines) == 2 and compiled(r"=+|-+").fullmatch(unmarked(lines[1])) and len(unmarked(lines[1])) >= 3:
        lines = lines[:1]
    if len(lines) != 1 or not looks_like_title(lines[0]):
        return None
    return clean(lines[0])


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
    #: The dash typed after the lead's dateline (:attr:`convert.model.Metadata.dateline_dash`).
    dateline_dash: str | None = None

    def add(self, info: Byline | DateLine) -> None:
        if isinstance(info, DateLine):
            self.published = self.published or info.published
            self.updated = self.updated or info.updated
            return
        known = {a.name for a in self.authors}
        self.authors += [Author(n, role=info.role) for n in info.names if n not in known]
        self.publisher = self.publisher or info.publisher
        self.published = self.published or info.published


#: The header (byline, title, subtitle, dates) lies within the first blocks.
_HEADER_BLOCKS = 6


def parse_header_line(line: str, language: Language | None = None) -> list[Byline | DateLine] | None:
    """A byline, a date line, or both joined by ``|`` / ``·``; else ``None``.

    ``language`` gives the article's language for dates and bylines written its way
    (:func:`parse_date_line`, :func:`find_byline`).
    """
    found: list[Byline | DateLine] = []
    parts = compiled(r"\s+[|·•]\s+").split(clean(line))
    if len(parts) > 1 and (dates := parse_date_line(line, language)) is not None:
        return [dates]  # dates alone: one day in two calendars keeps its Gregorian date
    for part in parts:
        info: Byline | DateLine | None = parse_date_line(part, language) or find_byline(part, language)
        if info is None and found and looks_like_publisher(part):
            info = Byline(publisher=part)
        if info is None:
            return None
        found.append(info)
    return found


def unpack_header(block: list[str], language: Language | None = None) -> list[list[str]]:
    """A first block that holds the header lines and the body with no blank line between them, split.

    Wire copy often arrives packed: headline, byline and date lines, then the
    body, line after line. A leading line comes off as a block of its own
    when it is a byline or date line, or a headline followed by one of those,
    by a dateline lead (``SALVADOR, Feb 26 - ...``; a wire credit, ``【ワシントン＝山田太郎】…``, in
    Japanese and Chinese copy) or by a line indented
    deeper (the body's first paragraph). Anything else leaves the block whole:
    the first line of a hard-wrapped paragraph is followed by its next line.
    """
    out: list[list[str]] = []
    i = 0
    while i < min(len(block) - 1, 4):
        line, following = block[i], block[i + 1]
        if line[:1].isspace():
            break
        if parse_header_line(line, language) is not None or (
            i == 0
            and looks_like_title(line)
            and (
                parse_header_line(following, language) is not None
                or split_dateline(clean(following)) is not None
                or read_credit(clean(following), language) is not None
                or following[:1].isspace()
            )
        ):
            out.append([line])
        else:
            break
        i += 1
    return [*out, block[i:]] if out else [block]


def _bare_credit(line: str, language: Language | None) -> bool:
    """Whether ``line`` is a wire credit that names its agency or its dispatch and nothing else
    (``新华社北京12月6日电（记者王小明）``, ``【北京＝共同】``): no headline. A place and a name alone
    (``【ワシントン＝山田太郎】``) may be a kicker's topic (``【特集＝東京五輪】``) over a headline."""
    credit = read_credit(clean(line), language)
    if credit is None or credit.end != len(clean(line)):
        return False
    return credit.agency is not None or credit.month is not None or not clean(line).startswith("【")


def read_header(
    blocks: list[list[str]], trail: Trail | None = None, language: Language | None = None
) -> tuple[Header, int]:
    """The header and how many blocks it takes; stops at the first body block.

    A byline or date block right after the lead paragraph, when that lead opens with a dateline
    (``PARIS, 12 mars 2024 — …`` then ``Par Jean Martin``), is the header's too: it is read and
    taken out of ``blocks``, and the lead stays the body's first paragraph, its dateline with it.
    """
    head = Header()
    i = 0
    while i < min(len(blocks), _HEADER_BLOCKS):
        lines = blocks[i]
        if len(lines) == 1 and _bare_credit(lines[0], language):
            break  # 新华社北京12月6日电（记者王小明） on its own line: the body's, as a dateline would be
        infos = [parse_header_line(x, language) for x in lines]
        if head.title is None and _headline_not_byline(lines, infos, blocks[i + 1 :], language):
            infos = [None]
        rest = [x for x, info in zip(lines, infos, strict=True) if info is None]
        title = find_title(rest, i + 1 < len(blocks)) if rest and head.title is None else None
        if rest and title is None:
            following = blocks[i + 1] if i + 1 < len(blocks) else []
            if not _is_subtitle(head, rest, following, i + 2 < len(blocks), language):
                break
            if len(rest) == len(lines) and split_dateline(join_wrapped(rest)) is not None:
                # a dateline opens the body, never a standfirst: the lead stays, the byline is read
                for line in following:
                    for item in parse_header_line(line, language) or ():
                        if trail is not None:
                            _trail_header(trail, head, item, line)
                        head.add(item)
                del blocks[i + 1]
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


def _headline_not_byline(
    lines: list[str],
    infos: list[list[Byline | DateLine] | None],
    after: list[list[str]],
    language: Language | None,
) -> bool:
    """Whether a line a headline may read as (:attr:`Byline.headline_like`: ``Von Null auf Hundert``,
    ``文・芸術の秋``) stands where the headline goes: no headline yet and none
    in the blocks below it (:func:`_headline_below`). ``Von Ursula von der Leyen`` above the headline
    stays a byline; so does ``Por María de la Cruz`` with only the body below (her particles are
    Spanish ones: the line is not headline-like). A byline read by a newer catalogue's colon label
    (:attr:`Byline.needs_title`: ``Autor: Jan Kowalski Odpowiada``) counts as headline-like."""
    if (
        len(lines) != 1
        or not infos[0]
        or not any(isinstance(x, Byline) and (x.headline_like or x.needs_title) for x in infos[0])
    ):
        return False
    if not looks_like_title(lines[0]) or not after:
        return False
    return not _headline_below(after, language)


#: How many blocks below a byline :func:`_headline_below` looks through for the headline.
_HEADLINE_REACH = 3


def _headline_below(after: list[list[str]], language: Language | None) -> bool:
    """Whether the first block below that is not all byline and date lines (``12 de marzo de
    2024``, within :data:`_HEADLINE_REACH` blocks) can be the headline."""
    for n, block in enumerate(after[:_HEADLINE_REACH]):
        if all(parse_header_line(x, language) is not None for x in block):
            continue
        return find_title(block, n + 1 < len(after)) is not None
    return False


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
    if item.published and not head.published:
        trail.note(
            "published", line, f"the date after the names in the byline, {item.published_by}", quote=True
        )


def _is_subtitle(
    head: Header, rest: list[str], following: list[str], more_follows: bool, language: Language | None = None
) -> bool:
    """A short block between the title and a byline/date block (with body after it) is a standfirst."""
    return (
        head.title is not None
        and head.subtitle is None
        and more_follows
        and len(join_wrapped(rest)) <= 300
        and bool(following)
        and all(parse_header_line(x, language) is not None for x in following)
    )
