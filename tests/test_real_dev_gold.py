"""The coder on the real development set: 64 real wire pages with blind gold, read from ../shared."""

import pytest
from tests.gold_sets import floors_hold


def test_real_dev_floors(shared_dir, resources):
    """Extract the real-dev pages and keep their scores at bench/baseline_real_dev.yaml."""
    pages = shared_dir / "corpus" / "real-dev" / "pages"
    gold = shared_dir / "gold" / "real-dev"
    if not pages.is_dir() or not (gold / "events.jsonl").is_file():
        pytest.skip(
            f"{pages} or its gold is absent: the real-dev set is read from ../shared at run time"
        )
    missed = floors_hold(sorted(pages.glob("*.txt")), gold, "baseline_real_dev.yaml", resources)
    assert not missed, missed
