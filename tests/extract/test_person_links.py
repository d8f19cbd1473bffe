"""People linked to events across lists, pronouns and given names (invented examples)."""

from __future__ import annotations

from tests.extract.helpers import proposed


def _persons(text: str, kind: str) -> list[list[str]]:
    return [[p.name for p in e.persons] for e in proposed(text) if e.type == kind]


def test_untagged_names_in_a_list_of_names_are_people() -> None:
    # The tagger takes one name for an organisation and misses the other.
    found = _persons(
        "Iranian authorities released Josh Fattow and Shane Brauer on Monday.", "release"
    )
    assert found == [["Josh Fattow", "Shane Brauer"]]


def test_places_and_organisations_in_a_list_are_not_people() -> None:
    found = _persons(
        "Police detained Pyotr Brask, while Lithuania and New York protested.", "arrest"
    )
    assert found == [["Pyotr Brask"]]
    found = _persons("Police detained Tomas Verhoeven and Amnesty International staff.", "arrest")
    assert all("Amnesty International" not in names for names in found)


def test_they_are_the_people_the_sentence_before_names() -> None:
    text = (
        "Police detained Ann Roeberg and Bo Lindqvist on May 2. "
        "A court later sentenced them to five years."
    )
    assert _persons(text, "sentence") == [["Ann Roeberg", "Bo Lindqvist"]]


def test_they_do_not_reach_back_past_a_sentence() -> None:
    text = (
        "Police detained Ann Roeberg and Bo Lindqvist on May 2. Officials met on Monday. "
        "A court later sentenced them to five years."
    )
    assert _persons(text, "sentence") in ([], [[]])


def test_a_subject_pronoun_continues_the_last_subject() -> None:
    # "He" follows Ivan Sokolov, the subject before, not the more often named official.
    text = (
        "President Tom Vasker spoke on Monday. Tom Vasker praised the police. "
        "Ivan Sokolov, a former minister, was a rival of Tom Vasker. He was arrested in 2005."
    )
    assert _persons(text, "arrest") == [["Ivan Sokolov"]]


def test_a_pronoun_after_a_sentence_with_no_person_subject_keeps_the_protagonist() -> None:
    text = (
        "Igor Roeberg was arrested in 2005. Igor Roeberg spoke to Tom Vasker. "
        "The weather was cold. He was freed on Monday."
    )
    assert _persons(text, "release") == [["Igor Roeberg"]]


def test_a_given_name_alone_is_the_full_name_it_starts() -> None:
    text = "Police detained Iryna Vaskova in May. A court freed Iryna on Monday."
    assert _persons(text, "release") == [["Iryna Vaskova"]]


def test_a_given_name_two_people_share_stays_unresolved() -> None:
    text = "Police detained Anna Roe and Anna Lind in May. A court freed Anna on Monday."
    assert _persons(text, "release") != [["Anna Roe"]]
    assert _persons(text, "release") != [["Anna Lind"]]


def test_a_given_name_the_tagger_reads_alone_is_still_the_full_name() -> None:
    text = (
        "Political prisoner Iryna Vaskova has been held for three years. "
        "Iryna was detained on May 3, 2021. A court freed Iryna on Monday."
    )
    assert _persons(text, "release") == [["Iryna Vaskova"]]
    assert _persons(text, "arrest") == [["Iryna Vaskova"]]


def test_whom_an_offence_names_is_no_patient_of_the_conviction() -> None:
    text = "The court upheld the conviction of Ivan Sokolov on Monday for insulting Tom Vasker."
    assert _persons(text, "sentence") == [["Ivan Sokolov"]]
    text = "Ivan Sokolov lost his appeal against a conviction of insulting President Tom Vasker."
    assert all("Tom Vasker" not in names for names in _persons(text, "sentence"))
