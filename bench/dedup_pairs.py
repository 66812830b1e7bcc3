"""Precision, recall and F1 of kroniek's near-duplicate decision on hand-written pairs.

    python bench/dedup_pairs.py [--pairs bench/data/dedup_pairs.yaml] [--shingle K]

Every item of the pairs file is indexed (MinHash LSH, as the store does); a pair counts as
predicted duplicate when the LSH proposes the one item for the other and the exact Jaccard
similarity of their word shingles reaches the threshold. Prints P/R/F1 at several
thresholds, the LSH candidate recall, and the pairs the configured threshold gets wrong.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from pathlib import Path

import yaml

from kroniek.dedup import THRESHOLD, NearIndex, jaccard, shingles, signature

DEFAULT_PAIRS = Path(__file__).resolve().parent / "data" / "dedup_pairs.yaml"
THRESHOLDS = (0.3, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9)


@dataclass(frozen=True)
class Scored:
    """One pair with its label, exact similarity and whether LSH proposed it."""

    a: str
    b: str
    dup: bool
    kind: str
    similarity: float
    candidate: bool


def score_pairs(path: Path = DEFAULT_PAIRS, k: int = 3) -> list[Scored]:
    """Every pair of the file with its similarity and LSH candidacy."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    grams = {
        key: shingles(item["headline"], item["text"], k) for key, item in data["items"].items()
    }
    sigs = {key: signature(g) for key, g in grams.items()}
    index = NearIndex()
    for key, sig in sigs.items():
        index.add(key, sig)
    scored = []
    for a, b, label, kind in data["pairs"]:
        if label not in ("dup", "different"):
            raise ValueError(f"{path}: pair {a}/{b}: label must be dup or different, not {label!r}")
        scored.append(
            Scored(
                a,
                b,
                label == "dup",
                kind,
                jaccard(grams[a], grams[b]),
                a in index.candidates(sigs[b]),
            )
        )
    return scored


def prf(scored: list[Scored], threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of 'LSH candidate and similarity >= threshold'."""
    predicted = [s.candidate and s.similarity >= threshold for s in scored]
    tp = sum(p and s.dup for p, s in zip(predicted, scored, strict=True))
    fp = sum(p and not s.dup for p, s in zip(predicted, scored, strict=True))
    fn = sum(not p and s.dup for p, s in zip(predicted, scored, strict=True))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main() -> None:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=DEFAULT_PAIRS)
    parser.add_argument("--shingle", type=int, default=3, help="words per shingle (default 3)")
    args = parser.parse_args()
    scored = score_pairs(args.pairs, args.shingle)
    dups = sum(s.dup for s in scored)
    print(
        f"{len(scored)} pairs ({dups} duplicate, {len(scored) - dups} different), "
        f"word {args.shingle}-grams, LSH candidate recall on duplicates "
        f"{sum(s.candidate for s in scored if s.dup)}/{dups}"
    )
    print("threshold  precision  recall  F1")
    for t in THRESHOLDS:
        p, r, f = prf(scored, t)
        mark = "  <- kroniek.dedup.THRESHOLD" if t == THRESHOLD else ""
        print(f"{t:9.2f}  {p:9.3f}  {r:6.3f}  {f:.3f}{mark}")
    lowest_dup = min(s.similarity for s in scored if s.dup)
    highest_other = max(s.similarity for s in scored if not s.dup)
    print(f"lowest duplicate similarity {lowest_dup:.3f}, highest different {highest_other:.3f}")
    for s in scored:
        if (s.candidate and s.similarity >= THRESHOLD) != s.dup:
            print(
                f"wrong at {THRESHOLD}: {s.a} {s.b} ({'dup' if s.dup else 'different'}, "
                f"{s.kind}) similarity {s.similarity:.3f}"
            )


if __name__ == "__main__":
    main()
