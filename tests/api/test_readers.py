"""The server's shared read handle (api/db.Readers) yields the store to a writer without ever
closing a handle under a request that still reads on it.

DuckDB refuses to close a connection while a cursor of it is in a call; the keeper used to be
closed then, the refusal killed the watcher thread, and an ingest waited a minute for a lock
the server never let go. Real DuckDB files, a real writer in another process."""

from __future__ import annotations

import subprocess
import sys
import threading

import duckdb
import pytest
from tests.api.test_serve import _store

from kroniek.api.db import Readers
from kroniek.store import intent_path

WRITER = """
import sys
from kroniek.store import open_store, write_intent
with write_intent(sys.argv[1]):
    open_store(sys.argv[1], wait=20).close()  # the write lock, taken and given back
"""


@pytest.fixture
def db(tmp_path):
    """A small store file."""
    path = tmp_path / "k.duckdb"
    _store(path)
    return path


def _count(store) -> int:
    return store.counts()["events"]


def test_a_request_reading_when_the_keeper_is_released_reads_on_to_the_end(db):
    readers = Readers(db)
    with readers.store() as store:
        assert readers._keeper is not None
        handle = readers._keeper.connection
        readers.release()
        assert _count(store) == 3  # its cursor still reads
        assert handle.execute("SELECT 42").fetchone() == (42,)  # the handle is still open
    with pytest.raises(duckdb.Error):
        handle.execute("SELECT 42")  # closed when its last request ended
    with readers.store() as store:
        assert _count(store) == 3  # the next request opens a new keeper
    assert readers._closing == []


def test_a_writer_gets_the_file_while_a_crowd_keeps_reading(db):
    readers = Readers(db)
    failures: list[BaseException] = []
    done = threading.Event()

    def crowd() -> None:
        while not done.is_set():
            try:
                readers.answer(("count", threading.get_ident(), done.is_set()), _count)
                with readers.store() as store:
                    _count(store)
            except Exception as err:  # a busy store is answered 503, anything else is a fault
                if type(err).__name__ != "StoreBusy":
                    failures.append(err)

    threads = [threading.Thread(target=crowd) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        for _ in range(3):  # each write retires the keeper while requests are in their calls
            writer = subprocess.run(
                [sys.executable, "-c", WRITER, str(db)], capture_output=True, text=True, timeout=60
            )
            assert writer.returncode == 0, writer.stderr
            assert not intent_path(db).exists()
    finally:
        done.set()
        for thread in threads:
            thread.join()
    assert failures == []
    assert readers._watcher is not None and readers._watcher.is_alive()
