"""Pages from files, directories and JSONL records; every bad input becomes a ReadError."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from lingua import Language

from kroniek.errors import ReadError
from kroniek.read.html import extract_html
from kroniek.read.language import LanguageCheck
from kroniek.records import Page

EXTENSIONS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
BOM = b"\xef\xbb\xbf"
FIX_FORMAT = "give a UTF-8 .txt, .html or .jsonl page"
_TEXT_CONTROLS = set("\t\n\r\f\v\x1b")


def read_paths(
    paths: Iterable[str | Path] | str | Path,
    fetched_at: datetime | None = None,
    max_bytes: int = 5_000_000,
) -> Iterator[Page | ReadError]:
    """Yield a Page per readable input and a ReadError per bad one, in input order.

    ``paths`` are files or directories (searched recursively, in sorted order, for
    .txt .html .htm .jsonl files). ``fetched_at`` overrides the capture time of every page;
    otherwise a JSONL record's own ``fetched_at`` is used, else the file's mtime.
    """
    reader = Reader(max_bytes=max_bytes, fetched_at=_utc(fetched_at) if fetched_at else None)
    yield from reader.read(paths)


@dataclass
class Reader:
    """Reads inputs with one size limit, one capture-time override and one language check."""

    max_bytes: int = 5_000_000
    fetched_at: datetime | None = None
    languages: LanguageCheck = field(default_factory=LanguageCheck)

    def read(self, paths: Iterable[str | Path] | str | Path) -> Iterator[Page | ReadError]:
        """Pages and ReadErrors for every path, directories expanded."""
        if isinstance(paths, (str, Path)):
            paths = [paths]
        for given in paths:
            path = Path(given)
            if path.is_dir():
                yield from self._directory(path)
            elif path.is_file():
                yield from self._file(path, EXTENSIONS.get(path.suffix.lower()))
            elif path.exists():
                yield ReadError(str(path), "not a regular file", FIX_FORMAT)
            else:
                yield ReadError(str(path), "no such file or directory", "check the path")

    def _directory(self, root: Path) -> Iterator[Page | ReadError]:
        found = sorted(
            f for f in root.rglob("*")
            if f.suffix.lower() in EXTENSIONS and f.is_file()
            and not any(part.startswith(".") for part in f.relative_to(root).parts)
        )
        if not found:
            yield ReadError(str(root), "directory holds no .txt, .html, .htm or .jsonl files")
        for path in found:
            yield from self._file(path, EXTENSIONS[path.suffix.lower()])

    def _file(self, path: Path, kind: str | None) -> Iterator[Page | ReadError]:
        source = str(path)
        try:
            size = path.stat().st_size
            mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=timezone.utc)
            if kind == "jsonl":
                yield from self._jsonl(path, size, mtime)
                return
            if size == 0:
                yield ReadError(source, "empty file", FIX_FORMAT)
                return
            problem = _size_problem(size, self.max_bytes, "file")
            if problem:
                yield ReadError(source, problem, "raise the size limit (max_bytes) or split the file")
                return
            data = path.read_bytes()
        except OSError as err:
            yield ReadError(source, f"cannot read the file: {err.strerror or err}")
            return
        text = _decode(source, data)
        if isinstance(text, ReadError) and kind != "text":
            text = _declared_charset(data) or text
        if isinstance(text, ReadError):
            yield text
            return
        if kind is None:
            kind = "html" if text.lstrip().startswith("<") else "text"
        when, when_from = (self.fetched_at, "option") if self.fetched_at else (mtime, "mtime")
        if kind == "html":
            yield self._page(source, path.stem, None, text.lstrip("\ufeff"), when, when_from, None)
        else:
            yield self._page(source, path.stem, text, None, when, when_from, None)

    def _jsonl(self, path: Path, size: int, mtime: datetime) -> Iterator[Page | ReadError]:
        if size == 0:
            yield ReadError(str(path), "empty file", FIX_FORMAT)
            return
        seen = False
        with path.open("rb") as handle:
            if b"\x00" in handle.read(8192):
                yield ReadError(str(path), "binary file (contains NUL bytes)", FIX_FORMAT)
                return
            handle.seek(0)
            for number, raw in enumerate(handle, start=1):
                if not raw.strip():
                    continue
                seen = True
                yield self._record(f"{path}#{number}", raw, mtime)
        if not seen:
            yield ReadError(str(path), "empty file (only blank lines)", FIX_FORMAT)

    def _record(self, source: str, raw: bytes, mtime: datetime) -> Page | ReadError:
        problem = _size_problem(len(raw), self.max_bytes, "record")
        if problem:
            return ReadError(source, problem, "raise the size limit (max_bytes) or split the record")
        line = _decode(source, raw)
        if isinstance(line, ReadError):
            return line
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            return ReadError(source, f"not valid JSON: {err.msg} at column {err.colno}",
                             "write one JSON object per line")
        if not isinstance(record, dict):
            return ReadError(source, "a record must be a JSON object", "write one JSON object per line")
        doc = record.get("id")
        if not isinstance(doc, (str, int)) or isinstance(doc, bool) or str(doc).strip() == "":
            return ReadError(source, 'record has no "id"', 'give every record a string "id"')
        text, html = record.get("text"), record.get("html")
        if not (isinstance(text, str) and text.strip()) and not (isinstance(html, str) and html.strip()):
            return ReadError(source, 'record has neither "text" nor "html"',
                             'give every record a non-empty "text" or "html" string')
        when, when_from = mtime, "mtime"
        if self.fetched_at:
            when, when_from = self.fetched_at, "option"
        elif record.get("fetched_at") is not None:
            when = _parse_time(record["fetched_at"])
            if when is None:
                return ReadError(source, f"fetched_at is not an ISO date-time: {record['fetched_at']!r}",
                                 'write it like "2026-01-29T10:00:00Z"')
            when_from = "record"
        url = record.get("url") if isinstance(record.get("url"), str) else None
        has_text = isinstance(text, str) and bool(text.strip())
        has_html = isinstance(html, str) and bool(html.strip())
        return self._page(source, str(doc), text if has_text else None, html if has_html else None,
                          when, when_from, url)

    def _page(
        self, source: str, doc: str, text: str | None, html: str | None,
        when: datetime, when_from: str, url: str | None,
    ) -> Page | ReadError:
        """A checked Page from decoded text or HTML (text wins when both are given)."""
        body = (text if text is not None else html or "").lstrip("\ufeff")
        if not body.strip():
            return ReadError(source, "empty file (only whitespace)", FIX_FORMAT)
        if _mostly_controls(body):
            return ReadError(source, "binary file (mostly control characters)", FIX_FORMAT)
        if text is None:
            extracted = extract_html(body)
            body, url = extracted.text, url or extracted.url
            if not body.strip():
                return ReadError(source, "no text left after HTML extraction",
                                 "check that the page holds an article, not only scripts or menus")
        language = self.languages.language_of(body)
        if language is not None and language != Language.DUTCH:
            code = language.iso_code_639_1.name.lower()
            return ReadError(source, f"not Dutch: the text reads as {language.name.title()} ({code})",
                             "kroniek reads Dutch news only")
        return Page(doc=doc, source=source, text=body, html=html, fetched_at=when,
                    fetched_at_from=when_from, url=url)


def _size_problem(size: int, limit: int, what: str) -> str | None:
    if size > limit:
        return f"{what} is {size:,} bytes, over the limit of {limit:,} bytes"
    return None


def _decode(source: str, data: bytes) -> str | ReadError:
    """UTF-8 text (a BOM is dropped), or the reason the bytes are not text."""
    if b"\x00" in data:
        return ReadError(source, "binary file (contains NUL bytes)", FIX_FORMAT)
    skip = len(BOM) if data.startswith(BOM) else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as err:
        replaced = data.decode("utf-8", errors="replace")
        if replaced.count("\ufffd") > 0.2 * max(len(replaced), 1) or _mostly_controls(replaced):
            return ReadError(source, "binary file (mostly non-text bytes)", FIX_FORMAT)
        offset = err.start + skip
        return ReadError(
            source,
            f"not valid UTF-8: byte 0x{data[offset]:02x} at offset {offset}",
            "convert the file to UTF-8 (e.g. iconv -f windows-1252 -t utf-8)",
        )
    return text


def _declared_charset(data: bytes) -> str | None:
    """An HTML page decoded with the charset its <meta> declares, when that is not UTF-8."""
    head = data[:4096]
    if not head.lstrip().startswith(b"<"):
        return None
    m = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_-]+)""", head, re.IGNORECASE)
    if not m:
        return None
    name = m.group(1).decode("ascii").lower()
    if name.replace("-", "").replace("_", "") == "utf8":
        return None
    try:
        return data.decode(name)
    except (LookupError, UnicodeDecodeError):
        return None


def _mostly_controls(text: str) -> bool:
    sample = text[:65536]
    controls = sum(1 for ch in sample if ch < " " and ch not in _TEXT_CONTROLS)
    return controls > 0.05 * max(len(sample), 1)


def _utc(moment: datetime) -> datetime:
    """An aware UTC datetime; naive values are taken as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(timezone.utc)


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return _utc(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    except ValueError:
        return None
