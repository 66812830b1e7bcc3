"""`kroniek rules check` for data/events: patterns, cue words and the CAMEO table."""

from __future__ import annotations

from pathlib import Path

from kroniek.errors import RulesError
from kroniek.events.coverage import load_no_trigger
from kroniek.events.patterns import load_patterns
from kroniek.vocabulary import TYPES


def check(folder: Path) -> list[RulesError]:
    """Every problem in the event dictionaries under ``folder``, each naming file:line."""
    try:
        patterns = load_patterns(folder)
    except RulesError as err:
        return [err]
    problems = []
    seen: dict[str, str] = {}
    for kind, cues in patterns.cues.items():
        for cue in cues:
            if cue.id in seen:
                problems.append(
                    RulesError(
                        f"{folder}/cues.yaml", f"cue id {cue.id} used for {seen[cue.id]} and {kind}"
                    )
                )
            seen[cue.id] = kind
    try:
        load_no_trigger(folder / "no_trigger.yaml", set(patterns.cameo))
    except RulesError as err:
        problems.append(err)
    covered = {pattern.type for pattern in patterns.patterns}
    for missing in sorted(set(TYPES) - covered):
        problems.append(RulesError(f"{folder}/patterns", f"no pattern codes PLOVER type {missing}"))
    return problems
