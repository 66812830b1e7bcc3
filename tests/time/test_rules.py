"""The time stage's data files load, carry ids and fail loudly when broken."""

import shutil

import pytest

from kroniek.errors import RulesError
from kroniek.time.rules import DATA_DIR, FILES, load_time_rules


def test_packaged_rules_load_and_name_their_sources():
    rules = load_time_rules()
    assert rules.months["juni"] == 6 and rules.weekdays["zondag"] == 7
    assert rules.facts.people and rules.facts.events
    for name in FILES:
        first = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#"), f"{name} must start with a source header"
    for person in rules.facts.people:
        assert person.id.startswith("fact.person.")
        for term in person.terms:
            assert term.end is None or term.start <= term.end
            assert term.elected is None or term.elected <= term.start


@pytest.fixture
def data_copy(tmp_path):
    for name in FILES:
        shutil.copy(DATA_DIR / name, tmp_path / name)
    return tmp_path


def test_broken_yaml_names_the_file(data_copy):
    (data_copy / "numbers.yaml").write_text("units: [1, 2\n", encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_time_rules(data_copy)
    assert "numbers.yaml" in str(err.value)


def test_duplicate_ids_and_bad_dates_are_rejected(data_copy):
    path = data_copy / "facts.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("fact.person.sunak", "fact.person.may"), encoding="utf-8")
    with pytest.raises(RulesError, match="duplicate id 'fact.person.may'"):
        load_time_rules(data_copy)
    path.write_text(text.replace("start: 2024-07-05", "start: soon"), encoding="utf-8")
    with pytest.raises(RulesError, match="expected a date"):
        load_time_rules(data_copy)
