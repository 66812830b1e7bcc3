"""Pages from files, directories and JSONL records; every bad input becomes a ReadError."""

from __future__ import annotations

import errno
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from kroniek.errors import KroniekError, ReadError
from kroniek.read.html import TooDeep, extract_html
from kroniek.read.language import LanguageCheck
from kroniek.records import Page

EXTENSIONS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
BOM = b"\xef\xbb\xbf"
FIX_FORMAT = "give a UTF-8 .txt, .html or .jsonl page"
_TEXT_CONTROLS = set("\t\n\r\f\v\x1b")
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
#: what a non-regular file in an input folder is, by its st_mode test
SPECIAL_KINDS = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


@dataclass(frozen=True)
class Limits:
    """Input limits, checked before any analysis; each is a command-line option."""

    page_bytes: int = 5_000_000  # --max-page-bytes: a file, or one JSONL record
    line_chars: int = 20_000  # --max-line-chars: one line of a page's text (one Frog request)
    html_depth: int = 200  # --max-html-depth: element nesting (libxml2 stops at 255)
    json_depth: int = 64  # --max-json-depth: array/object nesting of one JSONL record


def read_paths(
    paths: Iterable[str | Path] | str | Path,
    fetched_at: datetime | None = None,
    limits: Limits | None = None,
    captures: Mapping[str, datetime] | None = None,
) -> Iterator[Page | ReadError]:
    """Yield a Page per readable input and a ReadError per bad one, in input order.

    ``paths`` are files or directories (searched recursively, in sorted order, for
    .txt .html .htm .jsonl files). A page's capture time is set here, once: ``fetched_at``
    overrides it for every page; otherwise a JSONL record's own ``fetched_at`` is used, else
    the time ``captures`` gives for the file's name (see `load_captures`), else the file's mtime.
    """
    reader = Reader(
        limits=limits or Limits(),
        fetched_at=_utc(fetched_at) if fetched_at else None,
        captures=dict(captures or {}),
    )
    yield from reader.read(paths)


def load_captures(path: Path) -> dict[str, datetime]:
    """Read a TSV of ``file name<TAB>ISO capture time`` lines.

    ``#`` starts a comment; a first line that holds no time is taken as a header.
    """
    captures: dict[str, datetime] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        name, _, when = line.partition("\t")
        try:
            moment = datetime.fromisoformat(when.strip().replace("Z", "+00:00"))
        except ValueError as err:
            if number == 1:
                continue
            raise KroniekError(f"{path}:{number}", f"not an ISO capture time: {when!r}") from err
        captures[Path(name.strip()).name] = moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    return captures


