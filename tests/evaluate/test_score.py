"""Scoring as gold-format.md prescribes, on small hand-made gold and predictions."""

from __future__ import annotations

import json
from collections import defaultdict
from fractions import Fraction

import pytest

from kroniek.errors import KroniekError
from kroniek.evaluate import format_scores, load_gold, load_predictions, score, scores_to_dict


def ev(src, tgt, type_, fact="asserted", **extra):
    return {"src": src, "tgt": tgt, "type": type_, "fact": fact, **extra}


GOLD_SEGMENTS = [
    {
        "page": "A",
        "headline": "kop A",
        "main": {"dateline": "MOSKOU", "agencies": ["ANP", "AFP"]},
        "briefs": [
            {"dateline": "PARIJS", "agencies": ["ANP"], "ago": "1 uur geleden", "first_words": "x"},
            {
                "dateline": "BERLIJN",
                "agencies": ["ANP", "RTR"],
                "ago": "3 uur geleden",
                "first_words": "y",
            },
        ],
    },
    {
        "page": "B",
        "headline": "kop B",
        "main": {"dateline": None, "agencies": ["ANP"]},
        "briefs": [],
    },
    {
        "page": "C",
        "headline": "kop C",
        "main": {"dateline": "ROME", "agencies": ["ANP"]},
        "briefs": [
            {"dateline": "MADRID", "agencies": ["ANP"], "ago": "2 uur geleden", "first_words": "z"}
        ],
    },
]

GOLD_EVENTS = [
    {"page": "A", "part": "main", **ev("RUS", "IRN", "AGREE")},
    {"page": "A", "part": "main", **ev("IRN", "RUS", "AGREE")},
    {"page": "A", "part": "main", **ev("RUS", "UKR", "ASSAULT", "alleged")},
    {"page": "A", "part": "brief:0", **ev("FRA", "DEU", "CONSULT", "future")},
    {"page": "B", "part": "main", **ev("USA", "CHN", "ACCUSE")},
    {"page": "C", "part": "main", **ev("NLD", "BEL", "CONSULT")},
    {"page": "C", "part": "main", **ev("BEL", "NLD", "CONSULT")},
]


def article(part, dateline, agencies, ago, events):
    return {
        "part": part,
        "headline": None,
        "dateline": dateline,
        "agencies": agencies,
        "ago": ago,
        "events": events,
    }


def predictions():
    page_a = {
        "doc": "A",
        "articles": [
            article(
                "main",
                "MOSKOU",
                ["ANP", "AFP"],
                None,
                [
                    ev("RUS", "IRN", "AGREE", src_sector="GOV"),
                    ev("RUS", "IRN", "AGREE", src_sector="MIL"),  # same triple twice: counted once
                    ev("RUS", "UKR", "ASSAULT"),  # right triple, wrong fact
                    ev("USA", "RUS", "ACCUSE"),
                ],
            ),
            article(
                "brief:0",
                "PARIJS",
                ["ANP"],
                "1 uur geleden",
                [ev("FRA", "DEU", "CONSULT", "future"), ev("DEU", "FRA", "CONSULT", "future")],
            ),
            article(
                "brief:1", "BERLIJN", ["ANP", "RTR"], "3 uur geleden", [ev("GBR", "USA", "SUPPORT")]
            ),
        ],
    }
    page_b = {
        "doc": "B",
        "articles": [
            article("main", None, ["ANP"], None, [ev("USA", "CHN", "REJECT")]),
            article("brief:0", "OSLO", ["ANP"], "9 uur geleden", []),
        ],
    }
    unknown = {"doc": "X", "articles": [article("main", None, [], None, [ev("A", "B", "AID")])]}
    return [page_a, page_b, unknown]


@pytest.fixture()
def gold(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "segments.jsonl").write_text(
        "".join(json.dumps(s) + "\n" for s in GOLD_SEGMENTS), encoding="utf-8"
    )
    (folder / "events.jsonl").write_text(
        "".join(json.dumps(e) + "\n" for e in GOLD_EVENTS), encoding="utf-8"
    )
    return folder


def counts(prf):
    return prf.tp, prf.fp, prf.fn


def test_triples_are_micro_averaged_over_parts(gold):
    scores = score(gold, predictions())
    # A main tp2 fp1 fn1; A brief:0 tp1 fp1; A brief:1 fp1; B main fp1 fn1; C (missing) fn2
    assert counts(scores.events) == (3, 4, 4)
    assert scores.events.precision == pytest.approx(3 / 7)
    assert scores.events.recall == pytest.approx(3 / 7)
    assert scores.events.f1 == pytest.approx(3 / 7)


def test_fact_variant(gold):
    scores = score(gold, predictions())
    # the assault loses its match (alleged in gold, asserted predicted)
    assert counts(scores.events_fact) == (2, 5, 5)
    assert scores.events_fact.f1 == pytest.approx(2 / 7)


def test_dyads_ignore_the_type(gold):
    scores = score(gold, predictions())
    # B main's USA->CHN now matches; A brief:0's reverse direction stays a false positive
    assert counts(scores.dyads) == (4, 3, 3)
    assert scores.dyads.f1 == pytest.approx(4 / 7)


def test_per_type_breakdown(gold):
    per_type = score(gold, predictions()).per_type
    assert {k: counts(v) for k, v in per_type.items()} == {
        "ACCUSE": (0, 1, 1),
        "AGREE": (1, 0, 1),
        "ASSAULT": (1, 0, 0),
        "CONSULT": (1, 1, 2),
        "REJECT": (0, 1, 0),
        "SUPPORT": (0, 1, 0),
    }
    assert per_type["AGREE"].precision == 1.0 and per_type["AGREE"].recall == 0.5
    assert per_type["AGREE"].f1 == pytest.approx(float(Fraction(2, 3)))


