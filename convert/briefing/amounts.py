"""Numbers and amounts as the article's language writes them (CLDR, :mod:`convert.locale.amounts`).

- A number's decimal and group signs are the language's: ``2,4`` is 2.4 and ``1.200`` is 1200 in
  Dutch, German, Polish, Indonesian; ``1,00,000`` is a lakh where digits are grouped the Indian way.
- A magnitude written before the number scales it (Swahili ``bilioni 120``), and magnitudes in a
  row multiply, each larger than the one before (Bengali ``৪৫ হাজার কোটি``, 45 thousand crore).
- A currency sign before or after the number (``R$ 50 milhões``, ``Rp 1,5 triliun``, ``₹63,246``,
  ``289 mld zł``) or a currency's name after it (``2,4 miljard euro``, ``2,3 млрд гривень``; Thai
  ``1,200 ล้านบาท``, the name glued to the magnitude) makes it money in that currency.
- Where the language groups digits the Indian way but CLDR gives it no word for a lakh or a crore
  (Tamil), an amount of money followed by a word is no figure: the word may be a crore.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from ..locale.amounts import (
    currency_digits,
    currency_names_scaled,
    currency_signs,
    home_currency,
    indian_words_unknown,
    magnitude_words_before,
    native_signs,
    number_signs,
    sibling_magnitudes,
)
from ..locale.numbers import magnitude_words, percent_affixes
from ..locale.script import UNSPACED_SCRIPTS, char_script

#: A number with a comma between thousands and a point before decimals (English, CLDR's root).
ENGLISH_NUMBER = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SPACE = "[ \u00a0\u202f]?"
#: English newsroom scales after a number, as written: the words, The Economist's and the FT's
#: ``bn`` and ``m``, Reuters' wire ``bln`` and ``mln``, and the capitals of CLDR's English short
#: formats (``3B``) with lower-case ``k``.
ENGLISH_SCALES = {
    "trillion": 1e12,
    "billion": 1e9,
    "bn": 1e9,
    "Bn": 1e9,
    "bln": 1e9,
    "million": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "thousand": 1e3,
    "k": 1e3,
    "K": 1e3,
    "M": 1e6,
    "B": 1e9,
}


@lru_cache(maxsize=64)
def english_scales(language: str | None) -> frozenset[str]:
    """The spellings of :data:`ENGLISH_SCALES` read in ``language``: all in English (or untagged);
    in another only those its CLDR magnitudes have no word of (a word of two letters or more in
    any case, one letter as written) of another size: Polish ``bln`` is a trillion, Swedish ``bn``
    and French ``Bn`` and ``billion`` too, Indonesian ``M`` a billion; the language's word comes
    first (:func:`convert.briefing.figures.find` reads it with the number)."""
    if (language or "en").replace("_", "-").split("-")[0].casefold() == "en":
        return frozenset(ENGLISH_SCALES)
    own = {w if len(w) == 1 else w.casefold(): f for w, f in magnitude_words(language)}
    return frozenset(
        w for w, f in ENGLISH_SCALES.items() if own.get(w if len(w) == 1 else w.casefold(), f) == f
    )


#: English currency signs and words (Reuters' and AP's style: ``dlrs``, ``cts``) and the
#: currency each names in English news; a word read in a locale is first the locale's own
#: currency where its CLDR name has the word (:func:`convert.briefing.figures._word_currency`).
ENGLISH_CURRENCIES = {
    "$": "USD",
    "US$": "USD",
    "A$": "AUD",
    "C$": "CAD",
    "HK$": "HKD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "dollars": "USD",
    "dlrs": "USD",
    "euros": "EUR",
    "pounds": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "roubles": "RUB",
    "rubles": "RUB",
    "francs": "CHF",
    "marks": "DEM",
    "rupees": "INR",
    "cts": "USD",
    "cents": "USD",
    "pence": "GBP",
    "p": "GBP",
}

#: Signs typed for one another: the apostrophe and its typographic form (Swiss ``1’200``, CLDR
#: ``'``), and the spaces (CLDR's French sign is U+202F, typed as any space).
_SAME_SIGNS = ({"'", "\u2019"}, {" ", "\u00a0", "\u202f"})


def _decimals(language: str | None) -> set[str]:
    """The decimal signs of the language: its Latin one and its native digits' (Arabic ``٫``)."""
    native = native_signs(language)
    return {number_signs(language)[0], *(native[:1] if native else ())}


