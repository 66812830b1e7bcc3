"""Checks of the actor dictionaries for `kroniek rules check` (see kroniek.rules)."""

from __future__ import annotations

import re
from pathlib import Path

import pycountry

from kroniek.actors.atoms import find_atoms
from kroniek.actors.books import (
    ENTITY_KINDS,
    ROLE_KINDS,
    ActorBooks,
    Entry,
    NamePattern,
    RoleWords,
    build_index,
    entry_patterns,
    load_entries,
    load_roles,
    make_pattern,
    people_dir,
    with_sector_changes,
)
from kroniek.errors import RulesError
from kroniek.people import OfficeHolder, load_people
from kroniek.records import Token
from kroniek.vocabulary import SECTORS

BODY_CODES = frozenset(
    {
        "NATO",
        "EU",
        "UN",
        "IAEA",
        "ICC",
        "WHO",
        "OPEC",
        "AU",
        "G7",
        "G20",
        "BRICS",
        "OSCE",
        "IMF",
        "WB",
    }
)
EXTRA_CODES = frozenset({"WST", "---", "XKX"})
ID_PATTERN = re.compile(r"^(actor|role)(\.[A-Za-z0-9_]+)+$")


def valid_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-3 codes plus kroniek's body, bloc and placeholder codes."""
    return frozenset(c.alpha_3 for c in pycountry.countries) | BODY_CODES | EXTRA_CODES


def _fake_tokens(pattern: NamePattern) -> list[Token]:
    tokens, offset = [], 0
    for n, word in enumerate(pattern.originals):
        last = n == len(pattern.originals) - 1
        tag = (
            "ADJ(prenom,basis,zonder,stan)"
            if pattern.kind == "adj"
            else ("N(soort)" if last else "SPEC(deeleigen)")
        )
        tokens.append(Token(n + 1, word, word.lower(), tag, offset, offset + len(word)))
        offset += len(word) + 1
    return tokens


def _shadowed(patterns: list[tuple[NamePattern, str]], books_index: dict) -> list[RulesError]:
    """Each term, matched alone, must come back as itself (no shorter or other entry wins)."""
    books = ActorBooks({}, {}, {}, books_index, frozenset(), "")
    problems = []
    for pattern, source in patterns:
        atoms = find_atoms(books, _fake_tokens(pattern))
        whole = atoms and atoms[0].first == 0 and atoms[0].last == len(pattern.words) - 1
        if not whole or atoms[0].target != pattern.target:
            winner = atoms[0].target if atoms else "nothing"
            problems.append(
                RulesError(source, f"term {' '.join(pattern.originals)!r} is read as {winner}")
            )
    return problems


def check(folder: Path) -> list[RulesError]:
    """All problems in data/actors and the people book's actor fields: columns, ids, codes, sectors,
    kinds, duplicates, shadowing."""
    try:
        entries, roles, people = (
            with_sector_changes(load_entries(folder), folder),
            load_roles(folder),
            load_people(people_dir(folder)),
        )
    except RulesError as err:
        return [err]
    codes, problems = valid_codes(), []
    seen_ids: dict[str, str] = {}
    items: list[Entry | RoleWords | OfficeHolder] = [*entries, *roles, *people]
    for item in items:
        if not ID_PATTERN.match(item.id):
            problems.append(
                RulesError(
                    item.source, f"bad id {item.id!r}", "use dotted ids like actor.state.RUS.adj"
                )
            )
        if item.id in seen_ids:
            problems.append(
                RulesError(
                    item.source, f"duplicate id {item.id!r}", f"first at {seen_ids[item.id]}"
                )
            )
        seen_ids.setdefault(item.id, item.source)
    for entry in entries:
        if entry.kind not in ENTITY_KINDS:
            problems.append(RulesError(entry.source, f"unknown kind {entry.kind!r}"))
        if entry.code not in codes:
            problems.append(RulesError(entry.source, f"unknown actor code {entry.code!r}"))
        if entry.sector not in SECTORS:
            problems.append(RulesError(entry.source, f"unknown sector {entry.sector!r}"))
        if not entry.terms:
            problems.append(RulesError(entry.source, "no terms"))
        for member in entry.members:
            if member not in codes:
                problems.append(RulesError(entry.source, f"unknown member code {member!r}"))
        if entry.members and entry.kind != "bloc":
            problems.append(
                RulesError(entry.source, f"only kind 'bloc' may list members, not {entry.kind!r}")
            )
    for role in roles:
        if role.kind not in ROLE_KINDS:
            problems.append(RulesError(role.source, f"unknown role kind {role.kind!r}"))
        if role.sector is not None and role.sector not in SECTORS:
            problems.append(RulesError(role.source, f"unknown sector {role.sector!r}"))
        if not role.terms:
            problems.append(RulesError(role.source, "no terms"))
    role_ids = {r.id for r in roles}
    for person in people:
        if person.out_of_office is not None and person.out_of_office not in SECTORS:
            problems.append(RulesError(person.source, f"unknown sector {person.out_of_office!r}"))
        for term in person.terms:
            if term.code not in codes:
                problems.append(RulesError(person.source, f"unknown actor code {term.code!r}"))
            if term.sector not in SECTORS:
                problems.append(RulesError(person.source, f"unknown sector {term.sector!r}"))
            if term.role not in role_ids:
                problems.append(RulesError(person.source, f"unknown role {term.role!r}"))
    patterns: list[tuple[NamePattern, str]] = []
    for entry in entries:
        patterns.extend((p, entry.source) for p in entry_patterns(entry))
    for role in roles:
        patterns.extend((make_pattern(t, role.id, role.kind), role.source) for t in role.terms)
    for person in people:
        patterns.extend(
            (make_pattern(t, person.id, "person"), person.source)
            for t in (person.name, *person.aliases)
        )
    first_source: dict[tuple, tuple[str, str]] = {}
    for pattern, source in patterns:
        key = pattern.words
        if key in first_source and first_source[key][0] != pattern.target:
            other_id, other_source = first_source[key]
            problems.append(
                RulesError(
                    source,
                    f"term {' '.join(pattern.originals)!r} is also {other_id} at {other_source}",
                )
            )
        first_source.setdefault(key, (pattern.target, source))
    if not problems:
        problems.extend(_shadowed(patterns, build_index(entries, roles, people)))
    return problems
