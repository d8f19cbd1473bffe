"""Every row of the trigger table fires on its own example sentence."""

from __future__ import annotations

import pytest

from prisonwatch.extract import TRIGGERS
from prisonwatch.extract.triggers import EVENT_TYPES, matcher_patterns

from .helpers import types


@pytest.mark.parametrize("row", TRIGGERS, ids=lambda r: f"{r.type}-{r.lemmas[0]}")
def test_row_example_fires(row: object) -> None:
    assert row.type in EVENT_TYPES  # type: ignore[attr-defined]
    text = "Belarus frees 40 prisoners.\n\n" + row.example  # type: ignore[attr-defined]
    found = types(text)
    assert row.type in found, f"{row.example!r} gave {found}"  # type: ignore[attr-defined]


def test_patterns_cover_every_lemma() -> None:
    patterns = matcher_patterns()
    verbs = set(patterns["VERB"][0][0]["LEMMA"]["IN"])
    nouns = set(patterns["NOUN"][0][0]["LEMMA"]["IN"])
    for row in TRIGGERS:
        assert set(row.lemmas) <= (nouns if row.nominal else verbs)
