"""Near surnames link only where a known spelling rule explains the difference.

Every person here is invented.
"""

from __future__ import annotations

import pytest

from prisonwatch.names import NameIndex, RegistryEntry
from prisonwatch.names.keys import fine_keys
from prisonwatch.names.spelling import CORRESPONDENCES, frame


def _explained(a: str, b: str, without: int | None = None) -> bool:
    return any(frame(x, without) == frame(y, without) for x in fine_keys(a) for y in fine_keys(b))


@pytest.mark.parametrize("place", range(len(CORRESPONDENCES)))
def test_each_rule_explains_its_example_and_is_needed(place: int) -> None:
    a, b = CORRESPONDENCES[place].example
    assert _explained(a, b)
    assert not _explained(a, b, without=place)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Zhukouskaya", "Zhukarskaya"),  # an r where a ў was: another stem.
        ("Labkovich", "Lyaukovich"),  # a b where a ў was.
        ("Yanshin", "Yashin"),  # an n more.
        ("Marozau", "Marazan"),  # n for the final ў.
    ],
)
def test_other_consonants_are_not_explained(a: str, b: str) -> None:
    assert not _explained(a, b)


def test_unexplained_near_surname_is_at_most_ambiguous() -> None:
    index = NameIndex.build(
        [
            RegistryEntry("zh", "Volha Zhukarskaya", []),
            RegistryEntry("sh", "Alesia Sheremet", []),
        ]
    )
    guess = index.match("Volha Zhukouskaya")
    assert guess.status == "ambiguous"
    assert "no spelling rule explains it" in guess.reason
    rule = index.match("Olesia Cheremet")
    assert rule.status == "matched" and rule.person_id == "sh"
    assert "same consonants" in rule.reason
