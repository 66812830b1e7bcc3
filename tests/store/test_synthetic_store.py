"""bench/synthetic_store.py writes a store the API reads like an ingested one."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from kroniek.store import Store
from kroniek.store.browse import EventQuery, actor_counts, event_page

GENERATOR = Path(__file__).resolve().parents[2] / "bench" / "synthetic_store.py"


def test_synthetic_store_is_a_whole_store(tmp_path):
    spec = importlib.util.spec_from_file_location("synthetic_store", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    path = tmp_path / "s.duckdb"
    module.generate(path, events=300, seed=3)
    with Store(path, read_only=True) as store:
        counts = store.counts()
        assert (counts["events"], counts["articles"], counts["mentions"]) == (300, 100, 600)
        page = event_page(store, EventQuery(), limit=50)
        assert (page.total, page.undated, len(page.events)) == (300, 0, 50)
        days = [e["day"] for e in page.events]
        assert days == sorted(days, reverse=True)
        assert all(e["sentence"] and e["doc"] for e in page.events)
        assert sum(a["events"] for a in actor_counts(store, limit=100)) == 600
