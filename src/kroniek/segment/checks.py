"""`kroniek rules check` for data/segment: the layout word lists (see kroniek.rules)."""

from __future__ import annotations

from pathlib import Path

from kroniek.errors import RulesError
from kroniek.layout import load_layout


def check(folder: Path) -> list[RulesError]:
    """The problem that stops layout.yaml under ``folder`` from loading, if any."""
    try:
        load_layout(folder)
    except RulesError as err:
        return [err]
    return []
