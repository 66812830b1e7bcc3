"""`kroniek ingest --dask local:2` (a real distributed.LocalCluster of two workers, each with its
own Frog processes) stores what a local `kroniek ingest` stores, row for row."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
INPUTS = [str(SAMPLES / "pages"), str(SAMPLES / "html"), str(SAMPLES / "records")]
# what the two runs store; ingest times (ingested_at, first_seen) differ by nature
TABLES = {
    "pages": "* EXCLUDE (ingested_at)",
    "articles": "* EXCLUDE (first_seen)",
    "versions": "* EXCLUDE (first_seen)",
    "sightings": "*",
    "sentences": "*",
    "mentions": "*",
    "events": "*",
    "quantities": "*",
    "signatures": "*",
}

pytestmark = pytest.mark.usefixtures("frog_ready")


def ingest(db: Path, *extra: str) -> subprocess.CompletedProcess:
    """`kroniek ingest` of the bundled samples into `db`."""
    env = dict(os.environ, PYTHONPATH=str(REPO / "src"))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "kroniek",
            "ingest",
            *INPUTS,
            "--captures",
            str(SAMPLES / "fetched_at.tsv"),
            "--db",
            str(db),
            "--no-progress",
            *extra,
        ],
        cwd=db.parent,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def rows(db: Path, table: str) -> list[tuple]:
    """Every row of a table, sorted, without the columns that record when it was stored."""
    with duckdb.connect(str(db), read_only=True) as con:
        return sorted(con.execute(f"SELECT {TABLES[table]} FROM {table}").fetchall(), key=repr)


@pytest.fixture(scope="module")
def stores(tmp_path_factory) -> dict[str, tuple[Path, str]]:
    """The samples ingested once locally and once on a LocalCluster of two workers:
    the store and the summary line of each run."""
    folder = tmp_path_factory.mktemp("cluster")
    runs = {}
    for name, extra in (("local", ()), ("dask", ("--dask", "local:2"))):
        db = folder / f"{name}.duckdb"
        done = ingest(db, *extra)
        assert done.returncode == 0, done.stderr
        runs[name] = db, done.stderr.strip().splitlines()[-1]
    return runs


def test_dask_run_reports_what_the_local_run_reports(stores):
    summary = stores["local"][1]
    assert summary.startswith("ingested 32 new pages (0 already stored, 0 failed)")
    assert stores["dask"][1] == summary.replace("local.duckdb", "dask.duckdb")
    assert rows(stores["local"][0], "events"), "the samples hold events"


@pytest.mark.parametrize("table", sorted(TABLES))
def test_dask_run_stores_the_same_rows(stores, table):
    assert rows(stores["dask"][0], table) == rows(stores["local"][0], table)
