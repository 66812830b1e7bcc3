"""`kroniek rules check`: the packaged dictionaries validate; broken copies report file:line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kroniek.cli.actors import rules
from kroniek.rules import DATA_DIR, check_rules


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA_DIR / "actors", target / "actors")
    shutil.copytree(DATA_DIR / "people", target / "people")
    return target


def _append(path: Path, line: str) -> int:
    text = path.read_text(encoding="utf-8")
    path.write_text(text.rstrip("\n") + "\n" + line + "\n", encoding="utf-8")
    return len(path.read_text(encoding="utf-8").splitlines())


def test_packaged_actor_dictionaries_are_valid():
    problems = [p for p in check_rules() if "/actors/" in p.source or p.source.endswith("actors")]
    assert problems == []


def test_duplicate_id_is_reported_with_file_and_line(data_copy):
    line = _append(
        data_copy / "actors" / "groups.tsv", "actor.group.hamas\tgroup\tPSE\tREB\tHamas-beweging\t"
    )
    problems = check_rules(data_copy)
    assert any(
        p.source.endswith(f"groups.tsv:{line}") and "duplicate id" in p.problem for p in problems
    )


def test_unknown_code_and_sector_are_reported(data_copy):
    line = _append(
        data_copy / "actors" / "groups.tsv", "actor.group.fake\tgroup\tXYZ\tFOO\tNepgroep\t"
    )
    texts = [str(p) for p in check_rules(data_copy) if p.source.endswith(f":{line}")]
    assert any("unknown actor code 'XYZ'" in t for t in texts)
    assert any("unknown sector 'FOO'" in t for t in texts)


def test_same_term_in_two_entries_is_reported(data_copy):
    line = _append(
        data_copy / "actors" / "groups.tsv", "actor.group.copy\tgroup\tPSE\tREB\tHezbollah\t"
    )
    assert any(
        p.source.endswith(f":{line}") and "is also actor.group.hezbollah" in p.problem
        for p in check_rules(data_copy)
    )


def test_entry_shadowing_another_is_reported(data_copy):
    # The same words in another spelling: whichever entry the matcher tries first hides the other.
    agency = _append(
        data_copy / "actors" / "agencies.tsv",
        "actor.agency.USA.odd\tagency\tUSA\tLEG\tCongres van de VS\t",
    )
    role = _append(data_copy / "actors" / "roles.tsv", "role.odd\trole\tLEG\tcongres van de vs\t")
    problems = check_rules(data_copy)
    assert any(
        (p.source.endswith(f"agencies.tsv:{agency}") or p.source.endswith(f"roles.tsv:{role}"))
        and ("is read as" in p.problem or "is also" in p.problem)
        for p in problems
    )


def test_person_term_dates_are_checked(data_copy):
    path = data_copy / "people" / "people.yaml"
    line = _append(
        path,
        "- {id: actor.person.backwards, name: Jan Achteruit, aliases: [], out_of_office: null, terms: [",
    )
    _append(
        path,
        "   {office: premier, role: role.head_of_government, code: NLD, sector: GOV,"
        " start: 2020-01-01, end: 2019-01-01}]}",
    )
    assert any(
        p.source.endswith(f"people.yaml:{line}") and "ends" in p.problem
        for p in check_rules(data_copy)
    )


def test_missing_header_is_reported(data_copy):
    path = data_copy / "actors" / "cities.tsv"
    path.write_text(
        "\n".join(x for x in path.read_text(encoding="utf-8").splitlines() if not x.startswith("#"))
        + "\n"
    )
    assert any(
        p.source.endswith("cities.tsv:1") and "header" in p.problem for p in check_rules(data_copy)
    )


def test_cli_exit_codes(data_copy):
    runner = CliRunner()
    good = runner.invoke(rules, ["check", "--data-dir", str(data_copy)])
    assert good.exit_code == 0, good.output
    _append(data_copy / "actors" / "groups.tsv", "actor.group.fake\tgroup\tXYZ\tREB\tNepgroep\t")
    bad = runner.invoke(rules, ["check", "--data-dir", str(data_copy)])
    assert bad.exit_code == 1 and "XYZ" in bad.output


def test_rules_check_reports_a_broken_pattern_file_with_its_line(tmp_path):
    from kroniek.events.checks import check

    folder = tmp_path / "events"
    shutil.copytree(Path(__file__).resolve().parents[1] / "src/kroniek/data/events", folder)
    target = sorted((folder / "patterns").glob("*.yaml"))[0]
    target.write_text(
        target.read_text(encoding="utf-8")
        + "\n- id: broken.entry\n  type: NOSUCHTYPE\n  cameo: '010'\n  verbs: [doen]\n",
        encoding="utf-8",
    )
    problems = check(folder)
    assert len(problems) == 1 and str(target) in problems[0].source
    assert check(Path(__file__).resolve().parents[1] / "src/kroniek/data/events") == []


def test_coverage_counts_the_lexicon_and_lists_codes_without_triggers(tmp_path):
    from kroniek.errors import RulesError
    from kroniek.events.coverage import coverage
    from kroniek.events.patterns import DATA_DIR

    found = coverage()
    assert found.sizes["patterns"] >= 300 and found.sizes["verb lemmas"] >= 1000
    assert "18" in found.covered and "190" in found.covered  # a root is covered by its family
    assert not set(found.excused) & {code for code, _ in found.missing}
    copy = tmp_path / "events"
    shutil.copytree(DATA_DIR, copy)
    (copy / "no_trigger.yaml").write_text(
        '# Sources: test\n- cameo: "9999"\n  reason: no such code\n'
    )
    with pytest.raises(RulesError, match="9999"):
        coverage(copy)


def test_bad_sector_change_is_reported_with_file_and_line(data_copy):
    path = data_copy / "actors" / "sector_changes.tsv"
    line = _append(path, "actor.group.taliban\t2021-13-40\tGOV\ta date that does not exist")
    texts = [str(p) for p in check_rules(data_copy)]
    assert any(f"sector_changes.tsv:{line}" in t and "bad date '2021-13-40'" in t for t in texts)


def test_unknown_entry_in_sector_changes_is_reported(data_copy):
    path = data_copy / "actors" / "sector_changes.tsv"
    line = _append(path, "actor.group.nobody\t2020-01-01\tREB\t")
    texts = [str(p) for p in check_rules(data_copy)]
    assert any(f"sector_changes.tsv:{line}" in t and "unknown entry id" in t for t in texts)
