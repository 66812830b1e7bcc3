"""find_mentions through real Frog (own sentences): sector changes on pages without a sure date."""

from __future__ import annotations

from datetime import date

import pytest

from kroniek.actors import find_mentions
from kroniek.nlp import analyse

RIVALS = (
    "Het Afghaanse kabinet liet vrijdag tweehonderd gevangen Taliban vrij. "
    "De Taliban onderhandelen in Doha met de regering."
)
ALONE = "De Taliban sloten vrijdag twee scholen in het zuiden van Afghanistan."


def _taliban_sectors(frog, books, text, on=None, period=None):
    sentences = analyse(frog, "text", text)
    found = find_mentions(sentences, books, on, period=period)
    return {m.sector for m in found if m.rule == "actor.group.taliban"}


def test_an_undated_movement_set_against_its_government_is_not_yet_in_power(frog, books):
    """With no date, a movement that later took power (sector_changes.tsv) keeps its old
    sector when the article names the state's government apart from it."""
    assert _taliban_sectors(frog, books, RIVALS) == {"REB"}


def test_an_undated_movement_named_alone_takes_its_latest_sector(frog, books):
    assert _taliban_sectors(frog, books, ALONE) == {"GOV"}


@pytest.mark.parametrize(
    ("period", "sector"),
    [
        ((None, date(2026, 1, 1)), "REB"),  # captured in 2026, written at any time before
        ((date(2023, 1, 1), date(2026, 1, 1)), "GOV"),  # the text dates itself after the change
    ],
)
def test_an_uncertain_date_reads_the_change_from_the_text(frog, books, period, sector):
    """A capture date is only the latest day an undated page can speak from: a change inside
    the open period is decided by the text, one before its earliest day by the date."""
    on = period[1]
    assert _taliban_sectors(frog, books, RIVALS, on=on, period=period) == {sector}


def test_a_sure_date_decides_the_sector(frog, books):
    assert _taliban_sectors(frog, books, RIVALS, on=date(2024, 5, 1)) == {"GOV"}
    assert _taliban_sectors(frog, books, RIVALS, on=date(2019, 5, 1)) == {"REB"}


@pytest.mark.parametrize(
    ("text", "code", "mention"),
    [
        ("De boer verkoopt zijn graan vooral aan de VS.", "USA", "de VS"),
        ("Het vliegtuig landde veilig in de VS.", "USA", "de VS"),
    ],
)
def test_an_abbreviation_closing_the_sentence_is_found_without_its_full_stop(
    mentions_of, text, code, mention
):
    """Frog keeps the full stop on an abbreviation at the end of a sentence ("VS."): the
    actor is still found, and its text ends before the stop."""
    found = {m.text: m.code for m in mentions_of(text)}
    assert found.get(mention) == code


def test_an_anti_adjective_names_whom_it_is_against(mentions_of):
    """ "anti-X" is found as X's government with how "against" (a protest's target only);
    "pro-X" names no actor."""
    found = mentions_of("Anti-Japanse en pro-Chinese leuzen klonken in de straten.")
    assert [(m.code, m.sector, m.found, m.text) for m in found] == [
        ("JPN", "GOV", "against", "Anti-Japanse")
    ]


def test_people_who_work_for_a_body_are_its_people(mentions_of):
    """A relative clause "die voor|bij X" right after a role word owns it: X's code."""
    found = _codes_by_text(mentions_of("Rusland straft mensen die voor de VN werken."))
    assert found["mensen"] == "UN"


def _codes_by_text(mentions):
    return {m.text: m.code for m in mentions}
