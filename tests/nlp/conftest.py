"""Session-scoped Frog pools for the NLP stage's own tests (one tag, one parse process)."""

from __future__ import annotations

import os
import signal

import pytest
from tests.frog_gate import require_frog, require_mode

from kroniek.nlp import FrogPool


@pytest.fixture(scope="session")
def tag_pool():
    """A one-process pool in "tag" mode."""
    require_frog()
    with FrogPool("tag", size=1, timeout=120) as pool:
        require_mode(pool)
        yield pool


@pytest.fixture(scope="session")
def parse_pool():
    """A one-process pool in "parse" mode (multi-word units + dependencies)."""
    require_frog()
    with FrogPool("parse", size=1, timeout=120) as pool:
        require_mode(pool)
        yield pool


@pytest.fixture
def spare_frog_slot(parse_pool):
    """Room for one more Frog process: stop the parse pool's (it restarts when next used)."""
    for pid in parse_pool.pids():
        os.kill(pid, signal.SIGKILL)
    yield
