"""Run the coder over the own test sentences of tests/cases/*.yaml with real Frog and actors."""

from __future__ import annotations

import re

import pytest
from tests.events.conftest import load_cases

CASES = load_cases()
EXERCISING = [c for c in CASES if c.get("exercises") and not c.get("known_failure")]
EVENT_RULE = re.compile(r"  EVENT .* rule=(\S+)")
# Exercises the coder does not show today, by sentence and id (reported to the owners of the
# patterns and cases). Strict: while a case still lists the id, it must stay unshown.
NO_EVENT = "the case expects no event, so no fact cue can show"
UNSHOWN: dict[tuple[str, str], str] = {
    (
        "Nederland schort de hulp aan Israël op.",
        "sanction.break_ties",
    ): "break_ties is not tried on 'schort op'",
    ("China is van plan Taiwan te blokkeren.", "fact.future.van_plan"): NO_EVENT,
    ("Rusland verwacht dat Iran het verdrag tekent.", "fact.future.verwachten"): NO_EVENT,
    (
        "Volgens Oekraïne vallen Noord-Koreaanse soldaten Koersk aan, al is dat nog niet bevestigd.",
        "fact.alleged.niet_bevestigd",
    ): NO_EVENT,
}


def expected(case: dict) -> set[tuple[str, str, str, str]]:
    """The (src, tgt, type, fact) set a case expects."""
    return {tuple(line.split()) for line in case.get("events") or []}


def code(sentence: str, resources, on_date=None):
    """Code one sentence with the pipeline's chain (``on_date``: the day the text speaks from,
    a case's optional ``date``)."""
    from kroniek.pipeline import analyse_text

    return analyse_text(sentence, resources, on_date=on_date).events


def explained(sentence: str, resources, on_date=None) -> tuple[set[str], list[str]]:
    """The rules that fired on one sentence and the coder's trace, as `kroniek explain` shows them."""
    from kroniek.pipeline import explain

    lines = explain(sentence, resources, on_date)
    fired = {m.group(1) for m in map(EVENT_RULE.match, lines) if m}
    trace, inside = [], False
    for line in lines:
        inside = line.startswith("  rules tried:") or (inside and line.startswith("    "))
        if inside and line.startswith("    "):
            trace.append(line.strip())
    return fired, trace


def unshown(case: dict, fired: set[str], trace: list[str], patterns) -> dict[str, str]:
    """The ids a case exercises that its coding does not show, each with what is missing.

    A pattern whose type the case expects must fire (an event with that rule); a pattern whose
    type it does not expect is a counter-example and must be tried and refused; a cue id
    (fact.*, attrib.*, background.*, ...) must stand in the trace."""
    types = {p.id: p.type for p in patterns.patterns}
    wanted = {e[2] for e in expected(case)}
    tried = {line.split(" @ ", 1)[0] for line in trace}
    missing = {}
    for ident in case["exercises"]:
        if types.get(ident) in wanted and ident not in fired:
            missing[ident] = f"does not fire (fired: {sorted(fired)})"
        elif (
            ident in types and types[ident] not in wanted and (ident not in tried or ident in fired)
        ):
            missing[ident] = "fires" if ident in fired else "is not tried"
        elif ident not in types and not any(
            re.search(rf"(?<![\w.]){re.escape(ident)}(?![\w.])", t) for t in trace
        ):
            missing[ident] = "is not in the trace"
    return missing


def test_enough_cases():
    """At least 150 own sentences, each with a reason."""
    assert len(CASES) >= 150
    assert all(case.get("why") for case in CASES)


def test_every_pattern_is_exercised(patterns):
    """Every pattern entry is named by at least one case."""
    named = {i for case in CASES for i in case.get("exercises") or []}
    missing = [p.id for p in patterns.patterns if p.id not in named]
    assert not missing, f"patterns without a test sentence: {missing}"
    unknown = named - set(patterns.ids())
    assert not unknown, f"cases name unknown ids: {sorted(unknown)}"


@pytest.mark.parametrize("case", CASES, ids=[c["file"] for c in CASES])
def test_case(case, resources):
    """The coded (src, tgt, type, fact) set equals the expected one."""
    events = code(case["sentence"], resources, case.get("date"))
    got = {(e.src, e.tgt, e.type, e.fact) for e in events}
    if case.get("known_failure"):
        if got == expected(case):
            pytest.fail(f"{case['file']} passes now: remove its known_failure")
        pytest.xfail(case["known_failure"])
    assert got == expected(case), f"{case['sentence']!r}: {case['why']}"


@pytest.mark.parametrize("case", EXERCISING, ids=[c["file"] for c in EXERCISING])
def test_case_exercises(case, resources, patterns):
    """What a case says it exercises shows in its coding: patterns fire (or, as counter-examples,
    are tried and refused) and cue ids stand in the coder's trace."""
    fired, trace = explained(case["sentence"], resources, case.get("date"))
    missing = unshown(case, fired, trace, patterns)
    known = {i for s, i in UNSHOWN if s == case["sentence"] and i in case["exercises"]}
    assert not known - set(missing), (
        f"{sorted(known - set(missing))} show now: remove them from UNSHOWN"
    )
    news = {ident: why for ident, why in missing.items() if ident not in known}
    assert not news, f"{case['sentence']!r} exercises {news}; trace:\n" + "\n".join(trace)
    if missing:
        pytest.xfail("; ".join(UNSHOWN[case["sentence"], ident] for ident in missing))
