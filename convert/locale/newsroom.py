"""Bylines in the forms a language's newsrooms print besides the catalogues' ``By {names}``, and
the checks that tell their names from a headline's words: Greek names read back from the
genitive, the name particles of the languages that write them in lower case;
and the wire credits that open a lead paragraph in Japanese and Chinese copy (``【ワシントン＝山田太郎】``,
``新华社北京12月6日电（记者王小明）``).

:mod:`convert.locale.reading` re-exports these; the readers ask it.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Any

from .._regex import compiled, lazy
from ..cache import dataclass
from .calendars import month_day_number
from .surnames import chinese_surname_first
from .text import babel_locale

__all__ = [
    "LeadCredit",
    "NAME_PARTICLES",
    "NEWSROOM_BYLINES",
    "greek_nominative",
    "ja_credit_agencies",
    "known_japanese_place",
    "may_be_newsroom_byline",
    "name_particles_fit",
    "names_an_organisation",
    "may_be_lead_credit",
    "read_lead_credit",
    "read_newsroom_byline",
    "reporter_roles",
    "role_words",
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


# --------------------------------------------------------------------------
# Credits that open a lead paragraph


@dataclass(frozen=True, slots=True)
class LeadCredit:
    """What a wire credit at the start of a lead paragraph says, and where in the text it ends."""

    #: The place the story was filed from (``ワシントン``, ``北京``), if the credit names one.
    place: str | None
    #: The reporters, as written (``山田太郎``).
    names: tuple[str, ...] = ()
    #: The wire agency whose copy it is (``共同通信``, ``新华社``); ``None`` for the paper's own (``本报``).
    agency: str | None = None
    #: The month and day of the dispatch (``12月6日电``): the year is the article's to give.
    month: int | None = None
    day: int | None = None
    #: Where the credit and the space after it end: the lead's own text starts there.
    end: int = 0


_WORDS_FILE = Path(__file__).parent / "data" / "newsroom_words.json"


@lru_cache(maxsize=1)
def _newsroom_words() -> dict[str, dict[str, Any]]:
    """``data/newsroom_words.json``: role, desk and agency words, each list with its source."""
    return json.loads(_WORDS_FILE.read_text(encoding="utf-8"))  # type: ignore[no-any-return]


def role_words(tag: str | None) -> tuple[str, ...]:
    """The language's words for a newsroom role (reporter, editor, editorial staff, anonymous) in the
    scripts without capitals, longest first (``data/newsroom_words.json``, Wiktionary); ``()`` for others."""
    lang = babel_locale(tag).language if tag else ""
    return tuple(sorted(_newsroom_words()["roles"].get(lang, ()), key=len, reverse=True))


def reporter_roles(tag: str | None) -> tuple[str, ...]:
    """Those of :func:`role_words` written beside a reporter's own name in a wire credit (记者, 特派員)."""
    lang = babel_locale(tag).language if tag else ""
    return tuple(sorted(_newsroom_words()["reporter_roles"].get(lang, ()), key=len, reverse=True))


def names_an_organisation(name: str, tag: str | None) -> bool:
    """Whether ``name``, in a script without capitals, names a newsroom, its desk or a publisher rather
    than a person: a role word alone (編集部, 佚名), a unit (社会部, 本紙取材班, 支局, 编辑部) or a
    paper's, agency's or broadcaster's name (読売新聞, 共同通信社, 人民网) (``data/newsroom_words.json``)."""
    lang = babel_locale(tag).language if tag else ""
    words = _newsroom_words()
    desks = words["desks"].get(lang, {})
    name = name.strip()
    return (
        name in words["roles"].get(lang, ())
        or name.startswith(tuple(desks.get("starts", ())))
        or name.endswith(tuple(desks.get("ends", ())))
        or name.endswith(tuple(words["publisher_ends"].get(lang, ())))
    )


