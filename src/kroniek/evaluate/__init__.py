"""The evaluate stage: ``kroniek eval`` scoring against gold, and the quality gate."""

from kroniek.evaluate.baseline import Baseline, check_baseline, load_baseline, metric
from kroniek.evaluate.misses import Miss, find_misses, format_miss_counts
from kroniek.evaluate.score import (
    PRF,
    Gold,
    Scores,
    Segmentation,
    format_scores,
    load_gold,
    load_predictions,
    score,
    scores_to_dict,
)

__all__ = [
    "PRF",
    "Baseline",
    "Gold",
    "Miss",
    "Scores",
    "Segmentation",
    "check_baseline",
    "find_misses",
    "format_miss_counts",
    "format_scores",
    "load_baseline",
    "load_gold",
    "load_predictions",
    "metric",
    "score",
    "scores_to_dict",
]
