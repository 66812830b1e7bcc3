"""CLI commands for figures and stories: `kroniek claims`, `kroniek stories`, `kroniek story`."""

from __future__ import annotations

import json
from pathlib import Path

import click

from kroniek.cli.options import DEFAULT_DB, parse_day


def _open(db: str, link: bool):
    """The store at ``db``; with ``link`` first placing new events in stories.

    When the file cannot be opened for writing (another process is writing it), the
    stories as last linked are read instead.
    """
    from kroniek.errors import KroniekError
    from kroniek.store import Store
    from kroniek.stories import link_new_events

    if not Path(db).exists():
        raise KroniekError(db, "no such database", "run 'kroniek ingest PATH' first")
    if link:
        try:
            store = Store(db)
        except KroniekError as err:
            if "in use" not in err.problem:
                raise
            click.echo(str(KroniekError(db, "busy; showing stories as last linked")), err=True)
        else:
            link_new_events(store)
            return store
    return Store(db, read_only=True)


def dutch_number(value: float) -> str:
    """A number as Dutch news prints it: 10.000, 2,5."""
    if value == int(value):
        return f"{int(value):,}".replace(",", ".")
    whole, _, frac = f"{value:,.2f}".rstrip("0").partition(".")
    return f"{whole.replace(',', '.')},{frac}"


def figure(row: dict) -> str:
    """'ongeveer 10.000' or '100-200' for a claims row."""
    if row.get("low") is not None and row.get("high") is not None:
        number = f"{dutch_number(row['low'])}-{dutch_number(row['high'])}"
    else:
        number = dutch_number(row["value"])
    return f"{row['approx']} {number}" if row.get("approx") else number


@click.command()
@click.argument("query", required=False, default="")
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option(
    "--actor", "actors", multiple=True, help="Actor code the figure must concern (repeatable)."
)
@click.option("--kind", help="Unit or kind of thing counted, e.g. militairen, doden, euro, kilo.")
@click.option("--since", help="First day (ISO).")
@click.option("--until", help="Last day (ISO).")
@click.option("--limit", type=int, default=None)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def claims(query, db, actors, kind, since, until, limit, fmt) -> None:
    """How a reported figure changed across documents and sources.

    QUERY is free text such as "Noord-Koreaanse militairen in Rusland": actor words become
    codes, unit words their family (militairen, soldaten, troepen), other words must occur
    in the sentence.
    """
    from kroniek.actors import load_books
    from kroniek.stories import figure_changes, load_unit_families, parse_claim_query

    if not query and not actors and not kind:
        raise click.UsageError("give a QUERY, --actor or --kind")
    families = load_unit_families()
    parsed = parse_claim_query(query, load_books(), families, kind)
    codes = tuple(dict.fromkeys(parsed.actors + tuple(a.upper() for a in actors)))
    with _open(db, link=False) as store:
        rows = store.claims(
            actors=codes,
            units=parsed.units,
            words=parsed.words,
            since=parse_day(since),
            until=parse_day(until),
            limit=limit,
            skip_units=parsed.skip_units,
        )
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    click.echo(
        f"# actors {','.join(codes) or '-'}; units {','.join(parsed.families) or '-'}; "
        f"words {','.join(parsed.words) or '-'}"
    )
    click.echo("\t".join(("date", "figure", "unit", "reported_by", "doc/part", "sentence")))
    for row in rows:
        click.echo(
            "\t".join(
                (
                    row["day"] or "?",
                    figure(row),
                    row["unit"],
                    row["reported_by"] or "-",
                    f"{row['doc']}/{row['part']}",
                    " ".join(row["sentence"].split()),
                )
            )
        )
    for change in figure_changes(rows, families):
        if len(change["steps"]) > 1:
            steps = " -> ".join(
                f"{figure(s)} {s['unit']} ({s['day'] or '?'}, {s['reported_by'] or '-'})"
                for s in change["steps"]
            )
            click.echo(f"{change['unit']}: {steps}")
    click.echo(f"{len(rows)} figures", err=True)


def _story_lines(story: dict) -> list[str]:
    head = (
        f"story {story['story_id']}\t{story['side_a']} - {story['side_b']}\t{story['family']}\t"
        f"{story['first_day']} .. {story['last_day']}\t{story['events']} events, "
        f"{story['articles']} articles"
    )
    lines = [head]
    for ev in story["timeline"]:
        src = f"{ev['src']}{ev['src_sector'] or ''}"
        tgt = f"{ev['tgt']}{ev['tgt_sector'] or ''}"
        lines.append(
            "\t".join(
                (
                    "",
                    ev["day"],
                    ev["fact"],
                    ev["type"],
                    f"{src}->{tgt}",
                    ev["trigger"],
                    f"{ev['doc']}/{ev['part']}",
                )
            )
        )
    return lines


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--actor", help="Actor code on either side, e.g. RUS.")
@click.option("--limit", type=int, default=20, show_default=True)
@click.option(
    "--min-events",
    type=int,
    default=2,
    show_default=True,
    help="Only stories with at least this many events.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def stories(db, actor, limit, min_events, fmt) -> None:
    """List stories (events linked across documents), most recent first, with their timeline."""
    with _open(db, link=True) as store:
        rows = store.stories(
            actor=actor.upper() if actor else None, limit=limit, min_events=min_events
        )
    for story in rows:
        if fmt == "json":
            click.echo(json.dumps(story, ensure_ascii=False, default=str))
        else:
            click.echo("\n".join(_story_lines(story)))
    click.echo(f"{len(rows)} stories", err=True)


@click.command()
@click.argument("story_id", type=int)
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def story(story_id, db, fmt) -> None:
    """Print one story: its timeline with sentences, and the figures reported in it."""
    with _open(db, link=True) as store:
        found = store.story(story_id)
    if found is None:
        raise click.ClickException(f"no story {story_id} in {db}; see `kroniek stories`")
    if fmt == "json":
        click.echo(json.dumps(found, ensure_ascii=False, default=str))
        return
    click.echo("\n".join(_story_lines(found)))
    for ev in found["timeline"]:
        click.echo(f"  {ev['day']} {ev['doc']}/{ev['part']}: {' '.join(ev['sentence'].split())}")
    for row in found["claims"]:
        click.echo(
            f"  figure {row['day'] or '?'}: {figure(row)} {row['unit']} "
            f"({row['reported_by'] or '-'}, {row['doc']}/{row['part']})"
        )
