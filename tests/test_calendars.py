"""Solar Hijri and Hijri dates: converted, read from Persian and Arabic text, shown in Persian."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import convert
from convert import model
from convert.locale import calendars as cal
from convert.locale import reading as rd
from convert.locale import reading_dates
from convert.locale import text as loc
from convert.readers.text.datelines import DateLine, parse_date_line

DATA = Path(cal.__file__).parent / "data"


# --------------------------------------------------------------------------
# Conversions (persiantools, hijridate)


@pytest.mark.parametrize(
    ("calendar", "ymd", "day"),
    [
        ("persian", (1405, 1, 1), "2026-03-21"),  # Nowruz 1405
        ("persian", (1404, 12, 29), "2026-03-20"),  # the last day of a common year
        ("persian", (1403, 12, 30), "2025-03-20"),  # 1403 is a leap year
        ("persian", (1403, 1, 1), "2024-03-20"),  # Nowruz after a leap year of the Gregorian calendar
        ("persian", (1403, 7, 1), "2024-09-22"),  # 1 Mehr: the first 31-day months end
        ("persian", (1405, 9, 16), "2026-12-07"),
        ("islamic", (1448, 1, 1), "2026-06-16"),  # 1 Muharram 1448, Umm al-Qura
        ("islamic", (1447, 1, 1), "2025-06-26"),  # 1 Muharram 1447
        ("islamic", (1447, 9, 1), "2026-02-18"),  # 1 Ramadan 1447
        ("islamic", (1448, 6, 15), "2026-11-25"),
    ],
)
def test_known_days_convert_both_ways(calendar: str, ymd: tuple[int, int, int], day: str) -> None:
    assert cal.to_gregorian(calendar, *ymd) == dt.date.fromisoformat(day)
    assert cal.from_gregorian(calendar, dt.date.fromisoformat(day)) == ymd


def test_every_solar_hijri_day_of_two_centuries_converts_both_ways() -> None:
    """persiantools before 6.2 fails on 2124-03-20 (its 30 Esfand 1502, a leap year by the
    corrections): pyproject asks for 6.2."""
    day, failed = dt.date(1925, 3, 21), []  # 1 Farvardin 1304, when Iran adopted the calendar
    while day < dt.date(2150, 1, 1):
        ymd = cal.from_gregorian("persian", day)
        if ymd is None or cal.to_gregorian("persian", *ymd) != day:
            failed.append(day)
        day += dt.timedelta(days=1)
    assert not failed, failed[:5]


def test_days_a_calendar_does_not_have_are_none() -> None:
    assert cal.to_gregorian("persian", 1404, 12, 30) is None  # 1404 is a common year
    assert cal.to_gregorian("persian", 1405, 7, 31) is None  # Mehr has 30 days
    assert cal.to_gregorian("islamic", 1448, 1, 31) is None
    assert cal.to_gregorian("islamic", 1600, 1, 1) is None  # past Umm al-Qura's table (1500 AH)
    assert cal.from_gregorian("islamic", dt.date(1900, 1, 1)) is None  # before it (1924)
    with pytest.raises(ValueError, match="unknown calendar"):
        cal.to_gregorian("julian", 2024, 1, 1)


# --------------------------------------------------------------------------
# CLDR's data, as scripts/cldr_calendars.py extracted it


def test_the_data_names_its_cldr_release_and_holds_cldrs_names() -> None:
    names = json.loads((DATA / "calendars.json").read_text(encoding="utf-8"))
    defaults = json.loads((DATA / "calendar_defaults.json").read_text(encoding="utf-8"))
    assert "CLDR" in names["source"] and "cldr-cal-persian-full" in names["source"]
    assert "calendarPreferenceData" in defaults["source"]
    fa = cal.calendar_names("persian", "fa")
    ar = cal.calendar_names("islamic", "ar_EG")  # Egyptian Arabic: Arabic's names (parent locale)
    assert fa is not None and ar is not None
    assert [m[0] for m in fa["months"]][:3] == ["فروردین", "اردیبهشت", "خرداد"]
    assert fa["date"]["long"] == "d MMMM y"
    assert ar["months"][5][0] == "جمادى الآخرة" and ar["eras"] == ["هـ"]
    assert cal.calendar_names("persian", "en") is None  # root's transliteration: no names of its own
    assert cal.calendar_names("persian", "uz_Arab") is None  # root's names under uz, which has its own


# --------------------------------------------------------------------------
# Reading


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("۱۶ آذر ۱۴۰۵", "fa", "2026-12-07"),
        ("16 آذر 1405", "fa", "2026-12-07"),  # ASCII digits
        ("دوشنبه ۱۶ آذر ۱۴۰۵", "fa", "2026-12-07"),  # with the weekday
        ("دوشنبه، ۱۶ آذر ۱۴۰۵", "fa", "2026-12-07"),
        ("۱۶ آذر ۱۴۰۵ ه\u200d.ش.", "fa", "2026-12-07"),  # CLDR's era
        ("۱۶ آذر ۱۴۰۵ ه.ش.", "fa", "2026-12-07"),  # typed without the joiner
        ("۱۶ آذر ۱۴۰۵ هجری شمسی", "fa", "2026-12-07"),
        ("۱ فروردین ۱۴۰۵", "fa", "2026-03-21"),
        ("۳۰ اسفند ۱۴۰۳", "fa", "2025-03-20"),
        ("۱۶ آذر ۱۴۰۵، ساعت ۲۲:۳۷", "fa", "2026-12-07T22:37:00"),
        ("۱ حمل ۱۴۰۵", "fa-AF", "2026-03-21"),  # Dari's month names
        ("۲۷ جمادی‌الثانی ۱۴۴۸", "fa", "2026-12-07"),  # a Hijri date in Persian
        ("۲۷ جمادی الثانی ۱۴۴۸ ه\u200d.ق.", "fa", "2026-12-07"),  # a space for the non-joiner
        ("١٥ جمادى الآخرة ١٤٤٨ هـ", "ar", "2026-11-25"),
        ("15 جمادى الآخرة 1448هـ", "ar", "2026-11-25"),
        ("١٥ جمادى الآخرة ١٤٤٨", "ar", "2026-11-25"),  # the era left out
        ("الأربعاء، ١٥ جمادى الآخرة ١٤٤٨ هـ", "ar", "2026-11-25"),
        ("١ محرم ١٤٤٨ هـ", "ar", "2026-06-16"),
        ("١ رمضان ١٤٤٧ هـ", "ar-EG", "2026-02-18"),
    ],
)
def test_solar_hijri_and_hijri_dates_read_as_gregorian(text: str, lang: str, iso: str) -> None:
    assert rd.read_date(text, lang) == iso


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("الاثنين 27 جمادى الآخرة 1448 هـ - 7 ديسمبر 2026 م", "ar"),
        ("الاثنين - 27 جمادى الآخرة 1448 هـ - 07 ديسمبر 2026 م", "ar"),
        ("7 ديسمبر 2026 م (27 جمادى الآخرة 1448 هـ)", "ar"),
        ("دوشنبه ۱۶ آذر ۱۴۰۵ - ۲۷ جمادی‌الثانی ۱۴۴۸ - ۷ دسامبر ۲۰۲۶", "fa"),
        ("۱۶ آذر ۱۴۰۵ (۷ دسامبر ۲۰۲۶)", "fa"),
    ],
)
def test_one_day_in_several_calendars_reads_its_gregorian_date(text: str, lang: str) -> None:
    assert rd.read_date_calendar(text, lang) == ("2026-12-07", "gregorian")


def test_the_gregorian_date_counts_when_the_calendars_disagree() -> None:
    """A paper's Hijri date follows the moon sighted there, a day off Umm al-Qura at times."""
    assert rd.read_date("26 جمادى الآخرة 1448 هـ - 7 ديسمبر 2026 م", "ar") == "2026-12-07"
    assert rd.read_date("26 جمادى الآخرة 1448 هـ", "ar") == "2026-12-06"


