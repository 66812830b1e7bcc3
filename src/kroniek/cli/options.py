"""Options and helpers shared by the ``kroniek`` commands."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import click

from kroniek.errors import KroniekError

DEFAULT_DB = "kroniek.duckdb"
WORKERS = click.IntRange(min=1)


def page_options(command):
    """The capture-time and worker options of extract and ingest."""
    options = (
        click.option(
            "--fetched-at", help="Capture time of the pages (ISO), overriding records and mtimes."
        ),
        click.option(
            "--captures",
            type=click.Path(exists=True, dir_okay=False),
            help="TSV of file name and ISO capture time, for pages without --fetched-at.",
        ),
        click.option(
            "--workers",
            type=WORKERS,
            default=None,
            help="Pages analysed at once (default: up to 2).",
        ),
    )
    for option in reversed(options):
        command = option(command)
    return command


def limit_options(command):
    """The input-limit options of extract and ingest (see README, "Input limits and errors")."""
    from kroniek.read import Limits

    default = Limits()
    options = (
        click.option(
            "--max-page-bytes",
            type=click.IntRange(min=1),
            default=default.page_bytes,
            show_default=True,
            help="Largest file, or JSONL record, read (bytes).",
        ),
        click.option(
            "--max-line-chars",
            type=click.IntRange(min=1),
            default=default.line_chars,
            show_default=True,
            help="Longest line of page text sent to Frog (characters).",
        ),
        click.option(
            "--max-html-depth",
            type=click.IntRange(1, 250),
            default=default.html_depth,
            show_default=True,
            help="Deepest element nesting of an HTML page.",
        ),
        click.option(
            "--max-json-depth",
            type=click.IntRange(1, 10_000),
            default=default.json_depth,
            show_default=True,
            help="Deepest array/object nesting of a JSONL record.",
        ),
    )
    for option in reversed(options):
        command = option(command)
    return command


def limits_from(max_page_bytes: int, max_line_chars: int, max_html_depth: int, max_json_depth: int):
    """The read limits the options of ``limit_options`` ask for."""
    from kroniek.read import Limits

    return Limits(
        page_bytes=max_page_bytes,
        line_chars=max_line_chars,
        html_depth=max_html_depth,
        json_depth=max_json_depth,
    )


def capture_time(value: str | None) -> datetime | None:
    """Parse an ISO capture time; naive values are taken as UTC."""
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as err:
        raise click.BadParameter(f"not an ISO date-time: {value!r}") from err
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def capture_table(path: str | None) -> dict[str, datetime] | None:
    """Capture times per file name from a TSV, or None when no file was given."""
    from kroniek.read import load_captures

    if path is None:
        return None
    try:
        return load_captures(Path(path))
    except KroniekError as err:
        raise click.ClickException(str(err).removeprefix("kroniek: ")) from err


def complain(problem: str) -> None:
    """Print a problem on stderr as one ``kroniek: ...`` line."""
    click.echo(problem if problem.startswith("kroniek:") else f"kroniek: {problem}", err=True)


def reading(db: str):
    """The store opened read-only, waiting for a running ingest's write; one line if it cannot."""
    from kroniek.store import open_store

    return open_store(db, read_only=True)  # a KroniekError ends the command as one line


def require_db(db: str) -> None:
    """Refuse, as one line, a --db that does not exist (read-only commands never create one)."""
    if not Path(db).exists():
        raise KroniekError(db, "no such database", "run 'kroniek ingest PATH' first")


def parse_day(value: str | None) -> date | None:
    """An ISO date option (None stays None); a bad value is a usage error."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as err:
        raise click.BadParameter(f"not an ISO date: {value!r}") from err
