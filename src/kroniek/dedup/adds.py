"""What a new article or an edited version adds to the item it is filed under.

A new article adds its events (each event id once) and its figures (each (value, unit,
approximation) once). A version (the same brief lightly edited) is a sighting of the item it
repeats; of its own analysis only what the item does not already hold is added: events with
a new (src, tgt, type, CAMEO, fact, trigger), numbered after the item's, and figures with a
new (value, unit, approximation), so a revised estimate stays visible without counting an
event twice. Its figures point at the item's events, stored or added.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from kroniek.records import AnalysedArticle, Claim, Event


def event_id(article: str, event: Event) -> str:
    """An event's id in the store: SHA-256 of the id of the text it was coded from (an
    article's, or a version's), rule, field, span, sides (with sectors) and type."""
    parts = (
        article,
        event.rule,
        event.field,
        str(event.span[0]),
        str(event.span[1]),
        event.src,
        event.src_sector or "",
        event.tgt,
        event.tgt_sector or "",
        event.type,
    )
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def event_key(src: str, tgt: str, type_: str, cameo: str, fact: str, trigger: str) -> tuple:
    """What makes two events of two versions of one item the same event."""
    return (src, tgt, type_, cameo, fact, " ".join(trigger.lower().split()))


def key_of(event: Event) -> tuple:
    """``event_key`` of a coded Event."""
    return event_key(event.src, event.tgt, event.type, event.cameo, event.fact, event.trigger)


def claim_key(value: float, unit: str, approx: str | None) -> tuple:
    """What makes two figures of two versions of one item the same figure."""
    return (round(float(value), 6), unit.lower(), (approx or "").lower())


def figure_key(claim: Claim) -> tuple:
    """``claim_key`` of a Claim."""
    return claim_key(claim.value, claim.unit, claim.approx)


@dataclass
class Held:
    """What an item holds (stored, or planned earlier in the batch), as far as its versions
    go: event key -> event id, figure keys, and the idx its next added event gets."""

    events: dict[tuple, str]
    figures: set[tuple]
    next_idx: int

    @classmethod
    def from_rows(cls, events: list[tuple], figures: list[tuple]) -> Held:
        """From an item's stored (src, tgt, type, cameo, fact, trigger, event id, idx) events
        in idx order and (value, unit, approx) figures."""
        return cls(
            {event_key(*row[:6]): row[6] for row in events},
            {claim_key(*row) for row in figures},
            max((row[7] for row in events), default=-1) + 1,
        )


@dataclass(frozen=True)
class Adds:
    """What storing an analysis adds (the fields of the same name in ArticlePlan)."""

    event_ids: tuple[str, ...]
    new_events: tuple[tuple[int, int], ...]
    new_figures: tuple[int, ...]


def new_article(aid: str, analysed: AnalysedArticle) -> tuple[Adds, Held]:
    """What a new article adds, and what its item then holds."""
    ids = tuple(event_id(aid, e) for e in analysed.events)
    first: dict[str, int] = {}  # event id -> position of its first event
    for i, eid in enumerate(ids):
        first.setdefault(eid, i)
    figures: dict[tuple, int] = {}  # figure key -> position of its first figure
    for i, claim in enumerate(analysed.claims):
        figures.setdefault(figure_key(claim), i)
    adds = Adds(ids, tuple((i, i) for i in first.values()), tuple(figures.values()))
    held = Held(
        {key_of(e): eid for eid, e in zip(ids, analysed.events, strict=True)},
        set(figures),
        len(ids),
    )
    return adds, held


def version(vid: str, analysed: AnalysedArticle, held: Held) -> Adds:
    """What version ``vid`` adds to an item that holds ``held`` (updated with what it adds)."""
    ids: list[str] = []
    added: list[tuple[int, int]] = []
    for i, e in enumerate(analysed.events):
        key = key_of(e)
        if key not in held.events:
            held.events[key] = event_id(vid, e)
            added.append((i, held.next_idx))
            held.next_idx += 1
        ids.append(held.events[key])
    figures = []
    for i, claim in enumerate(analysed.claims):
        key = figure_key(claim)
        if key not in held.figures:
            held.figures.add(key)
            figures.append(i)
    return Adds(tuple(ids), tuple(added), tuple(figures))
