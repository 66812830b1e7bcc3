"""The time stage as the pipeline enters it: once before the sentence chain, once after.

Before, `date_articles` dates every article of a page from its printed time and the capture
time, keeps the publication bounds of a main article printed without a time, and settles
the moment each article speaks from (``Article.speaks_from``), which the chain reads its
dictionaries at. After, `date_found_events` dates the events the chain found from that kept
moment, so nothing computes an article's bounds or reference time a second time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, datetime, timedelta

from kroniek.records import AnalysedArticle, Article, Bounds
from kroniek.time.bounds import publication_bounds
from kroniek.time.eventdate import date_events
from kroniek.time.published import printed_times
from kroniek.time.rules import TimeRules, default_rules


def date_articles(
    articles: Sequence[Article],
    fetched_at: datetime | None,
    on_date_hint: datetime | date | None = None,
    rules: TimeRules | None = None,
) -> list[Article]:
    """Copies of the articles with published, published_precision, bounds and speaks_from set.

    A main article printed without a time is not stamped with the capture time: it gets
    published=None, precision "bounds" and the bounds its text gives (`publication_bounds`),
    unless ``on_date_hint`` (a publication date or time known from elsewhere, e.g. HTML
    metadata) is given. Briefs without a time stay None."""
    rules = rules or default_rules()
    dated = []
    for article in printed_times(articles, fetched_at, on_date_hint, rules):
        bounds = None
        if article.published_precision == "bounds":
            bounds = publication_bounds(article, fetched_at, rules)
        moment = _speaks_from(article.published, bounds, fetched_at)
        dated.append(replace(article, bounds=bounds, speaks_from=moment))
    return dated


def _speaks_from(
    published: datetime | None, bounds: Bounds | None, fetched_at: datetime | None
) -> datetime | None:
    """The article's own time, else the middle of its bounds when they end well before the
    capture (an old article on a new page), else the capture time."""
    if published is not None:
        return published
    if fetched_at is None or bounds is None or bounds.latest is None:
        return fetched_at
    return bounds.estimate if bounds.latest < fetched_at - timedelta(days=1) else fetched_at


def date_found_events(
    analysed: Sequence[AnalysedArticle], rules: TimeRules | None = None
) -> tuple[AnalysedArticle, ...]:
    """Copies of the analysed articles with each event dated from its article's speaks_from."""
    rules = rules or default_rules()
    return tuple(
        replace(found, events=date_events(found.events, found.article.speaks_from, rules))
        for found in analysed
    )
