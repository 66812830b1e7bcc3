"""`kroniek eval --misses`: every missed and false triple, classed, on hand-made gold."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kroniek.cli import main
from kroniek.evaluate.misses import find_misses, format_miss_counts


def line(part, src, tgt, type_, fact="asserted", cue=None):
    return {
        "page": "P",
        "part": part,
        "src": src,
        "tgt": tgt,
        "type": type_,
        "fact": fact,
        "cue": cue,
    }


GOLD = [
    line("main", "FRA", "DEU", "CONSULT", cue="overleg in Parijs"),  # coded: not a miss
    line("main", "FRA", "ITA", "AGREE", cue="sloten een akkoord"),  # dyad coded as CONSULT
    line("main", "DEU", "ITA", "ACCUSE", cue="verweet"),  # both mentioned, nothing linked
    line("main", "---", "ITA", "ASSAULT", "asserted", cue="werd beschoten"),  # unknown side
    line("main", "ESP", "ITA", "SUPPORT", cue="steunt"),  # ESP never mentioned
    line("brief:0", "POL", "CZE", "REQUEST", cue="vroeg"),  # nothing mentioned in the brief
    line("brief:0", "POL", "CZE", "REQUEST", cue="herhaalde"),  # a repeated gold triple
]


def mention(code):
    return {"code": code, "sector": "GOV", "text": code}


PREDICTED = {
    "doc": "P",
    "articles": [
        {
            "part": "main",
            "mentions": [mention(c) for c in ("FRA", "DEU", "ITA")],
            "events": [
                {"src": "FRA", "tgt": "DEU", "type": "CONSULT", "fact": "asserted"},
                {
                    "src": "FRA",
                    "tgt": "ITA",
                    "type": "CONSULT",
                    "fact": "asserted",
                    "rule": "consult.meet",
                    "trigger": "overleg",
                    "sentence": "Een zin.",
                },
                {"src": "ITA", "tgt": "FRA", "type": "THREATEN", "fact": "future", "rule": "x.y"},
            ],
        },
        {"part": "brief:0", "mentions": [], "events": []},
    ],
}


@pytest.fixture()
def gold(tmp_path):
    folder = tmp_path / "gold"
    folder.mkdir()
    (folder / "events.jsonl").write_text(
        "".join(json.dumps(g) + "\n" for g in GOLD), encoding="utf-8"
    )
    return folder


def test_each_missed_triple_gets_the_class_of_what_was_found(gold):
    missed = {
        (m.src, m.tgt, m.type): m for m in find_misses(gold, [PREDICTED]) if m.kind == "missed"
    }
    assert {k: m.cls for k, m in missed.items()} == {
        ("FRA", "ITA", "AGREE"): "other-type",
        ("DEU", "ITA", "ACCUSE"): "not-linked",
        ("---", "ITA", "ASSAULT"): "unknown-side",
        ("ESP", "ITA", "SUPPORT"): "one-actor",
        ("POL", "CZE", "REQUEST"): "no-actor",
    }
    assert missed[("FRA", "ITA", "AGREE")].found == ("CONSULT",)
    assert missed[("FRA", "ITA", "AGREE")].cue == "sloten een akkoord"
    assert missed[("POL", "CZE", "REQUEST")].part == "brief:0"


def test_false_triples_carry_rule_trigger_and_sentence(gold):
    false = [m for m in find_misses(gold, [PREDICTED]) if m.kind == "false"]
    assert [(m.src, m.tgt, m.type, m.cls) for m in false] == [
        ("FRA", "ITA", "CONSULT", "wrong-type"),
        ("ITA", "FRA", "THREATEN", "false"),
    ]
    assert (false[0].rule, false[0].trigger, false[0].sentence) == (
        "consult.meet",
        "overleg",
        "Een zin.",
    )
    assert false[0].found == ("AGREE",)


def test_counts_match_the_scores_misses(gold):
    text = format_miss_counts(find_misses(gold, [PREDICTED]))
    assert "other-type         1" in text
    assert "no-actor           1" in text
    assert "wrong-type         1" in text


def test_cli_writes_one_json_line_per_miss_and_prints_counts(gold, tmp_path):
    predictions = tmp_path / "pred.jsonl"
    predictions.write_text(json.dumps(PREDICTED) + "\n", encoding="utf-8")
    out = tmp_path / "misses.jsonl"
    result = CliRunner().invoke(
        main, ["eval", "--gold", str(gold), str(predictions), "--misses", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 7  # 5 missed gold triples (the repeat counts once) + 2 false
    assert "events (src, tgt, type)       0.333  0.167" in result.output
    assert "not-linked         1" in result.output
