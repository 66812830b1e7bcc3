"""The output contract (``../shared/spec/output.md``, v1): records to JSON objects."""

from __future__ import annotations

from datetime import UTC, datetime

from kroniek.records import AnalysedArticle, Event, Mention, PageResult


def iso_utc(moment: datetime | None) -> str | None:
    """Format an aware datetime as ``2026-01-29T07:00:00Z`` (None stays None)."""
    if moment is None:
        return None
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def mention_to_json(mention: Mention) -> dict:
    """One mention as the contract writes it."""
    return {
        "code": mention.code,
        "sector": mention.sector,
        "text": mention.text,
        "field": mention.field,
        "span": list(mention.span),
        "person": mention.person,
        "rule": mention.rule,
    }


def event_to_json(event: Event) -> dict:
    """One event as the contract writes it (field order as in output.md)."""
    return {
        "src": event.src,
        "src_sector": event.src_sector,
        "src_text": event.src_text,
        "tgt": event.tgt,
        "tgt_sector": event.tgt_sector,
        "tgt_text": event.tgt_text,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "goldstein": event.goldstein,
        "quad_class": event.quad_class,
        "fact": event.fact,
        "sentence": event.sentence,
        "field": event.field,
        "span": list(event.span),
        "trigger": event.trigger,
        "rule": event.rule,
        "attributed_to": event.attributed_to,
        "event_date": event.event_date,
    }


def article_to_json(analysed: AnalysedArticle) -> dict:
    """One article with its mentions and events."""
    article = analysed.article
    return {
        "part": article.part,
        "headline": article.headline,
        "dateline": article.dateline,
        "agencies": list(article.agencies),
        "ago": article.ago,
        "published": iso_utc(article.published),
        "text": article.text,
        "mentions": [mention_to_json(m) for m in analysed.mentions],
        "events": [event_to_json(e) for e in analysed.events],
    }


def page_to_json(result: PageResult) -> dict:
    """One page line of ``kroniek extract --format jsonl``."""
    return {
        "doc": result.page.doc,
        "source": result.page.source,
        "fetched_at": iso_utc(result.page.fetched_at),
        "language": result.language,
        "articles": [article_to_json(a) for a in result.articles],
    }
