"""Near-duplicate articles in the store: one copy, every sighting, events counted once."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
import yaml
from tests.store.store_records import analysed, event, page_result

from kroniek.dedup import VersionPlanner, article_id, event_id
from kroniek.errors import KroniekError
from kroniek.pipeline import store_result, store_results
from kroniek.records import Claim
from kroniek.store import SCHEMA_VERSION, Store, gdelt_rows
from kroniek.store.days import file_event_days

PAIRS = Path(__file__).resolve().parents[2] / "bench" / "data" / "dedup_pairs.yaml"


@pytest.fixture(scope="module")
def items() -> dict:
    """The hand-written briefs of the pairs file."""
    return yaml.safe_load(PAIRS.read_text(encoding="utf-8"))["items"]


def brief(items, key, doc, part="brief:0", events=(), claims=()):
    """An analysed article made of one item of the pairs file."""
    item = items[key]
    art = analysed(doc, part, item["text"], tuple(events), headline=item["headline"])
    return replace(art, claims=tuple(claims))


def figure(value: float, unit: str = "militairen", approx: str | None = "ongeveer") -> Claim:
    """A claim in the article's one sentence, tied to its first event."""
    return Claim(
        value=value,
        unit=unit,
        approx=approx,
        low=None,
        high=None,
        text=f"{approx} {value:g} {unit}",
        field="text",
        span=(10, 30),
        sentence=0,
        reported_by="de inlichtingendienst",
        events=(event("PRK", "RUS", "AID", cameo="074").key,),
        actors=("PRK", "RUS"),
    )


def test_the_plan_says_what_each_article_is_and_planning_writes_nothing(tmp_path, items):
    first = page_result("p1", (brief(items, "t1a", "p1"),))
    second = page_result(
        "p2",
        (
            brief(items, "t1a", "p2"),  # the stored text again
            brief(items, "t1b", "p2", part="brief:1"),  # an edited version of it
            brief(items, "t2a", "p2", part="brief:2"),  # another brief
            brief(items, "t2a", "p2", part="brief:3"),  # that brief twice on the page
        ),
    )
    failed = replace(page_result("p3", ()), error="kroniek: p3: no article found")
    with Store(tmp_path / "k.duckdb") as store:
        store_result(store, first)
        before = store.counts()
        plan = VersionPlanner().plan([second, first, second, failed], store)
        assert store.counts() == before
    stored = article_id(first.articles[0].article)
    ids = [article_id(a.article) for a in second.articles]
    page = plan.pages[0]
    assert page is not None and page.new and page.content_hash == second.content_hash
    assert [(a.article_id, a.kind, a.target) for a in page.articles] == [
        (ids[0], "stored", stored),
        (ids[1], "version", stored),
        (ids[2], "new", ids[2]),
        (ids[3], "stored", ids[2]),
    ]
    assert page.articles[1].similarity is not None and page.articles[1].similarity >= 0.45
    assert [bool(a.signature) for a in page.articles] == [False, True, True, False]
    assert [p.new for p in plan.pages[1:3] if p is not None] == [False, False]
    assert plan.pages[3] is None and plan.signatures == ()


def test_the_plan_lists_what_each_version_adds_also_twice_in_one_batch(tmp_path, items):
    send = event("PRK", "RUS", "AID", cameo="074")  # the event figure() ties its figures to
    check = replace(event("USA", "PRK", "CONSULT", cameo="010"), trigger="onderzoeken")
    accuse = event("IRN", "ISR", "ACCUSE", cameo="112", span=(1, 4))
    five = replace(figure(5), events=(accuse.key,))
    first = page_result("p1", (brief(items, "t1a", "p1", events=[send], claims=[figure(3000)]),))
    updates = page_result(
        "p2",
        (
            brief(items, "t1b", "p2", events=[send, check], claims=[figure(3000), figure(4000)]),
            brief(
                items,
                "t1c",
                "p2",
                "brief:1",
                events=[check, accuse],
                claims=[figure(4000), five],
            ),
        ),
    )
    with Store(tmp_path / "k.duckdb") as store:
        store_result(store, first)
        held = store.events()[0]["event_id"]
        plan = VersionPlanner().plan([updates], store)
        page = plan.pages[0]
        assert page is not None and [a.kind for a in page.articles] == ["version", "version"]
        one, two = page.articles
        added = event_id(one.article_id, check)  # the first version adds it, the second has it
        assert one.event_ids == (held, added) and one.new_events == ((1, 1),)
        assert one.new_figures == (1,)
        assert two.event_ids == (added, event_id(two.article_id, accuse))
        assert two.new_events == ((1, 2),) and two.new_figures == (1,)
        store.add_many([updates], plan)
        events = store.rows("SELECT idx, event_id, version_id FROM events ORDER BY idx")
        assert events == [
            (0, held, article_id(first.articles[0].article)),
            (1, added, one.article_id),
            (2, two.event_ids[1], two.article_id),
        ]
        assert store.rows("SELECT value, event_ids FROM quantities ORDER BY value") == [
            (5, [two.event_ids[1]]),
            (3000, [held]),
            (4000, [held]),
        ]


