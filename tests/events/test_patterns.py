"""Pattern files load, validate loudly with file:line, and carry CAMEO facts."""

from __future__ import annotations

import pickle
import shutil

import pytest

from kroniek.errors import RulesError
from kroniek.events import load_patterns
from kroniek.events.patterns import DATA_DIR, TYPES


def test_all_sixteen_types_have_patterns():
    patterns = load_patterns()
    assert {p.type for p in patterns.patterns} == set(TYPES)


def test_cameo_values_come_from_the_table():
    patterns = load_patterns()
    sign = next(p for p in patterns.patterns if p.id == "agree.sign_agreement")
    assert (sign.cameo, sign.goldstein, sign.quad_class) == ("057", 8.0, 1)
    protest = next(p for p in patterns.patterns if p.id == "protest.demonstrate")
    assert protest.quad_class == 3  # GDELT puts CAMEO root 14 in verbal conflict


def test_patterns_pickle_and_index_separable_verbs():
    patterns = pickle.loads(pickle.dumps(load_patterns()))
    assert any(p.id == "cooperate.jointly" and part == "op" for p, part in patterns.by_verb["rollen"])
    assert any(p.id == "coerce.arrest" for p, _ in patterns.by_verb["oprollen"])


def test_bad_cameo_code_names_file_and_line(tmp_path):
    copy = tmp_path / "events"
    shutil.copytree(DATA_DIR, copy)
    bad = copy / "patterns" / "verbal_conflict.yaml"
    bad.write_text(bad.read_text().replace('cameo: "112"', 'cameo: "999"', 1))
    with pytest.raises(RulesError) as err:
        load_patterns(copy)
    assert "verbal_conflict.yaml:" in str(err.value) and "999" in str(err.value)
