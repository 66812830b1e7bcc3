"""Checks of data/words for `kroniek rules check` (see kroniek.rules)."""

from __future__ import annotations

from pathlib import Path

from kroniek.errors import RulesError
from kroniek.words.sets import read_file


def check(folder: Path) -> list[RulesError]:
    """Every problem in the word-set files: bad names, unknown keys, empty sets, names used twice."""
    problems: list[RulesError] = []
    seen: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        found, bad = read_file(path)
        problems += bad
        for ws in found:
            if ws.name in seen:
                problems.append(
                    RulesError(
                        ws.source, f"set {ws.name} is defined twice (first at {seen[ws.name]})"
                    )
                )
            seen.setdefault(ws.name, ws.source)
    return problems