def test_edited_update_is_one_article_with_a_version(tmp_path, items):
    send = (event("PRK", "RUS", "AID", cameo="074"),)
    first = page_result("p1", (brief(items, "t1a", "p1", events=send, claims=[figure(3000)]),))
    second = page_result(
        "p2", (brief(items, "t1b", "p2", part="brief:4", events=send, claims=[figure(10_000)]),)
    )
    with Store(tmp_path / "k.duckdb") as store:
        store_result(store, first)
        outcome = store_result(store, second)
        assert (
            outcome.new_articles,
            outcome.duplicate_articles,
            outcome.near_duplicates,
            outcome.new_events,
        ) == (0, 1, 1, 0)
        counts = store.counts()
        assert counts["articles"] == 1 and counts["versions"] == 1 and counts["sightings"] == 2
        assert counts["events"] == 1 and len(store.events()) == 1
        assert store.events()[0]["sightings"] == 2
        version = store.query("SELECT * FROM versions")[0]
        assert version["text"] == items["t1b"]["text"] and version["similarity"] >= 0.45
        assert sorted(q["value"] for q in store.query("SELECT value FROM quantities")) == [
            3000,
            10_000,
        ]
        stored = store.events()[0]["event_id"]  # both figures point at the one event, by its key
        assert [q["event_ids"] for q in store.query("SELECT event_ids FROM quantities")] == [
            [stored]
        ] * 2
        rows = list(gdelt_rows(store))
        assert len(rows) == 1 and rows[0]["NumMentions"] == 2 and rows[0]["NumArticles"] == 2


def test_event_added_by_an_update_is_stored_once(tmp_path, items):
    meet = event("PRK", "RUS")
    check = replace(event("USA", "PRK", "CONSULT", cameo="010"), trigger="onderzoeken")
    with Store(tmp_path / "k.duckdb") as store:
        store_result(store, page_result("p1", (brief(items, "t1a", "p1", events=[meet]),)))
        outcome = store_result(
            store, page_result("p2", (brief(items, "t1c", "p2", events=[meet, check]),))
        )
        assert outcome.new_events == 1
        again = store_result(
            store, page_result("p3", (brief(items, "t1c", "p3", events=[meet, check]),))
        )
        assert again.new_events == 0 and again.duplicate_articles == 1
        assert store.counts()["events"] == 2 and store.counts()["articles"] == 1
        assert {(e["src"], e["tgt"]) for e in store.events()} == {("PRK", "RUS"), ("USA", "PRK")}


@pytest.mark.parametrize("a,b", [("t2a", "t2c"), ("t2a", "t2d"), ("t15a", "t15c"), ("t3a", "t3d")])
def test_different_briefs_on_one_topic_are_not_merged(tmp_path, items, a, b):
    with Store(tmp_path / "k.duckdb") as store:
        store_result(
            store, page_result("p1", (brief(items, a, "p1", events=[event("USA", "VEN")]),))
        )
        outcome = store_result(
            store, page_result("p2", (brief(items, b, "p2", events=[event("USA", "VEN")]),))
        )
        assert outcome.new_articles == 1 and outcome.near_duplicates == 0
        assert store.counts()["articles"] == 2 and store.counts()["versions"] == 0


def test_near_duplicate_index_survives_reopening(tmp_path, items):
    path = tmp_path / "k.duckdb"
    with Store(path) as store:
        store_result(
            store, page_result("p1", (brief(items, "t7a", "p1", events=[event("ISR", "PSE")]),))
        )
    with Store(path) as store:
        assert store.counts()["articles"] == 1
        outcome = store_result(
            store, page_result("p2", (brief(items, "t7b", "p2", events=[event("ISR", "PSE")]),))
        )
        assert outcome.near_duplicates == 1
    with Store(path) as store:  # a version of the version is found through either
        outcome = store_result(store, page_result("p3", (brief(items, "t7e", "p3"),)))
        assert outcome.near_duplicates == 1
        assert store.counts()["articles"] == 1 and store.counts()["versions"] == 2
        assert store.counts()["events"] == 1
        assert len(store.query("SELECT * FROM signatures")) == 3


