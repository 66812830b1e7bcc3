"""Reading and validating the word-set files (strict: unknown keys and bad values fail with file:line)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from kroniek.errors import RulesError

NAME = re.compile(r"^[a-z][a-z0-9_]*$")
KEYS = {"note", "words"}


@dataclass(frozen=True)
class WordSet:
    """One named set of lower-cased Dutch words or word sequences."""

    name: str
    words: frozenset[str]
    note: str
    source: str  # file:line

    @property
    def id(self) -> str:
        """The id the output and traces cite."""
        return f"words.{self.name}"


def _line_of(text: str, name: str) -> int:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.startswith(f"{name}:"):
            return number
    return 1


def read_file(path: Path) -> tuple[list[WordSet], list[RulesError]]:
    """The sets of one file and every problem found in it."""
    text = path.read_text(encoding="utf-8")
    try:
        raw = yaml.safe_load(text) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        return [], [RulesError(f"{path}:{mark.line + 1 if mark else 1}", f"not valid YAML: {err}")]
    if not isinstance(raw, dict):
        return [], [RulesError(f"{path}:1", "a word-set file must map set names to {note, words}")]
    found, problems = [], []
    for name, body in raw.items():
        where = f"{path}:{_line_of(text, str(name))}"
        if not NAME.match(str(name)):
            problems.append(
                RulesError(where, f"set name {name!r} must be lower_case_with_underscores")
            )
            continue
        if not isinstance(body, dict) or set(body) - KEYS or "words" not in body:
            problems.append(
                RulesError(
                    where, f"set {name}: needs 'words' (and may have 'note'), got {body!r:.60}"
                )
            )
            continue
        words = body["words"]
        if (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w.strip() for w in words)
        ):
            problems.append(
                RulesError(where, f"set {name}: 'words' must be a non-empty list of strings")
            )
            continue
        found.append(
            WordSet(
                str(name),
                frozenset(w.strip().lower() for w in words),
                str(body.get("note", "")),
                where,
            )
        )
    return found, problems


def load_word_sets(folder: Path) -> dict[str, WordSet]:
    """Every set under ``folder``; RulesError on the first problem (a name used twice included)."""
    sets: dict[str, WordSet] = {}
    for path in sorted(Path(folder).glob("*.yaml")):
        found, problems = read_file(path)
        if problems:
            raise problems[0]
        for ws in found:
            if ws.name in sets:
                raise RulesError(
                    ws.source, f"set {ws.name} is defined twice (first at {sets[ws.name].source})"
                )
            sets[ws.name] = ws
    return sets
