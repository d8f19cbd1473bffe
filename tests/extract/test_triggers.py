"""Every row of the trigger table proposes its type on its own example sentence, alone."""

from __future__ import annotations

import pytest

from prisonwatch.extract import TRIGGERS
from prisonwatch.extract.triggers import EVENT_TYPES, matcher_patterns

from .helpers import proposed


@pytest.mark.parametrize("row", TRIGGERS, ids=lambda r: f"{r.type}-{r.lemmas[0]}")
def test_row_example_fires(row: object) -> None:
    assert row.type in EVENT_TYPES  # type: ignore[attr-defined]
    found = [e.type for e in proposed(row.example)]  # type: ignore[attr-defined]
    assert row.type in found, f"{row.example!r} gave {found}"  # type: ignore[attr-defined]


def test_patterns_cover_every_lemma() -> None:
    patterns = matcher_patterns()
    verbs = set(patterns["VERB"][0][0]["LEMMA"]["IN"])
    nouns = set(patterns["NOUN"][0][0]["LEMMA"]["IN"])
    for row in TRIGGERS:
        assert set(row.lemmas) <= (nouns if row.nominal else verbs)
