"""A crawl-like benchmark: N generated wire pages whose brief lists repeat, as a real crawl's do.

    python bench/crawl.py [PATH ...] [--pages N (default: one per main page)] [--box 7] [--new 1] [--edits 0.1]
                          [--workers W] [--out DIR]

Every generated page is the top of one real page (site chrome, headline, body and the heading
over its list of briefs), taken in turn from the text pages under PATH (default: samples/pages
and ../shared/corpus/real-dev/pages when present), followed by a list of `--box` briefs cut
from the bundled pages. The list works as a news site's "more from this section" box: from one
page to the next `--new` briefs enter at the top and as many drop off the bottom, and a share
`--edits` of the entering briefs is an updated version of a brief seen before (one sentence
added). Assumed rates and why: the seed pages show 7 briefs per page; a crawler that fetches
a section's article pages as they appear sees about one new brief per page when a desk files
briefs and articles at a similar pace, so each brief is on about 7 pages (6 of 7 list places
are exact repeats), and about one brief in ten is updated while it is listed.

The pages are written to a folder (kept with --out) and ingested into a fresh DuckDB file with
all pages captured at one time; figures: pages/s, distinct texts/s (articles whose exact text
was not seen before in the crawl: what must be analysed), and peak memory. Set
KRONIEK_FROG_CACHE= so that no answer comes from disk.
"""

from __future__ import annotations

import argparse
import random
import resource
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from throughput import frog_peak_kib  # bench/ is on the path of a script run from it

from kroniek.dedup import VersionPlanner, article_id
from kroniek.errors import ReadError
from kroniek.pipeline import Resources, run, store_result
from kroniek.segment import segment
from kroniek.store import Store

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
DEFAULT_MAINS = [SAMPLES / "pages", REPO.parent / "shared" / "corpus" / "real-dev" / "pages"]
CAPTURED = "2026-01-29T10:00:00+00:00"


@dataclass(frozen=True)
class Brief:
    """One brief as printed in a list: its body line and the relative time printed after it."""

    body: str
    ago: str


def split_page(text: str, source: str) -> tuple[list[str], list[Brief], bool]:
    """The lines up to and including the heading over the briefs, the briefs, and whether the
    page has such a heading.

    A page without a list of briefs gives all its lines and no briefs; a list this function
    cannot cut into briefs is left off (no briefs, True).
    """
    from kroniek.records import Page

    lines = text.splitlines()
    page = Page(
        doc=Path(source).stem,
        source=source,
        text=text,
        html=None,
        fetched_at=None,
        fetched_at_from="none",
    )
    briefs = [a for a in segment(page) if a.part.startswith("brief")]
    if not briefs:
        return lines, [], False
    first = next(
        (
            i
            for i, line in enumerate(lines)
            if briefs[0].dateline and line.startswith(briefs[0].dateline + " ")
        ),
        None,
    )
    if first is None or first + len(briefs) >= len(lines):
        return lines, [], False
    found: list[Brief] = []
    previous_ago = ""
    for k, brief in enumerate(briefs):
        line = lines[first + k]
        if not line.startswith(previous_ago) or brief.ago is None:
            return lines[:first], [], True
        following = lines[first + k + 1]
        if not following.startswith(brief.ago):
            return lines[:first], [], True
        found.append(Brief(line[len(previous_ago) :], brief.ago))
        previous_ago = brief.ago
    return lines[:first], found, True


def render(top: list[str], box: list[Brief]) -> str:
    """A page: its top lines, then the briefs, each relative time running into the next brief."""
    lines = list(top)
    previous = ""
    for brief in box:
        lines.append(previous + brief.body)
        previous = brief.ago
    if box:
        lines.append(previous)
    return "\n".join(lines) + "\n"


