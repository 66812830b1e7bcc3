"""Screenshots of the main views for the README, taken in headless Chromium.

Usage: python tools/screenshots.py [--db kroniek.duckdb] [--out docs/screenshots]
Serves the store on a free loopback port, opens each view at 1280 px (and the map at 390 px)
and writes one PNG per view.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "src")]

from tests.api.live import live_server  # noqa: E402

CHROMIUM_FLAGS = ["--no-sandbox", "--disable-gpu", "--no-first-run"]


def views(base: str, article: str) -> list[tuple[str, str, int]]:
    """(file name, URL, viewport width) of every view shot."""
    return [
        ("map.png", f"{base}/map", 1280),
        ("dyad.png", f"{base}/dyad/RUS/UKR", 1280),
        ("actor.png", f"{base}/actor/RUS", 1280),
        ("document.png", f"{base}/document/{article}", 1280),
        ("stories.png", f"{base}/stories", 1280),
        ("claims.png", f"{base}/claims?unit=doden", 1280),
        ("search.png", f"{base}/search?q=akkoord", 1280),
        ("map-390.png", f"{base}/map", 390),
    ]


def main() -> None:
    """Take the screenshots."""
    import httpx
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", default="kroniek.duckdb")
    parser.add_argument("--out", default=str(REPO / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with live_server(Path(args.db)) as base, sync_playwright() as play:
        article = httpx.get(f"{base}/api/v1/events", params={"pair": "RUS,UKR", "limit": 1}).json()[
            "events"
        ][0]["article_id"]
        browser = play.chromium.launch(
            executable_path=shutil.which("chromium"), args=CHROMIUM_FLAGS
        )
        for name, url, width in views(base, article):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(url)
            if page.locator("svg[data-source]").count():
                page.wait_for_selector("svg[data-ready=true]")
            page.screenshot(path=str(out / name), full_page=False)
            page.close()
            print(out / name)
        browser.close()


if __name__ == "__main__":
    main()
