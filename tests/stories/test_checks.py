"""`kroniek rules check` for the unit families."""

from __future__ import annotations

from kroniek.stories.checks import check


def test_packaged_unit_families_are_valid():
    from kroniek.stories.query import UNITS_FILE

    assert check(UNITS_FILE.parent) == []


def test_bad_unit_families_are_reported_with_their_line(tmp_path):
    (tmp_path / "units.yaml").write_text(
        "# Sources: test\nfamilies:\n  - id: unit.troops\n    words: [militair, Soldaat]\n"
        "  - id: troops2\n    words: [troep]\n  - id: unit.dead\n    words: [militair]\n",
        encoding="utf-8",
    )
    problems = [str(p) for p in check(tmp_path)]
    assert any("units.yaml:3" in p and "'Soldaat'" in p for p in problems)
    assert any("units.yaml:5" in p and "bad family id" in p for p in problems)
    assert any("units.yaml:7" in p and "also in unit.troops" in p for p in problems)
    assert len(problems) == 3