@dataclass
class Reader:
    """Reads inputs with one set of limits, one capture-time override and one language check."""

    limits: Limits = field(default_factory=Limits)
    fetched_at: datetime | None = None
    captures: dict[str, datetime] = field(default_factory=dict)  # file name -> capture time
    languages: LanguageCheck = field(default_factory=LanguageCheck)

    def _captured(self, source: str, mtime: datetime) -> tuple[datetime, str]:
        """The capture time of a page with no time of its own, and where it came from."""
        when = self.captures.get(Path(source).name)
        return (when, "captures") if when is not None else (mtime, "mtime")

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
            elif path.exists() or path.is_symlink():
                yield ReadError(str(path), _odd_entry(path) or "not a regular file", FIX_FORMAT)
            else:
                yield ReadError(str(path), "no such file or directory", "check the path")

    def _directory(self, root: Path) -> Iterator[Page | ReadError]:
        found = 0
        for path, problem in _walk(root):
            found += 1
            if problem is not None:
                yield ReadError(str(path), problem, "kroniek reads regular files only")
            else:
                yield from self._file(path, EXTENSIONS[path.suffix.lower()])
        if not found:
            yield ReadError(str(root), "directory holds no .txt, .html, .htm or .jsonl files")

    def _file(self, path: Path, kind: str | None) -> Iterator[Page | ReadError]:
        source = str(path)
        try:
            size = path.stat().st_size
            mtime = datetime.fromtimestamp(path.stat().st_mtime, tz=UTC)
            if kind == "jsonl":
                yield from self._jsonl(path, size, mtime)
                return
            if size == 0:
                yield ReadError(source, "empty file", FIX_FORMAT)
                return
            problem = _size_problem(size, self.limits.page_bytes, "file")
            if problem:
                yield ReadError(source, problem, "split the file or raise --max-page-bytes")
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
        when, when_from = (
            (self.fetched_at, "option") if self.fetched_at else self._captured(source, mtime)
        )
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
            head = handle.read(8192)
            if head.count(b"\x00") > 0.01 * len(
                head
            ):  # binary or UTF-16; a stray NUL fails its line
                yield _nul_problem(str(path), head)
                return
            handle.seek(0)
            for number, raw in enumerate(_lines(handle, self.limits.page_bytes), start=1):
                if isinstance(raw, int):
                    seen = True
                    yield ReadError(
                        f"{path}#{number}",
                        _over_limit(raw, self.limits.page_bytes, "record"),
                        "split the record or raise --max-page-bytes",
                    )
                elif raw.strip():
                    seen = True
                    yield self._record(f"{path}#{number}", raw, mtime)
        if not seen:
            yield ReadError(str(path), "empty file (only blank lines)", FIX_FORMAT)

    def _record(self, source: str, raw: bytes, mtime: datetime) -> Page | ReadError:
        line = _decode(source, raw)
        if isinstance(line, ReadError):
            return line
        depth = _json_depth(line)
        if depth > self.limits.json_depth:
            return ReadError(
                source,
                f"JSON nested {depth:,} levels deep, over the limit of {self.limits.json_depth:,}",
                "flatten the record or raise --max-json-depth",
            )
        try:
            record = json.loads(line)
        except json.JSONDecodeError as err:
            reason = err.msg.removesuffix(" at")
            return ReadError(
                source,
                f"not valid JSON: {reason} at column {err.colno}",
                "write one JSON object per line",
            )
        except RecursionError:
            return ReadError(source, "JSON nested too deeply to read", "flatten the record")
        if not isinstance(record, dict):
            return ReadError(
                source, "a record must be a JSON object", "write one JSON object per line"
            )
        doc = record.get("id")
        if not isinstance(doc, (str, int)) or isinstance(doc, bool) or str(doc).strip() == "":
            return ReadError(source, 'record has no "id"', 'give every record a string "id"')
        text, html = record.get("text"), record.get("html")
        if not (isinstance(text, str) and text.strip()) and not (
            isinstance(html, str) and html.strip()
        ):
            return ReadError(
                source,
                'record has neither "text" nor "html"',
                'give every record a non-empty "text" or "html" string',
            )
        when, when_from = self._captured(source, mtime)
        recorded = (
            _parse_time(record["fetched_at"]) if record.get("fetched_at") is not None else None
        )
        if self.fetched_at:
            when, when_from = self.fetched_at, "option"
        elif record.get("fetched_at") is not None:
            if recorded is None:
                return ReadError(
                    source,
                    f"fetched_at is not an ISO date-time: {record['fetched_at']!r}",
                    'write it like "2026-01-29T10:00:00Z"',
                )
            when, when_from = recorded, "record"
        url = record.get("url") if isinstance(record.get("url"), str) else None
        for name, value in (("id", doc), ("text", text), ("html", html), ("url", url)):
            at = _lone_surrogate(value)
            if at is not None:
                return ReadError(
                    source,
                    f'"{name}" holds a lone UTF-16 surrogate escape '
                    f"(\\u{ord(str(value)[at]):04x}) at character {at:,}",
                    "escape characters outside the BMP as surrogate pairs, or write them as UTF-8",
                )
        has_text = isinstance(text, str) and bool(text.strip())
        has_html = isinstance(html, str) and bool(html.strip())
        return self._page(
            source,
            str(doc),
            text if has_text else None,
            html if has_html else None,
            when,
            when_from,
            url,
        )

    def _page(
        self,
        source: str,
        doc: str,
        text: str | None,
        html: str | None,
        when: datetime,
        when_from: str,
        url: str | None,
    ) -> Page | ReadError:
        """A checked Page from decoded text or HTML (text wins when both are given)."""
        body = (text if text is not None else html or "").lstrip("\ufeff")
        if not body.strip():
            return ReadError(source, "empty file (only whitespace)", FIX_FORMAT)
        if _mostly_controls(body):
            return ReadError(source, "binary file (mostly control characters)", FIX_FORMAT)
        if text is None:
            try:
                extracted = extract_html(body, max_depth=self.limits.html_depth)
            except TooDeep as deep:
                return ReadError(
                    source,
                    f"HTML nested {deep.depth:,} levels deep, over the limit "
                    f"of {self.limits.html_depth:,}",
                    "flatten the page or raise --max-html-depth (at most 250)",
                )
            body, url = extracted.text, url or extracted.url
            if not body.strip():
                return ReadError(
                    source,
                    "no text left after HTML extraction",
                    "check that the page holds an article, not only scripts or menus",
                )
        longest = max(body.split("\n"), key=len)
        if len(longest) > self.limits.line_chars:
            number = body.split("\n").index(longest) + 1
            return ReadError(
                source,
                f"line {number:,} is {len(longest):,} characters long, over "
                f"the limit of {self.limits.line_chars:,}",
                "break the text into paragraphs or raise --max-line-chars",
            )
        verdict = self.languages.verdict(body)
        if not verdict.dutch:
            seen = f"looks like {verdict.code}" if verdict.code else "no language recognised"
            return ReadError(source, f"not Dutch ({seen})", "kroniek reads Dutch news only")
        # a file name that is not UTF-8 decodes to lone surrogates, which no output can hold
        return Page(
            doc=_utf8_safe(doc),
            source=_utf8_safe(source),
            text=body,
            html=html,
            fetched_at=when,
            fetched_at_from=when_from,
            url=url,
        )


