"""The browsing pages: relations map, dyad, actor, document, stories, claims, search, API docs.

Pages are rendered on the server with every piece of stored text escaped; charts and the map
are drawn by static scripts (``/static/*.js``, d3 from ``/static/vendor``, fetched from the npm
registry by ``make web``) from the ``/api/v1`` answers. No inline script, style or event
handler anywhere, so the pages work under ``Content-Security-Policy: default-src 'self'``.
"""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import quote, urlencode

from fastapi import APIRouter, FastAPI, HTTPException, Query
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from kroniek.api.db import Readers
from kroniek.api.pages import highlight, trigger_in_sentence
from kroniek.store import EventQuery, browse

STATIC_DIR = Path(__file__).resolve().parent / "static"
VENDOR_DIR = STATIC_DIR / "vendor"
FACT_LABELS = {
    "asserted": "asserted",
    "future": "future (announced)",
    "negated": "negated (did not happen)",
    "alleged": "alleged (a claim)",
}
NAV = (
    ("/map", "Relations map"),
    ("/actors", "Actors"),
    ("/stories", "Stories"),
    ("/claims", "Claims"),
    ("/search", "Search"),
    ("/", "Event table"),
    ("/docs", "API"),
)


def _page(title: str, body: str, scripts: tuple[str, ...] = ()) -> HTMLResponse:
    """A whole HTML page around ``body`` (already escaped) with the site navigation."""
    nav = "".join(f'<li><a href="{href}">{escape(label)}</a></li>' for href, label in NAV)
    tags = "".join(f'<script src="{escape(src)}" defer></script>' for src in scripts)
    return HTMLResponse(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)} · kroniek</title>"
        f'<link rel="stylesheet" href="/static/kroniek.css">{tags}</head><body>'
        '<a class="skip" href="#main">Skip to content</a>'
        f'<header><a class="brand" href="/map">kroniek</a><nav aria-label="Main"><ul>{nav}</ul>'
        f'</nav></header><main id="main"><h1>{escape(title)}</h1>{body}</main></body></html>'
    )


def _dyad_href(a: str, b: str) -> str:
    return f"/dyad/{quote(a, safe='')}/{quote(b, safe='')}"


def _actor_link(code: str) -> str:
    return f'<a href="/actor/{quote(code, safe="")}">{escape(code)}</a>'


def _fact(fact: str) -> str:
    return f'<span class="fact fact-{escape(fact)}">{escape(FACT_LABELS.get(fact, fact))}</span>'


def _event_items(events: list[dict]) -> str:
    """An event list: who did what to whom, when, how sure, and the evidence sentence."""
    items = []
    for e in events:
        src = f"{e['src']}{e.get('src_sector') or ''}"
        tgt = f"{e['tgt']}{e.get('tgt_sector') or ''}"
        doc = (
            f' · <a href="/document/{quote(e["article_id"], safe="")}">'
            f"{escape(e.get('doc') or 'document')}</a>"
            if e.get("article_id")
            else ""
        )
        items.append(
            f'<li class="event"><p class="what"><strong>{escape(src)}</strong> '
            f"{escape(e['type'])} <strong>{escape(tgt)}</strong> "
            f'<span class="code">CAMEO {escape(e["cameo"])}</span> {_fact(e["fact"])}</p>'
            f"<blockquote>{highlight(e['sentence'], e['trigger'], trigger_in_sentence(e))}"
            "</blockquote>"
            f'<p class="meta"><time>{escape(e.get("day") or "undated")}</time>'
            + (f" · rule <code>{escape(e['rule'])}</code>" if e.get("rule") else "")
            + f"{doc}</p></li>"
        )
    return f'<ol class="events">{"".join(items)}</ol>' if items else "<p>No events.</p>"


