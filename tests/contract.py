"""Checks of one ``kroniek extract`` JSON line against ../shared/spec/output.md (v1)."""

from __future__ import annotations

import re

PAGE_KEYS = {"doc", "source", "fetched_at", "language", "articles"}
ARTICLE_KEYS = {
    "part",
    "headline",
    "dateline",
    "agencies",
    "ago",
    "published",
    "text",
    "mentions",
    "events",
}
MENTION_KEYS = {"code", "sector", "text", "field", "span", "person", "rule"}
EVENT_KEYS = {
    "src",
    "src_sector",
    "src_text",
    "tgt",
    "tgt_sector",
    "tgt_text",
    "type",
    "mode",
    "cameo",
    "goldstein",
    "quad_class",
    "fact",
    "sentence",
    "field",
    "span",
    "trigger",
    "rule",
    "attributed_to",
    "event_date",
}
TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
}
FACTS = {"asserted", "future", "negated", "alleged"}
SECTORS = {
    "GOV",
    "MIL",
    "SPY",
    "COP",
    "JUD",
    "LEG",
    "OPP",
    "REB",
    "CVL",
    "BUS",
    "MED",
    "HRI",
    "IGO",
}
IGOS = {
    "NATO",
    "EU",
    "UN",
    "IAEA",
    "ICC",
    "WHO",
    "OPEC",
    "AU",
    "G7",
    "G20",
    "BRICS",
    "OSCE",
    "IMF",
    "WB",
}
UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")


def _code_ok(code: str) -> bool:
    return code in IGOS or code in {"WST", "---"} or re.fullmatch(r"[A-Z]{3}", code) is not None


def contract_problems(page: dict) -> list[str]:
    """Every way ``page`` departs from the output contract (empty when it conforms)."""
    problems = []
    if set(page) != PAGE_KEYS:
        problems.append(f"page keys {sorted(page)}")
    if page.get("fetched_at") is not None and not UTC.match(page["fetched_at"]):
        problems.append(f"fetched_at {page['fetched_at']!r}")
    parts = [a.get("part") for a in page.get("articles", [])]
    briefs = [f"brief:{k}" for k in range(len(parts))]
    if parts not in (["main"] + briefs[: len(parts) - 1], briefs):
        problems.append(f"parts {parts}")
    for article in page.get("articles", []):
        where = f"{page.get('doc')}/{article.get('part')}"
        if set(article) != ARTICLE_KEYS:
            problems.append(f"{where}: article keys {sorted(article)}")
            continue
        if article["published"] is not None and not UTC.match(article["published"]):
            problems.append(f"{where}: published {article['published']!r}")
        fields = {"headline": article["headline"] or "", "text": article["text"]}
        for mention in article["mentions"]:
            if set(mention) != MENTION_KEYS:
                problems.append(f"{where}: mention keys {sorted(mention)}")
                continue
            start, end = mention["span"]
            if fields[mention["field"]][start:end] != mention["text"]:
                problems.append(
                    f"{where}: mention span {mention['span']} is not {mention['text']!r}"
                )
            if not _code_ok(mention["code"]) or mention["sector"] not in SECTORS | {None}:
                problems.append(f"{where}: mention code {mention['code']}/{mention['sector']}")
        for event in article["events"]:
            if set(event) != EVENT_KEYS:
                problems.append(f"{where}: event keys {sorted(event)}")
                continue
            start, end = event["span"]
            if fields[event["field"]][start:end] != event["sentence"]:
                problems.append(f"{where}: event span {event['span']} is not its sentence")
            if event["type"] not in TYPES or event["fact"] not in FACTS:
                problems.append(f"{where}: event type/fact {event['type']}/{event['fact']}")
            if not (_code_ok(event["src"]) and _code_ok(event["tgt"])):
                problems.append(f"{where}: event codes {event['src']}->{event['tgt']}")
            if not isinstance(event["cameo"], str) or not re.fullmatch(r"\d{2,4}", event["cameo"]):
                problems.append(f"{where}: cameo {event['cameo']!r}")
            if not isinstance(event["goldstein"], float) or event["quad_class"] not in {1, 2, 3, 4}:
                problems.append(
                    f"{where}: goldstein/quad_class {event['goldstein']}/{event['quad_class']}"
                )
            if not event["rule"] or not event["trigger"]:
                problems.append(f"{where}: event without rule or trigger")
    return problems
