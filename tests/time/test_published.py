"""Publication times from printed relative/absolute times and the capture time."""

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from kroniek.records import Article
from kroniek.time import date_articles, parse_ago

CAPTURE = datetime(2026, 1, 29, 10, 0, tzinfo=UTC)  # a Thursday, 11:00 in Amsterdam
SUMMER = datetime(2025, 7, 15, 10, 0, tzinfo=UTC)  # 12:00 in Amsterdam (CEST)


def _article(part: str, ago: str | None) -> Article:
    return Article(
        doc="d",
        part=part,
        headline=None,
        dateline=None,
        agencies=("ANP",),
        ago=ago,
        text="Een bericht over een bezoek aan een buurland.",
    )


@pytest.mark.parametrize(
    "ago, expected, precision",
    [
        ("7 minuten geleden", CAPTURE - timedelta(minutes=7), "minute"),
        ("1 minuut geleden", CAPTURE - timedelta(minutes=1), "minute"),
        ("1 uur geleden", CAPTURE - timedelta(hours=1), "hour"),
        ("3 uur geleden", CAPTURE - timedelta(hours=3), "hour"),
        ("  10   uur geleden ", CAPTURE - timedelta(hours=10), "hour"),
        ("een uur geleden", CAPTURE - timedelta(hours=1), "hour"),
        ("2 dagen geleden", CAPTURE - timedelta(days=2), "day"),
        ("1 week geleden", CAPTURE - timedelta(weeks=1), "week"),
        ("zojuist", CAPTURE, "minute"),
    ],
)
def test_relative_ago(ago, expected, precision):
    assert parse_ago(ago, CAPTURE) == (expected, precision)


def test_hour_precision_bounds_the_true_time():
    published, precision = parse_ago("3 uur geleden", CAPTURE)
    assert precision == "hour"
    assert CAPTURE - timedelta(hours=4) <= published <= CAPTURE - timedelta(hours=3)


def test_months_ago_keeps_the_day_within_the_month():
    published, precision = parse_ago("2 maanden geleden", datetime(2026, 4, 30, 8, tzinfo=UTC))
    assert (published.date(), precision) == (date(2026, 2, 28), "month")


@pytest.mark.parametrize(
    "ago, local_day",
    [
        ("gisteren", date(2026, 1, 28)),
        ("eergisteren", date(2026, 1, 27)),
        ("vandaag", date(2026, 1, 29)),
    ],
)
def test_named_days_have_day_precision_in_dutch_local_time(ago, local_day):
    published, precision = parse_ago(ago, CAPTURE)
    assert precision == "day"
    assert published.astimezone(timezone(timedelta(hours=1))).date() == local_day
    assert published <= CAPTURE


def test_today_is_never_after_the_capture():
    early = datetime(2026, 1, 29, 6, 0, tzinfo=UTC)  # 07:00 local, before local noon
    assert parse_ago("vandaag", early) == (early, "day")


def test_yesterday_with_clock_time():
    published, precision = parse_ago("gisteren 14:05", CAPTURE)
    assert (published, precision) == (datetime(2026, 1, 28, 13, 5, tzinfo=UTC), "minute")


def test_bare_clock_time_later_than_capture_is_yesterday():
    published, _ = parse_ago("23:15", CAPTURE)
    assert published == datetime(2026, 1, 28, 22, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    "ago, expected",
    [
        ("29 januari 2026 10:04", datetime(2026, 1, 29, 9, 4, tzinfo=UTC)),  # CET = UTC+1
        ("Bijgewerkt: 3 juli 2025, 18.30 uur", datetime(2025, 7, 3, 16, 30, tzinfo=UTC)),  # CEST
        ("29-01-2026 10:04", datetime(2026, 1, 29, 9, 4, tzinfo=UTC)),
        ("2025-12-31T23:50", datetime(2025, 12, 31, 22, 50, tzinfo=UTC)),
    ],
)
def test_absolute_local_time_is_converted_to_utc(ago, expected):
    assert parse_ago(ago, CAPTURE) == (expected, "minute")


def test_absolute_date_without_clock_has_day_precision():
    published, precision = parse_ago("12 maart 2024", None)
    assert precision == "day" and published.date() == date(2024, 3, 12)


def test_absolute_date_without_year_takes_the_latest_past_one():
    published, _ = parse_ago("30 december 09:00", CAPTURE)
    assert published == datetime(2025, 12, 30, 8, 0, tzinfo=UTC)


def test_relative_ago_needs_a_capture_time_and_unreadable_text_gives_none():
    assert parse_ago("3 uur geleden", None) == (None, None)
    assert parse_ago("lang geleden", CAPTURE) == (None, None)


def test_date_articles_briefs_and_main():
    arts = [_article("main", None), _article("brief:0", "2 uur geleden"), _article("brief:1", None)]
    dated = date_articles(arts, CAPTURE)
    assert dated[0].published is None and dated[0].published_precision == "bounds"
    assert (
        dated[1].published == CAPTURE - timedelta(hours=2)
        and dated[1].published_precision == "hour"
    )
    assert dated[2].published is None and dated[2].published_precision is None
    assert arts[1].published is None  # copies, the input is untouched


def test_main_article_with_its_own_time_is_dated_from_it():
    dated = date_articles([_article("main", "45 minuten geleden")], SUMMER)
    assert dated[0].published == SUMMER - timedelta(minutes=45)


def test_on_date_hint_dates_a_main_article_without_time():
    dated = date_articles([_article("main", None)], CAPTURE, on_date_hint=date(2024, 11, 5))
    assert dated[0].published_precision == "day" and dated[0].published.date() == date(2024, 11, 5)
    exact = datetime(2024, 11, 5, 7, 30, tzinfo=UTC)
    assert (
        date_articles([_article("main", None)], CAPTURE, on_date_hint=exact)[0].published == exact
    )
