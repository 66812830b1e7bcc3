"""Actors the text does not place: dateline, nearby states, earlier courts, references, pairs."""

from __future__ import annotations

import pytest

from kroniek.actors import find_mentions


@pytest.fixture(scope="module")
def run(frog, books):
    """Analyse a short article with Frog and find its mentions under a dateline."""
    from kroniek.nlp import analyse

    def go(text: str, dateline: str | None = None):
        return find_mentions(analyse(frog, "text", text), books, None, dateline=dateline)

    return go


def _first(mentions, text):
    return next(m for m in mentions if m.text == text)


def test_dateline_places_police_and_crowds(run):
    mentions = run(
        "De oproerpolitie verdreef gisteravond de betogers met traangas.", dateline="TBILISI"
    )
    police, crowd = _first(mentions, "De oproerpolitie"), _first(mentions, "de betogers")
    assert (police.code, police.sector, police.rule) == ("GEO", "COP", "role.police.dateline")
    assert (crowd.code, crowd.sector) == ("GEO", "CVL")


def test_dateline_is_read_case_insensitively_and_in_two_words(run):
    mentions = run("De regering kondigde nieuwe maatregelen aan.", dateline="den haag")
    assert _first(mentions, "De regering").code == "NLD"


def test_state_named_in_previous_sentence_beats_the_dateline(run):
    mentions = run(
        "Iran heeft de luchtruimte boven het westen van het land gesloten. "
        "De autoriteiten spreken van een voorzorgsmaatregel.",
        dateline="WASHINGTON",
    )
    authorities = _first(mentions, "De autoriteiten")
    assert (authorities.code, authorities.rule) == ("IRN", "role.government.context")


def test_dateline_wins_when_it_is_among_the_states_nearby(run):
    mentions = run(
        "Pakistan en India wisselden verwijten uit. Agenten hielden daarna drie verdachten aan.",
        dateline="ISLAMABAD",
    )
    assert _first(mentions, "Agenten").code == "PAK"


def test_without_dateline_the_article_main_state_is_used(run):
    mentions = run(
        "Chili kiest zondag een nieuw parlement. Chili telt vijftien miljoen kiezers. "
        "Het weer was zacht en de opkomst hoog. De politie meldde geen incidenten."
    )
    police = _first(mentions, "De politie")
    assert (police.code, police.rule) == ("CHL", "role.police.main")


def test_unknown_dateline_and_empty_article_leave_the_role_unplaced(run):
    mentions = run("De politie zocht de hele nacht.", dateline="NERGENSDORP")
    assert _first(mentions, "De politie").code == "---"


def test_named_official_takes_the_state_of_the_sentence_before(run):
    mentions = run(
        "Polen wil de defensie-uitgaven verder verhogen. "
        "Minister van Financiën Jan Kowalczyk presenteerde de begroting."
    )
    official = next(m for m in mentions if m.person == "Jan Kowalczyk")
    assert (official.code, official.sector) == ("POL", "GOV")


def test_a_named_actor_of_no_state_role_stays_unplaced(run):
    mentions = run(
        "Frankrijk viert feest. Acteur Pierre Lenoir kreeg een prijs.", dateline="PARIJS"
    )
    assert next(m for m in mentions if m.person == "Pierre Lenoir").code == "---"


def test_court_words_refer_to_the_court_named_before(run):
    mentions = run(
        "Het Internationaal Strafhof opende een onderzoek naar Myanmar. "
        "Het hof wil getuigen horen en de aanklager reist naar de regio."
    )
    court, prosecutor = _first(mentions, "Het hof"), _first(mentions, "de aanklager")
    assert (court.code, court.sector, court.rule) == ("ICC", "JUD", "role.judiciary.court")
    assert prosecutor.code == "ICC"


def test_court_word_without_earlier_court_is_national(run):
    mentions = run("Het hof sprak de journalist gisteren vrij.", dateline="ANKARA")
    assert _first(mentions, "Het hof").code == "TUR"


def test_alliance_and_union_refer_back_to_their_bodies(run):
    mentions = run(
        "De NAVO en de Afrikaanse Unie overlegden. De Unie stuurt waarnemers, het bondgenootschap niet."
    )
    assert _first(mentions, "De Unie").code == "AU"
    assert _first(mentions, "het bondgenootschap").code == "NATO"


def test_brussels_is_the_eu_only_after_the_eu_and_not_as_a_place(run):
    with_eu = run("De EU dreigt met heffingen. Brussel eist dat Washington toegeeft.")
    assert (_first(with_eu, "Brussel").code, _first(with_eu, "Brussel").sector) == ("EU", "IGO")
    alone = run("Brussel eist dat de spoorbonden het werk hervatten.")
    assert _first(alone, "Brussel").code == "BEL"
    place = run("De EU-ministers vergaderden in Brussel.")
    assert (_first(place, "Brussel").code, _first(place, "Brussel").sector) == ("BEL", None)


def test_both_countries_gives_one_mention_per_state_on_one_span(run):
    mentions = run(
        "Armenië en Azerbeidzjan sloten een vredesakkoord. De twee landen openen volgend jaar de grens."
    )
    pair = [m for m in mentions if m.text == "De twee landen"]
    assert sorted(m.code for m in pair) == ["ARM", "AZE"]
    assert len({m.tokens for m in pair}) == 1 and all(m.rule == "role.pair" for m in pair)


