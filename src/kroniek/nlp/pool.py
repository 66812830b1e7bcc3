"""A small supervised pool of long-lived Frog server processes.

Frog loads its models in seconds (tagger) to ~10 s (parser), so a process is started once
(`frog -S PORT`) and then serves many requests over loopback TCP. Protocol: send the text,
then a line ``EOT``; Frog answers with one token per line (tab-separated columns), a blank
line between sentences, and a line ``READY`` at the end.

Each Frog runs under a small shell guard in a process group of its own: Frog forks a child
per connection, and those children must not outlive kroniek. The guard asks the kernel
(Linux PR_SET_PDEATHSIG) for a SIGTERM when the pool's launching thread dies, also when
kroniek is killed with SIGKILL, and then kills its whole group; it does the same when Frog
exits. The pool kills the group when it is closed or garbage collected and at exit.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import json
import os
import queue
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
import weakref
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from kroniek.errors import FrogError

MODES = {
    "tag": "--skip=acmnp",  # tokenizer, lemmatizer, tagger
    # + multi-word units and the dependency parser. Not NER: no stage reads its tags, and
    # without it a parse costs about a quarter less CPU (heads and relations are the same).
    "parse": "--skip=acn",
}
#: modes whose Frog child learns from the requests it serves: the multi-word unit module adds
#: every run of glued proper-name words it meets to its table, and joins them in later texts
LEARNING_MODES = frozenset({"parse"})
INSTALL_FIX = (
    "apt-get install frog frogdata ucto uctodata (make setup does it; kroniek doctor checks)"
)
_PR_SET_PDEATHSIG = 1
#: runs Frog ("$@") in the background; when Frog exits, or the guard gets SIGTERM, Frog is
#: killed and reaped and then the whole process group (the children Frog forks per
#: connection, and the guard itself) is killed
GUARD = [
    "/bin/sh",
    "-c",
    "trap 'kill -KILL $f; wait $f; kill -KILL 0' TERM HUP INT; \"$@\" & f=$!; wait $f; kill -KILL 0",
    "kroniek-frog-guard",
]

Rows = list[list[tuple[str, ...]]]


@dataclass(frozen=True)
class FrogStats:
    """Counters of one pool: requests, cache use, restarts and seconds spent in Frog."""

    mode: str
    requests: int  # analyse_raw calls (cached or not)
    cache_hits: int
    cache_misses: int
    frog_seconds: float  # cumulative wall time waiting for Frog answers
    startup_seconds: float  # cumulative wall time starting Frog processes
    starts: int  # processes started (first starts and restarts)
    restarts: int  # processes restarted after a crash, kill or timeout
    timeouts: int


def _free_port() -> int:
    """A currently free TCP port on the loopback interface."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent() -> None:
    """Child side of fork: ask the kernel to SIGTERM the guard when the launching thread dies."""
    with contextlib.suppress(
        OSError, AttributeError
    ):  # not Linux: the finalizer still stops it on exit
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def _kill(proc: subprocess.Popen | None) -> None:
    """Stop a Frog guard and its group (Frog and Frog's children); wait for it."""
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()  # the guard kills and reaps Frog, then kills the group
    try:
        proc.wait(timeout=5)
        return
    except subprocess.TimeoutExpired:
        pass
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


def _children(pid: int) -> list[int]:
    """Child process ids of `pid` (Frog forks one per connection); [] when unknown."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(child) for child in (task / "children").read_text().split())
        except (OSError, ValueError):
            continue
    return found


def _stop_all(workers: list[_Worker], launcher: ThreadPoolExecutor) -> None:
    """Finalizer: kill every process of a pool and stop its launcher thread."""
    for worker in workers:
        worker.stop()
    launcher.shutdown(wait=False)


def _safe_line(line: str) -> str:
    """A text line that Frog cannot mistake for the end-of-text marker."""
    return " " + line if line.strip() == "EOT" else line


def _parse_answer(data: bytes) -> Rows:
    """Frog's answer (up to the READY line) as sentences of token rows."""
    sentences: Rows = []
    current: list[tuple[str, ...]] = []
    for raw in data.decode("utf-8", errors="replace").split("\n"):
        line = raw.rstrip("\r")
        if line == "READY":
            break
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        current.append(tuple(line.split("\t")))
    if current:
        sentences.append(current)
    return sentences