@pytest.mark.parametrize("separator", [" - ", " | ", " — ", " / "])
@pytest.mark.parametrize(
    ("lang", "other", "gregorian", "iso"),
    [
        ("ar", "26 جمادى الآخرة 1448 هـ", "7 ديسمبر 2026", "2026-12-07"),  # a day off Umm al-Qura
        ("ar", "28 جمادى الآخرة 1448 هـ", "7 ديسمبر 2026", "2026-12-07"),  # a day after it
        ("ar", "26 جمادى الآخرة 1448 هـ", "14 ديسمبر 2026", None),  # a week off: which day is it?
        ("fa", "۱۶ آذر ۱۴۰۵", "۷ دسامبر ۲۰۲۶", "2026-12-07"),
        ("fa", "۱۵ آذر ۱۴۰۵", "۷ دسامبر ۲۰۲۶", None),  # the Solar Hijri calendar is arithmetic: no slack
        ("fa", "۱۶ آذر ۱۴۰۵", "۱۴ دسامبر ۲۰۲۶", None),
    ],
)
def test_one_gregorian_date_is_the_day_whatever_separates_the_calendars(
    separator: str, lang: str, other: str, gregorian: str, iso: str | None
) -> None:
    """The other calendar confirms: the Gregorian date is kept when a Solar Hijri date is its very
    day, or a Hijri one within two days (a paper's sighting); otherwise the line contradicts itself
    and gives none. Between dashes (:func:`read_date`) as between bars (a date line's parts), and
    in either order."""
    for line in (f"{other}{separator}{gregorian}", f"{gregorian}{separator}{other}"):
        assert rd.read_date_calendar(line, lang) == ((iso, "gregorian") if iso else None), line
        assert parse_date_line(line, lambda: lang) == (DateLine(iso) if iso else None), line


