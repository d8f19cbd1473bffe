"""Near-duplicates (wire copy republished with small edits) found with datasketch's MinHash LSH."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from prisonwatch.ingest.minhash import NUM_PERM, signature
from prisonwatch.tunables import tunable


class _Signature:
    """The two things datasketch's LSH reads from a MinHash, without its costly constructor."""

    __slots__ = ("hashvalues",)

    def __init__(self, hashvalues: np.ndarray) -> None:
        self.hashvalues = hashvalues

    def __len__(self) -> int:
        return len(self.hashvalues)

    def jaccard(self, other: _Signature) -> float:
        """Return the estimated Jaccard similarity of the two shingle sets."""
        return float(np.count_nonzero(self.hashvalues == other.hashvalues)) / len(self)


class NearDuplicateIndex:
    """Signatures of the documents seen so far; answers which one a new text nearly repeats."""

    def __init__(self, threshold: float | None = None) -> None:
        from datasketch import MinHashLSH

        self.threshold = threshold or tunable("ingest.near_duplicate_jaccard")
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
        self._hashes: dict[str, _Signature] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def add(self, doc_id: str, hashvalues: np.ndarray) -> None:
        """Remember a document's signature (a no-op for an id already known)."""
        if doc_id in self._hashes:
            return
        minhash = _Signature(hashvalues)
        self._lsh.insert(doc_id, minhash)
        self._hashes[doc_id] = minhash

    def add_texts(self, rows: Iterable[tuple[str, str]]) -> None:
        """Remember the signatures of stored documents given as (id, text) rows."""
        for doc_id, text in rows:
            self.add(doc_id, signature(text))

    def nearest(self, doc_id: str, hashvalues: np.ndarray) -> tuple[str, float] | None:
        """Return the known document most like this one, with its Jaccard estimate, if any."""
        minhash = _Signature(hashvalues)
        best: tuple[str, float] | None = None
        for other in self._lsh.query(minhash):
            if other == doc_id:
                continue
            score = minhash.jaccard(self._hashes[other])
            if score >= self.threshold and (best is None or score > best[1]):
                best = (other, score)
        return best
