"""End-to-end runs of the ``kroniek`` command, as a user types them (real Frog, real DuckDB)."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from tests.contract import contract_problems

REPO = Path(__file__).resolve().parents[1]
KRONIEK = [sys.executable, "-m", "kroniek"]
CAPTURED = "2026-01-29T10:00:00Z"

pytestmark = pytest.mark.usefixtures("frog_ready")


def kroniek(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run the CLI in a subprocess and return its outcome."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    return subprocess.run(
        [*KRONIEK, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=900
    )


@pytest.fixture(scope="module")
def seed_extract(
    seeds_dir: Path, tmp_path_factory
) -> tuple[subprocess.CompletedProcess, list[dict]]:
    """One ``kroniek extract`` over the five seed pages."""
    cwd = tmp_path_factory.mktemp("extract")
    done = kroniek(
        "extract", str(seeds_dir), "--fetched-at", CAPTURED, "--format", "jsonl", cwd=cwd
    )
    return done, [json.loads(line) for line in done.stdout.splitlines()]


def test_extract_writes_one_contract_line_per_seed_page(seed_extract, seeds_dir):
    done, pages = seed_extract
    assert done.returncode == 0, done.stderr
    assert sorted(p["doc"] for p in pages) == sorted(f.stem for f in seeds_dir.glob("*.txt"))
    for page in pages:
        assert contract_problems(page) == []
        assert page["fetched_at"] == CAPTURED and page["language"] == "nl"
    assert sum(len(a["events"]) for p in pages for a in p["articles"]) > 0


def test_eval_reads_extract_output_from_stdin(seed_extract, gold_dir, tmp_path):
    done, _ = seed_extract
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    baseline = REPO / "bench" / "baseline.yaml"
    scored = subprocess.run(
        [*KRONIEK, "eval", "--gold", str(gold_dir), "-", "--json", "--baseline", str(baseline)],
        input=done.stdout,
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
    )
    assert scored.returncode == 0, scored.stderr
    scores = json.loads(scored.stdout)
    assert scores["pages"] == 5 and scores["segmentation"]["share"] == 1.0


def test_ingest_is_idempotent_and_survives_a_bad_file(tmp_path, seeds_dir):
    pages = tmp_path / "pages"
    pages.mkdir()
    first = sorted(seeds_dir.glob("*.txt"))[0]
    shutil.copy(first, pages / first.name)
    (pages / "kapot.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe" * 50)
    db = tmp_path / "k.duckdb"

    once = kroniek("ingest", str(pages), "--db", str(db), "--fetched-at", CAPTURED, cwd=tmp_path)
    assert once.returncode == 1
    assert "kapot.txt" in once.stderr and "binary" in once.stderr.lower()
    assert "ingested 1 new pages" in once.stderr

    listed = kroniek("events", "--db", str(db), "--format", "json", cwd=tmp_path)
    events = [json.loads(line) for line in listed.stdout.splitlines()]
    assert events and all(e["doc"] == first.stem for e in events)

    again = kroniek("ingest", str(pages), "--db", str(db), "--fetched-at", CAPTURED, cwd=tmp_path)
    assert "ingested 0 new pages (1 already stored" in again.stderr
    relisted = kroniek("events", "--db", str(db), "--format", "json", cwd=tmp_path)
    assert len(relisted.stdout.splitlines()) == len(events)

    out = tmp_path / "events.tsv"
    exported = kroniek("export", "--db", str(db), "--format", "gdelt", "-o", str(out), cwd=tmp_path)
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.reader(out.open(encoding="utf-8"), delimiter="\t"))
    assert rows and all(len(r) == 61 for r in rows)
    # asserted events only, one row per reported event; the sidecar says which events each holds
    sidecar = list(
        csv.DictReader((tmp_path / "events.kroniek.tsv").open(encoding="utf-8"), delimiter="\t")
    )
    assert [s["GLOBALEVENTID"] for s in sidecar] == [r[0] for r in rows]
    asserted = {e["event_id"] for e in events if e["fact"] == "asserted"}
    assert {i for s in sidecar for i in s["event_ids"].split(",")} == asserted
