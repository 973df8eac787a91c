"""Reading back what a non-English article writes the language's way: dates and bylines."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path

import pytest

import convert
from convert.base import ExportOptions
from convert.exporters.txt import TextExporter
from convert.locale import reading as rd
from convert.locale import text as loc
from convert.locale.reading_dates import search_dates
from convert.model import Article, Author, Metadata, Paragraph, Text
from convert.readers.text import find_byline
from convert.theme import load_theme

#: Written the way each language writes a date (CLDR's long form, or its medium one).
WRITTEN = {
    "ru": "14 октября 2024 г.",
    "ar": "14 أكتوبر 2024",
    "fa": "۱۴ اکتبر ۲۰۲۴",
    "he": "14 באוקטובר 2024",
    "ur": "14 اکتوبر، 2024",
    "hi": "14 अक्टूबर 2024",
    "bn": "১৪ অক্টোবর, ২০২৪",
    "zh": "2024年10月14日",
    "ja": "2024年10月14日",
    "ko": "2024년 10월 14일",
    "el": "14 Οκτωβρίου 2024",
    "tr": "14 Ekim 2024",
    "de": "14. Oktober 2024",
    "th": "14 ตุลาคม ค.ศ. 2024",
}


@pytest.mark.parametrize(("lang", "text"), WRITTEN.items())
def test_read_date_in_the_languages_own_words(lang: str, text: str) -> None:
    assert rd.read_date(text, lang) == "2024-10-14"


def test_numbers_separated_by_spaces_where_cldr_has_a_space() -> None:
    assert rd.read_date("1 12 2024", "yo") == "2024-12-01"
    assert rd.read_date("2024년10월14일", "ko") == "2024-10-14"  # a space before a month name may go


def test_thai_years_count_in_the_buddhist_era_unless_the_gregorian_era_is_written() -> None:
    assert rd.read_date("14 ตุลาคม 2567", "th") == "2024-10-14"
    assert rd.read_date("14 ตุลาคม ค.ศ. 2024", "th") == "2024-10-14"
    assert rd.read_date("14 ตุลาคม 2024", "th") == "2024-10-14"


LANGS = ["en", "fr", "de", "es", "ru", "uk", "el", "tr", "pl", "ar", "fa", "ur", "he", "hi", "mr",
         "bn", "th", "my", "zh", "ja", "ko", "vi", "ps", "ckb", "fa-AF", "ar-SA", "uz-Arab"]  # fmt: skip


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(
    "iso", ["2024-10-14", "2024-01-03T22:37:00", "2024-10-14T09:05:00+03:00", "2024-12-31T00:05:00-05:30"]
)
def test_read_date_reads_back_what_display_date_writes(lang: str, iso: str) -> None:
    shown = loc.display_date(iso, lang)
    assert shown is not None
    assert rd.read_date(shown, lang) == iso, shown


def test_a_weekday_name_with_a_joiner_in_it_reads() -> None:
    """Babel's names keep the zero-width joiner the text loses when read: Sinhala's Thursday has one."""
    assert rd.read_date("2025 මැදින් 20, බ්\u200dරහස්පතින්දා", "si") == "2025-03-20"
    assert rd.read_date("2025 මැදින් 20, බ්රහස්පතින්දා", "si") == "2025-03-20"  # typed without it
    assert rd.read_date("2025 Mart̆i 18, İǩinaçxa", "lzz") == "2025-03-18"  # "İ" lower-cases to two letters
    assert rd.read_date("2025 ᒥᑭᓯᐏᐲᓯᒼ 17, ᐴᓂ\xa0ᐊᔭᒥᐦᐁᑮᓯᑳᐤ", "csw") == "2025-03-17"  # a no-break space


def test_am_and_pm_with_a_space_inside_read() -> None:
    """CLDR's ``p.\u202fm.`` (Latin American Spanish) typed with a space, a narrow no-break one or none."""
    for pm in ("p. m.", "p.\u202fm.", "p.m."):
        assert rd.read_date(f"20 de marzo de 2025, 10:37 {pm}", "es-CO") == "2025-03-20T22:37:00"


#: A week (every weekday, across a month's end) in CLDR's full form, with its weekday, and a day in its long form.
SHOWN = [
    *((dt.date(2025, 3, 27) + dt.timedelta(days=n), "full") for n in range(7)),
    (dt.date(2025, 1, 1), "long"),
]