class _Worker:
    """One Frog server process on a loopback port; used by one caller at a time."""

    def __init__(self, argv: list[str], mode: str):
        self.argv = argv
        self.mode = mode
        self.proc: subprocess.Popen | None = None
        self.sock: socket.socket | None = None
        self.port = 0
        self.log: IO[bytes] | None = None
        self.workdir: str | None = None
        self.lock = threading.Lock()  # guards proc between stop() and start()

    def alive(self) -> bool:
        """True when the process runs."""
        return self.proc is not None and self.proc.poll() is None

    def frog_pid(self) -> int | None:
        """The Frog server's process id (the guard's child), None when it is not running."""
        if self.proc is None or not self.alive():
            return None
        found = _children(self.proc.pid)
        return found[0] if found else None

    def start(self, launcher: ThreadPoolExecutor, startup_timeout: float) -> float:
        """Start Frog and wait until its port accepts connections; return seconds taken."""
        t0 = time.monotonic()
        last = ""
        for _attempt in range(3):  # the free port may be taken between probe and bind
            self.stop()
            self.port = _free_port()
            self.log = tempfile.TemporaryFile()  # noqa: SIM115 - Frog's log for as long as it runs; stop() closes it
            argv = [*GUARD, *self.argv, "-S", str(self.port)]
            with self.lock:
                self.proc = launcher.submit(self._spawn, argv).result()
            deadline = t0 + startup_timeout
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    break
                try:
                    with socket.create_connection(("127.0.0.1", self.port), timeout=1):
                        return time.monotonic() - t0
                except OSError:
                    time.sleep(0.2)
            else:
                self.stop()
                raise FrogError(
                    "frog",
                    f"Frog ({self.mode} mode) did not open port {self.port} "
                    f"within {startup_timeout:.0f} s",
                    "check memory (parse mode needs ~2 GB) and load; kroniek doctor checks both",
                )
            last = self._log_tail()
        self.stop()
        raise FrogError(
            "frog",
            f"Frog ({self.mode} mode) exited during startup: {last or 'no output'}",
            "kroniek doctor says why (Frog's data: apt-get install frogdata ucto uctodata)",
        )

    def _spawn(self, argv: list[str]) -> subprocess.Popen:
        """Runs on the pool's launcher thread, so PDEATHSIG follows the pool, not a caller.

        Frog's OpenMP threads spin while idle unless told otherwise; two spinning Frogs on
        two cores ran 3-7x slower in bench/frog_modes.py, so they wait passively here.
        """
        env = dict(os.environ)
        env.setdefault("OMP_WAIT_POLICY", "PASSIVE")
        self.workdir = tempfile.mkdtemp(
            prefix="kroniek-frog-"
        )  # Frog leaves debug files in its cwd
        return subprocess.Popen(
            argv,
            cwd=self.workdir,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            preexec_fn=_die_with_parent,
        )

    def _log_tail(self) -> str:
        """The last lines Frog printed, for error messages."""
        if self.log is None:
            return ""
        self.log.seek(0, os.SEEK_END)
        size = self.log.tell()
        self.log.seek(max(0, size - 400))
        tail = self.log.read().decode("utf-8", errors="replace").strip().splitlines()
        return " | ".join(tail[-3:])

    def stop(self) -> None:
        """Kill the process group (if any), close the connection and drop the log."""
        self.disconnect()
        with self.lock:
            proc, self.proc = self.proc, None
            log, self.log = self.log, None
        _kill(proc)
        if log is not None:
            log.close()
        workdir, self.workdir = self.workdir, None
        if workdir is not None:
            shutil.rmtree(workdir, ignore_errors=True)

    def request(self, text: str, deadline: float) -> bytes:
        """Send one text, return Frog's raw answer; OSError/TimeoutError on failure.

        Frog forks a child per connection, so the connection is kept open between
        requests; a kept connection that turns out closed is reopened once.
        """
        payload = ("\n".join(_safe_line(line) for line in text.split("\n")) + "\nEOT\n").encode()
        if self.sock is not None:
            try:
                return self._exchange(self.sock, payload, deadline)
            except TimeoutError:
                self.disconnect()
                raise
            except OSError:
                self.disconnect()
                if not self.alive():
                    raise
        self.sock = socket.create_connection(
            ("127.0.0.1", self.port), timeout=self._remaining(deadline)
        )
        try:
            return self._exchange(self.sock, payload, deadline)
        except OSError:
            self.disconnect()
            raise

    @staticmethod
    def _remaining(deadline: float) -> float:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError("no READY before the deadline")
        return remaining

    def _exchange(self, sock: socket.socket, payload: bytes, deadline: float) -> bytes:
        sock.settimeout(self._remaining(deadline))
        sock.sendall(payload)
        chunks: list[bytes] = []
        tail = b"\n"
        while b"\nREADY\n" not in tail:
            sock.settimeout(self._remaining(deadline))
            chunk = sock.recv(1 << 16)
            if not chunk:
                raise ConnectionError("Frog closed the connection before READY")
            chunks.append(chunk)
            tail = (tail + chunk)[-16:]
        return b"".join(chunks)

    def disconnect(self) -> None:
        """Close the connection and SIGKILL Frog's child that served it.

        Left alone, the child takes up to a minute to exit, freeing its models page by
        page and so copying them (~1.4 GB in parse mode) before it goes.
        """
        sock, self.sock = self.sock, None
        if sock is None:
            return
        sock.close()
        frog = self.frog_pid()
        if frog is not None:
            for child in _children(frog):
                try:
                    os.kill(child, signal.SIGKILL)
                except (ProcessLookupError, PermissionError):
                    continue


