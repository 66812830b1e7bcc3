"""Near-duplicate detection: MinHash LSH over word shingles, decided by exact Jaccard."""

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

__all__ = [
    "THRESHOLD",
    "NearIndex",
    "best_match",
    "from_hashvalues",
    "jaccard",
    "shingles",
    "signature",
    "words",
]
