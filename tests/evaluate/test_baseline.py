"""The quality gate: floors in a YAML file checked against scores."""

from __future__ import annotations

import pytest

from kroniek.errors import KroniekError
from kroniek.evaluate import PRF, Scores, Segmentation, check_baseline, load_baseline, metric


def make_scores() -> Scores:
    return Scores(
        events=PRF(tp=3, fp=1, fn=2),  # P 0.75, R 0.6, F1 2/3
        events_fact=PRF(tp=2, fp=2, fn=3),
        dyads=PRF(tp=4, fp=0, fn=1),
        per_type={"AGREE": PRF(tp=2, fp=0, fn=0)},
        segmentation=Segmentation(pages=4, matched=3, briefs_gold=10, briefs_matched=9),
        pages=4,
    )


def write(tmp_path, text):
    path = tmp_path / "baseline.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_floors_met_pass(tmp_path):
    path = write(
        tmp_path,
        "# floors\nfloors:\n  events.f1: 0.66\n  dyads: {recall: 0.8}\n"
        "  segmentation.share: 0.75\n  per_type.AGREE.f1: 1.0\n",
    )
    baseline = load_baseline(path)
    assert dict(baseline.floors) == {
        "events.f1": 0.66,
        "dyads.recall": 0.8,
        "segmentation.share": 0.75,
        "per_type.AGREE.f1": 1.0,
    }
    assert check_baseline(make_scores(), baseline) == []


def test_floor_missed_by_an_unrounded_hair_fails(tmp_path):
    # F1 is 0.66666...; rounded to 4 places it would be 0.6667 and pass
    path = write(tmp_path, "floors:\n  events.f1: 0.66667\n  events_fact.precision: 0.4\n")
    problems = check_baseline(make_scores(), load_baseline(path))
    assert problems == ["events.f1 is 0.6667, below the floor 0.66667"]


def test_unknown_metric_and_absent_type(tmp_path):
    path = write(tmp_path, "floors:\n  events.f2: 0.1\n  per_type.SANCTION.recall: 0.5\n")
    problems = check_baseline(make_scores(), load_baseline(path))
    assert problems == [
        "events.f2: no such metric",
        "per_type.SANCTION.recall is 0.0000, below the floor 0.5",
    ]
    assert metric(make_scores(), "per_type.SANCTION.recall") == 0.0
    assert metric(make_scores(), "events.tp") == 3.0


@pytest.mark.parametrize(
    "text, problem",
    [
        ("events.f1: 0.5\n", "no 'floors:' mapping"),
        ("floors:\n  events.f1: high\n", "floor events.f1: 'high' is not a number"),
        ("floors:\n  events.f1: 1.5\n", "is not a number in \\[0, 1\\]"),
        ("floors: [\n", "not valid YAML"),
    ],
)
def test_bad_baseline_files(tmp_path, text, problem):
    with pytest.raises(KroniekError, match=problem):
        load_baseline(write(tmp_path, text))


def test_missing_baseline_file(tmp_path):
    with pytest.raises(KroniekError, match="cannot read the baseline"):
        load_baseline(tmp_path / "nope.yaml")