@lru_cache(maxsize=64)
def number_pattern(language: str | None) -> str:
    """The regular expression of a number written as ``language`` writes it (CLDR's signs).

    A space as group sign groups only three digits after a first group of one to three with no
    leading zero, and no digits follow across another space: ``06 123 456`` or ``8 800 555 35
    35`` is no number of millions (a telephone number; its pieces give no figure either,
    :func:`convert.briefing.figures.find`)."""
    decimal, group, indian = number_signs(language)
    native = native_signs(language)
    if (decimal, group, indian) == (".", ",", False) and native is None:
        return ENGLISH_NUMBER
    groups = {group, *(native[1:] if native else ())}
    for same in _SAME_SIGNS:
        groups |= same if groups & same else set()
    g = "[" + "".join(re.escape(sign) for sign in sorted(groups)) + "]"
    d = "[" + "".join(re.escape(sign) for sign in sorted(_decimals(language))) + "]"
    grouped = rf"\d{{1,3}}(?:{g}\d{{3}})+"
    if group.isspace():
        grouped = rf"(?<!\d{g})[1-9]\d{{0,2}}(?:{g}\d{{3}})+(?!{g}\d)"
    if indian:
        grouped = rf"\d{{1,2}}(?:{g}\d{{2}})+{g}\d{{3}}|{grouped}"
    return rf"(?:{grouped})(?:{d}\d+)?|\d+(?:{d}\d+)?"


def number_value(text: str, language: str | None) -> float | None:
    """The value of the first number in ``text`` as ``language`` writes it."""
    found = re.search(number_pattern(language), text)
    if found is None:
        return None
    decimals = _decimals(language)
    digits = "".join("." if ch in decimals else ch for ch in found.group(0) if ch.isdigit() or ch in decimals)
    return float(digits)


@dataclass(frozen=True, slots=True)
class Amount:
    """A number with what is written beside it: its span, scale, currency (ISO 4217) and whether it
    is a percentage; ``unsure`` when a word beside it may change its value unread."""

    start: int
    end: int
    scale: float
    currency: str | None = None
    percent: bool = False
    unsure: bool = False


def _in_word(ch: str) -> bool:
    """A letter, digit or combining mark (a vowel sign goes on with its word), or a hyphen."""
    return ch.isalnum() or ch in "_-" or unicodedata.category(ch)[0] == "M"


def _ends_word(text: str, i: int) -> bool:
    """Whether a word ends before ``text[i]``: no letter, digit or mark goes on. Also in Thai,
    written without spaces between words: ``บาท`` (baht) opens ``บาทหลวง`` (a priest) too."""
    return i >= len(text) or not _in_word(text[i])


@lru_cache(maxsize=128)
def _after_patterns(language: str | None) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str]]:
    """The language's currency signs as typed and its currency names in any case (those too that
    may be an adjective: Polish ``złotych``, read by the word after it, :func:`_currency_after`),
    each as one expression (longest first), and the currency of each, case-folded."""
    signs = currency_signs(language)
    names = currency_names_scaled(language)
    codes = {name.casefold(): code for name, code in (*names, *signs)}
    sign = "|".join(re.escape(s) for s, _ in signs) or "(?!)"
    name = "|".join(re.escape(n) for n, _ in names) or "(?!)"
    return re.compile(rf"{_SPACE}(?:{sign})"), re.compile(rf"{_SPACE}(?:{name})", re.IGNORECASE), codes


#: Languages whose writing spaces syllables, not words (Vietnamese: every syllable of ``đồng
#: nghiệp``, a colleague, and ``đồng hồ``, a clock, is written apart; W3C's Vietnamese Layout
#: Requirements, 'Word boundaries'): a short word after a currency word may be the rest of it.
_SYLLABLES_SPACED = frozenset({"vi"})


