"""The five seed pages: briefs are stamped within their stated hour, mains are not stamped."""

from datetime import UTC, datetime, timedelta

import pytest

from kroniek.time import date_articles, publication_bounds, resolve_event_date

CAPTURE = datetime(2026, 1, 29, 10, 0, tzinfo=UTC)
UNIT = {"minuut": timedelta(minutes=1), "minuten": timedelta(minutes=1), "uur": timedelta(hours=1)}


@pytest.fixture(scope="module")
def dated_pages(seeds_dir):
    segment = pytest.importorskip(
        "kroniek.segment", reason="kroniek.segment is not built yet"
    ).segment
    from kroniek.read import read_paths

    pages = list(read_paths(sorted(seeds_dir.glob("*.txt")), fetched_at=CAPTURE))
    assert len(pages) == 5 and all(not isinstance(p, Exception) for p in pages)
    return [(page, date_articles(segment(page), page.fetched_at)) for page in pages]


def test_every_brief_is_within_its_stated_unit_of_the_capture_time(dated_pages):
    briefs = 0
    for _page, articles in dated_pages:
        for art in articles:
            if art.part == "main" or not art.ago:
                continue
            n, unit = art.ago.split()[:2]
            step = UNIT[unit]
            assert art.published is not None, art
            assert CAPTURE - (int(n) + 1) * step <= art.published <= CAPTURE - int(n) * step, (
                art.ago
            )
            assert art.published_precision == ("hour" if unit == "uur" else "minute")
            briefs += 1
    assert briefs >= 30


def test_main_articles_are_not_stamped_with_the_capture_time(dated_pages):
    for page, articles in dated_pages:
        (main,) = [a for a in articles if a.part == "main"]
        assert main.published is None and main.published_precision == "bounds", page.doc
        bounds = publication_bounds(main, page.fetched_at)
        assert bounds.latest is not None and bounds.latest <= CAPTURE
        assert bounds.reason


def test_old_main_articles_get_bounds_well_before_the_capture(dated_pages):
    """Mains naming a dated office holder are bounded years before the 2026 capture."""
    informative = [
        publication_bounds(main, CAPTURE)
        for _p, arts in dated_pages
        for main in arts
        if main.part == "main"
    ]
    bounded = [b for b in informative if b.earliest is not None]
    assert len(bounded) >= 4
    assert any(
        b.latest < CAPTURE - timedelta(days=365 * 4) and b.how_sure == "high" for b in bounded
    )


def test_brief_event_dates_resolve_against_brief_times(dated_pages):
    resolved = 0
    for _page, articles in dated_pages:
        for art in articles:
            if art.part != "main" and art.published is not None:
                value, precision = resolve_event_date(art.text, art.published)
                if value:
                    assert value <= "2026-01-29" or precision != "day"
                    resolved += 1
    assert resolved >= 5
