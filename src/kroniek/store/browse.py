"""Read queries behind the HTTP API: filtered, paged event lists, actors, dyad series, documents.

Every event is filed under one *day*: its own date (a month or year date: the published day
when that falls inside it, else the period's first day), else the article's published day,
else the day the page carrying it was first captured. An event with none of these is
*undated*: listed last when no date filter is set, left out by a date filter and counted
apart (``undated``) so that nothing disappears unseen.
"""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kroniek.store.store import Store

DAYS_SQL = """
SELECT e.*, a.headline, a.dateline, a.published,
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

# the columns of an event in API answers and downloads, in order
EVENT_COLUMNS = ("event_id", "day", "src", "src_sector", "src_text", "tgt", "tgt_sector",
                 "tgt_text", "type", "mode", "cameo", "goldstein", "quad_class", "fact",
                 "attributed_to", "sentence", "field", "span_start", "span_end", "trigger",
                 "rule", "event_date", "article_id", "headline", "dateline")

_SORT_KEY = "coalesce(day, DATE '0001-01-01')"  # undated events sort after every dated one
INTERVALS = ("day", "week", "month")


class BadCursor(ValueError):
    """A paging cursor this API did not hand out."""


@dataclass(frozen=True)
class EventQuery:
    """The filters of an event list: all optional, all combined with AND."""

    actor: str | None = None  # as source or target
    dyad: tuple[str, str] | None = None  # (source, target)
    pair: tuple[str, str] | None = None  # both directions
    types: tuple[str, ...] = ()
    quad_class: tuple[int, ...] = ()
    facts: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    text: str | None = None  # words in the evidence sentence (case-insensitive substring)

    def where(self, dates: bool = True) -> tuple[str, list]:
        """A WHERE clause over DAYS_SQL's columns (or "") and its parameters."""
        parts: list[str] = []
        params: list = []
        if self.actor:
            parts.append("(src = ? OR tgt = ?)")
            params += [self.actor, self.actor]
        if self.dyad:
            parts.append("src = ? AND tgt = ?")
            params += list(self.dyad)
        if self.pair:
            parts.append("((src = ? AND tgt = ?) OR (src = ? AND tgt = ?))")
            params += [*self.pair, *reversed(self.pair)]
        for column, values in (("type", self.types), ("quad_class", self.quad_class),
                               ("fact", self.facts)):
            if values:
                parts.append(f"list_contains(?, {column})")
                params.append(list(values))
        if self.text:
            parts.append("contains(lower(sentence), ?)")
            params.append(self.text.lower())
        if dates:
            clause, extra = self.date_clause()
            if clause:
                parts.append(clause)
                params += extra
        return (f"WHERE {' AND '.join(parts)}" if parts else ""), params

    def date_clause(self) -> tuple[str, list]:
        """The date part of the filter ("" when there is none)."""
        parts, params = [], []
        if self.since:
            parts.append("day >= ?")
            params.append(self.since)
        if self.until:
            parts.append("day <= ?")
            params.append(self.until)
        return " AND ".join(parts), params


@dataclass
class EventPage:
    """One page of an event list, newest first."""

    events: list[dict]
    total: int  # events matching every filter
    undated: int  # events matching the other filters that have no day (see module doc)
    next_cursor: str | None
    filters: dict = field(default_factory=dict)


