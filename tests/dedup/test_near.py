"""Shingles, Jaccard and the LSH decision, measured on the hand-written pairs."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from kroniek.dedup import THRESHOLD, NearIndex, from_hashvalues, jaccard, shingles, signature

BENCH = Path(__file__).resolve().parents[2] / "bench" / "dedup_pairs.py"


def _bench():
    spec = importlib.util.spec_from_file_location("dedup_pairs", BENCH)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("dedup_pairs", module)  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_shingles_ignore_case_punctuation_and_spacing():
    a = shingles("Kop", "De minister  sprak, dinsdag, met de premier.")
    b = shingles("kop", "de Minister sprak dinsdag met de premier")
    assert a == b and "minister sprak dinsdag" in a
    assert shingles(None, "twee woorden") == frozenset({"twee woorden"})
    assert jaccard(frozenset(), frozenset()) == 0.0


def test_signature_round_trips_through_stored_hash_values():
    sig = signature(shingles("Kop", "Een tekst over een ontmoeting van twee ministers in Rome."))
    back = from_hashvalues(int(v) for v in sig.hashvalues)
    index = NearIndex()
    index.add("a", sig)
    assert back.jaccard(sig) == 1.0 and index.candidates(back) == ["a"] and "a" in index


def test_configured_threshold_separates_the_pairs():
    bench = _bench()
    scored = bench.score_pairs()
    assert len(scored) >= 40 and sum(s.dup for s in scored) >= 20
    precision, recall, _ = bench.prf(scored, THRESHOLD)
    assert precision >= 0.95 and recall >= 0.9
    strict_precision, strict_recall, _ = bench.prf(scored, 0.8)
    assert strict_recall < recall  # why the threshold is not the textbook 0.8 on short briefs
