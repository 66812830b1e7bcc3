"""Opening a store that another process may hold: wait for DuckDB's file lock, then say why.

DuckDB lets one process write a file, or any number of processes read it, never both at
once. Readers (``serve``'s requests, ``events``, ``export``) and the writer (``ingest``) keep
the file open only briefly, so whoever finds it locked waits a moment and tries again.
"""

from __future__ import annotations

import time
from pathlib import Path

from kroniek.errors import KroniekError
from kroniek.store.store import Store


class StoreLocked(KroniekError):
    """Another process held the store's lock for longer than the caller would wait."""


def is_lock_conflict(err: BaseException) -> bool:
    """True when opening a DuckDB file failed because another process holds its lock."""
    return "lock" in f"{err} {err.__cause__ or ''}".lower()


def open_store(path: str | Path, read_only: bool = False, wait: float = 30.0) -> Store:
    """The store at ``path``, waiting up to ``wait`` seconds while another process locks it."""
    deadline = time.monotonic() + wait
    pause = 0.02
    while True:
        try:
            return Store(path, read_only=read_only)
        except KroniekError as err:
            if not is_lock_conflict(err):
                raise
            if time.monotonic() >= deadline:
                doing = "read" if read_only else "write"
                raise StoreLocked(
                    str(path), f"cannot {doing} the store: another process has held its lock "
                    f"for {wait:g} s", "wait for the running ingest to finish, or stop the "
                    "process holding the file") from err
            time.sleep(pause)
            pause = min(pause * 2, 0.25)