def encode_cursor(day: date | None, event_id: str) -> str:
    """The opaque cursor that continues a list after this event."""
    raw = f"{day.isoformat() if day else ''}|{event_id}".encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[date, str]:
    """(sort day, event id) of a cursor; BadCursor when it is not one."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        day, event_id = raw.split("|")
        if len(event_id) != 64 or not all(c in "0123456789abcdef" for c in event_id):
            raise ValueError(event_id)
        return (date.fromisoformat(day) if day else date(1, 1, 1)), event_id
    except (ValueError, binascii.Error, UnicodeDecodeError) as err:
        raise BadCursor(cursor) from err


def event_page(store: Store, query: EventQuery, limit: int = 50,
               cursor: str | None = None) -> EventPage:
    """Events matching ``query``, newest first, ``limit`` at most, after ``cursor``."""
    where, params = query.where()
    paged = where
    if cursor:
        day, event_id = decode_cursor(cursor)
        paged = f"{where} {'AND' if where else 'WHERE'} ({_SORT_KEY}, event_id) < (?, ?)"
        params = [*params, day, event_id]
    rows = store.query(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM ({DAYS_SQL}) {paged} "
        f"ORDER BY {_SORT_KEY} DESC, event_id DESC LIMIT ?", [*params, limit + 1])
    more = len(rows) > limit
    rows = rows[:limit]
    base, base_params = query.where(dates=False)
    dated, date_params = query.date_clause()
    total, undated = store.query(
        f"SELECT count(*) FILTER (WHERE {dated or 'true'}) AS total, "
        f"count(*) FILTER (WHERE day IS NULL) AS undated FROM ({DAYS_SQL}) {base}",
        [*date_params, *base_params])[0].values()
    add_first_sightings(store, rows)
    for row in rows:
        row["day"] = row["day"].isoformat() if row["day"] else None
    last = rows[-1] if rows else None
    following = encode_cursor(date.fromisoformat(last["day"]) if last["day"] else None,
                              last["event_id"]) if more and last else None
    return EventPage(rows, total, undated, following)


def add_first_sightings(store: Store, rows: list[dict]) -> None:
    """Give each event row the doc, part and web address of the page that first carried it."""
    ids = sorted({r["article_id"] for r in rows})
    if not ids:
        return
    first = {r["article_id"]: r for r in store.query(
        "SELECT s.article_id, arg_min(s.doc, (p.ingested_at, s.doc, s.part)) AS doc, "
        "arg_min(s.part, (p.ingested_at, s.doc, s.part)) AS part, "
        "arg_min(p.url, (p.ingested_at, s.doc, s.part)) "
        "FILTER (WHERE regexp_matches(p.url, '^https?://')) AS url, count(*) AS sightings "
        "FROM sightings s JOIN pages p USING (content_hash) "
        "WHERE list_contains(?, s.article_id) GROUP BY s.article_id", [ids])}
    for row in rows:
        seen = first.get(row["article_id"], {})
        row.update(doc=seen.get("doc"), part=seen.get("part"), url=seen.get("url"),
                   sightings=seen.get("sightings", 0))


def export_events(store: Store, query: EventQuery, fmt: str, target: Path) -> int:
    """Write every event matching ``query`` (newest first) to ``target`` as csv, parquet or json.

    Returns the number of events written.
    """
    where, params = query.where()
    select = (f"SELECT {', '.join(EVENT_COLUMNS)} FROM ({DAYS_SQL}) {where} "
              f"ORDER BY {_SORT_KEY} DESC, event_id DESC")
    options = {"csv": "FORMAT csv, HEADER", "parquet": "FORMAT parquet",
               "json": "FORMAT json, ARRAY true"}[fmt]
    quoted = str(target).replace("'", "''")
    store.query(f"COPY ({select}) TO '{quoted}' ({options})", params)
    return store.query(f"SELECT count(*) AS n FROM ({DAYS_SQL}) {where}", params)[0]["n"]


def actor_counts(store: Store, limit: int = 50, partners: int = 3,
                 code: str | None = None) -> list[dict]:
    """Actors by number of events (as source or target), each with its top partners.

    Each dict: code, events, as_source, as_target, cooperation, conflict, goldstein (mean),
    partners (list of {code, events, cooperation, conflict, goldstein}).
    """
    sides = ("SELECT src AS code, tgt AS partner, 1 AS as_source, quad_class, goldstein "
             "FROM events UNION ALL "
             "SELECT tgt, src, 0, quad_class, goldstein FROM events")
    chosen = "WHERE code = ?" if code else ""
    params = [code] if code else []
    actors = store.query(
        f"SELECT code, count(*) AS events, sum(as_source)::INTEGER AS as_source, "
        f"(count(*) - sum(as_source))::INTEGER AS as_target, "
        f"count(*) FILTER (WHERE quad_class <= 2) AS cooperation, "
        f"count(*) FILTER (WHERE quad_class >= 3) AS conflict, "
        f"round(avg(goldstein), 2) AS goldstein FROM ({sides}) {chosen} "
        f"GROUP BY code ORDER BY events DESC, code LIMIT ?", [*params, limit])
    codes = [a["code"] for a in actors]
    ranked = store.query(
        f"SELECT * FROM (SELECT code, partner, count(*) AS events, "
        f"count(*) FILTER (WHERE quad_class <= 2) AS cooperation, "
        f"count(*) FILTER (WHERE quad_class >= 3) AS conflict, "
        f"round(avg(goldstein), 2) AS goldstein, "
        f"row_number() OVER (PARTITION BY code ORDER BY count(*) DESC, partner) AS rank "
        f"FROM ({sides}) WHERE list_contains(?, code) GROUP BY code, partner) "
        f"WHERE rank <= ? ORDER BY code, rank", [codes, partners])
    by_code: dict[str, list[dict]] = {c: [] for c in codes}
    for row in ranked:
        by_code[row.pop("code")].append(
            {"code": row["partner"], **{k: row[k] for k in ("events", "cooperation", "conflict",
                                                             "goldstein")}})
    for actor in actors:
        actor["partners"] = by_code[actor["code"]]
    return actors


def relation_edges(store: Store, query: EventQuery, limit: int = 200) -> list[dict]:
    """Pairs of actors (either direction) by number of events: the edges of a relations map.

    Each dict: a, b (a < b), events, cooperation, conflict, goldstein (mean).
    """
    where, params = query.where()
    return store.query(
        f"SELECT least(src, tgt) AS a, greatest(src, tgt) AS b, count(*) AS events, "
        f"count(*) FILTER (WHERE quad_class <= 2) AS cooperation, "
        f"count(*) FILTER (WHERE quad_class >= 3) AS conflict, "
        f"round(avg(goldstein), 2) AS goldstein "
        f"FROM ({DAYS_SQL}) {where} {'AND' if where else 'WHERE'} src <> tgt "
        f"AND src <> '---' AND tgt <> '---' "
        f"GROUP BY a, b ORDER BY events DESC, a, b LIMIT ?", [*params, limit])


def dyad_series(store: Store, query: EventQuery, interval: str = "day") -> dict:
    """Per period (day, week or month), events per PLOVER type and the mean Goldstein score.

    Returns {"interval", "periods": [{period, events, cooperation, conflict, goldstein,
    types: {type: count}}], "undated": n}.
    """
    if interval not in INTERVALS:
        raise ValueError(f"interval is one of {', '.join(INTERVALS)}")
    where, params = query.where()
    rows = store.query(
        f"SELECT date_trunc('{interval}', day)::DATE AS period, count(*) AS events, "
        f"count(*) FILTER (WHERE quad_class <= 2) AS cooperation, "
        f"count(*) FILTER (WHERE quad_class >= 3) AS conflict, "
        f"round(avg(goldstein), 2) AS goldstein, histogram(type) AS types "
        f"FROM ({DAYS_SQL}) {where} {'AND' if where else 'WHERE'} day IS NOT NULL "
        f"GROUP BY period ORDER BY period", params)
    base, base_params = query.where(dates=False)
    undated = store.query(
        f"SELECT count(*) AS n FROM ({DAYS_SQL}) {base} {'AND' if base else 'WHERE'} "
        f"day IS NULL", base_params)[0]["n"]
    for row in rows:
        row["period"] = row["period"].isoformat()
        row["types"] = dict(sorted(row["types"].items()))
    return {"interval": interval, "periods": rows, "undated": undated}


def documents(store: Store, text: str | None = None, actor: str | None = None,
              limit: int = 50, offset: int = 0) -> tuple[list[dict], int]:
    """Articles, newest first, with their event count: ([{article_id, headline, dateline,
    published, events}], total). ``text`` searches headline and text; ``actor`` an event actor.
    """
    where, params = [], []
    if text:
        where.append("(contains(lower(a.text), ?) OR contains(lower(coalesce(a.headline, '')), ?))")
        params += [text.lower(), text.lower()]
    if actor:
        where.append("a.article_id IN (SELECT article_id FROM events WHERE src = ? OR tgt = ?)")
        params += [actor, actor]
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    total = store.query(f"SELECT count(*) AS n FROM articles a {clause}", params)[0]["n"]
    rows = store.query(
        f"SELECT a.article_id, a.headline, a.dateline, CAST(a.published AS DATE) AS published, "
        f"(SELECT count(*) FROM events e WHERE e.article_id = a.article_id) AS events "
        f"FROM articles a {clause} ORDER BY a.published DESC NULLS LAST, a.first_seen DESC, "
        f"a.article_id LIMIT ? OFFSET ?", [*params, limit, offset])
    for row in rows:
        row["published"] = row["published"].isoformat() if row["published"] else None
    return rows, total
