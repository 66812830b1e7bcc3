"""Commands over a store: `kroniek events`, `kroniek export` and `kroniek serve`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from kroniek.cli.options import DEFAULT_DB, parse_day, reading, require_db
from kroniek.vocabulary import FACTS


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--actor", help="Actor code as source or target, e.g. RUS.")
@click.option("--dyad", help="Source and target codes, e.g. RUS,IRN.")
@click.option("--type", "etype", help="PLOVER type, e.g. AGREE.")
@click.option("--fact", type=click.Choice(FACTS))
@click.option("--since", help="First day (ISO), on event date or else publication date.")
@click.option("--until", help="Last day (ISO).")
@click.option("--limit", type=int, default=None)
@click.option(
    "--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True
)
def events(db, actor, dyad, etype, fact, since, until, limit, fmt) -> None:
    """List stored events, filtered."""

    pair = None
    if dyad:
        codes = [c.strip().upper() for c in dyad.split(",")]
        if len(codes) != 2 or not all(codes):
            raise click.BadParameter("--dyad takes two codes, e.g. RUS,IRN")
        pair = (codes[0], codes[1])
    require_db(db)
    with reading(db) as store:
        rows = store.events(
            actor=actor.upper() if actor else None,
            dyad=pair,
            type=etype.upper() if etype else None,
            fact=fact,
            since=parse_day(since),
            until=parse_day(until),
            limit=limit,
        )
    if fmt == "json":
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False, default=str))
        return
    header = ("date", "src", "tgt", "type", "cameo", "fact", "doc", "part", "trigger")
    click.echo("\t".join(header))
    for row in rows:
        day = row.get("event_date") or (str(row.get("published") or "")[:10])
        src = f"{row['src']}{row.get('src_sector') or ''}"
        tgt = f"{row['tgt']}{row.get('tgt_sector') or ''}"
        click.echo(
            "\t".join(
                str(v)
                for v in (
                    day,
                    src,
                    tgt,
                    row["type"],
                    row["cameo"],
                    row["fact"],
                    row["doc"],
                    row["part"],
                    row["trigger"],
                )
            )
        )
    click.echo(f"{len(rows)} events", err=True)


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["gdelt", "parquet"]), required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(),
    help="A .tsv/.csv file for gdelt (- for stdout), a directory for parquet.",
)
@click.option(
    "--fact",
    "facts",
    multiple=True,
    default=("asserted",),
    show_default=True,
    type=click.Choice(FACTS),
    help="Factuality of the events written as GDELT rows (repeat for several).",
)
@click.option(
    "--sidecar",
    type=click.Path(dir_okay=False),
    help="TSV of kroniek's columns (fact, attribution, sentence, rule) per GDELT row, "
    "keyed by GLOBALEVENTID (default: OUTPUT with .kroniek.tsv; none for stdout).",
)
def export(db, fmt, output, facts, sidecar) -> None:
    """Export stored events as GDELT 2.0 event rows or as Parquet tables."""
    from kroniek.store import export_gdelt, export_parquet

    require_db(db)
    with reading(db) as store:
        if fmt == "parquet":
            export_parquet(store, Path(output))
            click.echo(f"exported parquet -> {output}", err=True)
            return
        if sidecar is None and output != "-":
            sidecar = str(Path(output).with_suffix(".kroniek.tsv"))
        target = sys.stdout if output == "-" else Path(output)
        written = export_gdelt(
            store, target, facts=tuple(facts), sidecar=Path(sidecar) if sidecar else None
        )
    click.echo(
        f"exported {written} {'/'.join(facts)} events as gdelt -> {output}"
        + (f" (kroniek columns -> {sidecar})" if sidecar else ""),
        err=True,
    )


@click.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8700, show_default=True, type=int)
@click.option(
    "--watch",
    "watch_dir",
    type=click.Path(file_okay=False),
    help="Ingest the pages dropped into this folder while serving.",
)
@click.option(
    "--token-file",
    type=click.Path(exists=True, dir_okay=False),
    help="File holding the token that POST /api/v1/pages needs "
    "(default: $KRONIEK_API_TOKEN; without either, nothing can be written).",
)
def serve(db, host, port, watch_dir, token_file) -> None:
    """Serve the HTTP API and the browsing pages (new data shows without a restart)."""
    import os

    import uvicorn

    from kroniek.api import FolderWatcher, create_app

    require_db(db)
    reading(db).close()  # an unreadable or outdated store is said in one line, not per request
    token = (
        Path(token_file).read_text(encoding="utf-8").strip()
        if token_file
        else os.environ.get("KRONIEK_API_TOKEN")
    ) or None
    inbox = Path(watch_dir) if watch_dir else None
    watcher = FolderWatcher(inbox, Path(db)) if inbox else None
    if watcher:
        watcher.start()
        click.echo(f"kroniek: ingesting pages dropped into {inbox}", err=True)
    click.echo(f"kroniek: serving {db} on http://{host}:{port}/", err=True)
    try:
        uvicorn.run(
            create_app(Path(db), token=token, inbox=inbox),
            host=host,
            port=port,
            log_level="warning",
        )
    finally:
        if watcher:
            watcher.stop()
