"""Sample pages named by their publication date: the bounds of each main article contain it.

The pages in samples/pages are dated by their file names (YYYY-MM-DD_...). Dated as if
captured on 2026-01-29, no main article may be stamped with the capture time, and the
bounds inferred from its text must contain the true date.
"""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from kroniek.time import date_articles, publication_bounds

SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "pages"
CAPTURE = datetime(2026, 1, 29, 10, 0, tzinfo=UTC)


def _pages():
    if not SAMPLES.is_dir():
        pytest.skip(f"{SAMPLES} is absent")
    segment = pytest.importorskip(
        "kroniek.segment", reason="kroniek.segment is not built yet"
    ).segment
    from kroniek.read import read_paths

    pages = [
        p
        for p in read_paths(sorted(SAMPLES.glob("*.txt")), fetched_at=CAPTURE)
        if not isinstance(p, Exception) and p.doc[:4].isdigit()
    ]
    if not pages:
        pytest.skip(f"no dated .txt pages in {SAMPLES}")
    return [(date.fromisoformat(p.doc[:10]), segment(p)) for p in pages]


def test_true_dates_lie_within_the_bounds():
    informative = 0
    for true, articles in _pages():
        (main,) = [a for a in articles if a.part == "main"]
        if main.ago:
            continue
        assert date_articles([main], CAPTURE)[0].published is None
        bounds = publication_bounds(main, CAPTURE)
        assert bounds.earliest is None or bounds.earliest.date() <= true, (true, bounds.reason)
        assert bounds.latest is not None and true <= bounds.latest.date(), (true, bounds.reason)
        informative += bounds.earliest is not None
    assert informative >= 1