def sentence_in_text(e: dict, text: str, field: str) -> tuple[int, int] | None:
    """Where the sentence an event was coded from stands in ``text`` (the article's ``field``):
    the span of its stored sentence row (``sentence_row``, joined by index); None when that is
    in the other field or a version of the article told the event.

    Fallback for an event stored by schema 3 or older (no ``sentence_idx``): its own span,
    when the text there is its sentence (a version's event has offsets in the version's text).
    """
    if e.get("sentence_idx") is not None:
        row = e.get("sentence_row")
        return (row["span"][0], row["span"][1]) if row and row["field"] == field else None
    start, end = e["span"]
    return (start, end) if e["field"] == field and text[start:end] == e["sentence"] else None


def _trigger_in_text(e: dict, text: str, start: int, end: int) -> tuple[int, int] | None:
    """The field offsets of an event's trigger, whose sentence is ``text[start:end]``: as
    stored; for an event stored without them, its first word's first place in the sentence."""
    if e.get("trigger_start") is not None and e.get("trigger_end") is not None:
        return e["trigger_start"], e["trigger_end"]
    word = (e["trigger"] or "").split()[:1]
    found = text.find(word[0], start, end) if word else -1
    return (found, found + len(word[0])) if found >= 0 else None


def document_html(text: str, field: str, mentions: list[dict], events: list[dict]) -> str:
    """One field of an article, escaped, with actor mentions and event triggers marked."""
    marks: list[tuple[int, int, str, str]] = []
    for e in events:
        sentence = sentence_in_text(e, text, field)
        if sentence is None:
            continue
        trigger = _trigger_in_text(e, text, *sentence)
        if trigger is not None:
            label = f"{e['type']} {e['src']}→{e['tgt']} ({e['fact']})"
            marks.append((*trigger, "trigger", label))
    for m in mentions:
        if m["field"] == field:
            marks.append((m["span"][0], m["span"][1], "actor", f"{m['code']}{m['sector'] or ''}"))
    out, at = [], 0
    for start, end, kind, label in sorted(marks):
        if start < at or end > len(text) or start >= end:
            continue  # overlapping or outside the text: leave unmarked
        out.append(escape(text[at:start]))
        out.append(
            f'<mark class="{kind}" title="{escape(label)}">{escape(text[start:end])}'
            f'<span class="tag">{escape(label)}</span></mark>'
        )
        at = end
    out.append(escape(text[at:]))
    return "".join(out)


