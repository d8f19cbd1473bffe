"""One event per happening: a release named again, a group's members, a group a noun brings in."""

from __future__ import annotations

from .helpers import proposed


def _of(kind: str, text: str) -> list[tuple[list[str], int | None, bool]]:
    return [
        ([p.name for p in e.persons], e.count, e.background)
        for e in proposed(text)
        if e.type == kind
    ]


_HEADLINE = "Poet Ann Roe is freed after two years in a Vorsk jail\n\n"


def test_a_release_named_again_in_a_relative_clause_is_the_same_release() -> None:
    text = _HEADLINE + (
        "Ann Roe, who was released from jail in Vorsk on Monday, told reporters in Vilnius "
        "that she felt well."
    )
    assert _of("release", text) == [(["Ann Roe"], None, False)]


def test_a_release_told_as_earlier_stays_apart() -> None:
    text = _HEADLINE + (
        "Ann Roe, who was earlier released from jail in Vorsk, told reporters in Vilnius "
        "that she felt well."
    )
    assert len(_of("release", text)) == 2


def test_a_release_of_another_person_in_a_relative_clause_stays_apart() -> None:
    text = _HEADLINE + (
        "Bo Lind, who was released from jail in Vorsk on Monday, told reporters in Vilnius "
        "that he felt well."
    )
    assert sorted(p for p, _, _ in _of("release", text)) == [["Ann Roe"], ["Bo Lind"]]


_GROUP = "A court in Vorsk convicted more than 30 union members on Tuesday. "


def test_a_member_of_a_counted_group_sentence_is_part_of_it() -> None:
    text = _GROUP + (
        "Ann Roe, who led the union, was among those convicted. Roe was sentenced to five years."
    )
    assert _of("sentence", text) == [(["Ann Roe"], 30, False)]


def test_a_roster_names_the_counted_group_and_another_person_stays_apart() -> None:
    text = _GROUP + (
        "Ann Roe, who led the union, was among those convicted. Bo Lind was sentenced to five "
        "years."
    )
    assert (["Ann Roe"], 30, False) in _of("sentence", text)
    assert (["Bo Lind"], None, False) in _of("sentence", text)


def test_a_roster_that_says_who_is_not_on_it_names_no_one() -> None:
    text = _GROUP + "Ann Roe was not among those convicted. Bo Lind was sentenced to five years."
    assert ([], 30, False) in _of("sentence", text)
    assert all("Ann Roe" not in p for p, _, _ in _of("sentence", text))


def test_a_noun_that_brings_in_an_untold_group_takes_the_roster_after_it() -> None:
    text = (
        "The ministry announced the release of a group of jailed students on Friday. Ann Roe "
        "and Bo Lind are among the students released."
    )
    assert [p for p, _, _ in _of("release", text)] == [["Ann Roe", "Bo Lind"]]


def test_a_noun_that_refers_to_the_group_told_is_the_same_release() -> None:
    text = "Vorsk freed 20 prisoners on Monday. Officials praised the release of the prisoners."
    assert _of("release", text) == [([], 20, False)]


def test_a_roster_of_another_type_names_no_one_for_the_group() -> None:
    text = _GROUP + "Ann Roe, who led the union, was among those freed."
    assert _of("sentence", text) == [([], 30, False)]


def test_a_detention_told_as_happening_again_is_a_second_arrest() -> None:
    text = (
        "Ann Roe was arrested in May for joining a rally and briefly freed in June before she "
        "was detained again later that month."
    )
    assert len(_of("arrest", text)) == 2


def test_a_detention_told_twice_is_one_arrest() -> None:
    text = (
        "Ann Roe was arrested in May for joining a rally. Police said she was detained at her "
        "flat in Vorsk."
    )
    assert len(_of("arrest", text)) == 1
