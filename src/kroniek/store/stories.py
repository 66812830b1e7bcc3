"""Stories in a store: link new events (incrementally) and read stories with their timeline."""

from __future__ import annotations

from kroniek.stories import WINDOW_DAYS, Story, link, placed

# Events not yet in a story, with the day they are filed under (as in Store.events), or
# else the day the page carrying them was captured.
UNLINKED_SQL = """
SELECT ev.event_id, ev.src, ev.src_sector, ev.tgt, ev.tgt_sector, ev.type,
       coalesce(ev.day, CAST(f.fetched_at AS DATE)) AS day
FROM ({events}) ev
JOIN (SELECT article_id, min(fetched_at) AS fetched_at FROM sightings GROUP BY article_id) f
  USING (article_id)
WHERE ev.event_id NOT IN (SELECT event_id FROM story_events)
"""

TIMELINE_COLUMNS = ("day", "fact", "type", "cameo", "src", "src_sector", "tgt", "tgt_sector",
                    "trigger", "doc", "part", "sentence", "event_id", "article_id", "sightings")


def link_stories(store, events_sql: str, window: int = WINDOW_DAYS) -> dict[str, int]:
    """Place every event not yet in a story; returns counts of what changed.

    Runs in one transaction on the store's connection (the caller holds its lock).
    """
    con = store._con
    rows = con.execute(UNLINKED_SQL.format(events=events_sql)).fetchall()
    new = [placed(r[0], r[1], r[2], r[3], r[4], r[5], r[6]) for r in rows if r[6] is not None]
    if not new:
        return {"events": 0, "stories": 0, "merged": 0}
    keys = sorted({(p.a, p.b, p.family) for p in new})
    existing = [Story(*r) for r in con.execute(
        "SELECT story_id, side_a, side_b, family, first_day, last_day FROM stories "
        "WHERE list_contains(?, side_a || '|' || side_b || '|' || family)",
        [[f"{a}|{b}|{f}" for a, b, f in keys]]).fetchall()]
    start = con.execute("SELECT coalesce(max(story_id), 0) + 1 FROM stories").fetchone()[0]
    result = link(new, existing, window, start)
    created = sum(1 for sid in result.stories if sid >= start)
    con.execute("BEGIN TRANSACTION")
    try:
        for gone, into in result.merged.items():
            con.execute("UPDATE story_events SET story_id = ? WHERE story_id = ?", [into, gone])
            con.execute("DELETE FROM stories WHERE story_id = ?", [gone])
        days = {p.event_id: p.day for p in new}
        store._bulk("story_events", [(eid, sid, days[eid]) for eid, sid in result.assigned.items()])
        for s in result.stories.values():
            con.execute("DELETE FROM stories WHERE story_id = ?", [s.story_id])
            con.execute(
                "INSERT INTO stories SELECT ?, ?, ?, ?, min(se.day), max(se.day), count(*), "
                "count(DISTINCT e.article_id) FROM story_events se JOIN events e USING (event_id) "
                "WHERE se.story_id = ?",
                [s.story_id, s.a, s.b, s.family, s.story_id])
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")
    return {"events": len(result.assigned), "stories": created, "merged": len(result.merged)}


def timeline(store, events_sql: str, story_ids: list[int]) -> dict[int, list[dict]]:
    """The events of each story, in time order, as short dicts."""
    if not story_ids:
        return {}
    rows = store.query(
        f"SELECT se.story_id, se.day AS story_day, ev.* FROM story_events se "
        f"JOIN ({events_sql}) ev USING (event_id) WHERE list_contains(?, se.story_id) "
        f"ORDER BY se.day, ev.published NULLS LAST, ev.article_id, ev.idx", [story_ids])
    out: dict[int, list[dict]] = {sid: [] for sid in story_ids}
    for row in rows:
        row["day"] = row.pop("story_day").isoformat()
        out[row["story_id"]].append({name: row[name] for name in TIMELINE_COLUMNS})
    return out


def story_rows(store, events_sql: str, actor: str | None = None, limit: int | None = None,
               min_events: int = 1, story_id: int | None = None) -> list[dict]:
    """Stories, most recent first (most events first on a tie), each with its timeline."""
    where: list[str] = ["events >= ?"]
    params: list[object] = [min_events]
    if actor:
        where.append("(side_a = ? OR side_b = ?)")
        params += [actor, actor]
    if story_id is not None:
        where.append("story_id = ?")
        params.append(story_id)
    sql = (f"SELECT * FROM stories WHERE {' AND '.join(where)} "
           "ORDER BY last_day DESC, events DESC, story_id")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    stories = store.query(sql, params)
    lines = timeline(store, events_sql, [s["story_id"] for s in stories])
    for s in stories:
        s["first_day"] = s["first_day"].isoformat()
        s["last_day"] = s["last_day"].isoformat()
        s["timeline"] = lines[s["story_id"]]
    return stories
