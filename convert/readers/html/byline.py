"""Evidence from the visible byline: elements marked as one, ``rel=author`` links, "By NAME" in the text."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from lxml import etree
from lxml.html import HtmlElement

from ...locale.language import normalise_tag
from .byline_runs import list_goes_on, running_line, without_role
from .names import AUTHOR_RULES, PHOTO_WORDS
from .text import name_key as _key
from .text import squash

# Page elements: byline and <time>

#: Class and id words that mark a byline element: the names CMS themes and the hAtom/hCard
#: microformats give it (``author``, ``byline``, ``p-author``), the same across sites.
_BYLINE_CLASS = re.compile(
    r"(?:^|[\s_-])(?:byline|by-line|author|authors|author-name|authorname|byline-name|writer|"
    r"contributor|article-author|post-author|entry-author|c-byline|p-author)(?:$|[\s_-])",
    re.IGNORECASE,
)
#: Class and id words of the parts of a page around an article (comments, sidebars, teasers,
#: captions): a byline inside one of them is another story's or a reader's.
#: A word counts where a part of a class name starts ("comments", "sidebar-left", "author-bio"),
#: not inside another word ("frame-no-backgroundimage" is a frame without a background picture).
_NOT_BYLINE = re.compile(
    r"(?:^|[\s_-])(?:comment|reply|respond|related|sidebar|widget|footer|share|social|bio|avatar|teaser|"
    r"recommend|promo(?!ted)|newsletter|more-from|popular|trending|img|image|photo|caption|credit)",
    re.IGNORECASE,
)


#: Elements a byline is written in: blocks, and headings and inline runs ("<h4 class=author>").
_BYLINE_TAGS = frozenset(
    "div span p address a li section header cite small strong em b h2 h3 h4 h5 h6 dd td".split()
)


_OFF_TOPIC_TAGS = frozenset(("aside", "nav", "figure", "figcaption", "footer", "form"))
#: How many elements, the candidate itself included, :class:`_Ancestry` looks at on the way up.
_ANCESTRY_DEPTH = 12


#: The parts of an article that HTML gives it (a ``<footer>`` or ``<aside>`` belongs to its nearest
#: sectioning ancestor): inside an ``<article>``, its own footer or aside is where many themes put
#: the byline (WordPress's ``<footer class="entry-meta">``), not another part of the page.
_ARTICLE_PARTS = re.compile(r"(?:^|[\s_-])(?:footer|aside)", re.IGNORECASE)


class _Ancestry:
    """Whether no element around a byline candidate is a comment, sidebar, teaser, caption ... block.

    ``<body>`` and ``<html>`` are not looked at: their classes describe the
    whole page ("has-sidebar", "single-format-image"), not the part an element
    is in. Below an ``<article>``, a footer or an aside is the article's own
    (:data:`_ARTICLE_PARTS`). Each element's own verdict (its tag, its class
    list) is worked out once per page and remembered, so a page with
    thousands of elements and dozens of candidates costs one look per
    element on the candidates' paths, not one per element per candidate.
    """

    def __init__(self) -> None:
        self._labels: dict[tuple[HtmlElement, bool], bool] = {}

    def _off_topic_label(self, node: HtmlElement, in_article: bool) -> bool:
        verdict = self._labels.get((node, in_article))
        if verdict is None:
            label = _state_free(f"{node.get('class') or ''} {node.get('id') or ''}")
            if in_article:
                label = _ARTICLE_PARTS.sub(" ", label)
            verdict = self._labels[node, in_article] = bool(_NOT_BYLINE.search(label))
        return verdict

    def ok(self, el: HtmlElement) -> bool:
        """Whether ``el`` and its nearest ancestors (up to ``<body>``) are all on-topic markup."""
        path: list[HtmlElement] = []
        node: HtmlElement | None = el
        while node is not None and len(path) < _ANCESTRY_DEPTH and node.tag not in ("body", "html"):
            path.append(node)
            node = node.getparent()
        article = next((i for i, n in enumerate(path) if n.tag == "article"), 0)
        for i, node in enumerate(path):
            in_article = i < article
            if node.tag in _OFF_TOPIC_TAGS and not (in_article and node.tag in ("footer", "aside")):
                return False
            if node is not el and self._off_topic_label(node, in_article):
                return False
        return True


_STATE_CLASS = re.compile(
    r"(?:^|\s)(?:has|hasnt|hasn-t|with|without|no|not|is-not|format|single-format|post-format)[-_]\S*",
    re.IGNORECASE,
)


def _state_free(label: str) -> str:
    """A class list without the classes that say what an element holds, not what it is.

    ``<article class="post has-post-thumbnail format-image">`` is an article
    with a picture, not a picture: such state classes must not make its
    byline look like a caption or a teaser.
    """
    return _STATE_CLASS.sub(" ", label)


def byline_texts(tree: HtmlElement) -> Iterator[str]:
    """Candidate byline strings from the page body, most specific markup first."""
    return (text for text, _ in byline_candidates(tree))


def byline_candidates(tree: HtmlElement) -> Iterator[tuple[str, str]]:
    """:func:`byline_texts` with the element each came from (``byline element .author``).

    The cheap test (an attribute) comes first and the ancestry second, so
    only the few elements marked as bylines have their surroundings checked.
    """
    body = tree.find("body")
    if body is None:
        return
    ancestry = _Ancestry()
    marked = [
        el
        for el in body.iter()
        if isinstance(el.tag, str) and "author" in (el.get("itemprop") or "").split() and ancestry.ok(el)
    ]
    for group in _co_authors(marked):
        # "; ": one name each, never a catalogue-order "Surname, Given" (rule inverted-names)
        yield "; ".join(_itemprop_name(el) for el in group), f'<{_tag(group[0])} itemprop="author"> element'
    for el in body.iter("a", "span", "link"):
        if "author" in (el.get("rel") or "").lower().split() and ancestry.ok(el):
            yield squash(el.text_content()), f"<{_tag(el)} rel=author> link"
    for el in body.iter(*_BYLINE_TAGS):
        if _BYLINE_CLASS.search(f"{el.get('class') or ''} {el.get('id') or ''}") and ancestry.ok(el):
            text = _lines(el, "; ") if AUTHOR_RULES["byline-breaks"] else squash(el.text_content())
            if len(text) <= 120:
                yield text, f"byline element {_byline_selector(el)}"
    if AUTHOR_RULES["by-line"]:
        lang = _page_language(tree)
        refused = False
        for el in body.iter(*_BYLINE_TAGS):
            text = squash(el.text_content())
            if refused and _tag(el) == "p" and len(text) > 80:
                break  # past another language's By-word line, the look ends at the body's text
            label = _state_free(f"{el.get('class') or ''} {el.get('id') or ''}")
            if (
                len(text) <= 80
                and (m := _BY_LINE.match(text))
                and not _NOT_BYLINE.search(label)
                and ancestry.ok(el)
            ):
                if not _by_word_of(m[1], lang):
                    # "Par Three Holes Return" on an English page: no byline, and no reason to
                    # stop before the "By Jane Doe" under it
                    refused = True
                    continue
                if _by_word_fits(m[1], lang, text[m.end() - 1 :], _tag(el)):
                    yield _first_line(el, text), f"{BY_SOURCE} <{_tag(el)}>"
                # the first, taken or not: later ones are other stories' and readers' comments
                break
    if AUTHOR_RULES["posted-by-line"]:
        yield from _posted_lines(body, ancestry, _page_language(tree))
    if AUTHOR_RULES["author-label"] and (found := _labelled(body, ancestry)):
        yield found


#: The source a "By NAME" line with no byline markup is named by.
BY_SOURCE = '"By NAME" line'
#: The source a "Posted by NAME" line is named by (:func:`.weigh_authors.weigh_authors` keeps its
#: names only near the headline).
POSTED_SOURCE = '"Posted by NAME" line'
#: How long a paragraph is that is the body's text: posted lines after one are comments and teasers.
_LONG_PARAGRAPH = 150


def _posted_lines(body: HtmlElement, ancestry: _Ancestry, lang: str) -> Iterator[tuple[str, str]]:
    """The "Posted by NAME" lines (:data:`_POSTED_LINE`) before the body's first long paragraph, each
    (one that names nobody does not end the look): a byline only when nothing marks it as another
    credit. A publishing verb right before "by" credits a publisher ("Published by Random House"):
    a date must come between ("Veröffentlicht am 3. März 2024 von NAME"). A picture's word makes it
    a photo credit, and "Written by" among other credits ("Directed by", "Produced by") a film's."""
    headed = body.find(".//h1") is None  # a byline stands below its headline, a teaser's above it
    for el in body.iter(*_BYLINE_TAGS, "h1"):
        headed = headed or _tag(el) == "h1"
        text = squash(el.text_content())
        if _tag(el) == "p" and len(text) > _LONG_PARAGRAPH:
            return
        m = _POSTED_LINE.match(text) if headed else None
        if m is None or len(text) > 80 or not ancestry.ok(el):
            continue
        if _NOT_BYLINE.search(_state_free(f"{el.get('class') or ''} {el.get('id') or ''}")):
            continue
        between = text[m.end("verb") : m.start("by")]
        if (
            (_PUBLISHED.fullmatch(m["verb"]) and not _writes_a_day(between))
            or _PICTURE.search(text)
            or _other_credits(el)
            or not _by_word_fits(m["by"], lang, text[m.end() - 1 :], _tag(el))
        ):
            continue
        yield text, f"{POSTED_SOURCE} <{_tag(el)}>"


