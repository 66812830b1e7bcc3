"""The time stage: publication times and event dates.

- ``date_articles(articles, fetched_at)`` stamps briefs from their "3 uur geleden" and the
  capture time; a main article without a time gets precision "bounds", never the capture time.
- ``publication_bounds(article, fetched_at)`` says between which dates such an article was
  written, from office holders' tenures, known events and dates named in its text.
- ``resolve_event_date(sentence, published)`` / ``date_events(events, published)`` read Dutch
  temporal expressions ("gisteren", "vorige week", "eind juni") into ISO dates with precision.
- ``TimeRules`` holds the stage's dictionaries, among them the Dutch number words.
"""

from kroniek.time.bounds import Bounds, Evidence, publication_bounds
from kroniek.time.eventdate import (
    TimeExpression,
    date_events,
    find_time_expressions,
    is_future,
    resolve_event_date,
)
from kroniek.time.published import date_articles, parse_ago
from kroniek.time.rules import NumberWords, TimeRules, default_rules, load_time_rules

__all__ = [
    "Bounds",
    "Evidence",
    "NumberWords",
    "TimeExpression",
    "TimeRules",
    "date_articles",
    "date_events",
    "default_rules",
    "find_time_expressions",
    "is_future",
    "load_time_rules",
    "parse_ago",
    "publication_bounds",
    "resolve_event_date",
]
