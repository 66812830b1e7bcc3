"""Actor inventory: collectives standing for several states, inhabitants as side or citizens,
regions of a state as places, and office holders found by the office the text names."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kroniek.actors.checks import check


@pytest.fixture(scope="module")
def run(mentions_of):
    """Mentions of a short article (optionally with a headline, on a date): conftest's mentions_of."""
    return mentions_of


def _with_text(mentions, text):
    return [m for m in mentions if m.text == text]


# --- collectives


def test_a_bloc_becomes_one_mention_per_member_on_one_span(run):
    found = _with_text(
        run("De Baltische staten kondigden gezamenlijke oefeningen aan."), "De Baltische staten"
    )
    assert sorted(m.code for m in found) == ["EST", "LTU", "LVA"]
    assert {m.rule for m in found} == {"actor.bloc.baltic"}
    assert len({(m.tokens, m.span) for m in found}) == 1 and {m.sector for m in found} == {"GOV"}


def test_a_lower_case_bloc_term_matches_both_spellings(run):
    low = _with_text(run("Iran praat met de golfstaten."), "de golfstaten")
    high = _with_text(run("Iran praat met de Golfstaten."), "de Golfstaten")
    assert (
        sorted(m.code for m in low)
        == sorted(m.code for m in high)
        == ["ARE", "BHR", "KWT", "OMN", "QAT", "SAU"]
    )


def test_officials_of_a_bloc_are_expanded_with_their_role(run):
    found = _with_text(
        run("De premiers van de Benelux kwamen in Luxemburg bijeen."), "De premiers van de Benelux"
    )
    assert sorted(m.code for m in found) == ["BEL", "LUX", "NLD"]
    assert all(
        m.rule == "actor.bloc.benelux" and m.role == "role.head_of_government" for m in found
    )


def test_a_bloc_without_members_stays_one_unplaced_mention(run):
    found = _with_text(run("De Arabische landen wezen het voorstel af."), "De Arabische landen")
    assert [(m.code, m.rule) for m in found] == [("---", "actor.bloc.arab")]


def test_member_states_refer_to_the_body_named_before_or_after_them(run):
    mentions = run("De NAVO vergaderde in Brussel. De lidstaten waren verdeeld.")
    assert [m.code for m in _with_text(mentions, "De lidstaten")] == ["NATO"]
    owned = run("De lidstaten van de VN stemden over de resolutie.")
    assert [m.code for m in _with_text(owned, "De lidstaten van de VN")] == ["UN"]
    alone = run("De lidstaten moeten meer geld uittrekken voor defensie.")
    assert [m.code for m in _with_text(alone, "De lidstaten")] == ["EU"]


def test_an_unknown_member_code_is_reported(tmp_path):
    folder = tmp_path / "actors"
    shutil.copytree(Path(__file__).resolve().parents[2] / "src/kroniek/data/actors", folder)
    shutil.copytree(
        Path(__file__).resolve().parents[2] / "src/kroniek/data/people", tmp_path / "people"
    )
    path = folder / "collectives.tsv"
    path.write_text(
        path.read_text(encoding="utf-8")
        + "actor.bloc.fake\tbloc\t---\tGOV\tNeplanden\tEST|QQQ\t\n",
        encoding="utf-8",
    )
    assert any("QQQ" in p.problem for p in check(folder))


# --- inhabitants: the state as a side, or people of that country


@pytest.mark.parametrize(
    ("text", "phrase", "sector"),
    [
        ("De Denen weigerden het verdrag te tekenen.", "De Denen", "GOV"),
        ("Honderden Georgiërs gingen in de hoofdstad de straat op.", "Honderden Georgiërs", "CVL"),
        (
            "Volgens de ambassade zitten tientallen Belgen vast op het vliegveld.",
            "tientallen Belgen",
            "CVL",
        ),
        ("Vorig jaar vluchtten veel Syriërs naar Jordanië.", "veel Syriërs", "CVL"),
        ("Syriërs in Turkije vrezen uitzetting.", "Syriërs", "CVL"),
        (
            "De minister vraagt de Nederlanders in Libanon het land te verlaten.",
            "de Nederlanders",
            "CVL",
        ),
        ("Een Nederlander is in Venezuela aangehouden.", "Een Nederlander", "CVL"),
    ],
)
def test_inhabitants_are_a_side_only_as_the_plain_definite_plural(run, text, phrase, sector):
    found = _with_text(run(text), phrase)
    assert found and found[0].sector == sector