@pytest.mark.parametrize(
    "regions", [False, pytest.param(True, marks=pytest.mark.slow, id="True-every-region")], ids=str
)
def test_every_babel_locale_reads_back_its_own_dates(regions: bool) -> None:
    """CLDR's full and long dates of every language Babel has (with ``regions``, of every locale:
    ``fa_AF``, ``mn_Mong_MN``), as Babel formats them, read back."""
    from babel import localedata
    from babel.dates import format_date

    idents = [i for i in localedata.locale_identifiers() if regions or "_" not in i]
    unread = [
        (ident, shown)
        for ident in idents
        for day, width in SHOWN
        if rd.read_date(shown := format_date(day, width, locale=ident), ident.replace("_", "-"))
        != day.isoformat()
    ]
    assert not unread, unread[:10]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("24 августа 2019", "ru"),  # CLDR writes "d MMMM y 'г'."; the year's word is often left out
        ("24 августа 2019 года", "ru"),  # or inflected
        ("Суббота, 24 августа 2019", "ru"),
        ("24 серпня 2019", "uk"),  # "'р'."
        ("24 serpnja 2019", "en"),  # the trailing word is optional only after a number of a date form
    ],
)
def test_a_word_after_the_year_may_be_left_out(text: str, lang: str) -> None:
    expected = None if lang == "en" else "2019-08-24"
    assert rd.read_date(text.removesuffix(" года"), lang) == expected
    assert [day for _, day, _ in search_dates(text, lang)] == ([] if expected is None else [expected])


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("14 October 2567", "en"),  # a year in no era English counts in
        ("23 мая", "ru"),  # no year
        ("October 14, 2024 was a Monday", "en"),  # more than the date
        ("14 октября 2024 г.", "fr"),  # another language's month
        ("31 февраля 2024 г.", "ru"),  # no such day
        ("۳۰ اسفند ۱۴۰۴", "fa"),  # no such Solar Hijri day: 1404 is a common year
        ("16 آذر 1405", "en"),  # a Solar Hijri month in an English text
        ("١٥ جمادى الآخرة ١٤٤٨ هـ", "ru"),  # a Hijri month in a Russian one
        ("۱۶ آذر ۱۴۸۰", "fa"),  # a year after next year
        ("١٥ جمادى الآخرة ١٥٩٩ هـ", "ar"),  # beyond Umm al-Qura's table (1500 AH)
        ("122024", "yo"),  # CLDR's "d MM y": a run of digits is no day, month and year
        ("14102024", "de"),
    ],
)
def test_read_date_refuses_what_is_no_date_in_that_language(text: str, lang: str) -> None:
    assert rd.read_date(text, lang) is None


# --------------------------------------------------------------------------
# Bylines


def test_read_back_file_matches_the_catalogues() -> None:
    stored = json.loads((Path(loc.__file__).parent / "data" / "read_back.json").read_text(encoding="utf-8"))
    assert stored["forms"] == rd.read_back_forms_from_catalogues(), "run scripts/read_back_forms.py"


def test_label_starts_match_the_file() -> None:
    assert tuple(sorted(rd.LABEL_STARTS)) == rd.label_starts_in_file()


def test_an_english_text_never_opens_the_read_back_forms() -> None:
    rd._read_back_forms.cache_clear()
    text = (
        "Putin and Pezeshkian meet in Ashgabat\n\nBy Jane Smith\n\nOctober 14, 2024\n\n"
        "MOSCOW - British Airways has blamed high fuel prices for a 40% drop in profits this year.\n"
    )
    article = convert.read(text.encode())
    assert [a.name for a in article.meta.authors] == ["Jane Smith"]
    assert rd._read_back_forms.cache_info().misses == 0


def _in(lang: str | None) -> Callable[[], str | None]:
    return lambda: lang


