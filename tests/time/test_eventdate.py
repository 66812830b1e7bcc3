"""Dutch temporal expressions resolved against fixed publication times."""

from datetime import UTC, date, datetime

import pytest

from kroniek.records import Event
from kroniek.time import (
    date_events,
    default_rules,
    find_time_expressions,
    is_future,
    resolve_event_date,
)

THU = datetime(2026, 1, 29, 9, 0, tzinfo=UTC)  # Thursday 29 January 2026
MON = datetime(2025, 3, 3, 8, 0, tzinfo=UTC)  # Monday, first week of March
NEW_YEAR = datetime(2026, 1, 1, 11, 0, tzinfo=UTC)  # Thursday 1 January 2026
LEAP = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)  # Friday after a 29 February


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        # deictic days
        ("De minister trad vandaag af.", THU, ("2026-01-29", "day")),
        ("Gisteren vielen bij een aanval drie doden.", THU, ("2026-01-28", "day")),
        ("Eergisteren sprak de premier met de koning.", THU, ("2026-01-27", "day")),
        ("Gisteren werd het verdrag getekend.", LEAP, ("2024-02-29", "day")),
        ("Gisteren sloot de grens.", NEW_YEAR, ("2025-12-31", "day")),
        ("Gisteravond braken rellen uit in de hoofdstad.", THU, ("2026-01-28", "day")),
        # weekdays: the most recent such day on or before publication
        ("Het parlement stemde maandag in met de wet.", THU, ("2026-01-26", "day")),
        ("De president sprak woensdag met journalisten.", THU, ("2026-01-28", "day")),
        ("Donderdag werd de ambassadeur ontboden.", THU, ("2026-01-29", "day")),
        ("Het leger trok zich vrijdag terug.", THU, ("2026-01-23", "day")),
        ("De bijeenkomst vond maandag plaats.", MON, ("2025-03-03", "day")),
        ("De betoging begon zondag.", MON, ("2025-03-02", "day")),
        ("Afgelopen maandag vond de stemming plaats.", MON, ("2025-02-24", "day")),
        ("Vorige donderdag werden twee diplomaten uitgewezen.", THU, ("2026-01-22", "day")),
        ("De minister reist komende maandag af naar Kaïro.", THU, ("2026-02-02", "day")),
        ("Aanstaande donderdag begint de top.", THU, ("2026-02-05", "day")),
        ("De leiders zullen maandag bijeenkomen.", THU, ("2026-02-02", "day")),
        ("Volgende week dinsdag volgt een tweede ronde.", THU, ("2026-02-03", "day")),
        ("Dinsdagavond werd een drone neergeschoten.", THU, ("2026-01-27", "day")),
        ("Donderdagochtend klonken explosies in de haven.", THU, ("2026-01-29", "day")),
        ("In de vroege ochtend van woensdag sloegen raketten in.", THU, ("2026-01-28", "day")),
        (
            "In de nacht van zaterdag op zondag werd een kantoor bestormd.",
            THU,
            ("2026-01-25", "day"),
        ),
        # weeks (Monday of the week, precision week), including the year boundary
        ("Vorige week kondigde de regering sancties aan.", THU, ("2026-01-19", "week")),
        ("Vorige week kondigde de regering sancties aan.", NEW_YEAR, ("2025-12-22", "week")),
        ("Deze week praten de delegaties verder.", THU, ("2026-01-26", "week")),
        ("Volgende week komt de commissie bijeen.", THU, ("2026-02-02", "week")),
        ("Het afgelopen weekend gingen duizenden de straat op.", THU, ("2026-01-24", "week")),
        # months
        ("Vorige maand sloten de landen een akkoord.", THU, ("2025-12", "month")),
        ("Vorige maand sloten de landen een akkoord.", MON, ("2025-02", "month")),
        ("Deze maand bezocht de premier het front.", THU, ("2026-01", "month")),
        ("In mei werd de generaal gearresteerd.", THU, ("2025-05", "month")),
        ("In mei zal de nieuwe regering aantreden.", THU, ("2026-05", "month")),
        ("In maart werd het gebouw opgeleverd.", MON, ("2025-03", "month")),
        ("Eind juni liep het bestand af.", THU, ("2025-06", "month")),
        ("Begin maart trokken de troepen zich terug.", THU, ("2025-03", "month")),
        ("Half april werd de nieuwe grondwet aangenomen.", THU, ("2025-04", "month")),
        ("In december werd de grens gesloten.", NEW_YEAR, ("2025-12", "month")),
        ("Afgelopen november gaf de regering de eerste aanzet.", THU, ("2025-11", "month")),
        ("De president trad in juli vorig jaar aan.", THU, ("2025-07", "month")),
        ("De operatie begon in april dit jaar.", MON, ("2025-04", "month")),
        ("In oktober 2023 brak de oorlog uit.", THU, ("2023-10", "month")),
        # explicit days
        ("De leiders ondertekenden op 17 januari een verdrag.", THU, ("2026-01-17", "day")),
        (
            "De leiders ondertekenden op 17 januari een verdrag.",
            date(2026, 1, 10),
            ("2025-01-17", "day"),
        ),
        ("Op 17 januari 2025 werd het verdrag getekend.", THU, ("2025-01-17", "day")),
        ("Maandag 12 januari kwam de raad bijeen.", THU, ("2026-01-12", "day")),
        ("Op 31 december werd de wet van kracht.", NEW_YEAR, ("2025-12-31", "day")),
        # years
        ("Dit jaar zijn al veertig journalisten opgepakt.", THU, ("2026", "year")),
        ("Vorig jaar kostte de inzet bijna een half miljard.", THU, ("2025", "year")),
        ("Vorig jaar kostte de inzet veel geld.", NEW_YEAR, ("2025", "year")),
        ("In 2019 werd het akkoord opgezegd.", THU, ("2019", "year")),
        ("De invasie begon ruim drie jaar geleden.", THU, ("2023", "year")),
        ("De gesprekken begonnen twee weken geleden.", THU, ("2026-01-12", "week")),
        # occasions
        ("Rond de jaarwisseling brandde een hotel af.", THU, ("2026-01-01", "day")),
        ("Met kerst werd een staakt-het-vuren afgekondigd.", THU, ("2025-12-25", "day")),
        # none
        ("De regering heeft onlangs nieuwe sancties ingesteld.", THU, (None, None)),
        ("Sinds maandag is de grens dicht.", THU, (None, None)),
        ("De verkiezingen van 2020 blijven omstreden.", THU, (None, None)),
    ],
)
def test_expression_families(sentence, published, expected):
    assert resolve_event_date(sentence, published) == expected


