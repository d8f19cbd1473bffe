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
    Tunable(
        "registry.same_event_min_score",
        2.0,
        "Score at or above which an extracted event is taken as one already on record.",
        "One shared person (2.0) or a shared count plus an agreeing date (1.5 + 1.0) is enough; "
        "a date alone (1.0) or an actor alone (0.5) is not: checked on the news_dev waves, where "
        "reports of one release share a count or names and distinct releases share neither.",
    ),
    Tunable(
        "registry.same_event_window_days",
        45.0,
        "Events whose anchor dates (event date, else publication date) lie further apart are "
        "never the same event.",
        "Reports of one release appear within days; follow-ups that recount it carry its date. "
        "Distinct waves in the dev data are months apart. 45 days leaves room for late reports.",
    ),
)

_BY_NAME = {t.name: t for t in TUNABLES}


def tunable(name: str) -> float:
    """Return the value of the tunable called ``name``."""
    return _BY_NAME[name].default