@pytest.mark.parametrize(
    ("lang", "line", "names"),
    [
        ("fr", "Par Jean Dupont et Marie Curie", ("Jean Dupont", "Marie Curie")),
        ("de", "Von Anna Schmidt und Jo Becker", ("Anna Schmidt", "Jo Becker")),
        ("es", "Por María García", ("María García",)),
        ("ar", "بقلم أحمد منصور وسارة علي", ("أحمد منصور", "سارة علي")),
        ("fa", "نوشتهٔ مریم احمدی", ("مریم احمدی",)),
        ("ru", "Авторы: Анна Белова, Вера Громова и Дан Ильин", ("Анна Белова", "Вера Громова", "Дан Ильин")),
        ("zh", "作者：王小明、李华和张三", ("王小明", "李华", "张三")),
        ("zh", "作者：和田", ("和田",)),
        ("zh-Hant", "作者：王小明", ("王小明",)),
        ("ja", "著者：山田太郎", ("山田太郎",)),
        ("he", "מאת דנה כהן ויוסי לוי", ("דנה כהן", "יוסי לוי")),
        ("tr", "Yazan: Ayşe Yılmaz ve Mehmet Demir", ("Ayşe Yılmaz", "Mehmet Demir")),
        ("it", "di Mario Rossi e Anna Bianchi", ("Mario Rossi", "Anna Bianchi")),
        ("it", "Di Mario Rossi", ("Mario Rossi",)),
        ("nl", "Door Jan de Vries en Piet Jansen", ("Jan de Vries", "Piet Jansen")),
        (
            "el",
            "Συντάκτες: Γιώργος Παπαδόπουλος και Ελένη Νικολάου",
            ("Γιώργος Παπαδόπουλος", "Ελένη Νικολάου"),
        ),
        ("hi", "लेखक: राहुल शर्मा", ("राहुल शर्मा",)),
        ("ko", "글 김민수", ("김민수",)),
        ("ko", "글 김민수 기자", ("김민수",)),  # "reporter": a role, not part of the name
        ("zh", "作者：王小明记者", ("王小明",)),
        ("en", "By Jane Doe", ("Jane Doe",)),
        (None, "By Jane Doe", ("Jane Doe",)),
    ],
)
def test_find_byline_in_the_articles_languages_words(
    lang: str | None, line: str, names: tuple[str, ...]
) -> None:
    found = find_byline(line, _in(lang))
    assert found is not None
    assert found.names == names


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("zh", "作者：佚名"),  # "anonymous"
        ("ar", "بقلم رئيس التحرير"),  # "the editor-in-chief"
        ("ko", "글 익명"),  # "anonymous"
    ],
)
def test_a_byline_naming_a_role_or_no_one_names_no_author(lang: str, line: str) -> None:
    found = find_byline(line, _in(lang))
    assert found is not None
    assert found.names == ()


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        ("fr", "Paris est belle"),
        ("es", "Por qué no"),
        ("es", "Por Tierra y Mar"),  # two one-word parts, "y" between them: no names
        ("de", "Von Mäusen und Menschen"),
        ("ru", "Автор: неизвестен"),
        ("fr", "Parfois"),
        ("nl", "Door to door"),
        ("ko", "글 쓰는 법"),  # "how to write": a Korean name is one word
        ("it", "DI Mario Rossi"),  # the label in another case than the catalogue's
        ("fr", "Von Hans Müller"),  # another language's words
        (None, "Par Jean Dupont"),  # no language known: no catalogue's words
    ],
)
def test_a_line_that_only_starts_like_a_byline_is_none(lang: str | None, line: str) -> None:
    assert find_byline(line, _in(lang)) is None


#: English headlines in title case whose first word is another language's "By" (it, de, nl, fr, es).
ENGLISH_HEADLINES = [
    "Di Caprio Wins Oscar",
    "Von Miller Signs With Bills",
    "Door Dash Expands Into Canada",
    "Par Pharmaceutical Buys Rival",
    "Por Favor Restaurant Opens",
    "Von Der Leyen Re-elected",
    "Di Maria Scores Twice",
]


@pytest.mark.parametrize("headline", ENGLISH_HEADLINES)
def test_an_english_headline_is_no_byline_in_another_language(headline: str) -> None:
    assert find_byline(headline, _in("en")) is None
    body = (
        "The announcement came on Sunday night after a long week of talks between the two sides, "
        "and it was welcomed by most of the people who had followed the story from the start."
    )
    article = convert.read(f"{headline}\n\n{body}\n\nMore text followed in a second paragraph.\n".encode())
    assert article.meta.title == headline
    assert article.meta.authors == ()


def test_a_headline_above_an_english_byline_stays_the_headline() -> None:
    text = (
        "Door Number Three\n\nBy Jane Smith\n\n"
        "The game show returned to television this week with a new host and a bigger prize.\n"
    )
    meta = convert.read(text.encode()).meta
    assert meta.title == "Door Number Three"
    assert [a.name for a in meta.authors] == ["Jane Smith"]


# --------------------------------------------------------------------------
# Plain text in the language, and Broadsheet's own plain text read back

