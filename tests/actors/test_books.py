"""ActorBooks: loads once, is picklable for Dask workers, and resolves tenures by date."""

from __future__ import annotations

import pickle
import shutil
from datetime import date

import pytest
from click.testing import CliRunner

from kroniek.actors.books import inflect


def test_books_pickle_round_trip(books):
    again = pickle.loads(pickle.dumps(books))
    assert again.sha256 == books.sha256 and again.by_first.keys() == books.by_first.keys()


@pytest.mark.parametrize(
    ("base", "form"),
    [
        ("Russisch", "Russische"),
        ("Chinees", "Chinese"),
        ("Amerikaans", "Amerikaanse"),
        ("Noord-Koreaans", "Noord-Koreaanse"),
    ],
)
def test_inflection(base, form):
    assert inflect(base) == form


def test_biden_and_trump_terms(books):
    biden, trump = books.people["actor.person.biden"], books.people["actor.person.trump"]
    assert biden.term_on(date(2022, 5, 1)).office == "president"
    assert biden.term_on(date(2025, 5, 1)) is None and biden.home_code(date(2025, 5, 1)) == "USA"
    assert trump.term_on(date(2024, 5, 1)) is None and trump.term_on(date(2025, 1, 20)) is not None


def test_cli_prints_mentions():
    if shutil.which("frog") is None:
        pytest.skip("frog is not installed")
    from kroniek.cli.actors import actors

    result = CliRunner().invoke(
        actors, ["De Iraanse president sprak met Poetin.", "--date", "2025-02-01"]
    )
    assert result.exit_code == 0, result.output
    lines = [line.split("\t") for line in result.output.splitlines()]
    assert [(row[2], row[3]) for row in lines] == [("IRN", "GOV"), ("RUS", "GOV")]
