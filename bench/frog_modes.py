"""Frog server mode, "tag" vs "parse": startup seconds, words/s and peak RSS.

    python bench/frog_modes.py [PATH ...] [--modes tag,parse] [--size 1] [--repeat 1]
                               [--connections document|fresh]

PATH is a text file or a directory of *.txt files (default: ../shared/seeds). Every
non-empty line goes through `kroniek.nlp.analyse` with the cache off, so each figure is
real Frog work plus offset alignment. One mode runs at a time; its processes are stopped
before the next mode starts. "words" are Frog tokens, punctuation included. Memory:
peak RSS of the Frog servers, of the child Frog forks for each connection, and the
proportional set size of both (shared copy-on-write pages counted once).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from kroniek.errors import KroniekError
from kroniek.nlp import FrogPool, analyse

REPO = Path(__file__).resolve().parents[1]
DEFAULT_INPUT = REPO.parent / "shared" / "seeds"


def read_texts(paths: list[Path]) -> list[str]:
    """The texts of the given files and of the *.txt files in the given directories."""
    files: list[Path] = []
    for path in paths:
        files.extend(sorted(path.glob("*.txt")) if path.is_dir() else [path])
    texts = []
    for file in files:
        try:
            texts.append(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError) as exc:
            print(f"skipping {file}: {exc}", file=sys.stderr)
    return texts


def _status_kib(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    """Child processes of `pid` (Frog forks one per connection)."""
    found: list[int] = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found.extend(int(c) for c in (task / "children").read_text().split())
        except OSError:
            continue
    return found


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def memory_mib(pids: list[int]) -> tuple[float, float, float]:
    """Peak RSS of the servers, peak RSS of their per-connection children, and the
    proportional set size (shared pages counted once) of both together, in MiB."""
    children = [c for pid in pids for c in _children(pid)]
    server = sum(_status_kib(pid, "VmHWM") for pid in pids)
    child = sum(_status_kib(c, "VmHWM") for c in children)
    pss = sum(_pss_kib(p) for p in [*pids, *children])
    return server / 1024, child / 1024, pss / 1024


def measure(
    mode: str, texts: list[str], size: int, repeat: int, document: bool
) -> dict[str, float]:
    """Start a pool in `mode`, analyse all texts `repeat` times, return the figures. With
    `document`, each of the `size` threads sends its share of the texts as one Frog document
    (one child per thread); else every parse-mode text gets a fresh child."""

    def share(texts: list[str]) -> list[list]:
        with pool.document() if document else contextlib.nullcontext():
            return [analyse(pool, "text", text) for text in texts]

    with FrogPool(mode, size=size, cache_size=0, timeout=600) as pool:
        t0 = time.monotonic()
        pool.start()
        startup = time.monotonic() - t0
        words = sentences = 0
        t1 = time.monotonic()
        with ThreadPoolExecutor(max_workers=size) as executor:
            for _ in range(repeat):
                shares = [texts[i::size] for i in range(size)]
                for results in executor.map(share, shares):
                    for result in results:
                        sentences += len(result)
                        words += sum(len(s.tokens) for s in result)
        wall = time.monotonic() - t1
        stats = pool.stats()
        server_mib, child_mib, pss_mib = memory_mib(pool.pids())
        return {
            "startup_s": startup,
            "wall_s": wall,
            "sentences": sentences,
            "words": words,
            "words_per_s": words / wall if wall else 0.0,
            "frog_share": stats.frog_seconds / (wall * size) if wall else 0.0,
            "server_mib": server_mib,
            "child_mib": child_mib,
            "pss_mib": pss_mib,
        }


def main(argv: list[str] | None = None) -> int:
    """Parse arguments, run each mode, print one line per mode."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=[DEFAULT_INPUT])
    parser.add_argument("--modes", default="tag,parse")
    parser.add_argument("--size", type=int, default=1, help="Frog processes per pool (<= 2)")
    parser.add_argument("--repeat", type=int, default=1, help="passes over the texts")
    parser.add_argument(
        "--connections",
        choices=["document", "fresh"],
        default="document",
        help="each thread's texts as one Frog document on one connection, or (parse mode, as "
        "outside a document) a fresh Frog child per text",
    )
    args = parser.parse_args(argv)
    texts = read_texts(args.paths)
    if not texts:
        print(f"no texts found in {', '.join(map(str, args.paths))}", file=sys.stderr)
        return 2
    chars = sum(len(t) for t in texts)
    print(
        f"{len(texts)} texts, {chars} characters, pool size {args.size}, "
        f"repeat {args.repeat}, connections {args.connections}, "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    print(
        f"{'mode':6} {'startup s':>9} {'wall s':>8} {'sentences':>9} {'words':>7} "
        f"{'words/s':>8} {'in Frog':>7} {'RSS MiB':>7} {'child':>6} {'PSS':>6}"
    )
    for mode in args.modes.split(","):
        try:
            r = measure(mode, texts, args.size, args.repeat, args.connections == "document")
        except KroniekError as exc:
            print(exc, file=sys.stderr)
            return 1
        print(
            f"{mode:6} {r['startup_s']:9.1f} {r['wall_s']:8.1f} {r['sentences']:9d} "
            f"{r['words']:7d} {r['words_per_s']:8.0f} {r['frog_share']:7.0%} "
            f"{r['server_mib']:7.0f} {r['child_mib']:6.0f} {r['pss_mib']:6.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
