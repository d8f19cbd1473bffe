"""Near-duplicates (wire copy republished with small edits) found with MinHash LSH (datasketch)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from prisonwatch.documents import normalize_for_identity
from prisonwatch.tunables import tunable

NUM_PERM = 128
SHINGLE_WORDS = 5
# Named so that signatures made in a worker rebuild the same MinHash in the main process.
SCHEME = "affine32"
_WORD = re.compile(r"\w+")


def signature(text: str) -> np.ndarray:
    """Return the MinHash values of a text's 5-word shingles (picklable, made in a worker)."""
    words = _WORD.findall(normalize_for_identity(text))
    n = SHINGLE_WORDS
    shingles = {" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues


class NearDuplicateIndex:
    """Signatures of the documents seen so far; answers which one a new text nearly repeats."""

    def __init__(self, threshold: float | None = None) -> None:
        self.threshold = threshold or tunable("ingest.near_duplicate_jaccard")
        self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)
        self._hashes: dict[str, MinHash] = {}

    def __len__(self) -> int:
        return len(self._hashes)

    def add(self, doc_id: str, hashvalues: np.ndarray) -> None:
        """Remember a document's signature (a no-op for an id already known)."""
        if doc_id in self._hashes:
            return
        minhash = MinHash(num_perm=NUM_PERM, hashvalues=hashvalues, scheme=SCHEME)
        self._lsh.insert(doc_id, minhash)
        self._hashes[doc_id] = minhash

    def add_texts(self, rows: Iterable[tuple[str, str]]) -> None:
        """Remember the signatures of stored documents given as (id, text) rows."""
        for doc_id, text in rows:
            self.add(doc_id, signature(text))

    def nearest(self, doc_id: str, hashvalues: np.ndarray) -> tuple[str, float] | None:
        """Return the known document most like this one, with its Jaccard estimate, if any."""
        minhash = MinHash(num_perm=NUM_PERM, hashvalues=hashvalues, scheme=SCHEME)
        best: tuple[str, float] | None = None
        for other in self._lsh.query(minhash):
            if other == doc_id:
                continue
            score = float(minhash.jaccard(self._hashes[other]))
            if score >= self.threshold and (best is None or score > best[1]):
                best = (other, score)
        return best
