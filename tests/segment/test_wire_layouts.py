"""Dateline and date-line layouts of real wire pages: places joined by slashes, agency brackets
left empty, and a page that opens with its date. All page text here is written for these tests.
"""

from __future__ import annotations

import pytest

from kroniek.records import Page
from kroniek.segment import segment


def _seg(text: str) -> list:
    return segment(Page("w", "w.txt", text, None, None, "none"))


GAZA_PLAN = (
    "Webmail\n\n"
    "Trump presenteert plan voor einde oorlog in Gaza\n\n"
    "Trump presenteert plan voor einde oorlog in Gaza\n\n"
    "WASHINGTON/JERUZALEM (ANP/AFP/RTR) - De Amerikaanse president Donald Trump heeft in het Witte Huis "
    "een plan van twintig punten voor het einde van de oorlog in Gaza gepresenteerd. De Israëlische "
    "premier Benjamin Netanyahu stond naast hem en zei het plan te steunen.\n\n"
    "Meer uit Buitenland\n\n"
    "Oekraïne en Rusland ruilen gesneuvelde soldaten\n\n"
    "ISTANBUL/KYIV (ANP/RTR) - Oekraïne en Rusland hebben bij overleg in Istanbul afgesproken de "
    "stoffelijke resten van duizenden gesneuvelde militairen uit te wisselen.\n\n"
    "3 uur geleden\n"
)


def test_places_joined_by_a_slash_make_one_dateline() -> None:
    main, brief = _seg(GAZA_PLAN)
    assert (main.dateline, main.agencies) == ("WASHINGTON/JERUZALEM", ("ANP", "AFP", "RTR"))
    assert main.headline == "Trump presenteert plan voor einde oorlog in Gaza"
    assert main.text.startswith("De Amerikaanse president Donald Trump heeft")
    assert (brief.dateline, brief.agencies, brief.ago) == (
        "ISTANBUL/KYIV",
        ("ANP", "RTR"),
        "3 uur geleden",
    )
    assert brief.headline == "Oekraïne en Rusland ruilen gesneuvelde soldaten"
    assert brief.text.startswith("Oekraïne en Rusland hebben bij overleg")


def test_joined_places_run_together_with_the_brief_before() -> None:
    text = (
        "Kop van het hoofdartikel\n"
        "DEN HAAG (ANP) - De NAVO-top in Den Haag is afgesloten met een slotverklaring.\n"
        "Meer uit Buitenland\n"
        "BRUSSEL (ANP) - De EU bereidt nieuwe sancties voor.2 uur geledenISTANBUL/KYIV (ANP/RTR) - "
        "Oekraïne en Rusland spraken opnieuw in Istanbul.\n"
        "4 uur geleden"
    )
    briefs = _seg(text)[1:]
    assert [(b.dateline, b.ago, b.text) for b in briefs] == [
        ("BRUSSEL", "2 uur geleden", "De EU bereidt nieuwe sancties voor."),
        ("ISTANBUL/KYIV", "4 uur geleden", "Oekraïne en Rusland spraken opnieuw in Istanbul."),
    ]


@pytest.mark.parametrize("dateline", ["Brussel/Washington", "Den Haag / Brussel"])
def test_title_case_joined_places_need_a_known_agency(dateline: str) -> None:
    [main] = _seg(f"Kop\n{dateline} (ANP) - De EU en de VS sloten een handelsakkoord.\n")
    assert (main.dateline, main.agencies) == (dateline, ("ANP",))
    [main] = _seg(f"Kop\n{dateline} (Voorbeeld) - De EU en de VS sloten een handelsakkoord.\n")
    assert main.dateline is None


ELECTION = (
    "D66 wint Tweede Kamerverkiezingen nipt\n\n"
    "DEN HAAG ( - ) D66 is bij de Tweede Kamerverkiezingen de grootste partij geworden. De partij van "
    "Rob Jetten kreeg iets meer stemmen dan de PVV.\n\n"
    "Meer uit Buitenland\n\n"
    "EU en VS sluiten handelsakkoord\n\n"
    "TURNBERRY () - De Europese Unie en de Verenigde Staten hebben een handelsakkoord gesloten. Op de "
    "meeste Europese producten komt een Amerikaanse heffing van 15 procent.\n\n"
    "1 uur geleden\n"
)