@lru_cache(maxsize=1)
def ja_credit_agencies() -> dict[str, str]:
    """Wire agencies as a Japanese credit names them (short and full: 共同, 共同通信社) and the name each
    is published under (``data/newsroom_words.json``, Japanese Wikipedia's 通信社 and agency articles)."""
    return dict(_newsroom_words()["ja_credit_agencies"])


#: The domestic agencies whose own copy writes the place and the agency with no ＝
#: (``【ワシントン共同】``, ``【ジャカルタ時事】``, and Jiji's translation of AFP's copy, ``【パリAFP時事】``); the
#: dailies credit the others after ＝ (``【ロンドン＝ロイター】``).
_JA_UNMARKED_AGENCIES = ("AFP時事", "共同", "時事")

#: The suffixes ISO 3166-2's Japanese and Chinese names give a subdivision's kind (ワシントン州, 北京市,
#: 東京都, 大阪府, 広東省, 新疆ウイグル自治区): a dateline writes the place without them.
_SUBDIVISION_KINDS = compiled(
    r"(?:特別区|自治区|特別市|広域市|特别行政区|特別行政區|自治州|市|州|都|府|県|省|区|區)$"
)
#: The countries whose places Japanese copy writes in the Han of their own names (北京, 上海, 台北, 香港).
_HAN_NAMED = ("CN", "TW", "HK", "MO")


@lru_cache(maxsize=1)
def _japanese_places() -> frozenset[str]:
    """The places a Japanese dateline may name, as maintained data writes them in Japanese: CLDR's
    territory names and the cities it names time zones after (Babel's ``ja``), and ISO 3166-2's
    subdivisions in pycountry's Japanese translation (ワシントン州 -> ワシントン, 大阪府 -> 大阪) and,
    for the Chinese-speaking countries, in its Chinese ones (北京市 -> 北京). Measured on 52 cities
    Japanese papers keep correspondents in (capitals and the largest cities of each continent,
    ``tests/test_lead_credits.py``): 44 are here; ニューデリー, オタワ, キーウ's old キエフ, ドーハ and
    メキシコ市 are not, and a credit from them is read only with 特派員 or 記者 after the name."""
    from ..cache import cached_json, installed_version

    def build() -> list[str]:
        import gettext
        import os

        import pycountry
        from babel import Locale

        ja = Locale.parse("ja")
        found = set(ja.territories.values())
        found |= {zone["city"] for zone in ja.time_zones.values() if zone.get("city")}
        where = os.path.join(os.path.dirname(pycountry.__file__), "locales")
        for lang, countries in (("ja", None), ("zh_CN", _HAN_NAMED), ("zh_TW", _HAN_NAMED)):
            try:
                names = gettext.translation("iso3166-2", where, languages=[lang])
            except OSError:
                continue
            for sub in pycountry.subdivisions:
                if countries is not None and sub.country_code not in countries:
                    continue
                written = names.gettext(sub.name)
                if written != sub.name:
                    found.update((written, _SUBDIVISION_KINDS.sub("", written)))
        return sorted(n for n in found if n)

    versions = [installed_version("babel"), installed_version("pycountry")]
    places = cached_json("ja-places", versions, build) if all(versions) else None
    return frozenset(places if isinstance(places, list) else build())


def known_japanese_place(place: str) -> bool:
    """Whether ``place`` is one :func:`_japanese_places` holds."""
    return place in _japanese_places()


