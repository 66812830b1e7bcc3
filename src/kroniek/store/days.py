"""``event_days``: the day each event is filed under, with the columns event lists filter on.

Every event is filed under one *day*: its own date (a month or year date: the published day
when that falls inside it, else the period's first day), else the article's published day,
else the day the page carrying it was first captured. An event with none of these is
*undated* (day NULL). With it: the doc, part and web address of the page that first carried
the event's article (a later page never comes first). The table is derived from events,
articles, sightings and pages and written with the events themselves (``Store.add_many``), so that
filtered, newest-first event lists and dyad series read one narrow table instead of joining
four large ones.
"""

from __future__ import annotations

import re
from datetime import datetime

FILE_SQL = """
INSERT INTO event_days
SELECT e.event_id, e.article_id, e.src, e.tgt, e.type, e.quad_class, e.fact, e.goldstein,
       coalesce(CASE WHEN e.date_from IS NULL THEN NULL
                     WHEN e.date_from = e.date_to THEN e.date_from
                     WHEN CAST(a.published AS DATE) BETWEEN e.date_from AND e.date_to
                     THEN CAST(a.published AS DATE)
                     ELSE e.date_from END,
                CAST(a.published AS DATE), f.captured) AS day,
       f.doc, f.part, f.url
FROM (SELECT * FROM events {events}) e
JOIN articles a USING (article_id)
LEFT JOIN (SELECT s.article_id, CAST(min(s.fetched_at) AS DATE) AS captured,
                  arg_min(s.doc, (p.ingested_at, s.doc, s.part)) AS doc,
                  arg_min(s.part, (p.ingested_at, s.doc, s.part)) AS part,
                  arg_min(p.url, (p.ingested_at, s.doc, s.part))
                      FILTER (WHERE regexp_matches(p.url, '^https?://')) AS url
           FROM (SELECT * FROM sightings {sightings}) s JOIN pages p USING (content_hash)
           GROUP BY s.article_id) f USING (article_id)
"""


def file_event_days(con, events: list[tuple[str, str]] | None = None) -> None:
    """Add ``event_days`` rows for these (event id, article id) pairs, or for every event
    when None, on connection ``con`` (their articles and sightings are stored already)."""
    if events is None:
        con.execute(FILE_SQL.format(events="", sightings=""))
    elif events:
        con.execute(
            FILE_SQL.format(
                events="WHERE list_contains(?, event_id)",
                sightings="WHERE list_contains(?, article_id)",
            ),
            [[e for e, _ in events], sorted({a for _, a in events})],
        )


HTTP = re.compile(r"^https?://")


def day_rows(
    events: list[tuple], published: dict[str, datetime | None], seen: dict[str, list[tuple]]
) -> list[tuple]:
    """The ``event_days`` rows FILE_SQL would add for these ``events`` rows, computed without
    scanning the tables: ``published`` is each article's published time, ``seen`` its
    sightings as (ingested_at, doc, part, url, fetched_at) of every page that carried it."""
    out = []
    for row in events:
        eid, aid, src, tgt, type_, quad, fact, goldstein = (
            row[0],
            row[1],
            row[3],
            row[6],
            row[9],
            row[13],
            row[14],
            row[12],
        )
        date_from, date_to = row[24], row[25]
        when = published.get(aid)
        day_published = when.date() if when is not None else None
        sightings = sorted(seen.get(aid, ()), key=lambda s: s[:3])
        captured = min((s[4] for s in sightings if s[4] is not None), default=None)
        if date_from is None:
            own = None
        elif date_from == date_to:
            own = date_from
        elif day_published is not None and date_from <= day_published <= date_to:
            own = day_published
        else:
            own = date_from
        day = next(
            (d for d in (own, day_published, captured and captured.date()) if d is not None), None
        )
        first = sightings[0] if sightings else (None, None, None)
        url = next((s[3] for s in sightings if s[3] is not None and HTTP.search(s[3])), None)
        out.append((eid, aid, src, tgt, type_, quad, fact, goldstein, day, first[1], first[2], url))
    return out