def test_two_versions_on_one_page_are_one_article(tmp_path, items):
    page = page_result(
        "p1",
        (
            brief(items, "t9a", "p1", part="main", events=[event("IRN", "IGO")]),
            brief(items, "t9b", "p1", part="brief:0", events=[event("IRN", "IGO")]),
        ),
    )
    with Store(tmp_path / "k.duckdb") as store:
        outcome = store_result(store, page)
        assert (outcome.new_articles, outcome.near_duplicates, outcome.new_events) == (1, 1, 1)
        assert store.counts()["sightings"] == 2


def test_reingesting_pages_that_share_briefs_keeps_one_copy(tmp_path, items):
    """Three captures carry the same briefs (one lightly edited on the last); counts stay right."""
    shared = {
        "t4a": event("UKR", "RUS", "CONSULT"),
        "t13a": event("USA", "EU", "COERCE", cameo="172"),
    }

    def capture(doc: str, edited: bool, chrome: str = ""):
        arts = [
            analysed(
                doc,
                "main",
                f"Eigen hoofdartikel van {doc}.",
                (event("FRA", "DEU"),),
                headline=f"Kop {doc}",
            )
        ]
        for n, (key, ev) in enumerate(shared.items()):
            use = "t4b" if edited and key == "t4a" else key
            arts.append(brief(items, use, doc, part=f"brief:{n}", events=[ev]))
        return page_result(doc, tuple(arts), body=f"pagina {doc}{chrome}")

    pages = [capture("p1", False), capture("p2", False), capture("p3", True)]
    path = tmp_path / "k.duckdb"
    with Store(path) as store:
        for page in pages:
            store_result(store, page)
        before = store.counts()
        n_events, n_gdelt = len(store.events()), len(list(gdelt_rows(store)))
    assert before["articles"] == 5 and before["versions"] == 1 and before["sightings"] == 9
    assert before["events"] == 5 and n_events == 5 and n_gdelt == 5
    with Store(path) as store:
        for page in pages:  # the same captures again, and one recapture with other chrome
            store_result(store, page)
        store_result(store, capture("p2", True, chrome=" (opnieuw opgehaald)"))
        after = store.counts()
        assert after["pages"] == 4 and after["sightings"] == before["sightings"] + 3
        assert {k: after[k] for k in ("articles", "versions", "events", "quantities")} == {
            k: before[k] for k in ("articles", "versions", "events", "quantities")
        }
        assert len(store.events()) == after["events"] == len(list(gdelt_rows(store)))
        assert sum(d["events"] for d in store.daily()) == after["events"]
        shared_rows = [
            e for e in store.events() if (e["src"], e["tgt"]) in {("UKR", "RUS"), ("USA", "EU")}
        ]
        assert len(shared_rows) == 2 and all(e["sightings"] == 4 for e in shared_rows)
        assert len(store.query("SELECT * FROM sightings WHERE doc = 'p2'")) == 6


def test_schema_1_store_is_upgraded_when_opened_for_writing(tmp_path, items):
    path = tmp_path / "old.duckdb"
    with Store(path) as store:
        store_result(store, page_result("p1", (brief(items, "t12a", "p1"),)))
    con = duckdb.connect(str(path))
    con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    con.execute("DELETE FROM signatures")
    con.close()
    with pytest.raises(KroniekError, match="to upgrade it"):
        Store(path, read_only=True)
    with Store(path) as store:
        assert store.schema_version == SCHEMA_VERSION
        outcome = store_result(store, page_result("p2", (brief(items, "t12b", "p2"),)))
        assert outcome.near_duplicates == 1  # the missing signature was rebuilt from the text


SAMPLES = Path(__file__).resolve().parents[2] / "samples" / "pages"


