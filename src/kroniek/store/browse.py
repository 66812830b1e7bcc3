"""Read queries behind the HTTP API: filtered, paged event lists, actors, dyad series, documents.

Filters and ordering run on ``event_days`` (one narrow row per event with the day it is filed
under, see store/days.py); only the events of the page asked for are joined with their
evidence and article. An *undated* event (no day at all) is listed last when no date filter is
set, left out by a date filter and counted apart (``undated``), so nothing disappears unseen.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from kroniek.store.store import Store

# the columns of an event in API answers and downloads, in order
EVENT_COLUMNS = (
    "event_id",
    "day",
    "src",
    "src_sector",
    "src_text",
    "tgt",
    "tgt_sector",
    "tgt_text",
    "type",
    "mode",
    "cameo",
    "goldstein",
    "quad_class",
    "fact",
    "attributed_to",
    "sentence",
    "field",
    "span_start",
    "span_end",
    "trigger",
    "trigger_start",
    "trigger_end",
    "rule",
    "event_date",
    "article_id",
    "headline",
    "dateline",
    "doc",
    "part",
    "url",
)
_OWN = {
    "event_id": "d",
    "day": "d",
    "headline": "a",
    "dateline": "a",
    "doc": "d",
    "part": "d",
    "url": "d",
}
_KEY_COLUMNS = "d.event_id, d.day, d.doc, d.part, d.url"  # what events_by_id needs of event_days
SELECT_COLUMNS = ", ".join(f"{_OWN.get(c, 'e')}.{c}" for c in EVENT_COLUMNS)

# newest first; undated events last (DuckDB stops early on this order, no sort of all rows)
_ORDER = "ORDER BY d.day DESC NULLS LAST, d.event_id DESC"
INTERVALS = ("day", "week", "month")

# events per ordered pair of actors (the small table actors and map edges are read from)
_PAIRS_SQL = """
SELECT d.src, d.tgt, count(*) AS events,
       count(*) FILTER (WHERE d.quad_class <= 2) AS cooperation,
       count(*) FILTER (WHERE d.quad_class >= 3) AS conflict, sum(d.goldstein) AS goldstein_sum
FROM event_days d {where} GROUP BY d.src, d.tgt
"""


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
        """A WHERE clause over ``event_days d`` (or "") and its parameters."""
        parts: list[str] = []
        params: list = []
        if self.actor:
            parts.append("(d.src = ? OR d.tgt = ?)")
            params += [self.actor, self.actor]
        if self.dyad:
            parts.append("d.src = ? AND d.tgt = ?")
            params += list(self.dyad)
        if self.pair:  # either direction, as plain IN filters the scan can apply
            parts.append("d.src IN (?, ?) AND d.tgt IN (?, ?) AND (d.src <> d.tgt OR ? = ?)")
            params += [*self.pair, *self.pair, *self.pair]
        for column, values in (
            ("type", self.types),
            ("quad_class", self.quad_class),
            ("fact", self.facts),
        ):
            if values:
                parts.append(f"list_contains(?, d.{column})")
                params.append(list(values))
        if self.text:
            parts.append(
                "d.event_id IN (SELECT event_id FROM events WHERE sentence ILIKE ? ESCAPE '\\')"
            )
            params.append("%" + re.sub(r"([%_\\])", r"\\\1", self.text) + "%")
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
            parts.append("d.day >= ?")
            params.append(self.since)
        if self.until:
            parts.append("d.day <= ?")
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


def decode_cursor(cursor: str) -> tuple[date | None, str]:
    """(day or None, event id) of a cursor; BadCursor when it is not one."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        day, event_id = raw.split("|")
        if len(event_id) != 64 or not all(c in "0123456789abcdef" for c in event_id):
            raise ValueError(event_id)
        return (date.fromisoformat(day) if day else None), event_id
    except (ValueError, binascii.Error, UnicodeDecodeError) as err:
        raise BadCursor(cursor) from err


