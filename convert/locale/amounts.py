"""How a language writes an amount, from CLDR through Babel: its decimal and group signs, the
magnitude words it writes before a number, and the signs and names of currencies.

- number signs: CLDR's decimal and group symbols of the locale (``2,4`` is 2.4 in Dutch, whose
  decimal symbol is ``,``; ``1.200`` is 1200 there) and whether it groups digits the Indian way
  (CLDR's decimal pattern ``#,##,##0.###``: ``1,00,000``);
- magnitude words before the number: CLDR's compact decimal formats whose pattern puts the word
  first (Swahili ``bilioni 0``, ``milioni 0``), each with its power of ten; those after the number
  are :func:`convert.locale.numbers.magnitude_words`;
- currency signs: CLDR's currency symbols of the locale, which follow its territory (``R$`` is
  BRL, ``Rp`` IDR, ``₹`` INR, ``zł`` PLN; ``$`` is USD in ``en`` and AUD in ``en-AU``), each
  kept only when it names one currency;
- currency names: CLDR's display names, singular and plural, of the currencies some country
  uses today (``Indian rupees``, ``euro``, ``บาท``), and the noun of the home currency of the
  language (CLDR's likely territory): the word of its names where the language puts the noun
  (``złotych polskich`` gives ``złotych``, ``українських гривень`` gives ``гривень``, ``Real
  brasileiro`` gives ``Real``), when no other current currency's name holds that word (Swedish
  ``svensk krona`` gives none: Iceland's is a ``krona`` too; Bengali ``বাংলাদেশী টাকা`` none:
  India's rupee is a ``টাকা`` in Bengali; Swahili ``Shilingi ya Tanzania`` none).
"""

from __future__ import annotations

import json
import unicodedata
from functools import lru_cache
from pathlib import Path

from babel import Locale
from babel.core import get_global

from .numbers import _clean, magnitude_words, unit_words
from .text import babel_locale

__all__ = [
    "currency_names",
    "currency_names_scaled",
    "code_signs",
    "currency_digits",
    "currency_signs",
    "home_currency",
    "home_currency_words",
    "indian_words_unknown",
    "magnitude_words_before",
    "native_signs",
    "number_signs",
    "sibling_magnitudes",
    "sign_currency",
]


@lru_cache(maxsize=64)
def number_signs(tag: str | None) -> tuple[str, str, bool]:
    """``(decimal, group, indian)``: CLDR's decimal and group symbols (Latin digits) and whether
    the locale groups digits by two above the thousands (``1,00,000``)."""
    loc = babel_locale(tag)
    symbols = loc.number_symbols.get("latn", {})
    pattern = loc.decimal_formats.get(None)
    indian = pattern is not None and tuple(pattern.grouping)[:2] == (3, 2)
    return symbols.get("decimal", "."), symbols.get("group", ","), indian


@lru_cache(maxsize=64)
def native_signs(tag: str | None) -> tuple[str, str] | None:
    """``(decimal, group)`` of the locale's native numbering system where they differ from its
    Latin ones (Arabic's ``arab``, Persian's ``arabext``: ``٢٫٥``, ``١٬٢٠٠``), else ``None``."""
    loc = babel_locale(tag)
    system = loc.other_numbering_systems.get("native")
    symbols = dict(loc.number_symbols.get(system, {})) if system and system != "latn" else {}
    signs = (symbols.get("decimal", ""), symbols.get("group", ""))
    return signs if all(signs) and signs != number_signs(tag)[:2] else None


@lru_cache(maxsize=64)
def sibling_magnitudes(tag: str | None) -> frozenset[str]:
    """Magnitude words, case-folded, of two letters or more that CLDR gives other locales of the
    language but not this one (English in Australia: India's ``crore``, ``lakh``): after a
    number such a word scales it unread."""
    from babel.localedata import locale_identifiers

    language = babel_locale(tag).language
    own = {word.casefold() for word, _ in magnitude_words(tag)}
    found: set[str] = set()
    for other in locale_identifiers():
        if other.split("_")[0] == language:
            # each locale read once, outside the caches of the article's own language
            formats = Locale.parse(other).compact_decimal_formats
            for patterns in (*formats.get("short", {}).values(), *formats.get("long", {}).values()):
                for kind, pattern in patterns.items():
                    word = _clean(pattern.suffix[0])
                    if kind.isdigit() and _letters(word) > 1 and not _clean(pattern.prefix[0]):
                        found.add(word.casefold())
    return frozenset(found - own)


