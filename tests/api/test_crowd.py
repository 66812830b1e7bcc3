"""Issue 14, failure 11: under a crowd the server answers every request right (each reads
on a cursor of its own), and every answer carries the security headers: a CSP without
inline scripts or styles, nosniff, no framing, no referrer. Real uvicorn on loopback."""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from tests.api.live import live_server
from tests.api.test_serve import _store


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    """A small store file."""
    path = tmp_path_factory.mktemp("crowd") / "k.duckdb"
    _store(path)
    return path


@pytest.fixture(scope="module")
def base(db):
    """Base URL of a uvicorn server over the small store."""
    with live_server(db) as url:
        yield url


PATHS = [
    "/",
    "/api/events",
    "/api/stats",
    "/static/kroniek.css",
    "/docs",
    "/api/events?fact=x",
    "/nothing-here",
]


@pytest.mark.parametrize("path", PATHS)
def test_every_answer_carries_the_security_headers(base, path):
    answer = httpx.get(base + path)
    policy = answer.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
    assert "default-src 'self'" in policy and "object-src 'none'" in policy
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["x-frame-options"] == "DENY"
    assert answer.headers["referrer-policy"] == "no-referrer"


def test_the_page_has_no_inline_script_or_style_and_its_css_is_served(base):
    page = httpx.get(base + "/")
    assert "<style" not in page.text and " style=" not in page.text
    assert not re.search(r"<script(?![^>]*\bsrc=)", page.text)
    [sheet] = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.text)
    css = httpx.get(base + sheet)
    assert css.status_code == 200 and css.headers["content-type"].startswith("text/css")
    assert re.search(r"\bmark\b[^{]*\{", css.text)  # the trigger highlight is styled from the file


def test_only_redoc_may_use_inline_styles(base):
    assert "'unsafe-inline'" in httpx.get(base + "/redoc").headers["content-security-policy"]
    assert "'unsafe-inline'" not in httpx.get(base + "/docs").headers["content-security-policy"]


def test_a_crowd_gets_the_same_answers_as_one_by_one(db):
    paths = [f"/api/events?actor={a}" for a in ("RUS", "IRN", "USA", "NLD")] + [
        "/api/events?type=AGREE",
        "/api/events?fact=alleged",
        "/api/stats",
        "/?actor=RUS",
        "/api/events?since=2025-01-01",
        "/api/events?dyad=RUS,IRN",
    ]
    crowd = [paths[i % len(paths)] for i in range(120)]
    with live_server(db) as fresh:  # nothing asked before: the crowd's queries run side by side

        def fetch(path: str) -> tuple[str, int, bytes]:
            answer = httpx.get(fresh + path, timeout=60)
            return path, answer.status_code, answer.content

        with ThreadPoolExecutor(max_workers=60) as pool:
            answers = list(pool.map(fetch, crowd))
    with live_server(db) as other, httpx.Client(base_url=other) as client:
        alone = {path: client.get(path).content for path in paths}
    assert all(status == 200 for _, status, _ in answers)
    assert all(body == alone[path] for path, _, body in answers)