def build_crawl(
    mains: list[Path],
    pages: int | None,
    box: int = 7,
    new: int = 1,
    edits: float = 0.1,
    seed: int = 12,
) -> list[str]:
    """The texts of `pages` generated pages (default: one per main page; see the module docstring)."""
    rng = random.Random(seed)
    tops: list[list[str]] = []
    heading: list[str] = []
    pool: list[Brief] = []
    for path in sorted(SAMPLES.rglob("*.txt")):
        top, briefs, _ = split_page(path.read_text(encoding="utf-8"), str(path))
        pool += briefs
        if briefs and not heading:
            heading = top[-1:]
    files = [
        f
        for folder in mains
        for f in (sorted(folder.glob("*.txt")) if folder.is_dir() else [folder])
    ]
    for path in files:
        top, _, listed = split_page(path.read_text(encoding="utf-8"), str(path))
        tops.append(top if listed else top + heading)
    if not tops or len(pool) < box:
        sys.exit("crawl: not enough pages with brief lists under samples/")
    pages = pages or len(tops)
    order = rng.sample(pool, len(pool))
    listed: list[Brief] = []
    seen: list[Brief] = []
    texts = []
    for number in range(pages):
        for _ in range(new if listed else box):
            if seen and rng.random() < edits:  # an update of a brief seen before
                old = rng.choice(seen[-4 * box :])
                extra = rng.choice(order).body.split(" - ", 1)[-1].split(". ")[0].rstrip(".")
                fresh = Brief(f"{old.body} {extra}.", old.ago)
            else:
                fresh = order[len(seen) % len(order)]
            seen.append(fresh)
            listed.insert(0, fresh)
        listed = listed[:box]
        texts.append(render(tops[number % len(tops)], listed))
    return texts


def main() -> None:
    """Generate the crawl, ingest it and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--pages", type=int, default=None, help="default: one per main page")
    parser.add_argument("--box", type=int, default=7, help="briefs listed on a page")
    parser.add_argument("--new", type=int, default=1, help="briefs entering the list per page")
    parser.add_argument(
        "--edits", type=float, default=0.1, help="share of entering briefs that are updates"
    )
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--out", type=Path, default=None, help="keep the generated pages here")
    args = parser.parse_args()
    mains = [p for p in (args.paths or DEFAULT_MAINS) if p.exists()]
    folder = args.out or Path(tempfile.mkdtemp(prefix="kroniek-crawl-"))
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(build_crawl(mains, args.pages, args.box, args.new, args.edits)):
        (folder / f"crawl-{number:05d}.txt").write_text(text, encoding="utf-8")
    captured = datetime.fromisoformat(CAPTURED)

    slots = 0
    distinct: set[str] = set()
    with Resources.load(workers=args.workers) as res:
        res.tagger.start()
        res.parser.start()
        started = time.perf_counter()
        done = failed = frog_rss = 0
        planner = VersionPlanner()  # one index of the store for the whole run
        with Store(folder / "crawl.duckdb") as store:
            for outcome in run([folder], res, fetched_at=captured):
                if isinstance(outcome, ReadError) or outcome.error:
                    failed += 1
                    continue
                store_result(store, outcome, planner, res.rules_sha256)
                frog_rss = max(frog_rss, frog_peak_kib(res.tagger.pids() + res.parser.pids()))
                done += 1
                for analysed in outcome.articles:
                    slots += 1
                    distinct.add(article_id(analysed.article))
            counts = store.counts()
        elapsed = time.perf_counter() - started
        frog = sum(s.frog_seconds for s in (res.tagger.stats(), res.parser.stats()))
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(
        f"crawl pages      {done} ({failed} failed) in {folder}; mains from {', '.join(map(str, mains))}"
    )
    print(
        f"articles         {slots} on the pages, {len(distinct)} distinct texts "
        f"({1 - len(distinct) / max(slots, 1):.0%} exact repeats), "
        f"{counts['versions']} stored as near-duplicate versions"
    )
    print(f"workers          {res.workers}")
    print(f"wall seconds     {elapsed:.2f}")
    print(f"pages/s          {done / elapsed:.2f}")
    print(f"distinct texts/s {len(distinct) / elapsed:.2f}")
    print(f"frog share       {frog / (elapsed * res.workers):.0%} of worker time")
    print(
        f"peak RSS         python {self_rss / 1024:.0f} MiB, frog servers {frog_rss / 1024:.0f} MiB"
    )


if __name__ == "__main__":
    main()
