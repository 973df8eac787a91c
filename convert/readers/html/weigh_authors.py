"""Authors weighed across the evidence: JSON-LD, catalogue and author tags, the byline, trafilatura.

"Prefer none to a wrong byline": a source counts only for names the page
shows its reader, and the weak sources only when a second one agrees.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import TYPE_CHECKING, Any

from lxml.html import HtmlElement

from ...names import (
    UNSPACED_LETTERS,
    has_role_word,
    looks_like_name,
    looks_like_publisher,
    names_a_role,
    names_an_institution,
    one_word,
)
from .byline import BY_SOURCE, POSTED_SOURCE, byline_candidates, bylined, page_spelling
from .jsonld import ld_author_names, ld_label
from .jsonld import ld_names as ld_people
from .metatags import MetaTags
from .names import AUTHOR_RULES, AuthorFilter, names_an_agency, not_a_co_author
from .text import name_key as _name_key
from .text import reader_text, squash

if TYPE_CHECKING:
    from .weigh import Extracted, Where


#: Whether trafilatura's author guess may stand alone, with no second source naming the same
#: person (only the page text showing it). Off: on the tuning half it added 15 right names and 5
#: wrong ones (precision 0.914 -> 0.942 without it on trafilatura's pages, recall 0.605 -> 0.538),
#: and "prefer none to a wrong byline" puts precision first (bench/RESULTS.md).
TRUST_GUESSES = False
#: :data:`.names.AUTHOR_RULES` (one table for the name filter and the weighing; ``bench/accuracy.py
#: --ablate NAME`` switches a rule off) gains the weighing's rules:
AUTHOR_RULES.update(
    {
        # trafilatura's full names stand alone when the page shows each as a byline (below)
        "signed-guesses": True,
        # ... and only when shown near the headline (:data:`_HEADLINE_REACH`)
        "near-headline": True,
        # JSON-LD's Person and <meta name=author> naming the same person agree (:func:`_owners`)
        "owners": True,
        # JSON-LD's first author gives way to one field listing them all (:func:`_fuller`)
        "fuller": True,
        # <meta name=author> stands when trafilatura agrees and the page shows every name
        "meta-by-trafilatura": True,
        # every source counts only for names the page shows its reader (:func:`_is_shown`)
        "shown": True,
        # a one-word name from a byline element counts only when the page signs with it
        "one-word-bylines": True,
        # a JSON-LD or <meta> author is confirmed by the page signing it near the headline (:func:`_signed_by_page`)
        "signed-markup": True,
        # a name is shown when each of its words is a word of the page, not part of a longer one
        # (:meth:`Shown.has_word`): "Ana Renz" is not shown by "Banana" and "Konferenz"
        "whole-words": True,
        # the co-authors :func:`_fuller` adds (from a byline or a <meta> field) are full names without
        # a desk's, newsroom role's or department's word or a title inside (:func:`convert.names.names_a_role`)
        "co-author-names": True,
        # a "By NAME" line with no byline markup names no agency, paper, desk or organisation
        # (:func:`_a_writer`: "By Associated Press", "By News Desk", "By Guest Contributor")
        "by-line-credits": True,
    }
)
#: "signed-guesses": trafilatura's full names stand alone when the page shows each as a byline (a
#: link to the author's page, "by NAME", an hCard): a narrower trust than :data:`TRUST_GUESSES`. On the tuning
#: half it added 4 right names and 1 wrong one (trafilatura's pages: precision 0.912 -> 0.908,
#: recall 0.595 -> 0.614); the validation half agreed on recall (0.566 -> 0.590) and paid more in
#: precision (0.899 -> 0.887), two of its three new wrong names on pages annotated "no author".
#: Since such a name must stand near the headline ("near-headline"): tuning 0.934 / 0.605
#: without it, 0.936 / 0.624 with it; validation 0.908 / 0.572 without, 0.904 / 0.595 with.


def weigh_authors(
    tree: HtmlElement,
    tags: MetaTags,
    ld: dict[str, Any] | None,
    extracted: Extracted,
    check: AuthorFilter,
    where: Where,
) -> list[str]:
    """The authors, from the most trusted source that passes its test; sources are never merged.

    JSON-LD and ``<meta name=author>`` are often filled by a CMS with the
    site or an editor account, so they count only when another source names
    one of the same people: a byline, or trafilatura, whose own checks
    (it also reads the meta tag) reject handles and site accounts. A
    catalogue entry (``citation_author``) or a byline element stands on its
    own; trafilatura's guess alone is kept only for full names, or for a
    one-word name the page signs with.

    Every source counts only for names the page shows its reader: a name
    found only in markup (JSON-LD, ``<meta>``, a hidden ``itemprop``) is the
    CMS account that posted the page more often than the writer.
    """
    meta_keys = [
        k for k in ("author", "parsely-author", "sailthru.author", "byl", "article:author") if tags.get(k)
    ]
    # Every value, not the first: CMSs write one tag per author (``parsely-author`` twice).
    meta_values = [v for name in meta_keys for v in tags[name][:12]]
    catalogue_keys = [
        k
        for k in ("citation_author", "dc.creator", "dcterms.creator", "dc:creator", "dcterms:creator")
        if tags.get(k)
    ]
    catalogued = [v for name in catalogue_keys for v in tags[name]]
    ld_pairs = ld_author_names(ld)
    ld_names = _unique(n for name, person in ld_pairs for n in check.names(name, person=person))
    catalogue_names = _unique(n for v in catalogued for n in check.names(_uninvert(v)))
    meta_names = _unique(n for v in meta_values for n in check.names(v, single_words=False))
    byline_names: list[str] = []
    byline_where = ""
    text = reader_text(tree)
    for raw, source in byline_candidates(tree):
        # One word alone ("Follow", "Heiko", 人氣 "views") names someone only when the page signs with it.
        if names := [
            n
            # a byline the reader sees is its writer's even on a site named after them
            for n in check.names(raw, byline=True)
            if " " in n or not AUTHOR_RULES["one-word-bylines"] or bylined(tree, text, n)
        ]:
            if source.startswith(POSTED_SOURCE) and not all(
                _near_headline(tree, text, extracted.title, n) and _a_poster(n) for n in names
            ):
                continue  # a reader's post, another story's teaser, an agency's or a desk's account
            if (
                AUTHOR_RULES["by-line-credits"]
                and source.startswith(BY_SOURCE)
                and not (names := [n for n in names if _a_writer(n)])
            ):
                continue  # "By Associated Press", "By News Desk": an agency's or a desk's credit
            byline_names, byline_where = names, source
            break
    extracted_names = check.names(
        extracted.author.replace(";", ",") if extracted.author else None, whole=False
    )
    ld_where = ld_label(ld, "author" if any(ld_people(ld.get("author"))) else "creator") if ld else ""
    shown = _visible_key(tree)
    ld_names, catalogue_names, meta_names, byline_names, extracted_names = (
        [n for n in names if _is_shown(n, shown) or not AUTHOR_RULES["shown"]]
        for names in (ld_names, catalogue_names, meta_names, byline_names, extracted_names)
    )
    catalogue_where = ", ".join(tags.label(k) for k in catalogue_keys)
    meta_where = ", ".join(tags.label(k) for k in meta_keys)
    traf_where = "trafilatura (author heuristics)"
    everything = [
        (ld_names, ld_where),
        (catalogue_names, catalogue_where),
        (meta_names, meta_where),
        (byline_names, byline_where),
        (extracted_names, traf_where),
    ]
    if ld_names and (
        other := _agreeing(
            ld_names,
            [
                *everything[1:],
                *([_owners(ld_pairs, meta_values, shown, byline_names)] if AUTHOR_RULES["owners"] else []),
                *(
                    [_signed_by_page(tree, ld_names, text, extracted.title)]
                    if AUTHOR_RULES["signed-markup"]
                    else []
                ),
            ],
        )
    ):
        where["authors"] = f"{ld_where}, confirmed by {other}"
        fields = [
            ([n for n in check.names(v, single_words=False) if _is_shown(n, shown)], tags.label(k))
            for k in meta_keys
            for v in tags[k][:12]
        ]
        if AUTHOR_RULES["fuller"] and (fuller := _fuller(ld_names, [(byline_names, byline_where), *fields])):
            where["authors"] += f", with the co-authors {fuller[1]} lists"
            return fuller[0][:12]
        return ld_names[:12]
    if catalogue_names:
        where["authors"] = catalogue_where
        return catalogue_names[:12]
    if meta_names:
        other = _agreeing(
            meta_names,
            [
                everything[0],
                everything[3],
                *(
                    [_signed_by_page(tree, meta_names, text, extracted.title)]
                    if AUTHOR_RULES["signed-markup"]
                    else []
                ),
            ],
        )
        if (
            other is None
            and AUTHOR_RULES["meta-by-trafilatura"]
            and all(_name_key(n) in shown for n in meta_names)
        ):
            other = _agreeing(meta_names, [everything[4]])
            other = f"{other} and the page text" if other else None
        if other:
            where["authors"] = f"{meta_where}, confirmed by {other}"
            return meta_names[:12]
    if byline_names:
        where["authors"] = byline_where
        return byline_names[:6]
    if TRUST_GUESSES and extracted_names and (guessed := _shown_guesses(tree, extracted_names, check)):
        where["authors"] = f"{traf_where}, {guessed[1]}"
        return guessed[0][:6]
    if (
        AUTHOR_RULES["signed-guesses"]
        and extracted_names
        and (signed := _signed_guesses(tree, extracted_names, check, extracted.title))
    ):
        where["authors"] = f"{traf_where}, shown as the page's byline near the headline"
        return signed[:6]
    return []


def _a_poster(name: str) -> bool:
    """Whether a "Posted by" line's name is a person's: no agency or paper ("Associated Press"), no
    role's or desk's word even as the last ("Site Editor", "Guest Contributor", "News Desk"), nothing
    the gazetteer knows as a place or an organisation. A verb's line is weaker evidence than "By"."""
    return (
        not looks_like_publisher(name)
        and not has_role_word(name)
        and looks_like_name(name, one_word=True, prose=True)
    )