def _language(tag: str | None) -> str:
    return (tag or "").replace("_", "-").split("-")[0].casefold()


def _function_word(rest: str) -> bool:
    """Whether ``rest`` opens with a word of one to three lower-case letters and no more (``pro``,
    ``al``, ``por``, ``na``): a preposition or conjunction, not a noun the currency word modifies
    (``zone``, ``medale``; ``Zone``, ``Madrid`` are capitalised)."""
    return re.match(r"[^\W\d_]{1,3}(?![\w-])", rest) is not None and rest[:1].islower()


def _currency_after(
    text: str, end: int, language: str | None, scaled: bool = False
) -> tuple[int, str] | None:
    """A currency sign (as typed: ``KM`` is a currency, ``km`` a unit) or name just after
    ``text[:end]``. A name of one word must end the phrase, no word after it (Vietnamese
    ``đồng nghiệp``, a colleague; Polish ``złote medale``, gold medals; ``euro zone``,
    ``Real Madrid``), or the home currency's be followed by a short lower-case word, a
    preposition (``20 Euro pro Person``, ``300 złotych na buty``; not in Vietnamese, whose
    syllables are spaced: ``đồng hồ``, a clock), except after a magnitude or a grouped or decimal number (``scaled``: ``2,4
    miljard euro extra``, ``12.000 Euro und``) or in a
    script that puts no space between words, where a space ends a phrase (Thai ``ล้านบาท ในปีนี้``)."""
    signs, names, codes = _after_patterns(language)
    sign = signs.match(text, end)
    if sign and _ends_word(text, sign.end()):
        return sign.end(), codes[sign.group(0).lstrip(" \u00a0\u202f").casefold()]
    found = names.match(text, end)
    if found is None or not _ends_word(text, found.end()):
        return None
    word = found.group(0).lstrip(" \u00a0\u202f")
    if not scaled and " " not in word and char_script(word[0]) not in UNSPACED_SCRIPTS:
        rest = text[found.end() :].lstrip(" \u00a0\u202f")
        home = codes[word.casefold()] == home_currency(language)
        if rest[:1].isalpha() and not (
            home and _function_word(rest) and _language(language) not in _SYLLABLES_SPACED
        ):
            return None
    return found.end(), codes[word.casefold()]


@lru_cache(maxsize=64)
def _before_patterns(language: str | None) -> tuple[re.Pattern[str], re.Pattern[str], dict[str, str], int]:
    """The language's currency signs as one expression at a place, one ending just before it
    (a space between or none), the currency of each sign and the longest sign's length."""
    signs = currency_signs(language)
    alt = "|".join(re.escape(sign) for sign, _ in signs) or "(?!)"
    longest = max((len(sign) for sign, _ in signs), default=0)
    return re.compile(alt), re.compile(rf"({alt}){_SPACE}$"), dict(signs), longest


def _currency_before(text: str, start: int, language: str | None) -> tuple[int, str] | None:
    """A sign just before ``start`` (``R$ 50``, ``₹63``), or at it (``$5`` read as money)."""
    at, before, codes, longest = _before_patterns(language)
    if (m := at.match(text, start)) is not None and not (start > 0 and _in_word(text[start - 1])):
        return start, codes[m.group(0)]
    m = before.search(text, max(0, start - longest - 1), start)
    if m is None or (m.start() > 0 and _in_word(text[m.start() - 1])):
        return None
    return m.start(), codes[m.group(1)]


@lru_cache(maxsize=64)
def _magnitude_patterns(language: str | None) -> tuple[tuple[re.Pattern[str], float], ...]:
    """Each magnitude word of two letters or more after a number, as an expression, longest first."""
    return tuple(
        (re.compile(rf"{_SPACE}{re.escape(word)}"), factor)
        for word, factor in magnitude_words(language)
        if len(word) >= 2
    )


