"""Person nouns added for issue 15: the group a verb hits, counted when a number is on it."""

from __future__ import annotations

import pytest

from prisonwatch.extract.lexicon import PERSON_NOUNS

from .helpers import proposed

# (row, invented sentence with the people freed, the same sentence with a thing instead)
ROWS = [
    ("hikers", "Iran released three hikers on Monday.", "Iran released three films on Monday."),
    (
        "seminarians",
        "The regime released four seminarians on Monday.",
        "The regime released four reports on Monday.",
    ),
    (
        "pilots",
        "The rebels released two pilots on Monday.",
        "The rebels released two videos on Monday.",
    ),
    (
        "sailors",
        "The navy released 11 sailors on Monday.",
        "The navy released 11 drones on Monday.",
    ),
    (
        "tourists",
        "The junta released five tourists on Monday.",
        "The junta released five statements on Monday.",
    ),
    (
        "fishermen",
        "The coast guard released 23 fishermen on Monday.",
        "The coast guard released 23 photos on Monday.",
    ),
    (
        "crew",
        "The militia released the crew on Monday.",
        "The militia released the footage on Monday.",
    ),
]


@pytest.mark.parametrize(("row", "people", "thing"), ROWS, ids=[r[0] for r in ROWS])
def test_new_person_noun_is_the_group_freed(row: str, people: str, thing: str) -> None:
    assert row in PERSON_NOUNS
    (event,) = [e for e in proposed(people) if e.type == "release"]
    if row != "crew":
        assert event.count is not None and event.count > 1
    assert not [e for e in proposed(thing) if e.type == "release"]
