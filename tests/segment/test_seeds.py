"""The segmenter on the five real seed pages, compared with the gold segmentation."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kroniek.records import Page
from kroniek.segment import segment


def _gold(gold_dir: Path) -> list[dict]:
    lines = (gold_dir / "segments.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _page(seeds_dir: Path, stem: str) -> Page:
    path = seeds_dir / f"{stem}.txt"
    return Page(stem, str(path), path.read_text(encoding="utf-8"), None, None, "none")


def _as_gold(stem: str, articles, gold: dict) -> dict:
    main = articles[0]
    briefs = []
    for article, expected in zip(
        articles[1:], gold["briefs"] + [None] * len(articles), strict=False
    ):
        words = len(expected["first_words"].split()) if expected else 4
        briefs.append(
            {
                "dateline": article.dateline,
                "agencies": list(article.agencies),
                "ago": article.ago,
                "first_words": " ".join(article.text.split()[:words]),
            }
        )
    return {
        "page": stem,
        "headline": main.headline,
        "main": {"dateline": main.dateline, "agencies": list(main.agencies)},
        "briefs": briefs,
    }


def test_every_seed_matches_gold(seeds_dir: Path, gold_dir: Path) -> None:
    gold = _gold(gold_dir)
    assert len(gold) == 5
    for expected in gold:
        articles = segment(_page(seeds_dir, expected["page"]))
        assert _as_gold(expected["page"], articles, expected) == expected, expected["page"]


def test_seed_parts_are_numbered_in_page_order(seeds_dir: Path, gold_dir: Path) -> None:
    for expected in _gold(gold_dir):
        articles = segment(_page(seeds_dir, expected["page"]))
        parts = [a.part for a in articles]
        assert parts == ["main"] + [f"brief:{k}" for k in range(len(expected["briefs"]))]
        assert all(a.doc == expected["page"] for a in articles)
        assert all(a.published is None for a in articles)
        assert articles[0].ago is None


def test_seed_main_text_keeps_every_body_line(seeds_dir: Path, gold_dir: Path) -> None:
    """Main text = the lines between headline and list heading, dateline prefix removed."""
    for expected in _gold(gold_dir):
        page = _page(seeds_dir, expected["page"])
        lines = page.text.splitlines()
        heading = next(i for i, line in enumerate(lines) if line.startswith("Meer uit "))
        main = segment(page)[0]
        body = main.text.split("\n")
        assert len(body) == heading - 1
        assert body[1:] == lines[2:heading]
        assert lines[1].endswith(body[0])
        assert not body[0].startswith(main.dateline)


def test_seed_brief_text_has_no_time_or_dateline(seeds_dir: Path, gold_dir: Path) -> None:
    for expected in _gold(gold_dir):
        for brief in segment(_page(seeds_dir, expected["page"]))[1:]:
            assert "geleden" not in brief.text.split("\n")[-1][-20:]
            assert f"{brief.dateline} (" not in brief.text
            assert brief.text.rstrip()[-1] in '.!?"”'


@pytest.mark.parametrize("cut", [40, 400, 1500])
def test_seed_cut_off_drops_or_trims_last_brief(seeds_dir: Path, gold_dir: Path, cut: int) -> None:
    """A seed page cut short: no brief may end mid-sentence, and none but the last loses its time."""
    expected = _gold(gold_dir)[0]
    page = _page(seeds_dir, expected["page"])
    whole = segment(page)
    shortened = Page(page.doc, page.source, page.text[: len(page.text) - cut], None, None, "none")
    articles = segment(shortened)
    assert 1 < len(articles) <= len(whole)
    for article in articles[1:]:
        assert article.text.rstrip()[-1] in '.!?"”'
    for article, full in zip(articles[1:-1], whole[1:], strict=False):
        assert article == full
