"""Bylines in the forms a language's newsrooms print besides the catalogues' ``By {names}``, and
the checks that tell their names from a headline's words: Greek names read back from the
genitive, Korean family names, the name particles of the languages that write them in lower case.

:mod:`convert.locale.reading` re-exports these; the readers ask it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from .._regex import compiled, lazy
from .text import babel_locale

__all__ = [
    "NAME_PARTICLES",
    "NEWSROOM_BYLINES",
    "greek_nominative",
    "korean_family_name",
    "may_be_newsroom_byline",
    "name_particles_fit",
    "read_newsroom_byline",
]


#: Bylines as the language's newspapers print them where the catalogue's ``By {names}`` is not the
#: usual form, by language (the article's, as identified; Traditional Chinese is identified as ``zh``,
#: so ``zh`` holds both scripts). No maintained list exists (CLDR has none); each form is a
#: newsroom convention printed the same way on every paper of the language, which is why it
#: generalises: Chinese ``记者 NAME`` ("reporter") and ``本报记者 NAME`` ("this paper's reporter",
#: People's Daily and Xinhua style), ``文/NAME`` and ``撰文：NAME`` ("text"); Japanese ``文・NAME`` /
#: ``文：NAME`` / ``文＝NAME`` ("text") and ``取材・文：NAME`` ("reporting and text"); Korean
#: ``NAME 기자`` ("NAME, reporter", after the name) and ``글·사진 NAME`` ("text and photos"); Greek
#: ``Γράφει ο/η NAME`` ("writes") and ``Του/Της NAME`` (the name in the genitive: "[the article] of
#: NAME", read back in the nominative by :func:`greek_nominative`); Arabic ``كتب:``/``كتبت:`` ("wrote",
#: Egyptian and Gulf dailies; with its colon or dash only, for ``كتب`` is also "books"); Russian
#: ``Текст: NAME`` ("text"). A space in a form is a space the line
#: must have, none that it may have: ``记者王小明`` is read only after ``本报记者``, and ``记者招待会``
#: ("press conference") is no byline. An e-mail address may follow the name (Korean closing bylines).
NEWSROOM_BYLINES: dict[str, tuple[str, ...]] = {
    "ar": ("كتب: {names}", "كتبت: {names}", "كتب - {names}", "كتبت - {names}", "بقلم: {names}"),
    "el": ("Γράφει ο {names}", "Γράφει η {names}", "Του {names}", "Της {names}"),
    "ja": ("文・{names}", "文：{names}", "文:{names}", "文＝{names}", "文/{names}", "文／{names}",
           "取材・文：{names}", "取材・文・{names}", "取材・文＝{names}"),
    "ko": ("{names}기자", "{names} 기자", "글·사진 {names}", "글・사진 {names}"),
    "ru": ("Текст: {names}",),
    "zh": ("记者 {names}", "本报记者{names}", "記者 {names}", "本報記者{names}", "记者：{names}", "記者：{names}",
           "文/{names}", "文／{names}", "文｜{names}", "撰文：{names}", "撰文:{names}"),
}  # fmt: skip
#: The Greek article before a name in the genitive, and whether it is the feminine one.
_GENITIVE_LABELS = {"Του": False, "Της": True}
_EMAIL_TAIL = r"(?:\s+[\w.+-]+@[\w-]+(?:\.[\w-]+)+)?"


@lru_cache(maxsize=16)
def _newsroom_pattern(lang: str) -> re.Pattern[str] | None:
    """One pattern for :data:`NEWSROOM_BYLINES` of ``lang``: group ``n<k>`` holds form k's names."""
    alternatives = []
    for k, form in enumerate(NEWSROOM_BYLINES.get(lang, ())):
        before, _, after = form.partition("{names}")
        parts = [re.escape(p.strip()) for p in (before, after)]
        gaps = [r"\s+" if before.endswith(" ") else r"\s*", r"\s+" if after.startswith(" ") else r"\s*"]
        names = rf"(?P<n{k}>\S.*?)"
        alternatives.append(
            f"(?:{parts[0]}{gaps[0]}{names}{_EMAIL_TAIL})"
            if not parts[1]
            else f"(?:{names}{gaps[1]}{parts[1]}{_EMAIL_TAIL})"
        )
    return compiled("|".join(alternatives)) if alternatives else None