def test_empty_agency_brackets_leave_a_dateline_without_agencies() -> None:
    main, brief = _seg(ELECTION)
    assert (main.dateline, main.agencies) == ("DEN HAAG", ())
    assert main.text.split("\n")[0].startswith("D66 is bij de Tweede Kamerverkiezingen")
    assert (brief.dateline, brief.agencies, brief.ago) == ("TURNBERRY", (), "1 uur geleden")
    assert brief.text.startswith("De Europese Unie en de Verenigde Staten")


def test_empty_brackets_split_a_run_together_list() -> None:
    text = (
        "Kop van het hoofdartikel\n"
        "DEN HAAG (ANP) - Het kabinet stelt de begroting vast.\n"
        "Meer uit Binnenland\n"
        "UTRECHT ( - ) De provincie opent een nieuwe fietsbrug.1 uur geledenZWOLLE () - Het waterschap "
        "versterkt een dijk.\n"
        "2 uur geleden"
    )
    briefs = _seg(text)[1:]
    assert [(b.dateline, b.agencies, b.ago) for b in briefs] == [
        ("UTRECHT", (), "1 uur geleden"),
        ("ZWOLLE", (), "2 uur geleden"),
    ]


def test_title_case_words_before_empty_brackets_are_no_dateline() -> None:
    [main] = _seg(
        "Kop\nDEN HAAG (ANP) - Het debat begon laat.\nVolgens Rutte () - zo bleek - was het rond.\n"
    )
    assert main.text == "Het debat begon laat.\nVolgens Rutte () - zo bleek - was het rond."


TAKAICHI = (
    "TOKIO (ANP/RTR/AFP) - Het Japanse parlement heeft Sanae Takaichi gekozen tot premier. Zij is de "
    "eerste vrouw in dat ambt.\n\n"
    "Meer uit Buitenland\n\n"
    "EU neemt negentiende sanctiepakket aan\n\n"
    "BRUSSEL (ANP) - De lidstaten van de Europese Unie hebben een nieuw pakket sancties tegen Rusland "
    "aangenomen.\n\n"
    "2 uur geleden\n"
)


@pytest.mark.parametrize(
    "date_line",
    [
        "dinsdag 21 oktober 2025",
        "Dinsdag 21 oktober 2025, 10:04",
        "DINSDAG - 21 oktober 2025",
        "di 21 okt. 2025 | 10:04",
        "21/10/2025 10:04",
        "21.10.2025",
    ],
)
def test_page_opening_with_a_date_line(date_line: str) -> None:
    main, brief = _seg(
        f"{date_line}\n\nTakaichi eerste vrouwelijke premier van Japan\n\n{TAKAICHI}"
    )
    assert (main.part, main.headline) == ("main", "Takaichi eerste vrouwelijke premier van Japan")
    assert (main.dateline, main.agencies, main.ago) == ("TOKIO", ("ANP", "RTR", "AFP"), date_line)
    assert (brief.dateline, brief.ago) == ("BRUSSEL", "2 uur geleden")


@pytest.mark.parametrize("date_line", ["21 oktober 2025 10:04", "dinsdag 21 oktober 2025 -"])
def test_date_line_running_into_the_dateline(date_line: str) -> None:
    main, brief = _seg(f"{date_line} {TAKAICHI}")
    assert (main.dateline, main.agencies, main.ago) == (
        "TOKIO",
        ("ANP", "RTR", "AFP"),
        date_line.rstrip(" -"),
    )
    assert main.text.startswith("Het Japanse parlement heeft Sanae Takaichi gekozen")
    assert (brief.dateline, brief.ago) == ("BRUSSEL", "2 uur geleden")


def test_weekday_in_capitals_before_a_dash_is_no_dateline() -> None:
    articles = _seg(f"ZONDAG - 10:04\nTakaichi eerste vrouwelijke premier van Japan\n{TAKAICHI}")
    assert [(a.part, a.dateline) for a in articles] == [("main", "TOKIO"), ("brief:0", "BRUSSEL")]
    assert articles[0].headline == "Takaichi eerste vrouwelijke premier van Japan"
