"""Server-rendered browsing pages (plain HTML, no third-party code)."""

from __future__ import annotations

from html import escape

from kroniek.vocabulary import FACTS, TYPES


def trigger_in_sentence(event: dict) -> tuple[int, int] | None:
    """Where an event's trigger stands in its sentence, from the stored field offsets of the
    trigger (``trigger_start``/``trigger_end``) and of the sentence (``span`` or
    ``span_start``); None for an event stored without them (a store upgraded from schema 3)."""
    start, end = event.get("trigger_start"), event.get("trigger_end")
    if start is None or end is None:
        return None
    offset = event["span"][0] if "span" in event else event["span_start"]
    return start - offset, end - offset


def highlight(sentence: str, trigger: str, at: tuple[int, int] | None = None) -> str:
    """The sentence escaped, with the trigger marked at ``at`` (its offsets in the sentence).

    Without ``at`` (an event stored without them) the first occurrence of the trigger, or of
    its first word, is marked instead.
    """
    sentence = sentence or ""
    if at is None:
        at = _first_occurrence(sentence, trigger)
    if at is None or not 0 <= at[0] < at[1] <= len(sentence):
        return escape(sentence)
    start, end = at
    return (
        escape(sentence[:start])
        + '<mark class="trigger">'
        + escape(sentence[start:end])
        + "</mark>"
        + escape(sentence[end:])
    )


def _first_occurrence(sentence: str, trigger: str) -> tuple[int, int] | None:
    """Where the trigger (or else its first word) first occurs in the sentence, ignoring case:
    the fallback for an event stored without its trigger's offsets."""
    trigger = (trigger or "").strip()
    for needle in (trigger, trigger.split()[0] if trigger else ""):
        at = sentence.lower().find(needle.lower()) if needle else -1
        if at >= 0:
            return at, at + len(needle)
    return None


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
            f"<td>{highlight(row.get('sentence') or '', row.get('trigger') or '', trigger_in_sentence(row))}"
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
