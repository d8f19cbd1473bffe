"""Every weight and threshold in one declared table, each saying how its value was chosen.

Code reads a value with ``tunable("name")``. Sections belong to the stage that owns them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Tunable:
    """A named constant with its meaning and the way its value was chosen."""

    name: str
    default: float
    description: str
    chosen: str


TUNABLES: tuple[Tunable, ...] = (
    # --- ingest ---
    Tunable(
        "ingest.near_duplicate_jaccard",
        0.8,
        "MinHash Jaccard estimate above which two documents are linked as near-duplicates.",
        "Wire copy republished with small edits scores 0.85-0.98 on 5-word shingles; "
        "distinct reports of the same event score under 0.5. 0.8 sits between.",
    ),
    # --- names ---
    # --- extract ---
    # --- registry ---
)

_BY_NAME = {t.name: t for t in TUNABLES}


def tunable(name: str) -> float:
    """Return the value of the tunable called ``name``."""
    return _BY_NAME[name].default
