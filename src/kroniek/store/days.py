"""``event_days``: the day each event is filed under, with the columns event lists filter on.

Every event is filed under one *day*: its own date (a month or year date: the published day
when that falls inside it, else the period's first day), else the article's published day,
else the day the page carrying it was first captured. An event with none of these is
*undated* (day NULL). The table is derived from events, articles and sightings and written
with the events themselves (``Store.add``), so that filtered, newest-first event lists and
dyad series read one narrow table instead of joining three large ones.
"""

from __future__ import annotations

FILE_SQL = """
INSERT INTO event_days
SELECT e.event_id, e.article_id, e.src, e.tgt, e.type, e.quad_class, e.fact, e.goldstein,
       coalesce(CASE WHEN e.date_from IS NULL THEN NULL
                     WHEN e.date_from = e.date_to THEN e.date_from
                     WHEN CAST(a.published AS DATE) BETWEEN e.date_from AND e.date_to
                     THEN CAST(a.published AS DATE)
                     ELSE e.date_from END,
                CAST(a.published AS DATE), f.captured) AS day
FROM events e
JOIN articles a USING (article_id)
LEFT JOIN (SELECT article_id, CAST(min(fetched_at) AS DATE) AS captured
           FROM sightings GROUP BY article_id) f USING (article_id)
"""


def file_event_days(con, event_ids: list[str] | None = None) -> None:
    """Add ``event_days`` rows for these events (all events when None) on connection ``con``."""
    if event_ids is None:
        con.execute(FILE_SQL)
    elif event_ids:
        con.execute(FILE_SQL + " WHERE list_contains(?, e.event_id)", [event_ids])
