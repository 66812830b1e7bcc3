"""/api/v1 over a real uvicorn and a real DuckDB file: filters, paging, formats and errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime

import duckdb
import httpx
import pyarrow.parquet as pq
import pytest
from tests.api.live import live_server
from tests.store.store_records import analysed, event, page_result

from kroniek.pipeline import store_result
from kroniek.store import Store
from kroniek.stories import link_new_events

TOKEN = "s3cret-token"


def _told(src, tgt, type_, cameo, quad, fact, day, span, sentence):
    made = event(src, tgt, type_, cameo=cameo, span=span, fact=fact, event_date=day)
    return replace(
        made,
        quad_class=quad,
        goldstein=4.0 if quad <= 2 else -5.0,
        sentence=sentence,
        trigger=sentence.split()[1],
    )


EVENTS = (
    _told(
        "RUS",
        "UKR",
        "ASSAULT",
        "190",
        4,
        "asserted",
        "2025-01-10",
        (0, 10),
        "Rusland beschoot Oekraïense steden.",
    ),
    _told(
        "UKR",
        "RUS",
        "ACCUSE",
        "112",
        3,
        "alleged",
        "2025-01-11",
        (11, 20),
        "Oekraïne beschuldigt Rusland van oorlogsmisdaden.",
    ),
    _told(
        "RUS",
        "UKR",
        "CONSULT",
        "040",
        1,
        "future",
        "2025-02-03",
        (21, 30),
        "Rusland overlegt volgende week met Oekraïne.",
    ),
    _told(
        "USA",
        "UKR",
        "AID",
        "070",
        2,
        "asserted",
        "2025-02-05",
        (31, 40),
        "Washington stuurt hulp naar Kyiv.",
    ),
    _told(
        "USA",
        "CHN",
        "AGREE",
        "057",
        1,
        "negated",
        None,
        (41, 50),
        "Amerika sluit geen akkoord met China.",
    ),
)


@pytest.fixture(scope="module")
def api(tmp_path_factory):
    """A server over a five-event store (the last event has no date of any kind)."""
    folder = tmp_path_factory.mktemp("v1")
    db = folder / "k.duckdb"
    with Store(db) as store:
        store_result(
            store,
            page_result(
                "oorlog",
                (analysed("oorlog", "main", "Tekst over de oorlog.", EVENTS[:4], dateline="KYIV"),),
                url="https://example.org/oorlog",
            ),
        )
        undated = analysed(
            "handel",
            "main",
            "Tekst <script>alert(1)</script> over handel.",
            EVENTS[4:],
            published=None,
        )
        result = page_result("handel", (undated,))
        store_result(store, replace(result, page=replace(result.page, fetched_at=None)))
        link_new_events(store)
    inbox = folder / "inbox"
    inbox.mkdir()
    with live_server(db, token=TOKEN, inbox=inbox) as base:
        yield base, inbox


def get(api, path, **params):
    return httpx.get(f"{api[0]}/api/v1{path}", params=params, timeout=30)


def pairs(answer) -> list[tuple[str, str, str]]:
    return [(e["src"], e["tgt"], e["type"]) for e in answer.json()["events"]]


def test_events_newest_first_with_total_and_undated_last(api):
    answer = get(api, "/events")
    assert answer.status_code == 200
    body = answer.json()
    assert body["total"] == 5 and body["undated"] == 1
    assert [e["day"] for e in body["events"]] == [
        "2025-02-05",
        "2025-02-03",
        "2025-01-11",
        "2025-01-10",
        None,
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"actor": "usa"}, [("USA", "UKR", "AID"), ("USA", "CHN", "AGREE")]),
        ({"dyad": "RUS,UKR"}, [("RUS", "UKR", "CONSULT"), ("RUS", "UKR", "ASSAULT")]),
        (
            {"pair": "RUS,UKR", "type": "ACCUSE,ASSAULT"},
            [("UKR", "RUS", "ACCUSE"), ("RUS", "UKR", "ASSAULT")],
        ),
        (
            {"quad_class": "1,2"},
            [("USA", "UKR", "AID"), ("RUS", "UKR", "CONSULT"), ("USA", "CHN", "AGREE")],
        ),
        ({"fact": "alleged"}, [("UKR", "RUS", "ACCUSE")]),
        (
            {"since": "2025-01-11", "until": "2025-02-03"},
            [("RUS", "UKR", "CONSULT"), ("UKR", "RUS", "ACCUSE")],
        ),
        ({"q": "HULP"}, [("USA", "UKR", "AID")]),
    ],
)
def test_event_filters(api, params, expected):
    assert pairs(get(api, "/events", **params)) == expected


def test_a_date_filter_counts_the_undated_events_it_leaves_out(api):
    body = get(api, "/events", since="2025-01-01").json()
    assert body["total"] == 4 and body["undated"] == 1
    assert all(e["day"] for e in body["events"])


def test_cursor_paging_walks_every_event_once(api):
    seen, cursor = [], None
    while True:
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        body = get(api, "/events", **params).json()
        assert body["total"] == 5 and len(body["events"]) <= 2
        seen += [e["event_id"] for e in body["events"]]
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 5


@pytest.mark.parametrize(
    ("params", "reason"),
    [
        ({"actors": "RUS"}, "unknown parameter actors"),
        ({"since": "2025-13-01"}, "since"),
        ({"limit": "0"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"fact": "maybe"}, "fact"),
        ({"type": "HUG"}, "type"),
        ({"dyad": "RUS"}, "two actor codes"),
        ({"actor": "<b>"}, "not an actor code"),
        ({"cursor": "bm9wZQ"}, "cursor"),
        ({"since": "2025-03-01", "until": "2025-01-01"}, "after until"),
    ],
)
def test_bad_parameters_are_400_with_the_reason(api, params, reason):
    answer = get(api, "/events", **params)
    assert answer.status_code == 400 and reason in answer.json()["detail"]


def test_one_event_and_404(api):
    first = get(api, "/events", dyad="USA,UKR").json()["events"][0]
    one = get(api, f"/events/{first['event_id']}")
    assert one.status_code == 200
    assert one.json()["sentence"] == "Washington stuurt hulp naar Kyiv."
    assert one.json()["url"] == "https://example.org/oorlog" and one.json()["doc"] == "oorlog"
    assert get(api, "/events/" + "0" * 64).status_code == 404


def test_downloads_hold_the_whole_query_in_each_format(api):
    csv_file = get(api, "/events.csv", actor="RUS")
    assert csv_file.status_code == 200 and csv_file.headers["content-type"].startswith("text/csv")
    lines = csv_file.text.splitlines()
    assert lines[0].startswith("event_id,day,src") and len(lines) == 1 + 3
    table = pq.read_table(io.BytesIO(get(api, "/events.parquet", actor="RUS").content))
    assert table.num_rows == 3 and set(table.column("src").to_pylist()) == {"RUS", "UKR"}
    rows = json.loads(get(api, "/events.json", fact="negated").text)
    assert [(r["src"], r["tgt"]) for r in rows] == [("USA", "CHN")]
    assert get(api, "/events.xlsx").status_code == 404
    assert get(api, "/events.csv", limit="5").status_code == 400


def test_actors_with_counts_and_partners(api):
    actors = {a["code"]: a for a in get(api, "/actors").json()}
    assert actors["UKR"]["events"] == 4 and actors["UKR"]["as_target"] == 3
    assert actors["UKR"]["partners"][0] == {
        "code": "RUS",
        "events": 3,
        "cooperation": 1,
        "conflict": 2,
        "goldstein": -2.0,
    }
    assert get(api, "/actors/rus").json()["events"] == 3
    assert get(api, "/actors/XYZ").status_code == 404


def test_dyads_and_their_series(api):
    edges = get(api, "/dyads").json()
    assert edges[0] == {
        "a": "RUS",
        "b": "UKR",
        "events": 3,
        "cooperation": 1,
        "conflict": 2,
        "goldstein": -2.0,
    }
    month = get(api, "/dyads/RUS/UKR/series", interval="month").json()
    assert [(p["period"], p["events"], p["types"]) for p in month["periods"]] == [
        ("2025-01-01", 2, {"ACCUSE": 1, "ASSAULT": 1}),
        ("2025-02-01", 1, {"CONSULT": 1}),
    ]
    assert month["periods"][0]["goldstein"] == -5.0
    directed = get(api, "/dyads/RUS/UKR/series", interval="day", directed="true").json()
    assert [p["period"] for p in directed["periods"]] == ["2025-01-10", "2025-02-03"]
    assert get(api, "/dyads/RUS/UKR/series", interval="year").status_code == 400


def test_documents_with_mentions_and_events_as_spans(api):
    listing = get(api, "/documents", q="oorlog").json()
    assert listing["total"] == 1
    doc = get(api, f"/documents/{listing['documents'][0]['article_id']}").json()
    assert doc["text"] == "Tekst over de oorlog." and len(doc["events"]) == 4
    assert doc["mentions"][0]["span"] == [0, 5] and doc["events"][0]["span"] == [0, 10]
    assert get(api, "/documents/nope").status_code == 404


def test_stories_and_claims(api):
    stories = get(api, "/stories", actor="RUS").json()
    assert stories and all("RUS" in (s["side_a"], s["side_b"]) for s in stories)
    one = get(api, f"/stories/{stories[0]['story_id']}").json()
    assert one["timeline"] and "claims" in one
    assert get(api, "/stories/999999").status_code == 404
    assert get(api, "/claims").json() == []  # the hand-made articles report no figures
    assert get(api, "/claims", limit="0").status_code == 400


def test_writing_needs_the_token_and_a_small_page(api):
    base, inbox = api
    url = f"{base}/api/v1/pages"
    page = b"WASHINGTON (ANP) - Een bericht."
    assert httpx.post(url, params={"name": "a.txt"}, content=page).status_code == 401
    wrong = httpx.post(
        url, params={"name": "a.txt"}, content=page, headers={"Authorization": "Bearer nope"}
    )
    assert wrong.status_code == 401
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = httpx.post(url, params={"name": "b.txt"}, content=b"x" * 2_000_001, headers=auth)
    assert big.status_code == 413
    ok = httpx.post(url, params={"name": "a.txt"}, content=page, headers=auth)
    assert ok.status_code == 202 and (inbox / "a.txt").read_bytes() == page
    assert not (inbox / "b.txt").exists()


def test_openapi_and_offline_docs(api):
    spec = httpx.get(f"{api[0]}/openapi.json").json()
    assert {
        "/api/v1/events",
        "/api/v1/dyads/{a}/{b}/series",
        "/api/v1/documents/{article_id}",
        "/api/v1/stories",
        "/api/v1/claims",
        "/api/v1/actors",
    } <= set(spec["paths"])


def test_a_writer_holding_the_lock_gives_503_with_retry_after(api, tmp_path):
    db = tmp_path / "busy.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            (
                "import duckdb, sys, time\n"
                f"con = duckdb.connect({str(db)!r})\nprint('locked', flush=True)\ntime.sleep(30)"
            ),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        with live_server(db) as base:
            started = datetime.now(UTC)
            busy = httpx.get(f"{base}/api/v1/stats", timeout=30)
            waited = (datetime.now(UTC) - started).total_seconds()
        assert busy.status_code == 503 and busy.headers["retry-after"] == "2"
        assert "being written by another process" in busy.json()["detail"] and waited >= 2.5
    finally:
        holder.kill()
        holder.wait()


def test_serve_refuses_an_outdated_store_in_one_line(tmp_path):
    db = tmp_path / "old.duckdb"
    Store(db).close()
    con = duckdb.connect(str(db))
    con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    con.close()
    done = subprocess.run(
        [sys.executable, "-m", "kroniek", "serve", "--db", str(db), "--port", "1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.strip().count("\n") == 0 and "to upgrade it" in done.stderr
