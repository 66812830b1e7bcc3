"""HTTP API and browsing pages over a kroniek DuckDB store."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import asynccontextmanager
from datetime import date
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response
from fastapi.staticfiles import StaticFiles

from kroniek.api.pages import render_events_page
from kroniek.store import Store

FACTS = ("asserted", "future", "negated", "alleged")
STATIC = Path(__file__).parent / "static"
#: no inline scripts or styles, nothing from elsewhere, no framing
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}
#: the Swagger UI page loads its code from a CDN and starts it with one inline script,
#: allowed by its hash (never 'unsafe-inline')
CDN = "https://cdn.jsdelivr.net"
INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
KEPT_ROWS = 2000  # larger answers are computed anew each time rather than held in memory


def _dyad(value: str | None) -> tuple[str, str] | None:
    if not value:
        return None
    codes = [c.strip().upper() for c in value.split(",")]
    if len(codes) != 2 or not all(codes):
        raise HTTPException(status_code=422, detail="dyad takes two codes, e.g. RUS,IRN")
    return codes[0], codes[1]


def _form_day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise HTTPException(status_code=422, detail=f"not a date (YYYY-MM-DD): {value!r}") from err


def _json(value) -> Response:
    """A JSON answer written directly: FastAPI's generic encoder took longer than the query."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return Response(body.encode("utf-8"), media_type="application/json")


def _docs_page(title: str) -> tuple[bytes, str]:
    """The Swagger UI page and the CSP that lets exactly its one inline script run."""
    page = get_swagger_ui_html(openapi_url="/openapi.json", title=title).body
    hashes = " ".join(
        "'sha256-" + base64.b64encode(hashlib.sha256(script.encode()).digest()).decode() + "'"
        for script in INLINE_SCRIPT.findall(page.decode())
    )
    policy = (f"default-src 'self'; script-src 'self' {CDN} {hashes}; style-src 'self' {CDN}; "
              "img-src 'self' data: https:; object-src 'none'; base-uri 'none'; "
              "frame-ancestors 'none'")
    return page, policy


class Answers:
    """Answers of a read-only store, kept by request: the same query gets the same answer.

    While the server holds its read-only connection no process can write the file
    (DuckDB allows one writer or any number of readers), so an answer stays right. A
    query asked by many requests at once is computed by the first; the others wait for it.
    """

    def __init__(self, size: int = 512):
        self.size = size
        self._done: OrderedDict[tuple, object] = OrderedDict()
        self._pending: dict[tuple, Future] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple, compute: Callable[[], object],
            keep: Callable[[object], bool] = lambda _: True) -> object:
        """The answer for ``key``, computed once by ``compute``; kept when ``keep(answer)``."""
        with self._lock:
            if key in self._done:
                self._done.move_to_end(key)
                return self._done[key]
            waiting = self._pending.get(key)
            if waiting is None:
                self._pending[key] = mine = Future()
        if waiting is not None:
            return waiting.result()
        try:
            value = compute()
        except BaseException as err:
            mine.set_exception(err)
            raise
        else:
            mine.set_result(value)
            if keep(value):
                with self._lock:
                    self._done[key] = value
                    while len(self._done) > self.size:
                        self._done.popitem(last=False)
            return value
        finally:
            with self._lock:
                self._pending.pop(key, None)


class SecurityHeaders:
    """ASGI middleware adding the security headers (and the CSP) to every response."""

    def __init__(self, app, policies: dict[str, str]):
        self.app = app
        self.policies = policies  # path -> CSP, for pages that need another than CSP

    async def __call__(self, scope, receive, send):
        """Pass the request on; add the headers to the response start."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        policy = self.policies.get(scope.get("path", ""), CSP)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers.append((b"content-security-policy", policy.encode()))
                headers.extend((k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items())
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, with_headers)


def create_app(db_path: Path) -> FastAPI:
    """The FastAPI application serving ``db_path``.

    One read-only DuckDB connection is opened; every request reads through a cursor of
    its own, so concurrent requests run in parallel (FastAPI runs them on a thread pool),
    and answers are kept per query (see Answers).
    """
    store = Store(db_path, read_only=True)
    answers = Answers()

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        yield
        store.close()

    app = FastAPI(title="kroniek", version="1", lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Sourced political event data from Dutch news.")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    docs, docs_policy = _docs_page("kroniek - API")
    app.add_middleware(SecurityHeaders, policies={"/docs": docs_policy})

    def read(ask: Callable[[Store], object]) -> object:
        """Ask the store on a cursor of this request's own."""
        view = store.cursor()
        try:
            return ask(view)
        finally:
            view.close()

    def query(actor, dyad, etype, fact, since, until, limit) -> list[dict]:
        if fact and fact not in FACTS:
            raise HTTPException(status_code=422, detail=f"fact is one of {', '.join(FACTS)}")
        filters = dict(actor=actor.upper() if actor else None, dyad=_dyad(dyad),
                       type=etype.upper() if etype else None, fact=fact or None,
                       since=since, until=until, limit=limit)
        return answers.get(("events", *filters.items()),
                           lambda: read(lambda view: view.events(**filters)),
                           keep=lambda rows: len(rows) <= KEPT_ROWS)

    def counts() -> dict:
        return answers.get(("counts",), lambda: read(Store.counts))

    @app.get("/docs", include_in_schema=False)
    def api_docs() -> HTMLResponse:
        """The interactive API documentation (Swagger UI)."""
        return HTMLResponse(docs)

    @app.get("/api/stats", response_model=dict[str, int])
    def stats() -> Response:
        """How many pages, articles, sightings, mentions, events and failures are stored."""
        return _json(counts())

    @app.get("/api/events", response_model=list[dict])
    def events(
        actor: str | None = None, dyad: str | None = None,
        type: str | None = None, fact: str | None = None,
        since: date | None = None, until: date | None = None,
        limit: int = Query(500, ge=1, le=100_000),
    ) -> Response:
        """Stored events, filtered as ``kroniek events`` filters them."""
        return _json(query(actor, dyad, type, fact, since, until, limit))

    @app.get("/", response_class=HTMLResponse)
    def home(
        actor: str | None = None, dyad: str | None = None,
        type: str | None = None, fact: str | None = None,
        since: str | None = None, until: str | None = None,
    ) -> str:
        """The events, newest first, with the sentence each was read from.

        The filter form sends every field, so an empty field means "no filter".
        """
        rows = query(actor, dyad, type, fact, _form_day(since), _form_day(until), 500)
        filters = {"actor": actor, "dyad": dyad, "type": type, "fact": fact,
                   "since": since, "until": until}
        return render_events_page(rows, counts(), filters)

    return app
