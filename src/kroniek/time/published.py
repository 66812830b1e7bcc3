"""Publication times: from the relative or absolute time printed with an item and the capture time.

A brief's "3 uur geleden" means it was published between 3 and 4 hours before the page
was captured; kroniek stamps capture time minus 3 hours with precision "hour". A main
article printed without a time is never stamped with the capture time: it gets
published=None and precision "bounds" (see ``publication_bounds`` for the bounds).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

from kroniek.records import Article
from kroniek.time.eventdate import AMSTERDAM, _alt, _phrases, _shift_month, local_date
from kroniek.time.rules import TimeRules, default_rules
from kroniek.words import word_set

UNIT_PRECISION = {
    "second": "minute",
    "minute": "minute",
    "hour": "hour",
    "day": "day",
    "week": "week",
    "month": "month",
    "year": "year",
}


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def at_local(day: date, hour: int = 12, minute: int = 0) -> datetime:
    """A Dutch local clock time on a day, as an aware UTC datetime."""
    return datetime.combine(day, time(hour, minute), tzinfo=AMSTERDAM).astimezone(UTC)


def _minus(moment: datetime, n: float, unit: str) -> datetime:
    if unit in ("second", "minute", "hour", "day", "week"):
        return moment - timedelta(**{unit + "s": n})
    months = round(n) * (12 if unit == "year" else 1)
    year, month = _shift_month(moment.year, moment.month, -months)
    day = (
        min(moment.day, 28) if month == 2 else min(moment.day, 30 if month in (4, 6, 9, 11) else 31)
    )
    return moment.replace(year=year, month=month, day=day)


def _absolute(
    text: str, fetched_at: datetime | None, rules: TimeRules
) -> tuple[datetime | None, str | None]:
    months = _alt(rules.months)
    at, hours = _phrases("clock_preps"), _phrases("clock_words")
    clock = rf"(?:,?\s*(?:(?:{at})\s+)?(?P<h>[0-2]?\d)[:.](?P<mi>[0-5]\d)(?:\s*(?:{hours}))?)?"
    written = re.search(
        rf"(?P<d>[0-3]?\d)\s+(?P<m>{months})\.?(?:\s+(?P<y>(?:19|20)\d\d))?{clock}", text, re.I
    )
    numeric = re.search(
        rf"(?P<d>[0-3]?\d)[-/.](?P<m>[01]?\d)[-/.](?P<y>(?:19|20)?\d\d){clock}", text
    )
    iso = re.search(
        r"(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[tT ](?P<h>[0-2]\d):(?P<mi>[0-5]\d))?",
        text,
    )
    for m in (iso, written, numeric):
        if m is None:
            continue
        month = rules.months.get(m["m"].lower()) if not m["m"].isdigit() else int(m["m"])
        year = int(m["y"]) if m["y"] else None
        if year is not None and year < 100:
            year += 2000
        if year is None:
            if fetched_at is None:
                continue
            today = local_date(fetched_at)
            year = (
                today.year if (month, int(m["d"])) <= (today.month, today.day) else today.year - 1
            )
        if month is None:
            continue
        try:
            day = date(year, month, int(m["d"]))
            if m["h"] is not None:
                return at_local(day, int(m["h"]), int(m["mi"])), "minute"
        except (ValueError, TypeError):
            continue
        return at_local(day), "day"
    return None, None


def parse_ago(
    ago: str, fetched_at: datetime | None, rules: TimeRules | None = None
) -> tuple[datetime | None, str | None]:
    """(published UTC, precision) from an item's printed time and the capture time.

    "7 minuten geleden" -> minute; "3 uur geleden" -> capture minus 3 h, "hour" (the true
    time lies in the hour before); "gisteren" and "2 dagen geleden" -> day; "29 januari 2026
    10:04" (Dutch local time) -> minute. (None, None) when the text cannot be read."""
    rules = rules or default_rules()
    text = " ".join(ago.lower().split())
    fetched = _utc(fetched_at) if fetched_at else None
    if fetched and text in rules.just_now:
        return fetched, "minute"
    units, counts = _alt(rules.ago_units), rules.numbers.counts()
    ago = _phrases("ago_words")
    m = re.search(rf"(?P<n>\d+|{_alt(counts)})\s+(?P<u>{units})\.?\s+(?:{ago})", text)
    if m and fetched:
        n = int(m["n"]) if m["n"].isdigit() else counts[m["n"]]
        unit = rules.ago_units[m["u"]][0]
        return _minus(fetched, n, unit), UNIT_PRECISION[unit]
    days = _alt(word_set("printed_days"))
    rel = re.fullmatch(
        rf"(?P<rel>{days})?[, ]*(?:(?:{_phrases('clock_preps')})\s+)?"
        rf"(?:(?P<h>[0-2]?\d)[:.](?P<mi>[0-5]\d))?(?:\s*(?:{_phrases('clock_words')}))?",
        text,
    )
    if rel and (rel["rel"] or rel["h"]) and fetched:
        day = local_date(fetched) + timedelta(
            days=rules.relative_days[rel["rel"]][0] if rel["rel"] else 0
        )
        if rel["h"] is None:
            return min(at_local(day), fetched), "day"
        moment = at_local(day, int(rel["h"]), int(rel["mi"]))
        if (
            rel["rel"] is None and moment > fetched
        ):  # a bare clock time later than the capture: yesterday
            moment -= timedelta(days=1)
        return moment, "minute"
    return _absolute(text, fetched, rules)


def printed_times(
    articles: Sequence[Article],
    fetched_at: datetime | None,
    on_date_hint: datetime | date | None,
    rules: TimeRules,
) -> list[Article]:
    """Copies of the articles with published and published_precision set.

    Items with a printed time are dated from it and the capture time. A main article
    without one is not stamped with the capture time: it gets published=None and precision
    "bounds" (``publication_bounds`` says which), unless on_date_hint (a publication date or
    time known from elsewhere, e.g. HTML metadata) is given. Briefs without a time stay None."""
    dated = []
    for article in articles:
        published, precision = None, None
        if article.ago:
            published, precision = parse_ago(article.ago, fetched_at, rules)
        elif article.part == "main":
            if isinstance(on_date_hint, datetime):
                published, precision = _utc(on_date_hint), "minute"
            elif isinstance(on_date_hint, date):
                published, precision = at_local(on_date_hint), "day"
            else:
                precision = "bounds"
        dated.append(replace(article, published=published, published_precision=precision))
    return dated