@pytest.mark.parametrize(
    ("text", "lang", "iso"),
    [
        ("Monday, 7 December 2026", "en-GB", "2026-12-07"),
        ("Tuesday, 7 December 2026", "en-GB", None),  # 7 December 2026 is a Monday
        ("7 December 2026 (Monday)", "en-GB", "2026-12-07"),
        ("7 December 2026 (Tuesday)", "en-GB", None),
        ("7 December 2026 | Tue", "en-GB", None),
        ("Mon | 7 December 2026", "en-GB", "2026-12-07"),
        ("سه‌شنبه ۱۶ آذر ۱۴۰۵", "fa", None),  # Solar Hijri is computed: its weekday is exact
        ("۱۶ آذر ۱۴۰۵ (سه‌شنبه)", "fa", None),
        ("الاثنين 27 جمادى الآخرة 1448 هـ - 7 ديسمبر 2026 م", "ar", "2026-12-07"),
        ("الثلاثاء 27 جمادى الآخرة 1448 هـ - 7 ديسمبر 2026 م", "ar", None),  # one weekday for the day
        ("الأحد - 27 جمادى الآخرة 1448 هـ - 07 ديسمبر 2026 م", "ar", None),
        # a Hijri month begins where the moon is sighted: the weekday names the day, up to two from Umm al-Qura's
        ("الأربعاء، ١٥ جمادى الآخرة ١٤٤٨ هـ", "ar", "2026-11-25"),
        ("الخميس، ١٥ جمادى الآخرة ١٤٤٨ هـ", "ar", "2026-11-26"),
        ("الثلاثاء - ١٥ جمادى الآخرة ١٤٤٨ هـ", "ar", "2026-11-24"),
        ("الأحد، ١٥ جمادى الآخرة ١٤٤٨ هـ", "ar", None),  # three days off
    ],
)
def test_a_weekday_given_must_be_the_dates(text: str, lang: str, iso: str | None) -> None:
    assert rd.read_date(text, lang) == iso


@pytest.mark.parametrize("separator", [" | ", " - "])
@pytest.mark.parametrize(
    ("lang", "weekday", "date", "iso"),
    [
        ("ar", "الاثنين", "7 ديسمبر 2026", "2026-12-07"),
        ("ar", "الثلاثاء", "7 ديسمبر 2026", None),
        ("fa", "دوشنبه", "۱۶ آذر ۱۴۰۵", "2026-12-07"),
        ("en-GB", "Monday", "7 December 2026", "2026-12-07"),
        ("en-GB", "Tuesday", "7 December 2026", None),
    ],
)
def test_a_weekday_alone_reads_alike_between_bars_and_dashes(
    separator: str, lang: str, weekday: str, date: str, iso: str | None
) -> None:
    for line in (f"{weekday}{separator}{date}", f"{date}{separator}{weekday}"):
        assert rd.read_date(line, lang) == iso, line
        assert parse_date_line(line, lambda: lang) == (DateLine(iso) if iso else None), line


