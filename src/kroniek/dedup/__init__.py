"""Deduplication: exact ids of pages and news items, and near-duplicate versions (MinHash LSH
over word shingles, decided by exact Jaccard), planned before anything is stored."""

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
    "from_hashvalues",
    "jaccard",
    "shingles",
    "signature",
    "words",
]