def test_both_countries_without_two_states_stays_unplaced(run):
    mentions = run("Beide landen ontkennen elke betrokkenheid.")
    assert [m.code for m in mentions if m.text == "Beide landen"] == ["---"]


def test_a_city_in_the_sentence_places_the_court(run):
    mentions = run(
        "De zaak tegen de Britse zakenman begint volgende week in Koersk, zei een rechtbank."
    )
    court = _first(mentions, "een rechtbank")
    assert (court.code, court.sector) == ("RUS", "JUD")


def test_guessed_delegation_yields_to_the_government_it_speaks_for(run):
    mentions = run(
        "In Genève begonnen gesprekken tussen rebellen en een delegatie namens de Soedanese regering.",
        dateline="GENÈVE",
    )
    assert _first(mentions, "een delegatie").code == "SDN"


def test_european_leaders_are_the_eu(run):
    mentions = run("De Europese regeringsleiders beloofden Moldavië steun.")
    leaders = _first(mentions, "De Europese regeringsleiders")
    assert (leaders.code, leaders.sector) == ("EU", "IGO")


def test_neighbours_in_a_headline_are_the_two_states_named_after_it(run, frog, books):
    from kroniek.nlp import analyse

    sentences = analyse(frog, "headline", "Peking waarschuwt buurlanden en Japan")
    sentences += analyse(
        frog,
        "text",
        "China wil dat Vietnam en Laos de grens beter bewaken. Japan reageerde niet.",
        first_index=len(sentences),
    )
    pair = [m for m in find_mentions(sentences, books) if m.text == "buurlanden"]
    assert sorted(m.code for m in pair) == ["LAO", "VNM"]
    assert all(m.rule == "role.pair.ahead" for m in pair)


@pytest.mark.parametrize(
    ("dateline", "code"),
    [("CAIRO", "EGY"), ("GENEVE", "CHE"), ("ABU  DHABI", "ARE"), ("Seoel", "KOR")],
)
def test_datelines_are_read_without_accents_case_or_extra_spaces(run, dateline, code):
    assert _first(run("De autoriteiten zwegen.", dateline=dateline), "De autoriteiten").code == code


def test_an_indefinite_court_after_an_international_one_is_national(run):
    mentions = run(
        "Het Strafhof zocht de generaal al jaren. Gisteren veroordeelde een rechtbank hem tot levenslang.",
        dateline="BELGRADO",
    )
    assert _first(mentions, "een rechtbank").code == "SRB"


def test_a_bare_office_word_in_running_text_gets_no_country(run, frog, books):
    from kroniek.nlp import analyse

    mentions = run(
        "Spanje kreeg een nieuwe regering. Sinds hij koning werd, reist hij veel.",
        dateline="MADRID",
    )
    assert _first(mentions, "koning").code == "---"
    headline = find_mentions(
        analyse(frog, "headline", "Premier treedt af na nederlaag"), books, dateline="MADRID"
    )
    assert _first(headline, "Premier").code == "ESP"


def test_government_of_a_named_leader_takes_the_leader_s_state(run):
    mentions = run(
        "Betogers in Haifa willen de regering van premier Benjamin Netanyahu tot een akkoord dwingen."
    )
    assert _first(mentions, "de regering").code == "ISR"


def test_pair_counts_states_named_not_people(run):
    mentions = run(
        "Het bestand tussen Ecuador en Peru houdt geen stand; Trump is boos op beide landen."
    )
    assert sorted(m.code for m in mentions if m.text == "beide landen") == ["ECU", "PER"]


def test_office_word_inside_a_name_is_no_role_and_topics_get_no_country(run):
    mentions = run("De partij van Marine Tondelier wil meer geld voor defensie.", dateline="PARIJS")
    assert not any(
        m.text.startswith("Marine") for m in mentions
    )  # a name people.yaml does not know
    assert [m.code for m in mentions if m.text == "defensie"] == ["---"]


def test_a_seat_of_international_bodies_lends_no_state(run):
    mentions = run(
        "De minister van Buitenlandse Zaken sprak vrijdag met zijn collega's.", dateline="BRUSSEL"
    )
    assert not any(m.code == "BEL" for m in mentions), [(m.text, m.code, m.rule) for m in mentions]
    mentions = run(
        "De minister van Buitenlandse Zaken sprak vrijdag met zijn collega's.", dateline="WENEN"
    )
    assert any(m.code == "AUT" and m.rule.endswith(".dateline") for m in mentions)


def test_the_court_points_to_the_court_named_last_not_an_older_court(run):
    mentions = run(
        "De Franse minister sprak met de rechtbank in Lyon. "
        "Later stuurde de rechtbank het dossier door. "
        "Het Internationaal Strafhof opende daarna een eigen onderzoek. "
        "Brazilië verklaarde dat het hof geen bevoegdheid heeft."
    )
    court = [m for m in mentions if m.text == "het hof"][0]
    assert (court.code, court.sector, court.rule) == ("ICC", "JUD", "role.judiciary.court")
