"""CLI commands of the actors stage: `kroniek actors TEXT` and `kroniek rules check`."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click


@click.command()
@click.argument("text")
@click.option(
    "--date",
    "on_date",
    default=None,
    help="Article date (YYYY-MM-DD) for resolving office holders.",
)
def actors(text: str, on_date: str | None) -> None:
    """Print the actor mentions found in TEXT, one per line (tab-separated)."""
    from kroniek.errors import KroniekError
    from kroniek.pipeline import Resources, analyse_text

    try:
        day = date.fromisoformat(on_date) if on_date else None
    except ValueError as err:
        raise click.BadParameter(f"not an ISO date: {on_date!r}", param_hint="--date") from err
    with Resources.load(workers=1) as res:
        try:
            found = analyse_text(text, res, on_date=day, code=False)
        except KroniekError as err:
            click.echo(str(err), err=True)
            sys.exit(1)
    for m in found.mentions:
        click.echo(
            "\t".join(
                [
                    f"{m.span[0]}-{m.span[1]}",
                    m.text,
                    m.code,
                    m.sector or "-",
                    m.rule,
                    m.person or "-",
                    m.role or "-",
                ]
            )
        )


@click.group()
def rules() -> None:
    """Dictionary files: validation."""


@rules.command("check")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Data folder (default: the packaged one).",
)
def rules_check(data_dir: str | None) -> None:
    """Validate every dictionary file; print problems as file:line and exit 1 if any."""
    from kroniek.rules import check_rules

    problems = check_rules(Path(data_dir) if data_dir else None)
    for problem in problems:
        click.echo(str(problem), err=True)
    if problems:
        sys.exit(1)
    click.echo("kroniek: rules: all dictionary files are valid")


@rules.command("coverage")
@click.option(
    "--data-dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Events data folder (default: the packaged one).",
)
def rules_coverage(data_dir: str | None) -> None:
    """Print the lexicon's size and the CAMEO codes with no Dutch trigger and no recorded reason."""
    from kroniek.events import coverage

    found = coverage(Path(data_dir) if data_dir else None)
    for name, count in found.sizes.items():
        click.echo(f"{name:<16} {count:>6}")
    click.echo(
        f"CAMEO codes: {len(found.covered)} with triggers, {len(found.excused)} with a reason in "
        f"no_trigger.yaml, {len(found.missing)} with neither ({found.untyped} have no PLOVER type)"
    )
    for code, label in found.missing:
        click.echo(f"  no trigger: {code}  {label}")
