"""Named Dutch word sets (data/words/*.yaml): the function words and small closed classes the
stages reason with, kept as data so a linguist can read and grow them without the code.

A file maps set names to ``{note: ..., words: [...]}``; a set's id is ``words.<name>`` and a
name is unique across files. ``word_set(name)`` returns the words lower-cased; pattern files
may write ``"@name"`` in a word list to stand for the whole set.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from kroniek.words.sets import WordSet, load_word_sets

DATA_DIR = Path(__file__).resolve().parent.parent / "data" / "words"


@lru_cache(maxsize=1)
def _sets() -> dict[str, WordSet]:
    return load_word_sets(DATA_DIR)


def word_set(name: str) -> frozenset[str]:
    """The words of one named set (KeyError naming the set and the folder when it is unknown)."""
    sets = _sets()
    if name not in sets:
        raise KeyError(f"no word set {name!r} in {DATA_DIR}")
    return sets[name].words


def word_sets() -> dict[str, WordSet]:
    """Every named set, by name."""
    return dict(_sets())


__all__ = ["WordSet", "load_word_sets", "word_set", "word_sets"]
