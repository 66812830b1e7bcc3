"""The time stage: publication times and event dates.

The pipeline enters it twice per page, once on each side of the sentence chain:
- ``date_articles(articles, fetched_at)`` stamps briefs from their "3 uur geleden" and the
  capture time; a main article without a time gets precision "bounds", never the capture
  time, and keeps the bounds ``publication_bounds`` finds (from office holders' tenures,
  known events and dates named in its text); every article keeps the moment it speaks from.
- ``date_found_events(analysed)`` dates the events found in each article from that moment;
  ``resolve_event_date(sentence, published)`` / ``date_events(events, published)`` read Dutch
  temporal expressions ("gisteren", "vorige week", "eind juni") into ISO dates with precision.
- ``TimeRules`` holds the stage's dictionaries, among them the Dutch number words.
"""

from kroniek.records import Bounds, Evidence
from kroniek.time.bounds import publication_bounds
from kroniek.time.eventdate import (
    TimeExpression,
    date_events,
    find_time_expressions,
    is_future,
    resolve_event_date,
)
from kroniek.time.published import parse_ago
from kroniek.time.rules import NumberWords, TimeRules, default_rules, load_time_rules
from kroniek.time.stage import date_articles, date_found_events

__all__ = [
    "Bounds",
    "Evidence",
    "NumberWords",
    "TimeExpression",
    "TimeRules",
    "date_articles",
    "date_events",
    "date_found_events",
    "default_rules",
    "find_time_expressions",
    "is_future",
    "load_time_rules",
    "parse_ago",
    "publication_bounds",
    "resolve_event_date",
]
