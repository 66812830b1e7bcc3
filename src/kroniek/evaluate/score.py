"""Scoring predictions against gold, exactly as ../shared/spec/gold-format.md prescribes.

For each (page, part) gold and predicted events are reduced to sets of (src, tgt, type)
triples; true positives, false positives and misses are summed over all parts (micro
average). The same is done with ``fact`` added, for dyads (src, tgt) only, and per type.
Segmentation counts the pages whose main dateline and agencies and whose brief count,
datelines, agencies and ``ago`` strings all match. Only gold pages are scored.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from kroniek.errors import KroniekError

Key = tuple  # a reduced event: (src, tgt, type), (src, tgt, type, fact) or (src, tgt)


@dataclass(frozen=True)
class PRF:
    """True positives, false positives and misses, with precision, recall and F1."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 0.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 0.0 when the gold is empty."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def plus(self, gold: set, predicted: set) -> PRF:
        """This count with one part's gold and predicted sets added."""
        return PRF(
            self.tp + len(gold & predicted),
            self.fp + len(predicted - gold),
            self.fn + len(gold - predicted),
        )


@dataclass(frozen=True)
class Segmentation:
    """How many gold pages the segmenter cut exactly like the annotator."""

    pages: int = 0
    matched: int = 0
    briefs_gold: int = 0
    briefs_matched: int = 0  # gold briefs whose dateline, agencies and ago match at their index
    mismatches: tuple[str, ...] = ()  # "page: first difference"

    @property
    def share(self) -> float:
        """Share of gold pages whose segmentation matches completely."""
        return self.matched / self.pages if self.pages else 0.0


@dataclass(frozen=True)
class Scores:
    """Everything ``kroniek eval`` reports."""

    events: PRF
    events_fact: PRF
    dyads: PRF
    per_type: Mapping[str, PRF]
    segmentation: Segmentation
    pages: int  # gold pages scored
    missing_pages: tuple[str, ...] = ()  # gold pages with no prediction: all counted as missed
    ignored_pages: tuple[str, ...] = ()  # predicted pages without gold: not scored
    duplicate_pages: tuple[str, ...] = ()  # pages predicted more than once: first one scored


@dataclass(frozen=True)
class Gold:
    """Gold segmentation per page and gold events per (page, part)."""

    segments: Mapping[str, dict]
    events: Mapping[tuple[str, str], tuple[dict, ...]]

    @property
    def pages(self) -> tuple[str, ...]:
        """Every page the gold covers, sorted."""
        return tuple(sorted(set(self.segments) | {page for page, _ in self.events}))


