"""Frames that state a thing done: factive infinitives, counted groups with a participle."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from prisonwatch.extract.filters import description, irrealis
from prisonwatch.extract.lexicon import FACTIVE_CONTROL, FACTIVE_NOUNS, LIGHT_VERBS
from prisonwatch.extract.nlp import get_nlp

if TYPE_CHECKING:
    from spacy.tokens import Token

# (row, invented text where the frame states the release done, one where it is only wished)
FRAMES = [
    (
        "persuade",
        "In May the envoy persuaded the ruler to release 14 farmers.",
        "In May the envoy urged the ruler to release 14 farmers.",
    ),
    (
        "convince",
        "The bishop convinced the governor to free nine students.",
        "The bishop asked the governor to free nine students.",
    ),
    (
        "proceed",
        "The court then proceeded to sentence the three bloggers.",
        "The court then hoped to sentence the three bloggers.",
    ),
    (
        "order",
        "On Friday the king issued an order to release 20 inmates.",
        "On Friday the king issued a plea to release 20 inmates.",
    ),
    (
        "decision",
        "The council announced its decision to free eleven monks.",
        "The council announced its wish to free eleven monks.",
    ),
    (
        "decree",
        "The general signed a decree to pardon 300 convicts.",
        "The general signed a petition to pardon 300 convicts.",
    ),
    (
        "resolution",
        "The assembly passed a resolution to free the six sailors.",
        "The assembly passed a motion to free the six sailors.",
    ),
    (
        "directive",
        "The ministry sent a directive to release the 40 workers.",
        "The ministry sent a request to release the 40 workers.",
    ),
    (
        "make",
        "A decision was taken to pardon 75 pensioners.",
        "An appeal was made to pardon 75 pensioners.",
    ),
    (
        "take",
        "The cabinet took the decision to release 12 nurses.",
        "The cabinet took the step to release 12 nurses.",
    ),
]
TRIGGERS = {"release", "free", "sentence", "pardon"}


def _trigger(text: str) -> Token:
    doc = get_nlp(())(text)
    return next(t for t in doc if t.lemma_.lower() in TRIGGERS and t.pos_ == "VERB")


@pytest.mark.parametrize(("row", "done", "wished"), FRAMES, ids=[f[0] for f in FRAMES])
def test_factive_frame_is_no_plan(row: str, done: str, wished: str) -> None:
    assert row in FACTIVE_CONTROL | FACTIVE_NOUNS | LIGHT_VERBS
    token = _trigger(done)
    assert irrealis(token, nominal=False) is None
    assert description(token, is_named=False) is None
    assert irrealis(_trigger(wished), nominal=False) is not None


def test_a_negated_factive_frame_stays_a_non_event() -> None:
    token = _trigger("The court did not agree to free the two reporters.")
    assert irrealis(token, nominal=False) is not None


def test_a_counted_group_with_a_participle_is_a_candidate() -> None:
    told = _trigger("The 12 sailors freed by Iran landed in Rome on Sunday.")
    assert description(told, is_named=False) is None
    described = _trigger("The sailors freed by Iran still live in Rome.")
    assert description(described, is_named=False) is not None