@pytest.mark.parametrize("separator", [" - ", " | "])
def test_without_a_gregorian_date_the_calendars_must_agree(separator: str) -> None:
    """A Hijri date a day off (the sighting) agrees; the day is the Solar Hijri date's (arithmetic)."""
    agree = f"۲۶ جمادی‌الثانی ۱۴۴۸{separator}۱۶ آذر ۱۴۰۵"
    assert rd.read_date(agree, "fa") == "2026-12-07"
    assert parse_date_line(agree, lambda: "fa") == DateLine("2026-12-07")
    apart = f"۱۶ جمادی‌الثانی ۱۴۴۸{separator}۱۶ آذر ۱۴۰۵"  # ten days apart: which day is it?
    assert rd.read_date(apart, "fa") is None
    assert parse_date_line(apart, lambda: "fa") is None
    two = f"۷ دسامبر ۲۰۲۶{separator}۸ دسامبر ۲۰۲۶ | ۱۶ آذر ۱۴۰۵"  # two Gregorian dates: a range
    assert rd.read_date(two, "fa") is None
    assert parse_date_line(two, lambda: "fa") is None


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("۱۶ آذر ۱۴۰۵ - یک روز سرد", "fa"),  # a date and words
        ("الاثنين - ديسمبر", "ar"),  # no date at all
        ("۱۶ آذر", "fa"),  # no year
        ("١٥ جمادى الآخرة ١٤٤٨ هـ", "en"),  # Arabic months in an English text
        ("۱۶ آذر ۱۴۰۵ - ۲۰ آذر ۱۴۰۵", "fa"),  # a range in one calendar: no one day
        ("۷ دسامبر ۲۰۲۶ - ۱۴ دسامبر ۲۰۲۶", "fa"),
    ],
)
def test_what_is_no_date_stays_none(text: str, lang: str) -> None:
    assert rd.read_date(text, lang) is None


def _written(pattern: str, names: cal.CalendarNames, ymd: tuple[int, int, int], weekday: str) -> str | None:
    """A day written by one of CLDR's patterns of a calendar (ASCII digits, the first era), or ``None``
    where the pattern writes the month as a number."""
    from babel.dates import tokenize_pattern

    out = []
    for kind, value in tokenize_pattern(pattern):
        if kind == "chars":
            out.append(value)
            continue
        char, count = value
        if char in "ML" and count < 3:
            return None
        out.append(
            {"M": names["months"][ymd[1] - 1][0], "L": names["months"][ymd[1] - 1][0], "d": str(ymd[2]),
             "y": str(ymd[0]), "G": (names["eras"] or [""])[0], "E": weekday, "c": weekday}[char]
        )  # fmt: skip
    return "".join(out)


@pytest.mark.parametrize(("calendar", "ymd"), [("persian", (1405, 9, 16)), ("islamic", (1448, 6, 15))])
def test_every_language_naming_the_months_reads_its_own_dates(
    calendar: str, ymd: tuple[int, int, int]
) -> None:
    """Every CLDR pattern that writes the month by name, in every locale of ``data/calendars.json``
    (Solar Hijri in 45 languages, Hijri in 64), reads back. Japanese, Korean, Slovak, Cantonese and
    Chinese write these calendars' months as numbers only: those dates are not read."""
    from babel import Locale
    from babel.dates import get_day_names

    day = cal.to_gregorian(calendar, *ymd)
    assert day is not None
    data = json.loads((DATA / "calendars.json").read_text(encoding="utf-8"))["calendars"][calendar]
    unread, languages = [], set()
    for ident, names in data.items():
        if names is None:
            continue
        weekday = get_day_names("wide", "format", Locale.parse(ident, sep="-"))[day.weekday()]
        for width in ("full", "long", "medium"):
            if (text := _written(names["date"][width], names, ymd, weekday)) is not None:
                languages.add(ident.split("-")[0])
                if rd.read_date(text, ident) != day.isoformat():
                    unread.append((ident, text))
    assert not unread, unread[:10]
    assert len(languages) == {"persian": 45, "islamic": 64}[calendar]  # as README says


def test_a_non_date_builds_no_other_calendars_forms() -> None:
    from convert.locale import reading_dates

    reading_dates._date_readers.cache_clear()
    assert rd.read_date("14 pommes 2024", "fr") is None
    assert reading_dates._date_readers.cache_info().currsize == 1  # the Gregorian forms only


# --------------------------------------------------------------------------
# Showing, and reading back what is shown


@pytest.mark.parametrize("lang", ["fa", "fa-IR", "fa-AF", "ar", "ar-SA", "ps", "th"])
@pytest.mark.parametrize(
    "iso", ["2026-03-20", "2026-03-21", "2025-03-20", "2026-12-07T22:37:00", "2024-12-31T00:05:00-05:30"]
)
def test_display_date_reads_back_across_calendar_boundaries(lang: str, iso: str) -> None:
    shown = loc.display_date(iso, lang)
    assert shown is not None
    assert rd.read_date(shown, lang) == iso, shown


