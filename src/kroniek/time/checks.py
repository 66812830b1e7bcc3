"""`kroniek rules check` for data/time: calendar words, expressions, numbers, dated facts."""

from __future__ import annotations

from pathlib import Path

from kroniek.errors import RulesError
from kroniek.time.rules import load_time_rules
from kroniek.words import word_sets


def check(folder: Path) -> list[RulesError]:
    """The problem that stops the time dictionaries under ``folder`` from loading, if any, and
    printed day words (data/words) that are no relative day here, so have no offset."""
    try:
        rules = load_time_rules(folder)
    except RulesError as err:
        return [err]
    try:
        printed = word_sets().get("printed_days")
    except RulesError:  # data/words reports its own problems
        printed = None
    missing = sorted(printed.words - set(rules.relative_days)) if printed else []
    if printed and missing:
        return [
            RulesError(
                printed.source,
                f"printed day words with no relative day in {folder}/expressions.yaml: "
                + ", ".join(missing),
            )
        ]
    return []