def _a_writer(name: str) -> bool:
    """Whether a "By" line's name is a person's: not, whole, an agency or a paper ("Associated Press":
    :func:`.names.names_an_agency`), no desk's or newsroom role's word ("News Desk", "Guest
    Contributor"), no head word of an institution's name (:func:`convert.names.names_an_institution`:
    "Acme Foundation"). Unlike :func:`_a_poster`, a title or a department's word may end it, as a
    surname ("Stephen King", "Nancy Jo Sales", "Margaret Court"), and a word the gazetteer keeps from
    names may open it ("Jan Roe")."""
    return (
        not names_an_agency(name)
        and not names_an_institution(name)
        and not names_a_role(name, surname_last=True)
    )


def _signed_by_page(
    tree: HtmlElement, names: list[str], text: str, headline: str | None
) -> tuple[list[str], str]:
    """The full names of ``names`` the page signs near its headline (:func:`.byline.bylined`, as for
    trafilatura's guesses): a JSON-LD or ``<meta>`` author that a byline the reader sees confirms."""
    signed = [
        n
        for n in names
        if not one_word(n) and bylined(tree, text, n) and _near_headline(tree, text, headline, n)
    ]
    return signed, "the page signing the name near the headline"


def _signed_guesses(
    tree: HtmlElement, guesses: list[str], check: AuthorFilter, headline: str | None
) -> list[str]:
    """trafilatura's full names when the page shows each as a byline (:func:`.byline.bylined`: a
    link to the author's page, "by NAME", an hCard), spelled as the page spells them; else ``[]``."""
    text = reader_text(tree)
    names: list[str] = []
    for guess in guesses:
        spelled = page_spelling(text, guess)
        name = check.name(spelled) if spelled else None
        if name is None or one_word(name) or check.brand_word(name) or not bylined(tree, text, name):
            return []
        names.append(name)
    if AUTHOR_RULES["near-headline"] and not all(_near_headline(tree, text, headline, n) for n in names):
        return []
    return names


