"""Server-rendered browsing pages (plain HTML, no third-party code)."""

from __future__ import annotations

from html import escape

from kroniek.vocabulary import FACTS, TYPES


def _highlight(sentence: str, trigger: str) -> str:
    """Escape the sentence and mark the first occurrence of the trigger word(s)."""
    first = (trigger or "").split()[0] if trigger else ""
    at = sentence.find(first) if first else -1
    if at < 0:
        return escape(sentence)
    return (
        escape(sentence[:at])
        + "<mark>"
        + escape(first)
        + "</mark>"
        + escape(sentence[at + len(first) :])
    )


def _select(name: str, options: tuple[str, ...], chosen: str | None) -> str:
    items = ['<option value="">all</option>']
    for option in options:
        mark = " selected" if option == (chosen or "").upper() or option == chosen else ""
        items.append(f'<option value="{option}"{mark}>{option}</option>')
    return (
        f'<label for="f-{name}">{name}</label><select id="f-{name}" name="{name}">'
        + "".join(items)
        + "</select>"
    )


def _field(name: str, value, hint: str) -> str:
    shown = escape(str(value)) if value else ""
    return (
        f'<label for="f-{name}">{name}</label><input id="f-{name}" name="{name}" '
        f'value="{shown}" placeholder="{hint}" size="10">'
    )


def render_events_page(rows: list[dict], counts: dict, filters: dict) -> str:
    """The events table with a filter form and the evidence sentence of every event."""
    body = []
    for row in rows:
        day = row.get("event_date") or str(row.get("published") or "")[:10]
        fact = row.get("fact") or ""
        body.append(
            "<tr>"
            f"<td>{escape(day)}</td>"
            f"<td>{escape(row['src'])} {escape(row.get('src_sector') or '')}"
            f"<br><small>{escape(row.get('src_text') or '')}</small></td>"
            f"<td>{escape(row['type'])}<br><small>CAMEO {escape(row['cameo'])}</small></td>"
            f"<td>{escape(row['tgt'])} {escape(row.get('tgt_sector') or '')}"
            f"<br><small>{escape(row.get('tgt_text') or '')}</small></td>"
            f'<td><span class="fact fact-{escape(fact)}">{escape(fact)}</span></td>'
            f"<td>{_highlight(row.get('sentence') or '', row.get('trigger') or '')}"
            f'<br><span class="meta">{escape(row.get("rule") or "")} · {escape(row["doc"])} '
            f"{escape(row['part'])}</span></td>"
            "</tr>"
        )
    summary = " · ".join(f"{escape(str(k))}: {escape(str(v))}" for k, v in counts.items())
    form = (
        '<form class="filters" method="get" action="/">'
        + _field("actor", filters.get("actor"), "actor, e.g. RUS")
        + _field("dyad", filters.get("dyad"), "dyad, e.g. RUS,IRN")
        + _select("type", TYPES, filters.get("type"))
        + _select("fact", FACTS, filters.get("fact"))
        + _field("since", filters.get("since"), "since YYYY-MM-DD")
        + _field("until", filters.get("until"), "until YYYY-MM-DD")
        + '<button type="submit">Filter</button></form>'
    )
    table = (
        '<div class="scroll"><table><thead><tr><th>date</th><th>source</th><th>event</th><th>target</th>'
        "<th>fact</th><th>evidence</th></tr></thead><tbody>"
        + "".join(body)
        + "</tbody></table></div>"
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>kroniek</title>'
        '<link rel="stylesheet" href="/static/kroniek.css"></head><body><main id="main">'
        f'<h1>kroniek</h1><p class="meta">{summary}</p>{form}'
        f'<p id="shown">{len(rows)} events shown</p>{table}'
        '<p><a href="/map">Relations map</a> · <a href="/docs">API</a> · '
        '<a href="/api/v1/events">events as JSON</a></p></main></body></html>'
    )
