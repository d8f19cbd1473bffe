"""Argument rules of issue 15: vague multiples, amount nouns, time possessors, clausal subjects,
recent 'since' totals. Each rule has an invented positive and negative example."""

from __future__ import annotations

from .helpers import one, proposed


def test_a_few_dozen_gives_no_exact_count() -> None:
    vague = one("Police in Tarnovo detained a few dozen protesters on Sunday.", "arrest")
    assert (vague.count, vague.count_qualifier) == (None, "dozens")
    several = one("Guards freed several hundred inmates in Belport on Monday.", "release")
    assert (several.count, several.count_qualifier) == (None, "hundreds")
    # Negative: 'a dozen' alone is the number twelve.
    exact = one("Police in Tarnovo detained a dozen protesters on Sunday.", "arrest")
    assert exact.count == 12


def test_a_number_of_prisoners_is_a_group_of_people() -> None:
    text = "A number of prisoners were released from the Belport colony on Friday."
    assert [e.type for e in proposed(text)] == ["release"]
    # Negative: 'a number of statements' is no one.
    assert proposed("The ministry released a number of statements on Friday.") == []


def test_a_time_as_possessor_is_not_the_patient() -> None:
    text = "Friday's release of the teacher Dara Velkova ended a long campaign."
    assert [p.name for p in one(text, "release").persons] == ["Dara Velkova"]
    # Negative: a person as possessor is the one it happened to.
    own = one("Dara Velkova's release on Friday ended a long campaign.", "release")
    assert [p.name for p in own.persons] == ["Dara Velkova"]


def test_a_participle_parsed_as_subject_keeps_its_noun() -> None:
    text = "According to the office, 180 people convicted of unrest were pardoned on Monday."
    assert one(text, "pardon").count == 180
    # Negative: a plain passive subject is read as before.
    assert one("On Monday, 180 prisoners were pardoned by the president.", "pardon").count == 180


def test_a_total_since_a_recent_day_is_an_event() -> None:
    text = "Since May 4, police in Tarnovo have detained at least nine reporters."
    arrest = one(text, "arrest")
    assert (arrest.count, arrest.count_qualifier) == (9, "at least")
    # Negative: a running total since some year is a statistic (EVAL.md rule 13).
    total = "Since 2019, police in Tarnovo have detained at least 900 reporters."
    assert [e for e in proposed(total) if e.type == "arrest"] == []
