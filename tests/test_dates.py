"""convert.dates: the one ISO 8601 contract, its parsers and its formatters."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convert.dates import (
    MONTH_PATTERN,
    MONTHS,
    day_pattern,
    find_dates,
    is_iso,
    parse_date,
    parse_day,
    parse_iso,
    parse_stamp,
    path_day,
    to_iso,
    w3c_date,
    w3cdtf,
    zoned,
)

PLUS_3 = dt.timezone(dt.timedelta(hours=3))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-14", dt.date(2024, 10, 14)),
        ("2024-10-14T22:37:00", dt.datetime(2024, 10, 14, 22, 37)),
        ("2024-10-14T22:37:00+03:00", dt.datetime(2024, 10, 14, 22, 37, tzinfo=PLUS_3)),
        ("2024-10-14T22:37Z", dt.datetime(2024, 10, 14, 22, 37, tzinfo=dt.UTC)),
        ("20241014", dt.datetime(2024, 10, 14)),  # lenient: whatever fromisoformat reads
        (None, None),
        ("", None),
        ("2024-02-30", None),
        ("October 14, 2024", None),
    ],
)
def test_parse_iso_gives_a_date_alone_or_a_datetime(value: str | None, expected: object) -> None:
    parsed = parse_iso(value)
    assert parsed == expected
    assert type(parsed) is type(expected)


@pytest.mark.parametrize(
    "value", ["2024-10-14", "2024-10-14T22:37", "2024-10-14T22:37:00.5", "2024-10-14T22:37:00+03:00"]
)
def test_is_iso_accepts_the_model_shapes(value: str) -> None:
    assert is_iso(value)


@pytest.mark.parametrize(
    "value", ["20241014", "2024-W42-1", "2024-10-14T22", "2024-13-01", "2024-10-14T25:00", "14 Oct 2024", ""]
)
def test_is_iso_refuses_other_shapes_and_impossible_dates(value: str) -> None:
    assert not is_iso(value)


def test_is_iso_is_stricter_than_parse_iso() -> None:
    """The model validates the shape; exporters still read what fromisoformat takes."""
    assert parse_iso("20241014") is not None
    assert not is_iso("20241014")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-10-14T22:37:00+03:00", "2024-10-14T22:37:00+03:00"),  # ISO kept as written
        ("  2024-10-14  ", "2024-10-14"),
        ("14 October 2024", "2024-10-14"),
        ("Oct 14, 2024", "2024-10-14"),
        ("2024/10/14", "2024-10-14"),
        ("14.10.2024", "2024-10-14"),
        ("2024-02-30", None),
        ("next Tuesday", None),
        (None, None),
        ("", None),
    ],
)
def test_to_iso_reads_iso_and_written_dates(text: str | None, expected: str | None) -> None:
    assert to_iso(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-14T22:37:00+03:00", "2024-10-14T19:37:00Z"),
        ("2024-10-14T22:37:00", "2024-10-14"),  # no zone: its date, never a guessed UTC
        ("2024-10-14", "2024-10-14"),
        ("soon", None),
        (None, None),
    ],
)
def test_w3cdtf_is_utc_for_docx_only_when_zoned(value: str | None, expected: str | None) -> None:
    assert w3cdtf(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-14T22:37:00.123456+03:00", "2024-10-14T22:37:00+03:00"),  # zone kept, to the second
        ("2024-10-14T22:37:00Z", "2024-10-14T22:37:00+00:00"),
        ("2024-10-14T22:37:00", "2024-10-14"),  # no zone: the date only, never a guessed UTC
        ("2024-10-14", "2024-10-14"),
        ("soon", None),
        (None, None),
    ],
)
def test_w3c_date_keeps_the_zone_for_pdf(value: str | None, expected: str | None) -> None:
    assert w3c_date(value) == expected


_moments = st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2100, 12, 31))
_zones = st.none() | st.integers(min_value=-14 * 60, max_value=14 * 60).map(
    lambda m: dt.timezone(dt.timedelta(minutes=m))
)


@given(_moments, _zones, st.booleans())
def test_every_model_date_is_read_back_and_formatted(
    moment: dt.datetime, zone: dt.tzinfo | None, alone: bool
) -> None:
    value = moment.date().isoformat() if alone else moment.replace(tzinfo=zone).isoformat(timespec="seconds")
    assert is_iso(value)
    # metadata text names no article's date after next year (to_iso's guard); the model's own stays
    assert to_iso(value) == (value if moment.year <= dt.date.today().year + 1 else None)
    parsed = parse_iso(value)
    assert parsed is not None and parsed.isoformat(**({} if alone else {"timespec": "seconds"})) == value
    stamp = w3cdtf(value)
    if zone is None or alone:
        assert stamp == value[:10]
    else:
        assert stamp is not None and stamp.endswith("Z") and len(stamp) == 20
    assert w3c_date(value) == (value if alone or zone is not None else value[:10])


def test_one_date_parser_for_written_dates() -> None:
    """The text reader's date lines and document metadata read dates with the same grammar."""
    from convert.readers.text import parse_date as text_reader_parse_date

    assert text_reader_parse_date is parse_date
    assert parse_date("14 October 2024, 22:37 BST") == "2024-10-14T22:37:00+01:00"
    assert to_iso("October 14, 2024 10:37 PM") == "2024-10-14T22:37:00"  # metadata keeps a time too
    assert parse_date("14.10.2024") == "2024-10-14"  # dotted dates are day first
    assert parse_date("10/14/2024") is None  # slashed ones are not read


