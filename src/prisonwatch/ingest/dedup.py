"""Near-duplicates (wire copy republished with small edits) found by MinHash LSH banding."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import numpy as np

from prisonwatch.ingest.minhash import NUM_PERM, signature
from prisonwatch.tunables import tunable


def _collision(threshold: float, lower: bool, bands: np.ndarray, rows: np.ndarray) -> np.ndarray:
    # Probability mass of a false positive (below the threshold) or a false negative (above),
    # integrated with the midpoint rule: the same criterion as datasketch's MinHashLSH.
    steps = 400
    lo, hi = (0.0, threshold) if lower else (threshold, 1.0)
    width = (hi - lo) / steps
    s = lo + width * (np.arange(steps) + 0.5)
    p = 1.0 - (1.0 - s[None, :] ** rows[:, None]) ** bands[:, None]
    mass = p if lower else 1.0 - p
    result: np.ndarray = mass.sum(axis=1) * width
    return result


@lru_cache(maxsize=8)
def lsh_bands(threshold: float, num_perm: int = NUM_PERM) -> tuple[int, int]:
    """Return (bands, rows) minimizing false positives plus false negatives at ``threshold``."""
    pairs = [(b, r) for b in range(1, num_perm + 1) for r in range(1, num_perm // b + 1)]
    bands = np.array([b for b, _ in pairs], dtype=float)
    rows = np.array([r for _, r in pairs], dtype=float)
    error = _collision(threshold, True, bands, rows) + _collision(threshold, False, bands, rows)
    return pairs[int(np.argmin(error))]


class NearDuplicateIndex:
    """Signatures of the documents seen so far; answers which one a new text nearly repeats."""

    def __init__(self, threshold: float | None = None) -> None:
        self.threshold = threshold or tunable("ingest.near_duplicate_jaccard")
        self._bands, self._rows = lsh_bands(self.threshold)
        self._buckets: list[dict[bytes, list[str]]] = [{} for _ in range(self._bands)]
        self._hashes: dict[str, np.ndarray] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def _keys(self, hashvalues: np.ndarray) -> list[bytes]:
        r = self._rows
        return [hashvalues[i * r : (i + 1) * r].tobytes() for i in range(self._bands)]

    def add(self, doc_id: str, hashvalues: np.ndarray) -> None:
        """Remember a document's signature (a no-op for an id already known)."""
        if doc_id in self._hashes:
            return
        for bucket, key in zip(self._buckets, self._keys(hashvalues), strict=True):
            bucket.setdefault(key, []).append(doc_id)
        self._hashes[doc_id] = hashvalues

    def remove(self, doc_id: str) -> None:
        """Forget a document, e.g. when the transaction that stored it was rolled back."""
        hashvalues = self._hashes.pop(doc_id, None)
        if hashvalues is None:
            return
        for bucket, key in zip(self._buckets, self._keys(hashvalues), strict=True):
            ids = bucket[key]
            ids.remove(doc_id)
            if not ids:
                del bucket[key]

    def add_texts(self, rows: Iterable[tuple[str, str]]) -> None:
        """Remember the signatures of stored documents given as (id, text) rows."""
        for doc_id, text in rows:
            self.add(doc_id, signature(text))

    def nearest(self, doc_id: str, hashvalues: np.ndarray) -> tuple[str, float] | None:
        """Return the known document most like this one, with its Jaccard estimate, if any."""
        candidates: set[str] = set()
        for bucket, key in zip(self._buckets, self._keys(hashvalues), strict=True):
            candidates.update(bucket.get(key, ()))
        candidates.discard(doc_id)
        best: tuple[str, float] | None = None
        for other in sorted(candidates):
            score = float(np.count_nonzero(hashvalues == self._hashes[other])) / len(hashvalues)
            if score >= self.threshold and (best is None or score > best[1]):
                best = (other, score)
        return best
