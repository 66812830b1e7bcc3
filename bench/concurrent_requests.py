"""Latency of the HTTP server under a crowd: N requests sent at once, p50/p95/max printed.

    python bench/concurrent_requests.py --db STORE [--requests 200] [--rounds 3] [--src DIR]

Starts `kroniek serve` on a free loopback port in a subprocess (with PYTHONPATH=--src, so
an older checkout's src/ can be measured the same way), waits until it answers, then per
round sends --requests requests at once, cycling through 40 different ones (/api/events
filtered in many ways, /api/stats and the browsing page /), and times each from send to
full answer. Every round, and the single-request pass before them (each of the 40 once,
one after the other), gets a freshly started server, so no answer is served from a
previous round.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
ACTORS = ("RUS", "USA", "ISR", "UKR", "IRN", "PRK", "CHN", "LBN")
#: 40 different requests: every actor through the JSON API (two ways) and the page, and
#: each event type; a round of 200 asks each of them five times
PATHS = [
    *(f"/api/events?actor={a}" for a in ACTORS),
    *(f"/api/events?actor={a}&limit=50&since=2024-01-01" for a in ACTORS),
    *(f"/?actor={a}" for a in ACTORS),
    *(
        f"/api/events?type={t}"
        for t in (
            "CONSULT",
            "AGREE",
            "ASSAULT",
            "ACCUSE",
            "REJECT",
            "SUPPORT",
            "THREATEN",
            "COERCE",
        )
    ),
    "/api/events",
    "/",
    "/api/stats",
    "/api/events?fact=future",
    "/api/events?dyad=RUS,UKR",
    "/api/events?since=2025-01-01",
    "/api/events?until=2024-06-30",
    "/?type=AGREE",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start(db: Path, src: Path, port: int) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(src))
    server = subprocess.Popen(
        [sys.executable, "-m", "kroniek", "serve", "--db", str(db), "--port", str(port)],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return server
        except httpx.HTTPError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("the server did not start within 60 s")


async def _timed(client: httpx.AsyncClient, path: str) -> float:
    t0 = time.perf_counter()
    answer = await client.get(path)
    answer.raise_for_status()
    return time.perf_counter() - t0


async def _crowd(base: str, count: int) -> list[float]:
    limits = httpx.Limits(max_connections=count, max_keepalive_connections=count)
    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=120) as client:
        return await asyncio.gather(*(_timed(client, PATHS[i % len(PATHS)]) for i in range(count)))


def _figures(name: str, seconds: list[float]) -> str:
    ordered = sorted(seconds)
    p95 = ordered[max(0, round(0.95 * len(ordered)) - 1)]
    return (
        f"{name}: n={len(ordered)} p50={statistics.median(ordered) * 1000:.0f} ms "
        f"p95={p95 * 1000:.0f} ms max={ordered[-1] * 1000:.0f} ms"
    )


def main() -> None:
    """Measure and print."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--src", type=Path, default=REPO / "src")
    args = parser.parse_args()
    for number in range(args.rounds + 1):
        port = _free_port()
        server = _start(args.db, args.src, port)
        base = f"http://127.0.0.1:{port}"
        try:
            if number == 0:
                print(_figures("single requests", _one_by_one(base)))
            else:
                print(
                    _figures(
                        f"round {number}, {args.requests} at once",
                        asyncio.run(_crowd(base, args.requests)),
                    )
                )
        finally:
            server.terminate()
            server.wait(timeout=10)


def _one_by_one(base: str) -> list[float]:
    seconds = []
    with httpx.Client(base_url=base, timeout=60) as client:
        for path in PATHS:
            t0 = time.perf_counter()
            client.get(path).raise_for_status()
            seconds.append(time.perf_counter() - t0)
    return seconds


if __name__ == "__main__":
    main()
