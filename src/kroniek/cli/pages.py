"""Commands that read pages: `kroniek extract` (JSON lines) and `kroniek ingest` (the store)."""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack

import click

from kroniek.cli.options import (
    DEFAULT_DB,
    WORKERS,
    capture_table,
    capture_time,
    complain,
    limit_options,
    limits_from,
)
from kroniek.errors import ReadError, printable


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@click.option("--fetched-at", help="Capture time of the pages (ISO), overriding records and mtimes.")
@click.option("--captures", type=click.Path(exists=True, dir_okay=False),
              help="TSV of file name and ISO capture time, for pages without --fetched-at.")
@click.option("--workers", type=WORKERS, default=None, help="Pages analysed at once (default: up to 2).")
@limit_options
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def extract(paths, fmt, fetched_at, captures, workers, output, **limits) -> None:
    """Write one JSON object per page (the output contract) to stdout."""
    from kroniek.output import page_to_json
    from kroniek.pipeline import Resources, run

    failed = 0
    known_times = capture_table(captures)
    with Resources.load(workers=workers) as res:
        for outcome in run(paths, res, fetched_at=capture_time(fetched_at), captures=known_times,
                           limits=limits_from(**limits)):
            if isinstance(outcome, ReadError):
                failed += 1
                complain(str(outcome))
            elif outcome.error:
                failed += 1
                complain(outcome.error)
            else:
                output.write(json.dumps(page_to_json(outcome), ensure_ascii=False) + "\n")
                output.flush()
    sys.exit(1 if failed else 0)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--db", default=DEFAULT_DB, show_default=True, help="DuckDB file to store into.")
@click.option("--fetched-at", help="Capture time of the pages (ISO), overriding records and mtimes.")
@click.option("--captures", type=click.Path(exists=True, dir_okay=False),
              help="TSV of file name and ISO capture time, for pages without --fetched-at.")
@click.option("--workers", type=WORKERS, default=None, help="Pages analysed at once (default: up to 2).")
@limit_options
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@click.option("--dask", "dask_spec", metavar="local[:N]|tcp://HOST:8786",
              help="Analyse on a Dask cluster: a LocalCluster of N workers, or a running scheduler.")
def ingest(paths, db, fetched_at, captures, workers, progress, dask_spec, **limits) -> None:
    """Read, analyse and store pages; pages stored before, or twice in the batch, are skipped.

    The store is locked only while a batch is written (every few seconds), so a running
    ``kroniek serve`` keeps answering and shows the new events as they are stored.
    """
    from tqdm import tqdm

    from kroniek.pipeline import Resources, content_hash, rules_fingerprint, run
    from kroniek.store import BatchWriter

    show = sys.stderr.isatty() if progress is None else progress
    known_times = capture_table(captures)
    counts = {"known": 0, "copies": 0, "failed": 0}
    seen: set[str] = set()  # content hashes read in this batch
    with ExitStack() as stack:
        if dask_spec:
            from kroniek.cluster import close, connect, run_on_cluster

            client = connect(dask_spec)
            stack.callback(close, client)
            click.echo(f"kroniek: Dask dashboard on {client.dashboard_link}", err=True)
            rules_sha256 = rules_fingerprint()
        else:
            res = stack.enter_context(Resources.load(workers=workers))
            rules_sha256 = res.rules_sha256
        writer = stack.enter_context(BatchWriter(db, rules_sha256=rules_sha256))

        def known(page) -> bool:
            digest = content_hash(page)
            if digest in seen:
                counts["copies"] += 1
                return True
            seen.add(digest)
            if digest in writer.stored:
                counts["known"] += 1
                return True
            return False

        options = {"fetched_at": capture_time(fetched_at), "skip": known, "captures": known_times,
                   "limits": limits_from(**limits)}
        outcomes = run_on_cluster(paths, client, **options) if dask_spec else run(paths, res, **options)
        bar = tqdm(unit="page", disable=not show, file=sys.stderr)
        for outcome in outcomes:
            bar.update(1)
            if isinstance(outcome, ReadError) or outcome.error:
                problem = str(outcome) if isinstance(outcome, ReadError) else outcome.error or ""
                source = outcome.source if isinstance(outcome, ReadError) else outcome.page.source
                counts["failed"] += 1
                writer.record_failure(printable(source), problem)
                bar.write(problem, file=sys.stderr)
                continue
            writer.add(outcome)
        bar.close()
    totals = writer.totals
    copies = f", {counts['copies']} repeated in this batch" if counts["copies"] else ""
    click.echo(
        f"ingested {totals['pages']} new pages ({counts['known']} already stored{copies}, "
        f"{counts['failed']} failed): {totals['articles']} new articles, "
        f"{totals['duplicates']} seen before ({totals['near']} near-duplicates), "
        f"{totals['events']} new events, {totals['stories']} stories -> {printable(db)}",
        err=True,
    )
    sys.exit(1 if counts["failed"] else 0)
