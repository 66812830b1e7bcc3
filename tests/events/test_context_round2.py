"""Context across sentences, second round: "de landen" for the two states named before
(discourse.pair_plural_references), "dit" as the subject of an outrage (discourse.deed_subject,
deed_doers), and act doers that pass over judgements (discourse.doers)."""

from __future__ import annotations

import pytest
from tests.events.builders import event, mention

from kroniek.events.clause import windows
from kroniek.events.discourse import (
    deed_doers,
    deed_subject,
    doers,
    pair_plural_references,
)
from kroniek.records import Sentence, Token


def _sentence(*words: tuple[str, str]) -> Sentence:
    """A sentence of (word, Frog tag) pairs; the lemma is the lowercased word."""
    toks, at = [], 0
    for n, (word, pos) in enumerate(words, start=1):
        toks.append(Token(n, word, word.lower(), pos, at, at + len(word)))
        at += len(word) + 1
    return Sentence("text", 1, 0, at, " ".join(w for w, _ in words), tuple(toks))


DE = ("De", "LID(bep,stan,rest)")
LANDEN = ("landen", "N(soort,mv,basis)")
HOPEN = ("hopen", "WW(pv,tgw,mv)")


def test_de_landen_stands_for_the_pair_named_before_and_cites_each():
    kenya, tanzania = mention("KEN", "Kenia"), mention("TZA", "Tanzania")
    found = pair_plural_references(_sentence(DE, LANDEN, HOPEN), [], [kenya, tanzania])
    assert [(m.code, m.text, m.rule, m.kind, m.tokens) for m in found] == [
        ("KEN", "De landen [= Kenia]", "coref.pair<actor.KEN>", "pair", (1, 2)),
        ("TZA", "De landen [= Tanzania]", "coref.pair<actor.TZA>", "pair", (1, 2)),
    ]


def test_de_landen_needs_two_named_states_and_no_phrase_after_it():
    kenya, tanzania = mention("KEN", "Kenia"), mention("TZA", "Tanzania")
    eu = mention("EU", "de EU", sector="IGO")
    assert pair_plural_references(_sentence(DE, LANDEN, HOPEN), [], [kenya]) == []
    assert pair_plural_references(_sentence(DE, LANDEN, HOPEN), [], [kenya, eu]) == []
    in_region = _sentence(DE, LANDEN, ("in", "VZ(init)"), ("regio", "N(soort,ev)"), HOPEN)
    assert pair_plural_references(in_region, [], [kenya, tanzania]) == []
    between = _sentence(("Tussen", "VZ(init)"), DE, LANDEN, ("bestaan", "WW(pv,tgw,mv)"))
    assert pair_plural_references(between, [], [kenya, tanzania]) == []


def test_dit_before_the_finite_verb_points_back_but_het_does_not():
    dit = _sentence(
        ("Dit", "VNW(aanw,pron,stan,vol,3o,ev)"),
        ("is", "WW(pv,tgw,ev)"),
        ("schandalig", "ADJ(vrij,basis,zonder)"),
    )
    assert deed_subject(dit, windows(dit)[0]).text == "Dit"
    het = _sentence(
        ("Het", "VNW(pers,pron,stan,red,3,ev,onz)"),
        ("is", "WW(pv,tgw,ev)"),
        ("schandalig", "ADJ(vrij,basis,zonder)"),
    )
    assert deed_subject(het, windows(het)[0]) is None


def test_deze_daad_points_back():
    sentence = _sentence(
        ("Deze", "VNW(aanw,det,stan,prenom,met-e,rest)"),
        ("daad", "N(soort,ev,basis,zijd,stan)"),
        ("is", "WW(pv,tgw,ev)"),
        ("laf", "ADJ(vrij,basis,zonder)"),
    )
    assert deed_subject(sentence, windows(sentence)[0]).text == "daad"


def test_a_deed_is_the_articles_first_act_not_a_talk_or_judgement():
    france, north, south = (
        mention("FRA", "Frankrijk"),
        mention("PRK", "Noord-Korea"),
        mention("KOR", "Zuid-Korea"),
    )
    sentence = _sentence(("Dit", "VNW(aanw,pron,stan,vol,3o,ev)"), ("is", "WW(pv,tgw,ev)"))
    subject = sentence.tokens[0]
    firsts = [("CONSULT", france), ("MOBILIZE", north), ("ASSAULT", south)]
    found = deed_doers(sentence, subject, firsts)
    assert [(m.code, m.text, m.rule) for m in found] == [
        ("PRK", "Dit [= Noord-Korea]", "coref.deed<actor.PRK>")
    ]
    assert deed_doers(sentence, subject, [("CONSULT", france), ("ACCUSE", south)]) == []


@pytest.mark.parametrize(
    ("kind", "cameo"),
    [("ACCUSE", "111"), ("ACCUSE", "112"), ("PROTEST", "140"), ("CONSULT", "040")],
)
def test_doers_of_words_of_judgement_protests_and_talks_did_no_act(kind, cameo):
    uk = mention("GBR", "Groot-Brittannië")
    assert doers([event(uk, kind, cameo=cameo)], [uk]) == []


@pytest.mark.parametrize(("kind", "cameo"), [("COERCE", "171"), ("ACCUSE", "1121")])
def test_doers_of_acts_and_formal_steps_are_kept(kind, cameo):
    uk = mention("GBR", "Groot-Brittannië")
    assert doers([event(uk, kind, cameo=cameo)], [uk]) == [uk]


def test_a_dat_clause_opening_with_dit_points_back():
    sentence = _sentence(
        ("zei", "WW(pv,verl,ev)"),
        ("dat", "VG(onder)"),
        ("dit", "VNW(aanw,pron,stan,vol,3o,ev)"),
        ("misdadig", "ADJ(vrij,basis,zonder)"),
        ("is", "WW(pv,tgw,ev)"),
    )
    clause = next(w for w in windows(sentence) if w.subordinate)
    assert deed_subject(sentence, clause).text == "dit"
