"""Story linking on its own: dyads, families, the time window, merges."""

from __future__ import annotations

from datetime import date, timedelta

from kroniek.stories.link import Story, family, link, placed

D0 = date(2025, 3, 1)


def at(eid: str, days: int, src="RUS", tgt="UKR", type_="AGREE"):
    """A placed event ``days`` after D0."""
    return placed(eid, src, "GOV", tgt, "GOV", type_, D0 + timedelta(days=days))


def test_families_follow_the_plover_split():
    assert {family(t) for t in ("AGREE", "CONSULT", "AID", "RETREAT")} == {"cooperation"}
    assert {family(t) for t in ("REQUEST", "ACCUSE", "SANCTION", "ASSAULT")} == {"conflict"}


def test_chain_within_window_is_one_story_in_either_direction():
    result = link([at("a", 0), at("b", 40, src="UKR", tgt="RUS", type_="CONSULT"), at("c", 95)], [])
    assert len(set(result.assigned.values())) == 1  # 0 -> 40 -> 95: each step under 60 days
    (story,) = result.stories.values()
    assert (story.a, story.b, story.family) == ("RUS", "UKR", "cooperation")
    assert (story.first_day, story.last_day) == (D0, D0 + timedelta(days=95))


def test_gap_family_and_dyad_split_stories():
    result = link(
        [at("a", 0), at("b", 100), at("c", 1, type_="ASSAULT"), at("d", 2, tgt="BLR")], []
    )
    assert len(set(result.assigned.values())) == 4


def test_new_events_join_existing_stories_and_bridge_them():
    old = [
        Story(1, "RUS", "UKR", "cooperation", D0, D0 + timedelta(days=5)),
        Story(2, "RUS", "UKR", "cooperation", D0 + timedelta(days=100), D0 + timedelta(days=110)),
    ]
    joined = link([at("x", 20)], old, next_id=3)
    assert joined.assigned == {"x": 1} and not joined.merged
    bridged = link([at("y", 55)], old, next_id=3)  # within 60 days of both
    assert bridged.assigned == {"y": 1} and bridged.merged == {2: 1}
    assert bridged.stories[1].last_day == D0 + timedelta(days=110)
    fresh = link([at("z", 300)], old, next_id=3)
    assert fresh.assigned == {"z": 3}