def test_month_names_come_from_cldr() -> None:
    assert MONTHS["sept"] == MONTHS["september"] == 9
    assert re.fullmatch(MONTH_PATTERN, "Oct.") and not re.fullmatch(MONTH_PATTERN, "may")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("14. Oktober 2024", "2024-10-14"),
        ("14 de octubre de 2024", "2024-10-14"),
        ("1er mars 2024", "2024-03-01"),
        ("5 maart 2024 14:30", "2024-03-05T14:30:00"),
        ("3 settembre 2023", "2023-09-03"),
        ("März 5, 2024", "2024-03-05"),
        ("14 Octember 2024", None),
    ],
)
def test_parse_date_reads_month_names_in_the_calendar_languages(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-03-05", "2024-03-05"),
        ("2024-03-05T08:30:00+01:00", "2024-03-05T08:30:00+01:00"),
        ("2024-03-05T08:30:00-0500", "2024-03-05T08:30:00-05:00"),
        ("2024-03-05T08:30:00Z", "2024-03-05T08:30:00+00:00"),
        ("2024-03-05 08:30", "2024-03-05T08:30:00"),
        ("2024/3/5", "2024-03-05"),
        ("20240305", "2024-03-05"),
        ("Tue, 05 Mar 2024 08:30:00 GMT", "2024-03-05T08:30:00+00:00"),
        ("Tue, 05 Mar 2024 08:30:00 +0100", "2024-03-05T08:30:00+01:00"),  # RSS: the zone is kept
        ("1676551869", "2023-02-16T12:51:09+00:00"),
        ("1676551869000", "2023-02-16T12:51:09+00:00"),
        ("123456789012", None),
        ("9999999999", None),  # the year 2286
        ("2024-02-30", None),
        ("yesterday", None),
        ("", None),
        (None, None),
        ("2999-01-01", None),
        ("1969-12-31", None),
    ],
)
def test_parse_stamp_reads_machine_dates_within_the_window(value: str | None, expected: str | None) -> None:
    assert parse_stamp(value, today=dt.date(2026, 12, 6)) == expected


def test_parse_stamp_window_is_for_web_pages_only() -> None:
    assert parse_stamp("1969-07-20T20:17:40Z", window=False) == "1969-07-20T20:17:40+00:00"
    assert parse_stamp("2024-03-08", today=dt.date(2024, 3, 5)) is None  # a scheduled post
    assert parse_stamp("2024-03-07", today=dt.date(2024, 3, 5)) == "2024-03-07"


def test_zoned_reads_only_stamps_with_a_zone() -> None:
    assert zoned("2024-03-05T08:30:00+0100") == dt.datetime(
        2024, 3, 5, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=1))
    )
    assert zoned("2024-03-05T08:30Z") == dt.datetime(2024, 3, 5, 8, 30, tzinfo=dt.UTC)
    assert zoned("2024-03-05T08:30:00") is None
    assert zoned("2024-03-05") is None


