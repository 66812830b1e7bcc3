"""Commands that read pages: `kroniek extract` (JSON lines) and `kroniek ingest` (the store)."""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack

import click

from kroniek.cli.options import (
    DEFAULT_DB,
    capture_table,
    capture_time,
    complain,
    limit_options,
    limits_from,
    page_options,
)
from kroniek.errors import ReadError, printable


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@page_options
@limit_options
@click.option("-o", "--output", type=click.File("w", encoding="utf-8"), default="-")
def extract(paths, fmt, fetched_at, captures, workers, output, **limits) -> None:
    """Write one JSON object per page (the output contract) to stdout."""
    from kroniek.output import page_to_json
    from kroniek.pipeline import Resources, run

    failed = 0
    known_times = capture_table(captures)
    with Resources.load(workers=workers) as res:
        for outcome in run(
            paths,
            res,
            fetched_at=capture_time(fetched_at),
            captures=known_times,
            limits=limits_from(**limits),
        ):
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
@page_options
@limit_options
@click.option(
    "--progress/--no-progress", default=None, help="Progress bar (default: on a terminal)."
)
@click.option(
    "--dask",
    "dask_spec",
    metavar="local[:N]|tcp://HOST:8786",
    help="Analyse on a Dask cluster: a LocalCluster of N workers, or a running scheduler.",
)
def ingest(paths, db, fetched_at, captures, workers, progress, dask_spec, **limits) -> None:
    """Read, analyse and store pages; pages stored before, or twice in the batch, are skipped.

    The store is locked only while a batch is written (every few seconds), so a running
    ``kroniek serve`` keeps answering and shows the new events as they are stored.
    """
    from functools import partial

    from tqdm import tqdm

    from kroniek.pipeline import Resources, ingest_pages, rules_fingerprint, run

    show = sys.stderr.isatty() if progress is None else progress
    with ExitStack() as stack:
        if dask_spec:
            from kroniek.cluster import close, connect, run_on_cluster

            client = connect(dask_spec)
            stack.callback(close, client)
            click.echo(f"kroniek: Dask dashboard on {client.dashboard_link}", err=True)
            analyse_pages, rules_sha256 = (
                partial(run_on_cluster, client=client),
                rules_fingerprint(),
            )
        else:
            res = stack.enter_context(Resources.load(workers=workers))
            analyse_pages, rules_sha256 = partial(run, res=res), res.rules_sha256
        bar = stack.enter_context(tqdm(unit="page", disable=not show, file=sys.stderr))

        def shown(outcome, problem: str | None) -> None:
            bar.update(1)
            if problem is not None:
                bar.write(problem, file=sys.stderr)

        summary = ingest_pages(
            paths,
            db,
            analyse_pages,
            rules_sha256,
            fetched_at=capture_time(fetched_at),
            captures=capture_table(captures),
            limits=limits_from(**limits),
            on_outcome=shown,
        )
    copies = f", {summary.copies} repeated in this batch" if summary.copies else ""
    click.echo(
        f"ingested {summary.pages} new pages ({summary.known} already stored{copies}, "
        f"{summary.failed} failed): {summary.articles} new articles, "
        f"{summary.duplicates} seen before ({summary.near} near-duplicates), "
        f"{summary.events} new events, {summary.stories} stories -> {printable(db)}",
        err=True,
    )
    sys.exit(1 if summary.failed else 0)