#: The Japanese credit: ``【PLACE＝NAME】`` (a daily's own correspondent), ``【PLACE＝共同】`` and
#: ``【PLACE20日＝共同】`` (an agency's copy, with the day), ``【PLACE共同】`` (Kyodo's and Jiji's own
#: form): the lenticular brackets and the full-width or ASCII equals sign the Japanese dailies print.
#: Described in OKWave's question "特派員はなぜ署名入り?" (a correspondent's dispatch opens with ``【】``
#: holding the place and the reporter's name); the agency's forms are as the dailies and the agencies
#: print them on their sites (``【ニューヨーク20日＝共同】``; no reference page describes them, and the
#: readers' Q&A cited before could not be identified, so it is no longer cited).
_JA_CREDIT = lazy(
    r"【(?P<place>[^\d\s＝=【】、，,]{1,15}?)(?:(?P<day>\d{1,2})日)?"
    r"(?:[＝=](?P<who>[^【】]{1,60}?)|(?P<agency>" + "|".join(_JA_UNMARKED_AGENCIES) + r"))】\s*"
)
#: The Chinese 电头 (dispatch head): ``新华社北京12月6日电`` (agency, place, month and day, "wired"),
#: ``本报北京12月6日电`` and ``本报讯`` (the paper's own), ``据…电`` (a paper reprinting it), ``专电``
#: (special dispatch), then the reporters in brackets ``（记者王小明）``. Baidu Baike's 电头 entry
#: describes the form (``××社××地×月×日电``; ``讯`` for copy filed locally; ``本报××地×月×日专电``);
#: the agencies' and papers' news sites head their copy the same way (``中新网``, ``人民网``).
_ZH_CREDIT = lazy(
    r"(?P<reprint>据|據)?(?P<agency>[\u4e00-\u9fff]{1,5}?[社网網]|本报|本報)"
    r"(?P<place>[\u4e00-\u9fff·]{0,10}?)(?:(?P<month>\d{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?P<day>\d{1,2}|[一二三四五六七八九十]{1,3})日)?"
    r"(?:专|專)?(?P<wired>电|電|讯|訊)(?P<gap>\s*)(?:[（(](?P<who>[^（）()]{2,40})[）)])?\s*"
)
_HAN = r"\u3400-\u9fff\uf900-\ufaff"
#: A name in a credit: Han (two to five: ``長谷川一郎``), or katakana words joined by ``・``
#: (``ジョン・スミス``); hiragana beside them is a phrase's grammar (``くらしの経済``), no name.
_CREDIT_NAME = lazy(rf"[{_HAN}々]{{2,5}}|[\u30a0-\u30ff]{{2,}}(?:・[\u30a0-\u30ff]{{2,}})*")
#: A Japanese name in kanji with a space between family and given name, as web copy often writes
#: it (``山田 太郎``): one to three characters each side.
_SPACED_HAN_NAME = lazy(rf"[{_HAN}々]{{1,3}}[ \u3000][{_HAN}々]{{1,3}}")
_PLACE = lazy(rf"[{_HAN}々\u30a0-\u30ff・]+")


def may_be_lead_credit(text: str) -> bool:
    """Whether ``text`` opens like a :func:`read_credit` credit: cheap, before the language is asked."""
    head = text[:40]
    if head.startswith("【"):
        return True
    wired = any(ch in head for ch in "电電讯訊")
    return wired and (any(ch in head for ch in "社网網") or head.lstrip("据據").startswith(("本报", "本報")))


def read_lead_credit(text: str, tag: str | None) -> LeadCredit | None:
    """``【ワシントン＝山田太郎】…`` in Japanese, ``新华社北京12月6日电（记者王小明）…`` in Chinese: the
    wire credit a lead paragraph opens with, in the text's own language; ``None`` when none does or a
    part of it reads as nothing it should (a name that is no name's shape, a place with digits)."""
    lang = babel_locale(tag).language if tag else None
    if lang == "ja":
        return _japanese_credit(text)
    if lang == "zh":
        return _chinese_credit(text)
    return None


#: The particles that tie a noun to what follows it (Wikipedia, "Japanese particles": の, は, が, を, に,
#: へ, と, で, も, や): a bracket followed by one is a noun of the sentence (``【ワシントン＝山田太郎】の視点``),
#: no credit set before it.
_JA_PARTICLES = tuple("のはがをにへとでもや")