# --------------------------------------------------------------------------
# Articles

FA = (
    "نوشتهٔ مریم احمدی",
    "دیدار دو رئیس‌جمهور در عشق‌آباد",
    "رئیس‌جمهور روسیه و رئیس‌جمهور ایران در عشق‌آباد دیدار کردند. این دیدار در حاشیهٔ "
    "همایشی بین‌المللی به مناسبت سالگرد تولد شاعر ترکمن برگزار شد.",
)
AR = (
    "بقلم أحمد منصور",
    "اجتماع الرئيسين في عشق آباد",
    "التقى الرئيس الروسي والرئيس الإيراني في عشق آباد على هامش منتدى دولي أقيم بمناسبة "
    "الذكرى الثلاثمئة لميلاد الشاعر التركماني. وجاء الاجتماع مفاجئاً للمراقبين.",
)
ARTICLE_DATES = [
    ("fa", "۱۶ آذر ۱۴۰۵", "2026-12-07"),
    ("fa", "دوشنبه ۱۶ آذر ۱۴۰۵", "2026-12-07"),
    ("fa", "دوشنبه ۱۶ آذر ۱۴۰۵ - ۲۷ جمادی‌الثانی ۱۴۴۸ - ۷ دسامبر ۲۰۲۶", "2026-12-07"),
    ("fa", "۲۶ جمادی‌الثانی ۱۴۴۸ | ۷ دسامبر ۲۰۲۶", "2026-12-07"),  # a bar: the Gregorian date
    ("ar", "١٥ جمادى الآخرة ١٤٤٨ هـ", "2026-11-25"),
    ("ar", "الاثنين 26 جمادى الآخرة 1448 هـ - 7 ديسمبر 2026 م", "2026-12-07"),
    ("ar", "26 جمادى الآخرة 1448 هـ | 7 ديسمبر 2026", "2026-12-07"),
]


@pytest.mark.parametrize(("lang", "date", "iso"), ARTICLE_DATES)
def test_plain_text_article_reads_its_date(lang: str, date: str, iso: str) -> None:
    byline, title, body = FA if lang == "fa" else AR
    text = "\n\n".join((byline, title, date, body)) + "\n"
    meta = convert.read(text.encode(), from_="text").meta
    assert (meta.language, meta.title, meta.published) == (lang, title, iso)
    assert len(meta.authors) == 1


@pytest.mark.parametrize(("lang", "date", "iso"), ARTICLE_DATES)
def test_markdown_front_matter_reads_its_date(lang: str, date: str, iso: str) -> None:
    _, title, body = FA if lang == "fa" else AR
    text = f'---\ntitle: "{title}"\ndate: "{date}"\nlang: {lang}\n---\n\n{body}\n'
    assert convert.read(text.encode(), from_="markdown").meta.published == iso


def test_a_persian_article_shows_its_date_in_solar_hijri_and_reads_it_back() -> None:
    byline, title, body = FA
    text = "\n\n".join((byline, title, "۷ دسامبر ۲۰۲۶", body)) + "\n"
    article = convert.read(text.encode(), from_="text")
    assert article.meta.published == "2026-12-07"
    written = convert.write(article, "txt")
    assert isinstance(written, bytes)
    assert "۱۶ آذر ۱۴۰۵" in written.decode()
    assert convert.read(written, from_="text").meta.published == "2026-12-07"
    html = convert.write(article, "html")
    assert isinstance(html, bytes)
    assert 'datetime="2026-12-07">۱۶ آذر ۱۴۰۵</time>' in html.decode()


def test_a_dari_article_shows_dari_months_and_reads_them_back_as_persian() -> None:
    """A text written as ``fa-AF`` shows Dari's Solar Hijri months; read back, its language is
    identified as ``fa``, which reads its regions' month names too."""
    byline, title, body = FA
    text = "\n\n".join((byline, title, "۷ دسامبر ۲۰۲۶", body)) + "\n"
    article = convert.read(text.encode(), from_="text")
    article = model.replace(article, meta=model.replace(article.meta, language="fa-AF"))
    written = convert.write(article, "txt")
    assert isinstance(written, bytes)
    assert "۱۶ قوس ۱۴۰۵" in written.decode()
    meta = convert.read(written, from_="text").meta
    assert (meta.language, meta.published) == ("fa", "2026-12-07")