@lru_cache(maxsize=64)
def indian_words_unknown(tag: str | None) -> bool:
    """Whether the language groups digits the Indian way but CLDR gives it no word for a lakh or
    a crore (Tamil: its compact formats count in thousands and millions), so a word after a
    number may be a magnitude that cannot be read."""
    factors = {factor for _, factor in magnitude_words(tag)}
    return number_signs(tag)[2] and not {1e5, 1e7} <= factors


@lru_cache(maxsize=64)
def magnitude_words_before(tag: str | None) -> tuple[tuple[str, float], ...]:
    """``(word, scale)`` for each magnitude word written before a number (Swahili
    ``("bilioni", 1e9)``), longest first."""
    loc = babel_locale(tag)
    found: dict[str, float] = {}
    for length in ("long", "short"):
        for patterns in loc.compact_decimal_formats.get(length, {}).values():
            for kind, pattern in patterns.items():
                word = _clean(pattern.prefix[0])
                zeros = pattern.int_prec[0]
                if _letters(word) > 1 and not _clean(pattern.suffix[0]) and kind.isdigit() and zeros:
                    found.setdefault(word, int(kind) / 10 ** (zeros - 1))
    return tuple(sorted(found.items(), key=lambda item: -len(item[0])))


def _letters(word: str) -> int:
    """The letters of ``word``, its combining marks not counted: a one-letter word (Sinhala ``ද``,
    a thousand, and a particle; ``මි``, a letter and its vowel sign) scales no number before it."""
    return sum(1 for ch in word if unicodedata.category(ch)[0] != "M")


@lru_cache(maxsize=1)
def _current() -> dict[str, frozenset[str]]:
    """Each currency some country uses as tender today, with those countries (CLDR's territory
    currencies; a country is a territory ISO 3166-1 lists, as pycountry has it: not the European
    Union, whose name would hide the euro's)."""
    import pycountry  # its tables load on first use, not when the briefing is imported

    users: dict[str, set[str]] = {}
    for territory, spans in get_global("territory_currencies").items():
        if pycountry.countries.get(alpha_2=territory) is None:
            continue
        for code, _start, end, tender in spans:
            if end is None and tender:
                users.setdefault(code, set()).add(territory)
    return {code: frozenset(places) for code, places in users.items()}


@lru_cache(maxsize=16)
def _signs_of_language(language: str) -> dict[str, set[str]]:
    """The current currencies each sign names in any locale of ``language`` (CLDR's symbols)."""
    from babel.localedata import locale_identifiers

    found: dict[str, set[str]] = {}
    for other in locale_identifiers():
        if other.split("_")[0] == language:
            for code, symbol in Locale.parse(other).currency_symbols.items():
                if code in _current():
                    found.setdefault(_clean(symbol), set()).add(code)
    return found


@lru_cache(maxsize=64)
def currency_signs(tag: str | None) -> tuple[tuple[str, str], ...]:
    """``(sign, code)`` for each CLDR currency symbol of the locale that names one current
    currency and is no ISO code or lone letter (``("R$", "BRL")``), longest first. A sign is
    kept for the home currency (:func:`_home`), or where every locale of the language that writes
    it gives it the same currency: English in Australia gives ``Rs`` to the Seychelles rupee,
    in Pakistan to its rupee, so ``Rs`` is no evidence. Nor is a sign that is also a CLDR unit
    of the language (Bosnian ``km``: ``KM`` is the mark; signs are matched as typed)."""
    loc = babel_locale(tag)
    units = unit_words(tag)
    home, elsewhere = _home(loc), _signs_of_language(loc.language)
    codes: dict[str, set[str]] = {}
    for code, symbol in loc.currency_symbols.items():
        sign = _clean(symbol)
        if code in _current() and sign and sign != code and not (len(sign) == 1 and sign.isalpha()):
            if sign in units or (code != home and elsewhere.get(sign, {code}) != {code}):
                continue
            codes.setdefault(sign, set()).add(code)
    found = [(sign, next(iter(cs))) for sign, cs in codes.items() if len(cs) == 1]
    found += [(code, code) for code in code_signs(loc.language) if code not in codes]
    return tuple(sorted(found, key=lambda item: -len(item[0])))


