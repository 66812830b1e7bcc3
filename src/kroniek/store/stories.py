"""Stories in a store: the rows story linking reads and writes, and stories with their timeline.

Linking itself (which event joins which story) is the stories stage's (kroniek.stories.link);
the store only reads the unlinked events and keeps the outcome.
"""

from __future__ import annotations

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

TIMELINE_COLUMNS = (
    "day",
    "fact",
    "type",
    "cameo",
    "src",
    "src_sector",
    "tgt",
    "tgt_sector",
    "trigger",
    "doc",
    "part",
    "sentence",
    "span_start",
    "trigger_start",
    "trigger_end",
    "event_id",
    "article_id",
    "sightings",
)


def unlinked_events(store, events_sql: str) -> list[tuple]:
    """(event id, src, src sector, tgt, tgt sector, type, day) of every event not in a story."""
    return store._con.execute(UNLINKED_SQL.format(events=events_sql)).fetchall()


def stories_with_keys(store, keys: list[tuple[str, str, str]]) -> list[tuple]:
    """(story id, side a, side b, family, first day, last day) of the stories with these keys."""
    return store._con.execute(
        "SELECT story_id, side_a, side_b, family, first_day, last_day FROM stories "
        "WHERE list_contains(?, side_a || '|' || side_b || '|' || family)",
        [[f"{a}|{b}|{f}" for a, b, f in keys]],
    ).fetchall()


def save_links(
    store, assigned: dict[str, int], merged: dict[int, int], stories: list, days: dict
) -> None:
    """Store a linking outcome in one transaction: events ``assigned`` to stories, stories
    ``merged`` away into others, and the rows of the ``stories`` that changed (each with
    story_id, a, b, family), recounted from their events."""
    con = store._con
    con.execute("BEGIN TRANSACTION")
    try:
        for gone, into in merged.items():
            con.execute("UPDATE story_events SET story_id = ? WHERE story_id = ?", [into, gone])
            con.execute("DELETE FROM stories WHERE story_id = ?", [gone])
        store._bulk("story_events", [(eid, sid, days[eid]) for eid, sid in assigned.items()])
        for s in stories:
            con.execute("DELETE FROM stories WHERE story_id = ?", [s.story_id])
            con.execute(
                "INSERT INTO stories SELECT ?, ?, ?, ?, min(se.day), max(se.day), count(*), "
                "count(DISTINCT e.article_id) FROM story_events se JOIN events e USING (event_id) "
                "WHERE se.story_id = ?",
                [s.story_id, s.a, s.b, s.family, s.story_id],
            )
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def timeline(store, events_sql: str, story_ids: list[int]) -> dict[int, list[dict]]:
    """The events of each story, in time order, as short dicts."""
    if not story_ids:
        return {}
    rows = store.query(
        f"SELECT se.story_id, se.day AS story_day, ev.* FROM story_events se "
        f"JOIN ({events_sql}) ev USING (event_id) WHERE list_contains(?, se.story_id) "
        f"ORDER BY se.day, ev.published NULLS LAST, ev.article_id, ev.idx",
        [story_ids],
    )
    out: dict[int, list[dict]] = {sid: [] for sid in story_ids}
    for row in rows:
        row["day"] = row.pop("story_day").isoformat()
        out[row["story_id"]].append({name: row[name] for name in TIMELINE_COLUMNS})
    return out


def story_rows(
    store,
    events_sql: str,
    actor: str | None = None,
    limit: int | None = None,
    min_events: int = 1,
    story_id: int | None = None,
) -> list[dict]:
    """Stories, most recent first (most events first on a tie), each with its timeline."""
    where: list[str] = ["events >= ?"]
    params: list[object] = [min_events]
    if actor:
        where.append("(side_a = ? OR side_b = ?)")
        params += [actor, actor]
    if story_id is not None:
        where.append("story_id = ?")
        params.append(story_id)
    sql = (
        f"SELECT * FROM stories WHERE {' AND '.join(where)} "
        "ORDER BY last_day DESC, events DESC, story_id"
    )
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