def event_page(
    store: Store, query: EventQuery, limit: int = 50, cursor: str | None = None
) -> EventPage:
    """Events matching ``query``, newest first, ``limit`` at most, after ``cursor``.

    Dated events come first, then undated ones; each part is read with a plain range
    condition, so DuckDB can skip what lies before the cursor.
    """
    where, params = query.where()
    day, event_id = decode_cursor(cursor) if cursor else (None, None)
    keys: list[tuple] = []
    if not cursor or day is not None:
        after = "d.day <= ? AND (d.day < ? OR d.event_id < ?)" if cursor else "d.day IS NOT NULL"
        keys = _keys(store, where, params, after, [day, day, event_id] if cursor else [], limit + 1)
    if len(keys) <= limit:
        after = "d.day IS NULL" + (" AND d.event_id < ?" if cursor and day is None else "")
        keys += _keys(
            store,
            where,
            params,
            after,
            [event_id] if cursor and day is None else [],
            limit + 1 - len(keys),
        )
    more = len(keys) > limit
    rows = events_by_id(store, keys[:limit])
    base, base_params = query.where(dates=False)
    dated, date_params = query.date_clause()
    total, undated = store.rows(
        f"SELECT count(*) FILTER (WHERE {dated or 'true'}), "
        f"count(*) FILTER (WHERE d.day IS NULL) FROM event_days d {base}",
        [*date_params, *base_params],
    )[0]
    following = encode_cursor(keys[limit - 1][1], keys[limit - 1][0]) if more else None
    return EventPage(rows, total, undated, following)


def _keys(
    store: Store, where: str, params: list, after: str, after_params: list, limit: int
) -> list[tuple]:
    """``_KEY_COLUMNS`` of up to ``limit`` events matching ``where`` and ``after``, in order."""
    clause = f"{where} AND {after}" if where else f"WHERE {after}"
    return store.rows(
        f"SELECT {_KEY_COLUMNS} FROM event_days d {clause} {_ORDER} LIMIT ?",
        [*params, *after_params, limit],
    )


def events_by_id(store: Store, keys: list[tuple]) -> list[dict]:
    """The events of these ``_KEY_COLUMNS`` rows, in this order, with evidence and article.

    Events and articles are read through their primary keys.
    """
    if not keys:
        return []
    events = {
        r["event_id"]: r
        for r in store.query(
            f"SELECT {', '.join(c for c in EVENT_COLUMNS if c not in _OWN)}, event_id "
            "FROM events WHERE list_contains(?, event_id)",
            [[k[0] for k in keys]],
        )
    }
    articles = {
        r["article_id"]: r
        for r in store.query(
            "SELECT article_id, headline, dateline FROM articles WHERE list_contains(?, article_id)",
            [sorted({e["article_id"] for e in events.values()})],
        )
    }
    rows = []
    for event_id, day, doc, part, url in keys:
        if event_id in events:
            row = {
                **events[event_id],
                **articles[events[event_id]["article_id"]],
                "day": day.isoformat() if day else None,
                "doc": doc,
                "part": part,
                "url": url,
            }
            rows.append({name: row[name] for name in EVENT_COLUMNS})
    return rows


def event_by_id(store: Store, event_id: str) -> dict | None:
    """One event as ``events_by_id`` gives it, with the number of pages that carried it."""
    keys = store.rows(f"SELECT {_KEY_COLUMNS} FROM event_days d WHERE event_id = ?", [event_id])
    found = events_by_id(store, keys)
    if not found:
        return None
    found[0]["sightings"] = store.rows(
        "SELECT count(*) FROM sightings WHERE article_id = ?", [found[0]["article_id"]]
    )[0][0]
    return found[0]


def export_events(store: Store, query: EventQuery, fmt: str, target: Path) -> int:
    """Write every event matching ``query`` (newest first) to ``target`` as csv, parquet or json.

    Returns the number of events written.
    """
    where, params = query.where()
    select = (
        f"SELECT {SELECT_COLUMNS} FROM event_days d JOIN events e USING (event_id) "
        f"JOIN articles a ON a.article_id = e.article_id {where} {_ORDER}"
    )
    options = {
        "csv": "FORMAT csv, HEADER",
        "parquet": "FORMAT parquet",
        "json": "FORMAT json, ARRAY true",
    }[fmt]
    quoted = str(target).replace("'", "''")
    store.query(f"COPY ({select}) TO '{quoted}' ({options})", params)
    return store.query(f"SELECT count(*) AS n FROM event_days d {where}", params)[0]["n"]