def _utf8_safe(name: str) -> str:
    """``name`` with every character UTF-8 cannot encode (a lone surrogate) as a \\u escape."""
    return name.encode("utf-8", "backslashreplace").decode("utf-8")


def _over_limit(size: int, limit: int, what: str) -> str:
    return f"{what} is {size:,} bytes, over the limit of {limit:,} bytes"


def _size_problem(size: int, limit: int, what: str) -> str | None:
    return _over_limit(size, limit, what) if size > limit else None


def _decode(source: str, data: bytes) -> str | ReadError:
    """UTF-8 text (a BOM is dropped), or the reason the bytes are not text."""
    if b"\x00" in data:
        return _nul_problem(source, data)
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


def _nul_problem(source: str, data: bytes) -> ReadError:
    """Why bytes with NULs are refused: UTF-16 text (told by its BOM or its zero bytes) or binary."""
    sample = data[:4096]
    odd, even = sample[1::2], sample[0::2]
    zeros = max(odd.count(0), even.count(0))
    if sample.startswith(UTF16_BOMS) or (
        len(sample) >= 4
        and zeros > 0.4 * (len(sample) // 2)
        and min(odd.count(0), even.count(0)) == 0
    ):
        return ReadError(
            source,
            "UTF-16 text, not UTF-8",
            "convert the file to UTF-8 (e.g. iconv -f utf-16 -t utf-8)",
        )
    return ReadError(source, "binary file (contains NUL bytes)", FIX_FORMAT)


def _lines(handle, limit: int) -> Iterator[bytes | int]:
    """The lines of a binary file, each read with at most ``limit`` + 1 bytes in memory.

    A longer line is passed over to its end and given as its size in bytes instead.
    """
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        if len(line) <= limit or line.endswith(b"\n"):
            yield line
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):
            line = handle.readline(1 << 20)
            size += len(line)
        yield size


def _json_depth(line: str) -> int:
    """How deep arrays and objects nest in a JSON text (strings skipped), without parsing it."""
    bare = _JSON_STRING.sub("", line)
    depth = deepest = 0
    for bracket in _JSON_BRACKET.findall(bare):
        if bracket in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


_JSON_STRING = re.compile(r'"(?:[^"\\]|\\.)*"')
_JSON_BRACKET = re.compile(r"[\[\]{}]")


def _lone_surrogate(value: object) -> int | None:
    """Index of the first lone surrogate in a string (a JSON "\\ud800" escape), else None."""
    if not isinstance(value, str):
        return None
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as err:
        return err.start
    return None


def _walk(root: Path) -> Iterator[tuple[Path, str | None]]:
    """Input files under ``root`` in sorted order, each with the reason it cannot be read, if any.

    Hidden entries are left out, and so are regular files without a page extension. A
    symbolic link is followed to a file but not into a directory; a link that leads nowhere,
    a link loop and a FIFO, socket or device are given with the reason.
    """
    found: list[tuple[Path, str | None]] = []
    for folder, dirs, files in os.walk(root):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        links = [d for d in dirs if os.path.islink(os.path.join(folder, d))]
        for name in [f for f in files if not f.startswith(".")] + links:
            path = Path(folder) / name
            problem = _odd_entry(path)
            if problem is not None:
                found.append((path, problem))
            elif path.suffix.lower() in EXTENSIONS and path.is_file():
                found.append((path, None))
    yield from sorted(found, key=lambda entry: entry[0])


def _odd_entry(path: Path) -> str | None:
    """Why ``path`` is no readable file: missing, a bad or directory link, a special file."""
    try:
        target = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return f"dangling symbolic link (to {os.readlink(path)})"
        return "no such file or directory"
    except OSError as err:
        if path.is_symlink() and err.errno == errno.ELOOP:
            return "symbolic link loop"
        return f"cannot read it: {err.strerror or err}"
    if path.is_symlink() and stat.S_ISDIR(target.st_mode):
        return "symbolic link to a directory (not followed; give the directory itself)"
    for test, kind in SPECIAL_KINDS:
        if test(target.st_mode):
            return f"not a regular file: {kind}"
    return None


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
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def _parse_time(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return _utc(datetime.fromisoformat(value.strip().replace("Z", "+00:00")))
    except ValueError:
        return None
