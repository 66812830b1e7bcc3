"""``kroniek serve --watch DIR``: a page posted to the API (or dropped in DIR) shows up live."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

from kroniek.store import Store

REPO = Path(__file__).resolve().parents[2]
PAGE = REPO / "samples" / "pages" / "2025-01-17_rusland-iran-verdrag.txt"


def test_watched_folder_is_ingested_while_serving(tmp_path, frog_ready):
    db, inbox, token = tmp_path / "k.duckdb", tmp_path / "inbox", tmp_path / "token"
    Store(db).close()
    token.write_text("watch-token\n", encoding="utf-8")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kroniek",
            "serve",
            "--db",
            str(db),
            "--port",
            str(port),
            "--watch",
            str(inbox),
            "--token-file",
            str(token),
        ],
        cwd=REPO,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                assert httpx.get(f"{base}/api/v1/stats").json()["events"] == 0
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        posted = httpx.post(
            f"{base}/api/v1/pages",
            params={"name": PAGE.name},
            content=PAGE.read_bytes(),
            headers={"Authorization": "Bearer watch-token"},
        )
        assert posted.status_code == 202
        deadline = time.monotonic() + 600
        while httpx.get(f"{base}/api/v1/stats").json()["events"] == 0:
            assert time.monotonic() < deadline, "the posted page was not ingested"
            assert server.poll() is None, server.stderr.read()
            time.sleep(0.5)
        pair = httpx.get(f"{base}/api/v1/events", params={"pair": "RUS,IRN"}).json()
        assert pair["total"] > 0
        assert PAGE.stem in httpx.get(f"{base}/search", params={"q": "Iran"}).text
    finally:
        server.terminate()
        server.wait(timeout=30)
