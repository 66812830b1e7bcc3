"""Extract output stays identical: every page of the fixed page set hashes as in the snapshot.

The snapshot (tests/snapshot/extract_sha256.json) holds one SHA-256 per page of the normalised
extract JSON. When a change is meant to alter the output, regenerate it with
``PYTHONPATH=src python tools/output_snapshot.py`` and commit it with the change.

The check runs the tool in a process of its own, with its own Frog, as it runs by hand.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tools.output_snapshot import SHARED

REPO = Path(__file__).resolve().parent.parent


def test_extract_output_matches_snapshot():
    """Page by page, the extract JSON of every present set hashes as the committed snapshot says
    (the ../shared sets are skipped, with a message, when ../shared is absent)."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    done = subprocess.run(
        [sys.executable, str(REPO / "tools" / "output_snapshot.py"), "--check"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    if not SHARED.exists():
        print(f"{SHARED} is absent: the seeds and real-dev sets were skipped")
    assert done.returncode == 0, (
        f"pages differ from the snapshot:\n{done.stderr}\n"
        "if the change is meant, run: PYTHONPATH=src python tools/output_snapshot.py"
    )
