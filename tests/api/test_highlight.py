"""Triggers are marked where the store says they stand, not searched for in the sentence."""

from __future__ import annotations

from dataclasses import replace

from tests.store.store_records import analysed, event, page_result

from kroniek.api.pages import highlight, trigger_in_sentence
from kroniek.api.web import document_html
from kroniek.pipeline import store_result
from kroniek.store import Store

# the trigger word comes twice; the event was coded from its second use
TEXT = "Een kop. Wie steunt wie? Frankrijk steunt Duitsland."
SENTENCE = "Frankrijk steunt Duitsland."
START = TEXT.index(SENTENCE)
TRIGGER = (START + 10, START + 16)  # "steunt" in the last sentence


def _stored_events(tmp_path, trigger_span: tuple[int, int]) -> tuple[list[dict], dict]:
    """The event of a one-sentence article as store.events() and store.article() give it."""
    told = replace(
        event("FRA", "DEU", "COOPERATE", cameo="050", span=(START, len(TEXT))),
        sentence=SENTENCE,
        trigger="steunt",
        trigger_span=trigger_span,
    )
    with Store(tmp_path / "k.duckdb") as store:
        store_result(store, page_result("p1", (analysed("p1", "main", TEXT, (told,)),)))
        events = store.events()
        art = store.article(events[0]["article_id"])
    assert art is not None
    return events, art


def test_the_stored_trigger_span_is_marked_not_the_first_occurrence(tmp_path):
    events, art = _stored_events(tmp_path, TRIGGER)
    assert (events[0]["trigger_start"], events[0]["trigger_end"]) == TRIGGER
    at = trigger_in_sentence(events[0])
    assert at == (10, 16)
    assert highlight("Wie steunt wie? Hij steunt ons.", "steunt", (20, 26)) == (
        'Wie steunt wie? Hij <mark class="trigger">steunt</mark> ons.'
    )
    marked = document_html(TEXT, "text", [], art["events"])
    assert marked.startswith("Een kop. Wie steunt wie? Frankrijk <mark class=")
    assert marked.count("<mark") == 1


def test_an_event_stored_without_a_span_falls_back_to_its_first_word(tmp_path):
    events, art = _stored_events(tmp_path, (0, 0))  # an Event made without its trigger span
    assert events[0]["trigger_start"] is None and trigger_in_sentence(events[0]) is None
    assert highlight(SENTENCE, "steunt", None) == (
        'Frankrijk <mark class="trigger">steunt</mark> Duitsland.'
    )
    marked = document_html(TEXT, "text", [], art["events"])
    assert 'Frankrijk <mark class="trigger"' in marked and marked.count("<mark") == 1


def test_an_event_of_another_text_is_not_marked_in_this_one():
    """An event a version of the article added has offsets in the version's text."""
    from_version = {
        "field": "text",
        "span": [0, 27],
        "sentence": "Spanje steunt nu Portugal.",
        "trigger": "steunt",
        "trigger_start": 7,
        "trigger_end": 13,
        "type": "COOPERATE",
        "src": "ESP",
        "tgt": "PRT",
        "fact": "asserted",
    }
    assert "<mark" not in document_html(TEXT, "text", [], [from_version])