#: A day in digits (``03/03/2024``, ``3.3.2024``), which :func:`~convert.dates.find_dates` leaves to
#: the page's conventions: between "published" and "by" it is a date all the same.
_DIGIT_DAY = re.compile(r"(?<!\d)\d{1,4}[./-]\d{1,2}[./-]\d{2,4}(?!\d)")


def _lines(el: HtmlElement, separator: str) -> str:
    """``el``'s text with ``separator`` where a ``<br>`` breaks its lines (``text_content`` runs them
    together: "Jane Roe<br>John Doe" is "Jane RoeJohn Doe").
    A later line of running text ("Jane Roe<br>Mehr von diesem Autor", "5 min read") is a link's or
    a bio's, left out so that it does not condemn the name above it (rule ``running-text``); a line
    of names joined by "and" ("John Doe and Max Muster") is not running text (:func:`.names.running_line`)."""
    lines = _line_list(el)
    return separator.join(lines[:1] + [line for line in lines[1:] if not running_line(line)])


def _line_list(el: HtmlElement) -> list[str]:
    """``el``'s lines, as a ``<br>`` breaks them, squashed, the empty ones left out."""
    parts: list[str] = []
    for event, node in etree.iterwalk(el, events=("start", "end")):
        if event == "start":
            if _tag(node) == "br":
                parts.append("\x00")
            parts.append(node.text or "")
        elif node is not el:
            parts.append(node.tail or "")
    return [line for line in (squash(line) for line in "".join(parts).split("\x00")) if line]


