"""The rows a version of a stored news item adds, and rows for reported figures.

A version (the same brief lightly edited; kroniek.dedup finds it) is a sighting of the item
it repeats; of its own analysis only what the item does not already hold is kept: events
with a new (src, tgt, type, CAMEO, fact, trigger), and figures with a new (value, unit,
approximation), so a revised estimate stays visible without counting an event twice.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from duckdb import DuckDBPyConnection

from kroniek.records import AnalysedArticle, Claim, Event


def event_key(src: str, tgt: str, type_: str, cameo: str, fact: str, trigger: str) -> tuple:
    """What makes two events of two versions of one item the same event."""
    return (src, tgt, type_, cameo, fact, " ".join(trigger.lower().split()))


def key_of(event: Event) -> tuple:
    """``event_key`` of a coded Event."""
    return event_key(event.src, event.tgt, event.type, event.cameo, event.fact, event.trigger)


def claim_key(value: float, unit: str, approx: str | None) -> tuple:
    """What makes two figures of two versions of one item the same figure."""
    return (round(float(value), 6), unit.lower(), (approx or "").lower())


def quantity_row(
    aid: str,
    version_id: str,
    idx: int,
    claim: Claim,
    analysed: AnalysedArticle,
    event_ids: list[str],
    published: datetime | None,
) -> tuple:
    """One ``quantities`` row (columns in table order)."""
    sentence = next((s.text for s in analysed.sentences if s.index == claim.sentence), "")
    return (
        aid,
        version_id,
        idx,
        event_ids,
        claim.value,
        claim.low,
        claim.high,
        claim.unit,
        claim.approx,
        claim.text,
        claim.field,
        claim.span[0],
        claim.span[1],
        claim.sentence,
        sentence,
        claim.reported_by,
        list(claim.actors),
        claim.rule,
        published,
    )


def quantity_rows(
    aid: str,
    version_id: str,
    analysed: AnalysedArticle,
    event_ids: Mapping[str, str],
    published: datetime | None,
    known: set[tuple] | None = None,
) -> list[tuple]:
    """Rows for an article's figures; with ``known`` only figures not in it (then added to it).

    ``event_ids`` maps the Event.key of each of ``analysed.events`` to its stored id.
    """
    rows = []
    for idx, claim in enumerate(analysed.claims):
        if known is not None:
            key = claim_key(claim.value, claim.unit, claim.approx)
            if key in known:
                continue
            known.add(key)
        ids = list(dict.fromkeys(event_ids[key] for key in claim.events if key in event_ids))
        rows.append(quantity_row(aid, version_id, idx, claim, analysed, ids, published))
    return rows


def stored_keys(con: DuckDBPyConnection, aid: str) -> tuple[dict, set, int]:
    """Event keys (-> event id), figure keys and the next free event idx of a stored article."""
    events = con.execute(
        "SELECT src, tgt, type, cameo, fact, trigger, event_id, idx FROM events "
        "WHERE article_id = ?",
        [aid],
    ).fetchall()
    figures = con.execute(
        "SELECT value, unit, approx FROM quantities WHERE article_id = ?", [aid]
    ).fetchall()
    return (
        {event_key(*r[:6]): r[6] for r in events},
        {claim_key(*f) for f in figures},
        max((r[7] for r in events), default=-1) + 1,
    )
