"""What a figure measures: the clause around it, the measure named in the sentence before when
the clause only says "it amounted to $4 billion", and the thing a count counts (its unit)
(:mod:`convert.briefing.figures`)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import lru_cache

from ..locale.numbers import unit_words
from ..locale.script import UNSPACED_SCRIPTS, char_script

#: Scripts whose words take the next word, a counter or a particle straight after them.
GLUED_SCRIPTS = UNSPACED_SCRIPTS | {"Hang"}

_MEASURES = (
    r"trade turnover|turnover|exports?|imports?|population|profits?|sales|revenues?|growth|inflation|"
    r"unemployment|jobless rate|rate|prices?|shares?|earnings|income|budget|debt|deficit|spending|costs?|"
    r"investment|output|production|GDP|surplus|dividends?|loss(?:es)?|value|trade|reserves|stake|bid|deal|"
    r"fine|tax|wages?|salary|fees?"
)
_MEASURE = re.compile(
    rf"(?:\b[a-z][\w-]*\s)?\b(?:{_MEASURES})\b(?:\s(?:between|of|in|for|with)\s(?:the\s)?[\w-]+(?:\s(?:and|two)\s[\w-]+)?(?:\scountries)?)?"
)
_CLAUSE = re.compile(r"\s*(?:[;()\[\]—:]|\s[-–]\s)\s*")
_LEADING = re.compile(
    r"(?i)^(?:for example|for instance|thus|but|and|which|while|whereas|so|also|or)\b[,:]?\s*"
)
PRONOUN_SUBJECT = re.compile(
    r"(?i)(?:^|,\s*)(?:it|this|that|they|which)\s+(?:\w+\s)?(?:amounted|was|were|stood|reached|totalled|totaled|rose|fell|grew|came|is|are|increased|decreased)\b"
)
#: Where an English count's unit ends: a preposition or relative starts what follows it.
_UNIT_STOPS = frozenset(
    ("in", "of", "at", "on", "for", "to", "and", "from", "with", "who", "that", "by", "per")
)


def in_word(text: str, i: int) -> bool:
    r"""Whether ``text[i]`` goes on with the word before it: a letter, digit or ``_`` (``\w``), or a
    combining mark (``\p{M}``: a vowel sign, virama or nukta, which ``re``'s ``\w`` leaves out)."""
    if not 0 <= i < len(text):
        return False
    ch = text[i]
    return ch.isalnum() or ch == "_" or unicodedata.category(ch)[0] == "M"


def _words_after(text: str, end: int, most: int) -> list[str]:
    """Up to ``most`` words after the space after ``text[:end]``, each of word characters
    (:func:`_in_word`) and ``’'–-``, one white-space character apart."""
    space = re.match(r"\s+", text[end:])
    words: list[str] = []
    pos = end + space.end() if space else len(text)
    while len(words) < most:
        stop = pos
        while stop < len(text) and (in_word(text, stop) or text[stop] in "’'–-"):
            stop += 1
        if stop == pos:
            break
        words.append(text[pos:stop])
        if not (stop < len(text) and text[stop].isspace()):
            break
        pos = stop + 1
    return words


def count_unit(text: str, end: int, language: str | None = None) -> str | None:
    """The thing counted: "1.6 million Russian–speaking residents" -> "Russian–speaking residents".

    In English, up to three words, cut at a preposition or relative; in another language the word
    after the number (Hindi ``लोगों``, people), with the next one when it has two or three
    lower-case letters and is no CLDR unit (``de visiteurs``, ``di turisti``; ``km`` stays
    alone in ``300 km par an``) and the next has two letters or more, or none after a word of
    one letter that is no long or short CLDR unit (Hindi ``से``, ``5 à 10``) or where
    what follows is no word or the script puts no space between words (a word's end is not
    known there).
    """
    if language is not None and not _english(language):
        words = [w.strip(",.;’'–-") for w in _words_after(text, end, 2)]
        if (
            not words
            or not any(ch.isalpha() for ch in words[0])
            or char_script(words[0][0]) in UNSPACED_SCRIPTS
        ):
            return None
        first, second = words[0], words[1] if len(words) == 2 else ""
        if (
            sum(unicodedata.category(ch)[0] != "M" for ch in first) == 1
            and char_script(first[0]) not in GLUED_SCRIPTS
            and first not in unit_words(language, narrow=False)
        ):
            # a word of one letter (its marks not counted) that is no long or short CLDR unit is a
            # preposition, conjunction or postposition (Hindi `2 लाख से अधिक लोग`, more than 2 lakh
            # people; `5 à 10`, `5 в год`), not the thing counted: no unit. Hangul's letters are
            # syllables (`3 명`), so they are not cut.
            return None
        short = (
            2 <= len(first) <= 3  # a one-letter word joins as often ("3 mil e quinhentos")
            and not first[0].isupper()
            and first not in unit_words(language)  # "300 km par an": km is the unit
            and sum(ch.isalpha() for ch in second) >= 2  # "5 млн руб в год"
        )
        return f"{first} {second}" if short else first
    words = _words_after(text, end, 3)
    if not words:
        return None
    out = []
    for w in words:
        if w.lower() in _UNIT_STOPS:
            break
        out.append(w.strip(",.;"))
    return " ".join(out) or None


def _english(language: str) -> bool:
    return language.replace("_", "-").split("-")[0].casefold() == "en"


@lru_cache(maxsize=4)
def _clauses(text: str) -> list[tuple[int, int]]:
    """The spans of ``text``'s clauses, found once for all the figures of a sentence (linear work)."""
    cuts = [0] + [p for m in _CLAUSE.finditer(text) for p in (m.start(), m.end())] + [len(text)]
    return list(zip(cuts[::2], cuts[1::2], strict=False))


@lru_cache(maxsize=4)
def _comma_parts(clause: str) -> tuple[int, list[tuple[int, int]], list[int]]:
    """How many words ``clause`` has, the spans of its parts between commas and where each
    starts: found once for all the figures of a clause (linear work)."""
    parts = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", clause)]
    return len(clause.split()), parts, [x for x, _ in parts]


def clause(text: str, start: int, end: int) -> str:
    """The clause holding ``text[start:end]``, trimmed to a readable length."""
    pairs = _clauses(text)
    i = bisect_right(pairs, (start, len(text) + 1)) - 1  # the last clause starting at or before it
    a, b = pairs[i] if i >= 0 and end <= pairs[i][1] else (0, len(text))
    clause = text[a:b]
    rel_start, rel_end = start - a, end - a
    words, parts, starts = _comma_parts(clause)
    if words > 18:
        at = bisect_right(starts, rel_start) - 1
        idx = at if at >= 0 and parts[at][0] <= rel_start < parts[at][1] else 0
        lo, hi = idx, idx
        while len(clause[parts[lo][0] : parts[hi][1]].split()) < 8 and (lo > 0 or hi < len(parts) - 1):
            if lo > 0:
                lo -= 1
            else:
                hi += 1
        clause = clause[parts[lo][0] : max(parts[hi][1], rel_end)]
    clause = _LEADING.sub("", clause.strip(" ,.;")).strip(" ,.;")
    filler = re.match(r"(?i)(?:this|it|that|there)\b[^,]{0,40},\s*", clause)
    if filler and len(clause[filler.end() :].split()) >= 5:
        clause = clause[filler.end() :]  # "this is understandable, there are 1.6 million ..."
    if len(clause.split()) < 3 and a > 0:
        # "(1813)": name what the bracket belongs to, "the Gulistan (1813)"
        lead = re.split(r"[;,:()]", text[max(0, a - 240) : a].rstrip(" ([—–-"))[-1].split()[-6:]
        clause = " ".join(lead) + f" ({clause})"
    return clause


def named_measure(previous: str) -> str | None:
    found = list(_MEASURE.finditer(previous))
    if not found:
        return None
    phrase = found[-1].group(0)
    words = phrase.split()
    if words and words[0].lower() in (
        "a",
        "the",
        "in",
        "of",
        "and",
        "its",
        "their",
        "there",
        "was",
        "decline",
    ):
        words = words[1:]
    return " ".join(words) or None