def _first_line(el: HtmlElement, text: str) -> str:
    """A "By NAME" line's first line, up to its first ``<br>`` ("Von Jane Roe und John Doe<br>Kakuma
    /Kenia": the next line is the dateline's place, or a role, a date), when that reads "By NAME" by
    itself; else the whole ``text``. A list that a line's end or the next line's start carries on
    (a comma, "and": "By Jane Roe,<br>John Doe", "By Jane Roe<br>and John Doe") goes on to that line."""
    if not AUTHOR_RULES["byline-lines"] or el.find(".//br") is None:
        return text
    lines = _line_list(el)
    if not lines or not _BY_LINE.match(lines[0]):
        return text
    n = 1
    while n < len(lines) and list_goes_on(lines[n - 1], lines[n]):
        n += 1  # "By Jane Roe,<br>John Doe and Max Muster": the list goes on
    return " ".join(lines[:n])


def _writes_a_day(text: str) -> bool:
    """Whether ``text`` writes a day (``am 13. März 2019``, ``03/03/2024``), not only a year: "Published
    in 2020 by Penguin Books" is a publisher's credit."""
    from ...dates import find_dates

    return bool(_DIGIT_DAY.search(text)) or next(iter(find_dates(text)), None) is not None


def _other_credits(el: HtmlElement) -> bool:
    """Whether the element's parent (``el`` too) holds another credit than writing: a film's or a
    book's ("Directed by", "Produced by", "Edited by", "Illustrated by")."""
    up = el.getparent()
    return bool(_CREDIT.search(" ".join((up if up is not None else el).itertext())))


