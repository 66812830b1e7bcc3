"""Session-scoped Frog pools for the NLP stage's own tests (one tag, one parse process)."""

from __future__ import annotations

import os
import shutil
import signal

import pytest

from kroniek.nlp import FrogPool


def _need_frog() -> None:
    if shutil.which("frog") is None:
        pytest.skip("Frog is not installed (no 'frog' on PATH); apt-get install frog frogdata")


@pytest.fixture(scope="session")
def tag_pool():
    """A one-process pool in "tag" mode."""
    _need_frog()
    with FrogPool("tag", size=1, timeout=120) as pool:
        yield pool


@pytest.fixture(scope="session")
def parse_pool():
    """A one-process pool in "parse" mode (NER + dependencies), a fresh Frog per call."""
    _need_frog()
    with FrogPool("parse", size=1, timeout=120, reuse_connections=False) as pool:
        yield pool


@pytest.fixture
def spare_frog_slot(parse_pool):
    """Room for one more Frog process: stop the parse pool's (it restarts when next used)."""
    for pid in parse_pool.pids():
        os.kill(pid, signal.SIGKILL)
    yield