def actor_counts(
    store: Store, limit: int = 50, partners: int = 3, code: str | None = None
) -> list[dict]:
    """Actors by number of events (as source or target), each with its top partners.

    Each dict: code, events, as_source, as_target, cooperation, conflict, goldstein (mean),
    partners (list of {code, events, cooperation, conflict, goldstein}).
    """
    totals: dict[str, dict] = {}
    partnered: dict[str, dict[str, dict]] = {}
    only = ("WHERE d.src = ? OR d.tgt = ?", [code, code]) if code else ("", [])
    for src, tgt, events, cooperation, conflict, goldstein_sum in store.rows(
        _PAIRS_SQL.format(where=only[0]), only[1]
    ):
        for actor, partner, as_source in ((src, tgt, events), (tgt, src, 0)):
            for counts in (
                totals.setdefault(actor, _counts(code=actor, as_source=0)),
                partnered.setdefault(actor, {}).setdefault(partner, _counts(code=partner)),
            ):
                counts["events"] += events
                counts["cooperation"] += cooperation
                counts["conflict"] += conflict
                counts["goldstein"] += goldstein_sum
            totals[actor]["as_source"] += as_source
    chosen = [totals[code]] if code in totals else [] if code else list(totals.values())
    chosen = sorted(chosen, key=lambda a: (-a["events"], a["code"]))[:limit]
    for actor in chosen:
        actor["as_target"] = actor["events"] - actor["as_source"]
        ranked = sorted(partnered[actor["code"]].values(), key=lambda p: (-p["events"], p["code"]))
        actor["partners"] = [_mean(p) for p in ranked[:partners]]
        _mean(actor)
    return chosen


def _counts(**given) -> dict:
    return {**given, "events": 0, "cooperation": 0, "conflict": 0, "goldstein": 0.0}


def _mean(counts: dict) -> dict:
    """Turn the summed Goldstein scores of ``counts`` into their mean (in place)."""
    counts["goldstein"] = round(counts["goldstein"] / counts["events"], 2)
    return counts


def relation_edges(store: Store, query: EventQuery, limit: int = 200) -> list[dict]:
    """Pairs of actors (either direction) by number of events: the edges of a relations map.

    Each dict: a, b (a < b), events, cooperation, conflict, goldstein (mean).
    """
    where, params = query.where()
    return store.query(
        f"SELECT least(src, tgt) AS a, greatest(src, tgt) AS b, sum(events)::BIGINT AS events, "
        f"sum(cooperation)::BIGINT AS cooperation, sum(conflict)::BIGINT AS conflict, "
        f"round(sum(goldstein_sum) / sum(events), 2) AS goldstein "
        f"FROM ({_PAIRS_SQL.format(where=where)}) WHERE src <> tgt AND src <> '---' "
        f"AND tgt <> '---' GROUP BY a, b ORDER BY events DESC, a, b LIMIT ?",
        [*params, limit],
    )


def dyad_series(store: Store, query: EventQuery, interval: str = "day") -> dict:
    """Per period (day, week or month), events per PLOVER type and the mean Goldstein score.

    Returns {"interval", "periods": [{period, events, cooperation, conflict, goldstein,
    types: {type: count}}], "undated": n}.
    """
    if interval not in INTERVALS:
        raise ValueError(f"interval is one of {', '.join(INTERVALS)}")
    where, params = query.where()
    where = f"{where} {'AND' if where else 'WHERE'} d.day IS NOT NULL"
    rows = [
        {
            "period": period.isoformat(),
            "events": events,
            "cooperation": cooperation,
            "conflict": events - cooperation,
            "goldstein": round(goldstein_sum / events, 2),
            "types": dict(sorted(json.loads(types).items())),
        }
        for period, events, cooperation, goldstein_sum, types in store.rows(
            f"SELECT period, sum(n)::BIGINT, sum(c)::BIGINT, sum(g), json_group_object(type, n) "
            f"FROM (SELECT date_trunc('{interval}', d.day)::DATE AS period, d.type, count(*) AS n, "
            f"count(*) FILTER (WHERE d.quad_class <= 2) AS c, sum(d.goldstein) AS g "
            f"FROM event_days d {where} GROUP BY period, d.type) GROUP BY period ORDER BY period",
            params,
        )
    ]
    base, base_params = query.where(dates=False)
    undated = store.query(
        f"SELECT count(*) AS n FROM event_days d {base} {'AND' if base else 'WHERE'} d.day IS NULL",
        base_params,
    )[0]["n"]
    return {"interval": interval, "periods": rows, "undated": undated}


def documents(
    store: Store,
    text: str | None = None,
    actor: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[dict], int]:
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
        f"a.article_id LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    for row in rows:
        row["published"] = row["published"].isoformat() if row["published"] else None
    return rows, total