def _magnitude_after(text: str, end: int, language: str | None, above: float) -> tuple[int, float] | None:
    """A magnitude word of two letters or more after ``text[:end]`` larger than ``above``."""
    for pattern, factor in _magnitude_patterns(language):
        if factor <= above:
            continue
        m = pattern.match(text, end)
        if m and (_ends_word(text, m.end()) or _currency_after(text, m.end(), language, True)):
            return m.end(), factor
    return None


def _abbreviated_percent(text: str, end: int, language: str | None) -> int | None:
    """A percent word of the language cut short with a full stop (Polish ``proc.`` of CLDR's
    ``procent``): four letters or more, the way a word is abbreviated in writing."""
    m = re.match(rf"{_SPACE}(\w{{4,}})\.", text[end:])
    if m is None:
        return None
    cut = m.group(1).casefold()
    words = {w.casefold() for _, after in percent_affixes(language) for w in after.split()}
    return end + m.end() if any(w.startswith(cut) and w != cut for w in words) else None


def _word_after(text: str, end: int) -> str:
    """The word just after ``text[:end]`` (one space between), with its combining marks; ``""``
    when none or what follows opens with no letter."""
    m = re.match(r"[ \u00a0]?(?=[^\W\d_])", text[end:])
    if m is None:
        return ""
    stop = start = end + m.end()
    while stop < len(text) and _in_word(text[stop]):
        stop += 1
    return text[start:stop]


def _inflected_magnitude(word: str, language: str | None) -> bool:
    """Whether ``word`` may be a lakh or crore (or more) in a form CLDR does not give, where the
    language groups digits the Indian way: it opens with a CLDR magnitude word of a hundred
    thousand or more less its last letter (Telugu ``కోట్ల`` of ``కోట్లు``, crores)."""
    if not number_signs(language)[2]:
        return False
    for known, factor in magnitude_words(language):
        stem = known.rstrip("".join(ch for ch in known if unicodedata.category(ch)[0] == "M"))[:-1]
        if (
            factor >= 1e5
            and word != known
            and sum(ch.isalpha() for ch in stem) >= 2
            and word.startswith(stem)
        ):
            return True
    return False


def read_amount(text: str, start: int, end: int, scale: float, language: str | None) -> Amount:
    """The number at ``text[start:end]``, already read with ``scale``, and what its language
    writes beside it: more magnitudes, one before it, a currency, an abbreviated percent word."""
    last = scale
    while (found := _magnitude_after(text, end, language, last if last > 1 else 0.0)) is not None:
        end, last = found
        scale = scale * last if scale > 1 else last
    if scale == 1.0:
        for word, factor in magnitude_words_before(language):
            # searched just before ``start`` (`pos`, `endpos`): not the whole text again (linear)
            m = re.compile(rf"(?<!\w){re.escape(word)}{_SPACE}$").search(
                text, max(0, start - len(word) - 2), start
            )
            if m:
                start, scale = m.start(), factor
                break
    # a grouped or decimal number is an amount, whatever word follows its currency (`12.000 Euro
    # und`); a small bare one may count the things a compound names (`20 euro zone members`)
    number_at, number_end = start, end
    after = _currency_after(text, end, language, scale > 1 or not text[start:end].isdigit())
    before = _currency_before(text, start, language)
    currency = after[1] if after else (before[1] if before else None)
    if after:
        end = after[0]
    if before:
        start = before[0]
    if (
        currency is not None
        and scale == 1.0
        and _code_read(text, start, end, currency)
        and not _looks_like_money(text[number_at:number_end], currency, language)
    ):
        return Amount(start, end, scale, currency, unsure=True)  # `PHP 7`, `AMD 7 nm`: no figure
    percent = _abbreviated_percent(text, end, language) if currency is None else None
    word = _word_after(text, percent or end)
    # where a word after it may be a crore CLDR does not give: money, or a number no magnitude
    # word scaled (Tamil `15 கோடி ரூபாய்`; `15 ஆயிரம் பேர்`, 15 thousand people, is read)
    unsure = bool(word) and (
        (indian_words_unknown(language) and (currency is not None or scale == 1.0))
        or _inflected_magnitude(word, language)
        or (scale == 1.0 and word.casefold() in sibling_magnitudes(language))
    )
    return Amount(start, percent or end, scale, currency, percent is not None, unsure)


