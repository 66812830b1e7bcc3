"""Short-lived read-only store connections for the HTTP server.

Design: one DuckDB file, many readers, one writer. DuckDB lets one process write a file or
any number of processes read it, never both at once. The server therefore holds no
connection between requests: each request opens the store read-only, reads, and closes it,
so an ``ingest`` in another process can take the write lock between requests, and every
request sees what was committed before it started (no restart needed). While a writer holds
the lock (``ingest`` keeps it only for the moment it stores a batch), a request waits for
it a short while and otherwise answers 503 with a Retry-After header and one line saying why.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kroniek.store import Store
from kroniek.store.access import StoreLocked, open_store

LOCK_WAIT_SECONDS = 3.0
RETRY_AFTER_SECONDS = 2


class StoreBusy(Exception):
    """Another process holds the store's write lock for longer than a request waits."""

    def __init__(self, path: Path):
        super().__init__(f"{path} is being written by another process (kroniek ingest); "
                         f"try again in {RETRY_AFTER_SECONDS} s")


@contextmanager
def read_store(path: Path, wait: float = LOCK_WAIT_SECONDS) -> Iterator[Store]:
    """The store opened read-only for one request; waits up to ``wait`` s for a writer."""
    try:
        store = open_store(path, read_only=True, wait=wait)
    except StoreLocked as err:
        raise StoreBusy(path) from err
    try:
        yield store
    finally:
        store.close()
