"""JSONL records, directories, batches that keep going, and where fetched_at comes from."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

from kroniek.errors import ReadError
from kroniek.read import Limits, read_paths
from kroniek.read.reader import Reader
from kroniek.records import Page
from kroniek.segment import segment

DATA = Path(__file__).parent / "data"

NEWS = (
    "Overstromingen in Valencia eisen veel levens\n"
    "VALENCIA (ANP/EFE) - Door zware regenval zijn in de Spaanse regio Valencia grote delen van "
    "dorpen onder water gelopen. Hulpdiensten zoeken nog naar vermiste inwoners.\n"
)
OTHER = (
    "Vulkaan op IJsland barst opnieuw uit\n"
    "REYKJAVIK (ANP/AFP) - Op het schiereiland Reykjanes is weer een vulkaan uitgebarsten. "
    "Het nabijgelegen vissersdorp Grindavik is uit voorzorg ontruimd.\n"
)
MOMENT = datetime(2026, 1, 29, 10, 0, tzinfo=UTC)


def _jsonl(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _rec(**fields) -> str:
    return json.dumps(fields, ensure_ascii=False)


def test_jsonl_records_with_text_and_html(tmp_path: Path) -> None:
    html = (DATA / "navo_top.html").read_text(encoding="utf-8")
    path = _jsonl(
        tmp_path / "pagina.jsonl",
        [
            _rec(
                id="a1", url="https://voorbeeld.nl/a1", fetched_at="2026-01-29T09:30:00Z", text=NEWS
            ),
            _rec(id=42, fetched_at="2026-01-29T11:30:00+01:00", html=html),
        ],
    )
    first, second = read_paths([path])
    assert (first.doc, first.source, first.url, first.text) == (
        "a1",
        f"{path}#1",
        "https://voorbeeld.nl/a1",
        NEWS,
    )
    assert first.fetched_at == datetime(2026, 1, 29, 9, 30, tzinfo=UTC)
    assert first.fetched_at_from == "record"
    assert (second.doc, second.source, second.html) == ("42", f"{path}#2", html)
    assert second.fetched_at == datetime(2026, 1, 29, 10, 30, tzinfo=UTC)
    assert second.url == "https://voorbeeld.nl/nieuws/navo-top"
    assert [a.dateline for a in segment(second)][:2] == ["DEN HAAG", "NEW YORK"]


def test_bad_jsonl_lines_in_the_middle_do_not_stop_the_others(tmp_path: Path) -> None:
    path = _jsonl(
        tmp_path / "gemengd.jsonl",
        [
            _rec(id="goed-1", text=NEWS),
            '{"id": "kapot", "text": "afgebroken',
            "",
            _rec(text=NEWS),
            _rec(id="leeg", text="   "),
            '["geen", "object"]',
            _rec(id="tijd", fetched_at="gisteren", text=NEWS),
            _rec(
                id="engels",
                text="The storm destroyed many houses along the coast of Florida last night, officials said.",
            ),
            _rec(id="goed-2", text=OTHER),
        ],
    )
    items = list(read_paths([path]))
    assert len(items) == 8
    pages = [i for i in items if isinstance(i, Page)]
    errors = {i.source: i.problem for i in items if isinstance(i, ReadError)}
    assert [p.doc for p in pages] == ["goed-1", "goed-2"]
    assert [p.source for p in pages] == [f"{path}#1", f"{path}#9"]
    assert errors[f"{path}#2"].startswith("not valid JSON")
    assert errors[f"{path}#4"] == 'record has no "id"'
    assert errors[f"{path}#5"] == 'record has neither "text" nor "html"'
    assert errors[f"{path}#6"] == "a record must be a JSON object"
    assert errors[f"{path}#7"].startswith("fetched_at is not an ISO date-time")
    assert errors[f"{path}#8"] == "not Dutch (looks like en)"
    assert all(str(e).startswith(f"kroniek: {path}#") for e in items if isinstance(e, ReadError))


def test_jsonl_record_over_the_limit_and_bad_utf8_line(tmp_path: Path) -> None:
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(
        _rec(id="lang", text=NEWS * 40).encode()
        + b"\n"
        + b'{"id": "latin", "text": "caf\xe9"}\n'
        + _rec(id="kort", text=OTHER).encode()
        + b"\n"
    )
    items = list(read_paths([path], limits=Limits(page_bytes=2000)))
    assert isinstance(items[0], ReadError) and "over the limit of 2,000 bytes" in items[0].problem
    assert isinstance(items[1], ReadError) and "not valid UTF-8" in items[1].problem
    assert "offset 28" in items[1].problem
    assert isinstance(items[2], Page) and items[2].doc == "kort"


def test_empty_and_binary_jsonl(tmp_path: Path) -> None:
    empty = tmp_path / "leeg.jsonl"
    empty.write_text("", encoding="utf-8")
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n\n  \n", encoding="utf-8")
    binary = tmp_path / "bin.jsonl"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    problems = [e.problem for e in read_paths([empty, blank, binary])]
    assert problems[0] == "empty file"
    assert problems[1].startswith("empty file")
    assert "binary" in problems[2]


def test_directory_is_recursive_sorted_and_filtered(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "diep").mkdir(parents=True)
    (tmp_path / ".verborgen").mkdir()
    (tmp_path / "b" / "twee.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "a" / "diep" / "een.TXT").write_text(OTHER, encoding="utf-8")
    (tmp_path / "a" / "drie.htm").write_text((DATA / "navo_top.html").read_text(), encoding="utf-8")
    _jsonl(tmp_path / "c.jsonl", [_rec(id="vier", text=OTHER)])
    (tmp_path / "notities.md").write_text(NEWS, encoding="utf-8")
    (tmp_path / "foto.jpg").write_bytes(b"\xff\xd8\xff\x00")
    (tmp_path / ".verborgen" / "vijf.txt").write_text(NEWS, encoding="utf-8")
    items = list(read_paths([tmp_path]))
    assert all(isinstance(i, Page) for i in items), items
    assert [i.doc for i in items] == ["een", "drie", "twee", "vier"]
    assert items[0].source == str(tmp_path / "a" / "diep" / "een.TXT")


def test_batch_continues_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "1_goed.txt").write_text(NEWS, encoding="utf-8")
    (tmp_path / "2_leeg.txt").write_bytes(b"")
    (tmp_path / "3_bin.txt").write_bytes(b"\x00" * 64)
    (tmp_path / "4_goed.txt").write_text(OTHER, encoding="utf-8")
    items = list(read_paths([tmp_path, tmp_path / "ontbreekt.txt"]))
    assert [type(i).__name__ for i in items] == [
        "Page",
        "ReadError",
        "ReadError",
        "Page",
        "ReadError",
    ]


def test_directory_without_pages(tmp_path: Path) -> None:
    (tmp_path / "lees.md").write_text("niets", encoding="utf-8")
    [error] = read_paths([tmp_path])
    assert isinstance(error, ReadError) and "no .txt" in error.problem


def test_fetched_at_precedence(tmp_path: Path) -> None:
    text_file = tmp_path / "pagina.txt"
    text_file.write_text(NEWS, encoding="utf-8")
    stamp = datetime(2025, 11, 3, 8, 15, tzinfo=UTC)
    os.utime(text_file, (stamp.timestamp(), stamp.timestamp()))
    records = _jsonl(
        tmp_path / "r.jsonl",
        [
            _rec(id="met", fetched_at="2026-01-28T22:00:00Z", text=NEWS),
            _rec(id="zonder", text=OTHER),
        ],
    )
    os.utime(records, (stamp.timestamp(), stamp.timestamp()))

    plain = list(read_paths([text_file, records]))
    assert [(p.fetched_at, p.fetched_at_from) for p in plain] == [
        (stamp, "mtime"),
        (datetime(2026, 1, 28, 22, 0, tzinfo=UTC), "record"),
        (stamp, "mtime"),
    ]
    forced = list(read_paths([text_file, records], fetched_at=MOMENT))
    assert {(p.fetched_at, p.fetched_at_from) for p in forced} == {(MOMENT, "option")}


def test_fetched_at_option_is_made_utc(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_text(NEWS, encoding="utf-8")
    [naive] = read_paths([path], fetched_at=datetime(2026, 1, 29, 10, 0))
    assert naive.fetched_at == MOMENT
    cet = timezone(timedelta(hours=1))
    [aware] = read_paths([path], fetched_at=datetime(2026, 1, 29, 11, 0, tzinfo=cet))
    assert aware.fetched_at == MOMENT and aware.fetched_at.tzinfo == UTC


def test_one_language_detector_serves_the_whole_batch(tmp_path: Path) -> None:
    for n in range(3):
        (tmp_path / f"p{n}.txt").write_text(NEWS, encoding="utf-8")
    reader = Reader()
    first = list(reader.read([tmp_path / "p0.txt"]))
    detector = reader.languages.detector
    rest = list(reader.read([tmp_path / "p1.txt", tmp_path / "p2.txt"]))
    assert all(isinstance(p, Page) for p in first + rest)
    assert reader.languages.detector is detector


def test_single_path_string_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "los.txt"
    path.write_text(NEWS, encoding="utf-8")
    [page] = read_paths(str(path))
    assert isinstance(page, Page) and page.doc == "los"


def test_the_capture_time_is_set_once_by_the_reader(tmp_path):
    """--fetched-at beats everything; a record's own time beats the captures table; the table
    beats a file's mtime; a file it does not list keeps its mtime."""
    from kroniek.read import load_captures

    text = (
        "DEN HAAG (ANP) - De regering heeft dinsdag gezegd dat zij de plannen voor de haven "
        "van de stad wil uitstellen."
    )
    (tmp_path / "listed.txt").write_text(text, encoding="utf-8")
    (tmp_path / "unlisted.txt").write_text(text, encoding="utf-8")
    (tmp_path / "records.jsonl").write_text(
        json.dumps({"id": "own", "text": text, "fetched_at": "2024-05-01T08:00:00Z"})
        + "\n"
        + json.dumps({"id": "none", "text": text})
        + "\n",
        encoding="utf-8",
    )
    table = tmp_path / "captures.tsv"
    table.write_text(
        "file\tfetched_at\nlisted.txt\t2024-01-02T03:04:00Z\n"
        "records.jsonl#1\t2023-01-01T00:00:00Z\nrecords.jsonl#2\t2023-06-01T00:00:00Z\n",
        encoding="utf-8",
    )
    captures = load_captures(table)
    pages = {p.doc: p for p in read_paths([tmp_path], captures=captures) if isinstance(p, Page)}
    assert len(pages) == 4
    assert (pages["listed"].fetched_at, pages["listed"].fetched_at_from) == (
        datetime(2024, 1, 2, 3, 4, tzinfo=UTC),
        "captures",
    )
    assert pages["unlisted"].fetched_at_from == "mtime"
    assert (pages["own"].fetched_at, pages["own"].fetched_at_from) == (
        datetime(2024, 5, 1, 8, tzinfo=UTC),
        "record",
    )
    assert (pages["none"].fetched_at, pages["none"].fetched_at_from) == (
        datetime(2023, 6, 1, tzinfo=UTC),
        "captures",
    )
    moment = datetime(2026, 1, 29, 10, tzinfo=UTC)
    forced = list(read_paths([tmp_path], fetched_at=moment, captures=captures))
    assert {(p.fetched_at, p.fetched_at_from) for p in forced} == {(moment, "option")}