#: The codes wordfreq counts as common words, by language (``scripts/wordfreq_codes.py``).
_COMMON_CODES_FILE = Path(__file__).parent / "data" / "common_codes.json"


@lru_cache(maxsize=64)
def code_signs(language: str) -> tuple[str, ...]:
    """The ISO 4217 codes of the currencies in use today (:func:`_current`), written in capitals
    before or after an amount as a sign is (``USD 3 million``, ``3 Millionen EUR``), less those
    whose letters are a common word of the language or of English (wordfreq, Zipf 4.5 or more,
    :data:`_COMMON_CODES_FILE`): ``TOP 10``, ``ALL 3``, Danish ``NOK`` are no money. A code the
    locale writes (:func:`written_codes`: Turkish ``TRY``, Vietnamese ``USD``) is never left out."""
    common = json.loads(_COMMON_CODES_FILE.read_text(encoding="utf-8"))["codes"]
    words = {*common.get("en", ()), *common.get(language or "en", ())} - written_codes(language)
    return tuple(code for code in sorted(_current()) if code not in words)


@lru_cache(maxsize=64)
def written_codes(language: str | None) -> frozenset[str]:
    """The currencies the locale writes, whose codes are kept as signs even where wordfreq counts
    their letters as a word (the count then comes from the currency): its home currency
    (:func:`home_currency`: Turkish ``TRY``, Norwegian ``NOK``) and those CLDR gives a symbol of
    their own in it (Vietnamese ``USD``: ``US$``; Czech, Slovak, Latvian ``EUR``: ``€``; French
    ``ILS``: ``₪``)."""
    loc = babel_locale(language)
    own = {code for code, symbol in loc.currency_symbols.items() if symbol and symbol != code}
    home = _home(loc)
    return frozenset({*own, *([home] if home else [])})


def currency_digits(code: str) -> int:
    """How many decimals CLDR writes for an amount of the currency (USD 2, JPY 0)."""
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(code))


@lru_cache(maxsize=256)
def sign_currency(tag: str | None, sign: str) -> str | None:
    """The one currency whose CLDR symbol in the locale is ``sign`` (``$``: USD in ``en``, AUD in
    ``en-AU``, none in ``pt-BR`` or ``en-HK``), else ``None``."""
    codes = [code for code, symbol in babel_locale(tag).currency_symbols.items() if symbol == sign]
    return codes[0] if len(codes) == 1 else None


def _names(loc: Locale, code: str) -> set[str]:
    plural = loc._data["currency_names_plural"].get(code) or {}
    names = {loc.currencies.get(code) or "", *dict(plural).values()}
    return {_clean(name) for name in names if name and "(" not in name}


def _home(loc: Locale) -> str | None:
    """The currency of the locale's territory, or of the one CLDR's likely subtags give it."""
    territory = loc.territory
    if territory is None:
        likely = get_global("likely_subtags").get(loc.language, "")
        territory = likely.rsplit("_", 1)[-1] if likely.count("_") else None
    homes = [code for code, places in _current().items() if territory in places]
    return homes[0] if len(homes) == 1 else None


@lru_cache(maxsize=64)
def home_currency(tag: str | None) -> str | None:
    """The ISO 4217 code of the currency of the locale's territory (CLDR), or ``None``."""
    return _home(babel_locale(tag))


@lru_cache(maxsize=64)
def home_currency_words(tag: str | None) -> frozenset[str]:
    """The words, case-folded, of the CLDR names of the home currency (:func:`home_currency`) in
    the language, every plural form (en-AU: ``australian``, ``dollar``, ``dollars``)."""
    loc = babel_locale(tag)
    home = _home(loc)
    return frozenset(w.casefold() for name in (_names(loc, home) if home else ()) for w in name.split())


def _names_place(word: str, places: frozenset[str]) -> bool:
    """Whether ``word`` names a territory: it opens with the first four letters of a word of four
    or more in one of the territories' names (``brasileiro``, ``Brasil``; ``বাংলাদেশী``,
    ``বাংলাদেশ``; ``भारतीय``, ``भारत``)."""
    folded = _fold(word)
    return any(folded.startswith(_fold(place)[:4]) for place in places if len(place) >= 4)


