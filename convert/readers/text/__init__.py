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
leaves a field empty rather than fill it with a guess. They live by what they
recognise: :mod:`.blocks` (lines, paragraphs, lists, rules), :mod:`convert.readers._bylines`
(bylines, names, publishers, sign-offs), :mod:`.datelines` (date lines and
datelines), :mod:`.notes` (end notes and the bio) and :mod:`.header` (title,
standfirst, the packed wire header, the provenance trail). This module reads
the article in that order and re-exports their names.
"""

from __future__ import annotations

from functools import cache
from typing import ClassVar, Protocol

from ...base import ReadOptions
from ...io import check_text, decode_legacy, decode_text, utf16_without_bom  # noqa: F401 - re-exported
from ...model import Article, Block, Metadata, Note, Paragraph, Rule, Text
from ...names import looks_like_name, looks_like_publisher  # noqa: F401 - re-exported
from .._bylines import (  # noqa: F401 - re-exported
    Byline,
    credit_date,
    find_byline,
    find_signoff,
    read_credit,
    tidy_name,
)
from .blocks import (  # noqa: F401 - re-exported
    body_items,
    clean,
    find_list,
    is_rule,
    join_wrapped,
    split_blocks,
    split_lines,
    split_paragraphs,
)
from .datelines import (  # noqa: F401 - re-exported
    DateLine,
    Dateline,
    Language,
    dateline_date,
    parse_date,
    parse_date_line,
    split_dateline,
)
from .header import (  # noqa: F401 - re-exported
    Header,
    Trail,
    find_title,
    looks_like_title,
    parse_header_line,
    read_header,
    unpack_header,
)
from .notes import classify_note, find_bio, with_bio  # noqa: F401 - re-exported


class _CachedLanguage(Protocol):
    """:data:`Language` that says whether it has been asked (``functools.cache``'s ``cache_info``)."""

    def __call__(self) -> str | None: ...
    def cache_info(self) -> tuple[int, int, int | None, int]: ...


#: A body in the making: rules and lists as blocks, paragraphs still as strings.
Items = list[Block | str]


def parse_article(
    text: str, provenance: dict[str, str] | None = None, language_given: str | None = None
) -> Article:
    """The article in decoded plain text; ``provenance`` learns where each field came from.
    ``language_given`` (``--language``) is the text's language: no identification."""
    language = _language_of(text, language_given)
    blocks = _blocks(text, language)
    trail = Trail(split_lines(text)) if provenance is not None else None
    head, used = read_header(blocks, trail, language)
    items = body_items(blocks[used:])
    items, notes = take_notes(items, trail)
    take_bio(items, head, trail)
    if not head.authors:
        take_closing_byline(items, head, trail, language)
    take_signoff(items, head, trail)
    _strip_rules(items)
    dateline = take_dateline(items, head, trail, language)

    body = tuple(Paragraph((Text(i),)) if isinstance(i, str) else i for i in items)
    meta = Metadata(
        title=head.title,
        subtitle=head.subtitle,
        authors=tuple(head.authors),
        published=head.published,
        updated=head.updated,
        dateline=dateline,
        dateline_dash=head.dateline_dash if dateline else None,
        publisher=head.publisher,
        # identified for a header line in another language's words: normalize does not ask again
        language=language() if language.cache_info()[3] else None,
    )
    if provenance is not None and trail is not None:
        if meta.language and not language_given:
            trail.where["language"] = "identified from the text (py3langid)"
        provenance.update(trail.where)
    return Article(meta=meta, body=body, notes=tuple(notes))


def _language_of(text: str, given: str | None = None) -> _CachedLanguage:
    """The text's language, identified when first asked (a date line or a byline that may be in
    another language's words) and then kept: the article carries it, for normalize."""

    @cache
    def language() -> str | None:
        from ...locale.language import identify

        return given or identify(text)

    return language


def _blocks(text: str, language: Language | None = None) -> list[list[str]]:
    """The text's blocks, a closing sign-off and a packed wire header split off."""
    blocks = split_blocks(text)
    if blocks and len(blocks[-1]) > 1 and find_signoff(blocks[-1][-1]) is not None:
        # a sign-off on the story's last line is never part of its last paragraph
        blocks = [*blocks[:-1], blocks[-1][:-1], blocks[-1][-1:]]
    if blocks:
        blocks = [*unpack_header(blocks[0], language), *blocks[1:]]
    return blocks


def take_notes(items: Items, trail: Trail | None) -> tuple[Items, list[Note]]:
    """The items that are not notes, and the notes (numbered ``n1``, ``n2`` ...)."""
    notes: list[Note] = []
    kept: Items = []
    for item in items:
        note = classify_note(item) if isinstance(item, str) else None
        if note is None:
            kept.append(item)
        else:
            notes.append(Note(f"n{len(notes) + 1}", note[0], (Paragraph((Text(note[1]),)),)))
            if trail is not None and isinstance(item, str):
                trail.note(f"notes.n{len(notes)}", item, f"{note[0]}, classify_note", quote=True)
    return kept, notes


def take_bio(items: Items, head: Header, trail: Trail | None) -> None:
    """A closing paragraph about an author: off the body, onto that author."""
    if not (items and isinstance(items[-1], str)):
        return
    bio = find_bio(items[-1], tuple(a.name for a in head.authors))
    if bio is None:
        return
    if trail is not None:
        trail.note("bio", items[-1], f"closing paragraph about {bio[0]}, find_bio")
        if bio[0] not in {a.name for a in head.authors}:
            trail.note("authors", items[-1], "named by the closing bio, find_bio")
    items.pop()
    head.authors = with_bio(head.authors, *bio)


def take_closing_byline(
    items: Items, head: Header, trail: Trail | None, language: Language | None = None
) -> None:
    """A ``By ...`` line that names people at the end of the body: off the body, into the header."""
    if not (items and isinstance(items[-1], str)):
        return
    closing = find_byline(items[-1], language)
    if closing is None or not closing.names:
        return
    if trail is not None:
        trail.note("authors", items[-1], "closing byline, find_byline", quote=True)
        if closing.publisher and not head.publisher:
            trail.note("publisher", items[-1], "publisher in the closing byline", quote=True)
    items.pop()
    head.add(closing)


def take_signoff(items: Items, head: Header, trail: Trail | None) -> None:
    """A wire service's closing sign-off (``Reuter``, ``(AP)``): off the body, the publisher if none."""
    if not (items and isinstance(items[-1], str)) or (agency := find_signoff(items[-1])) is None:
        return
    if trail is not None and not head.publisher:
        trail.note("publisher", items[-1], "wire sign-off, find_signoff", quote=True)
    items.pop()
    head.publisher = head.publisher or agency


def _strip_rules(items: Items) -> None:
    """Section breaks at either end of the body separate nothing."""
    while items and isinstance(items[0], Rule):
        items.pop(0)
    while items and isinstance(items[-1], Rule):
        items.pop()


def take_dateline(
    items: Items, head: Header, trail: Trail | None, language: Language | None = None
) -> str | None:
    """The place a lead paragraph opens with, taken off it; its wire credit is the publisher if none.
    In Japanese and Chinese copy, the credit a lead opens with (``【ワシントン＝山田太郎】``,
    ``新华社北京12月6日电（记者王小明）``) gives the place, the reporters and the agency
    (:func:`take_credit`)."""
    if not (items and isinstance(items[0], str)):
        return None
    # Only the first paragraph: a dateline after a line the header could not read (``3 mars 2025 vers
    # midi``) stays in the text, as every exporter prints the dateline in front of the first paragraph.
    return _take_dateline(items, head, trail, language)


def _take_dateline(items: Items, head: Header, trail: Trail | None, language: Language | None) -> str | None:
    """:func:`take_dateline` on the first item, which is a paragraph."""
    assert isinstance(items[0], str)
    found = split_dateline(items[0], language)
    if found is None:
        return take_credit(items, head, trail, language)
    # ``CAIRO, March 12, 2024 —``: the dateline's whole date is the published date if none
    dated = None if head.published else dateline_date(found.extra, language)
    if trail is not None:
        trail.note("dateline", items[0][:40], "lead paragraph prefix, split_dateline", quote=True)
        if found.agency and not head.publisher:
            trail.note("publisher", items[0][:40], "agency in the dateline, split_dateline", quote=True)
        if dated:
            trail.note("published", items[0][:40], "the date in the dateline, dateline_date", quote=True)
    head.published = head.published or dated
    if found.rest:
        items[0] = found.rest
    else:
        items.pop(0)
    head.publisher = head.publisher or found.agency
    head.dateline_dash = found.dash
    return found.place


def take_credit(items: Items, head: Header, trail: Trail | None, language: Language | None) -> str | None:
    """The wire credit the lead opens with (:func:`convert.readers._bylines.read_credit`): its agency
    is the publisher if none, its month and day the published date if none (the year from the updated
    date), its reporters the authors if the header named none (a byline there wins, as front matter
    does in Markdown: :func:`convert.readers._bylines.take_lead_credit`); taken off the lead only when
    its reporters are all among the authors then. The place it gives, if any, either way."""
    assert isinstance(items[0], str)
    credit = read_credit(items[0], language)
    if credit is None:
        return None
    adopted = credit.names if not head.authors else ()
    if trail is not None:
        how = "the wire credit opening the lead, read_lead_credit"
        for key, found in (
            ("dateline", credit.place),
            ("authors", adopted),
            ("publisher", credit.agency),
        ):
            if found and not (key == "publisher" and head.publisher):
                trail.note(key, items[0][: credit.end], how, quote=True)
    published = head.published or credit_date(credit, head.updated)
    if published and not head.published and trail is not None:
        trail.note(
            "published", items[0][: credit.end], "the wire credit's day, its year from the updated date"
        )
    head.add(Byline(adopted, publisher=credit.agency, published=published))
    if not set(credit.names) <= {a.name for a in head.authors}:
        return credit.place  # other authors in the header: the credit's names stay where they are printed
    if rest := items[0][credit.end :].strip():
        items[0] = rest
    else:
        items.pop(0)
    return credit.place


class TextReader:
    name: ClassVar[str] = "text"
    #: SGML newswire collections (Reuters-21578, the TREC/TIPSTER sets) are
    #: text with a few tags; they read as text, as when given one by one.
    extensions: ClassVar[tuple[str, ...]] = (".txt", ".text", ".sgm", ".sgml")
    description: ClassVar[str] = "plain-text articles (byline, title, date, dateline, notes, bio)"

    def read(self, data: bytes, options: ReadOptions) -> Article:
        return parse_article(decode_text(data, options.warnings), options.provenance, options.language)