def _segmented(doc: str, text: str):
    """A PageResult of a segmented page (no NLP), keyed by its text."""
    import hashlib

    from kroniek.records import AnalysedArticle, Page, PageResult
    from kroniek.segment import segment

    page = Page(
        doc=doc, source=f"{doc}.txt", text=text, html=None, fetched_at=None, fetched_at_from="none"
    )
    return PageResult(
        page,
        "nl",
        articles=tuple(AnalysedArticle(a) for a in segment(page)),
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


def _revised(text: str) -> str:
    """Every article's first figure of two or more digits raised by one: a wire update."""
    import re

    return re.sub(r"(?<![\d.])(\d\d+)(?![\d.])", lambda m: str(int(m.group(1)) + 1), text)


def test_updated_sample_pages_add_versions_not_articles(tmp_path):
    files = sorted(SAMPLES.glob("*.txt"))
    if not files:
        pytest.skip(f"no sample pages in {SAMPLES}")
    with Store(tmp_path / "k.duckdb") as store:
        for f in files:
            store_result(store, _segmented(f.stem, f.read_text(encoding="utf-8")))
        before = store.counts()
        stored = {r["article_id"] for r in store.query("SELECT article_id FROM articles")}
        edited: set[str] = set()
        for f in files:
            update = _segmented(f"{f.stem}-update", _revised(f.read_text(encoding="utf-8")))
            outcome = store_result(store, update)
            assert outcome.new_articles == 0, f.name
            edited |= {article_id(a.article) for a in update.articles} - stored
        after = store.counts()
    assert len(edited) > 10  # the update really edits many articles
    assert after["articles"] == before["articles"]
    assert after["versions"] - before["versions"] == len(edited)
    assert after["sightings"] == 2 * before["sightings"]


def _table_rows(path: Path) -> dict[str, list]:
    """Every stored row per table, without the ingest times."""
    columns = {
        "pages": "* EXCLUDE (ingested_at)",
        "articles": "* EXCLUDE (first_seen)",
        "versions": "* EXCLUDE (first_seen)",
    }
    with duckdb.connect(str(path), read_only=True) as con:
        return {
            t: sorted(con.execute(f"SELECT {columns.get(t, '*')} FROM {t}").fetchall(), key=repr)
            for t in (
                "pages",
                "articles",
                "versions",
                "sightings",
                "sentences",
                "mentions",
                "events",
                "quantities",
                "signatures",
            )
        }


def test_a_batch_stores_what_its_pages_store_one_by_one(tmp_path, items):
    send = (event("PRK", "RUS", "AID", cameo="074"),)
    other = (event("USA", "PRK", "ACCUSE", cameo="112"),)
    pages = [
        page_result("p1", (brief(items, "t1a", "p1", events=send, claims=[figure(3000)]),)),
        page_result(
            "p2",
            (
                analysed("p2", "main", "Een eigen hoofdartikel.", other),
                brief(
                    items, "t1b", "p2", part="brief:4", events=send + other, claims=[figure(10_000)]
                ),
            ),
        ),
        page_result("p3", (brief(items, "t1a", "p3", part="brief:1", events=send),)),
    ]
    pages.append(pages[0])  # the same page twice
    with Store(tmp_path / "one.duckdb") as store:
        one_by_one = [store_result(store, page) for page in pages]
    with Store(tmp_path / "batch.duckdb") as store:
        batched = store_results(store, pages)
    assert batched == one_by_one
    assert [o.new_page for o in batched] == [True, True, True, False]
    assert batched[1].near_duplicates == 1 and batched[2].duplicate_articles == 1
    assert _table_rows(tmp_path / "batch.duckdb") == _table_rows(tmp_path / "one.duckdb")


def _refiled(path) -> tuple[list, list]:
    """The event_days rows as stored, and as FILE_SQL files every event from the tables now."""
    con = duckdb.connect(str(path))
    try:
        written = sorted(con.execute("SELECT * FROM event_days").fetchall())
        con.execute("BEGIN TRANSACTION")
        con.execute("DELETE FROM event_days")
        file_event_days(con)
        refiled = sorted(con.execute("SELECT * FROM event_days").fetchall())
        con.execute("ROLLBACK")
        return written, refiled
    finally:
        con.close()


def test_event_days_written_with_a_batch_equal_a_refiling_from_the_tables(tmp_path, items):
    meet = event("PRK", "RUS", event_date="2026-01")
    check = replace(event("USA", "PRK", "CONSULT", cameo="010"), trigger="onderzoeken")
    undated = event("IRN", "ISR", span=(1, 4))
    first = page_result(
        "p1",
        (
            brief(items, "t1a", "p1", events=[meet]),
            brief(items, "t2a", "p1", part="brief:1", events=[undated]),
        ),
        url="mailto:redactie",
    )
    second = page_result(
        "p2", (brief(items, "t2a", "p2", events=[undated]),), url="https://a.example/2"
    )
    update = page_result(
        "p3", (brief(items, "t1c", "p3", events=[meet, check]),), url="https://a.example/3"
    )
    path = tmp_path / "k.duckdb"
    with Store(path) as store:
        store_results(store, [first, second])
    written, refiled = _refiled(path)
    assert written == refiled and len(written) == 2
    assert {row[11] for row in written} == {"https://a.example/2", None}
    with Store(path) as store:
        store_results(store, [update])  # a version adds an event to an article of the first batch
    written, refiled = _refiled(path)
    added = [row for row in written if row[2] == "USA"]
    assert added == [row for row in refiled if row[2] == "USA"]
    assert added[0][9:] == ("p1", "brief:0", "https://a.example/3")
