"""Latency of the main /api/v1 endpoints and peak memory of ``kroniek serve`` on a store.

    python bench/api_latency.py STORE.duckdb [--runs 40]

Starts ``kroniek serve`` on a free loopback port, sends each request ``--runs`` times one
after the other (after two warm-up calls), and prints p50 and p95 per request in
milliseconds, the server's mean CPU time per request (its user + system time over the runs:
the work, whatever else the machine is doing), then the server's peak resident memory
(VmHWM). Make a large store with bench/synthetic_store.py.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

REQUESTS = (
    ("events, first page", "/api/v1/events", {}),
    ("events by actor", "/api/v1/events", {"actor": "UKR"}),
    ("events by dyad + type", "/api/v1/events", {"dyad": "RUS,UKR", "type": "ASSAULT"}),
    (
        "events by pair + dates",
        "/api/v1/events",
        {"pair": "USA,CHN", "since": "2023-01-01", "until": "2023-12-31"},
    ),
    ("events by fact + quad", "/api/v1/events", {"fact": "alleged", "quad_class": "4"}),
    ("events text search", "/api/v1/events", {"q": "zin 4242"}),
    ("events second page", "/api/v1/events", {"actor": "UKR", "cursor": None}),
    ("dyad series, day", "/api/v1/dyads/RUS/UKR/series", {"interval": "day"}),
    ("dyad series, month", "/api/v1/dyads/USA/CHN/series", {"interval": "month"}),
    ("map edges", "/api/v1/dyads", {"limit": 60}),
    ("actors", "/api/v1/actors", {}),
    ("one actor", "/api/v1/actors/RUS", {}),
    ("one event", "/api/v1/events/{event}", {}),
    ("one document", "/api/v1/documents/{article}", {}),
    ("stats", "/api/v1/stats", {}),
)


def peak_kib(pid: int) -> int:
    """VmHWM of a process in KiB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def percentile(values: list[float], share: float) -> float:
    """The value below which ``share`` of ``values`` lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> None:
    """Serve the store and time the requests."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "kroniek", "serve", "--db", str(args.db), "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=120) as client:
            for _ in range(200):
                try:
                    client.get("/api/v1/stats")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            first = client.get("/api/v1/events", params={"actor": "UKR", "limit": 50}).json()
            ids = {
                "event": first["events"][0]["event_id"],
                "article": first["events"][0]["article_id"],
            }
            print(
                f"store: {args.db} ({client.get('/api/v1/stats').json()['events']} events), "
                f"{args.runs} runs per request\n"
            )
            print(f"{'request':28} {'p50 ms':>8} {'p95 ms':>8} {'cpu ms':>8}  rows")
            for name, path, params in REQUESTS:
                params = dict(params)
                if "cursor" in params:
                    params["cursor"] = first["next_cursor"]
                url = path.format(**ids)
                times = []
                for run in range(args.runs + 2):
                    if run == 2:
                        cpu_before = cpu_seconds(server.pid)
                    started = time.perf_counter()
                    answer = client.get(url, params=params)
                    elapsed = (time.perf_counter() - started) * 1000
                    answer.raise_for_status()
                    if run >= 2:
                        times.append(elapsed)
                cpu = (cpu_seconds(server.pid) - cpu_before) * 1000 / args.runs
                body = answer.json()
                size = (
                    body.get("total")
                    if isinstance(body, dict) and "total" in body
                    else len(body)
                    if isinstance(body, list)
                    else len(body.get("periods", []))
                    if isinstance(body, dict)
                    else ""
                )
                print(
                    f"{name:28} {statistics.median(times):8.1f} {percentile(times, 0.95):8.1f}"
                    f" {cpu:8.1f}  {size}"
                )
        print(f"\npeak server memory (VmHWM): {peak_kib(server.pid) / 1024:.0f} MiB")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
