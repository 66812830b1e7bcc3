"""The coder on the second dev set: the hand-annotated sample pages of samples/gold."""

import json
from datetime import datetime
from pathlib import Path

from tests.gold_sets import floors_hold

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "samples" / "gold"


def _captures() -> dict[str, datetime]:
    rows = (ROOT / "samples" / "fetched_at.tsv").read_text(encoding="utf-8").splitlines()[1:]
    return {
        Path(f).name: datetime.fromisoformat(t.replace("Z", "+00:00"))
        for f, t in (r.split("\t") for r in rows)
    }


def test_sample_gold_floors(resources):
    """Extract the 12 annotated sample pages and keep their scores at bench/baseline_samples.yaml."""
    stems = {
        json.loads(line)["page"]
        for line in (GOLD / "segments.jsonl").read_text(encoding="utf-8").splitlines()
    }
    paths = sorted(
        p
        for p in (ROOT / "samples").glob("*/*")
        if p.stem in stems and p.suffix in (".txt", ".html")
    )
    assert len(paths) == len(stems)
    missed = floors_hold(paths, GOLD, "baseline_samples.yaml", resources, captures=_captures())
    assert not missed, missed