def _read_jsonl(path: Path) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line; a bad line is a KroniekError naming it."""
    with open(path, encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as err:
                raise KroniekError(f"{path}:{number}", f"not JSON ({err.msg})") from err
            if not isinstance(item, dict):
                raise KroniekError(f"{path}:{number}", "not a JSON object")
            yield number, item


def load_gold(gold_dir: Path) -> Gold:
    """Read ``segments.jsonl`` and ``events.jsonl`` of a gold folder (either may be absent)."""
    gold_dir = Path(gold_dir)
    seg_path, ev_path = gold_dir / "segments.jsonl", gold_dir / "events.jsonl"
    if not seg_path.is_file() and not ev_path.is_file():
        raise KroniekError(
            str(gold_dir),
            "no segments.jsonl or events.jsonl here",
            "point --gold at a folder in the format of spec/gold-format.md",
        )
    segments: dict[str, dict] = {}
    if seg_path.is_file():
        for number, item in _read_jsonl(seg_path):
            if not isinstance(item.get("page"), str):
                raise KroniekError(f"{seg_path}:{number}", "no 'page'")
            segments[item["page"]] = item
    events: dict[tuple[str, str], list[dict]] = defaultdict(list)
    if ev_path.is_file():
        for number, item in _read_jsonl(ev_path):
            absent = [k for k in ("page", "part", "src", "tgt", "type") if not item.get(k)]
            if absent:
                raise KroniekError(f"{ev_path}:{number}", f"missing {', '.join(absent)}")
            events[(item["page"], item["part"])].append(item)
    return Gold(
        MappingProxyType(segments), MappingProxyType({k: tuple(v) for k, v in events.items()})
    )


def load_predictions(path: Path) -> Iterator[dict]:
    """The page objects of a ``kroniek extract --format jsonl`` file."""
    for _, item in _read_jsonl(Path(path)):
        yield item


def triple(event: Mapping) -> Key:
    """The (src, tgt, type) an event is scored by."""
    return (event.get("src"), event.get("tgt"), event.get("type"))


def _with_fact(event: Mapping) -> Key:
    return (*triple(event), event.get("fact"))


def _dyad(event: Mapping) -> Key:
    return (event.get("src"), event.get("tgt"))


def predicted_parts(page: dict, where: str) -> dict[str, dict]:
    """A predicted page's articles by part (the first of a part counts); ``where`` names the
    page in errors."""
    articles = page.get("articles")
    if not isinstance(articles, list):
        raise KroniekError(where, "no 'articles' list")
    parts: dict[str, dict] = {}
    for article in articles:
        if not isinstance(article, dict) or not isinstance(article.get("part"), str):
            raise KroniekError(where, "an article without 'part'")
        parts.setdefault(article["part"], article)
    return parts


def _brief_index(part: str) -> int | None:
    head, _, tail = part.partition(":")
    return int(tail) if head == "brief" and tail.isdigit() else None


def compare_segments(gold: dict, parts: Mapping[str, dict] | None) -> tuple[str | None, int]:
    """First difference between a gold segmentation and predicted parts (None when equal),
    and how many gold briefs match at their index."""
    gold_briefs = gold.get("briefs") or []
    if parts is None:
        return "no prediction for this page", 0
    indexed = ((_brief_index(p), a) for p, a in parts.items())
    briefs = sorted(((i, a) for i, a in indexed if i is not None), key=lambda pair: pair[0])
    predicted = [a for _, a in briefs]
    matched, problem = 0, None
    main_gold = gold.get("main")
    if main_gold is not None:
        main = parts.get("main")
        if main is None:
            problem = "no main article predicted"
        else:
            problem = _field_difference("main", main_gold, main, ("dateline", "agencies"))
    if problem is None and len(gold_briefs) != len(predicted):
        problem = f"{len(gold_briefs)} briefs in gold, {len(predicted)} predicted"
    if problem is None and [i for i, _ in briefs] != list(range(len(briefs))):
        problem = f"brief parts are not numbered 0..{len(briefs) - 1}"
    for k, gold_brief in enumerate(gold_briefs[: len(predicted)]):
        diff = _field_difference(
            f"brief:{k}", gold_brief, predicted[k], ("dateline", "agencies", "ago")
        )
        if diff is None:
            matched += 1
        elif problem is None:
            problem = diff
    return problem, matched


def _field_difference(
    part: str, gold: Mapping, predicted: Mapping, fields: tuple[str, ...]
) -> str | None:
    for name in fields:
        want, got = gold.get(name), predicted.get(name)
        if name == "agencies":
            want, got = list(want or []), list(got or [])
        if want != got:
            return f"{part} {name} {want!r} in gold, {got!r} predicted"
    return None


def score(gold_dir: Path, predictions: Iterable[dict]) -> Scores:
    """Score predicted page objects (the output contract) against a gold folder."""
    gold = load_gold(gold_dir)
    gold_pages = set(gold.pages)
    predicted: dict[str, dict[str, dict]] = {}
    ignored: set[str] = set()
    duplicates: set[str] = set()
    for n, page in enumerate(predictions):
        doc = page.get("doc") if isinstance(page, dict) else None
        if not isinstance(doc, str):
            raise KroniekError(f"prediction {n + 1}", "no 'doc'")
        if doc not in gold_pages:
            ignored.add(doc)
        elif doc in predicted:
            duplicates.add(doc)
        else:
            predicted[doc] = predicted_parts(page, f"prediction {doc}")

    events, with_fact, dyads = PRF(), PRF(), PRF()
    per_type: dict[str, PRF] = defaultdict(PRF)
    for page_id in sorted(gold_pages):
        parts = predicted.get(page_id, {})
        part_names = {part for p, part in gold.events if p == page_id} | set(parts)
        for part in sorted(part_names):
            gold_events = gold.events.get((page_id, part), ())
            pred_events = (parts.get(part) or {}).get("events") or []
            g, p = {triple(e) for e in gold_events}, {triple(e) for e in pred_events}
            events = events.plus(g, p)
            with_fact = with_fact.plus(
                {_with_fact(e) for e in gold_events}, {_with_fact(e) for e in pred_events}
            )
            dyads = dyads.plus({_dyad(e) for e in gold_events}, {_dyad(e) for e in pred_events})
            for kind in {t for _, _, t in g | p}:
                per_type[kind] = per_type[kind].plus(
                    {k for k in g if k[2] == kind}, {k for k in p if k[2] == kind}
                )

    seg_pages = seg_matched = briefs_gold = briefs_matched = 0
    mismatches = []
    for page_id in sorted(gold.segments):
        problem, matched = compare_segments(gold.segments[page_id], predicted.get(page_id))
        seg_pages += 1
        briefs_gold += len(gold.segments[page_id].get("briefs") or [])
        briefs_matched += matched
        if problem is None:
            seg_matched += 1
        else:
            mismatches.append(f"{page_id}: {problem}")

    return Scores(
        events=events,
        events_fact=with_fact,
        dyads=dyads,
        per_type=MappingProxyType(dict(sorted(per_type.items()))),
        segmentation=Segmentation(
            seg_pages, seg_matched, briefs_gold, briefs_matched, tuple(mismatches)
        ),
        pages=len(gold_pages),
        missing_pages=tuple(sorted(gold_pages - set(predicted))),
        ignored_pages=tuple(sorted(ignored)),
        duplicate_pages=tuple(sorted(duplicates)),
    )


def _prf_dict(prf: PRF, digits: int | None) -> dict:
    def fix(value: float) -> float:
        return round(value, digits) if digits is not None else value

    return {
        "precision": fix(prf.precision),
        "recall": fix(prf.recall),
        "f1": fix(prf.f1),
        "tp": prf.tp,
        "fp": prf.fp,
        "fn": prf.fn,
    }


def scores_to_dict(scores: Scores, digits: int | None = 4) -> dict:
    """Scores as plain JSON-ready data (the keys a baseline file names, e.g. events.f1).

    Ratios are rounded to ``digits`` places; ``digits=None`` keeps them exact.
    """
    seg = scores.segmentation
    share = round(seg.share, digits) if digits is not None else seg.share
    return {
        "pages": scores.pages,
        "missing_pages": list(scores.missing_pages),
        "ignored_pages": list(scores.ignored_pages),
        "duplicate_pages": list(scores.duplicate_pages),
        "events": _prf_dict(scores.events, digits),
        "events_fact": _prf_dict(scores.events_fact, digits),
        "dyads": _prf_dict(scores.dyads, digits),
        "per_type": {kind: _prf_dict(prf, digits) for kind, prf in scores.per_type.items()},
        "segmentation": {
            "pages": seg.pages,
            "matched": seg.matched,
            "share": share,
            "briefs_gold": seg.briefs_gold,
            "briefs_matched": seg.briefs_matched,
            "mismatches": list(seg.mismatches),
        },
    }


def format_scores(scores: Scores) -> str:
    """A readable report: the three event scores, per type, segmentation, page notes."""

    def row(label: str, prf: PRF) -> str:
        return (
            f"{label:<28}{prf.precision:>7.3f}{prf.recall:>7.3f}{prf.f1:>7.3f}"
            f"{prf.tp:>6}{prf.fp:>6}{prf.fn:>6}"
        )

    head = f"{'':<28}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>6}{'fn':>6}"
    seg = scores.segmentation
    lines = [
        f"gold pages scored: {scores.pages}",
        head,
        row("events (src, tgt, type)", scores.events),
        row("  + fact", scores.events_fact),
        row("dyads (src, tgt)", scores.dyads),
        "",
        "per type",
        head,
        *(row(f"  {kind}", prf) for kind, prf in scores.per_type.items()),
        "",
        (
            f"segmentation: {seg.matched}/{seg.pages} pages match ({seg.share:.3f}); "
            f"briefs matching {seg.briefs_matched}/{seg.briefs_gold}"
        ),
        *(f"  {m}" for m in seg.mismatches),
    ]
    if scores.missing_pages:
        lines.append(
            f"missing from the predictions (all their gold events counted as missed): "
            f"{', '.join(scores.missing_pages)}"
        )
    if scores.ignored_pages:
        lines.append(f"predicted pages without gold (not scored): {len(scores.ignored_pages)}")
    if scores.duplicate_pages:
        lines.append(
            f"pages predicted more than once (first scored): {', '.join(scores.duplicate_pages)}"
        )
    return "\n".join(lines)
