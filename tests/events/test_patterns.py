"""Pattern files load, validate loudly with file:line, and carry CAMEO facts."""

from __future__ import annotations

import pickle
import shutil

import pytest

from kroniek.errors import RulesError
from kroniek.events import load_patterns
from kroniek.events.patterns import DATA_DIR
from kroniek.vocabulary import TYPES


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
    assert any(
        p.id == "cooperate.jointly" and part == "op" for p, part in patterns.by_verb["rollen"]
    )
    assert any(p.id == "coerce.arrest" for p, _ in patterns.by_verb["oprollen"])


def test_bad_cameo_code_names_file_and_line(tmp_path):
    copy = tmp_path / "events"
    shutil.copytree(DATA_DIR, copy)
    bad = copy / "patterns" / "verbal_conflict.yaml"
    bad.write_text(bad.read_text().replace('cameo: "112"', 'cameo: "999"', 1))
    with pytest.raises(RulesError) as err:
        load_patterns(copy)
    assert "verbal_conflict.yaml:" in str(err.value) and "999" in str(err.value)


def _broken(tmp_path, text: str) -> str:
    """load_patterns on a copy of the data with one own pattern file; the error it raises."""
    copy = tmp_path / "events"
    shutil.copytree(DATA_DIR, copy)
    (copy / "patterns" / "zz_typo.yaml").write_text(
        '# Sources: a test\n- id: test.one\n  type: ACCUSE\n  cameo: "111"\n  verbs: [hekelen]\n'
        + text
    )
    with pytest.raises(RulesError) as err:
        load_patterns(copy)
    return str(err.value)


def test_a_misspelt_target_place_is_refused_with_file_and_line(tmp_path):
    message = _broken(tmp_path, "  target: [tegn]\n")
    assert "zz_typo.yaml:2" in message and "tegn" in message


def test_a_mode_not_of_the_type_is_refused(tmp_path):
    message = _broken(tmp_path, "  mode: demmo\n")
    assert "zz_typo.yaml:2" in message and "demmo" in message and "disapprove" in message


def test_a_cue_with_an_unknown_scope_is_refused(tmp_path):
    copy = tmp_path / "events"
    shutil.copytree(DATA_DIR, copy)
    cues = copy / "cues.yaml"
    cues.write_text(cues.read_text().replace("scope: govern", "scope: governs", 1))
    with pytest.raises(RulesError, match="governs"):
        load_patterns(copy)