def _japanese_credit(text: str) -> LeadCredit | None:
    """A Japanese credit whose every part reads as what it should: the name part a person's name
    (not a desk, a paper or a kicker's topic: 【東京＝社会部】, 【ワシントン＝読売新聞】, 【特集＝東京五輪】)
    or an agency's. Unknown beats a guess, so a reporter's credit counts only where the place is one
    maintained data knows (:func:`known_japanese_place`) or the name carries 特派員 or 記者: a
    kicker (【インタビュー＝村上春樹】, 【寄稿＝山田太郎】) is shaped as a credit is."""
    m = _JA_CREDIT.match(text)
    if m is None or not _PLACE.fullmatch(m.group("place")) or text[m.end() :].startswith(_JA_PARTICLES):
        return None
    agencies = ja_credit_agencies()
    day = int(m.group("day")) if m.group("day") else None
    if m.group("agency"):
        return LeadCredit(m.group("place"), agency=agencies[m.group("agency")], day=day, end=m.end())
    names: list[str] = []
    agency = None
    any_vouched = False
    for n, part in enumerate(m.group("who").replace("=", "＝").split("、")):
        where, _, who = part.strip().rpartition("＝")
        if where and (n == 0 or not _PLACE.fullmatch(where)):
            return None  # 【ロンドン＝鈴木花子、パリ＝高橋一郎】: a second reporter's own place
        if who in agencies and agency is None:
            agency = agencies[who]
            continue
        vouched = False  # this name has 特派員 or 記者 after it
        for role in reporter_roles("ja"):
            if who.endswith(role) and len(who) > len(role):
                who, vouched = who[: -len(role)].strip(), True
                break
        if not _credit_name_fits(who, vouched=vouched) or _japanese_no_person(who, vouched=vouched):
            return None
        names.append(who)
        any_vouched |= vouched
    if day is not None and names:
        return None  # a day is written only with an agency's copy
    if names and not (any_vouched or known_japanese_place(m.group("place"))):
        return None
    return LeadCredit(m.group("place"), tuple(dict.fromkeys(names)), agency, day=day, end=m.end())


def _credit_name_fits(who: str, *, vouched: bool) -> bool:
    """Whether ``who``, the name part of a Japanese credit without its role, is shaped as the full
    name a credit prints: three to five Han characters (山田太郎), a family and a given name apart
    (山田 太郎), or katakana words joined by ``・`` (ジョン・スミス). Two Han characters or one katakana
    word is as often a kicker's topic (特集, 五輪, 経済, インタビュー, コラム) or a surname alone (山田) as
    a name (佐藤健), so it counts only ``vouched`` for, with 特派員 or 記者 after it; a place
    (:func:`known_japanese_place`: 【日本＝中国】) is never a name. A four-character topic (基地問題)
    is shaped as a name is and still reads: the README's Limits say so. With the role, a place is
    a surname (【ワシントン＝山口特派員】, 石川, 千葉, 長野)."""
    if not vouched and known_japanese_place(who):
        return False
    if _SPACED_HAN_NAME.fullmatch(who):
        return True
    if not _CREDIT_NAME.fullmatch(who):
        return False
    short = len(who) == 2 if who[0] not in _KATAKANA else "・" not in who
    return vouched or not short


_KATAKANA = frozenset(chr(c) for c in range(0x30A0, 0x3100))


def _japanese_no_person(who: str, *, vouched: bool) -> bool:
    """Whether ``who``, shaped as a name (:func:`_credit_name_fits`), names something else
    (``data/newsroom_words.json``): a desk, a paper or an agency (:func:`names_an_organisation`:
    社会部, 読売新聞, 人民日報); a ministry or an agency of government (米国務省, 気象庁); an official by
    title (習近平主席); a role or a kind of report anywhere in it (記者会見, 特派員報告, 五輪特集);
    katakana words of which one is a place (ワシントン・ポスト, ロンドン・ブリッジ); or, without 特派員 or
    記者 after it, a name opening with a place of two or more characters (中国外務省, 北京大学), for
    a surname that is a place (山口, 石川) is read only with the role."""
    words = _newsroom_words()
    if names_an_organisation(who, "ja") or who.endswith(
        tuple(words["office_ends"]["ja"] + words["titles"]["ja"])
    ):
        return True
    inside = words["roles"]["ja"] + words["report_kinds"]["ja"] + words["desks"]["ja"]["ends"]
    if any(len(word) > 1 and word in who for word in inside):
        return True
    if "・" in who:
        return any(known_japanese_place(part) for part in who.split("・"))
    return not vouched and any(known_japanese_place(who[:k]) for k in range(2, len(who)))