#: "near-headline": a guess the page signs (:func:`_signed_guesses`) must be shown near the headline
#: (:data:`_HEADLINE_REACH`): a byline sits with its story's headline, and a name far below it is
#: another story's (a list of teasers "Von NAME am DATE") or a reader's.
#: How many characters of the page's text a byline may stand before or after the headline: the
#: kicker and headline above it, the standfirst, a picture's caption and the first paragraphs below.
_HEADLINE_REACH = (1000, 3000)


def _near_headline(tree: HtmlElement, text: str, headline: str | None, name: str) -> bool:
    """Whether ``name`` is shown in ``text`` near a headline (``<h1>`` or ``headline``), or the
    page has no headline to measure from."""
    heads = [squash(h.text_content()) for h in tree.iter("h1")] + [squash(headline)]
    starts = [i for h in heads if len(h) > 3 for i in _positions(text, h)]
    if not starts:
        return True
    before, after = _HEADLINE_REACH
    return any(-before <= n - h <= after for n in _positions(text, name) for h in starts)


def _positions(text: str, part: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(part), text)]


def _shown_guesses(
    tree: HtmlElement, guesses: list[str], check: AuthorFilter
) -> tuple[list[str], str] | None:
    """trafilatura's names, as the page spells them, when the page shows them as a byline; else ``None``.

    A guess alone is weak: full names count only as the page prints them
    (not title-cased from a tag or a magazine's name) and when they are not
    part of the site's name; a one-word name ("Heiko") only when the page
    signs with it ("von Heiko", a link to the author's page).
    """
    text = reader_text(tree)
    names: list[str] = []
    for guess in guesses:
        spelled = page_spelling(text, guess)
        name = check.name(spelled) if spelled else None
        if name is None or check.brand_word(name):
            return None
        names.append(name)
    if not any(map(one_word, names)):
        return names, "names shown in the page text"
    if len(names) == 1 and bylined(tree, text, names[0]):
        return names, "shown as the page's byline"
    return None