@lru_cache(maxsize=1)
def _newsroom_labels() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The first words of the :data:`NEWSROOM_BYLINES` forms that open with their label, and the
    last words of those that end with it (``기자``)."""
    forms = [f for by_lang in NEWSROOM_BYLINES.values() for f in by_lang]
    starts = {f.split("{names}")[0].split()[0] for f in forms if not f.startswith("{")}
    ends = {f.split("{names}")[1].strip() for f in forms if f.startswith("{")}
    return tuple(sorted(starts)), tuple(sorted(ends))


_EMAIL_AT_END = lazy(_EMAIL_TAIL + "$")


def may_be_newsroom_byline(text: str) -> bool:
    """Whether ``text`` opens (or, for a form that names first, ends) like a :data:`NEWSROOM_BYLINES` form."""
    starts, ends = _newsroom_labels()
    text = text.strip()
    if text.startswith(starts):
        return True
    return any(end in text for end in ends) and _EMAIL_AT_END.sub("", text).endswith(ends)


def read_newsroom_byline(text: str, tag: str | None) -> str | None:
    """``记者 王小明`` in Chinese -> ``王小明``: the names of a byline in one of the language's
    :data:`NEWSROOM_BYLINES` forms, else ``None``; Greek names after ``Του``/``Της`` in the nominative."""
    if tag is None:
        return None
    lang = babel_locale(tag).language
    pattern = _newsroom_pattern(lang)
    m = pattern.fullmatch(text.strip()) if pattern is not None else None
    if m is None or m.lastgroup is None:
        return None
    names = m.group(m.lastgroup)
    label = NEWSROOM_BYLINES[lang][int(m.lastgroup[1:])].split()[0]
    if lang == "el" and label in _GENITIVE_LABELS:
        return greek_nominative(names, feminine=_GENITIVE_LABELS[label])
    return names


#: Greek genitive endings and the nominative each comes from, for names (Wikipedia, "Modern Greek
#: grammar": the masculine nouns in -ος, -ης, -ας and the feminine ones in -α, -η), compared
#: without accents and case (:func:`_greek_fold`, so ``σ`` stands for ``ς``). A feminine surname is
#: the same in both cases (Παπαδοπούλου). ``-οπούλου`` is the learned genitive of the commonest
#: surname ending, ``-όπουλος``, whose stress it moves back.
_MASCULINE_GENITIVE = (("οπουλου", "οπουλοσ"), ("ου", "οσ"), ("η", "ησ"), ("α", "ασ"))
_FEMININE_GENITIVE = (("ασ", "α"), ("ησ", "η"))
_GREEK_VOWELS = "αεηιουω"
#: Men's surnames that are a genitive themselves and stay so in the nominative, after a consonant
#: (after a vowel, -ίου, -άου, -έου, every one does): the patronymic surnames made from the genitive
#: of a given name in -ος and the occupational Οικονόμου (Wikipedia, "Greek surnames": "surnames
#: in the genitive of the father's name", Γεωργίου, Παύλου, Πέτρου). Compared folded.
_GENITIVE_SURNAMES = frozenset(
    "αλεξανδρου δημου θεοδωρου κωνσταντινου μαρκου οικονομου παυλου πετρου σταυρου στεφανου "
    "φιλιππου χριστοδουλου χριστοφορου".split()
)
#: An initial: one or two letters and a full stop (Κ., Χρ.), passed through as written.
_GREEK_INITIAL = lazy(r"[^\W\d_]{1,2}\.")


def _greek_fold(word: str) -> str:
    """``word`` without accents or diaeresis, case-folded: ``Σαμαρά`` -> ``σαμαρα``."""
    bare = "".join(ch for ch in unicodedata.normalize("NFD", word) if not unicodedata.combining(ch))
    return bare.casefold()


def _as_written_in(ending: str, written: str) -> str:
    """A nominative ``ending`` (folded, as in the tables) in the case and stress of the genitive
    ending ``written`` it replaces: ``ός`` for ``ού``, ``ΗΣ`` for ``Η``, ``άς`` for ``ά``, ``όπουλος``
    for ``οπούλου`` (the stress the genitive's ending carries goes on the nominative's first vowel)."""
    out = ending[:-1] + "ς" if ending.endswith("σ") else ending
    if any(unicodedata.combining(ch) for ch in unicodedata.normalize("NFD", written)):
        first = next(i for i, ch in enumerate(out) if ch in _GREEK_VOWELS)
        out = out[:first] + unicodedata.normalize("NFC", out[first] + "\u0301") + out[first + 1 :]
    return out.upper() if written.isupper() else out


def _nominative_word(word: str, table: tuple[tuple[str, str], ...]) -> str | None:
    """One name word's genitive ending undone by ``table``, each part of a hyphenated name apart;
    ``None`` when a part has no such ending."""
    parts = []
    for part in word.split("-"):
        folded = _greek_fold(part)
        pair = next((p for p in table if folded.endswith(p[0]) and len(folded) > len(p[0])), None)
        if pair is None:
            return None
        cut = len(part) - len(pair[0])
        parts.append(part[:cut] + _as_written_in(pair[1], part[cut:]))
    return "-".join(parts)


def _own_genitive_surname(word: str) -> bool:
    """A man's surname in -ου that is its own nominative: after a vowel (Νικολάου, Γεωργίου,
    Ανδρέου, the genitive of a given name or a saint's) or one of :data:`_GENITIVE_SURNAMES`
    (Οικονόμου, Δήμου). Any other in -ου (Παπαδόπουλου, Βενιζέλου, Λαμπράκου) is the genitive of -ος."""
    folded = _greek_fold(word)
    return folded.endswith("ου") and (folded[-3:-2] in tuple(_GREEK_VOWELS) or folded in _GENITIVE_SURNAMES)


def greek_nominative(names: str, *, feminine: bool) -> str | None:
    """``Γιώργου Παπαδόπουλου`` -> ``Γιώργος Παπαδόπουλος``; ``Μαρίας Παπαδοπούλου`` (feminine) ->
    ``Μαρία Παπαδοπούλου``: a Greek byline's names in the genitive, read back in the nominative.

    Endings are compared without case or stress and written back in the word's own (``Του Αντώνη
    Σαμαρά`` -> ``Αντώνης Σαμαράς``, ``ΓΙΑΝΝΗ`` -> ``ΓΙΑΝΝΗΣ``); each part of a hyphenated name
    changes; an initial (``Κ.``) is passed through. For a woman only the given names change, and a
    later word in -ας or -ης refuses the line (a woman's surname is never in those forms: ``Της
    Αγίας Σοφίας`` is no byline). ``None`` whenever a word cannot be read back: unknown beats a guess.
    """
    table = _FEMININE_GENITIVE if feminine else _MASCULINE_GENITIVE
    out = []
    words = unicodedata.normalize("NFC", names).split()
    for n, word in enumerate(words):
        if _GREEK_INITIAL.fullmatch(word) and 0 < n < len(words) - 1:
            out.append(word)
            continue
        if n > 0 and feminine:
            if any(_greek_fold(part).endswith(("ασ", "ησ")) for part in word.split("-")):
                return None
            out.append(word)
            continue
        if n > 0 and _own_genitive_surname(word):
            out.append(word)
            continue
        found = _nominative_word(word, table)
        if found is None:
            return None
        out.append(found)
    return " ".join(out)


_KO_SURNAMES_FILE = Path(__file__).parent / "data" / "ko_surnames.json"


@lru_cache(maxsize=1)
def _korean_surnames() -> tuple[frozenset[str], tuple[str, ...]]:
    data = json.loads(_KO_SURNAMES_FILE.read_text(encoding="utf-8"))
    return frozenset(data["one_syllable"]), tuple(data["two_syllable"])


def korean_family_name(name: str) -> bool:
    """Whether ``name`` is a Korean name: two to four Hangul syllables opening with a family name
    (``data/ko_surnames.json``, Statistics Korea's 2015 census), so ``김민수`` is one and ``청년``
    ("youth", as in 청년 기자, a young reporters' column) is none."""
    if not 2 <= len(name) <= 4 or not all("\uac00" <= ch <= "\ud7a3" for ch in name):
        return False
    one, two = _korean_surnames()
    return name[0] in one or (len(name) >= 3 and name.startswith(two))


#: The lower-case words a name may hold between its capitalised ones, by language: the nobiliary
#: and surname particles (Wikipedia, "Nobiliary particle"; Dutch "Tussenvoegsel"; Spanish and
#: Portuguese "naming customs"), each a run as written inside a name (``de la``, ``van der``).
#: ``Von Ursula von der Leyen`` and ``Por María de la Cruz`` name someone; ``Von Null auf Hundert``
#: and ``Por Amor al Arte`` name no one.
NAME_PARTICLES: dict[str, tuple[str, ...]] = {
    "da": ("af", "von", "de"),
    "de": ("von", "vom", "von der", "von dem", "von und zu", "zu", "zum", "zur"),
    "es": ("de", "del", "de la", "de las", "de los"),
    "fr": ("de", "du", "des", "de la", "d'", "d’"),
    "it": ("di", "de", "da", "del", "della", "dei", "degli", "dal", "dalla", "dello", "d'", "d’"),
    "nl": ("van", "de", "der", "den", "van der", "van den", "van de", "ter", "ten", "te", "'t", "in 't"),
    "pt": ("de", "da", "do", "das", "dos"),
    "sv": ("af", "von", "de"),
}  # fmt: skip


def name_particles_fit(name: str, tag: str | None) -> bool:
    """Whether every run of lower-case words inside ``name`` is a particle of the language
    (:data:`NAME_PARTICLES`) with a capitalised word after it, and no word is repeated (``Mensch
    zu Mensch``, ``Haus zu Haus``: an idiom, not a given name and a surname). A name without
    lower-case words fits; in a language the table does not hold, none that has one does."""
    words = name.split()
    if len({w.casefold() for w in words}) < len(words):
        return False
    particles = NAME_PARTICLES.get(babel_locale(tag).language, ()) if tag else ()
    run: list[str] = []
    for word in words[1:]:
        joined = any(p[-1] in "'’" and word.startswith(p) and word[len(p) :][:1].isupper() for p in particles)
        if word[:1].islower() and not joined:
            run.append(word)
            continue
        if run and " ".join(run).casefold() not in particles:
            return False
        run = []
    return not run
