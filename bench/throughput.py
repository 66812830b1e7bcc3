"""Throughput of the full pipeline: ingest pages into a fresh DuckDB file and print figures.

    python bench/throughput.py [PATH ...] [--pages N] [--workers W] [--fetched-at ISO]

Reads the given pages (default: ../shared/seeds and samples/), takes the first N
(distinct pages; no page is repeated so caches do not flatter the result), runs every stage
and the store, and prints pages/s, sentences/s, words/s, peak RSS of this process and of
the Frog servers, and the share of wall time spent waiting for Frog.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

from kroniek.dedup import VersionPlanner
from kroniek.errors import ReadError
from kroniek.pipeline import Resources, run, store_result
from kroniek.read import read_paths
from kroniek.store import Store

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = [REPO.parent / "shared" / "seeds", REPO / "samples"]


def frog_peak_kib(pids: list[int]) -> int:
    """Sum of the peak resident sizes (VmHWM) of the given processes, in KiB."""
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmHWM:"):
                    total += int(line.split()[1])
        except OSError:
            continue
    return total


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--pages", type=int, default=None, help="at most this many pages")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--fetched-at", default="2026-01-29T10:00:00+00:00")
    args = parser.parse_args()
    inputs = [p for p in (args.paths or DEFAULT_INPUTS) if p.exists()]
    captured = datetime.fromisoformat(args.fetched_at.replace("Z", "+00:00"))

    pages = [p for p in read_paths(inputs, fetched_at=captured) if not isinstance(p, ReadError)]
    pages = pages[: args.pages] if args.pages else pages
    if not pages:
        sys.exit("bench: no readable pages in " + ", ".join(map(str, inputs)))
    listing = Path(tempfile.mkdtemp(prefix="kroniek-bench-"))
    for number, page in enumerate(pages):
        (listing / f"{number:05d}_{page.doc}.txt").write_text(page.text or "", encoding="utf-8")

    with Resources.load(workers=args.workers) as res:
        res.tagger.start()
        res.parser.start()
        words = sentences = events = failed = 0
        frog_rss = 0
        started = time.perf_counter()
        planner = VersionPlanner()  # one index of the store for the whole run
        with Store(listing / "bench.duckdb") as store:
            for outcome in run([listing], res, fetched_at=captured):
                if isinstance(outcome, ReadError) or outcome.error:
                    failed += 1
                    continue
                store_result(store, outcome, planner, res.rules_sha256)
                for analysed in outcome.articles:
                    sentences += len(analysed.sentences)
                    words += sum(len(s.tokens) for s in analysed.sentences)
                    events += len(analysed.events)
                frog_rss = max(frog_rss, frog_peak_kib(res.tagger.pids() + res.parser.pids()))
        elapsed = time.perf_counter() - started
        tag, parse = res.tagger.stats(), res.parser.stats()

    done = len(pages) - failed
    in_frog = tag.frog_seconds + parse.frog_seconds
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"pages            {done} ({failed} failed) from {', '.join(map(str, inputs))}")
    print(f"workers          {res.workers}")
    print(f"wall seconds     {elapsed:.2f}")
    print(f"pages/s          {done / elapsed:.2f}")
    print(f"sentences/s      {sentences / elapsed:.1f}  ({sentences} sentences)")
    print(f"tokens/s         {words / elapsed:.0f}  ({words} tokens)")
    print(f"events           {events}")
    print(
        f"frog requests    tag {tag.requests} (cache hits {tag.cache_hits}), "
        f"parse {parse.requests} (cache hits {parse.cache_hits})"
    )
    print(
        f"frog share       {in_frog / (elapsed * res.workers):.0%} of worker time "
        f"({in_frog:.1f} s waiting for Frog over {res.workers} workers)"
    )
    print(
        f"peak RSS         python {self_rss / 1024:.0f} MiB, frog servers {frog_rss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
