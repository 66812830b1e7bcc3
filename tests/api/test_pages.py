"""The browsing pages in headless Chromium over the ingested sample corpus, served by uvicorn.

The corpus is ingested with the real pipeline (Frog) once per module, all but one page; the
last page is ingested by ``kroniek ingest`` while the server runs (new events must appear).
A hand-built article whose text holds markup checks that stored text is always inert.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from tests.api.live import live_server
from tests.store.store_records import analysed, event, page_result

from kroniek.api.web import VENDOR_DIR
from kroniek.pipeline import store_result
from kroniek.store import Store
from kroniek.stories import link_new_events

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"
LATE_PAGE = "2025-08-16_alaska-top.txt"  # ingested while the server runs
HOSTILE = '<script>window.pwned = 1</script><img src=x onerror="window.pwned = 2">'
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
MAIN_PAGES = (
    "/",
    "/map",
    "/dyad/RUS/UKR",
    "/actor/RUS",
    "/actors",
    "/stories",
    "/claims?unit=doden",
    "/search?q=akkoord",
)


def kroniek(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "kroniek", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
        timeout=900,
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, frog_ready):
    """The samples minus one page ingested into a store, plus one article full of markup."""
    folder = tmp_path_factory.mktemp("pages")
    pages = folder / "pages"
    shutil.copytree(SAMPLES / "pages", pages, ignore=shutil.ignore_patterns(LATE_PAGE))
    db = folder / "k.duckdb"
    done = kroniek(
        "ingest",
        str(pages),
        str(SAMPLES / "html"),
        str(SAMPLES / "records"),
        "--captures",
        str(SAMPLES / "fetched_at.tsv"),
        "--db",
        str(db),
    )
    assert done.returncode == 0, done.stderr
    sentence = f"Nederland tekende {HOSTILE} met België."
    told = event("NLD", "BEL", "AGREE", cameo="057", span=(0, len(sentence)))
    told = replace(told, sentence=sentence, trigger="tekende", trigger_span=(10, 17))
    with Store(db) as store:
        store_result(
            store,
            page_result(
                "markup",
                (
                    analysed(
                        "markup",
                        "main",
                        sentence,
                        (told,),
                        headline=f"Kop {HOSTILE}",
                    ),
                ),
            ),
        )
        link_new_events(store)
    return db, folder


@pytest.fixture(scope="module")
def site(corpus):
    if not (VENDOR_DIR / "d3.min.js").is_file():
        pytest.fail("the browser libraries are missing: run `make web`")
    with live_server(corpus[0]) as base:
        yield base


@pytest.fixture(scope="module")
def browser():
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.skip("Debian's chromium is not installed (make setup installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as play:
        launched = play.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        yield launched
        launched.close()


def test_map_shows_the_actors_and_an_edge_opens_the_dyad(site, browser):
    page = browser.new_page()
    page.goto(f"{site}/map")
    page.wait_for_selector("#relations[data-ready=true]")
    codes = set(page.locator("#relations g.node").evaluate_all("ns => ns.map(n => n.dataset.code)"))
    assert {"RUS", "UKR", "USA", "ISR", "PSE", "IRN"} <= codes
    page.locator('#relations a.edge[data-pair="RUS-UKR"]').click()
    page.wait_for_url("**/dyad/RUS/UKR")
    page.wait_for_selector("#timeline[data-ready=true]")
    assert page.locator("#timeline rect.bar-conflict").count() > 0
    expected = httpx.get(f"{site}/api/v1/events", params={"pair": "RUS,UKR"}).json()["total"]
    events = page.locator("li.event")
    assert events.count() == expected > 0
    for text in events.locator("p.what").all_inner_texts():
        assert "RUS" in text and "UKR" in text
    assert events.locator("mark.trigger").count() == expected
    assert events.locator(".fact").count() == expected
    page.close()


def test_map_edges_are_reachable_by_keyboard(site, browser):
    page = browser.new_page()
    page.goto(f"{site}/map")
    page.wait_for_selector("#relations[data-ready=true]")
    for _ in range(40):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('edge')"):
            break
    pair = page.evaluate("document.activeElement.dataset.pair")
    assert pair, "no relation edge took the keyboard focus"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/dyad/{pair.replace('-', '/')}")
    page.close()


def test_document_page_marks_triggers_and_actors(site, browser):
    article = httpx.get(
        f"{site}/api/v1/events", params={"dyad": "RUS,UKR", "type": "ASSAULT"}
    ).json()["events"][0]
    page = browser.new_page()
    page.goto(f"{site}/document/{article['article_id']}")
    triggers = page.locator("article.document mark.trigger")
    assert triggers.count() >= 1
    assert page.locator("article.document mark.actor").count() >= 2
    first_word = article["trigger"].split()[0]
    assert any(t.startswith(first_word) for t in triggers.all_inner_texts())
    page.close()


def test_markup_in_stored_text_stays_text(site, browser):
    page = browser.new_page()
    alerts: list[str] = []
    page.on("dialog", lambda d: (alerts.append(d.message), d.dismiss()))
    article = httpx.get(f"{site}/api/v1/events", params={"dyad": "NLD,BEL"}).json()["events"][0]
    for path in (f"/document/{article['article_id']}", "/dyad/NLD/BEL", "/search?q=tekende"):
        page.goto(f"{site}{path}")
        page.wait_for_load_state("load")
        assert page.evaluate("window.pwned") is None, path
        assert page.locator("main script, main img").count() == 0, path
        assert "<script>window.pwned = 1</script>" in page.locator("main").inner_text(), path
    assert alerts == []
    page.close()


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_no_sideways_scrolling_at_390_px(site, browser, path):
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(f"{site}{path}")
    if page.locator("svg[data-source]").count():
        page.wait_for_selector("svg[data-ready=true]")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.close()


@pytest.mark.parametrize("path", MAIN_PAGES)
def test_axe_finds_no_serious_violations(site, browser, path):
    context = browser.new_context(bypass_csp=True)  # axe itself is injected as a script
    page = context.new_page()
    page.goto(f"{site}{path}")
    if page.locator("svg[data-source]").count():
        page.wait_for_selector("svg[data-ready=true]")
    page.add_script_tag(path=str(VENDOR_DIR / "axe.min.js"))
    found = page.evaluate(
        "axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']})"
        ".then(r => r.violations.map(v => [v.id, v.impact, v.nodes.length]))"
    )
    serious = [v for v in found if v[1] in ("serious", "critical")]
    assert serious == [], serious
    context.close()


def test_pages_carry_no_inline_script_or_style(site):
    for path in (*MAIN_PAGES, "/docs", "/redoc"):
        html = httpx.get(f"{site}{path}").text
        assert "<style" not in html and " style=" not in html and " on" + "click" not in html
        for tag in html.split("<script")[1:]:
            assert tag.lstrip().startswith("src="), (path, tag[:60])


def test_api_docs_assets_are_served_locally(site):
    html = httpx.get(f"{site}/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in html and "//" not in html.replace("http://", "")
    assert httpx.get(f"{site}/static/vendor/swagger-ui-bundle.js").status_code == 200
    assert httpx.get(f"{site}/static/vendor/redoc.standalone.js").status_code == 200


def test_ingest_while_serving_shows_new_events_without_restart(site, corpus, browser):
    db, folder = corpus
    before = httpx.get(f"{site}/api/v1/stats").json()["events"]
    late = folder / "late"
    late.mkdir()
    shutil.copy(SAMPLES / "pages" / LATE_PAGE, late / LATE_PAGE)
    page = browser.new_page()
    with subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kroniek",
            "ingest",
            str(late),
            "--db",
            str(db),
            "--captures",
            str(SAMPLES / "fetched_at.tsv"),
        ],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    ) as running:
        answers = []
        while running.poll() is None:  # the server keeps answering while ingest runs
            answers.append(httpx.get(f"{site}/api/v1/stats", timeout=30).status_code)
        assert running.returncode == 0, running.stderr.read()
    assert answers and set(answers) == {200}
    after = httpx.get(f"{site}/api/v1/stats").json()["events"]
    assert after > before
    page.goto(f"{site}/search?q=Alaska")
    assert "2025-08-16_alaska-top" in page.locator("main").inner_text()
    page.close()


def test_claims_page_charts_each_reported_figure(site, browser):
    figures = httpx.get(f"{site}/api/v1/claims", params={"unit": "doden"}).json()
    dated = [f for f in figures if f["day"]]
    assert dated, "the samples report deaths"
    page = browser.new_page()
    page.goto(f"{site}/claims?unit=doden")
    page.wait_for_selector("#claims-chart[data-ready=true]")
    assert page.locator("#claims-chart circle.claim").count() == len(dated)
    assert page.locator("tbody tr").count() == len(figures)
    assert "figures" in page.locator("#claims-legend").inner_text()
    page.close()
