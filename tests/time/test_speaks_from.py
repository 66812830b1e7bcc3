"""The chain reads its dictionaries at the moment an undated article speaks from (real Frog)."""

from datetime import UTC, date, datetime

from kroniek.pipeline import analyse_article
from kroniek.records import Article
from kroniek.time import date_articles

CAPTURE = datetime(2026, 1, 29, 10, 0, tzinfo=UTC)


def test_an_old_undated_article_gives_a_movement_its_sector_of_that_time(resources):
    """A head of state named with the title dates the article to the term; the movement that
    took power later is still a rebel group then, so an event between it and the government
    is kept (not dropped as one actor acting on itself)."""
    text = (
        "De Afghaanse president Ashraf Ghani heeft de Taliban opgeroepen tot een "
        "staakt-het-vuren. De Taliban wezen het voorstel van de regering af."
    )
    [dated] = date_articles(
        [Article("d", "main", "Een kop", "KABUL", ("ANP",), None, text)], CAPTURE
    )
    assert dated.published is None
    assert dated.speaks_from is not None and dated.speaks_from.date() < date(2021, 8, 15)
    found = analyse_article(dated, resources)
    assert {m.sector for m in found.mentions if "Taliban" in m.text} == {"REB"}
    assert ("AFG", "GOV", "AFG", "REB") in {
        (e.src, e.src_sector, e.tgt, e.tgt_sector) for e in found.events
    }
