"""The single writer: stores page results in short sessions, so readers get the file between them.

``ingest`` analyses pages for seconds each, but storing a batch takes milliseconds. The
writer buffers finished pages and opens the store for writing only to store a batch (every
``flush_seconds``, or ``flush_pages`` pages), under a write intent (store/access.py) that
makes ``serve`` let go of the file; between sessions ``serve`` and other readers open the file
read-only. Which articles of a batch are new, repeats or versions is the ``planner``'s
decision (the pipeline's dedup step), asked inside each session; the writer stores its plan.
Linking the new events into stories is the pipeline's step after the last batch.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from pathlib import Path
from typing import Protocol

from kroniek.records import PageResult, StorePlan
from kroniek.store.access import open_store, write_intent
from kroniek.store.store import Store


class Planner(Protocol):
    """Decides what a batch adds to a store (kroniek.dedup.VersionPlanner)."""

    def plan(self, results: Sequence[PageResult], stored: Store) -> StorePlan:
        """The plan for storing ``results`` into ``stored``."""
        ...

    def forget(self) -> None:
        """Forget what the last plan assumed would be stored (it was not)."""
        ...


class BatchWriter:
    """Buffered, lock-sparing writes of page results into the store at ``path``."""

    def __init__(
        self,
        path: str | Path,
        planner: Planner,
        rules_sha256: str = "",
        flush_seconds: float = 2.0,
        flush_pages: int = 50,
        wait: float = 60.0,
    ):
        self.path = Path(path)
        self.planner = planner
        self.rules_sha256 = rules_sha256
        self.flush_seconds = flush_seconds
        self.flush_pages = flush_pages
        self.wait = wait
        self.totals = {"pages": 0, "articles": 0, "duplicates": 0, "near": 0, "events": 0}
        self._pending: list[PageResult] = []
        self._failures: list[tuple[str, str]] = []
        self._last_flush = time.monotonic()
        with write_intent(self.path), open_store(self.path, wait=wait) as store:  # create, upgrade
            self.stored = {row[0] for row in store.rows("SELECT content_hash FROM pages")}

    def add(self, result: PageResult) -> None:
        """Queue one page result; store the queue when it is due."""
        self._pending.append(result)
        self._flush_when_due()

    def record_failure(self, source: str, reason: str) -> None:
        """Queue a failure record; stored with the next batch."""
        self._failures.append((source, reason))
        self._flush_when_due()

    def _flush_when_due(self) -> None:
        due = time.monotonic() - self._last_flush >= self.flush_seconds
        if due or len(self._pending) >= self.flush_pages:
            self.flush()

    def flush(self) -> None:
        """Store everything queued in one short write session."""
        self._last_flush = time.monotonic()
        if not self._pending and not self._failures:
            return
        with write_intent(self.path), open_store(self.path, wait=self.wait) as store:
            for source, reason in self._failures:
                store.record_failure(source, reason)
            plan = self.planner.plan(self._pending, store)
            try:  # one transaction, one insert per table
                outcomes = store.add_many(self._pending, plan, rules_sha256=self.rules_sha256)
            except BaseException:
                self.planner.forget()
                raise
            for result, added in zip(self._pending, outcomes, strict=True):
                self.totals["pages"] += int(added.new_page)
                self.totals["articles"] += added.new_articles
                self.totals["duplicates"] += added.duplicate_articles
                self.totals["near"] += added.near_duplicates
                self.totals["events"] += added.new_events
                if result.content_hash:
                    self.stored.add(result.content_hash)
        self._pending.clear()
        self._failures.clear()

    def close(self) -> None:
        """Store what is still queued."""
        self.flush()

    def __enter__(self) -> BatchWriter:
        return self

    def __exit__(self, *exc) -> None:
        self.close()
