"""The word lists of the printed page layout, read from ``kroniek/data/segment/layout.yaml``.

Each list is named in the file; ``default_layout()`` reads the packaged file once and
``kroniek.layout.patterns`` compiles the lists into its regular expressions.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, fields
from pathlib import Path

import yaml

from kroniek.errors import RulesError

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "segment"
FILE = "layout.yaml"


@dataclass(frozen=True)
class Layout:
    """The named word lists of layout.yaml, in the order written (see the file's comments)."""

    agencies: tuple[str, ...]
    place_particles: tuple[str, ...]
    approximations: tuple[str, ...]
    vague_counts: tuple[str, ...]
    time_units: tuple[str, ...]
    ago_words: tuple[str, ...]
    day_words: tuple[str, ...]
    months: tuple[str, ...]
    weekdays: tuple[str, ...]
    clock_prepositions: tuple[str, ...]
    clock_suffixes: tuple[str, ...]
    published_labels: tuple[str, ...]
    updated_labels: tuple[str, ...]
    label_prepositions: tuple[str, ...]
    brief_headings: tuple[str, ...]
    list_headings: tuple[str, ...]
    chrome_words: tuple[str, ...]
    chrome_patterns: tuple[str, ...]
    credit_labels: tuple[str, ...]
    photo_labels: tuple[str, ...]
    photo_notes: tuple[str, ...]
    byline_words: tuple[str, ...]
    reading_time_labels: tuple[str, ...]
    copyright_words: tuple[str, ...]
    cookie_words: tuple[str, ...]
    cookie_lead_ins: tuple[str, ...]
    cookie_follow_ups: tuple[str, ...]


def load_layout(folder: Path = DATA_DIR) -> Layout:
    """Read and check layout.yaml in ``folder``; a RulesError names the file and line of a fault."""
    path = folder / FILE
    try:
        text = path.read_text(encoding="utf-8")
        data = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise RulesError(str(path), f"cannot read the layout words: {err}") from err
    if not isinstance(data, dict):
        raise RulesError(str(path), "not a mapping of named word lists")
    names = [f.name for f in fields(Layout)]
    for key in data:
        if key not in names:
            raise RulesError(
                _where(path, text, f"{key}:"),
                f"unknown list {key!r}",
                f"use one of {', '.join(names)}",
            )
    lists = {}
    for name in names:
        words = data.get(name)
        if (
            not isinstance(words, list)
            or not words
            or not all(isinstance(w, str) and w.strip() for w in words)
        ):
            raise RulesError(
                _where(path, text, f"{name}:"), f"{name} must be a non-empty list of words"
            )
        lists[name] = tuple(words)
    for pattern in lists["chrome_patterns"]:
        try:
            re.compile(pattern)
        except re.error as err:
            raise RulesError(
                _where(path, text, pattern), f"bad regular expression {pattern!r}: {err}"
            ) from err
    return Layout(**lists)


@functools.lru_cache(maxsize=1)
def default_layout() -> Layout:
    """The packaged layout words, read once per process."""
    return load_layout()


def _where(path: Path, text: str, needle: str) -> str:
    """``file:line`` of the first line, not a comment, that holds ``needle`` (else the file)."""
    for number, line in enumerate(text.splitlines(), start=1):
        if needle in line and not line.lstrip().startswith("#"):
            return f"{path}:{number}"
    return str(path)
