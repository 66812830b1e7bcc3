"""Shared fixtures: the ../shared folder, and one real Frog pool of each mode per test session.

The Frog fixtures pass through tests/frog_gate.py: when Frog cannot start, the session stops
at the first one with a single message.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.frog_gate import require_frog, require_mode

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
#: the fixtures that start Frog (here and in tests/nlp/conftest.py); a test using one, directly
#: or through another fixture, is marked "frog" and left out of the fast tier (make test-fast)
FROG_FIXTURES = frozenset(
    {"frog_tagger", "frog_parser", "frog_ready", "resources", "tag_pool", "parse_pool"}
)


#: tests that start Frog without a Frog fixture (a command that opens its own pool)
FROG_TESTS = (
    "actors/test_books.py::test_cli_prints_mentions",
    "test_output_snapshot.py",
)
#: tests that take a second or more without Frog: real servers, browsers, Dask clusters,
#: subprocesses of the command line, DuckDB stores, every dictionary checked or loaded anew
SLOW_TESTS = (
    "api/",
    "fuzz/",
    "nlp/",
    "test_bad_input.py",
    "test_cli.py",
    "test_cluster.py",
    "test_doctor.py",
    "test_faults.py",
    "test_install.py",
    "test_rules.py",
    "dedup/test_store_dedup.py",
    "events/test_patterns.py",
    "stories/test_store_stories.py",
    "time/test_rules.py",
    "read/test_jsonl_and_dirs.py::test_bad_jsonl_lines_in_the_middle_do_not_stop_the_others",
    "read/test_jsonl_and_dirs.py::test_jsonl_records_with_text_and_html",
    "read/test_read.py::test_html_list_heading_inside_a_wrapper_and_times_first",
    "segment/test_layout.py::test_packaged_layout_is_valid_and_read_once",
    "store/test_days.py",
    "store/test_export.py",
    "store/test_seed_pages.py",
    "time/test_samples.py::test_true_dates_lie_within_the_bounds",
    "actors/test_inventory.py::test_an_unknown_member_code_is_reported",
    "test_readme.py::test_the_cheap_readme_commands_run",
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that need Frog ("frog") and the slow ones ("slow"): ``make test-fast``
    runs ``-m "not frog and not slow"``, ``make test`` runs them all."""
    for item in items:
        where = item.nodeid.removeprefix("tests/")
        if FROG_FIXTURES & set(getattr(item, "fixturenames", ())) or where.startswith(FROG_TESTS):
            item.add_marker(pytest.mark.frog)
        if where.startswith(SLOW_TESTS):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's shared folder (specs, seeds, gold), or skip when it is not beside the repo."""
    if not (SHARED / "seeds").is_dir():
        pytest.skip(
            f"{SHARED} is absent: the seed pages and gold are read from ../shared at run time"
        )
    return SHARED


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    """The five real seed pages (development set)."""
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def gold_dir(shared_dir: Path) -> Path:
    """The gold annotations of the seed pages."""
    return shared_dir / "gold" / "seeds"


def _pool(mode: str):
    from kroniek.nlp import FrogPool

    require_frog()
    pool = FrogPool(mode=mode, size=1)
    require_mode(pool)  # the session stops here, with one message, when Frog cannot start
    yield pool
    pool.close()


@pytest.fixture(scope="session")
def frog_tagger():
    """One long-lived Frog server with tokenizer, lemmatizer and tagger."""
    yield from _pool("tag")


@pytest.fixture(scope="session")
def frog_parser():
    """One long-lived Frog server with multi-word units and the dependency parser as well."""
    yield from _pool("parse")


@pytest.fixture(scope="session")
def frog_ready(frog_tagger, frog_parser) -> None:
    """Frog starts in both modes: the session's gate for tests that run Frog in a subprocess."""


@pytest.fixture(scope="session")
def resources(frog_tagger, frog_parser):
    """Pipeline resources sharing the session's Frog pools."""
    from kroniek.pipeline import Resources

    return Resources.with_pools(frog_tagger, frog_parser)
