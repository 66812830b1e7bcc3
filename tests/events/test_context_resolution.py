"""What words that point back stand for, and how the evidence cites it: "het land"/"dat land"
(discourse.country_references) and typed act nouns ("de lancering", discourse.act_doers)."""

from __future__ import annotations

import pytest
from tests.events.builders import event, mention

from kroniek.events.discourse import act_doers, first_doers, named_state
from kroniek.records import Event, Sentence, Token


def _noun(word: str) -> tuple[Sentence, Token]:
    tok = Token(1, word, word, "N(soort,ev,basis,zijd,stan)", 0, len(word))
    return Sentence("text", 3, 0, len(word), word, (tok,)), tok


def test_a_state_is_named_by_its_words_not_guessed_nor_a_body():
    assert named_state(mention("RUS", "Rusland"))
    assert named_state(mention("RUS", "dat land [= Rusland]", found="coref"))
    assert not named_state(mention("RUS", "de regering", found="context"))
    assert not named_state(mention("EU", "de EU", sector="IGO"))
    assert not named_state(mention("RUS", "het Russische leger", sector="MIL"))


def test_first_doers_keep_the_first_doer_of_each_type():
    north, south, japan = (
        mention("PRK", "Noord-Korea"),
        mention("KOR", "Zuid-Korea"),
        mention("JPN", "Japan"),
    )
    firsts = first_doers((), [event(north, "MOBILIZE", japan)], [north, japan])
    firsts = first_doers(firsts, [event(south, "MOBILIZE", north)], [south, north])
    firsts = first_doers(firsts, [event(south, "ASSAULT", north)], [south, north])
    assert [(kind, m.code) for kind, m in firsts] == [("MOBILIZE", "PRK"), ("ASSAULT", "KOR")]


def test_a_typed_act_noun_points_to_the_first_doer_of_its_type_and_cites_it():
    north, south = mention("PRK", "Noord-Korea"), mention("KOR", "Zuid-Korea")
    sentence, noun = _noun("lancering")
    found = act_doers(sentence, noun, [south], [("MOBILIZE", north), ("ASSAULT", south)])
    assert [(m.code, m.text, m.rule) for m in found] == [
        ("PRK", "lancering [= Noord-Korea]", "coref.act<actor.PRK>")
    ]
    assert act_doers(sentence, noun, [south], [("ASSAULT", south)]) == []


def test_an_untyped_act_noun_points_to_the_last_doers():
    north, south = mention("PRK", "Noord-Korea"), mention("KOR", "Zuid-Korea")
    sentence, noun = _noun("besluit")
    found = act_doers(sentence, noun, [south], [("MOBILIZE", north)])
    assert [m.code for m in found] == ["KOR"]


def _events(text: str, resources) -> list[Event]:
    from kroniek.pipeline import analyse_text

    return list(analyse_text(text, resources).events)


@pytest.mark.frog
def test_dat_land_stands_for_the_state_named_last_and_is_cited(resources):
    events = _events(
        "De Filipijnse marine meldde een incident bij een rif met China. "
        "Dat land beschuldigt de Filipijnen van provocatie.",
        resources,
    )
    accuse = [e for e in events if e.type == "ACCUSE"]
    assert [(e.src, e.tgt, e.src_text) for e in accuse] == [("CHN", "PHL", "Dat land [= China]")]


@pytest.mark.frog
def test_het_land_as_a_bare_object_is_not_its_own_clause_subject(resources):
    events = _events(
        "De Verenigde Staten hebben Venezuela opnieuw gewaarschuwd. "
        "Washington legde het land vorige week al sancties op.",
        resources,
    )
    sanctions = [(e.src, e.tgt, e.tgt_text) for e in events if e.type == "SANCTION"]
    assert sanctions == [("USA", "VEN", "het land [= Venezuela]")]
    assert _events("Rusland heeft het land aangevallen.", resources) == []


@pytest.mark.frog
def test_het_land_after_a_place_preposition_is_no_actor(resources):
    events = _events(
        "Chili ontving de Argentijnse president. In het land braken rellen uit.", resources
    )
    assert not any("[=" in e.src_text or "[=" in e.tgt_text for e in events)


@pytest.mark.frog
def test_de_lancering_is_cited_as_the_first_launchers_act(resources):
    events = _events(
        "Noord-Korea heeft een ballistische raket afgevuurd. Zuid-Korea hield daarna een eigen "
        "rakettest. Japan veroordeelde de lancering.",
        resources,
    )
    accuse = [(e.src, e.tgt, e.tgt_text) for e in events if e.type == "ACCUSE"]
    assert accuse == [("JPN", "PRK", "lancering [= Noord-Korea]")]
