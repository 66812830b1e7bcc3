"""HTTP API and browsing pages over a kroniek DuckDB store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from fastapi import FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse, Response

from kroniek.api import v1, web
from kroniek.api.db import Readers
from kroniek.api.pages import render_events_page
from kroniek.api.watch import FolderWatcher
from kroniek.store import Store
from kroniek.vocabulary import FACTS

__all__ = ["FolderWatcher", "create_app"]

#: no inline scripts or styles, nothing from elsewhere, no framing
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
#: Redoc writes its styles into <style> elements at run time; its page alone allows that
REDOC_CSP = CSP.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'")
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
}


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


def _json(value) -> Response:
    """A JSON answer written directly: FastAPI's generic encoder takes longer than the query."""
    body = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)
    return Response(body.encode("utf-8"), media_type="application/json")


def create_app(db_path: Path, token: str | None = None, inbox: Path | None = None) -> FastAPI:
    """The FastAPI application serving ``db_path`` (a read-only connection per request).

    ``token`` lets ``POST /api/v1/pages`` write pages into ``inbox`` (``serve --watch``).
    """
    app = FastAPI(
        title="kroniek",
        version="1",
        docs_url=None,
        redoc_url=None,
        description="Sourced political event data from Dutch news.",
    )
    app.add_middleware(SecurityHeaders, policies={"/redoc": REDOC_CSP})
    readers = Readers(Path(db_path))
    v1.mount(app, v1.ApiSettings(Path(db_path), token=token, inbox=inbox), readers)
    web.mount(app, readers)

    def query(actor, dyad, etype, fact, since, until, limit) -> list[dict]:
        if fact and fact not in FACTS:
            raise HTTPException(status_code=422, detail=f"fact is one of {', '.join(FACTS)}")
        filters = {
            "actor": actor.upper() if actor else None,
            "dyad": _dyad(dyad),
            "type": etype.upper() if etype else None,
            "fact": fact or None,
            "since": since,
            "until": until,
            "limit": limit,
        }
        return readers.answer(("events", *filters.items()), lambda store: store.events(**filters))

    @app.get("/api/stats", response_model=dict[str, int])
    def stats() -> Response:
        """How many pages, articles, sightings, mentions, events and failures are stored."""
        return _json(readers.answer(("counts",), Store.counts))

    @app.get("/api/events", response_model=list[dict])
    def events(
        actor: str | None = None,
        dyad: str | None = None,
        type: str | None = None,
        fact: str | None = None,
        since: date | None = None,
        until: date | None = None,
        limit: int = Query(500, ge=1, le=100_000),
    ) -> Response:
        """Stored events, filtered as ``kroniek events`` filters them."""
        return _json(query(actor, dyad, type, fact, since, until, limit))

    @app.get("/", response_class=HTMLResponse)
    def home(
        actor: str | None = None,
        dyad: str | None = None,
        type: str | None = None,
        fact: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> str:
        """The events, newest first, with the sentence each was read from.

        The filter form sends every field, so an empty field means "no filter".
        """
        rows = query(actor, dyad, type, fact, _form_day(since), _form_day(until), 500)
        counts = readers.answer(("counts",), Store.counts)
        filters = {
            "actor": actor,
            "dyad": dyad,
            "type": type,
            "fact": fact,
            "since": since,
            "until": until,
        }
        return render_events_page(rows, counts, filters)

    return app
