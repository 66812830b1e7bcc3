"""Opening a store that another process may hold: wait for DuckDB's file lock, then say why.

DuckDB lets one process write a file, or any number of processes read it, never both at
once. The writer (``ingest``) keeps the file open only while it stores a batch, and before
it asks for the lock it leaves a *write intent* file beside the store (``<store>.writing``):
a server that keeps the store open between requests (for a warm cache) lets go when it
sees one. Whoever finds the file locked waits a moment and tries again.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
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
                holder = re.search(r"\(PID \d+\)", err.problem)
                who = f"another process {holder.group(0)}" if holder else "another process"
                raise StoreLocked(
                    str(path),
                    f"cannot {doing} the store: {who} has held its lock for {wait:g} s",
                    "wait for the running ingest to finish, or stop the process holding the file",
                ) from err
            time.sleep(pause)
            pause = min(pause * 2, 0.25)


def intent_path(path: str | Path) -> Path:
    """The write intent file of the store at ``path``."""
    path = Path(path)
    return path.with_name(path.name + ".writing")


@contextmanager
def write_intent(path: str | Path) -> Iterator[None]:
    """Announce a write to readers that keep the store open, for the length of the block."""
    flag = intent_path(path)
    flag.write_text(str(os.getpid()), encoding="utf-8")
    try:
        yield
    finally:
        flag.unlink(missing_ok=True)