def _code_read(text: str, start: int, end: int, currency: str) -> bool:
    """Whether the currency of the amount at ``text[start:end]`` is read from its ISO 4217 code
    written before or after the number (``USD 3 million``, ``5 million GBP``)."""
    words = re.findall(r"[^\W\d_]+", text[start:end])
    return currency in (words[:1] + words[-1:])


def _looks_like_money(number: str, currency: str, language: str | None) -> bool:
    """Whether ``number``, written beside an ISO code with no magnitude read, is written as an
    amount of money: with a scale word (``USD 3 million``), a group sign (``USD 3,500``) or as
    many decimals as CLDR gives the currency (``USD 3.50``; ``JPY`` none). A bare number or one
    of another decimal count is a name's (``PHP 7``, ``PHP 8.1``, ``AMD 7 nm``, ``CAD 3
    software``): unsure, no figure."""
    if re.search(r"[^\W\d_]", number):
        return True  # an English scale word read with it: `USD 3 million`
    decimal, group, _ = number_signs(language)
    head, _, tail = number.partition(decimal)
    if tail:
        return tail.isdigit() and len(tail) == currency_digits(currency)
    return not head.isdigit()  # grouped: `USD 3,500`, `EUR 1.200`


#: A run of digit groups one space apart, looked for this far either side of a number.
_RUN = re.compile(r"\d+(?:[ \u00a0\u202f]\d+)*")
_RUN_REACH = 80


#: A telephone number's shape that is also a grouped number: nine digits in three groups of three
#: (Polish, Spanish, Portuguese, Czech mobiles `601 234 567`; ITU-T E.164 national numbers).
_PHONE_SHAPE = re.compile(r"[1-9]\d\d[ \u00a0\u202f]\d{3}[ \u00a0\u202f]\d{3}")


def piece_of_run(text: str, start: int, end: int, bare: bool = False) -> bool:
    """Whether the number at ``text[start:end]`` is one piece of a run of digit groups one space
    apart that was not read whole: a number whose space is no group sign of the language (German
    ``10 000 Euro``, read ``10`` and ``000 Euro``) or a telephone number (``06 12 34 56 78``,
    ``8 800 555 35 35``). Two groups are a number cut in two only in its shape (a head of one
    to three digits, then three): ``2020 500`` is a year and a count. A run of three groups or
    more after a plus is a telephone number in E.164's international form (``+48 601 234 567``),
    and so is a ``bare`` count (no currency, percent or scale) of a telephone number's shape
    (:data:`_PHONE_SHAPE`): unsure, no figure (a count of 601,234,567 written to the unit, too).
    A run whose last group is ``000`` is a round count, no telephone number (``146 000 000
    habitants``, ``+1 200 000 personnes``): a count rounded to the thousand is written so, a
    number to dial seldom ends in three zeros."""
    for m in _RUN.finditer(text, max(0, start - _RUN_REACH), end + _RUN_REACH):  # near it: linear
        if m.start() <= start < m.end() or start <= m.start() < end:
            groups = m.group(0).split()
            round_count = groups[-1] == "000"  # `146 000 000 habitants`, `+1 200 000`: no number to dial
            if len(groups) >= 3 and text[m.start() - 1 : m.start()] == "+" and not round_count:
                return True
            whole = start <= m.start() and m.end() <= end
            if whole and bare and not round_count and _PHONE_SHAPE.fullmatch(m.group(0)):
                return True
            if whole or len(groups) == 1:
                return False
            return len(groups) >= 3 or bool(re.fullmatch(r"\d{1,3} \d{3}", " ".join(groups)))
    return False


def minus_before(text: str, i: int) -> bool:
    """Whether a minus sign (U+2212) or a hyphen at the start or after a space is just before ``text[i]``."""
    return text[i - 1 : i] == "\u2212" or (i > 0 and text[i - 1] == "-" and (i == 1 or text[i - 2].isspace()))
