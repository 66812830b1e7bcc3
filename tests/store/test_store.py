"""The DuckDB store: schema, idempotent add, shared briefs, failures, event queries."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import duckdb
import pytest
from tests.store.store_records import analysed, event, page_result

from kroniek.dedup import VersionPlanner, article_id
from kroniek.errors import KroniekError
from kroniek.pipeline import store_result
from kroniek.store import SCHEMA_VERSION, AddOutcome, Store

BRIEF_TEXT = "De ministers van beide landen spraken dinsdag urenlang met elkaar."


def two_pages():
    """Two pages with different main articles that both carry the same brief."""
    brief = (event("FRA", "DEU"), event("DEU", "FRA"))
    first = page_result(
        "p1",
        (
            analysed("p1", "main", "Eerste hoofdartikel.", (event("NLD", "BEL", span=(0, 20)),)),
            analysed("p1", "brief:0", BRIEF_TEXT, brief, ago="2 uur geleden"),
        ),
    )
    second = page_result(
        "p2",
        (
            analysed("p2", "main", "Tweede hoofdartikel.", ()),
            analysed("p2", "brief:3", BRIEF_TEXT, brief, ago="5 uur geleden"),
        ),
    )
    return first, second


def test_new_store_has_schema_and_version(tmp_path):
    path = tmp_path / "k.duckdb"
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        assert store.counts() == dict.fromkeys(
            (
                "pages",
                "articles",
                "sightings",
                "sentences",
                "mentions",
                "events",
                "failures",
                "versions",
                "quantities",
                "stories",
                "story_events",
            ),
            0,
        )
    assert path.is_file()
    with Store(path, read_only=True) as store:  # reopening keeps the same file
        assert store.schema_version == SCHEMA_VERSION


def test_other_schema_version_is_refused(tmp_path):
    path = tmp_path / "old.duckdb"
    Store(path).close()
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(KroniekError, match="schema version 0"):
        Store(path)


def test_a_schema_3_store_gains_the_trigger_columns_when_opened_for_writing(tmp_path):
    """Version 3 kept no trigger offsets, sentence index or trigger token: its events keep
    none, new events are stored with them."""
    path = tmp_path / "old.duckdb"
    first, second = two_pages()
    with Store(path) as store:
        store_result(store, first)
    con = duckdb.connect(str(path))
    for column in ("trigger_start", "trigger_end", "sentence_idx", "trigger_token", "version_id"):
        con.execute(f"ALTER TABLE events DROP COLUMN {column}")
    con.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    con.close()
    with pytest.raises(KroniekError, match="to upgrade it"):
        Store(path, read_only=True)
    said = replace(
        event("ITA", "ESP"),
        sentence="Italië ontmoette Spanje.",
        trigger_span=(7, 16),
        sentence_index=0,
        trigger_token=2,
    )
    later = page_result("p3", (analysed("p3", "main", "Italië ontmoette Spanje.", (said,)),))
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        store_result(store, later)
        stored = {
            e["src"]: (e["trigger_start"], e["trigger_end"], e["sentence_idx"], e["trigger_token"])
            for e in store.events()
            if e["src"] in ("NLD", "ITA")
        }
    assert stored == {"NLD": (None, None, None, None), "ITA": (7, 16, 0, 2)}


def test_read_only_missing_store_is_a_clear_error(tmp_path):
    with pytest.raises(KroniekError, match="no such store"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_add_then_re_add_is_idempotent(tmp_path):
    first, _ = two_pages()
    with Store(tmp_path / "k.duckdb") as store:
        outcome = store_result(store, first, rules_sha256="abc")
        assert outcome == AddOutcome(
            new_page=True, new_articles=2, duplicate_articles=0, new_events=3
        )
        before = store.counts()
        assert store.has_page(first.content_hash)
        assert store_result(store, first) == AddOutcome(False, 0, 0, 0)
        assert store.counts() == before
    with Store(tmp_path / "k.duckdb") as store:  # and across sessions
        assert store_result(store, first) == AddOutcome(False, 0, 0, 0)
        assert store.counts() == before
        assert before["pages"] == 1 and before["events"] == 3 and before["sentences"] == 2


def test_shared_brief_is_stored_once_with_two_sightings(tmp_path):
    first, second = two_pages()
    with Store(tmp_path / "k.duckdb") as store:
        store_result(store, first)
        outcome = store_result(store, second)
        assert outcome == AddOutcome(True, 1, 1, 0)
        counts = store.counts()
        assert counts["pages"] == 2
        assert counts["articles"] == 3
        assert counts["sightings"] == 4
        assert counts["events"] == 3  # the brief's two events are not inserted again
        aid = article_id(first.articles[1].article)
        stored = store.article(aid)
        assert [(s["doc"], s["part"], s["ago"]) for s in stored["sightings"]] == [
            ("p1", "brief:0", "2 uur geleden"),
            ("p2", "brief:3", "5 uur geleden"),
        ]
        assert len(stored["events"]) == 2
        assert {e["sightings"] for e in stored["events"]} == {2}


def test_article_id_ignores_whitespace_but_not_words():
    base = analysed("x", "main", "Een  korte\n tekst.").article
    same = replace(base, text="Een korte tekst.", doc="y", part="brief:2", ago="1 uur geleden")
    other = replace(base, text="Een andere tekst.")
    assert article_id(base) == article_id(same)
    assert article_id(base) != article_id(other)
    assert article_id(base) != article_id(replace(base, dateline="PARIJS"))


def test_failed_page_is_recorded_once(tmp_path):
    first, _ = two_pages()
    failed = replace(first, articles=(), error="kroniek: pages/p1.txt: not Dutch")
    with Store(tmp_path / "k.duckdb") as store:
        assert store_result(store, failed) == AddOutcome(False, 0, 0, 0)
        store.record_failure("pages/p1.txt", "kroniek: pages/p1.txt: not Dutch")
        store.record_failure("pages/p9.txt", "empty file")
        assert store.counts()["failures"] == 2
        assert store.counts()["pages"] == 0
        rows = {r["source"]: r for r in store.failures()}
        assert rows["pages/p1.txt"]["times"] == 2
        assert rows["pages/p9.txt"]["times"] == 1


def test_failed_transaction_leaves_nothing(tmp_path):
    """A write that fails halfway (an event that is no Event) stores none of the page, and the
    planner that planned it plans the page again as new."""
    first, _ = two_pages()
    bad = replace(first.articles[0], events=(object(),))
    broken = replace(first, articles=(bad, *first.articles[1:]))
    planner = VersionPlanner()
    with Store(tmp_path / "k.duckdb") as store:
        with pytest.raises(AttributeError):
            store_result(store, broken, planner)
        assert store.counts()["pages"] == 0 and store.counts()["articles"] == 0
        assert store.rows("SELECT count(*) FROM signatures") == [(0,)]
        outcome = store_result(store, first, planner)
        assert outcome.new_page and outcome.new_articles == len(first.articles)
        assert outcome.near_duplicates == 0


def query_store(tmp_path) -> Store:
    later = datetime(2026, 2, 10, 9, 0, tzinfo=UTC)
    page = page_result(
        "q",
        (
            analysed(
                "q",
                "main",
                "Hoofdartikel over een akkoord.",
                (
                    event("RUS", "IRN", "AGREE", cameo="057", event_date="2025-01-17"),
                    event("IRN", "RUS", "AGREE", cameo="057", event_date="2025-01-17"),
                    event("RUS", "UKR", "ASSAULT", cameo="190", fact="alleged", span=(41, 80)),
                ),
            ),
            analysed(
                "q",
                "brief:0",
                "Een bericht uit februari.",
                (event("USA", "RUS", "ACCUSE", cameo="112", event_date="2026-02"),),
                published=later,
            ),
        ),
    )
    store = Store(tmp_path / "q.duckdb")
    store_result(store, page)
    return store


def test_events_filters(tmp_path):
    with query_store(tmp_path) as store:
        everything = store.events()
        assert len(everything) == 4
        first = everything[0]
        assert first["doc"] == "q" and first["part"] == "main" and first["headline"] == "Kop"
        assert first["source"] == "pages/q.txt" and first["published"] == "2026-01-29T10:00:00Z"
        assert first["span"] == [0, 40] and first["event_date_precision"] == "day"
        assert {(e["src"], e["tgt"]) for e in store.events(actor="IRN")} == {
            ("RUS", "IRN"),
            ("IRN", "RUS"),
        }
        assert [e["type"] for e in store.events(dyad=("USA", "RUS"))] == ["ACCUSE"]
        assert [e["tgt"] for e in store.events(type="assault")] == ["UKR"]
        assert [e["tgt"] for e in store.events(fact="alleged")] == ["UKR"]
        # event_date 2025-01-17 for the agreements; the assault falls back to published (2026-01-29)
        assert len(store.events(until=date(2025, 12, 31))) == 2
        assert [
            e["tgt"] for e in store.events(since=date(2026, 1, 1), until=date(2026, 1, 31))
        ] == ["UKR"]
        # "2026-02" covers the whole month
        assert [e["type"] for e in store.events(since=date(2026, 2, 20))] == ["ACCUSE"]
        assert len(store.events(limit=2)) == 2
        assert store.events(limit=2, offset=3)[0]["type"] == "ACCUSE"
        assert store.events(actor="CHN") == []


def test_sparse_records_store_and_read_back(tmp_path):
    bare = event("---", "SYR", "ASSAULT", cameo="190", src_sector=None, tgt_sector=None)
    page = page_result(
        "bare",
        (
            analysed(
                "bare",
                "main",
                "Alleen tekst, zonder kop of plaats.",
                (bare, bare),
                headline=None,
                dateline=None,
                agencies=(),
                published=None,
            ),
        ),
    )
    with Store(tmp_path / "k.duckdb") as store:
        assert store_result(store, page) == AddOutcome(
            True, 1, 0, 1
        )  # the repeated event is kept once
        (row,) = store.events()
        assert row["src_sector"] is None and row["headline"] is None and row["published"] is None
        stored = store.article(row["article_id"])
        assert stored["agencies"] == [] and stored["dateline"] is None
        assert store.events(since=date(2000, 1, 1)) == []  # no date at all: outside any range


def test_dyads_and_daily_aggregate_the_same_events(tmp_path):
    with query_store(tmp_path) as store:
        dyads = store.dyads()
        assert sum(d["events"] for d in dyads) == len(store.events()) == 4
        rus_ukr = next(d for d in dyads if (d["src"], d["tgt"]) == ("RUS", "UKR"))
        assert rus_ukr["types"] == {"ASSAULT": 1}
        assert [(d["src"], d["tgt"]) for d in store.dyads(actor="IRN")] == [
            ("IRN", "RUS"),
            ("RUS", "IRN"),
        ]
        days = {d["day"]: d["events"] for d in store.daily()}
        # the agreements on their own day; the assault on its published day; the month-dated
        # accusation on the published day (2026-02-10) that lies inside that month
        assert days == {date(2025, 1, 17): 2, date(2026, 1, 29): 1, date(2026, 2, 10): 1}
        assert [e["day"] for e in store.events(type="ACCUSE")] == ["2026-02-10"]
        assert store.daily(fact="alleged")[0]["day"] == date(2026, 1, 29)


def test_foreign_files_are_refused(tmp_path):
    other = tmp_path / "other.duckdb"
    con = duckdb.connect(str(other))
    con.execute("CREATE TABLE things (x INTEGER)")
    con.close()
    with pytest.raises(KroniekError, match="not a kroniek store"):
        Store(other)
    junk = tmp_path / "junk.duckdb"
    junk.write_text("no database here", encoding="utf-8")
    with pytest.raises(KroniekError, match="not a kroniek store"):
        Store(junk)
    with pytest.raises(KroniekError, match="a directory, not a store file"):
        Store(tmp_path)
