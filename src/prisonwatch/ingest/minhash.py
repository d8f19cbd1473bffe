"""MinHash signatures of a text's word shingles, in numpy alone so that workers start fast."""

from __future__ import annotations

import hashlib
import re

import numpy as np

from prisonwatch.documents import normalize_for_identity

NUM_PERM = 128
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")
_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
# Fixed permutations (a * h + b mod a Mersenne prime); a, b < 2**32 so products never overflow.
_RNG = np.random.RandomState(20251213)
_A = _RNG.randint(1, 1 << 32, size=NUM_PERM, dtype=np.uint64)
_B = _RNG.randint(0, 1 << 32, size=NUM_PERM, dtype=np.uint64)


def shingles(text: str) -> set[str]:
    """Return the text's 5-word shingles after identity normalization."""
    words = _WORD.findall(normalize_for_identity(text))
    n = SHINGLE_WORDS
    return {" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}


def signature(text: str) -> np.ndarray:
    """Return the text's MinHash values (uint64, one per permutation)."""
    hashes = np.fromiter(
        (
            int.from_bytes(hashlib.sha1(s.encode("utf-8")).digest()[:4], "little")
            for s in shingles(text)
        ),
        dtype=np.uint64,
    )
    permuted = (np.outer(hashes, _A) + _B) % _PRIME
    result: np.ndarray = np.bitwise_and(permuted, _MAX_HASH).min(axis=0)
    return result


def to_bytes(hashvalues: np.ndarray) -> bytes:
    """Return a signature as stored in ``Document.minhash``: little-endian uint64 values."""
    return hashvalues.astype("<u8", copy=False).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    """Return the signature stored as ``data`` (little-endian uint64 values)."""
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)
