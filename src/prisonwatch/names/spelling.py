"""Known spelling correspondences that explain why two near surname keys differ.

Two surname keys that are near but not equal are one name only when their difference is one the
spellings of names are known to bring: vowels (Belarusian akanne, case endings, transliteration of
е/э/ё), the w-sounds (ў, в, -ff), and the consonant pairs listed below. What is left after these
rules is the surname's consonant frame; equal frames explain the difference, unequal frames
(Zhukouskaya/Zhukarskaya: an r where a ў was) do not, and such a near surname never links alone.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True, slots=True)
class Correspondence:
    """One spelling rule on fine keys: what is rewritten, why, and a pair it explains."""

    pattern: str
    to: str
    why: str
    example: tuple[str, str]


# Applied in order to fine keys (see keys.py: A/I/U vowel classes, C ч, S ш, Z ж, x х, c ц).
CORRESPONDENCES: tuple[Correspondence, ...] = (
    Correspondence("tC", "C", "French tch, German tsch for ч", ("Kvatchuk", "Kvachuk")),
    Correspondence("f", "v", "-ff for final -ов; Arabic f for в", ("Ivanoff", "Ivanov")),
    Correspondence("z", "s", "German s for z", ("Losinsky", "Lozinsky")),
    Correspondence("ds", "d", "Belarusian дз for Russian д", ("Dzmitrok", "Dmitrok")),
    Correspondence("[vU]", "", "ў, в and u: one sound", ("Sinoŭjeva", "Sinoveva")),
    Correspondence("c", "t", "Belarusian ц, Polish ć for Russian т", ("Tsvirok", "Ćwirok")),
    Correspondence("S", "C", "French ch for ш", ("Chapovalenko", "Shapovalenko")),
    Correspondence("[AIj]", "", "vowels: language, case", ("Sheremok", "Sharamok")),
)  # fmt: skip
_COMPILED = tuple((re.compile(c.pattern), c.to) for c in CORRESPONDENCES)


@lru_cache(maxsize=200_000)
def frame(key: str, without: int | None = None) -> str:
    """Return the consonant frame of a fine key: what no known spelling rule changes.

    ``without`` leaves one rule out (by its place in CORRESPONDENCES), for tests of its need.
    """
    for i, (pattern, to) in enumerate(_COMPILED):
        if i != without:
            key = pattern.sub(to, key)
    return re.sub(r"(.)\1+", r"\1", key)
