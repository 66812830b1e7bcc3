"""Segmented seed pages through the store: a later capture of a page adds sightings only."""

from __future__ import annotations

import hashlib
import re

import pytest

from kroniek.pipeline import store_result
from kroniek.records import AnalysedArticle, Page, PageResult
from kroniek.segment import segment
from kroniek.store import Store


def result_for(doc: str, text: str, source: str) -> PageResult:
    page = Page(
        doc=doc, source=source, text=text, html=None, fetched_at=None, fetched_at_from="none"
    )
    articles = tuple(AnalysedArticle(a) for a in segment(page))
    return PageResult(
        page, "nl", articles=articles, content_hash=hashlib.sha256(text.encode()).hexdigest()
    )


def later_capture(text: str) -> str:
    """The same page an hour later: every 'N uur geleden' becomes 'N+1 uur geleden'."""
    return re.sub(r"\b(\d+) uur geleden", lambda m: f"{int(m.group(1)) + 1} uur geleden", text)


def test_later_capture_of_seed_pages_is_recognised(seeds_dir, tmp_path):
    files = sorted(seeds_dir.glob("*.txt"))
    if not files:
        pytest.skip(f"no seed pages in {seeds_dir}")
    with Store(tmp_path / "seeds.duckdb") as store:
        first = [
            store_result(store, result_for(f.stem, f.read_text(encoding="utf-8"), str(f)))
            for f in files
        ]
        n_articles = sum(o.new_articles for o in first)
        assert n_articles >= len(files) and all(o.duplicate_articles == 0 for o in first)
        for f in files:
            text = later_capture(f.read_text(encoding="utf-8"))
            outcome = store_result(store, result_for(f"{f.stem}-later", text, f"{f}#later"))
            assert outcome.new_page and outcome.new_articles == 0, f.name
        counts = store.counts()
        assert counts["pages"] == 2 * len(files)
        assert counts["articles"] == n_articles
        assert counts["sightings"] == 2 * n_articles
        agos = store.query(
            "SELECT count(DISTINCT ago) AS n FROM sightings WHERE ago LIKE '%uur%'"
            " GROUP BY article_id HAVING n = 2"
        )
        assert agos, "the two captures keep their own relative times"
