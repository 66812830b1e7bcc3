"""The versioned HTTP API, ``/api/v1``: events, actors, dyads, documents, stories, claims.

Read endpoints are open. The one endpoint that writes (``POST /api/v1/pages``, a page for the
watched inbox) needs ``Authorization: Bearer <token>`` with the token from configuration.
An unknown or malformed query parameter is answered 400 with the reason.
"""

from __future__ import annotations

import re
import secrets
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.exception_handlers import request_validation_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.background import BackgroundTask

from kroniek.api.db import RETRY_AFTER_SECONDS, Readers, StoreBusy
from kroniek.store import BadCursor, EventQuery, browse
from kroniek.vocabulary import FACTS, TYPES

PREFIX = "/api/v1"
DOWNLOADS = {
    "csv": "text/csv",
    "parquet": "application/vnd.apache.parquet",
    "json": "application/json",
}
CODE = re.compile(r"^(---|[A-Z][A-Z0-9]{1,5})$")
PAGE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


@dataclass(frozen=True)
class ApiSettings:
    """What the API serves and who may write: the store, the write token, the inbox."""

    db: Path
    token: str | None = None  # None: nothing can be written through the API
    inbox: Path | None = None  # the folder ``serve --watch`` ingests from
    max_upload: int = 2_000_000  # bytes of one posted page


def _bad(detail: str) -> HTTPException:
    return HTTPException(status_code=400, detail=detail)


def _query_names(dependant) -> set[str]:
    """The query parameter names of an endpoint and of everything it depends on."""
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _query_names(sub)
    return names