def test_symmetric_event_needs_both_directions(gold):
    only_one = [
        {
            "doc": "C",
            "articles": [article("main", "ROME", ["ANP"], None, [ev("NLD", "BEL", "CONSULT")])],
        }
    ]
    scores = score(gold, only_one)
    # C: tp1 fn1; A and B are missing: 4 + 1 more misses
    assert counts(scores.events) == (1, 0, 6)
    assert scores.events.precision == 1.0
    assert scores.events.recall == pytest.approx(1 / 7)


def test_pages_missing_and_ignored_are_reported(gold):
    scores = score(gold, predictions())
    assert scores.pages == 3
    assert scores.missing_pages == ("C",)
    assert scores.ignored_pages == ("X",)
    report = format_scores(scores)
    assert "missing from the predictions (all their gold events counted as missed): C" in report
    assert "AID" not in report  # the page without gold contributes nothing


def test_no_predictions_at_all_misses_everything(gold):
    scores = score(gold, [])
    assert counts(scores.events) == (0, 0, 7)
    assert scores.events.f1 == 0.0
    assert scores.missing_pages == ("A", "B", "C")
    assert scores.segmentation.matched == 0


def test_segmentation_share(gold):
    seg = score(gold, predictions()).segmentation
    assert (seg.pages, seg.matched, seg.briefs_gold, seg.briefs_matched) == (3, 1, 3, 2)
    assert seg.share == pytest.approx(1 / 3)
    assert seg.mismatches == ("B: 0 briefs in gold, 1 predicted", "C: no prediction for this page")


def test_segmentation_checks_ago_and_agency_order(gold):
    pages = predictions()
    pages[0]["articles"][2]["ago"] = "4 uur geleden"
    seg = score(gold, pages).segmentation
    assert seg.matched == 0 and seg.briefs_matched == 1
    assert seg.mismatches[0].startswith("A: brief:1 ago")
    pages = predictions()
    pages[0]["articles"][0]["agencies"] = ["AFP", "ANP"]
    assert score(gold, pages).segmentation.mismatches[0].startswith("A: main agencies")


def test_duplicate_prediction_lines_score_the_first(gold):
    pages = predictions()
    again = {"doc": "A", "articles": [article("main", None, [], None, [])]}
    scores = score(gold, pages + [again])
    assert scores.duplicate_pages == ("A",)
    assert counts(scores.events) == (3, 4, 4)


def test_scores_to_dict_is_json_ready(gold):
    data = scores_to_dict(score(gold, predictions()))
    assert json.loads(json.dumps(data)) == data
    assert data["events"] == {
        "precision": 0.4286,
        "recall": 0.4286,
        "f1": 0.4286,
        "tp": 3,
        "fp": 4,
        "fn": 4,
    }
    assert data["segmentation"]["share"] == 0.3333


def test_bad_gold_line_names_file_and_line(tmp_path):
    (tmp_path / "events.jsonl").write_text(
        json.dumps({"page": "A", "part": "main", "src": "RUS", "tgt": "IRN", "type": "AGREE"})
        + "\n{not json\n",
        encoding="utf-8",
    )
    with pytest.raises(KroniekError, match=r"events.jsonl:2"):
        load_gold(tmp_path)
    (tmp_path / "events.jsonl").write_text(json.dumps({"page": "A", "part": "main"}) + "\n")
    with pytest.raises(KroniekError, match=r"events.jsonl:1: missing src, tgt, type"):
        load_gold(tmp_path)


def test_empty_gold_folder_is_an_error(tmp_path):
    with pytest.raises(KroniekError, match="no segments.jsonl or events.jsonl"):
        score(tmp_path, [])


def test_load_predictions_reads_jsonl(tmp_path, gold):
    path = tmp_path / "pred.jsonl"
    path.write_text("".join(json.dumps(p) + "\n" for p in predictions()) + "\n", encoding="utf-8")
    assert counts(score(gold, load_predictions(path)).events) == (3, 4, 4)


def gold_as_predictions(gold_dir):
    """Output-contract page objects rebuilt from a gold folder."""
    gold = load_gold(gold_dir)
    by_page = defaultdict(dict)
    for (page, part), events in gold.events.items():
        by_page[page][part] = [dict(e) for e in events]
    pages = []
    for page in gold.pages:
        segments = gold.segments.get(page, {})
        main = segments.get("main") or {}
        articles = [
            article(
                "main",
                main.get("dateline"),
                main.get("agencies"),
                None,
                by_page[page].get("main", []),
            )
        ]
        for k, brief in enumerate(segments.get("briefs") or []):
            articles.append(
                article(
                    f"brief:{k}",
                    brief["dateline"],
                    brief["agencies"],
                    brief["ago"],
                    by_page[page].get(f"brief:{k}", []),
                )
            )
        pages.append({"doc": page, "articles": articles})
    return pages


def test_seed_gold_scores_perfectly_against_itself(gold_dir):
    if not (gold_dir / "events.jsonl").is_file():
        pytest.skip(f"{gold_dir} has no events.jsonl")
    scores = score(gold_dir, gold_as_predictions(gold_dir))
    assert scores.pages == 5
    assert scores.events.f1 == 1.0 and scores.events_fact.f1 == 1.0 and scores.dyads.f1 == 1.0
    assert scores.segmentation.share == 1.0
    assert scores.missing_pages == ()
    assert scores.events.tp > 0
