"""``kroniek explain SENTENCE``: show how the event coder reads one Dutch sentence."""

from __future__ import annotations

from datetime import date

import click


@click.command()
@click.argument("sentence")
@click.option("--date", "on_date", default=None, help="Date (YYYY-MM-DD) for resolving office holders.")
def explain(sentence: str, on_date: str | None) -> None:
    """Print Frog's analysis, the actors found, each rule tried and why it fired or not."""
    from kroniek.actors import load_books
    from kroniek.errors import KroniekError
    from kroniek.events import explain as explain_sentence
    from kroniek.events import load_patterns
    from kroniek.nlp import FrogPool

    try:
        when = date.fromisoformat(on_date) if on_date else None
    except ValueError as err:
        raise click.BadParameter(f"not a date: {on_date}", param_hint="--date") from err
    tagger, parser = FrogPool(mode="tag", size=1), FrogPool(mode="parse", size=1)
    try:
        lines = explain_sentence(sentence, tagger, parser, load_books(), load_patterns(), when)
    except KroniekError as err:
        raise click.ClickException(str(err)) from err
    finally:
        tagger.close()
        parser.close()
    click.echo("\n".join(lines))
