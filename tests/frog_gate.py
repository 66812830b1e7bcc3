"""The test session's Frog gate: when Frog cannot run, the whole run stops with one message.

Every fixture that hands out a Frog pool passes it through `require_mode` first; the first
pool that does not start ends the session (pytest.exit) with `kroniek doctor`'s verdict
and fix, instead of one traceback per test. With KRONIEK_SKIP_FROG_TESTS=1 and no Frog
installed at all, the tests that need Frog are skipped instead.
"""

from __future__ import annotations

import os

import pytest

from kroniek import doctor

SKIP_ENV = "KRONIEK_SKIP_FROG_TESTS"
EXIT_CODE = 3
# no names in it: a parse-mode Frog remembers multi-word names across requests
SENTENCE = "Het weer bleef de hele dag in het noorden van het land rustig."
_found: list[doctor.Check] = []


def _stop(checks: list[doctor.Check]) -> None:
    """End the test session with the failed checks as `kroniek doctor` prints them."""
    lines = [line for check in checks for line in check.lines()]
    pytest.exit(
        "Frog cannot run here, so no test that needs it can pass (kroniek doctor "
        "checks the whole machine):\n" + "\n".join(lines) + "\n",
        returncode=EXIT_CODE,
    )


def require_frog() -> None:
    """Frog is installed (checked once per session), or the run stops (or skips, see above)."""
    if not _found:
        _found.append(doctor.check_frog())
    [check] = _found
    if check.ok:
        return
    if os.environ.get(SKIP_ENV) and doctor.frog_path() is None:
        pytest.skip(f"Frog is not installed ({SKIP_ENV} is set)")
    _stop([check])


def require_mode(pool) -> None:
    """`pool` (a FrogPool) starts and answers a sentence, or the run stops with why."""
    require_frog()
    check = doctor.check_mode(pool.mode, pool=pool, sentence=SENTENCE)
    if not check.ok:
        pool.close()
        data = doctor.check_data()
        _stop([check] if data.ok else [check, data])
