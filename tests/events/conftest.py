"""Fixtures for the events tests: patterns, actor books and the case files."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

CASES = Path(__file__).resolve().parents[1] / "cases"


def load_cases() -> list[dict]:
    """Every case of tests/cases/*.yaml, with its file name."""
    cases = []
    for path in sorted(CASES.glob("*.yaml")):
        for n, case in enumerate(yaml.safe_load(path.read_text(encoding="utf-8")) or []):
            cases.append({**case, "file": f"{path.name}#{n}"})
    return cases


@pytest.fixture(scope="session")
def patterns():
    """The shipped event patterns."""
    from kroniek.events import load_patterns

    return load_patterns()


@pytest.fixture(scope="session")
def books():
    """The shipped actor dictionaries."""
    from kroniek.actors import load_books

    return load_books()
