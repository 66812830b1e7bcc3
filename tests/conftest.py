"""Shared fixtures: the ../shared folder, and one real Frog pool of each mode per test session.

The Frog fixtures pass through tests/frog_gate.py: when Frog cannot start, the session stops
at the first one with a single message.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.frog_gate import require_frog, require_mode

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared folder (specs, seeds, gold), or skip when it is not beside the repo."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"{SHARED} is absent: the seed pages and gold are read from ../shared at run time")
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    """The five real seed pages (development set)."""
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    """The gold annotations of the seed pages."""
    return shared_dir / "gold" / "seeds"


def _pool(mode: str):
    from kroniek.nlp import FrogPool

    require_frog()
    pool = FrogPool(mode=mode, size=1)
    require_mode(pool)  # the session stops here, with one message, when Frog cannot start
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def frog_tagger():
    """One long-lived Frog server with tokenizer, lemmatizer and tagger."""
    yield from _pool("tag")


@pytest.fixture(scope="session")
def frog_parser():
    """One long-lived Frog server with multi-word units and the dependency parser as well."""
    yield from _pool("parse")


@pytest.fixture(scope="session")
def frog_ready(frog_tagger, frog_parser) -> None:
    """Frog starts in both modes: the session's gate for tests that run Frog in a subprocess."""


@pytest.fixture(scope="session")
def resources(frog_tagger, frog_parser):
    """Pipeline resources sharing the session's Frog pools."""
    from kroniek.actors import load_books
    from kroniek.events import load_patterns
    from kroniek.pipeline import Resources, rules_fingerprint

    return Resources(
        books=load_books(), patterns=load_patterns(), tagger=frog_tagger, parser=frog_parser,
        rules_sha256=rules_fingerprint(), workers=1,
    )
