"""Issue 14's eleven failures, as a user meets them: each bad input is one printable line
``kroniek: <file>: <reason>``, the batch goes on, the exit status says that some input
failed, the summary counts right, and the good pages of the same batch are stored.

One real `kroniek ingest` (real Frog, real DuckDB file) reads a folder that mixes two good
pages with every kind of bad input; the tests below each check one failure in its output.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

REPO = Path(__file__).resolve().parents[1]
LANGUAGES = REPO / "tests" / "data" / "languages"
KRONIEK = [sys.executable, "-m", "kroniek"]
CAPTURED = "2026-01-29T10:00:00Z"
ODD_NAME = "kop\nregel\x1b[31mrood.txt"


def kroniek(*args: str, cwd: Path, timeout: float = 900) -> subprocess.CompletedProcess:
    """Run the CLI in a subprocess (no Frog answer cache) and return its outcome."""
    env = {k: v for k, v in os.environ.items() if k != "KRONIEK_FROG_CACHE"}
    env["PYTHONPATH"] = str(REPO / "src")
    return subprocess.run(
        [*KRONIEK, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


def _good(name: str) -> str:
    return (LANGUAGES / name).read_text(encoding="utf-8")


def _batch(folder: Path) -> None:
    """Two good pages and every bad input of issue 14 in one folder."""
    folder.mkdir()
    first, second = _good("nl-2.txt"), _good("nl-3.txt")
    (folder / "01_goed.txt").write_text(first, encoding="utf-8")
    (folder / "02_kopie.txt").write_text(first, encoding="utf-8")  # 6: the same page again
    records = [
        '{"id": "diep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}",  # 1: RecursionError
        json.dumps({"id": "goed-2", "text": second}),
        '{"id": "eenzaam", "text": "\\ud800 ' + second.replace("\n", " ") + '"}',  # 1: surrogate
        '{"id": "stuur", "text": "a\tb"}'.replace("\\t", "\t"),  # 9: "at at column"
    ]
    (folder / "03_records.jsonl").write_text("\n".join(records) + "\n", encoding="utf-8")
    for code in ("ru", "ar", "pl", "zh"):  # 2: not Dutch
        (folder / f"04_{code}.txt").write_text(_good(f"{code}-1.txt"), encoding="utf-8")
    (folder / "05_lange_regel.txt").write_text(  # 3: a 2 MB line
        "Kop\n" + "Het kabinet vergaderde weer. " * 70_000 + "\n", encoding="utf-8"
    )
    os.symlink("06_lus.txt", folder / "06_lus.txt")  # 5: a symlink loop
    os.symlink("bestaat-niet.txt", folder / "06_los.txt")  # 5: a dangling link
    os.mkfifo(folder / "06_pijp.txt")  # 5: a FIFO (reading it would block)
    os.symlink("/dev/null", folder / "06_apparaat.txt")  # 5: a device link
    (folder / ODD_NAME).write_text(_good("en-1.txt"), encoding="utf-8")  # 7: odd name
    (folder / os.fsdecode(b"07_naam\xff.txt")).write_text(_good("nl-4.txt"), encoding="utf-8")  # 7
    (folder / "08_diep.html").write_text(  # 8: HTML nested 300 levels
        "<html><body>" + "<div>" * 300 + "<p>" + first + "</p>" + "</div>" * 300 + "</body></html>",
        encoding="utf-8",
    )
    (folder / "09_utf16.txt").write_bytes(first.encode("utf-16"))  # 9: UTF-16
    (folder / "09_groot.txt").write_text(first * 8000, encoding="utf-8")  # 9: over --max-page-bytes


@pytest.fixture(scope="module")
def batch(tmp_path_factory, frog_ready):
    """One ingest over the mixed folder: (outcome, stderr lines, folder, store path)."""
    root = tmp_path_factory.mktemp("bad_input")
    folder = root / "invoer"
    _batch(folder)
    db = root / "k.duckdb"
    done = kroniek(
        "ingest",
        str(folder),
        "--db",
        str(db),
        "--fetched-at",
        CAPTURED,
        "--no-progress",
        "--max-page-bytes",
        "2500000",
        cwd=root,
    )
    return done, done.stderr.splitlines(), folder, db


def _stored_docs(db: Path) -> list[str]:
    with duckdb.connect(str(db), read_only=True) as con:
        return sorted(row[0] for row in con.execute("SELECT doc FROM pages").fetchall())


def _line(lines: list[str], start: str) -> str:
    [found] = [line for line in lines if line.startswith(start)]
    return found


def test_batch_exit_status_summary_and_good_pages(batch):
    done, lines, _, db = batch
    assert done.returncode == 1
    assert _stored_docs(db) == ["01_goed", "07_naam\\udcff", "goed-2"]
    summary = lines[-1]
    assert summary.startswith(
        "ingested 3 new pages (0 already stored, 1 repeated in this batch, 16 failed)"
    ), summary
    assert not any(line.startswith(("Traceback", "  File")) for line in lines)
    problems = [line for line in lines[:-1] if line]
    assert len(problems) == 16 and all(line.startswith("kroniek: ") for line in problems)


def test_1_deep_json_and_lone_surrogate_fail_alone(batch):
    _, lines, folder, _ = batch
    records = folder / "03_records.jsonl"
    assert _line(lines, f"kroniek: {records}#1:") == (
        f"kroniek: {records}#1: JSON nested 100,001 levels deep, over the limit of 64; "
        "flatten the record or raise --max-json-depth"
    )
    assert _line(lines, f"kroniek: {records}#3:") == (
        f'kroniek: {records}#3: "text" holds a lone UTF-16 surrogate escape (\\ud800) at '
        "character 0; escape characters outside the BMP as surrogate pairs, or write them as UTF-8"
    )


@pytest.mark.parametrize("code", ["ru", "ar", "pl", "zh"])
def test_2_non_dutch_pages_are_named(batch, code):
    _, lines, folder, _ = batch
    path = folder / f"04_{code}.txt"
    assert _line(lines, f"kroniek: {path}:") == (
        f"kroniek: {path}: not Dutch (looks like {code}); kroniek reads Dutch news only"
    )


def test_3_a_two_megabyte_line_is_refused_before_frog(batch):
    _, lines, folder, _ = batch
    path = folder / "05_lange_regel.txt"
    assert _line(lines, f"kroniek: {path}:") == (
        f"kroniek: {path}: line 2 is 2,030,000 characters long, over the limit of 20,000; "
        "break the text into paragraphs or raise --max-line-chars"
    )


def test_5_odd_directory_entries_are_reported(batch):
    _, lines, folder, _ = batch
    expected = {
        "06_lus.txt": "symbolic link loop",
        "06_los.txt": "dangling symbolic link (to bestaat-niet.txt)",
        "06_pijp.txt": "not a regular file: a FIFO (named pipe)",
        "06_apparaat.txt": "not a regular file: a character device",
    }
    for name, problem in expected.items():
        assert _line(lines, f"kroniek: {folder / name}:") == (
            f"kroniek: {folder / name}: {problem}; kroniek reads regular files only"
        )


def test_7_control_characters_in_names_are_escaped(batch):
    done, lines, folder, db = batch
    assert "\x1b" not in done.stderr
    with duckdb.connect(str(db), read_only=True) as con:  # a name that is not UTF-8 is stored
        [(source,)] = con.execute("SELECT source FROM pages WHERE doc LIKE '07_%'").fetchall()
    assert source == f"{folder}/07_naam\\udcff.txt"
    shown = f"kroniek: {folder}/kop\\nregel\\x1b[31mrood.txt: not Dutch (looks like en)"
    assert _line(lines, shown).startswith(shown)


def test_8_html_nested_too_deep_is_refused(batch):
    _, lines, folder, _ = batch
    path = folder / "08_diep.html"
    assert _line(lines, f"kroniek: {path}:") == (
        f"kroniek: {path}: HTML nested 303 levels deep, over the limit of 200; "
        "flatten the page or raise --max-html-depth (at most 250)"
    )


def test_9_messages_say_what_is_wrong(batch):
    _, lines, folder, _ = batch
    utf16, big = folder / "09_utf16.txt", folder / "09_groot.txt"
    assert _line(lines, f"kroniek: {utf16}:") == (
        f"kroniek: {utf16}: UTF-16 text, not UTF-8; "
        "convert the file to UTF-8 (e.g. iconv -f utf-16 -t utf-8)"
    )
    size = big.stat().st_size
    assert _line(lines, f"kroniek: {big}:") == (
        f"kroniek: {big}: file is {size:,} bytes, over the limit of 2,500,000 bytes; "
        "split the file or raise --max-page-bytes"
    )
    record = _line(lines, f"kroniek: {folder / '03_records.jsonl'}#4:")
    assert record.endswith(
        "not valid JSON: Invalid control character at column 27; write one JSON object per line"
    )


def test_6_the_copy_is_not_stored_twice(batch):
    _, _, _, db = batch
    with duckdb.connect(str(db), read_only=True) as con:
        sources = [r[0] for r in con.execute("SELECT source FROM pages").fetchall()]
        failures = con.execute("SELECT count(*) FROM failures").fetchone()[0]
    assert not any(source.endswith("02_kopie.txt") for source in sources)
    assert failures == 16


def test_4_command_line_mistakes_are_one_line(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text(_good("nl-1.txt"), encoding="utf-8")
    not_a_store = tmp_path / "notities.duckdb"
    not_a_store.write_text("geen database\n", encoding="utf-8")
    cases = [
        (
            ["--db", str(tmp_path)],
            1,
            (
                f"kroniek: {tmp_path}: a directory, not a store file; give --db a file path, "
                "e.g. kroniek.duckdb"
            ),
        ),
        (
            ["--db", str(not_a_store)],
            1,
            (
                f"kroniek: {not_a_store}: not a kroniek store (not a DuckDB file at all); "
                "choose another --db path"
            ),
        ),
        (
            ["--workers", "-3"],
            2,
            "Error: Invalid value for '--workers': -3 is not in the range x>=1.",
        ),
        (
            ["--workers", "0"],
            2,
            "Error: Invalid value for '--workers': 0 is not in the range x>=1.",
        ),
    ]
    for extra, status, line in cases:
        done = kroniek("ingest", str(page), *extra, cwd=tmp_path, timeout=120)
        assert (done.returncode, done.stderr.splitlines()[-1]) == (status, line), done.stderr
        assert "Traceback" not in done.stderr
    assert not_a_store.read_text(encoding="utf-8") == "geen database\n"
    assert not (tmp_path / "kroniek.duckdb").exists()


def test_4_read_commands_read_only_and_a_lock_conflict_is_one_line(tmp_path):
    db = tmp_path / "k.duckdb"
    kroniek(
        "ingest",
        str(LANGUAGES / "nl-1.txt"),
        "--db",
        str(db),
        "--fetched-at",
        CAPTURED,
        cwd=tmp_path,
    )
    with duckdb.connect(str(db), read_only=True):  # another reader: read-only opens still work
        listed = kroniek("events", "--db", str(db), "--format", "json", cwd=tmp_path, timeout=120)
        assert listed.returncode == 0, listed.stderr
        exported = kroniek(
            "export", "--db", str(db), "--format", "gdelt", "-o", "-", cwd=tmp_path, timeout=120
        )
        assert exported.returncode == 0, exported.stderr
    with duckdb.connect(str(db)):  # a writer holds the file
        blocked = kroniek("events", "--db", str(db), cwd=tmp_path, timeout=120)
    assert blocked.returncode == 1
    assert re.fullmatch(
        rf"kroniek: {re.escape(str(db))}: cannot read the store: another process \(PID {os.getpid()}\) "
        r"has held its lock for 30 s; wait for the running ingest to finish, or stop the process "
        r"holding the file\n",
        blocked.stderr,
    )


def test_3_a_frog_failure_names_the_page(tmp_path, frog_ready):
    from kroniek.nlp import FrogPool
    from kroniek.pipeline import Resources, process_page
    from kroniek.read import read_paths

    page_file = tmp_path / "traag.txt"
    page_file.write_text(_good("nl-3.txt"), encoding="utf-8")
    [page] = read_paths([page_file])
    with FrogPool("tag", timeout=0.001, cache_size=0) as tagger, FrogPool("parse") as parser:
        tagger.start()
        res = Resources.with_pools(tagger, parser)
        result = process_page(page, res)
    assert result.error.startswith(
        f"kroniek: {page_file}: frog: Frog (tag mode) did not answer within 0.001 s for a text of "
    )
    assert result.error.endswith(
        "; Frog was restarted; shorter lines answer sooner (ingest and extract take --max-line-chars)"
    )
