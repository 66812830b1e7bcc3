"""``kroniek explain SENTENCE``: show how the event coder reads one Dutch sentence."""

from __future__ import annotations

from datetime import date

import click


@click.command()
@click.argument("sentence")
@click.option(
    "--date", "on_date", default=None, help="Date (YYYY-MM-DD) for resolving office holders."
)
def explain(sentence: str, on_date: str | None) -> None:
    """Print Frog's analysis, the actors found, each rule tried and why it fired or not."""
    from kroniek.errors import KroniekError
    from kroniek.pipeline import Resources
    from kroniek.pipeline import explain as explain_text

    try:
        when = date.fromisoformat(on_date) if on_date else None
    except ValueError as err:
        raise click.BadParameter(f"not a date: {on_date}", param_hint="--date") from err
    with Resources.load(workers=1) as res:
        try:
            lines = explain_text(sentence, res, when)
        except KroniekError as err:
            raise click.ClickException(str(err)) from err
    click.echo("\n".join(lines))
