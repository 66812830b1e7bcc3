"""Read-only store access for the HTTP server: a warm shared cache that yields to the writer.

Design: one DuckDB file, many readers, one writer. DuckDB lets one process write a file or any
number of processes read it, never both at once, and a read-only handle does not see what
another process commits after it opened the file. So:

* between requests the server keeps one read-only *keeper* handle; every request reads on a
  cursor of it of its own (a warm, shared DuckDB instance: a cold open of a large store re-reads
  and decompresses what the query needs, 5x slower), so requests read side by side;
* a writer (``kroniek ingest``, ``serve --watch``) first leaves a write intent file beside the
  store (store/access.py); a watcher thread sees it within ``POLL_SECONDS`` and drops the
  keeper once the requests reading on it are done, and new requests wait while the intent
  stands (a batch is stored in milliseconds), so a crowd of readers never starves the writer;
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


class _Keeper:
    """One read-only handle on the store and the number of requests reading on cursors of it."""

    def __init__(self, connection: duckdb.DuckDBPyConnection):
        self.connection = connection
        self.readers = 0
        self.retired = False  # no new cursors; closed when the last reader is done


class Readers:
    """Per-request read-only stores over ``path`` sharing a keeper handle while nobody writes."""

    def __init__(self, path: Path, wait: float = LOCK_WAIT_SECONDS):
        self.path = Path(path)
        self.wait = wait
        self._intent = intent_path(self.path)
        self._keeper: _Keeper | None = None
        self._closing: list[_Keeper] = []  # retired keepers DuckDB would not close yet
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
        one (cheap, and requests read side by side), else a cold read-only open once no writer
        has announced itself."""
        kept = self._keep()
        if kept is not None:
            keeper, cursor = kept
            store = Store.over(self.path, cursor)
        else:
            keeper = None
            deadline = time.monotonic() + self.wait
            while self._intent.exists() and time.monotonic() < deadline:
                time.sleep(POLL_SECONDS)  # the writer goes first: its batch takes milliseconds
            try:
                store = open_store(
                    self.path, read_only=True, wait=max(deadline - time.monotonic(), 0.0)
                )
            except StoreLocked as err:
                raise StoreBusy(self.path) from err
        try:
            yield store
        finally:
            store.close()
            if keeper is not None:
                with self._lock:
                    keeper.readers -= 1
                    if keeper.retired and keeper.readers == 0:
                        self._close(keeper)

    def _keep(self) -> tuple[_Keeper, duckdb.DuckDBPyConnection] | None:
        """Open the keeper unless a writer has announced itself (or holds the file); the keeper
        and a cursor of it for one request, or None when there is no keeper."""
        with self._lock:
            if self._watcher is None:
                self._watcher = threading.Thread(
                    target=self._watch, daemon=True, name="kroniek-keeper"
                )
                self._watcher.start()
            for _ in range(2):  # a keeper DuckDB has closed under us is replaced once
                if self._keeper is None and not self._intent.exists() and self.path.exists():
                    try:
                        connection = duckdb.connect(str(self.path), read_only=True)
                    except duckdb.Error:
                        return None  # locked by a writer: this request opens cold and waits
                    self._keeper = _Keeper(connection)
                    self._generation += 1
                    self._answers.clear()
                if self._keeper is None:
                    return None
                try:
                    cursor = self._keeper.connection.cursor()
                except duckdb.Error:
                    self._retire()
                    continue
                self._keeper.readers += 1
                return self._keeper, cursor
            return None

    def _watch(self) -> None:
        """Drop the keeper as soon as a write intent appears (runs for the process's life)."""
        while True:
            time.sleep(POLL_SECONDS)
            if self._intent.exists() and self._keeper is not None:
                self.release()
            if self._closing:
                with self._lock:
                    for keeper in list(self._closing):
                        self._close(keeper)

    def release(self) -> None:
        """Retire the keeper: requests under way read on to the end, then its handle closes and
        a writer can take the file."""
        with self._lock:
            self._retire()

    def _retire(self) -> None:
        """Take the keeper out of use (caller holds the lock); close it if nobody reads on it."""
        keeper, self._keeper = self._keeper, None
        if keeper is not None:
            keeper.retired = True
            if keeper.readers == 0:
                self._close(keeper)

    def _close(self, keeper: _Keeper) -> None:
        """Close a retired keeper's handle (caller holds the lock). DuckDB refuses while a
        cursor of it is still in a call; the watcher then tries again on its next round."""
        try:
            keeper.connection.close()
        except duckdb.Error:
            if keeper not in self._closing:
                self._closing.append(keeper)
            return
        if keeper in self._closing:
            self._closing.remove(keeper)