def _labelled(body: HtmlElement, ancestry: _Ancestry) -> tuple[str, str] | None:
    """The first "Author: NAME" on the page: an element reading so, or a label element ("<h5>Autor:
    </h5>") with the name written right after it; the label cut off."""
    for el in body.iter(*_BYLINE_TAGS, "dt", "label"):
        own = squash(el.text)
        if _LABEL_ONLY.fullmatch(own) and len(el) == 0 and (tail := squash(el.tail)):
            text, where = tail, f"<{_tag(el)}> label and the text after it"
        elif (
            AUTHOR_RULES["label-field"]
            and len(el) == 0
            and _LABEL_FIELD.fullmatch(own)
            and not squash(el.tail)
            and (value := el.getnext()) is not None
            and _tag(value) in _BYLINE_TAGS
        ):
            # "<h4>Autor</h4><p><a>Nikolai Huke</a></p>": a field's label and its value, as a
            # definition list (<dt>, <dd>) or a heading and a paragraph lay them out
            text, where = squash(value.text_content()), f"<{_tag(el)}> label and the <{_tag(value)}> after it"
        else:
            text = squash(el.text_content())
            if (m := _LABEL.match(text)) is None or len(text) > 80:
                continue
            if (
                _tag(el) in _INLINE
                and (up := el.getparent()) is not None
                and squash(up.text_content()) != text
            ):
                continue  # "Speakers included <b>Authors Jane Roe</b> and ...": prose
            text, where = text[m.end() :], f'"Author: NAME" line <{_tag(el)}>'
        text = _NEXT_FIELD.split(text, maxsplit=1)[0]  # "Fritz Imhof Quelle: Livenet": the source's field
        if AUTHOR_RULES["label-role"]:
            text = without_role(text)  # "Autorin: Uta Roe, Projektleiterin der HSS in Tunesien": her role
        label = _state_free(f"{el.get('class') or ''} {el.get('id') or ''}")
        if text[:1].isupper() and len(text) <= 80 and not _NOT_BYLINE.search(label) and ancestry.ok(el):
            return text, where
    return None


def _itemprop_name(el: HtmlElement) -> str:
    inner = el.find(".//*[@itemprop='name']")
    shown = inner if inner is not None else el
    return squash(shown.get("content") or shown.text_content())


#: How far up two ``itemprop=author`` elements may have to go to meet and still be one byline.
_BYLINE_REACH = 3


def _co_authors(marked: list[HtmlElement]) -> Iterator[list[HtmlElement]]:
    """``itemprop=author`` elements grouped by byline: "By A and B" marks A and B separately.

    Consecutive elements that meet within :data:`_BYLINE_REACH` levels up
    are one byline; an author element elsewhere on the page starts another.
    """
    group: list[HtmlElement] = []
    reach: set[HtmlElement] = set()
    for el in marked:
        near = set(itertools.islice(el.iterancestors(), _BYLINE_REACH))
        if group and not near & reach:
            yield group
            group, reach = [], set()
        if not group:
            reach = near
        group.append(el)
    if group:
        yield group


def _tag(el: HtmlElement) -> str:
    return str(el.tag)


def _byline_selector(el: HtmlElement) -> str:
    """The class (``.author``) or id (``#byline``) that made ``el`` a byline candidate."""
    for prefix, value in ((".", el.get("class") or ""), ("#", el.get("id") or "")):
        for token in value.split():
            if _BYLINE_CLASS.search(token):
                return prefix + token
    return f"<{_tag(el)}>"


