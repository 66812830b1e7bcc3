"""The named word sets of data/words: loading, strict validation, and use by the coder."""

from __future__ import annotations

import pytest

from kroniek.errors import RulesError
from kroniek.words import load_word_sets, word_set, word_sets
from kroniek.words.checks import check


def test_sets_load_and_carry_ids():
    sets = word_sets()
    assert "dat" in word_set("subordinators")
    assert sets["subordinators"].id == "words.subordinators"
    assert sets["subordinators"].source.split(":")[-1].isdigit()


def test_unknown_set_names_the_folder():
    with pytest.raises(KeyError, match="no word set 'nonexistent'"):
        word_set("nonexistent")


def test_bad_files_are_reported_with_file_and_line(tmp_path):
    (tmp_path / "a.yaml").write_text("# Sources: test\ngood:\n  words: [een]\nBad Name:\n  words: [x]\n")
    (tmp_path / "b.yaml").write_text("# Sources: test\nempty:\n  words: []\ntypo:\n  wrods: [x]\ngood:\n  words: [twee]\n")
    problems = [str(p) for p in check(tmp_path)]
    assert any("a.yaml:4" in p and "Bad Name" in p for p in problems)
    assert any("b.yaml:2" in p and "non-empty" in p for p in problems)
    assert any("b.yaml:4" in p and "typo" in p for p in problems)
    assert any("b.yaml:6" in p and "defined twice" in p for p in problems)
    with pytest.raises(RulesError):
        load_word_sets(tmp_path)
