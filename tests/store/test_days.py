"""event_days: the day every event is filed under, written with the events and on upgrade."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import duckdb
from tests.store.store_records import analysed, event, page_result

from kroniek.pipeline import store_result
from kroniek.store import SCHEMA_VERSION, Store


def _days(path) -> dict[tuple[str, str], date | None]:
    con = duckdb.connect(str(path), read_only=True)
    try:
        return {
            (s, t): d for s, t, d in con.execute("SELECT src, tgt, day FROM event_days").fetchall()
        }
    finally:
        con.close()


def _fill(path) -> None:
    published = datetime(2026, 1, 20, 8, 0, tzinfo=UTC)
    with Store(path) as store:
        store_result(
            store,
            page_result(
                "a",
                (
                    analysed(
                        "a",
                        "main",
                        "tekst een",
                        (
                            event("NLD", "BEL", event_date="2025-12-24", span=(0, 5)),
                            event(
                                "NLD", "DEU", event_date="2026-01", span=(6, 9)
                            ),  # month holding published
                            event(
                                "NLD", "FRA", event_date="2025-11", span=(10, 12)
                            ),  # month before it
                            event("NLD", "LUX", span=(13, 15)),  # no date of its own
                        ),
                        published=published,
                    ),
                ),
            ),
        )
        undated = page_result(
            "b", (analysed("b", "main", "tekst twee", (event("USA", "CHN"),), published=None),)
        )
        store_result(store, undated)  # captured: the page's fetch day
        never = page_result(
            "c", (analysed("c", "main", "tekst drie", (event("IRN", "ISR"),), published=None),)
        )
        store_result(store, replace(never, page=replace(never.page, fetched_at=None)))


EXPECTED = {
    ("NLD", "BEL"): date(2025, 12, 24),
    ("NLD", "DEU"): date(2026, 1, 20),
    ("NLD", "FRA"): date(2025, 11, 1),
    ("NLD", "LUX"): date(2026, 1, 20),
    ("USA", "CHN"): date(2026, 1, 29),
    ("IRN", "ISR"): None,
}


def test_every_event_gets_its_day_when_stored(tmp_path):
    _fill(tmp_path / "k.duckdb")
    assert _days(tmp_path / "k.duckdb") == EXPECTED


def test_a_version_2_store_gets_event_days_when_opened_for_writing(tmp_path):
    path = tmp_path / "old.duckdb"
    _fill(path)
    con = duckdb.connect(str(path))
    con.execute("DROP TABLE event_days")
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
    assert _days(path) == EXPECTED


def test_paging_walks_dated_then_undated_events_once(tmp_path):
    from kroniek.store.browse import EventQuery, event_page

    path = tmp_path / "p.duckdb"
    with Store(path) as store:
        dated = tuple(
            event("NLD", "BEL", event_date=f"2025-0{m}-01", span=(m, m + 1)) for m in (1, 2, 3)
        )
        store_result(store, page_result("a", (analysed("a", "main", "tekst een", dated),)))
        undated = tuple(event("USA", "CHN", span=(n, n + 1), rule=f"r{n}") for n in range(3))
        never = page_result("c", (analysed("c", "main", "tekst drie", undated, published=None),))
        store_result(store, replace(never, page=replace(never.page, fetched_at=None)))
    seen, cursor = [], None
    with Store(path, read_only=True) as store:
        while True:
            page = event_page(store, EventQuery(), limit=2, cursor=cursor)
            assert (page.total, page.undated) == (6, 3)
            seen += [(e["day"], e["event_id"]) for e in page.events]
            cursor = page.next_cursor
            if cursor is None:
                break
    assert [day for day, _ in seen] == ["2025-03-01", "2025-02-01", "2025-01-01", None, None, None]
    assert len({event_id for _, event_id in seen}) == 6
