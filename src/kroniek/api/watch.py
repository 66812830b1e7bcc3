"""``kroniek serve --watch DIR``: ingest the pages dropped into a folder while serving.

A background thread looks at the folder every ``interval`` seconds; when a file appeared or
changed it runs ``kroniek ingest DIR`` in a child process (pages stored before are skipped by
their content hash). The child is the store's one writer; it takes the write lock only for
the moment it stores a batch, so the server keeps answering and shows the new events.
"""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

PAGE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl")


def snapshot(folder: Path) -> frozenset[tuple[str, int, int]]:
    """(name, size, mtime) of every page file in ``folder`` (dot files are being written)."""
    found = set()
    for path in folder.iterdir():
        if path.name.startswith(".") or path.suffix.lower() not in PAGE_SUFFIXES:
            continue
        try:
            info = path.stat()
        except FileNotFoundError:
            continue
        found.add((path.name, info.st_size, info.st_mtime_ns))
    return frozenset(found)


class FolderWatcher:
    """Runs ``kroniek ingest`` on ``folder`` into ``db`` whenever the folder's pages change."""

    def __init__(self, folder: Path, db: Path, interval: float = 1.0):
        self.folder = Path(folder)
        self.db = Path(db)
        self.interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="kroniek-watch", daemon=True)
        self.runs = 0

    def start(self) -> None:
        """Start watching (the folder is created when missing)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop watching after the current ingest, if any."""
        self._stop.set()
        self._thread.join(timeout=60)

    def _loop(self) -> None:
        seen: frozenset = frozenset()
        while not self._stop.is_set():
            now = snapshot(self.folder)
            if now and now != seen:
                self.ingest()
                seen = now
            self._stop.wait(self.interval)

    def ingest(self) -> int:
        """Ingest the folder once; returns the exit code of ``kroniek ingest``."""
        self.runs += 1
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "kroniek",
                "ingest",
                str(self.folder),
                "--db",
                str(self.db),
                "--no-progress",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        for line in (done.stderr or "").splitlines()[-3:]:
            print(f"kroniek watch: {line}", file=sys.stderr, flush=True)
        return done.returncode