ARTICLES = {
    "ru": ("Автор: Владимир Сажин", "Встреча президентов в Ашхабаде", "14 октября 2024 г.", "МОСКВА",
           "Президенты России и Ирана встретились в Ашхабаде на полях международного форума, "
           "посвящённого юбилею туркменского поэта. Встреча стала неожиданной для наблюдателей."),
    "ar": ("بقلم أحمد منصور", "اجتماع الرئيسين في عشق آباد", "14 أكتوبر 2024", "موسكو",
           "التقى الرئيس الروسي والرئيس الإيراني في عشق آباد على هامش منتدى دولي أقيم بمناسبة "
           "الذكرى الثلاثمئة لميلاد الشاعر التركماني. وجاء الاجتماع مفاجئاً للمراقبين."),
    "fa": ("نوشتهٔ مریم احمدی", "دیدار دو رئیس‌جمهور در عشق‌آباد", "۱۴ اکتبر ۲۰۲۴", "مسکو",
           "رئیس‌جمهور روسیه و رئیس‌جمهور ایران در عشق‌آباد دیدار کردند. این دیدار در حاشیهٔ "
           "همایشی بین‌المللی به مناسبت سالگرد تولد شاعر ترکمن برگزار شد."),
    "hi": (None, "अश्गाबात में दोनों राष्ट्रपतियों की मुलाक़ात", "14 अक्टूबर 2024", "मॉस्को",
           "रूस और ईरान के राष्ट्रपतियों ने अश्गाबात में मुलाक़ात की। यह मुलाक़ात तुर्कमेन कवि की "
           "जयंती के अवसर पर आयोजित एक अंतरराष्ट्रीय मंच के दौरान हुई।"),
    "zh": ("作者：王小明", "两国总统在阿什哈巴德会晤", "2024年10月14日", None,
           "俄罗斯总统和伊朗总统十月十一日在阿什哈巴德会晤。会晤在纪念土库曼诗人诞辰三百周年的国际论坛期间举行。"
           "这次会晤出人意料，因为两国总统原定于同月晚些时候在喀山会面。"),
    "ko": (None, "두 대통령, 아슈하바트에서 회담", "2024년 10월 14일", "모스크바",
           "러시아와 이란 대통령이 아슈하바트에서 회담했다. 회담은 투르크멘 시인 탄생 300주년을 "
           "기념하는 국제 포럼을 계기로 열렸다. 이번 회담은 예상 밖이었다."),
}  # fmt: skip


@pytest.mark.parametrize("lang", ARTICLES)
def test_plain_text_header_in_the_languages_own_words(lang: str) -> None:
    byline, title, date, place, body = ARTICLES[lang]
    lead = f"{place} – {body}" if place else body
    text = "\n\n".join(x for x in (byline, title, date, lead) if x) + "\n"
    article = convert.read(text.encode())
    meta = article.meta
    assert (meta.language or "").split("-")[0] == lang
    assert meta.title == title
    assert meta.published == "2024-10-14"
    assert meta.dateline == place
    if byline:
        assert [a.name for a in meta.authors] == [byline.split(maxsplit=1)[-1].split("：")[-1]]


#: Title and body of the articles the round trip writes, where ARTICLES has none.
MORE = {
    "fr": ("Rencontre à Achgabat", "Les présidents russe et iranien se sont rencontrés à Achgabat en marge "
           "d'un forum international. La rencontre a surpris les observateurs de la région."),
    "de": ("Treffen in Aschgabat", "Die Präsidenten Russlands und Irans haben sich in Aschgabat getroffen, am "
           "Rande eines internationalen Forums. Das Treffen kam für viele Beobachter überraschend."),
    "ja": ("両大統領が会談", "ロシアとイランの大統領は十月十一日、アシガバートで会談した。会談はトルクメンの詩人の"
           "生誕を記念する国際フォーラムの際に行われた。今回の会談は予想外だった。"),
    "he": ("פגישת הנשיאים באשגבט", "נשיא רוסיה ונשיא איראן נפגשו באשגבט בשולי פורום בינלאומי. הפגישה "
           "הפתיעה רבים, שכן השניים היו אמורים להיפגש בקאזאן מאוחר יותר באותו חודש."),
    "tr": ("İki cumhurbaşkanı Aşkabat'ta görüştü", "Rusya ve İran cumhurbaşkanları Aşkabat'ta bir araya geldi. "
           "Görüşme sürpriz oldu, çünkü iki lider aynı ayın sonlarında Kazan'da buluşacaktı."),
    "it": ("Incontro ad Ashgabat", "I presidenti di Russia e Iran si sono incontrati ad Ashgabat a margine di un "
           "forum internazionale. L'incontro ha sorpreso molti osservatori della regione."),
    "nl": ("Ontmoeting in Asjchabad", "De presidenten van Rusland en Iran hebben elkaar in Asjchabad ontmoet, "
           "in de marge van een internationaal forum. De ontmoeting kwam voor velen als een verrassing."),
    "el": ("Συνάντηση στο Ασγκαμπάτ", "Ο πρόεδρος της Ρωσίας και ο πρόεδρος του Ιράν συναντήθηκαν στο "
           "Ασγκαμπάτ, στο περιθώριο διεθνούς φόρουμ. Η συνάντηση ήταν απρόσμενη για πολλούς."),
}  # fmt: skip


