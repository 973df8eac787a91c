"""Normalise pass: find quotations and who said them.

Paired quotation marks in body paragraphs become :class:`~convert.model.Quote`
nodes; the marks leave the text for ``Quote.marks`` when they are not the
language's own (which exporters add).
A quotation is *speech* when an attribution stands next to it ("…," President
Putin said; Vladimir Putin stated: "…"; the Iranian President noted that
"…") and its content is more than a term; speech gets a ``speaker``, the
full name when the article lets us resolve it ("President Putin", "Mr.
Putin", "the Russian President" -> "Vladimir Putin"). Scare quotes and
names ("something", "Axis of Resistance") become quotes without a speaker.

The pass is idempotent: existing Quote nodes are left alone, and every pair
of marks it finds becomes a Quote, so a second run finds nothing new.
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import field
from functools import lru_cache

from . import gazetteer as gz
from . import model
from ._regex import compiled
from .cache import dataclass
from .gazetteer import (
    HONORIFICS,
    PERSON_NOUNS,
    TITLES,
)
from .model import Article, BlockQuote, Inline, List, Paragraph, Quote, Text
from .names import looks_like_name
from .quote_pairs import (
    _DOUBLE_CLOSE,
    _DOUBLE_MARK,
    _DOUBLE_OPEN,
    _ENGLISH,
    _OBJ,
    _WORDS,
    _double_pairs,
    _double_role,
    _Marks,
    _with_singles,
    typed_marks,
)

__all__ = ["PersonIndex", "find_quotes", "has_speech_verb", "is_speech_verb"]

_SPEECH_VERBS = (
    "said|says|say|stated|states|noted|notes|added|adds|told|tells|asked|asks|declared|declares|explained|"
    "explains|argued|argues|warned|warns|insisted|insists|urged|urges|wrote|writes|remarked|emphasized|"
    "emphasised|stressed|stresses|commented|announced|announces|claimed|claims|replied|continued|"
    "acknowledged|admitted|admits|conceded|concluded|recalled|suggested|suggests|believes|believed|"
    "predicted|promised|vowed|pledged|confirmed|denied|complained|maintained|observed|pointed out|"
    "went on|called for|called on|called|described|describes|demanded|reiterated|underlined|assured|"
    "quipped|joked|shouted|cried|replies|answered|responded|recounted|estimated|hoped|expects|expected|"
    "according to"
)
_VERB = compiled(rf"\b(?:{_SPEECH_VERBS})\b")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})
_CONNECTORS = frozenset(
    "as and but while when then so also moreover however meanwhile yet thus indeed later earlier now "
    "still although though since because where".split()
)
_CAP = r"(?:Mr\.|Mrs\.|Ms\.|Dr\.|St\.|[A-Z]\.(?=[ \t][A-Z])|[A-Z][\w’'\-]*)"
_NAME_RUN = compiled(rf"{_CAP}(?:[ \t]+(?:(?:bin|al|de|da|van|von|der|la|du|le|ibn)[ \t]+)?{_CAP})*")
_SENTENCE_END = compiled(r"[.!?…][\"'”’)]*\s+(?=[\"“‘(]?[A-Z])")


def is_speech_verb(word: str) -> bool:
    return bool(_VERB.fullmatch(word))


def has_speech_verb(text: str) -> bool:
    """Whether ``text`` has an English speech verb as a whole word (`was told`, `said to`,
    `pointed out`; not the `to` of `told`)."""
    return bool(_VERB.search(text))


def _strip_possessive(token: str) -> str:
    return compiled(r"[’']s?$").sub("", token)


# --------------------------------------------------------------------------
# Who is who in the article


@dataclass
class PersonIndex:
    """Full names found in the article, looked up by surname and by title."""

    names: list[str] = field(default_factory=list)
    by_surname: dict[str, set[str]] = field(default_factory=dict)
    by_title: dict[str, set[str]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    #: :meth:`resolve`'s answers: the same phrase ("the minister", "he") recurs all through a long
    #: article, and each first answer reads every name. Emptied by :meth:`add`.
    _resolved: dict[str, str | None] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, text: str) -> PersonIndex:
        index = cls()
        honorific_surnames = {
            _strip_possessive(m.group(1))
            for m in compiled(
                r"\b(?:Mr|Mrs|Ms|Dr|Prof|President|Minister|Chancellor)\.?\s+([A-Z][\w’'\-]+)"
            ).finditer(text)
        }
        for m in _NAME_RUN.finditer(text):
            tokens = m.group(0).split()
            titles: list[str] = []
            while tokens and (
                tokens[0] in TITLES or tokens[0] in gz.DEMONYMS or tokens[0] in ("The", "Former", "Acting")
            ):
                titles.append(tokens.pop(0))
            if len(tokens) < 2 or len(tokens) > 4:
                continue
            tokens[-1] = _strip_possessive(tokens[-1])
            name = " ".join(tokens)
            if not looks_like_name(name, prose=True):
                continue
            before = text[max(0, m.start() - 40) : m.start()].lower().split()
            evidence = (
                bool([t for t in titles if t not in gz.DEMONYMS and t != "The"])
                or tokens[-1] in honorific_surnames
                or (bool(before) and before[-1] in PERSON_NOUNS)
            )
            if not evidence:
                continue
            index.add(name, [t for t in titles if t not in ("The",)])
        return index

    def add(self, name: str, titles: list[str]) -> None:
        self._resolved.clear()
        if name not in self.counts:
            self.names.append(name)
            self.counts[name] = 0
        self.counts[name] += 1
        self.by_surname.setdefault(name.split()[-1], set()).add(name)
        if titles:
            key = " ".join(titles).lower()
            self.by_title.setdefault(key, set()).add(name)
            # "Russian President" also answers to "President" alone when unique.
            core = " ".join(t for t in titles if t not in gz.DEMONYMS).lower()
            if core and core != key:
                self.by_title.setdefault(core, set()).add(name)

    def resolve(self, phrase: str) -> str | None:
        """The full name ``phrase`` stands for, or ``None`` when it names nobody we know."""
        if phrase not in self._resolved:
            self._resolved[phrase] = self._resolve(phrase)
        return self._resolved[phrase]

    def _resolve(self, phrase: str) -> str | None:
        for name in self.names:
            if name in phrase:
                return name
        tokens = [t for t in phrase.split() if t.lower() not in ("the", "a", "an")]
        rest = list(tokens)
        titles: list[str] = []
        while rest and (rest[0] in TITLES or rest[0] in gz.DEMONYMS or rest[0] in HONORIFICS):
            titles.append(rest.pop(0))
        if rest:
            surname = _strip_possessive(rest[-1])
            found = self.by_surname.get(surname, set())
            if len(found) == 1 and all(t[:1].isupper() for t in rest):
                return next(iter(found))
            return None
        if titles:
            found = self.by_title.get(" ".join(titles).lower(), set())
            if len(found) == 1:
                return next(iter(found))
        return None


# --------------------------------------------------------------------------
# Attribution


@dataclass
class _Context:
    people: PersonIndex
    marks: _Marks = _ENGLISH
    language: str | None = None
    last_speaker: str | None = None
    last_paragraph: int = -10
    last_person: str | None = None
    previous_speech: bool = False

    def mention(self, text: str) -> None:
        """Remember the last person ``text`` names: "he said" refers to them."""
        for m in _NAME_RUN.finditer(text):
            who = self.people.resolve(m.group(0))
            if who:
                self.last_person = who


def _after_title(s: str, end: int) -> bool:
    """Whether the full stop at ``end`` follows a title (`Mr.`, `Dr.`): the last word before it,
    looked for in the few characters before (a paragraph-long prefix made each call linear)."""
    word = compiled(r"(?<!\w)(\w+)\W*$").search(s, max(0, end - 40), end + 1)
    return word is not None and word.group(1).lower() in ("mr", "mrs", "ms", "dr", "st", "prof")


@lru_cache(maxsize=8)
def _sentence_breaks(s: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """A paragraph's sentence breaks (:data:`_SENTENCE_END` not after a title), found once: where
    each starts, where it ends, and how far its look-ahead reads (its end and the capital after
    it, a mark before that included) — a break counts before ``pos`` only when all that is."""
    starts: list[int] = []
    ends: list[int] = []
    reads: list[int] = []
    for m in _SENTENCE_END.finditer(s):
        if not _after_title(s, m.start()):
            starts.append(m.start())
            ends.append(m.end())
            reads.append(m.end() + (1 if s[m.end()].isupper() else 2))
    return tuple(starts), tuple(ends), tuple(reads)


def _sentence_start(s: str, pos: int) -> int:
    """Where the sentence holding ``pos`` starts: after the last break read wholly before it."""
    _, ends, reads = _sentence_breaks(s)
    i = bisect_right(reads, pos)
    return ends[i - 1] if i else 0


def _sentence_end(s: str, pos: int) -> int:
    """Just after the full stop of the first break at or after ``pos`` (the paragraph's end if none)."""
    starts, _, _ = _sentence_breaks(s)
    i = bisect_left(starts, pos)
    return starts[i] + 1 if i < len(starts) else len(s)


def _subject_before(pre: str) -> str | None:
    """The speaker phrase just before a speech verb: "…, Vladimir Putin" -> "Vladimir Putin"."""
    parts = compiled(r"[,;:(—–\u201c\u201d\"" + _OBJ + r"]|\s-\s").split(pre)
    clause = parts[-1].strip()
    if len(parts) > 1 and clause.split()[:1] in (["a"], ["an"], ["the"]):
        name = parts[-2].strip().split()
        if 2 <= len(name) <= 4 and all(w[:1].isupper() for w in name):
            clause = " ".join(name)  # apposition: "Marc Ostwald, a strategist at X, said"
    words = clause.split()
    while words and words[0].lower() in _CONNECTORS:
        words.pop(0)
    # an adverb between subject and verb: "Putin also said", "he later told"
    while words and (
        words[-1].lower() in ("also", "later", "then", "again", "once") or words[-1].endswith("ly")
    ):
        words.pop()
    if not words or len(words) > 8:
        return None
    return " ".join(words)


def _subject_after(post: str) -> str | None:
    """The speaker after an inverted verb: "said Mr Thomas" -> "Mr Thomas"."""
    clause = compiled(r"[,;:.(—–\"“”" + _OBJ + r"]|\s-\s").split(post)[0].strip()
    words = clause.split()
    if not words or len(words) > 8:
        return None
    return " ".join(words)


def _valid_speaker(phrase: str, people: PersonIndex) -> bool:
    words = phrase.split()
    low = [w.lower().strip("’'") for w in words]
    if low[0] in _PRONOUNS and len(words) == 1:
        return True
    if low[0] in ("it", "this", "that", "which", "there", "what", "who"):
        return False
    if people.resolve(phrase):
        return True
    if any(_strip_possessive(w) in PERSON_NOUNS for w in low):
        return True
    caps = [w for w in words[1:] if w[:1].isupper()] + (
        [words[0]] if words[0][:1].isupper() and low[0] not in ("the", "a", "an") else []
    )
    return bool(caps) and len(words) <= 4


def _attribution(s: str, open_: int, close: int) -> tuple[str | None, bool]:
    """The speaker phrase next to the quotation at ``open_``..``close`` and whether the cue is strong.

    Strong cues stand right beside the marks ("…," he said / X said: "…");
    a weak cue is a speech verb earlier in the same sentence ("X asked Russia to act "…"").
    """
    content = s[open_ + 1 : close]
    after = s[close + 1 : _sentence_end(s, close + 1)] if close < len(s) else ""
    tail_ok = bool(compiled(r"[,?!—…]\s*$").search(content)) or after.startswith((",", " —", " –"))
    rest = after.lstrip(",—– ")
    if tail_ok and rest:
        m = compiled(rf"(?:(?P<verb1>{_SPEECH_VERBS})\s+(?P<post>.+))").match(rest)
        if m and not m.group("verb1").startswith("according"):
            subj = _subject_after(m.group("post"))
            if subj:
                return subj, True
        m = compiled(r"according to\s+(?P<post>.+)").match(rest)
        if m:
            return _subject_after(m.group("post")), True
        m = _VERB.search(rest)
        if m and m.start() < 70:
            subj = _subject_before(rest[: m.start()])
            between = compiled(r"\b(?:Mr|Mrs|Ms|Dr|Prof|St|[A-Z])\.").sub("", rest[: m.start()])
            if subj and len(subj.split()) <= 8 and not compiled(r"[.!?]").search(between):
                return subj, True
    start = _sentence_start(s, open_)
    pre = s[start:open_]
    m = compiled(rf"(?P<verb>{_SPEECH_VERBS})(?:\s+[\w’'-]+){{0,5}}?\s*(?:that)?\s*[,:]?\s*$").search(pre)
    if m and (pre.rstrip().endswith((":", ",", "that")) or pre[m.end("verb") :].strip() == ""):
        subj = _subject_before(pre[: m.start()])
        if subj:
            return subj, True
    verbs = list(_VERB.finditer(pre))
    for m in reversed(verbs):
        subj = _subject_before(pre[: m.start()])
        if subj:
            return subj, False
    return None, False


def _is_term(content: str) -> bool:
    """A name or term in quotes: "Axis of Resistance", "phantom"."""
    words = _WORDS.findall(content)
    if not words:
        return True
    if compiled(r"[.!?,;:…]\s*$").search(content.strip()) and len(words) >= 2:
        return False
    significant = [w for w in words if len(w) > 3]
    return (
        len(words) <= 12
        and bool(significant)
        and all(w[:1].isupper() for w in significant)
        and len(words) > 1
    )


def _speaker_for(s: str, open_: int, close: int, ctx: _Context, paragraph: int) -> str | None:
    content = s[open_ + 1 : close].replace(_OBJ, "")
    n = len(_WORDS.findall(content))
    if _is_term(content) or n < 2:
        return None
    phrase, strong = _attribution(s, open_, close)
    if phrase is None or not _valid_speaker(phrase, ctx.people):
        starts_sentence = open_ == 0 or bool(compiled(r"[.!?…][\"”’]?\s*$").search(s[:open_]))
        if (
            starts_sentence
            and n >= 4
            and ctx.last_speaker
            and (
                (open_ == 0 and paragraph - ctx.last_paragraph <= 1)
                or (ctx.previous_speech and paragraph == ctx.last_paragraph)
            )
        ):
            # speech continuing the previous quotation's speaker
            ctx.last_paragraph = paragraph
            return ctx.last_speaker
        return None
    if not strong and n < 4:
        return None
    if phrase.lower() in _PRONOUNS:
        if phrase.lower() not in ("he", "she") or ctx.last_person is None:
            return None
        speaker = ctx.last_person
    else:
        speaker = ctx.people.resolve(phrase) or phrase
    ctx.last_speaker = speaker
    ctx.last_person = speaker if ctx.people.resolve(speaker) else ctx.last_person
    ctx.last_paragraph = paragraph
    return speaker


# --------------------------------------------------------------------------
# Rebuilding the inlines


def _flatten(
    content: tuple[Inline, ...], keep: frozenset[int] = frozenset()
) -> tuple[str, list[Inline], dict[tuple[int, int], int]]:
    """The paragraph's text with :data:`_OBJ` for each non-text inline, those inlines, and
    the spans of the marks written back (by the index of their inline).

    A quotation a reader marked without a speaker (pandoc's ``Quoted`` from Markdown's
    straight quotes, HTML's ``<q>``) is written back between marks, so it is paired and
    attributed as typed marks are (`"We are glad," said captain Ann Lee`); the quotations
    inside it stay as read, and so does one whose index is in ``keep``.
    """
    parts: list[str] = []
    objects: list[Inline] = []
    written: dict[tuple[int, int], int] = {}
    length = 0
    for i, node in enumerate(content):
        if isinstance(node, Text):
            piece = node.text.replace(_OBJ, "")
        elif isinstance(node, Quote) and node.speaker is None and i not in keep and _unmarked(node.content):
            text, inner, _ = _flatten(node.content, frozenset(range(len(node.content))))
            piece = f"“{text}”"
            written[(length, length + len(piece) - 1)] = i
            objects.extend(inner)
        else:
            piece = _OBJ
            objects.append(node)
        parts.append(piece)
        length += len(piece)
    return "".join(parts), objects, written


def _marked_pairs(
    content: tuple[Inline, ...], continues: bool, marks: _Marks
) -> tuple[str, list[Inline], list[tuple[int, int]], dict[tuple[int, int], int]]:
    """:func:`_flatten`'s text and inlines, the quotations in it to mark, and the spans of those
    a reader marked (by the index of their inline).

    A quotation a reader marked stays as read unless its written-back marks pair with each
    other again, exactly (`"He called it "deadly" and left"` must not pair across it); typed
    marks are paired only where they make a quotation (:func:`_quotation`).
    """
    keep: frozenset[int] = frozenset()
    while True:
        s, objects, written = _flatten(content, keep)
        pairs = _double_pairs(s, continues, marks)
        lost = [i for span, i in written.items() if span not in pairs]
        if not lost:
            break
        keep |= frozenset(lost)
    if written:  # nor may they take a typed mark's partner (`“He called it "deadly" and left,”`)
        as_read = _flatten(content, frozenset(range(len(content))))[0]
        if _unpaired(as_read, _double_pairs(as_read, continues, marks)) < _unpaired(s, pairs):
            s, objects, written = _flatten(content, frozenset(range(len(content))))
            pairs = _double_pairs(s, continues, marks)
    return (
        s,
        objects,
        [p for p in pairs if p in written or (_quotation(s, p, marks) and _spacing_fits(s, p))],
        written,
    )


def _spacing_fits(s: str, pair: tuple[int, int]) -> bool:
    """Whether the spaces typed inside a pair's marks still make it a quotation.

    Straight marks spaced inside on both sides stay text (`the 24 " monitor and the 27 "
    monitor`, `type " to start and " to end`). A curly mark or guillemet spaced inside (French
    `« mot »`, `“ We have no choice, ” said Ali`, `« 2024 fue un año duro »`) opens before a
    letter or digit and closes after one or after punctuation, and not after a number
    (`de 24 « et celui de 27 »`).
    """
    a, b = pair
    closed = b < len(s)
    lead, trail = s[a + 1 : a + 2].isspace(), closed and s[b - 1 : b].isspace()
    if s[a] == '"' or (closed and s[b] == '"'):
        return not (lead and trail)
    if lead and (not s[a + 2 : a + 3].isalnum() or s[:a].rstrip()[-1:].isdigit()):
        return False
    before = s[b - 2 : b - 1]
    return not trail or before.isalnum() or unicodedata.category(before or " ").startswith("P")


def _unpaired(s: str, pairs: list[tuple[int, int]]) -> int:
    """How many double marks in ``s`` pair with none."""
    paired = {i for pair in pairs for i in pair}
    return sum(m.start() not in paired for m in _DOUBLE_MARK.finditer(s))


def _quotation(s: str, pair: tuple[int, int], marks: _Marks) -> bool:
    """Whether the marks at ``pair`` make a quotation (exporters print it in the marks typed).

    The language's outer marks (CLDR) and straight marks (`"`) do, and English `“…”`, `„…”`
    and `«…»` in any language; a quotation in other marks (Swedish `»…»` or Danish `»…«` in an
    article whose language quotes `”…”`) stays text, as typed, and so does one inside a
    quotation left as typed (French `« … “…” … »`): it belongs to the outer one.
    """
    a, b = pair
    opens, closes = s[a], s[b] if b < len(s) else '"'
    if opens == '"' or closes == '"' or (opens == marks.opens[:1] and closes == marks.closes[:1]):
        return True
    if s.count(marks.opens[:1], 0, a) > s.count(marks.closes[:1], 0, a):
        return False  # inside a quotation left as typed (French « … “…” … »)
    return opens in _DOUBLE_OPEN and closes in _DOUBLE_CLOSE


def _unmarked(content: tuple[Inline, ...]) -> bool:
    """Whether a quotation's own text holds no double mark, which could pair with one outside it."""
    return not any(isinstance(n, Text) and _DOUBLE_MARK.search(n.text) for n in content)


def _paragraph(
    content: tuple[Inline, ...], ctx: _Context, number: int, continues: bool
) -> tuple[Inline, ...]:
    s, objs, pairs, written = _marked_pairs(content, continues, ctx.marks)
    objects = iter(objs)
    out: list[Inline] = []
    pos = 0
    ctx.previous_speech = False
    for a, b in pairs:
        ctx.mention(s[pos:a])
        speaker = _speaker_for(s, a, b, ctx, number)
        ctx.previous_speech = speaker is not None
        out.extend(_with_singles(s[pos:a], objects, wrap=False))
        # Spaces just inside the marks (« French guillemets », “ spaced ”) belong to the marks,
        # which keep them as typed; marks the language sets so get its own spaces.
        raw = s[a + 1 : b]
        inner = raw.strip()
        if (a, b) in written:  # a reader's quotation keeps its marks
            read = content[written[(a, b)]]
            marks = read.marks if isinstance(read, Quote) else None
        else:
            spaced = (" " if raw[:1].isspace() else "", " " if raw[-1:].isspace() and b < len(s) else "")
            marks = typed_marks(s[a] + spaced[0], spaced[1] + s[b] if b < len(s) else "", ctx.language)
        if marks is None and raw != raw.lstrip() and a > pos and s[a - 1].isalnum():
            out.append(Text(" "))  # the space still parts the quotation from the word before it
        out.append(Quote(_with_singles(inner, objects, ctx.language), speaker=speaker, marks=marks))
        if marks is None and raw != raw.rstrip() and b + 1 < len(s) and s[b + 1].isalnum():
            # an unclosed quotation's next one (`about. "Dan`) ended at a space: keep it between them
            out.append(Text(" "))
        pos = b + 1
    ctx.mention(s[pos:])
    out.extend(_with_singles(s[pos:], objects, wrap=False))
    return tuple(out)


def _opens_with_quote(block: object, marks: _Marks) -> bool:
    """Whether a paragraph opens with a quotation: a mark typed, or one a reader marked in double
    marks or none (a Markdown run-on quotation's next paragraph, `"We will not stop now."`, is
    pandoc's ``Quoted``)."""
    if not isinstance(block, Paragraph) or not block.content:
        return False
    if isinstance(first := block.content[0], Quote):
        return first.marks is None or bool(_DOUBLE_MARK.match(first.marks[0]))
    if not isinstance(first, Text):
        return False
    text = first.text
    return bool(_DOUBLE_MARK.match(text)) and _double_role(text, 0, marks)[0]


def _blocks(blocks: tuple[model.Block, ...], ctx: _Context, counter: list[int]) -> tuple[model.Block, ...]:
    out: list[model.Block] = []
    for i, block in enumerate(blocks):
        match block:
            case Paragraph(content=c):
                counter[0] += 1
                continues = i + 1 < len(blocks) and _opens_with_quote(blocks[i + 1], ctx.marks)
                out.append(Paragraph(_paragraph(c, ctx, counter[0], continues)))
            case BlockQuote(body=b, attribution=a):
                out.append(BlockQuote(_blocks(b, ctx, counter), a))
            case List(items=items):
                out.append(model.replace(block, items=tuple(_blocks(it, ctx, counter) for it in items)))
            case _:
                out.append(block)
    return tuple(out)


def _article_text(article: Article) -> str:
    return "\n\n".join(model.plain_text(b) for b in article.body)


def find_quotes(article: Article) -> Article:
    """Mark the quotations in ``article``'s body; speech gets its speaker's full name."""
    language = article.meta.language
    ctx = _Context(PersonIndex.build(_article_text(article)), _Marks.of(language), language)
    body = _blocks(article.body, ctx, [0])
    if body == article.body:
        return article
    return model.replace(article, body=body)
