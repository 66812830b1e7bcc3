"""The ``kroniek`` command line: a thin layer over pipeline, store and evaluate."""

from __future__ import annotations

import json
import sys
from contextlib import ExitStack
from datetime import datetime, timezone
from pathlib import Path

import click

from kroniek.cli_actors import actors, rules
from kroniek.cli_events import explain
from kroniek.cli_stories import claims, parse_day, stories, story
from kroniek.errors import KroniekError, ReadError, printable

DEFAULT_DB = "kroniek.duckdb"
WORKERS = click.IntRange(min=1)


class Kroniek(click.Group):
    """The command group; a KroniekError anywhere under it ends the command as one line."""

    def invoke(self, ctx: click.Context):
        """Run the chosen command; report a KroniekError as ``kroniek: <source>: <problem>``."""
        try:
            return super().invoke(ctx)
        except KroniekError as err:
            click.echo(str(err), err=True)
            ctx.exit(1)


def limit_options(command):
    """The input-limit options of extract and ingest (see README, "Input limits and errors")."""
    from kroniek.read import Limits

    default = Limits()
    options = (
        click.option("--max-page-bytes", type=click.IntRange(min=1), default=default.page_bytes,
                     show_default=True, help="Largest file, or JSONL record, read (bytes)."),
        click.option("--max-line-chars", type=click.IntRange(min=1), default=default.line_chars,
                     show_default=True, help="Longest line of page text sent to Frog (characters)."),
        click.option("--max-html-depth", type=click.IntRange(1, 250), default=default.html_depth,
                     show_default=True, help="Deepest element nesting of an HTML page."),
        click.option("--max-json-depth", type=click.IntRange(1, 10_000), default=default.json_depth,
                     show_default=True, help="Deepest array/object nesting of a JSONL record."),
    )
    for option in reversed(options):
        command = option(command)
    return command


def _limits(max_page_bytes: int, max_line_chars: int, max_html_depth: int, max_json_depth: int):
    from kroniek.read import Limits

    return Limits(page_bytes=max_page_bytes, line_chars=max_line_chars,
                  html_depth=max_html_depth, json_depth=max_json_depth)



def _when(value: str | None) -> datetime | None:
    """Parse an ISO capture time; naive values are taken as UTC."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as err:
        raise click.BadParameter(f"not an ISO date-time: {value!r}") from err
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _captures(path: str | None) -> dict[str, datetime] | None:
    """Capture times per file name from a TSV, or None when no file was given."""
    from kroniek.pipeline import load_captures

    if path is None:
        return None
    try:
        return load_captures(Path(path))
    except KroniekError as err:
        raise click.ClickException(str(err).removeprefix("kroniek: ")) from err


def _complain(problem: str) -> None:
    click.echo(problem if problem.startswith("kroniek:") else f"kroniek: {problem}", err=True)


@click.group(cls=Kroniek)
@click.version_option(package_name="kroniek")
def main() -> None:
    """kroniek: Dutch news pages to sourced PLOVER/CAMEO event data."""


main.add_command(actors)
main.add_command(rules)
main.add_command(explain)
main.add_command(claims)
main.add_command(stories)
main.add_command(story)


@main.command()
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
    known_times = _captures(captures)
    with Resources.load(workers=workers) as res:
        for outcome in run(paths, res, fetched_at=_when(fetched_at), captures=known_times,
                           limits=_limits(**limits)):
            if isinstance(outcome, ReadError):
                failed += 1
                _complain(str(outcome))
            elif outcome.error:
                failed += 1
                _complain(outcome.error)
            else:
                output.write(json.dumps(page_to_json(outcome), ensure_ascii=False) + "\n")
                output.flush()
    sys.exit(1 if failed else 0)


@main.command()
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
    from kroniek.store.writer import BatchWriter

    show = sys.stderr.isatty() if progress is None else progress
    known_times = _captures(captures)
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

        options = {"fetched_at": _when(fetched_at), "skip": known, "captures": known_times,
                   "limits": _limits(**limits)}
        outcomes = run_on_cluster(paths, client, **options) if dask_spec else run(paths, res, **options)
        bar = tqdm(unit="page", disable=not show, file=sys.stderr)
        for outcome in outcomes:
            bar.update(1)
            if isinstance(outcome, ReadError) or outcome.error:
                problem = str(outcome) if isinstance(outcome, ReadError) else outcome.error
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


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--actor", help="Actor code as source or target, e.g. RUS.")
@click.option("--dyad", help="Source and target codes, e.g. RUS,IRN.")
@click.option("--type", "etype", help="PLOVER type, e.g. AGREE.")
@click.option("--fact", type=click.Choice(["asserted", "future", "negated", "alleged"]))
@click.option("--since", help="First day (ISO), on event date or else publication date.")
@click.option("--until", help="Last day (ISO).")
@click.option("--limit", type=int, default=None)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
def events(db, actor, dyad, etype, fact, since, until, limit, fmt) -> None:
    """List stored events, filtered."""

    pair = None
    if dyad:
        codes = [c.strip().upper() for c in dyad.split(",")]
        if len(codes) != 2 or not all(codes):
            raise click.BadParameter("--dyad takes two codes, e.g. RUS,IRN")
        pair = (codes[0], codes[1])
    _require_db(db)
    with _reading(db) as store:
        rows = store.events(
            actor=actor.upper() if actor else None, dyad=pair,
            type=etype.upper() if etype else None, fact=fact,
            since=parse_day(since), until=parse_day(until), limit=limit,
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
        click.echo("\t".join(str(v) for v in (
            day, src, tgt, row["type"], row["cameo"], row["fact"], row["doc"], row["part"],
            row["trigger"],
        )))
    click.echo(f"{len(rows)} events", err=True)


def _reading(db: str):
    """The store opened read-only, waiting for a running ingest's write; one line if it cannot."""
    from kroniek.store.access import open_store

    return open_store(db, read_only=True)  # a KroniekError ends the command as one line