@pytest.mark.parametrize(
    "lang", ["fr", "de", "it", "nl", "ru", "el", "tr", "ar", "fa", "he", "hi", "ja", "zh", "ko"]
)
def test_broadsheets_own_plain_text_reads_back(lang: str) -> None:
    """The txt writer prints the byline and dates in the language; reading them back keeps them."""
    title, body = MORE[lang] if lang in MORE else (ARTICLES[lang][1], ARTICLES[lang][4])
    article = Article(
        meta=Metadata(
            title=title,
            authors=(Author("Ann Berg"), Author("Bo Lind")),
            published="2024-10-14T22:37:00",
            updated="2024-10-15T09:05:00",
            language=lang,
        ),
        body=(Paragraph((Text(body),)),),
    )
    written = TextExporter().export(article, load_theme("default"), ExportOptions())
    back = convert.read(written, from_="text")
    assert [a.name for a in back.meta.authors] == ["Ann Berg", "Bo Lind"], written.decode()[:300]
    assert back.meta.published == "2024-10-14T22:37:00", written.decode()[:300]
    assert back.meta.updated == "2024-10-15T09:05:00", written.decode()[:300]
    assert back.meta.title == title


@pytest.mark.parametrize(
    ("lang", "date"), [("ru", "14 октября 2024 г."), ("fa", "۱۴ اکتبر ۲۰۲۴"), ("ja", "2024年10月14日")]
)
def test_markdown_front_matter_date_in_the_declared_language(lang: str, date: str) -> None:
    text = f"---\ntitle: T\ndate: {date}\nlang: {lang}\n---\n\nText.\n"
    assert convert.read(text.encode(), from_="markdown").meta.published == "2024-10-14"


def test_markdown_front_matter_date_in_another_language_is_none() -> None:
    text = "---\ntitle: T\ndate: 14 октября 2024 г.\nlang: fr\n---\n\nText.\n"
    assert convert.read(text.encode(), from_="markdown").meta.published is None


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("آخر تحديث:", True),  # mkdocs-material's Arabic "Last update", its alef bare there
        ("آخـر تحديث", True),  # a tatweel
        ("اخرين بروزرساني", True),  # Persian's, with the Arabic yeh
        ("به‌روزرسانی:", True),  # Persian's catalogue label
        ("Mis à jour le", True),
        ("Son güncelleme:", True),
        ("تاریخ انتشار:", False),  # "publication date"
        ("نشر في:", False),
        ("الحدث في", False),  # "the event on": holds Arabic's catalogue label only inside a word
        ("ما حدث في", False),  # "what happened on": holds it, unvocalised, as words of a longer label
        ("สร้าง", False),  # Thai "created", mkdocs-material's Thai "Last update" by a slip
    ],
)
def test_an_update_label_in_any_language(label: str, expected: bool) -> None:
    assert rd.is_update_label(label) is expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Created:", True),  # mkdocs-material's "Created" (source.file.date.created)
        ("ایجاد شده", True),
        ("ايجاد شده:", True),  # the Arabic yeh
        ("สร้าง", True),
        ("Erstellt", True),
        ("تاریخ تولد:", False),  # a birth
        ("تاريخ الحدث:", False),  # an event
        ("Last reviewed:", False),
        ("Last update", False),
        ("یکشنبه", False),  # a weekday
    ],
)
def test_a_publication_label_is_one_of_a_maintained_list(label: str, expected: bool) -> None:
    assert rd.is_publication_label(label) is expected
