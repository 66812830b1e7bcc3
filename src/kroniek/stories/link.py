"""Linking events across documents into stories.

A story is a chain of events between the same two actors (unordered), of the same type
family (cooperation: AGREE ... RETREAT; conflict: REQUEST ... ASSAULT), where each event
falls within ``window`` days of the story so far: an expected treaty, its signing and its
ratification; an accusation, a threat and sanctions. Linking is incremental: new events
join the stories they fall into (bridging two stories merges them), or start a new one,
so story ids stay stable as documents arrive.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from kroniek.vocabulary import CONFLICT, COOPERATION

WINDOW_DAYS = 60


def family(plover_type: str) -> str:
    """'cooperation' or 'conflict' for a PLOVER type (unknown types are their own family)."""
    upper = plover_type.upper()
    if upper in COOPERATION:
        return "cooperation"
    if upper in CONFLICT:
        return "conflict"
    return upper.lower()


def side(code: str, sector: str | None) -> str:
    """The actor a story is about: its code, or for unnamed actors ("---") code and sector."""
    return f"---{sector or ''}" if code == "---" else code


@dataclass(frozen=True)
class Placed:
    """An event to place: its id, story key parts and the day it is filed under."""

    event_id: str
    a: str
    b: str
    family: str
    day: date


def placed(
    event_id: str,
    src: str,
    src_sector: str | None,
    tgt: str,
    tgt_sector: str | None,
    plover_type: str,
    day: date,
) -> Placed:
    """A Placed event with its dyad unordered."""
    one, two = sorted((side(src, src_sector), side(tgt, tgt_sector)))
    return Placed(event_id, one, two, family(plover_type), day)


@dataclass(frozen=True)
class Story:
    """A story's key and its time span."""

    story_id: int
    a: str
    b: str
    family: str
    first_day: date
    last_day: date


@dataclass(frozen=True)
class Linking:
    """What ``link`` decided: story per new event, merged stories, and the stories now."""

    assigned: dict[str, int]  # event id -> story id
    merged: dict[int, int]  # story id that disappeared -> the story it joined
    stories: dict[int, Story]  # every story touched or created, as it is now


def link(
    new: list[Placed], stories: list[Story], window: int = WINDOW_DAYS, next_id: int = 1
) -> Linking:
    """Place new events into existing ``stories`` (or new ones from ``next_id`` on)."""
    gap = timedelta(days=window)
    by_key: dict[tuple, dict[int, Story]] = {}
    for s in stories:
        by_key.setdefault((s.a, s.b, s.family), {})[s.story_id] = s
    assigned: dict[str, int] = {}
    merged: dict[int, int] = {}
    touched: dict[int, Story] = {}
    for ev in sorted(new, key=lambda p: (p.day, p.event_id)):
        group = by_key.setdefault((ev.a, ev.b, ev.family), {})
        near = sorted(
            sid for sid, s in group.items() if s.first_day - gap <= ev.day <= s.last_day + gap
        )
        if not near:
            sid = next_id
            next_id += 1
            group[sid] = Story(sid, ev.a, ev.b, ev.family, ev.day, ev.day)
        else:
            sid = near[0]
            for other in near[1:]:  # the event bridges stories: they become one
                gone = group.pop(other)
                merged[other] = sid
                touched.pop(other, None)
                group[sid] = replace(
                    group[sid],
                    first_day=min(group[sid].first_day, gone.first_day),
                    last_day=max(group[sid].last_day, gone.last_day),
                )
                assigned.update({e: sid for e, s in assigned.items() if s == other})
            s = group[sid]
            group[sid] = replace(
                s, first_day=min(s.first_day, ev.day), last_day=max(s.last_day, ev.day)
            )
        assigned[ev.event_id] = sid
        touched[sid] = group[sid]
    for old, into in list(merged.items()):  # follow chains of merges to their end
        while into in merged:
            into = merged[into]
        merged[old] = into
    return Linking(assigned, merged, touched)


def link_new_events(store, window: int = WINDOW_DAYS) -> dict[str, int]:
    """Put every stored event not yet in a story into one (incremental; run after an ingest).

    ``store`` (a kroniek.store.Store) reads the unlinked events and existing stories and
    keeps the outcome. Returns {"events": placed, "stories": created, "merged": stories
    merged away}.
    """
    new = [
        placed(r[0], r[1], r[2], r[3], r[4], r[5], r[6])
        for r in store.unlinked_events()
        if r[6] is not None
    ]
    if not new:
        return {"events": 0, "stories": 0, "merged": 0}
    keys = sorted({(p.a, p.b, p.family) for p in new})
    existing = [Story(*row) for row in store.stories_with_keys(keys)]
    start = store.next_story_id()
    result = link(new, existing, window, start)
    store.save_story_links(
        result.assigned,
        result.merged,
        list(result.stories.values()),
        {p.event_id: p.day for p in new},
    )
    created = sum(1 for sid in result.stories if sid >= start)
    return {"events": len(result.assigned), "stories": created, "merged": len(result.merged)}