def _known_parameters_only(request: Request) -> None:
    """Refuse a query parameter the endpoint does not take (a typo must not mean 'no filter')."""
    route = request.scope.get("route")
    if route is None:
        return
    known = _query_names(route.dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise _bad(
            f"unknown parameter {', '.join(unknown)}; this endpoint takes "
            f"{', '.join(sorted(known)) or 'none'}"
        )


def _code(value: str | None, name: str) -> str | None:
    if not value:
        return None
    code = value.strip().upper()
    if not CODE.match(code):
        raise _bad(f"{name}: not an actor code (e.g. RUS, EU, NATO): {value!r}")
    return code


def _two_codes(value: str | None, name: str) -> tuple[str, str] | None:
    if not value:
        return None
    parts = value.split(",")
    first, second = (_code(part, name) for part in parts) if len(parts) == 2 else (None, None)
    if first is None or second is None:
        raise _bad(f"{name} takes two actor codes, e.g. RUS,UKR: {value!r}")
    return first, second


def _choices(value: str | None, name: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
    if not value:
        return ()
    chosen = tuple(v.strip() for v in value.split(","))
    wrong = [v for v in chosen if v not in allowed]
    if wrong:
        raise _bad(f"{name}: {', '.join(wrong)} is not one of {', '.join(allowed)}")
    return chosen


def event_filters(
    actor: Annotated[
        str | None, Query(description="Actor code as source or target, e.g. RUS")
    ] = None,
    dyad: Annotated[str | None, Query(description="Source and target, e.g. RUS,UKR")] = None,
    pair: Annotated[
        str | None, Query(description="Two actors, either direction, e.g. RUS,UKR")
    ] = None,
    type: Annotated[str | None, Query(description="PLOVER types, comma-separated")] = None,
    quad_class: Annotated[str | None, Query(description="QuadClass 1-4, comma-separated")] = None,
    fact: Annotated[
        str | None, Query(description="asserted, future, negated, alleged (comma-separated)")
    ] = None,
    since: Annotated[date | None, Query(description="First day (YYYY-MM-DD)")] = None,
    until: Annotated[date | None, Query(description="Last day (YYYY-MM-DD)")] = None,
    q: Annotated[
        str | None, Query(max_length=200, description="Words in the evidence sentence")
    ] = None,
) -> EventQuery:
    """The event filters shared by the list, the downloads, the dyads and the series."""
    if since and until and since > until:
        raise _bad(f"since ({since}) is after until ({until})")
    return EventQuery(
        actor=_code(actor, "actor"),
        dyad=_two_codes(dyad, "dyad"),
        pair=_two_codes(pair, "pair"),
        types=tuple(t.upper() for t in _choices(type and type.upper(), "type", TYPES)),
        quad_class=tuple(int(c) for c in _choices(quad_class, "quad_class", ("1", "2", "3", "4"))),
        facts=_choices(fact and fact.lower(), "fact", FACTS),
        since=since,
        until=until,
        text=q.strip() or None if q else None,
    )


Filters = Annotated[EventQuery, Depends(event_filters)]


def _filters_echo(query: EventQuery) -> dict:
    return {
        k: (list(v) if isinstance(v, tuple) else v.isoformat() if isinstance(v, date) else v)
        for k, v in vars(query).items()
        if v not in (None, ())
    }


def build_router(settings: ApiSettings, readers: Readers) -> APIRouter:
    """The ``/api/v1`` routes over the store ``readers`` open."""
    router = APIRouter(prefix=PREFIX, dependencies=[Depends(_known_parameters_only)])
    store = readers.store

    @router.get("/stats", tags=["store"])
    def stats() -> dict:
        """How many rows each table of the store holds."""
        with store() as s:
            return s.counts()

    @router.get("/events", tags=["events"])
    def events(
        query: Filters,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        cursor: Annotated[str | None, Query(description="next_cursor of the page before")] = None,
    ) -> dict:
        """Events, newest first, a page at a time, with the number matching (``total``).

        ``undated``: events matching the other filters with no day at all (neither an event
        date, a publication date nor a capture time); a date filter leaves them out, without
        one they come last.
        """
        with store() as s:
            try:
                page = browse.event_page(s, query, limit=limit, cursor=cursor)
            except BadCursor as err:
                raise _bad(f"cursor: not a cursor this API handed out: {cursor!r}") from err
        return {
            "total": page.total,
            "undated": page.undated,
            "limit": limit,
            "next_cursor": page.next_cursor,
            "filters": _filters_echo(query),
            "events": page.events,
        }

    @router.get(
        "/events.{fmt}",
        tags=["events"],
        responses={200: {"content": {t: {} for t in DOWNLOADS.values()}}},
    )
    def download(
        query: Filters, fmt: Annotated[str, PathParam(description="csv, parquet or json")]
    ) -> FileResponse:
        """Every event matching the filters, newest first, as a CSV, Parquet or JSON file."""
        if fmt not in DOWNLOADS:
            raise HTTPException(
                status_code=404, detail=f"no such format: {fmt}; csv, parquet, json"
            )
        folder = tempfile.TemporaryDirectory(prefix="kroniek-download-")
        target = Path(folder.name) / f"events.{fmt}"
        try:
            with store() as s:
                browse.export_events(s, query, fmt, target)
        except BaseException:
            folder.cleanup()
            raise
        return FileResponse(
            target,
            media_type=DOWNLOADS[fmt],
            filename=f"kroniek-events.{fmt}",
            background=BackgroundTask(folder.cleanup),
        )

    @router.get("/events/{event_id}", tags=["events"])
    def event(event_id: str) -> dict:
        """One event with its evidence and the article it was read from."""
        with store() as s:
            found = browse.event_by_id(s, event_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no event {event_id}")
        return found

    @router.get("/actors", tags=["actors"])
    def actors(
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        partners: Annotated[int, Query(ge=0, le=20)] = 3,
    ) -> list[dict]:
        """Actors by number of events, each with its top partners."""
        with store() as s:
            return browse.actor_counts(s, limit=limit, partners=partners)

    @router.get("/actors/{code}", tags=["actors"])
    def actor(code: str, partners: Annotated[int, Query(ge=0, le=100)] = 20) -> dict:
        """One actor's counts and partners."""
        with store() as s:
            found = browse.actor_counts(s, limit=1, partners=partners, code=_code(code, "code"))
        if not found:
            raise HTTPException(status_code=404, detail=f"no events with actor {code}")
        return found[0]

    @router.get("/dyads", tags=["dyads"])
    def dyads(query: Filters, limit: Annotated[int, Query(ge=1, le=2000)] = 200) -> list[dict]:
        """Pairs of actors (either direction) by number of events: the relations map's edges."""
        with store() as s:
            return browse.relation_edges(s, query, limit=limit)

    @router.get("/dyads/{a}/{b}/series", tags=["dyads"])
    def dyad_series(
        a: str,
        b: str,
        interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "day",
        directed: Annotated[bool, Query(description="only events from a to b")] = False,
        type: str | None = None,
        fact: str | None = None,
        since: date | None = None,
        until: date | None = None,
    ) -> dict:
        """Events per period and PLOVER type between two actors, with the mean Goldstein score."""
        pair = (_code(a, "a"), _code(b, "b"))
        query = event_filters(type=type, fact=fact, since=since, until=until)
        query = EventQuery(**{**vars(query), ("dyad" if directed else "pair"): pair})
        with store() as s:
            series = browse.dyad_series(s, query, interval)
        return {"a": pair[0], "b": pair[1], "directed": directed, **series}

    @router.get("/documents", tags=["documents"])
    def documents(
        q: Annotated[str | None, Query(max_length=200)] = None,
        actor: str | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        offset: Annotated[int, Query(ge=0)] = 0,
    ) -> dict:
        """Stored articles, newest first, with how many events each has."""
        with store() as s:
            rows, total = browse.documents(s, q, _code(actor, "actor"), limit, offset)
        return {"total": total, "limit": limit, "offset": offset, "documents": rows}

    @router.get("/documents/{article_id}", tags=["documents"])
    def document(article_id: str) -> dict:
        """One article: its text, where it was seen, its actor mentions and events as spans."""
        with store() as s:
            found = s.article(article_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no document {article_id}")
        return found

    @router.get("/stories", tags=["stories"])
    def stories(
        actor: str | None = None,
        limit: Annotated[int, Query(ge=1, le=500)] = 50,
        min_events: Annotated[int, Query(ge=1)] = 1,
    ) -> list[dict]:
        """Stories (events linked across documents), most recent first, with their timeline."""
        with store() as s:
            return s.stories(actor=_code(actor, "actor"), limit=limit, min_events=min_events)

    @router.get("/stories/{story_id}", tags=["stories"])
    def story(story_id: int) -> dict:
        """One story with its timeline and the figures reported in it."""
        with store() as s:
            found = s.story(story_id)
        if found is None:
            raise HTTPException(status_code=404, detail=f"no story {story_id}")
        return found

    @router.get("/claims", tags=["claims"])
    def claims(
        actor: str | None = None,
        unit: Annotated[str | None, Query(description="unit words, comma-separated")] = None,
        q: Annotated[str | None, Query(max_length=200)] = None,
        since: date | None = None,
        until: date | None = None,
        limit: Annotated[int, Query(ge=1, le=5000)] = 500,
    ) -> list[dict]:
        """Reported figures (who said how many of what), oldest first."""
        code = _code(actor, "actor")
        actors = (code,) if code else ()
        units = tuple(u.strip() for u in unit.split(",") if u.strip()) if unit else ()
        words = tuple(q.split()) if q else ()
        with store() as s:
            return s.claims(
                actors=actors, units=units, words=words, since=since, until=until, limit=limit
            )

    @router.post(
        "/pages",
        tags=["write"],
        status_code=202,
        responses={
            401: {"description": "no or wrong token"},
            409: {"description": "the server watches no inbox"},
            413: {"description": "the page is too large"},
        },
    )
    async def post_page(
        request: Request, name: Annotated[str, Query(pattern=r"^[\w.-]{1,100}$")]
    ) -> dict:
        """Put one page (text, HTML or JSON records) in the watched inbox to be ingested.

        Needs ``Authorization: Bearer <token>``, the token ``serve`` was given.
        """
        _check_token(request, settings.token)
        if settings.inbox is None:
            raise HTTPException(
                status_code=409, detail="this server watches no inbox; start it with --watch DIR"
            )
        if not name.endswith(PAGE_SUFFIXES):
            raise _bad(f"name: ends with one of {', '.join(PAGE_SUFFIXES)}")
        body = await _bounded_body(request, settings.max_upload)
        target = settings.inbox / name
        partial = settings.inbox / f".{name}.part"  # the watcher skips dot files
        partial.write_bytes(body)
        partial.replace(target)
        return {"accepted": name, "bytes": len(body)}

    return router


def _check_token(request: Request, token: str | None) -> None:
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if (
        token is None
        or scheme.lower() != "bearer"
        or not secrets.compare_digest(value.strip().encode(), token.encode())
    ):
        raise HTTPException(
            status_code=401,
            detail="writing needs Authorization: Bearer <token>",
            headers={"WWW-Authenticate": "Bearer"},
        )


async def _bounded_body(request: Request, limit: int) -> bytes:
    too_large = HTTPException(status_code=413, detail=f"a page is at most {limit} bytes")
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise too_large
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > limit:
            raise too_large
    return bytes(body)


def mount(app: FastAPI, settings: ApiSettings, readers: Readers) -> None:
    """Add the ``/api/v1`` routes to ``app``, with 400 for malformed and 503 for busy stores."""
    app.include_router(build_router(settings, readers))

    async def malformed(request: Request, exc: Exception) -> Response:
        if not isinstance(exc, RequestValidationError):  # registered for that class alone
            raise exc
        if not request.url.path.startswith(PREFIX):
            return await request_validation_exception_handler(request, exc)
        reasons = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:])}: {e['msg']}" for e in exc.errors()
        )
        return JSONResponse(status_code=400, content={"detail": reasons})

    async def busy(_request: Request, exc: Exception) -> Response:
        return JSONResponse(
            status_code=503,
            content={"detail": str(exc)},
            headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
        )

    app.add_exception_handler(RequestValidationError, malformed)
    app.add_exception_handler(StoreBusy, busy)