def test_a_language_reads_its_regions_month_names_where_they_do_not_clash() -> None:
    assert rd.read_date("۱۶ قوس ۱۴۰۵، ساعت ۲۲:۳۷", "fa") == "2026-12-07T22:37:00"
    assert rd.read_date("۱ حمل ۱۴۰۵", "fa") == "2026-03-21"
    assert rd.read_date("۱۶ قوس ۱۴۰۵", "fa-IR") is None  # a region named: its own names only
    fa, dari = cal.calendar_names("persian", "fa"), cal.calendar_names("persian", "fa-AF")
    read = reading_dates._reading_names("persian", "fa")
    assert fa and dari and read
    assert read["months"] == [
        [*own, *region] for own, region in zip(fa["months"], dari["months"], strict=True)
    ]


def test_a_regions_month_name_that_clashes_is_left_out() -> None:
    own = [["Jan"], ["Feb"]]
    taken = {"jan", "feb", "may"}  # the language's names in every calendar (May: a Gregorian one)
    regions = [[["Uno", "May"], ["Duo", "Feb", "Both"]], [["Both"], ["Duo"]]]
    assert reading_dates._merge_months(own, regions, taken) == [["Jan", "Uno"], ["Feb", "Duo"]]


@pytest.mark.parametrize(
    ("date", "iso"),
    [
        ("1405/09/16", "2026-12-07"),  # a year no article has: the Solar Hijri year, in Persian
        ("16.9.1405", "2026-12-07"),
        ("۱۴۰۵/۰۹/۱۶", "2026-12-07"),  # the language's own digits
        ("۲۰۲۶-۱۲-۰۷", "2026-12-07"),
    ],
)
def test_a_numeric_date_line_in_persian_is_read_in_its_calendar(date: str, iso: str) -> None:
    byline, title, body = FA
    text = "\n\n".join((byline, title, date, body)) + "\n"
    assert convert.read(text.encode(), from_="text").meta.published == iso


def test_a_numeric_date_of_a_year_no_article_has_is_no_date_in_other_languages() -> None:
    body = (
        "The council approved the harbour plans on a narrow vote after a long debate about costs. "
        "Residents who opposed the project said they would keep watching how the money is spent."
    )
    text = f"Council approves harbour plans\n\n1405/09/16\n\n{body}\n\n{body}\n"
    assert convert.read(text.encode(), from_="text").meta.published is None


def test_markdown_front_matter_of_a_year_no_article_has() -> None:
    def published(date: str, lang: str) -> str | None:
        text = f'---\ntitle: "T"\ndate: "{date}"\nlang: {lang}\n---\n\nText.\n'
        return convert.read(text.encode(), from_="markdown").meta.published

    assert published("1405-09-16", "fa") == "2026-12-07"
    assert published("1405-09-16", "en") is None
    assert published("2026-12-07", "fa") == "2026-12-07"


@pytest.mark.parametrize(
    ("date", "lang", "iso"),
    [
        ("1405/02/31", "fa", "2026-05-21"),  # a Solar Hijri day no Gregorian month has
        ("0001/01/01", "fa", None),  # no year an article has in either calendar
        ("1599/01/01", "fa", None),
    ],
)
def test_a_numeric_date_is_read_as_its_calendar_has_it_or_not_at_all(
    date: str, lang: str, iso: str | None
) -> None:
    byline, title, body = FA
    text = "\n\n".join((byline, title, date, body)) + "\n"
    assert convert.read(text.encode(), from_="text").meta.published == iso
    front = f'---\ntitle: "T"\ndate: "{date.replace("/", "-")}"\nlang: {lang}\n---\n\nText.\n'
    assert convert.read(front.encode(), from_="markdown").meta.published == iso


def test_a_byline_with_a_date_of_a_year_no_article_has() -> None:
    body = (
        "The council approved the harbour plans on a narrow vote after a long debate about costs. "
        "Residents who opposed the project said they would keep watching how the money is spent."
    )
    article = convert.read(
        f"Harbour plans\n\nBy Jane Doe, 1405/09/16\n\n{body}\n\n{body}\n".encode(), from_="text"
    )
    assert ([a.name for a in article.meta.authors], article.meta.published) == (["Jane Doe"], None)