def _chinese_credit(text: str) -> LeadCredit | None:
    """A Chinese 电头 and the reporters in its brackets, each read only after a reporter's role
    (记者, 通讯员, 实习生: :func:`reporter_roles`, the outlet before it allowed: 新华社记者, 央视记者),
    which the names after it in the same brackets share (``（记者刘洋 赵静）``); brackets that name no
    reporter so (``（综合报道）``, ``（记者综合报道）``, ``（组图）``, ``（编辑）``, ``（央视记者）``) give no
    author and stay in the lead, and the head before them is read as it would be alone. A
    reprint's head (``据新华社…电``) names the agency whose copy it reprints, not the publisher."""
    m = _ZH_CREDIT.match(text)
    if m is None:
        return None
    place = m.group("place")
    own = m.group("agency") in ("本报", "本報")
    month, day = (month_day_number(m["month"]), month_day_number(m["day"])) if m["month"] else (None, None)
    if (m["month"] and not (month and day)) or re.search(r"[一二三四五六七八九十][月日]", place):
        return None  # 十十月, 北京二十一日电: no month and day, no place
    if not (place or month or own):
        return None  # 出版社讯, 中国新闻社电: a dispatch names where or when it was wired (本报讯 aside)
    if m.group("wired") in "电電" and not (place or month):
        return None  # 本报电…
    if not (month or m.group("gap") or m.group("who") or m.end() == len(text) or text[m.end()] in "：:"):
        return None  # 本报讯员…, 本报电视…: no date, and the word runs on
    names: list[str] = []
    end = m.end()
    if who := m.group("who"):
        names = _credit_reporters(who)
        if not names:
            # (国务院新闻办公室供稿), (综合报道), (新华社记者): brackets, but no reporters; the head
            # is read as it is alone, and the brackets stay in the lead, read as nothing
            # 本报讯（综合报道）, 中国新闻社发电（中国新闻网）称: only a dated head stands alone
            if not month:
                return None
            end = m.start("who") - 1
    return LeadCredit(
        place or None,
        tuple(dict.fromkeys(names)),
        None if own or m.group("reprint") else m.group("agency"),
        month,
        day,
        end,
    )


def _credit_reporters(who: str) -> list[str]:
    """The reporters in a 电头's brackets (``记者王小明 通讯员李华`` -> 王小明, 李华), each after a role;
    ``[]`` when a part is neither a role nor a name after one."""
    words = _newsroom_words()
    body = who.strip()
    for tail in words["credit_tails"]["zh"]:
        if body.endswith(tail):
            body = body[: -len(tail)].rstrip()
            break
    roles = "|".join(map(re.escape, reporter_roles("zh")))
    after_role = compiled(rf"[{_HAN}]{{0,6}}?(?:{roles})[：:]?(?P<name>.*)")
    names: list[str] = []
    in_role = False
    for part in compiled(r"[\s、，,]+").split(body):
        if (found := after_role.fullmatch(part)) is not None:
            part, in_role = found.group("name"), True
        elif not in_role:
            return []
        if part and not _chinese_reporter_name(part):
            return []
        if part:
            names.append(part)
    return names


def _chinese_reporter_name(part: str) -> bool:
    """Whether ``part``, after a reporter's role in a 电头's brackets, is a name: Han characters
    opening with a surname (:func:`chinese_surname_first`), neither an organisation
    (:func:`names_an_organisation`) nor a kind of report (``data/newsroom_words.json``): 记者观察,
    记者手记 and 记者 北京 name no one, and 连线 (连 is a surname) is a report's kind."""
    return (
        _CREDIT_NAME.fullmatch(part) is not None
        and chinese_surname_first(part)
        and not names_an_organisation(part, "zh")
        and not any(kind in part for kind in _newsroom_words()["report_kinds"]["zh"])
    )