def test_parse_day_is_strict_for_the_command_line() -> None:
    assert parse_day(" 2024-03-05 ") == dt.date(2024, 3, 5)
    for bad in ("2024-3-5", "20240305", "2024-02-30", "March 5, 2024", "2024-03-05T10:00"):
        with pytest.raises(ValueError):
            parse_day(bad)


def test_find_dates_finds_only_unambiguous_ones() -> None:
    found = [
        day for _, day in find_dates("On 03/04/2024, then 12. Januar 2023 and 2021-07-09, not 31.02.2020")
    ]
    assert found == [dt.date(2023, 1, 12), dt.date(2021, 7, 9)]


def test_find_dates_reads_the_cjk_year_month_day_form() -> None:
    """CLDR's long date in Chinese, Japanese (``y年M月d日``) and Korean (``y년 M월 d일``)."""
    text = "投稿 2020年07月12日 | 2023년 11월 7일 | 2019年2月30日 | 12020年1月1日"
    assert [day for _, day in find_dates(text)] == [dt.date(2020, 7, 12), dt.date(2023, 11, 7)]


def test_day_pattern_finds_a_day_in_its_written_forms() -> None:
    pattern = day_pattern(dt.date(2024, 3, 5))
    for text in (
        "5. März 2024",
        "March 5th, 2024",
        "05/03/2024",
        "2024-03-05",
        "5 de marzo de 2024",
        "2024年3月5日",
    ):
        assert pattern.search(text), text
    for text in ("15 March 2024", "2024-03-15", "105.03.20245"):
        assert not pattern.search(text), text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/2017/7/12/harbour-plans", "2017-07-12"),
        ("https://example.org/news/2017-07-12/harbour", "2017-07-12"),
        ("https://example.org/2017/02/30/harbour", None),
        ("https://example.org/news/harbour-2017", None),
    ],
)
def test_path_day(url: str, expected: str | None) -> None:
    assert path_day(url) == expected


#: What reads a date from a string: the standard library's and third-party date parsers.
_DATE_PARSING = re.compile(
    r"fromisoformat|fromtimestamp|parsedate|strptime|\bdateparser\b|\bdateutil\b|\bimport htmldate\b|find_date\("
)


def test_one_module_reads_dates_from_strings() -> None:
    """Issue 13: ``convert/dates.py`` is the one place a string becomes a date; htmldate is asked
    from one place only (the HTML reader's evidence module)."""
    package = Path(__file__).resolve().parents[1] / "convert"
    found = {
        str(path.relative_to(package))
        for path in package.rglob("*.py")
        if _DATE_PARSING.search(path.read_text(encoding="utf-8"))
    }
    assert found == {"dates.py", "readers/html/dates.py"}
    evidence = (package / "readers" / "html" / "dates.py").read_text(encoding="utf-8")
    assert not re.search(r"fromisoformat|fromtimestamp|parsedate|strptime", evidence)
    assert len(re.findall(r"find_date\(", evidence)) == 1


def test_a_weekday_that_is_not_the_dates_makes_no_date() -> None:
    from convert.dates import parse_date

    assert parse_date("Monday, December 7, 2026") == "2026-12-07"
    assert parse_date("Thurs 10 December 2026") == "2026-12-10"
    assert parse_date("Tuesday, December 7, 2026") is None  # a Monday: the day or the weekday is wrong
    assert parse_date("Sat, 6 Dec 2026 10:00 GMT") is None


def test_to_iso_refuses_a_year_after_next_year() -> None:
    """Reviewer r33's date_in_future.docx: metadata text gets the reader's guard too."""
    import datetime as _dt

    from convert.dates import to_iso

    later = _dt.date.today().year + 2
    assert to_iso(f"March 3, {later}") is None
    assert to_iso(f"{later}-03-03") is None
    assert to_iso(f"{later - 1}-03-03") == f"{later - 1}-03-03"
    assert to_iso("March 3, 2025") == "2025-03-03"
