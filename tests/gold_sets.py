"""Running the pipeline over a gold-annotated page set and checking its floors (bench/baseline_*.yaml)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from kroniek.evaluate import score
from kroniek.evaluate.baseline import check_baseline, load_baseline
from kroniek.output import page_to_json
from kroniek.pipeline import run
from kroniek.records import PageResult

REPO = Path(__file__).resolve().parent.parent


def floors_hold(
    paths: Iterable[Path],
    gold: Path,
    baseline: str,
    resources,
    captures: dict[str, datetime] | None = None,
) -> list[str]:
    """Extract ``paths``, score them against ``gold`` and list every floor of bench/``baseline`` missed."""
    pages = [
        page_to_json(r)
        for r in run(paths, resources, captures=captures)
        if isinstance(r, PageResult)
    ]
    return check_baseline(score(gold, pages), load_baseline(REPO / "bench" / baseline))
