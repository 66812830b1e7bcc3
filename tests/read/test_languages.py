"""The language check on our own short pages in 14 languages (tests/data/languages).

Dutch and Flemish pages must be read; every other page must be refused with one line
naming its language, also Afrikaans and Frisian, which lingua alone reads as Dutch.
bench/language_id.py prints the same rates, also for cut-down texts.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kroniek.errors import ReadError
from kroniek.read import read_paths
from kroniek.records import Page

SET = Path(__file__).resolve().parents[1] / "data" / "languages"
PAGES = sorted(SET.glob("*.txt"))
DUTCH = ("nl", "vls")


def _code(path: Path) -> str:
    return path.stem.split("-")[0]


def test_the_set_covers_ten_languages_and_more():
    assert len({_code(p) for p in PAGES}) >= 10
    assert sum(_code(p) in DUTCH for p in PAGES) >= 5


@pytest.mark.parametrize("path", PAGES, ids=[p.name for p in PAGES])
def test_each_page_is_kept_or_refused_with_its_language(path: Path):
    [item] = read_paths([path])
    if _code(path) in DUTCH:
        assert isinstance(item, Page), str(item)
    else:
        assert isinstance(item, ReadError)
        assert str(item) == (
            f"kroniek: {path}: not Dutch (looks like {_code(path)}); kroniek reads Dutch news only"
        )


def test_false_accept_and_false_reject_rates_are_zero_on_whole_pages():
    items = [(path, item) for path in PAGES for item in read_paths([path])]
    dutch = [item for path, item in items if _code(path) in DUTCH]
    foreign = [item for path, item in items if _code(path) not in DUTCH]
    false_reject = sum(isinstance(item, ReadError) for item in dutch) / len(dutch)
    false_accept = sum(isinstance(item, Page) for item in foreign) / len(foreign)
    assert (false_reject, false_accept) == (0.0, 0.0)
