"""Pages cut off by the end of the file (wire pages are stored with a byte limit).

A last brief is kept when at least its first sentence is complete, without the sentence the
cut runs through; a fragment without a complete sentence is left out. A time cut short keeps
its surviving text as ``ago``. All page text here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.records import Page
from kroniek.segment import segment

PAGE = (Path(__file__).parent / "data" / "cut_page.txt").read_text(encoding="utf-8")
LAST_DATELINE = "WASHINGTON (ANP/AFP) - "
FIRST_SENTENCE = "De Verenigde Staten hebben sancties ingesteld tegen de Russische oliebedrijven Rosneft en Lukoil."


def _seg(text: str) -> list:
    return segment(Page("cut", "cut.txt", text, None, None, "none"))


def test_last_brief_cut_in_its_second_sentence_is_kept() -> None:
    articles = _seg(PAGE)
    assert [(a.part, a.dateline, a.agencies, a.ago) for a in articles] == [
        ("main", "TOKIO", ("ANP", "RTR", "AFP"), None),
        ("brief:0", "BRUSSEL", ("ANP",), "2 uur geleden"),
        ("brief:1", "WASHINGTON", ("ANP", "AFP"), None),
    ]
    assert articles[-1].headline == "VS straffen Russische oliereuzen"
    assert articles[-1].text == FIRST_SENTENCE


@pytest.mark.parametrize("keep", [0, 3, 40, len(FIRST_SENTENCE) - 1])
def test_last_brief_cut_in_its_first_sentence_is_left_out(keep: int) -> None:
    start = PAGE.index(LAST_DATELINE) + len(LAST_DATELINE)
    articles = _seg(PAGE[: start + keep])
    assert [a.part for a in articles] == ["main", "brief:0"]
    assert articles[-1].ago == "2 uur geleden"


def test_last_brief_cut_after_its_first_sentence_is_kept() -> None:
    end = PAGE.index(FIRST_SENTENCE) + len(FIRST_SENTENCE)
    last = _seg(PAGE[:end])[-1]
    assert (last.part, last.text, last.ago) == ("brief:1", FIRST_SENTENCE, None)


STAMP = "35 minuten geleden"


@pytest.mark.parametrize("cut", range(1, len(STAMP)))
def test_time_cut_short_keeps_its_surviving_text(cut: int) -> None:
    end = PAGE.index(FIRST_SENTENCE) + len(FIRST_SENTENCE)
    text = PAGE[:end] + "\n\n" + STAMP[:cut]
    last = _seg(text)[-1]
    assert (last.part, last.text) == ("brief:1", FIRST_SENTENCE)
    assert last.ago == STAMP[:cut].rstrip()


def test_time_cut_short_in_words() -> None:
    text = (
        "Kop van het hoofdartikel\n"
        "RIGA (ANP) - Letland sluit een grensovergang met Rusland.\n"
        "Meer uit Buitenland\n"
        "VILNIUS (ANP) - Litouwen koopt nieuwe luchtafweer.\n"
        "twee uur gel"
    )
    assert _seg(text)[-1].ago == "twee uur gel"


def test_headline_of_a_next_brief_is_not_a_cut_time() -> None:
    text = (
        "Kop van het hoofdartikel\n"
        "RIGA (ANP) - Letland sluit een grensovergang met Rusland.\n"
        "Meer uit Buitenland\n"
        "VILNIUS (ANP) - Litouwen koopt nieuwe luchtafweer.\n"
        "3 uur geleden\n"
        "Twee"
    )
    last = _seg(text)[-1]
    assert (last.dateline, last.ago) == ("VILNIUS", "3 uur geleden")


def test_cut_time_in_a_list_with_times_first_belongs_to_no_brief() -> None:
    """Where each time stands above its brief, a cut time at the end opens a brief never printed."""
    text = (
        "Kop van het hoofdartikel\n"
        "OSLO (ANP) - De Noorse regering presenteert haar begroting.\n"
        "Laatste nieuws\n"
        "10 minuten geleden\n"
        "HELSINKI (ANP/RTR) - Finland sluit nog een grensovergang.\n"
        "25 minuten gel"
    )
    briefs = _seg(text)[1:]
    assert [(b.dateline, b.ago) for b in briefs] == [("HELSINKI", "10 minuten geleden")]
