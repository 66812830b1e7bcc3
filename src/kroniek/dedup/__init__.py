"""Deduplication: exact ids of pages, news items and events, near-duplicate versions (MinHash
LSH over word shingles, decided by exact Jaccard) and what they add, planned before anything
is stored."""

from kroniek.dedup.adds import event_id
from kroniek.dedup.near import (
    THRESHOLD,
    NearIndex,
    best_match,
    from_hashvalues,
    jaccard,
    shingles,
    signature,
    words,
)
from kroniek.dedup.versions import Stored, VersionPlanner, article_id, content_hash

__all__ = [
    "THRESHOLD",
    "NearIndex",
    "Stored",
    "VersionPlanner",
    "article_id",
    "best_match",
    "content_hash",
    "event_id",
    "from_hashvalues",
    "jaccard",
    "shingles",
    "signature",
    "words",
]
