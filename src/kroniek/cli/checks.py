"""Checks: `kroniek doctor` (can this machine run kroniek) and `kroniek eval` (against gold)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kroniek.cli.options import DEFAULT_DB, WORKERS, complain


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Database path to check.")
@click.option(
    "--workers",
    type=WORKERS,
    default=None,
    help="Workers to check the memory for (default: up to 2, as extract and ingest).",
)
@click.option(
    "--ui/--no-ui",
    default=True,
    show_default=True,
    help="Check Chromium too (only the UI tests need it).",
)
@click.option(
    "--frog",
    "executable",
    default="frog",
    show_default=True,
    help="The Frog executable (a name on PATH or a path).",
)
def doctor(db, workers, ui, executable) -> None:
    """Check that this machine can run kroniek; print each verdict and fix, exit 1 on a failure."""
    from kroniek.doctor import run_checks

    failed = []
    checks = 0
    for check in run_checks(db=db, workers=workers, ui=ui, executable=executable):
        checks += 1
        for line in check.lines():
            click.echo(line)
        if not check.ok:
            failed.append(check.name)
    if failed:
        click.echo(
            f"kroniek doctor: {len(failed)} of {checks} checks failed ({', '.join(failed)})",
            err=True,
        )
        sys.exit(1)
    click.echo(f"kroniek doctor: all {checks} checks hold", err=True)


@click.command(name="eval")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False))
@click.argument("predictions", type=click.File("r", encoding="utf-8"))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option(
    "--baseline",
    type=click.Path(exists=True, dir_okay=False),
    help="YAML of floors; fail (exit 1) when a score falls below one.",
)
@click.option(
    "--misses",
    "misses_out",
    type=click.Path(dir_okay=False, writable=True),
    help="Write every missed gold triple and every false triple, classed, as JSON lines to "
    "this file, and print the counts by class.",
)
def evaluate(gold, predictions, as_json, baseline, misses_out) -> None:
    """Score predictions (extract's JSONL, or - for stdin) against gold annotations."""
    from kroniek.evaluate import (
        check_baseline,
        find_misses,
        format_miss_counts,
        format_scores,
        load_baseline,
        score,
        scores_to_dict,
    )

    pages = [json.loads(line) for line in predictions if line.strip()]
    scores = score(Path(gold), pages)
    click.echo(json.dumps(scores_to_dict(scores), indent=2) if as_json else format_scores(scores))
    if misses_out:
        misses = list(find_misses(Path(gold), pages))
        with open(misses_out, "w", encoding="utf-8") as stream:
            for miss in misses:
                stream.write(json.dumps(miss.to_dict(), ensure_ascii=False) + "\n")
        click.echo(format_miss_counts(misses), err=as_json)
    if baseline:
        failures = check_baseline(scores, load_baseline(Path(baseline)))
        for failure in failures:
            complain(f"{baseline}: {failure}")
        if failures:
            sys.exit(1)
