"""The faster MinHash and invisible-character paths give exactly what the plain ones gave."""

from __future__ import annotations

import re
import zlib

import numpy as np

from prisonwatch.documents import document_id, normalize_for_identity, normalized_document_id
from prisonwatch.ingest import minhash
from prisonwatch.invisible import strip_invisible

# Invented texts: short, long, repeated, non-Latin, with invisible characters and spacing.
TEXTS = [
    "",
    "A",
    "Two words",
    "The tribunal in Norvale handed the printer Tomas Brelle four years on Tuesday.",
    " ".join(f"word{i % 37} clause{i % 11}" for i in range(900)),
    "Суд в Остраві засудив журналістку Олену Марків до трьох років колонії.",
    "Ann\u200bette  Quill\u00ad was moved\n\nto a cell   in\tthe east wing, her lawyer said.",
    "محكمة في المدينة حكمت على الناشط بالسجن خمس سنوات" * 3,
]


def _reference_signature(text: str) -> np.ndarray:
    """The signature as computed before the speed-up: generator, shift before the minimum."""
    words = re.findall(r"\w+", normalize_for_identity(text))
    codes = {word: zlib.crc32(word.encode("utf-8")) for word in set(words)}
    word_hashes = np.fromiter((codes[w] for w in words), dtype=np.uint64, count=len(words))
    width = min(minhash.SHINGLE_WORDS, len(words))
    count = max(1, len(words) - minhash.SHINGLE_WORDS + 1)
    chained = np.zeros(count, dtype=np.uint64)
    for k in range(width):
        chained = chained * minhash._CHAIN + word_hashes[k : k + count]
    chained ^= chained >> minhash._SHIFT
    hashes = np.unique(chained & minhash._MAX_HASH)
    permuted = np.multiply.outer(hashes, minhash._A)
    permuted += minhash._B
    permuted >>= minhash._SHIFT
    result: np.ndarray = permuted.min(axis=0)
    return result


def test_signature_matches_the_reference_on_invented_texts() -> None:
    for text in TEXTS:
        expected = _reference_signature(text)
        assert minhash.to_bytes(minhash.signature(text)) == minhash.to_bytes(expected), text[:30]
        normalized = normalize_for_identity(text)
        assert np.array_equal(minhash.normalized_signature(normalized), expected)
        assert normalized_document_id(normalized) == document_id(text)


def test_signature_values_fit_in_32_bits_and_differ_between_texts() -> None:
    first, second = (minhash.signature(t) for t in TEXTS[2:4])
    assert int(first.max()) < 1 << 32
    assert not np.array_equal(first, second)


def test_strip_invisible_fast_path_keeps_or_removes_as_the_patterns_say() -> None:
    # Non-ASCII without any invisible character: returned as it is.
    assert strip_invisible("Café © 2024 — “quoted”") == "Café © 2024 — “quoted”"
    # Each invisible character alone in a wide string is still found and removed.
    for code in [0x200B, 0x2060, 0xFEFF, 0x00AD, 0x180E, 0x200E, 0x200F, 0x202A, 0x202E, 0x2069]:
        assert strip_invisible(f"Ма{chr(code)}рія — ok") == "Марія — ok", hex(code)
    # Joiners go between Latin letters only; in Arabic script they stay.
    assert strip_invisible("Jo\u200dhn é") == "John é"
    assert strip_invisible("ب\u200cب é") == "ب\u200cب é"
