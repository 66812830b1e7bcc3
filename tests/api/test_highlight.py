"""Triggers are marked where the store says they stand, not searched for in the sentence."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml
from tests.store.store_records import analysed, event, page_result

from kroniek.api.pages import highlight, trigger_in_sentence
from kroniek.api.web import document_html
from kroniek.pipeline import store_result
from kroniek.records import Event, Sentence
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


PAIRS = Path(__file__).resolve().parents[2] / "bench" / "data" / "dedup_pairs.yaml"


def _told(text: str, index: int, src: str, tgt: str, trigger: str) -> Event:
    """An event coded from sentence ``index`` of ``text`` (sentences end at '. ')."""
    starts = [0] + [m.end() for m in re.finditer(r"\. ", text)]
    start = starts[index]
    end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
    at = text.index(trigger, start)
    return replace(
        event(src, tgt, "ACCUSE", cameo="112", span=(start, end)),
        sentence=text[start:end],
        trigger=trigger,
        sentence_index=index,
        trigger_token=len(text[start:at].split()) + 1,
        trigger_span=(at, at + len(trigger)),
    )


def _with_sentences(art, text: str):
    """``art`` with one stored sentence per sentence of its text."""
    starts = [0] + [m.end() for m in re.finditer(r"\. ", text)]
    ends = [s - 1 for s in starts[1:]] + [len(text)]
    rows = tuple(
        Sentence("text", i, s, e, text[s:e], (), False)
        for i, (s, e) in enumerate(zip(starts, ends, strict=True))
    )
    return replace(art, sentences=rows)


def test_an_event_finds_its_sentence_row_by_index_and_a_versions_event_none(tmp_path):
    """The article's own event joins its stored sentence by index; an event a version added
    (offsets in the version's text, whose sentence 0 differs) joins none and is not marked,
    though the article has a sentence 0."""
    items = yaml.safe_load(PAIRS.read_text(encoding="utf-8"))["items"]
    first, edited = items["t1a"]["text"], items["t1b"]["text"]
    own = _told(first, 2, "RUS", "KOR", "bevestigd")
    added = _told(edited, 0, "PRK", "RUS", "gestuurd")
    with Store(tmp_path / "k.duckdb") as store:
        art = _with_sentences(analysed("p1", "main", first, (own,)), first)
        store_result(store, page_result("p1", (art,)))
        version = _with_sentences(analysed("p2", "main", edited, (added,)), edited)
        assert store_result(store, page_result("p2", (version,))).near_duplicates == 1
        stored = store.article(store.events()[0]["article_id"])
    assert stored is not None
    rows = {
        e["src"]: (e["sentence_idx"], e["trigger_token"], e["sentence_row"])
        for e in stored["events"]
    }
    start = first.index(own.sentence)
    assert rows == {
        "RUS": (2, 8, {"field": "text", "span": [start, start + len(own.sentence)]}),
        "PRK": (0, 11, None),
    }
    marked = document_html(first, "text", [], stored["events"])
    assert marked.count("<mark") == 1 and '<mark class="trigger" title="ACCUSE RUS' in marked
