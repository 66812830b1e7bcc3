"""find_mentions on own Dutch sentences through real Frog: traps, inflections, metonyms, people."""

from __future__ import annotations

from datetime import date

import pytest


def _codes(mentions):
    return [(m.code, m.sector) for m in mentions]


def _by_text(mentions):
    return {m.text: m for m in mentions}


@pytest.mark.parametrize(
    ("text", "expected", "absent"),
    [
        (
            "Zuid-Koreaanse en Noord-Koreaanse diplomaten praten over het Koreaanse schiereiland.",
            {"KOR", "PRK"},
            set(),
        ),
        ("Het Koreaanse schiereiland blijft onrustig.", set(), {"KOR", "PRK"}),
        ("Afrikaanse leiders bezochten de Zuid-Afrikaanse hoofdstad.", {"ZAF"}, {"AU"}),
        (
            "Guinee, Guinee-Bissau en Papoea-Nieuw-Guinea stuurden waarnemers.",
            {"GIN", "GNB", "PNG"},
            set(),
        ),
        ("Congo en Congo-Brazzaville sloten een akkoord.", {"COD", "COG"}, set()),
        ("Handelaren uit Zuid-Amerika landden in Europa.", set(), {"USA"}),
        ("De pro-Russische partij won.", set(), {"RUS"}),
    ],
)
def test_prefix_traps(mentions_of, text, expected, absent):
    codes = {m.code for m in mentions_of(text)} - {"---"}
    assert expected <= codes
    assert not (absent & codes)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Russisch gas stroomt weer.", "RUS"),
        ("De Russische regering zweeg.", "RUS"),
        ("Een Oekraïense drone raakte een depot.", "UKR"),
        ("De Amerikaanse regering reageerde.", "USA"),
        ("Een Chinese delegatie kwam aan.", "CHN"),
        ("Het Libanese leger trok zich terug.", "LBN"),
        ("Iraniërs gingen de straat op.", "IRN"),
        ("De Britten stemden anders.", "GBR"),
        ("Groot-Brittannië en het Verenigd Koninkrijk zijn hetzelfde land.", "GBR"),
        ("Amerika en de VS zijn bondgenoten van Nederland.", "USA"),
    ],
)
def test_names_adjectives_inhabitants(mentions_of, text, code):
    assert code in {m.code for m in mentions_of(text)}


def test_role_gives_sector_and_span_holds_the_role(mentions_of):
    mentions = _by_text(
        mentions_of(
            "Russische veiligheidsdiensten en de Venezolaanse oppositieleider spraken met de Turkse politie."
        )
    )
    assert (
        mentions["Russische veiligheidsdiensten"].code,
        mentions["Russische veiligheidsdiensten"].sector,
    ) == ("RUS", "SPY")
    assert (
        mentions["de Venezolaanse oppositieleider"].code,
        mentions["de Venezolaanse oppositieleider"].sector,
    ) == ("VEN", "OPP")
    assert (mentions["de Turkse politie"].code, mentions["de Turkse politie"].sector) == (
        "TUR",
        "COP",
    )


def test_role_takes_the_state_after_van_past_plain_adjectives(mentions_of):
    mentions = _by_text(
        mentions_of("De Franse minister belde met de premier van het Oost-Afrikaanse Kenia.")
    )
    assert mentions["de premier van het Oost-Afrikaanse Kenia"].code == "KEN"


def test_role_in_city_is_placed_by_the_gazetteer(mentions_of):
    mentions = mentions_of("Betogers in Chicago liepen mee. Senatoren in Washington waren boos.")
    assert ("USA", "CVL") in _codes(mentions)
    assert ("USA", "LEG") in _codes(mentions)


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("Het Kremlin ontkende het bericht.", "RUS", "GOV"),
        ("Het Witte Huis kondigde heffingen aan.", "USA", "GOV"),
        ("Het Pentagon stuurt schepen.", "USA", "MIL"),
        ("Peking protesteerde fel.", "CHN", "GOV"),
        ("Den Haag steunt het plan.", "NLD", "GOV"),
        ("Downing Street wil niet reageren.", "GBR", "GOV"),
        ("Pyongyang dreigde opnieuw.", "PRK", "GOV"),
    ],
)
def test_metonyms(mentions_of, text, code, sector):
    first = mentions_of(text)[0]
    assert (first.code, first.sector) == (code, sector)


def test_capital_as_place_has_no_sector(mentions_of):
    mentions = mentions_of("De ministers ontmoetten elkaar in Moskou.")
    place = [m for m in mentions if m.code == "RUS"]
    assert place and place[0].sector is None


@pytest.mark.parametrize(
    ("text", "code", "sector"),
    [
        ("De NAVO vergadert.", "NATO", "IGO"),
        ("De Europese Commissie en de EU-landen overleggen.", "EU", "IGO"),
        ("De Veiligheidsraad stemde.", "UN", "IGO"),
        ("Het Internationaal Strafhof vaardigde een bevel uit.", "ICC", "JUD"),
        ("Hamas liet gijzelaars vrij.", "PSE", "REB"),
        ("Hezbollah vuurde raketten af.", "LBN", "REB"),
        ("De Houthi's vielen een schip aan.", "YEM", "REB"),
        ("De FSB arresteerde een journalist.", "RUS", "SPY"),
        ("De FBI deed een inval.", "USA", "COP"),
        ("SpaceX lanceerde een raket.", "USA", "BUS"),
        ("Amnesty International en HRANA publiceerden cijfers.", "---", "HRI"),
    ],
)
def test_bodies_groups_agencies(mentions_of, text, code, sector):
    first = mentions_of(text)[0]
    assert (first.code, first.sector) == (code, sector)


