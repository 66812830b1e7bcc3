"""`kroniek rules check` for data/people: names and dates of the people book.

Ids (unique among all actor entries), codes, sectors and role ids are checked with the actor
dictionaries (kroniek.actors.checks), titles with the time stage's words (kroniek.time.checks).
"""

from __future__ import annotations

from pathlib import Path

from kroniek.errors import RulesError
from kroniek.people.book import load_people


def check(folder: Path) -> list[RulesError]:
    """Every problem of the people book under ``folder``: names, terms, their dates."""
    try:
        people = load_people(folder)
    except RulesError as err:
        return [err]
    problems: list[RulesError] = []
    for person in people:
        if not person.name.strip():
            problems.append(RulesError(person.source, "a person needs a name"))
        if not person.terms:
            problems.append(RulesError(person.source, "a person needs at least one term"))
        for term in person.terms:
            if term.end is not None and term.end < term.start:
                problems.append(
                    RulesError(
                        person.source, f"term ends ({term.end}) before it starts ({term.start})"
                    )
                )
            if term.elected is not None and term.elected > term.start:
                problems.append(
                    RulesError(
                        person.source,
                        f"elected ({term.elected}) after the term starts ({term.start})",
                    )
                )
    return problems
