"""`kroniek rules check` for data/time: calendar words, expressions, numbers, dated facts."""

from __future__ import annotations

from pathlib import Path

from kroniek.errors import RulesError
from kroniek.time.rules import load_time_rules


def check(folder: Path) -> list[RulesError]:
    """The problem that stops the time dictionaries under ``folder`` from loading, if any."""
    try:
        load_time_rules(folder)
    except RulesError as err:
        return [err]
    return []