@dataclass
class _Document:
    """The calls one thread made inside `FrogPool.document`, and the worker whose Frog child
    has heard the first ``heard`` of them."""

    calls: list[tuple[str, ...]] = field(default_factory=list)
    worker: _Worker | None = None
    heard: int = 0


class FrogPool:
    """Long-lived Frog server processes, started lazily, restarted when they die.

    `mode` is "tag" (tokens, lemmas, POS) or "parse" (adds multi-word units and dependencies).
    A caller borrows one process for one request, so the pool is thread-safe; `size`
    processes serve that many requests at once. `timeout` bounds one request (seconds),
    `startup_timeout` one process start. `cache_size` answers (0 = no cache) are kept,
    keyed by SHA-256 of mode and text. `disk_cache` (default: the folder named by the
    environment variable KRONIEK_FROG_CACHE, if set) keeps answers on disk across runs, so
    re-coding an archive after a dictionary change does not run Frog again.

    Frog forks a child per connection, and in "parse" mode that child remembers names
    across the requests it serves (a name seen as a multi-word unit once is joined later
    too). So a parse never depends on unrelated texts: outside a `document` each parse call
    gets a fresh child, and inside one the calls share a child of their own, which has heard
    exactly the document's earlier calls (replayed to it when the cache answered them). The
    caches key a call by the document's calls before it. Tag mode learns nothing and keeps
    its connections.
    """

    def __init__(
        self,
        mode: str = "tag",
        size: int = 1,
        timeout: float = 60.0,
        startup_timeout: float = 180.0,
        cache_size: int = 4096,
        executable: str = "frog",
        disk_cache: str | Path | None = None,
    ):
        if mode not in MODES:
            raise FrogError("frog", f"unknown mode {mode!r}", f"use one of {', '.join(MODES)}")
        if size < 1:
            raise FrogError("frog", f"pool size must be at least 1, got {size}")
        self.mode = mode
        self.size = size
        self.timeout = timeout
        self.startup_timeout = startup_timeout
        self.cache_size = cache_size
        self.executable = executable
        self.learns = mode in LEARNING_MODES
        self._local = threading.local()  # the calling thread's open document, if any
        folder = disk_cache if disk_cache is not None else os.environ.get("KRONIEK_FROG_CACHE")
        self.disk_cache = Path(folder) / self.mode if folder else None
        # answer per line -> sentences -> rows, as tuples so no caller can change them
        self._cache: OrderedDict[bytes, tuple[tuple[tuple[tuple[str, ...], ...], ...], ...]] = (
            OrderedDict()
        )
        self._lock = threading.Lock()
        self._counts = dict.fromkeys(
            ("requests", "cache_hits", "cache_misses", "starts", "restarts", "timeouts"), 0
        )
        self._seconds = {"frog": 0.0, "startup": 0.0}
        self._closed = False
        self._argv: list[str] | None = None
        self._workers: list[_Worker] = []
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._launcher = ThreadPoolExecutor(max_workers=1, thread_name_prefix="frog-launcher")
        self._finalizer = weakref.finalize(self, _stop_all, self._workers, self._launcher)

    # -- lifecycle -------------------------------------------------------------------

    def _ensure_workers(self) -> None:
        """Create the worker slots on first use (processes start when borrowed)."""
        with self._lock:
            if self._closed:
                raise FrogError("frog", "the Frog pool is closed")
            if self._argv is not None:
                return
            path = shutil.which(self.executable)
            if path is None:
                raise FrogError(
                    "frog", f"Frog is not installed ({self.executable!r} not found)", INSTALL_FIX
                )
            self._argv = [path, MODES[self.mode]]
            for _ in range(self.size):
                worker = _Worker(self._argv, self.mode)
                self._workers.append(worker)
                self._idle.put(worker)

    def _start(self, worker: _Worker, restart: bool) -> None:
        seconds = worker.start(self._launcher, self.startup_timeout)
        with self._lock:
            self._seconds["startup"] += seconds
            self._counts["starts"] += 1
            self._counts["restarts"] += int(restart)

    def start(self) -> None:
        """Start every process now instead of on first use (e.g. to time startup)."""
        self._ensure_workers()
        borrowed = [self._idle.get() for _ in range(self.size)]
        try:
            for worker in borrowed:
                if not worker.alive():
                    self._start(worker, restart=worker.port != 0)
        finally:
            for worker in borrowed:
                self._idle.put(worker)

    def close(self) -> None:
        """Stop all Frog processes; the pool cannot be used afterwards."""
        with self._lock:
            self._closed = True
        self._finalizer()

    def __enter__(self) -> FrogPool:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def pids(self) -> list[int]:
        """Process ids of the running Frog servers."""
        return [pid for pid in (w.frog_pid() for w in self._workers) if pid is not None]

    def stats(self) -> FrogStats:
        """A snapshot of the pool's counters."""
        with self._lock:
            return FrogStats(
                mode=self.mode,
                frog_seconds=self._seconds["frog"],
                startup_seconds=self._seconds["startup"],
                **self._counts,
            )

    # -- requests --------------------------------------------------------------------

    def _key(self, lines: Sequence[str], before: Sequence[Sequence[str]] = ()) -> bytes:
        """SHA-256 of the mode, the lines and, in a learning mode, the document's earlier
        calls (never hash(): it differs between processes)."""
        key: list = [self.mode, list(lines)]
        if self.learns:
            key.append([list(call) for call in before])
        return hashlib.sha256(json.dumps(key).encode("ascii")).digest()

    def _disk_path(self, key: bytes) -> Path | None:
        """Where the on-disk cache keeps the answer under ``key`` (None without a disk cache)."""
        if self.disk_cache is None:
            return None
        digest = key.hex()
        return self.disk_cache / digest[:2] / f"{digest}.json"

    @contextlib.contextmanager
    def document(self) -> Iterator[None]:
        """Make the calling thread's calls in the block one Frog document: in parse mode they
        share one fresh Frog child, so each answer depends on the document's own earlier
        calls and on nothing else. A document inside a document is the outer one."""
        if not self.learns or getattr(self._local, "document", None) is not None:
            yield
            return
        document = _Document()
        self._local.document = document
        try:
            yield
        finally:
            self._local.document = None
            if document.worker is not None:
                document.worker.disconnect()  # its child has heard this document only
                self._idle.put(document.worker)

    def analyse_raw(self, text: str, timeout: float | None = None) -> Rows:
        """Frog's rows for `text` sent as one request: sentences of column tuples.

        Frog runs lines of one request together; use `analyse_lines` to keep them apart.
        `timeout` overrides the pool's timeout for this call.
        """
        return self.analyse_lines([text], timeout)[0]

    def analyse_lines(self, lines: Sequence[str], timeout: float | None = None) -> list[Rows]:
        """Frog's rows for each line; the lines form one Frog document, one request each.

        No sentence runs across two lines. In parse mode the call continues the thread's
        open `document`, or is a document of its own. `timeout` (default: the pool's)
        bounds each request.
        """
        with self._lock:
            self._counts["requests"] += 1
        if not any(line.strip() for line in lines):
            return [[] for _ in lines]
        document: _Document | None = getattr(self._local, "document", None)
        cached_anywhere = self.cache_size > 0 or self.disk_cache is not None
        key = self._key(lines, document.calls if document else ()) if cached_anywhere else b""
        if self.cache_size > 0:
            with self._lock:
                cached = self._cache.get(key)
                if cached is not None:
                    self._cache.move_to_end(key)
                    self._counts["cache_hits"] += 1
            if cached is not None:
                if document is not None:
                    document.calls.append(tuple(lines))
                return [[list(sentence) for sentence in rows] for rows in cached]
            with self._lock:
                self._counts["cache_misses"] += 1
        stored = self._disk_path(key) if key else None
        if stored is not None and stored.is_file():
            answers = [
                [[tuple(row) for row in sentence] for sentence in rows]
                for rows in json.loads(stored.read_text(encoding="utf-8"))
            ]
        else:
            answers = self._session(lines, self.timeout if timeout is None else timeout, document)
            if stored is not None:
                stored.parent.mkdir(parents=True, exist_ok=True)
                partial = stored.with_suffix(f".{os.getpid()}.{threading.get_ident()}.tmp")
                partial.write_text(json.dumps(answers, ensure_ascii=False), encoding="utf-8")
                partial.replace(stored)  # atomic: a reader never sees half an answer
        if document is not None:
            document.calls.append(tuple(lines))
        if self.cache_size > 0:
            with self._lock:
                self._cache[key] = tuple(tuple(map(tuple, rows)) for rows in answers)
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return answers

    def _session(
        self, lines: Sequence[str], timeout: float, document: _Document | None
    ) -> list[Rows]:
        """Send the lines to a worker: the document's own (borrowed on its first call), else
        one borrowed for this call. A worker whose process died is restarted and the call
        tried once more."""
        self._ensure_workers()
        if document is None:
            worker = self._idle.get()
        elif document.worker is None:
            # in a learning mode an idle worker has no connection: its next child is fresh
            worker = document.worker = self._idle.get()
            document.heard = 0
        else:
            worker = document.worker
        try:
            retries = 1
            while True:
                try:
                    if document is not None:  # what the cache answered, the child must hear
                        for earlier in document.calls[document.heard :]:
                            self._send_all(worker, earlier, timeout)
                            document.heard += 1
                    answers = self._send_all(worker, lines, timeout)
                    if document is not None:
                        document.heard += 1
                    return answers
                except OSError as exc:
                    worker.stop()  # restarted by the retry or by the next caller
                    if document is not None:
                        document.heard = 0
                    if retries == 0:
                        raise FrogError(
                            "frog",
                            f"Frog ({self.mode} mode) failed twice on a text starting "
                            f"{next(line for line in lines if line.strip())[:40]!r}: {exc}",
                        ) from exc
                    retries -= 1
        finally:
            if document is None:
                if self.learns:
                    worker.disconnect()
                self._idle.put(worker)

    def _send_all(self, worker: _Worker, lines: Sequence[str], timeout: float) -> list[Rows]:
        """Send every line as one request on one connection; OSError when Frog went away."""
        if self._closed:
            raise FrogError("frog", "the Frog pool is closed")
        if not worker.alive():
            self._start(worker, restart=worker.port != 0)
        answers: list[Rows] = []
        for line in lines:
            if not line.strip():
                answers.append([])
                continue
            t0 = time.monotonic()
            try:
                data = worker.request(line, t0 + timeout)
            except TimeoutError:
                worker.stop()  # restarted on its next use
                with self._lock:
                    self._counts["timeouts"] += 1
                raise FrogError(
                    "frog",
                    f"Frog ({self.mode} mode) did not answer within {timeout:g} s "
                    f"for a text of {len(line)} characters starting {line[:40]!r}",
                    "Frog was restarted; shorter lines answer sooner (ingest and extract take --max-line-chars)",
                ) from None
            finally:
                with self._lock:
                    self._seconds["frog"] += time.monotonic() - t0
            answers.append(_parse_answer(data))
        return answers
