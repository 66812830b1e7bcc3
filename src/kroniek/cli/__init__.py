"""The ``kroniek`` command line: thin commands over pipeline, store and evaluate."""

from __future__ import annotations

import click

from kroniek.cli import actors, checks, events, pages, store, stories
from kroniek.errors import KroniekError


class Kroniek(click.Group):
    """The command group; a KroniekError anywhere under it ends the command as one line."""

    def invoke(self, ctx: click.Context):
        """Run the chosen command; report a KroniekError as ``kroniek: <source>: <problem>``."""
        try:
            return super().invoke(ctx)
        except KroniekError as err:
            click.echo(str(err), err=True)
            ctx.exit(1)


@click.group(cls=Kroniek)
@click.version_option(package_name="kroniek")
def main() -> None:
    """kroniek: Dutch news pages to sourced PLOVER/CAMEO event data."""


for command in (
    pages.extract,
    pages.ingest,
    store.events,
    store.export,
    checks.doctor,
    checks.evaluate,
    store.serve,
    actors.actors,
    actors.rules,
    events.explain,
    stories.claims,
    stories.stories,
    stories.story,
):
    main.add_command(command)
