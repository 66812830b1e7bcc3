"""The HTTP API and browsing page, served by a real uvicorn on a free loopback port."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime

import httpx
import pytest
from tests.api.live import live_server

from kroniek.pipeline import store_result
from kroniek.records import AnalysedArticle, Article, Event, Page, PageResult
from kroniek.store import Store

CAPTURED = datetime(2025, 1, 18, 9, 0, tzinfo=UTC)
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


def _event(src: str, tgt: str, etype: str, fact: str, day: str) -> Event:
    sentence = f"{src} en {tgt} deden iets samen."
    return Event(
        src=src,
        src_sector="GOV",
        src_text=src,
        tgt=tgt,
        tgt_sector="GOV",
        tgt_text=tgt,
        type=etype,
        mode=None,
        cameo="057" if etype == "AGREE" else "112",
        goldstein=8.0 if etype == "AGREE" else -2.0,
        quad_class=1 if etype == "AGREE" else 2,
        fact=fact,
        sentence=sentence,
        field="text",
        span=(0, len(sentence)),
        trigger="deden",
        trigger_span=(sentence.index("deden"), sentence.index("deden") + len("deden")),
        rule=f"test.{etype.lower()}",
        event_date=day,
    )


def _store(path) -> None:
    article = Article(
        doc="p1",
        part="main",
        headline="Kop",
        dateline="MOSKOU",
        agencies=("ANP",),
        ago=None,
        text="RUS en IRN deden iets samen.",
    )
    events = (
        _event("RUS", "IRN", "AGREE", "asserted", "2025-01-17"),
        _event("IRN", "RUS", "AGREE", "asserted", "2025-01-17"),
        _event("USA", "RUS", "ACCUSE", "alleged", "2024-12-02"),
    )
    page = Page(
        doc="p1",
        source="p1.txt",
        text="Kop\nMOSKOU (ANP) - tekst",
        html=None,
        fetched_at=CAPTURED,
        fetched_at_from="option",
    )
    result = PageResult(page, "nl", (AnalysedArticle(article, events=events),), content_hash="h1")
    with Store(path) as store:
        store_result(store, result)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A uvicorn server over a small store; yields its base URL."""
    db = tmp_path_factory.mktemp("serve") / "k.duckdb"
    _store(db)
    with live_server(db) as base:
        yield base


def test_stats_count_what_was_stored(server):
    counts = httpx.get(f"{server}/api/stats").json()
    assert counts["events"] == 3 and counts["pages"] == 1


def test_events_filter_by_actor_type_and_fact(server):
    by_actor = httpx.get(f"{server}/api/events", params={"actor": "usa"}).json()
    assert [(e["src"], e["tgt"], e["type"]) for e in by_actor] == [("USA", "RUS", "ACCUSE")]
    agree = httpx.get(f"{server}/api/events", params={"type": "AGREE"}).json()
    assert {(e["src"], e["tgt"]) for e in agree} == {("RUS", "IRN"), ("IRN", "RUS")}
    dyad = httpx.get(f"{server}/api/events", params={"dyad": "IRN,RUS"}).json()
    assert len(dyad) == 1 and dyad[0]["rule"] == "test.agree"
    since = httpx.get(f"{server}/api/events", params={"since": "2025-01-01"}).json()
    assert len(since) == 2


def test_bad_filters_are_refused_with_a_reason(server):
    bad = httpx.get(f"{server}/api/events", params={"dyad": "RUS"})
    assert bad.status_code == 422 and "two codes" in bad.text
    assert httpx.get(f"{server}/api/events", params={"fact": "maybe"}).status_code == 422


def test_home_page_filters_in_a_real_browser(server):
    """Headless Chromium fills in the filter form and reads the table it gets back."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (make setup installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as play:
        browser = play.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page()
        page.goto(f"{server}/")
        assert page.locator("tbody tr").count() == 3
        page.fill("input[name=actor]", "USA")
        page.select_option("select[name=fact]", "alleged")
        page.click("button[type=submit]")
        page.wait_for_url("**/?actor=USA**")
        rows = page.locator("tbody tr")
        assert rows.count() == 1
        assert "ACCUSE" in rows.first.inner_text() and "alleged" in rows.first.inner_text()
        assert page.locator("#shown").inner_text() == "1 events shown"
        browser.close()


def test_home_page_shows_events_with_their_sentence(server):
    page = httpx.get(f"{server}/", params={"fact": "alleged"})
    assert page.status_code == 200
    assert "1 events shown" in page.text
    assert 'USA en RUS <mark class="trigger">deden</mark> iets samen.' in page.text
