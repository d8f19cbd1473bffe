"""MinHash signatures of a text's word shingles, in numpy alone so that workers start fast."""

from __future__ import annotations

import re
import zlib

import numpy as np

from prisonwatch.documents import normalize_for_identity

NUM_PERM = 128
SHINGLE_WORDS = 5
_WORD = re.compile(r"\w+")
_MAX_HASH = np.uint64((1 << 32) - 1)
_SHIFT = np.uint64(32)
# Odd multiplier (2**64 / golden ratio) that chains a shingle's word hashes, wrapping at 2**64.
_CHAIN = np.uint64(0x9E3779B97F4A7C15)
# Fixed hash functions, multiply-add-shift: (a * h + b mod 2**64) >> 32 with a odd. Half the
# cost of a modulo by a prime, and as good for MinHash on 32-bit inputs.
_RNG = np.random.RandomState(20251213)
_A = _RNG.randint(0, 1 << 63, size=NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
_B = _RNG.randint(0, 1 << 63, size=NUM_PERM, dtype=np.uint64)
# Shingles permuted at once: 128 x 128 uint64 values (128 KiB) stay in a core's cache; chosen
# by timing 32, 64 and 128 on the ingest bench's pages (128 fastest, larger faults in memory).
_BLOCK = 128


def shingles(text: str) -> set[str]:
    """Return the text's 5-word shingles after identity normalization."""
    words = _WORD.findall(normalize_for_identity(text))
    n = SHINGLE_WORDS
    return {" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}


def shingle_hashes(text: str) -> np.ndarray:
    """Return 32-bit hashes of the text's 5-word shingles (one per distinct shingle).

    Words are hashed once (CRC-32, stable across processes) and chained in numpy: hashing each
    shingle's string in Python cost more than the rest of the signature. Stored signatures
    depend on this function: changing it means clearing ``Document.minhash``.
    """
    return normalized_shingle_hashes(normalize_for_identity(text))


def normalized_shingle_hashes(normalized: str) -> np.ndarray:
    """Return ``shingle_hashes`` of a text already passed through ``normalize_for_identity``."""
    words = _WORD.findall(normalized)
    codes = {word: zlib.crc32(word.encode("utf-8")) for word in set(words)}
    word_hashes = np.fromiter(map(codes.__getitem__, words), dtype=np.uint64, count=len(words))
    width = min(SHINGLE_WORDS, len(words))
    count = max(1, len(words) - SHINGLE_WORDS + 1)
    # In place, starting from the first word (0 * _CHAIN + h is h); no words: one zero shingle.
    chained = word_hashes[:count].copy() if width else np.zeros(count, dtype=np.uint64)
    for k in range(1, width):
        chained *= _CHAIN
        chained += word_hashes[k : k + count]
    chained ^= chained >> _SHIFT
    return np.unique(chained & _MAX_HASH)


def signature(text: str) -> np.ndarray:
    """Return the text's MinHash values (uint64, one per permutation)."""
    return normalized_signature(normalize_for_identity(text))


def normalized_signature(normalized: str) -> np.ndarray:
    """Return ``signature`` of a text already passed through ``normalize_for_identity``.

    The ingest stage normalizes a text once for both its id and its signature.
    """
    hashes = normalized_shingle_hashes(normalized)
    # Blocks of shingles through one small buffer, in place: a (shingles x permutations) array
    # of a long text is megabytes of fresh memory, slower to fault in than to compute.
    buffer = np.empty((min(_BLOCK, len(hashes)), NUM_PERM), dtype=np.uint64)
    column = np.empty(NUM_PERM, dtype=np.uint64)
    result = np.full(NUM_PERM, np.iinfo(np.uint64).max, dtype=np.uint64)
    for start in range(0, len(hashes), _BLOCK):
        block = hashes[start : start + _BLOCK]
        permuted = buffer[: len(block)]
        np.multiply(block[:, None], _A, out=permuted)
        permuted += _B
        permuted.min(axis=0, out=column)
        np.minimum(result, column, out=result)
    # Shifting is monotone, so the minimum's high half is the minimum of the high halves:
    # 128 shifts instead of one per shingle and permutation.
    result >>= _SHIFT
    return result


def to_bytes(hashvalues: np.ndarray) -> bytes:
    """Return a signature as stored in ``Document.minhash``: little-endian uint64 values."""
    return hashvalues.astype("<u8", copy=False).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    """Return the signature stored as ``data`` (little-endian uint64 values)."""
    return np.frombuffer(data, dtype="<u8").astype(np.uint64)
