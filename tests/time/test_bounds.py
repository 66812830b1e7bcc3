"""Bounds for a main article printed without a time, found on a page captured much later."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from kroniek.records import AnalysedArticle, Article, Event
from kroniek.time import date_articles, date_found_events, publication_bounds

CAPTURE = datetime(2026, 1, 29, 10, 0, tzinfo=UTC)


def _main(text: str, headline: str = "Een kop") -> Article:
    return Article(
        doc="d",
        part="main",
        headline=headline,
        dateline="PARIJS",
        agencies=("ANP",),
        ago=None,
        text=text,
    )


def test_old_article_on_new_page_gets_bounds_not_the_capture_time():
    article = _main(
        "De Franse regering verwacht weinig van de toekomstige relatie met de VS. "
        "Parijs wacht af wat het aanstaande team van verkozen president Joe Biden gaat doen."
    )
    dated = date_articles([article], CAPTURE)[0]
    assert dated.published is None and dated.published_precision == "bounds"
    bounds = publication_bounds(article, CAPTURE)
    assert bounds.earliest.date() >= date(2020, 11, 6)
    assert bounds.latest.date() <= date(2021, 1, 20)
    assert bounds.how_sure == "high"
    assert "actor.person.biden" in bounds.reason
    assert date(2020, 11, 7) <= bounds.estimate.date() <= date(2021, 1, 20)


def test_the_dated_article_keeps_its_bounds_and_the_moment_it_speaks_from():
    """The time stage finds an article's bounds once and keeps them on the article; its events
    are dated from the moment kept there (the middle of bounds that end long before capture)."""
    text = (
        "Parijs wacht af wat het team van verkozen president Joe Biden gaat doen. "
        "De ministers overlegden gisteren in de hoofdstad."
    )
    main, brief = _main(text), Article("d", "brief:0", None, "ROME", ("ANP",), None, "Kort.")
    dated, undated_brief = date_articles([main, brief], CAPTURE)
    assert dated.bounds == publication_bounds(main, CAPTURE)
    assert dated.speaks_from == dated.bounds.estimate
    assert (undated_brief.bounds, undated_brief.speaks_from) == (None, CAPTURE)
    sentence = text.split(". ")[1]
    event = Event(
        *("FRA", "GOV", "De ministers", "FRA", "GOV", "de hoofdstad", "CONSULT", None, "040"),
        *(1.0, 1, "asserted", sentence, "text", (0, len(sentence)), "overlegden", "r"),
    )
    [found] = date_found_events([AnalysedArticle(dated, events=(event,))])
    that_day = dated.speaks_from.astimezone(ZoneInfo("Europe/Amsterdam")).date()
    assert found.events[0].event_date == (that_day - timedelta(days=1)).isoformat()


def test_role_before_name_bounds_by_tenure():
    bounds = publication_bounds(
        _main("Volgens NAVO-chef Jens Stoltenberg moet het bondgenootschap meer uitgeven."), CAPTURE
    )
    # the term ended 2024-10-01; a role mention is allowed two weeks of grace (tenure_grace_days)
    assert (bounds.earliest.date(), bounds.latest.date()) == (date(2014, 9, 30), date(2024, 10, 15))
    assert bounds.how_sure == "medium"  # ten years wide


def test_apposition_and_former_office():
    text = (
        "Blinken, de Amerikaanse minister van Buitenlandse Zaken, sprak met zijn collega. "
        "Ook de Amerikaanse oud-president Barack Obama was aanwezig."
    )
    bounds = publication_bounds(_main(text), CAPTURE)
    assert bounds.earliest.date() == date(2021, 1, 25)  # local midnight of 26 January, in UTC
    assert bounds.latest.date() == date(2025, 2, 3)  # end of term 2025-01-20 plus the grace
    kinds = {e.kind for e in bounds.evidence}
    assert kinds == {"tenure", "former"}


def test_an_office_named_before_the_name_dates_even_without_a_title_in_the_book():
    """A term whose office is itself a title word ("president") dates the text like a titled
    one: the head of state named with the title places the article in that term."""
    text = "De Afghaanse president Ashraf Ghani riep op tot een staakt-het-vuren."
    bounds = publication_bounds(_main(text), CAPTURE)
    assert bounds.earliest.date() == date(2014, 9, 28)  # local midnight of 29 September, in UTC
    assert bounds.latest.date() == date(2021, 8, 29)  # the term ended 2021-08-15, plus the grace
    assert "actor.person.ghani" in bounds.reason
    dated = date_articles([_main(text)], CAPTURE)[0]
    assert dated.speaks_from == bounds.estimate


def test_a_generic_role_word_keeps_every_office_it_may_name():
    """ "minister X" may name any minister term of X, also one of an office that dates nothing
    by itself (Financiën): the bounds then cover both terms, not only the titled one."""
    text = "Minister Wopke Hoekstra wil de begroting van het land op orde brengen."
    bounds = publication_bounds(_main(text), CAPTURE)
    assert bounds.earliest.date() == date(2017, 10, 25)  # first day as minister of Finance
    assert bounds.latest.date() == date(2023, 9, 19)  # end as foreign minister, plus the grace


def test_name_without_role_is_no_evidence():
    bounds = publication_bounds(_main("Een journalist sprak met Obama over zijn boek."), CAPTURE)
    assert bounds.earliest is None and bounds.latest == CAPTURE and bounds.how_sure == "low"


def test_known_event_years_ago_places_the_article():
    text = (
        "De landen trekken samen op sinds de Russische invasie in Oekraïne, ruim twee jaar geleden."
    )
    bounds = publication_bounds(_main(text), CAPTURE)
    assert date(2024, 2, 23) <= bounds.earliest.date() <= date(2024, 2, 25)
    assert date(2025, 2, 23) <= bounds.latest.date() <= date(2025, 2, 25)
    assert bounds.how_sure == "medium"


def test_named_dates_and_years_set_the_earliest_date():
    text = "Het akkoord van 12 maart 2023 werd nooit uitgevoerd. De crisis begon in 2021."
    bounds = publication_bounds(_main(text), CAPTURE)
    assert bounds.earliest.date() == date(2023, 3, 11)
    assert bounds.latest == CAPTURE
    future = publication_bounds(_main("De regering wil tegen 2030 klimaatneutraal zijn."), CAPTURE)
    assert future.earliest is None


def test_conflicting_evidence_is_dropped_and_reported():
    text = "De Britse premier Rishi Sunak sprak met de Duitse bondskanselier Friedrich Merz."
    bounds = publication_bounds(_main(text), CAPTURE)
    assert "ignored as conflicting" in bounds.reason
    assert len(bounds.evidence) == 1


def test_headline_counts_as_text():
    article = _main("Er is overleg geweest.", headline="Premier Keir Starmer ontvangt koning")
    assert publication_bounds(article, CAPTURE).earliest.date() == date(2024, 7, 4)


def test_plural_role_elsewhere_in_the_article_is_weaker_evidence():
    text = (
        "De ministers van Buitenlandse Zaken van twee landen spraken in Peking. "
        "Volgens de Noord-Koreaanse Choe Son-hui gaat het goed."
    )
    bounds = publication_bounds(_main(text), CAPTURE)
    assert bounds.earliest.date() == date(2022, 6, 10)
    assert bounds.how_sure == "medium"


def test_without_capture_time():
    bounds = publication_bounds(
        _main("De Iraanse president Ebrahim Raisi reisde naar Moskou."), None
    )
    assert (bounds.earliest.date(), bounds.latest.date()) == (date(2021, 8, 2), date(2024, 6, 2))
