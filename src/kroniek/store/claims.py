"""Reported figures in a store as a timeline: who said how many of what, and when."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime

from kroniek.output import iso_utc
from kroniek.vocabulary import unit_pattern

CLAIMS_SQL = """
WITH first AS (
    SELECT s.article_id,
           arg_min(s.doc, (p.ingested_at, s.doc, s.part)) AS doc,
           arg_min(s.part, (p.ingested_at, s.doc, s.part)) AS part,
           min(s.fetched_at) AS fetched_at
    FROM sightings s JOIN pages p USING (content_hash)
    GROUP BY s.article_id
), claims AS (
    SELECT q.*, a.headline,
           coalesce(vs.doc, f.doc) AS doc, coalesce(vs.part, f.part) AS part,
           coalesce(q.published, a.published, vs.fetched_at, f.fetched_at) AS moment,
           coalesce((SELECT list(e.src) || list(e.tgt) FROM events e
                     WHERE list_contains(q.event_ids, e.event_id)), []) AS event_actors,
           (SELECT min(se.story_id) FROM story_events se
            WHERE list_contains(q.event_ids, se.event_id)) AS story_id
    FROM quantities q
    JOIN articles a USING (article_id)
    JOIN first f USING (article_id)
    LEFT JOIN versions v ON v.version_id = q.version_id
    LEFT JOIN sightings vs ON vs.content_hash = v.content_hash AND vs.part = v.part
)
SELECT * FROM claims
"""


def unit_regex(units: Sequence[str]) -> str:
    """One regular expression matching any of the unit words (prefixes for long words)."""
    return "|".join(unit_pattern(u.lower()) for u in units)


def claim_rows(
    store,
    actors: Sequence[str] = (),
    units: Sequence[str] = (),
    words: Sequence[str] = (),
    since: date | None = None,
    until: date | None = None,
    limit: int | None = None,
    story_id: int | None = None,
    skip_units: Sequence[str] = (),
) -> list[dict]:
    """Stored figures, oldest first, filtered.

    ``actors``: every code must be among the sentence's actors or its events' actors;
    ``units``: the figure's unit must contain one of these words (long ones as prefixes);
    ``words``: each must occur in the sentence (case-insensitive); ``story_id``: figures
    of that story's events; ``skip_units``: unit words whose figures are left out.
    """
    where: list[str] = []
    params: list[object] = []
    if story_id is not None:
        where.append("story_id = ?")
        params.append(story_id)
    for code in actors:
        where.append("(list_contains(actors, ?) OR list_contains(event_actors, ?))")
        params += [code, code]
    if units:
        where.append("regexp_matches(lower(unit), ?)")
        params.append(unit_regex(units))
    if skip_units:
        where.append("NOT regexp_matches(lower(unit), ?)")
        params.append(unit_regex(skip_units))
    for word in words:
        where.append("(lower(sentence) LIKE ? OR lower(coalesce(headline, '')) LIKE ?)")
        like = "%" + re.sub(r"([%_\\])", r"\\\1", word.lower()) + "%"
        params += [like, like]
    if since:
        where.append("CAST(moment AS DATE) >= ?")
        params.append(since)
    if until:
        where.append("CAST(moment AS DATE) <= ?")
        params.append(until)
    sql = (
        f"{CLAIMS_SQL} {'WHERE ' + ' AND '.join(where) if where else ''} "
        "ORDER BY moment NULLS LAST, article_id, version_id, idx"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    rows = store.query(sql, params)
    for row in rows:
        row["published"] = iso_utc(_aware(row.pop("moment")))
        row["day"] = row["published"][:10] if row["published"] else None
        row["span"] = [row.pop("span_start"), row.pop("span_end")]
        row["event_actors"] = sorted(set(row["event_actors"]))
    return rows


def _aware(moment: datetime | None) -> datetime | None:
    return moment.replace(tzinfo=UTC) if moment is not None else None