def test_person_with_role_then_bare_surname(mentions_of):
    mentions = mentions_of(
        "De Keniaanse minister van Defensie Wanjiru Otieno bezocht Kampala. Later zei Otieno dat het goed ging."
    )
    first, later = mentions[0], [m for m in mentions if m.text == "Otieno"][0]
    assert first.text == "De Keniaanse minister van Defensie Wanjiru Otieno"
    assert (first.code, first.sector, first.person, first.role) == (
        "KEN",
        "GOV",
        "Wanjiru Otieno",
        "role.defence_minister",
    )
    assert (later.code, later.person) == ("KEN", "Wanjiru Otieno")


def test_counterpart_takes_country_from_adjective_and_role_from_antecedent(mentions_of):
    mentions = mentions_of(
        "De Ghanese president sprak met zijn Togolese ambtgenoot. Haar Franse collega keek toe."
    )
    counterpart = [m for m in mentions if "ambtgenoot" in m.text][0]
    assert (counterpart.code, counterpart.sector, counterpart.role) == (
        "TGO",
        "GOV",
        "role.head_of_state",
    )
    colleague = [m for m in mentions if "collega" in m.text][0]
    assert colleague.code == "FRA" and colleague.role == "role.head_of_state"


def test_tegenhanger_with_known_name(mentions_of):
    mentions = mentions_of(
        "De Poolse premier Donald Tusk belde met zijn Duitse tegenhanger Friedrich Merz.",
        date(2025, 9, 1),
    )
    merz = [m for m in mentions if m.person == "Friedrich Merz"][0]
    assert (merz.code, merz.sector, merz.role) == ("DEU", "GOV", "role.head_of_government")


@pytest.mark.parametrize(
    ("day", "sector"),
    [(date(2019, 6, 1), "GOV"), (date(2023, 6, 1), "OPP"), (date(2025, 6, 1), "GOV")],
)
def test_tenure_by_date_trump(mentions_of, day, sector):
    trump = mentions_of("Trump sprak urenlang.", day)[0]
    assert (trump.code, trump.sector) == ("USA", sector)


def test_tenure_by_date_rutte(mentions_of):
    assert mentions_of("Rutte reisde af.", date(2020, 3, 1))[0].code == "NLD"
    assert mentions_of("Rutte reisde af.", date(2025, 3, 1))[0].code == "NATO"


@pytest.mark.parametrize(
    ("day", "sector"), [(date(2019, 6, 1), "REB"), (date(2023, 6, 1), "GOV"), (None, "GOV")]
)
def test_a_delegation_speaks_for_its_organisation_in_the_sector_of_the_day(
    mentions_of, day, sector
):
    """A government-sector role word owned by a group ("een delegatie van de Taliban") takes
    the group's sector on the article's date (sector_changes.tsv), not the role's GOV."""
    found = _by_text(mentions_of("Een delegatie van de Taliban reisde naar Qatar.", day))
    assert (
        found["Een delegatie van de Taliban"].code,
        found["Een delegatie van de Taliban"].sector,
    ) == (
        "AFG",
        sector,
    )


def test_a_spokesman_of_a_movement_or_an_alliance_keeps_its_sector(mentions_of):
    found = _by_text(
        mentions_of("Een woordvoerder van Hezbollah en een woordvoerder van de NAVO reageerden.")
    )
    assert found["Een woordvoerder van Hezbollah"].sector == "REB"
    assert found["een woordvoerder van de NAVO"].sector == "IGO"
    state = _by_text(mentions_of("Een woordvoerder van de regering van Chili reageerde."))
    assert all(m.sector == "GOV" for m in state.values() if m.code == "CHL")


def test_former_office_holder(mentions_of):
    first = mentions_of("De Colombiaanse oud-president vertrok.")[0]
    assert (first.code, first.sector) == ("COL", "OPP")


def test_no_actors(mentions_of):
    assert [
        m
        for m in mentions_of("Het regent al de hele dag en de treinen rijden niet.")
        if m.code != "---"
    ] == []


def test_spans_point_into_the_field(mentions_of, frog, books):
    from kroniek.actors import find_mentions
    from kroniek.nlp import analyse

    text = "Volgens de krant heeft de Braziliaanse regering gisteren Argentinië bekritiseerd."
    sentences = analyse(frog, "text", text)
    for m in find_mentions(sentences, books):
        assert text[m.span[0] : m.span[1]] == m.text


def test_a_mention_says_what_it_names_and_how_it_was_found(mentions_of):
    """kind, book and found are fields, so later stages need not read them off the rule id."""
    found = {
        m.text: (m.kind, m.book, m.found)
        for m in mentions_of(
            "De Russische regering sprak in Parijs met premier Mark Rutte. De minister reisde later af.",
            date(2020, 5, 1),
        )
    }
    assert found["De Russische regering"] == ("adj", "states", "dictionary")
    assert found["Parijs"] == ("capital", "states", "dictionary")
    assert found["premier Mark Rutte"] == ("person", "people", "dictionary")
    assert found["De minister"][1:] == ("roles", "context")
