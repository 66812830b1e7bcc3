"""Plain Frog and kroniek over the same pages, one after the other, and the ratio of their times.

    python bench/vs_frog.py [PATH ...] [--workers W]

PATH: pages as kroniek reads them (default: samples/pages, samples/html, samples/records and
../shared/corpus/real-dev/pages). Plain Frog is `frog -S` with every module, W processes
(W = kroniek's workers), each taking the next page and sending its article texts paragraph by
paragraph (the text kroniek analyses, so both read the same words). kroniek is the full
pipeline with its store, as `bench/throughput.py` runs it. Process startup is left out of both
times. Set KRONIEK_FROG_CACHE= so that no answer comes from disk.
"""

from __future__ import annotations

import argparse
import os
import queue
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from datetime import datetime
from pathlib import Path

from throughput import frog_peak_kib

from kroniek.dedup import VersionPlanner
from kroniek.errors import ReadError
from kroniek.pipeline import Resources, run, store_result
from kroniek.read import read_paths
from kroniek.segment import segment
from kroniek.store import Store
from kroniek.time import date_articles

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUTS = [
    REPO / "samples" / "pages",
    REPO / "samples" / "html",
    REPO / "samples" / "records",
    REPO.parent / "shared" / "corpus" / "real-dev" / "pages",
]
CAPTURED = datetime.fromisoformat("2026-01-29T10:00:00+00:00")


class PlainFrog:
    """One `frog -S` process with all modules, and a connection to it."""

    def __init__(self):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.workdir = tempfile.mkdtemp(prefix="vs-frog-")
        env = dict(os.environ, OMP_WAIT_POLICY="PASSIVE")  # as kroniek's pool runs Frog
        self.proc = subprocess.Popen(
            ["frog", "-S", str(self.port)],
            cwd=self.workdir,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 300
        while True:
            try:
                self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=600)
                break
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    sys.exit("vs_frog: plain Frog did not start")
                time.sleep(0.2)

    def analyse(self, paragraph: str) -> int:
        """Send one paragraph; the number of tokens in Frog's answer."""
        self.sock.sendall((paragraph + "\nEOT\n").encode())
        data = b"\n"
        while b"\nREADY\n" not in data[-16:]:
            chunk = self.sock.recv(1 << 16)
            if not chunk:
                raise ConnectionError("plain Frog closed the connection")
            data += chunk
        return sum(1 for line in data.decode().splitlines() if "\t" in line)

    def close(self) -> None:
        """Stop the process and the child it forked for the connection (one process group)."""
        self.sock.close()
        os.killpg(self.proc.pid, signal.SIGKILL)
        self.proc.wait()


def paragraphs(pages) -> list[list[str]]:
    """Per page: the non-empty lines of its articles' headlines and texts."""
    out = []
    for page in pages:
        lines = []
        for article in date_articles(segment(page), page.fetched_at):
            for text in (article.headline or "", article.text):
                lines += [line for line in text.splitlines() if line.strip()]
        out.append(lines)
    return out


def plain_frog(work: list[list[str]], workers: int) -> tuple[float, int, int]:
    """Seconds, tokens and peak RSS (KiB) of `workers` plain Frog processes over the pages."""
    frogs = [PlainFrog() for _ in range(workers)]
    todo: queue.Queue[list[str]] = queue.Queue()
    for lines in work:
        todo.put(lines)
    tokens = [0] * workers

    def serve(i: int) -> None:
        while True:
            try:
                lines = todo.get_nowait()
            except queue.Empty:
                return
            tokens[i] += sum(frogs[i].analyse(line) for line in lines)

    started = time.perf_counter()
    threads = [threading.Thread(target=serve, args=(i,)) for i in range(workers)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    rss = frog_peak_kib([f.proc.pid for f in frogs])
    for frog in frogs:
        frog.close()
    return elapsed, sum(tokens), rss


def kroniek(inputs: list[Path], workers: int | None) -> tuple[float, int, int]:
    """Seconds, pages done and the Frog servers' peak RSS (KiB) of kroniek over the pages."""
    with Resources.load(workers=workers) as res, tempfile.TemporaryDirectory() as folder:
        res.tagger.start()
        res.parser.start()
        done = rss = 0
        started = time.perf_counter()
        planner = VersionPlanner()  # one index of the store for the whole run
        with Store(Path(folder) / "vs.duckdb") as store:
            for outcome in run(inputs, res, fetched_at=CAPTURED):
                if isinstance(outcome, ReadError) or outcome.error:
                    continue
                store_result(store, outcome, planner, res.rules_sha256)
                rss = max(rss, frog_peak_kib(res.tagger.pids() + res.parser.pids()))
                done += 1
        return time.perf_counter() - started, done, rss


def main() -> None:
    """Run both and print the figures and the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path)
    parser.add_argument("--workers", type=int, default=None)
    args = parser.parse_args()
    inputs = [p for p in (args.paths or DEFAULT_INPUTS) if p.exists()]
    pages = [p for p in read_paths(inputs, fetched_at=CAPTURED) if not isinstance(p, ReadError)]
    workers = args.workers or min(2, os.cpu_count() or 1)

    frog_s, tokens, frog_rss = plain_frog(paragraphs(pages), workers)
    ours_s, done, ours_rss = kroniek(inputs, workers)
    print(
        f"pages            {len(pages)} from {', '.join(map(str, inputs))} ({tokens} Frog tokens)"
    )
    print(
        f"plain Frog       {frog_s:.2f} s, {len(pages) / frog_s:.2f} pages/s "
        f"({workers} processes, all modules; peak RSS {frog_rss / 1024:.0f} MiB)"
    )
    print(
        f"kroniek          {ours_s:.2f} s, {done / ours_s:.2f} pages/s "
        f"({workers} workers; Frog peak RSS {ours_rss / 1024:.0f} MiB)"
    )
    print(f"ratio            {frog_s / ours_s:.2f}x plain Frog")


if __name__ == "__main__":
    main()
