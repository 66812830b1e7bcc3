"""The pipeline's mechanisms apart from Dutch: a small fictional dictionary (tests/data/fictional)
loaded with Resources.load's data folder drives mentions, tenures, linking and coding."""

from __future__ import annotations

import shutil
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

FICTIONAL = Path(__file__).resolve().parent / "data" / "fictional"


@pytest.fixture(scope="module")
def fictional(tmp_path_factory, frog_tagger, frog_parser):
    """Resources over the fictional actors and events, with the packaged time rules beside them."""
    from kroniek.pipeline import DATA_DIR, Resources

    folder = tmp_path_factory.mktemp("fictional")
    shutil.copytree(FICTIONAL, folder, dirs_exist_ok=True)
    shutil.copytree(DATA_DIR / "time", folder / "time")
    return Resources.with_pools(frog_tagger, frog_parser, data_dir=folder)


def _events(text: str, res, on_date: date | None = None) -> set[tuple]:
    from kroniek.pipeline import analyse_text

    found = analyse_text(text, res, on_date=on_date)
    return {(e.src, e.src_sector, e.tgt, e.tgt_sector, e.type, e.rule) for e in found.events}


def test_a_fictional_rule_codes_its_verb(fictional):
    """'begroeten' codes CONSULT by the fictional rule; its linking declares no reciprocal type,
    so only the subject's direction is coded."""
    assert _events("Veldland begroet Berkenrijk.", fictional) == {
        ("VLD", "GOV", "BRK", "GOV", "CONSULT", "test.greet")
    }


def test_roles_compose_with_fictional_adjectives(fictional):
    """A role word after a state's adjective takes the role's sector."""
    assert _events("Het Veldlandse leger schildert Berkenrijk.", fictional) == {
        ("VLD", "MIL", "BRK", "GOV", "THREATEN", "test.paint")
    }


def test_a_fictional_person_resolves_by_tenure(fictional):
    """A person in office codes the office's state and sector; out of office, the out_of_office sector."""
    from kroniek.pipeline import analyse_text

    def codes(day: date) -> list[tuple]:
        found = analyse_text("Tolvane begroet Berkenrijk.", fictional, on_date=day, code=False)
        return [(m.code, m.sector, m.rule) for m in found.mentions]

    assert codes(date(2022, 5, 1)) == [
        ("VLD", "GOV", "actor.person.tolvane"),
        ("BRK", "GOV", "actor.state.BRK.name"),
    ]
    assert codes(date(2025, 5, 1))[0] == ("VLD", "OPP", "actor.person.tolvane")


def test_the_packaged_dictionary_is_not_used(fictional):
    """Words only the packaged dictionary knows find no actor and code nothing."""
    from kroniek.pipeline import DATA_DIR, analyse_text, rules_fingerprint

    assert analyse_text("Rusland begroet Oekraïne.", fictional).mentions == ()
    assert _events("Veldland valt Berkenrijk aan.", fictional) == set()
    assert fictional.rules_sha256 != rules_fingerprint(DATA_DIR)


def test_a_page_runs_through_every_stage(fictional, tmp_path):
    """A page with a fictional dateline is segmented, dated and coded with the fictional rules."""
    from kroniek.output import page_to_json
    from kroniek.pipeline import run

    page = tmp_path / "groet.txt"
    page.write_text(
        "Veldland begroet buurland\n\nBERKSTAD (ANP) - Veldland begroet Berkenrijk.\n",
        encoding="utf-8",
    )
    [result] = run([page], fictional, fetched_at=datetime(2022, 5, 1, 12, tzinfo=UTC))
    assert result.error is None
    [article] = page_to_json(result)["articles"]
    assert article["dateline"] == "BERKSTAD"
    assert [(e["src"], e["tgt"], e["type"], e["rule"]) for e in article["events"]] == [
        ("VLD", "BRK", "CONSULT", "test.greet")
    ]
