"""Shared fixtures: the ../shared folder, and one real Frog pool of each mode per test session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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


def _need_frog() -> None:
    if shutil.which("frog") is None:
        pytest.skip("Frog is not installed: apt-get install frog frogdata (make setup does it)")


def _pool(mode: str):
    _need_frog()
    from kroniek.nlp import FrogPool

    pool = FrogPool(mode=mode, size=1)
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def frog_tagger():
    """One long-lived Frog server with tokenizer, lemmatizer and tagger."""
    yield from _pool("tag")


@pytest.fixture(scope="session")
def frog_parser():
    """One long-lived Frog server with NER and the dependency parser as well."""
    yield from _pool("parse")


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