def _require_db(db: str) -> None:
    """Refuse, as one line, a --db that does not exist (read-only commands never create one)."""
    if not Path(db).exists():
        raise KroniekError(db, "no such database", "run 'kroniek ingest PATH' first")


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["gdelt", "parquet"]), required=True)
@click.option("-o", "--output", required=True, type=click.Path(),
              help="A .tsv/.csv file for gdelt (- for stdout), a directory for parquet.")
@click.option("--fact", "facts", multiple=True, default=("asserted",), show_default=True,
              type=click.Choice(["asserted", "future", "negated", "alleged"]),
              help="Factuality of the events written as GDELT rows (repeat for several).")
@click.option("--sidecar", type=click.Path(dir_okay=False),
              help="TSV of kroniek's columns (fact, attribution, sentence, rule) per GDELT row, "
                   "keyed by GLOBALEVENTID (default: OUTPUT with .kroniek.tsv; none for stdout).")
def export(db, fmt, output, facts, sidecar) -> None:
    """Export stored events as GDELT 2.0 event rows or as Parquet tables."""
    from kroniek.store.export import export_gdelt, export_parquet

    _require_db(db)
    with _reading(db) as store:
        if fmt == "parquet":
            export_parquet(store, Path(output))
            click.echo(f"exported parquet -> {output}", err=True)
            return
        if sidecar is None and output != "-":
            sidecar = str(Path(output).with_suffix(".kroniek.tsv"))
        target = sys.stdout if output == "-" else Path(output)
        written = export_gdelt(store, target, facts=tuple(facts),
                               sidecar=Path(sidecar) if sidecar else None)
    click.echo(f"exported {written} {'/'.join(facts)} events as gdelt -> {output}"
               + (f" (kroniek columns -> {sidecar})" if sidecar else ""), err=True)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True, help="Database path to check.")
@click.option("--workers", type=WORKERS, default=None,
              help="Workers to check the memory for (default: up to 2, as extract and ingest).")
@click.option("--ui/--no-ui", default=True, show_default=True,
              help="Check Chromium too (only the UI tests need it).")
@click.option("--frog", "executable", default="frog", show_default=True,
              help="The Frog executable (a name on PATH or a path).")
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
        click.echo(f"kroniek doctor: {len(failed)} of {checks} checks failed "
                   f"({', '.join(failed)})", err=True)
        sys.exit(1)
    click.echo(f"kroniek doctor: all {checks} checks hold", err=True)


@main.command(name="eval")
@click.option("--gold", required=True, type=click.Path(exists=True, file_okay=False))
@click.argument("predictions", type=click.File("r", encoding="utf-8"))
@click.option("--json", "as_json", is_flag=True, help="Print the scores as JSON.")
@click.option("--baseline", type=click.Path(exists=True, dir_okay=False),
              help="YAML of floors; fail (exit 1) when a score falls below one.")
def evaluate(gold, predictions, as_json, baseline) -> None:
    """Score predictions (extract's JSONL, or - for stdin) against gold annotations."""
    from kroniek.evaluate import check_baseline, format_scores, load_baseline, score, scores_to_dict

    pages = [json.loads(line) for line in predictions if line.strip()]
    scores = score(Path(gold), pages)
    click.echo(json.dumps(scores_to_dict(scores), indent=2) if as_json else format_scores(scores))
    if baseline:
        failures = check_baseline(scores, load_baseline(Path(baseline)))
        for failure in failures:
            _complain(f"{baseline}: {failure}")
        if failures:
            sys.exit(1)


@main.command()
@click.option("--db", default=DEFAULT_DB, show_default=True)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8700, show_default=True, type=int)
@click.option("--watch", "watch_dir", type=click.Path(file_okay=False),
              help="Ingest the pages dropped into this folder while serving.")
@click.option("--token-file", type=click.Path(exists=True, dir_okay=False),
              help="File holding the token that POST /api/v1/pages needs "
                   "(default: $KRONIEK_API_TOKEN; without either, nothing can be written).")
def serve(db, host, port, watch_dir, token_file) -> None:
    """Serve the HTTP API and the browsing pages (new data shows without a restart)."""
    import os

    import uvicorn

    from kroniek.api import create_app
    from kroniek.api.watch import FolderWatcher

    _require_db(db)
    _reading(db).close()  # an unreadable or outdated store is said in one line, not per request
    token = (Path(token_file).read_text(encoding="utf-8").strip() if token_file
             else os.environ.get("KRONIEK_API_TOKEN")) or None
    inbox = Path(watch_dir) if watch_dir else None
    watcher = FolderWatcher(inbox, Path(db)) if inbox else None
    if watcher:
        watcher.start()
        click.echo(f"kroniek: ingesting pages dropped into {inbox}", err=True)
    click.echo(f"kroniek: serving {db} on http://{host}:{port}/", err=True)
    try:
        uvicorn.run(create_app(Path(db), token=token, inbox=inbox), host=host, port=port,
                    log_level="warning")
    finally:
        if watcher:
            watcher.stop()
