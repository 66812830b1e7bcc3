"""Run the coder over the own test sentences of tests/cases/*.yaml with real Frog and actors."""

from __future__ import annotations

import pytest
from tests.events.conftest import load_cases

CASES = load_cases()


def expected(case: dict) -> set[tuple[str, str, str, str]]:
    """The (src, tgt, type, fact) set a case expects."""
    return {tuple(line.split()) for line in case.get("events") or []}


def code(sentence: str, frog_tagger, frog_parser, books, patterns):
    """Analyse one sentence like the pipeline does and code its events."""
    from kroniek.actors import find_mentions
    from kroniek.events import code_events, needs_parse
    from kroniek.nlp import analyse, parse

    sentences = analyse(frog_tagger, "text", sentence)
    mentions = find_mentions(sentences, books, None)
    sentences = tuple(parse(frog_parser, s) if needs_parse(s, mentions, patterns) else s for s in sentences)
    mentions = find_mentions(sentences, books, None)
    return code_events(sentences, mentions, patterns)


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
def test_case(case, frog_tagger, frog_parser, books, patterns):
    """The coded (src, tgt, type, fact) set equals the expected one."""
    events = code(case["sentence"], frog_tagger, frog_parser, books, patterns)
    got = {(e.src, e.tgt, e.type, e.fact) for e in events}
    if case.get("known_failure"):
        if got == expected(case):
            pytest.fail(f"{case['file']} passes now: remove its known_failure")
        pytest.xfail(case["known_failure"])
    assert got == expected(case), f"{case['sentence']!r}: {case['why']}"