#: Path segments of the pages CMSs keep for a writer: ``/author/heiko/``, ``/members/tlow``.
_AUTHOR_PATH = re.compile(
    r"/(?:author|authors|autor|autoren|auteur|auteurs|autore|user|users|profile|profil|members?|people)"
    r"(?:/|=|$)",
    re.IGNORECASE,
)
#: The words that introduce a byline (see :data:`.names.PREFIX`).
_BY = r"(?:by|von|vom|par|por|door|di|da|av|af|przez|autor(?:in)?|author|auteur)"
#: A line of the page that starts "By" (or its word in another language) and a capital: a byline
#: with no markup ("By Giovanni Gaggero | 12/10/2020"). The words that are also name particles
#: (de, da, di: "Da Vinci") are left out.
_BY_LINE = re.compile(r"(by|von|par|por|door|av|af|przez)\s*:?\s+(?-i:[A-ZÀ-Þ])", re.IGNORECASE)
#: The same byline opened by a verb of publishing or writing ("Posted by Jane Roe", "Geschrieben von
#: Cooper", "Veröffentlicht am 13. März 2019 von Jane Roe", "Publié par Jean Dupont"): the verbs of
#: :data:`.names.PREFIX` and :data:`.names._POSTED_BY`, with a date or a category between the verb
#: and the "by" word, no field separator.
_POSTED_LINE = re.compile(
    r"(?P<verb>posted|published|written|geschrieben|verfasst|veröffentlicht|publiziert|erstellt|publié|"
    r"écrit|publicado|escrito|pubblicato|scritto|gepubliceerd|geschreven)\b(?:[^|·•]{0,40}?\s)??"
    r"(?P<by>by|von|par|por|door|av|af|przez|da)\s*:?\s+(?-i:[A-ZÀ-Þ])",
    re.IGNORECASE,
)
#: The verbs of publishing, whose "by" names a publisher unless a date comes between.
_PUBLISHED = re.compile(
    r"published|veröffentlicht|publiziert|publié|publicado|pubblicato|gepubliceerd", re.IGNORECASE
)
#: A picture's or a film's word (:data:`.names.PHOTO_WORDS`, and videos): the line credits a photographer.
_PICTURE = re.compile(rf"\b(?:{PHOTO_WORDS}|videos?)\b", re.IGNORECASE)
#: The credits a film, a show or a book lists beside its writer's (English, as "Written by" is in them).
_CREDIT = re.compile(
    r"\b(?:directed|produced|edited|illustrated|narrated|composed|created|translated)\s+by\b", re.IGNORECASE
)
#: The languages (ISO 639-1) each word of :data:`_BY_LINE` other than "by" means "by" in: on a page
#: that declares its language the word counts only there ("Von Miller Signs With Bills" on an
#: English page is a headline), as the text reader's catalogue bylines count only in theirs.
_BY_WORD_LANGUAGES = {
    "von": ("de",), "par": ("fr",), "por": ("es", "pt", "gl"), "door": ("nl",), "av": ("sv", "no", "nb", "nn"),
    "af": ("da", "sv"), "przez": ("pl",), "da": ("it",),
}  # fmt: skip
#: The headings a subheading takes (a byline is set in a smaller one, if in a heading at all).
_SUBHEADINGS = frozenset(("h2", "h3"))
#: Where the name part of a "By NAME" line ends: a field separator or a date's first digit.
_NAME_END = re.compile(r"\s*[|·•,]|\s+\d")


def _page_language(tree: HtmlElement) -> str:
    """The language subtag the page declares (``<html lang="de_DE">`` -> ``de``), as the metadata's
    language is read (:func:`~convert.locale.language.normalise_tag`); empty when it declares none."""
    for value in (
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        tree.get("xml:lang"),
    ):
        if tag := normalise_tag(value):
            return tag.split("-")[0]
    return ""


def _by_word_of(word: str, lang: str) -> bool:
    """Whether a "By NAME" line's word may be "by" on a page in ``lang``: "by" anywhere, another
    language's word on a page in that language or in none declared."""
    word = word.lower()
    return word == "by" or not lang or lang in _BY_WORD_LANGUAGES.get(word, ())


def _by_word_fits(word: str, lang: str, names: str, tag: str) -> bool:
    """Whether a "By NAME" line's word may be "by" here: "by" anywhere, another language's word on a
    page in that language or in none declared, and not in an ``<h2>`` or ``<h3>`` (a subheading's
    place) whose name part holds a lower-case word (``<h2>Von Null auf Hundert</h2>``: a title-case
    subheading, as the words "by" opens are; ``<h4>Por Ana de Armas</h4>`` is her byline, and so is
    ``<h3>Por Ana García | 12 de marzo de 2024</h3>``)."""
    if word.lower() == "by":
        return True
    if not _by_word_of(word, lang):
        return False
    name = _NAME_END.split(names, maxsplit=1)[0]
    return not (tag in _SUBHEADINGS and any(w[:1].islower() for w in name.split()[1:]))


