"""Near-duplicate news items: word shingles, MinHash signatures and an LSH index.

Two versions of one wire brief (a changed figure, an added sentence, a new headline) share
most of their word 3-grams; two different briefs on the same topic share few. The LSH index
proposes candidates cheaply (at a lower threshold than the decision, so candidates are
rarely missed); the decision is the exact Jaccard similarity of the two shingle sets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

NUM_PERM = 128
SEED = 1
SCHEME = "affine32"  # datasketch's hashing scheme; stored hash values are only valid with it
SHINGLE = 3
THRESHOLD = 0.45  # exact Jaccard at or above which two items are one; see bench/dedup_pairs.py
CANDIDATE_THRESHOLD = 0.3  # LSH threshold: lower than THRESHOLD so candidates are not missed
WORD = re.compile(r"\w+")


def words(headline: str | None, text: str) -> list[str]:
    """The lower-cased words of headline and text (NFC, punctuation dropped)."""
    joined = unicodedata.normalize("NFC", f"{headline or ''} {text}").lower()
    return WORD.findall(joined)


def shingles(headline: str | None, text: str, k: int = SHINGLE) -> frozenset[str]:
    """The set of word k-grams of an item (its words when it has fewer than k)."""
    ws = words(headline, text)
    if len(ws) < k:
        return frozenset([" ".join(ws)]) if ws else frozenset()
    return frozenset(" ".join(ws[i : i + k]) for i in range(len(ws) - k + 1))


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """|a ∩ b| / |a ∪ b| (0.0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def signature(grams: Iterable[str]) -> LeanMinHash:
    """The MinHash signature of a shingle set."""
    mh = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    mh.update_batch([g.encode("utf-8") for g in grams])
    return LeanMinHash(mh)


def from_hashvalues(values: Iterable[int]) -> LeanMinHash:
    """A signature rebuilt from stored hash values."""
    return LeanMinHash(
        seed=SEED, hashvalues=np.asarray(list(values), dtype=np.uint32), scheme=SCHEME
    )


@dataclass
class NearIndex:
    """An LSH index over item signatures; ``candidates`` proposes items that may be near."""

    threshold: float = CANDIDATE_THRESHOLD
    _lsh: MinHashLSH = field(init=False, repr=False)
    _keys: set[str] = field(default_factory=set, repr=False)

    def __post_init__(self) -> None:
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: str) -> bool:
        return key in self._keys

    def add(self, key: str, sig: LeanMinHash) -> None:
        """Index one item (a key already indexed is left as it is)."""
        if key not in self._keys:
            self._lsh.insert(key, sig)
            self._keys.add(key)

    def candidates(self, sig: LeanMinHash) -> list[str]:
        """Keys of indexed items whose signatures collide with ``sig`` in some band."""
        return sorted(self._lsh.query(sig))


def best_match(
    grams: frozenset[str], candidates: dict[str, frozenset[str]], threshold: float = THRESHOLD
) -> tuple[str, float] | None:
    """The candidate with the highest Jaccard similarity, when it reaches ``threshold``."""
    scored = sorted(
        ((jaccard(grams, other), key) for key, other in candidates.items()),
        key=lambda t: (-t[0], t[1]),
    )
    if scored and scored[0][0] >= threshold:
        return scored[0][1], scored[0][0]
    return None
