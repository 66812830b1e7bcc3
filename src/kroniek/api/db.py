"""Read-only store access for the HTTP server: a warm shared cache that yields to the writer.

Design: one DuckDB file, many readers, one writer. DuckDB lets one process write a file or any
number of processes read it, never both at once, and a read-only handle does not see what
another process commits after it opened the file. So:

* between requests the server keeps one read-only *keeper* handle; every request reads on a
  cursor of it of its own (a warm, shared DuckDB instance: a cold open of a large store re-reads
  and decompresses what the query needs, 5x slower), so requests read side by side;
* a writer (``kroniek ingest``, ``serve --watch``) first leaves a write intent file beside the
  store (store/access.py); a watcher thread sees it within ``POLL_SECONDS`` and drops the
  keeper, requests then open the store read-only for themselves (cold) and the writer takes the
  lock between them;
  when the intent is gone the next request opens a new keeper, which sees the new data.

A request that finds the store locked waits up to ``LOCK_WAIT_SECONDS``, then is answered 503
with Retry-After and one line saying why.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar, cast

import duckdb

from kroniek.store import Store, StoreLocked, intent_path, open_store

T = TypeVar("T")

LOCK_WAIT_SECONDS = 3.0
RETRY_AFTER_SECONDS = 2
POLL_SECONDS = 0.05
KEPT_ANSWERS = 512  # answers kept per keeper
KEPT_ROWS = 2000  # larger answers are computed anew each time rather than held in memory


class StoreBusy(Exception):
    """Another process holds the store's write lock for longer than a request waits."""

    def __init__(self, path: Path):
        super().__init__(
            f"{path} is being written by another process (kroniek ingest); "
            f"try again in {RETRY_AFTER_SECONDS} s"
        )


class Readers:
    """Per-request read-only stores over ``path`` sharing a keeper handle while nobody writes."""

    def __init__(self, path: Path, wait: float = LOCK_WAIT_SECONDS):
        self.path = Path(path)
        self.wait = wait
        self._intent = intent_path(self.path)
        self._keeper: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.Lock()
        self._watcher: threading.Thread | None = None
        self._generation = 0  # counts keepers opened: an answer holds for its keeper's snapshot
        self._answers: OrderedDict[tuple, object] = OrderedDict()
        self._pending: dict[tuple, Future] = {}

    def answer(self, key: tuple, compute: Callable[[Store], T]) -> T:
        """``compute(store)`` for one request, shared: while the same keeper is open the store
        cannot change, so a query asked again (or by many requests at once) is computed once."""
        with self._lock:
            kept = self._keeper is not None
            full = (self._generation, *key)
            if kept and full in self._answers:
                self._answers.move_to_end(full)
                return cast(T, self._answers[full])  # the answer compute gave for this key
            waiting = self._pending.get(full) if kept else None
            mine: Future = Future()
            if kept and waiting is None:
                self._pending[full] = mine
        if waiting is not None:
            return cast(T, waiting.result())
        try:
            with self.store() as store:
                value = compute(store)
        except BaseException as err:
            if kept:
                mine.set_exception(err)
                with self._lock:
                    self._pending.pop(full, None)
            raise
        if kept:
            mine.set_result(value)
            with self._lock:
                self._pending.pop(full, None)
                if full[0] == self._generation and not (
                    isinstance(value, list) and len(value) > KEPT_ROWS
                ):
                    self._answers[full] = value
                    while len(self._answers) > KEPT_ANSWERS:
                        self._answers.popitem(last=False)
        return value

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The store opened read-only for one request: a cursor of the keeper while there is
        one (cheap, and requests read side by side), else a cold read-only open."""
        cursor = self._keep()
        if cursor is not None:
            store = Store.over(self.path, cursor)
        else:
            try:
                store = open_store(self.path, read_only=True, wait=self.wait)
            except StoreLocked as err:
                raise StoreBusy(self.path) from err
        try:
            yield store
        finally:
            store.close()

    def _keep(self) -> duckdb.DuckDBPyConnection | None:
        """Open the keeper unless a writer has announced itself (or holds the file); a cursor
        of it for one request, or None when there is no keeper."""
        with self._lock:
            if self._watcher is None:
                self._watcher = threading.Thread(
                    target=self._watch, daemon=True, name="kroniek-keeper"
                )
                self._watcher.start()
            for _ in range(2):  # a keeper DuckDB has closed under us is replaced once
                if self._keeper is None and not self._intent.exists() and self.path.exists():
                    try:
                        self._keeper = duckdb.connect(str(self.path), read_only=True)
                        self._generation += 1
                        self._answers.clear()
                    except duckdb.Error:
                        self._keeper = None  # locked by a writer: this request opens cold and waits
                if self._keeper is None:
                    return None
                try:
                    return self._keeper.cursor()
                except duckdb.Error:
                    self._keeper = None
            return None

    def _watch(self) -> None:
        """Drop the keeper as soon as a write intent appears (runs for the process's life)."""
        while True:
            time.sleep(POLL_SECONDS)
            if self._keeper is not None and self._intent.exists():
                self.release()

    def release(self) -> None:
        """Close the keeper handle (requests under way keep theirs until they finish)."""
        with self._lock:
            if self._keeper is not None:
                self._keeper.close()
                self._keeper = None
