"""How the store and duplicate detection scale: N simulated pages into one DuckDB file, no Frog.

    python bench/store_scale.py [--pages 100000] [--report 1000,10000,100000] [--db PATH]

The bundled sample pages are analysed once (with Frog; KRONIEK_FROG_CACHE may serve it) to get
real sentences, mentions, events and figures. Then N pages are generated from them: each page
has one main article (new text: sentences drawn from the samples plus a page number, so no two
main articles are the same) and a list of 7 briefs of which one is new per page and one in ten
of the new ones is an updated version of an earlier brief (as in bench/crawl.py). Every page
goes through `Store.add_many` in batches as `kroniek ingest` stores them: page idempotence,
exact duplicates by article id, near-duplicates by MinHash LSH and exact Jaccard, and the
inserts. Printed: wall and CPU seconds (all threads of this process) per 1,000 pages around
each --report size (the block of 1,000 pages that ends there), the file size per million
events, the Parquet and GDELT export sizes, and peak RSS.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import tempfile
import time
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from kroniek.cli import STORE_BATCH
from kroniek.errors import ReadError
from kroniek.pipeline import Resources, run
from kroniek.records import AnalysedArticle, Page, PageResult
from kroniek.store import Store, export_gdelt, export_parquet

REPO = Path(__file__).resolve().parents[1]
SAMPLES = [REPO / "samples" / "pages", REPO / "samples" / "html", REPO / "samples" / "records"]
CAPTURED = datetime.fromisoformat("2026-01-29T10:00:00+00:00")
BOX, EDITS = 7, 0.1


def templates() -> tuple[list[AnalysedArticle], list[AnalysedArticle], list[str]]:
    """Main articles, briefs and all sentence texts of the analysed samples."""
    mains, briefs, sentences = [], [], []
    with Resources.load() as res:
        for outcome in run(SAMPLES, res, fetched_at=CAPTURED):
            if isinstance(outcome, ReadError) or outcome.error:
                continue
            for analysed in outcome.articles:
                (mains if analysed.article.part == "main" else briefs).append(analysed)
                sentences += [s.text for s in analysed.sentences if s.field == "text"]
    return mains, briefs, sentences


def generate(count: int, mains, briefs, sentences, seed: int = 12):
    """Yield `count` simulated PageResults (see the module docstring)."""
    rng = random.Random(seed)
    listed: list[AnalysedArticle] = []
    made: list[AnalysedArticle] = []

    def text(n: int, number: int) -> str:
        return " ".join(rng.sample(sentences, n)) + f" ({number})"

    for number in range(count):
        for _ in range(1 if listed else BOX):
            if made and rng.random() < EDITS:
                old = rng.choice(made[-4 * BOX:])
                fresh = replace(old, article=replace(
                    old.article, text=old.article.text + " " + rng.choice(sentences)))
            else:
                template = briefs[len(made) % len(briefs)]
                fresh = replace(template, article=replace(template.article, text=text(3, number)))
            made.append(fresh)
            listed.insert(0, fresh)
        listed = listed[:BOX]
        template = mains[number % len(mains)]
        main = replace(template, article=replace(template.article, text=text(8, number)))
        articles = tuple(replace(a, article=replace(a.article, doc=f"sim{number}",
                                                    part="main" if k == 0 else f"brief:{k - 1}"))
                         for k, a in enumerate([main, *listed]))
        body = "\n".join(a.article.text for a in articles)
        page = Page(doc=f"sim{number}", source=f"sim/{number}.txt", text=body, html=None,
                    fetched_at=CAPTURED, fetched_at_from="option")
        yield PageResult(page, "nl", articles=articles,
                         content_hash=hashlib.sha256(body.encode()).hexdigest())


def size_mib(path: Path) -> float:
    """Size of a file, or of all files under a folder, in MiB."""
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files) / 2**20


def main() -> None:
    """Generate, store, and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=100_000)
    parser.add_argument("--report", default="1000,10000,100000")
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    report = sorted(int(n) for n in args.report.split(","))
    mains, briefs, sentences = templates()
    folder = Path(tempfile.mkdtemp(prefix="kroniek-scale-"))
    db = args.db or folder / "scale.duckdb"

    print(f"templates        {len(mains)} main articles, {len(briefs)} briefs, {len(sentences)} sentences")
    print(f"{'pages stored':>13} {'s per 1k pages':>15} {'CPU s per 1k':>13} {'articles':>9} "
          f"{'versions':>9} {'events':>9} {'MiB':>8}")
    with Store(db) as store:
        block, cpu = time.perf_counter(), time.process_time()
        started = block
        batch = []
        for number, result in enumerate(generate(args.pages, mains, briefs, sentences), start=1):
            batch.append(result)
            if len(batch) == STORE_BATCH:
                store.add_many(batch)
                batch.clear()
            if number % 1000 == 0:
                now, cpu_now = time.perf_counter(), time.process_time()
                if number in report or number % 10_000 == 0:
                    counts = store.counts()
                    print(f"{number:>13,} {now - block:>15.2f} {cpu_now - cpu:>13.2f} {counts['articles']:>9,} "
                          f"{counts['versions']:>9,} {counts['events']:>9,} {size_mib(db):>8.0f}",
                          flush=True)
                block, cpu = now, cpu_now
        store.add_many(batch)
        total = time.perf_counter() - started
        counts = store.counts()
        parquet = folder / "parquet"
        export_parquet(store, parquet)
        gdelt = folder / "events.tsv"
        export_gdelt(store, gdelt)
    per_million = 1e6 / max(counts["events"], 1)
    print(f"total            {args.pages:,} pages in {total:.0f} s ({args.pages / total:.0f} pages/s)")
    print(f"store            {size_mib(db):.0f} MiB for {counts['events']:,} events "
          f"({size_mib(db) * per_million / 1024:.1f} GiB per million events)")
    print(f"exports          Parquet {size_mib(parquet):.0f} MiB "
          f"({size_mib(parquet) * per_million / 1024:.2f} GiB per million events), "
          f"GDELT TSV {size_mib(gdelt):.0f} MiB ({size_mib(gdelt) * per_million / 1024:.2f} GiB per million)")
    print(f"peak RSS         {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB "
          f"(Frog stopped before the simulation)")


if __name__ == "__main__":
    main()