def test_publication_time_is_read_in_dutch_local_time():
    late = datetime(2026, 1, 28, 23, 30, tzinfo=UTC)  # already Thursday 00:30 in Amsterdam
    assert resolve_event_date("Gisteren landde het toestel.", late) == ("2026-01-28", "day")
    naive = datetime(2026, 1, 29, 9, 0)  # taken as UTC
    assert resolve_event_date("Vandaag landde het toestel.", naive) == ("2026-01-29", "day")


def test_without_publication_time_only_absolute_dates_resolve():
    assert resolve_event_date("Gisteren werd de leider gekozen.", None) == (None, None)
    assert resolve_event_date("Op 4 juni 2024 werd de leider gekozen.", None) == (
        "2024-06-04",
        "day",
    )
    assert resolve_event_date("In juni 2024 werd de leider gekozen.", None) == ("2024-06", "month")


def test_longest_expression_wins_and_spans_are_reported():
    found = find_time_expressions(
        "De operatie begon in mei dit jaar en eindigde vorige maand.", THU
    )
    assert [(e.text, e.value, e.precision) for e in found] == [
        ("in mei dit jaar", "2026-05", "month"),
        ("vorige maand", "2025-12", "month"),
    ]
    assert all(e.rule.startswith("time.") for e in found)


def test_anchor_picks_the_expression_nearest_the_trigger():
    sentence = "De operatie begon in mei en eindigde vorige maand met een inval."
    assert resolve_event_date(sentence, THU) == ("2025-05", "month")
    assert resolve_event_date(sentence, THU, anchor=sentence.index("eindigde")) == (
        "2025-12",
        "month",
    )


def test_tense_cues():
    rules = default_rules()
    assert is_future("De ministers zullen volgende week spreken.", rules)
    assert not is_future("De ministers hebben gisteren gesproken.", rules)
    assert not is_future("De ministers spraken elkaar.", rules)


def _event(sentence: str, trigger: str, fact: str = "asserted") -> Event:
    """An event as the coder makes it: the trigger's first word is its trigger token."""
    word = trigger.split()[0]
    at = sentence.index(word)
    return Event(
        src="AAA",
        src_sector="GOV",
        src_text="x",
        tgt="BBB",
        tgt_sector="GOV",
        tgt_text="y",
        type="CONSULT",
        mode=None,
        cameo="040",
        goldstein=1.0,
        quad_class=1,
        fact=fact,
        sentence=sentence,
        field="text",
        span=(0, len(sentence)),
        trigger=trigger,
        rule="r",
        sentence_index=0,
        trigger_token=len(sentence[:at].split()) + 1,
        trigger_span=(at, at + len(word)),
    )


def test_date_events_sets_dates_and_uses_future_fact():
    events = (
        _event("De premier bezocht dinsdag de hoofdstad.", "bezocht"),
        _event("De premier bezoekt maandag de hoofdstad.", "bezoekt", fact="future"),
        _event("De premier bezocht de hoofdstad.", "bezocht"),
    )
    dated = date_events(events, THU)
    assert [(e.event_date, e.event_date_precision) for e in dated] == [
        ("2026-01-27", "day"),
        ("2026-02-02", "day"),
        (None, None),
    ]
    assert events[0].event_date is None  # copies


def test_the_date_nearest_the_trigger_token_wins_also_for_a_separated_verb():
    """The event is anchored at its trigger token, so "valt ... aan" takes the day named beside
    it, not the first day of the sentence."""
    sentence = "Maandag werd nog gepraat, maar dinsdag valt het leger de stad aan."
    [dated] = date_events((_event(sentence, "valt ... aan"),), THU)
    assert (dated.event_date, dated.event_date_precision) == ("2026-01-27", "day")
