"""The segmenter on synthetic pages that vary the layout the way real news sites do.

All page text here is written for these tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.records import Page
from kroniek.segment import segment

DATA = Path(__file__).parent / "data"


def _seg(text: str, doc: str = "t") -> list:
    return segment(Page(doc, f"{doc}.txt", text, None, None, "none"))


def _file(name: str) -> list:
    path = DATA / name
    return segment(Page(path.stem, str(path), path.read_text(encoding="utf-8"), None, None, "none"))


def test_site_chrome_and_doubled_headline_are_left_out() -> None:
    articles = _file("chrome_page.txt")
    main = articles[0]
    assert main.headline == "Navo-landen spreken in Den Haag hogere defensie-uitgaven af"
    assert main.dateline == "DEN HAAG"
    assert main.agencies == ("ANP", "AFP")
    assert main.ago == "25 juni 2025 16:40"
    paragraphs = main.text.split("\n")
    assert len(paragraphs) == 3
    assert paragraphs[0].startswith("De lidstaten van de NAVO")
    for chrome in ("Inloggen", "Webmail", "cookies", "Deel dit artikel", "Meer uit"):
        assert chrome not in main.text
    assert [a.dateline for a in articles[1:]] == ["NEW YORK", "TEL AVIV", "SÃO PAULO"]
    assert [a.ago for a in articles[1:]] == ["8 minuten geleden", "gisteren", "2 dagen geleden"]
    assert "Privacyverklaring" not in articles[-1].text


def test_briefs_with_their_own_headlines() -> None:
    articles = _file("brief_headlines.txt")
    assert [a.part for a in articles] == ["main", "brief:0", "brief:1", "brief:2"]
    briefs = articles[1:]
    assert [b.headline for b in briefs] == [
        "Kabinet wil meer geld voor dijkversterking",
        "Staking bij het openbaar vervoer in Utrecht",
        "Nieuwe directeur voor Rijksmuseum",
    ]
    assert [b.dateline for b in briefs] == ["DEN HAAG", "UTRECHT", "AMSTERDAM"]
    assert [b.ago for b in briefs] == ["1 uur geleden", "1 dag geleden", "29 januari 2026 10:04"]
    assert briefs[0].text.startswith("Het kabinet trekt")
    assert "Staking" not in briefs[0].text
    assert articles[0].text.split("\n")[-1].endswith("zo bleek dinsdag.")


def test_time_runs_straight_into_next_dateline_or_headline() -> None:
    text = (
        "Japan kiest nieuwe premier\n"
        "TOKIO (ANP/RTR) - Het Japanse parlement heeft een nieuwe premier gekozen. Zij volgt haar partijgenoot op.\n"
        "Meer uit Buitenland\n"
        "SEOUL (ANP/YONHAP) - Zuid-Korea houdt een grote oefening voor de kust. Die duurt drie dagen.\n"
        "12 minuten geledenPEKING (ANP/REUTERS) - China heeft een nieuwe satelliet gelanceerd.\n"
        "2 uur geledenVerkiezingen in Taiwan\n"
        "TAIPEI (ANP/AP) - In Taiwan zijn de stembureaus gesloten. De telling is begonnen.\n"
        "3 uur geleden"
    )
    briefs = _seg(text)[1:]
    assert [(b.dateline, b.agencies, b.ago, b.headline) for b in briefs] == [
        ("SEOUL", ("ANP", "YONHAP"), "12 minuten geleden", None),
        ("PEKING", ("ANP", "REUTERS"), "2 uur geleden", None),
        ("TAIPEI", ("ANP", "AP"), "3 uur geleden", "Verkiezingen in Taiwan"),
    ]


@pytest.mark.parametrize("section", ["Binnenland", "Economie", "Sport", "Tech & Media"])
def test_any_meer_uit_section(section: str) -> None:
    text = (
        "Loonstijging houdt aan\n"
        "AMSTERDAM (ANP) - De lonen in cao's stegen het afgelopen jaar opnieuw flink. Dat meldt het CBS.\n"
        f"Meer uit {section}\n"
        "FRANKFURT (ANP/DPA) - De Europese Centrale Bank laat de rente ongewijzigd.\n"
        "4 uur geleden"
    )
    articles = _seg(text)
    assert len(articles) == 2
    assert section not in articles[0].text
    assert articles[1].dateline == "FRANKFURT"
    assert articles[1].ago == "4 uur geleden"


def test_cut_off_mid_first_sentence_drops_the_brief() -> None:
    text = (
        "Brand in haven van Rotterdam onder controle\n"
        "ROTTERDAM (ANP) - De brandweer heeft een grote brand in de haven onder controle. Er raakte niemand gewond.\n"
        "Meer uit Binnenland\n"
        "ZWOLLE (ANP) - De IJssel staat hoger dan normaal. Schepen moeten langzaam varen.\n"
        "1 uur geledenGRONINGEN (ANP) - De provincie heeft een nieuwe"
    )
    articles = _seg(text)
    assert [a.dateline for a in articles] == ["ROTTERDAM", "ZWOLLE"]
    assert articles[1].ago == "1 uur geleden"


def test_cut_off_after_complete_sentences_keeps_them() -> None:
    """The page stops mid-sentence inside its last brief: the brief stays, without the cut sentence."""
    text = (
        "Brand in haven van Rotterdam onder controle\n"
        "ROTTERDAM (ANP) - De brandweer heeft een grote brand in de haven onder controle.\n"
        "Meer uit Binnenland\n"
        "ZWOLLE (ANP) - De IJssel staat hoger dan normaal.\n"
        "1 uur geledenGRONINGEN (ANP) - De provincie opent een nieuw fietspad. Het kost twee miljo"
    )
    articles = _seg(text)
    assert [(a.dateline, a.ago) for a in articles] == [
        ("ROTTERDAM", None),
        ("ZWOLLE", "1 uur geleden"),
        ("GRONINGEN", None),
    ]
    assert articles[-1].text == "De provincie opent een nieuw fietspad."


def test_last_brief_without_time_but_whole_is_kept() -> None:
    """A list whose last brief has no time but ends its sentence is not cut off."""
    text = (
        "Brand in haven van Rotterdam onder controle\n"
        "ROTTERDAM (ANP) - De brandweer heeft een grote brand in de haven onder controle.\n"
        "Meer uit Binnenland\n"
        "ZWOLLE (ANP) - De IJssel staat hoger dan normaal.\n"
        "1 uur geledenGRONINGEN (ANP) - De provincie opent een nieuw fietspad. Het kost twee miljoen euro."
    )
    last = _seg(text)[-1]
    assert (last.part, last.dateline, last.ago) == ("brief:1", "GRONINGEN", None)
    assert last.text == "De provincie opent een nieuw fietspad. Het kost twee miljoen euro."


def test_page_without_brief_list() -> None:
    text = (
        "Kunstmaan Artemis keert terug naar aarde\n"
        "\n"
        "HOUSTON (ANP/AFP) - Het ruimtevaartuig Orion is in de Stille Oceaan geland.\n"
        "\n"
        "De capsule had een reis rond de maan achter de rug.\n"
    )
    articles = _seg(text)
    assert len(articles) == 1
    assert articles[0].text == (
        "Het ruimtevaartuig Orion is in de Stille Oceaan geland.\n"
        "De capsule had een reis rond de maan achter de rug."
    )


def test_sub_headings_stay_in_the_main_text() -> None:
    text = (
        "Oekraïne en Rusland wisselen gevangenen uit\n"
        "KYIV (ANP/RTR) - Oekraïne en Rusland hebben opnieuw krijgsgevangenen uitgewisseld.\n"
        "Bemiddeling door de Emiraten\n"
        "De Verenigde Arabische Emiraten hebben volgens beide kanten bemiddeld.\n"
        "Eerdere ruil\n"
        "Een maand eerder vond ook al een uitwisseling plaats.\n"
        "Meer uit Buitenland\n"
    )
    articles = _seg(text)
    assert len(articles) == 1
    lines = articles[0].text.split("\n")
    assert lines[1] == "Bemiddeling door de Emiraten"
    assert lines[3] == "Eerdere ruil"
    assert len(lines) == 5


@pytest.mark.parametrize(
    ("dateline", "agencies"),
    [
        ("NEW YORK", "ANP/BLOOMBERG"),
        ("DEN HAAG", "ANP"),
        ("TEL AVIV", "ANP/AP"),
        ("SÃO PAULO", "ANP/EFE"),
        ("MEXICO-STAD", "ANP/RTR"),
        ("GENÈVE", "ANP/AFP/DPA"),
        ("BRUSSEL", "BELGA"),
        ("'S-HERTOGENBOSCH", "ANP"),
        ("ST. PETERSBURG", "ANP/REUTERS"),
    ],
)
def test_dateline_shapes(dateline: str, agencies: str) -> None:
    text = (
        "Een kop boven het bericht\n"
        f"{dateline} ({agencies}) - De gemeenteraad vergaderde tot diep in de nacht.\n"
    )
    [main] = _seg(text)
    assert main.dateline == dateline
    assert main.agencies == tuple(agencies.split("/"))
    assert main.text == "De gemeenteraad vergaderde tot diep in de nacht."


@pytest.mark.parametrize(
    "stamp",
    [
        "8 minuten geleden",
        "1 minuut geleden",
        "1 uur geleden",
        "gisteren",
        "Gisteren",
        "eergisteren",
        "1 dag geleden",
        "2 dagen geleden",
        "3 weken geleden",
        "29 januari 2026 10:04",
        "29 januari 2026, 10:04",
        "gisteren 18:30",
        "zo 4 feb 09:15",
        "12-03-2025 14:00",
        "vandaag om 07:45",
    ],
)
def test_time_stamps_after_briefs(stamp: str) -> None:
    text = (
        "Kop van het hoofdartikel\n"
        "LISSABON (ANP) - Portugal kiest een nieuw parlement.\n"
        "Meer uit Buitenland\n"
        "MADRID (ANP) - Spanje voert een nieuwe belasting in.\n"
        f"{stamp}ROME (ANP/ANSA) - Italië opent een nieuwe metrolijn.\n"
        f"{stamp}"
    )
    briefs = _seg(text)[1:]
    assert [(b.dateline, b.ago) for b in briefs] == [("MADRID", stamp), ("ROME", stamp)]


def test_times_printed_before_the_briefs() -> None:
    text = (
        "Kop van het hoofdartikel\n"
        "OSLO (ANP) - De Noorse regering presenteert haar begroting.\n"
        "Laatste nieuws\n"
        "10:15\n"
        "HELSINKI (ANP/RTR) - Finland sluit nog een grensovergang.\n"
        "09:40\n"
        "Zweden versterkt de kustwacht\n"
        "STOCKHOLM (ANP) - Zweden geeft de kustwacht meer schepen.\n"
    )
    briefs = _seg(text)[1:]
    assert [(b.dateline, b.ago, b.headline) for b in briefs] == [
        ("HELSINKI", "10:15", None),
        ("STOCKHOLM", "09:40", "Zweden versterkt de kustwacht"),
    ]


def test_list_run_together_on_one_line() -> None:
    text = (
        "Kop van het hoofdartikel\n"
        "WENEN (ANP) - Oostenrijk krijgt een nieuwe regering.\n"
        "Meer uit Buitenland\n"
        "PRAAG (ANP) - Tsjechië koopt nieuwe tanks.5 uur geledenBOEDAPEST (ANP/AFP) - "
        "Hongarije stelt de stemming uit. 6 uur geleden WARSCHAU (ANP) - Polen bouwt een hek.7 uur geleden"
    )
    briefs = _seg(text)[1:]
    assert [(b.dateline, b.ago, b.text) for b in briefs] == [
        ("PRAAG", "5 uur geleden", "Tsjechië koopt nieuwe tanks."),
        ("BOEDAPEST", "6 uur geleden", "Hongarije stelt de stemming uit."),
        ("WARSCHAU", "7 uur geleden", "Polen bouwt een hek."),
    ]


def test_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "Kop van het hoofdartikel\n"
        "ATHENE (ANP) - Griekenland heeft te maken met\n"
        "zware bosbranden op meerdere eilanden.\n"
        "\n"
        "Duizenden toeristen zijn\n"
        "geëvacueerd.\n"
    )
    [main] = _seg(text)
    assert main.text == (
        "Griekenland heeft te maken met zware bosbranden op meerdere eilanden.\n"
        "Duizenden toeristen zijn geëvacueerd."
    )


def test_brief_with_more_than_one_paragraph() -> None:
    text = (
        "Kop van het hoofdartikel\n"
        "BERLIJN (ANP) - Duitsland stelt een nieuwe minister aan.\n"
        "Meer uit Buitenland\n"
        "PARIJS (ANP/AFP) - Frankrijk schort de hervorming van de pensioenen op.\n"
        "De vakbonden reageren opgelucht.\n"
        "3 uur geleden\n"
        "DUBLIN (ANP) - Ierland krijgt een nieuwe taoiseach.\n"
        "4 uur geleden"
    )
    briefs = _seg(text)[1:]
    assert briefs[0].text == (
        "Frankrijk schort de hervorming van de pensioenen op.\nDe vakbonden reageren opgelucht."
    )
    assert [b.ago for b in briefs] == ["3 uur geleden", "4 uur geleden"]


def test_title_case_dateline_needs_a_known_agency() -> None:
    text = "Kop van het bericht\nDen Haag (ANP) - De Tweede Kamer stemt in met het voorstel.\n"
    [main] = _seg(text)
    assert (main.dateline, main.agencies) == ("Den Haag", ("ANP",))
    text = "Kop van het bericht\nVolgens de VN (UNHCR) - een organisatie - zijn er veel vluchtelingen.\n"
    [main] = _seg(text)
    assert main.dateline is None


def test_dateline_without_agency() -> None:
    [main] = _seg("Kop van het bericht\nBOGOTA - Colombia sluit een akkoord met rebellen.\n")
    assert (main.dateline, main.agencies) == ("BOGOTA", ())
    assert main.text == "Colombia sluit een akkoord met rebellen."


def test_page_without_any_dateline() -> None:
    text = (
        "Inloggen\n"
        "Zomertijd gaat zondag in\n"
        "Zomertijd gaat zondag in\n"
        "In de nacht van zaterdag op zondag gaat de klok een uur vooruit.\n"
        "Dat betekent een uur minder slaap.\n"
    )
    [main] = _seg(text)
    assert main.headline == "Zomertijd gaat zondag in"
    assert main.dateline is None and main.agencies == ()
    assert main.text.split("\n")[0].startswith("In de nacht")


def test_empty_or_blank_page_has_no_articles() -> None:
    assert _seg("") == []
    assert _seg("\n  \n\t\n") == []


def test_main_without_dateline_above_a_brief_list() -> None:
    text = (
        "Ga naar de inhoud\n"
        "Analyse: wat betekent de nieuwe coalitie voor Europa?\n"
        "Door onze correspondent\n"
        "De nieuwe Duitse regering wil in Brussel een actievere rol spelen.\n"
        "Dat zal in de andere hoofdsteden niet overal even goed vallen.\n"
        "Meer uit Buitenland\n"
        "• BERLIJN (ANP/DPA) - De Bondsdag heeft een nieuwe bondskanselier gekozen.\n"
        "5 min. geleden\n"
    )
    main, brief = _seg(text)
    assert main.headline == "Analyse: wat betekent de nieuwe coalitie voor Europa?"
    assert (main.dateline, main.agencies) == (None, ())
    assert main.text.split("\n") == [
        "De nieuwe Duitse regering wil in Brussel een actievere rol spelen.",
        "Dat zal in de andere hoofdsteden niet overal even goed vallen.",
    ]
    assert (brief.part, brief.dateline, brief.ago) == ("brief:0", "BERLIJN", "5 min. geleden")


def test_headline_running_straight_into_its_dateline() -> None:
    text = (
        "Kop van het hoofdartikel\n"
        "KAIRO (ANP) - Egypte opent een nieuw museum bij de piramides.\n"
        "Meer uit Buitenland\n"
        "Droogte treft oogst in MarokkoRABAT (ANP/AFP) - De graanoogst in Marokko valt tegen.\n"
        "2 uur geledenTUNIS (ANP) - Tunesië krijgt een nieuwe premier.\n"
        "3 uur geleden"
    )
    briefs = _seg(text)[1:]
    assert [(b.headline, b.dateline, b.ago) for b in briefs] == [
        ("Droogte treft oogst in Marokko", "RABAT", "2 uur geleden"),
        (None, "TUNIS", "3 uur geleden"),
    ]


def test_main_time_printed_after_its_text() -> None:
    text = (
        "Kop van het hoofdartikel\n"
        "NAIROBI (ANP) - Kenia stuurt politieagenten naar Haïti.\n"
        "4 uur geledenMeer uit Buitenland\n"
        "ADDIS ABEBA (ANP) - De Afrikaanse Unie vergadert over Soedan.\n"
        "5 uur geleden"
    )
    main, brief = _seg(text)
    assert main.ago == "4 uur geleden"
    assert main.text == "Kenia stuurt politieagenten naar Haïti."
    assert (brief.dateline, brief.ago) == ("ADDIS ABEBA", "5 uur geleden")


def test_party_in_brackets_is_not_a_dateline() -> None:
    text = (
        "Kop van het hoofdartikel\n"
        "DEN HAAG (ANP) - Het debat duurde lang. De minister van VWS (CDA) - die net begon - kreeg veel vragen.\n"
    )
    [main] = _seg(text)
    assert (
        main.text
        == "Het debat duurde lang. De minister van VWS (CDA) - die net begon - kreeg veel vragen."
    )


def test_photo_caption_is_not_the_headline() -> None:
    text = (
        "Finland en Zweden oefenen samen met NAVO-troepen\n"
        "Soldaten tijdens een eerdere oefening in Lapland (archieffoto)\n"
        "Soldaten in de sneeuw. Beeld: Voorbeeldfotograaf\n"
        "ROVANIEMI (ANP/RTR) - In het noorden van Finland is een grote militaire oefening begonnen.\n"
        "Tankwagens in een dorp © Voorbeeldbureau\n"
        "Er doen duizenden militairen uit meerdere landen mee.\n"
    )
    [main] = _seg(text)
    assert main.headline == "Finland en Zweden oefenen samen met NAVO-troepen"
    assert main.text == (
        "In het noorden van Finland is een grote militaire oefening begonnen.\n"
        "Er doen duizenden militairen uit meerdere landen mee."
    )


def test_page_that_is_only_a_brief_list() -> None:
    text = (
        "Meer uit Buitenland\n"
        "LIMA (ANP/EFE) - Peru roept de noodtoestand uit in de hoofdstad.\n"
        "1 uur geledenQUITO (ANP) - Ecuador sluit tijdelijk de grens.\n"
        "2 uur geleden"
    )
    articles = _seg(text)
    assert [(a.part, a.dateline, a.ago) for a in articles] == [
        ("brief:0", "LIMA", "1 uur geleden"),
        ("brief:1", "QUITO", "2 uur geleden"),
    ]