def _is_shown(name: str, shown: Shown) -> bool:
    """Whether each word of ``name`` is a word of the page's visible text (``shown``, a
    :func:`_visible_key`).

    Word by word, so "Richard (R.J.) Eskow" on the page shows "Richard Eskow".
    """
    keys = [k for k in (_name_key(w) for w in name.split()) if k]
    return bool(keys) and all(shown.has_word(k) for k in keys)


#: Scripts written without spaces between words (Thai, Lao, Tibetan, Myanmar, Khmer, and
#: :data:`convert.names.UNSPACED_LETTERS`: Han, kana, Hangul, whose "홍길동기자" glues the role to the
#: name): a name in one is shown when the page's text holds it anywhere.
_UNSPACED = re.compile(rf"[\u0e00-\u0fff\u1000-\u109f\u1780-\u17ff{UNSPACED_LETTERS}]")


@cache
def _word_patterns() -> tuple[Any, Any]:
    """A word of the page: letters, combining marks and digits, with the apostrophes, soft hyphens
    and zero-width joiners written inside words; every other character ends it ("Roe|Staff",
    "Roe(AP)", "Autor:Max", "Roe·March"). And a lower-case letter followed by a capital: two words
    glued ("Jeff FoustMonday"). ``regex`` (Unicode's categories, which ``re`` lacks) on first use."""
    import regex  # type: ignore[import-untyped]

    return regex.compile(r"[\p{L}\p{M}\p{N}'’\u00ad\u200c\u200d]+"), regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")


