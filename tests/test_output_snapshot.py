"""Extract output stays identical: every page of the fixed page set hashes as in the snapshot.

The snapshot (tests/snapshot/extract_sha256.json) holds one SHA-256 per page of the normalised
extract JSON. When a change is meant to alter the output, regenerate it with
``PYTHONPATH=src python tools/output_snapshot.py`` and commit it with the change.
"""

from __future__ import annotations

import pytest
from tools.output_snapshot import PAGE_SETS, SHARED, differences, load_snapshot, page_hashes


@pytest.fixture
def own_resources(frog_tagger, frog_parser):
    """Resources of this test alone (the session's Frog pools, a cache of analyses of its own), so
    analyses other tests left in the session's cache cannot stand in for this run's, as when the
    tool runs alone."""
    from kroniek.pipeline import Resources

    return Resources.with_pools(frog_tagger, frog_parser)


@pytest.mark.parametrize("page_set", PAGE_SETS, ids=[s.name for s in PAGE_SETS])
def test_extract_output_matches_snapshot(page_set, own_resources):
    """Page by page, the extract JSON of the set hashes as the committed snapshot says."""
    if page_set.shared and not page_set.present():
        pytest.skip(
            f"{SHARED} is absent: the {page_set.name} pages are read from ../shared at run time"
        )
    expected = load_snapshot()[page_set.name]
    got = page_hashes(page_set, own_resources)
    changed = differences(expected, got)
    assert not changed, (
        f"{len(changed)} of {len(expected)} {page_set.name} pages differ from the snapshot:\n"
        + "\n".join(changed)
        + "\nif the change is meant, run: PYTHONPATH=src python tools/output_snapshot.py"
    )