def _fold(word: str) -> str:
    """``word`` case-folded without its accents (Portuguese ``Bolívia``, ``bolivianos``)."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    return "".join(ch for ch in decomposed if unicodedata.category(ch)[0] != "M")


def _noun(word: str, places: frozenset[str]) -> bool:
    """A word that may stand for its currency alone: three letters or more, not in capitals (an
    abbreviation: ``US``, ``CFA``), and naming no territory."""
    return len(word) >= 3 and not word.isupper() and not _names_place(word, places)


def _noun_place(loc: Locale, words: dict[str, set[str]]) -> int | None:
    """Where the language puts the noun in a currency's name, first word or last (``0``, ``-1``):
    the place where the names' words are most often shared by other currencies (``dolar
    amerykański``, ``dolar kanadyjski``: Polish puts it first; ``svensk krona``, ``isländsk
    krona``: Swedish last), so the other word, unshared, is the country's adjective."""
    shared = [0, 0]
    for code in _current():
        for name in _names(loc, code):
            parts = name.split()
            if len(parts) > 1:
                for i, word in enumerate((parts[0], parts[-1])):
                    shared[i] += len(words.get(word.casefold(), ())) > 1
    return None if shared[0] == shared[1] else 0 if shared[0] > shared[1] else -1


def _declines_as_adjective(loc: Locale, code: str) -> bool:
    """Whether the noun of a currency's names takes the endings of the adjective beside it in
    most of its forms (Polish ``złote polskie``, ``złotych polskich``: ``złoty``, golden, is an
    adjective, so ``3 złote medale`` are gold medals), so that alone it may be no currency
    (Ukrainian ``українських гривень`` differs: a noun)."""
    pairs = [name.split() for name in _names(loc, code) if len(name.split()) == 2]
    same = sum(first[-1:] == last[-1:] for first, last in pairs)
    return len(pairs) >= 3 and 2 * same > len(pairs)  # a judgement over three forms or more


@lru_cache(maxsize=64)
def currency_names(tag: str | None) -> tuple[tuple[str, str], ...]:
    """``(name, code)`` for each name of a current currency in the language, case-folded,
    longest first: its CLDR display names, and the home currency's own noun (module doc). A name
    that other current currencies share (``dollar``, Bengali ``টাকা``: the Indian rupee's too) or
    that names a place too (Spanish ``bolivianos``, Bolivians) is left out, and so is a home noun
    that declines as an adjective (:func:`_declines_as_adjective`: Polish ``złotych``), which
    is only :func:`currency_names_scaled`."""
    return _currency_names(tag)[0]


@lru_cache(maxsize=64)
def currency_names_scaled(tag: str | None) -> tuple[tuple[str, str], ...]:
    """:func:`currency_names` and the home nouns read only after a magnitude word (Polish ``10
    tys. złotych``, where ``złotych`` is money, not golden)."""
    names, adjectives = _currency_names(tag)
    return tuple(sorted((*names, *adjectives), key=lambda item: -len(item[0])))


@lru_cache(maxsize=64)
def _currency_names(tag: str | None) -> tuple[tuple[tuple[str, str], ...], tuple[tuple[str, str], ...]]:
    loc = babel_locale(tag)
    owners: dict[str, set[str]] = {}
    words: dict[str, set[str]] = {}
    places: dict[str, frozenset[str]] = {}
    for code, users in _current().items():
        places[code] = frozenset(w for t in users for w in (loc.territories.get(t) or "").split())
        for name in _names(loc, code):
            owners.setdefault(name.casefold(), set()).add(code)
            for word in name.split():
                words.setdefault(word.casefold(), set()).add(code)
    found = {
        name: code
        for name, (code, *more) in owners.items()
        if not more and (" " in name or _noun(name, places[code]))
    }
    adjectives: dict[str, str] = {}
    home, at = _home(loc), _noun_place(loc, words)
    if home is not None and at is not None:
        nouns = adjectives if _declines_as_adjective(loc, home) else found
        for name in _names(loc, home):
            word = name.split()[at]
            if " " in name and words.get(word.casefold()) == {home} and _noun(word, places[home]):
                nouns.setdefault(word.casefold(), home)
    return (
        tuple(sorted(found.items(), key=lambda item: -len(item[0]))),
        tuple(adjectives.items()),
    )