class Shown(str):
    """The page's visible text as one name key (a :class:`str`: ``key in shown`` finds a whole name
    anywhere), with the keys of its words between spaces ("Jean-Luc"), of the parts a character other
    than a letter, a mark or a digit divides (:func:`_word_patterns`: "Jean", "Luc", "Roe|Staff",
    "Isabella.DiBiase"), and of the parts of words a case step joins ("FoustMonday", "McDonald")."""

    words: frozenset[str]

    def __new__(cls, text: str) -> Shown:
        self = super().__new__(cls, _name_key(text))
        word, case_step = _word_patterns()
        tokens = set(word.findall(text))
        glued = {part for t in tokens if case_step.search(t) for part in case_step.split(t)}
        # and the words between spaces whole: "Jean-Luc", "J.R." are one word of a name
        self.words = frozenset(_name_key(t) for t in tokens | glued | set(text.split()))
        return self

    def has_word(self, key: str) -> bool:
        """Whether ``key`` (a :func:`.text.name_key`) is a word of the text: "Renz" is not shown by
        "Konferenz", nor "Ana" by "Banana" ("whole-words"); in a script written without spaces,
        anywhere in it."""
        if not AUTHOR_RULES["whole-words"] or _UNSPACED.search(key):
            return key in self
        return key in self.words


def _visible_key(tree: HtmlElement) -> Shown:
    """The page's visible text as one name key: a name only in ``<meta>`` or scripts is not a byline.

    trafilatura reads the same ``<meta name=author>``, so its agreeing with
    the tag proves nothing; a name the reader can see on the page does.
    """
    return Shown(reader_text(tree, strict=True))


def _unique(names: Iterable[str]) -> list[str]:
    out: list[str] = []
    for name in names:
        if name.casefold() not in {n.casefold() for n in out}:
            out.append(name)
    return out


def _agreeing(names: list[str], others: list[tuple[list[str], str]]) -> str | None:
    """The source of the first other list naming one of ``names`` (keys compared, case ignored)."""
    keys = {_name_key(n) for n in names}
    for other, source in others:
        if any(_name_key(o) in keys for o in other):
            return source
    return None


def _owners(
    ld_pairs: list[tuple[str, bool]], meta_values: list[str], shown: Shown, byline: list[str]
) -> tuple[list[str], str]:
    """The ``<meta name=author>`` names that JSON-LD types as a ``Person``, the site's name or not.

    A personal site is named after its owner ("Jane Roe | Notes"), so the
    author checks reject her name as the site's. When the JSON-LD says the
    author is a person and the meta tag names the same person, the two agree
    on a writer, not on a brand, unless a byline on the page names someone
    else (then the "person" is a magazine's name in a CMS's author field).
    """
    if byline:
        return [], ""
    people = {_name_key(name) for name, person in ld_pairs if person}
    check = AuthorFilter()
    names = [
        n
        for v in meta_values
        for n in check.names(v, person=True, single_words=False)
        if _name_key(n) in people and _is_shown(n, shown)
    ]
    return names, "<meta name=author> naming the same person"


def _fuller(names: list[str], fields: list[tuple[list[str], str]]) -> tuple[list[str], str] | None:
    """One field's list that names everyone in ``names`` and more people besides, if one does.

    JSON-LD often carries the first author only while the byline or a meta
    tag writes them all out in one string ("Jane Roe, John Doe"). Only a
    single field counts: names gathered from separate tags or by
    trafilatura's joined guesses add the publisher ("Condé Nast") as often
    as a co-author.
    """
    keys = {_name_key(n) for n in names}
    for other, source in fields:
        if keys < {_name_key(o) for o in other}:
            if AUTHOR_RULES["co-author-names"] and any(
                one_word(o) or names_a_role(o) or not_a_co_author(o)
                for o in other
                if _name_key(o) not in keys
            ):
                return None  # "Alex Durán, AMP Project Marketing, Google": her team and employer;
                # "Jane Roe, New York": her city (the gazetteer's places and organisations)
            return other, source
    return None


def _uninvert(value: str) -> str:
    """Library catalogue order to reading order: ``Kooman, F.`` -> ``F. Kooman``."""
    parts = [p.strip() for p in value.split(",")]
    if len(parts) == 2 and len(parts[0].split()) == 1 and 1 <= len(parts[1].split()) <= 2:
        return f"{parts[1]} {parts[0]}"
    return value
