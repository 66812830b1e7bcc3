"""Read-only store access for the HTTP server: a warm shared cache that yields to the writer.

Design: one DuckDB file, many readers, one writer. DuckDB lets one process write a file or any
number of processes read it, never both at once, and a read-only handle does not see what
another process commits after it opened the file. So:

* every request opens the store read-only for itself and closes it when done;
* between requests the server keeps one read-only *keeper* handle, so those per-request opens
  share one warm DuckDB instance (a cold open of a large store re-reads and decompresses what
  the query needs: 5x slower);
* a writer (``kroniek ingest``, ``serve --watch``) first leaves a write intent file beside the
  store (store/access.py); a watcher thread sees it within ``POLL_SECONDS`` and drops the
  keeper, requests then open the store cold, and the writer takes the lock between them;
  when the intent is gone the next request opens a new keeper, which sees the new data.

A request that finds the store locked waits up to ``LOCK_WAIT_SECONDS``, then is answered 503
with Retry-After and one line saying why.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from kroniek.store import Store
from kroniek.store.access import StoreLocked, intent_path, open_store

LOCK_WAIT_SECONDS = 3.0
RETRY_AFTER_SECONDS = 2
POLL_SECONDS = 0.05


class StoreBusy(Exception):
    """Another process holds the store's write lock for longer than a request waits."""

    def __init__(self, path: Path):
        super().__init__(f"{path} is being written by another process (kroniek ingest); "
                         f"try again in {RETRY_AFTER_SECONDS} s")


class Readers:
    """Per-request read-only stores over ``path`` sharing a keeper handle while nobody writes."""

    def __init__(self, path: Path, wait: float = LOCK_WAIT_SECONDS):
        self.path = Path(path)
        self.wait = wait
        self._intent = intent_path(self.path)
        self._keeper: duckdb.DuckDBPyConnection | None = None
        self._lock = threading.Lock()
        self._watcher: threading.Thread | None = None

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The store opened read-only for one request."""
        self._keep()
        try:
            store = open_store(self.path, read_only=True, wait=self.wait)
        except StoreLocked as err:
            raise StoreBusy(self.path) from err
        try:
            yield store
        finally:
            store.close()

    def _keep(self) -> None:
        """Open the keeper unless a writer has announced itself (or holds the file)."""
        with self._lock:
            if self._watcher is None:
                self._watcher = threading.Thread(target=self._watch, daemon=True,
                                                 name="kroniek-keeper")
                self._watcher.start()
            if self._keeper is not None or self._intent.exists() or not self.path.exists():
                return
            try:
                self._keeper = duckdb.connect(str(self.path), read_only=True)
            except duckdb.Error:
                self._keeper = None  # locked by a writer: this request opens cold and waits

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

