"""Dev-gold helpers: read the seed pages and their gold from ../shared, find actor codes per part."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2].parent / "shared"
SEEDS = SHARED / "seeds"
GOLD = SHARED / "gold" / "seeds" / "events.jsonl"
EXTRAS = Path(__file__).with_name("dev_gold_extras.tsv")


def gold_codes() -> dict[tuple[str, str], set[str]]:
    """(page, part) -> the actor codes (not '---') of the gold events in that part."""
    codes: dict[tuple[str, str], set[str]] = defaultdict(set)
    for line in GOLD.read_text(encoding="utf-8").splitlines():
        if line.strip():
            event = json.loads(line)
            for side in ("src", "tgt"):
                if event[side] != "---":
                    codes[(event["page"], event["part"])].add(event[side])
    return codes


def verified_extras() -> dict[tuple[str, str], set[str]]:
    """(page, part) -> codes hand-checked as explicitly referred to in that part (not in gold)."""
    extras: dict[tuple[str, str], set[str]] = defaultdict(set)
    for line in EXTRAS.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            page, part, code, _why = line.split("\t")
            extras[(page, part)].add(code)
    return extras


def found_codes(frog, books) -> dict[tuple[str, str], set[str]]:
    """(page, part) -> codes of the mentions find_mentions reports in that part of each seed page."""
    from kroniek.actors import find_mentions
    from kroniek.nlp import analyse
    from kroniek.read import read_paths
    from kroniek.segment import segment

    found: dict[tuple[str, str], set[str]] = defaultdict(set)
    for page in read_paths(sorted(SEEDS.glob("*.txt"))):
        for article in segment(page):
            sentences = analyse(frog, "headline", article.headline) if article.headline else ()
            sentences += analyse(frog, "text", article.text, first_index=len(sentences))
            on = page.fetched_at.date() if page.fetched_at else None
            for mention in find_mentions(sentences, books, on):
                if mention.code != "---":
                    found[(page.doc, article.part)].add(mention.code)
    return found