#: The word "author" as a label before a byline, in the languages of :data:`.names.PREFIX` (Autor,
#: Autorin, Autoren; author, authors; auteur, auteure; autore, autori; autora): grammar, the same on
#: every site of a language.
_AUTHOR_WORD = r"(?:autor(?:in|en|innen|a)?|authors?|auteur(?:e|s|es)?|autore|autori)"
#: A line that starts with such a label and a capital: "Autor: Fritz Imhof", "Autoren Jane Roe und ...".
#: Without a colon only a plural labels: "Author Neil Gaiman" and "Autorin Christa Wolf" are prose's
#: way of naming a writer, not a byline.
_LABEL = re.compile(
    rf"(?:{_AUTHOR_WORD}\s*:|(?:autoren|autorinnen|authors|auteurs|autori)\b)\s*(?=(?-i:[A-ZÀ-Þ]))",
    re.IGNORECASE,
)
#: Elements that sit inside a line of prose: a label in one counts only when it is the whole line.
_INLINE = frozenset("span a cite small strong em b".split())
#: An element holding only the label ("<h5>Autor: </h5>Peter Maahn").
_LABEL_ONLY = re.compile(rf"{_AUTHOR_WORD}\s*:", re.IGNORECASE)
#: An element holding only the label, colon or not, whose value is the next element: a field's name.
_LABEL_FIELD = re.compile(rf"{_AUTHOR_WORD}\s*:?", re.IGNORECASE)
#: The next labelled field after a name ("Quelle:", "Lesezeit:", "Date:"): a word and a colon.
_NEXT_FIELD = re.compile(r"\s+[^\W\d_]+\s*:(?:\s|$)")
#: The labels that introduce a Chinese byline (see :data:`.names._CJK_PREFIX`), photo credits aside.
_CJK_BY = r"(?:(?:作者|责任编辑|编辑|记者|撰文)\s*[：:]?|文\s*[：:/])\s*"


def linked_as_author(tree: HtmlElement, name: str) -> bool:
    """Whether a link to a writer's page (``/author/...``, ``rel=author``) reads exactly ``name``."""
    key = _key(name)
    for a in tree.iter("a"):
        href = a.get("href") or ""
        if (_AUTHOR_PATH.search(href) or "author" in (a.get("rel") or "").lower().split()) and _key(
            a.text_content()
        ) == key:
            return True
    return False


def signed_as(text: str, name: str) -> bool:
    """Whether the page's text (:func:`reader_text`) reads "by NAME" (or "von", "par" ...) with no
    further name word after it.

    "Von Henry In Aktuell" or "By Todd Bates" do not sign with "Henry" or
    "Todd": a capitalised word right after the name may be the rest of it.
    """
    for m in re.finditer(rf"(?<!\w){_BY}\s*:?\s+{re.escape(name)}(?!\w)", text, re.IGNORECASE):
        after = re.match(r"\s*(\S)", text[m.end() :])
        if after is None or not after[1].isupper():
            return True
    # Chinese labels: "作者：孔德明" (author), "记者 孔德明" (reporter), "责任编辑：孔德明" (editor).
    return bool(re.search(rf"{_CJK_BY}{re.escape(name)}(?![\u3400-\u9fff])", text))


def in_hcard(tree: HtmlElement, name: str) -> bool:
    """Whether an hCard (microformats: ``class="vcard"`` or ``h-card``) gives ``name`` as its
    formatted name (``fn`` or ``p-name``): markup that declares a person."""
    key = _key(name)
    for el in tree.iter():
        classes = (el.get("class") or "").split() if isinstance(el.tag, str) else []
        if (
            ("fn" in classes or "p-name" in classes)
            and _key(el.text_content()) == key
            and any({"vcard", "h-card"} & set((a.get("class") or "").split()) for a in el.iterancestors())
        ):
            return True
    return False


def bylined(tree: HtmlElement, text: str, name: str) -> bool:
    """Whether the page shows ``name`` as a byline: linked to an author page, given as an hCard's
    name, or signed "by NAME" in its ``text`` (:func:`reader_text`)."""
    return linked_as_author(tree, name) or signed_as(text, name) or in_hcard(tree, name)


def page_spelling(text: str, name: str) -> str | None:
    """How the page's visible ``text`` spells ``name`` (case aside), or ``None`` if it never shows it.

    trafilatura title-cases what it finds: "selbst ist der Mann" (a magazine)
    and "giampiero maggio" (a tag) come back as "Selbst Ist Der Mann" and
    "Giampiero Maggio". The page's own spelling is what the name checks must see.
    Initials may have lost their full stop ("Günter W Kienitz" for "Günter W. Kienitz").
    """
    words = name.split()
    if not words:
        return None
    pattern = r"(?<!\w)" + r"\.?\s+".join(re.escape(w.rstrip(".")) for w in words) + r"(?!\w)"
    found = [m[0] for m in re.finditer(pattern, text, re.IGNORECASE)]
    if not found:
        return None
    return name if name in found else found[0]
