"""Reading a claims query: "Noord-Koreaanse militairen in Rusland" -> actors, units, words.

Actor words resolve through the actor dictionaries (one-word names, adjectives, bodies);
unit words expand to their family in data/stories/units.yaml ("militairen" also finds
"soldaten"); what remains, minus the function words of data/words/stories.yaml, must
occur in the figure's sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kroniek.errors import KroniekError
from kroniek.vocabulary import unit_pattern
from kroniek.words import word_set

UNITS_FILE = Path(__file__).resolve().parents[1] / "data" / "stories" / "units.yaml"
ACTOR_KINDS = ("name", "adj", "body", "org", "group", "agency", "capital", "seat", "city")
FUNCTION_WORDS = word_set("query_function_words")
WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*|\d+")


@dataclass(frozen=True)
class UnitFamily:
    """Words that count the same kind of thing."""

    id: str
    words: tuple[str, ...]
    skip: bool = False  # durations and the like: not shown unless asked for


@dataclass(frozen=True)
class ClaimQuery:
    """A claims query read into actor codes, unit word stems and free words."""

    actors: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    families: tuple[str, ...] = ()  # ids of the unit families the unit words came from
    words: tuple[str, ...] = ()
    skip_units: tuple[str, ...] = ()  # unit words left out (skip families not asked for)


def load_unit_families(path: Path = UNITS_FILE) -> tuple[UnitFamily, ...]:
    """The unit families of a units file."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return tuple(
            UnitFamily(f["id"], tuple(w.lower() for w in f["words"]), bool(f.get("skip")))
            for f in data["families"]
        )
    except (OSError, yaml.YAMLError, KeyError, TypeError) as err:
        raise KroniekError(
            str(path),
            f"cannot read the unit families: {err}",
            "each family needs an id and a list of words",
        ) from err


def unit_words(word: str, families: tuple[UnitFamily, ...]) -> tuple[str | None, tuple[str, ...]]:
    """(family id, its words) when ``word`` belongs to a family, else (None, (word,))."""
    low = word.lower()
    for family in families:
        if any(re.fullmatch(unit_pattern(w), low) for w in family.words):
            return family.id, family.words
    return None, (low,)


def actor_code(word: str, books) -> str | None:
    """The actor code a single query word names, through the actor dictionaries."""
    from kroniek.actors import lookup_word

    pattern = lookup_word(books, word, ACTOR_KINDS)
    entry = books.entries.get(pattern.target) if pattern else None
    return entry.code if entry else None


def parse_claim_query(
    text: str, books, families: tuple[UnitFamily, ...], kind: str | None = None
) -> ClaimQuery:
    """Split a query into actor codes (via ``books``), unit words and remaining words."""
    actors: list[str] = []
    units: list[str] = []
    ids: list[str] = []
    words: list[str] = []
    for word in WORD.findall(text):
        code = actor_code(word, books) if books is not None else None
        family, members = unit_words(word, families)
        if code:
            actors.append(code)
        elif family:
            ids.append(family)
            units += members
        elif word.lower() not in FUNCTION_WORDS and len(word) > 2:
            words.append(word.lower())
    if kind:
        family, members = unit_words(kind, families)
        ids.append(family or kind.lower())
        units += members
    skip = tuple(w for f in families if f.skip and f.id not in ids for w in f.words)
    return ClaimQuery(
        tuple(dict.fromkeys(actors)),
        tuple(dict.fromkeys(units)),
        tuple(dict.fromkeys(ids)),
        tuple(words),
        skip,
    )
