"""Where the triples went wrong: every missed gold line and every false triple, classed.

``kroniek eval --misses FILE`` writes one JSON line per missed gold triple and per false
predicted triple, and prints how many fall in each class, so an error analysis starts from a
command, not from a script of one's own. A missed gold triple is classed by what the system did
find in the same article part:

- ``other-type``: the dyad (src, tgt) was coded, with another type;
- ``not-linked``: both actor codes were mentioned in the part, but no event joins them;
- ``unknown-side``: one side is "---" in the gold and the other was not linked to it;
- ``one-actor``: only one of the two codes was mentioned in the part;
- ``no-actor``: neither code was mentioned.

A false triple is classed ``wrong-type`` when the gold holds the dyad with another type, and
``false`` otherwise; it carries the rule, trigger and sentence that produced it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

from kroniek.evaluate.score import load_gold, predicted_parts, triple

MISS_CLASSES = ("other-type", "not-linked", "unknown-side", "one-actor", "no-actor")
FALSE_CLASSES = ("wrong-type", "false")


@dataclass(frozen=True)
class Miss:
    """One missed gold triple (``kind`` "missed") or one false predicted triple ("false")."""

    kind: str
    cls: str
    page: str
    part: str
    src: str
    tgt: str
    type: str
    fact: str | None
    cue: str | None = None  # the gold line's cue (a missed triple)
    rule: str | None = None  # the rule that fired (a false triple)
    trigger: str | None = None
    sentence: str | None = None
    found: tuple[str, ...] = ()  # the types the dyad got instead (other-type, wrong-type)

    def to_dict(self) -> dict:
        """The miss as a JSON-ready dict."""
        return {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(self).items()}


def _missed_class(src: str, tgt: str, coded_types: tuple[str, ...], mentioned: set[str]) -> str:
    """The class of a missed gold triple, from what the part's prediction holds."""
    if coded_types:
        return "other-type"
    if src in mentioned and tgt in mentioned:
        return "not-linked"
    if "---" in (src, tgt):
        return "unknown-side"
    if src in mentioned or tgt in mentioned:
        return "one-actor"
    return "no-actor"


def _unmatched(
    events: Iterable[dict], others: Iterable[dict]
) -> Iterator[tuple[dict, tuple[str, ...]]]:
    """The events whose triple none of ``others`` has (the first of a repeated triple), each
    with the types ``others`` give its dyad instead."""
    theirs = {triple(e) for e in others}
    seen: set[tuple] = set()
    for event in events:
        key = triple(event)
        if key not in theirs and key not in seen:
            seen.add(key)
            yield event, tuple(sorted(t for s, g, t in theirs if (s, g) == key[:2]))


def find_misses(gold_dir: Path, predictions: Iterable[dict]) -> Iterator[Miss]:
    """Every missed gold triple and every false predicted triple, part by part, in page order
    (a triple the gold or the prediction lists twice counts once, as in the scores)."""
    gold = load_gold(gold_dir)
    predicted: dict[str, dict[str, dict]] = {}
    for page in predictions:
        doc = page.get("doc")
        if isinstance(doc, str) and doc in gold.pages and doc not in predicted:
            predicted[doc] = predicted_parts(page, f"prediction {doc}")
    for page_id in gold.pages:
        parts = predicted.get(page_id, {})
        for part in sorted({p for d, p in gold.events if d == page_id} | set(parts)):
            article = parts.get(part) or {}
            found = article.get("events") or []
            mentioned = {m.get("code") for m in article.get("mentions") or []}
            gold_lines = gold.events.get((page_id, part), ())
            for line, other in _unmatched(gold_lines, found):
                src, tgt, kind = triple(line)
                yield Miss(
                    "missed",
                    _missed_class(src, tgt, other, mentioned),
                    page_id,
                    part,
                    src,
                    tgt,
                    kind,
                    line.get("fact"),
                    cue=line.get("cue"),
                    found=other,
                )
            for event, other in _unmatched(found, gold_lines):
                src, tgt, kind = triple(event)
                yield Miss(
                    "false",
                    "wrong-type" if other else "false",
                    page_id,
                    part,
                    src,
                    tgt,
                    kind,
                    event.get("fact"),
                    rule=event.get("rule"),
                    trigger=event.get("trigger"),
                    sentence=event.get("sentence"),
                    found=other,
                )


def format_miss_counts(misses: Iterable[Miss]) -> str:
    """A small table: how many missed and false triples fall in each class."""
    counts = Counter((m.kind, m.cls) for m in misses)
    lines = ["missed gold triples by class"]
    lines += [f"  {cls:<14} {counts[('missed', cls)]:>5}" for cls in MISS_CLASSES]
    lines.append("false triples by class")
    lines += [f"  {cls:<14} {counts[('false', cls)]:>5}" for cls in FALSE_CLASSES]
    return "\n".join(lines)