def test_bare_inhabitants_in_a_headline_are_the_side(run):
    mentions = run(
        "Het land wil geen schepen meer toelaten.", headline="Noorwegen weert Russen uit havens"
    )
    found = _with_text(mentions, "Russen")
    assert [(m.code, m.sector) for m in found] == [("RUS", "GOV")]


# --- regions and people placed by them


def test_a_region_of_a_state_places_people_but_is_no_actor_itself(run):
    mentions = run(
        "Burgers in Zuid-Libanon sloegen op de vlucht. Het leger rukte op in Noord-Syrië."
    )
    assert [(m.code, m.sector) for m in _with_text(mentions, "Burgers in Zuid-Libanon")] == [
        ("LBN", "CVL")
    ]
    assert not _with_text(mentions, "Noord-Syrië")


def test_people_from_a_country_are_its_citizens(run):
    mentions = run("Mensen uit Afghanistan en Eritrese asielzoekers wachten op een besluit.")
    assert [(m.code, m.sector) for m in _with_text(mentions, "Mensen uit Afghanistan")] == [
        ("AFG", "CVL")
    ]
    assert [(m.code, m.sector) for m in _with_text(mentions, "Eritrese asielzoekers")] == [
        ("ERI", "CVL")
    ]


# --- people


@pytest.mark.parametrize(
    ("text", "on", "name", "code", "sector"),
    [
        ("Stef Blok ontving zijn Belgische collega.", date(2019, 6, 1), "Stef Blok", "NLD", "GOV"),
        (
            "Wopke Hoekstra presenteerde het klimaatplan.",
            date(2024, 3, 1),
            "Wopke Hoekstra",
            "EU",
            "IGO",
        ),
        (
            "Assimi Goïta ontving de Russische gezant.",
            date(2023, 2, 1),
            "Assimi Goïta",
            "MLI",
            "GOV",
        ),
        ("Alar Karis bezocht Kyiv.", date(2024, 6, 1), "Alar Karis", "EST", "GOV"),
        (
            "Aleksej Navalny riep op tot protest.",
            date(2021, 1, 20),
            "Aleksej Navalny",
            "RUS",
            "OPP",
        ),
        (
            "Khalil al-Hayya wees het voorstel af.",
            date(2025, 2, 1),
            "Khalil al-Hayya",
            "PSE",
            "REB",
        ),
        (
            "Volker Türk uitte kritiek op de executies.",
            date(2024, 1, 10),
            "Volker Türk",
            "UN",
            "IGO",
        ),
    ],
)
def test_office_holders_resolve_by_date(run, text, on, name, code, sector):
    found = [m for m in run(text, on=on) if m.person == name]
    assert found and (found[0].code, found[0].sector) == (code, sector)


def test_the_pope_is_the_holy_see(run):
    found = [
        m for m in run("Paus Leo sprak met vluchtelingen.", on=date(2025, 10, 1)) if m.code == "VAT"
    ]
    assert found and found[0].role == "role.head_of_state"


def test_the_office_named_picks_the_term_when_the_date_points_elsewhere(run):
    # in 2018 she was a German minister; "voorzitter" names her later office
    mentions = run(
        "Commissievoorzitter Ursula von der Leyen sprak. Voorzitter Ursula von der Leyen zweeg.",
        on=date(2018, 6, 1),
    )
    chair = [m for m in mentions if m.text.startswith("Voorzitter")]
    assert [(m.code, m.sector) for m in chair] == [("EU", "IGO")]


def test_a_known_name_holding_an_office_word_is_the_person(run):
    found = [
        m
        for m in run(
            "De partij van Marine Le Pen wil meer geld voor defensie.", on=date(2024, 6, 1)
        )
        if m.text.startswith("Marine")
    ]
    assert [(m.code, m.sector, m.role) for m in found] == [("FRA", "OPP", "role.opposition")]
