"""The time stage's data files load, carry ids and fail loudly when broken."""

import shutil

import pytest

from kroniek.errors import RulesError
from kroniek.people import DATA_DIR as PEOPLE_DIR
from kroniek.time.rules import DATA_DIR, FILES, load_time_rules


def test_packaged_rules_load_and_name_their_sources():
    rules = load_time_rules()
    assert rules.months["juni"] == 6 and rules.weekdays["zondag"] == 7
    assert rules.facts.people and rules.facts.events
    for name in FILES:
        first = (DATA_DIR / name).read_text(encoding="utf-8").splitlines()[0]
        assert first.startswith("#"), f"{name} must start with a source header"
    for person in rules.facts.people:
        assert person.id.startswith("actor.person.")
        assert any(term.title in rules.facts.titles for term in person.terms)


@pytest.fixture
def data_copy(tmp_path):
    """A copy of data/time with the people book beside it, as in the package."""
    shutil.copytree(DATA_DIR, tmp_path / "time")
    shutil.copytree(PEOPLE_DIR, tmp_path / "people")
    return tmp_path / "time"


def test_broken_yaml_names_the_file(data_copy):
    (data_copy / "numbers.yaml").write_text("units: [1, 2\n", encoding="utf-8")
    with pytest.raises(RulesError) as err:
        load_time_rules(data_copy)
    assert "numbers.yaml" in str(err.value)


def test_unknown_titles_and_bad_dates_are_rejected(data_copy):
    book = data_copy.parent / "people" / "people.yaml"
    text = book.read_text(encoding="utf-8")
    book.write_text(text.replace("title: premier", "title: premeir", 1), encoding="utf-8")
    with pytest.raises(RulesError, match="unknown title 'premeir'") as err:
        load_time_rules(data_copy)
    assert "people.yaml:" in err.value.source
    book.write_text(text, encoding="utf-8")
    path = data_copy / "facts.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("date: 2016-06-23", "date: soon"), encoding="utf-8"
    )
    with pytest.raises(RulesError, match="expected a date"):
        load_time_rules(data_copy)
