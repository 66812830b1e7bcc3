"""The layout words live in data/segment/layout.yaml and are compiled into the segment regexes."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kroniek.errors import RulesError
from kroniek.layout import patterns as p
from kroniek.layout.words import DATA_DIR, FILE, default_layout, load_layout
from kroniek.records import Page
from kroniek.rules import check_rules
from kroniek.segment import segment
from kroniek.time import default_rules, parse_ago


@pytest.fixture
def layout_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "data" / "segment"
    folder.mkdir(parents=True)
    shutil.copy(DATA_DIR / FILE, folder / FILE)
    return folder


def _edit(folder: Path, old: str, new: str) -> None:
    path = folder / FILE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_packaged_layout_is_valid_and_read_once() -> None:
    assert [e for e in check_rules() if "/segment" in e.source] == []
    assert default_layout() is default_layout()
    assert "geleden" in default_layout().ago_words


def test_the_words_reach_the_regexes() -> None:
    assert p.TIME_LINE.fullmatch("drie kwartier geleden") is None
    assert p.TIME_LINE.fullmatch("Zo'n vijf minuten geleden")
    assert p.TIME_LINE.fullmatch("do. 9 okt 2025 om 14.05 uur")
    assert p.LIST_HEADING.fullmatch("Meest gelezen vandaag")
    assert p.CHROME_LINE.fullmatch("Wij plaatsen cookies om de site te verbeteren")
    assert p.TIME_LABEL.match("Laatste update op: 9 oktober").group("label") == "Laatste update"
    assert "laatste update" in p.UPDATE_LABELS and "gepubliceerd" not in p.UPDATE_LABELS


@pytest.mark.parametrize("word", sorted(default_rules().numbers.counts()))
def test_number_words_of_a_time_are_the_time_stage_s(word: str) -> None:
    """Every number word the time stage reads in a printed time ends a brief here, and is dated."""
    stamp = f"{word} minuten geleden"
    text = (
        "Kop\nPARIJS (ANP) - Het Louvre is weer open.\nMeer uit Buitenland\n"
        f"BERLIJN (ANP) - De Bondsdag stemt over de begroting.\n{stamp}\n"
    )
    brief = segment(Page("n", "n.txt", text, None, None, "none"))[-1]
    assert (brief.dateline, brief.ago) == ("BERLIJN", stamp)
    published, precision = parse_ago(brief.ago, datetime(2025, 10, 20, 12, tzinfo=UTC))
    assert precision == "minute" and published is not None


def test_unknown_list_is_reported_with_file_and_line(layout_copy: Path) -> None:
    _edit(layout_copy, "ago_words:", "ago_woorden:")
    with pytest.raises(RulesError) as err:
        load_layout(layout_copy)
    line = next(
        n
        for n, text in enumerate((layout_copy / FILE).read_text().splitlines(), 1)
        if text.startswith("ago_woorden:")
    )
    assert err.value.source == f"{layout_copy / FILE}:{line}"
    assert "ago_woorden" in err.value.problem


def test_empty_list_and_bad_pattern_are_reported(layout_copy: Path) -> None:
    _edit(layout_copy, "byline_words: [door]", "byline_words: []")
    assert "byline_words" in _rules_problem(layout_copy)
    _edit(layout_copy, "byline_words: []", "byline_words: [door]")
    _edit(layout_copy, '"sla over.*"', '"sla (over"')
    assert "regular expression" in _rules_problem(layout_copy)


def _rules_problem(folder: Path) -> str:
    """The one problem `kroniek rules check` finds in a data folder holding only segment/."""
    problems = check_rules(folder.parent)
    assert len(problems) == 1
    return problems[0].problem
