"""Every row of the trigger table proposes its type on its example, and not on its counter.

The counter uses the same word in a sentence that states no event of the row's type ('released
a new album'): the patterns, the checks and the filters must keep it out.
"""

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


@pytest.mark.parametrize("row", TRIGGERS, ids=lambda r: f"{r.type}-{r.lemmas[0]}")
def test_row_counter_does_not_fire(row: object) -> None:
    counter = row.counter  # type: ignore[attr-defined]
    assert counter, "every row carries an invented negative example"
    found = [e.type for e in proposed(counter)]
    assert row.type not in found, f"{counter!r} gave {found}"  # type: ignore[attr-defined]


def test_patterns_cover_every_lemma() -> None:
    patterns = matcher_patterns()
    verbs = set(patterns["VERB"][0][0]["LEMMA"]["IN"])
    nouns = set(patterns["NOUN"][0][0]["LEMMA"]["IN"])
    for row in TRIGGERS:
        assert set(row.lemmas) <= (nouns if row.nominal else verbs)


def test_meeting_the_other_sides_official_is_a_negotiation() -> None:
    aim = " on Monday to seek the release of a jailed reporter."
    met = "The minister met with her Hungarian counterpart" + aim
    assert "negotiation" in [e.type for e in proposed(met)]
    chat = "The minister met with her former classmates" + aim
    assert "negotiation" not in [e.type for e in proposed(chat)]


def test_rounded_up_needs_its_particle_and_people() -> None:
    assert "arrest" in [
        e.type for e in proposed("Riot police rounded up dozens of students on Sunday.")
    ]
    assert "arrest" not in [e.type for e in proposed("Riot police rounded the corner on Sunday.")]


def test_a_passive_handed_term_is_a_sentence() -> None:
    # The parser reads 'six years' after a passive 'was handed' as an adverbial noun.
    assert [e.type for e in proposed("Ann Roe was handed six years in prison on Friday.")] == [
        "sentence"
    ]
    assert proposed("Ann Roe was handed six letters on Friday.") == []


def test_a_religious_title_is_not_part_of_the_name() -> None:
    titled = "Police detained Ann Roe and Imam Bo Lind on Monday."
    assert [p.name for e in proposed(titled) for p in e.persons] == ["Ann Roe", "Bo Lind"]
    plain = "Police detained Ann Roe and Tom Lind on Monday."
    assert [p.name for e in proposed(plain) for p in e.persons] == ["Ann Roe", "Tom Lind"]


def test_a_tally_of_deaths_in_custody_is_no_death_event() -> None:
    tally = "The monitors followed 80 detainees in nine prisons; 12 died in custody."
    assert "death_in_custody" not in [e.type for e in proposed(tally)]
    named = "The blogger Ann Roe died in custody on Sunday."
    assert [e.type for e in proposed(named)] == ["death_in_custody"]