def build_router(readers: Readers) -> APIRouter:
    """The HTML pages over the store ``readers`` open."""
    router = APIRouter(include_in_schema=False)
    read_store = readers.store

    @router.get("/map", response_class=HTMLResponse)
    def relations_map(limit: int = Query(60, ge=5, le=300)) -> HTMLResponse:
        """Actors as nodes, their relations as edges coloured from conflict to cooperation."""
        with read_store() as store:
            edges = browse.relation_edges(store, EventQuery(), limit=limit)
        rows = "".join(
            f'<tr><td><a href="{_dyad_href(e["a"], e["b"])}">{escape(e["a"])} – '
            f"{escape(e['b'])}</a></td><td>{e['events']}</td><td>{e['cooperation']}</td>"
            f"<td>{e['conflict']}</td><td>{e['goldstein']}</td></tr>"
            for e in edges
        )
        body = (
            "<p>Each line joins two actors; thicker means more events, the colour runs from "
            '<span class="swatch conflict">conflict</span> to '
            '<span class="swatch cooperation">cooperation</span>. Choose a line or a row to '
            "open the pair.</p>"
            f'<figure><svg id="relations" role="group" aria-label="Relations map" '
            f'data-source="/api/v1/dyads?limit={limit}"></svg></figure>'
            '<div class="scroll"><table><caption>Relations by number of events</caption>'
            '<thead><tr><th scope="col">Pair</th><th scope="col">Events</th>'
            '<th scope="col">Cooperation</th><th scope="col">Conflict</th>'
            '<th scope="col">Mean Goldstein</th></tr></thead>'
            f"<tbody>{rows}</tbody></table></div>"
        )
        return _page("Relations map", body, ("/static/vendor/d3.min.js", "/static/map.js"))

    @router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
    def dyad(
        a: str,
        b: str,
        interval: str = Query("month", pattern="^(day|week|month)$"),
        fact: str | None = Query(None, pattern="^(asserted|future|negated|alleged)$"),
    ) -> HTMLResponse:
        """Two actors: cooperation and conflict over time, and every event with its evidence."""
        a, b = a.upper(), b.upper()
        query = EventQuery(pair=(a, b), facts=(fact,) if fact else ())
        with read_store() as store:
            page = browse.event_page(store, query, limit=200)
        if not page.total:
            raise HTTPException(status_code=404, detail=f"no events between {a} and {b}")
        series = f"/api/v1/dyads/{quote(a)}/{quote(b)}/series?" + urlencode(
            {"interval": interval, **({"fact": fact} if fact else {})}
        )
        choices = "".join(
            f'<option value="{v}"{" selected" if v == interval else ""}>{v}</option>'
            for v in ("day", "week", "month")
        )
        facts = '<option value="">all</option>' + "".join(
            f'<option value="{v}"{" selected" if v == fact else ""}>{escape(label)}</option>'
            for v, label in FACT_LABELS.items()
        )
        body = (
            f"<p>{_actor_link(a)} and {_actor_link(b)}: {page.total} events"
            f"{f', {page.undated} without a date' if page.undated else ''}.</p>"
            '<form class="filters" method="get">'
            f'<label for="interval">Period</label><select id="interval" name="interval">{choices}'
            f'</select><label for="fact">Factuality</label><select id="fact" name="fact">{facts}'
            '</select><button type="submit">Show</button></form>'
            '<figure><svg id="timeline" role="img" aria-labelledby="timeline-caption" '
            f'data-source="{escape(series)}"></svg><figcaption id="timeline-caption">'
            "Events per period: cooperation above the line, conflict below.</figcaption></figure>"
            f"<h2>Events, newest first</h2>{_event_items(page.events)}"
        )
        return _page(f"{a} and {b}", body, ("/static/vendor/d3.min.js", "/static/dyad.js"))

    @router.get("/actors", response_class=HTMLResponse)
    def actors() -> HTMLResponse:
        """Actors by number of events, with their main partners."""
        with read_store() as store:
            found = browse.actor_counts(store, limit=100)
        rows = "".join(
            f"<tr><td>{_actor_link(x['code'])}</td><td>{x['events']}</td>"
            f"<td>{x['cooperation']}</td><td>{x['conflict']}</td><td>"
            + ", ".join(
                f'<a href="{_dyad_href(x["code"], p["code"])}">{escape(p["code"])}</a>'
                f" ({p['events']})"
                for p in x["partners"]
            )
            + "</td></tr>"
            for x in found
        )
        body = (
            '<div class="scroll"><table><caption>Actors by number of events</caption><thead>'
            '<tr><th scope="col">Actor</th><th scope="col">Events</th>'
            '<th scope="col">Cooperation</th><th scope="col">Conflict</th>'
            f'<th scope="col">Main partners</th></tr></thead><tbody>{rows}</tbody></table></div>'
        )
        return _page("Actors", body)

    @router.get("/actor/{code}", response_class=HTMLResponse)
    def actor(code: str) -> HTMLResponse:
        """One actor: counts, partners and latest events."""
        code = code.upper()
        with read_store() as store:
            found = browse.actor_counts(store, limit=1, partners=20, code=code)
            if not found:
                raise HTTPException(status_code=404, detail=f"no events with actor {code}")
            latest = browse.event_page(store, EventQuery(actor=code), limit=30)
        x = found[0]
        partners = "".join(
            f'<li><a href="{_dyad_href(code, p["code"])}">{escape(p["code"])}</a>: '
            f"{p['events']} events ({p['cooperation']} cooperation, {p['conflict']} conflict)</li>"
            for p in x["partners"]
        )
        body = (
            f"<p>{x['events']} events: {x['as_source']} as source, {x['as_target']} as "
            f"target; {x['cooperation']} cooperation, {x['conflict']} conflict; mean "
            f"Goldstein {x['goldstein']}.</p><h2>Partners</h2><ul>{partners}</ul>"
            f"<h2>Latest events</h2>{_event_items(latest.events)}"
        )
        return _page(f"Actor {code}", body)

    @router.get("/document/{article_id}", response_class=HTMLResponse)
    def document(article_id: str) -> HTMLResponse:
        """One article with its actor mentions and event triggers marked."""
        with read_store() as store:
            art = store.article(article_id)
        if art is None:
            raise HTTPException(status_code=404, detail="no such document")
        seen = "".join(
            f"<li>{escape(s['doc'])} ({escape(s['part'])})"
            + (
                f' · <a href="{escape(s["url"])}" rel="noopener noreferrer">source</a>'
                if (s["url"] or "").startswith(("http://", "https://"))
                else ""
            )
            + "</li>"
            for s in art["sightings"]
        )
        headline = document_html(art["headline"] or "", "headline", art["mentions"], art["events"])
        text = document_html(art["text"], "text", art["mentions"], art["events"])
        body = (
            f'<p class="meta">{escape(art["dateline"] or "")} · published '
            f"{escape(art['published'] or 'unknown')} · {len(art['events'])} events</p>"
            '<p class="legend"><mark class="actor">actor</mark> '
            '<mark class="trigger">event trigger</mark></p>'
            f'<article class="document"><h2>{headline or "(no headline)"}</h2>'
            f'<p class="text">{text}</p></article>'
            f"<h2>Events</h2>{_event_items(art['events'])}<h2>Seen on</h2><ul>{seen}</ul>"
        )
        return _page("Document", body)

    @router.get("/stories", response_class=HTMLResponse)
    def stories(min_events: int = Query(2, ge=1)) -> HTMLResponse:
        """Stories (linked events across documents), most recent first."""
        with read_store() as store:
            found = store.stories(limit=100, min_events=min_events)
        items = "".join(
            f'<li><a href="/story/{s["story_id"]}">{escape(s["side_a"])} – {escape(s["side_b"])}'
            f" ({escape(s['family'])})</a>: {s['events']} events in {s['articles']} articles, "
            f"{escape(s['first_day'])} to {escape(s['last_day'])}</li>"
            for s in found
        )
        return _page("Stories", f'<ol class="stories">{items}</ol>')

    @router.get("/story/{story_id}", response_class=HTMLResponse)
    def story(story_id: int) -> HTMLResponse:
        """One story's timeline."""
        with read_store() as store:
            found = store.story(story_id)
        if found is None:
            raise HTTPException(status_code=404, detail="no such story")
        body = (
            f"<p>{_actor_link(found['side_a'])} and {_actor_link(found['side_b'])}, "
            f"{escape(found['family'])}, {escape(found['first_day'])} to "
            f'{escape(found["last_day"])}. <a href="{_dyad_href(found["side_a"], found["side_b"])}">'
            f"All events of the pair</a></p><h2>Timeline</h2>{_event_items(found['timeline'])}"
        )
        return _page(f"Story {story_id}", body)

    @router.get("/claims", response_class=HTMLResponse)
    def claims(
        q: str | None = Query(None, max_length=200), unit: str | None = Query(None, max_length=100)
    ) -> HTMLResponse:
        """Reported figures, oldest first: who said how many of what, and how that changed."""
        words = tuple(q.split()) if q else ()
        units = tuple(u.strip() for u in unit.split(",") if u.strip()) if unit else ()
        with read_store() as store:
            found = store.claims(words=words, units=units, limit=300)
        rows = "".join(
            f"<tr><td>{escape(c['day'] or '')}</td><td>{c['value']:g} "
            f"{escape(c['unit'])}</td><td>{escape(c['reported_by'] or '')}</td>"
            f"<td>{escape(c['sentence'])}</td></tr>"
            for c in found
        )
        source = "/api/v1/claims?" + urlencode(
            {k: v for k, v in (("q", q), ("unit", unit), ("limit", 300)) if v}
        )
        body = (
            '<form class="filters" method="get"><label for="claims-q">Words in the sentence'
            f'</label><input id="claims-q" name="q" value="{escape(q or "")}">'
            f'<label for="claims-unit">Unit</label><input id="claims-unit" name="unit" '
            f'value="{escape(unit or "")}"><button type="submit">Search</button></form>'
            '<figure><svg id="claims-chart" role="img" aria-labelledby="claims-caption" '
            f'data-source="{escape(source)}"></svg><figcaption id="claims-caption">'
            "Each figure on the day it was reported, one line per unit (the four most "
            'frequent).</figcaption><ul id="claims-legend"></ul></figure>'
            '<div class="scroll"><table><caption>Reported figures</caption><thead><tr>'
            '<th scope="col">Day</th><th scope="col">Figure</th><th scope="col">Said by</th>'
            f'<th scope="col">Sentence</th></tr></thead><tbody>{rows}</tbody></table></div>'
        )
        return _page("Claims", body, ("/static/vendor/d3.min.js", "/static/claims.js"))

    @router.get("/search", response_class=HTMLResponse)
    def search(q: str | None = Query(None, max_length=200)) -> HTMLResponse:
        """Events whose sentence holds the words, and documents that contain them."""
        form = (
            '<form class="filters" method="get" role="search"><label for="search-q">Words'
            f'</label><input id="search-q" name="q" value="{escape(q or "")}">'
            '<button type="submit">Search</button></form>'
        )
        if not q:
            return _page("Search", form)
        with read_store() as store:
            events = browse.event_page(store, EventQuery(text=q), limit=50)
            docs, total = browse.documents(store, text=q, limit=50)
        links = "".join(
            f'<li><a href="/document/{quote(d["article_id"], safe="")}">'
            f"{escape(d['headline'] or d['dateline'] or d['article_id'][:12])}</a> "
            f"({escape(d['published'] or 'undated')}, {d['events']} events)</li>"
            for d in docs
        )
        body = (
            f"{form}<h2>{events.total} events</h2>{_event_items(events.events)}"
            f"<h2>{total} documents</h2><ul>{links}</ul>"
        )
        return _page(f"Search: {q}", body)

    @router.get("/docs", response_class=HTMLResponse)
    def swagger() -> HTMLResponse:
        """The OpenAPI description in Swagger UI, from this server's own files."""
        return HTMLResponse(
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<title>kroniek API</title>"
            '<link rel="stylesheet" href="/static/vendor/swagger-ui.css">'
            '<script src="/static/vendor/swagger-ui-bundle.js" defer></script>'
            '<script src="/static/swagger-init.js" defer></script></head><body>'
            '<main><h1 class="visually-hidden">kroniek API</h1><div id="swagger-ui"></div>'
            '<p><a href="/redoc">The same in Redoc</a></p></main></body></html>'
        )

    @router.get("/redoc", response_class=HTMLResponse)
    def redoc() -> HTMLResponse:
        """The OpenAPI description in Redoc, from this server's own files."""
        return HTMLResponse(
            '<!doctype html><html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<title>kroniek API</title></head><body><redoc spec-url="/openapi.json"></redoc>'
            '<script src="/static/vendor/redoc.standalone.js"></script></body></html>'
        )

    return router


def mount(app: FastAPI, readers: Readers) -> None:
    """Add the pages and the static files (own and vendored) to ``app``."""
    app.include_router(build_router(readers))
    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")
