"""Shared fixtures for the actors tests: the real dictionaries and one real Frog for the session."""

from __future__ import annotations

from datetime import date

import pytest

from kroniek.actors import find_mentions, load_books


@pytest.fixture(scope="session")
def books():
    """The packaged actor dictionaries."""
    return load_books()


@pytest.fixture(scope="session")
def frog(frog_tagger):
    """The session's Frog tagger (tests/conftest.py), shared with the other packages' tests."""
    return frog_tagger


@pytest.fixture(scope="session")
def mentions_of(frog, books):
    """Analyse a text with Frog and return its mentions (optionally on a date)."""
    from kroniek.nlp import analyse

    def run(text: str, on: date | None = None, headline: str | None = None):
        sentences = analyse(frog, "headline", headline) if headline else ()
        sentences += analyse(frog, "text", text, first_index=len(sentences))
        return find_mentions(sentences, books, on)

    return run
