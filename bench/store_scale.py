"""How the store and duplicate detection scale: N simulated pages into one DuckDB file, no Frog.

    python bench/store_scale.py [--pages 100000] [--report 1000,10000,100000] [--db PATH] [--reword 0.33]

The bundled sample pages are analysed once (with Frog; KRONIEK_FROG_CACHE may serve it) to get
real sentences, mentions, events and figures. Then N pages are generated from them: each page
has one main article (new text: sentences drawn from the samples plus a page number, so no two
main articles are the same) and a list of 7 briefs of which one is new per page and one in ten
of the new ones is an updated version of an earlier brief (as in bench/crawl.py). The samples
hold only about 800 sentences, far fewer than an archive; drawn unchanged, every new text would
share whole sentences with a growing share of the store (at 30k pages more than half of the "versions"
found were chance overlaps, and the near-duplicate candidates per text grew with the store).
So each drawn sentence has a share of its words (--reword, default 1/3) replaced by words drawn
from all the samples' words: unrelated texts then share about as few word 3-grams as two
different real briefs do, while an edited brief still shares all of its old text. Every page
goes through the `BatchWriter` that `kroniek ingest` stores with (a write session per 50 pages):
page idempotence, exact duplicates by article id, near-duplicates by MinHash LSH and exact
Jaccard, and the inserts. Printed: wall and CPU seconds (all threads of this process) per 1,000
pages around each --report size (the block of 1,000 pages that ends there), the story linking
the writer does when it closes, the file size per million events, the Parquet and GDELT export
sizes, and peak RSS.
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

from kroniek.dedup import VersionPlanner
from kroniek.errors import ReadError
from kroniek.pipeline import Resources, run
from kroniek.records import AnalysedArticle, Page, PageResult
from kroniek.store import Store, export_gdelt, export_parquet
from kroniek.store.writer import BatchWriter

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


def generate(count: int, mains, briefs, sentences, reword: float = 1 / 3, seed: int = 12):
    """Yield `count` simulated PageResults (see the module docstring)."""
    rng = random.Random(seed)
    listed: list[AnalysedArticle] = []
    made: list[AnalysedArticle] = []
    vocabulary = sorted({word for sentence in sentences for word in sentence.split()})

    def sentence() -> str:
        return " ".join(
            rng.choice(vocabulary) if rng.random() < reword else word
            for word in rng.choice(sentences).split()
        )

    def text(n: int, number: int) -> str:
        return " ".join(sentence() for _ in range(n)) + f" ({number})"

    for number in range(count):
        for _ in range(1 if listed else BOX):
            if made and rng.random() < EDITS:
                old = rng.choice(made[-4 * BOX :])
                fresh = replace(
                    old, article=replace(old.article, text=old.article.text + " " + sentence())
                )
            else:
                template = briefs[len(made) % len(briefs)]
                fresh = replace(template, article=replace(template.article, text=text(3, number)))
            made.append(fresh)
            listed.insert(0, fresh)
        listed = listed[:BOX]
        template = mains[number % len(mains)]
        main = replace(template, article=replace(template.article, text=text(8, number)))
        articles = tuple(
            replace(
                a,
                article=replace(
                    a.article, doc=f"sim{number}", part="main" if k == 0 else f"brief:{k - 1}"
                ),
            )
            for k, a in enumerate([main, *listed])
        )
        body = "\n".join(a.article.text for a in articles)
        page = Page(
            doc=f"sim{number}",
            source=f"sim/{number}.txt",
            text=body,
            html=None,
            fetched_at=CAPTURED,
            fetched_at_from="option",
        )
        yield PageResult(
            page, "nl", articles=articles, content_hash=hashlib.sha256(body.encode()).hexdigest()
        )


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
    parser.add_argument(
        "--reword",
        type=float,
        default=1 / 3,
        help="share of the words of each drawn sentence replaced (0: sentences as they are)",
    )
    args = parser.parse_args()
    report = sorted(int(n) for n in args.report.split(","))
    mains, briefs, sentences = templates()
    folder = Path(tempfile.mkdtemp(prefix="kroniek-scale-"))
    db = args.db or folder / "scale.duckdb"

    print(
        f"templates        {len(mains)} main articles, {len(briefs)} briefs, {len(sentences)} sentences"
    )
    print(
        f"{'pages stored':>13} {'s per 1k pages':>15} {'CPU s per 1k':>13} {'articles':>9} "
        f"{'versions':>9} {'events':>9} {'MiB':>8}"
    )
    writer = BatchWriter(db, VersionPlanner(), flush_seconds=float("inf"))
    block, cpu = time.perf_counter(), time.process_time()
    storing = 0.0
    for number, result in enumerate(
        generate(args.pages, mains, briefs, sentences, args.reword), start=1
    ):
        writer.add(result)
        if number % 1000 == 0:
            now, cpu_now = time.perf_counter(), time.process_time()
            storing += now - block
            if number in report or number % 10_000 == 0:
                with Store(db, read_only=True) as store:
                    counts = store.counts()
                print(
                    f"{number:>13,} {now - block:>15.2f} {cpu_now - cpu:>13.2f} {counts['articles']:>9,} "
                    f"{counts['versions']:>9,} {counts['events']:>9,} {size_mib(db):>8.0f}",
                    flush=True,
                )
            block, cpu = time.perf_counter(), time.process_time()
    writer.flush()
    storing += time.perf_counter() - block
    linking = time.perf_counter()
    writer.close()
    linking = time.perf_counter() - linking
    with Store(db, read_only=True) as store:
        counts = store.counts()
        parquet = folder / "parquet"
        export_parquet(store, parquet)
        gdelt = folder / "events.tsv"
        export_gdelt(store, gdelt)
    per_million = 1e6 / max(counts["events"], 1)
    print(
        f"total            {args.pages:,} pages stored in {storing:.0f} s ({args.pages / storing:.0f} pages/s); "
        f"{counts['stories']:,} stories linked at close in {linking:.0f} s"
    )
    print(
        f"store            {size_mib(db):.0f} MiB for {counts['events']:,} events "
        f"({size_mib(db) * per_million / 1024:.1f} GiB per million events)"
    )
    print(
        f"exports          Parquet {size_mib(parquet):.0f} MiB "
        f"({size_mib(parquet) * per_million / 1024:.2f} GiB per million events), "
        f"GDELT TSV {size_mib(gdelt):.0f} MiB ({size_mib(gdelt) * per_million / 1024:.2f} GiB per million)"
    )
    print(
        f"peak RSS         {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB "
        f"(Frog stopped before the simulation)"
    )


if __name__ == "__main__":
    main()