@pytest.mark.parametrize(
    ("line", "lang", "expected"),
    [
        (
            "2 تير 1399 - 12:09:08 ب.ظ",
            "fa",
            DateLine("2020-06-22T12:09:08"),
        ),  # a clock with seconds, CLDR's PM
        ("۱۳۹۹/۰۴/۰۲ - ۱۲:۰۹", "fa", DateLine("2020-06-22T12:09:00")),  # Solar Hijri in digits, a clock
        ("الاثنين 7 ديسمبر 2026 - 10:22", "ar", DateLine("2026-12-07T10:22:00")),
        # the clock after a date is kept: a slash before it, seconds, a PM or AM name
        ("Mar. 5, 2024 / 10:30 AM", "en", DateLine("2024-03-05T10:30:00")),
        ("Mar. 5, 2024 / 12:30 AM", "en", DateLine("2024-03-05T00:30:00")),
        ("4 marca 2024 10:30:15", "pl", DateLine("2024-03-04T10:30:15")),
        ("4 Mart 2024 10:30:15", "tr", DateLine("2024-03-04T10:30:15")),
        ("۲ تیر ۱۳۹۹ - 02:09:08 ب.ظ", "fa", DateLine("2020-06-22T14:09:08")),
        ("10:30 - 4 marca 2024", "pl", DateLine("2024-03-04")),  # a clock before the date: the day
        # a UTC offset is no clock; a clock in brackets or after a bar (a video's length): the day
        ("mardi 5 mars 2024 (+01:00)", "fr", DateLine("2024-03-05")),
        ("۲ تیر ۱۳۹۹ (+04:30)", "fa", DateLine("2020-06-22")),
        ("۲ تیر ۱۳۹۹ | 03:45", "fa", DateLine("2020-06-22")),
        ("۲ تیر ۱۳۹۹ (03:45)", "fa", DateLine("2020-06-22")),
        ("mardi 5 mars 2024 | 10:30", "fr", DateLine("2024-03-05")),
        # ... unless an AM/PM name marks it as a time of day (review of h17d: English bylines)
        ("March 5, 2024 | 10:30 AM", "en", DateLine("2024-03-05T10:30:00")),
        ("March 5, 2024 · 3:04 PM", "en", DateLine("2024-03-05T15:04:00")),
        ("March 5, 2024 (10:30 AM)", "en", DateLine("2024-03-05T10:30:00")),
        ("March 5, 2024 | 03:45", "en", DateLine("2024-03-05")),
        ("mardi 5 mars 2024, 10:30", "fr", DateLine("2024-03-05T10:30:00")),
        ("به‌روزرسانی: ۵ تیر ۱۳۹۹", "fa", DateLine(None, "2020-06-25")),  # the catalogue's update label
        ("عکس: ۱۵ خرداد ۱۳۹۹", "fa", None),  # a caption's label: no date line
        ("آخر تحديث: ٨ ديسمبر ٢٠٢٠", "ar", None),  # a label no catalogue has: unknown, not published
        # CLDR's Persian "date at time" pattern ({1} 'ساعت' {0}, ``dateTimeFormats-atTime``)
        ("دوشنبه ۲ تیر ۱۳۹۹ ساعت ۱۲:۰۹", "fa", DateLine("2020-06-22T12:09:00")),
        # a word besides the date and clock (a caption's "photo"): a byline gives no date (review r45)
        ("دوشنبه ۲ تیر ۱۳۹۹ عکس ۱۲:۰۹", "fa", None),
        ("۱۲ اسفند ۱۴۰۳ تا ساعت ۱۴:۳۰", "fa", None),  # a deadline: "until"
        ("3 مارس 2025 حتى 14:30", "ar", None),  # "until"
        ("٣ مارس ٢٠٢٥ الساعة ١٤:٣٠ عكس", "ar", None),  # a word after the clock
        ("١ ديسمبر ٢٠٢٠ - ٧ ديسمبر ٢٠٢٠", "ar", None),  # two days
    ],
)
def test_a_date_line_with_a_clock_or_a_label(line: str, lang: str, expected: DateLine | None) -> None:
    """The dates of a line as both readers read them (:mod:`convert.readers._datelines`); as the
    HTML reader's bylines read them (``unread=False``), where a word not read between the date and
    its clock gives no date (review r45: the text reader's date lines give the date alone)."""
    assert parse_date_line(line, lambda: lang, unread=False) == expected
    if expected is not None:
        assert parse_date_line(line, lambda: lang) == expected
