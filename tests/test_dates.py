"""convert.dates: the one ISO 8601 contract, its parsers and its formatters."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from convert.dates import MONTH_PATTERN, MONTHS, is_iso, parse_date, parse_iso, to_iso, w3c_date, w3cdtf

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
    assert to_iso(value) == value
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
